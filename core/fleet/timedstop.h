// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"
#include "core/systemd/systemdmanager.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class Fleet;

/// A stop with a time limit, like `docker stop -t`: the one rule of `iocctl stop|restart -t` and
/// of iocdock's "In Order…" stop timeout. The stop job runs through the IOC's runtime; if it has
/// not reported after the limit, systemd sends SIGKILL to every process of the IOC's unit, and
/// the job then ends (systemd shows the unit as failed). The unit's own TimeoutStopSec is left
/// as it is. Only an IOC a systemd unit runs is killed (appliesTo()); a container without a
/// unit gets the plain stop, with its engine's own timeout. A restart with a limit is this stop
/// followed by a start (the caller's). Nothing blocks; deletes itself after finished().
class TimedStop : public QObject
{
    Q_OBJECT
public:
    /// True when the limit applies to @p ioc: a systemd unit runs it.
    static bool appliesTo(const Ioc &ioc) { return !ioc.unit.isEmpty(); }

    /// Stops @p ioc (its runtime and host looked up in @p fleet) once start()ed, killing it
    /// after @p timeoutSeconds (0: at once) when appliesTo().
    TimedStop(Fleet *fleet, const Ioc &ioc, int timeoutSeconds, QObject *parent = nullptr);

    void start();

    Ioc ioc() const { return m_ioc; }
    int timeoutSeconds() const { return m_timeoutSeconds; }
    /// The limit passed and SIGKILL was sent.
    bool isKilled() const { return m_killed; }

signals:
    /// The limit passed with the stop job still running: SIGKILL goes to the unit's processes.
    void killing();
    /// The SIGKILL could not be sent (@p error, translated); the stop job goes on and reports.
    void killFailed(const QString &error);
    /// The stop job's outcome; @p killed: the limit passed and its processes were killed.
    void finished(const JobResult &result, bool killed);

private:
    void handleTimeout();
    void finish(const JobResult &result);

    QPointer<Fleet> m_fleet;
    Ioc m_ioc;
    int m_timeoutSeconds;
    QTimer m_timer;
    bool m_started = false;
    bool m_killed = false;
};
