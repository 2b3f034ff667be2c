// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"

#include <QHash>
#include <QObject>

#include <functional>

class Host;
class ProcServStateTracker;

/// Learns the child state of an Inventory's running IOCs from procServ's banner: one
/// BannerProbe per look, through the read-only log port where there is one (it never sends
/// input). Looks again, up to 5 times and a second longer each time, while procServ does not
/// listen yet (right after its unit became active), and while a banner taken in the first
/// seconds after a start says SHUT DOWN (procServ listens before it forks its child: showing
/// "IOC shut down" for that moment would be a false alarm).
class ChildProber : public QObject
{
    Q_OBJECT
public:
    /// @p rowOf gives the current row of a key, or null: each answer (and each retry) is judged
    /// against the row as it is then.
    ChildProber(const Host *host, std::function<const Ioc *(const QString &key)> rowOf,
                QObject *parent = nullptr);

    /// Probes the procServ of @p key now, when it has an endpoint. @p first: a first look that
    /// the caller waits for (waiting()), unless the key is being retried already.
    void probe(const QString &key, bool first = false);
    /// A new procServ (another MainPID) gets retries of its own: those spent while the old
    /// one went away must not make its first moments show as "IOC shut down".
    void resetRetries(const QString &key) { m_attempts.remove(key); }
    /// First looks not answered yet.
    int waiting() const { return m_waiting; }

signals:
    /// A banner to show for @p key.
    void probed(const QString &key, const ProcServStateTracker &state);
    /// A probe finished (its banner shown, retried or given up).
    void answered();

private:
    void retryLater(const QString &key, int attempt);

    const Host *m_host;
    std::function<const Ioc *(const QString &key)> m_rowOf;
    QHash<QString, int> m_attempts; // key -> probes retried in a row
    int m_waiting = 0;
};
