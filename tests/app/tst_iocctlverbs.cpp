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
#include <QTest>

/// The systemctl-like verbs of the real `iocctl` binary (status, is-active, is-enabled,
/// is-failed, enable/disable --now, stop/restart -t, kill, reset-failed, cat) and its error
/// hints, against the sandbox's systemd user manager, real procServ and iocsim.
class TestIocctlVerbs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void help();
    void isActive();
    void isEnabledAndEnableNow();
    void isFailedAndResetFailed();
    void status();
    void statusStoppedAndUnknown();
    void stopTimeoutKills();
    void restartTimeoutKills();
    void killWithAutoRestart();
    void killWithoutAutoRestart();
    void catShowsUnitAndDropIns();
    void catShowsConventionConfig();
    void hints();

private:
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
        qint64 elapsedMs = -1;
        QString describe() const
        {
            return QStringLiteral("exit code %1\n--- stdout:\n%2--- stderr:\n%3")
                    .arg(QString::number(code), out, err);
        }
    };
    /// iocctl --user ARGS (with @p env added to the environment).
    Run iocctl(const QStringList &args, int timeoutMs = 120000, const QStringList &withoutEnv = {},
               const QStringList &env = {});
    QJsonObject psObject(const QString &name);
    QString unit(const QString &ioc) const { return QStringLiteral("softioc-%1.service").arg(ioc); }
    QString active(const QString &ioc)
    {
        return m_sandbox.unitProperty(unit(ioc), QStringLiteral("ActiveState"));
    }
    bool childRunning(const QString &ioc)
    {
        const QJsonObject o = psObject(ioc);
        return o.value(QStringLiteral("childState")).toString() == QLatin1String("running")
                && o.value(QStringLiteral("pid")).toDouble() > 0;
    }
    bool install(const QString &ioc, const QStringList &procServOptions,
                 const QStringList &iocsimArgs = {}, const QStringList &extra = {});

    Sandbox m_sandbox;
    QStringList m_units;
    QString m_onLog;
    quint16 m_onPort = 0;
};

bool TestIocctlVerbs::install(const QString &ioc, const QStringList &procServOptions,
                              const QStringList &iocsimArgs, const QStringList &extra)
{
    m_units << unit(ioc);
    return m_sandbox.installUnit(unit(ioc),
                                 Sandbox::procServUnit(ioc, procServOptions, iocsimArgs, extra));
}

void TestIocctlVerbs::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    QVERIFY(QFileInfo(Sandbox::binPath(QStringLiteral("iocctl"))).isExecutable());
    QVERIFY2(QFileInfo(QStringLiteral("/usr/bin/procServ")).isExecutable(),
             "procServ is not installed (Debian package procserv)");
    const QList<quint16> ports = Sandbox::freeTcpPorts(4);
    QCOMPARE(ports.size(), 4);
    m_onPort = ports.at(0);
    m_onLog = m_sandbox.runtimeDir() + QStringLiteral("/tstverbs-on.log");
    QFile::remove(m_onLog);
    const QStringList install{ QStringLiteral("[Install]"),
                               QStringLiteral("WantedBy=default.target") };
    // Auto-restart ON (procServ's default), a log file, restarts after 1 s.
    QVERIFY(this->install(QStringLiteral("tstverbs-on"),
                          { QStringLiteral("--logfile"), m_onLog, QStringLiteral("--holdoff"),
                            QStringLiteral("1"), QStringLiteral("-P"),
                            QString::number(ports.at(0)) },
                          {}, install));
    // Auto-restart OFF.
    QVERIFY(this->install(QStringLiteral("tstverbs-off"),
                          { QStringLiteral("--noautorestart"), QStringLiteral("-P"),
                            QString::number(ports.at(1)) }));
    // Installed, never started, enable-able.
    QVERIFY(this->install(QStringLiteral("tstverbs-idle"),
                          { QStringLiteral("-P"), QString::number(ports.at(2)) }, {}, install));
    // A stop that hangs: systemd's stop signal is one procServ and the IOC ignore (SIGWINCH's
    // default), and systemd would wait 5 minutes before SIGKILL. (SIGTERM would not do:
    // procServ ends on it and takes its child along.)
    QVERIFY(this->install(
            QStringLiteral("tstverbs-stubborn"),
            { QStringLiteral("-P"), QString::number(ports.at(3)) }, {},
            { QStringLiteral("KillSignal=SIGWINCH"), QStringLiteral("TimeoutStopSec=300") }));
    // procServ refuses an option: the unit fails.
    m_units << unit(QStringLiteral("tstverbs-bad"));
    QVERIFY(m_sandbox.installUnit(
            unit(QStringLiteral("tstverbs-bad")),
            QByteArray("[Unit]\nDescription=test IOC with a bad procServ option\n"
                       "[Service]\nExecStart=/usr/bin/procServ --foreground --bogus "
                       "12346 /bin/true\n")));

    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unit(QStringLiteral("tstverbs-on")),
                                  unit(QStringLiteral("tstverbs-off")) }));
    QTRY_VERIFY_WITH_TIMEOUT(childRunning(QStringLiteral("tstverbs-on")), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(childRunning(QStringLiteral("tstverbs-off")), 30000);
}

void TestIocctlVerbs::cleanupTestCase()
{
    for (const QString &unit : std::as_const(m_units))
        m_sandbox.removeUnit(unit);
    QDir(m_sandbox.unitDir() + QStringLiteral("/softioc-tstverbs-on.service.d"))
            .removeRecursively();
    if (!m_onLog.isEmpty())
        QFile::remove(m_onLog);
}

TestIocctlVerbs::Run TestIocctlVerbs::iocctl(const QStringList &args, int timeoutMs,
                                             const QStringList &withoutEnv, const QStringList &env)
{
    QProcess process;
    process.setProgram(Sandbox::binPath(QStringLiteral("iocctl")));
    process.setArguments(QStringList{ QStringLiteral("--user") } + args);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : withoutEnv)
        environment.remove(name);
    for (const QString &pair : env)
        environment.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
    process.setProcessEnvironment(environment);
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
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QJsonObject TestIocctlVerbs::psObject(const QString &name)
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

void TestIocctlVerbs::help()
{
    const Run top = iocctl({ QStringLiteral("--help") });
    QVERIFY2(top.code == 0, qPrintable(top.describe()));
    for (const char *command :
         { "status", "is-active", "is-enabled", "is-failed", "kill", "reset-failed", "cat" }) {
        QVERIFY2(top.out.contains(QStringLiteral("\n  ") + QLatin1String(command)
                                  + QLatin1Char(' ')),
                 command);
        const Run sub = iocctl({ QLatin1String(command), QStringLiteral("--help") });
        QVERIFY2(sub.code == 0, qPrintable(sub.describe()));
        QVERIFY2(sub.out.startsWith(QStringLiteral("Usage: iocctl [HOST OPTIONS] ")
                                    + QLatin1String(command)),
                 qPrintable(sub.out));
    }
    // The options say what they do.
    const Run stop = iocctl({ QStringLiteral("stop"), QStringLiteral("--help") });
    QVERIFY2(stop.out.contains(QLatin1String("-t, --time <SECONDS>")), qPrintable(stop.out));
    QVERIFY2(stop.out.contains(QLatin1String("SIGKILL")), qPrintable(stop.out));
    const Run kill = iocctl({ QStringLiteral("kill"), QStringLiteral("--help") });
    QVERIFY2(kill.out.contains(QLatin1String("auto-restart OFF")), qPrintable(kill.out));
    const Run enable = iocctl({ QStringLiteral("enable"), QStringLiteral("--help") });
    QVERIFY2(enable.out.contains(QLatin1String("--now")), qPrintable(enable.out));
}

void TestIocctlVerbs::isActive()
{
    const Run on = iocctl({ QStringLiteral("is-active"), QStringLiteral("tstverbs-on") });
    QCOMPARE(on.code, 0);
    QCOMPARE(on.out, QStringLiteral("active\n"));

    const Run idle = iocctl({ QStringLiteral("is-active"), QStringLiteral("tstverbs-idle") });
    QVERIFY2(idle.code == 3, qPrintable(idle.describe()));
    QCOMPARE(idle.out, QStringLiteral("inactive\n"));

    // One word per name, in order; 0 when any is active.
    const Run both = iocctl({ QStringLiteral("is-active"), QStringLiteral("tstverbs-idle"),
                              QStringLiteral("tstverbs-on") });
    QVERIFY2(both.code == 0, qPrintable(both.describe()));
    QCOMPARE(both.out, QStringLiteral("inactive\nactive\n"));

    const Run quiet = iocctl(
            { QStringLiteral("is-active"), QStringLiteral("-q"), QStringLiteral("tstverbs-idle") });
    QCOMPARE(quiet.code, 3);
    QVERIFY(quiet.out.isEmpty());
    QVERIFY(quiet.err.isEmpty());

    const Run unknown = iocctl({ QStringLiteral("is-active"), QStringLiteral("tstverbs-nosuch") });
    QVERIFY2(unknown.code == 4, qPrintable(unknown.describe()));
    QCOMPARE(unknown.out, QStringLiteral("unknown\n"));
    QVERIFY2(unknown.err.contains(QLatin1String("iocctl --user ps -a")), qPrintable(unknown.err));
}

void TestIocctlVerbs::isEnabledAndEnableNow()
{
    const QString idle = QStringLiteral("tstverbs-idle");
    const Run before = iocctl({ QStringLiteral("is-enabled"), idle });
    QVERIFY2(before.code == 1, qPrintable(before.describe()));
    QCOMPARE(before.out, QStringLiteral("disabled\n"));

    const Run enable = iocctl({ QStringLiteral("enable"), QStringLiteral("--now"), idle });
    QVERIFY2(enable.code == 0, qPrintable(enable.describe()));
    QCOMPARE(enable.out, QStringLiteral("tstverbs-idle: enabled\ntstverbs-idle: started\n"));
    QCOMPARE(active(idle), QStringLiteral("active"));
    QCOMPARE(m_sandbox.unitProperty(unit(idle), QStringLiteral("UnitFileState")),
             QStringLiteral("enabled"));
    const Run after = iocctl({ QStringLiteral("is-enabled"), idle });
    QVERIFY2(after.code == 0, qPrintable(after.describe()));
    QCOMPARE(after.out, QStringLiteral("enabled\n"));

    const Run disable = iocctl({ QStringLiteral("disable"), QStringLiteral("--now"), idle });
    QVERIFY2(disable.code == 0, qPrintable(disable.describe()));
    QCOMPARE(disable.out, QStringLiteral("tstverbs-idle: disabled\ntstverbs-idle: stopped\n"));
    QCOMPARE(active(idle), QStringLiteral("inactive"));
    QCOMPARE(m_sandbox.unitProperty(unit(idle), QStringLiteral("UnitFileState")),
             QStringLiteral("disabled"));

    // Without --now nothing starts.
    const Run plain = iocctl({ QStringLiteral("enable"), idle });
    QVERIFY2(plain.code == 0, qPrintable(plain.describe()));
    QCOMPARE(plain.out, QStringLiteral("tstverbs-idle: enabled\n"));
    QCOMPARE(active(idle), QStringLiteral("inactive"));
    QVERIFY(iocctl({ QStringLiteral("disable"), idle }).code == 0);
}

void TestIocctlVerbs::isFailedAndResetFailed()
{
    const QString bad = QStringLiteral("tstverbs-bad");
    m_sandbox.systemctl({ QStringLiteral("start"), unit(bad) }); // succeeds: Type=simple
    QTRY_COMPARE_WITH_TIMEOUT(active(bad), QStringLiteral("failed"), 15000);

    const Run failed = iocctl({ QStringLiteral("is-failed"), bad });
    QVERIFY2(failed.code == 0, qPrintable(failed.describe()));
    QCOMPARE(failed.out, QStringLiteral("failed\n"));
    const Run notFailed = iocctl({ QStringLiteral("is-failed"), QStringLiteral("tstverbs-on") });
    QVERIFY2(notFailed.code == 1, qPrintable(notFailed.describe()));
    QCOMPARE(notFailed.out, QStringLiteral("active\n"));
    const Run isActive = iocctl({ QStringLiteral("is-active"), bad });
    QCOMPARE(isActive.code, 3);
    QCOMPARE(isActive.out, QStringLiteral("failed\n"));

    const Run reset = iocctl({ QStringLiteral("reset-failed"), bad });
    QVERIFY2(reset.code == 0, qPrintable(reset.describe()));
    QCOMPARE(reset.out, QStringLiteral("tstverbs-bad: failed state reset\n"));
    QCOMPARE(active(bad), QStringLiteral("inactive"));
    QCOMPARE(iocctl({ QStringLiteral("is-failed"), QStringLiteral("-q"), bad }).code, 1);

    // Without a name: every failed IOC, ours among them.
    m_sandbox.systemctl({ QStringLiteral("start"), unit(bad) });
    QTRY_COMPARE_WITH_TIMEOUT(active(bad), QStringLiteral("failed"), 15000);
    const Run all = iocctl({ QStringLiteral("reset-failed") });
    QVERIFY2(all.code == 0, qPrintable(all.describe()));
    QVERIFY2(all.out.contains(QLatin1String("tstverbs-bad: failed state reset\n")),
             qPrintable(all.out));
    QVERIFY2(!all.out.contains(QLatin1String("tstverbs-on")), qPrintable(all.out));
    QCOMPARE(active(bad), QStringLiteral("inactive"));
}

void TestIocctlVerbs::status()
{
    const QString on = QStringLiteral("tstverbs-on");
    QTRY_VERIFY_WITH_TIMEOUT(childRunning(on), 30000);
    const QJsonObject row = psObject(on);
    const QString childPid = QString::number(qint64(row.value(QStringLiteral("pid")).toDouble()));
    const QString mainPid = m_sandbox.unitProperty(unit(on), QStringLiteral("MainPID"));
    const Run run =
            iocctl({ QStringLiteral("status"), QStringLiteral("-n"), QStringLiteral("3"), on });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    const QString &o = run.out;
    QVERIFY2(o.startsWith(QStringLiteral("● tstverbs-on - iocdock test IOC tstverbs-on\n")),
             qPrintable(o));
    QVERIFY2(o.contains(QStringLiteral("Unit: softioc-tstverbs-on.service (loaded; ")
                        + m_sandbox.unitDir() + QStringLiteral("/softioc-tstverbs-on.service; ")),
             qPrintable(o));
    QVERIFY2(o.contains(QLatin1String("Active: active (running) since ")), qPrintable(o));
    QVERIFY2(o.contains(QStringLiteral("procServ: PID %1, console tcp:").arg(mainPid)),
             qPrintable(o));
    QVERIFY2(o.contains(QStringLiteral(":%1").arg(m_onPort)), qPrintable(o));
    QVERIFY2(o.contains(QStringLiteral("log file ") + m_onLog), qPrintable(o));
    QVERIFY2(o.contains(QStringLiteral("Child: running, PID %1").arg(childPid)), qPrintable(o));
    QVERIFY2(o.contains(QLatin1String("auto-restart ON")), qPrintable(o));
    QVERIFY2(o.contains(QLatin1String("Convention: ")), qPrintable(o));
    QVERIFY2(o.contains(QLatin1String("Restarts: ")), qPrintable(o));
    // The last three lines of procServ's log file end the block.
    QFile log(m_onLog);
    QVERIFY(log.open(QIODevice::ReadOnly));
    QStringList lines = QString::fromUtf8(log.readAll()).split(QLatin1Char('\n'));
    if (lines.last().isEmpty())
        lines.removeLast();
    QVERIFY(lines.size() >= 3);
    QVERIFY2(o.endsWith(QStringLiteral("\n\n") + lines.mid(lines.size() - 3).join(QLatin1Char('\n'))
                        + QLatin1Char('\n')),
             qPrintable(o));
}

void TestIocctlVerbs::statusStoppedAndUnknown()
{
    const Run idle = iocctl({ QStringLiteral("status"), QStringLiteral("tstverbs-idle") });
    QVERIFY2(idle.code == 3, qPrintable(idle.describe()));
    QVERIFY2(idle.out.startsWith(QStringLiteral("○ tstverbs-idle")), qPrintable(idle.out));
    QVERIFY2(idle.out.contains(QLatin1String("Active: inactive (dead)")), qPrintable(idle.out));
    QVERIFY2(idle.out.contains(QLatin1String("procServ: not running")), qPrintable(idle.out));

    // Both: one active, one not: 3; the blocks in the order named.
    const Run both = iocctl({ QStringLiteral("status"), QStringLiteral("-n"), QStringLiteral("0"),
                              QStringLiteral("tstverbs-on"), QStringLiteral("tstverbs-idle") });
    QVERIFY2(both.code == 3, qPrintable(both.describe()));
    QVERIFY2(both.out.indexOf(QLatin1String("tstverbs-on"))
                     < both.out.indexOf(QLatin1String("tstverbs-idle")),
             qPrintable(both.out));

    const Run unknown = iocctl({ QStringLiteral("status"), QStringLiteral("tstverbs-nosuch") });
    QVERIFY2(unknown.code == 4, qPrintable(unknown.describe()));
    QVERIFY2(unknown.err.contains(QLatin1String("tstverbs-nosuch")), qPrintable(unknown.err));
    QVERIFY2(unknown.err.contains(QLatin1String("iocctl --user ps -a")), qPrintable(unknown.err));
}

void TestIocctlVerbs::stopTimeoutKills()
{
    const QString ioc = QStringLiteral("tstverbs-stubborn");
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unit(ioc) }));
    QTRY_VERIFY_WITH_TIMEOUT(childRunning(ioc), 30000);

    const Run bad =
            iocctl({ QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("x"), ioc });
    QCOMPARE(bad.code, 2);

    // Nothing ends on the stop signal: systemd would wait TimeoutStopSec=300.
    const Run stop = iocctl(
            { QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("2"), ioc }, 200000);
    QVERIFY2(stop.code == 0, qPrintable(stop.describe()));
    QVERIFY2(stop.out.contains(QLatin1String("tstverbs-stubborn: not stopped after 2 s; "
                                             "systemd sends SIGKILL")),
             qPrintable(stop.out));
    QVERIFY2(stop.out.endsWith(QLatin1String("tstverbs-stubborn: stopped\n")),
             qPrintable(stop.out));
    // Well before systemd's own 300 s (bound generous for a loaded machine).
    QVERIFY2(stop.elapsedMs < 150000, qPrintable(QString::number(stop.elapsedMs)));
    // Killed: systemd's verdict on the unit (Result=signal).
    QCOMPARE(active(ioc), QStringLiteral("failed"));
    QVERIFY2(stop.out.contains(QLatin1String("tstverbs-stubborn: killed; systemd now shows its "
                                             "unit as failed")),
             qPrintable(stop.out));
    // Nothing of the unit was changed.
    QCOMPARE(m_sandbox.unitProperty(unit(ioc), QStringLiteral("TimeoutStopUSec")),
             QStringLiteral("5min"));
}

void TestIocctlVerbs::restartTimeoutKills()
{
    const QString ioc = QStringLiteral("tstverbs-stubborn");
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unit(ioc) }));
    QTRY_VERIFY_WITH_TIMEOUT(childRunning(ioc), 30000);
    const QString before = m_sandbox.unitProperty(unit(ioc), QStringLiteral("MainPID"));
    const Run restart = iocctl(
            { QStringLiteral("restart"), QStringLiteral("-t"), QStringLiteral("1"), ioc }, 200000);
    QVERIFY2(restart.code == 0, qPrintable(restart.describe()));
    QVERIFY2(restart.out.contains(QLatin1String("systemd sends SIGKILL")), qPrintable(restart.out));
    QVERIFY2(restart.out.endsWith(QLatin1String("tstverbs-stubborn: restarted\n")),
             qPrintable(restart.out));
    QCOMPARE(active(ioc), QStringLiteral("active"));
    QVERIFY(m_sandbox.unitProperty(unit(ioc), QStringLiteral("MainPID")) != before);
    QVERIFY2(restart.elapsedMs < 150000, qPrintable(QString::number(restart.elapsedMs)));
    QVERIFY(iocctl({ QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("0"), ioc },
                   200000)
                    .code
            == 0);
}

void TestIocctlVerbs::killWithAutoRestart()
{
    const QString on = QStringLiteral("tstverbs-on");
    QTRY_VERIFY_WITH_TIMEOUT(childRunning(on), 30000);
    const qint64 before = qint64(psObject(on).value(QStringLiteral("pid")).toDouble());
    const QString mainPid = m_sandbox.unitProperty(unit(on), QStringLiteral("MainPID"));

    const Run bad =
            iocctl({ QStringLiteral("kill"), QStringLiteral("-s"), QStringLiteral("NOPE"), on });
    QCOMPARE(bad.code, 2);

    const Run kill =
            iocctl({ QStringLiteral("kill"), QStringLiteral("-s"), QStringLiteral("9"), on });
    QVERIFY2(kill.code == 0, qPrintable(kill.describe()));
    QVERIFY2(kill.out.startsWith(QStringLiteral("tstverbs-on: sent SIGKILL to the IOC process "
                                                "(PID %1, child of procServ PID %2); "
                                                "auto-restart is ON")
                                         .arg(before)
                                         .arg(mainPid)),
             qPrintable(kill.out));
    // procServ stays (same MainPID), and starts a new child.
    QTRY_VERIFY_WITH_TIMEOUT(childRunning(on)
                                     && qint64(psObject(on).value(QStringLiteral("pid")).toDouble())
                                             != before,
                             30000);
    QCOMPARE(m_sandbox.unitProperty(unit(on), QStringLiteral("MainPID")), mainPid);
}

void TestIocctlVerbs::killWithoutAutoRestart()
{
    const QString off = QStringLiteral("tstverbs-off");
    QTRY_VERIFY_WITH_TIMEOUT(childRunning(off), 30000);
    const QString mainPid = m_sandbox.unitProperty(unit(off), QStringLiteral("MainPID"));
    // procServ starts its child with SIGTERM blocked: nothing is sent, and iocctl says why.
    const Run term = iocctl(
            { QStringLiteral("kill"), QStringLiteral("-s"), QStringLiteral("SIGTERM"), off });
    QVERIFY2(term.code == 1, qPrintable(term.describe()));
    QVERIFY2(term.err.contains(QLatin1String("blocks SIGTERM")), qPrintable(term.err));
    QVERIFY2(term.err.contains(QLatin1String("-s KILL")), qPrintable(term.err));
    QVERIFY(childRunning(off));

    const Run kill = iocctl({ QStringLiteral("kill"), off }); // KILL
    QVERIFY2(kill.code == 0, qPrintable(kill.describe()));
    QVERIFY2(kill.out.contains(QLatin1String("sent SIGKILL to the IOC process")),
             qPrintable(kill.out));
    QVERIFY2(kill.out.contains(QLatin1String("auto-restart is OFF")), qPrintable(kill.out));
    // The child stays down, procServ and its unit stay up.
    QTRY_COMPARE_WITH_TIMEOUT(psObject(off).value(QStringLiteral("childState")).toString(),
                              QStringLiteral("shutdown"), 30000);
    QCOMPARE(active(off), QStringLiteral("active"));
    QCOMPARE(m_sandbox.unitProperty(unit(off), QStringLiteral("MainPID")), mainPid);
    // Nothing left to signal.
    const Run again = iocctl({ QStringLiteral("kill"), off });
    QVERIFY2(again.code == 1, qPrintable(again.describe()));
    QVERIFY2(again.err.contains(QLatin1String("tstverbs-off")), qPrintable(again.err));
}

void TestIocctlVerbs::catShowsUnitAndDropIns()
{
    const QString dir = m_sandbox.unitDir() + QStringLiteral("/softioc-tstverbs-on.service.d");
    QVERIFY(QDir().mkpath(dir));
    QFile dropIn(dir + QStringLiteral("/50-test.conf"));
    QVERIFY(dropIn.open(QIODevice::WriteOnly));
    dropIn.write("[Service]\nEnvironment=TSTVERBS=1\n");
    dropIn.close();
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("daemon-reload") }));

    QFile unitFile(m_sandbox.unitDir() + QStringLiteral("/softioc-tstverbs-on.service"));
    QVERIFY(unitFile.open(QIODevice::ReadOnly));
    const QString expected = QStringLiteral("# ") + unitFile.fileName() + QLatin1Char('\n')
            + QString::fromUtf8(unitFile.readAll()) + QStringLiteral("\n# ") + dropIn.fileName()
            + QStringLiteral("\n[Service]\nEnvironment=TSTVERBS=1\n");
    const Run cat = iocctl({ QStringLiteral("cat"), QStringLiteral("tstverbs-on") });
    QVERIFY2(cat.code == 0, qPrintable(cat.describe()));
    QCOMPARE(cat.out, expected);

    // A stopped IOC systemd has not loaded.
    const Run idle = iocctl({ QStringLiteral("cat"), QStringLiteral("tstverbs-idle") });
    QVERIFY2(idle.code == 0, qPrintable(idle.describe()));
    QVERIFY2(idle.out.startsWith(QStringLiteral("# ") + m_sandbox.unitDir()
                                 + QStringLiteral("/softioc-tstverbs-idle.service\n")),
             qPrintable(idle.out));

    const Run unknown = iocctl({ QStringLiteral("cat"), QStringLiteral("tstverbs-nosuch") });
    QCOMPARE(unknown.code, 3);
}

void TestIocctlVerbs::catShowsConventionConfig()
{
    // An NSLS-II manage-iocs IOC as iocctl create writes it: a unit and BASE/NAME/config.
    const QString name = QStringLiteral("tstverbs-nsls");
    const Run create = iocctl({ QStringLiteral("create"), QStringLiteral("--convention"),
                                QStringLiteral("manage-iocs"), QStringLiteral("--port"),
                                QStringLiteral("auto"), name, QStringLiteral("--"),
                                Sandbox::iocsimPath(), QStringLiteral("--name"), name });
    QVERIFY2(create.code == 0, qPrintable(create.describe()));
    m_units << unit(name);
    QString config;
    for (const QString &line : create.out.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("wrote ")) && line.endsWith(QLatin1String("/config")))
            config = line.mid(6);
    }
    QVERIFY2(QFileInfo::exists(config), qPrintable(create.out));
    QFile file(config);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString configText = QString::fromUtf8(file.readAll());

    const Run cat = iocctl({ QStringLiteral("cat"), name });
    QVERIFY2(cat.code == 0, qPrintable(cat.describe()));
    QVERIFY2(cat.out.startsWith(QStringLiteral("# ") + m_sandbox.unitDir()
                                + QStringLiteral("/softioc-tstverbs-nsls.service\n")),
             qPrintable(cat.out));
    QVERIFY2(cat.out.endsWith(QStringLiteral("\n# ") + config + QLatin1Char('\n') + configText),
             qPrintable(cat.out));

    // status names the config file too.
    const Run status =
            iocctl({ QStringLiteral("status"), QStringLiteral("-n"), QStringLiteral("0"), name });
    QVERIFY2(status.code == 3, qPrintable(status.describe()));
    QVERIFY2(status.out.contains(QStringLiteral("Config: ") + config), qPrintable(status.out));
    QVERIFY2(status.out.contains(QLatin1String("Convention: manage-iocs")), qPrintable(status.out));

    const Run rm = iocctl({ QStringLiteral("rm"), name });
    QVERIFY2(rm.code == 0, qPrintable(rm.describe()));
    QDir(QFileInfo(config).path()).removeRecursively();
}

void TestIocctlVerbs::hints()
{
    const Run start = iocctl({ QStringLiteral("start"), QStringLiteral("tstverbs-nosuch") });
    QVERIFY2(start.code == 3, qPrintable(start.describe()));
    QVERIFY2(start.err.contains(QLatin1String("hint: see 'iocctl --user ps -a'")),
             qPrintable(start.err));

    // No system bus where this process looks for it: iocctl suggests --user.
    QProcess process;
    process.setProgram(Sandbox::binPath(QStringLiteral("iocctl")));
    process.setArguments({ QStringLiteral("ps") });
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("IOCCTL_HOST"));
    env.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"),
               QStringLiteral("unix:path=") + m_sandbox.dir() + QStringLiteral("/no-such-bus"));
    process.setProcessEnvironment(env);
    process.start();
    QVERIFY(process.waitForFinished(60000));
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(process.exitCode() == 4, qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("did you mean --user?")), qPrintable(err));
}

QTEST_GUILESS_MAIN(TestIocctlVerbs)
#include "tst_iocctlverbs.moc"
