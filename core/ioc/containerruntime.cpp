// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/containerruntime.h"

#include "core/containers/engineclient.h"
#include "core/containers/podmanruncommand.h"
#include "core/hosts/host.h"
#include "core/ioc/childtracker.h"
#include "core/ioc/iocformat.h"
#include "core/ioc/logsource.h"
#include "core/ioc/timeargument.h"
#include "core/procserv/consolesession.h"
#include "core/procserv/procservcommand.h"
#include "core/systemd/systemdmanager.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>

#include <algorithm>

namespace {

constexpr int MaxReconnectDelayMs = 30000;

bool runsProcServ(const QString &argv0)
{
    return QFileInfo(argv0).fileName() == QLatin1String("procServ");
}

QString unitLabel(const ContainerDetails &details)
{
    return details.labels.value(QLatin1String(ContainerLabels::SystemdUnit));
}

/// What a PropertiesChanged says, over what was known.
template <typename T>
void merge(std::optional<T> &known, const std::optional<T> &changed)
{
    if (changed)
        known = changed;
}

/// A container's log through the engine (ContainerLogStream), started on start().
class ContainerLogSource : public LogSource
{
public:
    ContainerLogSource(EngineClient *client, const QString &id, const LogOptions &options,
                       QObject *parent)
        : LogSource(parent)
        , m_client(client)
        , m_id(id)
        , m_options(options)
    {}

    void start() override
    {
        if (m_stream || !m_client)
            return;
        m_stream = m_client->logs(m_id, m_options, this);
        connect(m_stream, &ContainerLogStream::output, this,
                [this](StreamFrameDecoder::Stream, const QByteArray &data) {
                    emit dataReceived(data);
                });
        connect(m_stream, &ContainerLogStream::finished, this,
                [this](const QString &error) { emit finished(error); });
    }

private:
    QPointer<EngineClient> m_client; // the runtime's: it may go first
    QString m_id;
    LogOptions m_options;
    ContainerLogStream *m_stream = nullptr;
};

} // namespace

ContainerRuntime::ContainerRuntime(Host *host, const QString &socketPath, QObject *parent)
    : IocRuntime(parent)
    , m_host(host)
    , m_client(new EngineClient(socketPath, this))
{
    // Until the engine says which it is: Podman's sockets are named so.
    m_runtime = socketPath.contains(QLatin1String("podman")) ? QStringLiteral("podman")
                                                             : QStringLiteral("docker");
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &ContainerRuntime::connectEngine);
    m_inspectTimer.setSingleShot(true);
    m_inspectTimer.setInterval(0);
    connect(&m_inspectTimer, &QTimer::timeout, this, &ContainerRuntime::inspectPending);
    m_crashLoopTimer.setSingleShot(true);
    connect(&m_crashLoopTimer, &QTimer::timeout, this, &ContainerRuntime::rebuild);
}

ContainerRuntime::~ContainerRuntime() = default;

QString ContainerRuntime::runtimeName() const
{
    return m_runtime;
}

QString ContainerRuntime::socketPath() const
{
    return m_client->socketPath();
}

void ContainerRuntime::start()
{
    if (m_started && m_events && m_events->isConnected()) {
        list();
        return;
    }
    m_started = true;
    connectEngine();
}

void ContainerRuntime::connectEngine()
{
    m_reconnectTimer.stop();
    const quint64 generation = ++m_generation;
    if (m_events) {
        m_events->disconnect(this);
        m_events->deleteLater();
        m_events = nullptr;
    }
    m_client->version(this, [this, generation](const EngineVersion &version, const QString &error) {
        if (generation != m_generation)
            return;
        if (!error.isEmpty()) {
            handleStreamFinished(error);
            return;
        }
        m_runtime = version.isPodman ? QStringLiteral("podman") : QStringLiteral("docker");
        m_versionKnown = true;
        // Events first, then the list: nothing that happens in between is missed (an event
        // for a container the list shows too only inspects it once more).
        m_events = m_client->events(QJsonObject{ { QStringLiteral("type"),
                                                   QJsonArray{ QStringLiteral("container") } } },
                                    this);
        connect(m_events, &EngineEventStream::connected, this,
                &ContainerRuntime::handleStreamConnected);
        connect(m_events, &EngineEventStream::eventReceived, this, &ContainerRuntime::handleEvent);
        connect(m_events, &EngineEventStream::finished, this,
                &ContainerRuntime::handleStreamFinished);
    });
}

void ContainerRuntime::handleStreamConnected()
{
    m_currentDelayMs = 0;
    m_reportedDown = false;
    readPastDeaths();
}

void ContainerRuntime::readPastDeaths()
{
    const quint64 generation = m_generation;
    const QDateTime since =
            QDateTime::currentDateTimeUtc().addSecs(-qint64(Ioc::crashLoopWindowSecs));
    // Docker calls a death "die", Podman "died" in filters (and "die" in what it answers).
    const QJsonObject filters{
        { QStringLiteral("type"), QJsonArray{ QStringLiteral("container") } },
        { QStringLiteral("event"), QJsonArray{ QStringLiteral("die"), QStringLiteral("died") } }
    };
    m_client->pastEvents(
            since, filters, m_runtime == QLatin1String("podman"), this,
            [this, generation](const QList<EngineEvent> &events, const QString &error) {
                if (generation != m_generation)
                    return;
                // Unread (@p error), a crash loop shows once the engine's live
                // events told enough deaths: nothing is claimed that was not seen.
                Q_UNUSED(error)
                for (const EngineEvent &event : events)
                    noteDeath(event);
                list();
            });
}

void ContainerRuntime::noteDeath(const EngineEvent &event)
{
    if (event.action != QLatin1String("die") && event.action != QLatin1String("died"))
        return;
    ChildExit exit;
    exit.at = event.time.isValid() ? event.time : QDateTime::currentDateTimeUtc();
    // As the engine says it (docker's "Exited (139)"): 128 + N may be signal N, or a
    // process's own exit(139).
    exit.code = event.exitCode;
    QList<ChildExit> &deaths = m_deaths[event.id];
    // The past events and the live stream may both tell one death.
    for (const ChildExit &known : std::as_const(deaths)) {
        if (known.at == exit.at)
            return;
    }
    auto at = std::upper_bound(deaths.begin(), deaths.end(), exit,
                               [](const ChildExit &a, const ChildExit &b) { return a.at < b.at; });
    deaths.insert(at, exit);
    const QDateTime oldest =
            QDateTime::currentDateTimeUtc().addSecs(-qint64(Ioc::crashLoopWindowSecs));
    while (!deaths.isEmpty()
           && (deaths.size() > Ioc::recentRestartsKept || deaths.first().at < oldest))
        deaths.removeFirst();
}

QList<ChildExit> ContainerRuntime::restartedDeaths(const ContainerDetails &details,
                                                   const QDateTime &now) const
{
    // Only a restart policy brings a container back on its own; a user's stop and start
    // are no crash. The engine counts its own restarts (RestartCount): no more deaths than
    // those are the engine's.
    const bool restarts = details.restartPolicy == QLatin1String("always")
            || details.restartPolicy == QLatin1String("unless-stopped")
            || details.restartPolicy == QLatin1String("on-failure");
    if (!restarts || details.restartCount <= 0)
        return {};
    QList<ChildExit> deaths;
    for (const ChildExit &exit : m_deaths.value(details.id)) {
        if (exit.at.secsTo(now) <= Ioc::crashLoopWindowSecs)
            deaths << exit;
    }
    if (deaths.size() > details.restartCount)
        deaths = deaths.mid(deaths.size() - details.restartCount);
    return deaths;
}

void ContainerRuntime::scheduleCrashLoopEnd()
{
    QDateTime first;
    for (const Ioc &row : std::as_const(m_rows)) {
        if (!row.containerCrashLoop)
            continue;
        QList<QDateTime> times;
        for (const ChildExit &exit : row.containerExits)
            times << exit.at;
        const QDateTime end = crashLoopEnd(times);
        if (end.isValid() && (!first.isValid() || end < first))
            first = end;
    }
    if (!first.isValid()) {
        m_crashLoopTimer.stop();
        return;
    }
    m_crashLoopTimer.start(int(
            qBound<qint64>(0LL, QDateTime::currentDateTimeUtc().msecsTo(first), 3600LL * 1000)));
}

void ContainerRuntime::handleStreamFinished(const QString &error)
{
    if (m_events) {
        m_events->disconnect(this);
        m_events->deleteLater();
        m_events = nullptr;
    }
    ++m_generation; // answers still out belong to the connection that ended
    m_latestInspect.clear();
    m_toInspect.clear();
    m_inRound = false;
    m_roundPending = 0;
    const QString reason = error.isEmpty() ? tr("the event stream ended") : error;
    // Once per outage, not at every attempt to connect again.
    if (!m_reportedDown)
        emit errorOccurred(tr("Container engine at %1: %2").arg(socketPath(), reason));
    m_reportedDown = true;
    // What the rows said is no longer measured: unknown until the engine answers again.
    m_engineDown = true;
    m_waiting.clear();
    m_stats.clear();
    rebuild();
    if (!m_ready)
        setReady(); // a host's systemd rows do not wait for an engine that is not there
    m_currentDelayMs = m_currentDelayMs == 0 ? m_reconnectDelayMs
                                             : qMin(2 * m_currentDelayMs, MaxReconnectDelayMs);
    m_reconnectTimer.start(m_currentDelayMs);
}

void ContainerRuntime::handleEvent(const EngineEvent &event)
{
    if (event.type != QLatin1String("container") || event.id.isEmpty())
        return;
    if (event.action.startsWith(QLatin1String("exec")))
        return; // an exec in the container changes nothing a row shows
    noteDeath(event);
    if (event.action == QLatin1String("remove") || event.action == QLatin1String("destroy")) {
        m_deaths.remove(event.id); // also of a container that is no IOC
        m_toInspect.remove(event.id);
        m_latestInspect.remove(event.id); // an answer still out must not bring the row back
        m_waiting.remove(event.id);
        removeContainer(event.id);
        return;
    }
    // Which containers are IOCs, and what their state is now, inspect says.
    m_toInspect.insert(event.id);
    if (!m_inRound)
        m_inspectTimer.start();
}

void ContainerRuntime::list()
{
    if (m_inRound) {
        m_relistAfterRound = true;
        return;
    }
    m_inRound = true;
    m_relistAfterRound = false;
    const quint64 generation = m_generation;
    m_client->listContainers(
            this,
            [this, generation](const QList<ContainerSummary> &containers, const QString &error) {
                if (generation != m_generation)
                    return;
                if (!error.isEmpty()) {
                    m_inRound = false;
                    m_listingError = error;
                    emit errorOccurred(
                            tr("Cannot list the containers at %1: %2").arg(socketPath(), error));
                    setReady();
                    return;
                }
                m_listingError.clear();
                QSet<QString> listed;
                QStringList candidates;
                for (const ContainerSummary &summary : containers) {
                    listed.insert(summary.id);
                    if (mayBeIoc(summary))
                        candidates << summary.id;
                }
                const QStringList known = m_containers.keys();
                // Removed while the engine was away, or behind our back.
                for (const QString &id : known) {
                    if (!listed.contains(id))
                        removeContainer(id);
                }
                m_roundPending = candidates.size();
                if (candidates.isEmpty()) {
                    finishRound();
                    return;
                }
                for (const QString &id : std::as_const(candidates)) {
                    m_toInspect.remove(id);
                    inspect(id);
                }
            });
}

void ContainerRuntime::inspectPending()
{
    const QSet<QString> ids = std::exchange(m_toInspect, {});
    for (const QString &id : ids)
        inspect(id);
}

void ContainerRuntime::inspect(const QString &id)
{
    const quint64 generation = m_generation;
    const bool inRound = m_inRound;
    // Each inspect is its own connection, so answers may come out of order: only the answer
    // to the latest inspect of a container is applied (it saw the newest state).
    const quint64 serial = ++m_inspectSerial;
    m_latestInspect.insert(id, serial);
    m_client->inspectContainer(
            id, this,
            [this, generation, inRound, id, serial](const ContainerDetails &details,
                                                    const QString &error) {
                if (generation != m_generation)
                    return;
                // Not the latest: a newer inspect is out (its answer counts), or the container
                // was removed meanwhile.
                const bool latest = m_latestInspect.value(id) == serial;
                if (latest)
                    m_latestInspect.remove(id);
                const auto finish = [this, generation, inRound] {
                    if (generation != m_generation)
                        return;
                    if (inRound && m_inRound && --m_roundPending <= 0)
                        finishRound();
                    else if (!m_inRound && m_relistAfterRound)
                        list();
                };
                const QString unit = unitLabel(details);
                if (latest && error.isEmpty() && !unit.isEmpty() && !iocName(details).isEmpty()
                    && !m_units.value(unit).known && manager()) {
                    // Its unit decides which row it is: ask systemd first (the listing
                    // round waits for it).
                    m_waiting.insert(id, serial);
                    lookupUnit(unit, [this, generation, id, serial, details, finish] {
                        if (generation == m_generation && m_waiting.value(id) == serial) {
                            m_waiting.remove(id);
                            applyDetails(details);
                        }
                        finish();
                    });
                    return;
                }
                if (latest && error.isEmpty()) {
                    applyDetails(details);
                } else if (latest && m_containers.contains(id)) {
                    // Gone between the event and the inspect, or the engine failed: a new
                    // listing tells which (and drops the row when the container is gone).
                    m_relistAfterRound = true;
                }
                finish();
            });
}

void ContainerRuntime::finishRound()
{
    m_inRound = false;
    m_roundPending = 0;
    if (std::exchange(m_engineDown, false))
        rebuild(); // every container was inspected again: their states are measured
    emit loadedListed();
    setReady();
    if (m_relistAfterRound) {
        list();
        return;
    }
    if (!m_toInspect.isEmpty())
        m_inspectTimer.start();
}

void ContainerRuntime::setReady()
{
    m_ready = true;
    emit ready();
}

void ContainerRuntime::applyDetails(const ContainerDetails &details)
{
    if (iocName(details).isEmpty()) {
        removeContainer(details.id);
        return;
    }
    m_containers.insert(details.id, details);
    if (!details.running)
        m_stats.remove(details.id);
    rebuild();
}

void ContainerRuntime::removeContainer(const QString &id)
{
    const auto it = m_containers.find(id);
    if (it == m_containers.end())
        return;
    const ContainerDetails details = *it;
    m_containers.erase(it);
    m_stats.remove(id);
    m_deaths.remove(id);
    const QString unit = joinedUnit(details);
    if (!unit.isEmpty())
        m_gone.insert(unit, details); // the unit's row stays, with the unit's state
    rebuild();
}

SystemdManager *ContainerRuntime::manager()
{
    SystemdManager *current =
            m_host->state() == Host::State::Connected ? m_host->manager() : nullptr;
    if (current == m_manager)
        return current;
    if (m_manager)
        m_manager->disconnect(this);
    m_manager = current;
    m_unitByPath.clear(); // object paths of another connection
    // Lookups sent to a manager that is gone never answer (its calls went with it): their
    // containers are rows of their own until a lookup through the new one answers.
    const QStringList pending = m_lookups.keys();
    for (const QString &name : pending)
        finishLookup(name);
    if (!current)
        return nullptr;
    connect(current, &SystemdManager::unitPropertiesChanged, this,
            &ContainerRuntime::handleUnitPropertiesChanged);
    connect(current, &SystemdManager::unitNew, this, &ContainerRuntime::handleUnitNew);
    connect(current, &SystemdManager::unitRemoved, this, &ContainerRuntime::handleUnitRemoved);
    current->subscribe();
    // Units known through a manager before (the host connected again) are asked afresh.
    const QStringList known = m_units.keys();
    for (const QString &name : known)
        lookupUnit(name, [this] { rebuild(); });
    return current;
}

void ContainerRuntime::lookupUnit(const QString &name, std::function<void()> done)
{
    SystemdManager *systemd = manager(); // first: a new manager ends the lookups of the old
    QList<std::function<void()>> &waiting = m_lookups[name];
    waiting << std::move(done);
    if (waiting.size() > 1)
        return; // asked already
    if (!systemd) {
        finishLookup(name);
        return;
    }
    systemd->loadUnit(name, this, [this, name](const QString &path, const QString &error) {
        SystemdManager *current = manager();
        if (!error.isEmpty() || !current) {
            // No answer (a bus error, the manager gone): what was known of the unit stands
            // (its file was listed, its signals keep it current). Not known at all: the
            // container is a row of its own until the next inspect asks again.
            if (!m_units.value(name).known)
                m_units.remove(name);
            finishLookup(name);
            return;
        }
        m_readingPaths.insert(path);
        current->unitDetails(path, this, [this, name, path](const UnitDetails &details) {
            m_readingPaths.remove(path);
            // A change signalled while the several calls of this reading were answered is
            // newer than part of the answer (it may even have come before the path was
            // known): read again once this one is applied.
            const bool changedMeanwhile = m_changedWhileReading.remove(path);
            if (!details.error.isEmpty() && m_units.value(name).known) {
                // No answer this time: what was known stands (as above).
                finishLookup(name);
                return;
            }
            UnitState state;
            state.known = details.error.isEmpty();
            state.exists = state.known
                    && details.unit.loadState.value_or(QString()) != QLatin1String("not-found");
            state.path = state.exists ? path : QString();
            state.unit = details.unit;
            state.service = details.service;
            const QString oldPath = m_units.value(name).path;
            if (!oldPath.isEmpty())
                m_unitByPath.remove(oldPath);
            if (!state.path.isEmpty())
                m_unitByPath.insert(state.path, name);
            if (state.known)
                m_units.insert(name, state);
            else
                m_units.remove(name);
            finishLookup(name);
            if (changedMeanwhile && state.exists)
                lookupUnit(name, [this] { rebuild(); });
        });
    });
}

void ContainerRuntime::finishLookup(const QString &name)
{
    const QList<std::function<void()>> waiting = m_lookups.take(name);
    for (const auto &done : waiting)
        done();
}

void ContainerRuntime::handleUnitPropertiesChanged(const QString &path,
                                                   const UnitPropertiesChange &change)
{
    if (m_readingPaths.contains(path))
        m_changedWhileReading.insert(path);
    const QString name = m_unitByPath.value(path);
    const auto it = m_units.find(name);
    if (name.isEmpty() || it == m_units.end())
        return;
    UnitProperties &unit = it->unit;
    merge(unit.loadState, change.unit.loadState);
    merge(unit.activeState, change.unit.activeState);
    merge(unit.subState, change.unit.subState);
    merge(unit.unitFileState, change.unit.unitFileState);
    merge(unit.fragmentPath, change.unit.fragmentPath);
    merge(unit.description, change.unit.description);
    merge(unit.activeEnterTimestamp, change.unit.activeEnterTimestamp);
    merge(unit.inactiveEnterTimestamp, change.unit.inactiveEnterTimestamp);
    ServiceProperties &service = it->service;
    merge(service.mainPid, change.service.mainPid);
    merge(service.nRestarts, change.service.nRestarts);
    merge(service.result, change.service.result);
    rebuild();
}

void ContainerRuntime::handleUnitNew(const QString &name, const QString &path)
{
    // Loaded again (started after systemd had unloaded it): its properties afresh.
    const auto it = m_units.constFind(name);
    if (it != m_units.constEnd() && it->path != path)
        lookupUnit(name, [this] { rebuild(); });
}

void ContainerRuntime::handleUnitRemoved(const QString &name, const QString &path)
{
    // systemd unloads a stopped unit nothing refers to; its file may well still be there.
    const auto it = m_units.find(name);
    if (it == m_units.end() || it->path != path)
        return;
    m_unitByPath.remove(path);
    it->path.clear();
    checkUnitFile(name);
}

void ContainerRuntime::checkUnitFile(const QString &name)
{
    SystemdManager *systemd = manager();
    if (!systemd)
        return;
    systemd->listUnitFiles({ name }, this,
                           [this, name](const QList<UnitFileInfo> &files, const QString &error) {
                               const auto it = m_units.find(name);
                               if (!error.isEmpty() || it == m_units.end() || !it->path.isEmpty())
                                   return; // loaded again meanwhile: that answer counts
                               it->exists = false;
                               for (const UnitFileInfo &file : files) {
                                   if (file.unitName() == name) {
                                       it->exists = true;
                                       it->unit.unitFileState = file.state;
                                   }
                               }
                               it->unit.loadState = QString(); // not loaded
                               rebuild();
                           });
}

void ContainerRuntime::addUnit(const Ioc &unit)
{
    const PodmanRunCommand command = PodmanRunCommand::parse(unit.execStart);
    if (!command.isRun || unit.unit.isEmpty())
        return;
    // The container its command line would make, as far as the line says (the image's own
    // command is not known here: an image that runs procServ by itself is not seen).
    ContainerDetails details;
    details.name = command.name;
    if (details.name.isEmpty()) {
        details.name = unit.unit;
        if (details.name.endsWith(QLatin1String(".service")))
            details.name.chop(int(sizeof(".service")) - 1);
    }
    details.image = command.image;
    details.entrypoint = command.entrypoint;
    details.cmd = command.command;
    details.labels = command.labels;
    details.labels.insert(QLatin1String(ContainerLabels::SystemdUnit), unit.unit);
    if (iocName(details).isEmpty())
        return;
    manager(); // follow the unit's signals
    UnitState &state = m_units[unit.unit];
    if (!state.known || (state.path.isEmpty() && !unit.unitPath.isEmpty())) {
        // What the listing read; the unit's signals keep it current from here.
        state.known = true;
        state.exists = unit.loadState != QLatin1String("not-found");
        state.path = unit.unitPath;
        state.unit.loadState = unit.loadState;
        state.unit.activeState = unit.activeState;
        state.unit.subState = unit.subState;
        state.unit.unitFileState = unit.unitFileState;
        state.unit.fragmentPath = unit.fragmentPath;
        state.unit.description = unit.description;
        state.unit.activeEnterTimestamp = unit.activeSince;
        state.unit.inactiveEnterTimestamp = unit.inactiveSince;
        state.service.result = unit.result;
        state.service.nRestarts = unit.nRestarts;
        if (!state.path.isEmpty())
            m_unitByPath.insert(state.path, unit.unit);
    }
    // A container seen before tells more than a command line.
    if (m_gone.value(unit.unit).id.isEmpty())
        m_gone.insert(unit.unit, details);
    rebuild();
}

QString ContainerRuntime::joinedUnit(const ContainerDetails &details) const
{
    const QString name = unitLabel(details);
    if (name.isEmpty())
        return {};
    const auto it = m_units.constFind(name);
    return it != m_units.constEnd() && it->known && it->exists ? name : QString();
}

Ioc ContainerRuntime::buildRow(const ContainerDetails &details, bool exists) const
{
    Ioc row = describe(details, m_host->id(), m_runtime);
    if (!exists) {
        // Only the unit is measured now: its name, image and container name stay as seen.
        row.containerId.clear();
        row.containerState.clear();
        row.health.clear();
        row.exitCode = -1;
        row.containerRestarts = -1;
        row.mainPid = 0;
        row.activeSince = QDateTime();
        row.inactiveSince = QDateTime();
    } else if (m_engineDown) {
        row.containerState.clear();
        row.health.clear();
        row.mainPid = 0;
    } else if (details.running) {
        const auto stats = m_stats.constFind(details.id);
        if (stats != m_stats.constEnd()) {
            row.memoryBytes = stats->memoryBytes;
            row.cpuNSec = stats->cpuNSec;
        }
        // procServ as the container's main process (a PID of this machine's namespace when
        // the engine runs here): its child is the IOC. Without procServ the IOC shell is the
        // container's main process itself (the engine's PID, of the engine's machine).
        const bool procServ = !row.execStart.isEmpty() && runsProcServ(row.execStart.first());
        if (procServ && m_host->isLocal() && ChildTracker::readChildFromProc(row)
            && row.childPid != 0)
            row.childSince = ChildTracker::processStartTime(row.childPid);
        if (!procServ && row.mainPid != 0) {
            row.childPid = row.mainPid;
            row.childState = ChildState::Running;
        }
    }
    if (exists && !m_engineDown) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        row.containerExits = restartedDeaths(details, now);
        QList<QDateTime> times;
        for (const ChildExit &exit : std::as_const(row.containerExits))
            times << exit.at;
        row.containerCrashLoop = row.isActive() && isCrashLoop(times, now);
        // An IOC that is the container's own process ended as the container did.
        const QList<ChildExit> deaths = m_deaths.value(details.id);
        const bool procServ = !row.execStart.isEmpty() && runsProcServ(row.execStart.first());
        if (!procServ && !row.lastExit.isValid() && !deaths.isEmpty())
            row.lastExit = deaths.constLast();
    }
    const QString unitName = joinedUnit(details);
    if (unitName.isEmpty())
        return row;
    const UnitState &state = m_units[unitName];
    row.unit = unitName;
    row.unitPath = state.path;
    row.loadState = state.unit.loadState.value_or(QString());
    row.activeState = state.unit.activeState.value_or(QString());
    row.subState = state.unit.subState.value_or(QString());
    row.unitFileState = state.unit.unitFileState.value_or(QString());
    row.fragmentPath = state.unit.fragmentPath.value_or(QString());
    row.description = state.unit.description.value_or(QString());
    row.result = state.service.result.value_or(QString());
    row.nRestarts = state.service.nRestarts.value_or(0);
    if (!exists) {
        row.activeSince = state.unit.activeEnterTimestamp.value_or(QDateTime());
        if (!row.isActive())
            row.inactiveSince = state.unit.inactiveEnterTimestamp.value_or(QDateTime());
    }
    return row;
}

void ContainerRuntime::rebuild()
{
    QHash<QString, Ioc> rows;
    // A unit runs one container at a time; while one is replaced by the next (--replace),
    // the running one, else the newest, is the unit's.
    QHash<QString, const ContainerDetails *> ofUnit;
    for (const ContainerDetails &details : std::as_const(m_containers)) {
        const QString unit = joinedUnit(details);
        if (unit.isEmpty()) {
            const Ioc row = buildRow(details, true);
            rows.insert(row.key(), row);
            continue;
        }
        const ContainerDetails *&chosen = ofUnit[unit];
        if (!chosen || (details.running && !chosen->running)
            || (details.running == chosen->running && details.startedAt > chosen->startedAt))
            chosen = &details;
    }
    for (const ContainerDetails *details : std::as_const(ofUnit)) {
        const Ioc row = buildRow(*details, true);
        rows.insert(row.key(), row);
    }
    for (auto it = m_gone.begin(); it != m_gone.end();) {
        if (ofUnit.contains(it.key()) || joinedUnit(*it) != it.key()) {
            it = m_gone.erase(it); // a new container runs, or the unit is gone
            continue;
        }
        Ioc row = buildRow(*it, false);
        const auto shownBefore = m_rows.constFind(row.key());
        if (shownBefore != m_rows.constEnd())
            row.keepLastRun(*shownBefore);
        rows.insert(row.key(), row);
        ++it;
    }

    const QStringList shown = m_rows.keys();
    for (const QString &key : shown) {
        if (!rows.contains(key)) {
            m_rows.remove(key);
            emit iocRemoved(key);
        }
    }
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        const auto old = m_rows.constFind(it.key());
        if (old == m_rows.constEnd()) {
            m_rows.insert(it.key(), *it);
            emit iocAdded(*it);
        } else if (IocFormat::toJson(*old) != IocFormat::toJson(*it)) {
            m_rows.insert(it.key(), *it);
            emit iocChanged(*it);
        }
    }
    scheduleCrashLoopEnd();
}

QList<Ioc> ContainerRuntime::iocs() const
{
    return m_rows.values();
}

bool ContainerRuntime::contains(const QString &key) const
{
    return m_rows.contains(key);
}

Ioc ContainerRuntime::ioc(const QString &key) const
{
    return m_rows.value(key);
}

void ContainerRuntime::run(UnitAction action, const QString &key, QObject *context,
                           std::function<void(const JobResult &)> done)
{
    const Ioc row = ioc(key);
    if (!row.unit.isEmpty()) {
        // A unit runs the container: systemd acts, the container follows.
        if (SystemdManager *systemd = manager()) {
            systemd->run(action, row.unit, context, std::move(done));
            return;
        }
    }
    JobResult result;
    result.action = action;
    result.unit = row.unit.isEmpty() ? row.container : row.unit;
    const auto fail = [&](const QString &message) {
        result.result = action == UnitAction::Enable || action == UnitAction::Disable
                ? QStringLiteral("skipped")
                : QStringLiteral("error");
        result.message = message;
        // Answered later, as every action is.
        QTimer::singleShot(0, context, [done, result] { done(result); });
    };
    if (!row.unit.isEmpty()) {
        result.result = QStringLiteral("error");
        result.message = tr("%1 is run by %2, and %3 is not connected.")
                                 .arg(row.name, row.unit, m_host->displayName());
        QTimer::singleShot(0, context, [done, result] { done(result); });
        return;
    }
    if (!row.isContainer()) {
        fail(tr("No such container IOC: %1").arg(key));
        return;
    }
    if (action == UnitAction::Enable || action == UnitAction::Disable) {
        // A container of no unit starts with the engine when its restart policy says so:
        // enable sets "unless-stopped" (a container stopped by hand stays stopped), disable
        // "no". The row follows from the engine's "update" event.
        const QString policy = action == UnitAction::Enable ? QStringLiteral("unless-stopped")
                                                            : QStringLiteral("no");
        const QString name = row.name;
        const QString current =
                row.restartPolicy.isEmpty() ? QStringLiteral("no") : row.restartPolicy;
        m_client->setRestartPolicy(
                row.containerId, policy, context,
                [done, result, name, current, runtime = runtimeName()](const QString &error,
                                                                       bool unsupported) mutable {
                    if (unsupported) {
                        result.result = QStringLiteral("skipped");
                        result.message =
                                tr("%1 is a container, and this %2 engine cannot change a "
                                   "container's restart policy (it is \"%3\"): recreate it "
                                   "with --restart, or run it from a systemd unit (Quadlet).")
                                        .arg(name, runtime, current);
                    } else {
                        result.result =
                                error.isEmpty() ? QStringLiteral("done") : QStringLiteral("error");
                        result.message = error;
                    }
                    done(result);
                });
        return;
    }
    auto answer = [done, result](const QString &error) mutable {
        result.result = error.isEmpty() ? QStringLiteral("done") : QStringLiteral("error");
        result.message = error;
        done(result);
    };
    switch (action) {
    case UnitAction::Start:
        m_client->startContainer(row.containerId, context, answer);
        break;
    case UnitAction::Stop:
        m_client->stopContainer(row.containerId, m_stopTimeout, context, answer);
        break;
    case UnitAction::Restart:
        m_client->restartContainer(row.containerId, m_stopTimeout, context, answer);
        break;
    case UnitAction::Enable:
    case UnitAction::Disable:
        break;
    }
}

void ContainerRuntime::readUnloaded(const QStringList &keys, QObject *context,
                                    std::function<void()> done)
{
    Q_UNUSED(keys)
    QTimer::singleShot(0, context, [done] { done(); });
}

void ContainerRuntime::refreshStats(const QStringList &keys)
{
    bool reread = false;
    for (const QString &key : keys) {
        const Ioc row = m_rows.value(key);
        if (!row.isContainer())
            continue;
        reread = true; // the child of procServ, from /proc
        const QString id = row.containerId;
        const auto details = m_containers.constFind(id);
        if (details == m_containers.constEnd() || !details->running || m_statsInFlight.contains(id))
            continue;
        m_statsInFlight.insert(id);
        const quint64 generation = m_generation;
        m_client->containerStats(
                id, this,
                [this, id, generation](const ContainerStats &stats, const QString &error) {
                    m_statsInFlight.remove(id);
                    if (generation != m_generation)
                        return;
                    const auto it = m_containers.constFind(id);
                    if (error.isEmpty() && it != m_containers.constEnd() && it->running)
                        m_stats.insert(id, stats);
                    else
                        m_stats.remove(id); // not measured: unknown, not the last value
                    rebuild();
                });
    }
    if (reread)
        rebuild();
}

bool ContainerRuntime::hasConsole(const Ioc &ioc) const
{
    if (!ioc.isContainer())
        return false;
    if (!runsProcServ(ioc.execStart.value(0)))
        return true; // a labelled stdio IOC: the engine's attach
    return consoleRelay(ioc, false).isValid();
}

ConsoleEndpoint ContainerRuntime::consoleRelay(const Ioc &ioc, bool readOnly)
{
    const ProcServCommand command = ProcServCommand::parse(ioc.execStart);
    if (!command.isProcServ)
        return {};
    if (readOnly && command.logEndpoint.isValid())
        return command.logEndpoint;
    return command.controlEndpoints.value(0);
}

QList<EngineStream::Relay> ContainerRuntime::relayCommands(const ConsoleEndpoint &endpoint)
{
    const QStringList probe{ QStringLiteral("socat"), QStringLiteral("-V") };
    QString host = endpoint.host;
    if (host.isEmpty() || host == QLatin1String("0.0.0.0"))
        host = QStringLiteral("127.0.0.1");
    else if (host == QLatin1String("::") || host == QLatin1String("[::]"))
        host = QStringLiteral("::1");
    const QString port = QString::number(endpoint.port);
    const QString socat = QStringLiteral("socat");
    const QString nc = QStringLiteral("nc");
    const QString dash = QStringLiteral("-");
    switch (endpoint.kind) {
    case ConsoleEndpoint::Kind::Tcp:
        return { { socat,
                   probe,
                   { socat, dash,
                     QStringLiteral("TCP:%1:%2")
                             .arg(host.contains(QLatin1Char(':'))
                                          ? QLatin1Char('[') + host + QLatin1Char(']')
                                          : host,
                                  port) } },
                 { nc, {}, { nc, host, port } } };
    case ConsoleEndpoint::Kind::Unix:
        return { { socat, probe, { socat, dash, QStringLiteral("UNIX-CONNECT:") + endpoint.path } },
                 { nc, {}, { nc, QStringLiteral("-U"), endpoint.path } } };
    case ConsoleEndpoint::Kind::UnixAbstract:
        return {
            { socat, {}, { socat, dash, QStringLiteral("ABSTRACT-CONNECT:") + endpoint.path } }
        };
    case ConsoleEndpoint::Kind::None:
        break;
    }
    return {};
}

ConsoleSession *ContainerRuntime::openConsole(const Ioc &ioc, bool readOnly, QObject *parent) const
{
    auto *session = new ConsoleSession(parent);
    session->setReadOnly(readOnly);
    // Exec create and start (and the probe for socat) on a loaded engine.
    session->setConnectTimeout(30000);
    EngineStream::Options options;
    options.socketPath = m_client->socketPath();
    options.container = ioc.containerId;
    options.containerName = ioc.container;
    options.engine = runtimeName();
    options.readOnly = readOnly;
    if (runsProcServ(ioc.execStart.value(0))) {
        const ConsoleEndpoint endpoint = consoleRelay(ioc, readOnly);
        options.kind = EngineStream::Kind::Exec;
        options.relays = relayCommands(endpoint);
        options.chosen = std::make_shared<int>(-1); // probed once per session
    } else {
        // The IOC's shell is the container's stdio: raw bytes, no procServ.
        options.kind = EngineStream::Kind::Attach;
        options.detachKeys = DefaultDetachKeys;
        session->setTelnet(false);
    }
    const EngineStream probe(options);
    session->setStreamFactory(
            [options](QObject *owner) -> ConsoleStream * {
                return new EngineStream(options, owner);
            },
            probe.description());
    return session;
}

QStringList ContainerRuntime::logCommand(const Ioc &ioc, bool follow, int lines,
                                         const QString &since, const QString &until,
                                         bool timestamps) const
{
    Q_UNUSED(ioc)
    Q_UNUSED(follow)
    Q_UNUSED(lines)
    Q_UNUSED(since)
    Q_UNUSED(until)
    Q_UNUSED(timestamps)
    return {}; // a container's log comes through the API: the seam needs a log source first
}

LogSource *ContainerRuntime::openLog(const Ioc &ioc, bool follow, int lines, const QString &since,
                                     QString *error, QObject *parent, const QString &until,
                                     bool timestamps) const
{
    if (!ioc.isContainer())
        return nullptr;
    LogOptions options;
    options.follow = follow;
    options.tail = lines;
    options.timestamps = timestamps;
    const QDateTime now = QDateTime::currentDateTime();
    for (const auto &[text, target] :
         { std::pair<QString, QDateTime *>{ since, &options.since },
           std::pair<QString, QDateTime *>{ until, &options.until } }) {
        if (text.isEmpty())
            continue;
        *target = TimeArgument::parse(text, now);
        if (!target->isValid()) {
            if (error)
                *error = tr("Cannot read the time \"%1\": give %2.")
                                 .arg(text, TimeArgument::examples());
            return nullptr;
        }
    }
    return new ContainerLogSource(m_client, ioc.containerId, options, parent);
}

QString ContainerRuntime::iocName(const ContainerDetails &details)
{
    const QString label = details.labels.value(QLatin1String(ContainerLabels::IocName));
    if (!label.isEmpty())
        return label;
    const QStringList argv = details.entrypoint + details.cmd;
    if (!argv.isEmpty() && runsProcServ(argv.first()))
        return details.name;
    return {};
}

bool ContainerRuntime::mayBeIoc(const ContainerSummary &summary)
{
    if (!summary.iocLabel().isEmpty())
        return true;
    const QString argv0 = summary.command.section(QLatin1Char(' '), 0, 0);
    return runsProcServ(argv0);
}

Ioc ContainerRuntime::describe(const ContainerDetails &details, const QString &hostId,
                               const QString &runtime)
{
    Ioc row;
    row.host = hostId;
    row.runtime = runtime;
    row.name = iocName(details);
    row.containerId = details.id;
    row.container = details.name;
    row.image = details.image;
    row.containerState = details.state != ContainerState::Unknown
            ? containerStateName(details.state)
            : details.stateText.toLower();
    if (row.containerState.isEmpty())
        row.containerState = QStringLiteral("unknown");
    row.health = details.health;
    row.restartPolicy = details.restartPolicy;
    row.containerRestarts = details.restartCount;
    row.execStart = details.entrypoint + details.cmd;
    const bool ran = details.state == ContainerState::Exited
            || details.state == ContainerState::Dead || details.state == ContainerState::Restarting;
    if (ran)
        row.exitCode = details.exitCode;
    if (details.running || details.paused)
        row.mainPid = quint32(qMax<qint64>(0, details.pid));
    row.activeSince = details.startedAt;
    if (!row.isActive())
        row.inactiveSince = details.finishedAt;
    return row;
}
