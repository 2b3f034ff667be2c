// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

ShortcutsDialog::ShortcutsDialog(QMenuBar *menuBar, const QList<QAction *> &others, QWidget *parent)
    : QDialog(parent)
    , m_menuBar(menuBar)
    , m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    for (QAction *action : others)
        m_others << action;

    m_tree->setObjectName(QStringLiteral("shortcutsTree"));
    m_tree->setAccessibleName(tr("Keyboard shortcuts"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({ tr("Action"), tr("Keys") });
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::NoSelection);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);

    auto *note = new QLabel(
            tr("A console takes every key typed in it (the IOC gets them): press Tab or click "
               "the table to use these shortcuts. Shift+F1, then a click, explains a state "
               "word in the table."),
            this);
    note->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tree, 1);
    layout->addWidget(note);
    layout->addWidget(buttons);
    resize(520, 560);
    refresh();
}

QString ShortcutsDialog::plainText(const QAction *action)
{
    QString text = action->text();
    // "&&" is a literal ampersand; a single '&' marks the mnemonic.
    text.replace(QLatin1String("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    if (text.endsWith(QChar(0x2026)))
        text.chop(1);
    else if (text.endsWith(QLatin1String("...")))
        text.chop(3);
    return text.trimmed();
}

QString ShortcutsDialog::keysText(const QAction *action)
{
    QStringList keys;
    for (const QKeySequence &sequence : action->shortcuts()) {
        if (!sequence.isEmpty())
            keys << sequence.toString(QKeySequence::NativeText);
    }
    return keys.join(QStringLiteral(", "));
}

void ShortcutsDialog::collect(const QString &section, const QList<QAction *> &actions)
{
    for (const QAction *action : actions) {
        if (action->isSeparator())
            continue;
        if (const QMenu *submenu = action->menu()) {
            collect(section + QStringLiteral(" \u203a ") + plainText(action), submenu->actions());
            continue;
        }
        const QString keys = keysText(action);
        if (keys.isEmpty())
            continue;
        // An action in two places (menu and toolbar, say) is listed once.
        bool listed = false;
        for (const Row &row : std::as_const(m_rows))
            listed = listed || (row.action == plainText(action) && row.keys == keys);
        if (!listed)
            m_rows.append({ section, plainText(action), keys });
    }
}

void ShortcutsDialog::refresh()
{
    m_rows.clear();
    if (m_menuBar) {
        for (const QAction *menuAction : m_menuBar->actions()) {
            if (const QMenu *menu = menuAction->menu())
                collect(plainText(menuAction), menu->actions());
        }
    }
    QList<QAction *> others;
    for (const QPointer<QAction> &action : std::as_const(m_others)) {
        if (action)
            others << action;
    }
    collect(tr("Window"), others);

    m_tree->clear();
    QTreeWidgetItem *section = nullptr;
    for (const Row &row : std::as_const(m_rows)) {
        if (!section || section->text(0) != row.section) {
            section = new QTreeWidgetItem(m_tree, { row.section });
            section->setFirstColumnSpanned(true);
            QFont bold = section->font(0);
            bold.setBold(true);
            section->setFont(0, bold);
            section->setExpanded(true);
        }
        new QTreeWidgetItem(section, { row.action, row.keys });
    }
    m_tree->expandAll();
}
