// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"
#include "core/ioc/iocruntime.h"
#include "core/systemd/systemdmanager.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>

class ChildProber;
class ChildTracker;
class Host;
class ProcServStateTracker;
class RemoteChildReader;
class RemoteHostProbe;
class FileSource;
class UnitFileSource;
struct LoadedDescription;
struct UnitDescription;

/// The IOCs of one host, kept live from systemd's signals. Lists loaded units first
/// (fast), then every installed service unit file: one systemd has not loaded is an IOC when
/// its name fits a convention or a pattern, or when its ExecStart (read from the file and its
/// drop-ins by UnitFileSource, never executed) runs procServ. Fetches details of each loaded
/// unit concurrently; never polls: counters that emit no change signals are read again when the
/// client asks (refreshStats()). Child state (procServ's IOC process) comes from a banner probe
/// of each procServ (its log port, else its console), for a listing from the host's /proc
/// (an SSH host's with one command for all its IOCs, RemoteChildReader), and, while following
/// children, from ChildTracker.
/// The "systemd" IocRuntime: its rows are procServ units, their consoles procServ's. A unit
/// whose ExecStart runs podman is never one of its rows, whatever its name: it is handed to
/// the host's container runtime (containerUnitListed()), which joins it with its container.
class Inventory : public IocRuntime
{
    Q_OBJECT
public:
    explicit Inventory(Host *host, QObject *parent = nullptr);

    QString runtimeName() const override { return QStringLiteral("systemd"); }

    Host *host() const { return m_host; }
    /// Unit name patterns of IOCs whose unit runs no procServ of its own (a wrapper). Empty:
    /// the conventions' patterns plus $IOCDOCK_UNIT_PATTERNS. Once started, the listing is
    /// redone with the new patterns (rows that no longer fit go, new ones come).
    void setUnitPatterns(const QStringList &patterns);
    QStringList unitPatterns() const { return m_patterns; }
    /// Also probe procServ consoles for the child state (the CLI turns this off for `ps -q`).
    void setProbeConsoles(bool on) { m_probeConsoles = on; }
    /// Follow each running IOC's child live (ChildTracker: exits, restarts, crash loops),
    /// for long-running clients such as the GUI.
    void setFollowChildren(bool on);
    /// Include installed-but-not-loaded unit files (ListUnitFilesByPatterns("*.service"), then
    /// their files are read).
    void setIncludeUnitFiles(bool on) { m_includeUnitFiles = on; }
    /// List only units that are up (active, activating, deactivating, reloading).
    void setActiveOnly(bool on) { m_activeOnly = on; }

    /// How much to fetch per unit. Full: every property a row or the details show (the GUI,
    /// `iocctl inspect`). Listing: only what `iocctl ps` shows (see
    /// SystemdManager::unitListingDetails()), and the child state is read from the host's
    /// /proc instead of the console banner (the auto-restart mode stays unknown): on the
    /// local machine at once, with the child's facts as ChildTracker::readOnce() gives them;
    /// on an SSH host with one command for all IOCs of the listing, with the child's start.
    enum class DetailLevel { Full, Listing };
    void setDetailLevel(DetailLevel level) { m_detailLevel = level; }
    /// Listing: also read each unit's UnitFileState (for `enabled`).
    void setListingUnitFileState(bool on) { m_listingUnitFileState = on; }

    /// Lists and subscribes. Needs host() connected. Emits iocAdded() per IOC, loadedListed()
    /// when loaded units are known and ready() once everything known has been fetched.
    void start() override;
    bool isReady() const override { return m_ready; }
    /// Why the last listing is incomplete (systemd could not be asked, or went away while it
    /// was); empty when it is complete. Rows listed before stay as they were.
    QString listingError() const override { return m_listingError; }

    QList<Ioc> iocs() const override;
    bool contains(const QString &key) const override { return m_iocs.contains(key); }
    Ioc ioc(const QString &key) const override { return m_iocs.value(key); }
    /// By IOC name or unit name; empty when none.
    QList<Ioc> find(const QString &nameOrUnit) const;

    void run(UnitAction action, const QString &key, QObject *context,
             std::function<void(const JobResult &)> done) override;
    /// Re-reads MemoryCurrent and CPUUsageNSec of these rows whose unit is loaded: they emit
    /// no change signals, so the client polls them (the GUI: visible rows, seconds apart).
    /// UnitFileState (no change signals either) is not read here: each listing reads it, and a
    /// daemon reload lists again (run() reloads after enabling or disabling).
    void refreshStats(const QStringList &keys) override;
    /// Re-probes procServ's banner (log port, else console) of these active IOCs for the child
    /// state.
    void probeChildState(const QStringList &keys);
    /// Reads the details (command line, console, description) of rows whose unit systemd has
    /// not loaded (installed, not running): loads each unit in systemd for a moment, as
    /// `systemctl show` does. Calls @p done (in @p context) once every one has answered; the
    /// rows change as usual (iocChanged()).
    void readUnloaded(const QStringList &keys, QObject *context,
                      std::function<void()> done) override;

    /// procServ's console endpoint (createIocConsole()) and log (iocLogCommand()).
    bool hasConsole(const Ioc &ioc) const override { return ioc.console.isValid(); }
    int ownConsoleClients(const Ioc &ioc, qint64 connectStartedNs, int usersSeen) const override;
    ConsoleSession *openConsole(const Ioc &ioc, bool readOnly, QObject *parent) const override;
    std::shared_ptr<void> reserveConsole(const Ioc &ioc) const override;
    /// Restarts of @p unit by systemd (Restart=) at @p times, learnt elsewhere (the host's
    /// journal): counted with those seen live for its crash loop; the row changes at once.
    void addUnitRestarts(const QString &unit, const QList<QDateTime> &times);
    QStringList logCommand(const Ioc &ioc, bool follow, int lines, const QString &since = {},
                           const QString &until = {}, bool timestamps = false) const override;

signals:
    /// A unit whose ExecStart runs a container (UnitDescriber::runsContainer()) was listed:
    /// never a row of this runtime; the host's container runtime joins it with its container
    /// (Fleet connects them). @p unit has what the listing read: unit, unitPath (empty when
    /// not loaded), states, execStart. Comes before ready() of the listing that found it.
    void containerUnitListed(const Ioc &unit);

private:
    void list();
    void handleUnitsListed(const QList<UnitInfo> &units, const QString &error);
    void handleUnitFilesListed(const QList<UnitFileInfo> &files, const QString &error);
    /// Rows for the unloaded unit files read by m_unitFiles (one listing round).
    void handleUnitFilesRead(const QHash<QString, QString> &states,
                             const QList<UnitDescription> &descriptions,
                             const QStringList &unreadable);
    /// A row for an installed unit that systemd has not loaded.
    void addUnloadedRow(const Ioc &ioc);
    void handleUnitNew(const QString &name, const QString &path);
    void handleUnitRemoved(const QString &name, const QString &path);
    void handlePropertiesChanged(const QString &path, const UnitPropertiesChange &change);
    void handleReloading(bool active);
    void handleUnitFilesChanged();
    void handleHostStateChanged();
    void handleOwnerChanged(const QString &owner);
    /// Forgets the row of @p key and tells iocRemoved() when it was shown.
    void dropRow(const QString &key);
    /// Drops what the current listing waits for (answers of a manager that is gone).
    void forgetListing();
    void restartListing();
    void fetchDetails(const QString &key, bool forListing = false);
    void applyDetails(const QString &key, const UnitDetails &details, bool forListing);
    void applyUnitProperties(Ioc &ioc, const UnitProperties &props);
    void applyServiceProperties(Ioc &ioc, const ServiceProperties &props);
    void applyLoadError(Ioc &ioc, const UnitProperties &props);
    /// Reads what UnitDescriber::describeLoaded() needs (environment files, the process's
    /// command line) through m_files and describes the row; applies the convention config.
    /// pending while a file of an SSH host is still being read (the row is completed when
    /// it arrives).
    LoadedDescription describe(Ioc &ioc, const UnitDetails &details);
    /// Files of SSH hosts that rows asked for arrived: complete those rows.
    void handleFilesRead(const QStringList &keys, bool changed);
    /// A banner of m_prober: the child state of @p key's procServ.
    void handleProbed(const QString &key, const ProcServStateTracker &state);
    void requestUnitFiles();
    bool matchesPatterns(const QString &unitName) const;
    /// Reads the convention's config file (local hosts) for what ExecStart does not say.
    /// Applies the row's convention config file (read, never executed). False while an SSH
    /// host's files are still being read (the row is read again when they are; unless not
    /// @p mayWait: a row systemd has not loaded, which a reading would load).
    bool applyConventionConfig(Ioc &ioc, bool launcher, QString *error, bool mayWait = true);
    void probeRemoteConfigs();
    void emitChanged(const QString &key);
    void flushChanged();
    /// SSH hosts, DetailLevel::Listing: reads the child of every queued row with one command
    /// once the listing's rows are in (at once after it); falls back to the banner probe.
    void readQueuedChildren();
    void checkReady();

    Host *m_host;
    QStringList m_patterns;
    bool m_probeConsoles = true;
    bool m_includeUnitFiles = true;
    bool m_activeOnly = false;
    DetailLevel m_detailLevel = DetailLevel::Full;
    bool m_listingUnitFileState = false;
    bool m_ready = false;
    bool m_started = false;
    bool m_relist = false; // the host lost its connection since start(): list again on return
    bool m_loadedListed = false; // the current listing round has its loaded units
    bool m_everListed = false; // a listing of loaded units succeeded: later ones are diffed
    // Between Reloading(true) and (false) systemd may drop and re-create units: their
    // UnitRemoved (unit -> object path) waits for the listing after the reload to decide.
    bool m_reloading = false;
    QHash<QString, QString> m_removedInReload;
    // Answers to calls made before the manager changed (a new instance, a new connection)
    // are stale: each listing round has a generation, and older answers are dropped.
    quint64 m_generation = 0;
    QString m_listingError;
    bool m_filesListed = false;
    bool m_filesRequested = false;
    QSet<QString> m_listingDetails; // keys whose details the last listing waits for
    QHash<QString, Ioc> m_iocs; // key -> row
    QHash<QString, QString> m_keyByPath; // unit object path -> key
    QHash<QString, QString> m_keyByUnit; // unit name -> key
    QSet<QString> m_announced; // keys reported with iocAdded() and not removed since
    QHash<QString, quint64> m_signalCount; // key -> PropertiesChanged seen, to spot stale fetches
    QSet<QString> m_detailsInFlight; // keys whose unitDetails() has not answered yet
    // key -> when its last fetch was asked (m_clock), so that a stopped unit loaded for a
    // moment by a read is not read again and again (handleUnitNew())
    QHash<QString, qint64> m_fetchedAt;
    QElapsedTimer m_clock;
    QSet<QString> m_notIocs; // loaded services seen not to run procServ
    QSet<QString> m_changed; // keys changed since the last flush
    // EnvironmentFile= files and /proc/MAINPID/cmdline, read here or through ssh.
    FileSource *m_files = nullptr;
    // SSH hosts: procServUtils' config files there (a launcher's console is only in them),
    // from a snapshot of the host's files made for this listing; rows wait for each round.
    RemoteHostProbe *m_configProbe = nullptr;
    bool m_configLayoutKnown = false;
    bool m_configProbing = false;
    bool m_configFailed = false; // a round failed: the configs stay unread this listing
    int m_configRounds = 0;
    QSet<QString> m_waitingForConfig; // keys read again when the round ends
    // Banner probes of the child state; a listing waits for the first of each IOC.
    ChildProber *m_prober = nullptr;
    ChildTracker *m_childTracker = nullptr; // null unless setFollowChildren(true)
    // SSH hosts: the children of many procServs from the host's /proc, one command each time.
    RemoteChildReader *m_remoteChildren = nullptr;
    struct ChildRead
    {
        quint32 mainPid = 0; // the procServ it is for
        bool fromProc = false; // the child from /proc (a listing), else its log only
        QString logFile; // procServ's -L log on the host; empty: none to read
    };
    QHash<QString, ChildRead> m_childReadQueue; // by key, for the next read
    int m_childReadsRunning = 0;
    UnitFileSource *m_unitFiles = nullptr; // unit files systemd has not loaded
    QSet<QString> m_listingWaitsForFiles; // keys of the listing whose files are being read
    QTimer m_relistTimer; // coalesces daemon reloads into one listing
    QTimer m_flushTimer; // coalesces bursts of row changes into one iocChanged() per row
    /// systemd restarted the unit of @p key @p count times (NRestarts rose) just now.
    void noteUnitRestarts(const QString &key, quint32 count);
    /// Writes the unit restarts seen and the crash loop they make into @p ioc.
    void applyUnitRestarts(Ioc &ioc) const;
    /// Ends the crash loops whose restarts left the window; schedules the next end.
    void checkUnitCrashLoops();
    QHash<QString, QList<QDateTime>> m_unitRestarts; // key -> systemd's restarts seen
    QTimer m_unitCrashLoopTimer;
};
