// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "tests/common/sandbox.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpServer>

#include <memory>
#include <utility>
#include <vector>

namespace {

QString env(const char *name)
{
    return QString::fromLocal8Bit(qgetenv(name));
}

QString cleanPath(const QString &path)
{
    return path.isEmpty() ? QString() : QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

const char howToStart[] = "run the tests through tools/run-tests, or start a sandbox first: "
                          "eval \"$(tools/sandbox start)\"";

} // namespace

QString Sandbox::unavailableReason()
{
    const QString dir = cleanPath(env("IOCDOCK_SANDBOX"));
    if (dir.isEmpty())
        return QStringLiteral("No sandbox: IOCDOCK_SANDBOX is not set; ")
                + QLatin1String(howToStart);
    if (!QFileInfo::exists(dir + QLatin1String("/.iocdock-sandbox")))
        return QStringLiteral("IOCDOCK_SANDBOX=%1 is not a running sandbox directory; ").arg(dir)
                + QLatin1String(howToStart);

    // Refuse anything that would reach a manager outside the sandbox.
    const QString bus = env("DBUS_SESSION_BUS_ADDRESS");
    const QString expectedBus = QStringLiteral("unix:path=") + dir + QLatin1String("/runtime/bus");
    if (bus != expectedBus)
        return QStringLiteral("DBUS_SESSION_BUS_ADDRESS is '%1', not the sandbox's bus %2; "
                              "eval the output of `tools/sandbox env %3`")
                .arg(bus, expectedBus, dir);
    if (cleanPath(env("XDG_RUNTIME_DIR")) != dir + QLatin1String("/runtime"))
        return QStringLiteral("XDG_RUNTIME_DIR does not point into the sandbox %1").arg(dir);
    if (cleanPath(env("XDG_CONFIG_HOME")) != dir + QLatin1String("/config"))
        return QStringLiteral("XDG_CONFIG_HOME does not point into the sandbox %1").arg(dir);

    QDBusConnection session = QDBusConnection::sessionBus();
    if (!session.isConnected())
        return QStringLiteral("Cannot connect to the sandbox's session bus %1: %2")
                .arg(bus, session.lastError().message());
    QDBusMessage ping = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.systemd1"), QStringLiteral("/org/freedesktop/systemd1"),
            QStringLiteral("org.freedesktop.DBus.Peer"), QStringLiteral("Ping"));
    const QDBusMessage reply = session.call(ping, QDBus::Block, 10000);
    if (reply.type() != QDBusMessage::ReplyMessage)
        return QStringLiteral("The sandbox's systemd manager does not answer on %1: %2 (is it "
                              "still running? see %3/sandbox.log and %3/manager.log)")
                .arg(bus, reply.errorMessage(), dir);
    return {};
}

bool Sandbox::isAvailable()
{
    return unavailableReason().isEmpty();
}

QString Sandbox::dir() const
{
    return cleanPath(env("IOCDOCK_SANDBOX"));
}

QString Sandbox::unitDir() const
{
    return configDir() + QLatin1String("/systemd/user");
}

QString Sandbox::runtimeDir() const
{
    return cleanPath(env("XDG_RUNTIME_DIR"));
}

QString Sandbox::configDir() const
{
    return cleanPath(env("XDG_CONFIG_HOME"));
}

QString Sandbox::binPath(const QString &name)
{
    QString binDir = env("IOCDOCK_BIN_DIR");
#ifdef IOCDOCK_TEST_BIN_DIR
    if (binDir.isEmpty())
        binDir = QStringLiteral(IOCDOCK_TEST_BIN_DIR);
#endif
    if (binDir.isEmpty())
        binDir = QCoreApplication::applicationDirPath();
    return cleanPath(binDir + QLatin1Char('/') + name);
}

QString Sandbox::iocsimPath()
{
    return binPath(QStringLiteral("iocsim"));
}

quint16 Sandbox::freeTcpPort()
{
    const QList<quint16> ports = freeTcpPorts(1);
    return ports.isEmpty() ? 0 : ports.first();
}

// Ports are chosen below the kernel's ephemeral range: a port from that range (what listen on
// port 0 gives) can become an outgoing connection's local end (ssh, D-Bus, another test)
// between this check and procServ's bind. tools/sshd-sandbox takes 20000 and up to the range.
QList<quint16> Sandbox::freeTcpPorts(int count)
{
    int low = 32768;
    int high = 60999;
    QFile range(QStringLiteral("/proc/sys/net/ipv4/ip_local_port_range"));
    if (range.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> bounds = range.readAll().simplified().split(' ');
        if (bounds.size() == 2) {
            low = bounds.at(0).toInt();
            high = bounds.at(1).toInt();
        }
    }
    int base = 10000;
    int span = qMin(low, 20000) - base;
    if (span < 1000) { // an unusual range: above it, else anywhere
        base = high + 1;
        span = 65536 - base;
    }
    std::vector<std::unique_ptr<QTcpServer>> servers;
    QList<quint16> ports;
    for (int tries = 0; ports.size() < count && tries < 50 * count; ++tries) {
        auto server = std::make_unique<QTcpServer>();
        const quint16 port = span >= 1000
                ? quint16(base + int(QRandomGenerator::global()->bounded(span)))
                : quint16(0);
        if (!server->listen(QHostAddress::LocalHost, port) || ports.contains(server->serverPort()))
            continue;
        ports << server->serverPort();
        servers.push_back(std::move(server));
    }
    return ports.size() == count ? ports : QList<quint16>();
}

bool Sandbox::installUnit(const QString &name, const QByteArray &content)
{
    if (name.isEmpty() || name.contains(QLatin1Char('/')) || dir().isEmpty()) {
        qWarning("Sandbox::installUnit: bad unit name '%s' or no sandbox", qPrintable(name));
        return false;
    }
    if (!QDir().mkpath(unitDir()))
        return false;
    QFile file(unitDir() + QLatin1Char('/') + name);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(content) != content.size()) {
        qWarning("Sandbox::installUnit: cannot write %s: %s", qPrintable(file.fileName()),
                 qPrintable(file.errorString()));
        return false;
    }
    file.close();
    return systemctl({ QStringLiteral("daemon-reload") });
}

bool Sandbox::installUnit(const QString &name, const QString &content)
{
    return installUnit(name, content.toUtf8());
}

bool Sandbox::removeUnit(const QString &name)
{
    if (name.isEmpty() || name.contains(QLatin1Char('/')) || dir().isEmpty())
        return false;
    // Stop and reset may fail (unit never started, already gone); that is fine.
    systemctl({ QStringLiteral("stop"), name });
    systemctl({ QStringLiteral("reset-failed"), name });
    const QString path = unitDir() + QLatin1Char('/') + name;
    if (QFileInfo::exists(path) && !QFile::remove(path)) {
        qWarning("Sandbox::removeUnit: cannot delete %s", qPrintable(path));
        return false;
    }
    return systemctl({ QStringLiteral("daemon-reload") });
}

bool Sandbox::systemctl(const QStringList &args, QByteArray *out)
{
    if (dir().isEmpty()) {
        qWarning("Sandbox::systemctl: no sandbox (IOCDOCK_SANDBOX is not set)");
        return false;
    }
    QProcess process;
    process.setProgram(QStringLiteral("systemctl"));
    process.setArguments(QStringList{ QStringLiteral("--user"), QStringLiteral("--no-ask-password"),
                                      QStringLiteral("--no-pager") }
                         + args);
    process.start();
    if (!process.waitForStarted(10000)) {
        qWarning("Sandbox::systemctl: cannot run systemctl: %s", qPrintable(process.errorString()));
        return false;
    }
    process.closeWriteChannel();
    if (!process.waitForFinished(30000)) {
        qWarning("Sandbox::systemctl %s: no answer within 30 s",
                 qPrintable(args.join(QLatin1Char(' '))));
        process.kill();
        process.waitForFinished(5000);
        return false;
    }
    if (out)
        *out = process.readAllStandardOutput();
    const bool ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (!ok) {
        const QByteArray err = process.readAllStandardError().trimmed();
        if (!err.isEmpty())
            qInfo("systemctl --user %s: %s", qPrintable(args.join(QLatin1Char(' '))),
                  err.constData());
    }
    return ok;
}

QString Sandbox::unitProperty(const QString &unit, const QString &property)
{
    QByteArray out;
    if (!systemctl({ QStringLiteral("show"), QStringLiteral("-p"), property,
                     QStringLiteral("--value"), unit },
                   &out))
        return {};
    return QString::fromUtf8(out).trimmed();
}

QString Sandbox::quoteArgument(const QString &arg)
{
    if (!arg.isEmpty() && !arg.contains(QLatin1Char(' ')) && !arg.contains(QLatin1Char('\t'))
        && !arg.contains(QLatin1Char('"')) && !arg.contains(QLatin1Char('\''))
        && !arg.contains(QLatin1Char('\\')) && !arg.contains(QLatin1Char(';')))
        return arg;
    QString quoted = arg;
    quoted.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    quoted.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString Sandbox::procServUnit(const QString &iocName, const QStringList &procServOptions,
                              const QStringList &iocsimArgs, const QStringList &extraServiceLines)
{
    QStringList argv{ QStringLiteral("/usr/bin/procServ"), QStringLiteral("--foreground") };
    argv += procServOptions;
    argv += iocsimPath();
    argv += { QStringLiteral("--name"), iocName };
    argv += iocsimArgs;
    QStringList quoted;
    for (const QString &arg : std::as_const(argv))
        quoted += quoteArgument(arg);

    QString text = QStringLiteral("# Written by an iocdock test (tests/common/sandbox.cpp).\n"
                                  "[Unit]\n"
                                  "Description=iocdock test IOC %1\n"
                                  "\n"
                                  "[Service]\n"
                                  "Type=simple\n"
                                  "ExecStart=%2\n")
                           .arg(iocName, quoted.join(QLatin1Char(' ')));
    for (const QString &line : extraServiceLines)
        text += line + QLatin1Char('\n');
    return text;
}

QString Sandbox::procServUtilsUnit(const QString &iocName, const QStringList &iocsimArgs)
{
    const QString rundir = QStringLiteral("%t/procserv-") + iocName;
    return procServUnit(iocName,
                        { QStringLiteral("--logfile"), QStringLiteral("-"),
                          QStringLiteral("--name"), iocName, QStringLiteral("--ignore"),
                          QStringLiteral("^D^C^]"), QStringLiteral("--logoutcmd"),
                          QStringLiteral("^D"), QStringLiteral("--chdir"), QStringLiteral("/"),
                          QStringLiteral("--info-file"), rundir + QLatin1String("/info"),
                          QStringLiteral("--port"),
                          QStringLiteral("unix:") + rundir + QLatin1String("/control") },
                        iocsimArgs,
                        { QStringLiteral("RuntimeDirectory=procserv-") + iocName,
                          QStringLiteral("Environment=IOCNAME=") + iocName });
}

QString Sandbox::procServUtilsSocket(const QString &iocName) const
{
    return runtimeDir() + QLatin1String("/procserv-") + iocName + QLatin1String("/control");
}

bool Sandbox::managerOnBus()
{
    // Asked by busctl, a process of its own with a connection of its own, not by QtDBus in
    // this process: the fault tests restart the bus under this process's connections, and
    // QtDBus once crashed inside its own code when a fresh connection of this process was
    // opened right after that (tst_mainwindowfaults' cleanup, 1 run in many).
    QProcess process;
    process.setProgram(QStringLiteral("busctl"));
    process.setArguments({ QStringLiteral("--user"), QStringLiteral("--timeout=5"),
                           QStringLiteral("call"), QStringLiteral("org.freedesktop.systemd1"),
                           QStringLiteral("/org/freedesktop/systemd1"),
                           QStringLiteral("org.freedesktop.DBus.Peer"), QStringLiteral("Ping") });
    process.start();
    if (!process.waitForStarted(10000))
        return false;
    process.closeWriteChannel();
    if (!process.waitForFinished(15000)) {
        process.kill();
        process.waitForFinished(5000);
        return false;
    }
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

void Sandbox::resetBusStartLimit()
{
    systemctl({ QStringLiteral("reset-failed"), QStringLiteral("dbus.service"),
                QStringLiteral("dbus.socket") });
}
