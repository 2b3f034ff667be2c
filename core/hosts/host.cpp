// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/hosts/host.h"

#include "core/hosts/hosttransport.h"
#include "core/systemd/systemdmanager.h"

#include <QCoreApplication>
#include <QDBusError>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QPointer>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <unistd.h>
#include <utility>

Q_LOGGING_CATEGORY(lcHost, "iocdock.host", QtInfoMsg)

namespace {

// The login probe that asks an SSH host for its offset from UTC.
constexpr char kUtcOffsetProbe[] = "utc-offset";

std::atomic<int> s_connectionCounter{ 0 };

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
    , m_transport(HostTransport::create(kind, target))
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
    // procServ prints its host's local time: read it in that host's zone (utcOffset()).
    if (kind == Kind::Ssh)
        addLoginProbe(QString::fromLatin1(kUtcOffsetProbe), QStringLiteral("date +%z"));
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

bool Host::isLocal() const
{
    return m_transport->isLocal();
}

bool Host::isUserManager() const
{
    return m_transport->isUserManager();
}

QString Host::id() const
{
    return m_transport->id();
}

QString Host::spec() const
{
    return m_transport->spec();
}

QString Host::displayName() const
{
    return m_transport->displayName();
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

void Host::setConnectTimeout(int msecs)
{
    m_connectTimeout = msecs;
    m_transport->setConnectTimeout(msecs);
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

QString Host::shellJoin(const QStringList &argv)
{
    QStringList quoted;
    quoted.reserve(argv.size());
    for (const QString &arg : argv)
        quoted << shellQuote(arg);
    return quoted.join(QLatin1Char(' '));
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
    return m_transport->sshOptions();
}

QStringList Host::sshArguments() const
{
    return m_transport->sshArguments();
}

QString Host::busAddress() const
{
    return m_transport->busAddress();
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

void Host::addLoginProbe(const QString &name, const QString &script)
{
    m_loginProbes.append({ name, script });
}

bool Host::loginProbeOutput(const QString &name, QByteArray *output) const
{
    const auto found = m_loginProbeOutput.constFind(name);
    if (found == m_loginProbeOutput.constEnd())
        return false;
    *output = *found;
    return true;
}

namespace {

// The line before each login probe's output: no probe output is taken for it (the nonce is
// new for each attempt).
QByteArray loginProbeMarker(const QByteArray &nonce, int index)
{
    return "@@iocdock-probe-" + nonce + '-' + QByteArray::number(index) + "@@";
}

} // namespace

void Host::startAttempt()
{
    m_attemptRunning = true;
    dropConnection();
    m_loginProbeOutput.clear();
    m_attemptTimer->start(m_connectTimeout);
    if (!m_transport->preflightCommand().isEmpty())
        startPreflight();
    else
        startBusConnection();
}

void Host::startPreflight()
{
    // The login probes go into the same login, each after a marker line.
    const QByteArray nonce = QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    QString extra;
    for (int i = 0; i < m_loginProbes.size(); ++i) {
        extra += QStringLiteral("printf '\\n%s\\n' '%1'; ( %2\n); ")
                         .arg(QString::fromLatin1(loginProbeMarker(nonce, i)),
                              m_loginProbes.at(i).second);
    }
    const QStringList command = m_transport->preflightCommand(extra);
    auto *process = new QProcess(this);
    m_preflight = process;
    process->setStandardInputFile(QProcess::nullDevice());
    m_preflightNonce = nonce;
    m_preflightProbes = int(m_loginProbes.size());
    connect(process, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), this,
            &Host::handlePreflightFinished);
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart || m_preflight != process)
            return;
        m_preflight = nullptr;
        process->deleteLater();
        fail(Failure::Other, m_transport->preflightStartError(process->errorString()));
    });
    qCDebug(lcHost) << id() << "pre-flight";
    process->start(command.first(), command.mid(1));
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
    Failure failure = Failure::Other;
    QString message;
    if (m_transport->preflightSucceeded(code, err, &failure, &message)) {
        readLoginProbes(process->readAllStandardOutput(), m_preflightNonce, m_preflightProbes);
        startBusConnection();
    } else
        fail(failure, message);
}

void Host::readLoginProbes(const QByteArray &out, const QByteArray &nonce, int count)
{
    // Each probe's output runs from its marker line to the next marker (or the end); what a
    // login prints before the first one (a shell's start-up files) is not any probe's.
    for (int i = 0; i < count && i < m_loginProbes.size(); ++i) {
        const QByteArray marker = '\n' + loginProbeMarker(nonce, i) + '\n';
        const qsizetype at = out.indexOf(marker);
        if (at < 0)
            continue;
        const qsizetype begin = at + marker.size();
        const QByteArray next = '\n' + loginProbeMarker(nonce, i + 1) + '\n';
        qsizetype end = out.indexOf(next, begin);
        if (end < 0)
            end = out.size();
        m_loginProbeOutput.insert(m_loginProbes.at(i).first, out.mid(begin, end - begin));
    }
}

void Host::startBusConnection()
{
    m_attemptTimer->start(m_connectTimeout);
    m_connectionName = QStringLiteral("iocdock-host-%1").arg(++s_connectionCounter);
    m_busPending = true;
    const auto connectBus = m_transport->busConnector();
    const QString name = m_connectionName;
    const QString privateSocket = m_usePrivateSocket ? m_transport->privateSocket() : QString();
    QPointer<Host> self(this);

    // QDBusConnection::connectToBus() blocks while the transport starts (for SSH: the bridge
    // through the master), so it runs on a short-lived thread; the result comes back queued
    // to the application object, where `self` can be checked safely.
    QThread *worker = QThread::create([self, connectBus, name, privateSocket] {
        const QDBusConnection connection = connectBus(name);
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
    m_busPending = false;
    if (!ok) {
        // A local bus that refuses connections (no socket, a restarting dbus-daemon) is out of
        // reach like a remote host; over SSH the pre-flight has already told reachability.
        fail(m_transport->busRefusal(),
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
        // A connection the worker thread is still opening is not closed here: closing it from
        // this thread while connectToBus() runs there frees what the worker then reads
        // (valgrind saw it when a Host went while connecting). Its answer closes it
        // (handleBusConnected() for a name given up on, or the worker's callback once the
        // Host is gone).
        if (!std::exchange(m_busPending, false))
            closeConnections(m_connectionName, std::exchange(m_hasPeer, false));
        m_connectionName.clear();
    }
}

void Host::closeConnections(const QString &name, bool peer)
{
    // The one place where iocdock closes a connection of its own. Qt 5.15 deletes the unfinished
    // pending calls of a connection closed from this side (docs/architecture.md §11): a watcher of one that
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

ConsoleRoute Host::consoleRoute(const ConsoleEndpoint &endpoint) const
{
    ConsoleRoute route = m_transport->consoleRoute(endpoint);
    route.hostUtcOffset = utcOffset();
    return route;
}

std::optional<int> Host::utcOffset() const
{
    QByteArray out;
    if (!loginProbeOutput(QString::fromLatin1(kUtcOffsetProbe), &out))
        return std::nullopt;
    return parseUtcOffset(out);
}

std::optional<int> Host::parseUtcOffset(const QByteArray &text)
{
    const QByteArray zone = text.trimmed();
    if (zone.size() != 5 || (zone.at(0) != '+' && zone.at(0) != '-'))
        return std::nullopt;
    bool hoursOk = false;
    bool minutesOk = false;
    const int hours = zone.mid(1, 2).toInt(&hoursOk);
    const int minutes = zone.mid(3, 2).toInt(&minutesOk);
    if (!hoursOk || !minutesOk || hours > 14 || minutes > 59)
        return std::nullopt;
    return (zone.at(0) == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
}

QStringList Host::unixSocketForward(const QString &remotePath, const QString &localPath,
                                    QStringList *cleanup) const
{
    return m_transport->unixSocketForward(remotePath, localPath, cleanup);
}

QStringList Host::commandOnHost(const QStringList &argv) const
{
    return m_transport->commandOnHost(argv);
}

QString Host::runtimeDir() const
{
    return m_transport->runtimeDir();
}
