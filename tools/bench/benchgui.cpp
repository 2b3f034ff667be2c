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
//
//   iocdock-bench-gui --hosts FILE EXPECTED_ROWS IDLE_SECONDS [LOST_SPEC]
//
// The fleet mode (tools/bench/bench-fleet): the window on every host of FILE (one spec a
// line). Prints the time to EXPECTED_ROWS rows and to ready(), with the CPU used until then:
// its own (/proc/self/stat), its process tree's (usage_usec of the cgroup
// $IOCDOCK_BENCH_CGROUP it runs in, its ssh processes included) and the machine's
// (/proc/stat); then its CPU and RSS over IDLE_SECONDS of idling. With LOST_SPEC: runs the
// shell command $IOCDOCK_BENCH_LOSE (that host's sshd stopped), times until the host is
// marked failed and says what its rows show, runs $IOCDOCK_BENCH_RESTORE and times until
// the host is connected and listed again; checks that no other host changed state and that
// the other hosts' rows kept their status and PID.
#include "core/fleet/fleet.h"
#include "core/hosts/host.h"
#include "tools/bench/latencyprobe.h"
#include "ui/ioctablemodel.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QMap>
#include <QProcess>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <unistd.h>

namespace {

QString benchUnit(int i)
{
    return QStringLiteral("ioc-bench-%1.service").arg(i, 4, 10, QLatin1Char('0'));
}

double ownCpuMs()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> f = text.mid(text.lastIndexOf(')') + 2).split(' ');
    // fields 14 and 15 (utime, stime) are f[11] and f[12]
    return double(f.value(11).toLongLong() + f.value(12).toLongLong()) * 1000.0
            / double(::sysconf(_SC_CLK_TCK));
}

// The process tree's CPU: the cgroup the benchmark runs it in (ssh masters included).
double treeCpuMs()
{
    QFile stat(qEnvironmentVariable("IOCDOCK_BENCH_CGROUP") + QStringLiteral("/cpu.stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : stat.readAll().split('\n')) {
        if (line.startsWith("usage_usec "))
            return double(line.mid(11).toLongLong()) / 1000.0;
    }
    return -1;
}

// Every CPU of the machine: user, nice, system, irq, softirq (not idle, iowait, steal).
double machineCpuMs()
{
    QFile stat(QStringLiteral("/proc/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> f = stat.readLine().simplified().split(' ');
    const long long ticks = f.value(1).toLongLong() + f.value(2).toLongLong()
            + f.value(3).toLongLong() + f.value(6).toLongLong() + f.value(7).toLongLong();
    return double(ticks) * 1000.0 / double(::sysconf(_SC_CLK_TCK));
}

QString rss()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return QString::fromLatin1(line.mid(6).simplified());
    }
    return {};
}

struct CpuMark
{
    double own = ownCpuMs();
    double tree = treeCpuMs();
    double machine = machineCpuMs();
};

QString cpuSince(const CpuMark &from, double wallMs)
{
    const CpuMark now;
    const double bound = (now.machine - from.machine) / double(::sysconf(_SC_NPROCESSORS_ONLN));
    return QStringLiteral("CPU: iocdock %1 ms, with its ssh processes %2 ms; machine %3 ms, "
                          "bound %4 ms, wall/bound %5")
            .arg(now.own - from.own, 0, 'f', 0)
            .arg(now.tree - from.tree, 0, 'f', 0)
            .arg(now.machine - from.machine, 0, 'f', 0)
            .arg(bound, 0, 'f', 0)
            .arg(bound > 0 ? wallMs / bound : 0.0, 0, 'f', 2);
}

// The fleet mode (see the top of this file).
int fleetMain(QApplication &app, const QStringList &args)
{
    QTextStream out(stdout);
    QFile file(args.value(2));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        out << "cannot read " << args.value(2) << Qt::endl;
        return 2;
    }
    QStringList specs;
    for (const QByteArray &raw : file.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (!line.isEmpty() && !line.startsWith(QLatin1Char('#')))
            specs << line;
    }
    const int expected = std::max(1, args.value(3).toInt());
    const int idleSeconds = std::max(1, args.value(4, QStringLiteral("60")).toInt());
    const QString lostSpec = args.value(5);

    QElapsedTimer clock;
    clock.start();
    const CpuMark start;
    auto *latency = new LatencyProbe(&app);
    latency->start();
    auto window = std::make_unique<MainWindow>(QList<Host *>{});
    for (const QString &spec : std::as_const(specs))
        window->fleet()->addHost(spec);
    window->resize(1400, 900);
    window->show();
    Fleet *fleet = window->fleet();
    IocTableModel *model = window->model();

    bool filled = false;
    auto checkFilled = [&] {
        if (filled || model->rowCount() < expected)
            return;
        filled = true;
        const double ms = double(clock.nsecsElapsed()) / 1e6;
        out << QStringLiteral("start to a table of %1 rows: %2 ms; %3; worst event loop latency "
                              "%4 ms")
                        .arg(model->rowCount())
                        .arg(ms, 0, 'f', 0)
                        .arg(cpuSince(start, ms))
                        .arg(latency->worstMs(), 0, 'f', 1)
            << Qt::endl;
    };
    QObject::connect(model, &QAbstractItemModel::rowsInserted, &app, checkFilled);

    // Host state changes of the hosts that are not lost, from the idle phase on.
    int otherStateChanges = -1;
    Host *lost = nullptr;
    QObject::connect(fleet, &Fleet::hostStateChanged, &app, [&](Host *host) {
        if (otherStateChanges >= 0 && host != lost)
            ++otherStateChanges;
    });

    auto statusOf = [model](int row) {
        return model->data(model->index(row, IocTableModel::StatusColumn)).toString();
    };
    // key -> state, child state and PIDs of every row of the other hosts (not the status text:
    // it holds the uptime, which turns from "Up 2 minutes" to "Up 3 minutes" on its own).
    auto snapshot = [&] {
        QMap<QString, QString> rows;
        for (int row = 0; row < model->rowCount(); ++row) {
            const Ioc ioc = model->ioc(row);
            if (lost && ioc.host == lost->id())
                continue;
            rows.insert(ioc.key(),
                        QStringLiteral("%1 %2 %3 %4")
                                .arg(ioc.status())
                                .arg(int(ioc.childState))
                                .arg(ioc.mainPid)
                                .arg(ioc.childPid));
        }
        return rows;
    };
    auto lostRowsShow = [&] {
        QMap<QString, int> shown;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->ioc(row).host == lost->id())
                ++shown[statusOf(row)];
        }
        QStringList words;
        for (auto it = shown.cbegin(); it != shown.cend(); ++it)
            words << QStringLiteral("%1 × %2").arg(it.value()).arg(it.key());
        return words.join(QStringLiteral(", "));
    };

    auto finish = [&app, &out](int code) {
        out << Qt::flush;
        app.exit(code);
    };

    auto lose = [&] {
        lost = fleet->host(lostSpec);
        if (!lost) {
            out << "no host " << lostSpec << Qt::endl;
            finish(1);
            return;
        }
        const QMap<QString, QString> before = snapshot();
        otherStateChanges = 0;
        out << QStringLiteral("host %1 lost (its sshd stopped: %2 rows):")
                        .arg(lostSpec)
                        .arg(fleet->iocs(lost).size())
            << Qt::endl;
        out << QStringLiteral("  its rows before: %1").arg(lostRowsShow()) << Qt::endl;
        auto *loseClock = new QElapsedTimer;
        loseClock->start();
        auto *marked = new bool(false);
        QObject::connect(fleet, &Fleet::hostStateChanged, &app, [=, &out, &app](Host *host) {
            if (host != lost || *marked || host->state() != Host::State::Failed)
                return;
            *marked = true;
            out << QStringLiteral("  marked failed after %1 ms (%2)")
                            .arg(double(loseClock->nsecsElapsed()) / 1e6, 0, 'f', 0)
                            .arg(host->errorString())
                << Qt::endl;
            // What its rows show while it is away, then the host comes back.
            QTimer::singleShot(3000, &app, [=, &out, &app] {
                out << QStringLiteral("  its rows 3 s later: %1").arg(lostRowsShow()) << Qt::endl;
                auto *restore = new QProcess(&app);
                auto *restoreClock = new QElapsedTimer;
                restoreClock->start();
                QObject::connect(fleet, &Fleet::hostReady, &app, [=, &out, &app](Host *back) {
                    if (back != lost || !restoreClock->isValid())
                        return;
                    out << QStringLiteral("  listed again %1 ms after its sshd was started "
                                          "again; its rows: %2")
                                    .arg(double(restoreClock->nsecsElapsed()) / 1e6, 0, 'f', 0)
                                    .arg(lostRowsShow())
                        << Qt::endl;
                    restoreClock->invalidate();
                    const QMap<QString, QString> after = snapshot();
                    int changed = 0;
                    for (auto it = before.cbegin(); it != before.cend(); ++it)
                        changed += after.value(it.key()) != it.value() ? 1 : 0;
                    out << QStringLiteral("  other hosts: %1 state changes, %2 of %3 rows "
                                          "changed state, child state or PID")
                                    .arg(otherStateChanges)
                                    .arg(changed)
                                    .arg(before.size())
                        << Qt::endl;
                    finish(0);
                });
                restore->start(QStringLiteral("sh"),
                               { QStringLiteral("-c"),
                                 qEnvironmentVariable("IOCDOCK_BENCH_RESTORE")
                                         + QStringLiteral(" >/dev/null") });
            });
        });
        auto *stop = new QProcess(&app);
        stop->start(QStringLiteral("sh"),
                    { QStringLiteral("-c"), qEnvironmentVariable("IOCDOCK_BENCH_LOSE") });
    };

    auto idle = [&] {
        const CpuMark from;
        const qint64 startMs = clock.elapsed();
        QTimer::singleShot(idleSeconds * 1000, &app, [&, from, startMs] {
            const double wallMs = double(clock.elapsed() - startMs);
            const CpuMark now;
            int connected = 0;
            for (Host *host : fleet->hosts())
                connected += host->state() == Host::State::Connected ? 1 : 0;
            out << QStringLiteral("idle %1 s with %2 rows and %3 of %4 hosts connected: iocdock "
                                  "%5 ms CPU (%6 % of one core), with its ssh processes %7 ms "
                                  "(%8 %); RSS %9")
                            .arg(wallMs / 1000, 0, 'f', 0)
                            .arg(model->rowCount())
                            .arg(connected)
                            .arg(fleet->hosts().size())
                            .arg(now.own - from.own, 0, 'f', 0)
                            .arg((now.own - from.own) / wallMs * 100, 0, 'f', 2)
                            .arg(now.tree - from.tree, 0, 'f', 0)
                            .arg((now.tree - from.tree) / wallMs * 100, 0, 'f', 2)
                            .arg(rss())
                << Qt::endl;
            if (lostSpec.isEmpty())
                finish(0);
            else
                lose();
        });
    };

    QObject::connect(window.get(), &MainWindow::ready, &app, [&] {
        checkFilled();
        const double ms = double(clock.nsecsElapsed()) / 1e6;
        int connected = 0;
        for (Host *host : fleet->hosts())
            connected += host->state() == Host::State::Connected ? 1 : 0;
        out << QStringLiteral("start to ready (every host listed, %1 of %2 connected): %3 ms; "
                              "%4; worst event loop latency %5 ms; RSS %6")
                        .arg(connected)
                        .arg(fleet->hosts().size())
                        .arg(ms, 0, 'f', 0)
                        .arg(cpuSince(start, ms))
                        .arg(latency->worstMs(), 0, 'f', 1)
                        .arg(rss())
            << Qt::endl;
        latency->stop();
        // Let the console probes of the running IOCs land before idling.
        QTimer::singleShot(10000, &app, idle);
    });
    QTimer::singleShot(600000, &app, [&] {
        out << "timed out" << Qt::endl;
        finish(1);
    });
    const int code = app.exec();
    // Closing: what the window's destruction does before the program can end (the console
    // forwards of every remote IOC are undone; with no event loop, by command per host).
    QElapsedTimer closing;
    closing.start();
    window.reset();
    out << QStringLiteral("closing the window: %1 ms")
                    .arg(double(closing.nsecsElapsed()) / 1e6, 0, 'f', 0)
        << Qt::endl;
    return code;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    Q_INIT_RESOURCE(iocdock);
    if (app.arguments().value(1) == QLatin1String("--hosts"))
        return fleetMain(app, app.arguments());
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
