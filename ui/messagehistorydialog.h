// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "ui/messagebar.h"

#include <QDialog>
#include <QPointer>

class QTreeWidget;

/// The messages of a MessageBar so far, one row each: time, what (IOCs or host), action,
/// outcome. Non-modal; follows new messages while open.
class MessageHistoryDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column { TimeColumn, SubjectColumn, ActionColumn, OutcomeColumn };

    explicit MessageHistoryDialog(MessageBar *bar, QWidget *parent = nullptr);

    QTreeWidget *tree() const { return m_tree; }

private:
    void addEntry(const MessageBar::Entry &entry);

    QPointer<MessageBar> m_bar;
    QTreeWidget *m_tree;
};
