// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// The real main window on the sandbox's manager, used without a mouse and read by a screen
// reader: every menu action is reachable by keyboard, Tab reaches each pane, the table's and
// the host list's context menus open from the keyboard, the parts have accessible names, the
// actions have icons with no icon theme installed, and the dialogs show their text unclipped
// (run once more at QT_SCALE_FACTOR=2 by ctest). IOCDOCK_SHOTS_DIR=DIR saves what it checked.

#include "core/hosts/host.h"
#include "core/ioc/iocformat.h"
#include "core/systemd/systemdmanager.h"
#include "tests/common/sandbox.h"
#include "ui/console/consoletabwidget.h"
#include "ui/filterbar.h"
#include "ui/iocactions.h"
#include "ui/iocfilterproxymodel.h"
#include "ui/ioctablemodel.h"
#include "ui/ioctableview.h"
#include "ui/ioctabs.h"
#include "ui/mainwindow.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QAccessible>
#include <QAccessibleInterface>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

class TestMainWindowAccess : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void everyMenuActionIsReachableByKeyboard();
    void everyActionHasAnIconWithoutATheme();
    void tabReachesFilterTableHostsAndTabs();
    void tableMenuOpensFromTheKeyboard();
    void hostMenuOpensFromTheKeyboard();
    void partsHaveAccessibleNames();
    void tableCellsNameTheirIoc();
    void dialogsShowTheirTextUnclipped();

private:
    QString key() const;
    void selectTheIoc();
    /// The popup menu open now, waited for (at most 5 s), or nullptr.
    QMenu *openMenu();
    /// Widgets in @p root whose text does not fit (labels, buttons, check boxes), named.
    static QStringList clipped(QWidget *root);
    void save(QWidget *widget, const QString &name);

    Sandbox m_sandbox;
    QTemporaryDir m_noTheme;
    Host *m_host = nullptr;
    MainWindow *m_window = nullptr;
    const QString m_ioc = QStringLiteral("tstaccess-run");
};

static QString unitOf(const QString &iocName)
{
    return QStringLiteral("procserv-%1.service").arg(iocName);
}

QString TestMainWindowAccess::key() const
{
    return m_host->id() + QLatin1Char('/') + unitOf(m_ioc);
}

void TestMainWindowAccess::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    QCoreApplication::setOrganizationName(QStringLiteral("iocdock-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindowaccess"));
    QSettings().clear();
    Q_INIT_RESOURCE(iocdock);
    // No icon theme installed: every icon is iocdock's own.
    QVERIFY(m_noTheme.isValid());
    QIcon::setThemeSearchPaths({ m_noTheme.path() });
    QIcon::setThemeName(QStringLiteral("no-such-theme"));

    QVERIFY(m_sandbox.installUnit(unitOf(m_ioc), Sandbox::procServUtilsUnit(m_ioc)));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unitOf(m_ioc) }));
    m_host = Host::fromSpec(QStringLiteral("user"), this);
    QVERIFY(m_host);
    m_window = new MainWindow({ m_host });
    m_window->setConfirmsQuit(false);
    m_window->resize(1300, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestMainWindowAccess::cleanupTestCase()
{
    delete m_window;
    if (Sandbox::isAvailable())
        m_sandbox.removeUnit(unitOf(m_ioc));
}

void TestMainWindowAccess::init()
{
    QTRY_VERIFY_WITH_TIMEOUT(m_window->model()->contains(key()), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->isReady(), 60000);
    QApplication::setActiveWindow(m_window);
    QVERIFY(QTest::qWaitForWindowActive(m_window));
}

void TestMainWindowAccess::selectTheIoc()
{
    QTableView *table = m_window->tableView();
    const QModelIndex source = m_window->model()->indexOf(key());
    const QModelIndex shown = m_window->proxyModel()->mapFromSource(source);
    QVERIFY(shown.isValid());
    table->setFocus();
    table->setCurrentIndex(shown);
    table->selectionModel()->select(
            shown, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QTRY_COMPARE(m_window->iocActions()->selection().value(0).name, m_ioc);
}

QMenu *TestMainWindowAccess::openMenu()
{
    // A bound generous for a loaded machine; the caller checks for null.
    for (int waited = 0; waited < 5000; waited += 50) {
        if (auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget()))
            return menu;
        QTest::qWait(50);
    }
    return nullptr;
}

void TestMainWindowAccess::everyMenuActionIsReachableByKeyboard()
{
    // Alt+letter opens each menu; in it, an action is reached by its own letter or by the
    // arrow keys, and directly by its shortcut. A letter two entries share is no direct way.
    int checked = 0;
    std::function<void(QMenu *, const QString &)> walk = [&](QMenu *menu, const QString &path) {
        QHash<QKeySequence, int> letters;
        const QList<QAction *> actions = menu->actions();
        for (const QAction *action : actions) {
            if (!action->isSeparator() && !action->isWidgetType())
                ++letters[QKeySequence::mnemonic(action->text())];
        }
        for (QAction *action : actions) {
            if (action->isSeparator())
                continue;
            const QString where = path + QStringLiteral(" ▸ ") + action->text();
            if (QMenu *sub = action->menu()) {
                QVERIFY2(!QKeySequence::mnemonic(sub->title()).isEmpty(), qPrintable(where));
                walk(sub, where);
                continue;
            }
            ++checked;
            const QKeySequence letter = QKeySequence::mnemonic(action->text());
            const bool ownLetter = !letter.isEmpty() && letters.value(letter) == 1;
            // The columns (View ▸ Columns) are a generated list: the arrow keys reach them.
            const bool generated = menu->objectName() == QLatin1String("viewColumnsMenu");
            QVERIFY2(ownLetter || !action->shortcuts().isEmpty() || generated,
                     qPrintable(where + QStringLiteral(": no letter of its own, no shortcut")));
        }
    };
    const QList<QAction *> menus = m_window->menuBar()->actions();
    QVERIFY(menus.size() >= 4);
    for (QAction *top : menus) {
        QMenu *menu = top->menu();
        QVERIFY(menu);
        QVERIFY2(!QKeySequence::mnemonic(menu->title()).isEmpty(), qPrintable(menu->title()));
        emit menu->aboutToShow(); // menus filled when they open (View ▸ Columns)
        walk(menu, menu->title());
    }
    QVERIFY(checked > 20);
}

void TestMainWindowAccess::everyActionHasAnIconWithoutATheme()
{
    auto *toolBar = m_window->findChild<QToolBar *>(QStringLiteral("actionsToolBar"));
    QVERIFY(toolBar);
    for (const QAction *action : toolBar->actions()) {
        if (!action->isSeparator())
            QVERIFY2(!action->icon().isNull(), qPrintable(action->text()));
    }
    // Menu entries that act (not the check boxes and choices of the View menu).
    std::function<void(QMenu *)> walk = [&](QMenu *menu) {
        for (QAction *action : menu->actions()) {
            if (action->isSeparator())
                continue;
            if (action->menu()) {
                walk(action->menu());
                continue;
            }
            if (action->isCheckable())
                continue;
            QVERIFY2(!action->icon().isNull(),
                     qPrintable(menu->title() + QStringLiteral(" ▸ ") + action->text()));
            QVERIFY2(!action->icon().pixmap(16, 16).isNull(), qPrintable(action->text()));
        }
    };
    for (QAction *top : m_window->menuBar()->actions())
        walk(top->menu());
}

void TestMainWindowAccess::tabReachesFilterTableHostsAndTabs()
{
    // A details tab (a console would take the Tab key for the IOC).
    selectTheIoc();
    m_window->iocActions()->detailsAction()->trigger();
    QTRY_COMPARE(m_window->bottomTabs()->count(), 1);
    QLineEdit *filter = m_window->filterBar()->lineEdit();
    filter->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(filter->hasFocus());
    QList<QWidget *> reached;
    for (int i = 0; i < 60; ++i) {
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus);
        reached << focus;
        QTest::keyClick(focus, Qt::Key_Tab);
        if (QApplication::focusWidget() == filter)
            break; // round the window once
    }
    auto *hosts = m_window->findChild<QListView *>(QStringLiteral("hostList"));
    QVERIFY(hosts);
    QVERIFY2(reached.contains(m_window->tableView()), "Tab never reaches the table");
    QVERIFY2(reached.contains(hosts), "Tab never reaches the hosts pane");
    QVERIFY2(reached.contains(m_window->bottomTabs()->tabBar()), "Tab never reaches the tabs");
    QCOMPARE(QApplication::focusWidget(), filter); // and back to the start
    m_window->bottomTabs()->closeAll();
    while (m_window->bottomTabs()->count() > 0)
        delete m_window->bottomTabs()->widget(0);
}

void TestMainWindowAccess::tableMenuOpensFromTheKeyboard()
{
    selectTheIoc();
    QTableView *table = m_window->tableView();
    QTRY_VERIFY(table->hasFocus());
    // Shift+F10, as in GTK and Windows applications.
    QSignalSpy requested(table, &QWidget::customContextMenuRequested);
    QTest::keyClick(table, Qt::Key_F10, Qt::ShiftModifier);
    QMenu *menu = openMenu();
    QVERIFY(menu);
    QVERIFY(menu->actions().contains(m_window->iocActions()->stopAction()));
    QVERIFY(menu->actions().contains(m_window->iocActions()->detailsAction()));
    // At the current row (the viewport's point a right click there gives), not elsewhere.
    const QRect row = table->visualRect(table->currentIndex());
    QCOMPARE(requested.count(), 1);
    QVERIFY(row.contains(requested.at(0).at(0).toPoint()));
    // The keyboard goes on in the menu: Escape closes it, nothing is run.
    QTest::keyClick(menu, Qt::Key_Escape);
    QTRY_VERIFY(!QApplication::activePopupWidget());

    // The Menu key: the platform (xcb) sends a keyboard context menu event to the table, at a
    // point of the table's own (not its viewport's): the menu still opens at the row.
    QContextMenuEvent event(QContextMenuEvent::Keyboard, QPoint(2, 2),
                            table->mapToGlobal({ 2, 2 }));
    QApplication::sendEvent(table, &event);
    menu = openMenu();
    QVERIFY(menu);
    QVERIFY(menu->actions().contains(m_window->iocActions()->startAction()));
    QCOMPARE(requested.count(), 2);
    QVERIFY(row.contains(requested.at(1).at(0).toPoint()));
    menu->close();
    QTRY_VERIFY(!QApplication::activePopupWidget());
}

void TestMainWindowAccess::hostMenuOpensFromTheKeyboard()
{
    auto *hosts = m_window->findChild<QListView *>(QStringLiteral("hostList"));
    QVERIFY(hosts);
    hosts->setFocus();
    hosts->setCurrentIndex(hosts->model()->index(1, 0)); // the sandbox's manager
    QTRY_VERIFY(hosts->hasFocus());
    QTest::keyClick(hosts, Qt::Key_F10, Qt::ShiftModifier);
    QMenu *menu = openMenu();
    QVERIFY(menu);
    QStringList texts;
    for (const QAction *action : menu->actions())
        texts << action->text();
    QVERIFY2(texts.join(QLatin1Char('|')).contains(QStringLiteral("Re&connect")),
             qPrintable(texts.join(QLatin1Char('|')))); // the menu of that host
    menu->close();
    QTRY_VERIFY(!QApplication::activePopupWidget());
}

static QString accessibleName(QObject *object)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(object);
    return iface ? iface->text(QAccessible::Name) : QString();
}

void TestMainWindowAccess::partsHaveAccessibleNames()
{
    selectTheIoc();
    m_window->iocActions()->detailsAction()->trigger();
    QTRY_COMPARE(m_window->bottomTabs()->count(), 1);

    auto *toolBar = m_window->findChild<QToolBar *>(QStringLiteral("actionsToolBar"));
    QVERIFY(toolBar);
    QVERIFY(!accessibleName(toolBar).isEmpty());
    int buttons = 0;
    for (QAction *action : toolBar->actions()) {
        if (action->isSeparator())
            continue;
        QWidget *button = toolBar->widgetForAction(action);
        QVERIFY(button);
        const QString name = accessibleName(button);
        // What it says, without the mnemonic's &.
        QVERIFY2(!name.isEmpty() && !name.contains(QLatin1Char('&')), qPrintable(name));
        ++buttons;
    }
    QVERIFY(buttons >= 9);
    QCOMPARE(accessibleName(m_window->tableView()), QStringLiteral("IOCs"));
    QCOMPARE(accessibleName(m_window->filterBar()->lineEdit()), QStringLiteral("Filter"));
    auto *hosts = m_window->findChild<QListView *>(QStringLiteral("hostList"));
    QCOMPARE(accessibleName(hosts), QStringLiteral("Hosts"));
    QVERIFY(!accessibleName(m_window->bottomTabs()).isEmpty());
    QTabBar *tabBar = m_window->bottomTabs()->tabBar();
    QVERIFY(!accessibleName(tabBar).isEmpty());
    // Each tab is named: the page's title.
    QAccessibleInterface *bar = QAccessible::queryAccessibleInterface(tabBar);
    QVERIFY(bar && bar->childCount() >= 1);
    QVERIFY2(bar->child(0)->text(QAccessible::Name).contains(m_ioc),
             qPrintable(bar->child(0)->text(QAccessible::Name)));
    QVERIFY(!accessibleName(m_window->eventsDock()).isEmpty());
    // Every button and field of the filter bar says what it is.
    const QList<QWidget *> filterParts = m_window->filterBar()->findChildren<QWidget *>();
    for (QWidget *part : filterParts) {
        if ((qobject_cast<QAbstractButton *>(part) || qobject_cast<QLineEdit *>(part))
            && part->isVisible())
            QVERIFY2(!accessibleName(part).isEmpty(), qPrintable(part->objectName()));
    }
    m_window->bottomTabs()->closeAll();
    while (m_window->bottomTabs()->count() > 0)
        delete m_window->bottomTabs()->widget(0);
}

void TestMainWindowAccess::tableCellsNameTheirIoc()
{
    QTableView *table = m_window->tableView();
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(table);
    QVERIFY(iface);
    QAccessibleTableInterface *cells = iface->tableInterface();
    QVERIFY(cells);
    const QModelIndex shown =
            m_window->proxyModel()->mapFromSource(m_window->model()->indexOf(key()));
    QAccessibleInterface *name = cells->cellAt(shown.row(), IocTableModel::NameColumn);
    QVERIFY(name);
    QCOMPARE(name->text(QAccessible::Name), m_ioc);
    // A status cell read alone still says whose it is.
    QAccessibleInterface *status = cells->cellAt(shown.row(), IocTableModel::StatusColumn);
    QVERIFY(status);
    const QString said = status->text(QAccessible::Name);
    QVERIFY2(said.startsWith(m_ioc + QLatin1Char(':')), qPrintable(said));
    QVERIFY2(said.contains(shown.siblingAtColumn(IocTableModel::StatusColumn).data().toString()),
             qPrintable(said));
}

QStringList TestMainWindowAccess::clipped(QWidget *root)
{
    QStringList found;
    const QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (!widget->isVisibleTo(root) || widget->size().isEmpty())
            continue;
        QString text;
        QSize need;
        if (auto *label = qobject_cast<QLabel *>(widget)) {
            text = label->text();
            if (text.isEmpty() || label->pixmap(Qt::ReturnByValue).isNull() == false)
                continue;
            need = label->wordWrap() ? QSize(0, label->heightForWidth(label->width()))
                                     : label->minimumSizeHint();
        } else if (qobject_cast<QCheckBox *>(widget)
                   || (qobject_cast<QAbstractButton *>(widget)
                       && !qobject_cast<QToolButton *>(widget))) {
            text = static_cast<QAbstractButton *>(widget)->text();
            need = widget->minimumSizeHint();
        } else {
            continue;
        }
        if (widget->width() < need.width() || widget->height() < need.height())
            found << QStringLiteral("%1 \"%2\": %3×%4, needs %5×%6")
                             .arg(widget->objectName(), text.left(40))
                             .arg(widget->width())
                             .arg(widget->height())
                             .arg(need.width())
                             .arg(need.height());
    }
    // A layout squeezed below its minimum draws its widgets over each other.
    QList<QWidget *> content;
    for (QWidget *widget : widgets) {
        if (widget->isVisibleTo(root) && !widget->size().isEmpty()
            && (qobject_cast<QLabel *>(widget) || qobject_cast<QAbstractButton *>(widget)
                || qobject_cast<QLineEdit *>(widget) || qobject_cast<QAbstractScrollArea *>(widget)
                || qobject_cast<QComboBox *>(widget)))
            content << widget;
    }
    for (int i = 0; i < content.size(); ++i) {
        for (int j = i + 1; j < content.size(); ++j) {
            QWidget *a = content.at(i), *b = content.at(j);
            if (a->parentWidget() != b->parentWidget())
                continue;
            if (a->geometry().intersects(b->geometry()))
                found << QStringLiteral("%1 and %2 overlap").arg(a->objectName(), b->objectName());
        }
    }
    return found;
}

void TestMainWindowAccess::save(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("IOCDOCK_SHOTS_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    const QString scale = qEnvironmentVariable("QT_SCALE_FACTOR", QStringLiteral("1"));
    QVERIFY(widget->grab().save(QDir(dir).filePath(QStringLiteral("%1-x%2.png").arg(name, scale))));
}

void TestMainWindowAccess::dialogsShowTheirTextUnclipped()
{
    // The window itself: toolbar, filter bar, table header.
    save(m_window, QStringLiteral("window"));
    QStringList problems = clipped(m_window->filterBar());
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    auto *toolBar = m_window->findChild<QToolBar *>(QStringLiteral("actionsToolBar"));
    for (QAction *action : toolBar->actions()) {
        QWidget *button = toolBar->widgetForAction(action);
        if (button && button->isVisible())
            QVERIFY2(button->width() >= button->sizeHint().width(), qPrintable(action->text()));
    }
    auto *table = qobject_cast<IocTableView *>(m_window->tableView());
    QVERIFY(table);
    QHeaderView *header = table->horizontalHeader();
    const QFontMetrics metrics(header->font());
    for (int column = 0; column < header->count(); ++column) {
        if (header->isSectionHidden(column))
            continue;
        const QString title = header->model()->headerData(column, Qt::Horizontal).toString();
        // The title and the sort arrow's room: the window's first widths leave it.
        QVERIFY(table->minimumColumnWidth(column) > metrics.horizontalAdvance(title));
        if (column == header->sortIndicatorSection())
            QVERIFY(table->minimumColumnWidth(column) > metrics.horizontalAdvance(title) + 10);
        if (column == IocTableModel::UptimeColumn) {
            // The longest uptime words fit too ("Abou…nute" was shown).
            const QFontMetrics cell(table->font());
            QVERIFY(table->minimumColumnWidth(column)
                    > cell.horizontalAdvance(IocFormat::humanDuration(60)) + 4);
            QVERIFY(table->minimumColumnWidth(column)
                    > cell.horizontalAdvance(IocFormat::humanDuration(0)) + 4);
        }
        QVERIFY2(header->sectionSize(column) >= table->minimumColumnWidth(column),
                 qPrintable(QStringLiteral("column %1 (%2 px with its arrow): %3 px")
                                    .arg(title)
                                    .arg(table->minimumColumnWidth(column))
                                    .arg(header->sectionSize(column))));
    }

    selectTheIoc();
    struct Opened
    {
        QString name;
        QAction *action;
    };
    const QList<Opened> dialogs = {
        { QStringLiteral("new-ioc"), m_window->iocActions()->newIocAction() },
        { QStringLiteral("remove"), m_window->iocActions()->removeAction() },
        { QStringLiteral("settings"),
          m_window->findChild<QAction *>(QStringLiteral("settingsAction")) },
        { QStringLiteral("shortcuts"),
          m_window->findChild<QAction *>(QStringLiteral("shortcutsAction")) },
        { QStringLiteral("add-host"),
          m_window->findChild<QAction *>(QStringLiteral("addHostAction")) },
    };
    for (const Opened &opened : dialogs) {
        QVERIFY2(opened.action, qPrintable(opened.name));
        QVERIFY2(opened.action->isEnabled(), qPrintable(opened.name));
        const QList<QDialog *> before = m_window->findChildren<QDialog *>();
        opened.action->trigger();
        QDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    for (QDialog *each : m_window->findChildren<QDialog *>()) {
                        if (each->isVisible()
                            && (!before.contains(each)
                                || opened.name == QLatin1String("shortcuts")))
                            dialog = each;
                    }
                    return dialog != nullptr;
                }(),
                10000);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QTest::qWait(0); // laid out at its shown size
        save(dialog, opened.name);
        problems = clipped(dialog);
        QVERIFY2(problems.isEmpty(),
                 qPrintable(opened.name + QStringLiteral(": ") + problems.join(QLatin1Char('\n'))));
        // As large as it asks to be, and within the screen.
        QVERIFY2(dialog->width() >= dialog->minimumSizeHint().width(), qPrintable(opened.name));
        dialog->reject();
        QTRY_VERIFY(!dialog->isVisible());
    }
}

QTEST_MAIN(TestMainWindowAccess)
#include "tst_mainwindowaccess.moc"
