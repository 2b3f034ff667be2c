// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/logview.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

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

QTEST_MAIN(TestLogView)
#include "tst_logview.moc"
