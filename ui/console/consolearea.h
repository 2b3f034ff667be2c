// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QHash>
#include <QList>
#include <QPointer>
#include <QWidget>

#include <functional>

class ConsoleTabWidget;
class ConsoleView;
class ConsoleWindow;
class QAction;
class QActionGroup;
class QSplitter;

/// The bottom tab area: one to MaxGroups tab groups (ConsoleTabWidget) in a splitter — Single,
/// Side by Side or Stacked — and the pages detached into windows of their own (ConsoleWindow).
///
/// Moving a page to another group, detaching it and docking it back reparent the page and do
/// nothing else: a ConsoleView keeps its ConsoleSession, its connection and its scrollback,
/// and nothing is sent to the IOC. The first group (primary()) always exists. A group that
/// loses its last page by a close, a move or a detach is removed (when the first one empties,
/// it takes the tabs of the second); one group left is the Single layout. A group opened by
/// choosing a split while there is nothing to move into it waits, empty, for the next page.
class ConsoleArea : public QWidget
{
    Q_OBJECT
public:
    enum class Split { Single, SideBySide, Stacked };
    static constexpr int MaxGroups = 3;

    explicit ConsoleArea(QWidget *parent = nullptr);
    ~ConsoleArea() override;

    ConsoleTabWidget *primary() const { return m_groups.first(); }
    QList<ConsoleTabWidget *> groups() const { return m_groups; }
    QSplitter *splitter() const { return m_splitter; }
    /// The index of the group showing @p page; -1 when it is in a window or unknown.
    int groupIndexOf(const QWidget *page) const;
    ConsoleWindow *windowOf(const QWidget *page) const;
    /// The detached windows, in the order they were detached.
    QList<ConsoleWindow *> windows() const;
    /// Where new pages go: a group waiting for its first page while the first group has pages,
    /// otherwise the group that had the focus last.
    ConsoleTabWidget *targetGroup() const;
    /// The group of the current page: the one that had the focus last.
    ConsoleTabWidget *currentGroup() const;
    /// The current page of currentGroup() (what the menu's Move and Detach act on).
    QWidget *currentPage() const;

    /// Every page: group by group in tab order, then the windows' pages.
    QList<QWidget *> pages() const;
    /// Pages in the groups (not detached).
    int dockedCount() const;
    /// The consoles among pages(), in that order.
    QList<ConsoleView *> views() const;
    /// The first console (docked or detached) showing the IOC with key @p key, or nullptr.
    ConsoleView *viewFor(const QString &key) const;

    Split split() const;
    /// Single gathers every group's tabs into the first. Side by Side and Stacked from Single
    /// open a second group and move the current tab into it when the first has two or more
    /// (otherwise the new group waits for the next page); between them, they turn the splitter.
    void setSplit(Split split);
    /// The orientation the next split takes, without splitting (a restored layout).
    void setSplitOrientation(Qt::Orientation orientation);
    Qt::Orientation splitOrientation() const { return m_orientation; }

    /// Shows @p page: current in its group (and the area shown), or its window raised; focused.
    void showPage(QWidget *page);
    /// Moves @p page into group @p group; group == groups().size() opens a new one (at most
    /// MaxGroups). False when it cannot (unknown page, bad index, already there).
    bool moveToGroup(QWidget *page, int group);
    /// To the next group, or into a new one (the last split orientation) while Single.
    bool moveToOtherGroup(QWidget *page);
    /// Detaches @p page into a window of its own (geometry from windowGeometries() when known).
    ConsoleWindow *undock(QWidget *page);
    /// Docks the page of a window back, into the group it came from while that still exists.
    void dock(QWidget *page);
    /// Closes @p page wherever it is; a console's session ends without sending anything.
    void closePage(QWidget *page);
    /// Closes every page and window (quitting).
    void closeAll();

    /// Names a page for windowGeometries() ("console KEY"); empty: not remembered.
    void setPageIdentifier(std::function<QString(const QWidget *)> identifier)
    {
        m_pageId = std::move(identifier);
    }
    /// The last geometry of each page's window (QWidget::saveGeometry()), by page name,
    /// including the windows open now.
    QHash<QString, QByteArray> windowGeometries() const;
    void setWindowGeometries(const QHash<QString, QByteArray> &geometries)
    {
        m_geometries = geometries;
    }

    /// View ▸ Console Layout: Single, Side by Side, Stacked (checkable, exclusive).
    QList<QAction *> splitActions() const;
    /// Move to Other Pane, Detach to Window, Next Pane: on currentPage().
    QList<QAction *> pageActions() const;
    QAction *moveAction() const { return m_moveAction; }
    QAction *detachAction() const { return m_detachAction; }
    QAction *nextPaneAction() const { return m_nextPaneAction; }

signals:
    /// A page was closed (a console: its key; other pages: empty).
    void pageClosed(const QString &key);
    /// Pages moved, docked, detached or closed, or the split changed.
    void layoutChanged();

private:
    ConsoleTabWidget *addGroup();
    void removeGroup(ConsoleTabWidget *group);
    /// After @p group lost a page: removes it when it is empty and not the only group.
    void collapse(ConsoleTabWidget *group);
    ConsoleTabWidget *groupOf(const QWidget *page) const;
    void movePage(ConsoleTabWidget *from, int index, ConsoleTabWidget *to);
    void createActions();
    void updateActions();
    void showTabMenu(ConsoleTabWidget *group, const QPoint &pos);
    void handleFocusChanged(QWidget *now);
    void focusNextGroup();
    QString windowTitleFor(const QWidget *page, const QString &tabText) const;
    void rememberGeometry(const ConsoleWindow *window);
    void setPageActionsOn(QWidget *page, bool on);

    QSplitter *m_splitter;
    QList<ConsoleTabWidget *> m_groups;
    QPointer<ConsoleTabWidget> m_current;
    QList<ConsoleWindow *> m_windows;
    /// Each window's page came from this group (when it still exists).
    QHash<const ConsoleWindow *, QPointer<ConsoleTabWidget>> m_origins;
    Qt::Orientation m_orientation = Qt::Horizontal;
    std::function<QString(const QWidget *)> m_pageId;
    QHash<QString, QByteArray> m_geometries;

    QActionGroup *m_splitGroup = nullptr;
    QAction *m_singleAction = nullptr;
    QAction *m_sideBySideAction = nullptr;
    QAction *m_stackedAction = nullptr;
    QAction *m_moveAction = nullptr;
    QAction *m_detachAction = nullptr;
    QAction *m_nextPaneAction = nullptr;
};
