// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// IocActions on a Fleet with the sandbox's real user manager and real procServ units: which
// actions a selection allows, what the user is asked, what is reported, and what systemd then
// says about the unit.
#include "core/fleet/fleet.h"
#include "core/hosts/host.h"
#include "core/systemd/systemdmanager.h"
#include "tests/common/sandbox.h"
#include "ui/iocactions.h"

#include <QAction>
#include <QSignalSpy>
#include <QTest>
#include <QWidget>

class TestIocActions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void selectionDecidesWhatIsEnabled();
    void cancelledStopSendsNothing();
    void confirmedStopStopsAndStartStarts();
    void rowOfAHostNotInTheFleetFailsClearly();
    void viewActionsAskForTheirPages();
    void runConfirmationNamesStoppedIocs();

private:
    Ioc row(const QString &name) const;
    /// The outcome messages reported since @p spy was made: text and kind.
    static QStringList texts(const QSignalSpy &spy);

    Sandbox m_sandbox;
    const QString m_name = QStringLiteral("iacone");
    const QString m_unit = QStringLiteral("procserv-iacone.service");
    QWidget m_window;
    Fleet *m_fleet = nullptr;
    IocActions *m_actions = nullptr;
    QStringList m_questions;
    bool m_answer = false;
};

void TestIocActions::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    Q_INIT_RESOURCE(iocdock);
    qRegisterMetaType<Ioc>();
    qRegisterMetaType<MessageBar::Kind>();
    QVERIFY(m_sandbox.installUnit(m_unit, Sandbox::procServUtilsUnit(m_name)));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), m_unit }));
    m_fleet = new Fleet(this);
    QVERIFY(m_fleet->addHost(QStringLiteral("user")));
    m_actions = new IocActions(&m_window, this);
    m_actions->setFleet(m_fleet);
    m_actions->setConfirm([this](const QString &, const QString &text, const QString &,
                                 std::function<void(bool)> answer) {
        m_questions << text;
        answer(m_answer);
    });
    QTRY_VERIFY_WITH_TIMEOUT(m_fleet->isReady(), 60000);
}

void TestIocActions::cleanupTestCase()
{
    delete m_actions;
    delete m_fleet;
    if (Sandbox::isAvailable())
        m_sandbox.removeUnit(m_unit);
}

void TestIocActions::init()
{
    m_questions.clear();
    m_answer = false;
}

Ioc TestIocActions::row(const QString &name) const
{
    const IocResolver::Result result = m_fleet->resolve({ name }, true);
    return result.iocs.value(0);
}

QStringList TestIocActions::texts(const QSignalSpy &spy)
{
    QStringList list;
    for (const QList<QVariant> &args : spy)
        list << args.at(0).toString();
    return list;
}

void TestIocActions::selectionDecidesWhatIsEnabled()
{
    m_actions->setSelection({});
    QVERIFY(!m_actions->startAction()->isEnabled());
    QVERIFY(!m_actions->stopAction()->isEnabled());
    QVERIFY(!m_actions->logsAction()->isEnabled());

    QTRY_COMPARE_WITH_TIMEOUT(row(m_name).activeState, QStringLiteral("active"), 30000);
    m_actions->setSelection({ row(m_name) });
    QVERIFY(!m_actions->startAction()->isEnabled());
    QVERIFY(m_actions->stopAction()->isEnabled());
    QVERIFY(m_actions->restartAction()->isEnabled());
    QVERIFY(m_actions->attachAction()->isEnabled()); // procServ's UNIX socket
    QVERIFY(m_actions->logsAction()->isEnabled());
    QVERIFY(m_actions->detailsAction()->isEnabled());
}

void TestIocActions::cancelledStopSendsNothing()
{
    m_actions->setSelection({ row(m_name) });
    QSignalSpy outcomes(m_actions, &IocActions::outcomeReported);
    m_answer = false;
    m_actions->stopAction()->trigger();
    QCOMPARE(m_questions.size(), 1);
    QVERIFY(m_questions.first().startsWith(QLatin1String("Stop 1 IOC(s)?")));
    QVERIFY(m_questions.first().contains(QStringLiteral("• iacone on local-user")));
    QCOMPARE(outcomes.count(), 0);
    QCOMPARE(m_sandbox.unitProperty(m_unit, QStringLiteral("ActiveState")),
             QStringLiteral("active"));
}

void TestIocActions::confirmedStopStopsAndStartStarts()
{
    m_actions->setSelection({ row(m_name) });
    QSignalSpy outcomes(m_actions, &IocActions::outcomeReported);
    QSignalSpy finished(m_actions, &IocActions::jobsFinished);
    m_answer = true;
    m_actions->stopAction()->trigger();
    QCOMPARE(m_questions.size(), 1);
    QVERIFY(finished.wait(60000));
    QCOMPARE(
            texts(outcomes),
            (QStringList{ QStringLiteral("Stopping iacone…"), QStringLiteral("Stopped iacone.") }));
    QCOMPARE(outcomes.last().at(1).value<MessageBar::Kind>(), MessageBar::Kind::Success);
    QCOMPARE(m_sandbox.unitProperty(m_unit, QStringLiteral("ActiveState")),
             QStringLiteral("inactive"));
    // The row the fleet lists follows, and the actions with it once selected again.
    QTRY_COMPARE_WITH_TIMEOUT(row(m_name).activeState, QStringLiteral("inactive"), 30000);
    m_actions->setSelection({ row(m_name) });
    QVERIFY(m_actions->startAction()->isEnabled());
    QVERIFY(!m_actions->stopAction()->isEnabled());

    // Start asks nothing.
    outcomes.clear();
    finished.clear();
    m_questions.clear();
    m_actions->startAction()->trigger();
    QVERIFY(m_questions.isEmpty());
    QVERIFY(finished.wait(60000));
    QCOMPARE(
            texts(outcomes),
            (QStringList{ QStringLiteral("Starting iacone…"), QStringLiteral("Started iacone.") }));
    QCOMPARE(m_sandbox.unitProperty(m_unit, QStringLiteral("ActiveState")),
             QStringLiteral("active"));
}

void TestIocActions::rowOfAHostNotInTheFleetFailsClearly()
{
    Ioc stranger = row(m_name);
    stranger.host = QStringLiteral("elsewhere");
    m_actions->setSelection({ stranger });
    QSignalSpy outcomes(m_actions, &IocActions::outcomeReported);
    QSignalSpy finished(m_actions, &IocActions::jobsFinished);
    m_actions->startAction()->setEnabled(true); // what a stale selection could allow
    m_actions->run(UnitAction::Start, { stranger });
    QCOMPARE(finished.count(), 1);
    QCOMPARE(texts(outcomes),
             QStringList{ QStringLiteral("iacone: its host elsewhere is not connected.") });
    QCOMPARE(outcomes.first().at(1).value<MessageBar::Kind>(), MessageBar::Kind::Error);
    QCOMPARE(m_sandbox.unitProperty(m_unit, QStringLiteral("ActiveState")),
             QStringLiteral("active"));
}

void TestIocActions::viewActionsAskForTheirPages()
{
    const Ioc ioc = row(m_name);
    m_actions->setSelection({ ioc });
    QSignalSpy attach(m_actions, &IocActions::attachRequested);
    QSignalSpy logs(m_actions, &IocActions::logsRequested);
    QSignalSpy details(m_actions, &IocActions::detailsRequested);
    m_actions->attachAction()->trigger();
    m_actions->logsAction()->trigger();
    m_actions->detailsAction()->trigger();
    QCOMPARE(attach.count(), 1);
    QCOMPARE(attach.first().at(0).value<Ioc>().key(), ioc.key());
    QCOMPARE(logs.count(), 1);
    QCOMPARE(details.count(), 1);
}

void TestIocActions::runConfirmationNamesStoppedIocs()
{
    const auto ioc = [](const char *name, const char *activeState) {
        Ioc i;
        i.host = QStringLiteral("local-user");
        i.name = QLatin1String(name);
        i.unit = QLatin1String(name) + QStringLiteral(".service");
        i.activeState = QLatin1String(activeState);
        return i;
    };
    const Ioc up = ioc("up1", "active");
    const Ioc down = ioc("down1", "inactive");
    const Ioc failed = ioc("failed1", "failed");
    const QString all =
            IocActions::runCommandConfirmationText(QStringLiteral("dbl"), { up, down, failed });
    QVERIFY2(all.contains(QStringLiteral("“dbl”")), qPrintable(all));
    QVERIFY2(all.contains(QLatin1String("3 IOC(s)")), qPrintable(all));
    QVERIFY2(all.endsWith(QLatin1String("Not running, so nothing is sent to: down1, failed1.")),
             qPrintable(all));
    const QString running =
            IocActions::runCommandConfirmationText(QStringLiteral("dbl"), { up, up });
    QVERIFY2(!running.contains(QLatin1String("Not running")), qPrintable(running));
}

QTEST_MAIN(TestIocActions)
#include "tst_iocactions.moc"
