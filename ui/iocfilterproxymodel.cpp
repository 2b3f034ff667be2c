// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/iocfilterproxymodel.h"

#include "ui/ioctablemodel.h"

IocFilterProxyModel::IocFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(IocTableModel::SortRole);
    setDynamicSortFilter(true);
}

void IocFilterProxyModel::setFilter(const IocFilter &filter)
{
    m_filter = filter;
    invalidateFilter();
}

IocFilter IocFilterProxyModel::setFilterText(const QString &text)
{
    const IocFilter parsed = IocFilter::parse(text);
    if (parsed.isValid())
        setFilter(parsed);
    return parsed;
}

QString IocFilterProxyModel::statusToggleText(StatusToggle toggle)
{
    switch (toggle) {
    case StatusToggle::Running:
        return QStringLiteral("status=running");
    case StatusToggle::NotRunning:
        return QStringLiteral("status!=running");
    case StatusToggle::Failed:
        return QStringLiteral("status=failed");
    case StatusToggle::All:
        break;
    }
    return {};
}

void IocFilterProxyModel::setStatusToggle(StatusToggle toggle)
{
    if (toggle == m_toggle)
        return;
    m_toggle = toggle;
    m_statusFilter = IocFilter::parse(statusToggleText(toggle));
    invalidateFilter();
}

void IocFilterProxyModel::setHosts(const QSet<QString> &hostIds)
{
    if (hostIds == m_hosts)
        return;
    m_hosts = hostIds;
    invalidateFilter();
}

bool IocFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const Ioc ioc = index.data(IocTableModel::IocRole).value<Ioc>();
    if (!m_hosts.isEmpty() && !m_hosts.contains(ioc.host))
        return false;
    return m_statusFilter.matches(ioc) && m_filter.matches(ioc);
}

QString IocFilterProxyModel::emptyText(bool listed, const QString &filterText) const
{
    if (rowCount() > 0)
        return {};
    const QAbstractItemModel *source = sourceModel();
    const int total = source ? source->rowCount() : 0;
    if (total == 0)
        return listed ? tr("No IOCs found on the hosts shown.") : tr("Listing IOCs…");
    int onHosts = total;
    if (!m_hosts.isEmpty()) {
        onHosts = 0;
        for (int row = 0; row < total; ++row) {
            const Ioc ioc = source->index(row, 0).data(IocTableModel::IocRole).value<Ioc>();
            onHosts += m_hosts.contains(ioc.host) ? 1 : 0;
        }
    }
    QStringList terms;
    if (!filterText.trimmed().isEmpty())
        terms << filterText.trimmed();
    if (m_toggle != StatusToggle::All)
        terms << statusToggleText(m_toggle);
    if (onHosts == 0)
        return tr("No IOCs on the selected hosts.");
    if (!m_hosts.isEmpty())
        return tr("No IOC on the selected hosts matches the filter “%1”.")
                .arg(terms.join(QLatin1Char(' ')));
    return tr("No IOC matches the filter “%1”.").arg(terms.join(QLatin1Char(' ')));
}
