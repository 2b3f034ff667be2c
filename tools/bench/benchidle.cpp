// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// iocdock-bench-idle: the idle cost of an Inventory of the user manager of
// $DBUS_SESSION_BUS_ADDRESS (run inside a sandbox, see tools/bench/bench-idle), with and
// without live child tracking (ChildTracker). Lists, waits until ready and SETTLE seconds
// more, then prints the CPU time (user + system, from /proc/self/stat) used in SECONDS of
// idling, and how many IOCs are followed.
//   iocdock-bench-idle follow|nofollow SECONDS [SETTLE]
#include "core/hosts/host.h"
#include "core/ioc/inventory.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>
#include <QTimer>

#include <unistd.h>

namespace {

double cpuSeconds()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> f = text.mid(text.lastIndexOf(')') + 2).split(' ');
    // fields 14 and 15 (utime, stime) are f[11] and f[12]
    return double(f.value(11).toLongLong() + f.value(12).toLongLong()) / ::sysconf(_SC_CLK_TCK);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        QTextStream(stderr) << "usage: iocdock-bench-idle follow|nofollow SECONDS [SETTLE]\n";
        return 2;
    }
    const bool follow = args.at(1) == QLatin1String("follow");
    const int seconds = args.at(2).toInt();
    const int settle = args.value(3, QStringLiteral("10")).toInt();
    Host *host = Host::fromSpec(QStringLiteral("user"), &app);
    auto *inventory = new Inventory(host, &app);
    inventory->setFollowChildren(follow);
    QObject::connect(host, &Host::stateChanged, &app, [host, inventory] {
        if (host->state() == Host::State::Connected)
            inventory->start();
    });
    QObject::connect(inventory, &Inventory::ready, &app, [&] {
        QTimer::singleShot(settle * 1000, &app, [&] {
            const double before = cpuSeconds();
            QTimer::singleShot(seconds * 1000, &app, [&, before] {
                int running = 0;
                for (const Ioc &ioc : inventory->iocs())
                    running += ioc.isActive() && ioc.childPid != 0 ? 1 : 0;
                QTextStream(stdout)
                        << (follow ? "follow" : "nofollow") << " iocs " << inventory->iocs().size()
                        << " with-child " << running << " cpu-ms " << (cpuSeconds() - before) * 1000
                        << " in " << seconds << " s\n";
                app.quit();
            });
        });
    });
    host->connectToManager();
    return app.exec();
}
