// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// ProcChild's rules (the IOC process from /proc, the same for this machine and an SSH host)
// and RemoteChildReader's script and parser: the script runs here under /bin/sh on this
// machine's real /proc and must read what the local reading reads.
#include "core/ioc/procchild.h"
#include "core/ioc/remotechildreader.h"

#include <QFile>
#include <QProcess>
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

QTEST_GUILESS_MAIN(TestProcChild)
#include "tst_procchild.moc"
