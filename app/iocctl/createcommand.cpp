// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/createcommand.h"

#include "core/ioc/conventions.h"

CreateCommand::CreateCommand(QObject *parent)
    : WriterCommand(QStringLiteral("create"),
                    tr("Create an IOC in a site's layout (procServUtils, manage-iocs, a plain "
                       "unit)."),
                    parent)
{}

QString CreateCommand::usage() const
{
    return tr("[OPTIONS] NAME -- COMMAND [ARG...]");
}

void CreateCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({ QStringLiteral("convention"),
                       tr("The layout to write: %1 (default: the one most IOCs on the host "
                          "use, else procservutils).")
                               .arg(IocWriter::writableConventions().join(QStringLiteral(", "))),
                       tr("NAME") });
    parser.addOption({ QStringLiteral("port"),
                       tr("The console: unix (the convention's socket, the default), unix:PATH, "
                          "tcp:PORT (localhost) or auto (a free localhost port)."),
                       tr("SPEC") });
    parser.addOption({ QStringLiteral("chdir"),
                       tr("The IOC's working directory (default: the current one)."), tr("DIR") });
    parser.addOption({ QStringLiteral("env"), tr("An environment variable (repeatable)."),
                       tr("KEY=VALUE") });
    parser.addOption({ QStringLiteral("user-name"),
                       tr("The account the IOC runs as (system manager)."), tr("USER") });
    parser.addOption({ QStringLiteral("enable"), tr("Enable it (start at boot).") });
    parser.addOption({ QStringLiteral("start"), tr("Start it once created.") });
    parser.addOption({ QStringLiteral("dry-run"),
                       tr("Print every file with its content and every systemd call; change "
                          "nothing.") });
    parser.addPositionalArgument(QStringLiteral("name"), tr("The IOC's name."), tr("NAME"));
    parser.addPositionalArgument(QStringLiteral("command"),
                                 tr("The IOC's program and its arguments, after '--'."),
                                 tr("-- COMMAND [ARG...]"));
}

QString CreateCommand::helpEpilog() const
{
    return tr("Nothing is written when the name clashes with an IOC, a unit or a file, the "
              "command is missing or not executable, the port is bad or taken, or a file "
              "cannot be written (exit 2; 4 for missing permissions).");
}

int CreateCommand::run(const QCommandLineParser &parser)
{
    const QStringList words = parser.positionalArguments();
    if (words.size() < 2) {
        printError(words.isEmpty() ? tr("'create' needs a NAME and, after '--', a COMMAND.")
                                   : tr("'create' needs a COMMAND after '--'."));
        return UsageError;
    }
    IocCreateRequest request;
    request.name = words.first();
    request.command = words.mid(1);
    request.convention = parser.value(QStringLiteral("convention"));
    request.port = parser.value(QStringLiteral("port"));
    request.chdir = parser.value(QStringLiteral("chdir"));
    request.environment = parser.values(QStringLiteral("env"));
    request.userName = parser.value(QStringLiteral("user-name"));
    request.enable = parser.isSet(QStringLiteral("enable"));
    request.start = parser.isSet(QStringLiteral("start"));
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    return withWriter(
            [this, request, dryRun](Host *host, IocWriter &writer) {
                const IocPlan plan = writer.planCreate(request);
                if (plan.isValid() && !dryRun)
                    out() << tr("Creating %1 (%2, unit %3, console %4)")
                                     .arg(plan.name, Conventions::displayName(plan.convention),
                                          plan.unit, plan.console)
                          << Qt::endl;
                runPlan(plan, host, dryRun);
            },
            [request](IocWriter &writer) { writer.planCreate(request); });
}
