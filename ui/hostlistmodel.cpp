// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/hostlistmodel.h"

#include "core/fleet/fleet.h"
#include "core/hosts/host.h"
#include "core/systemd/systemdmanager.h" // host.h needs it complete (QPointer)

#include <QIcon>

HostListModel::HostListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void HostListModel::setFleet(Fleet *fleet)
{
    if (m_fleet)
        m_fleet->disconnect(this);
    beginResetModel();
    m_fleet = fleet;
    m_entries.clear();
    if (fleet) {
        const QList<Host *> hosts = fleet->hosts();
        for (Host *host : hosts)
            m_entries.append({ host, static_cast<int>(fleet->iocs(host).size()) });
    }
    endResetModel();
    if (!fleet)
        return;
    connect(fleet, &Fleet::hostAdded, this, &HostListModel::addHost);
    connect(fleet, &Fleet::hostRemoved, this, &HostListModel::removeHost);
    connect(fleet, &Fleet::hostStateChanged, this, &HostListModel::updateRow);
    // Counting by signal keeps a burst of thousands of iocAdded cheap; hostReady() resyncs.
    connect(fleet, &Fleet::iocAdded, this, [this](const Ioc &ioc) { adjust(ioc.host, +1); });
    connect(fleet, &Fleet::iocRemoved, this,
            [this](const QString &, const QString &hostId) { adjust(hostId, -1); });
    connect(fleet, &Fleet::hostReady, this, &HostListModel::recount);
}

void HostListModel::addHost(Host *host)
{
    const int row = static_cast<int>(m_entries.size()) + 1;
    beginInsertRows({}, row, row);
    m_entries.append({ host, 0 });
    endInsertRows();
    // Counted once the row is there: the "All hosts" total changes with it, after the insert.
    recount(host);
}

Host *HostListModel::host(int row) const
{
    if (row < 1 || row > m_entries.size())
        return nullptr;
    return m_entries.at(row - 1).host;
}

int HostListModel::rowOf(const Host *host) const
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).host == host)
            return i + 1;
    }
    return -1;
}

int HostListModel::iocCount(const Host *host) const
{
    const int row = rowOf(host);
    return row < 0 ? 0 : m_entries.at(row - 1).iocs;
}

void HostListModel::recount(const Host *host)
{
    const int row = rowOf(host);
    if (row < 0)
        return;
    Entry &entry = m_entries[row - 1];
    entry.iocs = m_fleet ? static_cast<int>(m_fleet->iocs(host).size()) : 0;
    emit dataChanged(index(row), index(row));
    emit dataChanged(index(0), index(0));
}

void HostListModel::adjust(const QString &hostId, int delta)
{
    int row = -1;
    for (int i = 0; i < m_entries.size() && row < 0; ++i)
        row = m_entries.at(i).host && m_entries.at(i).host->id() == hostId ? i + 1 : -1;
    if (row < 0)
        return;
    m_entries[row - 1].iocs = qMax(0, m_entries[row - 1].iocs + delta);
    emit dataChanged(index(row), index(row));
    emit dataChanged(index(0), index(0));
}

void HostListModel::updateRow(const Host *host)
{
    const int row = rowOf(host);
    if (row >= 0)
        emit dataChanged(index(row), index(row));
}

int HostListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size()) + 1;
}

QString HostListModel::stateText(const Host *host)
{
    // "connecting", "authentication failed", "lost — retrying", ...
    return host->stateText();
}

void HostListModel::removeHost(const Host *host)
{
    const int row = rowOf(host);
    if (row < 0)
        return;
    // Its IOCs leave the "All hosts" total first: a row's removal changes no other row.
    m_entries[row - 1].iocs = 0;
    emit dataChanged(index(0), index(0));
    beginRemoveRows({}, row, row);
    m_entries.removeAt(row - 1);
    endRemoveRows();
}

QVariant HostListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (index.row() == 0) {
        switch (role) {
        case Qt::DisplayRole: {
            int total = 0;
            for (const Entry &entry : m_entries)
                total += entry.iocs;
            return tr("All hosts (%1)").arg(total);
        }
        case Qt::ToolTipRole:
            return tr("Show the IOCs of every host");
        case HostIdRole:
            return QString();
        default:
            return {};
        }
    }
    const Entry &entry = m_entries.at(index.row() - 1);
    const Host *host = entry.host;
    if (!host)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        if (host->state() == Host::State::Connected)
            return tr("%1 (%2)").arg(host->displayName()).arg(entry.iocs);
        return tr("%1 — %2").arg(host->displayName(), stateText(host));
    case Qt::ToolTipRole: {
        QString tip = tr("%1\nHost id: %2\nState: %3")
                              .arg(host->displayName(), host->id(), stateText(host));
        if (!host->errorString().isEmpty())
            tip += QLatin1Char('\n') + host->errorString();
        return tip;
    }
    case Qt::DecorationRole:
        switch (host->state()) {
        case Host::State::Connected:
            return QIcon(QStringLiteral(":/icons/status-running.svg"));
        case Host::State::Connecting:
            return QIcon(QStringLiteral(":/icons/status-transition.svg"));
        case Host::State::Failed:
            return QIcon(QStringLiteral(":/icons/status-failed.svg"));
        case Host::State::Disconnected:
            return QIcon(QStringLiteral(":/icons/status-stopped.svg"));
        }
        return {};
    case HostIdRole:
        return host->id();
    default:
        return {};
    }
}
