// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/pscommand.h"

#include "app/iocctl/terminaloutput.h"
#include "app/iocctl/texttable.h"
#include "core/ioc/inventory.h"
#include "core/ioc/iocfilter.h"
#include "core/ioc/iocformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace {

const int kTruncateWidth = 40;

QJsonValue pidValue(quint32 pid)
{
    return pid ? QJsonValue(static_cast<qint64>(pid)) : QJsonValue(QJsonValue::Null);
}

} // namespace

PsCommand::PsCommand(QObject *parent)
    : Command(QStringLiteral("ps"), tr("List IOCs (running ones unless -a is given)."), parent)
{}

QString PsCommand::usage() const
{
    return tr("[-a] [-q] [-n N | -l] [-f KEY=VALUE]... [--format table|json|TEMPLATE|'table "
              "TEMPLATE'] [--no-trunc] [--no-legend]");
}

void PsCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({ { QStringLiteral("a"), QStringLiteral("all") },
                       tr("Show all installed IOCs, not only running ones.") });
    parser.addOption(
            { { QStringLiteral("q"), QStringLiteral("quiet") }, tr("Print IOC names only.") });
    parser.addOption({ { QStringLiteral("f"), QStringLiteral("filter") },
                       tr("Filter with KEY=VALUE (name=GLOB, status=, host=, enabled=, "
                          "convention=, unit=, runtime=, image=), a word matching the name or "
                          "@NAME (a filter saved in iocdock's filter bar); repeatable, terms "
                          "AND together."),
                       tr("KEY=VALUE") });
    parser.addOption({ QStringLiteral("format"),
                       tr("Output format: table (default), json, or a template such as "
                          "'{{.Name}} {{.Console}}' printed once per IOC."),
                       tr("FORMAT") });
    parser.addOption({ QStringLiteral("no-trunc"),
                       tr("Do not shorten values to fit the terminal (names never are).") });
    parser.addOption({ QStringLiteral("no-legend"), tr("Print no header line.") });
    // docker's -n and -l (systemctl's -l/--full is --no-trunc here, as in docker ps).
    parser.addOption({ { QStringLiteral("n"), QStringLiteral("last") },
                       tr("Show the N most recently started IOCs (all states), newest first."),
                       tr("N") });
    parser.addOption({ { QStringLiteral("l"), QStringLiteral("latest") },
                       tr("Show the most recently started IOC (all states).") });
}

QString PsCommand::helpEpilog() const
{
    return tr("Columns: NAME, STATUS (systemd state, IOC child state and how long), PID (the "
              "IOC process), RESTARTS (systemd's and procServ's of the IOC; ? when unknown), "
              "CONSOLE, CONVENTION (for a container: its runtime, podman or docker).\n"
              "JSON keys: name, unit, host, convention, status, activeState, subState, "
              "childState, pid, procServPid, restarts (null when unknown), since, childSince, "
              "childRestarts, lastExit, crashLoop, ready, enabled, console, logFile, "
              "description; for a container also containerId, container, image, "
              "containerState, exitCode, health, restartPolicy.");
}

int PsCommand::run(const QCommandLineParser &parser)
{
    if (!parser.positionalArguments().isEmpty()) {
        printError(tr("ps takes no arguments; use -f name=GLOB to select IOCs."));
        return UsageError;
    }
    m_all = parser.isSet(QStringLiteral("all"));
    m_quiet = parser.isSet(QStringLiteral("quiet"));
    m_noTrunc = parser.isSet(QStringLiteral("no-trunc"));
    m_noLegend = parser.isSet(QStringLiteral("no-legend"));
    if (parser.isSet(QStringLiteral("last"))) {
        bool ok = false;
        m_last = parser.value(QStringLiteral("last")).toInt(&ok);
        if (!ok || m_last < 0) {
            printError(tr("-n wants a number of IOCs, not \"%1\".")
                               .arg(parser.value(QStringLiteral("last"))));
            return UsageError;
        }
    }
    if (parser.isSet(QStringLiteral("latest"))) {
        if (m_last >= 0) {
            printError(tr("-n and -l cannot be combined."));
            return UsageError;
        }
        m_last = 1;
    }
    // Like docker: the last started of every state.
    if (m_last >= 0)
        m_all = true;
    m_format = parser.value(QStringLiteral("format"));
    if (!filterTerms(parser, &m_filterTerms))
        return UsageError;
    if (m_quiet && !m_format.isEmpty()) {
        printError(tr("-q and --format cannot be combined."));
        return UsageError;
    }

    const IocFilter filter = IocFilter::parse(m_filterTerms);
    if (!filter.isValid()) {
        printError(tr("Bad filter: %1").arg(filter.errorString()));
        return UsageError;
    }
    const bool tableTemplate = m_format.startsWith(QLatin1String("table "));
    if (!m_format.isEmpty() && m_format != QLatin1String("table")
        && m_format != QLatin1String("json")) {
        const QString error =
                IocFormat::validateTemplate(tableTemplate ? m_format.mid(6) : m_format);
        if (!error.isEmpty()) {
            printError(tr("Bad format template: %1").arg(error));
            return UsageError;
        }
    }

    InventoryOptions options;
    options.includeUnitFiles = m_all;
    // -q only needs names; everything else shows the IOC's own state from the banner.
    options.probeConsoles = !m_quiet;
    options.activeOnly = !m_all;
    options.warnAboutEveryIoc = true;
    // The table, -q and JSON need a few properties per unit (the listing fetches them, with
    // UnitFileState); templates may show any.
    // -n/-l sort by the last start, which a listing reads only of units that are up.
    options.listingOnly = m_last < 0
            && (m_quiet || m_format.isEmpty() || m_format == QLatin1String("table")
                || m_format == QLatin1String("json"));
    // Only JSON and an enabled= filter need UnitFileState of units that are up.
    options.listingUnitFileState =
            m_format == QLatin1String("json") || filter.usesKey(QStringLiteral("enabled"));
    loadInventory(options, [this] { print(); });
    return Pending;
}

QJsonObject PsCommand::toJson(const Ioc &ioc)
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), ioc.name);
    o.insert(QStringLiteral("unit"), ioc.unit);
    o.insert(QStringLiteral("host"), ioc.host);
    o.insert(QStringLiteral("runtime"), ioc.runtime);
    o.insert(QStringLiteral("convention"), ioc.convention);
    o.insert(QStringLiteral("status"), ioc.status());
    o.insert(QStringLiteral("loadState"), ioc.loadState);
    o.insert(QStringLiteral("activeState"), ioc.activeState);
    o.insert(QStringLiteral("subState"), ioc.subState);
    o.insert(QStringLiteral("childState"), childStateName(ioc.childState));
    o.insert(QStringLiteral("pid"), pidValue(ioc.childPid));
    o.insert(QStringLiteral("procServPid"), pidValue(ioc.mainPid));
    IocFormat::insertChildFacts(o, ioc);
    const QDateTime since = ioc.isActive() || ioc.activeState == QLatin1String("reloading")
            ? ioc.activeSince
            : ioc.inactiveSince;
    o.insert(QStringLiteral("since"),
             since.isValid() ? QJsonValue(since.toUTC().toString(Qt::ISODate))
                             : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("enabled"), ioc.isEnabled());
    o.insert(QStringLiteral("unitFileState"), ioc.unitFileState);
    o.insert(QStringLiteral("console"), ioc.console.toString());
    o.insert(QStringLiteral("logFile"), ioc.logFile);
    o.insert(QStringLiteral("description"), ioc.description);
    IocFormat::insertContainerFacts(o, ioc);
    return o;
}

void PsCommand::print()
{
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTime();
    const IocFilter filter = IocFilter::parse(m_filterTerms);
    QList<Ioc> shown;
    for (const Ioc &ioc : allIocs()) {
        const bool up = ioc.isActive() || ioc.activeState == QLatin1String("activating")
                || ioc.activeState == QLatin1String("deactivating")
                || ioc.activeState == QLatin1String("reloading");
        if (!m_all && !up)
            continue;
        if (!filter.matches(ioc))
            continue;
        shown << ioc;
    }
    std::sort(shown.begin(), shown.end(), [](const Ioc &a, const Ioc &b) {
        if (a.host != b.host)
            return a.host < b.host;
        if (a.name != b.name)
            return a.name < b.name;
        return a.unit < b.unit;
    });
    if (m_last >= 0) {
        // Newest start first (systemd's ActiveEnterTimestamp, a container's start); never
        // started or unknown last.
        std::stable_sort(shown.begin(), shown.end(), [](const Ioc &a, const Ioc &b) {
            if (a.activeSince.isValid() != b.activeSince.isValid())
                return a.activeSince.isValid();
            return a.activeSince > b.activeSince;
        });
        shown = shown.mid(0, m_last);
    }
    // Long output goes through the pager on a terminal (-q is for scripts and completion).
    if (!m_quiet)
        startPager();

    if (m_quiet) {
        for (const Ioc &ioc : std::as_const(shown))
            out() << (ioc.name.isEmpty() ? ioc.unit : ioc.name) << Qt::endl;
    } else if (m_format == QLatin1String("json")) {
        QJsonArray array;
        for (const Ioc &ioc : std::as_const(shown))
            array.append(toJson(ioc));
        out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    } else if (m_format.startsWith(QLatin1String("table "))) {
        if (!printTemplateTable(shown, now))
            return;
    } else if (!m_format.isEmpty() && m_format != QLatin1String("table")) {
        // Like docker: one line per IOC.
        const QString tmpl = m_format;
        for (const Ioc &ioc : std::as_const(shown)) {
            QString error;
            const QString line = IocFormat::applyTemplate(tmpl, ioc, now, &error);
            if (!error.isEmpty()) {
                printError(tr("Bad format template: %1").arg(error));
                finish(UsageError);
                return;
            }
            out() << line << Qt::endl;
        }
    } else {
        printTable(shown, now);
    }
    finish(Success);
}

void PsCommand::printLines(const QStringList &lines)
{
    for (const QString &line : lines)
        out() << line << Qt::endl;
}

void PsCommand::printTable(const QList<Ioc> &iocs, const QDateTime &now)
{
    QSet<QString> hosts;
    for (const Ioc &ioc : iocs)
        hosts.insert(ioc.host);
    const bool hostColumn = isMultiHost() || hosts.size() > 1;

    // On a terminal the table fits its width: CONSOLE shrinks first (elided in the middle:
    // paths differ at their end), then CONVENTION, STATUS and HOST; NAME, PID and RESTARTS
    // never. Without --no-trunc a console path is at most 40 characters even in a pipe.
    TextTable table;
    if (hostColumn)
        table.addColumn({ tr("HOST"), 3, 8, TextTable::Elide::Right });
    table.addColumn({ tr("NAME"), -1, 0, TextTable::Elide::Right });
    table.addColumn({ tr("STATUS"), 2, 12, TextTable::Elide::Right });
    table.addColumn({ tr("PID"), -1, 0, TextTable::Elide::Right });
    table.addColumn({ tr("RESTARTS"), -1, 0, TextTable::Elide::Right });
    table.addColumn({ tr("CONSOLE"), 0, 12, TextTable::Elide::Middle });
    table.addColumn({ tr("CONVENTION"), 1, 6, TextTable::Elide::Right });
    for (const Ioc &ioc : iocs) {
        QList<TextTable::Cell> row;
        if (hostColumn)
            row << TextTable::Cell{ ioc.host };
        const QString console =
                ioc.console.isValid() ? ioc.console.toString() : QStringLiteral("-");
        row << TextTable::Cell{ ioc.name.isEmpty() ? ioc.unit : ioc.name }
            << TextTable::Cell{ IocFormat::statusText(ioc, now), IocFormat::statusTone(ioc) }
            << TextTable::Cell{ ioc.childPid ? QString::number(ioc.childPid) : QStringLiteral("-") }
            << TextTable::Cell{ IocFormat::restartsText(ioc) }
            << TextTable::Cell{ m_noTrunc ? console
                                          : TextTable::elided(console, kTruncateWidth,
                                                              TextTable::Elide::Middle) }
            // A container follows no unit convention: its runtime says what runs it.
            << TextTable::Cell{ ioc.isContainerRow() ? ioc.runtime : ioc.convention };
        table.addRow(row);
    }
    printLines(
            table.render(m_noTrunc ? 0 : TerminalOutput::columns(), !m_noLegend, colorEnabled()));
}

bool PsCommand::printTemplateTable(const QList<Ioc> &iocs, const QDateTime &now)
{
    QString tmpl = m_format.mid(6);
    tmpl.replace(QLatin1String("\\t"), QLatin1String("\t"));
    const QStringList cells = tmpl.split(QLatin1Char('\t'));
    // Cells shrink from the right; one that shows the name never does.
    TextTable table;
    for (int i = 0; i < cells.size(); ++i) {
        const bool name = cells.at(i).contains(QLatin1String(".Name"));
        table.addColumn({ IocFormat::templateHeader(cells.at(i)), name ? -1 : int(cells.size() - i),
                          6, TextTable::Elide::Right });
    }
    for (const Ioc &ioc : iocs) {
        QList<TextTable::Cell> row;
        for (const QString &cell : cells) {
            QString error;
            const QString text = IocFormat::applyTemplate(cell, ioc, now, &error);
            if (!error.isEmpty()) {
                printError(tr("Bad format template: %1").arg(error));
                finish(UsageError);
                return false;
            }
            const bool status = cell.contains(QLatin1String("{{.Status}}"))
                    || cell.contains(QLatin1String("{{.State}}"));
            row << TextTable::Cell{ text,
                                    status ? IocFormat::statusTone(ioc)
                                           : IocFormat::Tone::Neutral };
        }
        table.addRow(row);
    }
    printLines(
            table.render(m_noTrunc ? 0 : TerminalOutput::columns(), !m_noLegend, colorEnabled()));
    return true;
}
