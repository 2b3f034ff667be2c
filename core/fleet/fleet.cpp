// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/fleet/fleet.h"

#include "core/containers/engineendpoint.h"
#include "core/fleet/journalreplay.h"
#include "core/fleet/remoteengine.h"
#include "core/hosts/host.h"
#include "core/ioc/containerruntime.h"
#include "core/ioc/inventory.h"
#include "core/ioc/iocruntime.h"

#include <QCoreApplication>

namespace {

// How long a host's first readiness waits for its journal (readRestartHistory()).
constexpr int RestartHistoryBoundMs = 5000;

// An engine on another machine, named by where ssh goes and the socket there: two hosts of one
// machine (its system and its user manager) reach the same engine.
QString remoteEngineKey(const Host *host, const QString &remoteSocket)
{
    Host::SshTarget target;
    Host::parseSshSpec(host->spec(), &target);
    return QStringLiteral("ssh:%1:%2:%3")
            .arg(target.destination())
            .arg(target.port)
            .arg(remoteSocket);
}

} // namespace

QList<IocRuntime *> Fleet::defaultRuntimes(Host *host, const EngineEndpoint &engine)
{
    if (!engine.isValid())
        return { new Inventory(host) };
    return { new ContainerRuntime(host, engine.socketPath) };
}

Fleet::Fleet(QObject *parent)
    : QObject(parent)
    , m_containerDiscovery(qEnvironmentVariable("IOCDOCK_CONTAINERS") != QLatin1String("0"))
{}

Fleet::~Fleet()
{
    // Nothing is reported while the fleet goes (a host reports Disconnected as it goes).
    const QList<Entry> entries = std::exchange(m_entries, {});
    for (const Entry &e : entries)
        destroy(e);
}

void Fleet::destroy(const Entry &entry)
{
    disconnect(entry.host, nullptr, this, nullptr);
    for (IocRuntime *runtime : entry.runtimes)
        disconnect(runtime, nullptr, this, nullptr);
    if (!entry.engineKey.isEmpty())
        m_engineSockets.removeAll(entry.engineKey);
    // Runtimes before the host they call through: a pending D-Bus call must not outlive the
    // connection the host closes (see Host::dropConnection()). The forward of a remote engine
    // goes with its runtimes (it cancels itself through the host's master).
    qDeleteAll(entry.runtimes);
    delete entry.remoteEngine;
    if (entry.host->parent() == this)
        delete entry.host;
}

void Fleet::setHostSetup(std::function<void(Host *)> setup)
{
    m_hostSetup = std::move(setup);
    if (!m_hostSetup)
        return;
    for (const Entry &e : std::as_const(m_entries))
        m_hostSetup(e.host);
}

void Fleet::setRuntimeFactory(RuntimeFactory factory)
{
    m_runtimeFactory = std::move(factory);
}

void Fleet::setInventorySetup(std::function<void(Inventory *)> setup)
{
    m_inventorySetup = std::move(setup);
    if (!m_inventorySetup)
        return;
    for (const Entry &e : std::as_const(m_entries)) {
        for (IocRuntime *runtime : e.runtimes) {
            if (auto *inventory = qobject_cast<Inventory *>(runtime))
                m_inventorySetup(inventory);
        }
    }
}

Host *Fleet::addHost(const QString &spec, QString *error)
{
    QString why;
    if (!Host::isValidSpec(spec, &why)) {
        if (error)
            *error = why;
        return nullptr;
    }
    Host *host = Host::fromSpec(spec, this);
    if (!addHost(host)) {
        delete host;
        if (error)
            *error = QCoreApplication::translate("Fleet", "%1 is already in the list.").arg(spec);
        return nullptr;
    }
    return host;
}

bool Fleet::addHost(Host *host)
{
    if (!host || this->host(host->id()))
        return false;
    if (m_hostSetup)
        m_hostSetup(host);
    m_entries.append(Entry{});
    Entry &added = m_entries.last();
    added.host = host;
    // The runtimes follow the host's state before the fleet reports it (a runtime relists
    // when its host comes back).
    addRuntimes(added,
                m_runtimeFactory ? m_runtimeFactory(host, EngineEndpoint())
                                 : defaultRuntimes(host, EngineEndpoint()));
    if (m_containerDiscovery && host->isLocal()) {
        addLocalEngine(added);
    } else if (m_containerDiscovery && host->kind() == Host::Kind::Ssh) {
        // Looked for once the host is connected (handleHostStateChanged()), in the login that
        // checks the host before it connects (from the next attempt when one runs already).
        host->addLoginProbe(RemoteEngine::loginProbeName(), EngineEndpoint::probeScript());
        auto *engine = new RemoteEngine(host, this);
        added.remoteEngine = engine;
        added.engineSettled = false;
        connect(engine, &RemoteEngine::probed, this,
                [this, host](const EngineEndpoint &remote) { handleEngineProbed(host, remote); });
        connect(engine, &RemoteEngine::forwarded, this,
                [this, host](const QString &socket) { handleEngineForwarded(host, socket); });
        connect(engine, &RemoteEngine::forwardFailed, this,
                [this, host](const QString &remoteSocket, const QString &message) {
                    handleEngineForwardFailed(host, remoteSocket, message);
                });
    }
    connect(host, &Host::stateChanged, this, [this, host] { handleHostStateChanged(host); });
    emit hostAdded(host);
    if (host->state() == Host::State::Connected)
        handleConnected(*entry(host));
    else if (host->state() != Host::State::Connecting)
        host->connectToManager();
    return true;
}

void Fleet::addRuntimes(Entry &entry, const QList<IocRuntime *> &runtimes)
{
    for (IocRuntime *runtime : runtimes) {
        if (!runtime)
            continue;
        runtime->setParent(this);
        if (auto *inventory = qobject_cast<Inventory *>(runtime); inventory && m_inventorySetup)
            m_inventorySetup(inventory);
        addRuntime(entry, runtime);
    }
}

void Fleet::addRuntime(Entry &entry, IocRuntime *runtime)
{
    Host *host = entry.host;
    entry.runtimes << runtime;
    connect(runtime, &IocRuntime::iocAdded, this, &Fleet::iocAdded);
    connect(runtime, &IocRuntime::iocChanged, this, &Fleet::iocChanged);
    connect(runtime, &IocRuntime::iocRemoved, this,
            [this, host](const QString &key) { emit iocRemoved(key, host->id()); });
    connect(runtime, &IocRuntime::loadedListed, this, [this, host] { emit hostListed(host); });
    connect(runtime, &IocRuntime::ready, this, [this, host] { checkHostReady(host); });
    connect(runtime, &IocRuntime::errorOccurred, this,
            [this, host, runtime](const QString &message) {
                const Entry *e = this->entry(host);
                if (!e || !e->engineRuntimes.contains(runtime)) {
                    emit hostErrorOccurred(host, message);
                    return;
                }
                // A remote engine lost with its host: the host's state says so already.
                if (host->state() != Host::State::Connected)
                    return;
                // The local end of the forward means nothing to the user; the remote path does.
                const QString remote = e->remoteEngine->remote().socketPath;
                QString text = message;
                if (!remote.isEmpty())
                    text.replace(e->remoteEngine->localSocket(),
                                 QCoreApplication::translate("Fleet", "%1 on %2")
                                         .arg(remote, host->displayName()));
                emit hostErrorOccurred(host, text);
            });
    // A unit that runs a container is the container runtime's row, also while its container
    // does not exist (docs/architecture.md §13): the host's Inventory hands such units over.
    auto *containers = qobject_cast<ContainerRuntime *>(runtime);
    if (Inventory *units = containers ? inventory(host) : nullptr)
        connect(units, &Inventory::containerUnitListed, containers, &ContainerRuntime::addUnit);
}

void Fleet::addLocalEngine(Entry &entry)
{
    const EngineEndpoint endpoint =
            EngineEndpoint::discover(QProcessEnvironment::systemEnvironment());
    // One engine, one set of rows: a user and a system manager of this machine do not both
    // list it.
    if (!endpoint.isValid() || m_engineSockets.contains(endpoint.socketPath))
        return;
    const QList<IocRuntime *> made = m_runtimeFactory ? m_runtimeFactory(entry.host, endpoint)
                                                      : defaultRuntimes(entry.host, endpoint);
    if (made.isEmpty())
        return; // declined: the next host may take it
    m_engineSockets << endpoint.socketPath;
    entry.engineKey = endpoint.socketPath;
    addRuntimes(entry, made);
}

void Fleet::handleEngineProbed(Host *host, const EngineEndpoint &remote)
{
    Entry *e = entry(host);
    if (!e)
        return;
    // No engine there (or the host went while asked): no runtime, and nothing to report. A
    // runtime made before stays: it shows its rows as unknown until the engine answers again.
    if (!remote.isValid()) {
        settleEngine(*e);
        return;
    }
    const QString key = remoteEngineKey(host, remote.socketPath);
    if (key != e->engineKey) {
        if (m_engineSockets.contains(key)) { // another host of that machine lists it
            settleEngine(*e);
            return;
        }
        m_engineSockets.removeAll(e->engineKey);
        m_engineSockets << key;
        e->engineKey = key;
    }
    e->remoteEngine->forward(remote);
}

void Fleet::handleEngineForwarded(Host *host, const QString &localSocket)
{
    Entry *e = entry(host);
    if (!e)
        return;
    if (e->engineRuntimes.isEmpty()) {
        EngineEndpoint local = e->remoteEngine->remote(); // where the remote side found it
        local.socketPath = localSocket;
        const QList<IocRuntime *> made =
                m_runtimeFactory ? m_runtimeFactory(host, local) : defaultRuntimes(host, local);
        addRuntimes(*e, made);
        e->engineRuntimes = made;
        e->engineRuntimes.removeAll(nullptr);
        startRuntimes(*e);
    } else {
        // Back after a reconnection: at once, not at the runtime's next retry.
        for (IocRuntime *runtime : std::as_const(e->engineRuntimes))
            runtime->start();
    }
    settleEngine(*e);
}

void Fleet::handleEngineForwardFailed(Host *host, const QString &remoteSocket,
                                      const QString &message)
{
    Entry *e = entry(host);
    if (!e)
        return;
    if (host->state() == Host::State::Connected)
        emit hostErrorOccurred(host,
                               QCoreApplication::translate(
                                       "Fleet", "Cannot reach the container engine of %1 at %2: %3")
                                       .arg(host->displayName(), remoteSocket, message));
    settleEngine(*e);
}

void Fleet::settleEngine(Entry &entry)
{
    if (entry.engineSettled)
        return;
    entry.engineSettled = true;
    checkHostReady(entry.host);
}

bool Fleet::removeHost(Host *host)
{
    if (!entry(host))
        return false;
    emit hostRemoved(host);
    int index = -1; // a slot may have changed the list
    for (int i = 0; i < m_entries.size() && index < 0; ++i)
        index = m_entries.at(i).host == host ? i : -1;
    if (index < 0)
        return true;
    destroy(m_entries.takeAt(index));
    return true;
}

void Fleet::handleHostStateChanged(Host *host)
{
    Entry *e = entry(host);
    if (!e)
        return;
    if (host->state() == Host::State::Connected)
        handleConnected(*e);
    emit hostStateChanged(host);
}

void Fleet::handleConnected(Entry &entry)
{
    startRuntimes(entry);
    // Every connection may be a new master, which has no forward: look and forward again.
    if (entry.remoteEngine)
        entry.remoteEngine->probe();
}

void Fleet::startRuntimes(Entry &entry)
{
    // Once: after that each runtime follows its host's reconnections itself.
    for (IocRuntime *runtime : std::as_const(entry.runtimes)) {
        if (entry.started.contains(runtime))
            continue;
        entry.started << runtime;
        runtime->start();
    }
}

Fleet::Entry *Fleet::entry(const Host *host)
{
    for (Entry &e : m_entries) {
        if (e.host == host)
            return &e;
    }
    return nullptr;
}

const Fleet::Entry *Fleet::entry(const Host *host) const
{
    for (const Entry &e : m_entries) {
        if (e.host == host)
            return &e;
    }
    return nullptr;
}

QList<Host *> Fleet::hosts() const
{
    QList<Host *> list;
    for (const Entry &e : m_entries)
        list << e.host;
    return list;
}

bool Fleet::ownsHost(const Host *host) const
{
    return entry(host) && host->parent() == this;
}

Host *Fleet::host(const QString &id) const
{
    for (const Entry &e : m_entries) {
        if (e.host->id() == id)
            return e.host;
    }
    return nullptr;
}

Host *Fleet::hostFor(const Ioc &ioc) const
{
    return host(ioc.host);
}

QList<IocRuntime *> Fleet::runtimes(const Host *host) const
{
    const Entry *e = entry(host);
    return e ? e->runtimes : QList<IocRuntime *>();
}

IocRuntime *Fleet::runtimeFor(const Ioc &ioc) const
{
    const Entry *e = entry(hostFor(ioc));
    if (!e)
        return nullptr;
    const QString key = ioc.key();
    for (IocRuntime *runtime : e->runtimes) {
        if (runtime->contains(key))
            return runtime;
    }
    // A row gone meanwhile (or not listed yet): the runtime of its kind answers for it.
    for (IocRuntime *runtime : e->runtimes) {
        if (ioc.runtime.isEmpty() || runtime->runtimeName() == ioc.runtime)
            return runtime;
    }
    return nullptr;
}

Inventory *Fleet::inventory(const Host *host) const
{
    for (IocRuntime *runtime : runtimes(host)) {
        if (auto *inventory = qobject_cast<Inventory *>(runtime))
            return inventory;
    }
    return nullptr;
}

void Fleet::checkHostReady(Host *host)
{
    Entry *e = entry(host);
    if (!e || !e->engineSettled)
        return;
    for (const IocRuntime *runtime : std::as_const(e->runtimes)) {
        if (!runtime->isReady())
            return;
    }
    if (!e->restartHistoryRead) {
        if (!e->readingRestartHistory)
            readRestartHistory(host);
        return;
    }
    emit hostReady(host);
}

void Fleet::readRestartHistory(Host *host)
{
    Entry *e = entry(host);
    QHash<QString, QString> names; // unit -> IOC name
    Inventory *inventory = nullptr;
    for (IocRuntime *runtime : std::as_const(e->runtimes)) {
        auto *candidate = qobject_cast<Inventory *>(runtime);
        if (!candidate)
            continue;
        inventory = candidate;
        for (const Ioc &ioc : inventory->iocs()) {
            const bool up = ioc.isActive() || ioc.activeState == QLatin1String("activating");
            if (up && ioc.nRestarts >= quint32(Ioc::crashLoopRestarts) && !ioc.isCrashLooping())
                names.insert(ioc.unit, ioc.name);
        }
    }
    if (!inventory || names.isEmpty()) {
        e->restartHistoryRead = true;
        checkHostReady(host);
        return;
    }
    e->readingRestartHistory = true;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto *replay = new JournalReplay(host, names.keys(), names,
                                     now.addSecs(-qint64(Ioc::crashLoopWindowSecs)), now, this);
    const QPointer<Inventory> target(inventory);
    const auto done = [this, host, replay, target] {
        Entry *entry = this->entry(host);
        if (!entry || !entry->readingRestartHistory) {
            replay->deleteLater(); // the host is gone
            return;
        }
        entry->readingRestartHistory = false;
        entry->restartHistoryRead = true;
        if (target && replay->outcome() == JournalReplay::Outcome::Read) {
            QHash<QString, QList<QDateTime>> times;
            for (const FleetEvent &event : replay->events()) {
                if (event.type == QLatin1String("restart"))
                    times[event.unit] << event.time;
            }
            for (auto it = times.cbegin(); it != times.cend(); ++it)
                target->addUnitRestarts(it.key(), it.value());
        }
        replay->deleteLater();
        checkHostReady(host);
    };
    connect(replay, &JournalReplay::finished, this, done);
    QTimer::singleShot(RestartHistoryBoundMs, replay, done);
    replay->start();
}

bool Fleet::isHostReady(const Host *host) const
{
    const Entry *e = entry(host);
    if (!e || !e->engineSettled || !e->restartHistoryRead)
        return false;
    for (const IocRuntime *runtime : e->runtimes) {
        if (!runtime->isReady())
            return false;
    }
    return true;
}

QString Fleet::listingError(const Host *host) const
{
    QStringList errors;
    for (const IocRuntime *runtime : runtimes(host)) {
        if (!runtime->listingError().isEmpty())
            errors << runtime->listingError();
    }
    return errors.join(QLatin1Char('\n'));
}

bool Fleet::isReady() const
{
    for (const Entry &e : m_entries) {
        if (!isHostReady(e.host) && e.host->state() != Host::State::Failed)
            return false;
    }
    return true;
}

QList<Ioc> Fleet::iocs() const
{
    QList<Ioc> list;
    for (const Entry &e : m_entries)
        list += iocs(e.host);
    return list;
}

QList<Ioc> Fleet::iocs(const Host *host) const
{
    QList<Ioc> list;
    for (const IocRuntime *runtime : runtimes(host))
        list += runtime->iocs();
    return list;
}

bool Fleet::contains(const QString &key) const
{
    for (const Entry &e : m_entries) {
        for (const IocRuntime *runtime : e.runtimes) {
            if (runtime->contains(key))
                return true;
        }
    }
    return false;
}

Ioc Fleet::ioc(const QString &key) const
{
    for (const Entry &e : m_entries) {
        for (const IocRuntime *runtime : e.runtimes) {
            if (runtime->contains(key))
                return runtime->ioc(key);
        }
    }
    return {};
}

IocResolver::Result Fleet::resolve(const QStringList &words, bool single,
                                   const QList<Host *> &hosts) const
{
    QList<Ioc> rows;
    if (hosts.isEmpty()) {
        rows = iocs();
    } else {
        for (const Entry &e : m_entries) {
            if (hosts.contains(e.host))
                rows += iocs(e.host);
        }
    }
    return IocResolver(rows).resolve(words, single);
}
