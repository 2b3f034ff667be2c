// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/containers/engineclient.h"
#include "core/hosts/host.h"
#include "core/ioc/containerruntime.h"
#include "core/ioc/logsource.h"
#include "ui/logview.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLineEdit>
#include <QScopeGuard>
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
    void followsAContainersLog();

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

QTEST_MAIN(TestLogView)
#include "tst_logview.moc"
