// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/actioncommand.h"

#include "core/ioc/iocruntime.h"

namespace {

QString actionDescription(UnitAction action)
{
    switch (action) {
    case UnitAction::Start:
        return ActionCommand::tr("Start IOCs and wait until systemd reports the result.");
    case UnitAction::Stop:
        return ActionCommand::tr("Stop IOCs (procServ and the IOC under it).");
    case UnitAction::Restart:
        return ActionCommand::tr("Restart IOCs (procServ and the IOC under it).");
    case UnitAction::Enable:
        return ActionCommand::tr("Enable IOCs so they start at boot.");
    case UnitAction::Disable:
        return ActionCommand::tr("Disable IOCs so they no longer start at boot.");
    }
    return {};
}

bool isPermissionError(const QString &errorName)
{
    return errorName.endsWith(QLatin1String(".AccessDenied"))
            || errorName.endsWith(QLatin1String(".InteractiveAuthorizationRequired"))
            || errorName.endsWith(QLatin1String(".AuthFailed"));
}

} // namespace

ActionCommand::ActionCommand(UnitAction action, QObject *parent)
    : Command(commandName(action), actionDescription(action), parent)
    , m_action(action)
{}

QString ActionCommand::commandName(UnitAction action)
{
    switch (action) {
    case UnitAction::Start:
        return QStringLiteral("start");
    case UnitAction::Stop:
        return QStringLiteral("stop");
    case UnitAction::Restart:
        return QStringLiteral("restart");
    case UnitAction::Enable:
        return QStringLiteral("enable");
    case UnitAction::Disable:
        return QStringLiteral("disable");
    }
    return {};
}

QString ActionCommand::usage() const
{
    return tr("NAME|GLOB...");
}

void ActionCommand::addOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(
            QStringLiteral("names"),
            tr("IOC names, unit names or globs (quote globs: 'motor*'). Each IOC is acted on "
               "once."),
            tr("NAME|GLOB..."));
}

int ActionCommand::run(const QCommandLineParser &parser)
{
    m_words = parser.positionalArguments();
    if (m_words.isEmpty()) {
        printError(tr("'%1' needs at least one IOC name.").arg(name()));
        return UsageError;
    }
    InventoryOptions options;
    // Stopping only concerns loaded units; the others may need installed unit files.
    options.includeUnitFiles = m_action != UnitAction::Stop;
    options.probeConsoles = false;
    loadInventory(options, [this] { runActions(); });
    return Pending;
}

QString ActionCommand::doneText() const
{
    switch (m_action) {
    case UnitAction::Start:
        return tr("started");
    case UnitAction::Stop:
        return tr("stopped");
    case UnitAction::Restart:
        return tr("restarted");
    case UnitAction::Enable:
        return tr("enabled");
    case UnitAction::Disable:
        return tr("disabled");
    }
    return {};
}

void ActionCommand::runActions()
{
    QList<Ioc> iocs;
    int code = Success;
    if (!resolve(m_words, false, &iocs, &code)) {
        finish(code);
        return;
    }
    m_pending = static_cast<int>(iocs.size());
    for (const Ioc &ioc : std::as_const(iocs)) {
        runtimeFor(ioc)->run(m_action, ioc.key(), this, [this, ioc](const JobResult &result) {
            handleJobFinished(ioc, result);
        });
    }
}

void ActionCommand::handleJobFinished(const Ioc &ioc, const JobResult &result)
{
    const QString label = ioc.name.isEmpty() ? ioc.unit : ioc.name;
    if (result.ok()) {
        out() << label << QStringLiteral(": ") << doneText() << Qt::endl;
    } else if (result.result == QLatin1String("skipped") && !result.message.isEmpty()) {
        // Nothing was tried: the message says why (a static unit cannot be disabled).
        printError(result.message);
        if (m_exitCode == Success)
            m_exitCode = ActionFailed;
    } else {
        QString why = result.message;
        if (why.isEmpty() && !result.result.isEmpty())
            why = tr("job result \"%1\"").arg(result.result);
        if (why.isEmpty())
            why = result.errorName;
        printError(tr("%1: %2 failed: %3").arg(label, name(), why));
        if (isPermissionError(result.errorName))
            m_exitCode = std::max<int>(m_exitCode, ConnectionError);
        else if (m_exitCode == Success)
            m_exitCode = ActionFailed;
    }
    if (--m_pending == 0)
        finish(m_exitCode);
}
