// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// iocdock-bench-floor: what the listing costs at the D-Bus level, measured in-process on the
// user manager of $DBUS_SESSION_BUS_ADDRESS (run inside a sandbox, see tools/bench/bench-list).
// Each strategy sends all its calls at once and waits for the last reply; the median of N
// rounds is printed. It tells how fast `iocctl ps` could be at best.
#include "core/ioc/ioc.h"
#include "core/procserv/bannerprobe.h"
#include "core/procserv/procservcommand.h"
#include "core/systemd/systemdtypes.h"

#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusVariant>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTextStream>

#include <algorithm>
#include <functional>

namespace {

const QString s_service = QStringLiteral("org.freedesktop.systemd1");
const QString s_props = QStringLiteral("org.freedesktop.DBus.Properties");
const QString s_unitIface = QStringLiteral("org.freedesktop.systemd1.Unit");
const QString s_serviceIface = QStringLiteral("org.freedesktop.systemd1.Service");

QDBusMessage managerCall(const QString &method)
{
    return QDBusMessage::createMethodCall(s_service, QStringLiteral("/org/freedesktop/systemd1"),
                                          QStringLiteral("org.freedesktop.systemd1.Manager"),
                                          method);
}

// Sends every message at once; returns the milliseconds until the last reply.
double sendAll(const QList<QDBusMessage> &messages,
               QDBusConnection bus = QDBusConnection::sessionBus())
{
    QEventLoop loop;
    int remaining = int(messages.size());
    QElapsedTimer timer;
    timer.start();
    for (const QDBusMessage &m : messages) {
        auto *w = new QDBusPendingCallWatcher(bus.asyncCall(m), &loop);
        QObject::connect(w, &QDBusPendingCallWatcher::finished, &loop,
                         [&remaining, &loop](QDBusPendingCallWatcher *done) {
                             done->deleteLater();
                             if (--remaining == 0)
                                 loop.quit();
                         });
    }
    if (remaining > 0)
        loop.exec();
    return double(timer.nsecsElapsed()) / 1e6;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    registerSystemdTypes();
    QTextStream out(stdout);
    const int rounds = qEnvironmentVariableIsSet("BENCH_ROUNDS")
            ? qMax(1, qEnvironmentVariableIntValue("BENCH_ROUNDS"))
            : 7;
    const QString pattern = app.arguments().value(1, QStringLiteral("ioc-bench-*"));

    QDBusMessage list = managerCall(QStringLiteral("ListUnitsByPatterns"));
    list << QStringList{ QStringLiteral("active") } << QStringList{ pattern };
    const QDBusMessage reply = QDBusConnection::sessionBus().call(list);
    if (reply.type() != QDBusMessage::ReplyMessage) {
        out << "ListUnitsByPatterns failed: " << reply.errorMessage() << Qt::endl;
        return 1;
    }
    const auto units = qdbus_cast<UnitInfoList>(reply.arguments().value(0));
    QStringList paths;
    QStringList names;
    for (const UnitInfo &u : units) {
        paths << u.path.path();
        names << u.name;
    }
    out << "active units matching " << pattern << ": " << paths.size() << Qt::endl;

    auto gets = [&](const QString &iface, const QStringList &properties) {
        QList<QDBusMessage> messages;
        for (const QString &path : paths) {
            for (const QString &p : properties) {
                QDBusMessage m = QDBusMessage::createMethodCall(s_service, path, s_props,
                                                                QStringLiteral("Get"));
                m << iface << p;
                messages << m;
            }
        }
        return messages;
    };
    auto getAlls = [&](const QString &iface) {
        QList<QDBusMessage> messages;
        for (const QString &path : paths) {
            QDBusMessage m = QDBusMessage::createMethodCall(s_service, path, s_props,
                                                            QStringLiteral("GetAll"));
            m << iface;
            messages << m;
        }
        return messages;
    };
    auto processes = [&] {
        QList<QDBusMessage> messages;
        for (const QString &name : names) {
            QDBusMessage m = managerCall(QStringLiteral("GetUnitProcesses"));
            m << name;
            messages << m;
        }
        return messages;
    };

    const QDBusConnection privateBus = QDBusConnection::connectToPeer(
            QStringLiteral("unix:path=") + qEnvironmentVariable("XDG_RUNTIME_DIR")
                    + QStringLiteral("/systemd/private"),
            QStringLiteral("private"));
    struct Case
    {
        QString name;
        std::function<double()> run;
    };
    QDBusMessage listAll = managerCall(QStringLiteral("ListUnitsByPatterns"));
    listAll << QStringList() << QStringList{ QStringLiteral("*.service") };
    const QStringList four{ QStringLiteral("MainPID"), QStringLiteral("ExecStart"),
                            QStringLiteral("NRestarts") };
    const QList<Case> cases{
        { QStringLiteral("ListUnitsByPatterns(*.service)"), [&] { return sendAll({ listAll }); } },
        { QStringLiteral("Get x4 per unit (MainPID ExecStart NRestarts ActiveEnterTimestamp)"),
          [&] {
              return sendAll(gets(s_serviceIface, four)
                             + gets(s_unitIface, { QStringLiteral("ActiveEnterTimestamp") }));
          } },
        { QStringLiteral("GetAll(Service) per unit"),
          [&] { return sendAll(getAlls(s_serviceIface)); } },
        { QStringLiteral("GetAll(Unit) per unit"), [&] { return sendAll(getAlls(s_unitIface)); } },
        { QStringLiteral("GetAll(Unit) + 10 Get(Service) per unit (before)"),
          [&] {
              return sendAll(
                      getAlls(s_unitIface)
                      + gets(s_serviceIface,
                             { QStringLiteral("MainPID"), QStringLiteral("NRestarts"),
                               QStringLiteral("Result"), QStringLiteral("ExecStart"),
                               QStringLiteral("Environment"), QStringLiteral("EnvironmentFiles"),
                               QStringLiteral("WorkingDirectory"),
                               QStringLiteral("ExecMainStartTimestamp"), QStringLiteral("User"),
                               QStringLiteral("StatusText") }));
          } },
        { QStringLiteral("GetUnitProcesses per unit"), [&] { return sendAll(processes()); } },
        { QStringLiteral("Get x4 per unit on systemd's private socket (no dbus-daemon)"),
          [&] {
              QList<QDBusMessage> messages = gets(s_serviceIface, four)
                      + gets(s_unitIface, { QStringLiteral("ActiveEnterTimestamp") });
              for (QDBusMessage &m : messages)
                  m = QDBusMessage::createMethodCall(QString(), m.path(), m.interface(), m.member())
                          << m.arguments().at(0) << m.arguments().at(1);
              return sendAll(messages, privateBus);
          } },
    };
    for (const Case &c : cases) {
        QList<double> times;
        for (int i = 0; i < rounds; ++i)
            times << c.run();
        out << QStringLiteral("%1 ms  %2").arg(median(times), 8, 'f', 1).arg(c.name) << Qt::endl;
    }

    // Banner probes of every console, all at once (what the child state costs).
    QList<ConsoleEndpoint> endpoints;
    {
        const QList<QDBusMessage> execs = gets(s_serviceIface, { QStringLiteral("ExecStart") });
        for (const QDBusMessage &m : execs) {
            const QDBusMessage r = QDBusConnection::sessionBus().call(m);
            const auto cmds = qdbus_cast<ExecCommandList>(
                    r.arguments().value(0).value<QDBusVariant>().variant());
            if (cmds.isEmpty())
                continue;
            const ProcServCommand command = ProcServCommand::parse(cmds.first().argv);
            if (!command.controlEndpoints.isEmpty())
                endpoints << command.controlEndpoints.first();
        }
    }
    QList<double> times;
    for (int i = 0; i < rounds; ++i) {
        QEventLoop loop;
        int remaining = int(endpoints.size());
        QElapsedTimer timer;
        timer.start();
        for (const ConsoleEndpoint &e : std::as_const(endpoints)) {
            auto *probe = new BannerProbe(&loop);
            QObject::connect(
                    probe, &BannerProbe::finished, &loop,
                    [&remaining, &loop, probe](const ProcServStateTracker &, const QString &) {
                        probe->deleteLater();
                        if (--remaining == 0)
                            loop.quit();
                    });
            probe->probe(e);
        }
        if (remaining > 0)
            loop.exec();
        times << double(timer.nsecsElapsed()) / 1e6;
    }
    out << QStringLiteral("%1 ms  BannerProbe of %2 consoles")
                    .arg(median(times), 8, 'f', 1)
                    .arg(endpoints.size())
        << Qt::endl;
    return 0;
}
