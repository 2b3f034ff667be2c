// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/fleet/fleetevent.h"
#include "core/hosts/host.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

class Fleet;

/// Turns a Fleet's row and host changes into FleetEvents: the one place that does (iocctl events
/// and iocdock's Events pane both use it). start() takes the rows listed so far as they are
/// (no events for them); from then on a changed row gives FleetEvent::between() of its last row
/// and the new one, a new row "add", a row gone "remove", a host leaving Connected "host-lost"
/// and coming back "host-back". A lost host's rows are not measured meanwhile: they give no
/// events until it is back, and are kept (no "remove") while it is away; a row's first change
/// after that is its net change over the absence (FleetEvent::afterAbsence).
/// Each systemd job that ends on an IOC's unit (systemd's JobRemoved, whoever asked for the
/// job: iocdock, iocctl, systemctl, a dependency or a restart) gives "job" with systemd's
/// result (done, canceled, timeout, failed, dependency, skipped, ...) and the job's id.
class FleetEventWatcher : public QObject
{
    Q_OBJECT
public:
    /// Watches @p fleet (not owned; it must outlive the watcher) once start() is called.
    explicit FleetEventWatcher(Fleet *fleet, QObject *parent = nullptr);

    /// Takes the fleet's current rows and host states as the baseline and watches from now on.
    void start();
    bool isWatching() const { return m_watching; }
    /// The number of rows known (after start()).
    int rowCount() const { return static_cast<int>(m_rows.size()); }

signals:
    /// @p ioc is the IOC's row after the change (for a "remove", the last row seen); null for
    /// host events.
    void eventOccurred(const FleetEvent &event, const Ioc &ioc, bool hasIoc);

private:
    void handleIocAdded(const Ioc &ioc);
    void handleIocChanged(const Ioc &ioc);
    void handleIocRemoved(const QString &key, const QString &hostId);
    void handleHostStateChanged(Host *host);
    /// Listens to the JobRemoved signals of @p host's current manager (a new one after each
    /// reconnection); the manager subscribes for its runtime.
    void watchJobs(Host *host);
    void handleJobRemoved(const Host *host, uint id, const QString &unit, const QString &result);

    Fleet *m_fleet;
    bool m_watching = false;
    QHash<QString, Ioc> m_rows; // by key: the last row seen
    QHash<const Host *, Host::State> m_hostStates;
    QSet<QString> m_lostHosts; // ids of hosts lost and not back
    QSet<QString> m_absentRows; // keys of rows not read since their host was lost
    QHash<const Host *, QPointer<SystemdManager>> m_jobManagers; // whose jobs are followed
};
