// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/procserv/consolesession.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QPointer>
#include <QProcess>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include <utility>

Q_LOGGING_CATEGORY(lcConsole, "iocdock.procserv.console", QtInfoMsg)

namespace {

constexpr int s_firstBackoff = 500;
constexpr int s_maxBackoff = 5000;
constexpr int s_maxStderr = 4096;

// Runs @p argv to its end as a child of @p owner held in @p *current; @p done gets an empty
// string on exit status 0, else stderr (or what failed). An answer for a process that is no
// longer *current (its owner moved on) is dropped.
void runPrepareCommand(QObject *owner, QProcess **current, const QStringList &argv,
                       std::function<void(const QString &error)> done)
{
    auto *process = new QProcess(owner);
    *current = process;
    const QString program = argv.value(0);
    process->setProcessChannelMode(QProcess::SeparateChannels);
    process->setStandardInputFile(QProcess::nullDevice());
    QObject::connect(process, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), owner,
                     [current, process, program, done](int code, QProcess::ExitStatus status) {
                         const QString detail =
                                 QString::fromLocal8Bit(process->readAllStandardError()).trimmed();
                         process->deleteLater();
                         if (*current != process)
                             return;
                         *current = nullptr;
                         if (status == QProcess::NormalExit && code == 0)
                             done(QString());
                         else
                             done(detail.isEmpty()
                                          ? QCoreApplication::translate(
                                                    "SharedPrepare", "%1 failed (exit status %2)")
                                                    .arg(program)
                                                    .arg(code)
                                          : detail);
                     });
    QObject::connect(process, &QProcess::errorOccurred, owner,
                     [current, process, program, done](QProcess::ProcessError e) {
                         if (e != QProcess::FailedToStart || *current != process)
                             return;
                         *current = nullptr;
                         process->deleteLater();
                         done(QCoreApplication::translate("SharedPrepare", "Cannot start %1: %2")
                                      .arg(program, process->errorString()));
                     });
    process->start(program, argv.mid(1), QIODevice::ReadOnly);
}

// Closes a socket without writing anything new: data the user already queued is still
// flushed, then the object goes away.
void discardDevice(QIODevice *device)
{
    if (!device)
        return;
    device->disconnect();
    device->setParent(nullptr); // outlives the session until it has finished closing
    if (auto *process = qobject_cast<QProcess *>(device)) {
        // The proxy (e.g. ssh) is asked to end; its stdin is never written to here.
        if (process->state() == QProcess::NotRunning) {
            process->deleteLater();
            return;
        }
        if (QThread::currentThread()->loopLevel() == 0) {
            // No event loop runs (the program is ending: iocctl's objects are destroyed after
            // exec() returned): nothing would reap it later, so do it now.
            process->kill();
            process->waitForFinished(1000); // killed: it ends at once
            delete process;
            return;
        }
        QObject::connect(process, qOverload<int, QProcess::ExitStatus>(&QProcess::finished),
                         process, &QObject::deleteLater);
        process->terminate();
        QTimer::singleShot(3000, process, [process] { process->kill(); });
        // Should the program end first (iocctl right after a probe), the process is reaped
        // then instead of being left behind unowned (a leak and a stray ssh).
        if (auto *app = QCoreApplication::instance()) {
            QObject::connect(app, &QCoreApplication::aboutToQuit, app,
                             [guard = QPointer<QProcess>(process)] {
                                 if (!guard)
                                     return;
                                 guard->disconnect();
                                 guard->kill();
                                 guard->waitForFinished(1000); // killed: it ends at once
                                 delete guard.data();
                             });
        }
        return;
    }
    if (auto *tcp = qobject_cast<QTcpSocket *>(device)) {
        if (tcp->state() == QAbstractSocket::ConnectedState && tcp->bytesToWrite() > 0) {
            QObject::connect(tcp, &QAbstractSocket::disconnected, tcp, &QObject::deleteLater);
            QTimer::singleShot(5000, tcp, [tcp] {
                tcp->abort();
                tcp->deleteLater();
            });
            tcp->disconnectFromHost();
        } else {
            tcp->abort();
            tcp->deleteLater();
        }
        return;
    }
    if (auto *local = qobject_cast<QLocalSocket *>(device)) {
        if (local->state() == QLocalSocket::ConnectedState && local->bytesToWrite() > 0) {
            QObject::connect(local, &QLocalSocket::disconnected, local, &QObject::deleteLater);
            QTimer::singleShot(5000, local, [local] {
                local->abort();
                local->deleteLater();
            });
            local->disconnectFromServer();
        } else {
            local->abort();
            local->deleteLater();
        }
        return;
    }
    device->close();
    device->deleteLater(); // this may run inside a signal of the device (a stream's ended())
}

} // namespace

// ---- SharedPrepare ---------------------------------------------------------------------------

SharedPrepare::SharedPrepare(const QStringList &prepare, const QStringList &cleanup)
    : m_prepare(prepare)
    , m_cleanup(cleanup)
{}

std::shared_ptr<SharedPrepare> SharedPrepare::make(const QStringList &prepare,
                                                   const QStringList &cleanup)
{
    return std::shared_ptr<SharedPrepare>(new SharedPrepare(prepare, cleanup),
                                          [](SharedPrepare *p) { p->release(); });
}

void SharedPrepare::setBatch(PrepareBatch *batch, const QString &key)
{
    m_batch = batch;
    m_batchKey = key;
}

void SharedPrepare::ensure(QObject *context,
                           std::function<void(const QString &error, int generation)> done)
{
    if (m_prepared) {
        done(QString(), m_generation);
        return;
    }
    m_waiting.append(Waiter{ QPointer<QObject>(context), std::move(done) });
    if (m_process || m_inBatch)
        return; // the one running answers everybody
    if (m_batch) {
        m_inBatch = true;
        m_batch->enqueue(this);
        return;
    }
    startProcess();
}

void SharedPrepare::startProcess()
{
    ++m_runs;
    runPrepareCommand(this, &m_process, m_prepare,
                      [this](const QString &error) { handleFinished(error); });
}

void SharedPrepare::batchFinished(const QString &error, bool alone)
{
    m_inBatch = false;
    if (error.isEmpty() || alone || m_released) {
        handleFinished(error);
        return;
    }
    // One of several failed the batch, or all did: each finds out for itself.
    startProcess();
}

void SharedPrepare::invalidate(int generation)
{
    if (generation == m_generation && m_prepared) {
        m_prepared = false;
        ++m_generation;
    }
}

void SharedPrepare::handleFinished(const QString &error)
{
    if (error.isEmpty()) {
        m_prepared = true;
        ++m_generation;
    }
    if (m_released) {
        // Nobody holds it any more: undo what it made, then go.
        runCleanup();
        deleteLater();
        return;
    }
    const QList<Waiter> waiting = std::exchange(m_waiting, {});
    for (const Waiter &waiter : waiting) {
        if (waiter.context)
            waiter.done(error, m_generation);
    }
}

void SharedPrepare::runCleanup()
{
    if (!std::exchange(m_prepared, false) || m_cleanup.isEmpty())
        return;
    // With the others let go of in this pass of the event loop (an exec on many IOCs), or, with
    // no event loop running (the program ending), when the batch goes with its host: a window
    // closed on 1,000 remote IOCs started one process per console socket.
    if (m_batch && m_batch->cleansUp()) {
        m_batch->enqueueCleanup(m_batchKey);
        return;
    }
    QProcess::startDetached(m_cleanup.value(0), m_cleanup.mid(1));
}

void SharedPrepare::release()
{
    m_released = true;
    m_waiting.clear();
    const bool running = (m_process && m_process->state() != QProcess::NotRunning) || m_inBatch;
    if (running) {
        if (QThread::currentThread()->loopLevel() > 0)
            return; // handleFinished() cleans up what it made
        // No event loop runs (the program is ending): nothing would see it end later.
        if (m_process) {
            m_process->disconnect(this);
            m_process->kill();
            m_process->waitForFinished(1000); // killed: it ends at once
        }
        m_prepared = true; // it may have made the forward before it was killed
    }
    runCleanup();
    if (QThread::currentThread()->loopLevel() > 0)
        deleteLater();
    else
        delete this;
}

// ---- PrepareBatch ----------------------------------------------------------------------------

PrepareBatch::PrepareBatch(std::function<QStringList(const QStringList &keys)> command,
                           std::function<QStringList(const QStringList &keys)> cleanup,
                           QObject *parent)
    : QObject(parent)
    , m_command(std::move(command))
    , m_cleanupCommand(std::move(cleanup))
{}

PrepareBatch::~PrepareBatch()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(1000); // killed: it ends at once
    }
    // Whoever still waits hears that no batch runs for them (the host went); a later ensure()
    // runs its own command.
    for (const QPointer<SharedPrepare> &prepare : std::exchange(m_running, {})) {
        if (!prepare)
            continue;
        prepare->m_prepared = prepare->m_released; // a released one may have been made: undo it
        prepare->batchFinished(tr("The connection to the host was closed."), true);
    }
    for (const QPointer<SharedPrepare> &prepare : std::exchange(m_queued, {})) {
        if (prepare)
            prepare->batchFinished(tr("The connection to the host was closed."), true);
    }
    flushCleanup(); // nothing made is left behind
}

void PrepareBatch::enqueueCleanup(const QString &key)
{
    m_cleanupKeys << key;
    // With no event loop running (the program ending) the timer may never run: what is left
    // is flushed when this goes (with its host's transport), or now when a command is full.
    if (QThread::currentThread()->loopLevel() == 0 && m_cleanupKeys.size() >= s_maxKeys) {
        flushCleanup();
        return;
    }
    if (std::exchange(m_cleanupFlushPending, true))
        return; // a flush is already on its way
    QTimer::singleShot(0, this, [this] {
        m_cleanupFlushPending = false;
        flushCleanup();
    });
}

void PrepareBatch::flushCleanup()
{
    while (!m_cleanupKeys.isEmpty()) {
        const QStringList keys = m_cleanupKeys.mid(0, s_maxKeys);
        m_cleanupKeys = m_cleanupKeys.mid(keys.size());
        const QStringList argv = m_cleanupCommand(keys);
        ++m_cleanupRuns;
        QProcess::startDetached(argv.value(0), argv.mid(1));
    }
}

void PrepareBatch::enqueue(SharedPrepare *prepare)
{
    m_queued.append(prepare);
    if (m_process || m_flushPending)
        return; // the next batch takes it
    // Everything asked in this pass of the event loop goes in one command.
    m_flushPending = true;
    QTimer::singleShot(0, this, [this] {
        m_flushPending = false;
        flush();
    });
}

void PrepareBatch::flush()
{
    if (m_process || m_queued.isEmpty())
        return;
    QStringList keys;
    m_running.clear();
    while (!m_queued.isEmpty() && m_running.size() < s_maxKeys) {
        const QPointer<SharedPrepare> prepare = m_queued.takeFirst();
        if (!prepare)
            continue;
        if (prepare->m_released) { // nobody waits for it any more
            prepare->batchFinished(tr("No longer needed"), true);
            continue;
        }
        m_running.append(prepare);
        keys << prepare->batchKey();
    }
    if (m_running.isEmpty())
        return;
    ++m_runs;
    runPrepareCommand(this, &m_process, m_command(keys),
                      [this](const QString &error) { finish(error); });
}

void PrepareBatch::finish(const QString &error)
{
    const QList<QPointer<SharedPrepare>> running = std::exchange(m_running, {});
    const bool alone = running.size() == 1;
    for (const QPointer<SharedPrepare> &prepare : running) {
        if (prepare)
            prepare->batchFinished(error, alone);
    }
    flush(); // what asked meanwhile
}

// ---- ConsoleSession --------------------------------------------------------------------------

ConsoleSession::ConsoleSession(QObject *parent)
    : QObject(parent)
    , m_retryTimer(new QTimer(this))
    , m_connectTimer(new QTimer(this))
{
    qRegisterMetaType<ConsoleSession::State>("ConsoleSession::State");
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &ConsoleSession::startAttempt);
    m_connectTimer->setSingleShot(true);
    connect(m_connectTimer, &QTimer::timeout, this, &ConsoleSession::handleConnectTimeout);
}

ConsoleSession::~ConsoleSession()
{
    // Never writes: the socket is closed (queued user data flushed) or the proxy ended.
    teardown();
    runCleanup();
}

void ConsoleSession::setEndpoint(const ConsoleEndpoint &endpoint)
{
    m_endpoint = endpoint;
}

void ConsoleSession::setRoute(const ConsoleRoute &route)
{
    setEndpoint(route.endpoint);
    setProxyCommand(route.proxyCommand);
    setPrepareCommand(route.prepareCommand);
    setCleanupCommand(route.cleanupCommand);
    m_shared = route.sharedPrepare;
    m_sharedGeneration = -1;
    m_tracker.setHostUtcOffset(route.hostUtcOffset);
}

void ConsoleSession::setProxyCommand(const QStringList &argv)
{
    m_proxyCommand = argv;
}

void ConsoleSession::setReadOnly(bool on)
{
    m_readOnly = on;
    if (on)
        m_codec.takeReplies(); // nothing queued may leak out later
}

void ConsoleSession::setAutoReconnect(bool on)
{
    m_autoReconnect = on;
    if (!on && m_state == State::Reconnecting) {
        m_retryTimer->stop();
        setState(State::Failed);
    }
}

void ConsoleSession::setStreamFactory(std::function<ConsoleStream *(QObject *)> factory,
                                      const QString &description)
{
    m_streamFactory = std::move(factory);
    m_streamDescription = description;
}

QString ConsoleSession::targetDescription() const
{
    if (m_streamFactory) {
        if (auto *stream = qobject_cast<ConsoleStream *>(m_device.data()))
            return stream->description();
        return m_streamDescription;
    }
    if (!m_proxyCommand.isEmpty())
        return m_proxyCommand.join(QLatin1Char(' '));
    return m_endpoint.toString();
}

void ConsoleSession::open()
{
    teardown();
    m_retryTimer->stop();
    m_backoff = s_firstBackoff;
    m_hadConnection = false;
    m_lastReported.clear();
    m_errorString.clear();
    m_bytesReceived = 0;
    m_tracker.reset();
    m_tracker.takeChanged();
    if (!m_streamFactory && m_proxyCommand.isEmpty() && !m_endpoint.isValid()) {
        setState(State::Failed);
        reportError(tr("No procServ console endpoint is known for this IOC"));
        return;
    }
    setState(State::Connecting);
    startAttempt();
}

void ConsoleSession::close()
{
    m_retryTimer->stop();
    teardown();
    runCleanup();
    setState(State::Disconnected);
}

bool ConsoleSession::send(const QByteArray &bytes)
{
    if (m_readOnly) {
        reportError(tr("This console is read-only: nothing was sent"), false);
        return false;
    }
    if (m_state != State::Connected || !m_device) {
        reportError(
                tr("Not connected to procServ at %1: nothing was sent").arg(targetDescription()),
                false);
        return false;
    }
    if (bytes.isEmpty())
        return true;
    const QByteArray encoded = m_telnet ? TelnetCodec::encode(bytes) : bytes;
    return m_device->write(encoded) == encoded.size();
}

void ConsoleSession::startAttempt()
{
    ++m_attempt;
    m_connected = false;
    m_codec.reset();
    m_seenWillEcho = 0;
    m_tracker.beginConnection();
    if (m_tracker.takeChanged())
        emit childStateChanged();
    if (m_state == State::Reconnecting || m_state == State::Failed
        || m_state == State::Disconnected)
        setState(m_hadConnection ? State::Reconnecting : State::Connecting);
    if (m_shared)
        startShared();
    else if (!m_prepareCommand.isEmpty())
        startPrepare();
    else
        connectEndpoint();
}

void ConsoleSession::startShared()
{
    const quint64 attempt = m_attempt;
    // The timer bounds this attempt, not the shared command: that goes on for the next one.
    m_connectTimer->start(m_connectTimeout);
    m_shared->ensure(this, [this, attempt](const QString &error, int generation) {
        if (attempt != m_attempt)
            return;
        if (!error.isEmpty()) {
            handleAttemptFailed(error);
            return;
        }
        m_sharedGeneration = generation;
        connectEndpoint();
    });
}

void ConsoleSession::startPrepare()
{
    auto *process = new QProcess(this);
    m_prepare = process;
    process->setProcessChannelMode(QProcess::SeparateChannels);
    process->setStandardInputFile(QProcess::nullDevice());
    const quint64 attempt = m_attempt;
    connect(process, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), this,
            [this, process, attempt](int code, QProcess::ExitStatus status) {
                const QString detail =
                        QString::fromLocal8Bit(process->readAllStandardError()).trimmed();
                if (m_prepare == process)
                    m_prepare = nullptr;
                process->deleteLater();
                if (attempt != m_attempt)
                    return;
                if (status == QProcess::NormalExit && code == 0) {
                    m_prepared = true;
                    connectEndpoint();
                    return;
                }
                handleAttemptFailed(detail.isEmpty() ? tr("%1 failed (exit status %2)")
                                                               .arg(m_prepareCommand.value(0))
                                                               .arg(code)
                                                     : detail);
            });
    connect(process, &QProcess::errorOccurred, this,
            [this, process, attempt](QProcess::ProcessError e) {
                if (e != QProcess::FailedToStart || attempt != m_attempt)
                    return;
                if (m_prepare == process)
                    m_prepare = nullptr;
                process->deleteLater();
                handleAttemptFailed(
                        tr("Cannot start %1: %2")
                                .arg(m_prepareCommand.value(0), process->errorString()));
            });
    m_connectTimer->start(m_connectTimeout);
    process->start(m_prepareCommand.value(0), m_prepareCommand.mid(1), QIODevice::ReadOnly);
}

void ConsoleSession::runCleanup()
{
    if (!m_prepared || m_cleanupCommand.isEmpty())
        return;
    m_prepared = false;
    QProcess::startDetached(m_cleanupCommand.value(0), m_cleanupCommand.mid(1));
}

void ConsoleSession::connectEndpoint()
{
    if (m_streamFactory)
        startStream();
    else if (!m_proxyCommand.isEmpty())
        startProxy();
    else if (m_endpoint.kind == ConsoleEndpoint::Kind::Tcp)
        connectTcp();
    else
        connectUnix();
}

void ConsoleSession::connectUnix()
{
    // A raw non-blocking connect() gives the exact errno (ENOENT, ECONNREFUSED, EACCES) and
    // supports Linux abstract sockets, which QLocalSocket of Qt 5 cannot reach. For UNIX
    // sockets connect() completes at once (or fails with EAGAIN when the backlog is full).
    const bool abstract = m_endpoint.kind == ConsoleEndpoint::Kind::UnixAbstract;
    const QByteArray name = QFile::encodeName(m_endpoint.path);
    const quint64 attempt = m_attempt;
    auto fail = [this, attempt](const QString &message, bool retryable) {
        QMetaObject::invokeMethod(
                this,
                [this, attempt, message, retryable] {
                    if (attempt == m_attempt)
                        handleAttemptFailed(message, retryable);
                },
                Qt::QueuedConnection);
    };

    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    const size_t room = sizeof(addr.sun_path) - (abstract ? 1 : 0);
    if (name.isEmpty() || size_t(name.size()) >= room) {
        fail(tr("The UNIX socket path %1 is empty or too long").arg(m_endpoint.toString()), false);
        return;
    }
    socklen_t length = 0;
    if (abstract) {
        addr.sun_path[0] = '\0';
        std::memcpy(addr.sun_path + 1, name.constData(), size_t(name.size()));
        length = socklen_t(offsetof(sockaddr_un, sun_path) + 1 + size_t(name.size()));
    } else {
        std::memcpy(addr.sun_path, name.constData(), size_t(name.size()) + 1);
        length = socklen_t(offsetof(sockaddr_un, sun_path) + size_t(name.size()) + 1);
    }

    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) {
        fail(tr("Cannot create a socket: %1").arg(QString::fromLocal8Bit(std::strerror(errno))),
             true);
        return;
    }
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), length) != 0) {
        const int error = errno;
        ::close(fd);
        // Nobody listens on the shared local socket: what made it is gone (e.g. the SSH
        // master with its forwards); the next attempt makes it again.
        if (m_shared && (error == ENOENT || error == ECONNREFUSED))
            m_shared->invalidate(m_sharedGeneration);
        const QString where = m_endpoint.toString();
        switch (error) {
        case ENOENT:
            fail(abstract ? tr("No procServ console at %1 — is the IOC's procServ running?")
                                    .arg(where)
                          : tr("No procServ console at %1 — is the IOC's procServ running?")
                                    .arg(m_endpoint.path),
                 true);
            break;
        case ECONNREFUSED:
            fail(abstract ? tr("No procServ console at %1 — is the IOC's procServ running?")
                                    .arg(where)
                          : tr("Connection refused by procServ at %1 — is the IOC running?")
                                    .arg(where),
                 true);
            break;
        case EACCES:
        case EPERM:
            fail(tr("Permission denied on %1").arg(m_endpoint.path), true);
            break;
        case EAGAIN:
            fail(tr("procServ at %1 is not accepting connections (busy)").arg(where), true);
            break;
        case ENOTDIR:
            fail(tr("No procServ console at %1 (a parent is not a directory)").arg(m_endpoint.path),
                 true);
            break;
        default:
            fail(tr("Cannot connect to %1: %2")
                         .arg(where, QString::fromLocal8Bit(std::strerror(error))),
                 true);
            break;
        }
        return;
    }
    auto *socket = new QLocalSocket(this);
    if (!socket->setSocketDescriptor(fd, QLocalSocket::ConnectedState, QIODevice::ReadWrite)) {
        ::close(fd);
        socket->deleteLater();
        fail(tr("Cannot use the socket for %1").arg(m_endpoint.toString()), true);
        return;
    }
    connect(socket, &QLocalSocket::disconnected, this, [this] {
        handleLost(tr("procServ at %1 closed the connection").arg(targetDescription()));
    });
    connect(socket, &QLocalSocket::errorOccurred, this,
            [this, socket](QLocalSocket::LocalSocketError e) {
                if (e == QLocalSocket::PeerClosedError)
                    return; // disconnected() follows
                handleLost(tr("Connection to procServ at %1 failed: %2")
                                   .arg(targetDescription(), socket->errorString()));
            });
    attachDevice(socket);
    QMetaObject::invokeMethod(
            this,
            [this, attempt] {
                if (attempt == m_attempt)
                    handleConnected();
            },
            Qt::QueuedConnection);
}

void ConsoleSession::connectTcp()
{
    auto *socket = new QTcpSocket(this);
    // Console data is interactive: no Nagle delay for keystrokes.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    const QString where = m_endpoint.toString();
    connect(socket, &QTcpSocket::connected, this, &ConsoleSession::handleConnected);
    connect(socket, &QTcpSocket::disconnected, this,
            [this, where] { handleLost(tr("procServ at %1 closed the connection").arg(where)); });
    connect(socket, &QTcpSocket::errorOccurred, this,
            [this, socket, where](QAbstractSocket::SocketError e) {
                if (m_connected) {
                    if (e == QAbstractSocket::RemoteHostClosedError)
                        return; // disconnected() follows
                    handleLost(tr("Connection to procServ at %1 failed: %2")
                                       .arg(where, socket->errorString()));
                    return;
                }
                switch (e) {
                case QAbstractSocket::ConnectionRefusedError:
                    handleAttemptFailed(
                            tr("Connection refused by procServ at %1 — is the IOC running?")
                                    .arg(where));
                    break;
                case QAbstractSocket::HostNotFoundError:
                    handleAttemptFailed(tr("Host %1 not found").arg(m_endpoint.host));
                    break;
                case QAbstractSocket::NetworkError:
                    handleAttemptFailed(tr("Host %1 unreachable: %2")
                                                .arg(m_endpoint.host, socket->errorString()));
                    break;
                case QAbstractSocket::SocketAccessError:
                    handleAttemptFailed(tr("Permission denied connecting to %1").arg(where));
                    break;
                case QAbstractSocket::SocketTimeoutError:
                    handleAttemptFailed(tr("Timed out connecting to %1").arg(where));
                    break;
                default:
                    handleAttemptFailed(
                            tr("Cannot connect to %1: %2").arg(where, socket->errorString()));
                    break;
                }
            });
    attachDevice(socket);
    m_connectTimer->start(m_connectTimeout);
    socket->connectToHost(m_endpoint.host, m_endpoint.port);
}

void ConsoleSession::startProxy()
{
    auto *process = new QProcess(this);
    m_process = process;
    m_proxyStderr.clear();
    process->setProcessChannelMode(QProcess::SeparateChannels);
    // Connected means procServ's banner arrives (see handleReadyRead), not merely that the
    // helper started: ssh may still fail to reach the host.
    connect(process, &QProcess::readyReadStandardError, this, &ConsoleSession::handleProxyStderr);
    connect(process, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), this,
            [this](int code, QProcess::ExitStatus status) {
                handleProxyStderr();
                const QString detail = QString::fromLocal8Bit(m_proxyStderr).trimmed();
                QString message;
                if (!detail.isEmpty())
                    message = tr("The console connection through %1 ended: %2")
                                      .arg(m_proxyCommand.value(0), detail);
                else if (status == QProcess::CrashExit)
                    message = tr("The console helper %1 crashed").arg(m_proxyCommand.value(0));
                else
                    message = tr("The console connection through %1 ended (exit status %2)")
                                      .arg(m_proxyCommand.value(0))
                                      .arg(code);
                if (m_connected)
                    handleLost(message);
                else
                    handleAttemptFailed(message);
            });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            handleAttemptFailed(
                    tr("Cannot start %1: %2").arg(m_proxyCommand.value(0), process->errorString()),
                    true);
    });
    attachDevice(process);
    m_connectTimer->start(m_connectTimeout);
    process->start(m_proxyCommand.value(0), m_proxyCommand.mid(1), QIODevice::ReadWrite);
}

void ConsoleSession::startStream()
{
    ConsoleStream *stream = m_streamFactory(this);
    if (!stream) {
        handleAttemptFailed(tr("Cannot open the console stream to %1").arg(m_streamDescription),
                            false);
        return;
    }
    connect(stream, &ConsoleStream::established, this, &ConsoleSession::handleConnected);
    connect(stream, &ConsoleStream::ended, this, [this, stream](const QString &message) {
        if (m_connected)
            handleLost(message);
        else
            handleAttemptFailed(message, stream->canRetry());
    });
    attachDevice(stream);
    m_connectTimer->start(m_connectTimeout);
    stream->start();
}

void ConsoleSession::attachDevice(QIODevice *device)
{
    m_device = device;
    if (auto *process = qobject_cast<QProcess *>(device))
        connect(process, &QProcess::readyReadStandardOutput, this,
                &ConsoleSession::handleReadyRead);
    else
        connect(device, &QIODevice::readyRead, this, &ConsoleSession::handleReadyRead);
}

void ConsoleSession::handleConnected()
{
    markConnected();
    handleReadyRead(); // anything that arrived with the connection
}

void ConsoleSession::markConnected()
{
    m_connectTimer->stop();
    if (m_connected)
        return;
    m_connected = true;
    m_backoff = s_firstBackoff;
    m_lastReported.clear();
    m_errorString.clear();
    const bool again = m_hadConnection;
    m_hadConnection = true;
    qCDebug(lcConsole) << "connected to" << targetDescription() << (m_readOnly ? "read-only" : "");
    setState(State::Connected);
    if (again)
        emit reconnected();
}

void ConsoleSession::handleReadyRead()
{
    if (!m_device)
        return;
    // Always drain everything: procServ blocks (and stalls the IOC's output) when a client
    // stops reading.
    QByteArray raw;
    if (m_process)
        raw = m_process->readAllStandardOutput();
    else
        raw = m_device->readAll();
    if (raw.isEmpty())
        return;
    if (!m_connected && m_process)
        markConnected();
    processIncoming(raw);
}

void ConsoleSession::processIncoming(const QByteArray &raw)
{
    if (!m_telnet) {
        // A container's stdio: no telnet and no procServ to track.
        m_bytesReceived += raw.size();
        emit dataReceived(raw);
        return;
    }
    const QByteArray data = m_codec.decode(raw);
    const QByteArray replies = m_codec.takeReplies();
    if (!m_readOnly && !replies.isEmpty() && m_device && m_connected)
        m_device->write(replies);
    m_bytesReceived += data.size();
    if (!data.isEmpty()) {
        m_tracker.feed(data);
        emit dataReceived(data);
    }
    if (m_codec.willEchoCount() > m_seenWillEcho) {
        m_seenWillEcho = m_codec.willEchoCount();
        m_tracker.markBannerComplete();
        emit bannerReceived();
    }
    if (m_tracker.takeChanged())
        emit childStateChanged();
}

void ConsoleSession::handleProxyStderr()
{
    if (!m_process)
        return;
    m_proxyStderr.append(m_process->readAllStandardError());
    if (m_proxyStderr.size() > s_maxStderr)
        m_proxyStderr = m_proxyStderr.right(s_maxStderr);
}

void ConsoleSession::handleLost(const QString &message)
{
    if (!m_device)
        return;
    // Take what is still buffered before the device goes.
    handleReadyRead();
    if (!m_device)
        return; // a receiver of that data closed the session
    qCDebug(lcConsole) << "lost" << targetDescription() << message;
    teardown();
    reportError(message);
    if (m_autoReconnect) {
        setState(State::Reconnecting);
        m_retryTimer->start(m_backoff);
        m_backoff = qMin(m_backoff * 2, s_maxBackoff);
    } else {
        setState(State::Disconnected);
    }
}

void ConsoleSession::handleAttemptFailed(const QString &message, bool retryable)
{
    m_connectTimer->stop();
    teardown();
    reportError(message);
    if (m_autoReconnect && retryable) {
        setState(m_hadConnection ? State::Reconnecting : State::Connecting);
        m_retryTimer->start(m_backoff);
        m_backoff = qMin(m_backoff * 2, s_maxBackoff);
    } else {
        setState(State::Failed);
    }
}

void ConsoleSession::handleConnectTimeout()
{
    if (m_connected)
        return;
    handleAttemptFailed(tr("Timed out connecting to %1").arg(targetDescription()));
}

void ConsoleSession::teardown()
{
    m_connectTimer->stop();
    m_connected = false;
    ++m_attempt; // queued results of the old attempt are void now
    if (QProcess *prepare = std::exchange(m_prepare, nullptr)) {
        prepare->disconnect(this);
        discardDevice(prepare);
    }
    QIODevice *device = m_device;
    m_device = nullptr;
    m_process = nullptr;
    discardDevice(device);
}

void ConsoleSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void ConsoleSession::reportError(const QString &message, bool once)
{
    m_errorString = message;
    // A retry loop fails the same way every few seconds: say it once.
    if (once && message == m_lastReported)
        return;
    m_lastReported = message;
    qCDebug(lcConsole) << message;
    emit errorOccurred(message);
}
