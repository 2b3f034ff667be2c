// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// Host::setUsePrivateSocket(): unit properties read over systemd's private socket, against the
// sandbox's real user manager. The reads must give what the bus gives, and survive
// daemon-reexec, which closes every private connection.
#include "core/hosts/host.h"
#include "core/systemd/systemdmanager.h"
#include "tests/common/sandbox.h"

#include <QDBusConnection>
#include <QTest>

class TestHostPrivateSocket : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void readsMatchTheBus();
    void readsSurviveDaemonReexec();
    void offByDefault();

private:
    Host *connectedHost(bool usePrivateSocket);
    UnitDetails listingDetails(Host *host);

    Sandbox m_sandbox;
    const QString m_unit = QStringLiteral("tst-hostpriv.service");
    QString m_path;
};

void TestHostPrivateSocket::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    const QString socket = m_sandbox.runtimeDir() + QStringLiteral("/tst-hostpriv.sock");
    QVERIFY(m_sandbox.installUnit(
            m_unit,
            Sandbox::procServUnit(QStringLiteral("hostpriv"),
                                  { QStringLiteral("-P"), QStringLiteral("unix:") + socket })));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), m_unit }));
    m_path = QStringLiteral("/org/freedesktop/systemd1/unit/tst_2dhostpriv_2eservice");
}

void TestHostPrivateSocket::cleanupTestCase()
{
    if (Sandbox::isAvailable())
        m_sandbox.removeUnit(m_unit);
}

Host *TestHostPrivateSocket::connectedHost(bool usePrivateSocket)
{
    Host *host = Host::fromSpec(QStringLiteral("user"), this);
    host->setUsePrivateSocket(usePrivateSocket);
    host->connectToManager();
    (void)QTest::qWaitFor(
            [host] {
                return host->state() == Host::State::Connected
                        || host->state() == Host::State::Failed;
            },
            10000);
    return host;
}

UnitDetails TestHostPrivateSocket::listingDetails(Host *host)
{
    UnitDetails result;
    bool answered = false;
    host->manager()->unitListingDetails(m_path, true, this, [&](const UnitDetails &details) {
        result = details;
        answered = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(answered, 20000); }();
    if (!answered)
        result.error = QStringLiteral("no answer within 20 s");
    return result;
}

void TestHostPrivateSocket::readsMatchTheBus()
{
    Host *viaBus = connectedHost(false);
    Host *viaPeer = connectedHost(true);
    QCOMPARE(viaBus->state(), Host::State::Connected);
    QCOMPARE(viaPeer->state(), Host::State::Connected);
    QVERIFY(!viaBus->usesPrivateSocket());
    QVERIFY(viaPeer->usesPrivateSocket());

    const UnitDetails bus = listingDetails(viaBus);
    const UnitDetails peer = listingDetails(viaPeer);
    QCOMPARE(peer.error, QString());
    QCOMPARE(bus.error, QString());
    const QString mainPid = m_sandbox.unitProperty(m_unit, QStringLiteral("MainPID"));
    QVERIFY(mainPid.toUInt() > 0);
    QCOMPARE(QString::number(peer.service.mainPid.value_or(0)), mainPid);
    QCOMPARE(peer.service.mainPid.value_or(0), bus.service.mainPid.value_or(0));
    QVERIFY(peer.unit.activeEnterTimestamp.has_value());
    QCOMPARE(peer.unit.activeEnterTimestamp.value_or(QDateTime()),
             bus.unit.activeEnterTimestamp.value_or(QDateTime()));
    QCOMPARE(peer.execStart.size(), 1);
    QCOMPARE(peer.execStart.first().argv, bus.execStart.first().argv);
    QVERIFY(peer.execStart.first().path.endsWith(QLatin1String("procServ")));

    // A unit that is not there: systemd loads it on demand as not-found, and either way the
    // same answer comes back.
    UnitDetails busMissing;
    UnitDetails peerMissing;
    int answers = 0;
    const QString missing = QStringLiteral("/org/freedesktop/systemd1/unit/tst_2dnone_2eservice");
    viaBus->manager()->unitListingDetails(missing, false, this, [&](const UnitDetails &d) {
        busMissing = d;
        ++answers;
    });
    viaPeer->manager()->unitListingDetails(missing, false, this, [&](const UnitDetails &d) {
        peerMissing = d;
        ++answers;
    });
    QTRY_COMPARE_WITH_TIMEOUT(answers, 2, 20000);
    QCOMPARE(peerMissing.error, busMissing.error);
    QVERIFY(peerMissing.service == busMissing.service);
    QVERIFY(peerMissing.unit == busMissing.unit);
    QVERIFY(peerMissing.execStart.isEmpty());
    delete viaBus;
    delete viaPeer;
}

void TestHostPrivateSocket::readsSurviveDaemonReexec()
{
    Host *host = connectedHost(true);
    QVERIFY(host->usesPrivateSocket());
    const QString mainPid = m_sandbox.unitProperty(m_unit, QStringLiteral("MainPID"));
    QCOMPARE(QString::number(listingDetails(host).service.mainPid.value_or(0)), mainPid);

    // Re-executing closes every private connection; the bus connection stays.
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("daemon-reexec") }));
    QTRY_VERIFY_WITH_TIMEOUT(
            !QDBusConnection(QStringLiteral("%1-private").arg(host->manager()->connection().name()))
                     .isConnected(),
            20000);
    const UnitDetails after = listingDetails(host);
    QCOMPARE(after.error, QString());
    QCOMPARE(QString::number(after.service.mainPid.value_or(0)), mainPid);
    QCOMPARE(host->state(), Host::State::Connected);
    // The IOC was not touched.
    QCOMPARE(m_sandbox.unitProperty(m_unit, QStringLiteral("ActiveState")),
             QStringLiteral("active"));
    QCOMPARE(m_sandbox.unitProperty(m_unit, QStringLiteral("MainPID")), mainPid);
    delete host;
}

void TestHostPrivateSocket::offByDefault()
{
    Host *host = Host::fromSpec(QStringLiteral("user"), this);
    QVERIFY(!host->usesPrivateSocket());
    host->connectToManager();
    QTRY_COMPARE_WITH_TIMEOUT(host->state(), Host::State::Connected, 10000);
    QVERIFY(!host->usesPrivateSocket());
    delete host;
}

QTEST_GUILESS_MAIN(TestHostPrivateSocket)
#include "tst_hostprivatesocket.moc"
