// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/fleet/fleetevent.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

class Host;
class QProcess;

/// Reads one host's past IOC events from its journal, asynchronously: journalctl (through the
/// host's ssh for a remote one, JournalEvents::command()) for some units between two times;
/// when it prints nothing, journalctl's --header says whether the host keeps a journal at all.
/// finished() comes once, with the events (oldest first) or why there are none. Used by
/// `iocctl events --since` and iocdock's Events pane.
class JournalReplay : public QObject
{
    Q_OBJECT
public:
    enum class Outcome {
        Read, ///< journalctl answered (events() may be empty)
        NoJournal, ///< the host keeps no journal
        Failed ///< journalctl could not be run or failed: errorString()
    };

    /// @p names gives the IOC name of each unit (the unit itself when missing).
    JournalReplay(Host *host, const QStringList &units, const QHash<QString, QString> &names,
                  const QDateTime &since, const QDateTime &until, QObject *parent = nullptr);

    void start();

    Host *host() const { return m_host; }
    QString hostId() const { return m_hostId; }
    QDateTime since() const { return m_since; }
    QDateTime until() const { return m_until; }
    Outcome outcome() const { return m_outcome; }
    QList<FleetEvent> events() const { return m_events; }
    QString errorString() const { return m_error; }

signals:
    void finished();

private:
    QProcess *run(const QStringList &argv);
    void handleQueryFinished(QProcess *query);
    void handleProbeFinished(QProcess *probe);
    void finish(Outcome outcome, const QString &error = QString());

    QPointer<Host> m_host;
    QString m_hostId;
    QStringList m_units;
    QHash<QString, QString> m_names;
    QDateTime m_since;
    QDateTime m_until;
    Outcome m_outcome = Outcome::Read;
    QList<FleetEvent> m_events;
    QString m_error;
    bool m_finished = false;
};
