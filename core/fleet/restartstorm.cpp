// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/fleet/restartstorm.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

RestartStorm::RestartStorm(QObject *parent)
    : QObject(parent)
{}

bool RestartStorm::isRestart(const FleetEvent &event)
{
    return event.type == QLatin1String("child-restart") || event.type == QLatin1String("fail")
            || event.type == QLatin1String("restart")
            || event.type == QLatin1String("crashloop-enter");
}

void RestartStorm::add(const FleetEvent &event)
{
    if (!isRestart(event) || event.name.isEmpty())
        return;
    const QString key = event.host + QLatin1Char('/') + event.name;
    const QDateTime at = event.time.toUTC();
    if (!m_lastRestart.isValid() || at > m_lastRestart)
        m_lastRestart = at;
    m_recent.insert(key, at);
    m_hostOf.insert(key, event.host);
    // Restarts older than the window no longer count (events arrive in time order).
    for (auto it = m_recent.begin(); it != m_recent.end();) {
        if (it.value().msecsTo(at) > WindowMs)
            it = m_recent.erase(it);
        else
            ++it;
    }
    if (m_active) {
        m_stormIocs.insert(key, event.host);
        return;
    }
    if (m_recent.size() < MinimumIocs)
        return;
    m_active = true;
    m_stormIocs.clear();
    for (auto it = m_recent.constBegin(); it != m_recent.constEnd(); ++it)
        m_stormIocs.insert(it.key(), m_hostOf.value(it.key()));
    emit stormStarted();
}

void RestartStorm::expire(const QDateTime &now)
{
    for (auto it = m_recent.begin(); it != m_recent.end();) {
        if (it.value().msecsTo(now) > WindowMs)
            it = m_recent.erase(it);
        else
            ++it;
    }
    if (m_active && m_lastRestart.isValid() && m_lastRestart.msecsTo(now) >= QuietMs) {
        m_active = false;
        emit stormEnded();
        m_stormIocs.clear();
    }
}

int RestartStorm::iocCount() const
{
    return static_cast<int>(m_active ? m_stormIocs.size() : m_recent.size());
}

QStringList RestartStorm::hosts() const
{
    QSet<QString> hosts;
    if (m_active) {
        for (const QString &host : m_stormIocs)
            hosts.insert(host);
    } else {
        for (auto it = m_recent.constBegin(); it != m_recent.constEnd(); ++it)
            hosts.insert(m_hostOf.value(it.key()));
    }
    QStringList sorted(hosts.cbegin(), hosts.cend());
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

QString RestartStorm::text() const
{
    const QStringList names = hosts();
    return QCoreApplication::translate("RestartStorm",
                                       "Restart storm: %n IOC(s) restarted or failed within a "
                                       "minute on %1. See View ▸ Events.",
                                       nullptr, iocCount())
            .arg(names.join(QStringLiteral(", ")));
}
