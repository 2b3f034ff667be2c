// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"

#include <QTabBar>
#include <QTabWidget>

class ConsoleSession;
class ConsoleView;

/// The tab bar of ConsoleTabWidget; tells the text a tab shows (elided to its width).
class ConsoleTabBar : public QTabBar
{
    Q_OBJECT
public:
    using QTabBar::QTabBar;
    /// The text drawn on tab @p index: its title elided to the room the tab has.
    QString shownText(int index) const;
};

/// The console tabs: one ConsoleView per IOC (keyed by Ioc::key()), closable, the tab text
/// is the IOC name (elided in the middle: IOCs often share a prefix), the icon and tool tip
/// show the full name, the connection and IOC state. Closing a tab closes its session without
/// sending anything.
class ConsoleTabWidget : public QTabWidget
{
    Q_OBJECT
public:
    explicit ConsoleTabWidget(QWidget *parent = nullptr);
    ~ConsoleTabWidget() override;

    /// Shows the console of @p ioc: focuses the existing tab for ioc.key() (and discards
    /// @p session unopened) unless @p forceNew, otherwise adds a tab with a new ConsoleView
    /// that takes ownership of @p session and opens it.
    ConsoleView *openConsole(const Ioc &ioc, ConsoleSession *session, bool forceNew = false);
    /// The first tab showing the IOC with key @p key, or nullptr.
    ConsoleView *viewFor(const QString &key) const;
    ConsoleView *viewAt(int index) const;
    ConsoleView *currentView() const;
    /// The console pages, in tab order (the other pages — logs, details — left out).
    QList<ConsoleView *> views() const;
    ConsoleTabBar *consoleTabBar() const { return m_tabBar; }
    /// Removes the tab and deletes its view later; its session is closed at once.
    void closeConsole(int index);
    void closeAll();
    /// Takes the page of tab @p index out without closing anything (ConsoleArea moves it to
    /// another group or a window): a ConsoleView keeps its session, stays connected and no
    /// longer reports to this widget. The page keeps this widget's stack as parent until the
    /// caller reparents it. Emits no consoleClosed().
    QWidget *takePage(int index);
    /// Adds @p page taken from another ConsoleTabWidget or a window as the last tab, with
    /// @p icon, @p text and @p toolTip; a ConsoleView's text, icon and tool tip follow its
    /// state here from now on. Returns its index.
    int adoptPage(QWidget *page, const QIcon &icon, const QString &text, const QString &toolTip);
    /// Drawn in the middle while there is no tab (a split waiting for its first page).
    void setPlaceholderText(const QString &text);

signals:
    /// A tab was closed; count() is already updated.
    void consoleClosed(const QString &key);
    /// A page was added (opened here, or moved here by adoptPage()).
    void pageInserted(QWidget *page);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void tabInserted(int index) override;

private:
    void watchView(ConsoleView *view);
    void handleViewStateChanged(ConsoleView *view);
    void handleTabCloseRequested(int index);
    static QIcon stateIcon(const QColor &color);

    ConsoleTabBar *m_tabBar;
    QString m_placeholder;
};
