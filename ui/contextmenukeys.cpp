// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/contextmenukeys.h"

#include <QAbstractItemView>
#include <QContextMenuEvent>
#include <QKeyEvent>

void ContextMenuKeys::install(QAbstractItemView *view)
{
    new ContextMenuKeys(view);
}

ContextMenuKeys::ContextMenuKeys(QAbstractItemView *view)
    : QObject(view)
    , m_view(view)
{
    view->installEventFilter(this);
}

bool ContextMenuKeys::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_view || m_view->contextMenuPolicy() != Qt::CustomContextMenu)
        return false;
    switch (event->type()) {
    case QEvent::ContextMenu:
        // The platform's keyboard event points at the view's cursor rectangle in the view's
        // coordinates, not its viewport's: open it where the current row is instead.
        if (static_cast<QContextMenuEvent *>(event)->reason() != QContextMenuEvent::Keyboard)
            return false;
        requestMenu();
        return true;
    case QEvent::KeyPress: {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() != Qt::Key_F10 || key->modifiers() != Qt::ShiftModifier)
            return false;
        requestMenu();
        return true;
    }
    default:
        return false;
    }
}

void ContextMenuKeys::requestMenu()
{
    const QRect current = m_view->visualRect(m_view->currentIndex());
    const QRect shown = current.intersected(m_view->viewport()->rect());
    // The current row's start (where a reader looks), else the viewport's top left.
    const QPoint pos =
            shown.isValid() ? QPoint(shown.left() + 8, shown.center().y()) : QPoint(8, 8);
    emit m_view->customContextMenuRequested(pos);
}
