// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"

#include <QDateTime>
#include <QJsonObject>
#include <QWidget>

class QAbstractItemModel;
class QJsonValue;
class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QStackedWidget;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

/// Everything known about one IOC. First a summary a person reads — the IOC, procServ, the
/// unit, its files and the host — then, one click away ("Show JSON"), IocFormat::toJson() as a
/// key/value tree, the same data as `iocctl inspect`. Both are made from the one Ioc given to
/// setIoc(); a value not known is shown as "unknown". Values can be copied one by one (context
/// menu, Ctrl+C) or all at once as JSON; paths open in the desktop's application when the
/// files are on this machine (setLocalFiles()), else they are copied only. setIoc() with the
/// same key keeps the expanded branches and the scroll position. When the IOC goes away (its
/// unit is unknown to systemd now), setRemoved() says so above the last values seen, which
/// stay readable but greyed out.
class IocDetailsWidget : public QWidget
{
    Q_OBJECT
public:
    /// Item data role of a summary value that is a path (the path itself).
    static constexpr int PathRole = Qt::UserRole + 1;

    explicit IocDetailsWidget(QWidget *parent = nullptr);

    /// Shows @p ioc; clears the removed state.
    void setIoc(const Ioc &ioc);
    /// The IOC's files are on this machine: paths can be opened (default: copy only).
    void setLocalFiles(bool local);
    bool hasLocalFiles() const { return m_localFiles; }
    /// The IOC shown is gone from its host: say so and grey out the last values seen.
    void setRemoved(bool removed);
    bool isRemoved() const { return m_removed; }
    /// The notice shown while isRemoved(); empty otherwise.
    QString notice() const;
    const Ioc &ioc() const { return m_ioc; }
    QString key() const { return m_ioc.key(); }
    QJsonObject json() const { return m_json; }
    /// The raw JSON tree (shown while isJsonShown()).
    QTreeWidget *tree() const { return m_tree; }
    /// The summary: one top-level item per section, one child per value.
    QTreeWidget *summary() const { return m_summary; }
    /// The summary's value of @p label in @p section as shown; a null string when there is no
    /// such row (the first one when several rows share the label, e.g. drop-ins).
    QString summaryValue(const QString &section, const QString &label) const;
    /// Shows the JSON tree instead of the summary (or back).
    void setJsonShown(bool shown);
    bool isJsonShown() const;

    /// Puts the IOC's JSON (indented) on the clipboard.
    void copyJson() const;
    /// Puts the value of the current row (of the view shown) on the clipboard.
    void copyCurrentValue() const;
    /// Opens the path of the current summary row with the desktop's application; false when it
    /// is no path or the files are not on this machine.
    bool openCurrentPath() const;

    /// Shows, under the summary, the rows of @p events (an EventModel, not owned) about this
    /// IOC, newest first.
    void setEventModel(QAbstractItemModel *events);
    /// This IOC's events (null until setEventModel()).
    QTableView *eventsView() const { return m_eventsView; }

    /// Tests fix the time the uptime is measured against; invalid = the clock.
    void setNow(const QDateTime &now) { m_now = now; }

private:
    void addChildren(QTreeWidgetItem *parent, const QString &key, const QJsonValue &value);
    void fillSummary();
    QTreeWidgetItem *addSection(const QString &title);
    QTreeWidgetItem *addRow(QTreeWidgetItem *section, const QString &label, const QString &value,
                            const QString &path = QString());
    void showSummaryMenu(const QPoint &pos);
    void updateEventFilter();
    static QString pathOf(const QTreeWidgetItem *item);

    Ioc m_ioc;
    QJsonObject m_json;
    QDateTime m_now;
    QLabel *m_titleLabel;
    QLabel *m_removedLabel;
    QToolButton *m_jsonButton;
    QStackedWidget *m_pages;
    QTreeWidget *m_summary;
    QTreeWidget *m_tree;
    QSortFilterProxyModel *m_events = nullptr;
    QTableView *m_eventsView = nullptr;
    bool m_removed = false;
    bool m_localFiles = false;
};
