// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/console/consolearea.h"

#include "ui/console/consoletabwidget.h"
#include "ui/console/consoleview.h"
#include "ui/console/consolewindow.h"
#include "ui/themeicons.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QSplitter>
#include <QVBoxLayout>

ConsoleArea::ConsoleArea(QWidget *parent)
    : QWidget(parent)
    , m_splitter(new QSplitter(this)) // m_orientation is set below: declared after it
{
    m_splitter->setOrientation(m_orientation);
    setObjectName(QStringLiteral("consoleArea"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_splitter->setObjectName(QStringLiteral("consoleSplitter"));
    m_splitter->setChildrenCollapsible(false);
    layout->addWidget(m_splitter);
    createActions();
    addGroup();
    connect(qApp, &QApplication::focusChanged, this,
            [this](QWidget *, QWidget *now) { handleFocusChanged(now); });
    updateActions();
}

ConsoleArea::~ConsoleArea()
{
    // The windows have no parent: their pages (a console closes its session, sending
    // nothing) go with them.
    qDeleteAll(m_windows);
}

void ConsoleArea::createActions()
{
    auto add = [this](const QString &name, const QString &text, const QKeySequence &keys,
                      const QString &tip) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        action->setShortcut(keys);
        action->setToolTip(tip);
        action->setStatusTip(tip);
        addAction(action); // their shortcuts act wherever the area is, consoles included
        return action;
    };
    m_singleAction = add(QStringLiteral("singlePaneAction"), tr("&Single Pane"),
                         QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_1),
                         tr("One group of tabs: the tabs of every pane come together"));
    m_sideBySideAction = add(QStringLiteral("sideBySideAction"), tr("Side by &Side"),
                             QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_2),
                             tr("Two panes of tabs next to each other"));
    m_stackedAction = add(QStringLiteral("stackedAction"), tr("S&tacked"),
                          QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_3),
                          tr("Two panes of tabs one above the other"));
    m_splitGroup = new QActionGroup(this);
    for (QAction *action : { m_singleAction, m_sideBySideAction, m_stackedAction }) {
        action->setCheckable(true);
        m_splitGroup->addAction(action);
    }
    connect(m_singleAction, &QAction::triggered, this, [this] { setSplit(Split::Single); });
    connect(m_sideBySideAction, &QAction::triggered, this, [this] { setSplit(Split::SideBySide); });
    connect(m_stackedAction, &QAction::triggered, this, [this] { setSplit(Split::Stacked); });

    m_moveAction = add(QStringLiteral("moveToOtherPaneAction"), tr("&Move to Other Pane"),
                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M),
                       tr("Move the current tab to the next pane (splits the area when it is "
                          "one pane); a console stays connected"));
    connect(m_moveAction, &QAction::triggered, this, [this] {
        if (QWidget *page = currentPage())
            moveToOtherGroup(page);
    });
    m_detachAction = add(QStringLiteral("detachAction"), tr("&Detach to Window"),
                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D),
                         tr("Show the current tab in a window of its own; a console stays "
                            "connected, and closing the window docks it back"));
    connect(m_detachAction, &QAction::triggered, this, [this] {
        if (QWidget *page = currentPage())
            undock(page);
    });
    m_nextPaneAction = add(QStringLiteral("nextPaneAction"), tr("&Next Pane"),
                           QKeySequence(Qt::Key_F6), tr("Focus the current tab of the next pane"));
    // The theme's icon where the desktop has one, else the bundled one.
    ThemeIcons::setIcon(m_moveAction, QStringLiteral("go-next"), QStringLiteral("move-pane"));
    ThemeIcons::setIcon(m_detachAction, QStringLiteral("window-new"), QStringLiteral("detach"));
    ThemeIcons::setIcon(m_nextPaneAction, QStringLiteral("go-jump"), QStringLiteral("next-pane"));
    connect(m_nextPaneAction, &QAction::triggered, this, &ConsoleArea::focusNextGroup);
}

QList<QAction *> ConsoleArea::splitActions() const
{
    return { m_singleAction, m_sideBySideAction, m_stackedAction };
}

QList<QAction *> ConsoleArea::pageActions() const
{
    return { m_moveAction, m_detachAction, m_nextPaneAction };
}

ConsoleTabWidget *ConsoleArea::addGroup()
{
    auto *group = new ConsoleTabWidget(m_splitter);
    if (!m_groups.isEmpty())
        group->setObjectName(QStringLiteral("consoleTabs%1").arg(m_groups.size() + 1));
    group->setPlaceholderText(
            tr("An empty pane: the next console, log or details you open "
               "come here, or move a tab here (%1).")
                    .arg(m_moveAction->shortcut().toString(QKeySequence::NativeText)));
    group->tabBar()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(group->tabBar(), &QWidget::customContextMenuRequested, this,
            [this, group](const QPoint &pos) { showTabMenu(group, pos); });
    connect(group, &ConsoleTabWidget::consoleClosed, this, [this, group](const QString &key) {
        emit pageClosed(key);
        collapse(group);
        updateActions();
        emit layoutChanged();
    });
    connect(group, &ConsoleTabWidget::pageInserted, this,
            [this](QWidget *page) { setPageActionsOn(page, true); });
    connect(group, &QTabWidget::currentChanged, this, &ConsoleArea::updateActions);
    m_groups << group;
    m_splitter->addWidget(group);
    m_splitter->setOrientation(m_orientation);
    // Equal room for each pane.
    const int total = m_orientation == Qt::Horizontal ? m_splitter->width() : m_splitter->height();
    const int n = int(m_groups.size());
    QList<int> sizes;
    for (int i = 0; i < n; ++i)
        sizes << qMax(100, total / n);
    m_splitter->setSizes(sizes);
    if (isVisible())
        group->show();
    return group;
}

void ConsoleArea::removeGroup(ConsoleTabWidget *group)
{
    if (group == primary())
        return;
    m_groups.removeAll(group);
    if (m_current == group)
        m_current = primary();
    group->disconnect(this);
    group->hide();
    group->setParent(nullptr); // out of the splitter now; it may be emitting a signal
    group->deleteLater();
}

void ConsoleArea::collapse(ConsoleTabWidget *group)
{
    if (!m_groups.contains(group) || group->count() > 0 || m_groups.size() < 2)
        return;
    if (group == primary()) {
        // The first group stays (it is what others hold on to): it takes the second's tabs.
        ConsoleTabWidget *second = m_groups.at(1);
        const int current = second->currentIndex();
        while (second->count() > 0)
            movePage(second, 0, group);
        group->setCurrentIndex(current);
        if (m_current == second)
            m_current = group;
        removeGroup(second);
    } else {
        removeGroup(group);
    }
}

ConsoleTabWidget *ConsoleArea::groupOf(const QWidget *page) const
{
    for (ConsoleTabWidget *group : m_groups) {
        if (page && group->indexOf(const_cast<QWidget *>(page)) >= 0)
            return group;
    }
    return nullptr;
}

int ConsoleArea::groupIndexOf(const QWidget *page) const
{
    return int(m_groups.indexOf(groupOf(page)));
}

ConsoleWindow *ConsoleArea::windowOf(const QWidget *page) const
{
    for (ConsoleWindow *window : m_windows) {
        if (page && window->page() == page)
            return window;
    }
    return nullptr;
}

QList<ConsoleWindow *> ConsoleArea::windows() const
{
    return m_windows;
}

ConsoleTabWidget *ConsoleArea::currentGroup() const
{
    return m_current && m_groups.contains(m_current.data()) ? m_current.data() : primary();
}

ConsoleTabWidget *ConsoleArea::targetGroup() const
{
    if (primary()->count() > 0) {
        for (ConsoleTabWidget *group : m_groups) {
            if (group->count() == 0)
                return group; // a split waiting for its first page
        }
    }
    return currentGroup();
}

QWidget *ConsoleArea::currentPage() const
{
    return currentGroup()->currentWidget();
}

QList<QWidget *> ConsoleArea::pages() const
{
    QList<QWidget *> found;
    for (const ConsoleTabWidget *group : m_groups) {
        for (int i = 0; i < group->count(); ++i)
            found << group->widget(i);
    }
    for (const ConsoleWindow *window : m_windows) {
        if (window->page())
            found << window->page();
    }
    return found;
}

int ConsoleArea::dockedCount() const
{
    int count = 0;
    for (const ConsoleTabWidget *group : m_groups)
        count += group->count();
    return count;
}

QList<ConsoleView *> ConsoleArea::views() const
{
    QList<ConsoleView *> found;
    const QList<QWidget *> all = pages();
    for (QWidget *page : all) {
        if (auto *view = qobject_cast<ConsoleView *>(page))
            found << view;
    }
    return found;
}

ConsoleView *ConsoleArea::viewFor(const QString &key) const
{
    const QList<ConsoleView *> all = views();
    for (ConsoleView *view : all) {
        if (view->key() == key)
            return view;
    }
    return nullptr;
}

ConsoleArea::Split ConsoleArea::split() const
{
    if (m_groups.size() < 2)
        return Split::Single;
    return m_splitter->orientation() == Qt::Horizontal ? Split::SideBySide : Split::Stacked;
}

void ConsoleArea::setSplit(Split split)
{
    if (split == Split::Single) {
        while (m_groups.size() > 1) {
            ConsoleTabWidget *last = m_groups.last();
            while (last->count() > 0)
                movePage(last, 0, primary());
            removeGroup(last);
        }
    } else {
        setSplitOrientation(split == Split::SideBySide ? Qt::Horizontal : Qt::Vertical);
        if (m_groups.size() == 1) {
            ConsoleTabWidget *second = addGroup();
            // Something to see on both sides when there is: the current tab moves over.
            if (primary()->count() >= 2) {
                QWidget *page = primary()->currentWidget();
                movePage(primary(), primary()->currentIndex(), second);
                showPage(page);
            }
        }
    }
    updateActions();
    emit layoutChanged();
}

void ConsoleArea::setSplitOrientation(Qt::Orientation orientation)
{
    m_orientation = orientation;
    m_splitter->setOrientation(orientation);
    updateActions();
}

void ConsoleArea::movePage(ConsoleTabWidget *from, int index, ConsoleTabWidget *to)
{
    const QIcon icon = from->tabIcon(index);
    const QString text = from->tabText(index);
    const QString toolTip = from->tabToolTip(index);
    QWidget *page = from->takePage(index);
    if (!page)
        return;
    to->setCurrentIndex(to->adoptPage(page, icon, text, toolTip));
}

bool ConsoleArea::moveToGroup(QWidget *page, int group)
{
    ConsoleTabWidget *from = groupOf(page);
    if (!from || group < 0 || group > m_groups.size() || group >= MaxGroups)
        return false;
    if (group < m_groups.size() && m_groups.at(group) == from)
        return false;
    ConsoleTabWidget *to = group == m_groups.size() ? addGroup() : m_groups.at(group);
    movePage(from, from->indexOf(page), to);
    collapse(from);
    showPage(page);
    updateActions();
    emit layoutChanged();
    return true;
}

bool ConsoleArea::moveToOtherGroup(QWidget *page)
{
    const int index = groupIndexOf(page);
    if (index < 0)
        return false;
    if (m_groups.size() == 1) {
        // Splitting off the only tab would leave the first pane empty, and collapse again.
        return primary()->count() > 1 && moveToGroup(page, 1);
    }
    return moveToGroup(page, (index + 1) % int(m_groups.size()));
}

QString ConsoleArea::windowTitleFor(const QWidget *page, const QString &tabText) const
{
    if (const auto *view = qobject_cast<const ConsoleView *>(page))
        return tr("%1/%2 — iocdock").arg(view->ioc().host, view->title());
    return tr("%1 — iocdock").arg(tabText);
}

void ConsoleArea::setPageActionsOn(QWidget *page, bool on)
{
    // A console claims every key typed in it except its own actions (ConsoleView::event):
    // these become its own while it is docked, so their shortcuts work from a console too.
    // Detached, it has its window's Dock Back instead (the same keys as Detach).
    auto *view = qobject_cast<ConsoleView *>(page);
    if (!view)
        return;
    for (QAction *action : splitActions() + pageActions()) {
        if (on)
            view->addAction(action);
        else
            view->removeAction(action);
    }
}

ConsoleWindow *ConsoleArea::undock(QWidget *page)
{
    ConsoleTabWidget *from = groupOf(page);
    if (!from)
        return nullptr;
    const int index = from->indexOf(page);
    const QIcon icon = from->tabIcon(index);
    const QString text = from->tabText(index);
    const QString toolTip = from->tabToolTip(index);
    const QSize size = page->size();
    from->takePage(index);
    setPageActionsOn(page, false);
    auto *window = new ConsoleWindow(page, icon, text, toolTip);
    window->setWindowTitle(windowTitleFor(page, text));
    if (auto *view = qobject_cast<ConsoleView *>(page)) {
        connect(view, &ConsoleView::titleChanged, window,
                [this, window, view] { window->setWindowTitle(windowTitleFor(view, {})); });
    }
    connect(window, &ConsoleWindow::dockRequested, this, [this, window] {
        if (QWidget *p = window->page())
            dock(p);
    });
    connect(window, &ConsoleWindow::closeRequested, this, [this, window] {
        if (QWidget *p = window->page())
            closePage(p);
    });
    m_windows << window;
    m_origins.insert(window, from);
    const QString id = m_pageId ? m_pageId(page) : QString();
    if (id.isEmpty() || !window->restoreGeometry(m_geometries.value(id))) {
        // First time: the size it had, a little off the main window's top left corner.
        window->resize(size.expandedTo(QSize(640, 360)));
        window->move(this->window()->geometry().topLeft() + QPoint(60, 60));
    }
    window->show();
    collapse(from);
    window->raise();
    window->activateWindow();
    page->setFocus();
    updateActions();
    emit layoutChanged();
    return window;
}

void ConsoleArea::rememberGeometry(const ConsoleWindow *window)
{
    const QString id = m_pageId && window->page() ? m_pageId(window->page()) : QString();
    if (!id.isEmpty())
        m_geometries.insert(id, window->saveGeometry());
}

QHash<QString, QByteArray> ConsoleArea::windowGeometries() const
{
    QHash<QString, QByteArray> geometries = m_geometries;
    for (const ConsoleWindow *window : m_windows) {
        const QString id = m_pageId && window->page() ? m_pageId(window->page()) : QString();
        if (!id.isEmpty())
            geometries.insert(id, window->saveGeometry());
    }
    return geometries;
}

void ConsoleArea::dock(QWidget *page)
{
    ConsoleWindow *window = windowOf(page);
    if (!window)
        return;
    ConsoleTabWidget *to = m_origins.take(window);
    if (!to || !m_groups.contains(to))
        to = targetGroup();
    rememberGeometry(window);
    page->disconnect(window);
    m_windows.removeAll(window);
    window->takePage();
    window->disconnect(this);
    window->hide();
    window->deleteLater(); // it may be in its closeEvent
    to->setCurrentIndex(
            to->adoptPage(page, window->tabIcon(), window->tabText(), window->tabToolTip()));
    showPage(page);
    updateActions();
    emit layoutChanged();
}

void ConsoleArea::closePage(QWidget *page)
{
    if (ConsoleTabWidget *group = groupOf(page)) {
        group->closeConsole(group->indexOf(page)); // → consoleClosed → collapse
        return;
    }
    ConsoleWindow *window = windowOf(page);
    if (!window)
        return;
    QString key;
    if (auto *view = qobject_cast<ConsoleView *>(page)) {
        key = view->key();
        view->detach(); // closes the session now; sends nothing
    }
    rememberGeometry(window);
    m_windows.removeAll(window);
    m_origins.remove(window);
    window->disconnect(this);
    window->hide();
    window->deleteLater(); // the page goes with it
    emit pageClosed(key);
    updateActions();
    emit layoutChanged();
}

void ConsoleArea::closeAll()
{
    const QList<ConsoleWindow *> windows = m_windows;
    for (ConsoleWindow *window : windows)
        closePage(window->page());
    setSplit(Split::Single);
    primary()->closeAll();
}

void ConsoleArea::showPage(QWidget *page)
{
    if (ConsoleTabWidget *group = groupOf(page)) {
        group->setCurrentWidget(page);
        m_current = group;
        show();
        page->setFocus();
    } else if (ConsoleWindow *window = windowOf(page)) {
        window->show();
        window->raise();
        window->activateWindow();
        page->setFocus();
    }
    updateActions();
}

void ConsoleArea::handleFocusChanged(QWidget *now)
{
    for (QWidget *w = now; w; w = w->parentWidget()) {
        if (auto *group = qobject_cast<ConsoleTabWidget *>(w)) {
            if (m_groups.contains(group) && m_current != group) {
                m_current = group;
                updateActions();
            }
            return;
        }
    }
}

void ConsoleArea::focusNextGroup()
{
    if (m_groups.size() < 2)
        return;
    const int next = int((m_groups.indexOf(currentGroup()) + 1) % m_groups.size());
    ConsoleTabWidget *group = m_groups.at(next);
    m_current = group;
    if (QWidget *page = group->currentWidget())
        page->setFocus(Qt::ShortcutFocusReason);
    else
        group->setFocus(Qt::ShortcutFocusReason);
    updateActions();
}

void ConsoleArea::updateActions()
{
    const Split now = split();
    m_singleAction->setChecked(now == Split::Single);
    m_sideBySideAction->setChecked(now == Split::SideBySide);
    m_stackedAction->setChecked(now == Split::Stacked);
    const ConsoleTabWidget *group = currentGroup();
    const bool hasPage = group->currentWidget() != nullptr;
    m_moveAction->setEnabled(hasPage && (m_groups.size() > 1 || group->count() > 1));
    m_detachAction->setEnabled(hasPage);
    m_nextPaneAction->setEnabled(m_groups.size() > 1);
}

void ConsoleArea::showTabMenu(ConsoleTabWidget *group, const QPoint &pos)
{
    const int index = group->tabBar()->tabAt(pos);
    if (index < 0)
        return;
    group->setCurrentIndex(index);
    m_current = group;
    updateActions();
    QPointer<QWidget> page = group->widget(index);
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(m_moveAction);
    if (m_groups.size() > 1 && m_groups.size() < MaxGroups && group->count() > 1) {
        QAction *newPane = menu->addAction(tr("Move to &New Pane"), this, [this, page] {
            if (page)
                moveToGroup(page, int(m_groups.size()));
        });
        newPane->setObjectName(QStringLiteral("moveToNewPaneAction"));
    }
    menu->addAction(m_detachAction);
    menu->addSeparator();
    QAction *close = menu->addAction(QIcon::fromTheme(QStringLiteral("tab-close")),
                                     tr("&Close Tab"), this, [this, page] {
                                         if (page)
                                             closePage(page);
                                     });
    close->setObjectName(QStringLiteral("closeTabAction"));
    menu->popup(group->tabBar()->mapToGlobal(pos));
}
