// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// Faults on a console tab of the GUI (the real ConsoleTabWidget and ConsoleView on a real
// procServ under the sandbox's systemd): procServ or the IOC killed with SIGKILL while the
// tab is open, an IOC printing binary garbage, a 1 MiB line and escape sequences meant for
// the terminal, a tab and `iocctl attach` typing into one console, and tabs closed during a
// flood or while disconnected. Each test checks what the user sees (status line, tab icon
// and tool tip, the terminal's text), that the tab recovers, and that exactly what the test
// typed reached the IOC (iocsim --input-log) and systemd restarted only what was killed.
#include "core/procserv/consolesession.h"
#include "faultsupport.h"
#include "tests/ui/consoletestsupport.h"
#include "ui/console/consoletabwidget.h"
#include "ui/console/consoleview.h"
#include "ui/console/terminalwriter.h"

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>
#include <QWindow>

#include <qtermwidget.h>

#include <memory>

class TestConsoleTabFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void procServKillShowsReconnectingAndRecovers();
    void childKillKeepsTabConnected();
    void garbageDoesNotActOnTerminal();
    void tabAndAttachShareConsole();
    void closingDuringFloodSendsNothing();
    void closingWhileDisconnectedSendsNothing();

private:
    /// A top-level window with a title holding the console tabs, as the main window does.
    struct TabWindow
    {
        TabWindow()
        {
            window.setWindowTitle(title());
            auto *layout = new QVBoxLayout(&window);
            tabs = new ConsoleTabWidget(&window);
            layout->addWidget(tabs);
            window.resize(1200, 600);
            window.show();
        }
        static QString title() { return QStringLiteral("iocdock tab faults"); }
        QWidget window;
        ConsoleTabWidget *tabs = nullptr;
    };

    /// Opens a read-write tab on @p ioc; connected, banner shown and the IOC running when it
    /// returns without a test failure.
    static ConsoleView *openTab(TabWindow &w, const FaultIoc &ioc);
    /// Types @p line and Enter into the tab, as the user would.
    static void typeLine(ConsoleView *view, const QByteArray &line)
    {
        QWidget *keys = view->terminal()->focusProxy();
        QTest::keyClicks(keys, QString::fromLatin1(line));
        QTest::keyClick(keys, Qt::Key_Return);
    }
    /// Whether the tab shows @p word on a line of its own or after the prompt (iocsim's
    /// reply to `echo WORD`, not the pty's echo of the command line).
    static bool showsLine(ConsoleView *view, const QString &word)
    {
        const QStringList lines = terminalText(view->terminal()).split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            const QString text = line.trimmed();
            if (text == word || text.endsWith(QStringLiteral("> ") + word))
                return true;
        }
        return false;
    }
    /// Same for a byte stream received by `iocctl attach` or a session.
    static bool hasReply(const QByteArray &received, const QByteArray &word)
    {
        return received.contains("\n" + word + "\r\n") || received.contains("> " + word + "\r\n");
    }
    /// The colour of the tab's state icon.
    static QColor iconColour(const QTabWidget *tabs, int index)
    {
        return tabs->tabIcon(index).pixmap(16, 16).toImage().pixelColor(8, 8);
    }
    /// A second client types `echo WORD`; returns once the IOC read it. Whatever a closed tab
    /// might still have sent reaches the IOC before it.
    static void barrier(const FaultIoc &ioc, const QByteArray &word);
    /// iocctl attach on a pseudo terminal, attached when it returns without a test failure.
    static void startAttach(PtyProcess &pty, const FaultIoc &ioc);
    static QString iocctl() { return Sandbox::binPath(QStringLiteral("iocctl")); }

    Sandbox m_sandbox;
};

void TestConsoleTabFaults::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    QVERIFY2(QFileInfo(iocctl()).isExecutable(), qPrintable(iocctl()));
    QVERIFY2(QFileInfo(QStringLiteral("/usr/bin/procServ")).isExecutable(),
             "procServ is not installed (Debian package procserv)");
}

ConsoleView *TestConsoleTabFaults::openTab(TabWindow &w, const FaultIoc &ioc)
{
    auto *session = new ConsoleSession;
    session->setEndpoint(ioc.endpoint());
    ConsoleView *view = w.tabs->openConsole(ioc.ioc(), session, true);
    [&] {
        QVERIFY(view);
        QVERIFY(!view->isReadOnly());
        QTRY_COMPARE_WITH_TIMEOUT(view->connectionState(), ConsoleSession::State::Connected, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
                terminalText(view->terminal()).contains(QStringLiteral("@@@ Welcome to procServ")),
                10000);
        QTRY_COMPARE_WITH_TIMEOUT(view->childState(), ChildState::Running, 10000);
    }();
    return view;
}

void TestConsoleTabFaults::barrier(const FaultIoc &ioc, const QByteArray &word)
{
    ConsoleSession session;
    session.setEndpoint(ioc.endpoint());
    QSignalSpy banner(&session, &ConsoleSession::bannerReceived);
    session.open();
    QVERIFY2(banner.wait(10000), "the barrier client did not connect");
    // procServ drops input while no child runs (e.g. just after it started).
    QTRY_COMPARE_WITH_TIMEOUT(session.tracker().childState(), ChildState::Running, 10000);
    QVERIFY(session.send("echo " + word + '\r'));
    QTRY_VERIFY_WITH_TIMEOUT(ioc.input().contains("echo " + word + '\n'), 10000);
    session.close();
}

void TestConsoleTabFaults::startAttach(PtyProcess &pty, const FaultIoc &ioc)
{
    QVERIFY(pty.isValid());
    pty.start(iocctl(), { QStringLiteral("--user"), QStringLiteral("attach"), ioc.name() });
    QVERIFY2(pty.process().waitForStarted(10000), qPrintable(pty.process().errorString()));
    QTRY_VERIFY2_WITH_TIMEOUT(pty.errors().contains("Attached to " + ioc.name().toUtf8()),
                              pty.errors().constData(), 20000);
}

void TestConsoleTabFaults::procServKillShowsReconnectingAndRecovers()
{
    FaultIoc ioc(m_sandbox, QStringLiteral("tstctabf-pk"));
    QVERIFY(ioc.start());
    QByteArray sent; // everything the terminal handed on towards the IOC
    // What the user sees each time the tab's state changes.
    QStringList statuses;
    QStringList labels;
    QStringList toolTips;
    QList<QColor> colours;
    bool typedWhileDown = false;
    QString barWhileDown;
    ConsoleSession::State stateWhileTyping = ConsoleSession::State::Connected;
    TabWindow w; // after what its views' signals write to
    ConsoleView *view = nullptr;
    CHECKED(view = openTab(w, ioc));
    connect(view->terminal(), &QTermWidget::sendData, this,
            [&sent](const char *data, int size) { sent.append(data, size); });
    typeLine(view, "echo before-kill");
    QTRY_VERIFY_WITH_TIMEOUT(showsLine(view, QStringLiteral("before-kill")), 10000);
    QTRY_VERIFY(view->statusText().startsWith(QStringLiteral("Connected")));
    const QColor connectedColour = iconColour(w.tabs, 0);

    const qint64 procServ = ioc.mainPid();
    const int restarts = ioc.restarts();
    QCOMPARE(qint64(view->session()->tracker().serverPid()), procServ);
    auto *statusLabel = view->findChild<QLabel *>(QStringLiteral("statusLabel"));
    QVERIFY(statusLabel);
    // The user types while the connection is down (on the next turn of the event loop, as a
    // key press would come).
    connect(view, &ConsoleView::stateChanged, this, [&] {
        statuses << view->statusText();
        labels << statusLabel->text();
        toolTips << w.tabs->tabToolTip(w.tabs->indexOf(view));
        colours << iconColour(w.tabs, w.tabs->indexOf(view));
        if (!typedWhileDown && view->connectionState() == ConsoleSession::State::Reconnecting) {
            typedWhileDown = true;
            QTimer::singleShot(0, view, [&, view] {
                stateWhileTyping = view->connectionState();
                typeLine(view, "echo while-down");
                barWhileDown = view->messageText();
            });
        }
    });
    QSignalSpy banner(view->session(), &ConsoleSession::bannerReceived);
    const quint32 child = view->session()->tracker().childPid();
    const int welcomes =
            terminalText(view->terminal()).count(QStringLiteral("@@@ Welcome to procServ"));
    QCOMPARE(::kill(pid_t(procServ), SIGKILL), 0);

    // The status line, the tab's tool tip and its icon say the console is reconnecting; what
    // is typed meanwhile is not sent, and the bar says so.
    QTRY_VERIFY_WITH_TIMEOUT(!barWhileDown.isEmpty(), 10000);
    QCOMPARE(stateWhileTyping, ConsoleSession::State::Reconnecting);
    QCOMPARE(barWhileDown, QStringLiteral("Not connected: what you type is not sent."));
    // It also says why: procServ went away.
    const int down = statuses.indexOf(QRegularExpression(
            QStringLiteral("^Reconnecting… \\(procServ at .* closed the connection\\)$")));
    QVERIFY2(down >= 0, qPrintable(statuses.join(QLatin1Char('|'))));
    QVERIFY2(labels.at(down).contains(QStringLiteral("tstctabf-pk on user · Reconnecting… (")),
             qPrintable(labels.at(down)));
    QVERIFY2(toolTips.at(down).contains(QStringLiteral("Reconnecting…")),
             qPrintable(toolTips.at(down)));
    QVERIFY(colours.at(down) != connectedColour);

    // It comes back by itself once systemd restarted procServ: the new procServ's banner
    // shows, the state is Connected again, the icon as before, the stale bar is gone.
    QTRY_VERIFY_WITH_TIMEOUT(banner.size() == 1, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(ioc.mainPid() > 0 && ioc.mainPid() != procServ, 10000);
    const qint64 newProcServ = ioc.mainPid();
    QTRY_VERIFY_WITH_TIMEOUT(
            terminalText(view->terminal()).count(QStringLiteral("@@@ Welcome to procServ"))
                    == welcomes + 1,
            10000);
    QTRY_VERIFY_WITH_TIMEOUT(
            terminalText(view->terminal())
                    .contains(QStringLiteral("@@@ procServ server PID: %1").arg(newProcServ)),
            10000);
    QTRY_COMPARE_WITH_TIMEOUT(view->childState(), ChildState::Running, 10000);
    QCOMPARE(view->connectionState(), ConsoleSession::State::Connected);
    QVERIFY2(view->statusText().startsWith(QStringLiteral("Connected")),
             qPrintable(view->statusText()));
    QVERIFY2(statusLabel->text().contains(QStringLiteral("Connected")),
             qPrintable(statusLabel->text()));
    QVERIFY(w.tabs->tabToolTip(0).contains(QStringLiteral("Connected")));
    QCOMPARE(iconColour(w.tabs, 0), connectedColour);
    QVERIFY2(!view->messageText().contains(QStringLiteral("Not connected")),
             qPrintable(view->messageText()));
    QCOMPARE(ioc.restarts(), restarts + 1); // systemd's one restart, nothing of ours
    QCOMPARE(w.tabs->tabText(0), QStringLiteral("tstctabf-pk"));

    // procServ drops input while no child runs: the new banner named the new one.
    QTRY_VERIFY_WITH_TIMEOUT(view->session()->tracker().childPid() != 0
                                     && view->session()->tracker().childPid() != child,
                             10000);
    typeLine(view, "echo after-kill");
    QTRY_VERIFY_WITH_TIMEOUT(showsLine(view, QStringLiteral("after-kill")), 10000);
    // The tab sent nothing of its own: no control characters, no terminal answers, and what
    // was typed while down was dropped, not sent late.
    QCOMPARE(sent, QByteArray("echo before-kill\recho while-down\recho after-kill\r"));
    CHECKED(barrier(ioc, "pk-barrier"));
    QCOMPARE(ioc.input(), QByteArray("echo before-kill\necho after-kill\necho pk-barrier\n"));
    QCOMPARE(ioc.mainPid(), newProcServ);
}

void TestConsoleTabFaults::childKillKeepsTabConnected()
{
    FaultIoc ioc(m_sandbox, QStringLiteral("tstctabf-ck"));
    QVERIFY(ioc.start());
    QByteArray sent;
    QStringList statuses;
    TabWindow w;
    ConsoleView *view = nullptr;
    CHECKED(view = openTab(w, ioc));
    connect(view->terminal(), &QTermWidget::sendData, this,
            [&sent](const char *data, int size) { sent.append(data, size); });
    const quint32 child = view->session()->tracker().childPid();
    QVERIFY(child != 0);
    QTRY_VERIFY(view->statusText().contains(QStringLiteral("IOC running, PID %1").arg(child)));
    const qint64 procServ = ioc.mainPid();
    const int restarts = ioc.restarts();
    QSignalSpy connection(view->session(), &ConsoleSession::stateChanged);
    connect(view, &ConsoleView::stateChanged, this, [&] { statuses << view->statusText(); });

    QCOMPARE(::kill(pid_t(child), SIGKILL), 0);
    // procServ's own lines about the death and the restart show in the tab; the status line
    // says the IOC was restarted, with its new PID; the connection never changed.
    QTRY_VERIFY_WITH_TIMEOUT(view->session()->tracker().childPid() != 0
                                     && view->session()->tracker().childPid() != child,
                             15000);
    const quint32 newChild = view->session()->tracker().childPid();
    QTRY_VERIFY_WITH_TIMEOUT(
            terminalText(view->terminal()).contains(QStringLiteral("The PID of new child")), 10000);
    const QString text = terminalText(view->terminal());
    QVERIFY2(text.contains(QStringLiteral("@@@ Received a sigChild for process %1").arg(child)),
             qPrintable(text.right(1000)));
    QVERIFY(text.contains(QStringLiteral("The process was killed by signal 9")));
    QVERIFY(text.contains(QStringLiteral("@@@ Restarting child \"tstctabf-ck\"")));
    QVERIFY2(statuses.contains(QStringLiteral("Connected — IOC shut down")),
             qPrintable(statuses.join(QLatin1Char('|'))));
    QTRY_COMPARE(view->statusText(),
                 QStringLiteral("Connected — IOC restarted, PID %1").arg(newChild));
    QVERIFY(w.tabs->tabToolTip(0).contains(QStringLiteral("IOC restarted")));
    QVERIFY2(connection.isEmpty(), "the connection to procServ must not change");
    QVERIFY(!view->isMessageVisible());

    // The new IOC booted: typing works.
    QTRY_VERIFY_WITH_TIMEOUT(ioc.log().count("epics> ") >= 2, 10000);
    typeLine(view, "echo after-child-kill");
    QTRY_VERIFY_WITH_TIMEOUT(showsLine(view, QStringLiteral("after-child-kill")), 10000);
    QCOMPARE(sent, QByteArray("echo after-child-kill\r"));
    QCOMPARE(ioc.input(), QByteArray("echo after-child-kill\n"));
    QCOMPARE(ioc.mainPid(), procServ);
    QCOMPARE(ioc.restarts(), restarts);
    QVERIFY(connection.isEmpty());
}

void TestConsoleTabFaults::garbageDoesNotActOnTerminal()
{
    FaultIoc ioc(m_sandbox, QStringLiteral("tstctabf-garb"));
    QVERIFY(ioc.start());
    QClipboard *clipboard = QGuiApplication::clipboard();
    const QString clip = QStringLiteral("tabfaults: the user's clipboard");
    clipboard->setText(clip);
    if (clipboard->supportsSelection())
        clipboard->setText(clip, QClipboard::Selection);
    QCOMPARE(clipboard->text(), clip);
    QSignalSpy clipboardChanged(clipboard, &QClipboard::dataChanged);

    QByteArray sent;
    // The tail of what the session received: the "done" lines are awaited here, cheaply,
    // rather than by reading the whole terminal while the loop's latency is measured.
    QByteArray tail;
    TabWindow w;
    ConsoleView *view = nullptr;
    CHECKED(view = openTab(w, ioc));
    ConsoleSession *session = view->session();
    QTermWidget *term = view->terminal();
    connect(term, &QTermWidget::sendData, this,
            [&sent](const char *data, int size) { sent.append(data, size); });
    QSignalSpy termTitle(term, &QTermWidget::titleChanged);
    const QString termTitleBefore = term->title();
    QSignalSpy viewTitle(view, &ConsoleView::titleChanged);
    QSignalSpy windowTitle(&w.window, &QWidget::windowTitleChanged);
    connect(session, &ConsoleSession::dataReceived, this,
            [&tail](const QByteArray &data) { tail = QByteArray(tail + data).right(4096); });
    auto titlesUnchanged = [&] {
        QCOMPARE(w.window.windowTitle(), TabWindow::title());
        QCOMPARE(w.window.windowHandle()->title(), TabWindow::title());
        QCOMPARE(w.tabs->tabText(0), QStringLiteral("tstctabf-garb"));
        QCOMPARE(view->title(), QStringLiteral("tstctabf-garb"));
        QVERIFY(!term->isTitleChanged());
        QCOMPARE(term->title(), termTitleBefore);
        QCOMPARE(termTitle.size(), 0);
        QCOMPARE(viewTitle.size(), 0);
        QCOMPARE(windowTitle.size(), 0);
    };

    // All 256 byte values.
    typeLine(view, "allbytes");
    QTRY_VERIFY_WITH_TIMEOUT(tail.contains("allbytes done"), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(showsLine(view, QStringLiteral("allbytes done")), 10000);
    CHECKED(titlesUnchanged());

    // A 1 MiB line: the event loop keeps serving (a 10 ms timer keeps firing) and the socket
    // keeps draining while the terminal takes it in.
    const qint64 before = session->bytesReceived();
    LatencyProbe probe;
    probe.start();
    QElapsedTimer clock;
    clock.start();
    typeLine(view, "hugeline 1048576");
    QTRY_VERIFY_WITH_TIMEOUT(tail.contains("hugeline done"), 30000);
    const qint64 received = session->bytesReceived() - before;
    QTRY_VERIFY_WITH_TIMEOUT(view->writer()->queuedBytes() == 0, 30000);
    probe.stop();
    qInfo("1 MiB line: %lld bytes received, terminal fed in %lld ms, max event loop gap %lld ms",
          received, clock.elapsed(), probe.maxGapMs());
    QVERIFY2(received >= 1048576 + qint64(sizeof "\r\nhugeline done\r\n") - 1,
             qPrintable(QString::number(received)));
    QVERIFY2(probe.maxGapMs() < 1000,
             qPrintable(QStringLiteral("event loop stalled %1 ms").arg(probe.maxGapMs())));
    QCOMPARE(view->writer()->droppedBytes(), 0); // 1 MiB is within the writer's bound
    QTRY_VERIFY_WITH_TIMEOUT(showsLine(view, QStringLiteral("hugeline done")), 10000);
    QVERIFY(terminalText(term).contains(QStringLiteral("0123456789abcdef").repeated(8)));

    // Title, clipboard (OSC 52), device queries, ENQ and an OSC that never ends.
    typeLine(view, "escapes");
    QTRY_VERIFY_WITH_TIMEOUT(tail.contains("escapes done"), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(showsLine(view, QStringLiteral("escapes done")), 10000);
    const QString text = terminalText(term);
    QVERIFY(text.contains(QStringLiteral(" visible")));
    QVERIFY(text.contains(QStringLiteral("escapes: unterminated")));
    for (const QString &leaked : { QStringLiteral("iocsim-title"), QStringLiteral("never-ends"),
                                   QStringLiteral("aW9jc2ltLWNsaXA=") }) {
        QVERIFY2(!text.contains(leaked), qPrintable(leaked));
    }
    CHECKED(titlesUnchanged());
    QCOMPARE(clipboard->text(), clip);
    if (clipboard->supportsSelection())
        QCOMPARE(clipboard->text(QClipboard::Selection), clip);
    QCOMPARE(clipboardChanged.size(), 0);

    // Nothing but the typed commands went towards the IOC: no answer to a query, no ENQ
    // answerback.
    QCOMPARE(sent, QByteArray("allbytes\rhugeline 1048576\rescapes\r"));
    CHECKED(barrier(ioc, "garb-barrier"));
    QCOMPARE(ioc.input(), QByteArray("allbytes\nhugeline 1048576\nescapes\necho garb-barrier\n"));
    QCOMPARE(view->connectionState(), ConsoleSession::State::Connected);
    QVERIFY(!view->isMessageVisible());
}

void TestConsoleTabFaults::tabAndAttachShareConsole()
{
    FaultIoc ioc(m_sandbox, QStringLiteral("tstctabf-two"));
    QVERIFY(ioc.start());
    QByteArray tabReceived;
    TabWindow w;
    QPointer<ConsoleView> view;
    CHECKED(view = openTab(w, ioc));
    PtyProcess pty;
    CHECKED(startAttach(pty, ioc));
    const quint32 child = view->session()->tracker().childPid();
    const qint64 procServ = ioc.mainPid();
    const int restarts = ioc.restarts();
    connect(view->session(), &ConsoleSession::dataReceived, this,
            [&tabReceived](const QByteArray &data) { tabReceived += data; });

    // Both type whole lines, alternating; now and then the tab waits for its own reply.
    const int lines = 12;
    QByteArray expectedTab;
    QByteArray expectedAttach;
    QByteArray lastTab;
    QByteArray lastAttach;
    for (int i = 0; i < lines; ++i) {
        lastTab = "tab-" + QByteArray::number(i) + '-' + QByteArray(40, 't');
        lastAttach = "attach-" + QByteArray::number(i) + '-' + QByteArray(40, 'a');
        typeLine(view, "echo " + lastTab);
        QVERIFY(pty.type("echo " + lastAttach + '\r'));
        expectedTab += "echo " + lastTab + '\n';
        expectedAttach += "echo " + lastAttach + '\n';
        if (i % 4 == 3)
            QTRY_VERIFY_WITH_TIMEOUT(hasReply(tabReceived, lastTab), 10000);
    }
    // Each sees the replies to both, the tab on its screen.
    QTRY_VERIFY_WITH_TIMEOUT(showsLine(view, QString::fromLatin1(lastTab))
                                     && showsLine(view, QString::fromLatin1(lastAttach)),
                             15000);
    QTRY_VERIFY_WITH_TIMEOUT(hasReply(pty.output(), lastTab) && hasReply(pty.output(), lastAttach),
                             15000);

    // Every line reached the IOC whole, each client's in its order, and nothing else.
    const QList<QByteArray> input = ioc.input().split('\n');
    QCOMPARE(input.size(), 2 * lines + 1);
    QByteArray gotTab;
    QByteArray gotAttach;
    for (const QByteArray &line : input) {
        if (line.startsWith("echo tab-"))
            gotTab += line + '\n';
        else if (line.startsWith("echo attach-"))
            gotAttach += line + '\n';
        else
            QVERIFY2(line.isEmpty(), line.constData());
    }
    QCOMPARE(gotTab, expectedTab);
    QCOMPARE(gotAttach, expectedAttach);

    // Closing the tab leaves the attach working.
    QByteArray inputBefore = ioc.input();
    emit w.tabs->tabCloseRequested(0);
    QTRY_VERIFY(!view);
    QVERIFY(pty.type("echo attach-alone\r"));
    QTRY_VERIFY_WITH_TIMEOUT(hasReply(pty.output(), "attach-alone"), 10000);
    QVERIFY(pty.isRunning());
    QCOMPARE(ioc.input(), inputBefore + "echo attach-alone\n");

    // A new tab; the attach detaches (Ctrl-]); the tab keeps working.
    CHECKED(view = openTab(w, ioc));
    // The attach was on the console when this tab connected: the tab counts it (iocdock's
    // own observer not included) and holds what is typed until the user says to send it.
    QTRY_COMPARE_WITH_TIMEOUT(view->otherClients(), 1, 10000);
    QVERIFY2(view->title().contains(QStringLiteral("(+1)")), qPrintable(view->title()));
    inputBefore = ioc.input();
    QVERIFY(pty.type("\x1d"));
    QVERIFY(pty.process().waitForFinished(10000));
    QCOMPARE(pty.process().exitCode(), 0);
    typeLine(view, "echo tab-alone");
    QVERIFY(view->isMessageVisible());
    QVERIFY2(view->messageText().contains(QStringLiteral("Nothing you typed has been sent")),
             qPrintable(view->messageText()));
    auto *send = view->findChild<QPushButton *>(QStringLiteral("messageSendButton"));
    QVERIFY(send);
    send->click();
    QTRY_VERIFY_WITH_TIMEOUT(showsLine(view, QStringLiteral("tab-alone")), 10000);
    QCOMPARE(view->connectionState(), ConsoleSession::State::Connected);
    QCOMPARE(ioc.input(), inputBefore + "echo tab-alone\n");

    // The IOC and procServ were never touched.
    QCOMPARE(view->session()->tracker().childPid(), child);
    QCOMPARE(ioc.mainPid(), procServ);
    QCOMPARE(ioc.restarts(), restarts);
}

void TestConsoleTabFaults::closingDuringFloodSendsNothing()
{
    FaultIoc ioc(m_sandbox, QStringLiteral("tstctabf-flood"),
                 { QStringLiteral("--flood"), QStringLiteral("5000") });
    QVERIFY(ioc.start());
    QByteArray sent;
    TabWindow w;
    QPointer<ConsoleView> view;
    CHECKED(view = openTab(w, ioc));
    QPointer<ConsoleSession> session = view->session();
    const quint32 child = session->tracker().childPid();
    const qint64 procServ = ioc.mainPid();
    connect(view->terminal(), &QTermWidget::sendData, this,
            [&sent](const char *data, int size) { sent.append(data, size); });

    // The flood runs; a guarded key waits for its second press when the tab is closed.
    qint64 mark = session->bytesReceived();
    QTRY_VERIFY_WITH_TIMEOUT(session->bytesReceived() > mark + 200000, 10000);
    QWidget *keys = view->terminal()->focusProxy();
    QTest::keyClick(keys, Qt::Key_X, Qt::ControlModifier);
    QVERIFY2(view->messageText().contains(QStringLiteral("again within")),
             qPrintable(view->messageText()));
    mark = session->bytesReceived();
    QTRY_VERIFY_WITH_TIMEOUT(session->bytesReceived() > mark + 10000, 10000);
    QCOMPARE(view->connectionState(), ConsoleSession::State::Connected);
    emit w.tabs->tabCloseRequested(0);
    QCOMPARE(w.tabs->count(), 0);
    QTRY_VERIFY(!view);
    QVERIFY(!session); // the view owned it

    QCOMPARE(sent, QByteArray("\x18"));
    CHECKED(barrier(ioc, "flood-barrier"));
    QCOMPARE(ioc.input(), QByteArray("echo flood-barrier\n"));
    QCOMPARE(ioc.mainPid(), procServ);
    // The child still runs: procServ still reports the same one to a new client.
    auto probe = std::make_unique<ConsoleSession>();
    probe->setEndpoint(ioc.endpoint());
    probe->setReadOnly(true);
    QSignalSpy banner(probe.get(), &ConsoleSession::bannerReceived);
    probe->open();
    QVERIFY(banner.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(probe->tracker().childPid(), child, 5000);
}

void TestConsoleTabFaults::closingWhileDisconnectedSendsNothing()
{
    FaultIoc ioc(m_sandbox, QStringLiteral("tstctabf-down"));
    QVERIFY(ioc.start());
    QByteArray sent;
    TabWindow w;
    QPointer<ConsoleView> view;
    CHECKED(view = openTab(w, ioc));
    connect(view->terminal(), &QTermWidget::sendData, this,
            [&sent](const char *data, int size) { sent.append(data, size); });
    QWidget *keys = view->terminal()->focusProxy();

    // procServ stops (systemctl stop): the tab keeps trying to reconnect. What is typed
    // meanwhile, a guarded key confirmed by its second press included, is not sent, and
    // nothing is sent late when procServ is back.
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("stop"), ioc.unit() }));
    QTRY_COMPARE_WITH_TIMEOUT(view->connectionState(), ConsoleSession::State::Reconnecting, 10000);
    // Why: the unit is stopped, nothing listens on the console's socket.
    QTRY_VERIFY2_WITH_TIMEOUT(view->statusText().startsWith(QStringLiteral("Reconnecting… (")),
                              qPrintable(view->statusText()), 10000);
    typeLine(view, "echo typed-while-down");
    QVERIFY2(view->messageText().contains(QStringLiteral("Not connected")),
             qPrintable(view->messageText()));
    QTest::keyClick(keys, Qt::Key_X, Qt::ControlModifier);
    QTest::keyClick(keys, Qt::Key_X, Qt::ControlModifier);
    QVERIFY2(view->messageText().contains(QStringLiteral("Ctrl+X was not sent")),
             qPrintable(view->messageText()));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), ioc.unit() }));
    QTRY_COMPARE_WITH_TIMEOUT(view->connectionState(), ConsoleSession::State::Connected, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(view->childState(), ChildState::Running, 10000);
    CHECKED(barrier(ioc, "down-barrier"));
    QCOMPARE(ioc.input(), QByteArray("echo down-barrier\n"));

    // Closed while reconnecting: nothing, and no reconnection afterwards.
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("stop"), ioc.unit() }));
    QTRY_COMPARE_WITH_TIMEOUT(view->connectionState(), ConsoleSession::State::Reconnecting, 10000);
    QPointer<ConsoleSession> session = view->session();
    emit w.tabs->tabCloseRequested(0);
    QTRY_VERIFY(!view);
    QVERIFY(!session);
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), ioc.unit() }));
    CHECKED(barrier(ioc, "closed-barrier"));
    QCOMPARE(ioc.input(), QByteArray("echo down-barrier\necho closed-barrier\n"));

    // Detached (Disconnected), then closed: nothing either.
    CHECKED(view = openTab(w, ioc));
    view->detach();
    QCOMPARE(view->connectionState(), ConsoleSession::State::Disconnected);
    QCOMPARE(view->statusText(), QStringLiteral("Disconnected"));
    QVERIFY(w.tabs->tabToolTip(0).contains(QStringLiteral("Disconnected")));
    typeLine(view, "echo typed-while-detached");
    QVERIFY(view->messageText().contains(QStringLiteral("Not connected")));
    emit w.tabs->tabCloseRequested(0);
    QTRY_VERIFY(!view);
    CHECKED(barrier(ioc, "detached-barrier"));
    QCOMPARE(ioc.input(),
             QByteArray("echo down-barrier\necho closed-barrier\necho detached-barrier\n"));
    QCOMPARE(sent, QByteArray("echo typed-while-down\r\x18\x18"));
}

QTEST_MAIN(TestConsoleTabFaults)
#include "tst_consoletabfaults.moc"
