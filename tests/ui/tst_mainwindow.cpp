// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// The real main window on the sandbox's systemd user manager with real procServ + iocsim
// units: the table fills, filters, starts and stops IOCs, and opens a console on double-click.

#include "core/hosts/host.h"
#include "core/ioc/inventory.h"
#include "core/systemd/systemdmanager.h"
#include "tests/common/sandbox.h"
#include "ui/console/consolearea.h"
#include "ui/console/consoletabwidget.h"
#include "ui/console/consoleview.h"
#include "ui/filterbar.h"
#include "ui/iocactions.h"
#include "ui/iocdetailswidget.h"
#include "ui/iocfilterproxymodel.h"
#include "ui/ioctablemodel.h"
#include "ui/ioctableview.h"
#include "ui/ioctabs.h"
#include "ui/mainwindow.h"
#include "ui/messagearea.h"
#include "ui/messagebar.h"
#include "ui/shortcutsdialog.h"

#include <QActionGroup>
#include <QBuffer>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>

#include <qtermwidget.h>

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void firstWindowFitsTheScreen();
    void tableFills();
    void filtersByName();
    void invalidFilterIsShownInline();
    void startButtonStartsTheSelectedIoc();
    void cancelledStopChangesNothing();
    void confirmedStopStopsTheIoc();
    void doubleClickOpensTheConsole();
    void detailsOfAnUnloadedIocAreRead();
    void messagesMoveNothing();
    void tabLeavesTheTable();
    void statusKeepsTheStateWord();
    void emptyFilterSaysSo();
    void shortcutsOverlayListsTheActionsShortcuts();
    void viewMenuTogglesColumnsHostsAndLayout();
    void helpIsWhereTheHandsAre();
    void consoleKeysGoToTheConsole();
    void attachWhenListedOpensTheConsole();
    void screenshotOnceSettled();
    void quitAsksWhileConsolesAreOpen();

private:
    ConsoleView *openConsole(const QString &iocName);
    QString key(const QString &iocName) const;
    int proxyRow(const QString &iocName) const;
    QString statusOf(const QString &iocName) const;
    void selectOnly(const QString &iocName);
    void clickAction(QAction *action);

    Sandbox m_sandbox;
    Host *m_host = nullptr;
    MainWindow *m_window = nullptr;
    const QString m_running = QStringLiteral("tstmainwindow-run");
    const QString m_stopped = QStringLiteral("tstmainwindow-stop");
    const QString m_idle = QStringLiteral("tstmainwindow-idle"); // installed, never loaded
    QStringList m_questions; // what the confirmation seam was asked
    bool m_answer = false;
};

static QString unitOf(const QString &iocName)
{
    return QStringLiteral("procserv-%1.service").arg(iocName);
}

QString TestMainWindow::key(const QString &iocName) const
{
    return m_host->id() + QLatin1Char('/') + unitOf(iocName);
}

int TestMainWindow::proxyRow(const QString &iocName) const
{
    const QModelIndex source = m_window->model()->indexOf(key(iocName));
    return m_window->proxyModel()->mapFromSource(source).row();
}

QString TestMainWindow::statusOf(const QString &iocName) const
{
    return m_window->model()->indexOf(key(iocName)).data(IocTableModel::StatusRole).toString();
}

void TestMainWindow::selectOnly(const QString &iocName)
{
    QTableView *table = m_window->tableView();
    const int row = proxyRow(iocName);
    QVERIFY(row >= 0);
    const QRect rect = table->visualRect(m_window->proxyModel()->index(row, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(table->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(m_window->iocActions()->selection().value(0).name, iocName);
}

void TestMainWindow::clickAction(QAction *action)
{
    auto *toolBar = m_window->findChild<QToolBar *>(QStringLiteral("actionsToolBar"));
    QVERIFY(toolBar);
    auto *button = qobject_cast<QToolButton *>(toolBar->widgetForAction(action));
    QVERIFY(button);
    QVERIFY2(button->isEnabled(), qPrintable(action->objectName()));
    QTest::mouseClick(button, Qt::LeftButton);
}

void TestMainWindow::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    QCoreApplication::setOrganizationName(QStringLiteral("iocdock-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QSettings().clear(); // the sandbox's XDG_CONFIG_HOME: no state from an earlier run
    Q_INIT_RESOURCE(iocdock);

    QVERIFY(m_sandbox.installUnit(unitOf(m_running), Sandbox::procServUtilsUnit(m_running)));
    QVERIFY(m_sandbox.installUnit(unitOf(m_stopped), Sandbox::procServUtilsUnit(m_stopped)));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unitOf(m_running) }));
    // Loaded but inactive, so it shows up at once with the loaded units.
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("stop"), unitOf(m_stopped) }));

    m_host = Host::fromSpec(QStringLiteral("user"), this);
    QVERIFY(m_host);
    m_window = new MainWindow({ m_host });
    m_window->iocActions()->setConfirm([this](const QString &, const QString &text, const QString &,
                                              std::function<void(bool)> answer) {
        m_questions << text;
        answer(m_answer);
    });
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestMainWindow::cleanupTestCase()
{
    delete m_window;
    if (Sandbox::isAvailable()) {
        m_sandbox.removeUnit(unitOf(m_running));
        m_sandbox.removeUnit(unitOf(m_stopped));
        m_sandbox.removeUnit(unitOf(m_idle));
    }
}

void TestMainWindow::init()
{
    // Every test starts from a listed table (tests may also be run one by one).
    QTRY_VERIFY_WITH_TIMEOUT(m_window->model()->contains(key(m_running)), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->model()->contains(key(m_stopped)), 20000);
}

void TestMainWindow::tableFills()
{
    QTRY_VERIFY_WITH_TIMEOUT(m_window->model()->contains(key(m_running)), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->model()->contains(key(m_stopped)), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(m_running), QStringLiteral("running"), 20000);
    QCOMPARE(statusOf(m_stopped), QStringLiteral("exited"));
    const QModelIndex console =
            m_window->model()->indexOf(key(m_running), IocTableModel::ConsoleColumn);
    QCOMPARE(console.data().toString(),
             QStringLiteral("unix:") + m_sandbox.procServUtilsSocket(m_running));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->isReady(), 60000);
}

void TestMainWindow::filtersByName()
{
    QLineEdit *edit = m_window->filterBar()->lineEdit();
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("tstmainwindow"));
    QCOMPARE(m_window->proxyModel()->rowCount(), 2);
    QTest::keyClicks(edit, QStringLiteral("-st"));
    QCOMPARE(m_window->proxyModel()->rowCount(), 1);
    QCOMPARE(m_window->proxyModel()->index(0, IocTableModel::NameColumn).data().toString(),
             m_stopped);
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("name=tstmainwindow-*"));
    QCOMPARE(m_window->proxyModel()->rowCount(), 2);
}

void TestMainWindow::invalidFilterIsShownInline()
{
    QLineEdit *edit = m_window->filterBar()->lineEdit();
    auto *errorLabel = m_window->findChild<QLabel *>(QStringLiteral("filterErrorLabel"));
    QVERIFY(errorLabel);
    QVERIFY(!errorLabel->isVisible());
    edit->setText(QStringLiteral("name=tstmainwindow-* status=nonsense"));
    QVERIFY(errorLabel->isVisible());
    QVERIFY(!errorLabel->text().isEmpty());
    QVERIFY(edit->styleSheet().contains(QStringLiteral("border")));
    // The last valid filter stays applied while the user types.
    QCOMPARE(m_window->proxyModel()->rowCount(), 2);
    edit->setText(QStringLiteral("name=tstmainwindow-*"));
    QVERIFY(!errorLabel->isVisible());
    QCOMPARE(m_window->proxyModel()->rowCount(), 2);
}

void TestMainWindow::startButtonStartsTheSelectedIoc()
{
    selectOnly(m_stopped);
    QVERIFY(!m_window->iocActions()->stopAction()->isEnabled());
    clickAction(m_window->iocActions()->startAction());
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(m_stopped), QStringLiteral("running"), 20000);
    QCOMPARE(m_sandbox.unitProperty(unitOf(m_stopped), QStringLiteral("ActiveState")),
             QStringLiteral("active"));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->messageBar()->kind(), MessageBar::Kind::Success, 20000);
    QVERIFY(m_window->messageBar()->text().contains(m_stopped));
    QTRY_VERIFY(m_window->iocActions()->stopAction()->isEnabled());
}

void TestMainWindow::cancelledStopChangesNothing()
{
    selectOnly(m_running);
    m_questions.clear();
    m_answer = false;
    m_window->messageBar()->hideMessage();
    clickAction(m_window->iocActions()->stopAction());
    QCOMPARE(m_questions.size(), 1);
    QVERIFY(m_questions.first().contains(m_running));
    QVERIFY(m_questions.first().contains(m_host->id()));
    // A "no" sends nothing: no job message, the unit stays active, the row stays running.
    QVERIFY(m_window->messageBar()->isHidden());
    QCOMPARE(m_sandbox.unitProperty(unitOf(m_running), QStringLiteral("ActiveState")),
             QStringLiteral("active"));
    QCOMPARE(statusOf(m_running), QStringLiteral("running"));
}

void TestMainWindow::confirmedStopStopsTheIoc()
{
    selectOnly(m_stopped);
    m_questions.clear();
    m_answer = true;
    m_window->messageBar()->hideMessage();
    clickAction(m_window->iocActions()->stopAction());
    QCOMPARE(m_questions.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(m_stopped), QStringLiteral("exited"), 20000);
    QCOMPARE(m_sandbox.unitProperty(unitOf(m_stopped), QStringLiteral("ActiveState")),
             QStringLiteral("inactive"));
    QTRY_VERIFY_WITH_TIMEOUT(
            m_window->messageBar()->kind() == MessageBar::Kind::Success
                    && m_window->messageBar()->text().startsWith(QStringLiteral("Stopped")),
            20000);
    // The other IOC was not touched.
    QCOMPARE(statusOf(m_running), QStringLiteral("running"));
}

void TestMainWindow::doubleClickOpensTheConsole()
{
    QTableView *table = m_window->tableView();
    const int row = proxyRow(m_running);
    QVERIFY(row >= 0);
    const QRect rect = table->visualRect(m_window->proxyModel()->index(row, 0));
    // A real double-click is press, release, double-click, release; QTest::mouseDClick alone
    // sends no first release, and QAbstractItemView then ignores it.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, rect.center());

    ConsoleTabWidget *tabs = m_window->bottomTabs();
    QVERIFY2(tabs->isVisible(), qPrintable(m_window->messageBar()->text()));
    ConsoleView *view = tabs->viewFor(key(m_running));
    QVERIFY(view);
    QCOMPARE(tabs->currentWidget(), view);
    const auto screenText = [view] {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        view->terminal()->saveHistory(&buffer);
        return QString::fromUtf8(buffer.data());
    };
    QTRY_VERIFY_WITH_TIMEOUT(screenText().contains(QStringLiteral("Welcome to procServ")), 20000);

    // A second double-click focuses the same tab instead of opening another.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(tabs->count(), 1);
}

void TestMainWindow::detailsOfAnUnloadedIocAreRead()
{
    QVERIFY(m_sandbox.installUnit(unitOf(m_idle), Sandbox::procServUtilsUnit(m_idle)));
    // list-units --all names loaded units only (and loads nothing): systemd let it go.
    auto loaded = [this] {
        QByteArray out;
        m_sandbox.systemctl({ QStringLiteral("list-units"), QStringLiteral("--all"),
                              QStringLiteral("--plain"), QStringLiteral("--no-legend"),
                              unitOf(m_idle) },
                            &out);
        return out.contains(unitOf(m_idle).toUtf8());
    };
    QTRY_VERIFY_WITH_TIMEOUT(!loaded(), 15000);
    // The row comes from the unit file listing, with the console its file (read, not loaded
    // into systemd) gives.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->model()->contains(key(m_idle)), 20000);
    auto console = [this] {
        return m_window->model()
                ->indexOf(key(m_idle), IocTableModel::ConsoleColumn)
                .data()
                .toString();
    };
    const QString expected = QStringLiteral("unix:") + m_sandbox.procServUtilsSocket(m_idle);
    QTRY_COMPARE_WITH_TIMEOUT(console(), expected, 20000);
    QVERIFY(!loaded());

    // Details: read from systemd then, as `systemctl show` would; the row learns it too.
    selectOnly(m_idle);
    clickAction(m_window->iocActions()->detailsAction());
    auto *details = qobject_cast<IocDetailsWidget *>(m_window->bottomTabs()->currentWidget());
    QVERIFY(details);
    QCOMPARE(details->key(), key(m_idle));
    auto detailsValue = [details](const QString &field) {
        QTreeWidget *tree = details->tree();
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            if (tree->topLevelItem(i)->text(0) == field)
                return tree->topLevelItem(i)->text(1);
        }
        return QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(detailsValue(QStringLiteral("console")), expected, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(console(), expected, 10000);
    QCOMPARE(statusOf(m_idle), QStringLiteral("exited"));
}

void TestMainWindow::firstWindowFitsTheScreen()
{
    // No saved geometry yet (initTestCase cleared the settings): a size from the screen.
    MainWindow fresh({});
    const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
    QVERIFY2(fresh.width() <= available.width() && fresh.height() <= available.height(),
             qPrintable(QStringLiteral("%1x%2").arg(fresh.width()).arg(fresh.height())));
    QVERIFY(fresh.width() >= qMin(1100, available.width()));
    QVERIFY(fresh.height() >= qMin(700, available.height()));
    QVERIFY(fresh.width() >= available.width() * 7 / 10);
}

ConsoleView *TestMainWindow::openConsole(const QString &iocName)
{
    // Opens it, or shows the tab already open.
    const Ioc ioc = m_window->model()->ioc(m_window->model()->indexOf(key(iocName)).row());
    m_window->tabs()->attach(ioc);
    ConsoleView *view = m_window->bottomTabs()->viewFor(key(iocName));
    if (view && m_window->bottomTabs()->currentWidget() != view)
        return nullptr;
    return view;
}

void TestMainWindow::messagesMoveNothing()
{
    ConsoleView *view = openConsole(m_running); // its toolbar must not move either
    QVERIFY(view);
    auto *consoleBar = view->findChild<QToolBar *>(QStringLiteral("consoleToolBar"));
    QVERIFY(consoleBar);
    MessageBar *bar = m_window->messageBar();
    bar->hideMessage();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    auto where = [this](const QWidget *w) {
        return QRect(w->mapTo(m_window, QPoint(0, 0)), w->size());
    };
    const QRect table = where(m_window->tableView());
    const QRect filter = where(m_window->filterBar());
    const QRect console = where(consoleBar);
    bar->showMessage(QStringLiteral("Could not stop 2 IOC(s):\na: access denied\nb: timeout"),
                     MessageBar::Kind::Error);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QVERIFY(bar->isVisible());
    QCOMPARE(where(m_window->tableView()), table);
    QCOMPARE(where(m_window->filterBar()), filter);
    QCOMPARE(where(consoleBar), console);
    bar->hideMessage();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCOMPARE(where(m_window->tableView()), table);
    QCOMPARE(where(consoleBar), console);
    // Gone from the bar, kept in the history.
    QCOMPARE(bar->history().constLast().text,
             QStringLiteral("Could not stop 2 IOC(s):\na: access denied\nb: timeout"));
}

void TestMainWindow::tabLeavesTheTable()
{
    QApplication::setActiveWindow(m_window);
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    selectOnly(m_stopped);
    QTableView *table = m_window->tableView();
    table->setFocus();
    QTRY_VERIFY(table->hasFocus());
    const QModelIndex current = table->currentIndex();
    QTest::keyClick(table, Qt::Key_Tab);
    QVERIFY2(!table->hasFocus(), "Tab stayed in the table");
    QCOMPARE(table->currentIndex(), current);
    QCOMPARE(table->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(m_window->iocActions()->selection().value(0).name, m_stopped);
    // Back with Shift+Tab: still the same IOC.
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Backtab);
    QVERIFY(!table->hasFocus());
    QCOMPARE(m_window->iocActions()->selection().value(0).name, m_stopped);
}

void TestMainWindow::statusKeepsTheStateWord()
{
    auto *table = qobject_cast<IocTableView *>(m_window->tableView());
    QVERIFY(table);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(m_running), QStringLiteral("running"), 20000);
    const QModelIndex status =
            m_window->proxyModel()->index(proxyRow(m_running), IocTableModel::StatusColumn);
    const QString full = status.data().toString(); // "Up 3 minutes"
    QVERIFY2(full.startsWith(QStringLiteral("Up ")), qPrintable(full));
    const int width = table->columnWidth(IocTableModel::StatusColumn);
    // Narrower than the text: the state word stays, the end goes.
    table->setColumnWidth(IocTableModel::StatusColumn,
                          table->fontMetrics().horizontalAdvance(QStringLiteral("Up 12"))
                                  + table->iconSize().width() + 30);
    const QString shown = table->shownText(status);
    table->setColumnWidth(IocTableModel::StatusColumn, width);
    // The beginning of the text and "…": not "U…es" as a middle elision would cut it.
    QVERIFY2(shown.size() > 2 && shown.endsWith(QChar(0x2026)) && full.startsWith(shown.chopped(1)),
             qPrintable(shown));
    QVERIFY(status.data(Qt::ToolTipRole).toString().startsWith(full));
}

void TestMainWindow::emptyFilterSaysSo()
{
    auto *table = qobject_cast<IocTableView *>(m_window->tableView());
    QVERIFY(table);
    QVERIFY(!table->isPlaceholderVisible());
    m_window->filterBar()->setText(QStringLiteral("nosuchioc-xyz"));
    QCOMPARE(m_window->proxyModel()->rowCount(), 0);
    QVERIFY(table->isPlaceholderVisible());
    QVERIFY2(table->placeholderText().contains(QStringLiteral("“nosuchioc-xyz”")),
             qPrintable(table->placeholderText()));
    m_window->filterBar()->setText(QStringLiteral("nosuchioc-abc"));
    QVERIFY(table->placeholderText().contains(QStringLiteral("“nosuchioc-abc”")));
    m_window->filterBar()->setText(QString());
    QVERIFY(m_window->proxyModel()->rowCount() > 0);
    QVERIFY(!table->isPlaceholderVisible());
}

// Every action of the menus with its keys, as a person reads them.
static void collectShortcuts(const QList<QAction *> &actions,
                             QList<QPair<QString, QStringList>> *out)
{
    for (QAction *action : actions) {
        if (action->menu()) {
            collectShortcuts(action->menu()->actions(), out);
            continue;
        }
        QStringList keys;
        for (const QKeySequence &sequence : action->shortcuts())
            keys << sequence.toString(QKeySequence::NativeText);
        if (action->isSeparator() || keys.isEmpty())
            continue;
        QString text = action->text();
        text.remove(QLatin1Char('&'));
        text.remove(QChar(0x2026));
        out->append({ text.trimmed(), keys });
    }
}

void TestMainWindow::shortcutsOverlayListsTheActionsShortcuts()
{
    QApplication::setActiveWindow(m_window);
    m_window->tableView()->setFocus();
    QTRY_VERIFY(m_window->tableView()->hasFocus());
    QTest::keyClick(m_window->tableView(), Qt::Key_F1);
    auto *dialog = m_window->findChild<ShortcutsDialog *>(QStringLiteral("shortcutsDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());

    QList<QPair<QString, QStringList>> expected;
    collectShortcuts(m_window->menuBar()->actions(), &expected);
    QVERIFY(expected.size() >= 10); // the IOC actions, Quit, Refresh, F1 ...
    const auto shown = [dialog](const QString &action, const QString &key) {
        for (QTreeWidgetItemIterator it(dialog->tree()); *it; ++it) {
            if ((*it)->text(0) == action
                && (*it)->text(1).split(QStringLiteral(", ")).contains(key))
                return true;
        }
        return false;
    };
    for (const auto &action : std::as_const(expected)) {
        for (const QString &key : action.second)
            QVERIFY2(shown(action.first, key), qPrintable(action.first + u' ' + key));
    }
    QVERIFY(shown(QStringLiteral("Start"), QStringLiteral("Ctrl+S")));
    QVERIFY(shown(QStringLiteral("Keyboard Shortcuts"), QStringLiteral("F1")));
    // The console area's layout and tab commands (View ▸ Console Layout).
    QVERIFY(shown(QStringLiteral("Side by Side"), QStringLiteral("Ctrl+Alt+2")));
    QVERIFY(shown(QStringLiteral("Move to Other Pane"), QStringLiteral("Ctrl+Shift+M")));
    QVERIFY(shown(QStringLiteral("Detach to Window"), QStringLiteral("Ctrl+Shift+D")));

    // Read from the actions, not from a list of its own: a changed shortcut shows as it is.
    auto *refresh = m_window->findChild<QAction *>(QStringLiteral("refreshAction"));
    QVERIFY(refresh);
    const QList<QKeySequence> before = refresh->shortcuts();
    refresh->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_F5));
    dialog->close();
    QVERIFY(!dialog->isVisible());
    // Ctrl+? opens it too.
    QApplication::setActiveWindow(m_window);
    m_window->tableView()->setFocus();
    QTest::keyClick(m_window->tableView(), Qt::Key_Question, Qt::ControlModifier);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(shown(
            QStringLiteral("Refresh"),
            QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_F5).toString(QKeySequence::NativeText)));
    QVERIFY(!shown(QStringLiteral("Refresh"), QStringLiteral("F5")));
    refresh->setShortcuts(before);
    dialog->close();
    // The window has the keys again (the dialog took them while open).
    m_window->activateWindow();
    QTRY_COMPARE(QGuiApplication::focusWindow(), m_window->windowHandle());
    QTRY_VERIFY(m_window->isActiveWindow());
}

void TestMainWindow::viewMenuTogglesColumnsHostsAndLayout()
{
    auto *columns = m_window->findChild<QMenu *>(QStringLiteral("viewColumnsMenu"));
    QVERIFY(columns);
    emit columns->aboutToShow(); // as when it opens
    const QString pidTitle =
            m_window->model()->headerData(IocTableModel::PidColumn, Qt::Horizontal).toString();
    QAction *pid = nullptr;
    for (QAction *action : columns->actions()) {
        if (action->text() == pidTitle)
            pid = action;
    }
    QVERIFY(pid);
    QHeaderView *header = m_window->tableView()->horizontalHeader();
    QVERIFY(pid->isChecked());
    QVERIFY(!header->isSectionHidden(IocTableModel::PidColumn));
    pid->trigger();
    QVERIFY(header->isSectionHidden(IocTableModel::PidColumn));
    emit columns->aboutToShow();
    for (QAction *action : columns->actions()) {
        if (action->text() == pidTitle) {
            QVERIFY(!action->isChecked()); // the menu says what the header shows
            action->trigger();
        }
    }
    QVERIFY(!header->isSectionHidden(IocTableModel::PidColumn));

    auto *hostsPane = m_window->findChild<QAction *>(QStringLiteral("hostsPaneAction"));
    auto *hostList = m_window->findChild<QWidget *>(QStringLiteral("hostList"));
    QVERIFY(hostsPane && hostList);
    QVERIFY(hostList->isVisible());
    hostsPane->trigger();
    QVERIFY(!hostList->isVisible());
    hostsPane->trigger();
    QVERIFY(hostList->isVisible());

    auto *splitter = m_window->findChild<QSplitter *>(QStringLiteral("mainSplitter"));
    auto *beside = m_window->findChild<QAction *>(QStringLiteral("consolesBesideAction"));
    auto *below = m_window->findChild<QAction *>(QStringLiteral("consolesBelowAction"));
    QVERIFY(splitter && beside && below);
    QCOMPARE(splitter->orientation(), Qt::Vertical);
    beside->trigger();
    QCOMPARE(splitter->orientation(), Qt::Horizontal);
    QVERIFY(!below->isChecked());
    below->trigger();
    QCOMPARE(splitter->orientation(), Qt::Vertical);

    // The console area splits into panes of tabs and back into one.
    auto *sideBySide = m_window->findChild<QAction *>(QStringLiteral("sideBySideAction"));
    auto *single = m_window->findChild<QAction *>(QStringLiteral("singlePaneAction"));
    QVERIFY(sideBySide && single);
    sideBySide->trigger();
    QCOMPARE(m_window->consoleArea()->split(), ConsoleArea::Split::SideBySide);
    QCOMPARE(m_window->consoleArea()->groups().size(), 2);
    QVERIFY(sideBySide->isChecked());
    single->trigger();
    QCOMPARE(m_window->consoleArea()->split(), ConsoleArea::Split::Single);
    QCOMPARE(m_window->consoleArea()->groups().size(), 1);
}

void TestMainWindow::helpIsWhereTheHandsAre()
{
    // The filter language from the filter bar: every key explained.
    FilterBar *bar = m_window->filterBar();
    QVERIFY(bar->helpButton());
    QVERIFY(bar->helpButton()->isVisible());
    QVERIFY(!bar->helpButton()->toolTip().isEmpty());
    for (const QString &key : IocFilter::keys())
        QVERIFY2(FilterBar::helpText().contains(key), qPrintable(key));
    QVERIFY(FilterBar::helpText().contains(QStringLiteral("status=running|failed")));

    // What's This on the state words of the table.
    const QModelIndex running =
            m_window->model()->indexOf(key(m_running), IocTableModel::StatusColumn);
    QTRY_VERIFY_WITH_TIMEOUT(running.data().toString().startsWith(QStringLiteral("Up")), 20000);
    QVERIFY2(running.data(Qt::WhatsThisRole).toString().contains(QStringLiteral("Up:")),
             qPrintable(running.data(Qt::WhatsThisRole).toString()));
    const QModelIndex stopped =
            m_window->model()->indexOf(key(m_stopped), IocTableModel::StatusColumn);
    if (stopped.data().toString().startsWith(QStringLiteral("Exited")))
        QVERIFY(stopped.data(Qt::WhatsThisRole).toString().contains(QStringLiteral("Exited")));
    QVERIFY(!m_window->model()
                     ->indexOf(key(m_running), IocTableModel::NameColumn)
                     .data(Qt::WhatsThisRole)
                     .isValid());

    // A screen reader names the toolbar, the table and the tabs.
    auto *toolBar = m_window->findChild<QToolBar *>(QStringLiteral("actionsToolBar"));
    QVERIFY(toolBar);
    for (QWidget *widget :
         { static_cast<QWidget *>(toolBar), static_cast<QWidget *>(m_window->tableView()),
           static_cast<QWidget *>(m_window->bottomTabs()),
           static_cast<QWidget *>(bar->lineEdit()) }) {
        QVERIFY2(!widget->accessibleName().isEmpty(), widget->metaObject()->className());
    }
    QCOMPARE(m_window->tableView()->accessibleName(), QStringLiteral("IOCs"));
}

void TestMainWindow::consoleKeysGoToTheConsole()
{
    ConsoleView *view = openConsole(m_running);
    QVERIFY(view);
    QTRY_COMPARE_WITH_TIMEOUT(view->connectionState(), ConsoleSession::State::Connected, 20000);
    const auto screenText = [view] {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        view->terminal()->saveHistory(&buffer);
        return QString::fromUtf8(buffer.data());
    };
    // procServ drops input while its child is down, and an IOC reads none before its prompt.
    QTRY_COMPARE_WITH_TIMEOUT(view->childState(), ChildState::Running, 20000);
    QApplication::setActiveWindow(m_window);
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    selectOnly(m_stopped); // the table's actions would act on another IOC
    view->setFocus();
    QTRY_VERIFY(view->isAncestorOf(QApplication::focusWidget()));
    QWidget *typing = QApplication::focusWidget();
    // The IOC may have printed its prompt before this console connected: then an empty line
    // (harmless to an IOC shell) asks for a fresh one.
    const auto atPrompt = [&screenText] {
        return screenText().trimmed().endsWith(QStringLiteral("epics>"));
    };
    if (!QTest::qWaitFor(atPrompt, 3000))
        QTest::keyClick(typing, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(atPrompt(), 20000);

    auto *quit = m_window->findChild<QAction *>(QStringLiteral("quitAction"));
    QVERIFY(quit);
    QList<QAction *> application{ quit };
    for (QAction *action : m_window->iocActions()->actions()) {
        if (action)
            application << action;
    }
    QList<QSignalSpy *> spies;
    for (QAction *action : application)
        spies << new QSignalSpy(action, &QAction::triggered);
    auto triggered = [&spies, &application] {
        QStringList names;
        for (int i = 0; i < spies.size(); ++i) {
            if (!spies.at(i)->isEmpty())
                names << application.at(i)->objectName();
        }
        return names.join(QLatin1Char(','));
    };

    // Outside a console Ctrl+Q is the quit shortcut (and quitting asks: consoles are open).
    QLineEdit *filter = m_window->filterBar()->lineEdit();
    filter->setFocus();
    QTRY_VERIFY(filter->hasFocus());
    QTest::keyClick(filter, Qt::Key_Q, Qt::ControlModifier);
    QCOMPARE(triggered(), QStringLiteral("quitAction"));
    auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("quitConfirmation"));
    QVERIFY(box);
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!m_window->findChild<QMessageBox *>(QStringLiteral("quitConfirmation")));
    QVERIFY(m_window->isVisible());
    for (QSignalSpy *spy : std::as_const(spies))
        spy->clear();
    QApplication::setActiveWindow(m_window);
    QVERIFY(QTest::qWaitForWindowActive(m_window));
    view->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), typing);

    QByteArray typed; // what the terminal hands to the view's send path (then the guard)
    connect(view->terminal(), &QTermWidget::sendData, this,
            [&typed](const char *data, int size) { typed.append(data, size); });
    // Ctrl+Q: not the quit action; the console's guard holds it back and says so.
    QTest::keyClick(typing, Qt::Key_Q, Qt::ControlModifier);
    QCOMPARE(triggered(), QString());
    QVERIFY(m_window->isVisible());
    QVERIFY(view->isMessageVisible());
    QVERIFY2(view->messageText().contains(QStringLiteral("Ctrl+Q")),
             qPrintable(view->messageText()));
    // Ctrl+R is guarded as well; Ctrl+. / Ctrl+E / Ctrl+L / Ctrl+I reach the IOC shell.
    QTest::keyClick(typing, Qt::Key_R, Qt::ControlModifier);
    QVERIFY2(view->messageText().contains(QStringLiteral("Ctrl+R")),
             qPrintable(view->messageText()));
    for (const int k : { int(Qt::Key_Period), int(Qt::Key_E), int(Qt::Key_L), int(Qt::Key_I) })
        QTest::keyClick(typing, Qt::Key(k), Qt::ControlModifier);
    QCOMPARE(triggered(), QString());

    // Return is the table's Attach; here it ends the line for the IOC.
    QTest::keyClick(typing, Qt::Key_U, Qt::ControlModifier); // drop what the keys above left
    QTest::keyClicks(typing, QStringLiteral("echo keys-reached"));
    QTest::keyClick(typing, Qt::Key_Return);
    QCOMPARE(triggered(), QString());
    // The IOC's answer: a line of its own (the typed line starts with the prompt).
    const QRegularExpression answer(QStringLiteral("^keys-reached\\s*$"),
                                    QRegularExpression::MultilineOption);
    QTRY_VERIFY2_WITH_TIMEOUT(screenText().contains(answer),
                              (screenText().right(200) + QStringLiteral("\n--- typed: ")
                               + QString::fromLatin1(typed.toPercentEncoding())
                               + QStringLiteral("\n--- bar: ") + view->messageText()
                               + QStringLiteral("\n--- status: ") + view->statusText())
                                      .toUtf8()
                                      .constData(),
                              20000);
    QCOMPARE(m_window->bottomTabs()->currentWidget(), view);
    QCOMPARE(statusOf(m_running), QStringLiteral("running"));
    qDeleteAll(spies);
}

void TestMainWindow::quitAsksWhileConsolesAreOpen()
{
    QVERIFY(openConsole(m_running));
    QCOMPARE(m_window->openConsoleCount(), 1);
    QVERIFY(!m_window->close()); // asks instead
    auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("quitConfirmation"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY2(box->text().contains(QStringLiteral("1 console")), qPrintable(box->text()));
    QVERIFY(box->text().contains(m_running));
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!m_window->findChild<QMessageBox *>(QStringLiteral("quitConfirmation")));
    QVERIFY(m_window->isVisible());
    QCOMPARE(m_window->openConsoleCount(), 1);

    QVERIFY(!m_window->close());
    box = m_window->findChild<QMessageBox *>(QStringLiteral("quitConfirmation"));
    QVERIFY(box);
    auto *quit = box->findChild<QPushButton *>(QStringLiteral("quitButton"));
    QVERIFY(quit);
    QTest::mouseClick(quit, Qt::LeftButton);
    QTRY_VERIFY(!m_window->isVisible());
    QCOMPARE(m_window->openConsoleCount(), 0);
    // Quitting sent nothing: the IOC runs on.
    QCOMPARE(m_sandbox.unitProperty(unitOf(m_running), QStringLiteral("ActiveState")),
             QStringLiteral("active"));
}

void TestMainWindow::attachWhenListedOpensTheConsole()
{
    // iocdock --attach NAME: asked before the hosts have listed, done once they have.
    MainWindow window({ m_host });
    window.setConfirmsQuit(false);
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy ready(&window, &MainWindow::ready);
    const bool readyBefore = window.isReady();
    window.attachWhenListed({ m_running, QStringLiteral("tstmainwindow-nosuchioc") });
    if (!readyBefore)
        QVERIFY(ready.wait(60000));
    // Its console tab is open and current, its row selected; nothing else.
    QTRY_VERIFY_WITH_TIMEOUT(window.bottomTabs()->viewFor(key(m_running)), 10000);
    ConsoleView *view = window.bottomTabs()->viewFor(key(m_running));
    QCOMPARE(window.bottomTabs()->currentWidget(), view);
    QVERIFY(window.bottomTabs()->isVisible());
    QCOMPARE(window.openConsoleCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(view->connectionState(), ConsoleSession::State::Connected, 20000);
    const QModelIndexList selected = window.tableView()->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().data().toString(), m_running);
    QCOMPARE(window.iocActions()->selection().value(0).name, m_running);

    // Once listed, at once. (The table applies rows in batches when control returns to the
    // event loop, so "ready" can come a moment before the row is in the table.)
    QTRY_VERIFY_WITH_TIMEOUT(window.model()->contains(key(m_stopped)), 20000);
    window.attachWhenListed({ m_stopped });
    QCOMPARE(window.openConsoleCount(), 2);
    QVERIFY(window.bottomTabs()->viewFor(key(m_stopped)));
}

void TestMainWindow::screenshotOnceSettled()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("window.png"));
    MainWindow window({ m_host });
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy saved(&window, &MainWindow::screenshotSaved);
    window.saveScreenshotWhenSettled(file);
    // Ready, at least a second more, then every running IOC shows its PID (at most 10 s).
    QVERIFY(saved.wait(90000));
    QCOMPARE(saved.count(), 1);
    QCOMPARE(saved.at(0).at(0).toBool(), true);
    QCOMPARE(saved.at(0).at(1).toBool(), true);
    QVERIFY(window.isReady());
    const QModelIndex pid = window.model()->indexOf(key(m_running), IocTableModel::PidColumn);
    QVERIFY2(!pid.data().toString().isEmpty(), "the picture was taken before the PID showed");
    const QImage image(file);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size() / image.devicePixelRatio(), window.size());
    QTest::qWait(200);
    QCOMPARE(saved.count(), 1); // once
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
