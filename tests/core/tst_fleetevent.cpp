// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/fleet/fleetevent.h"

#include <QTest>

/// Which events two successive rows of one IOC make, and how an event is printed.
class TestFleetEvent : public QObject
{
    Q_OBJECT

private slots:
    void between_data();
    void between();
    void textAndJson();
    void templates();
};

namespace {

Ioc row(const char *activeState, quint32 mainPid, ChildState child, quint32 childPid)
{
    Ioc ioc;
    ioc.host = QStringLiteral("local-user");
    ioc.name = QStringLiteral("vac");
    ioc.unit = QStringLiteral("softioc-vac.service");
    ioc.activeState = QLatin1String(activeState);
    ioc.mainPid = mainPid;
    ioc.childState = child;
    ioc.childPid = childPid;
    return ioc;
}

} // namespace

void TestFleetEvent::between_data()
{
    QTest::addColumn<Ioc>("before");
    QTest::addColumn<Ioc>("after");
    QTest::addColumn<QStringList>("types");
    const Ioc down = row("inactive", 0, ChildState::Unknown, 0);
    const Ioc up = row("active", 100, ChildState::Running, 101);
    QTest::newRow("nothing changed") << up << up << QStringList();
    QTest::newRow("started") << down << up << QStringList{ QStringLiteral("start") };
    QTest::newRow("stopped") << up << down << QStringList{ QStringLiteral("stop") };
    Ioc failed = row("failed", 0, ChildState::Unknown, 0);
    failed.result = QStringLiteral("exit-code");
    QTest::newRow("failed") << up << failed << QStringList{ QStringLiteral("fail") };
    // A reload is the same run going on: neither a stop nor a start.
    const Ioc reloading = row("reloading", 100, ChildState::Running, 101);
    QTest::newRow("reloading") << up << reloading << QStringList();
    QTest::newRow("reloaded") << reloading << up << QStringList();
    // procServ restarted its child: the same procServ, a new child PID, an exit reported.
    Ioc restarted = row("active", 100, ChildState::Running, 202);
    restarted.lastExit.code = 0;
    restarted.lastExit.at = QDateTime::currentDateTimeUtc();
    QTest::newRow("child exit and restart")
            << up << restarted
            << QStringList{ QStringLiteral("child-exit"), QStringLiteral("child-restart") };
    // Between exit and restart the row shows the child shut down.
    const Ioc shutDown = row("active", 100, ChildState::ShutDown, 0);
    QTest::newRow("child back after shut down")
            << shutDown << row("active", 100, ChildState::Running, 303)
            << QStringList{ QStringLiteral("child-restart") };
    // A unit's first probe tells its child's PID: no restart, only a fact learnt.
    QTest::newRow("child PID learnt")
            << row("active", 100, ChildState::Unknown, 0) << up << QStringList();
    // A new procServ (the unit restarted between two rows): its child is no child restart.
    QTest::newRow("new procServ") << up << row("active", 400, ChildState::Running, 401)
                                  << QStringList();
    // The unit restarted between two rows (`systemctl restart`, systemd's Restart=): up in
    // both, since another moment. A stop and a start, as the journal tells it.
    Ioc running = up;
    running.activeSince = QDateTime(QDate(2026, 12, 7), QTime(10, 0), Qt::UTC);
    Ioc newRun = row("active", 400, ChildState::Running, 401);
    newRun.activeSince = running.activeSince.addSecs(90);
    QTest::newRow("unit restarted between rows")
            << running << newRun << QStringList{ QStringLiteral("stop"), QStringLiteral("start") };
    // The same run read again, and a run whose start was not known before: no event.
    Ioc sameRun = running;
    sameRun.childPid = 101;
    QTest::newRow("same run read again") << running << sameRun << QStringList();
    QTest::newRow("start time learnt") << up << running << QStringList();
    Ioc reloadingRun = running;
    reloadingRun.activeState = QStringLiteral("reloading");
    QTest::newRow("reloading the same run") << running << reloadingRun << QStringList();
    // systemd restarted the unit on its own (Restart=): NRestarts went up. Seen while it waits
    // to restart (activating), or only afterwards, in a new run; a manual start resets it.
    Ioc autoRestart = row("activating", 0, ChildState::Unknown, 0);
    autoRestart.nRestarts = 1;
    QTest::newRow("systemd restarts it (unit seen down)")
            << up << autoRestart
            << QStringList{ QStringLiteral("restart"), QStringLiteral("stop") };
    Ioc restartedRun = newRun;
    restartedRun.nRestarts = 2;
    QTest::newRow("systemd restarted it (new run)")
            << running << restartedRun
            << QStringList{ QStringLiteral("restart"), QStringLiteral("stop"),
                            QStringLiteral("start") };
    Ioc nextRestart = autoRestart;
    nextRestart.nRestarts = 2;
    QTest::newRow("systemd restarts it again (never seen up)")
            << autoRestart << nextRestart << QStringList{ QStringLiteral("restart") };
    QTest::newRow("counter reset by a start")
            << restartedRun << running
            << QStringList{ QStringLiteral("stop"), QStringLiteral("start") };
    // A container engine restarting the same container by its restart policy (RestartCount);
    // a new container (another ID) starts its own count.
    Ioc container = row("", 500, ChildState::Unknown, 0);
    container.containerId = QStringLiteral("c0ffee");
    container.containerState = QStringLiteral("running");
    container.containerRestarts = 2;
    container.activeSince = running.activeSince;
    Ioc containerAgain = container;
    containerAgain.containerRestarts = 3;
    containerAgain.mainPid = 600;
    containerAgain.activeSince = running.activeSince.addSecs(5);
    QTest::newRow("engine restarted the container")
            << container << containerAgain
            << QStringList{ QStringLiteral("restart"), QStringLiteral("stop"),
                            QStringLiteral("start") };
    Ioc otherContainer = containerAgain;
    otherContainer.containerId = QStringLiteral("beef");
    Ioc countUnknown = container;
    countUnknown.containerRestarts = -1;
    QTest::newRow("another container")
            << countUnknown << otherContainer
            << QStringList{ QStringLiteral("stop"), QStringLiteral("start") };
    Ioc looping = up;
    looping.childCrashLoop = true;
    QTest::newRow("crash loop entered")
            << up << looping << QStringList{ QStringLiteral("crashloop-enter") };
    QTest::newRow("crash loop left")
            << looping << up << QStringList{ QStringLiteral("crashloop-leave") };
}

void TestFleetEvent::between()
{
    QFETCH(Ioc, before);
    QFETCH(Ioc, after);
    QFETCH(QStringList, types);
    QStringList got;
    for (const FleetEvent &event :
         FleetEvent::between(before, after, QDateTime::currentDateTimeUtc())) {
        got << event.type;
        QVERIFY2(FleetEvent::types().contains(event.type), qPrintable(event.type));
        // A start names the new run's procServ.
        if (event.type == QLatin1String("start"))
            QCOMPARE(event.attribute(QStringLiteral("pid")), QString::number(after.mainPid));
        if (event.type == QLatin1String("restart"))
            QCOMPARE(event.attribute(QStringLiteral("restarts")),
                     QString::number(after.isContainer() ? after.containerRestarts
                                                         : after.nRestarts));
    }
    QCOMPARE(got, types);
}

void TestFleetEvent::textAndJson()
{
    Ioc failed = row("failed", 0, ChildState::Unknown, 0);
    failed.result = QStringLiteral("exit-code");
    const QDateTime at(QDate(2026, 5, 1), QTime(12, 0, 1, 250), Qt::UTC);
    const QList<FleetEvent> events =
            FleetEvent::between(row("active", 100, ChildState::Running, 101), failed, at);
    QCOMPARE(events.size(), 1);
    const FleetEvent &e = events.constFirst();
    QCOMPARE(e.toText(false),
             QStringLiteral("2026-05-01T12:00:01.250Z fail vac (unit=softioc-vac.service, "
                            "result=exit-code)"));
    QCOMPARE(e.toText(true).section(QLatin1Char(' '), 2, 2), QStringLiteral("local-user/vac"));
    const QJsonObject o = e.toJson();
    QCOMPARE(o.value(QStringLiteral("type")).toString(), QStringLiteral("fail"));
    QCOMPARE(o.value(QStringLiteral("time")).toString(),
             QStringLiteral("2026-05-01T12:00:01.250Z"));
    QCOMPARE(o.value(QStringLiteral("attributes")).toObject().value(QStringLiteral("result")),
             QJsonValue(QStringLiteral("exit-code")));
}

void TestFleetEvent::templates()
{
    FleetEvent e = FleetEvent::forIoc(QStringLiteral("child-exit"),
                                      row("active", 1, ChildState::Running, 2),
                                      QDateTime::currentDateTimeUtc());
    e.attributes << qMakePair(QStringLiteral("exit"), QStringLiteral("SIGSEGV"));
    QString error;
    QCOMPARE(e.applyTemplate(QStringLiteral("{{.Type}}\\t{{ .Label }} {{.Exit}}"), &error),
             QStringLiteral("child-exit\tlocal-user/vac SIGSEGV"));
    QVERIFY(error.isEmpty());
    QVERIFY(!FleetEvent::validateTemplate(QStringLiteral("{{.Colour}}")).isEmpty());
    QVERIFY(FleetEvent::validateTemplate(QStringLiteral("{{.Time}} {{.Unit}}")).isEmpty());
}

QTEST_GUILESS_MAIN(TestFleetEvent)
#include "tst_fleetevent.moc"
