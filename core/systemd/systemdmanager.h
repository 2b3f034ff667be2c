// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/systemd/systemdtypes.h"
#include "core/systemd/unitproperties.h"

#include <QDBusConnection>
#include <QDBusError>
#include <QDBusPendingCall>
#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QVariantMap>

#include <functional>

class QDBusMessage;
class QDBusPendingCallWatcher;
class Systemd1Manager;

/// What run() asks systemd to do with a unit.
enum class UnitAction { Start, Stop, Restart, Enable, Disable };

/// The outcome of SystemdManager::run().
struct JobResult
{
    QString unit;
    UnitAction action = UnitAction::Start;
    /// systemd's job result (done, failed, timeout, canceled, dependency, skipped), "done" for a
    /// successful enable/disable, or "error" when the D-Bus call itself failed (see errorName).
    QString result;
    QString errorName; ///< D-Bus error name when result is "error"
    QString message; ///< user-readable, translated; empty when ok()
    bool ok() const { return result == QLatin1String("done"); }
};

/// Everything unitDetails() learns about one unit in one round.
struct UnitDetails
{
    QString unitPath;
    UnitProperties unit; ///< from all properties of org.freedesktop.systemd1.Unit (GetAll)
    ServiceProperties service; ///< those of org.freedesktop.systemd1.Service that were asked for
    QList<ExecCommand> execStart;
    QStringList environment;
    QList<EnvironmentFile> environmentFiles;
    QString error; ///< user-readable; empty on success
    QString errorName; ///< D-Bus error name of the first failed call; empty on success
};

/// The systemd manager (org.freedesktop.systemd1) on one D-Bus connection: system bus, user bus or any
/// address. Every call is asynchronous; each callback runs in the event loop only while its context lives.
///
/// Lifetime contract (docs/architecture.md §11): Qt 5.15 deletes the unfinished pending calls of a connection
/// that *we* close, and a QDBusPendingCallWatcher that outlives that close writes to freed memory
/// when it is destroyed. So every call sent on this manager's connections (the bus and the private
/// socket) is watched by a watcher that this manager creates and owns; callers never hold one, they
/// get context-guarded callbacks. Destroying the manager destroys every watcher. Whoever closes one
/// of its connections (Host) must destroy the manager first; liveCalls() tells what is still in flight.
class SystemdManager : public QObject
{
    Q_OBJECT

public:
    static QString serviceName(); ///< org.freedesktop.systemd1
    static QString managerPath(); ///< /org/freedesktop/systemd1
    static QString managerInterface(); ///< org.freedesktop.systemd1.Manager
    static QString unitInterface(); ///< org.freedesktop.systemd1.Unit
    static QString serviceInterface(); ///< org.freedesktop.systemd1.Service

    /// Timeout of every call that changes something, long enough to answer a polkit password dialog.
    static constexpr int modifyingCallTimeoutMs = 10 * 60 * 1000;

    explicit SystemdManager(const QDBusConnection &connection, QObject *parent = nullptr);
    ~SystemdManager() override;

    QDBusConnection connection() const;
    /// Sends the property reads of unitDetails() and unitListingDetails() over
    /// @p peer, a direct connection to systemd's private socket (what systemctl uses), instead
    /// of through the bus daemon: about a quarter to a half faster for many units. Signals, jobs
    /// and listings stay on the bus. A read whose peer connection has closed (daemon-reexec
    /// closes it) is asked again on the bus, and later reads go there.
    void setPeerConnection(const QDBusConnection &peer);

    /// Asks systemd for its signals and forwards them (unitNew, jobRemoved, unitPropertiesChanged, ...).
    void subscribe();
    /// PropertiesChanged is only forwarded for these unit object paths; empty = all units.
    void setWatchedPaths(const QSet<QString> &paths);
    QSet<QString> watchedPaths() const;

    /// Loaded units matching the glob patterns (ListUnitsByPatterns with no state filter).
    void listUnits(const QStringList &patterns, QObject *context,
                   std::function<void(const QList<UnitInfo> &, const QString &error)> done);
    /// Loaded units matching the glob patterns whose ActiveState or SubState is one of @p states.
    void listUnits(const QStringList &states, const QStringList &patterns, QObject *context,
                   std::function<void(const QList<UnitInfo> &, const QString &error)> done);
    /// Installed unit files matching the glob patterns, loaded or not.
    void listUnitFiles(const QStringList &patterns, QObject *context,
                       std::function<void(const QList<UnitFileInfo> &, const QString &error)> done);
    /// The object path of a unit, loading it from disk when needed (LoadState may then be "not-found").
    void loadUnit(const QString &name, QObject *context,
                  std::function<void(const QString &path, const QString &error)> done);
    /// The object path of a loaded unit; NoSuchUnit when it is not loaded.
    void unit(const QString &name, QObject *context,
              std::function<void(const QString &path, const QString &error)> done);
    /// All Unit properties plus the Service properties an IOC row needs, fetched concurrently.
    void unitDetails(const QString &unitPath, QObject *context,
                     std::function<void(const UnitDetails &)> done);
    /// Only what a listing shows, one targeted Properties.Get each, all in flight together:
    /// UnitFileState when asked for, and for an active unit ExecStart, MainPID, NRestarts and
    /// ActiveEnterTimestamp; for any other ExecStart, NRestarts, Result and
    /// InactiveEnterTimestamp; EnvironmentFiles (their paths can decide the convention);
    /// Environment only when ExecStart refers to a variable. About a third of the cost of
    /// unitDetails(): GetAll of the Service interface reads every cgroup counter.
    void unitListingDetails(const QString &unitPath, bool active, QObject *context,
                            std::function<void(const UnitDetails &)> done,
                            bool withUnitFileState = false);
    /// One property of the unit at @p unitPath (Properties.Get of @p interface), as a plain
    /// value (plainValue()); or the error, translated.
    void unitProperty(const QString &unitPath, const QString &interface, const QString &property,
                      QObject *context,
                      std::function<void(const QVariant &value, const QString &error)> done);
    /// Memory, CPU time and task count of each unit (these emit no change signals, so poll them).
    /// Unavailable values (UINT64_MAX) are reported as 0. Called once per path.
    void
    unitStats(const QStringList &unitPaths, QObject *context,
              std::function<void(const QString &path, quint64 memory, quint64 cpuNSec, uint tasks)>
                      each);
    void unitProcesses(const QString &unitName, QObject *context,
                       std::function<void(const QList<UnitProcess> &, const QString &error)> done);
    /// Starts, stops or restarts a unit and reports the job's result; enables or disables its unit file
    /// and reloads the manager. Allows interactive (polkit) authorization.
    void run(UnitAction action, const QString &unitName, QObject *context,
             std::function<void(const JobResult &)> done);

    /// LinkUnitFiles([path], runtime false, force false), what `systemctl link PATH` does:
    /// makes a unit file outside the search path known. No reload. Allows interactive
    /// authorization.
    void link(const QString &path, QObject *context,
              std::function<void(const QString &error)> done);
    /// ResetFailedUnit: forgets the unit's failed state (and its start-limit counter), what
    /// `systemctl reset-failed UNIT` does. Allows interactive authorization.
    /// @p done gets the error (translated; empty on success) and its D-Bus name.
    void resetFailed(const QString &unitName, QObject *context,
                     std::function<void(const QString &error, const QString &errorName)> done);
    /// KillUnit(@p unitName, @p whom, @p signal): systemd sends @p signal to the unit's main
    /// process ("main"), control process ("control") or every process of its cgroup ("all").
    /// Allows interactive authorization.
    void killUnit(const QString &unitName, const QString &whom, int signal, QObject *context,
                  std::function<void(const QString &error, const QString &errorName)> done);
    /// daemon-reload: re-reads all unit files. Allows interactive authorization.
    void reload(QObject *context, std::function<void(const QString &error)> done);
    /// org.freedesktop.DBus.Peer.Ping of the manager on the bus, bounded by @p timeoutMs; @p done
    /// gets the error (NoError when it answered). Not counted by connectionLost(): the caller
    /// decides what a missing answer means.
    void ping(int timeoutMs, QObject *context, std::function<void(const QDBusError &error)> done);

    /// Watchers of calls on the connection named @p connectionName that are still alive, of every
    /// SystemdManager (main thread only). Must be 0 before that connection is closed.
    static int liveCalls(const QString &connectionName);

    /// A clear, translated sentence for a D-Bus error.
    static QString describeError(const QDBusError &error);
    /// A clear, translated sentence for a job result (done, failed, timeout, ...).
    static QString describeJobResult(const QString &result);
    /// The verb for an action ("start", ...), translated.
    static QString actionName(UnitAction action);
    /// A systemd timestamp (µs since the epoch); 0 gives an invalid QDateTime.
    static QDateTime toDateTime(qulonglong usec);
    /// Turns QtDBus containers (QDBusArgument, QDBusVariant, QDBusObjectPath) in a property value into
    /// plain QVariant lists, maps and strings; other values are returned unchanged.
    static QVariant plainValue(const QVariant &value);

signals:
    void unitNew(const QString &name, const QString &path);
    void unitRemoved(const QString &name, const QString &path);
    void jobRemoved(uint id, const QString &jobPath, const QString &unit, const QString &result);
    /// A PropertiesChanged of the unit object at @p unitPath (see setWatchedPaths()).
    void unitPropertiesChanged(const QString &unitPath, const UnitPropertiesChange &change);
    void reloading(bool active);
    void unitFilesChanged();
    /// A call failed because the connection or the manager went away (Disconnected, NoReply).
    void connectionLost(const QString &message);
    /// The manager's unique bus name changed after it was first known: it left the bus
    /// (@p owner empty), or a new instance took the name (daemon-reexec, a restarted bus).
    /// A new instance may have changed anything while no signals could be seen.
    void ownerChanged(const QString &owner);

private slots:
    // QDBusConnection::connect() needs a normalised slot signature, so these are real slots.
    void handleSignal(const QDBusMessage &message);

private:
    struct PendingJob
    {
        QPointer<QObject> context;
        std::function<void(const JobResult &)> done;
        JobResult result;
    };

    void ensureSubscribed();
    void subscribeNow();
    void setOwner(const QString &owner);
    void whenOwnerKnown(std::function<void()> call);
    void callManager(QObject *context,
                     std::function<QDBusPendingCall(Systemd1Manager *proxy)> makeCall,
                     std::function<void(const QDBusMessage &reply)> handler);
    void sendToManager(const QDBusMessage &message, QObject *context,
                       std::function<void(const QDBusMessage &reply)> handler);
    void handleJobRemoved(uint id, const QDBusObjectPath &job, const QString &unit,
                          const QString &result);
    void track(const QDBusPendingCall &call, const QDBusConnection &connection, QObject *context,
               std::function<void(const QDBusMessage &reply)> handler);
    void watch(const QDBusPendingCall &call, QObject *context,
               std::function<void(const QDBusMessage &reply)> handler);
    QDBusPendingCall send(const QDBusMessage &message, int timeoutMs = -1);
    void watchRead(const QDBusMessage &message, QObject *context,
                   std::function<void(const QDBusMessage &reply)> handler);
    QDBusMessage modifyingCall(const QString &method) const;
    void runJob(UnitAction action, const QString &unitName, QObject *context,
                std::function<void(const JobResult &)> done);
    void runUnitFile(UnitAction action, const QString &unitName, QObject *context,
                     std::function<void(const JobResult &)> done);
    void finishJob(PendingJob job, const QString &result);
    void failPendingJobs(const QString &message);
    void noteError(const QDBusError &error);
    QString errorText(const QDBusError &error) const;

    QDBusConnection m_connection;
    QDBusConnection m_peer; ///< systemd's private socket, or not connected
    QObject *m_calls; ///< parent of every watcher of a call of this manager (see the class comment)
    Systemd1Manager *m_proxy = nullptr; ///< bound to m_owner; null while systemd is not on the bus
    QString m_owner; ///< unique bus name of org.freedesktop.systemd1
    bool m_ownerKnown = false;
    QList<std::function<void()>> m_waitingForOwner; ///< manager calls made before m_owner was known
    bool m_subscribed = false;
    bool m_lost = false;
    QSet<QString> m_watchedPaths;
    QMultiHash<QString, PendingJob>
            m_pendingJobs; ///< job path -> waiting run()s (systemd merges equal jobs)
    QHash<QString, QString> m_earlyJobResults; ///< job path -> result of a recent JobRemoved
    QStringList m_earlyJobOrder; ///< bounds m_earlyJobResults
};
