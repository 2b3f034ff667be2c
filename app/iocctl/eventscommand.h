// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "app/iocctl/command.h"
#include "core/fleet/fleetevent.h"
#include "core/fleet/fleeteventwatcher.h"

#include <QDateTime>
#include <QProcess>
#include <QSet>
#include <QTimer>

/// `iocctl events [--since TIME] [--until TIME] [-f FILTER]... [--format json|TEMPLATE]`:
/// streams, as `docker events` does, what changes in the fleet from now on: units started,
/// stopped or failed, systemd's jobs on them and their results, procServ's IOC process exiting
/// and restarting, crash loops entered and left, IOCs added and removed, hosts lost and back.
/// With --since, first what each host's journal kept since then (JournalEvents), oldest first;
/// a host without a journal is named on stderr. Runs until interrupted or until --until.
class EventsCommand : public Command
{
    Q_OBJECT
public:
    explicit EventsCommand(QObject *parent = nullptr);

protected:
    void addOptions(QCommandLineParser &parser) override;
    QString usage() const override;
    int run(const QCommandLineParser &parser) override;
    QString helpEpilog() const override;

private:
    void startWatching();
    void emitEvent(const FleetEvent &event, const Ioc *ioc);
    void startReplay(Host *host);
    void replayDone(Host *host);
    void startUntilTimer();

    QStringList m_filterTerms; // for IocFilter (event=/type= taken out)
    QSet<QString> m_types; // event=TYPE terms; empty = every type
    QString m_format;
    QDateTime m_since; // invalid: no replay
    QDateTime m_until;
    QDateTime m_replayEnd; // the journal is read up to here: when watching began, or m_until
    QList<Host *> m_replaying; // hosts whose journal is still being read
    QList<FleetEvent> m_replayed; // from the journals, printed once every host answered
    QList<QPair<FleetEvent, Ioc>> m_held; // live events seen meanwhile (an invalid Ioc: a host's)
    QTimer m_untilTimer;
    FleetEventWatcher *m_watcher = nullptr; // from the first listing on
};
