// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/procserv/procservtypes.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

/// One row: everything known about one IOC on one host. A plain value; cheap to copy.
struct Ioc
{
    // identity
    QString host; // Host::id(), e.g. "local-user", "ioc1.example.org"
    QString runtime; // IocRuntime::runtimeName() of what runs it: "systemd", "podman", "docker"
    QString name; // IOC name as the convention spells it (NAME)
    QString unit; // systemd unit, e.g. "softioc-NAME.service"
    QString convention; // "procservutils", "manage-iocs", "frib", "ioc-runner", "e3", "generic"
    QString description;
    QString configFile; // convention config file read for this IOC, if any
    QString configError; // why that file (or the unit) could not be understood; empty if fine

    // systemd (cached from D-Bus)
    QString unitPath; // D-Bus object path; empty when the unit is not loaded
    QString fragmentPath; // unit file on disk
    // DropInPaths (files under NAME.service.d/ in effect); nullopt = not read (a listing
    // reads fewer properties than the details do)
    std::optional<QStringList> dropInPaths;
    QString loadState; // loaded, not-found, error, masked, "" when not loaded
    QString activeState; // active, inactive, failed, activating, deactivating, ...
    QString subState; // running, dead, exited, auto-restart, ...
    QString unitFileState; // enabled, disabled, static, masked, linked, ...
    QString result; // Service.Result: success, exit-code, signal, ...
    quint32 mainPid = 0; // procServ's PID (systemd MainPID)
    quint32 nRestarts = 0;
    // How procServ (the unit's main process) last ended, systemd's ExecMainCode (CLD_*: 0
    // never ended or unknown, 1 exited, 2 killed, 3 dumped core) and ExecMainStatus.
    int execMainCode = 0;
    int execMainStatus = 0;
    QDateTime activeSince; // ActiveEnterTimestamp; invalid = never
    QDateTime inactiveSince; // InactiveEnterTimestamp; invalid = never
    quint64 memoryBytes = 0; // MemoryCurrent; 0 = unknown
    quint64 cpuNSec = 0; // CPUUsageNSec; 0 = unknown
    QStringList execStart; // argv of the first ExecStart command, specifiers expanded

    // procServ (from ExecStart, convention config and the console banner)
    ConsoleEndpoint console; // read-write control endpoint
    ConsoleEndpoint logPort; // read-only endpoint (-l), if any
    QString logFile; // -L/--logfile; "-" means stdout (the journal)
    QString childName; // -n/--name
    QString workingDirectory; // -c/--chdir
    QString infoFile; // -I/--info-file
    QString ignoreChars; // -i, as written (e.g. "^D^C^]")
    QString killChar = QStringLiteral("^X"); // -k; empty = disabled
    QString logoutChar; // -x
    ChildState childState = ChildState::Unknown;
    quint32 childPid = 0;
    AutoRestart autoRestart = AutoRestart::Unknown;
    // The child itself (procServ restarts it without systemd knowing), see ChildTracker.
    QDateTime childSince; // start of the current child; invalid = unknown
    int childRestarts = -1; // restarts of the child inside procServ since the unit started
    // Restarts of the child seen live while childRestarts is unknown (those before are not
    // known): a lower bound, so a crash loop seen by a fresh iocdock still counts.
    int childRestartsSeen = 0;
    // (crash, exit, ^X); -1 = unknown
    ChildExit lastExit; // since the unit started; invalid = none seen (or unknown)
    QList<QDateTime> recentRestarts; // child restarts (the last recentRestartsKept), oldest first
    bool childCrashLoop = false; // >= crashLoopRestarts restarts within crashLoopWindowSecs
    // systemd's own restarts of the unit (Restart=, NRestarts rising) seen live, when seen
    // (the last recentRestartsKept, oldest first; Inventory): none before a reader came.
    QList<QDateTime> unitRestarts;
    bool unitCrashLoop = false; // >= crashLoopRestarts of them within crashLoopWindowSecs
    Readiness readiness = Readiness::Unknown;

    // container (ContainerRuntime; empty for systemd rows)
    QString containerId; // the engine's full ID; empty: not a container
    QString container; // its name
    QString image; // as configured (e.g. "localhost/iocdock-test:latest")
    QString containerState; // the engine's word: created, running, paused, restarting, exited, ...
    int exitCode = -1; // of the last run; -1 = unknown or never ran
    /// The host's connection is lost: what this row says is its last measurement, not the
    /// present; status() is "unknown" until the host is back and the row is read again.
    bool hostLost = false;
    QString health; // healthy, unhealthy, starting; empty: the image defines no health check
    QString restartPolicy; // no, always, on-failure, unless-stopped; empty = engine default
    int containerRestarts = -1; // the engine's RestartCount; -1 = unknown
    // The runs of the container that ended and that its engine started again (restart policy)
    // within the crash loop window, each with how it ended: the last recentRestartsKept,
    // oldest first (ContainerRuntime, from the engine's events).
    QList<ChildExit> containerExits;
    bool containerCrashLoop = false; // >= crashLoopRestarts of them within crashLoopWindowSecs

    static constexpr int crashLoopRestarts = 3;
    static constexpr int crashLoopWindowSecs = 600;
    /// How many restart times are kept (recentRestarts): when all of them fall in the window,
    /// the count in it is only a lower bound.
    static constexpr int recentRestartsKept = kRestartTimesKept;

    /// Unique within a host: the unit (a systemd row, or a container a unit runs: one key
    /// whether or not the container exists), or for a container of no unit "RUNTIME:NAME".
    QString key() const
    {
        return host + QLatin1Char('/')
                + (unit.isEmpty() ? runtime + QLatin1Char(':') + container : unit);
    }
    /// A container exists for this row (a unit's container only while it exists).
    bool isContainer() const { return !containerId.isEmpty(); }
    /// A container runtime's row: a container, or a unit that runs one (Quadlet, `podman
    /// generate systemd --new`) whether or not its container exists now.
    bool isContainerRow() const
    {
        return !runtime.isEmpty() && runtime != QLatin1String("systemd");
    }
    /// A unit systemd has loaded; a container the engine has.
    bool isLoaded() const { return !unitPath.isEmpty() || isContainer(); }
    /// A unit enabled to start at boot (a container's unit too); a container of no unit whose
    /// restart policy restarts it with the engine (always, unless-stopped).
    bool isEnabled() const
    {
        if (isContainer() && unit.isEmpty())
            return restartPolicy == QLatin1String("always")
                    || restartPolicy == QLatin1String("unless-stopped");
        return unitFileState == QLatin1String("enabled")
                || unitFileState == QLatin1String("enabled-runtime")
                || unitFileState == QLatin1String("static")
                || unitFileState == QLatin1String("alias");
    }
    /// systemd active; a container running, paused or restarting.
    bool isActive() const
    {
        if (isContainer())
            return containerState == QLatin1String("running")
                    || containerState == QLatin1String("paused")
                    || containerState == QLatin1String("restarting");
        return activeState == QLatin1String("active");
    }
    /// The current run is on: active, or reloading (still the same run).
    bool isUp() const { return isActive() || activeState == QLatin1String("reloading"); }
    /// Up, or on its way up (activating): what a removal refuses unless forced.
    bool isUpOrStarting() const { return isUp() || activeState == QLatin1String("activating"); }
    /// The unit file is gone: systemd still remembers the unit (as "not-found") but it is not
    /// up. Nothing of it can be opened or started; its row says "Not found".
    bool isUninstalled() const { return !isUp() && loadState == QLatin1String("not-found"); }
    bool isFailed() const { return activeState == QLatin1String("failed"); }
    /// How the unit's main process (procServ) last ended, from execMainCode/execMainStatus;
    /// invalid when it never ended or systemd did not say.
    ChildExit mainExit() const;
    /// A loaded unit that systemd has never seen active (since it loaded it): docker's
    /// "Created". False when unknown (a unit that is not loaded).
    bool isNeverStarted() const;
    /// systemd forgets a unit's last run when it unloads it (a stopped unit that nothing
    /// refers to, soon after it stopped); loaded again by anyone (`systemctl status`, a
    /// property read) it reads as never started: no timestamps, no exit status. When this
    /// row says so of a stopped unit and @p before (the same IOC as measured earlier) knew
    /// its last run, that run is kept: it is still the truth. Returns whether it was kept.
    bool keepLastRun(const Ioc &before);
    /// Running in docker's sense: systemd active and the child not known to be shut down.
    bool isRunning() const { return isActive() && childState != ChildState::ShutDown; }
    /// The child crash-loops (restarted crashLoopRestarts times within crashLoopWindowSecs),
    /// systemd (unitCrashLoop) or the container engine (containerCrashLoop) restarted the
    /// unit or container as often, or systemd is about to restart the unit after it failed
    /// (auto-restart).
    bool isCrashLooping() const
    {
        return subState == QLatin1String("auto-restart")
                || (isActive() && (childCrashLoop || containerCrashLoop || unitCrashLoop));
    }
    /// What users mean by restarts: systemd's restarts of the unit plus the child's inside
    /// procServ. -1 (unknown) while the unit is up and the child's count is unknown. A
    /// container: the engine's RestartCount (-1 when it did not say), plus its unit's
    /// NRestarts when a unit runs it.
    qint64 restarts() const;
    /// What restarts() is known to be at least: restarts() when known, else systemd's count
    /// plus the child restarts seen live (0 when none was seen).
    qint64 restartsAtLeast() const;
    /// One word for filters and the status column: running, starting (unit activating, or
    /// the child has not finished iocInit), crashloop, shutdown, stopping, failed, exited
    /// (inactive). A container: running, crashloop (running or restarting, isCrashLooping()),
    /// shutdown (procServ runs in it, its child does not), starting (health check not passed
    /// yet), created, paused, restarting, stopping (being removed), exited, failed (dead),
    /// unknown.
    QString status() const;
};

Q_DECLARE_METATYPE(Ioc)

/// Counts @p times within the crash loop window before @p now and whether that is a loop.
bool isCrashLoop(const QList<QDateTime> &times, const QDateTime &now);
/// When the crash loop of @p times (restart times, oldest first) ends by itself: the moment
/// fewer than Ioc::crashLoopRestarts of them are left in the window. Invalid with fewer times.
QDateTime crashLoopEnd(const QList<QDateTime> &times);
