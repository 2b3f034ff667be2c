// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// "Several consoles in view at once": the console area split side by side and stacked, a tab
// moved to the other pane, detached into a window of its own and docked back. Each keeps its
// session: the same ConsoleSession stays connected throughout (no reconnect), procServ holds
// the very same client socket, what the IOC printed while the console was detached is in its
// scrollback once docked, and nothing reaches the IOC. Real procServ running tools/iocsim.
#include "core/procserv/consolesession.h"
#include "tests/ui/consoletestsupport.h"
#include "ui/console/consolearea.h"
#include "ui/console/consoletabwidget.h"
#include "ui/console/consoleview.h"
#include "ui/console/consolewindow.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QMenu>
#include <QPointer>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabBar>
#include <QTest>

class TestConsoleArea : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void splitMoveDetachDockKeepTheSession();
    void splitLayoutsAndCollapse();
    void shortcutsWorkFromTheConsole();
    void closingTheWindowDocksBack();
    void screenshotOfASplit();

private:
    static ConsoleSession *sessionFor(const ProcServRunner &ps);
    /// The client sockets procServ holds (the inodes of /proc/PID/fd/* that are sockets).
    static QSet<QString> serverSockets(const ProcServRunner &ps);
    /// @p log without procServ's own "@@@" lines (e.g. "@@@ Got a sigPipe signal" when an
    /// earlier client went away, written whenever procServ notices): what the IOC printed.
    static QByteArray ioc(const QByteArray &log);
    /// The IOC's prompt is the last thing it printed.
    static bool promptShown(const ProcServRunner &ps);
    /// The IOC's log since @p before starts with what a second client sent for @p marker: so
    /// nothing else reached the IOC since @p before (as in tst_consoletabwidget).
    static bool nothingSentSince(const ProcServRunner &ps, const QByteArray &before,
                                 const QByteArray &marker, QByteArray *extra);
    static bool connected(const ConsoleView *view)
    {
        return view->connectionState() == ConsoleSession::State::Connected;
    }
    ProcServRunner *m_a = nullptr;
    ProcServRunner *m_b = nullptr;
};

ConsoleSession *TestConsoleArea::sessionFor(const ProcServRunner &ps)
{
    auto *session = new ConsoleSession;
    session->setEndpoint(ps.ioc().console);
    return session;
}

QSet<QString> TestConsoleArea::serverSockets(const ProcServRunner &ps)
{
    QSet<QString> sockets;
    const QString fds = QStringLiteral("/proc/%1/fd").arg(ps.serverPid());
    const QStringList entries = QDir(fds).entryList(QDir::System | QDir::NoDotAndDotDot);
    for (const QString &fd : entries) {
        const QString target = QFile::symLinkTarget(fds + QLatin1Char('/') + fd);
        if (target.contains(QLatin1String("socket:")))
            sockets.insert(target);
    }
    return sockets;
}

QByteArray TestConsoleArea::ioc(const QByteArray &log)
{
    static const QRegularExpression own(QStringLiteral("@@@[^\n]*\n?"));
    return QString::fromLatin1(log).remove(own).toLatin1();
}

bool TestConsoleArea::promptShown(const ProcServRunner &ps)
{
    return ioc(ps.log()).endsWith("epics> ");
}

bool TestConsoleArea::nothingSentSince(const ProcServRunner &ps, const QByteArray &before,
                                       const QByteArray &marker, QByteArray *extra)
{
    if (!ps.sendFromOtherClient("echo " + marker))
        return false;
    QElapsedTimer t;
    t.start();
    QByteArray log;
    do {
        log = ps.log();
        if (log.contains(marker + "\r\n") || log.contains(marker + '\n'))
            break;
        QTest::qWait(20);
    } while (t.elapsed() < 10000);
    *extra = ioc(log.mid(before.size()));
    return log.startsWith(before) && extra->startsWith("echo " + marker);
}

void TestConsoleArea::initTestCase()
{
    m_a = new ProcServRunner(QStringLiteral("tcaalpha"));
    m_b = new ProcServRunner(QStringLiteral("tcabeta"));
    QVERIFY2(m_a->error().isEmpty(), qPrintable(m_a->error()));
    QVERIFY2(m_b->error().isEmpty(), qPrintable(m_b->error()));
    QTRY_VERIFY_WITH_TIMEOUT(m_a->isReady() && m_b->isReady(), 15000);
}

void TestConsoleArea::cleanupTestCase()
{
    delete m_a;
    delete m_b;
}

void TestConsoleArea::splitMoveDetachDockKeepTheSession()
{
    ConsoleArea area;
    area.resize(1200, 500);
    area.show();
    QVERIFY(QTest::qWaitForWindowExposed(&area));
    ConsoleView *a = area.targetGroup()->openConsole(m_a->ioc(), sessionFor(*m_a));
    ConsoleView *b = area.targetGroup()->openConsole(m_b->ioc(), sessionFor(*m_b));
    QVERIFY(a && b);
    QTRY_VERIFY_WITH_TIMEOUT(connected(a) && connected(b), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(a->childState() == ChildState::Running, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(
            terminalText(a->terminal()).contains(QStringLiteral("Welcome to procServ")), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(promptShown(*m_a), 10000);
    // procServ's side of a's connection: one client socket more than before it connected.
    const QPointer<ConsoleSession> session = a->session();
    QSignalSpy states(session.data(), &ConsoleSession::stateChanged);
    const QSet<QString> sockets = serverSockets(*m_a);
    QVERIFY(!sockets.isEmpty());
    const QByteArray before = m_a->log();

    // Side by side: the current tab (b) goes to the second pane; both are on screen.
    area.setSplit(ConsoleArea::Split::SideBySide);
    QCOMPARE(area.split(), ConsoleArea::Split::SideBySide);
    QCOMPARE(area.groups().size(), 2);
    QCOMPARE(area.splitter()->orientation(), Qt::Horizontal);
    QCOMPARE(area.groupIndexOf(a), 0);
    QCOMPARE(area.groupIndexOf(b), 1);
    QTRY_VERIFY(a->isVisible() && b->isVisible());
    QVERIFY(a->mapTo(&area, QPoint()).x() < b->mapTo(&area, QPoint()).x());

    // a to the other pane, and back: its pane empties and the split goes with it.
    QVERIFY(area.moveToOtherGroup(a));
    QCOMPARE(area.groupIndexOf(a), 0); // the first pane emptied and took the second's tabs
    QCOMPARE(area.groups().size(), 1);
    QCOMPARE(area.split(), ConsoleArea::Split::Single);
    QCOMPARE(area.primary()->count(), 2);
    area.setSplit(ConsoleArea::Split::Stacked);
    QCOMPARE(area.groups().size(), 2);
    QCOMPARE(area.splitter()->orientation(), Qt::Vertical);
    QCOMPARE(area.groupIndexOf(a), 1); // it was the current tab
    QCOMPARE(area.groupIndexOf(b), 0);

    // Detached: a window of its own, titled HOST/NAME, live.
    ConsoleWindow *window = area.undock(a);
    QVERIFY(window);
    QCOMPARE(area.windowOf(a), window);
    QCOMPARE(area.groupIndexOf(a), -1);
    QCOMPARE(area.groups().size(), 1); // a's pane had nothing else
    QCOMPARE(window->windowTitle(), QStringLiteral("local-test/tcaalpha — iocdock"));
    QVERIFY(window->isVisible() && a->isVisible());
    QCOMPARE(area.views().size(), 2);
    QCOMPARE(area.viewFor(m_a->ioc().key()), a);

    // Nothing reached the IOC so far: what another client sends is the next thing in its log.
    // The IOC's answer arrives while the console is detached.
    QByteArray extra;
    QVERIFY2(nothingSentSince(*m_a, before, "whiledetached", &extra), extra.constData());
    QTRY_VERIFY_WITH_TIMEOUT(
            terminalText(a->terminal()).contains(QStringLiteral("\nwhiledetached")), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(promptShown(*m_a), 10000);
    const QByteArray beforeDock = m_a->log();

    // Docked back: into the pane it came from if there still is one, else the current one.
    QPointer<ConsoleWindow> gone = window;
    area.dock(a);
    QTRY_VERIFY(!gone);
    QVERIFY(area.windows().isEmpty());
    QCOMPARE(area.groupIndexOf(a), 0);
    QCOMPARE(area.primary()->currentWidget(), a);
    QVERIFY(a->isVisible());
    QCOMPARE(area.primary()->tabText(area.primary()->indexOf(a)), QStringLiteral("tcaalpha"));

    // The same session object, never out of Connected, on the same socket of procServ's.
    QCOMPARE(a->session(), session.data());
    QVERIFY(connected(a));
    QCOMPARE(states.count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(serverSockets(*m_a), sockets, 10000); // once the probes are gone
    // What the IOC printed meanwhile is in the scrollback, banner once (no second connect).
    const QString text = terminalText(a->terminal());
    QVERIFY(text.contains(QStringLiteral("\nwhiledetached")));
    QCOMPARE(text.count(QStringLiteral("Welcome to procServ")), 1);
    QVERIFY2(nothingSentSince(*m_a, beforeDock, "afterdock", &extra), extra.constData());
    QTRY_VERIFY_WITH_TIMEOUT(terminalText(a->terminal()).contains(QStringLiteral("\nafterdock")),
                             10000);

    // And the reparented terminal still types: keys reach the IOC.
    QTRY_VERIFY_WITH_TIMEOUT(promptShown(*m_a), 10000);
    QWidget *keys = a->terminal()->focusProxy();
    QTest::keyClicks(keys, QStringLiteral("echo typedafterdock"));
    QTest::keyClick(keys, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(m_a->log().contains("\ntypedafterdock"), 10000);
    QCOMPARE(states.count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(serverSockets(*m_a), sockets, 10000); // once the probes are gone
    area.closeAll();
}

void TestConsoleArea::splitLayoutsAndCollapse()
{
    ConsoleArea area;
    area.resize(900, 400);
    area.show();
    QSignalSpy closed(&area, &ConsoleArea::pageClosed);
    // Split with a single tab: the second pane waits, and the next page goes into it.
    ConsoleView *a = area.targetGroup()->openConsole(m_a->ioc(), sessionFor(*m_a));
    area.setSplit(ConsoleArea::Split::SideBySide);
    QCOMPARE(area.groups().size(), 2);
    QCOMPARE(area.groups().at(1)->count(), 0);
    QVERIFY(area.moveAction()->isEnabled());
    QCOMPARE(area.targetGroup(), area.groups().at(1));
    ConsoleView *b = area.targetGroup()->openConsole(m_b->ioc(), sessionFor(*m_b));
    QCOMPARE(area.groupIndexOf(b), 1);

    // A third pane (MaxGroups), then no more.
    Ioc other = m_a->ioc();
    other.name = QStringLiteral("tcaalpha-second");
    other.unit = QStringLiteral("tcaalpha-second.service");
    ConsoleView *c = area.groups().at(1)->openConsole(other, sessionFor(*m_a));
    QVERIFY(area.moveToGroup(c, 2));
    QCOMPARE(area.groups().size(), 3);
    QVERIFY(!area.moveToGroup(c, 3));
    QCOMPARE(area.views().size(), 3);

    // The tab's context menu offers the moves and Detach.
    ConsoleTabWidget *third = area.groups().at(2);
    const QPoint at = third->tabBar()->tabRect(0).center();
    emit third->tabBar()->customContextMenuRequested(at);
    QMenu *menu = nullptr;
    QTRY_VERIFY((menu = area.findChild<QMenu *>()) && menu->isVisible());
    QVERIFY(menu->actions().contains(area.moveAction()));
    QVERIFY(menu->actions().contains(area.detachAction()));
    menu->close();

    // Closing the last tab of a pane collapses it; its neighbours stay.
    emit third->tabCloseRequested(0);
    QCOMPARE(area.groups().size(), 2);
    QCOMPARE(closed.count(), 1);
    // Single gathers everything into the first pane, in order.
    area.setSplit(ConsoleArea::Split::Single);
    QCOMPARE(area.groups().size(), 1);
    QCOMPARE(area.primary()->count(), 2);
    QCOMPARE(area.primary()->widget(0), a);
    QCOMPARE(area.primary()->widget(1), b);
    QVERIFY(area.splitActions().at(0)->isChecked());
    area.closeAll();
    QCOMPARE(area.pages().size(), 0);
}

void TestConsoleArea::shortcutsWorkFromTheConsole()
{
    ConsoleArea area;
    area.resize(900, 400);
    area.show();
    QApplication::setActiveWindow(&area);
    QVERIFY(QTest::qWaitForWindowActive(&area));
    ConsoleView *a = area.targetGroup()->openConsole(m_a->ioc(), sessionFor(*m_a));
    ConsoleView *b = area.targetGroup()->openConsole(m_b->ioc(), sessionFor(*m_b));
    QTRY_VERIFY_WITH_TIMEOUT(connected(a) && connected(b), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(promptShown(*m_b), 10000);
    const QByteArray before = m_b->log();
    QWidget *keys = b->terminal()->focusProxy();
    keys->setFocus();
    // The console does not claim the area's keys: Ctrl+Alt+2 splits, Ctrl+Shift+M moves.
    QTest::keyClick(keys, Qt::Key_2, Qt::ControlModifier | Qt::AltModifier);
    QCOMPARE(area.split(), ConsoleArea::Split::SideBySide);
    QCOMPARE(area.groupIndexOf(b), 1);
    QTest::keyClick(keys, Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(area.groupIndexOf(b), 0);
    QCOMPARE(area.split(), ConsoleArea::Split::Single);
    // Ctrl+Shift+D detaches; in the window the same keys dock back.
    area.primary()->setCurrentWidget(b);
    keys->setFocus();
    QTest::keyClick(keys, Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    ConsoleWindow *window = area.windowOf(b);
    QVERIFY(window);
    QApplication::setActiveWindow(window);
    QVERIFY(QTest::qWaitForWindowActive(window));
    QTest::keyClick(keys, Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(!area.windowOf(b));
    QCOMPARE(area.groupIndexOf(b), 0);
    QVERIFY(connected(b));
    // None of these keys reached the IOC.
    QByteArray extra;
    QVERIFY2(nothingSentSince(*m_b, before, "shortcutbarrier", &extra), extra.constData());
    area.closeAll();
}

void TestConsoleArea::closingTheWindowDocksBack()
{
    ConsoleArea area;
    area.setPageIdentifier([](const QWidget *page) {
        const auto *view = qobject_cast<const ConsoleView *>(page);
        return view ? QStringLiteral("console ") + view->key() : QString();
    });
    area.resize(900, 400);
    area.show();
    ConsoleView *a = area.targetGroup()->openConsole(m_a->ioc(), sessionFor(*m_a));
    QTRY_VERIFY_WITH_TIMEOUT(connected(a), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(promptShown(*m_a), 10000);
    const QByteArray before = m_a->log();
    ConsoleWindow *window = area.undock(a);
    QVERIFY(window);
    QVERIFY(area.isVisible()); // hiding an empty area is IocTabs' business
    window->resize(700, 380);
    const QSize size = window->size();
    QVERIFY(window->close()); // the title bar's close button
    QCOMPARE(area.groupIndexOf(a), 0);
    QVERIFY(connected(a));
    // Its geometry is remembered for the next detach of the same console.
    const QString id = QStringLiteral("console ") + a->key();
    QVERIFY(area.windowGeometries().contains(id));
    window = area.undock(a);
    QCOMPARE(window->size(), size);
    // Close Console is the explicit way to end it: the session closes, sending nothing.
    QSignalSpy closed(&area, &ConsoleArea::pageClosed);
    QPointer<ConsoleView> view = a;
    window->closePageAction()->trigger();
    QCOMPARE(closed.count(), 1);
    QCOMPARE(closed.at(0).at(0).toString(), m_a->ioc().key());
    QTRY_VERIFY(!view);
    QVERIFY(area.pages().isEmpty());
    QByteArray extra;
    QVERIFY2(nothingSentSince(*m_a, before, "windowbarrier", &extra), extra.constData());
}

void TestConsoleArea::screenshotOfASplit()
{
    // Under Xvfb with IOCDOCK_SPLIT_SCREENSHOT=FILE: a picture to look at.
    const QString file = QString::fromLocal8Bit(qgetenv("IOCDOCK_SPLIT_SCREENSHOT"));
    if (file.isEmpty())
        QSKIP("IOCDOCK_SPLIT_SCREENSHOT not set");
    ConsoleArea area;
    area.resize(1200, 420);
    area.show();
    QVERIFY(QTest::qWaitForWindowExposed(&area));
    ConsoleView *a = area.targetGroup()->openConsole(m_a->ioc(), sessionFor(*m_a));
    ConsoleView *b = area.targetGroup()->openConsole(m_b->ioc(), sessionFor(*m_b));
    area.setSplit(ConsoleArea::Split::SideBySide);
    QTRY_VERIFY_WITH_TIMEOUT(connected(a) && connected(b), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(promptShown(*m_a) && promptShown(*m_b), 15000);
    // Something on both screens besides the banner: an answer of each IOC.
    QVERIFY(m_a->sendFromOtherClient("dbl"));
    QVERIFY(m_b->sendFromOtherClient("help"));
    // (the prompt printed before a console connected is not on its screen; the next one is)
    QTRY_VERIFY_WITH_TIMEOUT(
            terminalText(a->terminal()).contains(QStringLiteral("epics> "))
                    && terminalText(b->terminal()).contains(QStringLiteral("epics> ")),
            15000);
    QTest::qWait(500); // let the terminals paint
    QVERIFY(area.grab().save(file));
    area.closeAll();
}

QTEST_MAIN(TestConsoleArea)
#include "tst_consolearea.moc"
