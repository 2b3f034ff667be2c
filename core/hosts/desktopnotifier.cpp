// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/hosts/desktopnotifier.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>
#include <QVariantMap>

Q_LOGGING_CATEGORY(lcNotifier, "iocdock.notifier", QtInfoMsg)

DesktopNotifier::DesktopNotifier(QObject *parent)
    : QObject(parent)
    , m_connection(QDBusConnection::sessionBus())
{}

void DesktopNotifier::notify(const QString &summary, const QString &body, bool critical)
{
    if (!m_connection.isConnected())
        return;
    QDBusMessage message = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.Notifications"),
            QStringLiteral("/org/freedesktop/Notifications"),
            QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("Notify"));
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(critical ? 2 : 1)));
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("iocdock"));
    message << QStringLiteral("iocdock") << uint(0) << QStringLiteral("iocdock") << summary << body
            << QStringList() << hints << int(-1);
    // No auto-start of a daemon that is not there, and no waiting for it.
    message.setAutoStartService(false);
    auto *watcher = new QDBusPendingCallWatcher(m_connection.asyncCall(message, 5000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher *w) {
        w->deleteLater();
        const QDBusPendingReply<uint> reply = *w;
        if (reply.isError())
            qCDebug(lcNotifier) << "no desktop notification:" << reply.error().message();
        emit notified(reply.isError() ? 0 : reply.value());
    });
}
