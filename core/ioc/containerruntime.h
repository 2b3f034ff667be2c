// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/containers/containertypes.h"
#include "core/containers/enginestream.h"
#include "core/ioc/ioc.h"
#include "core/ioc/iocruntime.h"
#include "core/systemd/unitproperties.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimer>

class EngineClient;
class EngineEventStream;
class Host;
class SystemdManager;

/// The IOCs of one container engine (Podman's Docker-compatible service or dockerd), reached
/// on its API socket: the "podman" or "docker" IocRuntime (the engine's /version says which).
/// A container is an IOC when it is labelled `iocdock.ioc` (the value is the IOC's name) or
/// when its command runs procServ (argv[0]'s basename; the container's name is the IOC's).
/// Rows follow the engine's event stream (no polling): every container event re-inspects that
/// container; "remove"/"destroy" drops its row. When the stream ends (the engine stopped, the
/// socket went away) the runtime says so and connects again, with a growing delay, then lists
/// afresh.
///
/// Actions: start, stop (the engine's stop timeout, then SIGKILL) and restart through the
/// engine. Enable sets the restart policy "unless-stopped", disable "no" (POST
/// /containers/{id}/update: dockerd has it; Podman 4.3's compatible API has not, and the
/// result is "skipped" with the reason, as for a static unit); a row's "enabled" is that
/// policy (always, unless-stopped).
///
/// A container labelled `PODMAN_SYSTEMD_UNIT=U` (Podman sets it for a container a unit runs:
/// Quadlet, `podman generate systemd --new`) whose unit U exists on the host's systemd is ONE
/// row with that unit (docs/architecture.md §13): keyed by the unit, named as any container
/// IOC, its actions (enable and disable too) go to systemd on the unit through the host's
/// SystemdManager, and it shows the unit's state (watched through PropertiesChanged) beside
/// the container's. When the container is gone (such units run it with --rm) the row stays
/// while the unit exists, with the unit's state. Without a connected host, or when U does not
/// exist there, the container is a row of its own as any other.
///
/// Memory and CPU (refreshStats(): the engine's stats of each running container) and, on a
/// local host, the child of procServ when procServ is the container's main process (read
/// from /proc at each change and each refreshStats(), as ChildTracker::readChildFromProc()
/// reads a unit's) are shown when measured, unknown otherwise.
///
/// Logs come through the API (openLog(); logCommand() is empty). Consoles (openConsole()) go
/// through the engine's hijacked connections (EngineStream): procServ inside the container is
/// reached by a relay started in it with exec (socat when the container has it, else nc); a
/// labelled stdio IOC through the container's attach, raw bytes, with iocdock's detach keys.
class ContainerRuntime : public IocRuntime
{
    Q_OBJECT
public:
    /// Talks to the engine on @p socketPath; the rows are those of @p host (Ioc::host).
    ContainerRuntime(Host *host, const QString &socketPath, QObject *parent = nullptr);
    ~ContainerRuntime() override;

    /// "podman" or "docker" once the engine answered; before that a guess from the socket's
    /// path (rows are made only after the engine answered).
    QString runtimeName() const override;
    QString socketPath() const;
    /// Seconds a stop or restart waits before the engine kills the container; -1: the
    /// engine's (the container's StopTimeout, default 10).
    void setStopTimeout(int seconds) { m_stopTimeout = seconds; }
    /// First delay before connecting again after the engine went away (doubles up to 30 s).
    void setReconnectDelay(int ms) { m_reconnectDelayMs = ms; }

    void start() override;
    bool isReady() const override { return m_ready; }
    QString listingError() const override { return m_listingError; }

    QList<Ioc> iocs() const override;
    bool contains(const QString &key) const override;
    Ioc ioc(const QString &key) const override;

    void run(UnitAction action, const QString &key, QObject *context,
             std::function<void(const JobResult &)> done) override;
    /// Container rows are listed with their details: nothing to read.
    void readUnloaded(const QStringList &keys, QObject *context,
                      std::function<void()> done) override;
    void refreshStats(const QStringList &keys) override;

    /// Detach keys given to the engine's attach, so that its default (ctrl-p ctrl-q, which IOC
    /// shells and editors use) is never taken from the user's input: iocctl attach's default.
    static constexpr char DefaultDetachKeys[] = "ctrl-]";

    /// A container running procServ whose control endpoint its command names; any other IOC
    /// container (labelled `iocdock.ioc`): its stdio.
    bool hasConsole(const Ioc &ioc) const override;
    /// procServ inside: a relay in the container (socat, else nc) to its control endpoint, or
    /// for @p readOnly to its log port (-l) when it has one (else the control endpoint, to
    /// which nothing is sent). A stdio IOC: the container's attach (stdin not attached when
    /// @p readOnly). Closing the session closes the connection; nothing is written on close.
    ConsoleSession *openConsole(const Ioc &ioc, bool readOnly, QObject *parent) const override;
    /// The procServ endpoint a console of @p ioc relays to; invalid when it runs no procServ.
    static ConsoleEndpoint consoleRelay(const Ioc &ioc, bool readOnly);
    /// The relay commands tried in the container for @p endpoint, in order.
    static QList<EngineStream::Relay> relayCommands(const ConsoleEndpoint &endpoint);
    /// Empty: a container's log comes through the API (openLog()).
    QStringList logCommand(const Ioc &ioc, bool follow, int lines, const QString &since = {},
                           const QString &until = {}, bool timestamps = false) const override;
    /// The container's output (stdout and stderr as sent) through GET /containers/{id}/logs.
    LogSource *openLog(const Ioc &ioc, bool follow, int lines, const QString &since, QString *error,
                       QObject *parent, const QString &until = {},
                       bool timestamps = false) const override;

    /// A unit of the host that runs a container (Inventory::containerUnitListed()): when its
    /// podman command line (PodmanRunCommand) makes an IOC container, the unit's row is
    /// listed while its container does not exist too (a stopped Quadlet IOC), named as the
    /// container would be (--name, else the unit's name without ".service").
    void addUnit(const Ioc &unit);

    /// Whether @p details describe an IOC, and under which name (empty: not an IOC).
    static QString iocName(const ContainerDetails &details);
    /// Whether a listed container may be an IOC (then it is inspected).
    static bool mayBeIoc(const ContainerSummary &summary);
    /// The row of @p details on @p hostId, run by @p runtime.
    static Ioc describe(const ContainerDetails &details, const QString &hostId,
                        const QString &runtime);

private:
    void connectEngine();
    void handleStreamConnected();
    void handleStreamFinished(const QString &error);
    void handleEvent(const EngineEvent &event);
    void list();
    void inspect(const QString &id);
    void inspectPending();
    void applyDetails(const ContainerDetails &details);
    /// The container of @p id is gone (or no IOC any more).
    void removeContainer(const QString &id);
    void finishRound();
    void setReady();
    /// The engine's events of the crash loop window (how often each container died), then the
    /// first listing.
    void readPastDeaths();
    /// A container died (a "die" event): kept for its crash loop (Ioc::containerExits).
    void noteDeath(const EngineEvent &event);
    /// The deaths of @p details that its engine followed by a restart, in the window at @p now.
    QList<ChildExit> restartedDeaths(const ContainerDetails &details, const QDateTime &now) const;
    /// Rebuilds the rows when the first crash loop shown would end (its restarts left the
    /// window); nothing else ends one.
    void scheduleCrashLoopEnd();

    /// A container's unit as the host's systemd reports it.
    struct UnitState
    {
        bool known = false; // systemd answered
        bool exists = false; // loaded, or installed as a unit file
        QString path; // object path while systemd has it loaded
        UnitProperties unit;
        ServiceProperties service;
    };
    /// The host's manager, with its signals connected (null while not connected).
    SystemdManager *manager();
    /// Asks systemd for @p name once; @p done (after any waiting before) when it answered.
    void lookupUnit(const QString &name, std::function<void()> done);
    void finishLookup(const QString &name);
    void handleUnitPropertiesChanged(const QString &path, const UnitPropertiesChange &change);
    void handleUnitNew(const QString &name, const QString &path);
    void handleUnitRemoved(const QString &name, const QString &path);
    /// Whether @p name still exists as a unit file (after systemd unloaded it).
    void checkUnitFile(const QString &name);
    /// The unit a container's row joins: its PODMAN_SYSTEMD_UNIT when that unit exists.
    QString joinedUnit(const ContainerDetails &details) const;
    /// The row of a container (@p exists) or of a unit whose container is gone.
    Ioc buildRow(const ContainerDetails &details, bool exists) const;
    /// Makes the rows from the containers, the units and the counters; emits the differences.
    void rebuild();

    Host *m_host;
    EngineClient *m_client;
    QPointer<EngineEventStream> m_events;
    QString m_runtime;
    bool m_versionKnown = false;
    bool m_started = false;
    bool m_ready = false;
    bool m_reportedDown = false; // the engine's absence was reported (once per outage)
    QString m_listingError;
    int m_stopTimeout = -1;
    int m_reconnectDelayMs = 1000;
    int m_currentDelayMs = 0;
    QTimer m_reconnectTimer;
    QTimer m_inspectTimer; // coalesces bursts of events into one inspect per container
    QSet<QString> m_toInspect;
    QHash<QString, quint64> m_latestInspect; // container ID -> serial of its newest inspect
    quint64 m_inspectSerial = 0;
    int m_roundPending = 0; // inspects of a listing round still out
    bool m_inRound = false;
    bool m_relistAfterRound = false;
    quint64 m_generation = 0; // answers of an older connection are dropped
    bool m_engineDown = false; // the engine is away: container states are unknown
    QHash<QString, ContainerDetails> m_containers; // IOC containers by ID
    // The last details of a unit's container that is gone, by unit name: the row stays while
    // the unit exists.
    QHash<QString, ContainerDetails> m_gone;
    QHash<QString, UnitState> m_units; // by unit name
    QHash<QString, QString> m_unitByPath;
    QHash<QString, QList<std::function<void()>>> m_lookups; // unit name -> waiting for systemd
    /// Unit paths whose details are being read (lookupUnit()), and those of them that changed
    /// (PropertiesChanged) meanwhile: part of that answer may be older than the change.
    QSet<QString> m_readingPaths;
    QSet<QString> m_changedWhileReading;
    QHash<QString, quint64> m_waiting; // container ID -> inspect serial waiting for its unit
    QPointer<SystemdManager> m_manager;
    QHash<QString, ContainerStats> m_stats; // by container ID (running ones)
    QSet<QString> m_statsInFlight;
    QHash<QString, Ioc> m_rows; // by Ioc::key()
    // Container ID -> how its runs ended within the crash loop window (the last
    // Ioc::recentRestartsKept, oldest first), from the engine's "die" events.
    QHash<QString, QList<ChildExit>> m_deaths;
    QTimer m_crashLoopTimer;
};
