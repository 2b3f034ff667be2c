// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// "In Order…" (IocActions + OrderedActionDialog + core's OrderedRun) on a Fleet with the
// sandbox's real user manager and real procServ units: a restart in name order with a delay
// as systemd records it (ActiveEnterTimestampMonotonic), the progress in the history, a
// Cancel after the first IOC that leaves the others untouched, and a stop timeout that kills an
// IOC whose stop hangs (core's TimedStop, as `iocctl stop -t`).
#include "core/fleet/fleet.h"
#include "core/fleet/orderedrun.h"
#include "core/hosts/host.h"
#include "core/systemd/systemdmanager.h"
#include "tests/common/sandbox.h"
#include "ui/iocactions.h"
#include "ui/orderedactiondialog.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QWidget>

class TestOrderedActions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void sequencerRules();
    void restartInNameOrderWithDelay();
    void cancelAfterTheFirstLeavesTheRest();
    void stopTimeoutKillsAHangingStop();

private:
    Ioc row(const QString &name) const;
    qint64 activeEnter(const QString &name);
    static QStringList texts(const QSignalSpy &spy);
    /// Opens the dialog on the three IOCs listed in reverse name order, Restart chosen.
    OrderedActionDialog *openDialog(double delaySeconds);

    Sandbox m_sandbox;
    const QStringList m_names = { QStringLiteral("tstord-a"), QStringLiteral("tstord-b"),
                                  QStringLiteral("tstord-c") };
    const QString m_stubborn = QStringLiteral("tstord-stubborn");
    QWidget m_window;
    Fleet *m_fleet = nullptr;
    IocActions *m_actions = nullptr;
};

static QString unitOf(const QString &name)
{
    return QStringLiteral("procserv-%1.service").arg(name);
}

void TestOrderedActions::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    Q_INIT_RESOURCE(iocdock);
    qRegisterMetaType<Ioc>();
    qRegisterMetaType<MessageBar::Kind>();
    for (const QString &name : m_names) {
        QVERIFY(m_sandbox.installUnit(unitOf(name), Sandbox::procServUtilsUnit(name)));
        QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unitOf(name) }));
    }
    // A stop that hangs: systemd's stop signal is one procServ and the IOC ignore (SIGWINCH's
    // default), and systemd would wait 5 minutes before SIGKILL.
    const QList<quint16> ports = Sandbox::freeTcpPorts(1);
    QCOMPARE(ports.size(), 1);
    QVERIFY(m_sandbox.installUnit(
            unitOf(m_stubborn),
            Sandbox::procServUnit(m_stubborn,
                                  { QStringLiteral("-P"), QString::number(ports.at(0)) }, {},
                                  { QStringLiteral("KillSignal=SIGWINCH"),
                                    QStringLiteral("TimeoutStopSec=300") })));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unitOf(m_stubborn) }));
    m_fleet = new Fleet(this);
    QVERIFY(m_fleet->addHost(QStringLiteral("user")));
    m_actions = new IocActions(&m_window, this);
    m_actions->setFleet(m_fleet);
    QTRY_VERIFY_WITH_TIMEOUT(m_fleet->isReady(), 60000);
    for (const QString &name : m_names)
        QTRY_VERIFY_WITH_TIMEOUT(row(name).isActive(), 60000);
}

void TestOrderedActions::cleanupTestCase()
{
    delete m_actions;
    delete m_fleet;
    if (Sandbox::isAvailable()) {
        for (const QString &name : m_names)
            m_sandbox.removeUnit(unitOf(name));
        m_sandbox.systemctl({ QStringLiteral("kill"), QStringLiteral("-s"), QStringLiteral("KILL"),
                              unitOf(m_stubborn) });
        m_sandbox.removeUnit(unitOf(m_stubborn));
    }
}

Ioc TestOrderedActions::row(const QString &name) const
{
    const QList<Ioc> rows = m_fleet->iocs();
    for (const Ioc &ioc : rows) {
        if (ioc.name == name)
            return ioc;
    }
    return {};
}

qint64 TestOrderedActions::activeEnter(const QString &name)
{
    return m_sandbox.unitProperty(unitOf(name), QStringLiteral("ActiveEnterTimestampMonotonic"))
            .toLongLong();
}

QStringList TestOrderedActions::texts(const QSignalSpy &spy)
{
    QStringList result;
    for (const QList<QVariant> &args : spy)
        result << args.at(0).toString();
    return result;
}

OrderedActionDialog *TestOrderedActions::openDialog(double delaySeconds)
{
    const QList<Ioc> listed{ row(QStringLiteral("tstord-c")), row(QStringLiteral("tstord-a")),
                             row(QStringLiteral("tstord-b")) };
    // A dialog left by a failed test is not the one opened now.
    qDeleteAll(m_window.findChildren<OrderedActionDialog *>());
    m_actions->setSelection(listed);
    if (!m_actions->inOrderAction()->isEnabled())
        return nullptr;
    m_actions->inOrderAction()->trigger();
    auto *dialog = m_window.findChild<OrderedActionDialog *>();
    if (!dialog)
        return nullptr;
    dialog->actionCombo()->setCurrentIndex(
            dialog->actionCombo()->findData(static_cast<int>(UnitAction::Restart)));
    dialog->delaySpinBox()->setValue(delaySeconds);
    return dialog;
}

void TestOrderedActions::sequencerRules()
{
    // OrderedRun alone, with steps that end on a timer: one at a time, in order, the delay
    // between them, and cancel() while a step runs lets it finish and starts no other.
    QList<Ioc> iocs;
    for (const char *name : { "b", "a", "c" }) {
        Ioc ioc;
        ioc.name = QLatin1String(name);
        ioc.host = QStringLiteral("h");
        iocs << ioc;
    }
    QCOMPARE(OrderedRun::ordered(iocs, OrderedRun::Order::Name).first().name, QStringLiteral("a"));
    QCOMPARE(OrderedRun::ordered(iocs, OrderedRun::Order::Given).first().name, QStringLiteral("b"));
    QStringList log;
    int running = 0;
    OrderedRun run(iocs, 50, [&](const Ioc &ioc, std::function<void(bool)> done) {
        log << ioc.name;
        QVERIFY(running++ == 0);
        QTimer::singleShot(100, &m_window, [&running, done] {
            --running;
            done(true);
        });
    });
    QSignalSpy finished(&run, &OrderedRun::finished);
    QSignalSpy waiting(&run, &OrderedRun::waiting);
    connect(&run, &OrderedRun::iocFinished, &run, [&run](int index) {
        if (index == 1)
            run.cancel(); // as "a" reports: no delay, no "c"
    });
    run.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(log, (QStringList{ QStringLiteral("b"), QStringLiteral("a") }));
    QVERIFY(run.isCanceled());
    QCOMPARE(run.startedCount(), 2);
    QCOMPARE(waiting.count(), 1); // before "a" only
    QTest::qWait(300); // nothing starts later
    QCOMPARE(log.size(), 2);
    QCOMPARE(finished.count(), 1);
}

void TestOrderedActions::restartInNameOrderWithDelay()
{
    QSignalSpy outcomes(m_actions, &IocActions::outcomeReported);
    OrderedActionDialog *dialog = openDialog(2.0);
    QVERIFY(dialog);
    dialog->orderCombo()->setCurrentIndex(
            dialog->orderCombo()->findData(static_cast<int>(OrderedRun::Order::Name)));
    // The list shows the order they will be acted on.
    QCOMPARE(dialog->iocList()->count(), 3);
    QVERIFY(dialog->iocList()->item(0)->text().contains(QLatin1String("tstord-a")));
    QVERIFY(dialog->iocList()->item(2)->text().contains(QLatin1String("tstord-c")));
    const qint64 before = activeEnter(QStringLiteral("tstord-a"));
    QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
    QVERIFY(dialog->run());
    QSignalSpy finished(dialog->run(), &OrderedRun::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 120000);
    QVERIFY2(texts(outcomes).contains(QStringLiteral("Restarted tstord-a, tstord-b, tstord-c.")),
             qPrintable(texts(outcomes).join(QLatin1Char('\n'))));
    for (const char *line : { "1 of 3 done: tstord-a restarted", "2 of 3 done: tstord-b restarted",
                              "3 of 3 done: tstord-c restarted", "Waiting 2 s before tstord-b…" })
        QVERIFY2(texts(outcomes).contains(QString::fromUtf8(line)),
                 qPrintable(texts(outcomes).join(QLatin1Char('\n'))));
    QVERIFY(dialog->iocList()->item(2)->text().endsWith(QLatin1String("done")));
    // systemd's own record: started again in name order, at least the delay apart.
    const qint64 a = activeEnter(QStringLiteral("tstord-a"));
    const qint64 b = activeEnter(QStringLiteral("tstord-b"));
    const qint64 c = activeEnter(QStringLiteral("tstord-c"));
    QVERIFY2(a > before && b - a >= 2000000 && c - b >= 2000000,
             qPrintable(QStringLiteral("%1 %2 %3 %4").arg(before).arg(a).arg(b).arg(c)));
    QCOMPARE(dialog->cancelButton()->text(), QStringLiteral("&Close"));
    QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY(!m_window.findChild<OrderedActionDialog *>());
}

void TestOrderedActions::cancelAfterTheFirstLeavesTheRest()
{
    for (const QString &name : m_names)
        QTRY_VERIFY_WITH_TIMEOUT(row(name).isActive(), 60000);
    QSignalSpy outcomes(m_actions, &IocActions::outcomeReported);
    // As listed: tstord-c first. A long delay: Cancel comes while it passes.
    OrderedActionDialog *dialog = openDialog(600);
    QVERIFY(dialog);
    dialog->orderCombo()->setCurrentIndex(
            dialog->orderCombo()->findData(static_cast<int>(OrderedRun::Order::Given)));
    const qint64 c0 = activeEnter(QStringLiteral("tstord-c"));
    const qint64 a0 = activeEnter(QStringLiteral("tstord-a"));
    const qint64 b0 = activeEnter(QStringLiteral("tstord-b"));
    const QString aInvocation = m_sandbox.unitProperty(unitOf(QStringLiteral("tstord-a")),
                                                       QStringLiteral("InvocationID"));
    QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
    QPointer<OrderedRun> run = dialog->run();
    QVERIFY(run);
    QSignalSpy finished(run.data(), &OrderedRun::finished);
    QTRY_VERIFY_WITH_TIMEOUT(
            texts(outcomes).contains(QStringLiteral("1 of 3 done: tstord-c restarted")), 120000);
    QVERIFY(run->isWaiting());
    QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QVERIFY2(texts(outcomes).contains(QStringLiteral(
                     "Canceled after 1 of 3 IOC(s); not acted on: tstord-a, tstord-b.")),
             qPrintable(texts(outcomes).join(QLatin1Char('\n'))));
    QVERIFY(dialog->iocList()->item(1)->text().endsWith(QLatin1String("not acted on (canceled)")));
    QVERIFY(activeEnter(QStringLiteral("tstord-c")) > c0);
    // The others: not restarted, and not later either.
    QTest::qWait(2000);
    QCOMPARE(activeEnter(QStringLiteral("tstord-a")), a0);
    QCOMPARE(activeEnter(QStringLiteral("tstord-b")), b0);
    QCOMPARE(m_sandbox.unitProperty(unitOf(QStringLiteral("tstord-a")),
                                    QStringLiteral("InvocationID")),
             aInvocation);
    QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY(!m_window.findChild<OrderedActionDialog *>());
}

void TestOrderedActions::stopTimeoutKillsAHangingStop()
{
    QTRY_VERIFY_WITH_TIMEOUT(row(m_stubborn).isActive(), 60000);
    QSignalSpy outcomes(m_actions, &IocActions::outcomeReported);
    qDeleteAll(m_window.findChildren<OrderedActionDialog *>());
    m_actions->setSelection({ row(m_stubborn) });
    QVERIFY(m_actions->inOrderAction()->isEnabled());
    m_actions->inOrderAction()->trigger();
    auto *dialog = m_window.findChild<OrderedActionDialog *>();
    QVERIFY(dialog);
    // Off by default (the unit's own TimeoutStopSec), and a start stops nothing.
    QVERIFY(!dialog->stopTimeoutCheckBox()->isChecked());
    QVERIFY(!dialog->stopTimeoutSpinBox()->isEnabled());
    QCOMPARE(dialog->stopTimeoutSeconds(), -1);
    dialog->actionCombo()->setCurrentIndex(
            dialog->actionCombo()->findData(static_cast<int>(UnitAction::Start)));
    QVERIFY(!dialog->stopTimeoutCheckBox()->isEnabled());
    dialog->actionCombo()->setCurrentIndex(
            dialog->actionCombo()->findData(static_cast<int>(UnitAction::Stop)));
    QVERIFY(dialog->stopTimeoutCheckBox()->isEnabled());
    QTest::mouseClick(dialog->stopTimeoutCheckBox(), Qt::LeftButton);
    QVERIFY(dialog->stopTimeoutSpinBox()->isEnabled());
    dialog->stopTimeoutSpinBox()->setValue(2);
    QCOMPARE(dialog->stopTimeoutSeconds(), 2);

    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
    QVERIFY(dialog->run());
    QSignalSpy finished(dialog->run(), &OrderedRun::finished);
    // Well before systemd's own 300 s (bound generous for a loaded machine; a failing QTRY
    // waits twice its bound, within QTest's 300 s per function).
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 100000);
    QVERIFY2(clock.elapsed() < 100000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!dialog->stopTimeoutCheckBox()->isEnabled());
    // Killed: systemd's verdict on the unit (Result=signal), and the history says so.
    QCOMPARE(m_sandbox.unitProperty(unitOf(m_stubborn), QStringLiteral("ActiveState")),
             QStringLiteral("failed"));
    QVERIFY2(texts(outcomes).contains(QStringLiteral(
                     "1 of 1 done: tstord-stubborn stopped (not stopped after 2 s: its processes "
                     "were killed, and systemd shows its unit as failed)")),
             qPrintable(texts(outcomes).join(QLatin1Char('\n'))));
    QVERIFY(dialog->iocList()->item(0)->text().endsWith(QLatin1String("done")));
    // Nothing of the unit was changed.
    QCOMPARE(m_sandbox.unitProperty(unitOf(m_stubborn), QStringLiteral("TimeoutStopUSec")),
             QStringLiteral("5min"));
    QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
    QTRY_VERIFY(!m_window.findChild<OrderedActionDialog *>());
}

QTEST_MAIN(TestOrderedActions)
#include "tst_orderedactions.moc"
