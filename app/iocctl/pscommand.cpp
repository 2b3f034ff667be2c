// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/pscommand.h"

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

QString truncated(const QString &text, bool noTrunc)
{
    if (noTrunc || text.size() <= kTruncateWidth)
        return text;
    return text.left(kTruncateWidth - 1) + QChar(0x2026);
}

// Console paths differ at their end (".../procserv-NAME/control"): keep both ends.
QString truncatedMiddle(const QString &text, bool noTrunc)
{
    if (noTrunc || text.size() <= kTruncateWidth)
        return text;
    const int head = 12;
    return text.left(head) + QChar(0x2026) + text.right(kTruncateWidth - head - 1);
}

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
    return tr("[-a] [-q] [-f KEY=VALUE]... [--format table|json|TEMPLATE] [--no-trunc]");
}

void PsCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({ { QStringLiteral("a"), QStringLiteral("all") },
                       tr("Show all installed IOCs, not only running ones.") });
    parser.addOption(
            { { QStringLiteral("q"), QStringLiteral("quiet") }, tr("Print IOC names only.") });
    parser.addOption({ { QStringLiteral("f"), QStringLiteral("filter") },
                       tr("Filter with KEY=VALUE (name=GLOB, status=, host=, enabled=, "
                          "convention=, unit=, runtime=, image=) or a word matching the name; "
                          "repeatable, "
                          "terms AND together."),
                       tr("KEY=VALUE") });
    parser.addOption({ QStringLiteral("format"),
                       tr("Output format: table (default), json, or a template such as "
                          "'{{.Name}} {{.Console}}' printed once per IOC."),
                       tr("FORMAT") });
    parser.addOption({ QStringLiteral("no-trunc"), tr("Do not truncate long values.") });
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
    m_format = parser.value(QStringLiteral("format"));
    m_filterTerms = parser.values(QStringLiteral("filter"));
    if (m_quiet && !m_format.isEmpty()) {
        printError(tr("-q and --format cannot be combined."));
        return UsageError;
    }

    const IocFilter filter = IocFilter::parse(m_filterTerms);
    if (!filter.isValid()) {
        printError(tr("Bad filter: %1").arg(filter.errorString()));
        return UsageError;
    }
    if (!m_format.isEmpty() && m_format != QLatin1String("table")
        && m_format != QLatin1String("json")) {
        const QString error = IocFormat::validateTemplate(m_format);
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
    options.listingOnly = m_quiet || m_format.isEmpty() || m_format == QLatin1String("table")
            || m_format == QLatin1String("json");
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

    if (m_quiet) {
        for (const Ioc &ioc : std::as_const(shown))
            out() << (ioc.name.isEmpty() ? ioc.unit : ioc.name) << Qt::endl;
    } else if (m_format == QLatin1String("json")) {
        QJsonArray array;
        for (const Ioc &ioc : std::as_const(shown))
            array.append(toJson(ioc));
        out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
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

void PsCommand::printTable(const QList<Ioc> &iocs, const QDateTime &now)
{
    QSet<QString> hosts;
    for (const Ioc &ioc : iocs)
        hosts.insert(ioc.host);
    const bool hostColumn = isMultiHost() || hosts.size() > 1;

    QList<QStringList> rows;
    QStringList header;
    if (hostColumn)
        header << tr("HOST");
    header << tr("NAME") << tr("STATUS") << tr("PID") << tr("RESTARTS") << tr("CONSOLE")
           << tr("CONVENTION");
    rows << header;
    for (const Ioc &ioc : iocs) {
        QStringList row;
        if (hostColumn)
            row << ioc.host;
        row << truncated(ioc.name.isEmpty() ? ioc.unit : ioc.name, m_noTrunc)
            << IocFormat::statusText(ioc, now)
            << (ioc.childPid ? QString::number(ioc.childPid) : QStringLiteral("-"))
            << IocFormat::restartsText(ioc)
            << (ioc.console.isValid() ? truncatedMiddle(ioc.console.toString(), m_noTrunc)
                                      : QStringLiteral("-"))
            // A container follows no unit convention: its runtime says what runs it.
            << (ioc.isContainerRow() ? ioc.runtime : ioc.convention);
        rows << row;
    }
    QList<int> widths;
    for (const QStringList &row : std::as_const(rows)) {
        for (int i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths << 0;
            widths[i] = std::max(widths.at(i), static_cast<int>(row.at(i).size()));
        }
    }
    for (const QStringList &row : std::as_const(rows)) {
        QString line;
        for (int i = 0; i < row.size(); ++i) {
            if (i + 1 < row.size())
                line += row.at(i).leftJustified(widths.at(i) + 3);
            else
                line += row.at(i);
        }
        out() << line << Qt::endl;
    }
}
