// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/fleet/timedstop.h"

#include "core/fleet/fleet.h"
#include "core/hosts/host.h"
#include "core/ioc/iocruntime.h"

#include <QCoreApplication>

#include <algorithm>
#include <csignal>

TimedStop::TimedStop(Fleet *fleet, const Ioc &ioc, int timeoutSeconds, QObject *parent)
    : QObject(parent)
    , m_fleet(fleet)
    , m_ioc(ioc)
    , m_timeoutSeconds(std::max(0, timeoutSeconds))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &TimedStop::handleTimeout);
}

void TimedStop::start()
{
    if (m_started)
        return;
    m_started = true;
    IocRuntime *runtime = m_fleet ? m_fleet->runtimeFor(m_ioc) : nullptr;
    if (!runtime) {
        JobResult result;
        result.unit = m_ioc.unit;
        result.action = UnitAction::Stop;
        result.result = QStringLiteral("error");
        result.message = QCoreApplication::translate("TimedStop", "its host %1 is not connected")
                                 .arg(m_ioc.host);
        // Reported from the event loop, as a job would be: the caller has connected by then.
        QMetaObject::invokeMethod(
                this, [this, result] { finish(result); }, Qt::QueuedConnection);
        return;
    }
    // QTimer counts milliseconds in an int: callers bound the limit (iocctl: 2000000 s).
    if (appliesTo(m_ioc))
        m_timer.start(m_timeoutSeconds * 1000);
    runtime->run(UnitAction::Stop, m_ioc.key(), this,
                 [this](const JobResult &result) { finish(result); });
}

void TimedStop::handleTimeout()
{
    Host *host = m_fleet ? m_fleet->hostFor(m_ioc) : nullptr;
    SystemdManager *manager = host ? host->manager() : nullptr;
    if (!manager)
        return; // the stop job goes on with the unit's own TimeoutStopSec
    m_killed = true;
    emit killing();
    manager->killUnit(m_ioc.unit, QStringLiteral("all"), SIGKILL, this,
                      [this](const QString &error, const QString &) {
                          // The stop job goes on and reports; this only says why no kill.
                          if (!error.isEmpty())
                              emit killFailed(error);
                      });
}

void TimedStop::finish(const JobResult &result)
{
    m_timer.stop();
    emit finished(result, m_killed);
    deleteLater();
}
