// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// A remote host's container engine over SSH, against the real things: two "remote hosts"
// (tools/sshd-sandbox on 127.0.0.1 in front of tools/sandbox), and a real Podman API service on
// the first one's rootless Podman socket ($XDG_RUNTIME_DIR/podman/podman.sock of its login
// environment), serving the storage of the podman sandbox that tools/run-tests starts. The
// second host has no engine. Under run-tests a missing podman sandbox fails the test; a plain
// ctest run skips it.
#include "core/containers/containertypes.h"
#include "core/containers/engineclient.h"
#include "core/fleet/fleet.h"
#include "core/hosts/host.h"
#include "core/ioc/containerruntime.h"
#include "tests/common/sandbox.h"
#include "tests/remote/remotehosts.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryFile>
#include <QTest>

namespace {

// Bounds for a loaded 2-core machine.
constexpr int CallTimeoutMs = 60000;
constexpr int ReconnectTimeoutMs = 120000;

struct Run
{
    int code = -1;
    QString out;
    QString err;
    QString describe() const
    {
        return QStringLiteral("exit %1\n--- stderr\n%2\n--- stdout\n%3").arg(code).arg(err, out);
    }
};

Run iocctl(const QStringList &args, bool containers = true)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (containers)
        env.remove(QStringLiteral("IOCDOCK_CONTAINERS")); // discovery on, as for a user
    else
        env.insert(QStringLiteral("IOCDOCK_CONTAINERS"), QStringLiteral("0"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(Sandbox::binPath(QStringLiteral("iocctl")), args);
    Run run;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished(5000);
        run.err = QStringLiteral("timed out");
        return run;
    }
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestRemoteContainers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void remoteHostListsItsContainers();
    void startAndStopThroughTheRemoteEngine();
    void hostLostShowsUnknownAndComesBack();
    void iocctlPsShowsRemoteContainers();
    void removingTheHostCancelsTheForward();

private:
    bool havePodman();
    QString waitFor(const std::function<void(std::function<void(const QString &)>)> &call);
    Ioc row() const;
    JobResult act(UnitAction action);

    RemoteHosts m_hosts;
    QString m_sandbox; // the podman sandbox
    QString m_remoteSocket; // host 0's $XDG_RUNTIME_DIR/podman/podman.sock
    QProcess *m_service = nullptr; // the Podman API service on m_remoteSocket
    EngineClient *m_client = nullptr; // straight to the podman sandbox (behind iocdock's back)
    QString m_containerId;
    QString m_name; // the IOC name (label iocdock.ioc) of the container
    Fleet *m_fleet = nullptr;
    QPointer<Host> m_withEngine;
    QPointer<Host> m_withoutEngine;
    QList<QVariantList> m_errors; // hostErrorOccurred of the fleet
};

bool TestRemoteContainers::havePodman()
{
    if (!m_sandbox.isEmpty())
        return true;
    if (qEnvironmentVariableIntValue("IOCDOCK_RUN_TESTS") == 1)
        QTest::qFail("tools/run-tests provided no podman sandbox (IOCDOCK_PODMAN_SANDBOX is not "
                     "set): is podman installed (tools/install-deps)?",
                     __FILE__, __LINE__);
    else
        QTest::qSkip("no podman sandbox: run under tools/run-tests", __FILE__, __LINE__);
    return false;
}

#define REQUIRE_PODMAN()   \
    do {                   \
        if (!havePodman()) \
            return;        \
    } while (false)

QString
TestRemoteContainers::waitFor(const std::function<void(std::function<void(const QString &)>)> &call)
{
    bool done = false;
    QString error = QStringLiteral("no answer");
    call([&](const QString &e) {
        error = e;
        done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs); }();
    return error;
}

void TestRemoteContainers::initTestCase()
{
    m_sandbox = qEnvironmentVariable("IOCDOCK_PODMAN_SANDBOX");
    REQUIRE_PODMAN();
    const QString image = qEnvironmentVariable("IOCDOCK_PODMAN_IMAGE",
                                               QStringLiteral("localhost/iocdock-test:latest"));
    QString error;
    QVERIFY2(m_hosts.start(2, &error), qPrintable(error));

    // Where rootless Podman's socket unit listens, in host 0's login environment (sshd-sandbox
    // gives its sessions the sandbox's XDG_RUNTIME_DIR). The service shares the podman
    // sandbox's storage (podman locks it), so containers made there are this engine's too.
    QVERIFY(QDir().mkpath(m_hosts.runtimeDir(0) + QStringLiteral("/podman")));
    m_remoteSocket = m_hosts.runtimeDir(0) + QStringLiteral("/podman/podman.sock");
    m_service = new QProcess(this);
    m_service->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_service->start(qEnvironmentVariable("IOCDOCK_SOURCE_DIR")
                             + QStringLiteral("/tools/podman-sandbox"),
                     { QStringLiteral("podman"), m_sandbox, QStringLiteral("system"),
                       QStringLiteral("service"), QStringLiteral("--time=0"),
                       QStringLiteral("unix://") + m_remoteSocket });
    QVERIFY(m_service->waitForStarted(CallTimeoutMs));
    // The socket exists once the service listens (no signal tells more).
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(m_remoteSocket), CallTimeoutMs);
    EngineClient probe(m_remoteSocket);
    error = waitFor([&](std::function<void(const QString &)> done) {
        probe.version(this, [done](const EngineVersion &, const QString &e) { done(e); });
    });
    QVERIFY2(error.isEmpty(), qPrintable(error));

    m_client = new EngineClient(qEnvironmentVariable("IOCDOCK_PODMAN_SOCKET"), this);
    m_name = QStringLiteral("rmtctr-%1").arg(QCoreApplication::applicationPid());
    QJsonObject config;
    config.insert(QStringLiteral("Image"), image);
    config.insert(QStringLiteral("Cmd"),
                  QJsonArray{ QStringLiteral("/bin/sleep"), QStringLiteral("100000") });
    config.insert(QStringLiteral("Labels"),
                  QJsonObject{ { QLatin1String(ContainerLabels::IocName), m_name } });
    config.insert(QStringLiteral("HostConfig"),
                  QJsonObject{ { QStringLiteral("NetworkMode"), QStringLiteral("none") } });
    error = waitFor([&](std::function<void(const QString &)> done) {
        m_client->createContainer(
                QStringLiteral("iocdock-tst-%1-remote").arg(QCoreApplication::applicationPid()),
                config, this, [this, done](const QString &id, const QString &e) {
                    m_containerId = id;
                    done(e);
                });
    });
    QVERIFY2(error.isEmpty(), qPrintable(error));
    error = waitFor([&](std::function<void(const QString &)> done) {
        m_client->startContainer(m_containerId, this, done);
    });
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestRemoteContainers::cleanupTestCase()
{
    delete m_fleet;
    m_fleet = nullptr;
    if (m_client && !m_containerId.isEmpty()) {
        waitFor([&](std::function<void(const QString &)> done) {
            m_client->removeContainer(m_containerId, true, this, done);
        });
    }
    if (m_service && m_service->state() != QProcess::NotRunning) {
        m_service->terminate();
        if (!m_service->waitForFinished(CallTimeoutMs)) {
            m_service->kill();
            m_service->waitForFinished(5000);
        }
    }
    m_hosts.stop();
}

Ioc TestRemoteContainers::row() const
{
    if (!m_fleet)
        return {};
    for (const Ioc &ioc : m_fleet->iocs()) {
        if (ioc.name == m_name)
            return ioc;
    }
    return {};
}

JobResult TestRemoteContainers::act(UnitAction action)
{
    const Ioc ioc = row();
    IocRuntime *runtime = m_fleet->runtimeFor(ioc);
    JobResult result;
    result.message = QStringLiteral("no runtime for %1").arg(ioc.key());
    if (!runtime)
        return result;
    bool done = false;
    runtime->run(action, ioc.key(), this, [&](const JobResult &r) {
        result = r;
        done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs); }();
    return result;
}

void TestRemoteContainers::remoteHostListsItsContainers()
{
    REQUIRE_PODMAN();
    m_fleet = new Fleet(this);
    m_fleet->setContainerDiscovery(true); // the test environment turns it off (tests/CMakeLists)
    m_fleet->setHostSetup([](Host *host) { host->setAutoReconnect(true); });
    connect(m_fleet, &Fleet::hostErrorOccurred, this, [this](Host *host, const QString &message) {
        m_errors << QVariantList{ host ? host->id() : QString(), message };
    });
    SshCallLog ssh; // what ssh runs on the hosts
    QVERIFY(ssh.isValid());
    QElapsedTimer timer;
    timer.start();
    m_withEngine = m_fleet->addHost(m_hosts.spec(0));
    m_withoutEngine = m_fleet->addHost(m_hosts.spec(1));
    QVERIFY(m_withEngine && m_withoutEngine);
    // Nothing is known of a remote engine before the host is connected.
    QCOMPARE(m_fleet->runtimes(m_withEngine).size(), 1);
    qint64 connected = -1;
    // Context on this frame: the connection ends with it (the host lives on in later tests,
    // and its state changes then must not reach these locals; ASan saw that).
    QObject frame;
    connect(m_withEngine, &Host::stateChanged, &frame, [&] {
        if (connected < 0 && m_withEngine->state() == Host::State::Connected)
            connected = timer.elapsed();
    });
    QTRY_VERIFY_WITH_TIMEOUT(m_fleet->isReady(), CallTimeoutMs);
    qInfo("two SSH hosts: host 0 connected after %lld ms, both listed with the engine's rows "
          "after %lld ms",
          static_cast<long long>(connected), static_cast<long long>(timer.elapsed()));
    QCOMPARE(m_withEngine->state(), Host::State::Connected);
    QCOMPARE(m_withoutEngine->state(), Host::State::Connected);

    // Host 0: its systemd runtime, then the engine found on it, reached through a local socket
    // its SSH master forwards (not the remote path, and not a TCP port).
    const QList<IocRuntime *> runtimes = m_fleet->runtimes(m_withEngine);
    QCOMPARE(runtimes.size(), 2);
    auto *containers = qobject_cast<ContainerRuntime *>(runtimes.at(1));
    QVERIFY(containers);
    QVERIFY(containers->socketPath() != m_remoteSocket);
    QVERIFY2(containers->socketPath().startsWith(Host::sshRuntimeDir() + QLatin1Char('/')),
             qPrintable(containers->socketPath()));
    QVERIFY(QFileInfo(containers->socketPath()).exists());
    const Ioc ioc = row();
    QVERIFY2(ioc.isContainer(), qPrintable(m_name));
    QCOMPARE(ioc.host, m_withEngine->id());
    QCOMPARE(ioc.runtime, QStringLiteral("podman"));
    QCOMPARE(ioc.status(), QStringLiteral("running"));
    QCOMPARE(m_fleet->hostFor(ioc), m_withEngine.data());
    QCOMPARE(m_fleet->runtimeFor(ioc), containers);
    QCOMPARE(m_fleet->listingError(m_withEngine), QString());
    // The engine was looked for in the login that checked each host: no ssh of its own.
    QCOMPARE(ssh.count({ "DOCKER_HOST" }), 2);
    QCOMPARE(ssh.count({ "DOCKER_HOST", "systemd-stdio-bridge >/dev/null" }), 2);

    // Host 1 has no engine: no container runtime, no container row, not a word of error. (When
    // this machine itself runs a system engine, host 1 reaches that one: then it is skipped.)
    if (QFileInfo::exists(QStringLiteral("/run/podman/podman.sock"))
        || QFileInfo::exists(QStringLiteral("/var/run/docker.sock"))) {
        QSKIP("this machine has a system engine socket: host 1 is not without an engine");
    }
    QCOMPARE(m_fleet->runtimes(m_withoutEngine).size(), 1);
    for (const Ioc &other : m_fleet->iocs(m_withoutEngine))
        QVERIFY2(!other.isContainer(), qPrintable(other.key()));
    QCOMPARE(m_fleet->listingError(m_withoutEngine), QString());
    QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.value(0).value(1).toString()));
}

void TestRemoteContainers::startAndStopThroughTheRemoteEngine()
{
    REQUIRE_PODMAN();
    QVERIFY(row().isContainer());
    JobResult result = act(UnitAction::Stop);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QTRY_COMPARE_WITH_TIMEOUT(row().status(), QStringLiteral("exited"), CallTimeoutMs);
    QVERIFY(row().exitCode >= 0);
    result = act(UnitAction::Start);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QTRY_COMPARE_WITH_TIMEOUT(row().status(), QStringLiteral("running"), CallTimeoutMs);
}

void TestRemoteContainers::hostLostShowsUnknownAndComesBack()
{
    REQUIRE_PODMAN();
    QVERIFY(m_fleet && m_withEngine);
    QCOMPARE(row().status(), QStringLiteral("running"));
    const QString local = qobject_cast<ContainerRuntime *>(m_fleet->runtimes(m_withEngine).value(1))
                                  ->socketPath();
    m_errors.clear();
    // The host goes down: sshd and every session (the forward's master with them).
    QVERIFY(m_hosts.stopSshd(0));
    QTRY_COMPARE_WITH_TIMEOUT(row().status(), QStringLiteral("unknown"), CallTimeoutMs);
    QVERIFY(row().isContainer()); // the row stays, its state unknown

    // Meanwhile, behind its back, the container stops.
    const QString error = waitFor([&](std::function<void(const QString &)> done) {
        m_client->stopContainer(m_containerId, 2, this, done);
    });
    QVERIFY2(error.isEmpty(), qPrintable(error));

    // Back: the host reconnects by itself, the engine is forwarded again and listed afresh.
    QVERIFY(m_hosts.startSshd(0));
    QTRY_COMPARE_WITH_TIMEOUT(m_withEngine->state(), Host::State::Connected, ReconnectTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(row().status(), QStringLiteral("exited"), CallTimeoutMs);
    QCOMPARE(m_fleet->runtimes(m_withEngine).size(), 2); // the same runtime, not a second one
    // What was said meanwhile names the host, never the local end of the forward.
    for (const QVariantList &said : std::as_const(m_errors)) {
        QVERIFY2(!said.value(1).toString().contains(local), qPrintable(said.value(1).toString()));
        qInfo("said while the host was away: %s", qPrintable(said.value(1).toString()));
    }

    const JobResult result = act(UnitAction::Start);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QTRY_COMPARE_WITH_TIMEOUT(row().status(), QStringLiteral("running"), CallTimeoutMs);
}

void TestRemoteContainers::iocctlPsShowsRemoteContainers()
{
    REQUIRE_PODMAN();
    Run run = iocctl({ QStringLiteral("-H"), m_hosts.spec(0), QStringLiteral("ps") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.describe()));
    bool seen = false;
    for (const QString &line : run.out.split(QLatin1Char('\n'))) {
        const QStringList cells = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (cells.value(0) != m_name)
            continue;
        seen = true;
        QCOMPARE(cells.value(1), QStringLiteral("Up"));
        QCOMPARE(cells.last(), QStringLiteral("podman"));
    }
    QVERIFY2(seen, qPrintable(run.describe()));

    // What the engine's probe, forward and listing add to `iocctl ps` (for the record).
    QElapsedTimer timer;
    timer.start();
    run = iocctl({ QStringLiteral("-H"), m_hosts.spec(0), QStringLiteral("ps") });
    const qint64 with = timer.restart();
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    run = iocctl({ QStringLiteral("-H"), m_hosts.spec(0), QStringLiteral("ps") }, false);
    const qint64 without = timer.elapsed();
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QVERIFY2(!run.out.contains(m_name), qPrintable(run.describe()));
    qInfo("iocctl -H HOST ps: %lld ms with the remote engine, %lld ms without",
          static_cast<long long>(with), static_cast<long long>(without));

    // Actions through iocctl reach the remote container by its IOC name.
    run = iocctl({ QStringLiteral("-H"), m_hosts.spec(0), QStringLiteral("stop"), m_name });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QCOMPARE(run.out, m_name + QStringLiteral(": stopped\n"));
    QTRY_COMPARE_WITH_TIMEOUT(row().status(), QStringLiteral("exited"), CallTimeoutMs);
    run = iocctl({ QStringLiteral("-H"), m_hosts.spec(0), QStringLiteral("start"), m_name });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QTRY_COMPARE_WITH_TIMEOUT(row().status(), QStringLiteral("running"), CallTimeoutMs);

    // Both hosts from a hosts file: the container on host 0, nothing said about host 1's
    // missing engine.
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(
            (m_hosts.spec(0) + QLatin1Char('\n') + m_hosts.spec(1) + QLatin1Char('\n')).toUtf8());
    file.close();
    run = iocctl({ QStringLiteral("--hosts"), file.fileName(), QStringLiteral("ps"),
                   QStringLiteral("-a") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QVERIFY2(run.err.isEmpty(), qPrintable(run.describe()));
    seen = false;
    for (const QString &line : run.out.split(QLatin1Char('\n'))) {
        const QStringList cells = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (cells.value(1) == m_name) {
            seen = true;
            QCOMPARE(cells.value(0), m_hosts.spec(0));
        }
    }
    QVERIFY2(seen, qPrintable(run.describe()));
}

void TestRemoteContainers::removingTheHostCancelsTheForward()
{
    REQUIRE_PODMAN();
    QVERIFY(m_fleet && m_withEngine);
    auto *containers = qobject_cast<ContainerRuntime *>(m_fleet->runtimes(m_withEngine).value(1));
    QVERIFY(containers);
    const QString local = containers->socketPath();
    QVERIFY(QFileInfo::exists(local));
    QSignalSpy removed(m_fleet, &Fleet::hostRemoved);
    QVERIFY(m_fleet->removeHost(m_withEngine));
    QVERIFY(m_withEngine.isNull());
    QCOMPARE(row().containerId, QString());
    QCOMPARE(removed.size(), 1);
    // The forward is cancelled through the master and its socket removed (detached: waited for).
    QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(local), CallTimeoutMs);
}

QTEST_GUILESS_MAIN(TestRemoteContainers)
#include "tst_remotecontainers.moc"
