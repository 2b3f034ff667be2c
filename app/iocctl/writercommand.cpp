// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/writercommand.h"

#include "core/fleet/fleet.h"
#include "core/hosts/host.h"
#include "core/ioc/iocplanrunner.h"
#include "core/ioc/remotehostprobe.h"

int WriterCommand::withWriter(std::function<void(Host *host, IocWriter &writer)> ready,
                              std::function<void(IocWriter &writer)> rehearse)
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
    loadInventory(options, [this, ready, rehearse] {
        const QList<Host *> hosts = fleet()->hosts();
        Host *host = hosts.value(0);
        if (!host || (!host->isLocal() && (!rehearse || host->kind() != Host::Kind::Ssh))) {
            printError(tr("'%1' works on this machine's managers (--system or --user) and on "
                          "SSH hosts only.")
                               .arg(name()));
            finish(UsageError);
            return;
        }
        if (!host->isLocal()) {
            m_probe = new RemoteHostProbe(host, this);
            m_probe->probeLayout([this, host, ready, rehearse](const QString &error) {
                if (!error.isEmpty()) {
                    printError(error);
                    finish(ConnectionError);
                    return;
                }
                probeRound(host, 0, ready, rehearse);
            });
            return;
        }
        IocWriter writer(host->isUserManager() ? IocHostLayout::forLocalUser()
                                               : IocHostLayout::forLocalSystem());
        writer.setIocs(fleet()->iocs(host));
        ready(host, writer);
    });
    return Pending;
}

void WriterCommand::probeRound(Host *host, int round,
                               std::function<void(Host *, IocWriter &)> ready,
                               std::function<void(IocWriter &)> rehearse)
{
    // Plan on what the snapshot holds; a path it was asked and does not hold is probed, and
    // planned again (a plan's later checks may depend on earlier answers), until it holds all.
    SnapshotFileView &view = m_probe->view();
    IocWriter writer(m_probe->layout(), &view);
    writer.setIocs(fleet()->iocs(host));
    view.clearAsked();
    rehearse(writer);
    const QStringList paths = view.askedPaths();
    const QStringList accounts = view.askedAccounts();
    const QStringList contents = view.askedContents();
    constexpr int kMaxRounds = 4;
    if ((paths.isEmpty() && accounts.isEmpty() && contents.isEmpty()) || round >= kMaxRounds) {
        ready(host, writer);
        return;
    }
    m_probe->probePaths(paths, accounts, contents,
                        [this, host, round, ready, rehearse](const QString &error) {
                            if (!error.isEmpty()) {
                                printError(error);
                                finish(ConnectionError);
                                return;
                            }
                            probeRound(host, round + 1, ready, rehearse);
                        });
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
    if (!host->isLocal())
        runner->setRemoteHost(host);
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
