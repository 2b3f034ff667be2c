// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/containers/engineclient.h"
#include "core/fleet/fleet.h"
#include "core/hosts/host.h"
#include "core/ioc/containerruntime.h"
#include "core/ioc/iocfilter.h"
#include "core/ioc/iocformat.h"
#include "core/ioc/logsource.h"
#include "core/procserv/consolesession.h"
#include "tests/common/eventlines.h"
#include "tests/common/sandbox.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

// Bounds for a loaded 2-core machine: an engine call normally takes well under a second.
static constexpr int CallTimeoutMs = 60000;

/// ContainerRuntime against a real Podman API service (tools/podman-sandbox, started by
/// tools/run-tests; IOCDOCK_PODMAN_SOCKET and IOCDOCK_PODMAN_IMAGE name it), and `iocctl ps`
/// showing its rows beside the systemd sandbox's. Under run-tests (IOCDOCK_RUN_TESTS=1) a
/// missing service fails the tests; a plain ctest run skips them. The test functions run in
/// order on one runtime: list, stop, start, a container created and removed behind its back.
class TestContainerRuntime : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void whichContainersAreIocs();
    void filtersRuntimeAndImage();
    void listsIocContainers();
    void stopGivesExitedWithCode();
    void startAgainIsRunning();
    void enableSetsRestartPolicy();
    void pausedFromEvents();
    void newContainerComesFromEvents();
    void removedBehindItsBackGoes();
    void iocctlPsShowsContainers();
    void engineGoesAwayAndComesBack();
    void fleetGivesTheEngineToOneLocalHost();
    void logsThroughTheApi();
    void restartPolicyRestartsAreEvents();
    void restartPolicyLoopIsACrashLoop();
    void userRestartsAreNoCrashLoop();
    void procServConsoleInContainer();
    void stdioConsoleThroughAttach();
    void iocctlExecAndAttachContainers();

private:
    bool havePodman();
    bool haveProcServImage();
    QString containerName(const char *what) const;
    QString create(const QString &name, const QStringList &cmd,
                   const QMap<QString, QString> &labels = {}, const QJsonObject &extra = {});
    /// Output of @p command run in container @p id (exec, no stdin).
    QByteArray execIn(const QString &id, const QStringList &command);
    /// Waits until @p session is connected and its output holds @p text.
    static bool waitForOutput(ConsoleSession *session, const QByteArray *output,
                              const QByteArray &text);
    QProcessEnvironment iocctlEnvironment() const;
    QString startContainer(const QString &id);
    Ioc row(const QString &name) const;
    JobResult act(UnitAction action, const QString &name);
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    Run iocctl(const QStringList &args, const QProcessEnvironment &env);

    QString m_socket;
    QString m_image;
    bool m_required = false;
    EngineClient *m_client = nullptr;
    Host *m_host = nullptr;
    ContainerRuntime *m_runtime = nullptr;
    QStringList m_created;
    QString m_stdioName; // the IOC name of the labelled container
    QString m_procServName; // the container running procServ (its name is the IOC's)
    QString m_plainName; // a container that is no IOC
};

#define REQUIRE_PODMAN()   \
    do {                   \
        if (!havePodman()) \
            return;        \
    } while (false)

bool TestContainerRuntime::havePodman()
{
    if (!m_socket.isEmpty())
        return true;
    if (m_required) {
        QTest::qFail("tools/run-tests provided no podman service (IOCDOCK_PODMAN_SOCKET is not "
                     "set): is podman installed (tools/install-deps)?",
                     __FILE__, __LINE__);
        return false;
    }
    QTest::qSkip("no podman service: run under tools/run-tests, or eval "
                 "\"$(tools/podman-sandbox start)\"",
                 __FILE__, __LINE__);
    return false;
}

bool TestContainerRuntime::haveProcServImage()
{
    const QStringList tools =
            qEnvironmentVariable("IOCDOCK_PODMAN_IMAGE_TOOLS").split(QLatin1Char(' '));
    return tools.contains(QLatin1String("procServ")) && tools.contains(QLatin1String("iocsim"));
}

void TestContainerRuntime::initTestCase()
{
    m_socket = qEnvironmentVariable("IOCDOCK_PODMAN_SOCKET");
    m_image = qEnvironmentVariable("IOCDOCK_PODMAN_IMAGE",
                                   QStringLiteral("localhost/iocdock-test:latest"));
    m_required = qEnvironmentVariableIntValue("IOCDOCK_RUN_TESTS") == 1;
    m_client = new EngineClient(m_socket, this);
    // The runtime asks its host only for its id: this one is never connected.
    m_host = new Host(Host::Kind::LocalUser, QString(), this);
    m_stdioName = QStringLiteral("stdio-%1").arg(QCoreApplication::applicationPid());
    m_procServName = containerName("procserv");
    m_plainName = containerName("plain");
}

void TestContainerRuntime::cleanupTestCase()
{
    delete m_runtime;
    m_runtime = nullptr;
    if (m_socket.isEmpty())
        return;
    int pending = m_created.size();
    for (const QString &id : qAsConst(m_created))
        m_client->removeContainer(id, true, this, [&pending](const QString &) { --pending; });
    QTRY_VERIFY_WITH_TIMEOUT(pending == 0, CallTimeoutMs);
}

QString TestContainerRuntime::containerName(const char *what) const
{
    return QStringLiteral("iocdock-tst-%1-%2")
            .arg(QCoreApplication::applicationPid())
            .arg(QLatin1String(what));
}

QString TestContainerRuntime::create(const QString &name, const QStringList &cmd,
                                     const QMap<QString, QString> &labels, const QJsonObject &extra)
{
    QJsonObject config = extra;
    config.insert(QStringLiteral("Image"), m_image);
    config.insert(QStringLiteral("Cmd"), QJsonArray::fromStringList(cmd));
    QJsonObject jsonLabels;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        jsonLabels.insert(it.key(), it.value());
    config.insert(QStringLiteral("Labels"), jsonLabels);
    // --network=none: no network set-up needed, no traffic anywhere.
    QJsonObject hostConfig = extra.value(QStringLiteral("HostConfig")).toObject();
    hostConfig.insert(QStringLiteral("NetworkMode"), QStringLiteral("none"));
    config.insert(QStringLiteral("HostConfig"), hostConfig);
    bool done = false;
    QString id, error;
    m_client->createContainer(name, config, this, [&](const QString &i, const QString &e) {
        id = i;
        error = e;
        done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs); }();
    if (!id.isEmpty())
        m_created << id;
    if (!error.isEmpty())
        qWarning("create %s: %s", qPrintable(name), qPrintable(error));
    return id;
}

QString TestContainerRuntime::startContainer(const QString &id)
{
    bool done = false;
    QString error = QStringLiteral("no answer");
    m_client->startContainer(id, this, [&](const QString &e) {
        error = e;
        done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs); }();
    return error;
}

Ioc TestContainerRuntime::row(const QString &name) const
{
    if (!m_runtime)
        return {};
    for (const Ioc &ioc : m_runtime->iocs()) {
        if (ioc.name == name)
            return ioc;
    }
    return {};
}

JobResult TestContainerRuntime::act(UnitAction action, const QString &name)
{
    bool done = false;
    JobResult result;
    m_runtime->run(action, row(name).key(), this, [&](const JobResult &r) {
        result = r;
        done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs); }();
    return result;
}

TestContainerRuntime::Run TestContainerRuntime::iocctl(const QStringList &args,
                                                       const QProcessEnvironment &env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProgram(Sandbox::binPath(QStringLiteral("iocctl")));
    process.setArguments(args);
    process.start();
    Run run;
    if (!process.waitForStarted(10000) || !process.waitForFinished(120000)) {
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

void TestContainerRuntime::whichContainersAreIocs()
{
    // What the engine's inspect says decides (no engine needed for this part).
    ContainerDetails labelled;
    labelled.id = QStringLiteral("a1");
    labelled.name = QStringLiteral("c1");
    labelled.cmd = QStringList{ QStringLiteral("/bin/sleep"), QStringLiteral("1000") };
    labelled.labels.insert(QLatin1String(ContainerLabels::IocName), QStringLiteral("motor"));
    QCOMPARE(ContainerRuntime::iocName(labelled), QStringLiteral("motor"));

    ContainerDetails procServ;
    procServ.name = QStringLiteral("vac-ioc");
    procServ.entrypoint = QStringList{ QStringLiteral("/usr/bin/procServ") };
    procServ.cmd =
            QStringList{ QStringLiteral("-f"), QStringLiteral("2000"), QStringLiteral("st.cmd") };
    QCOMPARE(ContainerRuntime::iocName(procServ), QStringLiteral("vac-ioc"));

    ContainerDetails plain;
    plain.name = QStringLiteral("db");
    plain.cmd = QStringList{ QStringLiteral("/bin/procServer") }; // basename differs: not procServ
    QCOMPARE(ContainerRuntime::iocName(plain), QString());

    ContainerSummary summary;
    summary.command = QStringLiteral("/usr/bin/procServ -f -n x 2000 /bin/iocsim");
    QVERIFY(ContainerRuntime::mayBeIoc(summary));
    summary.command = QStringLiteral("sleep 1000");
    QVERIFY(!ContainerRuntime::mayBeIoc(summary));
    summary.labels.insert(QLatin1String(ContainerLabels::IocName), QStringLiteral("x"));
    QVERIFY(ContainerRuntime::mayBeIoc(summary));

    // The row of an exited container says its code; a created one has none.
    labelled.state = ContainerState::Exited;
    labelled.exitCode = 137;
    labelled.image = QStringLiteral("localhost/iocdock-test:latest");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    labelled.finishedAt = now.addSecs(-120);
    Ioc ioc = ContainerRuntime::describe(labelled, QStringLiteral("local-user"),
                                         QStringLiteral("podman"));
    QCOMPARE(ioc.key(), QStringLiteral("local-user/podman:c1"));
    QCOMPARE(ioc.status(), QStringLiteral("exited"));
    QCOMPARE(IocFormat::statusText(ioc, now), QStringLiteral("Exited (137) 2 minutes ago"));
    QCOMPARE(IocFormat::toJson(ioc).value(QStringLiteral("exitCode")).toInt(), 137);
    QVERIFY(!ioc.isActive());
    labelled.state = ContainerState::Created;
    labelled.finishedAt = QDateTime();
    ioc = ContainerRuntime::describe(labelled, QStringLiteral("local-user"),
                                     QStringLiteral("podman"));
    QCOMPARE(ioc.exitCode, -1);
    QCOMPARE(ioc.status(), QStringLiteral("created"));
    QCOMPARE(IocFormat::statusText(ioc, now), QStringLiteral("Created"));
    QVERIFY(IocFormat::toJson(ioc).value(QStringLiteral("exitCode")).isNull());

    // Where a console relays to: the control port, or for read-only the log port (-l); the
    // relay commands tried in the container, socat first (probed), nc last.
    Ioc logged;
    logged.containerId = QStringLiteral("abc");
    logged.execStart = QStringList{ QStringLiteral("/usr/bin/procServ"),
                                    QStringLiteral("-f"),
                                    QStringLiteral("-l"),
                                    QStringLiteral("4052"),
                                    QStringLiteral("-P"),
                                    QStringLiteral("unix:/run/ioc/ioc.sock"),
                                    QStringLiteral("/bin/iocsim") };
    QCOMPARE(ContainerRuntime::consoleRelay(logged, false).toString(),
             QStringLiteral("unix:/run/ioc/ioc.sock"));
    const ConsoleEndpoint logEndpoint = ContainerRuntime::consoleRelay(logged, true);
    QCOMPARE(logEndpoint.port, quint16(4052));
    QList<EngineStream::Relay> relays = ContainerRuntime::relayCommands(logEndpoint);
    QCOMPARE(relays.size(), 2);
    QCOMPARE(relays.at(0).command,
             QStringList({ QStringLiteral("socat"), QStringLiteral("-"),
                           QStringLiteral("TCP:127.0.0.1:4052") }));
    QCOMPARE(relays.at(0).probe, QStringList({ QStringLiteral("socat"), QStringLiteral("-V") }));
    QCOMPARE(relays.at(1).command,
             QStringList({ QStringLiteral("nc"), QStringLiteral("127.0.0.1"),
                           QStringLiteral("4052") }));
    relays = ContainerRuntime::relayCommands(ContainerRuntime::consoleRelay(logged, false));
    QCOMPARE(relays.at(0).command,
             QStringList({ QStringLiteral("socat"), QStringLiteral("-"),
                           QStringLiteral("UNIX-CONNECT:/run/ioc/ioc.sock") }));
    QCOMPARE(relays.at(1).command,
             QStringList({ QStringLiteral("nc"), QStringLiteral("-U"),
                           QStringLiteral("/run/ioc/ioc.sock") }));
    // A labelled container not running procServ: its stdio, through attach.
    Ioc stdioIoc;
    stdioIoc.containerId = QStringLiteral("def");
    stdioIoc.execStart = QStringList{ QStringLiteral("/bin/iocsim") };
    QVERIFY(!ContainerRuntime::consoleRelay(stdioIoc, false).isValid());

    // A systemd row's JSON has none of the container keys.
    Ioc unit;
    unit.unit = QStringLiteral("softioc-x.service");
    QVERIFY(!IocFormat::toJson(unit).contains(QStringLiteral("image")));
    QVERIFY(!IocFormat::toJson(unit).contains(QStringLiteral("containerId")));
}

void TestContainerRuntime::filtersRuntimeAndImage()
{
    Ioc container;
    container.runtime = QStringLiteral("podman");
    container.containerId = QStringLiteral("abc");
    container.container = QStringLiteral("c");
    container.name = QStringLiteral("c");
    container.image = QStringLiteral("localhost/epics/iocdock-test:latest");
    container.containerState = QStringLiteral("running");
    Ioc unit;
    unit.runtime = QStringLiteral("systemd");
    unit.name = QStringLiteral("u");
    unit.unit = QStringLiteral("softioc-u.service");

    const auto matches = [](const QString &text, const Ioc &ioc) {
        const IocFilter filter = IocFilter::parse(text);
        return filter.isValid() && filter.matches(ioc);
    };
    QVERIFY(matches(QStringLiteral("runtime=podman"), container));
    QVERIFY(!matches(QStringLiteral("runtime=podman"), unit));
    QVERIFY(matches(QStringLiteral("runtime=systemd"), unit));
    QVERIFY(matches(QStringLiteral("runtime!=systemd"), container));
    QVERIFY(matches(QStringLiteral("runtime=podman|docker"), container));
    QVERIFY(matches(QStringLiteral("image=iocdock-test"), container));
    QVERIFY(matches(QStringLiteral("image=iocdock-test:latest"), container));
    QVERIFY(matches(QStringLiteral("image=localhost/epics/iocdock-test:latest"), container));
    QVERIFY(matches(QStringLiteral("image=iocdock-*"), container));
    QVERIFY(!matches(QStringLiteral("image=other"), container));
    QVERIFY(!matches(QStringLiteral("image=*"), unit)); // no image: matches no image term
    QVERIFY(matches(QStringLiteral("status=running"), container));
    container.containerState = QStringLiteral("created");
    QVERIFY(matches(QStringLiteral("status=created"), container));
    QVERIFY(!matches(QStringLiteral("status=running"), container));
}

void TestContainerRuntime::listsIocContainers()
{
    REQUIRE_PODMAN();
    if (!haveProcServImage()) {
        if (m_required)
            QFAIL("the podman sandbox's image has no procServ or no iocsim");
        QSKIP("the podman sandbox's image has no procServ or no iocsim");
    }
    // PID 1 of a container ignores SIGTERM unless it handles it: sleep is killed at the stop
    // timeout (exit code 137).
    const QString stdioId = create(containerName("stdio"),
                                   { QStringLiteral("/bin/sleep"), QStringLiteral("100000") },
                                   { { QLatin1String(ContainerLabels::IocName), m_stdioName } });
    const QString procServId = create(
            m_procServName,
            { QStringLiteral("/bin/procServ"), QStringLiteral("-f"), QStringLiteral("-n"),
              QStringLiteral("ioc1"), QStringLiteral("-P"), QStringLiteral("127.0.0.1:4051"),
              QStringLiteral("/bin/iocsim"), QStringLiteral("--name"), QStringLiteral("ioc1") });
    const QString plainId =
            create(m_plainName, { QStringLiteral("/bin/sleep"), QStringLiteral("100000") });
    QVERIFY(!stdioId.isEmpty() && !procServId.isEmpty() && !plainId.isEmpty());
    QCOMPARE(startContainer(stdioId), QString());
    QCOMPARE(startContainer(procServId), QString());
    QCOMPARE(startContainer(plainId), QString());

    m_runtime = new ContainerRuntime(m_host, m_socket);
    m_runtime->setStopTimeout(2);
    QSignalSpy ready(m_runtime, &IocRuntime::ready);
    QSignalSpy errors(m_runtime, &IocRuntime::errorOccurred);
    m_runtime->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_runtime->isReady(), CallTimeoutMs);
    QCOMPARE(m_runtime->listingError(), QString());
    QVERIFY2(errors.isEmpty(),
             errors.isEmpty() ? "" : qPrintable(errors.first().first().toString()));
    QCOMPARE(m_runtime->runtimeName(), QStringLiteral("podman"));

    const Ioc stdio = row(m_stdioName);
    QCOMPARE(stdio.name, m_stdioName);
    QCOMPARE(stdio.runtime, QStringLiteral("podman"));
    QCOMPARE(stdio.host, m_host->id());
    QCOMPARE(stdio.containerId, stdioId);
    QCOMPARE(stdio.container, containerName("stdio"));
    QCOMPARE(stdio.image, m_image);
    QCOMPARE(stdio.containerState, QStringLiteral("running"));
    QCOMPARE(stdio.status(), QStringLiteral("running"));
    QVERIFY(stdio.mainPid > 0);
    // No procServ: the IOC is the container's main process, and its PID is the IOC's.
    QCOMPARE(stdio.childPid, stdio.mainPid);
    QCOMPARE(stdio.childState, ChildState::Running);
    QCOMPARE(stdio.restarts(), 0); // the engine's RestartCount
    QCOMPARE(IocFormat::restartsText(stdio), QStringLiteral("0"));
    QVERIFY(stdio.activeSince.isValid());
    QVERIFY2(IocFormat::statusText(stdio, QDateTime::currentDateTime())
                     .startsWith(QLatin1String("Up")),
             qPrintable(IocFormat::statusText(stdio, QDateTime::currentDateTime())));
    QVERIFY(m_runtime->contains(stdio.key()));
    QCOMPARE(m_runtime->ioc(stdio.key()).containerId, stdioId);

    const Ioc procServ = row(m_procServName);
    QCOMPARE(procServ.containerId, procServId);
    QCOMPARE(procServ.image, m_image);
    QCOMPARE(procServ.status(), QStringLiteral("running"));
    QCOMPARE(procServ.execStart.value(0), QStringLiteral("/bin/procServ"));
    // procServ's child is the IOC (read from this machine's /proc), not procServ itself.
    QVERIFY(procServ.mainPid > 0);
    QVERIFY2(procServ.childPid != procServ.mainPid, qPrintable(QString::number(procServ.childPid)));

    QCOMPARE(row(m_plainName).containerId, QString()); // not an IOC: no row
    for (const Ioc &ioc : m_runtime->iocs())
        QVERIFY2(ioc.containerId != plainId, qPrintable(ioc.name));
}

void TestContainerRuntime::stopGivesExitedWithCode()
{
    REQUIRE_PODMAN();
    QVERIFY(m_runtime);
    QSignalSpy changed(m_runtime, &IocRuntime::iocChanged);
    const JobResult result = act(UnitAction::Stop, m_stdioName);
    QVERIFY2(result.ok(), qPrintable(result.message));
    // From the event stream: the runtime never polls.
    QTRY_COMPARE_WITH_TIMEOUT(row(m_stdioName).containerState, QStringLiteral("exited"),
                              CallTimeoutMs);
    const Ioc stdio = row(m_stdioName);
    QCOMPARE(stdio.exitCode, 137);
    QCOMPARE(stdio.status(), QStringLiteral("exited"));
    QCOMPARE(stdio.mainPid, 0u);
    QVERIFY(!stdio.isActive());
    const QString text = IocFormat::statusText(stdio, QDateTime::currentDateTime());
    QVERIFY2(text.startsWith(QLatin1String("Exited (137)")), qPrintable(text));
    QVERIFY(!changed.isEmpty());

    const JobResult procServ = act(UnitAction::Stop, m_procServName);
    QVERIFY2(procServ.ok(), qPrintable(procServ.message));
    QTRY_COMPARE_WITH_TIMEOUT(row(m_procServName).status(), QStringLiteral("exited"),
                              CallTimeoutMs);
    QVERIFY(row(m_procServName).exitCode >= 0);
}

void TestContainerRuntime::startAgainIsRunning()
{
    REQUIRE_PODMAN();
    QVERIFY(m_runtime);
    const JobResult result = act(UnitAction::Start, m_stdioName);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QTRY_COMPARE_WITH_TIMEOUT(row(m_stdioName).status(), QStringLiteral("running"), CallTimeoutMs);
    QVERIFY(row(m_stdioName).mainPid > 0);
    QCOMPARE(row(m_stdioName).exitCode, -1);

    const JobResult procServ = act(UnitAction::Restart, m_procServName);
    QVERIFY2(procServ.ok(), qPrintable(procServ.message));
    QTRY_COMPARE_WITH_TIMEOUT(row(m_procServName).status(), QStringLiteral("running"),
                              CallTimeoutMs);
}

void TestContainerRuntime::enableSetsRestartPolicy()
{
    REQUIRE_PODMAN();
    QVERIFY(m_runtime);
    // Enable sets the restart policy "unless-stopped" through POST /containers/{id}/update;
    // Podman 4.3's compatible API has no such call (dockerd has: tried by hand), and the
    // engine's answer says so: "skipped", with the reason and the way out.
    // Created without a policy: Podman sends an empty name, shown as docker shows it.
    QCOMPARE(row(m_stdioName).restartPolicy, QStringLiteral("no"));
    const JobResult result = act(UnitAction::Enable, m_stdioName);
    if (result.ok()) {
        QTRY_VERIFY_WITH_TIMEOUT(row(m_stdioName).isEnabled(), CallTimeoutMs);
        QCOMPARE(row(m_stdioName).restartPolicy, QStringLiteral("unless-stopped"));
        const JobResult back = act(UnitAction::Disable, m_stdioName);
        QVERIFY2(back.ok(), qPrintable(back.message));
        QTRY_VERIFY_WITH_TIMEOUT(!row(m_stdioName).isEnabled(), CallTimeoutMs);
        return;
    }
    QCOMPARE(result.result, QStringLiteral("skipped"));
    QVERIFY2(result.message.contains(QLatin1String("cannot change a container's restart policy")),
             qPrintable(result.message));
    QVERIFY2(result.message.contains(QLatin1String("Quadlet")), qPrintable(result.message));
    QVERIFY(!row(m_stdioName).isEnabled()); // no restart policy
    // Nothing changed: still running.
    QCOMPARE(row(m_stdioName).status(), QStringLiteral("running"));
}

void TestContainerRuntime::pausedFromEvents()
{
    REQUIRE_PODMAN();
    QVERIFY(m_runtime);
    const QString id = row(m_stdioName).containerId;
    QVERIFY(!id.isEmpty());
    // POST /containers/{id}/pause and /unpause, behind the runtime's back.
    const auto post = [this, &id](const char *what) {
        EngineRequest *request = m_client->newRequest(
                "POST", "/containers/" + EngineClient::pathSegment(id) + '/' + what);
        bool done = false;
        QString error = QStringLiteral("no answer");
        connect(request, &EngineRequest::finished, this, [&](const QString &e) {
            error = e;
            done = true;
        });
        request->start();
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs); }();
        request->deleteLater();
        return error;
    };
    QCOMPARE(post("pause"), QString());
    QTRY_COMPARE_WITH_TIMEOUT(row(m_stdioName).status(), QStringLiteral("paused"), CallTimeoutMs);
    const QString text = IocFormat::statusText(row(m_stdioName), QDateTime::currentDateTime());
    QVERIFY2(text.startsWith(QLatin1String("Up")) && text.endsWith(QLatin1String("(paused)")),
             qPrintable(text));
    QVERIFY(row(m_stdioName).isActive()); // docker ps lists paused containers
    QCOMPARE(post("unpause"), QString());
    QTRY_COMPARE_WITH_TIMEOUT(row(m_stdioName).status(), QStringLiteral("running"), CallTimeoutMs);
}

void TestContainerRuntime::newContainerComesFromEvents()
{
    REQUIRE_PODMAN();
    QVERIFY(m_runtime);
    QSignalSpy added(m_runtime, &IocRuntime::iocAdded);
    const QString lateName = QStringLiteral("late-%1").arg(QCoreApplication::applicationPid());
    const QString id = create(containerName("late"),
                              { QStringLiteral("/bin/sleep"), QStringLiteral("100000") },
                              { { QLatin1String(ContainerLabels::IocName), lateName } });
    QVERIFY(!id.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(row(lateName).status(), QStringLiteral("created"), CallTimeoutMs);
    QCOMPARE(added.size(), 1);
    QCOMPARE(added.first().first().value<Ioc>().name, lateName);
    QCOMPARE(IocFormat::statusText(row(lateName), QDateTime::currentDateTime()),
             QStringLiteral("Created"));
}

void TestContainerRuntime::removedBehindItsBackGoes()
{
    REQUIRE_PODMAN();
    QVERIFY(m_runtime);
    const QString lateName = QStringLiteral("late-%1").arg(QCoreApplication::applicationPid());
    const Ioc late = row(lateName);
    QVERIFY(late.isContainer());
    QSignalSpy removed(m_runtime, &IocRuntime::iocRemoved);
    bool done = false;
    QString error = QStringLiteral("no answer");
    m_client->removeContainer(late.containerId, true, this, [&](const QString &e) {
        error = e;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs);
    QCOMPARE(error, QString());
    m_created.removeAll(late.containerId);
    QTRY_VERIFY_WITH_TIMEOUT(!removed.isEmpty(), CallTimeoutMs);
    QCOMPARE(removed.first().first().toString(), late.key());
    QVERIFY(!m_runtime->contains(late.key()));
    QCOMPARE(row(lateName).containerId, QString());
    QVERIFY(row(m_stdioName).isContainer()); // the others stay
}

void TestContainerRuntime::iocctlPsShowsContainers()
{
    REQUIRE_PODMAN();
    IOCDOCK_REQUIRE_SANDBOX();
    QVERIFY(row(m_stdioName).isContainer() && row(m_procServName).isContainer());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DOCKER_HOST"), QStringLiteral("unix://") + m_socket);
    env.remove(QStringLiteral("IOCDOCK_CONTAINERS"));

    Run run = iocctl({ QStringLiteral("--user"), QStringLiteral("ps"), QStringLiteral("--filter"),
                       QStringLiteral("runtime=podman") },
                     env);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(lines.value(0).startsWith(QLatin1String("NAME")), qPrintable(run.out));
    bool sawStdio = false, sawProcServ = false;
    for (const QString &line : lines.mid(1)) {
        const QStringList cells = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (cells.value(0) == m_stdioName) {
            sawStdio = true;
            QCOMPARE(cells.value(1), QStringLiteral("Up"));
            QCOMPARE(cells.last(), QStringLiteral("podman"));
        }
        if (cells.value(0) == m_procServName)
            sawProcServ = true;
        QVERIFY2(!line.contains(QLatin1String(".service")), qPrintable(line)); // no units
    }
    QVERIFY2(sawStdio && sawProcServ, qPrintable(run.out + run.err));
    QVERIFY2(!run.out.contains(m_plainName), qPrintable(run.out));

    run = iocctl({ QStringLiteral("--user"), QStringLiteral("ps"), QStringLiteral("--format"),
                   QStringLiteral("json"), QStringLiteral("--filter"),
                   QStringLiteral("image=iocdock-test"), QStringLiteral("--filter"),
                   QStringLiteral("name=") + m_stdioName },
                 env);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    const QJsonArray array = QJsonDocument::fromJson(run.out.toUtf8()).array();
    QCOMPARE(array.size(), 1);
    const QJsonObject o = array.first().toObject();
    QCOMPARE(o.value(QStringLiteral("name")).toString(), m_stdioName);
    QCOMPARE(o.value(QStringLiteral("runtime")).toString(), QStringLiteral("podman"));
    QCOMPARE(o.value(QStringLiteral("image")).toString(), m_image);
    QCOMPARE(o.value(QStringLiteral("containerState")).toString(), QStringLiteral("running"));
    QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("running"));
    QVERIFY(o.value(QStringLiteral("exitCode")).isNull());

    // Exited containers show with -a only, as in docker ps.
    const JobResult stopped = act(UnitAction::Stop, m_stdioName);
    QVERIFY2(stopped.ok(), qPrintable(stopped.message));
    run = iocctl({ QStringLiteral("--user"), QStringLiteral("ps"), QStringLiteral("--filter"),
                   QStringLiteral("runtime=podman") },
                 env);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(!run.out.contains(m_stdioName), qPrintable(run.out));
    run = iocctl({ QStringLiteral("--user"), QStringLiteral("ps"), QStringLiteral("-a"),
                   QStringLiteral("--filter"), QStringLiteral("runtime=podman") },
                 env);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(m_stdioName + QStringLiteral(" ")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("Exited (137)")), qPrintable(run.out));

    // Actions through iocctl reach the container by its IOC name.
    run = iocctl({ QStringLiteral("--user"), QStringLiteral("start"), m_stdioName }, env);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(run.out, m_stdioName + QStringLiteral(": started\n"));
    QTRY_COMPARE_WITH_TIMEOUT(row(m_stdioName).status(), QStringLiteral("running"), CallTimeoutMs);
    run = iocctl({ QStringLiteral("--user"), QStringLiteral("enable"), m_stdioName }, env);
    if (run.code != 0) { // Podman 4.3: the engine cannot change a restart policy
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QLatin1String("cannot change a container's restart policy")),
                 qPrintable(run.err));
    } else {
        QVERIFY2(run.out.contains(QLatin1String("enabled")), qPrintable(run.out));
        run = iocctl({ QStringLiteral("--user"), QStringLiteral("disable"), m_stdioName }, env);
        QVERIFY2(run.code == 0, qPrintable(run.err));
    }
    run = iocctl({ QStringLiteral("--user"), QStringLiteral("inspect"), m_stdioName }, env);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QLatin1String("\"containerId\": \"") + row(m_stdioName).containerId),
             qPrintable(run.out));

    // Switched off: no container rows, and the systemd ones are still listed.
    env.insert(QStringLiteral("IOCDOCK_CONTAINERS"), QStringLiteral("0"));
    run = iocctl({ QStringLiteral("--user"), QStringLiteral("ps"), QStringLiteral("-a") }, env);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(!run.out.contains(m_procServName), qPrintable(run.out));
}

void TestContainerRuntime::engineGoesAwayAndComesBack()
{
    REQUIRE_PODMAN();
    // A second API service on the sandbox's storage (podman locks it, so two services share it
    // safely) on a socket of this test's own: stopping it leaves the sandbox's service alone,
    // and what is done through the sandbox's service meanwhile is what the runtime missed.
    const QString sandbox = qEnvironmentVariable("IOCDOCK_PODMAN_SANDBOX");
    const QString tool =
            qEnvironmentVariable("IOCDOCK_SOURCE_DIR") + QStringLiteral("/tools/podman-sandbox");
    if (sandbox.isEmpty() || !QFileInfo::exists(tool)) {
        if (m_required)
            QFAIL("needs IOCDOCK_PODMAN_SANDBOX and IOCDOCK_SOURCE_DIR");
        QSKIP("needs IOCDOCK_PODMAN_SANDBOX and IOCDOCK_SOURCE_DIR (tools/run-tests sets both)");
    }
    QVERIFY(row(m_procServName).isContainer());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString socket = dir.filePath(QStringLiteral("second.sock"));
    auto startService = [&](QProcess *p) {
        p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p->start(tool,
                 { QStringLiteral("podman"), sandbox, QStringLiteral("system"),
                   QStringLiteral("service"), QStringLiteral("--time=0"),
                   QStringLiteral("unix://") + socket });
        QVERIFY(p->waitForStarted(CallTimeoutMs));
    };

    QProcess first;
    startService(&first);
    ContainerRuntime runtime(m_host, socket);
    runtime.setReconnectDelay(200);
    QSignalSpy errors(&runtime, &IocRuntime::errorOccurred);
    QSignalSpy listed(&runtime, &IocRuntime::loadedListed);
    runtime.start(); // before the service listens: it connects again until it does
    QTRY_VERIFY_WITH_TIMEOUT(!listed.isEmpty(), CallTimeoutMs);
    const auto rowOf = [&runtime](const QString &name) {
        for (const Ioc &ioc : runtime.iocs()) {
            if (ioc.name == name)
                return ioc;
        }
        return Ioc();
    };
    QCOMPARE(rowOf(m_procServName).status(), QStringLiteral("running"));

    first.terminate();
    QVERIFY(first.waitForFinished(CallTimeoutMs));
    errors.clear();
    QTRY_VERIFY_WITH_TIMEOUT(!errors.isEmpty(), CallTimeoutMs);
    QVERIFY2(errors.first().first().toString().contains(socket),
             qPrintable(errors.first().first().toString()));
    // Not measured any more: unknown, not the last state seen.
    QTRY_COMPARE_WITH_TIMEOUT(rowOf(m_procServName).status(), QStringLiteral("unknown"),
                              CallTimeoutMs);
    QCOMPARE(IocFormat::statusText(rowOf(m_procServName), QDateTime::currentDateTime()),
             QStringLiteral("Unknown"));

    // Meanwhile, behind its back: the procServ container stops.
    bool done = false;
    QString error = QStringLiteral("no answer");
    m_client->stopContainer(row(m_procServName).containerId, 10, this, [&](const QString &e) {
        error = e;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs);
    QCOMPARE(error, QString());

    listed.clear();
    QProcess second;
    startService(&second);
    QTRY_VERIFY_WITH_TIMEOUT(!listed.isEmpty(), CallTimeoutMs);
    QCOMPARE(rowOf(m_procServName).status(), QStringLiteral("exited"));
    QVERIFY(rowOf(m_procServName).exitCode >= 0);
    second.terminate();
    QVERIFY(second.waitForFinished(CallTimeoutMs));
}

void TestContainerRuntime::fleetGivesTheEngineToOneLocalHost()
{
    REQUIRE_PODMAN();
    IOCDOCK_REQUIRE_SANDBOX();
    QVERIFY(row(m_stdioName).isContainer());
    // Two local hosts reach the sandbox's manager ("user" and "bus:ADDRESS"); the engine
    // found through DOCKER_HOST serves the first only, so its rows are listed once.
    const QByteArray oldDockerHost = qgetenv("DOCKER_HOST");
    qputenv("DOCKER_HOST", (QStringLiteral("unix://") + m_socket).toUtf8());
    Fleet fleet;
    fleet.setContainerDiscovery(true); // the test environment turns it off (tests/CMakeLists)
    Host *user = fleet.addHost(QStringLiteral("user"));
    Host *bus = fleet.addHost(QStringLiteral("bus:")
                              + qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS"));
    Fleet off;
    off.setContainerDiscovery(false);
    Host *plain = off.addHost(QStringLiteral("user"));
    if (oldDockerHost.isNull())
        qunsetenv("DOCKER_HOST");
    else
        qputenv("DOCKER_HOST", oldDockerHost);
    QVERIFY(user && bus && plain);
    QCOMPARE(fleet.runtimes(user).size(), 2);
    QCOMPARE(fleet.runtimes(bus).size(), 1);
    QCOMPARE(off.runtimes(plain).size(), 1);
    QVERIFY(qobject_cast<ContainerRuntime *>(fleet.runtimes(user).at(1)));

    QTRY_VERIFY_WITH_TIMEOUT(fleet.isReady(), CallTimeoutMs);
    QCOMPARE(fleet.listingError(user), QString());
    int containerRows = 0;
    Ioc stdio;
    for (const Ioc &ioc : fleet.iocs()) {
        if (ioc.isContainer())
            ++containerRows;
        if (ioc.name == m_stdioName)
            stdio = ioc;
    }
    QVERIFY(containerRows >= 2);
    QCOMPARE(stdio.host, user->id());
    QCOMPARE(fleet.runtimeFor(stdio), fleet.runtimes(user).at(1));
    QCOMPARE(fleet.ioc(stdio.key()).containerId, stdio.containerId);
    // Resolved by its IOC name, as iocctl and the GUI do.
    const IocResolver::Result resolved = fleet.resolve({ m_stdioName }, true);
    QCOMPARE(resolved.iocs.size(), 1);
    QCOMPARE(resolved.iocs.first().key(), stdio.key());
}

void TestContainerRuntime::logsThroughTheApi()
{
    REQUIRE_PODMAN();
    IOCDOCK_REQUIRE_SANDBOX();
    QVERIFY(m_runtime);
    const QString name = QStringLiteral("logs-%1").arg(QCoreApplication::applicationPid());
    const QString id = create(containerName("logs"),
                              { QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                QStringLiteral("echo first; echo second >&2; exec sleep 100000") },
                              { { QLatin1String(ContainerLabels::IocName), name } });
    QVERIFY(!id.isEmpty());
    QCOMPARE(startContainer(id), QString());
    QTRY_COMPARE_WITH_TIMEOUT(row(name).status(), QStringLiteral("running"), CallTimeoutMs);
    QCOMPARE(m_runtime->logCommand(row(name), false, -1), QStringList());

    // Followed until both lines are there (the shell may not have written them yet).
    QString error;
    LogSource *source = m_runtime->openLog(row(name), true, -1, QString(), &error, this);
    QVERIFY2(source, qPrintable(error));
    QByteArray log;
    bool ended = false;
    connect(source, &LogSource::dataReceived, this, [&log](const QByteArray &d) { log += d; });
    connect(source, &LogSource::finished, this, [&ended] { ended = true; });
    source->start();
    QTRY_VERIFY2_WITH_TIMEOUT(log.contains("first\n") && log.contains("second\n"), log.constData(),
                              CallTimeoutMs);
    QVERIFY(!ended); // following: the container still runs
    delete source;

    QVERIFY(!m_runtime->openLog(row(name), false, -1, QStringLiteral("soon"), &error, this));
    QVERIFY2(error.contains(QLatin1String("\"soon\"")), qPrintable(error));

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DOCKER_HOST"), QStringLiteral("unix://") + m_socket);
    env.remove(QStringLiteral("IOCDOCK_CONTAINERS"));
    Run run = iocctl({ QStringLiteral("--user"), QStringLiteral("logs"), name }, env);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(run.out, QStringLiteral("first\nsecond\n"));
    run = iocctl({ QStringLiteral("--user"), QStringLiteral("logs"), QStringLiteral("-n"),
                   QStringLiteral("1"), name },
                 env);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(run.out, QStringLiteral("second\n"));
    run = iocctl({ QStringLiteral("--user"), QStringLiteral("logs"), QStringLiteral("--since"),
                   QStringLiteral("1 day ago"), name },
                 env);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(run.out, QStringLiteral("first\nsecond\n"));
    // docker's spellings: a duration is before now, for --until too; a bare number is a
    // Unix time.
    run = iocctl({ QStringLiteral("--user"), QStringLiteral("logs"), QStringLiteral("--since"),
                   QStringLiteral("1h"), name },
                 env);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(run.out, QStringLiteral("first\nsecond\n"));
    run = iocctl({ QStringLiteral("--user"), QStringLiteral("logs"), QStringLiteral("--until"),
                   QStringLiteral("1h"), name },
                 env);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(run.out, QString());
    run = iocctl({ QStringLiteral("--user"), QStringLiteral("logs"), QStringLiteral("--since"),
                   QString::number(QDateTime::currentSecsSinceEpoch() + 3600), name },
                 env);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QCOMPARE(run.out, QString());
    run = iocctl({ QStringLiteral("--user"), QStringLiteral("logs"), QStringLiteral("--since"),
                   QStringLiteral("soon"), name },
                 env);
    QCOMPARE(run.code, 2);
    QVERIFY2(run.err.contains(QLatin1String("\"soon\"")), qPrintable(run.err));
}

QByteArray TestContainerRuntime::execIn(const QString &id, const QStringList &command)
{
    bool done = false;
    ExecResult result;
    m_client->exec(id, command, this, [&](const ExecResult &r) {
        result = r;
        done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs); }();
    if (!result.error.isEmpty())
        qWarning("exec %s: %s", qPrintable(command.join(QLatin1Char(' '))),
                 qPrintable(result.error));
    return result.standardOutput;
}

bool TestContainerRuntime::waitForOutput(ConsoleSession *session, const QByteArray *output,
                                         const QByteArray &text)
{
    (void)QTest::qWaitFor(
            [&] {
                return session->state() == ConsoleSession::State::Connected
                        && output->contains(text);
            },
            CallTimeoutMs);
    return session->state() == ConsoleSession::State::Connected && output->contains(text);
}

QProcessEnvironment TestContainerRuntime::iocctlEnvironment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DOCKER_HOST"), QStringLiteral("unix://") + m_socket);
    env.remove(QStringLiteral("IOCDOCK_CONTAINERS"));
    return env;
}

// iocsim's answer to "help": not in what is typed, so a pty's echo cannot fake it.
static const QByteArray s_helpAnswer = "Type 'help <command>'";

// The part of a container's create request that gives it restart policy @p name.
static QJsonObject restartPolicy(const QString &name)
{
    return { { QStringLiteral("HostConfig"),
               QJsonObject{ { QStringLiteral("RestartPolicy"),
                              QJsonObject{ { QStringLiteral("Name"), name } } } } } };
}

void TestContainerRuntime::restartPolicyRestartsAreEvents()
{
    // A container whose IOC ends at once and whose restart policy is "always": the engine
    // starts the same container again and again (RestartCount). `iocctl events` says each
    // restart, with the engine's count, then the new run's stop and start.
    REQUIRE_PODMAN();
    IOCDOCK_REQUIRE_SANDBOX();
    const QString name = QStringLiteral("looping-%1").arg(QCoreApplication::applicationPid());
    const QJsonObject always = restartPolicy(QStringLiteral("always"));
    const QString id = create(
            containerName("looping"),
            { QStringLiteral("/bin/sh"), QStringLiteral("-c"), QStringLiteral("sleep 1; exit 3") },
            { { QLatin1String(ContainerLabels::IocName), name } }, always);
    QVERIFY(!id.isEmpty());

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DOCKER_HOST"), QStringLiteral("unix://") + m_socket);
    env.remove(QStringLiteral("IOCDOCK_CONTAINERS"));
    QProcess events;
    events.setProcessEnvironment(env);
    events.setProgram(Sandbox::binPath(QStringLiteral("iocctl")));
    events.setArguments({ QStringLiteral("--user"), QStringLiteral("events"), QStringLiteral("-f"),
                          QStringLiteral("name=") + name, QStringLiteral("--until"),
                          QStringLiteral("300s") });
    events.start();
    QVERIFY(events.waitForStarted(10000));
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT((err += events.readAllStandardError()).contains("Watching"), 60000);
    QCOMPARE(startContainer(id), QString());

    QByteArray out;
    QList<int> counts;
    const auto restartsSeen = [&] {
        out += events.readAllStandardOutput();
        counts = restartCounts(out, name);
        return counts.size();
    };
    QTRY_VERIFY2_WITH_TIMEOUT(restartsSeen() >= 2, out.constData(), 60000);
    for (qsizetype i = 1; i < counts.size(); ++i)
        QVERIFY2(counts.at(i) > counts.at(i - 1), out.constData());
    QVERIFY2(counts.first() >= 1, out.constData());
    QVERIFY2(out.contains(QByteArray(" start " + name.toUtf8() + " (pid=")), out.constData());
    // Three deaths within the window: the stream says the crash loop began.
    const QByteArray enter = " crashloop-enter " + name.toUtf8();
    QTRY_VERIFY2_WITH_TIMEOUT((out += events.readAllStandardOutput()).contains(enter),
                              out.constData(), 60000);
    events.terminate();
    QVERIFY(events.waitForFinished(10000));
}

void TestContainerRuntime::restartPolicyLoopIsACrashLoop()
{
    // A container whose IOC ends after a second and whose engine starts it again each time
    // (restart policy "always", Podman restarts at once): it is up nearly all the time, but
    // it is no healthy IOC. Live (the runtime) and at a first look (a new `iocctl ps`, which
    // learns the deaths from the engine's past events), it is a crash loop.
    REQUIRE_PODMAN();
    IOCDOCK_REQUIRE_SANDBOX();
    QVERIFY(m_runtime);
    const QString name = QStringLiteral("pump-loop-%1").arg(QCoreApplication::applicationPid());
    const QJsonObject always = restartPolicy(QStringLiteral("always"));
    const QString id = create(
            containerName("pump-loop"),
            { QStringLiteral("/bin/sh"), QStringLiteral("-c"), QStringLiteral("sleep 1; exit 3") },
            { { QLatin1String(ContainerLabels::IocName), name } }, always);
    QVERIFY(!id.isEmpty());
    QCOMPARE(startContainer(id), QString());
    QTRY_COMPARE_WITH_TIMEOUT(row(name).status(), QStringLiteral("crashloop"), 60000);
    const QString text = IocFormat::statusText(row(name), QDateTime::currentDateTime());
    QVERIFY2(text.startsWith(QLatin1String("Restarting (crashed ")), qPrintable(text));
    QVERIFY2(text.endsWith(QLatin1String("last: exit 3)")), qPrintable(text));

    const Run json = iocctl({ QStringLiteral("--user"), QStringLiteral("ps"), QStringLiteral("-a"),
                              QStringLiteral("--format"), QStringLiteral("json") },
                            iocctlEnvironment());
    QCOMPARE(json.code, 0);
    bool seen = false;
    const QJsonArray rows = QJsonDocument::fromJson(json.out.toUtf8()).array();
    for (const QJsonValue &value : rows) {
        const QJsonObject o = value.toObject();
        if (o.value(QLatin1String("name")).toString() != name)
            continue;
        seen = true;
        QCOMPARE(o.value(QLatin1String("status")).toString(), QStringLiteral("crashloop"));
        QCOMPARE(o.value(QLatin1String("crashLoop")).toBool(), true);
        const QJsonObject last = o.value(QLatin1String("lastExit")).toObject();
        QCOMPARE(last.value(QLatin1String("code")).toInt(-1), 3);
    }
    QVERIFY2(seen, qPrintable(json.out));
    const Run table = iocctl({ QStringLiteral("--user"), QStringLiteral("ps"), QStringLiteral("-a"),
                               QStringLiteral("-f"), QStringLiteral("status=crashloop") },
                             iocctlEnvironment());
    QCOMPARE(table.code, 0);
    QVERIFY2(table.out.contains(name) && table.out.contains(QLatin1String("Restarting (crashed")),
             qPrintable(table.out));
}

void TestContainerRuntime::userRestartsAreNoCrashLoop()
{
    // The same restart policy, but the container is restarted by its user, three times in a
    // row: the engine did not restart it on its own (RestartCount stays 0), no crash loop.
    REQUIRE_PODMAN();
    IOCDOCK_REQUIRE_SANDBOX();
    QVERIFY(m_runtime);
    const QString name = QStringLiteral("pump-ok-%1").arg(QCoreApplication::applicationPid());
    const QJsonObject always = restartPolicy(QStringLiteral("always"));
    const QString id = create(containerName("pump-ok"),
                              { QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                QStringLiteral("trap 'exit 0' TERM; while :; do sleep 1; done") },
                              { { QLatin1String(ContainerLabels::IocName), name } }, always);
    QVERIFY(!id.isEmpty());
    QCOMPARE(startContainer(id), QString());
    QTRY_COMPARE_WITH_TIMEOUT(row(name).status(), QStringLiteral("running"), CallTimeoutMs);
    for (int i = 0; i < 3; ++i) {
        const quint32 before = row(name).mainPid;
        const JobResult result = act(UnitAction::Restart, name);
        QVERIFY2(result.ok(), qPrintable(result.message));
        QTRY_VERIFY_WITH_TIMEOUT(row(name).mainPid != before && row(name).mainPid != 0,
                                 CallTimeoutMs);
    }
    QCOMPARE(row(name).status(), QStringLiteral("running"));
    const Run table = iocctl({ QStringLiteral("--user"), QStringLiteral("ps"), QStringLiteral("-a"),
                               QStringLiteral("-f"), QStringLiteral("status=crashloop") },
                             iocctlEnvironment());
    QCOMPARE(table.code, 0);
    QVERIFY2(!table.out.contains(name), qPrintable(table.out));
}

void TestContainerRuntime::procServConsoleInContainer()
{
    REQUIRE_PODMAN();
    QVERIFY(m_runtime);
    if (!haveProcServImage())
        QSKIP("the podman sandbox's image has no procServ or no iocsim");
    // procServ on a TCP port inside the container (no network: only its own loopback), no log
    // port; iocsim writes every byte it reads to a file, which tells what reached the IOC.
    const QString name = containerName("console");
    const QString id = create(name,
                              { QStringLiteral("/bin/procServ"), QStringLiteral("-f"),
                                QStringLiteral("-n"), QStringLiteral("ioc3"), QStringLiteral("-P"),
                                QStringLiteral("4051"), QStringLiteral("/bin/iocsim"),
                                QStringLiteral("--name"), QStringLiteral("ioc3"),
                                QStringLiteral("--input-log"), QStringLiteral("/tmp/input.log") });
    QVERIFY(!id.isEmpty());
    QCOMPARE(startContainer(id), QString());
    QTRY_COMPARE_WITH_TIMEOUT(row(name).status(), QStringLiteral("running"), CallTimeoutMs);
    const Ioc ioc = row(name);
    const quint32 mainPid = ioc.mainPid;
    QVERIFY(mainPid > 0);
    QVERIFY(m_runtime->hasConsole(ioc));
    QCOMPARE(ContainerRuntime::consoleRelay(ioc, false).toString(),
             QStringLiteral("tcp:127.0.0.1:4051"));
    // Without a log port a read-only console reaches the control port and sends nothing.
    QCOMPARE(ContainerRuntime::consoleRelay(ioc, true).toString(),
             QStringLiteral("tcp:127.0.0.1:4051"));

    // Read-only first: it is connected once procServ's banner came through the relay.
    QByteArray readOnlyOutput, output;
    auto owner = std::make_unique<QObject>(); // the sessions go before what they write to
    ConsoleSession *readOnly = m_runtime->openConsole(ioc, true, owner.get());
    QVERIFY(readOnly);
    connect(readOnly, &ConsoleSession::dataReceived, this,
            [&](const QByteArray &d) { readOnlyOutput += d; });
    readOnly->open();
    QVERIFY2(waitForOutput(readOnly, &readOnlyOutput, "Welcome to procServ"),
             qPrintable(readOnly->errorString() + QLatin1Char('\n')
                        + QString::fromUtf8(readOnlyOutput)));
    // The test image has busybox's nc and no socat: the probe chose nc.
    QVERIFY2(readOnly->targetDescription().contains(QLatin1String("nc 127.0.0.1 4051")),
             qPrintable(readOnly->targetDescription()));
    QVERIFY(!readOnly->send("dbl\r"));

    ConsoleSession *session = m_runtime->openConsole(ioc, false, owner.get());
    connect(session, &ConsoleSession::dataReceived, this,
            [&](const QByteArray &d) { output += d; });
    QSignalSpy banner(session, &ConsoleSession::bannerReceived);
    session->open();
    QTRY_VERIFY_WITH_TIMEOUT(!banner.isEmpty(), CallTimeoutMs);
    QVERIFY2(output.contains("Welcome to procServ"), output.constData());
    // A console opened right after the container started may see procServ before its child.
    QTRY_VERIFY2_WITH_TIMEOUT(session->tracker().childPid() > 0, output.constData(), CallTimeoutMs);
    const qint64 childPid = session->tracker().childPid();
    QCOMPARE(session->tracker().childState(), ChildState::Running);

    output.clear();
    QVERIFY(session->send("help\r"));
    QVERIFY2(waitForOutput(session, &output, s_helpAnswer), output.constData());
    // procServ shows the IOC's output to every client, the read-only one too.
    QVERIFY2(waitForOutput(readOnly, &readOnlyOutput, s_helpAnswer), readOnlyOutput.constData());

    // Detach: closing writes nothing, the IOC runs on with the same PID.
    readOnly->close();
    session->close();
    owner.reset();
    // Only what was typed reached the IOC: no control character, nothing from the read-only
    // session. (The relay's exit is seen by procServ, not by its child.)
    QByteArray typed;
    QTRY_VERIFY_WITH_TIMEOUT(
            (typed = execIn(id, { QStringLiteral("cat"), QStringLiteral("/tmp/input.log") }))
                    .contains("help"),
            CallTimeoutMs);
    // procServ's pty turns the CR typed into a line end.
    QCOMPARE(typed, QByteArray("help\n"));

    owner = std::make_unique<QObject>();
    ConsoleSession *again = m_runtime->openConsole(row(name), false, owner.get());
    QSignalSpy bannerAgain(again, &ConsoleSession::bannerReceived);
    again->open();
    QTRY_VERIFY_WITH_TIMEOUT(!bannerAgain.isEmpty(), CallTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(again->tracker().childPid(), childPid, CallTimeoutMs);
    QCOMPARE(row(name).status(), QStringLiteral("running"));
    QCOMPARE(row(name).mainPid, mainPid);

    // The container restarts under an open console: the relay ends with it, and the session
    // reconnects (a new relay) once procServ answers again, as it does for a unit.
    QSignalSpy reconnected(again, &ConsoleSession::reconnected);
    const JobResult restart = act(UnitAction::Restart, name);
    QVERIFY2(restart.ok(), qPrintable(restart.message));
    QTRY_VERIFY_WITH_TIMEOUT(!reconnected.isEmpty(), CallTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(bannerAgain.size() >= 2, CallTimeoutMs);
    QCOMPARE(again->state(), ConsoleSession::State::Connected);
    owner.reset();
}

void TestContainerRuntime::stdioConsoleThroughAttach()
{
    REQUIRE_PODMAN();
    QVERIFY(m_runtime);
    if (!haveProcServImage())
        QSKIP("the podman sandbox's image has no iocsim");
    // The IOC's shell is the container's stdio, with a TTY and stdin kept open (docker run
    // -dit; epics-containers' compose files say tty: true, stdin_open: true).
    const QString ioc = QStringLiteral("attach-%1").arg(QCoreApplication::applicationPid());
    const QString id = create(
            containerName("attach"),
            { QStringLiteral("/bin/iocsim"), QStringLiteral("--name"), ioc,
              QStringLiteral("--input-log"), QStringLiteral("/tmp/input.log") },
            { { QLatin1String(ContainerLabels::IocName), ioc } },
            QJsonObject{ { QStringLiteral("OpenStdin"), true }, { QStringLiteral("Tty"), true } });
    QVERIFY(!id.isEmpty());
    QCOMPARE(startContainer(id), QString());
    QTRY_COMPARE_WITH_TIMEOUT(row(ioc).status(), QStringLiteral("running"), CallTimeoutMs);
    const quint32 mainPid = row(ioc).mainPid;
    QVERIFY(mainPid > 0);
    QVERIFY(m_runtime->hasConsole(row(ioc)));

    QByteArray readOnlyOutput, output, againOutput;
    auto owner = std::make_unique<QObject>(); // the sessions go before what they write to
    ConsoleSession *readOnly = m_runtime->openConsole(row(ioc), true, owner.get());
    connect(readOnly, &ConsoleSession::dataReceived, this,
            [&](const QByteArray &d) { readOnlyOutput += d; });
    readOnly->open();
    QTRY_COMPARE_WITH_TIMEOUT(readOnly->state(), ConsoleSession::State::Connected, CallTimeoutMs);
    QVERIFY2(readOnly->targetDescription().contains(QLatin1String("attach")),
             qPrintable(readOnly->targetDescription()));
    QVERIFY(!readOnly->send("dbl\r"));

    ConsoleSession *session = m_runtime->openConsole(row(ioc), false, owner.get());
    QVERIFY(!session->isTelnet());
    connect(session, &ConsoleSession::dataReceived, this,
            [&](const QByteArray &d) { output += d; });
    session->open();
    QTRY_COMPARE_WITH_TIMEOUT(session->state(), ConsoleSession::State::Connected, CallTimeoutMs);
    // Raw bytes, no telnet: what Enter sends on a terminal.
    QVERIFY(session->send("help\r"));
    QVERIFY2(waitForOutput(session, &output, s_helpAnswer), output.constData());
    QVERIFY2(waitForOutput(readOnly, &readOnlyOutput, s_helpAnswer), readOnlyOutput.constData());

    // Detaching is closing the connection: the container runs on, and only the line typed
    // reached the IOC (the engine's detach keys were never typed; nothing on close).
    owner.reset();
    QByteArray typed;
    QTRY_VERIFY_WITH_TIMEOUT(
            (typed = execIn(id, { QStringLiteral("cat"), QStringLiteral("/tmp/input.log") }))
                    .contains("help"),
            CallTimeoutMs);
    QCOMPARE(typed, QByteArray("help\n"));
    bool done = false;
    ContainerDetails details;
    m_client->inspectContainer(id, this, [&](const ContainerDetails &d, const QString &) {
        details = d;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs);
    QVERIFY(details.running);
    QCOMPARE(quint32(details.pid), mainPid);

    // The IOC sees one line end (the container's pty turns the CR into LF).
    owner = std::make_unique<QObject>();
    ConsoleSession *again = m_runtime->openConsole(row(ioc), false, owner.get());
    connect(again, &ConsoleSession::dataReceived, this,
            [&](const QByteArray &d) { againOutput += d; });
    again->open();
    QTRY_COMPARE_WITH_TIMEOUT(again->state(), ConsoleSession::State::Connected, CallTimeoutMs);
    QVERIFY(again->send("help\r"));
    QVERIFY2(waitForOutput(again, &againOutput, s_helpAnswer), againOutput.constData());
    owner.reset();

    // Without a TTY Podman closes the container's stdin when an attach with stdin ends (an
    // IOC shell then exits): typing into it is refused, plainly and once; watching works, and
    // the container runs on after it.
    const QString pipeIoc = QStringLiteral("pipe-%1").arg(QCoreApplication::applicationPid());
    const QString pipeId =
            create(containerName("pipe"),
                   { QStringLiteral("/bin/iocsim"), QStringLiteral("--name"), pipeIoc },
                   { { QLatin1String(ContainerLabels::IocName), pipeIoc } },
                   QJsonObject{ { QStringLiteral("OpenStdin"), true } });
    QVERIFY(!pipeId.isEmpty());
    QCOMPARE(startContainer(pipeId), QString());
    QTRY_COMPARE_WITH_TIMEOUT(row(pipeIoc).status(), QStringLiteral("running"), CallTimeoutMs);
    owner = std::make_unique<QObject>();
    ConsoleSession *refused = m_runtime->openConsole(row(pipeIoc), false, owner.get());
    QSignalSpy refusedErrors(refused, &ConsoleSession::errorOccurred);
    refused->open();
    QTRY_COMPARE_WITH_TIMEOUT(refused->state(), ConsoleSession::State::Failed, CallTimeoutMs);
    QCOMPARE(refusedErrors.size(), 1);
    QVERIFY2(refused->errorString().contains(QLatin1String("has no TTY")),
             qPrintable(refused->errorString()));
    ConsoleSession *watching = m_runtime->openConsole(row(pipeIoc), true, owner.get());
    watching->open();
    QTRY_COMPARE_WITH_TIMEOUT(watching->state(), ConsoleSession::State::Connected, CallTimeoutMs);
    owner.reset();
    // The engine saw the connection end: then the container's state is asked again.
    QVERIFY2(execIn(pipeId, { QStringLiteral("echo"), QStringLiteral("alive") }) == "alive\n",
             "the container stopped after a read-only attach ended");
    bool pipeDone = false;
    ContainerDetails pipeDetails;
    m_client->inspectContainer(pipeId, this, [&](const ContainerDetails &d, const QString &) {
        pipeDetails = d;
        pipeDone = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(pipeDone, CallTimeoutMs);
    QVERIFY(pipeDetails.running);
}

void TestContainerRuntime::iocctlExecAndAttachContainers()
{
    REQUIRE_PODMAN();
    IOCDOCK_REQUIRE_SANDBOX();
    QVERIFY(m_runtime);
    if (!haveProcServImage())
        QSKIP("the podman sandbox's image has no procServ or no iocsim");
    const QProcessEnvironment env = iocctlEnvironment();
    const QString procServ = containerName("console");
    const QString stdio = QStringLiteral("attach-%1").arg(QCoreApplication::applicationPid());
    QCOMPARE(row(procServ).status(), QStringLiteral("running"));
    QCOMPARE(row(stdio).status(), QStringLiteral("running"));

    Run run = iocctl({ QStringLiteral("--user"), QStringLiteral("exec"), procServ,
                       QStringLiteral("--"), QStringLiteral("help") },
                     env);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QLatin1String(s_helpAnswer)), qPrintable(run.out));
    run = iocctl({ QStringLiteral("--user"), QStringLiteral("exec"), stdio, QStringLiteral("--"),
                   QStringLiteral("help") },
                 env);
    QVERIFY2(run.code == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QLatin1String(s_helpAnswer)), qPrintable(run.out));

    // attach on a real terminal (util-linux script): iocdock's detach key (Ctrl-]) ends it,
    // and the container runs on.
    if (QStandardPaths::findExecutable(QStringLiteral("script")).isEmpty())
        QFAIL("script (util-linux) is needed to run iocctl on a terminal");
    const quint32 mainPid = row(stdio).mainPid;
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProgram(QStringLiteral("script"));
    process.setArguments({ QStringLiteral("-qefc"),
                           QStringLiteral("'%1' --user attach '%2'")
                                   .arg(Sandbox::binPath(QStringLiteral("iocctl")), stdio),
                           QStringLiteral("/dev/null") });
    process.start();
    QVERIFY(process.waitForStarted(10000));
    QByteArray output;
    const auto waitFor = [&](const QByteArray &text) {
        (void)QTest::qWaitFor(
                [&] {
                    output += process.readAllStandardOutput();
                    return output.contains(text) || process.state() == QProcess::NotRunning;
                },
                CallTimeoutMs);
        output += process.readAllStandardOutput();
        return output.contains(text);
    };
    QVERIFY2(waitFor("Attached to " + stdio.toUtf8()), output.constData());
    QVERIFY2(output.contains("Detach with Ctrl-]"), output.constData());
    process.write("help\r");
    QVERIFY2(waitFor(s_helpAnswer), output.constData());
    process.write("\x1d"); // Ctrl-]
    QVERIFY2(process.waitForFinished(CallTimeoutMs), output.constData());
    QCOMPARE(process.exitCode(), 0);

    bool done = false;
    ContainerDetails details;
    m_client->inspectContainer(row(stdio).containerId, this,
                               [&](const ContainerDetails &d, const QString &) {
                                   details = d;
                                   done = true;
                               });
    QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs);
    QVERIFY(details.running);
    QCOMPARE(quint32(details.pid), mainPid);
}

QTEST_GUILESS_MAIN(TestContainerRuntime)
#include "tst_containerruntime.moc"
