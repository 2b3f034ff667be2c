// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QPointer>
#include <QWidget>

class MessageBar;
class MessageHistoryDialog;
class QToolButton;

/// The strip that holds the MessageBar and a "History" button. Its height is fixed and the
/// bar keeps its place while hidden, so a message that appears or goes moves nothing else
/// in the window. The button (and showHistory()) opens the list of every message so far.
class MessageArea : public QWidget
{
    Q_OBJECT
public:
    explicit MessageArea(QWidget *parent = nullptr);

    MessageBar *bar() const { return m_bar; }
    QToolButton *historyButton() const { return m_historyButton; }
    /// Opens (or raises) the non-modal history dialog.
    void showHistory();
    MessageHistoryDialog *historyDialog() const;

private:
    void updateHistoryButton();

    MessageBar *m_bar;
    QToolButton *m_historyButton;
    QPointer<MessageHistoryDialog> m_dialog;
};
