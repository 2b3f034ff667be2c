// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/fleet/fleeteventwatcher.h"

#include "core/fleet/fleet.h"

FleetEventWatcher::FleetEventWatcher(Fleet *fleet, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
{}

void FleetEventWatcher::start()
{
    if (m_watching)
        return;
    m_watching = true;
    const QList<Ioc> rows = m_fleet->iocs();
    for (const Ioc &ioc : rows)
        m_rows.insert(ioc.key(), ioc);
    const QList<Host *> hosts = m_fleet->hosts();
    for (Host *host : hosts) {
        m_hostStates.insert(host, host->state());
        watchJobs(host);
    }
    connect(m_fleet, &Fleet::iocAdded, this, &FleetEventWatcher::handleIocAdded);
    connect(m_fleet, &Fleet::iocChanged, this, &FleetEventWatcher::handleIocChanged);
    connect(m_fleet, &Fleet::iocRemoved, this, &FleetEventWatcher::handleIocRemoved);
    connect(m_fleet, &Fleet::hostStateChanged, this, &FleetEventWatcher::handleHostStateChanged);
    connect(m_fleet, &Fleet::hostRemoved, this, [this](Host *host) {
        m_hostStates.remove(host);
        m_lostHosts.remove(host->id());
        m_jobManagers.remove(host);
        for (auto it = m_absentRows.begin(); it != m_absentRows.end();) {
            if (m_rows.value(*it).host == host->id())
                it = m_absentRows.erase(it);
            else
                ++it;
        }
    });
}

void FleetEventWatcher::handleIocAdded(const Ioc &ioc)
{
    if (m_rows.contains(ioc.key())) {
        handleIocChanged(ioc); // listed again (a host back, a reload)
        return;
    }
    m_rows.insert(ioc.key(), ioc);
    emit eventOccurred(
            FleetEvent::forIoc(QStringLiteral("add"), ioc, QDateTime::currentDateTimeUtc()), ioc,
            true);
}

void FleetEventWatcher::handleIocChanged(const Ioc &ioc)
{
    const auto it = m_rows.find(ioc.key());
    if (it == m_rows.end()) {
        handleIocAdded(ioc);
        return;
    }
    const Ioc before = *it;
    *it = ioc;
    if (m_lostHosts.contains(ioc.host))
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Not read since its host was lost: a change over the absence. The row is read once it no
    // longer says hostLost (the listing after the return may bring the state before that, and
    // a quick return may come before the lost mark was ever given out).
    const bool afterAbsence = m_absentRows.contains(ioc.key());
    if (!ioc.hostLost)
        m_absentRows.remove(ioc.key());
    QList<FleetEvent> events = FleetEvent::between(before, ioc, now);
    for (FleetEvent &event : events) {
        event.afterAbsence = afterAbsence;
        emit eventOccurred(event, ioc, true);
    }
}

void FleetEventWatcher::handleIocRemoved(const QString &key, const QString &hostId)
{
    if (m_lostHosts.contains(hostId))
        return; // kept: they come back with their host
    const auto it = m_rows.constFind(key);
    if (it == m_rows.constEnd())
        return;
    const Ioc ioc = *it;
    m_rows.erase(it);
    m_absentRows.remove(key);
    emit eventOccurred(
            FleetEvent::forIoc(QStringLiteral("remove"), ioc, QDateTime::currentDateTimeUtc()), ioc,
            true);
}

void FleetEventWatcher::handleHostStateChanged(Host *host)
{
    const Host::State before = m_hostStates.value(host, Host::State::Connected);
    const Host::State now = host->state();
    m_hostStates.insert(host, now);
    if (now == Host::State::Connected)
        watchJobs(host);
    FleetEvent event;
    event.time = QDateTime::currentDateTimeUtc();
    event.host = host->id();
    if (before == Host::State::Connected && now != Host::State::Connected) {
        m_lostHosts.insert(host->id());
        for (const Ioc &ioc : std::as_const(m_rows)) {
            if (ioc.host == host->id())
                m_absentRows.insert(ioc.key());
        }
        event.type = QStringLiteral("host-lost");
        if (!host->errorString().isEmpty())
            event.attributes << qMakePair(QStringLiteral("message"), host->errorString());
        emit eventOccurred(event, Ioc(), false);
    } else if (now == Host::State::Connected && m_lostHosts.remove(host->id())) {
        event.type = QStringLiteral("host-back");
        emit eventOccurred(event, Ioc(), false);
    }
}

void FleetEventWatcher::watchJobs(Host *host)
{
    SystemdManager *manager = host->state() == Host::State::Connected ? host->manager() : nullptr;
    if (!manager || m_jobManagers.value(host) == manager)
        return;
    m_jobManagers.insert(host, manager);
    // The manager is the host's child: it goes before the host, and this connection with it.
    connect(manager, &SystemdManager::jobRemoved, this,
            [this, host](uint id, const QString &, const QString &unit, const QString &result) {
                handleJobRemoved(host, id, unit, result);
            });
}

void FleetEventWatcher::handleJobRemoved(const Host *host, uint id, const QString &unit,
                                         const QString &result)
{
    const QString hostId = host->id();
    if (m_lostHosts.contains(hostId))
        return;
    // Only jobs of IOC units: a row of this host with that unit.
    for (const Ioc &ioc : std::as_const(m_rows)) {
        if (ioc.host != hostId || ioc.unit != unit)
            continue;
        FleetEvent event =
                FleetEvent::forIoc(QStringLiteral("job"), ioc, QDateTime::currentDateTimeUtc());
        event.attributes << qMakePair(QStringLiteral("result"), result)
                         << qMakePair(QStringLiteral("job"), QString::number(id));
        emit eventOccurred(event, ioc, true);
        return;
    }
}
