// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/fleet/fleet.h"

#include "core/containers/engineendpoint.h"
#include "core/hosts/host.h"
#include "core/ioc/containerruntime.h"
#include "core/ioc/inventory.h"
#include "core/ioc/iocruntime.h"

#include <QCoreApplication>

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
    for (IocRuntime *runtime : entry.runtimes) {
        disconnect(runtime, nullptr, this, nullptr);
        if (auto *containers = qobject_cast<ContainerRuntime *>(runtime))
            m_engineSockets.removeAll(containers->socketPath());
    }
    // Runtimes before the host they call through: a pending D-Bus call must not outlive the
    // connection the host closes (see Host::dropConnection()).
    qDeleteAll(entry.runtimes);
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
    m_entries.append(Entry{ host, {}, {} });
    // The runtimes follow the host's state before the fleet reports it (a runtime relists
    // when its host comes back).
    auto *inventory = new Inventory(host, this);
    if (m_inventorySetup)
        m_inventorySetup(inventory);
    addRuntime(m_entries.last(), inventory);
    addContainerRuntime(m_entries.last());
    connect(host, &Host::stateChanged, this, [this, host] { handleHostStateChanged(host); });
    emit hostAdded(host);
    if (host->state() == Host::State::Connected)
        startRuntimes(*entry(host));
    else if (host->state() != Host::State::Connecting)
        host->connectToManager();
    return true;
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
    connect(runtime, &IocRuntime::ready, this, [this, host] {
        if (isHostReady(host))
            emit hostReady(host);
    });
    connect(runtime, &IocRuntime::errorOccurred, this,
            [this, host](const QString &message) { emit hostErrorOccurred(host, message); });
    // A unit that runs a container is the container runtime's row, also while its container
    // does not exist (docs/architecture.md §13): the host's Inventory hands such units over.
    auto *containers = qobject_cast<ContainerRuntime *>(runtime);
    if (Inventory *units = containers ? inventory(host) : nullptr)
        connect(units, &Inventory::containerUnitListed, containers, &ContainerRuntime::addUnit);
}

void Fleet::addContainerRuntime(Entry &entry)
{
    // Local hosts only: a remote engine is reached over the host's SSH connection (not yet).
    if (!m_containerDiscovery || !entry.host->isLocal())
        return;
    const EngineEndpoint endpoint =
            EngineEndpoint::discover(QProcessEnvironment::systemEnvironment());
    // One engine, one set of rows: a user and a system manager of this machine do not both
    // list it.
    if (!endpoint.isValid() || m_engineSockets.contains(endpoint.socketPath))
        return;
    m_engineSockets << endpoint.socketPath;
    addRuntime(entry, new ContainerRuntime(entry.host, endpoint.socketPath, this));
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
        startRuntimes(*e);
    emit hostStateChanged(host);
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

bool Fleet::isHostReady(const Host *host) const
{
    const Entry *e = entry(host);
    if (!e)
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
