// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// ProcChild's rules (the IOC process from /proc, the same for this machine and an SSH host)
// and RemoteChildReader's script and parser: the script runs here under /bin/sh on this
// machine's real /proc and must read what the local reading reads.
#include "core/ioc/childtracker.h"
#include "core/ioc/procchild.h"
#include "core/ioc/remotechildreader.h"
#include "core/procserv/bannerparser.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {

// A /proc/PID/stat text with field 22 (start time) = @p ticks.
QByteArray statText(quint32 pid, const QByteArray &comm, qint64 ticks)
{
    QByteArray text = QByteArray::number(pid) + " (" + comm + ") S";
    for (int field = 4; field <= 21; ++field)
        text += " " + QByteArray::number(field);
    text += " " + QByteArray::number(ticks) + " 4096 100 18446744073709551615 1 1 0";
    return text;
}

Ioc runningIoc(quint32 mainPid, qint64 activeForMs)
{
    Ioc ioc;
    ioc.mainPid = mainPid;
    ioc.activeState = QStringLiteral("active");
    ioc.activeSince = QDateTime::currentDateTimeUtc().addMSecs(-activeForMs);
    ioc.execStart = QStringList{ QStringLiteral("/usr/bin/procServ"),
                                 QStringLiteral("--foreground"),
                                 QStringLiteral("--holdoff"),
                                 QStringLiteral("5"),
                                 QStringLiteral("2000"),
                                 QStringLiteral("/usr/bin/iocsim") };
    return ioc;
}

// A literal with its NULs.
template <std::size_t N>
QByteArray bytes(const char (&text)[N])
{
    return QByteArray(text, int(N - 1));
}

// What procServ 2.7 writes to its -L log around one run of a unit started at @p start (local
// time): a child killed by SIGSEGV and restarted, IOC output (with a NUL and a line that
// mentions "@@@" without being procServ's), one that initialised, then one killed by
// SIGABRT, restarted and still booting.
QByteArray crashLog(const QDateTime &start)
{
    const auto at = [&start](int secs) {
        return QLocale::c()
                .toString(start.addSecs(secs), QStringLiteral("ddd MMM d HH:mm:ss yyyy"))
                .toLatin1();
    };
    return QByteArray("@@@ Restarting child \"x\"\r\n"
                      "@@@ The PID of new child \"x\" is: 200\r\n"
                      "epics> dbl\r\nx:ai1\r\n")
            + bytes("binary \0 output\r\n")
            + "say @@@\r\n"
              "@@@ Received a sigChild for process 200. The process was killed by signal 11\r\n"
              "@@@ Current time: "
            + at(2)
            + "\r\n"
              "@@@ Child process is shutting down, a new one will be restarted shortly\r\n"
              "@@@ Restarting child \"x\"\r\n"
              "@@@ The PID of new child \"x\" is: 201\r\n"
              "iocRun: All initialization complete\r\n"
              "@@@ Received a sigChild for process 201. The process was killed by signal 6\r\n"
              "@@@ Current time: "
            + at(5)
            + "\r\n"
              "@@@ Child process is shutting down, a new one will be restarted shortly\r\n"
              "@@@ Restarting child \"x\"\r\n"
              "@@@ The PID of new child \"x\" is: 202\r\n"
              "booting\r\n";
}

// The facts a log gives, to compare two readings.
QString logFacts(const ProcServStateTracker &log)
{
    QStringList times;
    for (const QDateTime &time : log.restartTimes())
        times << time.toUTC().toString(Qt::ISODate);
    return QStringLiteral("restarts %1 [%2] last exit %3 at %4, child %5, readiness %6")
            .arg(log.childRestarts())
            .arg(times.join(QLatin1Char(' ')), log.lastExit().text(),
                 log.lastExit().at.toUTC().toString(Qt::ISODate))
            .arg(log.childPid())
            .arg(int(log.readiness()));
}

} // namespace

class TestProcChild : public QObject
{
    Q_OBJECT

private slots:
    void judge_data();
    void judge();
    void applyTimes();
    void startTicks_data();
    void startTicks();
    void parseRemote();
    void parseRemoteRefusesCutOutput_data();
    void parseRemoteRefusesCutOutput();
    void scriptReadsWhatTheLocalReadingReads();
    void scriptReadsLogsAsTheLocalReadingDoes();
    void parseRemoteLogs();
};

void TestProcChild::judge_data()
{
    QTest::addColumn<QByteArray>("comm");
    QTest::addColumn<bool>("childrenRead");
    QTest::addColumn<QByteArray>("children");
    QTest::addColumn<quint32>("filesPid");
    QTest::addColumn<qint64>("activeForMs");
    QTest::addColumn<bool>("decided");
    QTest::addColumn<int>("state");
    QTest::addColumn<quint32>("childPid");

    const int running = int(ChildState::Running);
    const int shutDown = int(ChildState::ShutDown);
    const int unknown = int(ChildState::Unknown);
    QTest::newRow("running") << QByteArray("procServ\n") << true << QByteArray("4321 ") << 100u
                             << 60000LL << true << running << 4321u;
    QTest::newRow("first of several children")
            << QByteArray("procServ\n") << true << QByteArray("4321 4400 ") << 100u << 60000LL
            << true << running << 4321u;
    QTest::newRow("shut down") << QByteArray("procServ\n") << true << QByteArray() << 100u
                               << 60000LL << true << shutDown << 0u;
    // procServ listens before it forks its child: a banner probe decides then.
    QTest::newRow("no child right after a start")
            << QByteArray("procServ\n") << true << QByteArray() << 100u << 2000LL << false
            << unknown << 0u;
    QTest::newRow("a child right after a start")
            << QByteArray("procServ\n") << true << QByteArray("4321 ") << 100u << 2000LL << true
            << running << 4321u;
    QTest::newRow("MainPID is a wrapper") << QByteArray("bash\n") << true << QByteArray("4321 ")
                                          << 100u << 60000LL << false << unknown << 0u;
    QTest::newRow("comm unreadable") << QByteArray() << true << QByteArray("4321 ") << 100u
                                     << 60000LL << false << unknown << 0u;
    QTest::newRow("children unreadable") << QByteArray("procServ\n") << false << QByteArray()
                                         << 100u << 60000LL << false << unknown << 0u;
    QTest::newRow("files of another process")
            << QByteArray("procServ\n") << true << QByteArray("4321 ") << 101u << 60000LL << false
            << unknown << 0u;
}

void TestProcChild::judge()
{
    QFETCH(QByteArray, comm);
    QFETCH(bool, childrenRead);
    QFETCH(QByteArray, children);
    QFETCH(quint32, filesPid);
    QFETCH(qint64, activeForMs);
    QFETCH(bool, decided);
    QFETCH(int, state);
    QFETCH(quint32, childPid);

    ProcChild::Files files;
    files.pid = filesPid;
    files.comm = comm;
    files.childrenRead = childrenRead;
    files.children = children;
    Ioc ioc = runningIoc(100, activeForMs);
    QCOMPARE(ProcChild::judge(files, ioc, QDateTime::currentDateTimeUtc()), decided);
    QCOMPARE(int(ioc.childState), state);
    QCOMPARE(ioc.childPid, childPid);
}

void TestProcChild::applyTimes()
{
    ProcChild::Files files;
    files.pid = 100;
    files.comm = "procServ";
    files.childrenRead = true;
    files.children = "4321 ";
    files.childPid = 4321;
    files.bootTime = 1700000000;
    files.clockTicks = 100;
    files.stat = statText(100, "procServ", 50000); // 500 s after boot
    files.childStat = statText(4321, "iocsim (x) y", 50150); // 1.5 s later
    Ioc ioc = runningIoc(100, 60000);
    QVERIFY(ProcChild::judge(files, ioc, QDateTime::currentDateTimeUtc()));
    ProcChild::applyTimes(files, ioc);
    QCOMPARE(ioc.childSince, QDateTime::fromMSecsSinceEpoch(1700000000LL * 1000 + 501500));
    // Within --holdoff 5 of procServ's own start: its first child, no restart.
    QCOMPARE(ioc.childRestarts, 0);

    // 10 s later: a restarted child (holdoff 5); the restarts are not known from /proc.
    files.childStat = statText(4321, "iocsim", 51000);
    Ioc later = runningIoc(100, 60000);
    QVERIFY(ProcChild::judge(files, later, QDateTime::currentDateTimeUtc()));
    ProcChild::applyTimes(files, later);
    QCOMPARE(later.childSince, QDateTime::fromMSecsSinceEpoch(1700000000LL * 1000 + 510000));
    QCOMPARE(later.childRestarts, -1);

    // A stat of another process than the child named: nothing is taken from it.
    files.childStat = statText(4400, "iocsim", 50150);
    Ioc other = runningIoc(100, 60000);
    QVERIFY(ProcChild::judge(files, other, QDateTime::currentDateTimeUtc()));
    ProcChild::applyTimes(files, other);
    QVERIFY(!other.childSince.isValid());
    QCOMPARE(other.childRestarts, -1);

    // The host's clock ticks unknown: no time, no guess.
    files.childStat = statText(4321, "iocsim", 50150);
    files.clockTicks = -1;
    Ioc noHz = runningIoc(100, 60000);
    QVERIFY(ProcChild::judge(files, noHz, QDateTime::currentDateTimeUtc()));
    ProcChild::applyTimes(files, noHz);
    QVERIFY(!noHz.childSince.isValid());
    QCOMPARE(noHz.childRestarts, -1);
}

void TestProcChild::startTicks_data()
{
    QTest::addColumn<QByteArray>("stat");
    QTest::addColumn<qint64>("ticks");
    QTest::newRow("plain") << statText(1, "procServ", 12345) << 12345LL;
    QTest::newRow("name with spaces and parentheses") << statText(1, "a) b (c", 777) << 777LL;
    QTest::newRow("empty") << QByteArray() << -1LL;
    QTest::newRow("cut") << QByteArray("1 (x) S 1 2 3") << -1LL;
    QByteArray last = "1 (x) S";
    for (int field = 4; field < 22; ++field)
        last += " 0";
    QTest::newRow("field 22 last, then a newline") << last + " 4242\n" << 4242LL;
    QTest::newRow("cut before field 22") << last + '\n' << -1LL;
    QTest::newRow("field 22 empty") << last + " \n" << -1LL;
}

void TestProcChild::startTicks()
{
    QFETCH(QByteArray, stat);
    QFETCH(qint64, ticks);
    QCOMPARE(ProcChild::startTicks(stat), ticks);
}

void TestProcChild::parseRemote()
{
    const QByteArray out = "B 1700000000\nH 100\n"
                           "@ 100\nc procServ\ns "
            + statText(100, "procServ", 50000) + "\nk 4321 4400 \nC "
            + statText(4321, "iocsim", 50100) + "\n@ 200\nc procServ\ns "
            + statText(200, "procServ", 60000)
            + "\nk \n"
              "@ 300\n"
              ".\n";
    RemoteChildReader::Result files;
    QVERIFY(RemoteChildReader::parse(out, &files));
    QCOMPARE(files.size(), 3);
    const ProcChild::Files a = files.value(100);
    QCOMPARE(a.pid, 100u);
    QCOMPARE(a.comm, QByteArray("procServ"));
    QVERIFY(a.childrenRead);
    QCOMPARE(a.childPid, 4321u);
    QCOMPARE(ProcChild::startTicks(a.childStat), 50100LL);
    QCOMPARE(a.bootTime, 1700000000LL);
    QCOMPARE(a.clockTicks, 100L);
    const ProcChild::Files b = files.value(200);
    QVERIFY(b.childrenRead);
    QCOMPARE(b.childPid, 0u);
    QVERIFY(b.childStat.isEmpty());
    // Gone (or hidden): nothing read, so nothing judged.
    const ProcChild::Files c = files.value(300);
    QVERIFY(c.comm.isEmpty());
    QVERIFY(!c.childrenRead);
    Ioc gone = runningIoc(300, 60000);
    QVERIFY(!ProcChild::judge(c, gone, QDateTime::currentDateTimeUtc()));
    Ioc down = runningIoc(200, 60000);
    QVERIFY(ProcChild::judge(b, down, QDateTime::currentDateTimeUtc()));
    QCOMPARE(down.childState, ChildState::ShutDown);
}

void TestProcChild::parseRemoteRefusesCutOutput_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::newRow("no end line") << QByteArray("B 1\nH 100\n@ 100\nc procServ\nk \n");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("fact before a PID") << QByteArray("B 1\nH 100\nk 4321\n.\n");
    QTest::newRow("unknown line") << QByteArray("B 1\nH 100\nWelcome!\n.\n");
    QTest::newRow("after the end") << QByteArray("B 1\nH 100\n.\n@ 100\n");
}

void TestProcChild::parseRemoteRefusesCutOutput()
{
    QFETCH(QByteArray, output);
    RemoteChildReader::Result files;
    QVERIFY(!RemoteChildReader::parse(output, &files));
}

void TestProcChild::scriptReadsWhatTheLocalReadingReads()
{
    // A real process with a child of its own (sh running sleep), read by the script under
    // /bin/sh here and by the local reading: the same files, the same facts.
    QProcess parent;
    parent.start(QStringLiteral("/bin/sh"),
                 { QStringLiteral("-c"), QStringLiteral("sleep 60 & wait") });
    QVERIFY(parent.waitForStarted(10000));
    const auto parentPid = quint32(parent.processId());
    QTRY_VERIFY_WITH_TIMEOUT(!ProcChild::readLocal(parentPid).children.trimmed().isEmpty(), 10000);
    const quint32 self = quint32(::getpid());
    const quint32 gone = 0x3fffffff; // above pid_max: never a process

    QProcess script;
    script.start(QStringLiteral("/bin/sh"),
                 { QStringLiteral("-c"), RemoteChildReader::script({ parentPid, self, gone }) });
    QVERIFY(script.waitForFinished(30000));
    QCOMPARE(script.exitCode(), 0);
    const QByteArray out = script.readAllStandardOutput();
    RemoteChildReader::Result files;
    QVERIFY2(RemoteChildReader::parse(out, &files), out.constData());

    const ProcChild::Files local = ProcChild::readLocal(parentPid);
    const ProcChild::Files remote = files.value(parentPid);
    QCOMPARE(remote.comm, local.comm.trimmed());
    QVERIFY(remote.childrenRead);
    QCOMPARE(remote.children.simplified(), local.children.simplified());
    QVERIFY(remote.childPid != 0);
    QFile childStat(QStringLiteral("/proc/%1/stat").arg(remote.childPid));
    QVERIFY(childStat.open(QIODevice::ReadOnly));
    const QByteArray childStatHere = childStat.readAll();
    QCOMPARE(ProcChild::startTicks(remote.childStat), ProcChild::startTicks(childStatHere));
    QFile procStat(QStringLiteral("/proc/stat"));
    QVERIFY(procStat.open(QIODevice::ReadOnly));
    QCOMPARE(remote.bootTime, ProcChild::bootTime(procStat.readAll()));
    QCOMPARE(remote.clockTicks, ::sysconf(_SC_CLK_TCK));
    // This test's own children: the sh above (and the script's shell, running then).
    QVERIFY(files.value(self).childrenRead);
    QVERIFY(files.value(self).children.split(' ').contains(QByteArray::number(parentPid)));
    QVERIFY(!files.value(gone).childrenRead);
    QVERIFY(files.value(gone).comm.isEmpty());

    parent.kill();
    parent.waitForFinished(10000);
}

void TestProcChild::scriptReadsLogsAsTheLocalReadingDoes()
{
    // Logs read by the script under /bin/sh here and by the local reading: the same facts.
    // One short, one longer than the part read (a restart in its cut-off start must not
    // count), one whose path needs quoting, one missing; a relative path is not asked for.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDateTime unitStart = QDateTime::currentDateTime().addSecs(-600);
    const QByteArray log = crashLog(unitStart.addSecs(1));
    const auto write = [](const QString &path, const QByteArray &data) {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
    };
    const QString shortLog = dir.filePath(QStringLiteral("short.log"));
    QVERIFY(write(shortLog, log));
    const QString quoted = dir.filePath(QStringLiteral("it's a \"log\" $HOME `x`.log"));
    QVERIFY(write(quoted, log));
    // Longer than the part read (an earlier run and a megabyte of IOC output cut off), and
    // what that part reaches back to: to before the unit's start (a procServ time in it), or
    // not (none). IOC output has no procServ line: the script sends little of it.
    const QByteArray output = QByteArray(198, 'o') + "\r\n";
    const auto longText = [&](const QByteArray &marker) {
        QByteArray text;
        text.reserve(int(ChildTracker::maxLogBytes) + (2 << 20));
        text += crashLog(unitStart.addSecs(-7200));
        while (text.size() < (1 << 20))
            text += output;
        text += marker;
        const qsizetype end = text.size() + ChildTracker::maxLogBytes - (64 << 10);
        while (text.size() < end)
            text += output;
        text += log;
        return text;
    };
    const QString longLog = dir.filePath(QStringLiteral("long.log"));
    QVERIFY(write(longLog,
                  longText("@@@ Current time: "
                           + QLocale::c()
                                     .toString(unitStart.addSecs(-60),
                                               QStringLiteral("ddd MMM d HH:mm:ss yyyy"))
                                     .toLatin1()
                           + "\r\n")));
    const QString cutLog = dir.filePath(QStringLiteral("cut.log"));
    QVERIFY(write(cutLog, longText(QByteArray())));
    const QString missing = dir.filePath(QStringLiteral("missing.log"));
    const QStringList logs{ shortLog, quoted,  longLog,
                            cutLog,   missing, QStringLiteral("relative.log") };

    QProcess script;
    script.start(QStringLiteral("/bin/sh"),
                 { QStringLiteral("-c"), RemoteChildReader::script({}, logs) });
    QVERIFY(script.waitForFinished(30000));
    QCOMPARE(script.exitCode(), 0);
    const QByteArray out = script.readAllStandardOutput();
    RemoteChildReader::Result files;
    RemoteChildReader::Logs read;
    QVERIFY2(RemoteChildReader::parse(out, &files, &read), out.left(2000).constData());
    QCOMPARE(read.utcOffset, std::optional<int>(QDateTime::currentDateTime().offsetFromUtc()));
    QCOMPARE(read.lines.size(), 4);
    QVERIFY(!read.lines.contains(missing));
    QVERIFY(!read.lines.contains(QStringLiteral("relative.log")));
    QCOMPARE(read.cut, (QSet<QString>{ longLog, cutLog }));
    // Only what the rules read is sent: procServ's lines and the IOC's initialisation.
    QVERIFY(!read.lines.value(shortLog).contains("epics> dbl"));
    QVERIFY(read.lines.value(shortLog).contains("iocRun: All initialization complete"));

    QHash<QString, ProcServStateTracker> locals;
    QHash<QString, bool> complete;
    for (const QString &path : { shortLog, quoted, longLog, cutLog }) {
        ProcServStateTracker &local = locals[path];
        complete[path] = ChildTracker::readLogFile(path, unitStart, &local);
        ProcServStateTracker remote;
        remote.setHostUtcOffset(*read.utcOffset);
        const bool remoteRead = ChildTracker::readLog(read.lines.value(path),
                                                      read.cut.contains(path), unitStart, &remote);
        QCOMPARE(remoteRead, complete.value(path));
        QCOMPARE(logFacts(remote), logFacts(local));
    }
    // And what they say: two restarts since the unit started, the last by SIGABRT.
    QVERIFY(complete.value(shortLog));
    QCOMPARE(locals[shortLog].childRestarts(), 2);
    QCOMPARE(locals[shortLog].lastExit().signalName(), QStringLiteral("SIGABRT"));
    QCOMPARE(locals[shortLog].childPid(), 202u);
    // The long log reaches back before the unit's start: the earlier run is not counted.
    QVERIFY(complete.value(longLog));
    QCOMPARE(locals[longLog].childRestarts(), 2);
    // The other does not: its count since the start is not known.
    QVERIFY(!complete.value(cutLog));
}

void TestProcChild::parseRemoteLogs()
{
    // A failed grep (status 2: e.g. one without -Z) leaves its logs unknown, never empty.
    RemoteChildReader::Result files;
    RemoteChildReader::Logs logs;
    QVERIFY(RemoteChildReader::parse("B 1\nH 100\nZ -0330\nR /a\nR /b\nG 2\n.\n", &files, &logs));
    QVERIFY(logs.lines.isEmpty());
    QCOMPARE(logs.utcOffset, std::optional<int>(-(3 * 3600 + 30 * 60)));
    // No match (status 1): read, and empty. A long log's own grep, then the short ones'.
    QByteArray out("B 1\nH 100\nZ +0100\nR /a\nY /big\n");
    out += bytes("/big\0@@@ Restarting child \"x\"\r\n");
    out += "G 0\nR /b\n";
    out += bytes("/a\0@@@ x\0y\n");
    out += "G 0\n.\n";
    QVERIFY2(RemoteChildReader::parse(out, &files, &logs), out.constData());
    QCOMPARE(logs.utcOffset, std::optional<int>(3600));
    QCOMPARE(logs.lines.value(QStringLiteral("/big")),
             QByteArray("@@@ Restarting child \"x\"\r\n"));
    QCOMPARE(logs.lines.value(QStringLiteral("/a")), bytes("@@@ x\0y\n"));
    QVERIFY(logs.lines.contains(QStringLiteral("/b")));
    QVERIFY(logs.lines.value(QStringLiteral("/b")).isEmpty());
    QCOMPARE(logs.cut, QSet<QString>{ QStringLiteral("/big") });
    // A line of a log not asked for, or a grep that never ended: out of step.
    QVERIFY(!RemoteChildReader::parse(bytes("R /a\n/c\0@@@ x\nG 0\n.\n"), &files, &logs));
    QVERIFY(!RemoteChildReader::parse("R /a\n.\n", &files, &logs));
    QVERIFY(!RemoteChildReader::parse("Y /a\nR /b\nG 0\n.\n", &files, &logs));
}

QTEST_GUILESS_MAIN(TestProcChild)
#include "tst_procchild.moc"
