// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/procserv/procservtypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

/// Learns the state of procServ's child (the IOC) from the "@@@" lines procServ writes to
/// a console: the banner a client gets on connect and the lifecycle messages broadcast
/// later (restart, new PID, sigChild, shutting down, auto-restart toggled). Both the
/// procServ 2.7 wording ("auto restart is ON") and 2.8's ("auto restart mode is ONESHOT")
/// are understood. Feed it telnet-decoded bytes in chunks of any size.
class ProcServStateTracker
{
public:
    void feed(const QByteArray &data);
    /// The connection was (re)opened: a new banner follows. Keeps what is known until the
    /// banner says otherwise.
    void beginConnection();
    /// The telnet negotiation that follows the banner was seen (IAC WILL ECHO).
    void markBannerComplete();
    /// Forgets everything it learned (not the host's offset from UTC).
    void reset();

    ChildState childState() const { return m_childState; }
    quint32 childPid() const { return m_childPid; }
    AutoRestart autoRestart() const { return m_autoRestart; }
    quint32 serverPid() const { return m_serverPid; }
    QString childName() const { return m_childName; }
    /// "2.7.0" from "Welcome to procServ (procServ Process Server 2.7.0)"; empty on a log port.
    QString procServVersion() const { return m_version; }
    int users() const { return m_users; } // -1 = unknown (log port clients are not told)
    int loggers() const { return m_loggers; } // -1 = unknown
    /// The whole banner was received (the users line or the telnet negotiation after it).
    bool bannerComplete() const { return m_bannerComplete; }
    /// As procServ printed it (its --timefmt); empty when unknown.
    QString childStartedAtText() const { return m_childStartedText; }
    /// Parsed from the text when it is procServ's default "%c" or ISO 8601; for a child
    /// started while connected, the time its new PID was seen. Invalid when unknown.
    QDateTime childStartedAt() const { return m_childStarted; }
    QString serverStartedAtText() const { return m_serverStartedText; }
    /// The last sigChild line's reason, e.g. "Normal exit status = 0" or
    /// "The process was killed by signal 9"; empty when none was seen.
    QString lastExitReason() const { return m_lastExitReason; }

    /// How the last child seen to end ended (the sigChild line); with setCountSince(), only
    /// an end at or after that time.
    ChildExit lastExit() const { return m_lastExit; }
    /// Restarts of the child seen in this stream: a new child after one ended (at or after
    /// setCountSince() when set). The first child of a procServ is no restart.
    int childRestarts() const { return m_childRestarts; }
    /// When each of those restarts happened (the last kRestartTimesKept), oldest first.
    QList<QDateTime> restartTimes() const { return m_restartTimes; }
    /// Starting from a new child's PID line until its "iocRun: All initialization
    /// complete"; Unknown for a child whose start was not seen.
    Readiness readiness() const { return m_readiness; }

    /// Count restarts and exits only at or after @p since (procServ's --timefmt "%c" or ISO
    /// times in its "Current time:" lines are compared; local time of procServ's host).
    void setCountSince(const QDateTime &since) { m_countSince = since; }
    /// Take the time of an exit from procServ's "Current time:" line that follows it (a log
    /// file read later) instead of the moment it was fed (a live connection).
    void setUseLoggedTimes(bool on) { m_useLoggedTimes = on; }
    /// procServ's host is @p seconds ahead of UTC: its printed times are read with that
    /// offset, not as this machine's local time (an SSH host in another zone); unset: this
    /// machine's. Set it before feeding; reset() keeps it.
    void setHostUtcOffset(std::optional<int> seconds) { m_hostUtcOffset = seconds; }
    /// A "Current time:" line older than @p time was seen (a log read from its middle
    /// reaches back that far).
    bool sawTimeBefore(const QDateTime &time) const
    {
        return m_earliestLoggedTime.isValid() && m_earliestLoggedTime < time;
    }

    /// procServ's default --timefmt "%c" ("Wed Nov 25 12:01:57 2026") or ISO 8601, as local
    /// time; invalid otherwise.
    static QDateTime parseTime(const QString &text);

    /// True once after any of the values above changed.
    bool takeChanged();

private:
    void handleLine(const QByteArray &line);
    QDateTime hostTime(const QString &text) const;
    bool isCounted(const QDateTime &time) const;
    void setChildState(ChildState state);
    void setChildPid(quint32 pid);
    void setAutoRestart(AutoRestart mode);
    template <typename T>
    void update(T &field, const T &value)
    {
        if (field != value) {
            field = value;
            m_changed = true;
        }
    }

    QByteArray m_partial;
    ChildState m_childState = ChildState::Unknown;
    quint32 m_childPid = 0;
    AutoRestart m_autoRestart = AutoRestart::Unknown;
    quint32 m_serverPid = 0;
    QString m_childName;
    QString m_version;
    int m_users = -1;
    int m_loggers = -1;
    bool m_bannerComplete = false;
    QString m_childStartedText;
    QDateTime m_childStarted;
    QString m_serverStartedText;
    QString m_lastExitReason;
    ChildExit m_lastExit;
    ChildExit m_pendingExit; // log: the last sigChild, waiting for its time
    bool m_exitTimeWanted = false;
    bool m_exitPending = false; // the child ended and no new one started since
    QDateTime m_exitAt; // when (log: procServ's "Current time:"; live: when seen)
    bool m_exitHadSigChild = false;
    QDateTime m_lastLoggedTime;
    int m_childRestarts = 0;
    QList<QDateTime> m_restartTimes;
    Readiness m_readiness = Readiness::Unknown;
    QDateTime m_countSince;
    bool m_useLoggedTimes = false;
    std::optional<int> m_hostUtcOffset; // unset: procServ's times are this machine's local time
    QDateTime m_earliestLoggedTime;
    bool m_changed = false;
};

Q_DECLARE_METATYPE(ProcServStateTracker)
