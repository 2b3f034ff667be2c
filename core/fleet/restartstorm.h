// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/fleet/fleetevent.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QStringList>

/// Restart-storm detection: several IOCs restarting within a minute, on one host or across
/// hosts, make one warning instead of one per IOC. Feed it every FleetEvent (add()) and call
/// expire() now and then (a timer); times come from the events and from expire()'s argument, so
/// it is pure and a test drives it with made-up times.
///
/// A restart is a "child-restart" (procServ started the IOC process again), a "fail" (the unit
/// failed), a "restart" (systemd restarted the unit on its own: Restart=; not a restart asked
/// for) or a "crashloop-enter". A storm starts (stormStarted()) when
/// at least MinimumIocs different IOCs restarted within the last Window; it ends (stormEnded())
/// after Quiet with no restart at all, and then the detector is armed again. While a storm lasts
/// more restarts only widen it (iocCount(), hosts()): no second warning.
class RestartStorm : public QObject
{
    Q_OBJECT
public:
    /// How far back restarts are counted.
    static constexpr qint64 WindowMs = 60 * 1000;
    /// Different IOCs restarting within WindowMs that make a storm.
    static constexpr int MinimumIocs = 3;
    /// Time without any restart after which a storm is over and detection is armed again.
    static constexpr qint64 QuietMs = 2 * 60 * 1000;

    explicit RestartStorm(QObject *parent = nullptr);

    static bool isRestart(const FleetEvent &event);
    /// Takes one event (others than restarts are ignored), seen at event.time.
    void add(const FleetEvent &event);
    /// Forgets restarts older than WindowMs and ends a storm quiet for QuietMs, as of @p now.
    void expire(const QDateTime &now);

    bool isActive() const { return m_active; }
    /// While active: the IOCs that restarted since the storm began (with those that started
    /// it); else those of the current window.
    int iocCount() const;
    /// Their hosts, sorted.
    QStringList hosts() const;
    /// One sentence for the message bar, naming the count and the hosts (translated).
    QString text() const;

signals:
    void stormStarted();
    void stormEnded();

private:
    QHash<QString, QDateTime> m_recent; // "HOST/NAME" -> last restart seen, within WindowMs
    QHash<QString, QString> m_hostOf; // "HOST/NAME" -> HOST
    QHash<QString, QString> m_stormIocs; // "HOST/NAME" -> host, since the storm began
    QDateTime m_lastRestart;
    bool m_active = false;
};
