// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/querycommand.h"

#include "core/fleet/fleet.h"
#include "core/fleet/iocresolver.h"

namespace {

QString queryDescription(QueryCommand::Query query)
{
    switch (query) {
    case QueryCommand::Query::Active:
        return QueryCommand::tr("Print whether IOCs are active; exit 0 if any is (for scripts).");
    case QueryCommand::Query::Enabled:
        return QueryCommand::tr("Print whether IOCs start at boot; exit 0 if any does.");
    case QueryCommand::Query::Failed:
        return QueryCommand::tr("Print whether IOCs have failed; exit 0 if any has.");
    }
    return {};
}

} // namespace

QueryCommand::QueryCommand(Query query, QObject *parent)
    : Command(commandName(query), queryDescription(query), parent)
    , m_query(query)
{}

QString QueryCommand::commandName(Query query)
{
    switch (query) {
    case Query::Active:
        return QStringLiteral("is-active");
    case Query::Enabled:
        return QStringLiteral("is-enabled");
    case Query::Failed:
        return QStringLiteral("is-failed");
    }
    return {};
}

QString QueryCommand::usage() const
{
    return tr("[-q] NAME...");
}

void QueryCommand::addOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("names"),
                                 tr("IOC names, unit names or globs (quote globs: 'motor*')."),
                                 tr("NAME..."));
    parser.addOption(QCommandLineOption({ QStringLiteral("q"), QStringLiteral("quiet") },
                                        tr("Print nothing; only the exit code answers.")));
}

QString QueryCommand::helpEpilog() const
{
    switch (m_query) {
    case Query::Active:
        return tr("Prints systemd's ActiveState of each IOC's unit (active, inactive, failed, "
                  "activating, deactivating, ...; a container: active or inactive), one per "
                  "line in the order given, \"unknown\" for a name that is no IOC.");
    case Query::Enabled:
        return tr("Prints the unit file state of each IOC (enabled, disabled, static, masked, "
                  "...; a container of no unit: enabled when its restart policy starts it with "
                  "the engine, else disabled), \"not-found\" for a name that is no IOC.");
    case Query::Failed:
        return tr("Prints systemd's ActiveState of each IOC's unit (failed, active, inactive, "
                  "...), \"unknown\" for a name that is no IOC.");
    }
    return {};
}

QString QueryCommand::exitCodesText() const
{
    switch (m_query) {
    case Query::Active:
        return tr("Exit codes (as systemctl is-active): 0 at least one IOC is active, 3 none is, "
                  "4 a name is no IOC and none is active; 2 usage error; 4 or 5 a host could not "
                  "be reached or timed out.");
    case Query::Enabled:
        return tr("Exit codes (as systemctl is-enabled): 0 at least one IOC is enabled, 1 none "
                  "is, 4 a name is no IOC and none is enabled; 2 usage error; 4 or 5 a host "
                  "could not be reached or timed out.");
    case Query::Failed:
        return tr("Exit codes (as systemctl is-failed): 0 at least one IOC has failed, 1 none "
                  "has, 4 a name is no IOC and none has failed; 2 usage error; 4 or 5 a host "
                  "could not be reached or timed out.");
    }
    return {};
}

int QueryCommand::run(const QCommandLineParser &parser)
{
    m_words = parser.positionalArguments();
    if (m_words.isEmpty()) {
        printError(tr("'%1' needs at least one IOC name.").arg(name()));
        return UsageError;
    }
    m_quiet = parser.isSet(QStringLiteral("quiet"));
    InventoryOptions options;
    options.includeUnitFiles = true;
    options.listingOnly = true;
    options.listingUnitFileState = m_query == Query::Enabled;
    options.reportErrors = false; // the word answers; warnings would clutter scripts
    loadInventory(options, [this] { answer(); });
    return Pending;
}

QString QueryCommand::word(Query query, const Ioc &ioc, bool *yes)
{
    QString word;
    switch (query) {
    case Query::Active:
    case Query::Failed:
        if (ioc.isContainer() && ioc.unit.isEmpty())
            word = ioc.isActive() ? QStringLiteral("active") : QStringLiteral("inactive");
        else
            word = ioc.activeState.isEmpty() ? QStringLiteral("inactive") : ioc.activeState;
        *yes = query == Query::Active ? ioc.isActive() : ioc.isFailed();
        break;
    case Query::Enabled:
        if (ioc.isContainer() && ioc.unit.isEmpty())
            word = ioc.isEnabled() ? QStringLiteral("enabled") : QStringLiteral("disabled");
        else
            word = ioc.unitFileState.isEmpty() ? QStringLiteral("unknown") : ioc.unitFileState;
        *yes = ioc.isEnabled();
        break;
    }
    return word;
}

void QueryCommand::answer()
{
    bool anyYes = false;
    bool anyUnknown = false;
    const QList<Ioc> listed = allIocs();
    for (const QString &name : std::as_const(m_words)) {
        const IocResolver::Result result = IocResolver(listed).resolve({ name }, false);
        if (!result.isOk()) {
            anyUnknown = true;
            if (!m_quiet) {
                out() << (m_query == Query::Enabled ? QStringLiteral("not-found")
                                                    : QStringLiteral("unknown"))
                      << Qt::endl;
                printError(tr("%1: no such IOC; %2").arg(name, notFoundHint()));
            }
            continue;
        }
        for (const Ioc &ioc : result.iocs) {
            bool yes = false;
            const QString text = word(m_query, ioc, &yes);
            anyYes = anyYes || yes;
            if (!m_quiet)
                out() << text << Qt::endl;
        }
    }
    if (anyYes)
        finish(Success);
    else if (anyUnknown)
        finish(4);
    else
        finish(m_query == Query::Active ? 3 : 1);
}
