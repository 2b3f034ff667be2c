// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QString>

/// Shows a desktop notification through org.freedesktop.Notifications on the session bus
/// (the desktop's notification daemon). Asynchronous, and silent where the desktop has no
/// such service: a missing daemon is no error the user must see.
class DesktopNotifier : public QObject
{
    Q_OBJECT
public:
    explicit DesktopNotifier(QObject *parent = nullptr);
    /// Another bus than the session bus (tests).
    void setConnection(const QDBusConnection &connection) { m_connection = connection; }
    /// Sends Notify(app "iocdock", summary, body); urgency "critical" when @p critical.
    void notify(const QString &summary, const QString &body, bool critical = false);

signals:
    /// The daemon answered with the notification's id (0 when the call failed).
    void notified(uint id);

private:
    QDBusConnection m_connection;
};
