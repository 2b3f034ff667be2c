// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QPointer>

class Fleet;
class Host;

/// The host selector's rows: "All hosts" first, then one row per host of the Fleet with its
/// connection state (icon, text, tool tip with the error) and its number of IOCs. Built for
/// many hosts: each row updates on the fleet's signals about its own host.
class HostListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        /// Host::id(); empty for the "All hosts" row.
        HostIdRole = Qt::UserRole + 1,
    };

    explicit HostListModel(QObject *parent = nullptr);

    /// Shows the hosts of @p fleet (not owned) and follows them as they come and go.
    void setFleet(Fleet *fleet);
    Host *host(int row) const;
    int rowOf(const Host *host) const;
    int iocCount(const Host *host) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Entry
    {
        QPointer<Host> host;
        int iocs = 0;
    };
    void addHost(Host *host);
    void removeHost(const Host *host);
    void updateRow(const Host *host);
    void recount(const Host *host);
    void adjust(const QString &hostId, int delta);
    static QString stateText(const Host *host);

    QPointer<Fleet> m_fleet;
    QList<Entry> m_entries;
};
