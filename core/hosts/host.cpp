#include "core/hosts/host.h"

#include "core/procserv/consolesession.h"
#include "core/systemd/systemdmanager.h"

#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcHost, "iocdock.host")

namespace {

std::atomic<int> s_connectionCounter{ 0 };

QString userRuntimeDir()
{
    const QString env = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!env.isEmpty())
        return env;
    return QStringLiteral("/run/user/") + QString::number(::getuid());
}

// D-Bus address values escape every byte outside [-0-9A-Za-z_/.\*] as %XX.
QString escapeAddressValue(const QString &value)
{
    QString out;
    for (const char c : value.toUtf8()) {
        const bool plain = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z') || c == '-' || c == '_' || c == '/' || c == '.'
                || c == '\\' || c == '*';
        if (plain)
            out += QLatin1Char(c);
        else
            out += QLatin1Char('%')
                    + QString::number(static_cast<uchar>(c), 16)
                              .rightJustified(2, QLatin1Char('0'));
    }
    return out;
}

} // namespace

QStringList Host::sshArguments() const
{
    QString dest = m_target;
    if (dest.endsWith(QLatin1String("/user")))
        dest.chop(5);
    QString port;
    const int colon = dest.lastIndexOf(QLatin1Char(':'));
    if (colon > 0 && !dest.contains(QLatin1Char(']'))) {
        port = dest.mid(colon + 1);
        dest.truncate(colon);
    }
    // BatchMode: libdbus gives ssh no terminal, so it must never prompt. Host keys stay
    // verified by the user's own known_hosts.
    QStringList args{ QStringLiteral("-x"), QStringLiteral("-T"),
                      QStringLiteral("-o"), QStringLiteral("BatchMode=yes"),
                      QStringLiteral("-o"), QStringLiteral("ConnectTimeout=10"),
                      QStringLiteral("-o"), QStringLiteral("ServerAliveInterval=5"),
                      QStringLiteral("-o"), QStringLiteral("ServerAliveCountMax=3") };
    const QString extra = qEnvironmentVariable("IOCDOCK_SSH_OPTIONS");
    if (!extra.isEmpty())
        args += extra.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (!port.isEmpty())
        args << QStringLiteral("-p") << port;
    args << QStringLiteral("--") << dest;
    return args;
}

QString Host::busAddress() const
{
    if (m_kind == Kind::BusAddress)
        return m_target;
    if (m_kind != Kind::Ssh)
        return {};
    QStringList argv = sshArguments();
    argv << QStringLiteral("systemd-stdio-bridge");
    // systemd 252's bridge ignores --user without -M: name the user bus explicitly; the
    // remote shell expands $(id -u).
    if (isUserManager())
        argv << QStringLiteral("--bus-path=unix:path=/run/user/$(id -u)/bus");
    QString address = QStringLiteral("unixexec:path=ssh,argv0=ssh");
    for (int i = 0; i < argv.size(); ++i)
        address += QStringLiteral(",argv%1=").arg(i + 1) + escapeAddressValue(argv.at(i));
    return address;
}

Host *Host::fromSpec(const QString &spec, QObject *parent)
{
    if (spec == QLatin1String("system"))
        return new Host(Kind::LocalSystem, {}, parent);
    if (spec == QLatin1String("user"))
        return new Host(Kind::LocalUser, {}, parent);
    if (spec.startsWith(QLatin1String("bus:")))
        return new Host(Kind::BusAddress, spec.mid(4), parent);
    return new Host(Kind::Ssh, spec, parent);
}

Host::Host(Kind kind, const QString &target, QObject *parent)
    : QObject(parent)
    , m_kind(kind)
    , m_target(target)
{}

Host::~Host()
{
    disconnectFromManager();
}

bool Host::isUserManager() const
{
    switch (m_kind) {
    case Kind::LocalUser:
    case Kind::BusAddress:
        return true;
    case Kind::Ssh:
        return m_target.endsWith(QLatin1String("/user"));
    case Kind::LocalSystem:
        break;
    }
    return false;
}

QString Host::id() const
{
    switch (m_kind) {
    case Kind::LocalSystem:
        return QStringLiteral("local");
    case Kind::LocalUser:
        return QStringLiteral("local-user");
    case Kind::BusAddress:
        return QStringLiteral("bus");
    case Kind::Ssh:
        break;
    }
    return m_target;
}

QString Host::displayName() const
{
    switch (m_kind) {
    case Kind::LocalSystem:
        return tr("This machine (system)");
    case Kind::LocalUser:
        return tr("This machine (user)");
    case Kind::BusAddress:
        return tr("Bus %1").arg(m_target);
    case Kind::Ssh:
        break;
    }
    return m_target;
}

void Host::setState(State state, const QString &error)
{
    m_error = error;
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void Host::connectToManager()
{
    if (m_state == State::Connecting || m_state == State::Connected)
        return;
    setState(State::Connecting);

    m_connectionName = QStringLiteral("iocdock-host-%1").arg(++s_connectionCounter);
    const Kind kind = m_kind;
    const QString address = busAddress();
    const QString name = m_connectionName;
    QPointer<Host> self(this);

    // QDBusConnection::connectToBus() blocks while the transport starts (for SSH: the whole
    // login), so it runs on a short-lived thread; the result comes back queued.
    QThread *worker = QThread::create([self, kind, address, name] {
        QDBusConnection connection(name);
        switch (kind) {
        case Kind::LocalSystem:
            connection = QDBusConnection::connectToBus(QDBusConnection::SystemBus, name);
            break;
        case Kind::LocalUser:
            if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
                connection = QDBusConnection::connectToBus(QDBusConnection::SessionBus, name);
            else
                connection = QDBusConnection::connectToBus(
                        QStringLiteral("unix:path=") + userRuntimeDir() + QStringLiteral("/bus"),
                        name);
            break;
        case Kind::BusAddress:
        case Kind::Ssh:
            connection = QDBusConnection::connectToBus(address, name);
            break;
        }
        const bool ok = connection.isConnected();
        const QString error = ok ? QString() : connection.lastError().message();
        if (!self)
            return;
        QMetaObject::invokeMethod(
                self.data(),
                [self, ok, error, name] {
                    if (!self || self->m_connectionName != name)
                        return;
                    if (!ok) {
                        QDBusConnection::disconnectFromBus(name);
                        self->setState(State::Failed,
                                       error.isEmpty() ? tr("Could not connect to systemd.")
                                                       : error);
                        return;
                    }
                    self->m_manager = new SystemdManager(QDBusConnection(name), self.data());
                    connect(self->m_manager.data(), &SystemdManager::connectionLost, self.data(),
                            [host = self.data()](const QString &message) {
                                host->setState(State::Failed, message);
                            });
                    self->setState(State::Connected);
                },
                Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

void Host::disconnectFromManager()
{
    if (m_manager)
        delete m_manager.data();
    if (!m_connectionName.isEmpty()) {
        QDBusConnection::disconnectFromBus(m_connectionName);
        m_connectionName.clear();
    }
    if (m_state != State::Failed)
        setState(State::Disconnected);
}

ConsoleSession *Host::createConsole(const Ioc &ioc, bool readOnly, QObject *parent) const
{
    auto *session = new ConsoleSession(parent);
    // A read-only console prefers procServ's log port: it cannot take input at all.
    const ConsoleEndpoint endpoint =
            (readOnly && ioc.logPort.isValid()) ? ioc.logPort : ioc.console;
    session->setEndpoint(endpoint);
    session->setReadOnly(readOnly);
    return session;
}

QStringList Host::logCommand(const Ioc &ioc, bool follow, int lines, const QString &since) const
{
    QStringList argv;
    if (!ioc.logFile.isEmpty() && ioc.logFile != QLatin1String("-")) {
        argv << QStringLiteral("tail") << QStringLiteral("-n")
             << QString::number(lines < 0 ? 0 : lines);
        if (lines < 0)
            argv.last() = QStringLiteral("+1");
        if (follow)
            argv << QStringLiteral("-F");
        argv << QStringLiteral("--") << ioc.logFile;
        return argv;
    }
    argv << QStringLiteral("journalctl") << QStringLiteral("--no-pager") << QStringLiteral("-o")
         << QStringLiteral("cat");
    argv << (isUserManager() ? QStringLiteral("--user-unit=") : QStringLiteral("--unit="))
                    + ioc.unit;
    if (lines >= 0)
        argv << QStringLiteral("-n") << QString::number(lines);
    else
        argv << QStringLiteral("--no-tail");
    if (!since.isEmpty())
        argv << QStringLiteral("--since=") + since;
    if (follow)
        argv << QStringLiteral("-f");
    return argv;
}

QString Host::runtimeDir() const
{
    if (m_kind == Kind::LocalSystem)
        return QStringLiteral("/run");
    if (m_kind == Kind::LocalUser || m_kind == Kind::BusAddress)
        return userRuntimeDir();
    return {};
}
