// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/containers/engineclient.h"
#include "core/hosts/host.h"
#include "core/ioc/containerruntime.h"
#include "core/ioc/logsource.h"
#include "ui/logview.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

class TestLogView : public QObject
{
    Q_OBJECT

private slots:
    void showsTheOutputOfTheCommand();
    void keepsAtMostMaximumLines();
    void removesTerminalEscapes();
    void reportsACommandThatCannotRun();
    void findsText();
    void stopKillsAFollowingCommand();
    void followsAContainersLog();
    void highlightsEveryMatch();
    void marksCrashSignatures();
    void newLinesDoNotMoveAScrolledView();
    void ctrlFSearchesTheLog();

private:
    static Ioc ioc();
};

Ioc TestLogView::ioc()
{
    Ioc ioc;
    ioc.host = QStringLiteral("user");
    ioc.name = QStringLiteral("motor1");
    ioc.unit = QStringLiteral("procserv-motor1.service");
    return ioc;
}

void TestLogView::showsTheOutputOfTheCommand()
{
    LogView view(ioc());
    QSignalSpy finished(&view, &LogView::finished);
    view.start({ QStringLiteral("sh"), QStringLiteral("-c"),
                 QStringLiteral("printf 'epics> dbl\\nmotor1:pos\\nnot terminated'") });
    QVERIFY(finished.wait(10000));
    QCOMPARE(view.text(), QStringLiteral("epics> dbl\nmotor1:pos\nnot terminated"));
    QVERIFY(finished.at(0).at(0).toString().contains(QStringLiteral("finished")));
    QVERIFY(!view.isRunning());
}

void TestLogView::keepsAtMostMaximumLines()
{
    LogView view(ioc());
    view.setMaximumLines(100);
    QSignalSpy finished(&view, &LogView::finished);
    view.start({ QStringLiteral("seq"), QStringLiteral("1"), QStringLiteral("5000") });
    QVERIFY(finished.wait(10000));
    const QStringList lines = view.text().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 100);
    QCOMPARE(lines.last(), QStringLiteral("5000"));
}

void TestLogView::removesTerminalEscapes()
{
    LogView view(ioc());
    QSignalSpy finished(&view, &LogView::finished);
    view.start({ QStringLiteral("printf"), QStringLiteral("\\033[1;31mred\\033[0m line\\r\\n") });
    QVERIFY(finished.wait(10000));
    QCOMPARE(view.text(), QStringLiteral("red line"));
}

void TestLogView::reportsACommandThatCannotRun()
{
    LogView view(ioc());
    QSignalSpy finished(&view, &LogView::finished);
    view.start({ QStringLiteral("/nonexistent/journalctl") });
    QVERIFY(finished.wait(10000));
    QVERIFY(finished.at(0).at(0).toString().contains(QStringLiteral("/nonexistent/journalctl")));
}

void TestLogView::findsText()
{
    LogView view(ioc());
    QSignalSpy finished(&view, &LogView::finished);
    view.start({ QStringLiteral("printf"), QStringLiteral("alpha\\nbeta\\ngamma\\n") });
    QVERIFY(finished.wait(10000));
    QVERIFY(view.find(QStringLiteral("beta")));
    QVERIFY(view.find(QStringLiteral("alpha"))); // wraps around
    QVERIFY(!view.find(QStringLiteral("delta")));
}

void TestLogView::stopKillsAFollowingCommand()
{
    auto *view = new LogView(ioc());
    QSignalSpy finished(view, &LogView::finished);
    view->start({ QStringLiteral("sh"), QStringLiteral("-c"),
                  QStringLiteral("echo started; exec sleep 60") });
    QTRY_VERIFY_WITH_TIMEOUT(view->text().contains(QStringLiteral("started")), 10000);
    QVERIFY(view->isRunning());
    QElapsedTimer timer;
    timer.start();
    delete view; // must not wait for `sleep 60`
    QVERIFY(timer.elapsed() < 2000);
}

void TestLogView::followsAContainersLog()
{
    // A real container on the podman sandbox (tools/run-tests starts it; IOCDOCK_PODMAN_SOCKET).
    const QString socket = qEnvironmentVariable("IOCDOCK_PODMAN_SOCKET");
    if (socket.isEmpty()) {
        if (qEnvironmentVariableIntValue("IOCDOCK_RUN_TESTS") == 1)
            QFAIL("tools/run-tests provided no podman service (IOCDOCK_PODMAN_SOCKET)");
        QSKIP("no podman service: run under tools/run-tests");
    }
    constexpr int timeoutMs = 60000; // a loaded 2-core machine
    EngineClient client(socket);
    QJsonObject config;
    config.insert(QStringLiteral("Image"),
                  qEnvironmentVariable("IOCDOCK_PODMAN_IMAGE",
                                       QStringLiteral("localhost/iocdock-test:latest")));
    config.insert(QStringLiteral("Cmd"),
                  QJsonArray{ QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                              QStringLiteral("echo 'epics> dbl'; echo motor1:pos; "
                                             "exec sleep 100000") });
    config.insert(QStringLiteral("HostConfig"),
                  QJsonObject{ { QStringLiteral("NetworkMode"), QStringLiteral("none") } });
    QString id, error = QStringLiteral("no answer");
    bool done = false;
    client.createContainer(
            QStringLiteral("iocdock-tst-logview-%1").arg(QCoreApplication::applicationPid()),
            config, this, [&](const QString &i, const QString &e) {
                id = i;
                error = e;
                done = true;
            });
    QTRY_VERIFY_WITH_TIMEOUT(done, timeoutMs);
    QCOMPARE(error, QString());
    auto removeContainer = qScopeGuard([&] {
        bool removed = false;
        client.removeContainer(id, true, this, [&removed](const QString &) { removed = true; });
        QTRY_VERIFY_WITH_TIMEOUT(removed, timeoutMs);
    });
    done = false;
    client.startContainer(id, this, [&](const QString &e) {
        error = e;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, timeoutMs);
    QCOMPARE(error, QString());

    Host host(Host::Kind::LocalUser, QString());
    ContainerRuntime runtime(&host, socket);
    Ioc container = ioc();
    container.unit.clear();
    container.runtime = QStringLiteral("podman");
    container.containerId = id;
    container.container = QStringLiteral("motor1");
    container.containerState = QStringLiteral("running");
    LogSource *source = runtime.openLog(container, true, -1, QString(), &error, nullptr);
    QVERIFY2(source, qPrintable(error));
    LogView view(container);
    QSignalSpy finished(&view, &LogView::finished);
    view.start(source);
    QTRY_COMPARE_WITH_TIMEOUT(view.text(), QStringLiteral("epics> dbl\nmotor1:pos"), timeoutMs);
    QVERIFY(view.isRunning());
    QCOMPARE(finished.count(), 0);

    // Following ends when the container stops.
    done = false;
    client.stopContainer(id, 1, this, [&](const QString &e) {
        error = e;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, timeoutMs);
    QCOMPARE(error, QString());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, timeoutMs);
    QCOMPARE(finished.at(0).at(0).toString(), QStringLiteral("The log ended."));
    QVERIFY(!view.isRunning());
    QCOMPARE(view.text(), QStringLiteral("epics> dbl\nmotor1:pos"));
}

void TestLogView::highlightsEveryMatch()
{
    LogView view(ioc());
    QSignalSpy finished(&view, &LogView::finished);
    view.start(
            { QStringLiteral("printf"), QStringLiteral("alpha\\nbeta one Beta\\ngamma beta\\n") });
    QVERIFY(finished.wait(10000));
    QVERIFY(view.find(QStringLiteral("beta")));
    // Every match, not just the current one, case as the search's (ignored).
    QCOMPARE(view.matchCount(), 3);
    const auto *edit = view.findChild<QPlainTextEdit *>(QStringLiteral("logTextEdit"));
    QVERIFY(edit);
    int highlighted = 0;
    for (const QTextEdit::ExtraSelection &selection : edit->extraSelections()) {
        QCOMPARE(selection.cursor.selectedText().toLower(), QStringLiteral("beta"));
        QVERIFY(selection.format.background().style() != Qt::NoBrush);
        ++highlighted;
    }
    QCOMPARE(highlighted, 3);
    QVERIFY2(view.statusText().contains(QLatin1String("3 match(es)")),
             qPrintable(view.statusText()));
    // The search field typed into highlights too; cleared, nothing is.
    auto *search = view.findChild<QLineEdit *>(QStringLiteral("searchLineEdit"));
    QVERIFY(search);
    search->setText(QStringLiteral("gamma"));
    QCOMPARE(view.matchCount(), 1);
    search->clear();
    QCOMPARE(view.matchCount(), 0);
    QVERIFY(edit->extraSelections().isEmpty());
    QVERIFY2(!view.statusText().contains(QLatin1String("match")), qPrintable(view.statusText()));
}

void TestLogView::marksCrashSignatures()
{
    LogView view(ioc());
    QSignalSpy finished(&view, &LogView::finished);
    view.start({ QStringLiteral("printf"),
                 QStringLiteral("iocInit\\n/bin/sh: line 1: 42 Segmentation fault ./st.cmd\\n"
                                "ok\\nsim: error while loading shared libraries: libCom.so\\n"
                                "Aborted (core dumped)\\nfatal is not FATAL here? it is\\n") });
    QVERIFY(finished.wait(10000));
    QCOMPARE(view.crashCount(), 4);
    const auto *edit = view.findChild<QPlainTextEdit *>(QStringLiteral("logTextEdit"));
    QVERIFY(edit);
    QStringList marked;
    for (const QTextEdit::ExtraSelection &selection : edit->extraSelections()) {
        QVERIFY(selection.format.property(QTextFormat::FullWidthSelection).toBool());
        QVERIFY(selection.format.background().style() != Qt::NoBrush);
        marked << selection.cursor.block().text();
    }
    QCOMPARE(marked,
             QStringList({ QStringLiteral("/bin/sh: line 1: 42 Segmentation fault ./st.cmd"),
                           QStringLiteral("sim: error while loading shared libraries: libCom.so"),
                           QStringLiteral("Aborted (core dumped)"),
                           QStringLiteral("fatal is not FATAL here? it is") }));
    QVERIFY2(view.statusText().contains(QLatin1String("4 crash line(s)")),
             qPrintable(view.statusText()));
    // Search highlights come on top; the crash marks stay.
    QVERIFY(view.find(QStringLiteral("ok")));
    QCOMPARE(edit->extraSelections().size(), 5);
}

void TestLogView::newLinesDoNotMoveAScrolledView()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("ioc.log")));
    const auto append = [&file](int from, int to) {
        QVERIFY(file.open(QIODevice::Append));
        for (int i = from; i <= to; ++i)
            file.write(QStringLiteral("line %1\n").arg(i).toUtf8());
        file.close();
    };
    append(1, 300);
    LogView view(ioc());
    view.setMaximumLines(450);
    view.resize(600, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.start({ QStringLiteral("tail"), QStringLiteral("-n"), QStringLiteral("+1"),
                 QStringLiteral("-F"), file.fileName() });
    QTRY_VERIFY_WITH_TIMEOUT(view.text().endsWith(QLatin1String("line 300")), 20000);
    auto *edit = view.findChild<QPlainTextEdit *>(QStringLiteral("logTextEdit"));
    QScrollBar *bar = edit->verticalScrollBar();
    QVERIFY(view.isFollowing());
    QCOMPARE(bar->value(), bar->maximum());

    // The user scrolls up: following stops, new lines do not move the view.
    bar->setValue(50);
    QVERIFY(!view.isFollowing());
    append(301, 400);
    QTRY_VERIFY_WITH_TIMEOUT(view.text().endsWith(QLatin1String("line 400")), 20000);
    QCOMPARE(bar->value(), 50);
    QCOMPARE(edit->document()->findBlockByNumber(bar->value()).text(), QStringLiteral("line 51"));

    // Moved to a match: it stays in view while lines arrive, and the oldest go (450 kept):
    // the same lines are shown.
    QVERIFY(view.find(QStringLiteral("line 120")));
    QCOMPARE(edit->textCursor().selectedText(), QStringLiteral("line 120"));
    const QString top = edit->document()->findBlockByNumber(bar->value()).text();
    append(401, 500);
    QTRY_VERIFY_WITH_TIMEOUT(view.text().endsWith(QLatin1String("line 500")), 20000);
    QVERIFY(!view.text().startsWith(QLatin1String("line 1\n")));
    QCOMPARE(edit->document()->findBlockByNumber(bar->value()).text(), top);
    QCOMPARE(edit->textCursor().selectedText(), QStringLiteral("line 120"));
    QVERIFY(!view.isFollowing());

    // Back at the end: it follows again.
    bar->setValue(bar->maximum());
    QVERIFY(view.isFollowing());
    append(501, 520);
    QTRY_VERIFY_WITH_TIMEOUT(view.text().endsWith(QLatin1String("line 520")), 20000);
    QCOMPARE(bar->value(), bar->maximum());
    QCOMPARE(edit->document()->lastBlock().text(), QStringLiteral("line 520"));
}

void TestLogView::ctrlFSearchesTheLog()
{
    LogView view(ioc());
    view.show();
    QApplication::setActiveWindow(&view);
    QVERIFY(QTest::qWaitForWindowActive(&view));
    auto *edit = view.findChild<QPlainTextEdit *>(QStringLiteral("logTextEdit"));
    auto *search = view.findChild<QLineEdit *>(QStringLiteral("searchLineEdit"));
    edit->setFocus();
    QTRY_VERIFY(edit->hasFocus());
    QTest::keyClick(edit, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(search->hasFocus());
}

QTEST_MAIN(TestLogView)
#include "tst_logview.moc"
