// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// iocdock-bench-gui: the main window at 1,000 IOCs (run by tools/bench/bench-gui in a sandbox
// prepared with tools/demo-units --count 1000 --running 200).
//
//   iocdock-bench-gui EXPECTED_ROWS RESTART_COUNT
//
// Prints: the time from start to a table with EXPECTED_ROWS rows and to ready() (every
// detail fetched); how long a state change (systemctl stop of one IOC) takes to reach its
// row; and the event loop's worst latency while RESTART_COUNT IOCs restart at once.
#include "core/hosts/host.h"
#include "tools/bench/latencyprobe.h"
#include "ui/ioctablemodel.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace {

QString benchUnit(int i)
{
    return QStringLiteral("ioc-bench-%1.service").arg(i, 4, 10, QLatin1Char('0'));
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    Q_INIT_RESOURCE(iocdock);
    QTextStream out(stdout);
    const int expected = std::max(1, app.arguments().value(1, QStringLiteral("1000")).toInt());
    const int restartCount = std::max(1, app.arguments().value(2, QStringLiteral("200")).toInt());

    QElapsedTimer clock;
    clock.start();
    auto *latency = new LatencyProbe(&app);
    latency->start();
    Host *host = Host::fromSpec(QStringLiteral("user"), &app);
    MainWindow window({ host });
    window.resize(1400, 900);
    window.show();
    IocTableModel *model = window.model();
    const QString key = host->id() + QLatin1Char('/') + benchUnit(1);

    double filledMs = -1;
    double loadedMs = -1;
    auto checkFilled = [&] {
        if (loadedMs < 0 && model->rowCount() >= restartCount) {
            loadedMs = double(clock.nsecsElapsed()) / 1e6;
            out << QStringLiteral("start to the first %1 rows (the running IOCs, loaded "
                                  "units): %2 ms")
                            .arg(model->rowCount())
                            .arg(loadedMs, 0, 'f', 0)
                << Qt::endl;
        }
        if (filledMs < 0 && model->rowCount() >= expected) {
            filledMs = double(clock.nsecsElapsed()) / 1e6;
            out << QStringLiteral("start to a table of %1 rows: %2 ms (worst event loop "
                                  "latency so far %3 ms)")
                            .arg(model->rowCount())
                            .arg(filledMs, 0, 'f', 0)
                            .arg(latency->worstMs(), 0, 'f', 1)
                << Qt::endl;
        }
    };
    QObject::connect(model, &QAbstractItemModel::rowsInserted, &app, checkFilled);

    // Step 2, after ready(): one stop, timed to its row.
    auto stopOne = [&] {
        QElapsedTimer *stopClock = new QElapsedTimer;
        stopClock->start();
        auto *process = new QProcess(&app);
        auto *rowSeen = new double(-1);
        QObject::connect(model, &QAbstractItemModel::dataChanged, process, [=] {
            const int row = model->rowOf(key);
            if (*rowSeen < 0 && row >= 0 && !model->ioc(row).isActive())
                *rowSeen = double(stopClock->nsecsElapsed()) / 1e6;
        });
        QObject::connect(
                process, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), &app,
                [=, &out, &app, &latency] {
                    const double commandMs = double(stopClock->nsecsElapsed()) / 1e6;
                    // Give the row a moment if the command returned first.
                    QTimer::singleShot(2000, &app, [=, &out, &app, &latency] {
                        out << QStringLiteral("systemctl stop of one IOC returned after %1 ms; "
                                              "its row showed it stopped %2 ms after the "
                                              "command started")
                                        .arg(commandMs, 0, 'f', 0)
                                        .arg(*rowSeen, 0, 'f', 0)
                            << Qt::endl;
                        process->deleteLater();
                        // Step 3: restart RESTART_COUNT IOCs at once.
                        QStringList args{ QStringLiteral("--user"), QStringLiteral("restart") };
                        for (int i = 1; i <= restartCount; ++i)
                            args << benchUnit(i);
                        auto *restart = new QProcess(&app);
                        auto *restartClock = new QElapsedTimer;
                        restartClock->start();
                        latency->start();
                        QObject::connect(
                                restart, qOverload<int, QProcess::ExitStatus>(&QProcess::finished),
                                &app, [=, &out, &app, &latency] {
                                    const double restartMs =
                                            double(restartClock->nsecsElapsed()) / 1e6;
                                    QTimer::singleShot(3000, &app, [=, &out, &app, &latency] {
                                        int running = 0;
                                        for (int i = 1; i <= restartCount; ++i) {
                                            const int row = model->rowOf(
                                                    host->id() + QLatin1Char('/') + benchUnit(i));
                                            if (row >= 0 && model->ioc(row).isActive())
                                                ++running;
                                        }
                                        out << QStringLiteral(
                                                       "restart of %1 IOCs at once: systemctl "
                                                       "returned after %2 ms; worst event loop "
                                                       "latency %3 ms; %4 of %1 rows active 3 s "
                                                       "later")
                                                        .arg(restartCount)
                                                        .arg(restartMs, 0, 'f', 0)
                                                        .arg(latency->worstMs(), 0, 'f', 1)
                                                        .arg(running)
                                            << Qt::endl;
                                        app.quit();
                                    });
                                });
                        restart->start(QStringLiteral("systemctl"), args);
                    });
                });
        process->start(QStringLiteral("systemctl"),
                       { QStringLiteral("--user"), QStringLiteral("stop"), benchUnit(1) });
    };

    QObject::connect(&window, &MainWindow::ready, &app, [&] {
        checkFilled();
        out << QStringLiteral("start to ready (every detail fetched): %1 ms, worst event loop "
                              "latency %2 ms")
                        .arg(double(clock.nsecsElapsed()) / 1e6, 0, 'f', 0)
                        .arg(latency->worstMs(), 0, 'f', 1)
            << Qt::endl;
        QTimer::singleShot(1000, &app, stopOne);
    });
    QTimer::singleShot(120000, &app, [&] {
        out << "timed out" << Qt::endl;
        app.exit(1);
    });
    return app.exec();
}
