// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "tests/common/sandbox.h"
#include "tests/faults/faultsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTest>

/// The real `iocctl logs` against the sandbox with several IOCs: followed logs merged line by
/// line with a "NAME | " prefix, no line of one IOC cut by another's, one header per IOC
/// without -f, one IOC's unreadable log reported while the others go on, and --since-restart
/// on a procServ log file (from its last restart marker). Logs are procServ log files: the
/// sandbox has no journald.
class TestIocctlLogs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void followMergesWithPrefixes();
    void followKeepsLinesWhole();
    void prefixesColouredOnATerminalOnly();
    void headersWithoutFollow();
    void oneFailingLogOthersGoOn();
    void sinceRestartLogFile();
    void sinceRestartUsage();

private:
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
        QString describe() const
        {
            return QStringLiteral("exit code %1\n--- stdout:\n%2--- stderr:\n%3")
                    .arg(QString::number(code), out, err);
        }
    };
    Run iocctl(const QStringList &args, int timeoutMs = 90000);
    bool waitRunning(const QString &name);
    bool echo(const QStringList &names, const QString &text);
    /// Starts `iocctl --user logs -f ARGS` (stdout a pipe: no colours).
    QProcess *follow(const QStringList &args);
    /// Echoes pings until @p process has printed one for each prefix: its followers are live.
    bool waitLive(QProcess *process, QByteArray *out, const QStringList &names);
    /// The lines of @p out without their trailing CR (procServ's log files end lines in CRLF).
    static QStringList lines(const QString &out);

    Sandbox m_sandbox;
    QStringList m_units;
    QString m_fileLog;
    QString m_fileLogB;
    int m_ping = 0;
};

void TestIocctlLogs::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    QVERIFY(QFileInfo(Sandbox::binPath(QStringLiteral("iocctl"))).isExecutable());
    const QList<quint16> ports = Sandbox::freeTcpPorts(3);
    QCOMPARE(ports.size(), 3);
    const quint16 port = ports.at(0);
    const quint16 portB = ports.at(1);
    m_fileLog = m_sandbox.runtimeDir() + QStringLiteral("/tstlogs-a.log");
    QFile::remove(m_fileLog);
    // A procServ log file (-L), restarts after 1 s.
    QVERIFY(m_sandbox.installUnit(
            QStringLiteral("softioc-tstlogs-a.service"),
            Sandbox::procServUnit(QStringLiteral("tstlogs-a"),
                                  { QStringLiteral("--logfile"), m_fileLog,
                                    QStringLiteral("--holdoff"), QStringLiteral("1"),
                                    QStringLiteral("-P"), QString::number(port) })));
    m_units << QStringLiteral("softioc-tstlogs-a.service");
    // A second one.
    m_fileLogB = m_sandbox.runtimeDir() + QStringLiteral("/tstlogs-b.log");
    QFile::remove(m_fileLogB);
    QVERIFY(m_sandbox.installUnit(
            QStringLiteral("softioc-tstlogs-b.service"),
            Sandbox::procServUnit(QStringLiteral("tstlogs-b"),
                                  { QStringLiteral("--logfile"), m_fileLogB, QStringLiteral("-P"),
                                    QString::number(portB) })));
    m_units << QStringLiteral("softioc-tstlogs-b.service");
    // A log file that cannot exist; never started.
    QVERIFY(m_sandbox.installUnit(
            QStringLiteral("softioc-tstlogs-gone.service"),
            Sandbox::procServUnit(QStringLiteral("tstlogs-gone"),
                                  { QStringLiteral("--logfile"),
                                    QStringLiteral("/nonexistent-tstlogs/gone.log"),
                                    QStringLiteral("-P"), QString::number(ports.at(2)) })));
    m_units << QStringLiteral("softioc-tstlogs-gone.service");
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"),
                                  QStringLiteral("softioc-tstlogs-a.service"),
                                  QStringLiteral("softioc-tstlogs-b.service") }));
    QVERIFY(waitRunning(QStringLiteral("tstlogs-a")));
    QVERIFY(waitRunning(QStringLiteral("tstlogs-b")));
}

void TestIocctlLogs::cleanupTestCase()
{
    for (const QString &unit : std::as_const(m_units))
        m_sandbox.removeUnit(unit);
    for (const QString &log : { m_fileLog, m_fileLogB }) {
        if (!log.isEmpty())
            QFile::remove(log);
    }
}

TestIocctlLogs::Run TestIocctlLogs::iocctl(const QStringList &args, int timeoutMs)
{
    QProcess process;
    process.setProgram(Sandbox::binPath(QStringLiteral("iocctl")));
    process.setArguments(QStringList{ QStringLiteral("--user") } + args);
    process.start();
    Run run;
    if (!process.waitForStarted(10000) || !process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        run.err = QStringLiteral("iocctl did not finish: ") + args.join(QLatin1Char(' '));
        return run;
    }
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

bool TestIocctlLogs::waitRunning(const QString &name)
{
    // Its console answers a line: procServ is up and so is its child.
    for (int i = 0; i < 30; ++i) {
        const Run run = iocctl({ QStringLiteral("exec"), QStringLiteral("--timeout"),
                                 QStringLiteral("20"), name, QStringLiteral("--"),
                                 QStringLiteral("echo"), QStringLiteral("up") });
        if (run.code == 0 && run.out == QLatin1String("up\n"))
            return true;
        QTest::qWait(500);
    }
    return false;
}

bool TestIocctlLogs::echo(const QStringList &names, const QString &text)
{
    const Run run = iocctl(
            QStringList{ QStringLiteral("exec"), QStringLiteral("--timeout"), QStringLiteral("30") }
            + names + QStringList{ QStringLiteral("--"), QStringLiteral("echo"), text });
    return run.code == 0;
}

QProcess *TestIocctlLogs::follow(const QStringList &args)
{
    auto *process = new QProcess(this);
    process->setProgram(Sandbox::binPath(QStringLiteral("iocctl")));
    process->setArguments(
            QStringList{ QStringLiteral("--user"), QStringLiteral("logs"), QStringLiteral("-f") }
            + args);
    process->start();
    return process;
}

bool TestIocctlLogs::waitLive(QProcess *process, QByteArray *out, const QStringList &names)
{
    // A follower that starts after a line was written does not show it: ping until both
    // show one (each try waits for the output, bounded).
    for (int attempt = 0; attempt < 20; ++attempt) {
        const QString ping = QStringLiteral("ping-%1").arg(++m_ping);
        if (!echo(names, ping))
            return false;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 5000) {
            process->waitForReadyRead(500);
            *out += process->readAllStandardOutput();
            bool all = true;
            for (const QString &name : names) {
                // Prefixes are padded to the longest name.
                const QRegularExpression line(QStringLiteral("(^|\n)") + name
                                              + QStringLiteral(" *\\| ") + ping);
                all = all && line.match(QString::fromUtf8(*out)).hasMatch();
            }
            if (all)
                return true;
        }
    }
    return false;
}

QStringList TestIocctlLogs::lines(const QString &out)
{
    QStringList result = out.split(QLatin1Char('\n'));
    if (!result.isEmpty() && result.last().isEmpty())
        result.removeLast();
    for (QString &line : result) {
        while (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
    }
    return result;
}

void TestIocctlLogs::followMergesWithPrefixes()
{
    const QStringList names{ QStringLiteral("tstlogs-a"), QStringLiteral("tstlogs-b") };
    QProcess *process =
            follow({ QStringLiteral("-n"), QStringLiteral("0"), QStringLiteral("tstlogs-*") });
    const auto cleanup = qScopeGuard([process] {
        process->kill();
        process->waitForFinished(5000);
        delete process;
    });
    QByteArray bytes;
    QVERIFY2(waitLive(process, &bytes, names),
             QByteArray(bytes + "\n--- stderr:\n" + process->readAllStandardError()).constData());
    // Each IOC's line with its own name, as it arrives.
    QVERIFY(echo({ QStringLiteral("tstlogs-b") }, QStringLiteral("only-in-b")));
    QVERIFY(echo({ QStringLiteral("tstlogs-a") }, QStringLiteral("only-in-a")));
    QTRY_VERIFY_WITH_TIMEOUT((bytes += process->readAllStandardOutput()).contains("only-in-a")
                                     && bytes.contains("tstlogs-b    | only-in-b"),
                             30000);
    // The glob matched tstlogs-gone too (its log file is missing: tail says so on stderr):
    // prefixes are padded to its name.
    for (const QString &line : lines(QString::fromUtf8(bytes))) {
        QVERIFY2(line.startsWith(QLatin1String("tstlogs-a    | "))
                         || line.startsWith(QLatin1String("tstlogs-b    | ")),
                 qPrintable(line));
        if (line.contains(QLatin1String("only-in-a")))
            QVERIFY2(line.startsWith(QLatin1String("tstlogs-a    | ")), qPrintable(line));
        if (line.contains(QLatin1String("only-in-b")))
            QVERIFY2(line.startsWith(QLatin1String("tstlogs-b    | ")), qPrintable(line));
    }
    // Not a terminal: no colour.
    QVERIFY(!bytes.contains('\x1b'));
}

void TestIocctlLogs::followKeepsLinesWhole()
{
    const QStringList names{ QStringLiteral("tstlogs-a"), QStringLiteral("tstlogs-b") };
    QProcess *process =
            follow({ QStringLiteral("-n"), QStringLiteral("0"), names.at(0), names.at(1) });
    const auto cleanup = qScopeGuard([process] {
        process->kill();
        process->waitForFinished(5000);
        delete process;
    });
    QByteArray bytes;
    QVERIFY(waitLive(process, &bytes, names));
    // Long lines written at the same time by both IOCs (exec runs in parallel), several
    // rounds: each comes out whole, after its own prefix.
    QStringList longLines;
    for (int round = 0; round < 4; ++round) {
        const QString text = QStringLiteral("long%1-").arg(round)
                + QString(1500, QLatin1Char('a' + round)) + QStringLiteral("-end");
        longLines << text;
        QVERIFY(echo(names, text));
    }
    const auto seenAll = [&] {
        bytes += process->readAllStandardOutput();
        const QStringList got = lines(QString::fromUtf8(bytes));
        for (const QString &text : std::as_const(longLines)) {
            for (const QString &name : names) {
                if (!got.contains(name + QStringLiteral(" | ") + text))
                    return false;
            }
        }
        return true;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(seenAll(), bytes.right(4000).constData(), 30000);
    static const QRegularExpression prefix(QStringLiteral("^tstlogs-(a|b) \\| "));
    for (const QString &line : lines(QString::fromUtf8(bytes))) {
        QVERIFY2(prefix.match(line).hasMatch(), qPrintable(line.left(200)));
        // No prefix in the middle of a line: nothing was cut into it.
        QVERIFY2(!line.mid(1).contains(QLatin1String("tstlogs-a | "))
                         && !line.mid(1).contains(QLatin1String("tstlogs-b | ")),
                 qPrintable(line.left(200)));
    }
}

void TestIocctlLogs::prefixesColouredOnATerminalOnly()
{
    // On a real pseudo-terminal: each IOC's prefix in its own colour; NO_COLOR turns it off.
    for (const bool noColor : { false, true }) {
        PtyProcess pty;
        QVERIFY(pty.isValid());
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("NO_COLOR"));
        if (noColor)
            environment.insert(QStringLiteral("NO_COLOR"), QStringLiteral("1"));
        environment.insert(QStringLiteral("TERM"), QStringLiteral("xterm"));
        pty.process().setProcessEnvironment(environment);
        pty.start(Sandbox::binPath(QStringLiteral("iocctl")),
                  { QStringLiteral("--user"), QStringLiteral("logs"), QStringLiteral("-f"),
                    QStringLiteral("-n"), QStringLiteral("0"), QStringLiteral("tstlogs-a"),
                    QStringLiteral("tstlogs-b") });
        const auto cleanup = qScopeGuard([&pty] {
            pty.process().kill();
            pty.process().waitForFinished(5000);
        });
        const QByteArray a =
                noColor ? QByteArray("tstlogs-a | ") : QByteArray("\x1b[36mtstlogs-a | \x1b[0m");
        const QByteArray b =
                noColor ? QByteArray("tstlogs-b | ") : QByteArray("\x1b[35mtstlogs-b | \x1b[0m");
        bool seen = false;
        for (int attempt = 0; attempt < 20 && !seen; ++attempt) {
            const QByteArray ping = QStringLiteral("tty-%1").arg(++m_ping).toUtf8();
            QVERIFY(echo({ QStringLiteral("tstlogs-a"), QStringLiteral("tstlogs-b") },
                         QString::fromUtf8(ping)));
            QElapsedTimer timer;
            timer.start();
            while (!seen && timer.elapsed() < 5000) {
                QTest::qWait(50);
                seen = pty.output().contains(QByteArray(a + ping))
                        && pty.output().contains(QByteArray(b + ping));
            }
        }
        QVERIFY2(seen, pty.output().right(2000).constData());
        if (noColor)
            QVERIFY2(!pty.output().contains("\x1b[36m") && !pty.output().contains("\x1b[35m"),
                     pty.output().right(2000).constData());
    }
}

void TestIocctlLogs::headersWithoutFollow()
{
    QVERIFY(echo({ QStringLiteral("tstlogs-a"), QStringLiteral("tstlogs-b") },
                 QStringLiteral("block-mark")));
    // procServ may write the line a moment after exec returns.
    Run run;
    QTRY_VERIFY2_WITH_TIMEOUT(
            (run = iocctl({ QStringLiteral("logs"), QStringLiteral("-n"), QStringLiteral("20"),
                            QStringLiteral("tstlogs-b"), QStringLiteral("tstlogs-a") }))
                            .out.count(QStringLiteral("block-mark"))
                    >= 4,
            qPrintable(run.describe()), 30000);
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    const QStringList got = lines(run.out);
    // In the order given, each under its header, the lines unprefixed.
    QCOMPARE(got.first(), QStringLiteral("==> tstlogs-b <=="));
    const int second = int(got.indexOf(QStringLiteral("==> tstlogs-a <==")));
    QVERIFY2(second > 1, qPrintable(run.out));
    QVERIFY2(got.mid(1, second - 1).contains(QStringLiteral("block-mark")), qPrintable(run.out));
    QVERIFY2(got.mid(second).contains(QStringLiteral("block-mark")), qPrintable(run.out));
    QVERIFY2(!run.out.contains(QLatin1String(" | ")), qPrintable(run.out));
}

void TestIocctlLogs::oneFailingLogOthersGoOn()
{
    QVERIFY(echo({ QStringLiteral("tstlogs-a") }, QStringLiteral("still-here")));
    const Run run = iocctl({ QStringLiteral("logs"), QStringLiteral("-n"), QStringLiteral("5"),
                             QStringLiteral("tstlogs-gone"), QStringLiteral("tstlogs-a") });
    QVERIFY2(run.code == 1, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("tstlogs-gone")), qPrintable(run.describe()));
    QVERIFY2(run.out.contains(QLatin1String("==> tstlogs-a <==")), qPrintable(run.describe()));
    QVERIFY2(run.out.contains(QLatin1String("still-here")), qPrintable(run.describe()));

    // Followed: tail's word about the missing file comes with the IOC's name; the other
    // IOC's lines keep coming.
    QProcess *process = follow({ QStringLiteral("-n"), QStringLiteral("0"),
                                 QStringLiteral("tstlogs-gone"), QStringLiteral("tstlogs-a") });
    const auto cleanup = qScopeGuard([process] {
        process->kill();
        process->waitForFinished(5000);
        delete process;
    });
    QByteArray bytes;
    QVERIFY(waitLive(process, &bytes, { QStringLiteral("tstlogs-a") }));
    QByteArray err;
    QTRY_VERIFY2_WITH_TIMEOUT((err += process->readAllStandardError()).contains("tstlogs-gone: "),
                              err.constData(), 30000);
}

void TestIocctlLogs::sinceRestartLogFile()
{
    QVERIFY(echo({ QStringLiteral("tstlogs-a") }, QStringLiteral("before-child-restart")));
    // The child exits; procServ writes its restart marker and starts it again.
    iocctl({ QStringLiteral("exec"), QStringLiteral("--timeout"), QStringLiteral("60"),
             QStringLiteral("tstlogs-a"), QStringLiteral("--"), QStringLiteral("exit") });
    QVERIFY(waitRunning(QStringLiteral("tstlogs-a")));
    QVERIFY(echo({ QStringLiteral("tstlogs-a") }, QStringLiteral("after-child-restart")));
    QFile file(m_fileLog);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("@@@ Restarting child"));

    const Run run = iocctl({ QStringLiteral("logs"), QStringLiteral("--since-restart"),
                             QStringLiteral("tstlogs-a") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QVERIFY2(lines(run.out).value(0).contains(QLatin1String("@@@ Restarting child")),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("after-child-restart")), qPrintable(run.out));
    QVERIFY2(!run.out.contains(QLatin1String("before-child-restart")), qPrintable(run.out));

    // Followed: the current run, then what comes.
    QProcess *process = follow({ QStringLiteral("--since-restart"), QStringLiteral("tstlogs-a") });
    const auto cleanup = qScopeGuard([process] {
        process->kill();
        process->waitForFinished(5000);
        delete process;
    });
    QByteArray bytes;
    QTRY_VERIFY_WITH_TIMEOUT(
            (bytes += process->readAllStandardOutput()).contains("after-child-restart"), 30000);
    QVERIFY(echo({ QStringLiteral("tstlogs-a") }, QStringLiteral("live-after-restart")));
    QTRY_VERIFY_WITH_TIMEOUT(
            (bytes += process->readAllStandardOutput()).contains("live-after-restart"), 30000);
    QVERIFY2(!bytes.contains("before-child-restart"), bytes.constData());
    QVERIFY2(lines(QString::fromUtf8(bytes))
                     .value(0)
                     .contains(QLatin1String("@@@ Restarting child")),
             bytes.constData());
}

void TestIocctlLogs::sinceRestartUsage()
{
    const Run both = iocctl({ QStringLiteral("logs"), QStringLiteral("--since-restart"),
                              QStringLiteral("--since"), QStringLiteral("1 min ago"),
                              QStringLiteral("tstlogs-a") });
    QCOMPARE(both.code, 2);
    QVERIFY2(both.err.contains(QLatin1String("--since-restart")), qPrintable(both.describe()));
    const Run help = iocctl({ QStringLiteral("logs"), QStringLiteral("--help") });
    QCOMPARE(help.code, 0);
    QVERIFY2(help.out.contains(QLatin1String("--since-restart")), qPrintable(help.out));
    // Says what it uses for each kind of log (the help wraps lines).
    const QString text = help.out.simplified();
    QVERIFY2(text.contains(QLatin1String("'@@@ Restarting child' line")), qPrintable(help.out));
    QVERIFY2(text.contains(QLatin1String("Journal and containers: --since that time")),
             qPrintable(help.out));
    QVERIFY2(help.out.contains(QLatin1String("NAME|GLOB...")), qPrintable(help.out));
}

QTEST_GUILESS_MAIN(TestIocctlLogs)
#include "tst_iocctllogs.moc"
