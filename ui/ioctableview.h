// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"

#include <QTableView>

class QLabel;
class QMenu;

/// The IOC table's view: Tab and Shift+Tab leave the table instead of walking its cells (the
/// selection changes only when the user moves it), the Status column elides at its end so
/// the state word stays readable, and an empty table says why in placeholderText().
class IocTableView : public QTableView
{
    Q_OBJECT
public:
    explicit IocTableView(QWidget *parent = nullptr);

    /// Shown in the middle of the table while it has no rows; empty shows nothing.
    void setPlaceholderText(const QString &text);
    QString placeholderText() const;
    /// Whether the placeholder is on screen now.
    bool isPlaceholderVisible() const;

    void setModel(QAbstractItemModel *model) override;
    /// Replaces @p menu's actions with one checkable action per column that shows or hides it
    /// (the name column always shows); the header's context menu and View ▸ Columns.
    void fillColumnsMenu(QMenu *menu);

    /// The width column @p column needs to show its title unclipped (and the sort arrow when
    /// it is the sorted column); for the uptime column, also its longest words ("About a
    /// minute"), so that an uptime is never cut.
    int minimumColumnWidth(int column) const;

    /// The text the cell at @p index shows, elided to its width as the style draws it.
    QString shownText(const QModelIndex &index) const;

    /// The IOCs of the selected rows (the model's IocTableModel::IocRole).
    QList<Ioc> selectedIocs() const;
    /// The IOCs of the rows on screen now.
    QList<Ioc> visibleIocs() const;
    /// Selects the row of the IOC with Ioc::key() @p key, at once or when it is inserted (a
    /// newly created IOC discovery has not listed yet). A later call replaces the wish.
    void selectWhenShown(const QString &key);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updatePlaceholder();
    void selectPending();
    void showHeaderMenu(const QPoint &pos);

    QLabel *m_placeholder;
    QString m_pendingKey;
};
