// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/iocformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

const QDateTime kNow(QDate(2026, 1, 10), QTime(12, 0), Qt::UTC);

Ioc runningIoc()
{
    Ioc ioc;
    ioc.host = QStringLiteral("local-system");
    ioc.name = QStringLiteral("motor");
    ioc.unit = QStringLiteral("procserv-motor.service");
    ioc.convention = QStringLiteral("procservutils");
    ioc.description = QStringLiteral("procServ for motor");
    ioc.unitPath = QStringLiteral("/org/freedesktop/systemd1/unit/procserv_2dmotor_2eservice");
    ioc.loadState = QStringLiteral("loaded");
    ioc.activeState = QStringLiteral("active");
    ioc.subState = QStringLiteral("running");
    ioc.unitFileState = QStringLiteral("enabled");
    ioc.result = QStringLiteral("success");
    ioc.mainPid = 4200;
    ioc.childPid = 4242;
    ioc.nRestarts = 2;
    ioc.childRestarts = 0; // its child never restarted (known)
    ioc.activeSince = kNow.addSecs(-3 * 3600);
    ioc.inactiveSince = kNow.addDays(-1);
    ioc.memoryBytes = 12897484;
    ioc.execStart = QStringList{ QStringLiteral("/usr/bin/procServ-launcher"),
                                 QStringLiteral("--system"), QStringLiteral("motor") };
    ioc.console = ConsoleEndpoint::fromString(QStringLiteral("unix:/run/procserv-motor/control"));
    ioc.logFile = QStringLiteral("-");
    ioc.childName = QStringLiteral("motor");
    ioc.workingDirectory = QStringLiteral("/opt/iocs/motor");
    ioc.configFile = QStringLiteral("/etc/procServ.d/motor.conf");
    ioc.childState = ChildState::Running;
    ioc.autoRestart = AutoRestart::On;
    return ioc;
}

Ioc withState(const QString &active, const QString &sub)
{
    Ioc ioc = runningIoc();
    ioc.activeState = active;
    ioc.subState = sub;
    return ioc;
}

} // namespace

/// Docker-like presentation of IOC rows, with a fixed "now".
class TestIocFormat : public QObject
{
    Q_OBJECT
private slots:
    void humanDuration_data();
    void humanDuration();
    void statusText_data();
    void statusText();
    void upStartingUninstalled_data();
    void upStartingUninstalled();
    void uptimeText();
    void crashLoopEnd();
    void keepLastRun();
    void hostLost();
    void bytes_data();
    void bytes();
    void toJson();
    void toJsonUnknowns();
    void restartsTextLowerBound();
    void applyTemplate_data();
    void applyTemplate();
    void templateErrors_data();
    void templateErrors();
    void statusTone_data();
    void statusTone();
    void templateHeader_data();
    void templateHeader();
    void jsonTemplate_data();
    void jsonTemplate();
};

void TestIocFormat::humanDuration_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    const qint64 hour = 3600;
    const qint64 day = 24 * hour;
    QTest::newRow("negative (clock skew)") << qint64(-5) << QStringLiteral("Less than a second");
    QTest::newRow("0") << qint64(0) << QStringLiteral("Less than a second");
    QTest::newRow("1 s") << qint64(1) << QStringLiteral("1 second");
    QTest::newRow("2 s") << qint64(2) << QStringLiteral("2 seconds");
    QTest::newRow("59 s") << qint64(59) << QStringLiteral("59 seconds");
    QTest::newRow("60 s") << qint64(60) << QStringLiteral("About a minute");
    QTest::newRow("119 s") << qint64(119) << QStringLiteral("About a minute");
    QTest::newRow("120 s") << qint64(120) << QStringLiteral("2 minutes");
    QTest::newRow("59 min 59 s") << qint64(3599) << QStringLiteral("59 minutes");
    QTest::newRow("1 h") << hour << QStringLiteral("About an hour");
    QTest::newRow("1 h 29 min rounds down")
            << hour + 29 * 60 + 59 << QStringLiteral("About an hour");
    QTest::newRow("1 h 30 min rounds up") << hour + 30 * 60 << QStringLiteral("2 hours");
    QTest::newRow("47 h") << 47 * hour << QStringLiteral("47 hours");
    QTest::newRow("48 h") << 48 * hour << QStringLiteral("2 days");
    QTest::newRow("13 days") << 13 * day << QStringLiteral("13 days");
    QTest::newRow("14 days") << 14 * day << QStringLiteral("2 weeks");
    QTest::newRow("59 days") << 59 * day << QStringLiteral("8 weeks");
    QTest::newRow("60 days") << 60 * day << QStringLiteral("2 months");
    QTest::newRow("729 days") << 729 * day << QStringLiteral("24 months");
    QTest::newRow("730 days") << 730 * day << QStringLiteral("2 years");
    QTest::newRow("10 years") << 3652 * day << QStringLiteral("10 years");
}

void TestIocFormat::humanDuration()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(IocFormat::humanDuration(seconds), text);
}

void TestIocFormat::statusText_data()
{
    QTest::addColumn<Ioc>("ioc");
    QTest::addColumn<QString>("text");

    QTest::newRow("up") << runningIoc() << QStringLiteral("Up 3 hours");
    Ioc noStart = runningIoc();
    noStart.activeSince = QDateTime();
    QTest::newRow("up, start unknown") << noStart << QStringLiteral("Up");
    Ioc childUnknown = runningIoc();
    childUnknown.childState = ChildState::Unknown;
    QTest::newRow("up, child unknown") << childUnknown << QStringLiteral("Up 3 hours");
    Ioc shutdown = runningIoc();
    shutdown.childState = ChildState::ShutDown;
    QTest::newRow("IOC shut down") << shutdown << QStringLiteral("Up 3 hours (IOC shut down)");
    Ioc refused = runningIoc();
    refused.loadState = QStringLiteral("bad-setting");
    QTest::newRow("up, file refused") << refused << QStringLiteral("Up 3 hours (unit file error)");
    refused.childState = ChildState::ShutDown;
    QTest::newRow("IOC shut down, file refused")
            << refused << QStringLiteral("Up 3 hours (IOC shut down, unit file error)");
    QTest::newRow("reloading") << withState(QStringLiteral("reloading"), QStringLiteral("reload"))
                               << QStringLiteral("Up 3 hours");

    Ioc failed = withState(QStringLiteral("failed"), QStringLiteral("failed"));
    failed.inactiveSince = kNow.addSecs(-150);
    QTest::newRow("failed") << failed << QStringLiteral("Exited (failed) 2 minutes ago");
    failed.inactiveSince = QDateTime();
    QTest::newRow("failed, time unknown") << failed << QStringLiteral("Exited (failed)");

    Ioc exited = withState(QStringLiteral("inactive"), QStringLiteral("dead"));
    exited.inactiveSince = kNow.addDays(-2);
    QTest::newRow("exited") << exited << QStringLiteral("Exited 2 days ago");
    exited.inactiveSince = QDateTime();
    QTest::newRow("never started") << exited << QStringLiteral("Exited");
    // How procServ ended, as systemd's ExecMainCode/ExecMainStatus say.
    Ioc exitedCode = withState(QStringLiteral("inactive"), QStringLiteral("dead"));
    exitedCode.inactiveSince = kNow.addSecs(-150);
    exitedCode.execMainCode = 1; // CLD_EXITED
    exitedCode.execMainStatus = 0;
    QTest::newRow("exited 0") << exitedCode << QStringLiteral("Exited (0) 2 minutes ago");
    Ioc failedCode = withState(QStringLiteral("failed"), QStringLiteral("failed"));
    failedCode.inactiveSince = kNow.addSecs(-150);
    failedCode.execMainCode = 1;
    failedCode.execMainStatus = 3;
    QTest::newRow("failed, exit 3") << failedCode << QStringLiteral("Exited (3) 2 minutes ago");
    failedCode.inactiveSince = QDateTime();
    QTest::newRow("failed, exit 3, time unknown") << failedCode << QStringLiteral("Exited (3)");
    Ioc killed = withState(QStringLiteral("failed"), QStringLiteral("failed"));
    killed.inactiveSince = kNow.addSecs(-150);
    killed.execMainCode = 2; // CLD_KILLED
    killed.execMainStatus = 9;
    QTest::newRow("killed") << killed << QStringLiteral("Exited (SIGKILL) 2 minutes ago");
    // Loaded, and systemd never saw it active: docker's "Created".
    Ioc created = withState(QStringLiteral("inactive"), QStringLiteral("dead"));
    created.activeSince = QDateTime();
    created.inactiveSince = QDateTime();
    QTest::newRow("created") << created << QStringLiteral("Created");
    // Not loaded: systemd knows nothing of its past runs, so not "Created".
    Ioc unloadedNeverSeen = created;
    unloadedNeverSeen.unitPath.clear();
    QTest::newRow("unloaded, past unknown") << unloadedNeverSeen << QStringLiteral("Exited");

    QTest::newRow("starting") << withState(QStringLiteral("activating"), QStringLiteral("start"))
                              << QStringLiteral("Starting");
    QTest::newRow("stopping") << withState(QStringLiteral("deactivating"),
                                           QStringLiteral("stop-sigterm"))
                              << QStringLiteral("Stopping");
    Ioc restarting = withState(QStringLiteral("activating"), QStringLiteral("auto-restart"));
    restarting.nRestarts = 3;
    QTest::newRow("restarting") << restarting << QStringLiteral("Restarting (3)");
    restarting.result = QStringLiteral("exit-code");
    QTest::newRow("restarting, last result")
            << restarting << QStringLiteral("Restarting (3, last: exit-code)");

    // The child inside procServ crashes: a crash loop, whatever systemd says.
    Ioc crashing = withState(QStringLiteral("active"), QStringLiteral("running"));
    crashing.childState = ChildState::Running;
    crashing.childPid = 4242;
    crashing.childRestarts = 5;
    for (int i = 5; i >= 1; --i)
        crashing.recentRestarts << kNow.addSecs(-60 * i);
    crashing.childCrashLoop = true;
    crashing.lastExit.signal = 11;
    crashing.lastExit.at = kNow.addSecs(-61);
    QTest::newRow("crash loop") << crashing
                                << QStringLiteral(
                                           "Restarting (crashed 5\u00d7 in 10 min, last: SIGSEGV)");
    crashing.lastExit = ChildExit();
    QTest::newRow("crash loop, exit unknown")
            << crashing << QStringLiteral("Restarting (crashed 5\u00d7 in 10 min)");
    // Only the newest restart times are kept: when all of them are in the window, more may
    // have been, and the count says it is a lower bound (191 restarts in 8 minutes showed
    // "crashed 64×").
    Ioc flooding = crashing;
    flooding.recentRestarts.clear();
    for (int i = Ioc::recentRestartsKept; i >= 1; --i)
        flooding.recentRestarts << kNow.addSecs(-3 * i);
    QTest::newRow("crash loop, more than kept")
            << flooding
            << QStringLiteral("Restarting (crashed \u2265%1\u00d7 in 10 min)")
                       .arg(Ioc::recentRestartsKept);
    flooding.recentRestarts.removeFirst(); // one fewer than kept: the count is exact
    QTest::newRow("crash loop, fewer than kept")
            << flooding
            << QStringLiteral("Restarting (crashed %1\u00d7 in 10 min)")
                       .arg(Ioc::recentRestartsKept - 1);
    // A container its engine keeps restarting (restart policy): up nearly all the time, a
    // crash loop by the deaths the engine told; the last one says how it ended.
    Ioc looping;
    looping.name = QStringLiteral("pump");
    looping.runtime = QStringLiteral("podman");
    looping.containerId = QStringLiteral("4c1d");
    looping.containerState = QStringLiteral("running");
    looping.activeSince = kNow.addSecs(-1);
    looping.restartPolicy = QStringLiteral("always");
    looping.containerRestarts = 40;
    for (int i = 4; i >= 1; --i) {
        ChildExit exit;
        exit.code = 3;
        exit.at = kNow.addSecs(-2 * i);
        looping.containerExits << exit;
    }
    QTest::newRow("container up, no crash loop") << looping << QStringLiteral("Up 1 second");
    looping.containerCrashLoop = true;
    QTest::newRow("container crash loop")
            << looping << QStringLiteral("Restarting (crashed 4\u00d7 in 10 min, last: exit 3)");
    looping.containerState = QStringLiteral("restarting");
    looping.containerExits.last().code = 139; // as the engine says: no signal is guessed
    QTest::newRow("container crash loop, restarting")
            << looping << QStringLiteral("Restarting (crashed 4\u00d7 in 10 min, last: exit 139)");
    looping.containerState = QStringLiteral("exited");
    looping.inactiveSince = kNow.addSecs(-120);
    looping.exitCode = 137;
    QTest::newRow("container crash loop, stopped")
            << looping << QStringLiteral("Exited (137) 2 minutes ago");
    Ioc booting = withState(QStringLiteral("active"), QStringLiteral("running"));
    booting.childState = ChildState::Running;
    booting.childPid = 4243;
    booting.readiness = Readiness::Starting;
    QTest::newRow("before iocInit") << booting << QStringLiteral("Starting");
    // Restarted on a file systemd refused: still says so while the IOC boots.
    booting.loadState = QStringLiteral("bad-setting");
    QTest::newRow("before iocInit, file refused")
            << booting << QStringLiteral("Starting (unit file error)");

    Ioc notLoaded;
    notLoaded.name = QStringLiteral("x");
    notLoaded.unitFileState = QStringLiteral("disabled");
    QTest::newRow("not loaded") << notLoaded << QStringLiteral("Not loaded");
    Ioc notFound = withState(QStringLiteral("inactive"), QStringLiteral("dead"));
    notFound.loadState = QStringLiteral("not-found");
    QTest::newRow("not found") << notFound << QStringLiteral("Not found");
    // Its file removed while it runs: it still runs, and says so.
    Ioc runningNotFound = runningIoc();
    runningNotFound.loadState = QStringLiteral("not-found");
    QTest::newRow("not found, still running") << runningNotFound << QStringLiteral("Up 3 hours");
    Ioc masked = withState(QStringLiteral("inactive"), QStringLiteral("dead"));
    masked.loadState = QStringLiteral("masked");
    QTest::newRow("masked") << masked << QStringLiteral("Masked");
}

void TestIocFormat::statusText()
{
    QFETCH(Ioc, ioc);
    QFETCH(QString, text);
    QCOMPARE(IocFormat::statusText(ioc, kNow), text);
}

void TestIocFormat::upStartingUninstalled_data()
{
    QTest::addColumn<Ioc>("ioc");
    QTest::addColumn<bool>("up");
    QTest::addColumn<bool>("upOrStarting");
    QTest::addColumn<bool>("uninstalled");
    QTest::newRow("active") << runningIoc() << true << true << false;
    QTest::newRow("reloading") << withState(QStringLiteral("reloading"), QStringLiteral("reload"))
                               << true << true << false;
    QTest::newRow("activating") << withState(QStringLiteral("activating"), QStringLiteral("start"))
                                << false << true << false;
    QTest::newRow("deactivating") << withState(QStringLiteral("deactivating"),
                                               QStringLiteral("stop-sigterm"))
                                  << false << false << false;
    QTest::newRow("failed") << withState(QStringLiteral("failed"), QStringLiteral("failed"))
                            << false << false << false;
    Ioc gone = withState(QStringLiteral("inactive"), QStringLiteral("dead"));
    gone.loadState = QStringLiteral("not-found");
    QTest::newRow("not found, stopped") << gone << false << false << true;
    Ioc goneFailed = withState(QStringLiteral("failed"), QStringLiteral("failed"));
    goneFailed.loadState = QStringLiteral("not-found");
    QTest::newRow("not found, failed") << goneFailed << false << false << true;
    Ioc goneRunning = runningIoc();
    goneRunning.loadState = QStringLiteral("not-found");
    QTest::newRow("not found, running") << goneRunning << true << true << false;
    Ioc goneReloading = withState(QStringLiteral("reloading"), QStringLiteral("reload"));
    goneReloading.loadState = QStringLiteral("not-found");
    QTest::newRow("not found, reloading") << goneReloading << true << true << false;
}

void TestIocFormat::upStartingUninstalled()
{
    QFETCH(Ioc, ioc);
    QFETCH(bool, up);
    QFETCH(bool, upOrStarting);
    QFETCH(bool, uninstalled);
    QCOMPARE(ioc.isUp(), up);
    QCOMPARE(ioc.isUpOrStarting(), upOrStarting);
    QCOMPARE(ioc.isUninstalled(), uninstalled);
    // The uptime is shown exactly while the run is on.
    QCOMPARE(!IocFormat::uptimeText(ioc, kNow).isEmpty(), up);
    QCOMPARE(IocFormat::uptimeSeconds(ioc, kNow) >= 0, up); // the table sorts by it
}

void TestIocFormat::crashLoopEnd()
{
    // Three restarts within the window make a loop; it ends when the third newest leaves it.
    const QList<QDateTime> three{ kNow.addSecs(-300), kNow.addSecs(-200), kNow.addSecs(-100) };
    QVERIFY(isCrashLoop(three, kNow));
    const QDateTime end = ::crashLoopEnd(three);
    QCOMPARE(end, kNow.addSecs(-300 + Ioc::crashLoopWindowSecs + 1));
    QVERIFY(isCrashLoop(three, end.addSecs(-1)));
    QVERIFY(!isCrashLoop(three, end));
    QList<QDateTime> four = three;
    four.prepend(kNow.addSecs(-400)); // an older one changes nothing
    QCOMPARE(::crashLoopEnd(four), end);
    QCOMPARE(::crashLoopEnd(three.mid(1)), QDateTime()); // two are no loop
}

void TestIocFormat::uptimeText()
{
    QCOMPARE(IocFormat::uptimeText(runningIoc(), kNow), QStringLiteral("3 hours"));
    QCOMPARE(IocFormat::uptimeText(withState(QStringLiteral("inactive"), QStringLiteral("dead")),
                                   kNow),
             QString());
    Ioc noStart = runningIoc();
    noStart.activeSince = QDateTime();
    QCOMPARE(IocFormat::uptimeText(noStart, kNow), QString());
}

void TestIocFormat::keepLastRun()
{
    // Stopped, then unloaded by systemd and loaded again by someone: systemd reads it as
    // never started. The row keeps its last run and never says "Created".
    Ioc before = withState(QStringLiteral("inactive"), QStringLiteral("dead"));
    before.inactiveSince = kNow.addSecs(-120);
    before.execMainCode = 1; // CLD_EXITED
    before.execMainStatus = 0;
    Ioc reloaded = before;
    reloaded.activeSince = QDateTime();
    reloaded.inactiveSince = QDateTime();
    reloaded.execMainCode = 0;
    reloaded.execMainStatus = 0;
    QCOMPARE(IocFormat::statusText(reloaded, kNow), QStringLiteral("Created"));
    QVERIFY(reloaded.keepLastRun(before));
    QCOMPARE(IocFormat::statusText(reloaded, kNow), QStringLiteral("Exited (0) 2 minutes ago"));
    // A unit that never ran stays "Created"; a running one is not touched.
    Ioc never = reloaded;
    never.activeSince = QDateTime();
    never.inactiveSince = QDateTime();
    never.execMainCode = 0;
    Ioc neverBefore = never;
    QVERIFY(!never.keepLastRun(neverBefore));
    QCOMPARE(IocFormat::statusText(never, kNow), QStringLiteral("Created"));
    Ioc running = runningIoc();
    QVERIFY(!running.keepLastRun(before));
}

void TestIocFormat::hostLost()
{
    Ioc ioc = runningIoc();
    ioc.hostLost = true;
    QCOMPARE(ioc.status(), QStringLiteral("unknown"));
    QCOMPARE(IocFormat::statusText(ioc, kNow), QStringLiteral("Unknown (host lost)"));
    QCOMPARE(IocFormat::uptimeText(ioc, kNow), QString()); // not counted on as if measured
}

void TestIocFormat::bytes_data()
{
    QTest::addColumn<quint64>("n");
    QTest::addColumn<QString>("text");
    QTest::newRow("0") << quint64(0) << QStringLiteral("0 B");
    QTest::newRow("1023") << quint64(1023) << QStringLiteral("1023 B");
    QTest::newRow("1024") << quint64(1024) << QStringLiteral("1.0 KiB");
    QTest::newRow("1536") << quint64(1536) << QStringLiteral("1.5 KiB");
    QTest::newRow("almost 1 MiB") << quint64(1048575) << QStringLiteral("1.0 MiB");
    QTest::newRow("12.3 MiB") << quint64(12897484) << QStringLiteral("12.3 MiB");
    QTest::newRow("2 GiB") << (quint64(2) << 30) << QStringLiteral("2.0 GiB");
    QTest::newRow("max") << std::numeric_limits<quint64>::max() << QStringLiteral("16.0 EiB");
}

void TestIocFormat::bytes()
{
    QFETCH(quint64, n);
    QFETCH(QString, text);
    QCOMPARE(IocFormat::bytes(n), text);
}

void TestIocFormat::toJson()
{
    const QJsonObject o = IocFormat::toJson(runningIoc());
    const QStringList required = {
        QStringLiteral("name"),          QStringLiteral("unit"),
        QStringLiteral("host"),          QStringLiteral("convention"),
        QStringLiteral("description"),   QStringLiteral("activeState"),
        QStringLiteral("subState"),      QStringLiteral("loadState"),
        QStringLiteral("unitFileState"), QStringLiteral("childState"),
        QStringLiteral("pid"),           QStringLiteral("procServPid"),
        QStringLiteral("restarts"),      QStringLiteral("since"),
        QStringLiteral("enabled"),       QStringLiteral("console"),
        QStringLiteral("logPort"),       QStringLiteral("logFile"),
        QStringLiteral("configFile"),    QStringLiteral("configError"),
        QStringLiteral("autoRestart"),   QStringLiteral("memoryBytes"),
        QStringLiteral("execStart"),     QStringLiteral("workingDirectory"),
        QStringLiteral("status"),        QStringLiteral("runtime"),
    };
    for (const QString &key : required)
        QVERIFY2(o.contains(key), qPrintable(key));

    QCOMPARE(o.value(QStringLiteral("name")).toString(), QStringLiteral("motor"));
    QCOMPARE(o.value(QStringLiteral("unit")).toString(), QStringLiteral("procserv-motor.service"));
    QCOMPARE(o.value(QStringLiteral("convention")).toString(), QStringLiteral("procservutils"));
    QCOMPARE(o.value(QStringLiteral("conventionName")).toString(), QStringLiteral("procServUtils"));
    QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("running"));
    QCOMPARE(o.value(QStringLiteral("childState")).toString(), QStringLiteral("running"));
    QCOMPARE(o.value(QStringLiteral("pid")).toInt(), 4242);
    QCOMPARE(o.value(QStringLiteral("procServPid")).toInt(), 4200);
    QCOMPARE(o.value(QStringLiteral("restarts")).toInt(), 2);
    QCOMPARE(o.value(QStringLiteral("since")).toString(), QStringLiteral("2026-01-10T09:00:00Z"));
    QCOMPARE(o.value(QStringLiteral("inactiveSince")).toString(),
             QStringLiteral("2026-01-09T12:00:00Z"));
    QCOMPARE(o.value(QStringLiteral("enabled")).toBool(), true);
    QVERIFY(o.value(QStringLiteral("enabled")).isBool());
    QCOMPARE(o.value(QStringLiteral("console")).toString(),
             QStringLiteral("unix:/run/procserv-motor/control"));
    QVERIFY(o.value(QStringLiteral("logPort")).isNull());
    QCOMPARE(o.value(QStringLiteral("logFile")).toString(), QStringLiteral("-"));
    QCOMPARE(o.value(QStringLiteral("configFile")).toString(),
             QStringLiteral("/etc/procServ.d/motor.conf"));
    QVERIFY(o.value(QStringLiteral("configError")).isNull());
    QCOMPARE(o.value(QStringLiteral("autoRestart")).toString(), QStringLiteral("ON"));
    QCOMPARE(o.value(QStringLiteral("memoryBytes")).toDouble(), 12897484.0);
    QCOMPARE(o.value(QStringLiteral("execStart")).toArray().size(), 3);
    QCOMPARE(o.value(QStringLiteral("execStart")).toArray().at(2).toString(),
             QStringLiteral("motor"));
    QCOMPARE(o.value(QStringLiteral("workingDirectory")).toString(),
             QStringLiteral("/opt/iocs/motor"));

    // A stopped IOC's "since" is when it stopped; local times carry their UTC offset.
    Ioc stopped = withState(QStringLiteral("failed"), QStringLiteral("failed"));
    stopped.inactiveSince = QDateTime(QDate(2026, 1, 10), QTime(10, 30), Qt::OffsetFromUTC, 3600);
    QCOMPARE(IocFormat::toJson(stopped).value(QStringLiteral("since")).toString(),
             QStringLiteral("2026-01-10T10:30:00+01:00"));
    QCOMPARE(IocFormat::toJson(stopped).value(QStringLiteral("status")).toString(),
             QStringLiteral("failed"));
}

void TestIocFormat::restartsTextLowerBound()
{
    Ioc ioc;
    ioc.unitPath = QStringLiteral("/org/freedesktop/systemd1/unit/x");
    ioc.activeState = QStringLiteral("active");
    ioc.childRestarts = -1;
    QCOMPARE(IocFormat::restartsText(ioc), QStringLiteral("?"));
    ioc.childRestartsSeen = 3; // seen live, earlier ones unknown
    QCOMPARE(IocFormat::restartsText(ioc), QStringLiteral("\u22653"));
    ioc.childRestarts = 5; // known
    QCOMPARE(IocFormat::restartsText(ioc), QStringLiteral("5"));
}

void TestIocFormat::toJsonUnknowns()
{
    const QJsonObject o = IocFormat::toJson(Ioc());
    QVERIFY(o.value(QStringLiteral("since")).isNull());
    QVERIFY(o.value(QStringLiteral("console")).isNull());
    QVERIFY(o.value(QStringLiteral("memoryBytes")).isNull());
    QVERIFY(o.value(QStringLiteral("logFile")).isNull());
    QCOMPARE(o.value(QStringLiteral("pid")).toInt(-1), 0);
    QCOMPARE(o.value(QStringLiteral("childState")).toString(), QStringLiteral("unknown"));
    QCOMPARE(o.value(QStringLiteral("enabled")).toBool(true), false);
    QVERIFY(o.value(QStringLiteral("execStart")).isArray());
}

void TestIocFormat::applyTemplate_data()
{
    QTest::addColumn<QString>("tmpl");
    QTest::addColumn<QString>("text");
    QTest::newRow("name and console") << QStringLiteral("{{.Name}} {{.Console}}")
                                      << QStringLiteral("motor unix:/run/procserv-motor/control");
    QTest::newRow("spaces inside braces")
            << QStringLiteral("{{ .Name }}") << QStringLiteral("motor");
    QTest::newRow("escaped tab and newline") << QStringLiteral("{{.Name}}\\t{{.Status}}\\n")
                                             << QStringLiteral("motor\tUp 3 hours\n");
    QTest::newRow("state") << QStringLiteral("{{.State}}") << QStringLiteral("running");
    QTest::newRow("numbers") << QStringLiteral("{{.Pid}}/{{.Restarts}}")
                             << QStringLiteral("4242/2");
    QTest::newRow("identity") << QStringLiteral("{{.Host}} {{.Unit}} {{.Convention}}")
                              << QStringLiteral(
                                         "local-system procserv-motor.service procservutils");
    QTest::newRow("description, enabled, log file")
            << QStringLiteral("{{.Description}}|{{.Enabled}}|{{.LogFile}}")
            << QStringLiteral("procServ for motor|true|-");
    QTest::newRow("unknown console is empty")
            << QStringLiteral("[{{.LogPort}}]") << QStringLiteral("[]");
    QTest::newRow("docker's names")
            << QStringLiteral("{{.Names}}|{{.RunningFor}}|{{.Command}}")
            << QStringLiteral("motor|3 hours|/usr/bin/procServ-launcher --system motor");
    QTest::newRow("plain text") << QStringLiteral("no fields") << QStringLiteral("no fields");
    QTest::newRow("json") << QStringLiteral("{{json .}}")
                          << QString::fromUtf8(QJsonDocument(IocFormat::toJson(runningIoc()))
                                                       .toJson(QJsonDocument::Compact));
}

void TestIocFormat::applyTemplate()
{
    QFETCH(QString, tmpl);
    QFETCH(QString, text);
    QString error = QStringLiteral("stale");
    QCOMPARE(IocFormat::applyTemplate(tmpl, runningIoc(), kNow, &error), text);
    QCOMPARE(error, QString());
    QCOMPARE(IocFormat::validateTemplate(tmpl), QString());
}

void TestIocFormat::templateErrors_data()
{
    QTest::addColumn<QString>("tmpl");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown field")
            << QStringLiteral("{{.Name}} {{.Flavour}}")
            << QStringLiteral("Template: unknown field '.Flavour'. Known fields: ")
                    + IocFormat::templateFields().join(QStringLiteral(", "));
    QTest::newRow("fields are case-sensitive")
            << QStringLiteral("{{.name}}")
            << QStringLiteral("Template: unknown field '.name'. Known fields: ")
                    + IocFormat::templateFields().join(QStringLiteral(", "));
    QTest::newRow("unclosed") << QStringLiteral("{{.Name")
                              << QStringLiteral("Template: missing '}}' after '{{.Name'");
    QTest::newRow("no dot") << QStringLiteral("{{Name}}")
                            << QStringLiteral(
                                       "Template: cannot evaluate '{{Name}}'; use {{.Field}} "
                                       "or {{json .}}");
    QTest::newRow("bare dot") << QStringLiteral("{{.}}")
                              << QStringLiteral(
                                         "Template: cannot evaluate '{{.}}'; use {{.Field}} or "
                                         "{{json .}}");
}

void TestIocFormat::templateErrors()
{
    QFETCH(QString, tmpl);
    QFETCH(QString, error);
    QString actual;
    QCOMPARE(IocFormat::applyTemplate(tmpl, runningIoc(), kNow, &actual), QString());
    QCOMPARE(actual, error);
    QCOMPARE(IocFormat::validateTemplate(tmpl), error);
    // Without an error pointer the caller still gets the empty result.
    QCOMPARE(IocFormat::applyTemplate(tmpl, runningIoc(), kNow), QString());
}

void TestIocFormat::statusTone_data()
{
    QTest::addColumn<Ioc>("ioc");
    QTest::addColumn<int>("tone");
    QTest::newRow("running") << runningIoc() << int(IocFormat::Tone::Good);
    Ioc shutdown = runningIoc();
    shutdown.childState = ChildState::ShutDown;
    QTest::newRow("IOC shut down") << shutdown << int(IocFormat::Tone::Warning);
    QTest::newRow("failed") << withState(QStringLiteral("failed"), QStringLiteral("failed"))
                            << int(IocFormat::Tone::Bad);
    QTest::newRow("starting") << withState(QStringLiteral("activating"), QStringLiteral("start"))
                              << int(IocFormat::Tone::Transition);
    QTest::newRow("exited") << withState(QStringLiteral("inactive"), QStringLiteral("dead"))
                            << int(IocFormat::Tone::Neutral);
    Ioc container;
    container.containerId = QStringLiteral("c0ffee");
    container.containerState = QStringLiteral("something new");
    QTest::newRow("container, unknown state") << container << int(IocFormat::Tone::Warning);
}

void TestIocFormat::statusTone()
{
    QFETCH(Ioc, ioc);
    QFETCH(int, tone);
    QCOMPARE(int(IocFormat::statusTone(ioc)), tone);
}

void TestIocFormat::templateHeader_data()
{
    QTest::addColumn<QString>("tmpl");
    QTest::addColumn<QString>("header");
    QTest::newRow("one field") << QStringLiteral("{{.Name}}") << QStringLiteral("NAME");
    QTest::newRow("two words") << QStringLiteral("{{ .LogFile }}") << QStringLiteral("LOG FILE");
    QTest::newRow("with text") << QStringLiteral("{{.Name}}@{{.Host}}")
                               << QStringLiteral("NAME@HOST");
    QTest::newRow("json") << QStringLiteral("{{json .}}") << QStringLiteral("JSON");
}

void TestIocFormat::templateHeader()
{
    QFETCH(QString, tmpl);
    QFETCH(QString, header);
    QCOMPARE(IocFormat::templateHeader(tmpl), header);
}

void TestIocFormat::jsonTemplate_data()
{
    QTest::addColumn<QString>("tmpl");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("error");
    QTest::newRow("key") << QStringLiteral("{{.name}}") << QStringLiteral("motor") << false;
    QTest::newRow("docker's capital")
            << QStringLiteral("{{.Name}}") << QStringLiteral("motor") << false;
    QTest::newRow("number") << QStringLiteral("{{.pid}}") << QStringLiteral("4242") << false;
    QTest::newRow("bool") << QStringLiteral("{{.enabled}}") << QStringLiteral("true") << false;
    QTest::newRow("null") << QStringLiteral("{{.logPort}}") << QStringLiteral("<nil>") << false;
    QTest::newRow("nested") << QStringLiteral("{{.lastExit.code}} {{.LastExit.Code}}")
                            << QStringLiteral("3 3") << false;
    QTest::newRow("json of a value")
            << QStringLiteral("{{json .name}}") << QStringLiteral("\"motor\"") << false;
    QTest::newRow("json of an object") << QStringLiteral("{{json .lastExit}}")
                                       << QStringLiteral("{\"at\":null,\"code\":3}") << false;
    QTest::newRow("tab") << QStringLiteral("{{.name}}\\t{{.pid}}") << QStringLiteral("motor\t4242")
                         << false;
    QTest::newRow("a container's key")
            << QStringLiteral("{{.image}}") << QStringLiteral("<no value>") << false;
    QTest::newRow("unknown") << QStringLiteral("{{.nope}}") << QString() << true;
    QTest::newRow("unknown nested") << QStringLiteral("{{.lastExit.nope}}") << QString() << true;
    QTest::newRow("not a field") << QStringLiteral("{{name}}") << QString() << true;
    QTest::newRow("unclosed") << QStringLiteral("{{.name") << QString() << true;
}

void TestIocFormat::jsonTemplate()
{
    QFETCH(QString, tmpl);
    QFETCH(QString, text);
    QFETCH(bool, error);
    Ioc ioc = runningIoc();
    ioc.unitFileState = QStringLiteral("enabled");
    ioc.lastExit.code = 3;
    QString message;
    QCOMPARE(IocFormat::applyJsonTemplate(tmpl, IocFormat::toJson(ioc), &message), text);
    QCOMPARE(!message.isEmpty(), error);
    // Checked before any IOC is read: a top-level field no IOC has, a malformed template.
    if (error && !tmpl.contains(QLatin1String("lastExit")))
        QVERIFY(!IocFormat::validateJsonTemplate(tmpl).isEmpty());
    if (!error)
        QCOMPARE(IocFormat::validateJsonTemplate(tmpl), QString());
}

QTEST_GUILESS_MAIN(TestIocFormat)
#include "tst_iocformat.moc"
