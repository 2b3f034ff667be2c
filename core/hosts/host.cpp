#include "core/hosts/host.h"

#include "core/systemd/systemdmanager.h"

#include <QCoreApplication>
#include <QDBusError>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QPointer>
#include <QProcess>
#include <QRegularExpression>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <unistd.h>
#include <utility>

Q_LOGGING_CATEGORY(lcHost, "iocdock.host")

namespace {

std::atomic<int> s_connectionCounter{ 0 };
std::atomic<int> s_forwardCounter{ 0 };

// A live connection is checked this often: a closed bridge shows at once, a hung one
// through a Ping without answer.
constexpr int s_aliveIntervalMs = 3000;
constexpr int s_pingTimeoutMs = 10000;
constexpr int s_firstRetryMs = 1000;
constexpr int s_maxRetryMs = 60000;

// The connection name of a host's direct connection to systemd's private socket.
QString privateName(const QString &connectionName)
{
    return connectionName + QStringLiteral("-private");
}

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

// The remote side runs the user's login shell, which may not be POSIX (csh, fish): every
// remote script goes through `sh -c '...'`.
QString remoteSh(const QString &script)
{
    return QStringLiteral("sh -c ") + Host::shellQuote(script);
}

// The remote user's bus: pam_systemd sets XDG_RUNTIME_DIR on a real host (the tests' sshd
// sets it with SetEnv); /run/user/UID is systemd's default.
QString userBusPath()
{
    return QStringLiteral("${XDG_RUNTIME_DIR:-/run/user/$(id -u)}/bus");
}

QString lastMeaningfulLine(const QString &text)
{
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        const QString line = it->trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1String("Warning:"))
            || line.startsWith(QLatin1String("@@@")))
            continue;
        return line;
    }
    return {};
}

} // namespace

QString Host::SshTarget::destination() const
{
    return user.isEmpty() ? host : user + QLatin1Char('@') + host;
}

bool Host::parseSshSpec(const QString &spec, SshTarget *target, QString *error)
{
    auto bad = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    SshTarget t;
    QString rest = spec.trimmed();
    if (rest.isEmpty())
        return bad(tr("The host is empty."));
    if (rest.endsWith(QLatin1String("/user"))) {
        t.userManager = true;
        rest.chop(5);
    }
    const int at = rest.lastIndexOf(QLatin1Char('@'));
    if (at >= 0) {
        t.user = rest.left(at);
        rest = rest.mid(at + 1);
        static const QRegularExpression userRe(QStringLiteral("^[A-Za-z0-9_.][A-Za-z0-9_.-]*$"));
        if (!userRe.match(t.user).hasMatch())
            return bad(tr("\"%1\" is not a valid user name.").arg(t.user));
    }
    QString port;
    if (rest.startsWith(QLatin1Char('['))) {
        const int close = rest.indexOf(QLatin1Char(']'));
        if (close < 0)
            return bad(tr("A missing \"]\" in \"%1\".").arg(spec));
        t.host = rest.mid(1, close - 1);
        const QString after = rest.mid(close + 1);
        if (after.startsWith(QLatin1Char(':')))
            port = after.mid(1);
        else if (!after.isEmpty())
            return bad(tr("Unexpected \"%1\" after the address.").arg(after));
    } else {
        const int colon = rest.indexOf(QLatin1Char(':'));
        if (colon >= 0 && rest.indexOf(QLatin1Char(':'), colon + 1) < 0) {
            t.host = rest.left(colon);
            port = rest.mid(colon + 1);
        } else {
            t.host = rest; // a bare IPv6 address, or no port
        }
    }
    static const QRegularExpression hostRe(QStringLiteral("^[A-Za-z0-9_.:%-]+$"));
    if (t.host.isEmpty())
        return bad(tr("The host name is empty."));
    if (t.host.startsWith(QLatin1Char('-')) || !hostRe.match(t.host).hasMatch())
        return bad(tr("\"%1\" is not a valid host name.").arg(t.host));
    if (rest.contains(QLatin1Char(':')) && !port.isNull()) {
        bool ok = false;
        t.port = port.toInt(&ok);
        if (!ok || t.port < 1 || t.port > 65535)
            return bad(tr("\"%1\" is not a valid port (1 to 65535).").arg(port));
    }
    if (target)
        *target = t;
    return true;
}

bool Host::isValidSpec(const QString &spec, QString *error)
{
    if (spec == QLatin1String("system") || spec == QLatin1String("user"))
        return true;
    if (spec.startsWith(QLatin1String("bus:"))) {
        if (spec.size() > 4)
            return true;
        if (error)
            *error = tr("A bus address is missing after \"bus:\".");
        return false;
    }
    return parseSshSpec(spec, nullptr, error);
}

Host *Host::fromSpec(const QString &spec, QObject *parent)
{
    if (spec == QLatin1String("system"))
        return new Host(Kind::LocalSystem, {}, parent);
    if (spec == QLatin1String("user"))
        return new Host(Kind::LocalUser, {}, parent);
    if (spec.startsWith(QLatin1String("bus:")))
        return spec.size() > 4 ? new Host(Kind::BusAddress, spec.mid(4), parent) : nullptr;
    if (!parseSshSpec(spec, nullptr))
        return nullptr;
    return new Host(Kind::Ssh, spec.trimmed(), parent);
}

Host::Host(Kind kind, const QString &target, QObject *parent)
    : QObject(parent)
    , m_kind(kind)
    , m_target(target)
    , m_attemptTimer(new QTimer(this))
    , m_retryTimer(new QTimer(this))
    , m_aliveTimer(new QTimer(this))
{
    m_attemptTimer->setSingleShot(true);
    connect(m_attemptTimer, &QTimer::timeout, this, &Host::handleAttemptTimeout);
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &Host::startAttempt);
    m_aliveTimer->setInterval(s_aliveIntervalMs);
    connect(m_aliveTimer, &QTimer::timeout, this, &Host::checkAlive);
}

Host::~Host()
{
    m_autoReconnect = false;
    disconnectFromManager();
    // A pre-flight given up on (handleAttemptTimeout()) was killed and is deleted when it
    // reports its end; should the Host go first, reap it here, or QProcess's destructor
    // warns "Destroyed while process is still running". It had SIGKILL: the wait is short.
    for (QProcess *process : findChildren<QProcess *>(QString(), Qt::FindDirectChildrenOnly)) {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished(1000);
        }
    }
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

QString Host::spec() const
{
    switch (m_kind) {
    case Kind::LocalSystem:
        return QStringLiteral("system");
    case Kind::LocalUser:
        return QStringLiteral("user");
    case Kind::BusAddress:
        return QStringLiteral("bus:") + m_target;
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

QString Host::stateText() const
{
    switch (m_state) {
    case State::Disconnected:
        return tr("disconnected");
    case State::Connecting:
        return tr("connecting");
    case State::Connected:
        return tr("connected");
    case State::Failed:
        break;
    }
    QString text;
    switch (m_failure) {
    case Failure::Unreachable:
        text = tr("unreachable");
        break;
    case Failure::AuthenticationFailed:
        text = tr("authentication failed");
        break;
    case Failure::HostKeyChanged:
        text = tr("host key changed");
        break;
    case Failure::HostKeyUnknown:
        text = tr("host key unknown");
        break;
    case Failure::Lost:
        text = tr("lost");
        break;
    case Failure::None:
    case Failure::Other:
        text = tr("failed");
        break;
    }
    if (m_retrying)
        text = tr("%1 — retrying").arg(text);
    return text;
}

void Host::setAutoReconnect(bool on)
{
    m_autoReconnect = on;
    if (!on && m_retryTimer->isActive()) {
        m_retryTimer->stop();
        m_retrying = false;
        emit stateChanged(m_state);
    }
}

// ---- ssh ------------------------------------------------------------------------------------

QString Host::shellQuote(const QString &arg)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:=@%+,-]+$"));
    if (!arg.isEmpty() && plain.match(arg).hasMatch())
        return arg;
    QString quoted = arg;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString Host::sshRuntimeDir()
{
    // Control sockets must fit in sun_path (108 bytes) with ssh's temporary suffix: a
    // long XDG_RUNTIME_DIR (a test sandbox) falls back to /tmp.
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    QString dir = !runtime.isEmpty() && runtime.size() <= 40
            ? runtime + QStringLiteral("/iocdock-ssh")
            : QStringLiteral("/tmp/iocdock-ssh-%1").arg(::getuid());
    if (!QFileInfo::exists(dir)) {
        QDir().mkpath(dir);
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    const QFileInfo info(dir);
    // Someone else's directory in /tmp must not hold our sockets: then no sharing.
    if (!info.isDir() || info.ownerId() != ::getuid())
        return {};
    return dir;
}

QStringList Host::sshOptions() const
{
    SshTarget target;
    parseSshSpec(m_target, &target);
    QStringList args{ QStringLiteral("-x"), QStringLiteral("-T") };
    // For each option ssh uses the first value it gets: options of the user (and the tests,
    // through IOCDOCK_SSH_OPTIONS) come first so they win over our defaults.
    const QString extra = qEnvironmentVariable("IOCDOCK_SSH_OPTIONS");
    if (!extra.isEmpty())
        args += extra.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const int connectSecs = qMax(1, (m_connectTimeout + 999) / 1000);
    // BatchMode: nobody can answer a prompt (libdbus gives ssh no terminal). Host keys stay
    // verified against the user's known_hosts; an unknown key is refused, not accepted.
    args << QStringLiteral("-o") << QStringLiteral("BatchMode=yes") << QStringLiteral("-o")
         << QStringLiteral("ConnectTimeout=%1").arg(connectSecs) << QStringLiteral("-o")
         << QStringLiteral("ServerAliveInterval=5") << QStringLiteral("-o")
         << QStringLiteral("ServerAliveCountMax=3");
    const QString controlDir = sshRuntimeDir();
    if (!controlDir.isEmpty()) {
        // One master per host: the D-Bus bridge, consoles, forwards and logs share it.
        args << QStringLiteral("-o") << QStringLiteral("ControlMaster=auto") << QStringLiteral("-o")
             << QStringLiteral("ControlPath=") + controlDir + QStringLiteral("/%C")
             << QStringLiteral("-o") << QStringLiteral("ControlPersist=60") << QStringLiteral("-o")
             << QStringLiteral("StreamLocalBindUnlink=yes");
    }
    if (target.port > 0)
        args << QStringLiteral("-p") << QString::number(target.port);
    return args;
}

QStringList Host::sshArguments() const
{
    SshTarget target;
    parseSshSpec(m_target, &target);
    return sshOptions() << QStringLiteral("--") << target.destination();
}

QString Host::busAddress() const
{
    if (m_kind == Kind::BusAddress)
        return m_target;
    if (m_kind != Kind::Ssh)
        return {};
    QStringList argv = sshArguments();
    // systemd 252's bridge ignores --user without -M: name the user bus explicitly.
    if (isUserManager())
        argv << remoteSh(QString(QStringLiteral("exec systemd-stdio-bridge \"--bus-path=unix:path=")
                                 + userBusPath() + QLatin1Char('"')));
    else
        argv << remoteSh(QStringLiteral("exec systemd-stdio-bridge"));
    QString address = QStringLiteral("unixexec:path=ssh,argv0=ssh");
    for (int i = 0; i < argv.size(); ++i)
        address += QStringLiteral(",argv%1=").arg(i + 1) + escapeAddressValue(argv.at(i));
    return address;
}

Host::Failure Host::classifySshError(const QString &text)
{
    if (text.contains(QLatin1String("REMOTE HOST IDENTIFICATION HAS CHANGED"))
        || text.contains(QLatin1String("has changed and you have requested strict checking")))
        return Failure::HostKeyChanged;
    if (text.contains(QLatin1String("Host key verification failed"))
        || text.contains(QLatin1String("host key is known for")))
        return Failure::HostKeyUnknown;
    if (text.contains(QLatin1String("Permission denied"))
        || text.contains(QLatin1String("Too many authentication failures"))
        || text.contains(QLatin1String("no mutual signature algorithm")))
        return Failure::AuthenticationFailed;
    static const char *const unreachable[] = {
        "Connection refused",        "Connection timed out",
        "Operation timed out",       "No route to host",
        "Network is unreachable",    "Could not resolve hostname",
        "Name or service not known", "Connection closed by",
        "Connection reset by",       "kex_exchange_identification",
        "banner exchange",           "Temporary failure in name resolution",
    };
    for (const char *needle : unreachable) {
        if (text.contains(QLatin1String(needle)))
            return Failure::Unreachable;
    }
    return Failure::Other;
}

// ---- connecting ------------------------------------------------------------------------------

void Host::setState(State state, Failure failure, const QString &error)
{
    if (m_state == state && m_failure == failure && m_error == error)
        return;
    m_state = state;
    m_failure = failure;
    m_error = error;
    emit stateChanged(state);
}

void Host::connectToManager()
{
    if (m_state == State::Connected || m_attemptRunning)
        return;
    m_retryTimer->stop();
    m_retrying = false;
    setState(State::Connecting);
    startAttempt();
}

void Host::startAttempt()
{
    m_attemptRunning = true;
    dropConnection();
    m_attemptTimer->start(m_connectTimeout);
    if (m_kind == Kind::Ssh)
        startPreflight();
    else
        startBusConnection();
}

void Host::startPreflight()
{
    // A login that runs a tiny check: it tells why a host fails (libdbus would only say
    // "NoReply"), and it becomes the shared connection master.
    QString check = QStringLiteral(
            "command -v systemd-stdio-bridge >/dev/null 2>&1 || "
            "{ echo 'iocdock: systemd-stdio-bridge is not installed' >&2; exit 3; }; ");
    if (isUserManager())
        check += QString(QStringLiteral("b=\"") + userBusPath())
                + QStringLiteral("\"; [ -S \"$b\" ] || { echo \"iocdock: no user manager bus "
                                 "at $b (is the user logged in, or lingering?)\" >&2; exit 4; }");
    else
        check += QStringLiteral(
                "[ -S /run/dbus/system_bus_socket ] || "
                "{ echo 'iocdock: no system bus at /run/dbus/system_bus_socket' >&2; exit 4; }");
    auto *process = new QProcess(this);
    m_preflight = process;
    process->setStandardInputFile(QProcess::nullDevice());
    connect(process, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), this,
            &Host::handlePreflightFinished);
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart || m_preflight != process)
            return;
        m_preflight = nullptr;
        process->deleteLater();
        fail(Failure::Other, tr("Cannot start ssh: %1").arg(process->errorString()));
    });
    qCDebug(lcHost) << id() << "pre-flight";
    process->start(QStringLiteral("ssh"), sshArguments() << remoteSh(check));
}

void Host::handlePreflightFinished()
{
    QProcess *process = m_preflight;
    if (!process)
        return;
    m_preflight = nullptr;
    process->deleteLater();
    const QString err = QString::fromLocal8Bit(process->readAllStandardError());
    const int code = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1;
    qCDebug(lcHost) << id() << "pre-flight exit" << code << err.trimmed();
    if (code == 0) {
        startBusConnection();
        return;
    }
    const QString line = lastMeaningfulLine(err);
    if (code != 255 && line.startsWith(QLatin1String("iocdock: "))) {
        fail(Failure::Other, tr("%1: %2").arg(m_target, line.mid(9)));
        return;
    }
    const Failure failure = classifySshError(err);
    QString message;
    switch (failure) {
    case Failure::HostKeyChanged:
        message = tr("The host key of %1 has changed: connection refused. This may be an attack; "
                     "if the change is expected, remove the old key with \"ssh-keygen -R\".")
                          .arg(m_target);
        break;
    case Failure::HostKeyUnknown:
        message = tr("The host key of %1 is not known: connection refused. Connect once with ssh "
                     "to check and accept it.")
                          .arg(m_target);
        break;
    case Failure::AuthenticationFailed:
        message = tr("Authentication failed for %1: %2").arg(m_target, line);
        break;
    case Failure::Unreachable:
        message = tr("%1 is unreachable: %2").arg(m_target, line);
        break;
    default:
        message = line.isEmpty() ? tr("ssh to %1 failed (exit status %2).").arg(m_target).arg(code)
                                 : tr("ssh to %1 failed: %2").arg(m_target, line);
        break;
    }
    fail(failure, message);
}

void Host::startBusConnection()
{
    m_attemptTimer->start(m_connectTimeout);
    m_connectionName = QStringLiteral("iocdock-host-%1").arg(++s_connectionCounter);
    const Kind kind = m_kind;
    const QString address = busAddress();
    const QString name = m_connectionName;
    QString privateSocket;
    if (m_usePrivateSocket && kind == Kind::LocalUser)
        privateSocket = userRuntimeDir() + QStringLiteral("/systemd/private");
    else if (m_usePrivateSocket && kind == Kind::LocalSystem)
        privateSocket = QStringLiteral("/run/systemd/private");
    QPointer<Host> self(this);

    // QDBusConnection::connectToBus() blocks while the transport starts (for SSH: the bridge
    // through the master), so it runs on a short-lived thread; the result comes back queued
    // to the application object, where `self` can be checked safely.
    QThread *worker = QThread::create([self, kind, address, name, privateSocket] {
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
        // The private socket is only a shortcut: when it is missing or not ours, use the bus.
        bool peer = false;
        if (ok && !privateSocket.isEmpty()
            && ::access(QFile::encodeName(privateSocket).constData(), R_OK | W_OK) == 0) {
            peer = QDBusConnection::connectToPeer(QStringLiteral("unix:path=") + privateSocket,
                                                  privateName(name))
                           .isConnected();
            if (!peer)
                QDBusConnection::disconnectFromPeer(privateName(name));
        }
        QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, ok, error, name, peer] {
                    if (!self) {
                        closeConnections(name, peer); // no call was ever sent on them
                        return;
                    }
                    self->handleBusConnected(name, ok, error, peer);
                },
                Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

void Host::handleBusConnected(const QString &name, bool ok, const QString &error, bool peer)
{
    if (name != m_connectionName) {
        closeConnections(name, peer); // an attempt given up on: no call was sent on it
        return;
    }
    if (!ok) {
        // A local bus that refuses connections (no socket, a restarting dbus-daemon) is out of
        // reach like a remote host; over SSH the pre-flight has already told reachability.
        fail(m_kind == Kind::Ssh ? Failure::Other : Failure::Unreachable,
             error.isEmpty()
                     ? tr("Could not connect to systemd on %1.").arg(displayName())
                     : tr("Could not connect to systemd on %1: %2").arg(displayName(), error));
        return;
    }
    m_attemptTimer->stop();
    m_attemptRunning = false;
    m_retrying = false;
    m_retryDelay = s_firstRetryMs;
    m_wasConnected = true;
    m_manager = new SystemdManager(QDBusConnection(name), this);
    if (peer)
        m_manager->setPeerConnection(QDBusConnection(privateName(name)));
    m_hasPeer = peer;
    // Queued: checkAlive() may delete the manager, which must not happen inside its own signal.
    connect(m_manager.data(), &SystemdManager::connectionLost, this, &Host::checkAlive,
            Qt::QueuedConnection);
    m_aliveTimer->start();
    qCDebug(lcHost) << id() << "connected";
    setState(State::Connected);
}

void Host::handleAttemptTimeout()
{
    if (!m_attemptRunning)
        return;
    if (m_preflight) {
        QProcess *process = std::exchange(m_preflight, nullptr);
        process->disconnect(this);
        connect(process, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), process,
                &QObject::deleteLater);
        process->kill();
    }
    fail(Failure::Unreachable,
         tr("%1 did not answer within %2 s.").arg(displayName()).arg(m_connectTimeout / 1000.0));
}

void Host::fail(Failure failure, const QString &message)
{
    qCDebug(lcHost) << id() << "failed:" << failure << message;
    m_attemptTimer->stop();
    m_attemptRunning = false;
    dropConnection();
    // While a lost host keeps being unreachable, it stays "lost".
    if (m_retrying && m_failure == Failure::Lost && failure == Failure::Unreachable)
        failure = Failure::Lost;
    if (m_autoReconnect) {
        m_retrying = true;
        m_retryTimer->start(m_retryDelay);
        m_retryDelay = qMin(m_retryDelay * 2, s_maxRetryMs);
    }
    setState(State::Failed, failure, message);
}

void Host::handleLost(const QString &message)
{
    if (m_state != State::Connected)
        return;
    m_retryDelay = s_firstRetryMs;
    m_retrying = m_autoReconnect;
    fail(Failure::Lost, message);
}

void Host::checkAlive()
{
    if (m_state != State::Connected || m_connectionName.isEmpty())
        return;
    QDBusConnection connection(m_connectionName);
    if (!connection.isConnected()) {
        handleLost(tr("The connection to %1 was lost.").arg(displayName()));
        return;
    }
    if (m_pingInFlight || !m_manager)
        return;
    m_pingInFlight = true;
    const QString name = m_connectionName;
    m_manager->ping(s_pingTimeoutMs, this, [this, name](const QDBusError &error) {
        if (name != m_connectionName)
            return;
        m_pingInFlight = false;
        if (!error.isValid())
            return;
        if (error.type() == QDBusError::Disconnected || error.type() == QDBusError::NoReply
            || error.type() == QDBusError::Timeout || !QDBusConnection(name).isConnected())
            handleLost(tr("The connection to %1 was lost: %2").arg(displayName(), error.message()));
    });
}

void Host::dropConnection()
{
    m_aliveTimer->stop();
    m_pingInFlight = false;
    // Every call on these connections was sent by the manager and is watched by a child of it
    // (SystemdManager's lifetime contract): destroying it first leaves no watcher to outlive
    // the close. The Ping is one of its calls too.
    delete m_manager.data();
    if (!m_connectionName.isEmpty()) {
        closeConnections(m_connectionName, std::exchange(m_hasPeer, false));
        m_connectionName.clear();
    }
}

void Host::closeConnections(const QString &name, bool peer)
{
    // The one place where iocdock closes a connection of its own. Qt 5.15 deletes the unfinished
    // pending calls of a connection closed from this side (DESIGN.md §11): a watcher of one that
    // outlived the close would write to freed memory.
    const int live = SystemdManager::liveCalls(name)
            + (peer ? SystemdManager::liveCalls(privateName(name)) : 0);
    if (live > 0)
        qCCritical(lcHost) << "closing" << name << "under" << live << "live D-Bus calls";
    Q_ASSERT_X(live == 0, "Host::closeConnections", "a watcher outlives its connection");
    QDBusConnection::disconnectFromBus(name);
    if (peer)
        QDBusConnection::disconnectFromPeer(privateName(name));
}

void Host::disconnectFromManager()
{
    m_attemptTimer->stop();
    m_retryTimer->stop();
    m_retrying = false;
    m_attemptRunning = false;
    if (QProcess *process = std::exchange(m_preflight, nullptr)) {
        process->disconnect(this);
        process->kill();
        process->waitForFinished(1000); // SIGKILL: ssh is gone at once
        delete process;
    }
    dropConnection();
    if (m_state != State::Failed)
        setState(State::Disconnected);
}

// ---- consoles and logs ----------------------------------------------------------------------

QStringList Host::unixForwardCommands(const QString &remotePath, QStringList *cleanup,
                                      QString *localPath) const
{
    SshTarget target;
    parseSshSpec(m_target, &target);
    const QString dir = sshRuntimeDir().isEmpty() ? QDir::tempPath() : sshRuntimeDir();
    *localPath = QStringLiteral("%1/console-%2-%3.sock")
                         .arg(dir)
                         .arg(QCoreApplication::applicationPid())
                         .arg(++s_forwardCounter);
    const QString spec = *localPath + QLatin1Char(':') + remotePath;
    const QStringList options = sshOptions();
    auto join = [](const QStringList &argv) {
        QStringList quoted;
        for (const QString &arg : argv)
            quoted << shellQuote(arg);
        return quoted.join(QLatin1Char(' '));
    };
    // `ssh -W` takes no UNIX socket path, but the master forwards one: make sure a master
    // runs (a login through it costs a few ms), then add the forward to it.
    const QString login = join(QStringList{ QStringLiteral("ssh") } + options << QStringLiteral(
                                       "--") << target.destination() << QStringLiteral("true"));
    const QString forward =
            join(QStringList{ QStringLiteral("ssh") } + options
                 << QStringLiteral("-O") << QStringLiteral("forward") << QStringLiteral("-L")
                 << spec << QStringLiteral("--") << target.destination());
    const QString cancel =
            join(QStringList{ QStringLiteral("ssh") } + options
                 << QStringLiteral("-O") << QStringLiteral("cancel") << QStringLiteral("-L") << spec
                 << QStringLiteral("--") << target.destination());
    *cleanup = QStringList{ QStringLiteral("sh"), QStringLiteral("-c"),
                            cancel + QStringLiteral(" >/dev/null 2>&1; rm -f ")
                                    + shellQuote(*localPath) };
    return { QStringLiteral("sh"), QStringLiteral("-c"),
             login + QStringLiteral(" && exec ") + forward + QStringLiteral(" >/dev/null") };
}

ConsoleRoute Host::consoleRoute(const ConsoleEndpoint &endpoint) const
{
    if (m_kind != Kind::Ssh || !endpoint.isValid())
        return ConsoleRoute::direct(endpoint);
    ConsoleRoute route;
    route.endpoint = endpoint;
    if (endpoint.kind == ConsoleEndpoint::Kind::Tcp) {
        QString host = endpoint.host;
        if (host.isEmpty() || host == QLatin1String("0.0.0.0"))
            host = QStringLiteral("127.0.0.1");
        route.proxyCommand = QStringList{ QStringLiteral("ssh") } + sshOptions()
                << QStringLiteral("-W")
                << (host.contains(QLatin1Char(':'))
                            ? QStringLiteral("[%1]:%2").arg(host).arg(endpoint.port)
                            : QStringLiteral("%1:%2").arg(host).arg(endpoint.port))
                << QStringLiteral("--") << sshArguments().constLast();
        return route;
    }
    if (endpoint.kind == ConsoleEndpoint::Kind::UnixAbstract) {
        // OpenSSH forwards UNIX sockets by path only.
        route.prepareCommand = QStringList{
            QStringLiteral("sh"), QStringLiteral("-c"),
            QStringLiteral("echo %1 >&2; exit 1")
                    .arg(shellQuote(
                            tr("ssh cannot forward the abstract socket @%1").arg(endpoint.path)))
        };
        return route;
    }
    QString localPath;
    route.prepareCommand = unixForwardCommands(endpoint.path, &route.cleanupCommand, &localPath);
    route.endpoint = ConsoleEndpoint();
    route.endpoint.kind = ConsoleEndpoint::Kind::Unix;
    route.endpoint.path = localPath;
    return route;
}

QStringList Host::commandOnHost(const QStringList &argv) const
{
    if (m_kind != Kind::Ssh)
        return argv;
    // ssh hands the remote shell one string: quote every argument for it.
    QStringList quoted;
    for (const QString &arg : argv)
        quoted << shellQuote(arg);
    return QStringList{ QStringLiteral("ssh") } + sshArguments()
            << remoteSh(QStringLiteral("exec ") + quoted.join(QLatin1Char(' ')));
}

QString Host::runtimeDir() const
{
    if (m_kind == Kind::LocalSystem)
        return QStringLiteral("/run");
    if (m_kind == Kind::LocalUser || m_kind == Kind::BusAddress)
        return userRuntimeDir();
    return {};
}
