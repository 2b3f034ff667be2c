// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/fleet/eventhistory.h"

#include "core/fleet/fleet.h"
#include "core/fleet/journalreplay.h"
#include "core/hosts/host.h"

#include <algorithm>

namespace {

bool isUnitChange(const QString &type)
{
    return type == QLatin1String("start") || type == QLatin1String("stop")
            || type == QLatin1String("fail");
}

/// Whether @p told (the journal of a host's absence, oldest first) tells the net change
/// @p change measured at its return: for the unit (start, stop, fail) when the IOC's last unit
/// event in it is that change, so the journal ends in the state measured; for procServ's child
/// (child-exit, child-restart) when it holds that event (with the same new PID where both know
/// it); for systemd's own restart when it holds one. A crash loop is no journal entry: it is
/// never told.
bool tells(const QList<FleetEvent> &told, const FleetEvent &change)
{
    if (isUnitChange(change.type)) {
        for (auto it = told.crbegin(); it != told.crend(); ++it) {
            if (it->host == change.host && it->unit == change.unit && isUnitChange(it->type))
                return it->type == change.type;
        }
        return false;
    }
    if (change.type == QLatin1String("restart")) {
        // systemd's own restarts: told where the journal holds one of the IOC's.
        return std::any_of(told.cbegin(), told.cend(), [&change](const FleetEvent &event) {
            return event.host == change.host && event.unit == change.unit
                    && event.type == change.type;
        });
    }
    if (change.type != QLatin1String("child-exit") && change.type != QLatin1String("child-restart"))
        return false;
    const QString pid = change.attribute(QStringLiteral("pid"));
    for (const FleetEvent &event : told) {
        if (event.host != change.host || event.unit != change.unit || event.type != change.type)
            continue;
        const QString toldPid = event.attribute(QStringLiteral("pid"));
        if (pid.isEmpty() || toldPid.isEmpty() || pid == toldPid)
            return true;
    }
    return false;
}

/// Whether @p held[i] and the event after it are the stop and start of one new run measured at
/// once (FleetEvent::between()).
bool isRestartPair(const QList<FleetEvent> &held, qsizetype i)
{
    return i + 1 < held.size() && held[i].type == QLatin1String("stop")
            && held[i + 1].type == QLatin1String("start") && held[i].host == held[i + 1].host
            && held[i].unit == held[i + 1].unit && held[i].time == held[i + 1].time;
}

/// Whether @p told tells the new run measured at the return: it ends in a start of the IOC
/// and holds a stop or a failure of it before that start.
bool tellsRestart(const QList<FleetEvent> &told, const FleetEvent &start)
{
    bool started = false;
    for (auto it = told.crbegin(); it != told.crend(); ++it) {
        if (it->host != start.host || it->unit != start.unit || !isUnitChange(it->type))
            continue;
        if (!started) {
            if (it->type != QLatin1String("start"))
                return false;
            started = true;
        } else if (it->type != QLatin1String("start")) {
            return true;
        }
    }
    return false;
}

} // namespace

EventHistory::EventHistory(Fleet *fleet, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
{}

void EventHistory::start(const QDateTime &since)
{
    if (m_started)
        return;
    m_started = true;
    m_since = since;
    connect(m_fleet, &Fleet::hostReady, this, &EventHistory::handleHostReady);
    connect(m_fleet, &Fleet::hostStateChanged, this, &EventHistory::handleHostStateChanged);
    connect(m_fleet, &Fleet::hostRemoved, this, [this](Host *host) {
        m_from.remove(host->id());
        m_lostAt.remove(host->id());
        m_absenceReads.remove(host->id());
        m_held.remove(host->id()); // its rows go with it
        m_unread.remove(host->id());
    });
    const QList<Host *> hosts = m_fleet->hosts();
    for (Host *host : hosts)
        handleHostReady(host);
}

void EventHistory::setSince(const QDateTime &since)
{
    m_since = since;
}

QDateTime EventHistory::earliest() const
{
    QDateTime earliest;
    for (const QDateTime &from : m_from) {
        if (!earliest.isValid() || from < earliest)
            earliest = from;
    }
    return earliest;
}

void EventHistory::handleHostReady(Host *host)
{
    if (host->state() != Host::State::Connected || !m_fleet->isHostReady(host)
        || m_unread.contains(host->id()))
        return;
    if (!m_since.isValid()) {
        if (!m_from.contains(host->id()))
            m_unread.insert(host->id());
        else if (m_lostAt.remove(host->id()) > 0)
            settleNetChanges(host->id(), {}); // no history wanted now: nothing tells them
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!m_from.contains(host->id())) {
        // First listed now: its past up to this moment; the watcher has it from here on.
        m_from.insert(host->id(), m_since);
        read(host, m_since, now);
        return;
    }
    if (m_lostAt.contains(host->id())) {
        const QDateTime lost = m_lostAt.take(host->id());
        read(host, std::max(lost, m_since), now, true);
    }
}

bool EventHistory::holdNetChange(const FleetEvent &event)
{
    // Held while its host's absence is still to be read (back, not yet listed) or being read.
    if (!event.afterAbsence
        || (!m_lostAt.contains(event.host) && !m_absenceReads.value(event.host)))
        return false;
    m_held[event.host] << event;
    return true;
}

void EventHistory::settleNetChanges(const QString &hostId, const QList<FleetEvent> &told)
{
    // One event per real change, at its real time: where the journal tells a change, its entry
    // (the moment it happened, systemd's result and job) is the event, and the net change seen
    // at the return (only the moment iocdock looked again) is dropped rather than merged, or a
    // reader would see one stop twice, minutes apart. Where the journal does not tell it, the
    // net change is the only record: it stands, as measured.
    const QList<FleetEvent> held = m_held.take(hostId);
    for (qsizetype i = 0; i < held.size(); ++i) {
        if (isRestartPair(held, i)) {
            if (!tellsRestart(told, held[i + 1])) {
                emit netChangeStands(held[i]);
                emit netChangeStands(held[i + 1]);
            }
            ++i;
        } else if (!tells(told, held[i])) {
            emit netChangeStands(held[i]);
        }
    }
}

void EventHistory::handleHostStateChanged(Host *host)
{
    if (host->state() != Host::State::Connected && m_from.contains(host->id())
        && !m_lostAt.contains(host->id()))
        m_lostAt.insert(host->id(), QDateTime::currentDateTimeUtc());
}

void EventHistory::loadEarlier(qint64 spanMs)
{
    if (spanMs <= 0)
        return;
    const QList<Host *> hosts = m_fleet->hosts();
    for (Host *host : hosts) {
        const auto it = m_from.find(host->id());
        if (it == m_from.end() || host->state() != Host::State::Connected)
            continue;
        const QDateTime until = *it;
        *it = until.addMSecs(-spanMs);
        read(host, *it, until);
    }
    if (m_since.isValid())
        m_since = std::min(m_since, earliest());
}

void EventHistory::read(Host *host, const QDateTime &since, const QDateTime &until, bool absence)
{
    QStringList units;
    QHash<QString, QString> names;
    const QList<Ioc> rows = m_fleet->iocs(host);
    for (const Ioc &ioc : rows) {
        // systemd's units only: a container's past is its engine's, not the journal's.
        if (ioc.unit.isEmpty() || !ioc.unit.contains(QLatin1Char('.')))
            continue;
        units << ioc.unit;
        names.insert(ioc.unit, ioc.name.isEmpty() ? ioc.unit : ioc.name);
    }
    auto *replay = new JournalReplay(host, units, names, since, until, this);
    m_running << replay;
    if (absence)
        m_absenceReads.insert(host->id(), replay);
    connect(replay, &JournalReplay::finished, this, [this, replay] { handleFinished(replay); });
    replay->start(); // may finish at once
}

void EventHistory::handleFinished(JournalReplay *replay)
{
    replay->deleteLater();
    m_running.removeAll(replay);
    const bool absence = m_absenceReads.value(replay->hostId()) == replay;
    if (absence)
        m_absenceReads.remove(replay->hostId());
    // Within the bounds asked for only: a live event (after `until`) is the watcher's.
    QList<FleetEvent> events;
    const QList<FleetEvent> read = replay->events();
    for (const FleetEvent &event : read) {
        if (event.time >= replay->since() && event.time <= replay->until())
            events << event;
    }
    if (!events.isEmpty())
        emit pastEventsRead(events);
    if (absence)
        settleNetChanges(replay->hostId(),
                         replay->outcome() == JournalReplay::Outcome::Read ? events
                                                                           : QList<FleetEvent>());
    if (replay->outcome() == JournalReplay::Outcome::NoJournal)
        emit noJournal(replay->hostId());
    else if (replay->outcome() == JournalReplay::Outcome::Failed)
        emit readFailed(replay->hostId(), replay->errorString());
    if (m_running.isEmpty())
        emit idle();
}
