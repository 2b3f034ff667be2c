// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/fleet/eventhistory.h"

#include "core/fleet/fleet.h"
#include "core/fleet/journalreplay.h"
#include "core/hosts/host.h"

#include <algorithm>

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
        read(host, std::max(lost, m_since), now);
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

void EventHistory::read(Host *host, const QDateTime &since, const QDateTime &until)
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
    connect(replay, &JournalReplay::finished, this, [this, replay] { handleFinished(replay); });
    replay->start();
}

void EventHistory::handleFinished(JournalReplay *replay)
{
    replay->deleteLater();
    m_running.removeAll(replay);
    // Within the bounds asked for only: a live event (after `until`) is the watcher's.
    QList<FleetEvent> events;
    const QList<FleetEvent> read = replay->events();
    for (const FleetEvent &event : read) {
        if (event.time >= replay->since() && event.time <= replay->until())
            events << event;
    }
    if (!events.isEmpty())
        emit pastEventsRead(events);
    if (replay->outcome() == JournalReplay::Outcome::NoJournal)
        emit noJournal(replay->hostId());
    else if (replay->outcome() == JournalReplay::Outcome::Failed)
        emit readFailed(replay->hostId(), replay->errorString());
    if (m_running.isEmpty())
        emit idle();
}
