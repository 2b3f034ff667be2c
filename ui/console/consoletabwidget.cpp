// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/console/consoletabwidget.h"

#include "core/procserv/consolesession.h"
#include "ui/console/consoleview.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPixmap>
#include <QShortcut>
#include <QStyleOptionTab>

QString ConsoleTabBar::shownText(int index) const
{
    QStyleOptionTab option;
    initStyleOption(&option, index); // elides the text as paintEvent() does
    return option.text;
}

ConsoleTabWidget::ConsoleTabWidget(QWidget *parent)
    : QTabWidget(parent)
    , m_tabBar(new ConsoleTabBar(this))
{
    setObjectName(QStringLiteral("consoleTabs"));
    setTabBar(m_tabBar);
    m_tabBar->setAccessibleName(tr("Open consoles, logs and details"));
    setTabsClosable(true);
    setMovable(true);
    setDocumentMode(true);
    setElideMode(Qt::ElideMiddle); // "tstmain…-run": IOCs with a common prefix stay apart
    tabBar()->installEventFilter(this);
    connect(this, &QTabWidget::tabCloseRequested, this, &ConsoleTabWidget::handleTabCloseRequested);

    // ConsoleView lets these through to here (ConsoleView::tabSwitchKeys()).
    auto *next = new QShortcut(ConsoleView::tabSwitchKeys().at(0), this);
    next->setContext(Qt::WidgetWithChildrenShortcut);
    connect(next, &QShortcut::activated, this, [this] {
        if (count() > 1)
            setCurrentIndex((currentIndex() + 1) % count());
    });
    auto *previous = new QShortcut(ConsoleView::tabSwitchKeys().at(1), this);
    previous->setContext(Qt::WidgetWithChildrenShortcut);
    connect(previous, &QShortcut::activated, this, [this] {
        if (count() > 1)
            setCurrentIndex((currentIndex() + count() - 1) % count());
    });
}

ConsoleTabWidget::~ConsoleTabWidget() = default;

ConsoleView *ConsoleTabWidget::openConsole(const Ioc &ioc, ConsoleSession *session, bool forceNew)
{
    if (!forceNew) {
        if (ConsoleView *existing = viewFor(ioc.key())) {
            if (session) {
                session->close(); // never writes; it was not meant to be open anyway
                session->deleteLater();
            }
            setCurrentWidget(existing);
            existing->setFocus();
            return existing;
        }
    }
    if (!session)
        return nullptr;
    auto *view = new ConsoleView(ioc, session, this);
    const int index = addTab(view, view->title());
    watchView(view);
    setCurrentIndex(index);
    view->setFocus();
    return view;
}

void ConsoleTabWidget::watchView(ConsoleView *view)
{
    connect(view, &ConsoleView::titleChanged, this, [this, view](const QString &title) {
        const int i = indexOf(view);
        if (i >= 0)
            setTabText(i, title);
    });
    connect(view, &ConsoleView::stateChanged, this, [this, view] { handleViewStateChanged(view); });
    handleViewStateChanged(view);
}

QWidget *ConsoleTabWidget::takePage(int index)
{
    QWidget *page = widget(index);
    if (!page)
        return nullptr;
    page->disconnect(this); // its title and state go to where it goes next
    removeTab(index);
    return page;
}

int ConsoleTabWidget::adoptPage(QWidget *page, const QIcon &icon, const QString &text,
                                const QString &toolTip)
{
    const int index = addTab(page, icon, text);
    setTabToolTip(index, toolTip);
    if (auto *view = qobject_cast<ConsoleView *>(page)) {
        setTabText(index, view->title());
        watchView(view);
    }
    update(); // the placeholder goes
    return index;
}

void ConsoleTabWidget::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    update();
}

void ConsoleTabWidget::tabInserted(int index)
{
    QTabWidget::tabInserted(index);
    emit pageInserted(widget(index));
}

void ConsoleTabWidget::paintEvent(QPaintEvent *event)
{
    QTabWidget::paintEvent(event);
    if (count() > 0 || m_placeholder.isEmpty())
        return;
    QPainter painter(this);
    painter.setPen(palette().color(QPalette::Disabled, QPalette::WindowText));
    painter.drawText(rect().adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap,
                     m_placeholder);
}

ConsoleView *ConsoleTabWidget::viewAt(int index) const
{
    return qobject_cast<ConsoleView *>(widget(index));
}

QList<ConsoleView *> ConsoleTabWidget::views() const
{
    QList<ConsoleView *> found;
    for (int i = 0; i < count(); ++i) {
        if (ConsoleView *view = viewAt(i))
            found << view;
    }
    return found;
}

ConsoleView *ConsoleTabWidget::currentView() const
{
    return qobject_cast<ConsoleView *>(currentWidget());
}

ConsoleView *ConsoleTabWidget::viewFor(const QString &key) const
{
    for (int i = 0; i < count(); ++i) {
        ConsoleView *view = viewAt(i);
        if (view && view->key() == key)
            return view;
    }
    return nullptr;
}

void ConsoleTabWidget::closeConsole(int index)
{
    QWidget *page = widget(index);
    if (!page)
        return;
    auto *view = qobject_cast<ConsoleView *>(page);
    const QString key = view ? view->key() : QString();
    if (view) {
        view->disconnect(this);
        view->detach(); // closes the session now; sends nothing
    }
    removeTab(index);
    page->deleteLater();
    emit consoleClosed(key);
}

void ConsoleTabWidget::closeAll()
{
    while (count() > 0)
        closeConsole(count() - 1);
}

void ConsoleTabWidget::handleTabCloseRequested(int index)
{
    closeConsole(index);
}

QIcon ConsoleTabWidget::stateIcon(const QColor &color)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color.darker(150));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(3.5, 3.5, 9, 9));
    return QIcon(pixmap);
}

void ConsoleTabWidget::handleViewStateChanged(ConsoleView *view)
{
    const int i = indexOf(view);
    if (i < 0)
        return;
    QColor color;
    switch (view->connectionState()) {
    case ConsoleSession::State::Connected:
        color = view->childState() == ChildState::ShutDown ? QColor(0xd0, 0x80, 0x00)
                                                           : QColor(0x2e, 0xa0, 0x43);
        break;
    case ConsoleSession::State::Connecting:
    case ConsoleSession::State::Reconnecting:
        color = QColor(0xe0, 0xc0, 0x30);
        break;
    case ConsoleSession::State::Failed:
        color = QColor(0xc0, 0x30, 0x30);
        break;
    case ConsoleSession::State::Disconnected:
        color = QColor(0x90, 0x90, 0x90);
        break;
    }
    setTabIcon(i, stateIcon(color));
    const Ioc &ioc = view->ioc();
    QStringList tip;
    tip << ioc.name;
    if (!ioc.host.isEmpty())
        tip << tr("Host: %1").arg(ioc.host);
    if (!ioc.unit.isEmpty())
        tip << tr("Unit: %1").arg(ioc.unit);
    tip << view->statusText();
    setTabToolTip(i, tip.join(QLatin1Char('\n')));
}

bool ConsoleTabWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == tabBar() && event->type() == QEvent::MouseButtonRelease) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::MiddleButton) {
            const int index = tabBar()->tabAt(mouse->pos());
            if (index >= 0) {
                closeConsole(index);
                return true;
            }
        }
    }
    return QTabWidget::eventFilter(watched, event);
}
