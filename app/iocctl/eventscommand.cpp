// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/eventscommand.h"

#include "core/fleet/fleet.h"
#include "core/ioc/iocfilter.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <limits>

EventsCommand::EventsCommand(QObject *parent)
    : Command(QStringLiteral("events"),
              tr("Stream what changes: IOCs started, stopped, crashing; "
                 "hosts lost and back."),
              parent)
{
    m_untilTimer.setSingleShot(true);
    connect(&m_untilTimer, &QTimer::timeout, this, [this] { finish(Success); });
}

QString EventsCommand::usage() const
{
    return tr("[-f FILTER]... [--format json|TEMPLATE] [--until TIME]");
}

void EventsCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({ { QStringLiteral("f"), QStringLiteral("filter") },
                       tr("Only events of IOCs matching KEY=VALUE (as 'ps --filter'), or "
                          "event=TYPE (repeatable: any of them); terms AND together."),
                       tr("KEY=VALUE") });
    parser.addOption({ QStringLiteral("format"),
                       tr("json (one object per line) or a template such as "
                          "'{{.Time}} {{.Type}} {{.Label}}'."),
                       tr("FORMAT") });
    parser.addOption({ QStringLiteral("until"),
                       tr("Stop at TIME: an ISO 8601 date and time, or a duration from now "
                          "(90s, 5m, 2h)."),
                       tr("TIME") });
}

QString EventsCommand::helpEpilog() const
{
    return tr("Event types: start, stop, fail (result=), child-exit (exit=), child-restart "
              "(pid=), crashloop-enter, crashloop-leave, add, remove, host-lost, host-back.\n"
              "Events are what iocctl sees change from the moment it has listed the IOCs; "
              "past events (--since, from the journal) are not replayed yet. Template fields: "
              ".Time .Type .Host .Name .Unit .Label .Result .Exit .Pid .Attributes.");
}

QDateTime EventsCommand::parseUntil(const QString &text, const QDateTime &now)
{
    static const QRegularExpression duration(QStringLiteral("^(\\d+(?:\\.\\d+)?)([smhd]?)$"));
    const QRegularExpressionMatch m = duration.match(text.trimmed());
    if (m.hasMatch()) {
        double seconds = m.captured(1).toDouble();
        const QString unit = m.captured(2);
        if (unit == QLatin1String("m"))
            seconds *= 60;
        else if (unit == QLatin1String("h"))
            seconds *= 3600;
        else if (unit == QLatin1String("d"))
            seconds *= 86400;
        return now.addMSecs(static_cast<qint64>(seconds * 1000));
    }
    QDateTime at = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!at.isValid())
        at = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    return at;
}

int EventsCommand::run(const QCommandLineParser &parser)
{
    if (!parser.positionalArguments().isEmpty()) {
        printError(tr("'events' takes no names; select with -f name=GLOB."));
        return UsageError;
    }
    QStringList given;
    if (!filterTerms(parser, &given))
        return UsageError;
    for (const QString &term : std::as_const(given)) {
        if (term.startsWith(QLatin1String("event=")) || term.startsWith(QLatin1String("type=")))
            m_types.insert(term.mid(term.indexOf(QLatin1Char('=')) + 1));
        else
            m_filterTerms << term;
    }
    const IocFilter filter = IocFilter::parse(m_filterTerms);
    if (!filter.isValid()) {
        printError(tr("Bad filter: %1").arg(filter.errorString()));
        return UsageError;
    }
    m_format = parser.value(QStringLiteral("format"));
    if (!m_format.isEmpty() && m_format != QLatin1String("json")) {
        const QString error = FleetEvent::validateTemplate(m_format);
        if (!error.isEmpty()) {
            printError(tr("Bad format template: %1").arg(error));
            return UsageError;
        }
    }
    if (parser.isSet(QStringLiteral("until"))) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_until = parseUntil(parser.value(QStringLiteral("until")), now);
        if (!m_until.isValid()) {
            printError(tr("--until wants a date and time (2026-05-01T12:00:00) or a duration "
                          "(90s, 5m), not \"%1\".")
                               .arg(parser.value(QStringLiteral("until"))));
            return UsageError;
        }
        m_untilTimer.start(static_cast<int>(
                std::clamp<qint64>(now.msecsTo(m_until), 0, std::numeric_limits<int>::max())));
    }
    InventoryOptions options;
    options.includeUnitFiles = true; // a unit started later is an IOC too
    options.probeConsoles = true; // child PIDs to compare
    options.follow = true;
    loadInventory(options, [this] { startWatching(); });
    return Pending;
}

void EventsCommand::startWatching()
{
    if (isFinished())
        return;
    m_watcher = new FleetEventWatcher(fleet(), this);
    connect(m_watcher, &FleetEventWatcher::eventOccurred, this,
            [this](const FleetEvent &event, const Ioc &ioc, bool hasIoc) {
                emitEvent(event, hasIoc ? &ioc : nullptr);
            });
    m_watcher->start();
    // On standard error, so a script (or a test) knows from when on changes are seen.
    err() << tr("Watching %n IOC(s)", nullptr, m_watcher->rowCount())
          << tr(" on %n host(s).", nullptr, static_cast<int>(fleet()->hosts().size())) << Qt::endl;
}

void EventsCommand::emitEvent(const FleetEvent &event, const Ioc *ioc)
{
    if (!m_watcher || isFinished())
        return;
    if (!m_types.isEmpty() && !m_types.contains(event.type))
        return;
    if (ioc && !m_filterTerms.isEmpty() && !IocFilter::parse(m_filterTerms).matches(*ioc))
        return;
    if (!ioc && !m_filterTerms.isEmpty()) {
        // A host event passes a filter of IOCs only when it names that host or no IOC key.
        const IocFilter filter = IocFilter::parse(m_filterTerms);
        Ioc hostRow;
        hostRow.host = event.host;
        if (!filter.usesKey(QStringLiteral("host")) || !filter.matches(hostRow))
            return;
    }
    QString line;
    if (m_format == QLatin1String("json")) {
        line = QString::fromUtf8(QJsonDocument(event.toJson()).toJson(QJsonDocument::Compact));
    } else if (!m_format.isEmpty()) {
        line = event.applyTemplate(m_format, nullptr);
    } else {
        line = event.toText(isMultiHost());
    }
    // Line by line, flushed: a pipe reader sees each event as it happens.
    out() << line << Qt::endl;
}
