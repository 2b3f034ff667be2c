// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QObject>

class QAbstractItemView;

/// Opens an item view's custom context menu from the keyboard, at its current item: the
/// Menu key (which the platform turns into a keyboard QContextMenuEvent) and Shift+F10 (which
/// Qt leaves alone on Linux). The view emits customContextMenuRequested() with a point in its
/// viewport's coordinates, as for a right click, so one handler serves mouse and keyboard.
class ContextMenuKeys : public QObject
{
    Q_OBJECT
public:
    /// Installs itself on @p view (which owns it).
    static void install(QAbstractItemView *view);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit ContextMenuKeys(QAbstractItemView *view);
    void requestMenu();

    QAbstractItemView *m_view;
};
