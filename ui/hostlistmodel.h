#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QPointer>

class Host;
class Inventory;

/// The host selector's rows: "All hosts" first, then one row per host with its connection
/// state (icon, text, tool tip with the error) and its number of IOCs. Built for many hosts:
/// each row updates on its own host's signals.
class HostListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        /// Host::id(); empty for the "All hosts" row.
        HostIdRole = Qt::UserRole + 1,
    };

    explicit HostListModel(QObject *parent = nullptr);

    /// Adds a row for @p host; counts the IOCs of @p inventory (may be null). Not owned.
    void addHost(Host *host, Inventory *inventory);
    /// Removes the row of @p host (which is not deleted).
    void removeHost(const Host *host);
    Host *host(int row) const;
    int rowOf(const Host *host) const;
    int iocCount(const Host *host) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Entry
    {
        QPointer<Host> host;
        QPointer<Inventory> inventory;
        int iocs = 0;
    };
    void updateRow(const Host *host);
    void recount(const Host *host);
    void adjust(const Host *host, int delta);
    static QString stateText(const Host *host);

    QList<Entry> m_entries;
};
