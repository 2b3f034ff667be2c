// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/iocalerts.h"

#include "core/hosts/desktopnotifier.h"
#include "core/ioc/iocformat.h"

IocAlerts::IocAlerts(QObject *parent)
    : QObject(parent)
    , m_notifier(new DesktopNotifier(this))
{}

void IocAlerts::update(const Ioc &ioc)
{
    if (ioc.hostLost)
        return; // nothing measured: the state before the loss is what the return compares with
    const QString status = ioc.status();
    const auto it = m_status.constFind(ioc.key());
    const bool known = it != m_status.constEnd();
    const QString before = known ? *it : QString();
    m_status.insert(ioc.key(), status);
    if (!known || before == status)
        return;
    const QString name = ioc.name.isEmpty() ? ioc.unit : ioc.name;
    QString text;
    if (status == QLatin1String("crashloop")) {
        text = tr("IOC %1 on %2 is in a crash loop: %3")
                       .arg(name, ioc.host,
                            IocFormat::crashLoopText(ioc, QDateTime::currentDateTime()));
    } else if (status == QLatin1String("failed")) {
        text = ioc.result.isEmpty()
                ? tr("IOC %1 on %2 failed.").arg(name, ioc.host)
                : tr("IOC %1 on %2 failed (%3).").arg(name, ioc.host, ioc.result);
    } else {
        return;
    }
    emit alerted(text);
    m_notifier->notify(status == QLatin1String("failed") ? tr("IOC failed") : tr("IOC crash loop"),
                       text, status == QLatin1String("failed"));
}
