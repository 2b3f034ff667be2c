// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/containers/engineendpoint.h"
#include "core/fleet/iocresolver.h"
#include "core/ioc/ioc.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class Host;
class Inventory;
class IocRuntime;
class RemoteEngine;

/// The hosts a front end shows and the runtimes that run IOCs on each of them. Which runtimes a
/// host gets, the runtime factory decides (setRuntimeFactory(); by default Inventory, systemd
/// units running procServ, on every host, and a ContainerRuntime where a container engine is
/// found). Engines are found as the docker and podman CLIs find them (EngineEndpoint): for a
/// local host in this process's environment when it is added; for an SSH host on the remote
/// machine once it is connected (RemoteEngine: one probe through the host's connection master,
/// then the master forwards the remote socket to a local one; forwarded again after every
/// reconnection, cancelled when the host goes). One engine serves one host, the first added
/// that finds it. The one owner of their life cycle: it
/// adds a host (by spec or given), connects it, starts its runtimes once it is connected, and
/// removes and destroys them in the right order (runtimes before their host: their pending
/// D-Bus calls use the host's connection). The one place to look a row up: by key, by host, by
/// name, glob or HOST/NAME (IocResolver's rules), and the runtime that runs a row.
///
/// It re-emits its runtimes' row signals and its hosts' state, so a model connects to the fleet
/// once instead of to every host and runtime.
class Fleet : public QObject
{
    Q_OBJECT
public:
    /// The runtimes @p host gets, made (unparented: the fleet takes them) in one place. Called
    /// once with an invalid @p engine when the host is added (its runtimes without an engine:
    /// the systemd one), and once more for the container engine found for it, if one is: at
    /// once for a local host; for an SSH host once it is connected and the engine forwarded
    /// (again after a reconnection while it has made none), engine.socketPath then being the
    /// local end of the forward and engine.source where the remote side found it. Inventories
    /// it makes get the inventory setup.
    using RuntimeFactory =
            std::function<QList<IocRuntime *>(Host *host, const EngineEndpoint &engine)>;
    /// The default factory: an Inventory without an engine, a ContainerRuntime on one.
    static QList<IocRuntime *> defaultRuntimes(Host *host, const EngineEndpoint &engine);

    explicit Fleet(QObject *parent = nullptr);
    /// Destroys every runtime, then the hosts it owns; emits nothing while it goes.
    ~Fleet() override;

    /// Called with each host it has and each one added later, before the fleet connects it:
    /// connection settings (timeouts, auto-reconnect, private socket).
    void setHostSetup(std::function<void(Host *)> setup);
    /// Called with each systemd runtime it has and each one it makes, before it is started:
    /// what to list and how much to read (Inventory's own settings).
    void setInventorySetup(std::function<void(Inventory *)> setup);
    /// For hosts added from now on; null restores defaultRuntimes().
    void setRuntimeFactory(RuntimeFactory factory);
    /// Whether hosts added from now on look for a container engine (local hosts in this
    /// process's environment, SSH hosts on the remote machine). On by default unless
    /// $IOCDOCK_CONTAINERS is 0.
    void setContainerDiscovery(bool on) { m_containerDiscovery = on; }
    bool containerDiscovery() const { return m_containerDiscovery; }

    /// Makes the host of @p spec (Host::fromSpec()), owned by the fleet, adds it and connects
    /// it. Null with a translated *error for a bad spec or a host already in the fleet.
    Host *addHost(const QString &spec, QString *error = nullptr);
    /// Adds @p host, owned only when its parent is this fleet, and connects it unless it is
    /// connected or connecting already. False when a host with its id is in the fleet.
    bool addHost(Host *host);
    /// Emits hostRemoved(), then destroys the host's runtimes and, when the fleet owns it, the
    /// host. Not from a slot of that host's own signals. False for a host not in the fleet.
    bool removeHost(Host *host);

    QList<Host *> hosts() const;
    bool ownsHost(const Host *host) const;
    /// By Host::id() (Ioc::host); null when none.
    Host *host(const QString &id) const;
    Host *hostFor(const Ioc &ioc) const;
    /// The runtimes of @p host: its Inventory first, then a ContainerRuntime if it has one.
    QList<IocRuntime *> runtimes(const Host *host) const;
    /// The runtime that lists @p ioc (by key, else by Ioc::runtime on its host); null when its
    /// host is not in the fleet.
    IocRuntime *runtimeFor(const Ioc &ioc) const;
    /// The systemd runtime of @p host, for its own settings (unit patterns, what to list).
    Inventory *inventory(const Host *host) const;

    /// Every runtime of @p host has listed what it knows, and the search for its engine (SSH
    /// hosts) has answered once.
    bool isHostReady(const Host *host) const;
    /// Why the last listing of @p host is incomplete (its runtimes' reasons); empty when it is
    /// complete.
    QString listingError(const Host *host) const;
    /// Every host has listed its IOCs or failed to connect.
    bool isReady() const;

    /// The rows of every host, host by host in the order they were added.
    QList<Ioc> iocs() const;
    QList<Ioc> iocs(const Host *host) const;
    bool contains(const QString &key) const;
    /// The row of @p key; a default Ioc when there is none.
    Ioc ioc(const QString &key) const;
    /// Names, units, globs and HOST/NAME words to rows (see IocResolver), among the rows of
    /// @p hosts (every host when empty).
    IocResolver::Result resolve(const QStringList &words, bool single,
                                const QList<Host *> &hosts = {}) const;

signals:
    void hostAdded(Host *host);
    /// The host is about to go: its rows with it. Its runtimes and the host still exist.
    void hostRemoved(Host *host);
    /// State, failure or error text of @p host changed (Host::stateChanged()); the fleet has
    /// started the host's runtimes already when it connected.
    void hostStateChanged(Host *host);
    /// A runtime of @p host has its loaded rows (a new listing round answered).
    void hostListed(Host *host);
    /// Every runtime of @p host is ready.
    void hostReady(Host *host);
    /// A runtime of @p host reports an error (translated).
    void hostErrorOccurred(Host *host, const QString &message);
    void iocAdded(const Ioc &ioc);
    void iocChanged(const Ioc &ioc);
    /// The row of @p key (on the host of id @p hostId) is gone.
    void iocRemoved(const QString &key, const QString &hostId);

private:
    struct Entry
    {
        Host *host = nullptr;
        QList<IocRuntime *> runtimes;
        QList<IocRuntime *> started;
        QString engineKey; // the engine it was given (in m_engineSockets)
        RemoteEngine *remoteEngine = nullptr; // SSH hosts looking for an engine
        QList<IocRuntime *> engineRuntimes; // made for the remote engine
        bool engineSettled = true; // false until the first search for a remote engine answered
        // systemd's past restarts of its looping IOCs were read from the host's journal (or
        // there were none to read): once, before the host's first hostReady().
        bool restartHistoryRead = false;
        bool readingRestartHistory = false;
    };
    Entry *entry(const Host *host);
    const Entry *entry(const Host *host) const;
    void addRuntimes(Entry &entry, const QList<IocRuntime *> &runtimes);
    void addRuntime(Entry &entry, IocRuntime *runtime);
    /// Disconnects and destroys an entry taken out of the list: its runtimes and its engine's
    /// forward, then its host when the fleet owns it. The one place of that order.
    void destroy(const Entry &entry);
    void handleHostStateChanged(Host *host);
    void handleConnected(Entry &entry);
    void startRuntimes(Entry &entry);
    void addLocalEngine(Entry &entry);
    void handleEngineProbed(Host *host, const EngineEndpoint &remote);
    void handleEngineForwarded(Host *host, const QString &localSocket);
    void handleEngineForwardFailed(Host *host, const QString &remoteSocket, const QString &message);
    void settleEngine(Entry &entry);
    /// Emits hostReady() when every runtime of @p host is ready, after its restart history.
    void checkHostReady(Host *host);
    /// A unit's NRestarts is a count without times: for the IOCs of @p host that systemd
    /// restarted at least Ioc::crashLoopRestarts times and that are up, the times of those
    /// restarts in the crash loop window from the host's journal ("Scheduled restart job"),
    /// given to its Inventory (so a first look knows a loop it did not watch). Bounded:
    /// without an answer within a few seconds the host is ready without them.
    void readRestartHistory(Host *host);

    QList<Entry> m_entries;
    RuntimeFactory m_runtimeFactory;
    std::function<void(Host *)> m_hostSetup;
    std::function<void(Inventory *)> m_inventorySetup;
    bool m_containerDiscovery = true;
    QStringList m_engineSockets; // engines given to a host already (local path, ssh:DEST:PATH)
};
