// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/procserv/bannerparser.h"
#include "core/procserv/telnetcodec.h"

#include <QFile>
#include <QLocale>
#include <QTest>

using Chunks = QList<QByteArray>;
Q_DECLARE_METATYPE(ChildState)
Q_DECLARE_METATYPE(AutoRestart)
Q_DECLARE_METATYPE(Readiness)

/// Child state learned from procServ's "@@@" lines, on real 2.7.0 transcripts and on the
/// 2.8 wording.
class TestProcServStateTracker : public QObject
{
    Q_OBJECT

private slots:
    void track_data();
    void track();
    void anyChunking_data();
    void anyChunking();
    void takeChanged();
    void startedAt();
    void timesReadAsQLocaleReadsThem();
    void longLineWithoutNewline();
    void beginConnection();
    void childLifecycle_data();
    void childLifecycle();
};

static QByteArray fixture(const char *name)
{
    const QString path = QFINDTESTDATA(QStringLiteral("../data/procserv/") + QLatin1String(name));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test fixture %s", name);
    // The tracker sees what the telnet codec lets through.
    TelnetCodec codec;
    return codec.decode(f.readAll());
}

void TestProcServStateTracker::track_data()
{
    QTest::addColumn<Chunks>("chunks");
    QTest::addColumn<ChildState>("state");
    QTest::addColumn<quint32>("childPid");
    QTest::addColumn<AutoRestart>("autoRestart");
    QTest::addColumn<quint32>("serverPid");
    QTest::addColumn<QString>("childName");
    QTest::addColumn<QString>("version");
    QTest::addColumn<int>("users");
    QTest::addColumn<bool>("bannerComplete");
    QTest::addColumn<QString>("exitReason");

    const QString name = QStringLiteral("simioc");
    QTest::newRow("2.7 banner, running")
            << Chunks{ fixture("banner_running.bin") } << ChildState::Running << quint32(16448)
            << AutoRestart::On << quint32(16438) << name << QStringLiteral("2.7.0") << 0 << true
            << QString();
    QTest::newRow("2.7 log port banner")
            << Chunks{ fixture("banner_logport.bin") } << ChildState::Running << quint32(16448)
            << AutoRestart::Unknown << quint32(16438) << name << QString() << -1 << false
            << QString();
    QTest::newRow("2.7 kill and auto restart")
            << Chunks{ fixture("banner_running.bin"), fixture("lifecycle_kill_restart.bin") }
            << ChildState::Running << quint32(16656) << AutoRestart::On << quint32(16438) << name
            << QStringLiteral("2.7.0") << 0 << true
            << QStringLiteral("The process was killed by signal 9");
    QTest::newRow("2.7 toggle off and kill")
            << Chunks{ fixture("banner_running.bin"), fixture("lifecycle_kill_restart.bin"),
                       fixture("toggle_kill_down.bin") }
            << ChildState::ShutDown << quint32(0) << AutoRestart::Off << quint32(16438) << name
            << QStringLiteral("2.7.0") << 0 << true
            << QStringLiteral("The process was killed by signal 9");
    QTest::newRow("2.7 banner, shut down")
            << Chunks{ fixture("banner_shutdown.bin") } << ChildState::ShutDown << quint32(0)
            << AutoRestart::Off << quint32(16438) << name << QStringLiteral("2.7.0") << 1 << true
            << QString();

    // tech-brief A.4, shut-down banner with -k ^K -x ^D.
    QTest::newRow("brief shut-down banner") << Chunks{ QByteArray(
            "@@@ Welcome to procServ (procServ Process Server 2.7.0)\r\n"
            "@@@ Use ^K to kill the child, auto restart is OFF, use ^T to toggle auto restart\r\n"
            "@@@ Use ^D to logout from procServ server\r\n"
            "@@@ procServ server PID: 12688\r\n"
            "@@@ Child \"test2\" started as: /tmp/pstest/child.sh\r\n"
            "@@@ Child \"test2\" is SHUT DOWN\r\n"
            "@@@ procServ server started at: 2026-11-25T12:03:15\r\n"
            "@@@ 0 user(s) and 0 logger(s) connected (plus you)\r\n"
            "@@@ ^R or ^K restarts the child, ^Q quits the server, ^D closes this connection\r\n") }
                                            << ChildState::ShutDown << quint32(0)
                                            << AutoRestart::Off << quint32(12688)
                                            << QStringLiteral("test2") << QStringLiteral("2.7.0")
                                            << 0 << true << QString();

    // procServ 2.8 wording (clientFactory.cc at e106eb8): "mode", ONESHOT, kill message.
    const QByteArray banner28("@@@ Welcome to procServ (procServ Process Server 2.8.0)\r\n"
                              "@@@ Use ^X to kill the child, auto restart mode is ONESHOT, use ^T "
                              "to toggle auto restart\r\n"
                              "@@@ procServ server PID: 100\r\n"
                              "@@@ Server startup directory: /\r\n"
                              "@@@ Child startup directory: /\r\n"
                              "@@@ Child \"ioc\" started as: /bin/ioc\r\n"
                              "@@@ Child log file: /var/log/ioc.log\r\n"
                              "@@@ Child \"ioc\" PID: 101\r\n"
                              "@@@ procServ server started at: Wed Nov 25 12:01:57 2026\r\n"
                              "@@@ Child \"ioc\" started at: Wed Nov 25 12:01:58 2026\r\n"
                              "@@@ 2 user(s) and 1 logger(s) connected (plus you)\r\n");
    QTest::newRow("2.8 banner oneshot")
            << Chunks{ banner28 } << ChildState::Running << quint32(101) << AutoRestart::OneShot
            << quint32(100) << QStringLiteral("ioc") << QStringLiteral("2.8.0") << 2 << true
            << QString();
    QTest::newRow("2.8 toggle mode")
            << Chunks{ banner28, QByteArray("\r\n@@@ Toggled auto restart mode to ON\r\n") }
            << ChildState::Running << quint32(101) << AutoRestart::On << quint32(100)
            << QStringLiteral("ioc") << QStringLiteral("2.8.0") << 2 << true << QString();
    QTest::newRow("2.8 kill disabled, toggle disabled")
            << Chunks{ QByteArray("@@@ Welcome to procServ (procServ Process Server 2.8.0)\r\n"
                                  "@@@ Kill command disabled, auto restart mode is OFF, auto "
                                  "restart toggle disabled\r\n") }
            << ChildState::Unknown << quint32(0) << AutoRestart::Off << quint32(0) << QString()
            << QStringLiteral("2.8.0") << -1 << false << QString();
    // The two teardown groups arrive in either order (tech-brief A.7).
    QTest::newRow("shutting down before sigChild")
            << Chunks{ banner28,
                       QByteArray("\r\n@@@ Got a kill command\r\n"
                                  "@@@ Current time: Wed Nov 25 12:05:00 2026\r\n"
                                  "@@@ Child process is shutting down, a new one will be restarted "
                                  "shortly\r\n"
                                  "@@@ ^R or ^X restarts the child, ^Q quits the server\r\n"
                                  "\r\n@@@ @@@ @@@ @@@ @@@\r\n"
                                  "@@@ Received a sigChild for process 101. Normal exit status = "
                                  "3\r\n") }
            << ChildState::ShutDown << quint32(0) << AutoRestart::OneShot << quint32(100)
            << QStringLiteral("ioc") << QStringLiteral("2.8.0") << 2 << true
            << QStringLiteral("Normal exit status = 3");
    QTest::newRow("late sigChild of the old child")
            << Chunks{ banner28,
                       QByteArray("@@@ Restarting child \"ioc\"\r\n"
                                  "@@@ The PID of new child \"ioc\" is: 202\r\n"
                                  "@@@ @@@ @@@ @@@ @@@\r\n"
                                  "@@@ Received a sigChild for process 101. Normal exit status = "
                                  "0\r\n") }
            << ChildState::Running << quint32(202) << AutoRestart::OneShot << quint32(100)
            << QStringLiteral("ioc") << QStringLiteral("2.8.0") << 2 << true
            << QStringLiteral("Normal exit status = 0");
    QTest::newRow("message after an unterminated prompt")
            << Chunks{ QByteArray("@@@ Child \"ioc\" is SHUT DOWN\r\n"),
                       QByteArray("epics> @@@ Restarting child \"ioc\"\r\n@@@ The PID of new child "
                                  "\"ioc\" is: 7\r\n") }
            << ChildState::Running << quint32(7) << AutoRestart::Unknown << quint32(0)
            << QStringLiteral("ioc") << QString() << -1 << false << QString();
    QTest::newRow("IOC output is ignored")
            << Chunks{ QByteArray("epics> dbl\r\nSIM:PID\r\nChild \"x\" PID: 5\r\n") }
            << ChildState::Unknown << quint32(0) << AutoRestart::Unknown << quint32(0) << QString()
            << QString() << -1 << false << QString();
    QTest::newRow("auto restart disabled message")
            << Chunks{ QByteArray("@@@ Child \"a\" PID: 9\r\n"),
                       QByteArray(
                               "@@@ Child process is shutting down, auto restart is disabled\r\n") }
            << ChildState::ShutDown << quint32(0) << AutoRestart::Off << quint32(0)
            << QStringLiteral("a") << QString() << -1 << false << QString();
    QTest::newRow("name with quotes and spaces")
            << Chunks{ QByteArray("@@@ Child \"my \"odd\" ioc\" PID: 12\r\n") }
            << ChildState::Running << quint32(12) << AutoRestart::Unknown << quint32(0)
            << QStringLiteral("my \"odd\" ioc") << QString() << -1 << false << QString();
}

void TestProcServStateTracker::track()
{
    QFETCH(Chunks, chunks);
    QFETCH(ChildState, state);
    QFETCH(quint32, childPid);
    QFETCH(AutoRestart, autoRestart);
    QFETCH(quint32, serverPid);
    QFETCH(QString, childName);
    QFETCH(QString, version);
    QFETCH(int, users);
    QFETCH(bool, bannerComplete);
    QFETCH(QString, exitReason);

    ProcServStateTracker t;
    for (const QByteArray &chunk : chunks)
        t.feed(chunk);
    QCOMPARE(t.childState(), state);
    QCOMPARE(t.childPid(), childPid);
    QCOMPARE(t.autoRestart(), autoRestart);
    QCOMPARE(t.serverPid(), serverPid);
    QCOMPARE(t.childName(), childName);
    QCOMPARE(t.procServVersion(), version);
    QCOMPARE(t.users(), users);
    QCOMPARE(t.bannerComplete(), bannerComplete);
    QCOMPARE(t.lastExitReason(), exitReason);
}

void TestProcServStateTracker::anyChunking_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::newRow("running banner + kill/restart")
            << fixture("banner_running.bin") + fixture("lifecycle_kill_restart.bin");
    QTest::newRow("toggle and kill")
            << fixture("banner_running.bin") + fixture("toggle_kill_down.bin");
}

void TestProcServStateTracker::anyChunking()
{
    QFETCH(QByteArray, stream);
    ProcServStateTracker whole;
    whole.feed(stream);

    for (int split = 0; split <= stream.size(); ++split) {
        ProcServStateTracker t;
        t.feed(stream.left(split));
        t.feed(stream.mid(split));
        QCOMPARE(t.childState(), whole.childState());
        QCOMPARE(t.childPid(), whole.childPid());
        QCOMPARE(t.autoRestart(), whole.autoRestart());
        QCOMPARE(t.serverPid(), whole.serverPid());
    }
    ProcServStateTracker bytewise;
    for (const char c : stream)
        bytewise.feed(QByteArray(1, c));
    QCOMPARE(bytewise.childPid(), whole.childPid());
    QCOMPARE(bytewise.childState(), whole.childState());
    QCOMPARE(bytewise.autoRestart(), whole.autoRestart());
    QCOMPARE(bytewise.lastExitReason(), whole.lastExitReason());
}

void TestProcServStateTracker::takeChanged()
{
    ProcServStateTracker t;
    QVERIFY(!t.takeChanged());
    t.feed(fixture("banner_running.bin"));
    QVERIFY(t.takeChanged());
    QVERIFY(!t.takeChanged());
    t.feed("epics> dbl\r\n");
    QVERIFY(!t.takeChanged());
    // The same banner again (a reconnect) changes nothing.
    t.beginConnection();
    t.takeChanged();
    t.feed(fixture("banner_running.bin"));
    t.markBannerComplete();
    QVERIFY(t.takeChanged()); // bannerComplete went false → true
    t.feed(fixture("banner_running.bin"));
    QVERIFY(!t.takeChanged());
    t.feed("@@@ Child \"simioc\" is SHUT DOWN\r\n");
    QVERIFY(t.takeChanged());
}

void TestProcServStateTracker::startedAt()
{
    ProcServStateTracker t;
    t.feed("@@@ Child \"a\" started at: Thu Nov  5 08:01:58 2026\r\n");
    QCOMPARE(t.childStartedAtText(), QStringLiteral("Thu Nov  5 08:01:58 2026"));
    QCOMPARE(t.childStartedAt(), QDateTime(QDate(2026, 11, 5), QTime(8, 1, 58)));
    t.feed("@@@ Child \"a\" started at: 2026-11-25T12:03:15\r\n");
    QCOMPARE(t.childStartedAt(), QDateTime(QDate(2026, 11, 25), QTime(12, 3, 15)));
    t.feed("@@@ Child \"a\" started at: 25.11.2026 um 12 Uhr\r\n");
    QVERIFY(!t.childStartedAt().isValid());
    QCOMPARE(t.childStartedAtText(), QStringLiteral("25.11.2026 um 12 Uhr"));
    const QDateTime before = QDateTime::currentDateTime().addSecs(-1);
    t.feed("@@@ The PID of new child \"a\" is: 9\r\n");
    QVERIFY(t.childStartedAt() >= before);
}

void TestProcServStateTracker::timesReadAsQLocaleReadsThem()
{
    // procServ's "%c" times are read field by field; whatever the text, the answer is
    // QLocale's (what this code used before) or ISO's.
    const QString format = QStringLiteral("ddd MMM d HH:mm:ss yyyy");
    auto qlocale = [&format](const QString &text) {
        const QString simplified = text.simplified();
        QDateTime dt = QLocale::c().toDateTime(simplified, format);
        return dt.isValid() ? dt : QDateTime::fromString(simplified, Qt::ISODate);
    };
    // Every day of a leap year and the next, at changing times, as "%c" pads the day.
    QDateTime at(QDate(2028, 1, 1), QTime(0, 0, 0));
    for (int i = 0; i < 731; ++i, at = at.addDays(1).addSecs(3599)) {
        QString text = QLocale::c().toString(at, QStringLiteral("ddd MMM "));
        text += QStringLiteral("%1 ").arg(at.date().day(), 2, 10, QLatin1Char(' '));
        text += QLocale::c().toString(at, QStringLiteral("HH:mm:ss yyyy"));
        QCOMPARE(ProcServStateTracker::parseTime(text), at);
        QCOMPARE(ProcServStateTracker::parseTime(text), qlocale(text));
    }
    const QStringList odd{ QStringLiteral("Wed Nov 25 12:01:57 2026"),
                           QStringLiteral("  Thu Nov  5 08:01:58 2026 "),
                           QStringLiteral("Thu Nov 25 12:01:57 2026"), // not a Thursday
                           QStringLiteral("Mon Feb 30 12:01:57 2026"),
                           QStringLiteral("Wed Nov 25 24:01:57 2026"),
                           QStringLiteral("Wed Nov 25 12:1:57 2026"),
                           QStringLiteral("Wed Nov 25 12:01:57 26"),
                           QStringLiteral("Wed Nov 25 12:01:57"),
                           QStringLiteral("Wed Foo 25 12:01:57 2026"),
                           QStringLiteral("wed nov 25 12:01:57 2026"),
                           QStringLiteral("2026-11-25T12:03:15"),
                           QString(),
                           QStringLiteral("epics> ") };
    for (const QString &text : odd)
        QVERIFY2(ProcServStateTracker::parseTime(text) == qlocale(text), qPrintable(text));
}

void TestProcServStateTracker::longLineWithoutNewline()
{
    ProcServStateTracker t;
    t.feed(QByteArray(100000, 'x'));
    t.feed("@@@ Child \"a\" PID: 42\r\n");
    QCOMPARE(t.childPid(), quint32(42));
}

void TestProcServStateTracker::beginConnection()
{
    ProcServStateTracker t;
    t.feed("@@@ Child \"a\" PID: 4");
    t.beginConnection(); // connection lost mid-line: the fragment must not glue onto new data
    t.feed("2 garbage\r\n@@@ Child \"a\" PID: 5\r\n");
    QCOMPARE(t.childPid(), quint32(5));
}

void TestProcServStateTracker::childLifecycle_data()
{
    // What a live connection sees (procServ 2.7's exact lines): restarts, last exit, readiness.
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<int>("restarts");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("exitSignal");
    QTest::addColumn<Readiness>("readiness");
    const QByteArray banner = "@@@ procServ server PID: 10\r\n"
                              "@@@ Child \"x\" PID: 11\r\n"
                              "@@@ procServ server started at: Sun Dec  6 02:24:22 2026\r\n"
                              "@@@ Child \"x\" started at: Sun Dec  6 02:24:22 2026\r\n";
    const QByteArray segv =
            "@@@ Received a sigChild for process 11. The process was killed by signal 11\r\n"
            "@@@ Current time: Sun Dec  6 02:24:24 2026\r\n"
            "@@@ Child process is shutting down, a new one will be restarted shortly\r\n"
            "@@@ ^R or ^X restarts the child, ^Q quits the server\r\n";
    const QByteArray restart = "@@@ Restarting child \"x\"\r\n"
                               "@@@    (as /bin/ioc)\r\n"
                               "@@@ The PID of new child \"x\" is: 12\r\n"
                               "@@@ @@@ @@@ @@@ @@@\r\n";
    QTest::newRow("banner only") << banner << 0 << -1 << 0 << Readiness::Unknown;
    QTest::newRow("crashed, down") << banner + segv << 0 << -1 << 11 << Readiness::Unknown;
    QTest::newRow("restarted, booting")
            << banner + segv + restart << 1 << -1 << 11 << Readiness::Starting;
    QTest::newRow("restarted, ready") << banner + segv + restart
                    + "Starting iocInit\r\n"
                      "iocRun: All initialization complete\r\nepics> "
                                      << 1 << -1 << 11 << Readiness::Ready;
    QTest::newRow("exit 3, restarted") << banner
                    + "@@@ Received a sigChild for process 11. Normal exit status = 3\r\n" + restart
                                       << 1 << 3 << 0 << Readiness::Starting;
    // Shut down with auto-restart off, then ^R: a restart too.
    QTest::newRow("restarted by hand")
            << banner + segv + "@@@ Toggled auto restart to OFF\r\n" + restart << 1 << -1 << 11
            << Readiness::Starting;
}

void TestProcServStateTracker::childLifecycle()
{
    QFETCH(QByteArray, stream);
    QFETCH(int, restarts);
    QFETCH(int, exitCode);
    QFETCH(int, exitSignal);
    QFETCH(Readiness, readiness);
    // Byte by byte too: lines split anywhere.
    for (int chunk : { int(stream.size()), 1 }) {
        ProcServStateTracker t;
        for (int i = 0; i < stream.size(); i += chunk)
            t.feed(stream.mid(i, chunk));
        QCOMPARE(t.childRestarts(), restarts);
        QCOMPARE(t.restartTimes().size(), restarts);
        QCOMPARE(t.lastExit().code, exitCode);
        QCOMPARE(t.lastExit().signal, exitSignal);
        QCOMPARE(t.lastExit().at.isValid(), exitCode >= 0 || exitSignal > 0);
        QCOMPARE(t.readiness(), readiness);
    }
}

QTEST_GUILESS_MAIN(TestProcServStateTracker)
#include "tst_procservstatetracker.moc"
