// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// iocdock-bench-console: the GUI's console tabs under load (run by tools/bench/bench-console).
//
//   iocdock-bench-console ingest ENDPOINT SECONDS
//       one read-only console tab on a flooding IOC: bytes taken from the socket per second,
//       bytes the terminal showed and dropped, and the event loop's worst latency meanwhile
//   iocdock-bench-console memory ENDPOINT TABS LINES [buffer|file]
//       TABS console tabs on the same console until each holds LINES lines of scrollback;
//       VmRSS before and after (from /proc/self/status), the lines each tab then holds and
//       the size of the terminals' history files. The scrollback is ConsoleView's own
//       (QTermWidget's file-backed history, cut to LINES); "buffer" uses QTermWidget's
//       in-memory history of LINES lines instead (iocdock's scrollback until issue 17),
//       "file" its file-backed history without a bound
//
// ENDPOINT as ConsoleEndpoint::fromString() takes it ("unix:/path", "tcp:HOST:PORT").
#include "core/ioc/ioc.h"
#include "core/procserv/consolesession.h"
#include "tools/bench/latencyprobe.h"
#include "ui/console/consoletabwidget.h"
#include "ui/console/consoleview.h"
#include "ui/console/terminalwriter.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>
#include <QTimer>

#include <qtermwidget.h>

#include <algorithm>
#include <climits>

namespace {

qint64 rssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Bytes in the temporary files this process holds open (QTermWidget's history files).
qint64 historyFileBytes()
{
    qint64 total = 0;
    // QTemporaryFile opens them with O_TMPFILE where it can: no name, "/tmp/#N (deleted)".
    const QString tmp = QDir::tempPath() + u'/';
    const QDir fds(QStringLiteral("/proc/self/fd"));
    for (const QFileInfo &fd : fds.entryInfoList(QDir::AllEntries | QDir::System)) {
        if (fd.symLinkTarget().startsWith(tmp))
            total += QFileInfo(fd.absoluteFilePath()).size(); // stat() through the fd
    }
    return total;
}

Ioc floodIoc(const QString &endpoint, int index)
{
    Ioc ioc;
    ioc.host = QStringLiteral("bench");
    ioc.name = QStringLiteral("flood%1").arg(index);
    ioc.unit = ioc.name + QStringLiteral(".service");
    ioc.activeState = QStringLiteral("active");
    ioc.console = ConsoleEndpoint::fromString(endpoint);
    return ioc;
}

ConsoleView *open(ConsoleTabWidget *tabs, const QString &endpoint, int index)
{
    const Ioc ioc = floodIoc(endpoint, index);
    auto *session = new ConsoleSession;
    session->setEndpoint(ioc.console);
    session->setReadOnly(true);
    return tabs->openConsole(ioc, session, true);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    const QString mode = args.value(1);
    const QString endpoint = args.value(2);
    if ((mode != QLatin1String("ingest") && mode != QLatin1String("memory"))
        || !ConsoleEndpoint::fromString(endpoint).isValid()) {
        out << "usage: iocdock-bench-console ingest ENDPOINT SECONDS | memory ENDPOINT TABS LINES "
               "[buffer|file]"
            << Qt::endl;
        return 2;
    }
    ConsoleTabWidget tabs;
    tabs.resize(1000, 700);
    tabs.show();
    auto *latency = new LatencyProbe(&app);

    if (mode == QLatin1String("ingest")) {
        const int seconds = std::max(1, args.value(3).toInt());
        ConsoleView *view = open(&tabs, endpoint, 0);
        QElapsedTimer clock;
        qint64 startBytes = 0;
        qint64 startDropped = 0;
        qint64 startQueued = 0;
        // Start counting once connected and past the banner.
        QTimer::singleShot(1000, &app, [&] {
            startBytes = view->session()->bytesReceived();
            startDropped = view->writer()->droppedBytes();
            startQueued = view->writer()->queuedBytes();
            clock.start();
            latency->start();
        });
        QTimer::singleShot(1000 + seconds * 1000, &app, [&] {
            const double s = double(clock.nsecsElapsed()) / 1e9;
            const qint64 bytes = view->session()->bytesReceived() - startBytes;
            const qint64 dropped = view->writer()->droppedBytes() - startDropped;
            const qint64 shown = bytes - dropped - (view->writer()->queuedBytes() - startQueued);
            out << QStringLiteral("ingest %1 MB/s from the socket (%2 bytes in %3 s); the "
                                  "terminal took %4 MB/s and %5 bytes were dropped with a "
                                  "marker; worst event loop latency %6 ms")
                            .arg(double(bytes) / s / 1e6, 0, 'f', 2)
                            .arg(bytes)
                            .arg(s, 0, 'f', 2)
                            .arg(double(shown) / s / 1e6, 0, 'f', 2)
                            .arg(dropped)
                            .arg(latency->worstMs(), 0, 'f', 1)
                << Qt::endl;
            app.quit();
        });
        return app.exec();
    }

    const int tabCount = std::max(1, args.value(3).toInt());
    const int lines = std::max(1, args.value(4).toInt());
    // "file": QTermWidget's file-backed history (setHistorySize(-1), unbounded) instead.
    const QString history = args.value(5);
    // Let the window settle before the baseline.
    qint64 baseline = 0;
    QElapsedTimer clock;
    QTimer poll;
    poll.setInterval(100);
    QTimer::singleShot(500, &app, [&] {
        baseline = rssKiB();
        clock.start();
        latency->start();
        for (int i = 0; i < tabCount; ++i) {
            ConsoleView *view = open(&tabs, endpoint, i);
            if (history == QLatin1String("buffer"))
                view->terminal()->setHistorySize(lines);
            else
                view->setHistorySize(history == QLatin1String("file") ? -1 : lines);
        }
        poll.start();
    });
    QObject::connect(&poll, &QTimer::timeout, &app, [&] {
        int full = 0;
        for (int i = 0; i < tabs.count(); ++i) {
            ConsoleView *view = tabs.viewAt(i);
            if (view->terminal()->historyLinesCount() >= lines) {
                if (view->connectionState() != ConsoleSession::State::Disconnected)
                    view->detach();
                ++full;
            }
        }
        if (full < tabCount && clock.elapsed() < 300000)
            return;
        // The terminals still take what is queued, and iocdock's views still cut their
        // scrollback (one cut at a time): measure when they have.
        const int bound = history.isEmpty() ? lines + ConsoleView::historySlack(lines) : INT_MAX;
        for (int i = 0; i < tabs.count(); ++i) {
            ConsoleView *view = tabs.viewAt(i);
            if ((view->writer()->queuedBytes() > 0 || view->historyLineCount() > bound)
                && clock.elapsed() < 300000)
                return;
        }
        poll.stop();
        QTimer::singleShot(1000, &app, [&, full] {
            const qint64 rss = rssKiB();
            int most = 0;
            for (int i = 0; i < tabs.count(); ++i)
                most = std::max(most, tabs.viewAt(i)->terminal()->historyLinesCount());
            out << QStringLiteral("memory %1 tabs x %2 lines (%10): VmRSS %3 MiB before the "
                                  "tabs, %4 MiB after (+%5 MiB, %6 KiB per tab), filled in %7 "
                                  "s, worst event loop latency %8 ms, %9 of %1 tabs full; at "
                                  "most %11 lines in a tab, history files %12 MiB")
                            .arg(tabCount)
                            .arg(lines)
                            .arg(double(baseline) / 1024, 0, 'f', 1)
                            .arg(double(rss) / 1024, 0, 'f', 1)
                            .arg(double(rss - baseline) / 1024, 0, 'f', 1)
                            .arg((rss - baseline) / tabCount)
                            .arg(double(clock.elapsed()) / 1000, 0, 'f', 1)
                            .arg(latency->worstMs(), 0, 'f', 1)
                            .arg(full)
                            .arg(history.isEmpty() ? QStringLiteral("iocdock") : history)
                            .arg(most)
                            .arg(double(historyFileBytes()) / 1024 / 1024, 0, 'f', 1)
                << Qt::endl;
            app.quit();
        });
    });
    return app.exec();
}
