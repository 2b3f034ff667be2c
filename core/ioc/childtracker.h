// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"
#include "core/ioc/remotechildreader.h"
#include "core/procserv/bannerparser.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

class ConsoleSession;
class Host;

/// Follows the IOC process (procServ's child) of each running IOC of one host while it
/// lives: every exit and restart as it happens, its PID and start time, how it last ended,
/// whether it finished iocInit, and crash loops. systemd sees none of it.
///
/// Source: one read-only observer connection per running IOC that never writes a byte —
/// procServ's log port where there is one (procServ counts it as a "logger"), else its
/// console (counted as one more "user"; procServ's banner count then includes iocdock). procServ
/// broadcasts its "@@@" lifecycle lines to every client at once, on this machine and
/// through SSH alike, so an idle IOC costs an idle socket and no polling. On the local host
/// the start times come from /proc. The restart count is what can be known: 0 when the
/// current child is procServ's first one (its start time is procServ's), the count in
/// procServ's -L log file since the unit started (an SSH host's read on the host, up to the
/// child the banner named), or -1 (unknown); plus every restart observed since. Inventory owns one per host and calls track() for changed rows.
class ChildTracker : public QObject
{
    Q_OBJECT
public:
    explicit ChildTracker(Host *host, QObject *parent = nullptr);
    ~ChildTracker() override;

    /// Starts, keeps or stops following the child of @p ioc to match its unit's state (and
    /// starts again for a new procServ). Cheap when nothing changed: call on every change.
    void track(const Ioc &ioc);
    void forget(const QString &key);
    /// Writes what is known of the child into @p ioc; leaves it as it is when not followed
    /// (or the observer has not had procServ's banner yet).
    void apply(Ioc &ioc) const;
    bool isFollowing(const QString &key) const { return m_watches.contains(key); }
    /// 1 when procServ counted the observer of @p key among the users in the banner of
    /// another connection to the same console (begun at @p connectStartedNs on steadyNowNs()'s
    /// clock, -1 unknown; procServ said @p usersSeen users besides it): the observer is on the
    /// console itself (no log port) and was accepted first — its banner came before that
    /// connection was begun, or, connecting at about the same time, procServ's counts show it
    /// came first. 0 otherwise, also when it cannot be told (a count then errs high, never low).
    int consoleClientsCounted(const QString &key, qint64 connectStartedNs, int usersSeen) const;
    /// A monotonic clock in nanoseconds, for consoleClientsCounted().
    static qint64 steadyNowNs();

    /// For a one-shot listing (`iocctl ps`): fills in what can be read without a
    /// connection — on the local host the child's start time from /proc, and the restarts,
    /// their times, the last exit and readiness from procServ's -L log file since the unit
    /// became active (a child that is procServ's first has 0 restarts).
    static void readOnce(Ioc &ioc, bool localHost);
    /// From a banner a probe read: the child's start time and, when the child started with
    /// procServ, 0 restarts.
    static void applyBanner(Ioc &ioc, const ProcServStateTracker &banner);
    /// Feeds the tail of procServ's -L log file to @p state (logged times, counting from
    /// @p since). False when the file cannot be read or is too long to reach @p since.
    static bool readLogFile(const QString &path, const QDateTime &since,
                            ProcServStateTracker *state);
    /// The same for a log's text read elsewhere (an SSH host's, RemoteChildReader): @p data
    /// holds at least the lines procServ wrote ("@@@ ") and the IOC's "initialization
    /// complete" from the log's last maxLogBytes; @p cut says the log was longer.
    static bool readLog(const QByteArray &data, bool cut, const QDateTime &since,
                        ProcServStateTracker *state);
    /// What a log read by readLogFile() or readLog() tells of the running IOC @p ioc: its
    /// restarts since the unit started (0 when @p firstChild: the child is procServ's first),
    /// their times, the last exit, the child's readiness and the crash loop.
    static void applyLog(Ioc &ioc, const ProcServStateTracker &log, bool firstChild);
    /// How much of the end of a log is read. A log longer than this since the unit started
    /// gives an unknown count rather than a low one.
    static constexpr qint64 maxLogBytes = 8 * 1024 * 1024;
    /// The child state and PID of a running IOC on this machine from /proc, with no console
    /// connection: procServ's child process (MainPID must be procServ). False, leaving @p ioc
    /// as it is, when /proc does not tell, or right after a start (procServ listens before it
    /// forks its child: a banner probe, which looks again, decides).
    static bool readChildFromProc(Ioc &ioc);
    /// Start time of a local process from /proc; invalid when unknown.
    static QDateTime processStartTime(quint32 pid);

signals:
    /// What apply() gives for @p key changed.
    void childChanged(const QString &key);

private:
    struct Watch;
    void startWatch(const Ioc &ioc, bool sawUnitStart);
    void stopWatch(const QString &key);
    void handleData(const QString &key, const QByteArray &data);
    void handleBanner(const QString &key);
    void handleReconnected(const QString &key);
    void updateFacts(Watch *watch);
    void handleCrashLoopTimer();
    void readRemoteLogs();
    void applyRemoteLog(const QString &key, int banner, const RemoteChildReader::Logs &read);

    Host *m_host;
    // SSH hosts: procServ's -L logs, read on the host for the count before a banner.
    RemoteChildReader *m_remoteLogs = nullptr;
    QHash<QString, int> m_logReadQueue; // key -> the banner (Watch::banners) it is for
    QHash<QString, Watch *> m_watches;
    QDateTime m_created;
    QSet<QString> m_seenDown; // keys seen with their unit not up: a start that follows is seen
    QTimer m_crashLoopTimer; // ends crash loops whose restarts left the window
};
