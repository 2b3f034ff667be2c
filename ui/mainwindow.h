// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/fleet/fleetevent.h"
#include "core/ioc/ioc.h"
#include "ui/ioctableview.h"
#include "ui/messagebar.h"
#include "ui/settings.h"

#include <QHash>
#include <QList>
#include <QMainWindow>
#include <QMap>
#include <QSet>

#include <functional>

class EventHistory;
class EventModel;
class EventsPane;
class FleetEventWatcher;
class IocAlerts;
class RestartStorm;
class QDockWidget;
class ConsoleArea;
class ConsoleTabWidget;
class FilterBar;
class Fleet;
class Host;
class HostListModel;
class HostListView;
class IocActions;
class IocTabs;
class IocFilterProxyModel;
class IocTableModel;
class MessageArea;
class ShortcutsDialog;
class QAction;
class QListView;
class QSplitter;
class QTableView;
class QTimer;

/// The main window. It wires the parts together and owns little logic of its own: its Fleet
/// (the hosts and the runtimes of their IOCs) feeds IocTableModel and the host list,
/// IocFilterProxyModel filters it for the table, FilterBar and the host list drive the proxy,
/// IocActions acts on the selection and the bottom tabs hold consoles, logs and details.
/// Header state, geometry and splitter sizes are kept in QSettings.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// Shows the IOCs of @p hosts (not owned; they must outlive the window) and connects
    /// the ones not connected yet. More hosts come through fleet().
    explicit MainWindow(const QList<Host *> &hosts, QWidget *parent = nullptr);
    ~MainWindow() override;

    IocTableModel *model() const { return m_model; }
    IocFilterProxyModel *proxyModel() const { return m_proxy; }
    QTableView *tableView() const { return m_table; }
    FilterBar *filterBar() const { return m_filterBar; }
    IocActions *iocActions() const { return m_actions; }
    /// The first group of the bottom tabs (all of them while the area is not split).
    ConsoleTabWidget *bottomTabs() const;
    /// The bottom tabs: their groups (View ▸ Console Layout) and detached windows.
    ConsoleArea *consoleArea() const { return m_area; }
    MessageBar *messageBar() const { return m_messageBar; }
    MessageArea *messageArea() const { return m_messageArea; }
    /// The fleet's events since the window was ready (View ▸ Events).
    EventModel *eventModel() const { return m_eventModel; }
    EventsPane *eventsPane() const { return m_eventsPane; }
    QDockWidget *eventsDock() const { return m_eventsDock; }
    RestartStorm *restartStorm() const { return m_storm; }
    /// Reads the hosts' journals into the Events pane (Settings::eventHistoryHours back).
    EventHistory *eventHistory() const { return m_eventHistory; }
    /// The hosts shown and the runtimes of their IOCs (owned by the window).
    Fleet *fleet() const { return m_fleet; }

    Settings settings() const { return m_settings; }
    void applySettings(const Settings &settings);

    IocTabs *tabs() const { return m_iocTabs; }
    /// Every host has listed its IOCs (or failed to connect).
    bool isReady() const;

    QList<Host *> hosts() const;
    /// Adds the host of @p spec (owned by the window's fleet), connects it and remembers it in
    /// QSettings ("hosts/remembered"). Null with *error for a bad spec or one already shown.
    Host *addRememberedHost(const QString &spec, QString *error = nullptr);
    /// Removes a host added with addRememberedHost() (or loaded by loadRememberedHosts()) and
    /// forgets it. Hosts given to the constructor cannot be removed: false.
    bool removeRememberedHost(Host *host);
    /// Adds the remembered hosts that are not shown yet (each connects in parallel).
    void loadRememberedHosts();
    /// Opens the "Add Host" dialog.
    void showAddHostDialog();
    /// How many consoles are open (asked about before quitting).
    int openConsoleCount() const;
    /// Opens the consoles of the IOCs named @p names (Ioc::name, on any host) and selects their
    /// rows, once every host has listed its IOCs (at once when isReady()).
    void attachWhenListed(const QStringList &names);
    /// Reopens the console and log tabs and reselects the hosts saved when the window last
    /// closed (QSettings "session/tabs", "session/hosts"), once every host has listed its IOCs.
    /// Consoles come back restored read-only (IocTabs::restoreConsole()): the restore sends
    /// nothing. IOCs no longer listed are skipped with one message.
    void restoreSessionWhenListed();
    /// Saves a picture of the window to @p file once it is ready and settled: every running
    /// IOC shows its PID, at least a second after ready() (memory and CPU), at most 10 s. Not
    /// ready after @p timeoutMs: saves what is there. Then emits screenshotSaved().
    void saveScreenshotWhenSettled(const QString &file, int timeoutMs = 30000);
    /// Whether closing the window asks first (consoles open); true by default.
    bool confirmsQuit() const { return m_confirmQuit; }
    void setConfirmsQuit(bool on) { m_confirmQuit = on; }

signals:
    /// Emitted once, when isReady() becomes true.
    void ready();
    /// saveScreenshotWhenSettled() is done: @p saved whether the file was written, @p settled
    /// false when the hosts were not ready in time.
    void screenshotSaved(bool saved, bool settled);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void createViewMenu();
    /// View ▸ Refresh: memory, CPU and times now; unreachable hosts are tried again.
    void refresh();
    /// Help ▸ Keyboard Shortcuts: read from the actions each time it opens.
    void showShortcuts();
    QWidget *createTablePane();
    void restoreState();
    void saveState() const;
    void handleHostStateChanged(Host *host);
    void handleHostListed(Host *host);
    void showHostMessage(const Host *host, const QString &text, MessageBar::Kind kind);
    void handleSelectionChanged();
    void handleHostSelectionChanged();
    void handleDoubleClicked(const QModelIndex &index);
    void handleStatsTimer();
    void showTableMenu(const QPoint &pos);
    void showSettingsDialog();
    /// Where the Events pane's journal history begins (Settings::eventHistoryHours before
    /// now); invalid when none is wanted.
    QDateTime historySince() const;
    void showHostMenu(const QPoint &pos);
    void removeSelectedHost();
    void rememberHosts() const;
    void updateStatusLine();
    void updatePlaceholder();
    void askToQuit();
    void checkReady();
    void createEventsDock();
    void handleEvent(const FleetEvent &event);
    void attachNamed(const QStringList &names);
    /// Calls @p what once isReady() (at once when it is already).
    void whenListed(const std::function<void()> &what);
    void restoreSession(const QStringList &tabs, const QStringList &hostIds);
    /// Puts the restored @p tabs where they were (a group or a window; @p places as
    /// IocTabs::openTabPlaces() gave them) and the split as it was.
    void restoreConsoleLayout(const QStringList &tabs, const QStringList &places);
    void saveScreenshot(const QString &file, bool settled);

    QList<Host *> m_ownHosts; // remembered hosts (the fleet owns them): removable
    // The last warning or error shown about a host, and the hosts that failed since their
    // last good listing: a good listing replaces that message if it is still on show.
    QHash<const Host *, QString> m_hostMessages;
    QSet<const Host *> m_failedHosts;
    Settings m_settings;
    bool m_readyEmitted = false;
    bool m_confirmQuit = true;
    bool m_quitConfirmed = false;
    bool m_screenshotSaved = false;

    Fleet *m_fleet;
    IocTableModel *m_model;
    IocFilterProxyModel *m_proxy;
    HostListModel *m_hostModel;
    IocActions *m_actions;
    MessageArea *m_messageArea;
    MessageBar *m_messageBar;
    IocAlerts *m_alerts; // crash loops and failures: message bar and desktop notification
    EventModel *m_eventModel;
    FleetEventWatcher *m_eventWatcher; // started once the window is ready
    RestartStorm *m_storm; // one warning for many IOCs restarting at once
    QString m_stormMessage; // the storm warning shown, while the storm lasts
    EventHistory *m_eventHistory; // the past, from the journals; never fed to m_storm
    EventsPane *m_eventsPane;
    QDockWidget *m_eventsDock;
    FilterBar *m_filterBar;
    HostListView *m_hostList;
    IocTableView *m_table;
    ConsoleArea *m_area;
    IocTabs *m_iocTabs;
    QSplitter *m_mainSplitter;
    QSplitter *m_topSplitter;
    QTimer *m_statsTimer;
    QAction *m_hostsPaneAction = nullptr;
    QAction *m_consolesBelowAction = nullptr;
    QAction *m_consolesBesideAction = nullptr;
    ShortcutsDialog *m_shortcutsDialog = nullptr;
};
