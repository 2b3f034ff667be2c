// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"

#include <QHash>
#include <QObject>

class DesktopNotifier;

/// Tells the user when an IOC enters a crash loop or fails: a sentence for the message area
/// (alerted()) and a desktop notification. Feed it every changed row; the first sight of a
/// row only records its state (no alert for what was already so at start).
class IocAlerts : public QObject
{
    Q_OBJECT
public:
    explicit IocAlerts(QObject *parent = nullptr);
    DesktopNotifier *notifier() const { return m_notifier; }

    void update(const Ioc &ioc);
    void forget(const QString &key) { m_status.remove(key); }

signals:
    void alerted(const QString &text);

private:
    DesktopNotifier *m_notifier;
    QHash<QString, QString> m_status; // key -> status() last seen
};
