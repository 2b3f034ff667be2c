// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/actioncommand.h"

#include "core/ioc/iocfilter.h"
#include "core/ioc/iocruntime.h"

#include <QTimer>

#include <algorithm>

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
    return tr("[-f FILTER]... [--order name|given] [--delay SECONDS] [NAME|GLOB...]");
}

void ActionCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({ { QStringLiteral("f"), QStringLiteral("filter") },
                       tr("Act on every IOC matching KEY=VALUE (as 'ps --filter'; repeatable, "
                          "terms AND together); with names, on those of them that match."),
                       tr("KEY=VALUE") });
    parser.addOption({ QStringLiteral("order"),
                       tr("One IOC after the other: 'given' (the names' order, a glob's "
                          "matches by name) or 'name' (all by name)."),
                       tr("ORDER") });
    parser.addOption({ QStringLiteral("delay"),
                       tr("One IOC after the other, waiting SECONDS (may be fractional) after "
                          "each job's result before the next."),
                       tr("SECONDS") });
    parser.addPositionalArgument(
            QStringLiteral("names"),
            tr("IOC names, unit names or globs (quote globs: 'motor*'). Each IOC is acted on "
               "once."),
            tr("NAME|GLOB..."));
}

int ActionCommand::run(const QCommandLineParser &parser)
{
    m_words = parser.positionalArguments();
    m_filterTerms = parser.values(QStringLiteral("filter"));
    if (m_words.isEmpty() && m_filterTerms.isEmpty()) {
        printError(tr("'%1' needs at least one IOC name.").arg(name()));
        return UsageError;
    }
    const IocFilter filter = IocFilter::parse(m_filterTerms);
    if (!filter.isValid()) {
        printError(tr("Bad filter: %1").arg(filter.errorString()));
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("order"))) {
        const QString order = parser.value(QStringLiteral("order"));
        if (order != QLatin1String("name") && order != QLatin1String("given")) {
            printError(tr("--order is 'name' or 'given', not \"%1\".").arg(order));
            return UsageError;
        }
        m_byName = order == QLatin1String("name");
        m_sequential = true;
    }
    if (parser.isSet(QStringLiteral("delay"))) {
        bool ok = false;
        const double seconds = parser.value(QStringLiteral("delay")).toDouble(&ok);
        if (!ok || seconds < 0 || seconds > 86400) {
            printError(tr("--delay wants a number of seconds, not \"%1\".")
                               .arg(parser.value(QStringLiteral("delay"))));
            return UsageError;
        }
        m_delayMs = static_cast<int>(seconds * 1000);
        m_sequential = true;
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

QString ActionCommand::doingText() const
{
    switch (m_action) {
    case UnitAction::Start:
        return tr("starting");
    case UnitAction::Stop:
        return tr("stopping");
    case UnitAction::Restart:
        return tr("restarting");
    case UnitAction::Enable:
        return tr("enabling");
    case UnitAction::Disable:
        return tr("disabling");
    }
    return {};
}

void ActionCommand::runActions()
{
    int code = Success;
    // The plain form keeps the resolver's rules (and its messages); a filter or an order
    // selects word by word.
    const bool ok = m_filterTerms.isEmpty() && !m_sequential
            ? resolve(m_words, false, &m_iocs, &code)
            : resolveSelection(m_words, m_filterTerms, &m_iocs, &code);
    if (!ok) {
        finish(code);
        return;
    }
    if (m_byName) {
        std::stable_sort(m_iocs.begin(), m_iocs.end(), [](const Ioc &a, const Ioc &b) {
            return a.name != b.name ? a.name < b.name : a.host < b.host;
        });
    }
    if (m_sequential) {
        runNext();
        return;
    }
    m_pending = static_cast<int>(m_iocs.size());
    for (const Ioc &ioc : std::as_const(m_iocs)) {
        runtimeFor(ioc)->run(m_action, ioc.key(), this, [this, ioc](const JobResult &result) {
            handleJobFinished(ioc, result);
        });
    }
}

void ActionCommand::runNext()
{
    const Ioc ioc = m_iocs.at(m_next++);
    const QString label = ioc.name.isEmpty() ? ioc.unit : ioc.name;
    out() << QStringLiteral("[%1/%2] ").arg(m_next).arg(m_iocs.size()) << label
          << QStringLiteral(": ") << doingText() << Qt::endl;
    m_pending = 1;
    runtimeFor(ioc)->run(m_action, ioc.key(), this,
                         [this, ioc](const JobResult &result) { handleJobFinished(ioc, result); });
}

void ActionCommand::handleJobFinished(const Ioc &ioc, const JobResult &result)
{
    const QString label = ioc.name.isEmpty() ? ioc.unit : ioc.name;
    const QString prefix =
            m_sequential ? QStringLiteral("[%1/%2] ").arg(m_next).arg(m_iocs.size()) : QString();
    if (result.ok()) {
        out() << prefix << label << QStringLiteral(": ") << doneText() << Qt::endl;
    } else if (result.result == QLatin1String("skipped") && !result.message.isEmpty()) {
        // Nothing was tried: the message says why (a static unit cannot be disabled).
        printError(result.message);
        ++m_failed;
        if (m_exitCode == Success)
            m_exitCode = ActionFailed;
    } else {
        QString why = result.message;
        if (why.isEmpty() && !result.result.isEmpty())
            why = tr("job result \"%1\"").arg(result.result);
        if (why.isEmpty())
            why = result.errorName;
        printError(prefix + tr("%1: %2 failed: %3").arg(label, name(), why));
        ++m_failed;
        if (isPermissionError(result.errorName))
            m_exitCode = std::max<int>(m_exitCode, ConnectionError);
        else if (m_exitCode == Success)
            m_exitCode = ActionFailed;
    }
    if (--m_pending > 0)
        return;
    if (m_sequential && m_next < m_iocs.size()) {
        if (m_delayMs > 0) {
            out() << tr("waiting %1 s").arg(m_delayMs / 1000.0) << Qt::endl;
            QTimer::singleShot(m_delayMs, this, &ActionCommand::runNext);
        } else {
            runNext();
        }
        return;
    }
    if (m_sequential) {
        const int total = static_cast<int>(m_iocs.size());
        if (m_failed == 0)
            out() << tr("%1 of %2 IOC(s) %3.").arg(total).arg(total).arg(doneText()) << Qt::endl;
        else
            out() << tr("%1 of %2 IOC(s) %3, %4 failed.")
                             .arg(total - m_failed)
                             .arg(total)
                             .arg(doneText())
                             .arg(m_failed)
                  << Qt::endl;
    }
    finish(m_exitCode);
}
