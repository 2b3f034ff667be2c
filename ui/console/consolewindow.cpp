// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/console/consolewindow.h"

#include <QAction>
#include <QCloseEvent>
#include <QMenu>
#include <QMenuBar>

ConsoleWindow::ConsoleWindow(QWidget *page, const QIcon &icon, const QString &tabText,
                             const QString &tabToolTip)
    : m_page(page)
    , m_icon(icon)
    , m_text(tabText)
    , m_toolTip(tabToolTip)
    , m_dockAction(
              new QAction(QIcon::fromTheme(QStringLiteral("view-restore")), tr("&Dock Back"), this))
    , m_closeAction(new QAction(QIcon::fromTheme(QStringLiteral("window-close")),
                                tr("&Close Console"), this))
{
    setObjectName(QStringLiteral("consoleWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/iocdock.svg")));
    setAttribute(Qt::WA_DeleteOnClose, false); // ConsoleArea deletes it once the page is out
    m_dockAction->setObjectName(QStringLiteral("dockBackAction"));
    m_dockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_dockAction->setToolTip(tr("Put this page back into the main window's tabs (Ctrl+Shift+D); "
                                "closing the window does the same"));
    m_closeAction->setObjectName(QStringLiteral("closeConsoleAction"));
    m_closeAction->setToolTip(tr("Close the page; a console disconnects, sending nothing"));
    connect(m_dockAction, &QAction::triggered, this, &ConsoleWindow::dockRequested);
    connect(m_closeAction, &QAction::triggered, this, &ConsoleWindow::closeRequested);
    QMenu *menu = menuBar()->addMenu(tr("&Window"));
    menu->addAction(m_dockAction);
    menu->addSeparator();
    menu->addAction(m_closeAction);
    // A console claims the keys typed in it except its own actions: Dock Back is one of them.
    page->addAction(m_dockAction);
    setCentralWidget(page);
    page->show(); // a tab's stack hid it when the tab was taken out
}

ConsoleWindow::~ConsoleWindow() = default;

QWidget *ConsoleWindow::takePage()
{
    QWidget *page = m_page;
    m_page = nullptr;
    if (page) {
        page->removeAction(m_dockAction);
        takeCentralWidget();
    }
    return page;
}

void ConsoleWindow::closeEvent(QCloseEvent *event)
{
    // Closing the window is not closing the console: it goes back to the tabs, live.
    if (m_page)
        emit dockRequested();
    event->accept();
}
