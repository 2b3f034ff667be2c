// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// IocAlerts and DesktopNotifier against a real org.freedesktop.Notifications name on the
// sandbox's session bus (a real dbus-daemon): the daemon is this test's own small D-Bus
// object, registered on a second connection, standing in for a desktop's notification
// daemon (none runs in the sandbox). The rows are values: what makes a real IOC crash-loop
// is tested in tst_childtracker.
#include "core/hosts/desktopnotifier.h"
#include "core/ioc/iocalerts.h"
#include "tests/common/sandbox.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QSignalSpy>
#include <QTest>

class NotificationDaemon : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Received
    {
        QString app;
        QString summary;
        QString body;
        int urgency = -1;
    };
    QList<Received> received;

public slots:
    uint Notify(const QString &app, uint replacesId, const QString &icon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints,
                int timeout)
    {
        Q_UNUSED(replacesId)
        Q_UNUSED(icon)
        Q_UNUSED(actions)
        Q_UNUSED(timeout)
        received.append({ app, summary, body, hints.value(QStringLiteral("urgency")).toInt() });
        return uint(received.size());
    }
};

class TestIocAlerts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void alertsOnCrashLoopAndFailure();
    void silentWithoutDaemon();

private:
    static Ioc row(const QString &active, const QString &sub);
    QDBusConnection m_daemonBus{ QString() };
    NotificationDaemon m_daemon;
};

void TestIocAlerts::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    QVERIFY(QDBusConnection::sessionBus().isConnected());
    m_daemonBus = QDBusConnection::connectToBus(QDBusConnection::SessionBus,
                                                QStringLiteral("tst_iocalerts_daemon"));
    QVERIFY(m_daemonBus.isConnected());
    QVERIFY(m_daemonBus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &m_daemon,
                                       QDBusConnection::ExportAllSlots));
    QVERIFY(m_daemonBus.registerService(QStringLiteral("org.freedesktop.Notifications")));
}

void TestIocAlerts::cleanupTestCase()
{
    if (m_daemonBus.isConnected()) {
        m_daemonBus.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
        QDBusConnection::disconnectFromBus(QStringLiteral("tst_iocalerts_daemon"));
    }
}

Ioc TestIocAlerts::row(const QString &active, const QString &sub)
{
    Ioc ioc;
    ioc.host = QStringLiteral("local-user");
    ioc.name = QStringLiteral("crashy");
    ioc.unit = QStringLiteral("softioc-crashy.service");
    ioc.unitPath = QStringLiteral("/org/freedesktop/systemd1/unit/x");
    ioc.activeState = active;
    ioc.subState = sub;
    ioc.childState = ChildState::Running;
    ioc.childPid = 100;
    ioc.childRestarts = 0;
    return ioc;
}

void TestIocAlerts::alertsOnCrashLoopAndFailure()
{
    IocAlerts alerts;
    QSignalSpy alerted(&alerts, &IocAlerts::alerted);
    QSignalSpy notified(alerts.notifier(), &DesktopNotifier::notified);

    Ioc ioc = row(QStringLiteral("active"), QStringLiteral("running"));
    alerts.update(ioc); // first sight: recorded, no alert
    alerts.update(ioc);
    QCOMPARE(alerted.size(), 0);

    const QDateTime now = QDateTime::currentDateTime();
    ioc.childRestarts = 3;
    ioc.recentRestarts = { now.addSecs(-30), now.addSecs(-20), now.addSecs(-10) };
    ioc.childCrashLoop = true;
    ioc.lastExit.signal = 11;
    ioc.lastExit.at = now.addSecs(-11);
    alerts.update(ioc);
    QCOMPARE(alerted.size(), 1);
    const QString text = alerted.at(0).at(0).toString();
    QVERIFY2(text.contains(QLatin1String("crashy")) && text.contains(QLatin1String("crash loop"))
                     && text.contains(QLatin1String("SIGSEGV")),
             qPrintable(text));
    QVERIFY(notified.wait(10000));
    QVERIFY(notified.at(0).at(0).toUInt() > 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_daemon.received.size(), 1, 5000);
    QCOMPARE(m_daemon.received.at(0).app, QStringLiteral("iocdock"));
    QCOMPARE(m_daemon.received.at(0).summary, QStringLiteral("IOC crash loop"));
    QCOMPARE(m_daemon.received.at(0).body, text);
    QCOMPARE(m_daemon.received.at(0).urgency, 1);

    // Still in the loop: no second alert.
    alerts.update(ioc);
    QCOMPARE(alerted.size(), 1);

    Ioc failed = row(QStringLiteral("failed"), QStringLiteral("failed"));
    failed.result = QStringLiteral("exit-code");
    alerts.update(failed);
    QCOMPARE(alerted.size(), 2);
    QVERIFY2(alerted.at(1).at(0).toString().contains(QLatin1String("failed (exit-code)")),
             qPrintable(alerted.at(1).at(0).toString()));
    QTRY_COMPARE_WITH_TIMEOUT(m_daemon.received.size(), 2, 10000);
    QCOMPARE(m_daemon.received.at(1).summary, QStringLiteral("IOC failed"));
    QCOMPARE(m_daemon.received.at(1).urgency, 2);

    // Its host lost and back, the IOC still failed: nothing new to say.
    Ioc lost = failed;
    lost.hostLost = true;
    alerts.update(lost);
    alerts.update(failed);
    QCOMPARE(alerted.size(), 2);
}

void TestIocAlerts::silentWithoutDaemon()
{
    QVERIFY(m_daemonBus.unregisterService(QStringLiteral("org.freedesktop.Notifications")));
    DesktopNotifier notifier;
    QSignalSpy notified(&notifier, &DesktopNotifier::notified);
    notifier.notify(QStringLiteral("x"), QStringLiteral("y"));
    QVERIFY(notified.wait(10000));
    QCOMPARE(notified.at(0).at(0).toUInt(), 0u);
    QVERIFY(m_daemonBus.registerService(QStringLiteral("org.freedesktop.Notifications")));
}

QTEST_GUILESS_MAIN(TestIocAlerts)
#include "tst_iocalerts.moc"
