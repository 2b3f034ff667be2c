// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/hosts/host.h"
#include "core/ioc/iocwriter.h"

#include <QObject>
#include <QPointer>

#include <functional>

class RemoteHostProbe;

/// Plans IOC changes (IocWriter) for one host without blocking: this machine's managers are
/// planned at once on its file system; an SSH host on a snapshot of its file system that
/// RemoteHostProbe fills through the host's connection. A plan is made again on the snapshot
/// until it holds every path the plan looks at (a few probes at most), then delivered.
/// For the forms (New IOC…, Remove…, Rename…), which plan again as the user types.
class IocPlanner : public QObject
{
    Q_OBJECT
public:
    using Planning = std::function<IocPlan(const IocWriter &writer)>;
    using Done = std::function<void(const IocPlan &plan)>;

    /// @p host is not owned; planning stops (with an error) once it is gone.
    explicit IocPlanner(Host *host, QObject *parent = nullptr);

    /// Whether IOCs can be written on @p host (this machine's managers, SSH hosts); else *why
    /// (translated) says so.
    static bool canWrite(const Host *host, QString *why = nullptr);

    Host *host() const { return m_host; }
    bool isRemote() const;
    /// The host's IOCs (Inventory/Fleet), for clashes and the default convention.
    void setIocs(const QList<Ioc> &iocs) { m_iocs = iocs; }

    /// Plans with @p planning and calls @p done with the plan, at once for this machine, later
    /// for an SSH host (a failed probe gives a plan holding its error). A request supersedes
    /// one still waiting: only the latest request's @p done is called.
    void plan(Planning planning, Done done);
    /// Plans on what is known now, without probing (an SSH host: on the snapshot the last
    /// plan() filled). Never blocks on the network.
    IocPlan planNow(const Planning &planning) const;
    /// A writer on what is known now (the default convention of the form).
    IocWriter writer() const;

signals:
    /// A remote plan() is waiting for the host's answer (true) or has it (false).
    void busyChanged(bool busy);

private:
    void round(int generation, int round, Planning planning, Done done);
    void finish(int generation, const IocPlan &plan, Done done);

    QPointer<Host> m_host;
    QList<Ioc> m_iocs;
    RemoteHostProbe *m_probe = nullptr;
    bool m_layoutKnown = false;
    QString m_layoutError;
    int m_generation = 0;
    bool m_busy = false;
};
