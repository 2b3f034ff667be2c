// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "app/iocctl/command.h"
#include "core/ioc/iocwriter.h"

/// The base of the commands that write IOCs (create, rm, rename): one local host, its IOCs
/// listed, then an IocPlan printed (--dry-run) or carried out by IocPlanRunner.
class WriterCommand : public Command
{
    Q_OBJECT
public:
    using Command::Command;

protected:
    /// Lists the host's IOCs (unit files too), then calls @p ready with a writer for the one
    /// local host. Refuses several hosts and remote hosts (exit 2). Returns Pending.
    int withWriter(std::function<void(Host *host, IocWriter &writer)> ready);
    /// Prints the dry run (exit 0) or refuses (2, 4 for permissions), or carries the plan out
    /// on @p host and finishes with 0 or 1.
    void runPlan(const IocPlan &plan, Host *host, bool dryRun);
};
