// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/containerruntime.h"

#include "core/containers/engineclient.h"
#include "core/hosts/host.h"
#include "core/ioc/logsource.h"
#include "core/procserv/consolesession.h"
#include "core/procserv/procservcommand.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QRegularExpression>

namespace {

constexpr int MaxReconnectDelayMs = 30000;

bool runsProcServ(const QString &argv0)
{
    return QFileInfo(argv0).fileName() == QLatin1String("procServ");
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
    list();
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
    for (auto it = m_rows.begin(); it != m_rows.end(); ++it) {
        if (it->containerState.isEmpty())
            continue;
        it->containerState.clear();
        it->health.clear();
        it->mainPid = 0;
        emit iocChanged(*it);
    }
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
    if (event.action == QLatin1String("remove") || event.action == QLatin1String("destroy")) {
        m_toInspect.remove(event.id);
        m_latestInspect.remove(event.id); // an answer still out must not bring the row back
        removeRow(event.id);
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
                const QStringList known = m_rows.keys();
                for (const QString &id : known) {
                    if (!listed.contains(id))
                        removeRow(id); // removed while the engine was away, or behind our back
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
                if (latest && error.isEmpty()) {
                    applyDetails(details);
                } else if (latest && m_rows.contains(id)) {
                    // Gone between the event and the inspect, or the engine failed: a new
                    // listing tells which (and drops the row when the container is gone).
                    m_relistAfterRound = true;
                }
                if (inRound && m_inRound && --m_roundPending <= 0)
                    finishRound();
                else if (!m_inRound && m_relistAfterRound)
                    list();
            });
}

void ContainerRuntime::finishRound()
{
    m_inRound = false;
    m_roundPending = 0;
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
    const auto it = m_rows.constFind(details.id);
    const bool had = it != m_rows.constEnd();
    if (iocName(details).isEmpty()) {
        if (had)
            removeRow(details.id);
        return;
    }
    const Ioc row = describe(details, m_host->id(), m_runtime);
    if (had && it->key() != row.key()) { // renamed
        removeRow(details.id);
        m_rows.insert(details.id, row);
        emit iocAdded(row);
        return;
    }
    m_rows.insert(details.id, row);
    if (had)
        emit iocChanged(row);
    else
        emit iocAdded(row);
}

void ContainerRuntime::removeRow(const QString &id)
{
    const auto it = m_rows.find(id);
    if (it == m_rows.end())
        return;
    const QString key = it->key();
    m_rows.erase(it);
    emit iocRemoved(key);
}

QList<Ioc> ContainerRuntime::iocs() const
{
    return m_rows.values();
}

bool ContainerRuntime::contains(const QString &key) const
{
    for (const Ioc &row : m_rows) {
        if (row.key() == key)
            return true;
    }
    return false;
}

Ioc ContainerRuntime::ioc(const QString &key) const
{
    for (const Ioc &row : m_rows) {
        if (row.key() == key)
            return row;
    }
    return {};
}

void ContainerRuntime::run(UnitAction action, const QString &key, QObject *context,
                           std::function<void(const JobResult &)> done)
{
    const Ioc row = ioc(key);
    JobResult result;
    result.action = action;
    result.unit = row.container;
    const auto fail = [&](const QString &message) {
        result.result = action == UnitAction::Enable || action == UnitAction::Disable
                ? QStringLiteral("skipped")
                : QStringLiteral("error");
        result.message = message;
        // Answered later, as every action is.
        QTimer::singleShot(0, context, [done, result] { done(result); });
    };
    if (!row.isContainer()) {
        fail(tr("No such container IOC: %1").arg(key));
        return;
    }
    if (action == UnitAction::Enable || action == UnitAction::Disable) {
        // Nothing is tried (as for a static unit): "skipped", with the reason.
        fail(tr("%1 is a container: enable and disable are not supported for containers (its "
                "restart policy is \"%2\"; set it with podman or docker).")
                     .arg(row.name,
                          row.restartPolicy.isEmpty() ? QStringLiteral("no") : row.restartPolicy));
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
    Q_UNUSED(keys) // memory and CPU of containers are not read yet
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
                                         const QString &since) const
{
    Q_UNUSED(ioc)
    Q_UNUSED(follow)
    Q_UNUSED(lines)
    Q_UNUSED(since)
    return {}; // a container's log comes through the API: the seam needs a log source first
}

LogSource *ContainerRuntime::openLog(const Ioc &ioc, bool follow, int lines, const QString &since,
                                     QString *error, QObject *parent) const
{
    if (!ioc.isContainer())
        return nullptr;
    LogOptions options;
    options.follow = follow;
    options.tail = lines;
    if (!since.isEmpty()) {
        options.since = parseSince(since, QDateTime::currentDateTime());
        if (!options.since.isValid()) {
            if (error) {
                *error = tr("Cannot read the time \"%1\": give an ISO 8601 time such as "
                            "\"2024-01-31 12:00\" or \"10 min ago\".")
                                 .arg(since);
            }
            return nullptr;
        }
    }
    return new ContainerLogSource(m_client, ioc.containerId, options, parent);
}

QDateTime ContainerRuntime::parseSince(const QString &since, const QDateTime &now)
{
    const QString text = since.trimmed();
    static const QRegularExpression ago(
            QStringLiteral("^(\\d+)\\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hours?|d|days?)"
                           "\\s+ago$"),
            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = ago.match(text);
    if (m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const QChar unit = m.captured(2).at(0).toLower();
        const qint64 factor = unit == QLatin1Char('s') ? 1
                : unit == QLatin1Char('m')             ? 60
                : unit == QLatin1Char('h')             ? 3600
                                                       : 86400;
        return now.addSecs(-n * factor);
    }
    QString iso = text;
    if (iso.size() > 10 && iso.at(10) == QLatin1Char(' '))
        iso[10] = QLatin1Char('T');
    return QDateTime::fromString(iso, Qt::ISODate);
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
