// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QIcon>
#include <QMainWindow>
#include <QPointer>

class QAction;

/// A page of the bottom tab area (a console, a log, details) detached into a window of its own
/// by ConsoleArea, which owns it. The page lives on unchanged: a console keeps its session.
/// Closing the window docks the page back (dockRequested()); it never closes the console. Its
/// Window menu has Dock Back (Ctrl+Shift+D) and Close Console, the explicit way to end it.
class ConsoleWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// Shows @p page (reparented here) in a window titled @p title; @p icon, @p tabText and
    /// @p tabToolTip are what its tab showed, kept for docking it back.
    ConsoleWindow(QWidget *page, const QIcon &icon, const QString &tabText,
                  const QString &tabToolTip);
    ~ConsoleWindow() override;

    QWidget *page() const { return m_page; }
    /// Gives the page up (reparenting is the caller's); the window closes without asking.
    QWidget *takePage();
    QIcon tabIcon() const { return m_icon; }
    QString tabText() const { return m_text; }
    QString tabToolTip() const { return m_toolTip; }
    QAction *dockAction() const { return m_dockAction; }
    QAction *closePageAction() const { return m_closeAction; }

signals:
    /// Dock Back was asked for, or the window was closed while it held its page.
    void dockRequested();
    /// Close Console: the page is to be closed (a console's session ends, sending nothing).
    void closeRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QPointer<QWidget> m_page;
    QIcon m_icon;
    QString m_text;
    QString m_toolTip;
    QAction *m_dockAction;
    QAction *m_closeAction;
};
