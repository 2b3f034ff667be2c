// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/mainwindow.h"

#include "core/fleet/eventhistory.h"
#include "core/fleet/fleet.h"
#include "core/fleet/fleeteventwatcher.h"
#include "core/fleet/restartstorm.h"
#include "core/hosts/host.h"
#include "core/ioc/inventory.h"
#include "core/ioc/iocalerts.h"
#include "core/ioc/iocruntime.h"
#include "core/systemd/systemdmanager.h" // host.h needs it complete (QPointer)
#include "ui/console/consolearea.h"
#include "ui/console/consoletabwidget.h"
#include "ui/console/consoleview.h"
#include "ui/contextmenukeys.h"
#include "ui/eventmodel.h"
#include "ui/eventspane.h"
#include "ui/filterbar.h"
#include "ui/hostdialog.h"
#include "ui/hostlistmodel.h"
#include "ui/hostlistview.h"
#include "ui/iocactions.h"
#include "ui/iocfilterproxymodel.h"
#include "ui/ioctablemodel.h"
#include "ui/ioctableview.h"
#include "ui/ioctabs.h"
#include "ui/messagearea.h"
#include "ui/messagebar.h"
#include "ui/newiocdialog.h"
#include "ui/settingsdialog.h"
#include "ui/shortcutsdialog.h"
#include "ui/themeicons.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLoggingCategory>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>
#include <QWhatsThis>

#include <memory>

Q_LOGGING_CATEGORY(lcMainWindow, "iocdock.ui.mainwindow", QtInfoMsg)

MainWindow::MainWindow(const QList<Host *> &hosts, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(Settings::load(QSettings()))
    , m_fleet(new Fleet(this))
    , m_model(new IocTableModel(this))
    , m_proxy(new IocFilterProxyModel(this))
    , m_hostModel(new HostListModel(this))
    , m_actions(new IocActions(this, this))
    , m_messageArea(new MessageArea(this))
    , m_messageBar(m_messageArea->bar())
    , m_alerts(new IocAlerts(this))
    , m_eventModel(new EventModel(this))
    , m_eventWatcher(new FleetEventWatcher(m_fleet, this))
    , m_storm(new RestartStorm(this))
    , m_eventHistory(new EventHistory(m_fleet, this))
    , m_eventsPane(new EventsPane(m_eventModel, this))
    , m_eventsDock(new QDockWidget(tr("Events"), this))
    , m_filterBar(new FilterBar(this))
    , m_hostList(new HostListView(this))
    , m_table(new IocTableView(this))
    , m_area(new ConsoleArea(this))
    , m_iocTabs(new IocTabs(m_area, m_fleet, this))
    , m_mainSplitter(new QSplitter(Qt::Vertical, this))
    , m_topSplitter(new QSplitter(Qt::Horizontal, this))
    , m_statsTimer(new QTimer(this))
{
    setWindowTitle(tr("iocdock"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/iocdock.svg")));
    m_proxy->setSourceModel(m_model);

    m_hostList->setObjectName(QStringLiteral("hostList"));
    m_hostList->setModel(m_hostModel);
    m_hostList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_hostList->setToolTip(tr("Hosts: select one or more to show only their IOCs"));
    m_hostList->setAccessibleName(tr("Hosts"));
    m_hostList->setCurrentIndex(m_hostModel->index(0));
    m_hostList->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_hostList, &QWidget::customContextMenuRequested, this, &MainWindow::showHostMenu);
    ContextMenuKeys::install(m_hostList); // Menu key, Shift+F10
    connect(m_hostList->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::handleHostSelectionChanged);

    m_topSplitter->addWidget(m_hostList);
    m_topSplitter->addWidget(createTablePane());
    m_topSplitter->setStretchFactor(1, 1);
    m_topSplitter->setSizes({ 200, 1000 });
    bottomTabs()->setAccessibleName(tr("Consoles, logs and details"));
    m_area->setAccessibleName(tr("Consoles, logs and details"));
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(m_topSplitter);
    m_mainSplitter->addWidget(m_area);
    m_mainSplitter->setStretchFactor(0, 1);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setChildrenCollapsible(false);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_messageArea); // fixed height: a message moves nothing below
    layout->addWidget(m_mainSplitter, 1);
    setCentralWidget(central);
    createEventsDock();

    createMenus();

    connect(m_actions, &IocActions::outcomeReported, m_messageBar, &MessageBar::showMessage);
    // A created or renamed IOC is selected once discovery lists it.
    connect(m_actions, &IocActions::iocWritten, m_table, &IocTableView::selectWhenShown);
    connect(m_alerts, &IocAlerts::alerted, this, [this](const QString &text) {
        // During a restart storm its one warning stays; the Events pane lists each IOC.
        if (!m_storm->isActive())
            m_messageBar->showMessage(text, MessageBar::Kind::Warning);
    });
    // A host's net change at its return waits for the journal of its absence (EventHistory).
    connect(m_eventWatcher, &FleetEventWatcher::eventOccurred, this,
            [this](const FleetEvent &event) {
                if (!m_eventHistory->holdNetChange(event))
                    handleEvent(event);
            });
    connect(m_eventHistory, &EventHistory::netChangeStands, this, &MainWindow::handleEvent);
    // The past goes to the timeline only: a restart storm is a live warning.
    connect(m_eventHistory, &EventHistory::pastEventsRead, m_eventModel,
            &EventModel::addPastEvents);
    connect(m_eventHistory, &EventHistory::noJournal, m_eventsPane, &EventsPane::noteNoJournal);
    connect(m_eventHistory, &EventHistory::readFailed, m_eventsPane, &EventsPane::noteReadFailed);
    connect(m_eventsPane, &EventsPane::loadEarlierRequested, this,
            [this] { m_eventHistory->loadEarlier(24LL * 3600 * 1000); });
    connect(m_storm, &RestartStorm::stormStarted, this, [this] {
        m_stormMessage = m_storm->text();
        m_messageBar->showMessage(m_stormMessage, MessageBar::Kind::Warning,
                                  m_storm->hosts().join(QStringLiteral(", ")));
    });
    // Quiet again: the warning goes if it is still on show (it stays in the history).
    connect(m_storm, &RestartStorm::stormEnded, this, [this] {
        if (!m_messageBar->isHidden() && m_messageBar->text() == m_stormMessage)
            m_messageBar->hideMessage();
        m_stormMessage.clear();
    });
    connect(m_actions, &IocActions::attachRequested, m_iocTabs, &IocTabs::attach);
    connect(m_actions, &IocActions::logsRequested, m_iocTabs, &IocTabs::showLogs);
    connect(m_actions, &IocActions::detailsRequested, m_iocTabs, &IocTabs::showDetails);
    connect(m_actions, &IocActions::commandRequested, m_iocTabs, &IocTabs::runCommand);
    // A stopped IOC systemd has not loaded: its details are read when asked for.
    connect(m_actions, &IocActions::detailsRequested, this, [this](const Ioc &ioc) {
        if (IocRuntime *runtime = m_fleet->runtimeFor(ioc))
            runtime->readUnloaded({ ioc.key() }, this, [] {});
    });
    connect(m_iocTabs, &IocTabs::errorOccurred, this, [this](const QString &text) {
        m_messageBar->showMessage(text, MessageBar::Kind::Warning);
    });
    m_iocTabs->setEventModel(m_eventModel);
    m_actions->setOpenConsoleCounter(
            [this](const Ioc &ioc) { return m_iocTabs->consoleCount(ioc); });

    connect(m_filterBar, &FilterBar::filterChanged, m_proxy, &IocFilterProxyModel::setFilter);
    connect(m_filterBar, &FilterBar::statusToggleChanged, m_proxy,
            &IocFilterProxyModel::setStatusToggle);
    // The placeholder quotes the filter: new text on an already empty table changes it too.
    connect(m_filterBar, &FilterBar::filterChanged, this, &MainWindow::updatePlaceholder);
    connect(m_filterBar, &FilterBar::errorOccurred, this, [this](const QString &message) {
        m_messageBar->showMessage(message, MessageBar::Kind::Error);
    });
    connect(m_filterBar, &FilterBar::statusToggleChanged, this, &MainWindow::updatePlaceholder);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateStatusLine);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateStatusLine);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateStatusLine);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateStatusLine);
    // Selected rows change under the user's eyes: keep the actions' view of them current.
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &MainWindow::handleSelectionChanged);

    m_statsTimer->setInterval(5000);
    connect(m_statsTimer, &QTimer::timeout, this, &MainWindow::handleStatsTimer);
    connect(m_statsTimer, &QTimer::timeout, this,
            [this] { m_storm->expire(QDateTime::currentDateTimeUtc()); });
    m_statsTimer->start();

    // A lost or failed host comes back by itself; its consoles reattach on their own.
    m_fleet->setHostSetup([](Host *host) { host->setAutoReconnect(true); });
    m_fleet->setInventorySetup([this](Inventory *inventory) {
        inventory->setUnitPatterns(m_settings.unitPatterns);
        inventory->setFollowChildren(true); // live IOC exits, restarts and crash loops
    });
    m_model->setFleet(m_fleet);
    m_actions->setFleet(m_fleet);
    m_hostModel->setFleet(m_fleet);
    // An IOC that comes back (its unit file installed again) updates its open details too.
    connect(m_fleet, &Fleet::iocAdded, m_iocTabs, &IocTabs::update);
    connect(m_fleet, &Fleet::iocChanged, m_iocTabs, &IocTabs::update);
    connect(m_fleet, &Fleet::iocAdded, m_alerts, &IocAlerts::update);
    connect(m_fleet, &Fleet::iocChanged, m_alerts, &IocAlerts::update);
    connect(m_fleet, &Fleet::iocRemoved, m_iocTabs, &IocTabs::markRemoved);
    connect(m_fleet, &Fleet::hostReady, this, &MainWindow::checkReady);
    connect(m_fleet, &Fleet::hostListed, this, &MainWindow::handleHostListed);
    connect(m_fleet, &Fleet::hostErrorOccurred, this, [this](Host *host, const QString &message) {
        showHostMessage(host, tr("%1: %2").arg(host->displayName(), message),
                        MessageBar::Kind::Error);
    });
    connect(m_fleet, &Fleet::hostStateChanged, this, &MainWindow::handleHostStateChanged);
    // A new host is still listing: the status line and the empty table say so.
    connect(m_fleet, &Fleet::hostAdded, this, &MainWindow::updateStatusLine);
    for (Host *host : hosts)
        m_fleet->addHost(host);
    applySettings(m_settings);
    restoreState();
    updateStatusLine();
}

MainWindow::~MainWindow()
{
    // The fleet destroys the runtimes and hosts in their order; nothing is reported meanwhile.
    m_fleet->disconnect(this);
    delete m_fleet;
    m_ownHosts.clear();
}

ConsoleTabWidget *MainWindow::bottomTabs() const
{
    return m_area->primary();
}

QList<Host *> MainWindow::hosts() const
{
    return m_fleet->hosts();
}

QWidget *MainWindow::createTablePane()
{
    m_table->setObjectName(QStringLiteral("iocTable"));
    m_table->setAccessibleName(tr("IOCs"));
    m_table->setWhatsThis(tr("<p>One row per IOC on the selected hosts. The status says what "
                             "systemd and procServ report: press Shift+F1, then click a status "
                             "to read what its words mean.</p>"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(IocTableModel::NameColumn, Qt::AscendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);
    const QList<QPair<int, int>> widths = {
        { IocTableModel::NameColumn, 150 },   { IocTableModel::StatusColumn, 200 },
        { IocTableModel::UptimeColumn, 90 },  { IocTableModel::RestartsColumn, 70 },
        { IocTableModel::PidColumn, 65 },     { IocTableModel::ConsoleColumn, 140 },
        { IocTableModel::EnabledColumn, 75 }, { IocTableModel::ConventionColumn, 95 },
        { IocTableModel::HostColumn, 80 },    { IocTableModel::MemoryColumn, 80 },
        { IocTableModel::CpuColumn, 55 },     { IocTableModel::RuntimeColumn, 70 },
    };
    for (const auto &width : widths) // wider where the title needs it (a larger font)
        m_table->setColumnWidth(width.first,
                                qMax(width.second, m_table->minimumColumnWidth(width.first)));
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    for (QAction *action : m_actions->actions() + m_actions->writerActions()) {
        if (action)
            m_table->addAction(action); // their shortcuts act while the table has focus
    }
    m_table->addAction(m_actions->runCommandAction());
    connect(m_table, &QTableView::customContextMenuRequested, this, &MainWindow::showTableMenu);
    ContextMenuKeys::install(m_table); // Menu key, Shift+F10
    connect(m_table, &QTableView::doubleClicked, this, &MainWindow::handleDoubleClicked);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::handleSelectionChanged);

    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_table, 1);
    return pane;
}

void MainWindow::createMenus()
{
    auto *toolBar = addToolBar(tr("Actions"));
    toolBar->setObjectName(QStringLiteral("actionsToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setAccessibleName(tr("IOC actions"));
    QMenu *iocMenu = menuBar()->addMenu(tr("&IOC"));
    for (QAction *action : m_actions->actions()) {
        if (action) {
            toolBar->addAction(action);
            iocMenu->addAction(action);
        } else {
            toolBar->addSeparator();
            iocMenu->addSeparator();
        }
    }
    iocMenu->addAction(m_actions->runCommandAction());
    iocMenu->addAction(m_actions->inOrderAction());
    iocMenu->addSeparator();
    for (QAction *action : m_actions->writerActions())
        iocMenu->addAction(action);
    toolBar->addSeparator();
    toolBar->addAction(m_actions->newIocAction());
    iocMenu->addSeparator();
    QAction *settings = iocMenu->addAction(tr("Settin&gs…"), this, &MainWindow::showSettingsDialog);
    settings->setObjectName(QStringLiteral("settingsAction"));
    settings->setMenuRole(QAction::PreferencesRole);
    ThemeIcons::setIcon(settings, QStringLiteral("preferences-system"), QStringLiteral("settings"));
    QAction *history =
            iocMenu->addAction(tr("Message &History…"), m_messageArea, &MessageArea::showHistory);
    history->setObjectName(QStringLiteral("historyAction"));
    ThemeIcons::setIcon(history, QStringLiteral("document-open-recent"), QStringLiteral("history"));
    QAction *quit = iocMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    ThemeIcons::setIcon(quit, QStringLiteral("application-exit"), QStringLiteral("quit"));
    // Ctrl+Q as on every Linux desktop; QKeySequence::Quit is empty where the platform theme
    // has the Windows key scheme (e.g. QT_QPA_PLATFORM=offscreen). A console claims every key
    // typed in it (ConsoleView::event), Ctrl+Q included; closing asks while consoles are open.
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));

    QMenu *hostMenu = menuBar()->addMenu(tr("H&osts"));
    QAction *addHost = hostMenu->addAction(tr("&Add Host…"), this, &MainWindow::showAddHostDialog);
    addHost->setObjectName(QStringLiteral("addHostAction"));
    ThemeIcons::setIcon(addHost, QStringLiteral("list-add"), QStringLiteral("add-host"));
    QAction *removeHost =
            hostMenu->addAction(tr("&Remove Host"), this, &MainWindow::removeSelectedHost);
    removeHost->setObjectName(QStringLiteral("removeHostAction"));
    ThemeIcons::setIcon(removeHost, QStringLiteral("list-remove"), QStringLiteral("remove-host"));

    createViewMenu();

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts =
            help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    ThemeIcons::setIcon(shortcuts, QStringLiteral("preferences-desktop-keyboard"),
                        QStringLiteral("keyboard"));
    // F1 and Ctrl+? (Ctrl+Shift+/ on most layouts; both spellings match there).
    shortcuts->setShortcuts(
            { QKeySequence(Qt::Key_F1), QKeySequence(Qt::CTRL | Qt::Key_Question) });
    QAction *filterHelp =
            help->addAction(tr("&Filter Language"), m_filterBar, &FilterBar::showHelp);
    filterHelp->setObjectName(QStringLiteral("filterHelpAction"));
    ThemeIcons::setIcon(filterHelp, QStringLiteral("help-contents"), QStringLiteral("help"));
    QAction *whatsThis = QWhatsThis::createAction(this);
    whatsThis->setObjectName(QStringLiteral("whatsThisAction"));
    help->addAction(whatsThis);
    help->addSeparator();
    QAction *about = help->addAction(tr("&About iocdock"), this, [this] {
        auto *box = new QMessageBox(QMessageBox::Information, tr("About iocdock"),
                                    tr("<p><b>iocdock %1</b></p><p>Docker-like management of "
                                       "EPICS IOCs that run under procServ and systemd.</p>")
                                            .arg(QStringLiteral(IOCDOCK_VERSION)),
                                    QMessageBox::Close, this);
        box->setIconPixmap(windowIcon().pixmap(64, 64));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setIcon(QIcon::fromTheme(QStringLiteral("help-about"), windowIcon()));
}

void MainWindow::createViewMenu()
{
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    QMenu *columns = view->addMenu(tr("&Columns"));
    columns->setObjectName(QStringLiteral("viewColumnsMenu"));
    // Filled when it opens: the header's state is the truth (its own menu changes it too).
    connect(columns, &QMenu::aboutToShow, this,
            [this, columns] { m_table->fillColumnsMenu(columns); });
    m_table->fillColumnsMenu(columns);

    QAction *refresh = view->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    refresh->setObjectName(QStringLiteral("refreshAction"));
    ThemeIcons::setIcon(refresh, QStringLiteral("view-refresh"), QStringLiteral("restart"));
    refresh->setShortcuts({ QKeySequence(Qt::Key_F5) });
    refresh->setToolTip(tr("Read memory, CPU and uptimes now and reconnect to unreachable hosts; "
                           "states update by themselves"));
    refresh->setStatusTip(refresh->toolTip());

    QAction *filter = view->addAction(tr("&Filter…"), this, [this] {
        m_filterBar->lineEdit()->setFocus(Qt::ShortcutFocusReason);
        m_filterBar->lineEdit()->selectAll();
    });
    filter->setObjectName(QStringLiteral("focusFilterAction"));
    ThemeIcons::setIcon(filter, QStringLiteral("edit-find"), QStringLiteral("find"));
    filter->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    view->addSeparator();

    m_hostsPaneAction = view->addAction(tr("&Hosts Pane"));
    m_hostsPaneAction->setObjectName(QStringLiteral("hostsPaneAction"));
    m_hostsPaneAction->setCheckable(true);
    m_hostsPaneAction->setChecked(true);
    m_hostsPaneAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    connect(m_hostsPaneAction, &QAction::toggled, m_hostList, &QWidget::setVisible);

    QAction *events = m_eventsDock->toggleViewAction();
    events->setText(tr("&Events"));
    events->setObjectName(QStringLiteral("eventsAction"));
    events->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_E));
    events->setToolTip(tr("What changed in the fleet and when: starts, stops, failures, "
                          "restarts, crash loops, hosts lost and back"));
    view->addAction(events);

    QMenu *layout = view->addMenu(tr("Console &Layout"));
    layout->setObjectName(QStringLiteral("consoleLayoutMenu"));
    auto *group = new QActionGroup(layout);
    m_consolesBelowAction = layout->addAction(tr("Consoles &Below the Table"));
    m_consolesBelowAction->setObjectName(QStringLiteral("consolesBelowAction"));
    m_consolesBesideAction = layout->addAction(tr("Consoles Bes&ide the Table"));
    m_consolesBesideAction->setObjectName(QStringLiteral("consolesBesideAction"));
    for (QAction *action : { m_consolesBelowAction, m_consolesBesideAction }) {
        action->setCheckable(true);
        group->addAction(action);
    }
    m_consolesBelowAction->setChecked(true);
    connect(m_consolesBelowAction, &QAction::toggled, this, [this](bool below) {
        m_mainSplitter->setOrientation(below ? Qt::Vertical : Qt::Horizontal);
    });
    // The console area itself: one pane, two side by side or stacked, and the tab commands.
    layout->addSeparator();
    layout->addActions(m_area->splitActions());
    layout->addSeparator();
    layout->addActions(m_area->pageActions());
}

void MainWindow::refresh()
{
    handleStatsTimer();
    const QList<Host *> hosts = m_fleet->hosts();
    for (Host *host : hosts) {
        if (host->state() == Host::State::Failed || host->state() == Host::State::Disconnected)
            host->connectToManager();
    }
}

void MainWindow::showShortcuts()
{
    if (!m_shortcutsDialog) {
        // The window's own actions outside the menus (the table's context menu shares them).
        m_shortcutsDialog = new ShortcutsDialog(menuBar(), actions(), this);
    }
    m_shortcutsDialog->refresh();
    m_shortcutsDialog->show();
    m_shortcutsDialog->raise();
    m_shortcutsDialog->activateWindow();
}

void MainWindow::handleHostStateChanged(Host *host)
{
    switch (host->state()) {
    case Host::State::Failed: {
        m_failedHosts.insert(host);
        const QString text =
                tr("Cannot reach %1: %2").arg(host->displayName(), host->errorString());
        showHostMessage(host, text, MessageBar::Kind::Warning);
        checkReady();
        break;
    }
    case Host::State::Connected: // the fleet has started its runtimes
    case Host::State::Connecting:
    case Host::State::Disconnected:
        break;
    }
}

void MainWindow::handleHostListed(Host *host)
{
    // The host answers and its IOCs are listed again: what the bar still says about it is
    // stale. A warning or error shown since and about something else stays.
    if (host->state() != Host::State::Connected || !m_fleet->listingError(host).isEmpty())
        return;
    const bool wasAway = m_failedHosts.remove(host);
    const QString stale = m_hostMessages.take(host);
    if (stale.isEmpty() || m_messageBar->isHidden() || m_messageBar->text() != stale)
        return;
    if (wasAway)
        m_messageBar->showMessage(tr("Connected to %1 again.").arg(host->displayName()),
                                  MessageBar::Kind::Success, host->displayName());
    else
        m_messageBar->hideMessage();
}

void MainWindow::showHostMessage(const Host *host, const QString &text, MessageBar::Kind kind)
{
    m_hostMessages.insert(host, text);
    m_messageBar->showMessage(text, kind, host->displayName());
}

bool MainWindow::isReady() const
{
    return m_fleet->isReady();
}

void MainWindow::checkReady()
{
    updateStatusLine();
    if (!m_readyEmitted && isReady()) {
        m_readyEmitted = true;
        handleStatsTimer(); // memory and CPU for the first screen at once
        m_eventWatcher->start(); // the rows as listed are no events; their changes are
        // Before this moment, the journals tell (up to it: nothing twice).
        m_eventHistory->start(historySince());
        m_eventsPane->loadEarlierButton()->setEnabled(m_settings.eventHistoryHours > 0);
        emit ready();
    }
}

void MainWindow::whenListed(const std::function<void()> &what)
{
    if (isReady()) {
        what();
        return;
    }
    auto *once = new QObject(this);
    connect(this, &MainWindow::ready, once, [what, once] {
        delete once;
        what();
    });
}

void MainWindow::createEventsDock()
{
    m_eventsDock->setObjectName(QStringLiteral("eventsDock"));
    m_eventsDock->setWidget(m_eventsPane);
    m_eventsDock->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::TopDockWidgetArea
                                  | Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::BottomDockWidgetArea, m_eventsDock);
    m_eventsDock->hide(); // until asked for (View ▸ Events); restoreState() may show it
}

void MainWindow::handleEvent(const FleetEvent &event)
{
    m_eventModel->addEvent(event);
    m_storm->add(event);
}

void MainWindow::attachWhenListed(const QStringList &names)
{
    if (names.isEmpty())
        return;
    whenListed([this, names] { attachNamed(names); });
}

void MainWindow::restoreSessionWhenListed()
{
    QSettings store;
    const QStringList tabs = store.value(QStringLiteral("session/tabs")).toStringList();
    const QStringList hostIds = store.value(QStringLiteral("session/hosts")).toStringList();
    if (tabs.isEmpty() && hostIds.isEmpty())
        return;
    whenListed([this, tabs, hostIds] { restoreSession(tabs, hostIds); });
}

void MainWindow::restoreSession(const QStringList &tabs, const QStringList &hostIds)
{
    if (!hostIds.isEmpty()) {
        QItemSelection selection;
        for (int row = 0; row < m_hostModel->rowCount(); ++row) {
            const QModelIndex index = m_hostModel->index(row);
            if (hostIds.contains(index.data(HostListModel::HostIdRole).toString()))
                selection.select(index, index);
        }
        if (!selection.isEmpty())
            m_hostList->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    }
    m_model->applyPending(); // rows delivered with the last listing are in the table
    QStringList gone;
    for (const QString &tab : tabs) {
        const int space = int(tab.indexOf(QLatin1Char(' ')));
        const QString kind = tab.left(space);
        const QString key = tab.mid(space + 1);
        if (space <= 0 || (kind != QLatin1String("console") && kind != QLatin1String("log")))
            continue; // not written by this version
        if (!m_model->contains(key)) {
            gone << key;
            continue;
        }
        const Ioc ioc = m_model->ioc(m_model->indexOf(key).row());
        // A unit removed while stopped may stay in systemd's memory a while as "not-found":
        // its row says so, but there is nothing to reopen.
        if (ioc.isUninstalled()) {
            gone << key;
            continue;
        }
        if (kind == QLatin1String("console"))
            m_iocTabs->restoreConsole(ioc);
        else
            m_iocTabs->showLogs(ioc);
    }
    restoreConsoleLayout(tabs,
                         QSettings().value(QStringLiteral("session/tabPlaces")).toStringList());
    if (!gone.isEmpty())
        m_messageBar->showMessage(
                tr("Not reopened: %n IOC(s) no longer listed: %1.", "", int(gone.size()))
                        .arg(gone.join(QStringLiteral(", "))),
                MessageBar::Kind::Warning);
}

void MainWindow::restoreConsoleLayout(const QStringList &tabs, const QStringList &places)
{
    QSettings store;
    const QString split = store.value(QStringLiteral("session/consoleSplit")).toString();
    if (split == QLatin1String("stacked"))
        m_area->setSplitOrientation(Qt::Vertical);
    else if (split == QLatin1String("sideBySide"))
        m_area->setSplitOrientation(Qt::Horizontal);
    // Tabs were saved group by group, then the windows: each goes where it was, moving only
    // (a restored console stays read-only; nothing is sent). Groups whose IOCs are all gone
    // leave no gap.
    for (int i = 0; i < tabs.size() && i < places.size(); ++i) {
        QWidget *page = m_iocTabs->page(tabs.at(i));
        if (!page)
            continue;
        bool isGroup = false;
        const int group = places.at(i).toInt(&isGroup);
        if (places.at(i) == QLatin1String("window"))
            m_area->undock(page);
        else if (isGroup && group > 0)
            m_area->moveToGroup(page, qMin(group, int(m_area->groups().size())));
    }
    if (m_area->groups().size() > 1)
        m_area->splitter()->restoreState(
                store.value(QStringLiteral("session/consoleSplitter")).toByteArray());
}

void MainWindow::attachNamed(const QStringList &names)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const Ioc ioc = m_model->ioc(row);
        if (!names.contains(ioc.name))
            continue;
        m_iocTabs->attach(ioc);
        const QModelIndex shown = m_proxy->mapFromSource(m_model->index(row, 0));
        m_table->selectionModel()->select(shown,
                                          QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

void MainWindow::saveScreenshotWhenSettled(const QString &file, int timeoutMs)
{
    auto grab = [this, file] {
        auto *poll = new QTimer(this);
        auto waited = std::make_shared<QElapsedTimer>();
        waited->start();
        connect(poll, &QTimer::timeout, this, [this, file, poll, waited] {
            const bool settled = m_model->showsEveryRunningPid();
            if (waited->elapsed() < 1000 || (!settled && waited->elapsed() < 10000))
                return;
            poll->stop();
            poll->deleteLater();
            saveScreenshot(file, true);
        });
        poll->start(200);
    };
    if (isReady()) {
        grab();
    } else {
        auto *once = new QObject(this);
        connect(this, &MainWindow::ready, once, [grab, once] {
            delete once;
            grab();
        });
    }
    // Never hang a CI run: take whatever is there in the end.
    QTimer::singleShot(timeoutMs, this, [this, file] {
        if (!m_screenshotSaved && !isReady())
            saveScreenshot(file, false);
    });
}

void MainWindow::saveScreenshot(const QString &file, bool settled)
{
    if (m_screenshotSaved)
        return;
    m_screenshotSaved = true;
    const bool saved = grab().save(file);
    if (!saved)
        qCWarning(lcMainWindow) << "could not write" << file;
    if (!settled)
        qCWarning(lcMainWindow) << "hosts not ready in time; took the screenshot anyway";
    emit screenshotSaved(saved, settled);
}

void MainWindow::applySettings(const Settings &settings)
{
    const bool patternsChanged = settings.unitPatterns != m_settings.unitPatterns;
    const bool historyChanged = settings.eventHistoryHours != m_settings.eventHistoryHours;
    m_settings = settings;
    if (historyChanged && m_readyEmitted) {
        // For the hosts listed from now on; those listed keep what was read (Load Earlier).
        m_eventHistory->setSince(historySince());
        m_eventsPane->loadEarlierButton()->setEnabled(settings.eventHistoryHours > 0
                                                      || m_eventHistory->earliest().isValid());
    }
    m_actions->setConfirmationsEnabled(settings.confirmActions);
    m_iocTabs->setSettings(settings);
    if (patternsChanged) {
        // Each inventory lists again with the new patterns; rows come and go as usual.
        const QList<Host *> hosts = m_fleet->hosts();
        for (const Host *host : hosts) {
            if (Inventory *inventory = m_fleet->inventory(host))
                inventory->setUnitPatterns(settings.unitPatterns);
        }
    }
}

QDateTime MainWindow::historySince() const
{
    if (m_settings.eventHistoryHours <= 0)
        return {};
    return QDateTime::currentDateTimeUtc().addSecs(-3600LL * m_settings.eventHistoryHours);
}

void MainWindow::showSettingsDialog()
{
    auto *dialog = new SettingsDialog(m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Settings settings = dialog->settings();
        QSettings store;
        settings.save(store);
        applySettings(settings);
    });
    dialog->open();
}

Host *MainWindow::addRememberedHost(const QString &spec, QString *error)
{
    Host *host = m_fleet->addHost(spec, error);
    if (!host)
        return nullptr;
    m_ownHosts << host;
    rememberHosts();
    return host;
}

bool MainWindow::removeRememberedHost(Host *host)
{
    if (!m_ownHosts.contains(host))
        return false;
    m_ownHosts.removeAll(host);
    m_hostMessages.remove(host);
    m_failedHosts.remove(host);
    // Its rows go from the models; its open consoles and logs are sessions of their own and
    // stay until closed.
    m_fleet->removeHost(host);
    rememberHosts();
    checkReady();
    return true;
}

void MainWindow::loadRememberedHosts()
{
    const QStringList specs = QSettings().value(QStringLiteral("hosts/remembered")).toStringList();
    for (const QString &spec : specs) {
        bool shown = false;
        const QList<Host *> hosts = m_fleet->hosts();
        for (const Host *host : hosts)
            shown = shown || host->spec() == spec;
        if (shown)
            continue;
        if (Host *host = m_fleet->addHost(spec))
            m_ownHosts << host;
    }
}

void MainWindow::rememberHosts() const
{
    QStringList specs;
    for (const Host *host : m_ownHosts)
        specs << host->spec();
    QSettings().setValue(QStringLiteral("hosts/remembered"), specs);
}

void MainWindow::showAddHostDialog()
{
    auto *dialog = new HostDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QStringList ids;
    const QList<Host *> hosts = m_fleet->hosts();
    for (const Host *host : hosts)
        ids << host->id();
    dialog->setExistingIds(ids);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        QString error;
        if (!addRememberedHost(dialog->spec(), &error))
            m_messageBar->showMessage(error, MessageBar::Kind::Error);
    });
    dialog->open();
}

void MainWindow::removeSelectedHost()
{
    Host *host = m_hostModel->host(m_hostList->currentIndex().row());
    if (!host)
        return;
    if (!removeRememberedHost(host))
        m_messageBar->showMessage(tr("%1 was given on the command line and stays for this session.")
                                          .arg(host->displayName()),
                                  MessageBar::Kind::Information);
}

void MainWindow::showHostMenu(const QPoint &pos)
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(tr("&Add Host…"), this, &MainWindow::showAddHostDialog);
    Host *host = m_hostModel->host(m_hostList->indexAt(pos).row());
    if (host) {
        QAction *newIoc = menu->addAction(tr("&New IOC on %1…").arg(host->displayName()), this,
                                          [this, host] { m_actions->newIoc(host); });
        QString why;
        newIoc->setEnabled(NewIocDialog::isWritable(host, &why));
        newIoc->setToolTip(why);
        QAction *reconnect = menu->addAction(tr("Re&connect %1").arg(host->displayName()), host,
                                             &Host::connectToManager);
        reconnect->setEnabled(host->state() == Host::State::Failed);
        QAction *remove = menu->addAction(tr("&Remove %1").arg(host->displayName()), this,
                                          [this, host] { removeRememberedHost(host); });
        remove->setEnabled(m_ownHosts.contains(host));
    }
    menu->popup(m_hostList->viewport()->mapToGlobal(pos));
}

void MainWindow::handleSelectionChanged()
{
    m_actions->setSelection(m_table->selectedIocs());
}

void MainWindow::handleHostSelectionChanged()
{
    QSet<QString> ids;
    const QModelIndexList rows = m_hostList->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        const QString id = index.data(HostListModel::HostIdRole).toString();
        if (id.isEmpty()) { // "All hosts"
            ids.clear();
            break;
        }
        ids.insert(id);
    }
    m_proxy->setHosts(ids);
    updateStatusLine();
}

void MainWindow::handleDoubleClicked(const QModelIndex &index)
{
    m_iocTabs->attach(index.data(IocTableModel::IocRole).value<Ioc>());
}

void MainWindow::handleStatsTimer()
{
    m_model->refreshTimes();
    // Memory and CPU emit no change signals: poll them for the rows on screen only.
    QHash<IocRuntime *, QStringList> keysByRuntime;
    const QList<Ioc> visible = m_table->visibleIocs();
    for (const Ioc &ioc : visible) {
        IocRuntime *runtime = ioc.isActive() ? m_fleet->runtimeFor(ioc) : nullptr;
        const Host *host = m_fleet->hostFor(ioc);
        if (runtime && host && host->state() == Host::State::Connected)
            keysByRuntime[runtime] << ioc.key();
    }
    for (auto it = keysByRuntime.constBegin(); it != keysByRuntime.constEnd(); ++it)
        it.key()->refreshStats(it.value());
}

void MainWindow::showTableMenu(const QPoint &pos)
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    for (QAction *action : m_actions->actions()) {
        if (action)
            menu->addAction(action);
        else
            menu->addSeparator();
    }
    menu->addAction(m_actions->runCommandAction());
    menu->addAction(m_actions->inOrderAction());
    menu->addSeparator();
    for (QAction *action : m_actions->writerActions())
        menu->addAction(action);
    menu->popup(m_table->viewport()->mapToGlobal(pos));
}

void MainWindow::updateStatusLine()
{
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    QString text = shown == total ? tr("%n IOC(s)", "", total)
                                  : tr("%1 of %n IOC(s) shown", "", total).arg(shown);
    if (!isReady())
        text = tr("%1 — still listing…").arg(text);
    statusBar()->showMessage(text);
    updatePlaceholder();
}

void MainWindow::updatePlaceholder()
{
    m_table->setPlaceholderText(m_proxy->emptyText(isReady(), m_filterBar->text()));
}

void MainWindow::restoreState()
{
    QSettings store;
    if (!restoreGeometry(store.value(QStringLiteral("mainWindow/geometry")).toByteArray())) {
        // First start: most of the screen, at least 1100×700 where the screen has room.
        const QScreen *screen = QGuiApplication::primaryScreen();
        const QRect available = screen ? screen->availableGeometry() : QRect(0, 0, 1280, 800);
        const QSize size(qMin(available.width(), qMax(1100, available.width() * 7 / 10)),
                         qMin(available.height(), qMax(700, available.height() * 7 / 10)));
        resize(size);
        move(available.center() - QPoint(size.width() / 2, size.height() / 2));
    }
    QMainWindow::restoreState(store.value(QStringLiteral("mainWindow/state")).toByteArray());
    m_table->horizontalHeader()->restoreState(
            store.value(QStringLiteral("mainWindow/header")).toByteArray());
    m_mainSplitter->restoreState(
            store.value(QStringLiteral("mainWindow/mainSplitter")).toByteArray());
    m_topSplitter->restoreState(
            store.value(QStringLiteral("mainWindow/topSplitter")).toByteArray());
    // The splitter's state holds its orientation: the console layout.
    (m_mainSplitter->orientation() == Qt::Vertical ? m_consolesBelowAction : m_consolesBesideAction)
            ->setChecked(true);
    m_hostsPaneAction->setChecked(
            store.value(QStringLiteral("mainWindow/hostsPane"), true).toBool());
    // Where detached windows were: the next detach of the same page opens there.
    QHash<QString, QByteArray> geometries;
    const QVariantMap saved = store.value(QStringLiteral("session/windowGeometry")).toMap();
    for (auto it = saved.constBegin(); it != saved.constEnd(); ++it)
        geometries.insert(it.key(), it.value().toByteArray());
    m_area->setWindowGeometries(geometries);
}

void MainWindow::saveState() const
{
    QSettings store;
    store.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    store.setValue(QStringLiteral("mainWindow/state"), QMainWindow::saveState());
    store.setValue(QStringLiteral("mainWindow/header"), m_table->horizontalHeader()->saveState());
    store.setValue(QStringLiteral("mainWindow/mainSplitter"), m_mainSplitter->saveState());
    store.setValue(QStringLiteral("mainWindow/topSplitter"), m_topSplitter->saveState());
    store.setValue(QStringLiteral("mainWindow/hostsPane"), m_hostsPaneAction->isChecked());
    // What restoreSessionWhenListed() reopens at the next start, and where.
    store.setValue(QStringLiteral("session/tabs"), m_iocTabs->openTabs());
    store.setValue(QStringLiteral("session/tabPlaces"), m_iocTabs->openTabPlaces());
    const ConsoleArea::Split split = m_area->split();
    store.setValue(QStringLiteral("session/consoleSplit"),
                   split == ConsoleArea::Split::SideBySide        ? QStringLiteral("sideBySide")
                           : split == ConsoleArea::Split::Stacked ? QStringLiteral("stacked")
                                                                  : QStringLiteral("single"));
    store.setValue(QStringLiteral("session/consoleSplitter"), m_area->splitter()->saveState());
    QVariantMap geometries;
    const QHash<QString, QByteArray> windows = m_area->windowGeometries();
    for (auto it = windows.constBegin(); it != windows.constEnd(); ++it)
        geometries.insert(it.key(), it.value());
    store.setValue(QStringLiteral("session/windowGeometry"), geometries);
    QStringList hostIds;
    const QModelIndexList rows = m_hostList->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        const QString id = index.data(HostListModel::HostIdRole).toString();
        if (id.isEmpty()) { // "All hosts"
            hostIds.clear();
            break;
        }
        hostIds << id;
    }
    store.setValue(QStringLiteral("session/hosts"), hostIds);
}

int MainWindow::openConsoleCount() const
{
    return static_cast<int>(m_area->views().size());
}

void MainWindow::askToQuit()
{
    QStringList names;
    const QList<ConsoleView *> views = m_area->views();
    for (const ConsoleView *view : views)
        names << view->ioc().name;
    const int open = static_cast<int>(names.size());
    if (names.size() > 8)
        names = names.mid(0, 8) << QStringLiteral("…");
    auto *box = new QMessageBox(
            QMessageBox::Question, tr("Quit iocdock?"),
            tr("%n console(s) are open: %1.", "", open).arg(names.join(QStringLiteral(", "))),
            QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("quitConfirmation"));
    box->setInformativeText(tr("Quitting closes them. Nothing is sent to the IOCs; they keep "
                               "running."));
    QPushButton *quit = box->addButton(tr("&Quit"), QMessageBox::AcceptRole);
    quit->setObjectName(QStringLiteral("quitButton"));
    box->setDefaultButton(qobject_cast<QPushButton *>(box->button(QMessageBox::Cancel)));
    box->setEscapeButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, this, [this, box, quit](int) {
        if (box->clickedButton() != quit)
            return;
        m_quitConfirmed = true;
        close();
    });
    box->open(); // no nested event loop
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_confirmQuit && !m_quitConfirmed && openConsoleCount() > 0) {
        event->ignore();
        if (!findChild<QMessageBox *>(QStringLiteral("quitConfirmation")))
            askToQuit();
        return;
    }
    m_quitConfirmed = false;
    saveState();
    m_area->closeAll(); // closes sessions and windows without sending anything to the IOCs
    QMainWindow::closeEvent(event);
}
