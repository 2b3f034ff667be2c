// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/fleet/fleetevent.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

class Fleet;
class Host;
class JournalReplay;

/// The recent past of a live timeline (iocdock's Events pane): what each host's journal kept of
/// its IOC units (JournalReplay) before live watching (FleetEventWatcher) saw that host. Each
/// host is read once it is listed: from `since` up to the moment it was listed (at start() for
/// the hosts listed then; later for a host that connects later), so nothing the watcher sees
/// live is read again. A host lost and back is read for the time it was away; its rows' net
/// change over that time (the watcher's, at the moment it is back) waits for that read
/// (holdNetChange()) and stands only where the journal does not tell the change itself.
/// loadEarlier() reads the span before what was read. Past events never pass through live
/// detection (restart storms): they come only as pastEventsRead(). Asynchronous: journalctl
/// runs as a QProcess (through the host's ssh for a remote one).
class EventHistory : public QObject
{
    Q_OBJECT
public:
    /// Follows @p fleet (not owned; it must outlive this) once start() is called.
    explicit EventHistory(Fleet *fleet, QObject *parent = nullptr);

    /// Reads every listed host from @p since until now, and each host listed later from
    /// @p since until it is listed. An invalid @p since reads nothing (no history wanted).
    void start(const QDateTime &since);
    /// The bound for hosts listed from now on (not read before): from @p since until each is
    /// listed; invalid: none read. Hosts listed before keep what was read of them (and a host
    /// listed while none was wanted stays unread: the watcher has it since then).
    void setSince(const QDateTime &since);
    QDateTime since() const { return m_since; }
    /// Reads, for every host read before, the @p spanMs before what was read so far.
    void loadEarlier(qint64 spanMs);
    /// Replays not yet answered.
    int pendingCount() const { return static_cast<int>(m_running.size()); }
    /// The earliest time read so far (every host); invalid before start().
    QDateTime earliest() const;
    /// A live event of the watcher. A net change measured when its host came back
    /// (FleetEvent::afterAbsence), while the journal of that absence is still to be read, is
    /// held: returns true, and the event comes later as netChangeStands() unless the journal
    /// told the change at its own time. Returns false for every other event: show it now.
    bool holdNetChange(const FleetEvent &event);

signals:
    /// Events of one host, oldest first, all between the bounds it was read for.
    void pastEventsRead(const QList<FleetEvent> &events);
    /// @p host keeps no journal: its past cannot be shown.
    void noJournal(const QString &hostId);
    /// Reading @p host's journal failed (translated reason).
    void readFailed(const QString &hostId, const QString &error);
    /// A net change held by holdNetChange() that the journal of the absence does not tell
    /// (no journal, a failed read, or the journal does not end in the state measured): the
    /// only record of that change, to show as the live event it was.
    void netChangeStands(const FleetEvent &event);
    /// Every replay started so far has answered.
    void idle();

private:
    void handleHostReady(Host *host);
    void handleHostStateChanged(Host *host);
    /// @p absence: the read of the time @p host was away (settles its held net changes).
    void read(Host *host, const QDateTime &since, const QDateTime &until, bool absence = false);
    void handleFinished(JournalReplay *replay);
    /// Gives out the net changes held for @p hostId that @p told (the journal of its absence,
    /// oldest first; nothing when it could not be read) does not tell.
    void settleNetChanges(const QString &hostId, const QList<FleetEvent> &told);

    Fleet *m_fleet;
    bool m_started = false;
    QDateTime m_since;
    QHash<QString, QDateTime> m_from; // host id -> earliest time read
    QHash<QString, QDateTime> m_lostAt; // host id -> when it was lost (read, then lost)
    QHash<QString, QPointer<JournalReplay>> m_absenceReads; // host id -> its absence's read
    QHash<QString, QList<FleetEvent>> m_held; // host id -> net changes awaiting that read
    QSet<QString> m_unread; // host ids listed while no history was wanted
    QList<QPointer<JournalReplay>> m_running;
};
