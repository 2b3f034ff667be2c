// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QIcon>
#include <QVector>

#include <functional>

class Fleet;

/// The IOC table: one row per IOC of every host of the Fleet, whatever runs it. Rows follow the
/// runtimes live: iocAdded inserts a row, iocChanged updates exactly that row, iocRemoved
/// removes it. Additions and changes that arrive together (a listing, a mass restart) are
/// applied together once control returns to the event loop: one insert for all new rows and
/// one dataChanged per run of neighbouring rows, so the proxy and the view sort once per burst
/// instead of once per row. data() only formats cached values; nothing here talks to D-Bus.
class IocTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        StatusColumn,
        UptimeColumn,
        RestartsColumn,
        PidColumn,
        ConsoleColumn,
        EnabledColumn,
        ConventionColumn,
        HostColumn,
        MemoryColumn,
        CpuColumn,
        RuntimeColumn, // appended: header states saved before it keep their columns
        ImageColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        /// The underlying value a column sorts by (numbers as numbers, times as seconds).
        SortRole = Qt::UserRole + 1,
        /// The whole Ioc (QVariant holding Ioc).
        IocRole,
        /// Ioc::key().
        KeyRole,
        /// Ioc::status(): running, shutdown, starting, stopping, restarting, failed, exited.
        StatusRole,
    };

    explicit IocTableModel(QObject *parent = nullptr);

    /// Shows the IOCs of every host of @p fleet and follows its signals: rows come and go with
    /// their hosts too. The model does not own it.
    void setFleet(Fleet *fleet);

    /// Inserts the IOC, or updates its row (dataChanged for that row only).
    void upsert(const Ioc &ioc);
    /// Inserts the new IOCs with one beginInsertRows() and updates the known ones with one
    /// dataChanged() per run of neighbouring rows.
    void upsertMany(const QList<Ioc> &iocs);
    /// Applies the additions and changes the runtimes delivered since the last event-loop
    /// pass now (normally a zero-delay timer does).
    void applyPending();
    /// Removes the row of @p key, if any.
    void remove(const QString &key);
    /// Removes every row of one host (Ioc::host == @p hostId).
    void removeHost(const QString &hostId);

    Ioc ioc(int row) const { return m_rows.value(row); }
    int rowOf(const QString &key) const { return m_rowByKey.value(key, -1); }
    QModelIndex indexOf(const QString &key, int column = NameColumn) const;
    bool contains(const QString &key) const { return m_rowByKey.contains(key); }

    /// Test seam: the clock uptimes are measured against (default: current time).
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }
    /// Tells views that time-dependent columns (uptime, status) changed; call periodically.
    void refreshTimes();
    /// Every running IOC shows its PID: the console probes of IOCs that just started have
    /// landed (they come a few seconds after the listing).
    bool showsEveryRunningPid() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// Rank of a status word for sorting: running first, stopped last.
    static int statusRank(const QString &status);

private:
    struct CpuSample
    {
        quint64 cpuNSec = 0;
        qint64 atMSec = 0;
        double percent = -1; // -1: not known yet (needs two samples)
    };

    QVariant display(const Ioc &ioc, int column, const QDateTime &now) const;
    QVariant sortValue(const Ioc &ioc, int column, const QDateTime &now) const;
    QVariant toolTip(const Ioc &ioc, int column, const QDateTime &now) const;
    void updateCpu(const Ioc &ioc);
    void reindexFrom(int row);
    void enqueue(const Ioc &ioc);

    QVector<Ioc> m_rows;
    QHash<QString, int> m_rowByKey;
    QHash<QString, CpuSample> m_cpu;
    mutable QHash<QString, QIcon> m_icons; ///< status icon file -> icon (made once)
    QList<Ioc> m_pending; ///< from the runtimes, not applied yet (newest last)
    bool m_applyQueued = false;
    std::function<QDateTime()> m_now;
};
