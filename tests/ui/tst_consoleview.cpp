// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/procserv/consolesession.h"
#include "tests/ui/consoletestsupport.h"
#include "ui/console/consoleview.h"
#include "ui/console/terminalwriter.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLocalSocket>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <memory>

class TestConsoleView : public QObject
{
    Q_OBJECT
private slots:
    void bannerAppears();
    void typedCommandReachesIoc();
    void guardedKeyIsNotSent();
    void guardedKeyTwiceIsSent();
    void barButtonSendsGuardedKey();
    void killButtonAsksFirst();
    void savesTranscript();
    void pasteWithControlCharIsRefused();
    void closingSendsNothing();
    void readOnlySendsNothing();
    void sharedConsoleHoldsTypingUntilConfirmed();
    void floodKeepsLoopResponsive();

private:
    struct Fixture
    {
        std::unique_ptr<ProcServRunner> procServ;
        std::unique_ptr<ConsoleView> view;
    };
    /// A running procServ + iocsim and a connected view on it (banner shown).
    static void start(Fixture &f, const QString &name, bool readOnly = false,
                      const QStringList &iocsimArgs = {});
    static QWidget *keys(ConsoleView *view) { return view->terminal()->focusProxy(); }
    /// True when nothing reached procServ since @p before: a line sent by a second client
    /// is the first thing the log shows after it.
    static bool nothingSentSince(const ProcServRunner &ps, const QByteArray &before,
                                 const QByteArray &marker, QByteArray *extra);
};

void TestConsoleView::start(Fixture &f, const QString &name, bool readOnly,
                            const QStringList &iocsimArgs)
{
    f.view.reset();
    f.procServ = std::make_unique<ProcServRunner>(name, iocsimArgs);
    QVERIFY2(f.procServ->error().isEmpty(), qPrintable(f.procServ->error()));
    QTRY_VERIFY_WITH_TIMEOUT(f.procServ->isReady(), 10000);
    auto *session = new ConsoleSession;
    session->setEndpoint(f.procServ->ioc().console);
    session->setReadOnly(readOnly);
    f.view = std::make_unique<ConsoleView>(f.procServ->ioc(), session);
    f.view->resize(1200, 600);
    f.view->show();
    QTRY_VERIFY_WITH_TIMEOUT(
            terminalText(f.view->terminal()).contains(QStringLiteral("Welcome to procServ")),
            10000);
    QTRY_COMPARE(f.view->connectionState(), ConsoleSession::State::Connected);
}

// start() failed the test already when it returns with a failure.
#define START(...)                      \
    do {                                \
        start(__VA_ARGS__);             \
        if (QTest::currentTestFailed()) \
            return;                     \
    } while (false)

bool TestConsoleView::nothingSentSince(const ProcServRunner &ps, const QByteArray &before,
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

void TestConsoleView::bannerAppears()
{
    Fixture f;
    START(f, QStringLiteral("tcvbanner"));
    const QString text = terminalText(f.view->terminal());
    QVERIFY2(text.contains(QStringLiteral("Child \"tcvbanner\" PID:")), qPrintable(text));
    QCOMPARE(f.view->title(), QStringLiteral("tcvbanner"));
    QTRY_VERIFY(f.view->statusText().contains(QStringLiteral("Connected")));
    auto *status = f.view->findChild<QLabel *>(QStringLiteral("statusLabel"));
    QVERIFY(status);
    QVERIFY2(status->text().contains(QStringLiteral("tcvbanner")), qPrintable(status->text()));
    QVERIFY(status->text().contains(QStringLiteral("local-test")));
    // The banner's child PID is the process procServ really runs.
    QTRY_COMPARE(f.view->childState(), ChildState::Running);
    QTRY_VERIFY(f.view->statusText().contains(QString::number(f.procServ->childPid())));
}

void TestConsoleView::typedCommandReachesIoc()
{
    Fixture f;
    START(f, QStringLiteral("tcvtype"));
    QSignalSpy spy(f.view->session(), &ConsoleSession::dataReceived);
    QTest::keyClicks(keys(f.view.get()), QStringLiteral("dbl"));
    QTest::keyClick(keys(f.view.get()), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(
            terminalText(f.view->terminal()).contains(QStringLiteral("tcvtype:uptime")), 5000);
    // procServ got exactly "dbl\r": the child's line is "dbl", then its answer.
    QTRY_VERIFY(f.procServ->log().contains("dbl\r\ntcvtype:ai1"));
    QVERIFY(!f.view->isMessageVisible());
}

void TestConsoleView::guardedKeyIsNotSent()
{
    Fixture f;
    START(f, QStringLiteral("tcvguard"));
    const quint32 pid = f.procServ->childPid();
    QVERIFY(pid != 0);
    const QByteArray before = f.procServ->log();

    QTest::keyClick(keys(f.view.get()), Qt::Key_X, Qt::ControlModifier);
    QVERIFY(f.view->isMessageVisible());
    QVERIFY2(f.view->messageText().contains(
                     QStringLiteral("Ctrl+X kills the IOC process of tcvguard")),
             qPrintable(f.view->messageText()));
    QVERIFY(f.view->messageText().contains(QStringLiteral("again within")));
    QTest::keyClick(keys(f.view.get()), Qt::Key_C, Qt::ControlModifier);
    QVERIFY(f.view->messageText().contains(QStringLiteral("Ctrl+C")));
    QTest::keyClick(keys(f.view.get()), Qt::Key_Q, Qt::ControlModifier);
    QTest::keyClick(keys(f.view.get()), Qt::Key_T, Qt::ControlModifier);
    QTest::keyClick(keys(f.view.get()), Qt::Key_R, Qt::ControlModifier);

    QByteArray extra;
    QVERIFY2(nothingSentSince(*f.procServ, before, "guardbarrier", &extra), extra.constData());
    QCOMPARE(f.procServ->childPid(), pid);
    // The bar goes away by itself, and a late second press starts over.
    QTRY_VERIFY_WITH_TIMEOUT(!f.view->isMessageVisible(), ConsoleView::ConfirmWindowMs + 2000);
}

void TestConsoleView::guardedKeyTwiceIsSent()
{
    Fixture f;
    START(f, QStringLiteral("tcvkill"));
    const quint32 pid = f.procServ->childPid();
    QVERIFY(pid != 0);
    QTest::keyClick(keys(f.view.get()), Qt::Key_X, Qt::ControlModifier);
    QTest::keyClick(keys(f.view.get()), Qt::Key_X, Qt::ControlModifier);
    QVERIFY(!f.view->isMessageVisible());
    QTRY_VERIFY_WITH_TIMEOUT(f.procServ->log().contains("The process was killed by signal 9"),
                             5000);
    // procServ restarts it (auto-restart ON, holdoff 1 s) and the view says so.
    QTRY_VERIFY_WITH_TIMEOUT(f.procServ->childPid() != 0 && f.procServ->childPid() != pid, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(
            f.view->statusText().contains(
                    QStringLiteral("IOC restarted, PID %1").arg(f.procServ->childPid())),
            10000);
}

void TestConsoleView::barButtonSendsGuardedKey()
{
    Fixture f;
    START(f, QStringLiteral("tcvbar"));
    QTest::keyClick(keys(f.view.get()), Qt::Key_T, Qt::ControlModifier);
    QVERIFY(f.view->messageText().contains(QStringLiteral("toggles procServ's auto-restart")));
    auto *send = f.view->findChild<QPushButton *>(QStringLiteral("messageSendButton"));
    QVERIFY(send && send->isVisible());
    QCOMPARE(send->text(), QStringLiteral("Send Ctrl+T"));
    send->click();
    QVERIFY(!f.view->isMessageVisible());
    QTRY_VERIFY_WITH_TIMEOUT(f.procServ->log().contains("Toggled auto restart to OFF"), 5000);
    QTRY_COMPARE(f.view->session()->tracker().autoRestart(), AutoRestart::Off);
    // Typing something else cancels a pending confirmation.
    QTest::keyClick(keys(f.view.get()), Qt::Key_T, Qt::ControlModifier);
    QVERIFY(f.view->isMessageVisible());
    QTest::keyClicks(keys(f.view.get()), QStringLiteral("d"));
    QVERIFY(!f.view->isMessageVisible());
    QTest::keyClick(keys(f.view.get()), Qt::Key_T, Qt::ControlModifier);
    QVERIFY(f.view->isMessageVisible()); // a first press again, not the second
}

void TestConsoleView::savesTranscript()
{
    Fixture f;
    START(f, QStringLiteral("tcvsave"));
    const QString path = f.procServ->dirPath() + QStringLiteral("/transcript.txt");
    QString error;
    QVERIFY2(f.view->saveTranscript(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("@@@ Welcome to procServ"));
    QVERIFY(text.contains("Child \"tcvsave\" PID:"));

    QVERIFY(!f.view->saveTranscript(QStringLiteral("/nonexistent-dir/x.txt"), &error));
    QVERIFY2(error.contains(QStringLiteral("/nonexistent-dir/x.txt")), qPrintable(error));
}

void TestConsoleView::killButtonAsksFirst()
{
    Fixture f;
    START(f, QStringLiteral("tcvbutton"));
    const quint32 pid = f.procServ->childPid();
    const QByteArray before = f.procServ->log();
    auto *kill = f.view->findChild<QAction *>(QStringLiteral("killAction"));
    QVERIFY(kill);
    QTRY_VERIFY(kill->isEnabled());

    kill->trigger();
    QPointer<QMessageBox> box = f.view->findChild<QMessageBox *>(QStringLiteral("confirmDialog"));
    QVERIFY(box);
    QVERIFY(box->isVisible());
    QVERIFY2(box->text().contains(QStringLiteral("tcvbutton")), qPrintable(box->text()));
    QVERIFY(box->windowTitle().contains(QStringLiteral("tcvbutton")));
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!box);
    QByteArray extra;
    QVERIFY2(nothingSentSince(*f.procServ, before, "cancelbarrier", &extra), extra.constData());
    QCOMPARE(f.procServ->childPid(), pid);

    kill->trigger();
    box = f.view->findChild<QMessageBox *>(QStringLiteral("confirmDialog"));
    QVERIFY(box);
    auto *confirm = box->findChild<QPushButton *>(QStringLiteral("confirmButton"));
    QVERIFY(confirm);
    confirm->click();
    QTRY_VERIFY_WITH_TIMEOUT(f.procServ->log().contains("The process was killed by signal 9"),
                             5000);
}

void TestConsoleView::pasteWithControlCharIsRefused()
{
    Fixture f;
    START(f, QStringLiteral("tcvpaste"));
    const quint32 pid = f.procServ->childPid();
    const QByteArray before = f.procServ->log();
    QApplication::clipboard()->setText(QStringLiteral("dbl\r\x18"));
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("dbl\r\x18"));
    f.view->findChild<QAction *>(QStringLiteral("pasteAction"))->trigger();
    QVERIFY(f.view->isMessageVisible());
    QVERIFY2(f.view->messageText().contains(QStringLiteral("Nothing was sent")),
             qPrintable(f.view->messageText()));
    QByteArray extra;
    QVERIFY2(nothingSentSince(*f.procServ, before, "pastebarrier", &extra), extra.constData());
    QCOMPARE(f.procServ->childPid(), pid);

    // A harmless paste goes through; a trailing newline is trimmed, so it runs on Enter.
    QApplication::clipboard()->setText(QStringLiteral("dbgf tcvpaste:ao1\n"));
    f.view->paste();
    QTRY_VERIFY(f.procServ->log().endsWith("dbgf tcvpaste:ao1"));
    QTest::keyClick(keys(f.view.get()), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(f.procServ->log().contains("dbgf tcvpaste:ao1\r\nDBF_"), 5000);
}

void TestConsoleView::closingSendsNothing()
{
    Fixture f;
    START(f, QStringLiteral("tcvclose"));
    const quint32 pid = f.procServ->childPid();
    QPointer<ConsoleSession> session = f.view->session();
    const QByteArray before = f.procServ->log();
    f.view.reset();
    QVERIFY(!session); // the view owned it
    QByteArray extra;
    QVERIFY2(nothingSentSince(*f.procServ, before, "closebarrier", &extra), extra.constData());
    QCOMPARE(f.procServ->childPid(), pid);

    // detach() too.
    START(f, QStringLiteral("tcvdetach"));
    const QByteArray before2 = f.procServ->log();
    f.view->detach();
    QTRY_COMPARE(f.view->connectionState(), ConsoleSession::State::Disconnected);
    QTest::keyClicks(keys(f.view.get()), QStringLiteral("dbl"));
    QVERIFY2(nothingSentSince(*f.procServ, before2, "detachbarrier", &extra), extra.constData());
}

void TestConsoleView::readOnlySendsNothing()
{
    Fixture f;
    START(f, QStringLiteral("tcvro"), true);
    QVERIFY(f.view->isReadOnly());
    QVERIFY(f.view->title().contains(QStringLiteral("read-only")));
    QVERIFY(!f.view->findChild<QAction *>(QStringLiteral("killAction"))->isEnabled());
    const quint32 pid = f.procServ->childPid();
    const QByteArray before = f.procServ->log();
    QTest::keyClicks(keys(f.view.get()), QStringLiteral("dbl"));
    QTest::keyClick(keys(f.view.get()), Qt::Key_Return);
    QTest::keyClick(keys(f.view.get()), Qt::Key_X, Qt::ControlModifier);
    QTest::keyClick(keys(f.view.get()), Qt::Key_X, Qt::ControlModifier);
    QApplication::clipboard()->setText(QStringLiteral("dbl\r"));
    f.view->paste();
    f.view->requestKill();
    QVERIFY(!f.view->findChild<QMessageBox *>(QStringLiteral("confirmDialog")));
    QVERIFY(f.view->messageText().contains(QStringLiteral("read-only")));
    QByteArray extra;
    QVERIFY2(nothingSentSince(*f.procServ, before, "robarrier", &extra), extra.constData());
    QCOMPARE(f.procServ->childPid(), pid);

    // Switching to read-write: typing reaches the IOC.
    QSignalSpy title(f.view.get(), &ConsoleView::titleChanged);
    f.view->setReadOnly(false);
    QCOMPARE(title.count(), 1);
    QCOMPARE(f.view->title(), QStringLiteral("tcvro"));
    QTest::keyClicks(keys(f.view.get()), QStringLiteral("dbgf tcvro:ao1"));
    QTest::keyClick(keys(f.view.get()), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(f.procServ->log().contains("dbgf tcvro:ao1\r\nDBF_"), 5000);
}

void TestConsoleView::sharedConsoleHoldsTypingUntilConfirmed()
{
    // Another client (a colleague's telnet) is on the console before the view connects.
    Fixture f;
    f.procServ = std::make_unique<ProcServRunner>(QStringLiteral("tcvshared"));
    QVERIFY2(f.procServ->error().isEmpty(), qPrintable(f.procServ->error()));
    QTRY_VERIFY_WITH_TIMEOUT(f.procServ->isReady(), 10000);
    QLocalSocket other;
    QByteArray otherSaw;
    connect(&other, &QLocalSocket::readyRead, this, [&] { otherSaw += other.readAll(); });
    other.connectToServer(f.procServ->socketPath());
    QTRY_VERIFY_WITH_TIMEOUT(otherSaw.contains("connected (plus you)"), 10000);

    auto *session = new ConsoleSession;
    session->setEndpoint(f.procServ->ioc().console);
    f.view = std::make_unique<ConsoleView>(f.procServ->ioc(), session);
    f.view->resize(1200, 600);
    f.view->show();
    QTRY_COMPARE_WITH_TIMEOUT(f.view->connectionState(), ConsoleSession::State::Connected, 10000);
    QTRY_COMPARE(f.view->otherClients(), 1);
    QCOMPARE(f.view->title(), QStringLiteral("tcvshared (+1)"));
    QVERIFY2(f.view->statusText().contains(QStringLiteral("1 other client(s) attached")),
             qPrintable(f.view->statusText()));

    // The first line typed is held, with the warning, and not sent.
    QByteArray before = f.procServ->log();
    QTest::keyClicks(keys(f.view.get()), QStringLiteral("dbl"));
    QTest::keyClick(keys(f.view.get()), Qt::Key_Return);
    QVERIFY(f.view->isMessageVisible());
    QVERIFY2(f.view->messageText().contains(QStringLiteral("1 other client(s) were attached")),
             qPrintable(f.view->messageText()));
    QVERIFY(f.view->messageText().contains(QStringLiteral("Nothing you typed has been sent")));
    QByteArray extra;
    QVERIFY2(nothingSentSince(*f.procServ, before, "sharedbarrier1", &extra), extra.constData());

    // Dismissed: what was held is dropped; the next keystroke warns again.
    auto *dismiss = f.view->findChild<QAbstractButton *>(QStringLiteral("messageCloseButton"));
    QVERIFY(dismiss);
    dismiss->click();
    QVERIFY(!f.view->isMessageVisible());

    // The hold is bounded: more than it keeps is dropped whole, and the bar says so.
    before = f.procServ->log();
    QTest::keyClicks(keys(f.view.get()), QString(5000, QLatin1Char('x')));
    QVERIFY2(f.view->messageText().contains(QStringLiteral("all of it was dropped")),
             qPrintable(f.view->messageText()));
    QVERIFY2(nothingSentSince(*f.procServ, before, "sharedbarrier3", &extra), extra.constData());
    dismiss->click();
    QVERIFY(!f.view->isMessageVisible());
    before = f.procServ->log();
    QTest::keyClicks(keys(f.view.get()), QStringLiteral("dbpr tcvshared:ai1"));
    QVERIFY(f.view->isMessageVisible());
    QVERIFY2(nothingSentSince(*f.procServ, before, "sharedbarrier2", &extra), extra.constData());

    // Confirmed: exactly what was held since, then typing goes straight through.
    auto *send = f.view->findChild<QPushButton *>(QStringLiteral("messageSendButton"));
    QVERIFY(send && send->isVisible());
    send->click();
    QVERIFY(!f.view->isMessageVisible());
    QTest::keyClick(keys(f.view.get()), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(f.procServ->log().contains("dbpr tcvshared:ai1\r\n"), 5000);
    QVERIFY(!f.view->isMessageVisible());
    QVERIFY2(!f.procServ->log().contains("\ndbl\r\n"), f.procServ->log().right(400).constData());
    // The other client saw it too: that is what the warning was about.
    QTRY_VERIFY_WITH_TIMEOUT(otherSaw.contains("dbpr tcvshared:ai1"), 5000);
}

void TestConsoleView::floodKeepsLoopResponsive()
{
    Fixture f;
    START(f, QStringLiteral("tcvflood"), false,
          { QStringLiteral("--flood"), QStringLiteral("5000") });
    qint64 received = 0;
    connect(f.view->session(), &ConsoleSession::dataReceived, this,
            [&received](const QByteArray &bytes) { received += bytes.size(); });
    const qint64 logBefore = f.procServ->log().size();
    LatencyProbe probe;
    probe.start();
    QElapsedTimer clock;
    clock.start();
    // 5000 lines/s × 64 bytes: 1 MB is about three seconds of flood.
    QTRY_VERIFY_WITH_TIMEOUT(received >= 1000 * 1000, 20000);
    probe.stop();
    const qint64 ms = clock.elapsed();
    qInfo("received %lld bytes in %lld ms, max event loop gap %lld ms, dropped %lld", received, ms,
          probe.maxGapMs(), f.view->writer()->droppedBytes());
    QVERIFY2(probe.maxGapMs() < 500,
             qPrintable(QStringLiteral("event loop stalled %1 ms").arg(probe.maxGapMs())));
    // The session kept up with procServ: it did not have to throttle the IOC.
    const qint64 logged = f.procServ->log().size() - logBefore;
    QVERIFY2(received >= logged / 2,
             qPrintable(QStringLiteral("received %1 of %2 logged").arg(received).arg(logged)));
    QVERIFY(f.view->writer()->queuedBytes() <= f.view->writer()->limit() + 200);
    QTRY_VERIFY_WITH_TIMEOUT(
            terminalText(f.view->terminal()).contains(QStringLiteral("tcvflood: flood line")),
            10000);
}

QTEST_MAIN(TestConsoleView)
#include "tst_consoleview.moc"
