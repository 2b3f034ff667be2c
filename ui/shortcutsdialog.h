// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QDialog>
#include <QList>
#include <QPointer>

class QAction;
class QMenuBar;
class QTreeWidget;

/// The keyboard shortcuts of a window (Help ▸ Keyboard Shortcuts, F1 or Ctrl+?): one section
/// per menu of the menu bar, then the window's own actions, each action that has a shortcut
/// with all of its key sequences. Read from the actions themselves each time refresh() runs
/// (so a shortcut changed at run time shows as it is), never from a list of its own.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    /// One line: the section (the menu's title), what the action does and its keys.
    struct Row
    {
        QString section;
        QString action;
        QString keys;
    };

    /// Reads @p menuBar's menus (and their submenus) and @p others (actions outside menus).
    ShortcutsDialog(QMenuBar *menuBar, const QList<QAction *> &others, QWidget *parent = nullptr);

    /// Reads the actions again.
    void refresh();
    QList<Row> rows() const { return m_rows; }
    QTreeWidget *tree() const { return m_tree; }

    /// An action's text as a person reads it: no '&' mnemonic markers, no trailing "…".
    static QString plainText(const QAction *action);
    /// Every key sequence of @p action, in the desktop's spelling, ", " between them.
    static QString keysText(const QAction *action);

private:
    void collect(const QString &section, const QList<QAction *> &actions);

    QPointer<QMenuBar> m_menuBar;
    QList<QPointer<QAction>> m_others;
    QList<Row> m_rows;
    QTreeWidget *m_tree;
};
