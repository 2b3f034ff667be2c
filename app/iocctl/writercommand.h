// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "app/iocctl/command.h"
#include "core/ioc/iocwriter.h"

class RemoteHostProbe;

/// The base of the commands that write IOCs (create, rm, rename): one host, its IOCs listed,
/// then an IocPlan printed (--dry-run) or carried out by IocPlanRunner.
class WriterCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;

protected:
    /// Lists the host's IOCs (unit files too), then calls @p ready with a writer for the one
    /// host. Refuses several hosts (exit 2). An SSH host is planned on a snapshot of its file
    /// system (RemoteHostProbe): @p rehearse plans what @p ready will plan, on the snapshot,
    /// until the snapshot holds every path the plan looks at; without it remote hosts are
    /// refused (exit 2). Returns Pending.
    int withWriter(std::function<void(Host *host, IocWriter &writer)> ready,
                   std::function<void(IocWriter &writer)> rehearse = {});
    /// Prints the dry run (exit 0) or refuses (2, 4 for permissions), or carries the plan out
    /// on @p host and finishes with 0 or 1.
    void runPlan(const IocPlan &plan, Host *host, bool dryRun);

private:
    void probeRound(Host *host, int round, std::function<void(Host *, IocWriter &)> ready,
                    std::function<void(IocWriter &)> rehearse);

    RemoteHostProbe *m_probe = nullptr;
};
