// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/procserv/consolesession.h"
#include "tests/ui/consoletestsupport.h"
#include "ui/console/consoletabwidget.h"
#include "ui/console/consoleview.h"

#include <QApplication>
#include <QClipboard>
#include <QPointer>
#include <QSignalSpy>
#include <QTabBar>
#include <QTest>

class TestConsoleTabWidget : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void opensOneTabPerIoc();
    void reopenFocusesExisting();
    void closeTabSendsNothing();
    void middleClickCloses();
    void ctrlPageSwitchesTabs();
    void longTitlesKeepBothEnds();

private:
    static ConsoleSession *sessionFor(const ProcServRunner &ps);
    static bool nothingSentSince(const ProcServRunner &ps, const QByteArray &before,
                                 const QByteArray &marker, QByteArray *extra);
    ProcServRunner *m_a = nullptr;
    ProcServRunner *m_b = nullptr;
};

ConsoleSession *TestConsoleTabWidget::sessionFor(const ProcServRunner &ps)
{
    auto *session = new ConsoleSession;
    session->setEndpoint(ps.ioc().console);
    return session;
}

bool TestConsoleTabWidget::nothingSentSince(const ProcServRunner &ps, const QByteArray &before,
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
    } while (t.elapsed() < 5000);
    *extra = log.mid(before.size());
    return log.startsWith(before) && extra->startsWith("echo " + marker);
}

void TestConsoleTabWidget::initTestCase()
{
    m_a = new ProcServRunner(QStringLiteral("tctalpha"));
    m_b = new ProcServRunner(QStringLiteral("tctbeta"));
    QVERIFY2(m_a->error().isEmpty(), qPrintable(m_a->error()));
    QVERIFY2(m_b->error().isEmpty(), qPrintable(m_b->error()));
    QTRY_VERIFY_WITH_TIMEOUT(m_a->isReady() && m_b->isReady(), 10000);
}

void TestConsoleTabWidget::cleanupTestCase()
{
    delete m_a;
    delete m_b;
}

void TestConsoleTabWidget::opensOneTabPerIoc()
{
    ConsoleTabWidget tabs;
    tabs.resize(1200, 600);
    tabs.show();
    ConsoleView *a = tabs.openConsole(m_a->ioc(), sessionFor(*m_a));
    ConsoleView *b = tabs.openConsole(m_b->ioc(), sessionFor(*m_b));
    QVERIFY(a && b && a != b);
    QCOMPARE(tabs.count(), 2);
    QCOMPARE(tabs.tabText(0), QStringLiteral("tctalpha"));
    QCOMPARE(tabs.tabText(1), QStringLiteral("tctbeta"));
    QCOMPARE(tabs.currentWidget(), b);
    QCOMPARE(tabs.viewFor(m_a->ioc().key()), a);
    QCOMPARE(tabs.viewFor(m_b->ioc().key()), b);
    QVERIFY(!tabs.viewFor(QStringLiteral("nohost/none.service")));
    QVERIFY(tabs.tabsClosable());

    QTRY_VERIFY_WITH_TIMEOUT(tabs.tabToolTip(0).contains(QStringLiteral("Connected")), 10000);
    QVERIFY(tabs.tabToolTip(0).contains(QStringLiteral("local-test")));
    QVERIFY(tabs.tabToolTip(0).contains(QStringLiteral("tctalpha.service")));
    QVERIFY(!tabs.tabIcon(0).isNull());
    QTRY_VERIFY_WITH_TIMEOUT(terminalText(a->terminal()).contains(QStringLiteral("tctalpha")),
                             10000);
    QTRY_VERIFY_WITH_TIMEOUT(terminalText(b->terminal()).contains(QStringLiteral("tctbeta")),
                             10000);

    // Read-only mode shows in the tab text.
    a->setReadOnly(true);
    QCOMPARE(tabs.tabText(0), QStringLiteral("tctalpha (read-only)"));
}

void TestConsoleTabWidget::reopenFocusesExisting()
{
    ConsoleTabWidget tabs;
    tabs.show();
    ConsoleView *a = tabs.openConsole(m_a->ioc(), sessionFor(*m_a));
    tabs.openConsole(m_b->ioc(), sessionFor(*m_b));
    QCOMPARE(tabs.currentIndex(), 1);

    QPointer<ConsoleSession> spare = sessionFor(*m_a);
    QCOMPARE(tabs.openConsole(m_a->ioc(), spare), a);
    QCOMPARE(tabs.count(), 2);
    QCOMPARE(tabs.currentWidget(), a);
    QTRY_VERIFY(!spare); // discarded, never opened

    ConsoleView *second = tabs.openConsole(m_a->ioc(), sessionFor(*m_a), true);
    QVERIFY(second && second != a);
    QCOMPARE(tabs.count(), 3);
    QCOMPARE(tabs.currentWidget(), second);
}

void TestConsoleTabWidget::closeTabSendsNothing()
{
    ConsoleTabWidget tabs;
    tabs.show();
    QPointer<ConsoleView> a = tabs.openConsole(m_a->ioc(), sessionFor(*m_a));
    tabs.openConsole(m_b->ioc(), sessionFor(*m_b));
    QTRY_VERIFY_WITH_TIMEOUT(a->connectionState() == ConsoleSession::State::Connected, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(terminalText(a->terminal()).contains(QStringLiteral("Welcome")),
                             10000);
    const quint32 pid = m_a->childPid();
    const QByteArray before = m_a->log();
    QSignalSpy closed(&tabs, &ConsoleTabWidget::consoleClosed);

    emit tabs.tabCloseRequested(0); // what the tab's close button does
    QCOMPARE(tabs.count(), 1);
    QCOMPARE(closed.count(), 1);
    QCOMPARE(closed.at(0).at(0).toString(), m_a->ioc().key());
    QVERIFY(!tabs.viewFor(m_a->ioc().key()));
    QTRY_VERIFY(!a); // deleted later
    QByteArray extra;
    QVERIFY2(nothingSentSince(*m_a, before, "tabclosebarrier", &extra), extra.constData());
    QCOMPARE(m_a->childPid(), pid);
}

void TestConsoleTabWidget::middleClickCloses()
{
    ConsoleTabWidget tabs;
    tabs.resize(800, 400);
    tabs.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tabs));
    tabs.openConsole(m_a->ioc(), sessionFor(*m_a));
    tabs.openConsole(m_b->ioc(), sessionFor(*m_b));
    const QPoint centre = tabs.tabBar()->tabRect(0).center();
    QTest::mouseClick(tabs.tabBar(), Qt::MiddleButton, {}, centre);
    QCOMPARE(tabs.count(), 1);
    QCOMPARE(tabs.tabText(0), QStringLiteral("tctbeta"));
    QTest::mouseClick(tabs.tabBar(), Qt::LeftButton, {}, tabs.tabBar()->tabRect(0).center());
    QCOMPARE(tabs.count(), 1);
}

void TestConsoleTabWidget::ctrlPageSwitchesTabs()
{
    ConsoleTabWidget tabs;
    tabs.resize(800, 400);
    tabs.show();
    QApplication::setActiveWindow(&tabs);
    QVERIFY(QTest::qWaitForWindowActive(&tabs));
    ConsoleView *a = tabs.openConsole(m_a->ioc(), sessionFor(*m_a));
    ConsoleView *b = tabs.openConsole(m_b->ioc(), sessionFor(*m_b));
    QCOMPARE(tabs.currentWidget(), b);
    b->terminal()->focusProxy()->setFocus();
    QTest::keyClick(b->terminal()->focusProxy(), Qt::Key_PageUp, Qt::ControlModifier);
    QCOMPARE(tabs.currentWidget(), a);
    QTest::keyClick(a->terminal()->focusProxy(), Qt::Key_PageDown, Qt::ControlModifier);
    QCOMPARE(tabs.currentWidget(), b);

    // The view's shortcuts win over the terminal: Ctrl+Shift+V pastes (no ^V is sent).
    QTRY_VERIFY_WITH_TIMEOUT(b->connectionState() == ConsoleSession::State::Connected, 10000);
    // procServ discards input while its child is not (yet) running.
    QTRY_VERIFY_WITH_TIMEOUT(b->childState() == ChildState::Running, 15000);
    QApplication::clipboard()->setText(QStringLiteral("dbgf tctbeta:ao1"));
    QTest::keyClick(b->terminal()->focusProxy(), Qt::Key_V,
                    Qt::ControlModifier | Qt::ShiftModifier);
    QTest::keyClick(b->terminal()->focusProxy(), Qt::Key_Return);
    // The pasted line ran whole: echoed after the prompt or, when procServ printed one of its
    // own lines after the prompt (e.g. "@@@ Got a sigPipe signal" for a tab closed earlier),
    // at the start of a line; then the IOC's answer.
    auto ran = [this] {
        const QByteArray log = m_b->log();
        return log.contains("> dbgf tctbeta:ao1\r\nDBF_")
                || log.contains("\ndbgf tctbeta:ao1\r\nDBF_");
    };
    QTRY_VERIFY2_WITH_TIMEOUT(
            ran(),
            qPrintable(QString::fromLatin1(m_b->log().right(300).toPercentEncoding(" "))
                       + QStringLiteral("\n--- bar: ") + b->messageText()),
            15000);
}

void TestConsoleTabWidget::longTitlesKeepBothEnds()
{
    ConsoleTabWidget tabs;
    tabs.resize(420, 300);
    tabs.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tabs));
    // IOCs with a long common prefix, as sites name them.
    const QStringList names{ QStringLiteral("BL12I-MO-IOC-01-motion-controller-alpha"),
                             QStringLiteral("BL12I-MO-IOC-01-motion-controller-beta") };
    for (const QString &name : names) {
        Ioc ioc = m_a->ioc();
        ioc.name = name;
        ioc.unit = name + QStringLiteral(".service");
        QVERIFY(tabs.openConsole(ioc, sessionFor(*m_a)));
    }
    ConsoleTabBar *bar = tabs.consoleTabBar();
    QCOMPARE(bar->count(), 2);
    const QString alpha = bar->shownText(0);
    const QString beta = bar->shownText(1);
    QVERIFY2(alpha != names.at(0), qPrintable(alpha)); // too narrow for the whole name
    QVERIFY2(alpha.startsWith(QStringLiteral("BL")) && alpha.endsWith(QStringLiteral("pha")),
             qPrintable(alpha));
    QVERIFY2(beta.startsWith(QStringLiteral("BL")) && beta.endsWith(QStringLiteral("eta")),
             qPrintable(beta));
    QVERIFY(alpha != beta);
    QVERIFY(tabs.tabToolTip(0).startsWith(names.at(0) + QLatin1Char('\n')));
    QVERIFY(tabs.tabToolTip(1).startsWith(names.at(1) + QLatin1Char('\n')));
}

QTEST_MAIN(TestConsoleTabWidget)
#include "tst_consoletabwidget.moc"
