// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/containers/engineclient.h"
#include "core/containers/podmanruncommand.h"
#include "core/fleet/fleet.h"
#include "core/hosts/host.h"
#include "core/ioc/containerruntime.h"
#include "core/ioc/inventory.h"
#include "core/ioc/iocformat.h"
#include "tests/common/sandbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <signal.h>

// Bounds for a loaded 2-core machine.
static constexpr int CallTimeoutMs = 60000;

/// A container run by a systemd unit (what Podman Quadlet and `podman generate systemd --new`
/// make) is one row: the sandbox's user manager runs a unit whose ExecStart is the podman CLI
/// as a client of the podman sandbox's API service (`podman --url unix://SOCKET run --rm ...
/// --label PODMAN_SYSTEMD_UNIT=%n IMAGE procServ ...`), so the container runs under the API
/// service and the unit lives as long as that client. Real podman, real systemd; the test
/// functions run in order on one fleet.
///
/// The label is given on the command line: podman sets PODMAN_SYSTEMD_UNIT from the environment
/// of the podman process that creates the container, and a remote client's environment does
/// not reach the service.
class TestQuadlet : public QObject
{
    Q_OBJECT

private slots:
    void podmanRunCommand_data();
    void podmanRunCommand();
    void initTestCase();
    void cleanupTestCase();
    void unitAndContainerAreOneRow();
    void memoryAndChildOfProcServ();
    void childShutDownInAContainer();
    void stopThroughTheRowStopsTheUnit();
    void startThroughTheRowStartsTheUnit();
    void iocctlShowsOneLine();
    void stoppedUnitIsListedAfresh();
    void unitGoneRowGone();
    void failedUnitShowsFailed();

private:
    bool ready();
    QList<Ioc> rowsNamed(const QString &name) const;
    Ioc row() const;
    JobResult act(UnitAction action);
    QString activeState();
    QStringList containerNames();

    Sandbox m_sandbox;
    QString m_socket;
    QString m_image;
    QString m_unit; // a convention's name: Inventory would list it if it looked at the name
    QString m_container; // the IOC's name (procServ in the container)
    Fleet *m_fleet = nullptr;
    Host *m_host = nullptr;
    EngineClient *m_client = nullptr;
};

void TestQuadlet::podmanRunCommand_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("isRun");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("image");
    QTest::addColumn<QString>("program");
    QTest::addColumn<QString>("iocLabel");
    // As Quadlet (podman 4.4+) and `podman generate systemd --new` write them.
    QTest::newRow("quadlet") << "/usr/bin/podman run --name=systemd-vac --cidfile=/run/vac.cid "
                                "--replace --rm --log-driver passthrough --cgroups=split "
                                "--sdnotify=conmon -d -v /epics:/epics:ro img:1 "
                                "/usr/bin/procServ -f -n vac 2000 st.cmd"
                             << true << "systemd-vac"
                             << "img:1"
                             << "/usr/bin/procServ"
                             << "";
    QTest::newRow("generate --new")
            << "/usr/bin/podman run --cidfile=/run/c.ctr-id --cgroups=no-conmon --rm "
               "--sdnotify=conmon --replace -dit --name motor -l iocdock.ioc=motor-ioc "
               "--label PODMAN_SYSTEMD_UNIT=x.service localhost/ioc /bin/sh -c st.cmd"
            << true << "motor"
            << "localhost/ioc"
            << "/bin/sh"
            << "motor-ioc";
    QTest::newRow("remote, entrypoint")
            << "podman --url unix:///s.sock --remote run --entrypoint [\"/bin/procServ\",\"-f\"] "
               "--network none -- img 2000 ioc"
            << true << ""
            << "img"
            << "/bin/procServ"
            << "";
    QTest::newRow("image's own command") << "podman run --rm img" << true << ""
                                         << "img"
                                         << ""
                                         << "";
    QTest::newRow("not run") << "/usr/bin/podman start --attach vac" << false << ""
                             << ""
                             << ""
                             << "";
    QTest::newRow("no image") << "/usr/bin/podman run --rm --name" << false << ""
                              << ""
                              << ""
                              << "";
    QTest::newRow("not podman") << "/usr/bin/docker run img procServ" << false << ""
                                << ""
                                << ""
                                << "";
}

void TestQuadlet::podmanRunCommand()
{
    QFETCH(QString, line);
    QFETCH(bool, isRun);
    QFETCH(QString, name);
    QFETCH(QString, image);
    QFETCH(QString, program);
    QFETCH(QString, iocLabel);
    const PodmanRunCommand c = PodmanRunCommand::parse(line.split(QLatin1Char(' ')));
    QCOMPARE(c.isRun, isRun);
    QCOMPARE(c.name, name);
    QCOMPARE(c.image, image);
    QCOMPARE(c.program(), program);
    QCOMPARE(c.labels.value(QStringLiteral("iocdock.ioc")), iocLabel);
}

bool TestQuadlet::ready()
{
    if (m_socket.isEmpty()) {
        if (qEnvironmentVariableIntValue("IOCDOCK_RUN_TESTS") == 1)
            QTest::qFail("tools/run-tests provided no podman service (IOCDOCK_PODMAN_SOCKET)",
                         __FILE__, __LINE__);
        else
            QTest::qSkip("no podman service: run under tools/run-tests", __FILE__, __LINE__);
        return false;
    }
    if (!Sandbox::isAvailable()) {
        QTest::qFail(qPrintable(Sandbox::unavailableReason()), __FILE__, __LINE__);
        return false;
    }
    return true;
}

#define REQUIRE_READY() \
    do {                \
        if (!ready())   \
            return;     \
    } while (false)

void TestQuadlet::initTestCase()
{
    m_socket = qEnvironmentVariable("IOCDOCK_PODMAN_SOCKET");
    m_image = qEnvironmentVariable("IOCDOCK_PODMAN_IMAGE",
                                   QStringLiteral("localhost/iocdock-test:latest"));
    const qint64 pid = QCoreApplication::applicationPid();
    m_unit = QStringLiteral("softioc-quadlet%1.service").arg(pid);
    m_container = QStringLiteral("iocdock-quadlet-%1").arg(pid);
    if (m_socket.isEmpty() || !Sandbox::isAvailable())
        return;
    const QStringList tools =
            qEnvironmentVariable("IOCDOCK_PODMAN_IMAGE_TOOLS").split(QLatin1Char(' '));
    QVERIFY2(tools.contains(QLatin1String("procServ")) && tools.contains(QLatin1String("iocsim")),
             "the podman sandbox's image has no procServ or no iocsim");
    const QString podman = QStandardPaths::findExecutable(QStringLiteral("podman"));
    QVERIFY2(!podman.isEmpty(), "no podman CLI");
    m_client = new EngineClient(m_socket, this);

    // As `podman generate systemd --new` writes it (Quadlet's differ in Type=notify and
    // --sdnotify=conmon, which a remote client cannot do).
    const QString url = QStringLiteral("unix://") + m_socket;
    const QString text =
            QStringLiteral("[Unit]\n"
                           "Description=Quadlet-style IOC %1\n"
                           "[Service]\n"
                           "Environment=PODMAN_SYSTEMD_UNIT=%n\n"
                           "ExecStart=%2 --url %3 run --rm --replace --name %1 "
                           "--label PODMAN_SYSTEMD_UNIT=%n --network none %4 "
                           "/bin/procServ -f -n ioc -P unix:/run/ioc.sock /bin/iocsim --name ioc\n"
                           "ExecStop=%2 --url %3 stop --ignore -t 5 %1\n"
                           "[Install]\n"
                           "WantedBy=default.target\n")
                    .arg(m_container, podman, url, m_image);
    QVERIFY(m_sandbox.installUnit(m_unit, text));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), m_unit }));
    QCOMPARE(activeState(), QStringLiteral("active"));

    // The engine is found as iocctl and the GUI find it.
    const QByteArray oldDockerHost = qgetenv("DOCKER_HOST");
    qputenv("DOCKER_HOST", url.toUtf8());
    m_fleet = new Fleet(this);
    m_fleet->setContainerDiscovery(true); // the test environment turns it off (tests/CMakeLists)
    m_host = m_fleet->addHost(QStringLiteral("user"));
    if (oldDockerHost.isNull())
        qunsetenv("DOCKER_HOST");
    else
        qputenv("DOCKER_HOST", oldDockerHost);
    QVERIFY(m_host);
    QCOMPARE(m_fleet->runtimes(m_host).size(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(m_fleet->isReady(), CallTimeoutMs);
}

void TestQuadlet::cleanupTestCase()
{
    delete m_fleet;
    m_fleet = nullptr;
    if (m_socket.isEmpty() || !Sandbox::isAvailable())
        return;
    m_sandbox.removeUnit(m_unit); // stops it: the container goes with --rm
}

QList<Ioc> TestQuadlet::rowsNamed(const QString &name) const
{
    QList<Ioc> rows;
    if (!m_fleet)
        return rows;
    for (const Ioc &ioc : m_fleet->iocs()) {
        if (ioc.name == name || ioc.unit == m_unit || ioc.container == m_container)
            rows << ioc;
    }
    return rows;
}

Ioc TestQuadlet::row() const
{
    return rowsNamed(m_container).value(0);
}

JobResult TestQuadlet::act(UnitAction action)
{
    const Ioc ioc = row();
    IocRuntime *runtime = m_fleet->runtimeFor(ioc);
    JobResult result;
    if (!runtime) {
        result.message = QStringLiteral("no runtime for ") + ioc.key();
        return result;
    }
    bool done = false;
    runtime->run(action, ioc.key(), this, [&](const JobResult &r) {
        result = r;
        done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs); }();
    return result;
}

QString TestQuadlet::activeState()
{
    return m_sandbox.unitProperty(m_unit, QStringLiteral("ActiveState"));
}

QStringList TestQuadlet::containerNames()
{
    QStringList names;
    bool done = false;
    m_client->listContainers(this, [&](const QList<ContainerSummary> &list, const QString &) {
        for (const ContainerSummary &summary : list)
            names << summary.name();
        done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs); }();
    return names;
}

void TestQuadlet::unitAndContainerAreOneRow()
{
    REQUIRE_READY();
    QTRY_COMPARE_WITH_TIMEOUT(row().containerState, QStringLiteral("running"), CallTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(row().activeState, QStringLiteral("active"), CallTimeoutMs);
    const QList<Ioc> rows = rowsNamed(m_container);
    QCOMPARE(rows.size(), 1); // not a container row and a unit row
    const Ioc ioc = rows.first();
    QCOMPARE(ioc.name, m_container); // named as any container IOC (procServ runs in it)
    QCOMPARE(ioc.runtime, QStringLiteral("podman"));
    QCOMPARE(ioc.unit, m_unit);
    QCOMPARE(ioc.container, m_container);
    QCOMPARE(ioc.image, m_image);
    QCOMPARE(ioc.subState, QStringLiteral("running"));
    QCOMPARE(ioc.unitFileState, QStringLiteral("disabled"));
    QVERIFY(!ioc.isEnabled()); // the unit's, not the container's restart policy
    QVERIFY(ioc.unitPath.startsWith(QLatin1String("/org/freedesktop/systemd1/unit/")));
    QCOMPARE(ioc.key(), m_host->id() + QLatin1Char('/') + m_unit);
    QCOMPARE(ioc.status(), QStringLiteral("running"));
    QVERIFY(ioc.mainPid > 0); // the container's, not the podman client's
    QVERIFY(ioc.description.contains(m_container));
    QVERIFY(qobject_cast<ContainerRuntime *>(m_fleet->runtimeFor(ioc)));
    // The unit's name fits a convention (softioc-NAME), yet it runs podman: the Inventory
    // leaves it to the container runtime.
    Inventory *inventory = m_fleet->inventory(m_host);
    QVERIFY(inventory);
    for (const Ioc &unitRow : inventory->iocs())
        QVERIFY2(unitRow.unit != m_unit, qPrintable(unitRow.key()));
    // By its container's name, its unit's name or the unit's stem: the one row.
    const QString stem = m_unit.left(m_unit.size() - int(qstrlen(".service")));
    for (const QString &word : { m_container, m_unit, stem }) {
        const IocResolver::Result resolved = m_fleet->resolve({ word }, true);
        QVERIFY2(resolved.iocs.size() == 1, qPrintable(word));
        QCOMPARE(resolved.iocs.first().key(), ioc.key());
    }
}

void TestQuadlet::memoryAndChildOfProcServ()
{
    REQUIRE_READY();
    const Ioc ioc = row();
    QVERIFY(ioc.isContainer());
    QCOMPARE(ioc.memoryBytes, quint64(0)); // not measured yet: unknown
    IocRuntime *runtime = m_fleet->runtimeFor(ioc);
    QSignalSpy changed(m_fleet, &Fleet::iocChanged);
    runtime->refreshStats({ ioc.key() });
    QTRY_VERIFY_WITH_TIMEOUT(row().memoryBytes > 0, CallTimeoutMs);
    // procServ is the container's main process; its child is the IOC (iocsim), read from
    // /proc at each refresh.
    QTRY_VERIFY_WITH_TIMEOUT(
            (runtime->refreshStats({ ioc.key() }), row().childState == ChildState::Running),
            CallTimeoutMs);
    QVERIFY(row().childPid > 0 && row().childPid != row().mainPid);
    QVERIFY(row().childSince.isValid());
    QVERIFY(row().cpuNSec > 0);
    QVERIFY(!changed.isEmpty());
    QVERIFY2(IocFormat::toJson(row()).value(QStringLiteral("memoryBytes")).toDouble() > 0,
             QJsonDocument(IocFormat::toJson(row())).toJson().constData());
}

void TestQuadlet::childShutDownInAContainer()
{
    REQUIRE_READY();
    // A container of no unit running procServ that does not restart its child.
    const QString name = m_container + QStringLiteral("-noauto");
    QJsonObject config;
    config.insert(QStringLiteral("Image"), m_image);
    config.insert(QStringLiteral("Cmd"),
                  QJsonArray{ QStringLiteral("/bin/procServ"), QStringLiteral("-f"),
                              QStringLiteral("--noautorestart"), QStringLiteral("-n"),
                              QStringLiteral("ioc"), QStringLiteral("-P"),
                              QStringLiteral("unix:/run/ioc.sock"), QStringLiteral("/bin/iocsim"),
                              QStringLiteral("--name"), QStringLiteral("ioc") });
    config.insert(QStringLiteral("HostConfig"),
                  QJsonObject{ { QStringLiteral("NetworkMode"), QStringLiteral("none") } });
    bool done = false;
    QString id, error;
    m_client->createContainer(name, config, this, [&](const QString &i, const QString &e) {
        id = i;
        error = e;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    const auto remove = qScopeGuard([this, id] {
        bool removed = false;
        m_client->removeContainer(id, true, this, [&removed](const QString &) { removed = true; });
        QTRY_VERIFY_WITH_TIMEOUT(removed, CallTimeoutMs);
    });
    done = false;
    m_client->startContainer(id, this, [&](const QString &e) {
        error = e;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs);
    QCOMPARE(error, QString());
    const auto rowOf = [this, &name] {
        for (const Ioc &ioc : m_fleet->iocs()) {
            if (ioc.name == name)
                return ioc;
        }
        return Ioc();
    };
    // Read when the container's state changes and at each refresh (the GUI refreshes the
    // visible rows): right after the start procServ may not have forked its child yet.
    QTRY_COMPARE_WITH_TIMEOUT(rowOf().containerState, QStringLiteral("running"), CallTimeoutMs);
    IocRuntime *runtime = m_fleet->runtimeFor(rowOf());
    QVERIFY(runtime);
    QTRY_VERIFY_WITH_TIMEOUT(
            (runtime->refreshStats({ rowOf().key() }), rowOf().childState == ChildState::Running),
            CallTimeoutMs);
    const quint32 child = rowOf().childPid;
    QVERIFY(child > 0);
    QVERIFY(rowOf().unit.isEmpty());
    QCOMPARE(rowOf().status(), QStringLiteral("running"));

    // The IOC dies; procServ stays (no event from the engine): the next refresh reads /proc.
    QCOMPARE(::kill(pid_t(child), SIGKILL), 0);
    QTRY_VERIFY_WITH_TIMEOUT(
            (runtime->refreshStats({ rowOf().key() }), rowOf().childState == ChildState::ShutDown),
            CallTimeoutMs);
    QCOMPARE(rowOf().status(), QStringLiteral("shutdown"));
    QCOMPARE(rowOf().childPid, 0u);
    QCOMPARE(rowOf().containerState, QStringLiteral("running"));
    const QString text = IocFormat::statusText(rowOf(), QDateTime::currentDateTime());
    QVERIFY2(text.startsWith(QLatin1String("Up"))
                     && text.endsWith(QLatin1String("(IOC shut down)")),
             qPrintable(text));
}

void TestQuadlet::stopThroughTheRowStopsTheUnit()
{
    REQUIRE_READY();
    const JobResult result = act(UnitAction::Stop);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.unit, m_unit); // systemd's job
    QCOMPARE(activeState(), QStringLiteral("inactive"));
    // The container went with --rm; the row stays, with the unit's state.
    QTRY_VERIFY_WITH_TIMEOUT(!row().isContainer(), CallTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(row().activeState, QStringLiteral("inactive"), CallTimeoutMs);
    QVERIFY(!containerNames().contains(m_container));
    const QList<Ioc> rows = rowsNamed(m_container);
    QCOMPARE(rows.size(), 1);
    const Ioc ioc = rows.first();
    QCOMPARE(ioc.name, m_container);
    QCOMPARE(ioc.runtime, QStringLiteral("podman"));
    QCOMPARE(ioc.unit, m_unit);
    QCOMPARE(ioc.status(), QStringLiteral("exited"));
    QVERIFY(!ioc.isActive());
    QCOMPARE(ioc.mainPid, 0u);
    QCOMPARE(ioc.memoryBytes, quint64(0)); // nothing runs: unknown, not the last value
    QCOMPARE(ioc.childState, ChildState::Unknown);
    const QString text = IocFormat::statusText(ioc, QDateTime::currentDateTime());
    QVERIFY2(text.startsWith(QLatin1String("Exited")), qPrintable(text));
    QCOMPARE(ioc.key(), m_host->id() + QLatin1Char('/') + m_unit);
}

void TestQuadlet::startThroughTheRowStartsTheUnit()
{
    REQUIRE_READY();
    QVERIFY(!row().unit.isEmpty());
    QSignalSpy removed(m_fleet, &Fleet::iocRemoved);
    const JobResult result = act(UnitAction::Start);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(activeState(), QStringLiteral("active"));
    QTRY_COMPARE_WITH_TIMEOUT(row().containerState, QStringLiteral("running"), CallTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(row().activeState, QStringLiteral("active"), CallTimeoutMs);
    QVERIFY(containerNames().contains(m_container));
    QCOMPARE(rowsNamed(m_container).size(), 1);
    QVERIFY(removed.isEmpty()); // the same row all along (keyed by the unit)

    // Restart: a new container, the same row.
    const QString before = row().containerId;
    const JobResult restarted = act(UnitAction::Restart);
    QVERIFY2(restarted.ok(), qPrintable(restarted.message));
    QTRY_VERIFY_WITH_TIMEOUT(row().isContainer() && row().containerId != before
                                     && row().containerState == QLatin1String("running"),
                             CallTimeoutMs);
    QCOMPARE(rowsNamed(m_container).size(), 1);
    QVERIFY(removed.isEmpty());

    // Enable goes to systemd too (the unit has an [Install] section).
    const JobResult enabled = act(UnitAction::Enable);
    QVERIFY2(enabled.ok(), qPrintable(enabled.message));
    QCOMPARE(m_sandbox.unitProperty(m_unit, QStringLiteral("UnitFileState")),
             QStringLiteral("enabled"));
    const JobResult disabled = act(UnitAction::Disable);
    QVERIFY2(disabled.ok(), qPrintable(disabled.message));
}

void TestQuadlet::iocctlShowsOneLine()
{
    REQUIRE_READY();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DOCKER_HOST"), QStringLiteral("unix://") + m_socket);
    env.remove(QStringLiteral("IOCDOCK_CONTAINERS"));
    const auto iocctl = [&env](const QStringList &args) {
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(Sandbox::binPath(QStringLiteral("iocctl")), args);
        if (!process.waitForFinished(120000)) {
            process.kill();
            process.waitForFinished(5000);
        }
        return QPair<int, QString>(process.exitCode(),
                                   QString::fromUtf8(process.readAllStandardOutput()
                                                     + process.readAllStandardError()));
    };
    const auto linesOf = [this](const QString &out) {
        QStringList lines;
        for (const QString &line : out.split(QLatin1Char('\n'))) {
            if (line.contains(m_container) || line.contains(m_unit))
                lines << line;
        }
        return lines;
    };
    auto run = iocctl({ QStringLiteral("--user"), QStringLiteral("ps"), QStringLiteral("-a") });
    QVERIFY2(run.first == 0, qPrintable(run.second));
    QStringList lines = linesOf(run.second);
    QVERIFY2(lines.size() == 1, qPrintable(run.second));
    QStringList cells = lines.first().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QCOMPARE(cells.value(0), m_container);
    QCOMPARE(cells.value(1), QStringLiteral("Up"));
    QCOMPARE(cells.last(), QStringLiteral("podman"));

    // Stop by its name through iocctl: the unit stops.
    run = iocctl({ QStringLiteral("--user"), QStringLiteral("stop"), m_container });
    QVERIFY2(run.first == 0, qPrintable(run.second));
    QCOMPARE(activeState(), QStringLiteral("inactive"));
    QTRY_COMPARE_WITH_TIMEOUT(row().activeState, QStringLiteral("inactive"), CallTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!row().isContainer(), CallTimeoutMs);
    QCOMPARE(rowsNamed(m_container).size(), 1); // this fleet still shows it, stopped

    // A fresh iocctl lists the stopped unit from its command line: one line, the unit's state.
    run = iocctl({ QStringLiteral("--user"), QStringLiteral("ps"), QStringLiteral("-a") });
    QVERIFY2(run.first == 0, qPrintable(run.second));
    lines = linesOf(run.second);
    QVERIFY2(lines.size() == 1, qPrintable(run.second));
    cells = lines.first().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QCOMPARE(cells.value(0), m_container);
    // Stopped: "Exited ... ago" while systemd has the unit loaded, "Not loaded" once it
    // unloaded it (as for any unit).
    QVERIFY2(cells.value(1) == QLatin1String("Exited")
                     || lines.first().contains(QLatin1String("Not loaded")),
             qPrintable(lines.first()));
    QCOMPARE(cells.last(), QStringLiteral("podman"));
    run = iocctl({ QStringLiteral("--user"), QStringLiteral("ps") });
    QVERIFY2(run.first == 0, qPrintable(run.second));
    QVERIFY2(linesOf(run.second).isEmpty(), qPrintable(run.second)); // not running: -a only

    run = iocctl({ QStringLiteral("--user"), QStringLiteral("start"), m_container });
    QVERIFY2(run.first == 0, qPrintable(run.second));
    QCOMPARE(activeState(), QStringLiteral("active"));
    QTRY_COMPARE_WITH_TIMEOUT(row().containerState, QStringLiteral("running"), CallTimeoutMs);
}

void TestQuadlet::stoppedUnitIsListedAfresh()
{
    REQUIRE_READY();
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("stop"), m_unit }));
    QTRY_VERIFY_WITH_TIMEOUT(!row().isContainer(), CallTimeoutMs);
    // A fleet that never saw the container: the unit's command line says it is an IOC.
    const QByteArray oldDockerHost = qgetenv("DOCKER_HOST");
    qputenv("DOCKER_HOST", (QStringLiteral("unix://") + m_socket).toUtf8());
    Fleet fresh;
    fresh.setContainerDiscovery(true);
    Host *host = fresh.addHost(QStringLiteral("user"));
    if (oldDockerHost.isNull())
        qunsetenv("DOCKER_HOST");
    else
        qputenv("DOCKER_HOST", oldDockerHost);
    QVERIFY(host);
    QTRY_VERIFY_WITH_TIMEOUT(fresh.isReady(), CallTimeoutMs);
    QList<Ioc> rows;
    const auto collect = [&] {
        rows.clear();
        for (const Ioc &ioc : fresh.iocs()) {
            if (ioc.unit == m_unit || ioc.name == m_container)
                rows << ioc;
        }
        return rows.size();
    };
    // On a loaded machine the engine may answer its first call late (Podman 4.3's /version
    // takes ~1 s idle): the runtime then connects again and lists; the row comes with it.
    if (!QTest::qWaitFor([&] { return collect() == 1; }, CallTimeoutMs)) {
        // What the fresh fleet saw, for the failure's report.
        QStringList seen;
        for (const Ioc &other : fresh.iocs())
            seen << other.key() + QLatin1Char(' ') + other.status();
        qWarning() << "host" << host->state() << host->errorString() << "listing error"
                   << fresh.listingError(host) << "rows" << seen << "unit" << activeState()
                   << m_sandbox.unitProperty(m_unit, QStringLiteral("LoadState"));
    }
    QCOMPARE(collect(), 1);
    const Ioc ioc = rows.first();
    QCOMPARE(ioc.name, m_container);
    QCOMPARE(ioc.runtime, QStringLiteral("podman"));
    QCOMPARE(ioc.image, m_image);
    QVERIFY(!ioc.isContainer());
    QCOMPARE(ioc.status(), QStringLiteral("exited"));
    QVERIFY(qobject_cast<ContainerRuntime *>(fresh.runtimeFor(ioc)));

    // Started through that row: the unit starts, the container comes, still one row.
    IocRuntime *runtime = fresh.runtimeFor(ioc);
    bool done = false;
    JobResult result;
    runtime->run(UnitAction::Start, ioc.key(), this, [&](const JobResult &r) {
        result = r;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs);
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(activeState(), QStringLiteral("active"));
    QTRY_COMPARE_WITH_TIMEOUT(fresh.ioc(ioc.key()).containerState, QStringLiteral("running"),
                              CallTimeoutMs);
    QCOMPARE(fresh.ioc(ioc.key()).activeState, QStringLiteral("active"));
    int count = 0;
    for (const Ioc &other : fresh.iocs())
        count += other.unit == m_unit || other.name == m_container ? 1 : 0;
    QCOMPARE(count, 1);
}

void TestQuadlet::unitGoneRowGone()
{
    REQUIRE_READY();
    // The previous test started the unit through another fleet: this one's row follows.
    QTRY_VERIFY_WITH_TIMEOUT(row().isContainer(), CallTimeoutMs);
    QVERIFY(m_sandbox.removeUnit(m_unit)); // stops it, deletes the file, daemon-reload
    QTRY_COMPARE_WITH_TIMEOUT(rowsNamed(m_container).size(), 0, CallTimeoutMs);
    QVERIFY(!containerNames().contains(m_container));
}

void TestQuadlet::failedUnitShowsFailed()
{
    REQUIRE_READY();
    // A stdio IOC (labelled) whose container exits with 3: podman's exit fails the unit.
    const QString unit = QStringLiteral("iocdock-quadlet-fail%1.service")
                                 .arg(QCoreApplication::applicationPid());
    const QString name = m_container + QStringLiteral("-fails");
    const QString text = QStringLiteral("[Service]\n"
                                        "ExecStart=%1 --url unix://%2 run --rm --replace --name %3 "
                                        "--label PODMAN_SYSTEMD_UNIT=%n --label iocdock.ioc=%3 "
                                        "--network none %4 /bin/sh -c \"exit 3\"\n")
                                 .arg(QStandardPaths::findExecutable(QStringLiteral("podman")),
                                      m_socket, name, m_image);
    QVERIFY(m_sandbox.installUnit(unit, text));
    const auto remove = qScopeGuard([this, &unit] { m_sandbox.removeUnit(unit); });
    m_sandbox.systemctl({ QStringLiteral("start"), unit }); // Type=simple: starts, then fails
    QTRY_COMPARE_WITH_TIMEOUT(m_sandbox.unitProperty(unit, QStringLiteral("ActiveState")),
                              QStringLiteral("failed"), CallTimeoutMs);

    const QByteArray oldDockerHost = qgetenv("DOCKER_HOST");
    qputenv("DOCKER_HOST", (QStringLiteral("unix://") + m_socket).toUtf8());
    Fleet fresh;
    fresh.setContainerDiscovery(true);
    Host *host = fresh.addHost(QStringLiteral("user"));
    if (oldDockerHost.isNull())
        qunsetenv("DOCKER_HOST");
    else
        qputenv("DOCKER_HOST", oldDockerHost);
    QVERIFY(host);
    QTRY_VERIFY_WITH_TIMEOUT(fresh.isReady(), CallTimeoutMs);
    QList<Ioc> rows;
    for (const Ioc &ioc : fresh.iocs()) {
        if (ioc.unit == unit || ioc.name == name)
            rows << ioc;
    }
    QCOMPARE(rows.size(), 1);
    const Ioc ioc = rows.first();
    QCOMPARE(ioc.name, name); // its iocdock.ioc label, from the command line
    QCOMPARE(ioc.runtime, QStringLiteral("podman"));
    QVERIFY(!ioc.isContainer());
    QCOMPARE(ioc.activeState, QStringLiteral("failed"));
    QCOMPARE(ioc.result, QStringLiteral("exit-code"));
    QCOMPARE(ioc.status(), QStringLiteral("failed"));
    const QString status = IocFormat::statusText(ioc, QDateTime::currentDateTime());
    QVERIFY2(status.contains(QLatin1String("failed")), qPrintable(status));
}

QTEST_GUILESS_MAIN(TestQuadlet)
#include "tst_quadlet.moc"
