// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// iocctl against two "remote hosts" over real SSH (tools/sshd-sandbox in front of two
// tools/sandbox managers): one table across hosts, actions, exec, attach, logs, inspect, and
// the failures a user meets (a silent host, a refused key).
#include "tests/common/sandbox.h"
#include "tests/remote/remotehosts.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTemporaryFile>
#include <QTest>

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
    qint64 msecs = 0;
    QString describe() const
    {
        // stderr first: QTest cuts long messages, and the reason is there.
        return QStringLiteral("exit %1\n--- stderr\n%2\n--- stdout\n%3")
                .arg(code)
                .arg(QString::fromUtf8(err), QString::fromUtf8(out));
    }
};

Run iocctl(const QStringList &args, int timeoutMs = 60000)
{
    QProcess process;
    process.setStandardInputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start(Sandbox::binPath(QStringLiteral("iocctl")), args);
    Run run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        run.err = "timed out";
        return run;
    }
    run.msecs = timer.elapsed();
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QString unitOf(const QString &name)
{
    return QStringLiteral("rmtcli-") + name + QStringLiteral(".service");
}

} // namespace

class TestIocctlRemote : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void psAcrossHostsFromAHostsFile();
    void filterByHost();
    void stopAndStartOnARemoteHost();
    void execOverSsh();
    void execOnManyForwardsTogether();
    void execWithConsoleFromRemoteEnvironmentFile();
    void hostQualifiedNameAcrossHosts();
    void attachOverSsh();
    void logsOverSsh();
    void inspectOverSsh();
    void unloadedIocFoundByItsFileOverSsh();
    void runningIocWithRefusedFileKeepsItsRowOverSsh();
    void silentHostIsBoundedAndTheOthersAreListed();
    void authenticationFailureIsClear();
    void badHostsFileIsAUsageError();

private:
    RemoteHosts m_hosts;
};

void TestIocctlRemote::initTestCase()
{
    // They follow no convention: name them so stopped (unloaded) ones are found too.
    qputenv("IOCDOCK_UNIT_PATTERNS", "rmtcli-*.service");
    QString error;
    QVERIFY2(m_hosts.start(2, &error), qPrintable(error));
    for (int i = 0; i < 2; ++i) {
        const QString name = QStringLiteral("cli%1").arg(i);
        const QString rt = m_hosts.runtimeDir(i);
        QVERIFY(m_hosts.installUnit(
                i, unitOf(name),
                Sandbox::procServUnit(name,
                                      { QStringLiteral("--logfile"),
                                        rt + QLatin1Char('/') + name + QStringLiteral(".log"),
                                        QStringLiteral("--port"),
                                        QStringLiteral("unix:") + rt + QLatin1Char('/') + name
                                                + QStringLiteral(".sock") })));
        QVERIFY(m_hosts.systemctl(i, { QStringLiteral("start"), unitOf(name) }));
    }
}

void TestIocctlRemote::cleanupTestCase()
{
    m_hosts.stop();
}

void TestIocctlRemote::psAcrossHostsFromAHostsFile()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(QStringLiteral("# the test hosts\n%1\n\n  %2   # second\n")
                       .arg(m_hosts.spec(0), m_hosts.spec(1))
                       .toUtf8());
    file.close();
    const Run run = iocctl({ QStringLiteral("--hosts"), file.fileName(), QStringLiteral("ps") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    qInfo("iocctl ps over two ssh hosts: %lld ms", static_cast<long long>(run.msecs));
    const QList<QByteArray> lines = run.out.split('\n');
    QVERIFY2(lines.first().startsWith("HOST "), run.out.constData());
    bool a = false;
    bool b = false;
    for (const QByteArray &line : lines) {
        const QString text = QString::fromUtf8(line).simplified();
        a = a || text.startsWith(m_hosts.spec(0) + QStringLiteral(" rmtcli-cli0 Up "));
        b = b || text.startsWith(m_hosts.spec(1) + QStringLiteral(" rmtcli-cli1 Up "));
    }
    QVERIFY2(a && b, run.out.constData());
}

void TestIocctlRemote::filterByHost()
{
    const Run run =
            iocctl({ QStringLiteral("-H"), m_hosts.spec(0), QStringLiteral("-H"), m_hosts.spec(1),
                     QStringLiteral("ps"), QStringLiteral("-q"), QStringLiteral("--filter"),
                     QStringLiteral("host=") + m_hosts.spec(1) });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QCOMPARE(run.out, QByteArray("rmtcli-cli1\n"));
}

void TestIocctlRemote::stopAndStartOnARemoteHost()
{
    const Run stop = iocctl({ QStringLiteral("-H"), m_hosts.spec(1), QStringLiteral("stop"),
                              QStringLiteral("rmtcli-cli1") });
    QVERIFY2(stop.code == 0, qPrintable(stop.describe()));
    QCOMPARE(m_hosts.unitProperty(1, unitOf(QStringLiteral("cli1")), QStringLiteral("ActiveState")),
             QStringLiteral("inactive"));
    const Run start = iocctl({ QStringLiteral("-H"), m_hosts.spec(1), QStringLiteral("start"),
                               QStringLiteral("rmtcli-cli1") });
    QVERIFY2(start.code == 0, qPrintable(start.describe()));
    QCOMPARE(m_hosts.unitProperty(1, unitOf(QStringLiteral("cli1")), QStringLiteral("ActiveState")),
             QStringLiteral("active"));
}

void TestIocctlRemote::execOverSsh()
{
    const Run run =
            iocctl({ QStringLiteral("-H"), m_hosts.spec(0), QStringLiteral("exec"),
                     QStringLiteral("rmtcli-cli0"), QStringLiteral("--"), QStringLiteral("dbl") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QVERIFY2(run.out.contains("cli0:"), run.out.constData());
    qInfo("iocctl exec over ssh: %lld ms", static_cast<long long>(run.msecs));
}

void TestIocctlRemote::execOnManyForwardsTogether()
{
    // `exec` on several IOCs of a host, two at a time: every reply its own IOC's, and all their
    // consoles made reachable at the start with one ssh -O forward (not one per IOC, or per
    // pair: at 20 × 50 that was two processes per IOC).
    constexpr int count = 5;
    const QString rt = m_hosts.runtimeDir(1);
    for (int n = 0; n < count; ++n) {
        const QString name = QStringLiteral("fan%1").arg(n);
        QVERIFY(m_hosts.installUnit(
                1, unitOf(name),
                Sandbox::procServUnit(name,
                                      { QStringLiteral("--port"),
                                        QStringLiteral("unix:") + rt + QLatin1Char('/') + name
                                                + QStringLiteral(".sock") })));
        QVERIFY(m_hosts.systemctl(1, { QStringLiteral("start"), unitOf(name) }));
    }
    const auto cleanupUnits = qScopeGuard([this] {
        for (int n = 0; n < count; ++n) {
            const QString unit = unitOf(QStringLiteral("fan%1").arg(n));
            m_hosts.systemctl(1, { QStringLiteral("stop"), unit });
            m_hosts.removeUnit(1, unit);
        }
    });
    SshCallLog ssh;
    QVERIFY(ssh.isValid());
    const Run run =
            iocctl({ QStringLiteral("-H"), m_hosts.spec(1), QStringLiteral("exec"),
                     QStringLiteral("-f"), QStringLiteral("name=rmtcli-fan*"),
                     QStringLiteral("--parallel"), QStringLiteral("2"), QStringLiteral("--format"),
                     QStringLiteral("json"), QStringLiteral("--"), QStringLiteral("dbl") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    const QJsonArray replies = QJsonDocument::fromJson(run.out).array();
    QCOMPARE(replies.size(), count);
    for (const QJsonValue &value : replies) {
        const QJsonObject reply = value.toObject();
        const QString name = reply.value(QStringLiteral("name")).toString();
        QCOMPARE(reply.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        // iocsim answers dbl with NAME:ai1 …; the unit's IOC name is its own.
        QVERIFY2(reply.value(QStringLiteral("output"))
                         .toString()
                         .contains(name.mid(int(qstrlen("rmtcli-"))) + QLatin1Char(':')),
                 qPrintable(run.describe()));
    }
    const int forwards = ssh.count({ "-O forward" });
    qInfo("exec on %d IOCs of one host: %d ssh -O forward, %d ssh -O cancel", count, forwards,
          ssh.count({ "-O cancel" }));
    QVERIFY2(forwards == 1, ssh.calls().join('\n').constData());
    for (int n = 0; n < count; ++n) {
        QCOMPARE(ssh.count({ "-O forward",
                             QByteArray(':' + rt.toUtf8() + "/fan" + QByteArray::number(n)
                                        + ".sock ") }),
                 1);
    }
}

void TestIocctlRemote::hostQualifiedNameAcrossHosts()
{
    // HOST/NAME picks the IOC of that host among several; the wrong host is not searched.
    const QStringList hosts{ QStringLiteral("-H"), m_hosts.spec(0), QStringLiteral("-H"),
                             m_hosts.spec(1) };
    const Run run = iocctl(hosts
                           + QStringList{ QStringLiteral("exec"),
                                          m_hosts.spec(1) + QStringLiteral("/rmtcli-cli1"),
                                          QStringLiteral("--"), QStringLiteral("dbl") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QVERIFY2(run.out.contains("cli1:"), run.out.constData());
    const Run wrong = iocctl(hosts
                             + QStringList{ QStringLiteral("exec"),
                                            m_hosts.spec(0) + QStringLiteral("/rmtcli-cli1"),
                                            QStringLiteral("--"), QStringLiteral("dbl") });
    QVERIFY2(wrong.code != 0, qPrintable(wrong.describe()));
    QVERIFY2(wrong.err.contains("No such IOC"), qPrintable(wrong.describe()));
}

void TestIocctlRemote::execWithConsoleFromRemoteEnvironmentFile()
{
    // The console is only named in an environment file on the host: iocctl reads it there.
    const QString envFile = m_hosts.sandboxDir(0) + QStringLiteral("/rmtcli-env.conf");
    const QString socket = m_hosts.runtimeDir(0) + QStringLiteral("/envcli.sock");
    QFile file(envFile);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("IOC_PORT=unix:" + socket.toUtf8() + '\n');
    file.close();
    QVERIFY(m_hosts.installUnit(
            0, unitOf(QStringLiteral("envcli")),
            Sandbox::procServUnit(QStringLiteral("envcli"),
                                  { QStringLiteral("--port"), QStringLiteral("${IOC_PORT}") }, {},
                                  { QStringLiteral("EnvironmentFile=") + envFile })));
    QVERIFY(m_hosts.systemctl(0, { QStringLiteral("start"), unitOf(QStringLiteral("envcli")) }));

    const Run inspect = iocctl({ QStringLiteral("-H"), m_hosts.spec(0), QStringLiteral("inspect"),
                                 QStringLiteral("rmtcli-envcli") });
    QVERIFY2(inspect.code == 0, qPrintable(inspect.describe()));
    const QJsonDocument doc = QJsonDocument::fromJson(inspect.out);
    const QJsonObject ioc = doc.isArray() ? doc.array().first().toObject() : doc.object();
    QCOMPARE(ioc.value(QStringLiteral("console")).toString(), QStringLiteral("unix:") + socket);

    const Run run = iocctl({ QStringLiteral("-H"), m_hosts.spec(0), QStringLiteral("exec"),
                             QStringLiteral("rmtcli-envcli"), QStringLiteral("--"),
                             QStringLiteral("dbl") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QVERIFY2(run.out.contains("envcli:"), run.out.constData());
    m_hosts.removeUnit(0, unitOf(QStringLiteral("envcli")));
}

void TestIocctlRemote::attachOverSsh()
{
    QProcess process;
    process.start(Sandbox::binPath(QStringLiteral("iocctl")),
                  { QStringLiteral("-H"), m_hosts.spec(0), QStringLiteral("attach"),
                    QStringLiteral("rmtcli-cli0") });
    QVERIFY(process.waitForStarted(10000));
    QByteArray output;
    QElapsedTimer timer;
    timer.start();
    auto waitFor = [&](const QByteArray &text) {
        while (!output.contains(text) && timer.elapsed() < 20000) {
            process.waitForReadyRead(200);
            output += process.readAllStandardOutput();
        }
        return output.contains(text);
    };
    QVERIFY2(waitFor("Welcome to procServ"), output.constData());
    process.write("echo remote-attach-marker\r");
    QVERIFY2(waitFor("\nremote-attach-marker"), output.constData());
    process.write("\x1d"); // Ctrl-] detaches
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 0);
}

void TestIocctlRemote::logsOverSsh()
{
    const Run run =
            iocctl({ QStringLiteral("-H"), m_hosts.spec(0), QStringLiteral("logs"),
                     QStringLiteral("-n"), QStringLiteral("100"), QStringLiteral("rmtcli-cli0") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QVERIFY2(run.out.contains("iocInit"), run.out.constData());
}

void TestIocctlRemote::inspectOverSsh()
{
    const Run run = iocctl({ QStringLiteral("-H"), m_hosts.spec(1), QStringLiteral("inspect"),
                             QStringLiteral("rmtcli-cli1") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    const QJsonDocument doc = QJsonDocument::fromJson(run.out);
    const QJsonObject ioc = doc.isArray() ? doc.array().first().toObject() : doc.object();
    QCOMPARE(ioc.value(QStringLiteral("host")).toString(), m_hosts.spec(1));
    QCOMPARE(ioc.value(QStringLiteral("childState")).toString(), QStringLiteral("running"));
}

void TestIocctlRemote::unloadedIocFoundByItsFileOverSsh()
{
    // A name that fits no convention nor IOCDOCK_UNIT_PATTERNS, never started: only its file
    // (read through ssh, never executed) says it runs procServ.
    const QString unit = QStringLiteral("beamrmt-7.service");
    const QString socket = m_hosts.runtimeDir(1) + QStringLiteral("/beamrmt-7.sock");
    QVERIFY(m_hosts.installUnit(
            1, unit,
            Sandbox::procServUnit(QStringLiteral("beamrmt-7"),
                                  { QStringLiteral("--port"), QStringLiteral("unix:") + socket })));
    const Run ps =
            iocctl({ QStringLiteral("-H"), m_hosts.spec(1), QStringLiteral("ps"),
                     QStringLiteral("-a"), QStringLiteral("--format"), QStringLiteral("json") });
    QVERIFY2(ps.code == 0, qPrintable(ps.describe()));
    QJsonObject found;
    for (const QJsonValue &value : QJsonDocument::fromJson(ps.out).array()) {
        if (value.toObject().value(QStringLiteral("unit")).toString() == unit)
            found = value.toObject();
    }
    QVERIFY2(!found.isEmpty(), qPrintable(ps.describe()));
    QCOMPARE(found.value(QStringLiteral("name")).toString(), QStringLiteral("beamrmt-7"));
    QCOMPARE(found.value(QStringLiteral("status")).toString(), QStringLiteral("exited"));
    QCOMPARE(found.value(QStringLiteral("console")).toString(), QStringLiteral("unix:") + socket);
    // Listing read the file; systemd did not load the unit.
    QCOMPARE(m_hosts.unitProperty(1, unit, QStringLiteral("ActiveState")),
             QStringLiteral("inactive"));

    const Run start = iocctl({ QStringLiteral("-H"), m_hosts.spec(1), QStringLiteral("start"),
                               QStringLiteral("beamrmt-7") });
    QVERIFY2(start.code == 0, qPrintable(start.describe()));
    QCOMPARE(m_hosts.unitProperty(1, unit, QStringLiteral("ActiveState")),
             QStringLiteral("active"));
    m_hosts.systemctl(1, { QStringLiteral("stop"), unit });
    m_hosts.removeUnit(1, unit);
}

void TestIocctlRemote::runningIocWithRefusedFileKeepsItsRowOverSsh()
{
    // Started, then its file rewritten into one systemd refuses (bad-setting): procServ runs
    // on, and its command line (/proc/MAINPID/cmdline, read through ssh) still names it.
    const QString unit = QStringLiteral("beamrmt-8.service");
    const QString socket = m_hosts.runtimeDir(1) + QStringLiteral("/beamrmt-8.sock");
    const QString good =
            Sandbox::procServUnit(QStringLiteral("beamrmt-8"),
                                  { QStringLiteral("--port"), QStringLiteral("unix:") + socket });
    QVERIFY(m_hosts.installUnit(1, unit, good));
    QVERIFY(m_hosts.systemctl(1, { QStringLiteral("start"), unit }));
    // Another socket in the refused file: what runs is still on the first one.
    const QString refused = Sandbox::procServUnit(QStringLiteral("beamrmt-8"),
                                                  { QStringLiteral("--port"),
                                                    QStringLiteral("unix:") + m_hosts.runtimeDir(1)
                                                            + QStringLiteral("/other.sock") })
            + QStringLiteral("Type=oneshot\nRestart=always\n");
    QVERIFY(m_hosts.installUnit(1, unit, refused));
    QCOMPARE(m_hosts.unitProperty(1, unit, QStringLiteral("LoadState")),
             QStringLiteral("bad-setting"));
    const Run ps = iocctl({ QStringLiteral("-H"), m_hosts.spec(1), QStringLiteral("ps"),
                            QStringLiteral("--format"), QStringLiteral("json") });
    QVERIFY2(ps.code == 0, qPrintable(ps.describe()));
    QJsonObject found;
    for (const QJsonValue &value : QJsonDocument::fromJson(ps.out).array()) {
        if (value.toObject().value(QStringLiteral("unit")).toString() == unit)
            found = value.toObject();
    }
    QVERIFY2(!found.isEmpty(), qPrintable(ps.describe()));
    QCOMPARE(found.value(QStringLiteral("status")).toString(), QStringLiteral("running"));
    QCOMPARE(found.value(QStringLiteral("console")).toString(), QStringLiteral("unix:") + socket);
    QVERIFY2(ps.err.contains(unit.toUtf8()) && ps.err.contains("bad-setting"),
             qPrintable(ps.describe()));
    m_hosts.systemctl(1, { QStringLiteral("stop"), unit });
    m_hosts.removeUnit(1, unit);
}

void TestIocctlRemote::silentHostIsBoundedAndTheOthersAreListed()
{
    // Accepted by the kernel, never answered: ssh waits for a banner that never comes.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    silent.pauseAccepting();
    const QString dead = QStringLiteral("root@127.0.0.1:%1").arg(silent.serverPort());
    const Run run =
            iocctl({ QStringLiteral("--connect-timeout"), QStringLiteral("3"), QStringLiteral("-H"),
                     m_hosts.spec(0), QStringLiteral("-H"), dead, QStringLiteral("ps") });
    qInfo("with a silent host: %lld ms", static_cast<long long>(run.msecs));
    QVERIFY2(run.msecs < 8000, qPrintable(run.describe()));
    QVERIFY2(run.code == 4 || run.code == 5, qPrintable(run.describe()));
    QVERIFY2(run.out.contains("rmtcli-cli0"), qPrintable(run.describe()));
    QVERIFY2(run.err.contains(dead.toUtf8()), qPrintable(run.describe()));
}

void TestIocctlRemote::authenticationFailureIsClear()
{
    const QString spec = QStringLiteral("nobody@127.0.0.1:%1/user").arg(m_hosts.port(0));
    const Run run = iocctl({ QStringLiteral("-H"), spec, QStringLiteral("ps") });
    QCOMPARE(run.code, 4);
    QVERIFY2(run.err.contains(QByteArray(QByteArray("Authentication failed for ") + spec.toUtf8())),
             qPrintable(run.describe()));
    QVERIFY2(run.err.contains("Permission denied (publickey)"), qPrintable(run.describe()));
}

void TestIocctlRemote::badHostsFileIsAUsageError()
{
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write("good-host\nbad host:99999\n");
    file.close();
    const Run run = iocctl({ QStringLiteral("--hosts"), file.fileName(), QStringLiteral("ps") });
    QCOMPARE(run.code, 2);
    QVERIFY2(run.err.contains(":2: bad host"), qPrintable(run.describe()));
    const Run bad = iocctl(
            { QStringLiteral("-H"), QStringLiteral("-oProxyCommand=x"), QStringLiteral("ps") });
    QCOMPARE(bad.code, 2);
}

QTEST_GUILESS_MAIN(TestIocctlRemote)
#include "tst_iocctlremote.moc"
