// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/renamecommand.h"

#include "core/fleet/fleet.h"

RenameCommand::RenameCommand(QObject *parent)
    : WriterCommand(QStringLiteral("rename"),
                    tr("Rename an IOC where its convention has a rename (NSLS-II manage-iocs)."),
                    parent)
{}

QString RenameCommand::usage() const
{
    return tr("[--dry-run] OLD NEW");
}

void RenameCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({ QStringLiteral("dry-run"),
                       tr("Print every file change and systemd call; change nothing.") });
    parser.addPositionalArgument(QStringLiteral("old"), tr("The IOC's name."), tr("OLD"));
    parser.addPositionalArgument(QStringLiteral("new"), tr("Its new name."), tr("NEW"));
}

int RenameCommand::run(const QCommandLineParser &parser)
{
    const QStringList words = parser.positionalArguments();
    if (words.size() != 2) {
        printError(tr("'rename' needs OLD and NEW."));
        return UsageError;
    }
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    return withWriter(
            [this, words, dryRun](Host *host, IocWriter &writer) {
                QList<Ioc> iocs;
                int code = Success;
                if (!resolve({ words.at(0) }, true, &iocs, &code)) {
                    finish(code);
                    return;
                }
                runPlan(writer.planRename(iocs.constFirst(), words.at(1)), host, dryRun);
            },
            [this, words](IocWriter &writer) {
                const QList<Ioc> iocs = fleet()->iocs(fleet()->hosts().value(0));
                for (const Ioc &ioc : iocs) {
                    if (ioc.name == words.at(0))
                        writer.planRename(ioc, words.at(1));
                }
            });
}
