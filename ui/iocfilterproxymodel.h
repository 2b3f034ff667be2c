// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/iocfilter.h"

#include <QSet>
#include <QSortFilterProxyModel>

/// Filters and sorts an IocTableModel. The rules are IocFilter's (the language of
/// `iocctl ps --filter`); this class only calls IocFilter::matches() for the text of the
/// filter bar, for the status toggle, and keeps the rows of the selected hosts.
/// Sorts by IocTableModel::SortRole, i.e. by the underlying values, not by the text.
class IocFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    /// The one-click status toggles of the filter bar.
    enum class StatusToggle { All, Running, NotRunning, Failed };
    Q_ENUM(StatusToggle)

    explicit IocFilterProxyModel(QObject *parent = nullptr);

    void setFilter(const IocFilter &filter);
    IocFilter filter() const { return m_filter; }
    /// Parses @p text and applies it when valid; returns the parsed filter either way, so the
    /// caller can show its error. An invalid text leaves the previous filter in place.
    IocFilter setFilterText(const QString &text);

    void setStatusToggle(StatusToggle toggle);
    StatusToggle statusToggle() const { return m_toggle; }
    /// The filter term behind a toggle ("status=running", ...).
    static QString statusToggleText(StatusToggle toggle);

    /// Only rows whose Ioc::host is in @p hostIds; an empty set shows every host.
    void setHosts(const QSet<QString> &hostIds);
    QSet<QString> hosts() const { return m_hosts; }

    /// What an empty table says: why no row is shown (empty while rows are shown). @p listed:
    /// every host has listed its IOCs; @p filterText: the filter as the user typed it.
    QString emptyText(bool listed, const QString &filterText) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    IocFilter m_filter;
    IocFilter m_statusFilter;
    StatusToggle m_toggle = StatusToggle::All;
    QSet<QString> m_hosts;
};
