// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/actioncommand.h"

#include "core/fleet/fleet.h"
#include "core/fleet/orderedrun.h"
#include "core/fleet/timedstop.h"
#include "core/ioc/iocfilter.h"
#include "core/ioc/iocruntime.h"

#include <algorithm>
#include <utility>

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
    if (m_action == UnitAction::Enable || m_action == UnitAction::Disable) {
        parser.addOption(QCommandLineOption(
                QStringLiteral("now"),
                m_action == UnitAction::Enable ? tr("Start the IOCs too, once they are enabled.")
                                               : tr("Stop the IOCs too, once they are disabled.")));
    }
    if (m_action == UnitAction::Stop || m_action == UnitAction::Restart) {
        parser.addOption(QCommandLineOption(
                { QStringLiteral("t"), QStringLiteral("time") },
                tr("Give the IOC SECONDS to stop: if its unit has not stopped by then, iocctl "
                   "asks systemd to send SIGKILL to every process of the unit (KillUnit), as "
                   "'docker stop -t' does. A shorter TimeoutStopSec= of the unit still applies. "
                   "Nothing in the unit is changed."),
                tr("SECONDS")));
    }
}

QString ActionCommand::helpEpilog() const
{
    if (m_action == UnitAction::Restart)
        return tr("With -t, a restart is a stop (bounded by -t as above) and then a start.");
    return {};
}

int ActionCommand::run(const QCommandLineParser &parser)
{
    m_words = parser.positionalArguments();
    if (!filterTerms(parser, &m_filterTerms))
        return UsageError;
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
    if (m_action == UnitAction::Enable || m_action == UnitAction::Disable)
        m_now = parser.isSet(QStringLiteral("now"));
    if ((m_action == UnitAction::Stop || m_action == UnitAction::Restart)
        && parser.isSet(QStringLiteral("time"))) {
        bool ok = false;
        m_stopTimeout = parser.value(QStringLiteral("time")).toInt(&ok);
        // QTimer counts milliseconds in an int: about 24 days at most.
        if (!ok || m_stopTimeout < 0 || m_stopTimeout > 2000000) {
            printError(tr("-t needs a number of seconds (0 to 2000000), not \"%1\".")
                               .arg(parser.value(QStringLiteral("time"))));
            return UsageError;
        }
    }
    InventoryOptions options;
    // Stopping only concerns loaded units; the others may need installed unit files.
    options.includeUnitFiles = m_action != UnitAction::Stop;
    options.probeConsoles = false;
    loadInventory(options, [this] { runActions(); });
    return Pending;
}

QString ActionCommand::doneText(UnitAction action)
{
    switch (action) {
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
    if (m_byName)
        m_iocs = OrderedRun::ordered(m_iocs, OrderedRun::Order::Name);
    m_steps = { m_action };
    if (m_now && m_action == UnitAction::Enable)
        m_steps << UnitAction::Start;
    else if (m_now && m_action == UnitAction::Disable)
        m_steps << UnitAction::Stop;
    else if (m_action == UnitAction::Restart && m_stopTimeout >= 0)
        m_steps = { UnitAction::Stop, UnitAction::Start };
    if (m_sequential) {
        runOrdered();
        return;
    }
    m_pending = static_cast<int>(m_iocs.size());
    for (const Ioc &ioc : std::as_const(m_iocs))
        runSteps(ioc, m_steps);
}

QString ActionCommand::progressPrefix() const
{
    return m_sequential ? QStringLiteral("[%1/%2] ").arg(m_next).arg(m_iocs.size()) : QString();
}

void ActionCommand::runOrdered()
{
    // The sequencing is core's (OrderedRun, shared with iocdock); the jobs and lines are ours.
    auto *run = new OrderedRun(
            m_iocs, m_delayMs,
            [this](const Ioc &ioc, std::function<void(bool)> done) {
                m_iocDone = std::move(done);
                m_pending = 1;
                runSteps(ioc, m_steps);
            },
            this);
    connect(run, &OrderedRun::iocStarted, this, [this](int index, const Ioc &ioc) {
        m_next = index + 1;
        const QString label = ioc.name.isEmpty() ? ioc.unit : ioc.name;
        out() << progressPrefix() << label << QStringLiteral(": ") << doingText() << Qt::endl;
    });
    connect(run, &OrderedRun::waiting, this,
            [this](int delayMs) { out() << tr("waiting %1 s").arg(delayMs / 1000.0) << Qt::endl; });
    connect(run, &OrderedRun::finished, this, [this] {
        const int total = static_cast<int>(m_iocs.size());
        const QString done = doneText(m_action);
        if (m_failed == 0)
            out() << tr("%1 of %2 IOC(s) %3.").arg(total).arg(total).arg(done) << Qt::endl;
        else
            out() << tr("%1 of %2 IOC(s) %3, %4 failed.")
                             .arg(total - m_failed)
                             .arg(total)
                             .arg(done)
                             .arg(m_failed)
                  << Qt::endl;
        finish(m_exitCode);
    });
    run->start();
}

void ActionCommand::runSteps(const Ioc &ioc, QList<UnitAction> steps)
{
    const UnitAction action = steps.takeFirst();
    // A restart split into stop and start (-t) reports once, as "restarted".
    const bool quietStep = m_action == UnitAction::Restart && action == UnitAction::Stop;
    auto next = [this, ioc, steps, action, quietStep](const JobResult &result) {
        const bool ok = quietStep && result.ok() ? true : report(ioc, action, result);
        if (ok && !steps.isEmpty())
            runSteps(ioc, steps);
        else
            iocDone();
    };
    if (action == UnitAction::Stop && m_stopTimeout >= 0 && TimedStop::appliesTo(ioc)) {
        runStop(ioc, next);
        return;
    }
    if (action == UnitAction::Stop && m_stopTimeout >= 0)
        printWarning(tr("%1: -t applies to IOCs a systemd unit runs; this container stops with "
                        "its engine's own timeout.")
                             .arg(ioc.name));
    runtimeFor(ioc)->run(action, ioc.key(), this, next);
}

void ActionCommand::runStop(const Ioc &ioc, std::function<void(const JobResult &)> done)
{
    // The rule (the stop job, SIGKILL after the limit) is core's, shared with iocdock.
    auto *stop = new TimedStop(fleet(), ioc, m_stopTimeout, this);
    const QString label = ioc.name.isEmpty() ? ioc.unit : ioc.name;
    connect(stop, &TimedStop::killing, this, [this, ioc, label] {
        out() << tr("%1: not stopped after %2 s; systemd sends SIGKILL to every process of %3")
                         .arg(label, QString::number(m_stopTimeout), ioc.unit)
              << Qt::endl;
    });
    connect(stop, &TimedStop::killFailed, this, [this, label](const QString &error) {
        printError(tr("%1: SIGKILL failed: %2").arg(label, error));
    });
    connect(stop, &TimedStop::finished, this,
            [this, label, done](const JobResult &result, bool killed) {
                if (killed && result.ok() && m_action == UnitAction::Stop)
                    out() << tr("%1: killed; systemd now shows its unit as failed "
                                "(iocctl reset-failed %1 clears that)")
                                     .arg(label)
                          << Qt::endl;
                done(result);
            });
    stop->start();
}

bool ActionCommand::report(const Ioc &ioc, UnitAction action, const JobResult &result)
{
    const QString label = ioc.name.isEmpty() ? ioc.unit : ioc.name;
    // A restart done as stop + start reports "restarted" for its start.
    const UnitAction shown = m_action == UnitAction::Restart ? UnitAction::Restart : action;
    if (result.ok()) {
        out() << progressPrefix() << label << QStringLiteral(": ") << doneText(shown) << Qt::endl;
        return true;
    }
    if (result.result == QLatin1String("skipped") && !result.message.isEmpty()) {
        // Nothing was tried: the message says why (a static unit cannot be disabled).
        printError(progressPrefix() + result.message);
        ++m_failed;
        if (m_exitCode == Success)
            m_exitCode = ActionFailed;
        return false;
    }
    QString why = result.message;
    if (why.isEmpty() && !result.result.isEmpty())
        why = tr("job result \"%1\"").arg(result.result);
    if (why.isEmpty())
        why = result.errorName;
    printError(progressPrefix()
               + tr("%1: %2 failed: %3").arg(label, SystemdManager::actionName(action), why));
    ++m_failed;
    if (isPermissionError(result.errorName)) {
        printPermissionHint(fleet()->hostFor(ioc));
        m_exitCode = std::max<int>(m_exitCode, ConnectionError);
    } else if (m_exitCode == Success) {
        m_exitCode = ActionFailed;
    }
    return false;
}

void ActionCommand::iocDone()
{
    if (--m_pending > 0)
        return;
    if (m_sequential) {
        // OrderedRun goes on: the delay, the next IOC, or the summary.
        if (m_iocDone)
            std::exchange(m_iocDone, {})(true);
        return;
    }
    finish(m_exitCode);
}
