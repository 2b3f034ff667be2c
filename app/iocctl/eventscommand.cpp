// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/eventscommand.h"

#include "core/fleet/fleet.h"
#include "core/fleet/journalreplay.h"
#include "core/ioc/iocfilter.h"
#include "core/ioc/timeargument.h"

#include <QJsonDocument>

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

void EventsCommand::startUntilTimer()
{
    if (!m_until.isValid())
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_untilTimer.start(static_cast<int>(
            std::clamp<qint64>(now.msecsTo(m_until), 0, std::numeric_limits<int>::max())));
}

QString EventsCommand::usage() const
{
    return tr("[--since TIME] [--until TIME] [-f FILTER]... [--format json|TEMPLATE]");
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
    parser.addOption({ QStringLiteral("since"),
                       tr("First replay what the journal kept since TIME: a date and time, a "
                          "Unix time, or a duration before now (10m, 2h; as docker events)."),
                       tr("TIME") });
    parser.addOption({ QStringLiteral("until"),
                       tr("Stop at TIME: a date and time, a Unix time, or a duration from now "
                          "(90s, 5m, 2h; \"10m ago\" or -10m: before now)."),
                       tr("TIME") });
}

QString EventsCommand::helpEpilog() const
{
    return tr("Event types: start (pid=), stop, fail (result=), restart (restarts=: systemd "
              "restarted the unit on its own, or an engine its container), job (result=, "
              "job=), child-exit (exit=), "
              "child-restart (pid=), crashloop-enter, crashloop-leave, add, remove, host-lost, "
              "host-back. A restart asked for is a stop and a start.\n"
              "Events are what iocctl sees change from the moment it has listed the IOCs; "
              "--since first replays start, stop, fail, restart and job (and procServ's "
              "child-exit and child-restart where its lines reach the journal) from each "
              "host's journal. "
              "Template fields: .Time .Type .Host .Name .Unit .Label .Result .Exit .Pid "
              ".Attributes.");
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
        if (term.startsWith(QLatin1String("event=")) || term.startsWith(QLatin1String("type="))) {
            const QString type = term.mid(term.indexOf(QLatin1Char('=')) + 1);
            if (!FleetEvent::types().contains(type)) {
                printError(tr("Unknown event type '%1'; the types are: %2.")
                                   .arg(type, FleetEvent::types().join(QStringLiteral(", "))));
                return UsageError;
            }
            m_types.insert(type);
        } else {
            m_filterTerms << term;
        }
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
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (parser.isSet(QStringLiteral("since"))) {
        m_since = TimeArgument::parse(parser.value(QStringLiteral("since")), now,
                                      TimeArgument::Bare::Past);
        if (!m_since.isValid()) {
            printError(
                    tr("--since wants %1; not \"%2\".")
                            .arg(TimeArgument::examples(), parser.value(QStringLiteral("since"))));
            return UsageError;
        }
    }
    if (parser.isSet(QStringLiteral("until"))) {
        m_until = TimeArgument::parse(parser.value(QStringLiteral("until")), now,
                                      TimeArgument::Bare::Future);
        if (!m_until.isValid()) {
            printError(
                    tr("--until wants %1; not \"%2\".")
                            .arg(TimeArgument::examples(), parser.value(QStringLiteral("until"))));
            return UsageError;
        }
        if (m_since.isValid() && m_until < m_since) {
            printError(tr("--until is before --since."));
            return UsageError;
        }
        // With --since, from the end of the replay: a past --until then ends after it.
        if (!m_since.isValid())
            startUntilTimer();
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
    if (!m_since.isValid())
        return;
    // Live events wait in m_held until every journal has answered: the past comes first. The
    // journal is read up to the moment watching began (or --until, if earlier): what happens
    // later is a live event, never both.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_replayEnd = m_until.isValid() && m_until < now ? m_until : now;
    const QList<Host *> hosts = fleet()->hosts();
    m_replaying = hosts;
    for (Host *host : hosts)
        startReplay(host);
}

void EventsCommand::startReplay(Host *host)
{
    const IocFilter filter = IocFilter::parse(m_filterTerms);
    QStringList units;
    QHash<QString, QString> names;
    const QList<Ioc> rows = fleet()->iocs(host);
    for (const Ioc &ioc : rows) {
        names.insert(ioc.unit, ioc.name.isEmpty() ? ioc.unit : ioc.name);
        // systemd's units only: a container's past is its engine's, not the journal's.
        if (ioc.unit.isEmpty() || !ioc.unit.contains(QLatin1Char('.')) || !filter.matches(ioc))
            continue;
        units << ioc.unit;
    }
    auto *replay = new JournalReplay(host, units, names, m_since, m_replayEnd, this);
    connect(replay, &JournalReplay::finished, this, [this, host, replay] {
        replay->deleteLater();
        m_replayed << replay->events();
        if (replay->outcome() == JournalReplay::Outcome::Failed)
            err() << tr("Past events of %1 not replayed: %2").arg(host->id(), replay->errorString())
                  << Qt::endl;
        else if (replay->outcome() == JournalReplay::Outcome::NoJournal)
            err() << tr("No journal on %1: its past events cannot be replayed; events from now "
                        "on.")
                             .arg(host->id())
                  << Qt::endl;
        replayDone(host);
    });
    replay->start();
}

void EventsCommand::replayDone(Host *host)
{
    if (!m_replaying.removeOne(host) || !m_replaying.isEmpty() || isFinished())
        return;
    std::stable_sort(m_replayed.begin(), m_replayed.end(),
                     [](const FleetEvent &a, const FleetEvent &b) { return a.time < b.time; });
    const QList<FleetEvent> replayed = std::exchange(m_replayed, {});
    for (const FleetEvent &event : replayed) {
        // The IOC's row for the filter; an IOC no longer listed passes only without one.
        Ioc row;
        bool found = false;
        if (Host *h = fleet()->host(event.host)) {
            const QList<Ioc> rows = fleet()->iocs(h);
            for (const Ioc &ioc : rows) {
                if (ioc.unit == event.unit) {
                    row = ioc;
                    found = true;
                    break;
                }
            }
        }
        if (!found && !m_filterTerms.isEmpty())
            continue;
        emitEvent(event, found ? &row : nullptr);
    }
    const auto held = std::exchange(m_held, {});
    for (const auto &pair : held)
        emitEvent(pair.first, pair.second.host.isEmpty() ? nullptr : &pair.second);
    if (m_until.isValid())
        startUntilTimer();
}

void EventsCommand::emitEvent(const FleetEvent &event, const Ioc *ioc)
{
    if (!m_watcher || isFinished())
        return;
    if (!m_replaying.isEmpty()) {
        m_held << qMakePair(event, ioc ? *ioc : Ioc());
        return;
    }
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
