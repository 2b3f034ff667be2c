// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "tests/common/sandbox.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

/// The real `iocctl` binary against the sandbox's systemd user manager, real procServ and
/// iocsim: what a user at a shell sees (stdout, stderr, exit code).
class TestIocctl : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void help();
    void unknownCommandSuggests();
    void psListsRunningIocs();
    void psQuiet();
    void psFilter();
    void psBadFilter();
    void psJson();
    void psTemplate();
    void psCrashLoop();
    void psSystemdRestartsFromTheJournal();
    void inspect();
    void inspectStoppedUnloadedIoc();
    void execDbl();
    void execRefusesControlCharacters();
    void execPassesBytesWholeIntoPipe();
    void execFiltersOnTerminal();
    void execSeesTheIocExit();
    void execRightAfterStart();
    void execRightAfterStartWhileBooting();
    void hostOptionsAfterCommand();
    void userWithRemoteHost();
    void silentHostTimesOut();
    void attachFromPipe();
    void attachReadOnlySendsNothing();
    void attachOnTerminalHoldsControlKeys();
    void attachAmbiguousGlob();
    void logsTail();
    void stopShowsExited();
    void startUnknownSuggests();
    void enableDisable();
    void malformedUnitReported();

private:
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
        QByteArray outBytes;
        qint64 elapsedMs = -1;
        QString describe() const
        {
            return QStringLiteral("exit code %1\n--- stdout:\n%2--- stderr:\n%3")
                    .arg(QString::number(code), out, err);
        }
    };
    /// iocctl --user ARGS.
    Run iocctl(const QStringList &args, int timeoutMs = 60000);
    /// iocctl ARGS, with no host option added.
    Run runIocctl(const QStringList &args, int timeoutMs = 60000);
    /// The command line run under a real pseudo-terminal (util-linux script); its output is
    /// what the terminal received.
    Run onTerminal(const QStringList &args, int timeoutMs = 60000);
    /// The object `ps -a --format json` shows for NAME; empty when not listed.
    QJsonObject psObject(const QString &name);
    /// Waits until procServ's log of alpha contains TEXT (the log is written asynchronously).
    bool logContains(const QByteArray &text);
    QByteArray alphaLog() const;
    static bool waitFor(QProcess &process, const QByteArray &text, QByteArray *collected,
                        int timeoutMs = 15000);

    Sandbox m_sandbox;
    QStringList m_units;
    quint16 m_alphaPort = 0;
    quint16 m_betaPort = 0;
    QString m_alphaLog;
};

void TestIocctl::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    QVERIFY2(QFileInfo(Sandbox::binPath(QStringLiteral("iocctl"))).isExecutable(),
             qPrintable(QStringLiteral("iocctl not built: ")
                        + Sandbox::binPath(QStringLiteral("iocctl"))));
    QVERIFY2(QFileInfo(QStringLiteral("/usr/bin/procServ")).isExecutable(),
             "procServ is not installed (Debian package procserv)");

    m_alphaPort = Sandbox::freeTcpPort();
    m_betaPort = Sandbox::freeTcpPort();
    QVERIFY(m_alphaPort && m_betaPort && m_alphaPort != m_betaPort);
    m_alphaLog = m_sandbox.runtimeDir() + QStringLiteral("/tstiocctl-alpha.log");
    QFile::remove(m_alphaLog);

    // NSLS-II manage-iocs style (TCP console), one with a procServ log file.
    const QString alpha = QStringLiteral("softioc-tstiocctl-alpha.service");
    QVERIFY(m_sandbox.installUnit(
            alpha,
            Sandbox::procServUnit(
                    QStringLiteral("tstiocctl-alpha"),
                    { QStringLiteral("--logfile"), m_alphaLog, QStringLiteral("--holdoff"),
                      QStringLiteral("1"), QStringLiteral("-P"), QString::number(m_alphaPort) },
                    {},
                    { QStringLiteral("[Install]"), QStringLiteral("WantedBy=default.target") })));
    m_units << alpha;
    const QString beta = QStringLiteral("softioc-tstiocctl-beta.service");
    QVERIFY(m_sandbox.installUnit(
            beta,
            Sandbox::procServUnit(QStringLiteral("tstiocctl-beta"),
                                  { QStringLiteral("-P"), QString::number(m_betaPort) })));
    m_units << beta;
    // procServUtils style (UNIX socket console).
    const QString gamma = QStringLiteral("procserv-tstiocctl-gamma.service");
    QVERIFY(m_sandbox.installUnit(gamma,
                                  Sandbox::procServUtilsUnit(QStringLiteral("tstiocctl-gamma"))));
    m_units << gamma;
    // Malformed: systemd refuses a service without ExecStart= (LoadState bad-setting).
    const QString broken = QStringLiteral("softioc-tstiocctl-broken.service");
    QVERIFY(m_sandbox.installUnit(broken,
                                  QByteArray("[Unit]\nDescription=broken test IOC\n"
                                             "[Service]\nType=simple\n")));
    m_units << broken;
    // Malformed for procServ: an option it does not know. systemd starts it, procServ
    // refuses, the unit stays loaded as failed.
    const QString badArgs = QStringLiteral("softioc-tstiocctl-badargs.service");
    QVERIFY(m_sandbox.installUnit(
            badArgs,
            QByteArray("[Unit]\nDescription=test IOC with a bad procServ option\n"
                       "[Service]\nExecStart=/usr/bin/procServ --foreground --bogus "
                       "12345 /bin/true\n")));
    m_units << badArgs;
    m_sandbox.systemctl({ QStringLiteral("start"), badArgs }); // succeeds: Type=simple
    QTRY_COMPARE_WITH_TIMEOUT(m_sandbox.unitProperty(badArgs, QStringLiteral("ActiveState")),
                              QStringLiteral("failed"), 15000);

    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), alpha, beta, gamma }));
    // Ready when procServ printed the IOC's prompt into its log and both consoles answer.
    QVERIFY(logContains("epics> "));
    QTRY_COMPARE_WITH_TIMEOUT(psObject(QStringLiteral("tstiocctl-beta"))
                                      .value(QStringLiteral("childState"))
                                      .toString(),
                              QStringLiteral("running"), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(psObject(QStringLiteral("tstiocctl-gamma"))
                                      .value(QStringLiteral("childState"))
                                      .toString(),
                              QStringLiteral("running"), 20000);
}

void TestIocctl::cleanupTestCase()
{
    for (const QString &unit : std::as_const(m_units))
        m_sandbox.removeUnit(unit);
    if (!m_alphaLog.isEmpty())
        QFile::remove(m_alphaLog);
}

TestIocctl::Run TestIocctl::iocctl(const QStringList &args, int timeoutMs)
{
    return runIocctl(QStringList{ QStringLiteral("--user") } + args, timeoutMs);
}

TestIocctl::Run TestIocctl::onTerminal(const QStringList &args, int timeoutMs)
{
    QStringList words{ Sandbox::binPath(QStringLiteral("iocctl")), QStringLiteral("--user") };
    words += args;
    QStringList quoted;
    for (const QString &word : std::as_const(words)) {
        QString q = word;
        q.replace(QLatin1Char('\''), QLatin1String("'\\''"));
        quoted << QLatin1Char('\'') + q + QLatin1Char('\'');
    }
    QProcess process;
    // -e: script's exit code is iocctl's; -f: flush at once; -q: no "Script started" lines.
    process.setProgram(QStringLiteral("script"));
    process.setArguments({ QStringLiteral("-qefc"), quoted.join(QLatin1Char(' ')),
                           QStringLiteral("/dev/null") });
    QElapsedTimer timer;
    timer.start();
    process.start();
    Run run;
    if (!process.waitForStarted(10000) || !process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        run.err = QStringLiteral("script did not finish: ") + args.join(QLatin1Char(' '));
        return run;
    }
    run.elapsedMs = timer.elapsed();
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.outBytes = process.readAllStandardOutput();
    run.out = QString::fromUtf8(run.outBytes);
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

TestIocctl::Run TestIocctl::runIocctl(const QStringList &args, int timeoutMs)
{
    QProcess process;
    process.setProgram(Sandbox::binPath(QStringLiteral("iocctl")));
    process.setArguments(args);
    QElapsedTimer timer;
    timer.start();
    process.start();
    Run run;
    if (!process.waitForStarted(10000) || !process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        run.err = QStringLiteral("iocctl did not finish: ") + args.join(QLatin1Char(' '));
        return run;
    }
    run.elapsedMs = timer.elapsed();
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.outBytes = process.readAllStandardOutput();
    run.out = QString::fromUtf8(run.outBytes);
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QJsonObject TestIocctl::psObject(const QString &name)
{
    const Run run = iocctl({ QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("--format"),
                             QStringLiteral("json"), QStringLiteral("-f"),
                             QStringLiteral("name=") + name });
    if (run.code != 0)
        return {};
    const QJsonArray array = QJsonDocument::fromJson(run.out.toUtf8()).array();
    for (const QJsonValue &value : array) {
        if (value.toObject().value(QStringLiteral("name")).toString() == name)
            return value.toObject();
    }
    return {};
}

QByteArray TestIocctl::alphaLog() const
{
    QFile file(m_alphaLog);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool TestIocctl::logContains(const QByteArray &text)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 15000) {
        if (alphaLog().contains(text))
            return true;
        QTest::qWait(50);
    }
    return false;
}

bool TestIocctl::waitFor(QProcess &process, const QByteArray &text, QByteArray *collected,
                         int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!collected->contains(text)) {
        if (timer.elapsed() > timeoutMs || process.state() == QProcess::NotRunning)
            return false;
        process.waitForReadyRead(100);
        *collected += process.readAllStandardOutput();
    }
    return true;
}

void TestIocctl::help()
{
    const Run run = iocctl({ QStringLiteral("--help") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QVERIFY(run.out.contains(QLatin1String("Usage: iocctl")));
    QVERIFY(run.out.contains(QLatin1String("Exit codes")));
    for (const char *command : { "ps", "start", "stop", "restart", "enable", "disable", "attach",
                                 "logs", "inspect", "exec" }) {
        QVERIFY2(run.out.contains(QLatin1String(command)), command);
        const Run sub = iocctl({ QLatin1String(command), QStringLiteral("--help") });
        QVERIFY2(sub.code == 0, qPrintable(sub.describe()));
        QVERIFY2(sub.out.startsWith(QStringLiteral("Usage: iocctl [HOST OPTIONS] ")
                                    + QLatin1String(command)),
                 qPrintable(sub.out));
        QVERIFY(sub.out.contains(QLatin1String("Exit codes")));
    }
    const Run bad = iocctl({ QStringLiteral("ps"), QStringLiteral("--bogus") });
    QVERIFY2(bad.code == 2, qPrintable(bad.describe()));
    QVERIFY2(bad.err.contains(QLatin1String("bogus")), qPrintable(bad.err));
}

void TestIocctl::unknownCommandSuggests()
{
    const Run run = iocctl({ QStringLiteral("strat"), QStringLiteral("x") });
    QVERIFY2(run.code == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("Did you mean: start")), qPrintable(run.err));
}

void TestIocctl::psListsRunningIocs()
{
    const Run run = iocctl({ QStringLiteral("ps") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(!lines.isEmpty());
    QVERIFY2(lines.first().startsWith(QLatin1String("NAME")), qPrintable(run.out));
    for (const char *column : { "STATUS", "PID", "RESTARTS", "CONSOLE", "CONVENTION" })
        QVERIFY2(lines.first().contains(QLatin1String(column)), column);

    QString alphaLine;
    QString gammaLine;
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("tstiocctl-alpha ")))
            alphaLine = line;
        if (line.startsWith(QLatin1String("tstiocctl-gamma ")))
            gammaLine = line;
        QVERIFY2(!line.startsWith(QLatin1String("tstiocctl-broken")), qPrintable(run.out));
    }
    QVERIFY2(!alphaLine.isEmpty(), qPrintable(run.out));
    QVERIFY2(alphaLine.contains(QLatin1String("Up ")), qPrintable(alphaLine));
    QVERIFY2(alphaLine.contains(QStringLiteral("tcp:127.0.0.1:%1").arg(m_alphaPort)),
             qPrintable(alphaLine));
    QVERIFY2(alphaLine.contains(QLatin1String("manage-iocs")), qPrintable(alphaLine));
    QVERIFY2(!gammaLine.isEmpty(), qPrintable(run.out));
    // A long socket path is shortened in the middle; --no-trunc shows it whole.
    QVERIFY2(gammaLine.contains(QLatin1String("unix:/")), qPrintable(gammaLine));
    QVERIFY2(gammaLine.contains(QLatin1String("tstiocctl-gamma/control ")), qPrintable(gammaLine));
    const Run full = iocctl({ QStringLiteral("ps"), QStringLiteral("--no-trunc"),
                              QStringLiteral("-f"), QStringLiteral("name=tstiocctl-gamma") });
    QVERIFY2(full.code == 0, qPrintable(full.describe()));
    QVERIFY2(full.out.contains(QLatin1String("unix:")
                               + m_sandbox.procServUtilsSocket(QStringLiteral("tstiocctl-gamma"))),
             qPrintable(full.out));
}

void TestIocctl::psQuiet()
{
    const Run run = iocctl({ QStringLiteral("ps"), QStringLiteral("-q"), QStringLiteral("-f"),
                             QStringLiteral("name=tstiocctl-*") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QStringList names = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    names.sort();
    QVERIFY2(names.contains(QLatin1String("tstiocctl-alpha")), qPrintable(run.out));
    QVERIFY2(names.contains(QLatin1String("tstiocctl-gamma")), qPrintable(run.out));
    for (const QString &name : std::as_const(names))
        QVERIFY2(!name.contains(QLatin1Char(' ')), qPrintable(run.out));
}

void TestIocctl::psFilter()
{
    const Run run = iocctl(
            { QStringLiteral("ps"), QStringLiteral("-f"), QStringLiteral("name=tstiocctl-al*") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2); // header + alpha
    QVERIFY(lines.at(1).startsWith(QLatin1String("tstiocctl-alpha ")));

    const Run conv = iocctl({ QStringLiteral("ps"), QStringLiteral("-q"), QStringLiteral("-f"),
                              QStringLiteral("name=tstiocctl-*"), QStringLiteral("-f"),
                              QStringLiteral("convention=procservutils") });
    QVERIFY2(conv.code == 0, qPrintable(conv.describe()));
    QCOMPARE(conv.out, QStringLiteral("tstiocctl-gamma\n"));
}

void TestIocctl::psBadFilter()
{
    const Run run =
            iocctl({ QStringLiteral("ps"), QStringLiteral("-f"), QStringLiteral("colour=blue") });
    QVERIFY2(run.code == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("colour")), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestIocctl::psJson()
{
    const Run run =
            iocctl({ QStringLiteral("ps"), QStringLiteral("--format"), QStringLiteral("json") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QVERIFY(doc.isArray());
    QJsonObject alpha;
    for (const QJsonValue &value : doc.array()) {
        if (value.toObject().value(QStringLiteral("name")).toString()
            == QLatin1String("tstiocctl-alpha"))
            alpha = value.toObject();
    }
    QVERIFY2(!alpha.isEmpty(), qPrintable(run.out));
    for (const char *key :
         { "name", "unit", "convention", "activeState", "subState", "childState", "pid",
           "procServPid", "restarts", "since", "enabled", "console", "logFile", "description" })
        QVERIFY2(alpha.contains(QLatin1String(key)), key);
    QCOMPARE(alpha.value(QStringLiteral("unit")).toString(),
             QStringLiteral("softioc-tstiocctl-alpha.service"));
    QCOMPARE(alpha.value(QStringLiteral("runtime")).toString(), QStringLiteral("systemd"));
    QCOMPARE(alpha.value(QStringLiteral("activeState")).toString(), QStringLiteral("active"));
    QCOMPARE(alpha.value(QStringLiteral("subState")).toString(), QStringLiteral("running"));
    QCOMPARE(alpha.value(QStringLiteral("childState")).toString(), QStringLiteral("running"));
    QCOMPARE(alpha.value(QStringLiteral("console")).toString(),
             QStringLiteral("tcp:127.0.0.1:%1").arg(m_alphaPort));
    QCOMPARE(alpha.value(QStringLiteral("logFile")).toString(), m_alphaLog);
    const QString mainPid = m_sandbox.unitProperty(
            QStringLiteral("softioc-tstiocctl-alpha.service"), QStringLiteral("MainPID"));
    QCOMPARE(alpha.value(QStringLiteral("procServPid")).toInt(), mainPid.toInt());
    QVERIFY(alpha.value(QStringLiteral("pid")).toInt() > 0);
    QVERIFY(alpha.value(QStringLiteral("pid")).toInt() != mainPid.toInt());
    QVERIFY(QDateTime::fromString(alpha.value(QStringLiteral("since")).toString(), Qt::ISODate)
                    .isValid());
    // The child is procServ's first one: no restarts, and its own start time.
    for (const char *key : { "childSince", "childRestarts", "lastExit", "crashLoop", "ready" })
        QVERIFY2(alpha.contains(QLatin1String(key)), key);
    QCOMPARE(alpha.value(QStringLiteral("childRestarts")).toInt(-1), 0);
    QCOMPARE(alpha.value(QStringLiteral("restarts")).toInt(-1), 0);
    QVERIFY(alpha.value(QStringLiteral("lastExit")).isNull());
    QCOMPARE(alpha.value(QStringLiteral("crashLoop")).toBool(true), false);
    QCOMPARE(alpha.value(QStringLiteral("status")).toString(), QStringLiteral("running"));
    QVERIFY(QDateTime::fromString(alpha.value(QStringLiteral("childSince")).toString(), Qt::ISODate)
                    .isValid());
}

void TestIocctl::psCrashLoop()
{
    // An IOC that crashes (abort()) 2 s after each start; procServ restarts it after 1 s.
    // systemd sees none of it. One with procServ's -L log, one without.
    const QString logFile = m_sandbox.runtimeDir() + QStringLiteral("/tstiocctl-crashy.log");
    QFile::remove(logFile);
    const QString crashy = QStringLiteral("softioc-tstiocctl-crashy.service");
    const QString nolog = QStringLiteral("softioc-tstiocctl-crashnolog.service");
    const QList<quint16> ports = Sandbox::freeTcpPorts(2);
    QCOMPARE(ports.size(), 2);
    QVERIFY(m_sandbox.installUnit(
            crashy,
            Sandbox::procServUnit(QStringLiteral("tstiocctl-crashy"),
                                  { QStringLiteral("--holdoff"), QStringLiteral("1"),
                                    QStringLiteral("-L"), logFile, QStringLiteral("-P"),
                                    QString::number(ports.at(0)) },
                                  { QStringLiteral("--crash-after"), QStringLiteral("2") })));
    m_units << crashy;
    QVERIFY(m_sandbox.installUnit(
            nolog,
            Sandbox::procServUnit(QStringLiteral("tstiocctl-crashnolog"),
                                  { QStringLiteral("--holdoff"), QStringLiteral("1"),
                                    QStringLiteral("-P"), QString::number(ports.at(1)) },
                                  { QStringLiteral("--crash-after"), QStringLiteral("2") })));
    m_units << nolog;
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), crashy, nolog }));
    // Three restarts in procServ's own log.
    QTRY_VERIFY_WITH_TIMEOUT(
            [&logFile] {
                QFile f(logFile);
                return f.open(QIODevice::ReadOnly)
                        && f.readAll().count("The PID of new child") >= 4;
            }(),
            40000);

    const QJsonObject o = psObject(QStringLiteral("tstiocctl-crashy"));
    QVERIFY(!o.isEmpty());
    const QByteArray dump = QJsonDocument(o).toJson();
    QVERIFY2(o.value(QStringLiteral("status")).toString() == QLatin1String("crashloop"),
             dump.constData());
    QCOMPARE(o.value(QStringLiteral("crashLoop")).toBool(), true);
    QVERIFY2(o.value(QStringLiteral("childRestarts")).toInt(-1) >= 3,
             qPrintable(QString::fromUtf8(QJsonDocument(o).toJson())));
    QVERIFY(o.value(QStringLiteral("restarts")).toInt(-1) >= 3);
    QCOMPARE(m_sandbox.unitProperty(crashy, QStringLiteral("NRestarts")), QStringLiteral("0"));
    const QJsonObject lastExit = o.value(QStringLiteral("lastExit")).toObject();
    QCOMPARE(lastExit.value(QStringLiteral("signal")).toString(), QStringLiteral("SIGABRT"));
    QVERIFY(QDateTime::fromString(lastExit.value(QStringLiteral("at")).toString(), Qt::ISODate)
                    .isValid());

    // Every way of looking tells the same: a template and -n read all details (not the
    // listing's), inspect and status too.
    const Run templated = iocctl({ QStringLiteral("ps"), QStringLiteral("--format"),
                                   QStringLiteral("{{.Name}}|{{.State}}|{{.Status}}") });
    QVERIFY2(templated.out.contains(
                     QLatin1String("tstiocctl-crashy|crashloop|Restarting (crashed ")),
             qPrintable(templated.describe()));
    const Run latest =
            iocctl({ QStringLiteral("ps"), QStringLiteral("-n"), QStringLiteral("20"),
                     QStringLiteral("--format"), QStringLiteral("{{.Name}}|{{.State}}") });
    QVERIFY2(latest.out.contains(QLatin1String("tstiocctl-crashy|crashloop")),
             qPrintable(latest.describe()));
    const Run inspected = iocctl({ QStringLiteral("inspect"), QStringLiteral("tstiocctl-crashy") });
    QVERIFY2(inspected.code == 0, qPrintable(inspected.describe()));
    const QJsonObject fromInspect =
            QJsonDocument::fromJson(inspected.out.toUtf8()).array().at(0).toObject();
    QCOMPARE(fromInspect.value(QStringLiteral("status")).toString(), QStringLiteral("crashloop"));
    QCOMPARE(fromInspect.value(QStringLiteral("crashLoop")).toBool(), true);
    QVERIFY2(fromInspect.value(QStringLiteral("childRestarts")).toInt(-1) >= 3,
             qPrintable(inspected.out));
    QCOMPARE(fromInspect.value(QStringLiteral("lastExit"))
                     .toObject()
                     .value(QStringLiteral("signal"))
                     .toString(),
             QStringLiteral("SIGABRT"));
    const Run status = iocctl({ QStringLiteral("status"), QStringLiteral("--no-pager"),
                                QStringLiteral("tstiocctl-crashy") });
    QVERIFY2(!status.out.contains(QLatin1String("Restarts: unknown")), qPrintable(status.out));
    QVERIFY2(status.out.contains(QLatin1String("SIGABRT")), qPrintable(status.out));

    // The table says so, and the filters find it.
    const Run table = iocctl(
            { QStringLiteral("ps"), QStringLiteral("-f"), QStringLiteral("status=crashloop") });
    QVERIFY2(table.code == 0, qPrintable(table.describe()));
    QVERIFY2(table.out.contains(QLatin1String("tstiocctl-crashy")), qPrintable(table.out));
    QVERIFY2(table.out.contains(QLatin1String("Restarting (crashed ")), qPrintable(table.out));
    QVERIFY2(table.out.contains(QLatin1String("last: SIGABRT)")), qPrintable(table.out));
    QVERIFY2(!table.out.contains(QLatin1String("tstiocctl-alpha")), qPrintable(table.out));
    const Run restarted = iocctl({ QStringLiteral("ps"), QStringLiteral("-q"), QStringLiteral("-f"),
                                   QStringLiteral("restarts>0") });
    QVERIFY2(restarted.out.split(QLatin1Char('\n')).contains(QStringLiteral("tstiocctl-crashy")),
             qPrintable(restarted.describe()));

    // Without a log, a later child's count cannot be read back: unknown, never 0.
    QTRY_VERIFY_WITH_TIMEOUT(psObject(QStringLiteral("tstiocctl-crashnolog"))
                                             .value(QStringLiteral("lastExit"))
                                             .isNull()
                                     && psObject(QStringLiteral("tstiocctl-crashnolog"))
                                                .value(QStringLiteral("restarts"))
                                                .isNull(),
                             30000);
    const Run nologTable = iocctl({ QStringLiteral("ps"), QStringLiteral("-f"),
                                    QStringLiteral("name=tstiocctl-crashnolog") });
    QVERIFY2(nologTable.code == 0, qPrintable(nologTable.describe()));
    const QStringList lines = nologTable.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(1).contains(QLatin1String("   ?   ")), qPrintable(nologTable.out));

    QVERIFY(m_sandbox.systemctl({ QStringLiteral("stop"), crashy, nolog }));
    QFile::remove(logFile);
}

void TestIocctl::psTemplate()
{
    const Run run = iocctl({ QStringLiteral("ps"), QStringLiteral("-f"),
                             QStringLiteral("name=tstiocctl-alpha"), QStringLiteral("--format"),
                             QStringLiteral("{{.Name}} {{.Console}}") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QCOMPARE(run.out, QStringLiteral("tstiocctl-alpha tcp:127.0.0.1:%1\n").arg(m_alphaPort));

    const Run bad = iocctl({ QStringLiteral("ps"), QStringLiteral("--format"),
                             QStringLiteral("{{.NoSuchField}}") });
    QVERIFY2(bad.code == 2, qPrintable(bad.describe()));
    QVERIFY(bad.out.isEmpty());
}

void TestIocctl::psSystemdRestartsFromTheJournal()
{
    // An IOC that took procServ down three times (systemd restarted it each time) and has run
    // since: a one-shot `ps` knows NRestarts, a count without times. The host's journal has
    // the times ("Scheduled restart job"): three in the last 10 minutes are a crash loop, as
    // in iocdock, which watched them. This sandbox has no journald, so a stand-in journalctl
    // prints such entries (as journalctl -o json does) — the one fake here.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString script = dir.filePath(QStringLiteral("pump.sh"));
    {
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("#!/bin/sh\nf=" + dir.filePath(QStringLiteral("runs")).toUtf8()
                   + "\nn=$(cat \"$f\" 2>/dev/null || echo 0)\necho $((n + 1)) > \"$f\"\n"
                     "[ \"$n\" -lt 3 ] && { kill -9 $PPID; exit 1; }\nexec sleep 1000\n");
    }
    const QString unit = QStringLiteral("tstiocctl-pump.service");
    QVERIFY(m_sandbox.installUnit(
            unit,
            QByteArray("[Unit]\nStartLimitIntervalSec=0\n[Service]\nRestart=always\n"
                       "RestartSec=100ms\nExecStart=/usr/bin/procServ --foreground ")
                    + QByteArray::number(Sandbox::freeTcpPort()) + " /bin/sh " + script.toUtf8()
                    + "\n"));
    m_units << unit;
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unit }));
    QTRY_COMPARE_WITH_TIMEOUT(m_sandbox.unitProperty(unit, QStringLiteral("NRestarts")),
                              QStringLiteral("3"), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_sandbox.unitProperty(unit, QStringLiteral("SubState")),
                              QStringLiteral("running"), 30000);
    const auto statusOf = [this](const QString &name) {
        const Run run = iocctl({ QStringLiteral("ps"), QStringLiteral("--format"),
                                 QStringLiteral("{{.Name}}|{{.State}}|{{.Status}}") });
        for (const QString &line : run.out.split(QLatin1Char('\n'))) {
            if (line.startsWith(name + QLatin1Char('|')))
                return line.mid(name.size() + 1);
        }
        return run.describe();
    };
    // No journal (this machine): the times are unknown, and so is the loop.
    QVERIFY2(statusOf(QStringLiteral("tstiocctl-pump")).startsWith(QLatin1String("running|Up ")),
             qPrintable(statusOf(QStringLiteral("tstiocctl-pump"))));

    const QByteArray path = qgetenv("PATH");
    const auto restorePath = qScopeGuard([path] { qputenv("PATH", path); });
    const auto standIn = [&](int secondsAgo) {
        QFile file(dir.filePath(QStringLiteral("journalctl")));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        // Three restarts, 3, 2 and 1 s before SECONDS AGO, as the user manager logs them.
        file.write(
                "#!/bin/sh\nnow=$(date +%s)\nfor i in 3 2 1; do\n"
                "  t=$(( (now - "
                + QByteArray::number(secondsAgo)
                + " - i) * 1000000 ))\n"
                  "  printf '{\"__REALTIME_TIMESTAMP\":\"%s\",\"MESSAGE_ID\":"
                  "\"5eb03494b6584870a536b337290809b3\",\"USER_UNIT\":\"tstiocctl-pump.service\","
                  "\"N_RESTARTS\":\"%s\",\"MESSAGE\":\"Scheduled restart job\"}\\n' \"$t\" "
                  "$((4 - i))\ndone\n");
        file.close();
        file.setPermissions(file.permissions() | QFileDevice::ExeOwner);
        qputenv("PATH", dir.path().toUtf8() + ':' + path);
        return true;
    };
    QVERIFY(standIn(0));
    const QString looping = statusOf(QStringLiteral("tstiocctl-pump"));
    QVERIFY2(looping.startsWith(QLatin1String("crashloop|Restarting (crashed 3")),
             qPrintable(looping));
    // Restarts longer ago than the window (10 minutes): no loop.
    QVERIFY(standIn(11 * 60));
    QVERIFY2(statusOf(QStringLiteral("tstiocctl-pump")).startsWith(QLatin1String("running|Up ")),
             qPrintable(statusOf(QStringLiteral("tstiocctl-pump"))));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("stop"), unit }));
}

void TestIocctl::inspect()
{
    const Run run = iocctl({ QStringLiteral("inspect"), QStringLiteral("tstiocctl-gamma") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    const QJsonArray array = QJsonDocument::fromJson(run.out.toUtf8()).array();
    QCOMPARE(array.size(), 1);
    const QJsonObject gamma = array.first().toObject();
    QCOMPARE(gamma.value(QStringLiteral("name")).toString(), QStringLiteral("tstiocctl-gamma"));
    QCOMPARE(gamma.value(QStringLiteral("unit")).toString(),
             QStringLiteral("procserv-tstiocctl-gamma.service"));
    QCOMPARE(gamma.value(QStringLiteral("convention")).toString(), QStringLiteral("procservutils"));
    QCOMPARE(gamma.value(QStringLiteral("runtime")).toString(), QStringLiteral("systemd"));

    const Run missing = iocctl({ QStringLiteral("inspect"), QStringLiteral("tstiocctl-gamm") });
    QVERIFY2(missing.code == 3, qPrintable(missing.describe()));
    QVERIFY2(missing.err.contains(QLatin1String("tstiocctl-gamma")), qPrintable(missing.err));
}

void TestIocctl::inspectStoppedUnloadedIoc()
{
    // Installed, never started: systemd has not loaded it, so a listing knows only its file.
    const QString unit = QStringLiteral("softioc-tstiocctl-idle.service");
    const quint16 port = Sandbox::freeTcpPort();
    QVERIFY(m_sandbox.installUnit(
            unit,
            Sandbox::procServUnit(QStringLiteral("tstiocctl-idle"),
                                  { QStringLiteral("-P"), QString::number(port) })));
    m_units << unit;
    // list-units --all names loaded units only, and does not load this one.
    auto loaded = [this, &unit] {
        QByteArray out;
        m_sandbox.systemctl({ QStringLiteral("list-units"), QStringLiteral("--all"),
                              QStringLiteral("--plain"), QStringLiteral("--no-legend"), unit },
                            &out);
        return out.contains(unit.toUtf8());
    };
    QTRY_VERIFY_WITH_TIMEOUT(!loaded(), 15000); // systemd unloads what nothing needs
    const Run ps = iocctl({ QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("--format"),
                            QStringLiteral("{{.Name}} {{.Console}}") });
    // Its file was read (not loaded into systemd): the console it will have.
    QVERIFY2(ps.out.contains(QStringLiteral("\ntstiocctl-idle tcp:127.0.0.1:%1\n").arg(port)),
             qPrintable(ps.describe()));
    QVERIFY(!loaded());

    // inspect reads it as `systemctl show` would: command line, console, description.
    const Run run = iocctl({ QStringLiteral("inspect"), QStringLiteral("tstiocctl-idle") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    const QJsonObject idle = QJsonDocument::fromJson(run.out.toUtf8()).array().first().toObject();
    QCOMPARE(idle.value(QStringLiteral("console")).toString(),
             QStringLiteral("tcp:127.0.0.1:%1").arg(port));
    QCOMPARE(idle.value(QStringLiteral("activeState")).toString(), QStringLiteral("inactive"));
    QVERIFY2(idle.value(QStringLiteral("execStart"))
                     .toArray()
                     .first()
                     .toString()
                     .endsWith(QLatin1String("procServ")),
             qPrintable(run.out));
    QVERIFY(!idle.value(QStringLiteral("description")).toString().isEmpty());
    // Nothing on stderr: no warning about other IOCs (badargs is broken), no noise from Qt
    // as iocctl exits while systemd still signals the unit's load and unload.
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
}

void TestIocctl::execDbl()
{
    const Run run = iocctl({ QStringLiteral("exec"), QStringLiteral("tstiocctl-alpha"),
                             QStringLiteral("--"), QStringLiteral("dbl") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QVERIFY2(run.out.contains(QLatin1String("tstiocctl-alpha:ai1\n")), qPrintable(run.out));
    QVERIFY2(!run.out.contains(QLatin1String("epics>")), qPrintable(run.out));
    QVERIFY2(!run.out.startsWith(QLatin1String("dbl")), qPrintable(run.out)); // echo stripped
    QVERIFY2(!run.out.contains(QLatin1String("@@@")), qPrintable(run.out)); // no banner
    QVERIFY(!run.out.contains(QLatin1Char('\r')));

    // Over the procServUtils UNIX socket too, with a command that has its own arguments.
    const Run dbgf = iocctl({ QStringLiteral("exec"), QStringLiteral("tstiocctl-gamma"),
                              QStringLiteral("--"), QStringLiteral("dbpr"),
                              QStringLiteral("tstiocctl-gamma:ai1") });
    QVERIFY2(dbgf.code == 0, qPrintable(dbgf.describe()));
    QVERIFY2(dbgf.out.contains(QLatin1String("tstiocctl-gamma:ai1")), qPrintable(dbgf.out));
}

void TestIocctl::execRefusesControlCharacters()
{
    const QByteArray before = alphaLog();
    const Run run = iocctl({ QStringLiteral("exec"), QStringLiteral("tstiocctl-alpha"),
                             QStringLiteral("--"), QStringLiteral("dbl\x18") });
    QVERIFY2(run.code == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("control character")), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
    // The IOC was not restarted: same child PID line count in the log, no kill.
    QVERIFY(!alphaLog().mid(before.size()).contains("Restarting child"));

    const Run empty = iocctl({ QStringLiteral("exec"), QStringLiteral("tstiocctl-alpha") });
    QVERIFY2(empty.code == 2, qPrintable(empty.describe()));
}

void TestIocctl::execPassesBytesWholeIntoPipe()
{
    // (gamma: alpha's log file is checked for bytes that must never be sent, 1D among them.)
    // Every byte value, NUL and 0xFF included, as iocsim wrote it: into a pipe nothing is
    // filtered, converted or dropped (a reply with a NUL was once printed as nothing at all).
    const Run run = iocctl({ QStringLiteral("exec"), QStringLiteral("tstiocctl-gamma"),
                             QStringLiteral("--"), QStringLiteral("allbytes") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QByteArray expected;
    for (int b = 0; b < 256; ++b)
        expected += static_cast<char>(b);
    expected += "\nallbytes done\n";
    QCOMPARE(run.outBytes, expected);

    // Escape sequences pass whole into a file too: it is not a terminal.
    const Run escapes = iocctl({ QStringLiteral("exec"), QStringLiteral("tstiocctl-gamma"),
                                 QStringLiteral("--"), QStringLiteral("escapes") });
    QVERIFY2(escapes.code == 0, qPrintable(escapes.describe()));
    QVERIFY2(escapes.outBytes.contains("\x1b]0;iocsim-title\x07"), escapes.outBytes.constData());
    QVERIFY(escapes.outBytes.contains("\x1b[6n"));
}

void TestIocctl::execFiltersOnTerminal()
{
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("script")).isEmpty(),
             "script (util-linux) is needed to run iocctl on a terminal");
    const Run run = onTerminal({ QStringLiteral("exec"), QStringLiteral("tstiocctl-gamma"),
                                 QStringLiteral("--"), QStringLiteral("escapes") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    const QByteArray &shown = run.outBytes;
    // The text reaches the terminal...
    QVERIFY2(shown.contains("visible"), shown.constData());
    QVERIFY2(shown.contains("escapes done"), shown.constData());
    // ... but nothing that retitles it, writes the clipboard or makes it answer a query.
    for (const char *sequence :
         { "\x1b]",
           "\x1b"
           "P",
           "\x1b[c", "\x1b[>c", "\x1b[5n", "\x1b[6n", "\x1b[21t", "\x1b[14t", "\x1bZ", "\x05" }) {
        QVERIFY2(!shown.contains(sequence),
                 qPrintable(QStringLiteral("%1 reached the terminal: %2")
                                    .arg(QString::fromLatin1(QByteArray(sequence).toHex()),
                                         QString::fromLatin1(shown.toHex()))));
    }
    QVERIFY2(!shown.contains("iocsim-title") && !shown.contains("aW9jc2ltLWNsaXA="),
             shown.constData());

    // NUL, 0xFF and other bytes a terminal would swallow are shown, not lost.
    const Run all = onTerminal({ QStringLiteral("exec"), QStringLiteral("tstiocctl-gamma"),
                                 QStringLiteral("--"), QStringLiteral("allbytes") });
    QVERIFY2(all.code == 0, qPrintable(all.describe()));
    QVERIFY2(all.outBytes.startsWith("^@^A^B"), all.outBytes.constData());
    QVERIFY2(all.outBytes.contains("~^?\\x80\\x81"), all.outBytes.constData());
    QVERIFY2(all.outBytes.contains("\\xfe\\xff"), all.outBytes.constData());
    QVERIFY2(all.outBytes.contains("allbytes done"), all.outBytes.constData());
    QVERIFY(!all.outBytes.contains('\0'));
}

void TestIocctl::execSeesTheIocExit()
{
    // `exit` ends the IOC shell: procServ reports the child's end and restarts it. exec says
    // so at once, instead of waiting for a prompt that is not coming.
    const QString mainPidBefore = m_sandbox.unitProperty(
            QStringLiteral("softioc-tstiocctl-beta.service"), QStringLiteral("MainPID"));
    const Run run = iocctl({ QStringLiteral("exec"), QStringLiteral("--timeout"),
                             QStringLiteral("60"), QStringLiteral("tstiocctl-beta"),
                             QStringLiteral("--"), QStringLiteral("exit") });
    QVERIFY2(run.code == 1, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("The IOC process of tstiocctl-beta exited "
                                            "(status 0)")),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("procServ restart")), qPrintable(run.err));
    QVERIFY2(!run.err.contains(QLatin1String("prompt")), qPrintable(run.err));
    QVERIFY2(run.elapsedMs < 30000, qPrintable(run.describe()));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
    // A crash while the command runs: killed by a signal.
    const Run crash = iocctl({ QStringLiteral("exec"), QStringLiteral("--timeout"),
                               QStringLiteral("60"), QStringLiteral("tstiocctl-gamma"),
                               QStringLiteral("--"), QStringLiteral("abort") });
    QVERIFY2(crash.code == 1, qPrintable(crash.describe()));
    QVERIFY2(crash.err.contains(QLatin1String("The IOC process of tstiocctl-gamma was killed by "
                                              "signal 6")),
             qPrintable(crash.err));
    // What it printed last may come after procServ's report, or too late: not asserted.
    QVERIFY2(!crash.out.contains(QLatin1String("@@@")), qPrintable(crash.out));
    QVERIFY2(crash.elapsedMs < 30000, qPrintable(crash.describe()));

    // Only the IOC went: procServ (the unit's main process) is the same one.
    QCOMPARE(m_sandbox.unitProperty(QStringLiteral("softioc-tstiocctl-beta.service"),
                                    QStringLiteral("MainPID")),
             mainPidBefore);
    QCOMPARE(m_sandbox.unitProperty(QStringLiteral("softioc-tstiocctl-beta.service"),
                                    QStringLiteral("ActiveState")),
             QStringLiteral("active"));
}

void TestIocctl::execRightAfterStart()
{
    // `iocctl start NAME && iocctl exec NAME -- LINE` in a script: systemd reports the unit
    // started before procServ has its socket, and procServ shows its child SHUT DOWN until it
    // has started it. exec waits for both (and for the first prompt) instead of failing.
    const QString name = QStringLiteral("tstiocctl-fresh");
    const QString unit = QStringLiteral("procserv-tstiocctl-fresh.service");
    QVERIFY(m_sandbox.installUnit(unit, Sandbox::procServUtilsUnit(name)));
    m_units << unit;
    for (int round = 0; round < 3; ++round) {
        const Run start = iocctl({ QStringLiteral("start"), name });
        QVERIFY2(start.code == 0, qPrintable(start.describe()));
        const Run run =
                iocctl({ QStringLiteral("exec"), QStringLiteral("--timeout"), QStringLiteral("30"),
                         name, QStringLiteral("--"), QStringLiteral("dbl") });
        QVERIFY2(run.code == 0,
                 qPrintable(QStringLiteral("round %1: ").arg(round) + run.describe()));
        QVERIFY2(run.out.contains(QLatin1String("tstiocctl-fresh:ai1\n")), qPrintable(run.out));
        QVERIFY2(!run.out.contains(QLatin1String("@@@")), qPrintable(run.out));
        QVERIFY(m_sandbox.systemctl({ QStringLiteral("stop"), unit }));
    }
    // Stopped for good: not running, nothing waited for.
    const Run stopped =
            iocctl({ QStringLiteral("exec"), name, QStringLiteral("--"), QStringLiteral("dbl") });
    QVERIFY2(stopped.code == 1, qPrintable(stopped.describe()));
    QVERIFY2(stopped.err.contains(QLatin1String("not running")), qPrintable(stopped.err));
}

void TestIocctl::execRightAfterStartWhileBooting()
{
    // exec right after start meets the IOC anywhere in its boot: not forked yet, printing its
    // st.cmd lines slowly, silent before iocInit, or at its prompt already. The pty echoes the
    // line at once wherever the boot is, and the boot ends with a prompt of its own: the reply
    // is only what the IOC answered to the line, never its boot output. (Each round's boot is
    // set in an environment file the unit reads at each start.)
    const QString name = QStringLiteral("tstiocctl-booting");
    const QString unit = QStringLiteral("procserv-tstiocctl-booting.service");
    const QString envFile = m_sandbox.dir() + QStringLiteral("/tstiocctl-booting.env");
    QVERIFY(m_sandbox.installUnit(unit,
                                  Sandbox::procServUtilsUnit(name)
                                          + QStringLiteral("EnvironmentFile=") + envFile
                                          + QLatin1Char('\n')));
    m_units << unit;
    const QString records =
            QStringLiteral("%1:ai1\n%1:ao1\n%1:calc\n%1:status\n%1:uptime\n").arg(name);
    struct Boot
    {
        const char *delay;
        const char *lines;
    };
    // Quick, chatty over 2 s, silent for 2 s, a flood of lines over 1 s, silent for 0.5 s.
    const Boot boots[] = {
        { "0", "0" }, { "2", "40" }, { "2", "0" }, { "1", "400" }, { "0.5", "0" }
    };
    // procServ's child, once procServ has forked it (its banner then says it runs).
    const auto child = [&] {
        const QString pid = m_sandbox.unitProperty(unit, QStringLiteral("MainPID"));
        QFile children(QStringLiteral("/proc/%1/task/%1/children").arg(pid));
        return pid.toInt() > 0 && children.open(QIODevice::ReadOnly)
                && !children.readAll().trimmed().isEmpty();
    };
    for (int round = 0; round < 10; ++round) {
        const Boot &boot = boots[round % std::size(boots)];
        // The first five rounds run exec at once (procServ may not have its socket or its
        // child yet); the others once the child runs, so that exec meets it booting.
        const bool afterFork = round >= int(std::size(boots));
        QFile env(envFile);
        QVERIFY(env.open(QIODevice::WriteOnly | QIODevice::Truncate));
        env.write(QByteArray("IOCSIM_BOOT_DELAY=") + boot.delay
                  + "\nIOCSIM_BOOT_LINES=" + boot.lines + '\n');
        env.close();
        const Run start = iocctl({ QStringLiteral("start"), name });
        QVERIFY2(start.code == 0, qPrintable(start.describe()));
        if (afterFork)
            QTRY_VERIFY_WITH_TIMEOUT(child(), 20000);
        const Run run =
                iocctl({ QStringLiteral("exec"), QStringLiteral("--timeout"), QStringLiteral("30"),
                         name, QStringLiteral("--"), QStringLiteral("dbl") });
        const QString what = QStringLiteral("round %1 (boot delay %2 s, %3 lines%4): ")
                                     .arg(round)
                                     .arg(QLatin1String(boot.delay), QLatin1String(boot.lines),
                                          afterFork ? QStringLiteral(", child forked") : QString());
        QVERIFY2(run.code == 0, qPrintable(what + run.describe()));
        QVERIFY2(run.out == records, qPrintable(what + run.describe()));
        QVERIFY(m_sandbox.systemctl({ QStringLiteral("stop"), unit }));
    }
}

void TestIocctl::hostOptionsAfterCommand()
{
    // As systemctl takes them: `iocctl ps --user`.
    const Run run = runIocctl({ QStringLiteral("ps"), QStringLiteral("-q"), QStringLiteral("-f"),
                                QStringLiteral("name=tstiocctl-alpha"), QStringLiteral("--user") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QCOMPARE(run.out, QStringLiteral("tstiocctl-alpha\n"));
    const Run timeout = runIocctl({ QStringLiteral("inspect"), QStringLiteral("--user"),
                                    QStringLiteral("--connect-timeout=30"),
                                    QStringLiteral("tstiocctl-alpha") });
    QVERIFY2(timeout.code == 0, qPrintable(timeout.describe()));

    // After "--" a word is part of exec's line, not an option.
    const Run echo = runIocctl({ QStringLiteral("exec"), QStringLiteral("--user"),
                                 QStringLiteral("tstiocctl-alpha"), QStringLiteral("--"),
                                 QStringLiteral("echo"), QStringLiteral("--user"),
                                 QStringLiteral("-H"), QStringLiteral("x") });
    QVERIFY2(echo.code == 0, qPrintable(echo.describe()));
    QCOMPARE(echo.out, QStringLiteral("--user -H x\n"));

    const Run bad = runIocctl(
            { QStringLiteral("ps"), QStringLiteral("--connect-timeout"), QStringLiteral("soon") });
    QVERIFY2(bad.code == 2, qPrintable(bad.describe()));
    QVERIFY2(bad.err.contains(QLatin1String("--connect-timeout")), qPrintable(bad.err));
}

void TestIocctl::userWithRemoteHost()
{
    // --user with -H HOST cannot mean the local manager as well as HOST's system manager:
    // it means HOST's user manager, as in systemctl; with HOST/user and --system it is refused.
    const Run both = runIocctl({ QStringLiteral("-H"), QStringLiteral("ioc-srv/user"),
                                 QStringLiteral("ps"), QStringLiteral("--system") });
    QVERIFY2(both.code == 2, qPrintable(both.describe()));
    QVERIFY2(both.err.contains(QLatin1String("ioc-srv/user names the user manager of ioc-srv")),
             qPrintable(both.err));
    const Run contradiction =
            runIocctl({ QStringLiteral("--user"), QStringLiteral("--system"), QStringLiteral("-H"),
                        QStringLiteral("ioc-srv"), QStringLiteral("ps") });
    QVERIFY2(contradiction.code == 2, qPrintable(contradiction.describe()));
    QVERIFY2(contradiction.err.contains(QLatin1String("--user and --system")),
             qPrintable(contradiction.err));
    QVERIFY(contradiction.out.isEmpty());
}

void TestIocctl::silentHostTimesOut()
{
    // A host that accepts the TCP connection and never says a word (a hung sshd, a port
    // that is not SSH): the kernel completes the handshake, nothing ever answers.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    const QString host = QStringLiteral("127.0.0.1:%1").arg(silent.serverPort());
    // With --user: that host's user manager.
    const Run run = runIocctl(
            { QStringLiteral("--user"), QStringLiteral("-H"), host, QStringLiteral("ps") }, 120000);
    // The default bound is 10 s (ssh's ConnectTimeout or iocctl's own, whichever ends first);
    // it once was 60 s.
    QVERIFY2(run.code == 5 || run.code == 4, qPrintable(run.describe()));
    QVERIFY2(run.elapsedMs >= 9000 && run.elapsedMs < 30000, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(host + QStringLiteral("/user")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("timed out"), Qt::CaseInsensitive),
             qPrintable(run.err));
    // Nothing but iocctl's message: no Qt warning about a process destroyed while running.
    QVERIFY2(!run.err.contains(QLatin1String("QProcess")), qPrintable(run.err));
    const QStringList lines = run.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines)
        QVERIFY2(line.startsWith(QLatin1String("iocctl: ")), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestIocctl::attachFromPipe()
{
    QProcess process;
    process.setProgram(Sandbox::binPath(QStringLiteral("iocctl")));
    process.setArguments({ QStringLiteral("--user"), QStringLiteral("attach"),
                           QStringLiteral("tstiocctl-alpha") });
    process.start();
    QVERIFY(process.waitForStarted(10000));
    QByteArray output;
    QVERIFY2(waitFor(process, "Welcome to procServ", &output), output.constData());
    QVERIFY2(waitFor(process, "connected (plus you)", &output), output.constData());

    process.write("echo attachmarker1\r");
    QVERIFY2(waitFor(process, "\nattachmarker1", &output), output.constData()); // the reply
    const qsizetype logBefore = alphaLog().size();

    process.write("\x1d"); // Ctrl-] detaches
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);

    // Anything the detach had sent would be in the log before the output of this later
    // command (procServ handles its clients' input in order).
    const Run after = iocctl({ QStringLiteral("exec"), QStringLiteral("tstiocctl-alpha"),
                               QStringLiteral("--"), QStringLiteral("dbl") });
    QVERIFY2(after.code == 0, qPrintable(after.describe()));
    QVERIFY(logContains("tstiocctl-alpha:ai1"));
    const QByteArray log = alphaLog();
    QVERIFY2(!log.contains("^]") && !log.contains('\x1d'), log.mid(logBefore).constData());
}

void TestIocctl::attachReadOnlySendsNothing()
{
    QProcess process;
    process.setProgram(Sandbox::binPath(QStringLiteral("iocctl")));
    process.setArguments({ QStringLiteral("--user"), QStringLiteral("attach"),
                           QStringLiteral("--read-only"), QStringLiteral("tstiocctl-alpha") });
    process.start();
    QVERIFY(process.waitForStarted(10000));
    QByteArray output;
    QVERIFY2(waitFor(process, "procServ server PID", &output), output.constData());
    const int pidBefore =
            psObject(QStringLiteral("tstiocctl-alpha")).value(QStringLiteral("pid")).toInt();
    QVERIFY(pidBefore > 0);

    // Output of another client's command reaches the read-only console...
    const Run other = iocctl({ QStringLiteral("exec"), QStringLiteral("tstiocctl-alpha"),
                               QStringLiteral("--"), QStringLiteral("dbgf"),
                               QStringLiteral("tstiocctl-alpha:ao1") });
    QVERIFY2(other.code == 0, qPrintable(other.describe()));
    QVERIFY2(waitFor(process, "dbgf tstiocctl-alpha:ao1", &output), output.constData());

    // ... while what is typed into it goes nowhere.
    process.write("dbpr readonlymarker\r");
    process.write("\x18"); // even a kill key
    process.closeWriteChannel(); // end of input: detaches once quiet
    QVERIFY(process.waitForFinished(15000));
    QCOMPARE(process.exitCode(), 0);

    const Run after = iocctl({ QStringLiteral("exec"), QStringLiteral("tstiocctl-alpha"),
                               QStringLiteral("--"), QStringLiteral("dbgf"),
                               QStringLiteral("tstiocctl-alpha:status") });
    QVERIFY2(after.code == 0, qPrintable(after.describe()));
    QVERIFY(logContains("dbgf tstiocctl-alpha:status"));
    const QByteArray log = alphaLog();
    QVERIFY(!log.contains("readonlymarker"));
    QCOMPARE(psObject(QStringLiteral("tstiocctl-alpha")).value(QStringLiteral("pid")).toInt(),
             pidBefore); // the kill key did not reach procServ
}

void TestIocctl::attachOnTerminalHoldsControlKeys()
{
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("script")).isEmpty(),
             "script (util-linux) is needed to run iocctl on a terminal");
    const int pidBefore =
            psObject(QStringLiteral("tstiocctl-alpha")).value(QStringLiteral("pid")).toInt();
    QVERIFY(pidBefore > 0);
    QProcess process;
    // script gives iocctl a terminal; what is written here is typed on it.
    process.setProgram(QStringLiteral("script"));
    process.setArguments({ QStringLiteral("-qefc"),
                           QStringLiteral("'%1' --user attach tstiocctl-alpha")
                                   .arg(Sandbox::binPath(QStringLiteral("iocctl"))),
                           QStringLiteral("/dev/null") });
    process.start();
    QVERIFY(process.waitForStarted(10000));
    QByteArray output;
    // The banner comes after the terminal went raw: from now on each key is read alone.
    QVERIFY2(waitFor(process, "Attached to tstiocctl-alpha", &output), output.constData());
    QVERIFY2(waitFor(process, "connected (plus you)", &output), output.constData());

    process.write("\x18"); // Ctrl+X once: held, and the user is told what it would do
    QVERIFY2(waitFor(process, "press Ctrl+X again within 3 s to send it", &output),
             output.constData());
    QVERIFY2(output.contains("Ctrl+X kills the IOC process of tstiocctl-alpha"),
             output.constData());

    // Typing on drops the held key: the next Ctrl+X is a first press again.
    process.write("echo ttymarker\r");
    QVERIFY2(waitFor(process, "\nttymarker", &output), output.constData());
    auto notices = [&] {
        output += process.readAllStandardOutput();
        return output.count("press Ctrl+X again");
    };
    const auto before = notices();
    process.write("\x18");
    QTRY_VERIFY2_WITH_TIMEOUT(notices() > before, output.constData(), 10000);

    process.write("\x1d"); // Ctrl-] detaches
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 0);
    // Neither Ctrl+X reached procServ: the IOC was not killed.
    const Run after = iocctl({ QStringLiteral("exec"), QStringLiteral("tstiocctl-alpha"),
                               QStringLiteral("--"), QStringLiteral("dbl") });
    QVERIFY2(after.code == 0, qPrintable(after.describe()));
    QCOMPARE(psObject(QStringLiteral("tstiocctl-alpha")).value(QStringLiteral("pid")).toInt(),
             pidBefore);
}

void TestIocctl::attachAmbiguousGlob()
{
    const Run run = iocctl({ QStringLiteral("attach"), QStringLiteral("tstiocctl-*") });
    QVERIFY2(run.code == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("tstiocctl-alpha (softioc-tstiocctl-alpha.service)")),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("tstiocctl-gamma (procserv-tstiocctl-gamma.service)")),
             qPrintable(run.err));
    QVERIFY(run.out.isEmpty());
}

void TestIocctl::logsTail()
{
    QVERIFY(logContains("epics> "));
    const Run run = iocctl({ QStringLiteral("logs"), QStringLiteral("-n"), QStringLiteral("3"),
                             QStringLiteral("tstiocctl-alpha") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    // tail's idea of the last three lines of procServ's log file.
    QList<QByteArray> lines = alphaLog().split('\n');
    if (lines.last().isEmpty())
        lines.removeLast();
    const QList<QByteArray> last = lines.mid(lines.size() - 3);
    QByteArray expected;
    for (const QByteArray &line : last)
        expected += line + '\n';
    if (!alphaLog().endsWith('\n'))
        expected.chop(1);
    QCOMPARE(run.out.toUtf8(), expected);

    const Run bad = iocctl({ QStringLiteral("logs"), QStringLiteral("-n"), QStringLiteral("x"),
                             QStringLiteral("tstiocctl-alpha") });
    QVERIFY2(bad.code == 2, qPrintable(bad.describe()));
}

void TestIocctl::stopShowsExited()
{
    const Run stop = iocctl({ QStringLiteral("stop"), QStringLiteral("tstiocctl-beta") });
    QVERIFY2(stop.code == 0, qPrintable(stop.describe()));
    QCOMPARE(stop.out, QStringLiteral("tstiocctl-beta: stopped\n"));
    QCOMPARE(m_sandbox.unitProperty(QStringLiteral("softioc-tstiocctl-beta.service"),
                                    QStringLiteral("ActiveState")),
             QStringLiteral("inactive"));

    const Run ps = iocctl({ QStringLiteral("ps"), QStringLiteral("-q") });
    QVERIFY2(ps.code == 0, qPrintable(ps.describe()));
    QVERIFY2(!ps.out.contains(QLatin1String("tstiocctl-beta")), qPrintable(ps.out));
    const Run all = iocctl({ QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("-f"),
                             QStringLiteral("name=tstiocctl-beta") });
    QVERIFY2(all.code == 0, qPrintable(all.describe()));
    const QStringList lines = all.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(1).contains(QLatin1String("Exited")), qPrintable(all.out));

    const Run start = iocctl({ QStringLiteral("start"), QStringLiteral("tstiocctl-bet?") });
    QVERIFY2(start.code == 0, qPrintable(start.describe()));
    QCOMPARE(start.out, QStringLiteral("tstiocctl-beta: started\n"));
    QCOMPARE(m_sandbox.unitProperty(QStringLiteral("softioc-tstiocctl-beta.service"),
                                    QStringLiteral("ActiveState")),
             QStringLiteral("active"));
}

void TestIocctl::startUnknownSuggests()
{
    const Run run = iocctl({ QStringLiteral("start"), QStringLiteral("tstiocctl-alpah") });
    QVERIFY2(run.code == 3, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("tstiocctl-alpah")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("Did you mean: tstiocctl-alpha")), qPrintable(run.err));
    QVERIFY(run.out.isEmpty());

    const Run glob = iocctl({ QStringLiteral("restart"), QStringLiteral("nosuchioc-*") });
    QVERIFY2(glob.code == 3, qPrintable(glob.describe()));
}

void TestIocctl::enableDisable()
{
    const QString unit = QStringLiteral("softioc-tstiocctl-alpha.service");
    const Run enable = iocctl({ QStringLiteral("enable"), QStringLiteral("tstiocctl-alpha") });
    QVERIFY2(enable.code == 0, qPrintable(enable.describe()));
    QCOMPARE(enable.out, QStringLiteral("tstiocctl-alpha: enabled\n"));
    QCOMPARE(m_sandbox.unitProperty(unit, QStringLiteral("UnitFileState")),
             QStringLiteral("enabled"));
    QCOMPARE(psObject(QStringLiteral("tstiocctl-alpha")).value(QStringLiteral("enabled")).toBool(),
             true);

    const Run disable = iocctl({ QStringLiteral("disable"), QStringLiteral("tstiocctl-alpha") });
    QVERIFY2(disable.code == 0, qPrintable(disable.describe()));
    QCOMPARE(m_sandbox.unitProperty(unit, QStringLiteral("UnitFileState")),
             QStringLiteral("disabled"));
}

void TestIocctl::malformedUnitReported()
{
    const Run run = iocctl({ QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("-f"),
                             QStringLiteral("name=tstiocctl-*") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("softioc-tstiocctl-badargs.service")),
             qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("--bogus")), qPrintable(run.err));
    QVERIFY2(run.out.contains(QLatin1String("tstiocctl-alpha ")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("tstiocctl-gamma ")), qPrintable(run.out));
}

QTEST_GUILESS_MAIN(TestIocctl)
#include "tst_iocctl.moc"
