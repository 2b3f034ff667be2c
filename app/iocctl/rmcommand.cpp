// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/rmcommand.h"

#include "core/fleet/fleet.h"
#include "core/hosts/host.h"
#include "core/ioc/iocplanrunner.h"

RmCommand::RmCommand(QObject *parent)
    : WriterCommand(QStringLiteral("rm"),
                    tr("Remove IOCs as their convention's tool does (never their own "
                       "directory, st.cmd or databases)."),
                    parent)
{}

QString RmCommand::usage() const
{
    return tr("[--force] [--dry-run] NAME...");
}

void RmCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({ { QStringLiteral("f"), QStringLiteral("force") },
                       tr("Stop a running IOC first instead of refusing.") });
    parser.addOption({ QStringLiteral("dry-run"),
                       tr("Print what would be removed and kept, and every systemd call; change "
                          "nothing.") });
    parser.addPositionalArgument(QStringLiteral("names"), tr("IOC names (no globs)."),
                                 tr("NAME..."));
}

int RmCommand::run(const QCommandLineParser &parser)
{
    const QStringList words = parser.positionalArguments();
    if (words.isEmpty()) {
        printError(tr("'rm' needs at least one IOC name."));
        return UsageError;
    }
    const bool force = parser.isSet(QStringLiteral("force"));
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    return withWriter(
            [this, words, force, dryRun](Host *host, IocWriter &writer) {
                IocPlan refused;
                refused.refusal = IocPlan::Refusal::None;
                for (const QString &word : words) {
                    QList<Ioc> iocs;
                    int code = Success;
                    // One exact IOC per word: a glob must not remove more than was meant.
                    if (word.contains(QLatin1Char('*')) || word.contains(QLatin1Char('?'))) {
                        printError(tr("'rm' takes IOC names, not globs: %1").arg(word));
                        finish(UsageError);
                        return;
                    }
                    if (!resolve({ word }, true, &iocs, &code)) {
                        finish(code);
                        return;
                    }
                    const IocPlan plan = writer.planRemove(iocs.constFirst(), force);
                    if (!plan.isValid()) {
                        // Core says it runs; how to remove it anyway is this command's.
                        for (const QString &error : plan.errors)
                            refused.errors
                                    << (plan.refusedRunning
                                                ? tr("%1 (--force stops it first)").arg(error)
                                                : error);
                        if (refused.refusal != IocPlan::Refusal::Permission)
                            refused.refusal = plan.refusal;
                    }
                    m_plans << plan;
                }
                if (!refused.isValid()) {
                    runPlan(refused, host, dryRun);
                    return;
                }
                if (dryRun) {
                    for (const IocPlan &plan : std::as_const(m_plans))
                        out() << plan.describe();
                    finish(Success);
                    return;
                }
                runNext(host);
            },
            [this, words, force](IocWriter &writer) {
                const QList<Ioc> iocs = fleet()->iocs(fleet()->hosts().value(0));
                for (const Ioc &ioc : iocs) {
                    if (words.contains(ioc.name))
                        writer.planRemove(ioc, force);
                }
            });
}

void RmCommand::runNext(Host *host)
{
    if (m_plans.isEmpty()) {
        finish(Success);
        return;
    }
    const IocPlan plan = m_plans.takeFirst();
    auto *runner = new IocPlanRunner(plan, host->manager(), this);
    if (!host->isLocal())
        runner->setRemoteHost(host);
    connect(runner, &IocPlanRunner::finished, this,
            [this, runner, plan, host](const QString &error) {
                runner->deleteLater();
                if (!error.isEmpty()) {
                    printError(tr("%1: %2").arg(plan.name, error));
                    finish(ActionFailed);
                    return;
                }
                out() << tr("%1: removed").arg(plan.name) << Qt::endl;
                for (const QString &kept : plan.kept)
                    out() << tr("%1: kept %2").arg(plan.name, kept) << Qt::endl;
                runNext(host);
            });
    runner->start();
}
