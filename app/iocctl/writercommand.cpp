// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/writercommand.h"

#include "core/fleet/fleet.h"
#include "core/ioc/iocplanrunner.h"

int WriterCommand::withWriter(std::function<void(Host *host, IocWriter &writer)> ready)
{
    if (hostSpecs().size() != 1) {
        printError(tr("'%1' works on one host at a time.").arg(name()));
        return UsageError;
    }
    InventoryOptions options;
    options.includeUnitFiles = true;
    options.probeConsoles = false;
    options.reportErrors = false;
    options.listingOnly = true;
    options.listingUnitFileState = true; // rename re-enables an enabled IOC
    loadInventory(options, [this, ready] {
        const QList<Host *> hosts = fleet()->hosts();
        Host *host = hosts.value(0);
        if (!host || !host->isLocal()) {
            printError(tr("'%1' works on this machine's managers only (--system or --user); "
                          "remote hosts are not supported yet.")
                               .arg(name()));
            finish(UsageError);
            return;
        }
        IocWriter writer(host->isUserManager() ? IocHostLayout::forLocalUser()
                                               : IocHostLayout::forLocalSystem());
        writer.setIocs(fleet()->iocs(host));
        ready(host, writer);
    });
    return Pending;
}

void WriterCommand::runPlan(const IocPlan &plan, Host *host, bool dryRun)
{
    if (!plan.isValid()) {
        for (const QString &error : plan.errors)
            printError(error);
        finish(plan.refusal == IocPlan::Refusal::Permission ? ConnectionError : UsageError);
        return;
    }
    if (dryRun) {
        out() << plan.describe();
        finish(Success);
        return;
    }
    auto *runner = new IocPlanRunner(plan, host->manager(), this);
    connect(runner, &IocPlanRunner::progress, this,
            [this](const QString &line) { out() << line << Qt::endl; });
    connect(runner, &IocPlanRunner::finished, this, [this, runner, plan](const QString &error) {
        runner->deleteLater();
        if (!error.isEmpty()) {
            printError(error);
            finish(ActionFailed);
            return;
        }
        for (const QString &note : plan.notes)
            printWarning(note);
        finish(Success);
    });
    runner->start();
}
