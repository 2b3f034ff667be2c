// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"
#include "ui/settings.h"

#include <QObject>

class ConsoleArea;
class EventModel;
class ExecResultsView;
class Fleet;

/// Fills the bottom tab area (a ConsoleArea: its groups of tabs and detached windows) with one
/// page per IOC and purpose: the console (ConsoleView), the log (LogView) and the details
/// (IocDetailsWidget); and one page per "Run command…" with the replies of every IOC it ran on
/// (ExecResultsView). Asking again for the same page focuses the open one, wherever it is; a
/// new page opens in ConsoleArea::targetGroup(). Hides the area while it has no tabs.
class IocTabs : public QObject
{
    Q_OBJECT
public:
    /// Consoles and logs go through the runtime of each IOC's host in @p fleet (not owned).
    IocTabs(ConsoleArea *area, Fleet *fleet, QObject *parent = nullptr);

    void setSettings(const Settings &settings);
    /// Details pages show this IOC's rows of @p events (not owned).
    void setEventModel(EventModel *events) { m_events = events; }

    void attach(const Ioc &ioc);
    /// Opens @p ioc's console as a restored one (ConsoleView::setRestored()): read-only from
    /// before it connects, so nothing is sent until the user takes it. Focuses an open one.
    void restoreConsole(const Ioc &ioc);
    void showLogs(const Ioc &ioc);
    void showDetails(const Ioc &ioc);
    /// Runs @p line on @p iocs (ExecFanOut, a bounded number at a time) and shows the replies
    /// in one new results page (ExecResultsView). The caller confirmed it.
    ExecResultsView *runCommand(const QList<Ioc> &iocs, const QString &line);
    /// Keeps the details page of @p ioc (if open) current.
    void update(const Ioc &ioc);
    /// The IOC of @p key is gone from its host: its details page (if open) says so.
    void markRemoved(const QString &key);
    /// Number of console tabs open on @p ioc.
    int consoleCount(const Ioc &ioc) const;
    /// The console and log tabs, in tab order, as "console KEY" / "log KEY" (details pages
    /// are left out): what MainWindow saves to reopen at the next start. The order is
    /// ConsoleArea::pages(): group by group, then the detached windows.
    QStringList openTabs() const;
    /// Where each of openTabs() is: "0", "1", "2" (its group) or "window" (detached).
    QStringList openTabPlaces() const;
    /// The open console or log page named @p tab ("console KEY", "log KEY"), or nullptr.
    QWidget *page(const QString &tab) const;
    /// "console KEY" / "log KEY" of @p page; empty for other pages.
    static QString tabName(const QWidget *page);

signals:
    /// Something could not be opened; for the message bar.
    void errorOccurred(const QString &message);

private:
    /// The open page of type @p Page (LogView, IocDetailsWidget) for the IOC with @p key.
    template <class Page>
    Page *findPage(const QString &key) const;
    void addPage(QWidget *page, const Ioc &ioc, const QString &title, const QString &icon);
    void focus(QWidget *page);
    void openConsole(const Ioc &ioc, bool restored);

    ConsoleArea *m_area;
    Fleet *m_fleet;
    Settings m_settings;
    EventModel *m_events = nullptr;
};
