// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/procserv/bannerparser.h"
#include "core/procserv/procservtypes.h"
#include "core/procserv/telnetcodec.h"

#include <QIODevice>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>
#include <memory>

class QProcess;
class QTimer;

/// A stream that a ConsoleSession reads and writes instead of a socket or a proxy process,
/// e.g. a container engine's hijacked exec or attach connection (core/containers/enginestream.h).
/// It opens asynchronously: start() begins, then established() (from then on readyRead() and
/// write() work) or ended(). Neither signal comes from inside start(). close() ends it without
/// writing anything new (what the user already sent is still flushed).
class ConsoleStream : public QIODevice
{
    Q_OBJECT
public:
    using QIODevice::QIODevice;
    virtual void start() = 0;
    /// A user-readable name of what the stream reaches (e.g. "podman exec C nc 127.0.0.1 4051").
    virtual QString description() const = 0;
    /// False when ended() reported something another attempt cannot change.
    virtual bool canRetry() const { return true; }

signals:
    void established();
    /// The stream failed before established(), or ended after it: a translated reason.
    void ended(const QString &message);
};

/// A prepare command (e.g. `ssh -O forward` of one remote UNIX socket to a local one) whose
/// result every session reaching that endpoint shares: the IOC's observer, its probes and its
/// console tabs use one forward. The command runs once however many sessions wait for it and
/// is never killed because one of them gave up: on a loaded machine, killing slow forwards and
/// starting them again kept hundreds of processes starting at idle (docs/benchmarks.md,
/// fleet scale). The cleanup command runs (detached) when the last holder lets go; make()
/// gives a pointer whose deleter does that. Lives on the thread that made it.
class PrepareBatch;

class SharedPrepare : public QObject
{
    Q_OBJECT
public:
    static std::shared_ptr<SharedPrepare> make(const QStringList &prepare,
                                               const QStringList &cleanup);
    /// Prepare through @p batch, with the prepares of other endpoints that want it at the same
    /// time (one `ssh -O forward` for every socket of a host), under @p key. When a batch of
    /// several fails, each runs its own command, so that each gets its own answer.
    void setBatch(PrepareBatch *batch, const QString &key);
    QString batchKey() const { return m_batchKey; }
    QStringList prepareCommand() const { return m_prepare; }
    QStringList cleanupCommand() const { return m_cleanup; }
    /// Calls @p done once while @p context lives: at once when prepared, else when the
    /// command that runs (started now when none does) ends. An empty error means prepared;
    /// the generation names this result for invalidate().
    void ensure(QObject *context, std::function<void(const QString &error, int generation)> done);
    /// What @p generation prepared is gone (its local socket refused a connection, e.g. the
    /// SSH master that held the forward ended): the next ensure() runs the command again.
    void invalidate(int generation);
    bool isPrepared() const { return m_prepared; }
    /// How many times the command was started, for tests.
    int runs() const { return m_runs; }

private:
    friend class PrepareBatch;
    SharedPrepare(const QStringList &prepare, const QStringList &cleanup);
    void release();
    void startProcess();
    void handleFinished(const QString &error);
    /// What the batch this was in answered (see setBatch()).
    void batchFinished(const QString &error, bool alone);
    void runCleanup();

    QStringList m_prepare;
    QStringList m_cleanup;
    QProcess *m_process = nullptr;
    QPointer<PrepareBatch> m_batch;
    QString m_batchKey;
    bool m_inBatch = false;
    bool m_prepared = false;
    bool m_released = false;
    int m_generation = 0;
    int m_runs = 0;
    struct Waiter
    {
        QPointer<QObject> context;
        std::function<void(const QString &error, int generation)> done;
    };
    QList<Waiter> m_waiting;
};

/// Runs the prepares of several SharedPrepare at once with one command, which @p command
/// builds from their keys: at 10 hosts × 50 IOCs, a process per remote console socket while
/// the table loaded stalled the window for seconds (docs/benchmarks.md, fleet scale). What asks
/// while a batch runs waits for the next one, so a busy machine makes bigger batches, not more
/// processes. Lives on the thread that made it.
class PrepareBatch : public QObject
{
    Q_OBJECT
public:
    /// With @p cleanup, what the batched prepares made is also undone together: the cleanups
    /// asked in one pass of the event loop run (detached) as one command @p cleanup builds
    /// from their keys. Without one, each runs its own cleanup command.
    explicit PrepareBatch(std::function<QStringList(const QStringList &keys)> command,
                          std::function<QStringList(const QStringList &keys)> cleanup = {},
                          QObject *parent = nullptr);
    ~PrepareBatch() override;
    /// How many batch commands were started, for tests.
    int runs() const { return m_runs; }
    /// How many batch cleanup commands were started, for tests.
    int cleanupRuns() const { return m_cleanupRuns; }

private:
    friend class SharedPrepare;
    void enqueue(SharedPrepare *prepare);
    void flush();
    void finish(const QString &error);
    bool cleansUp() const { return bool(m_cleanupCommand); }
    void enqueueCleanup(const QString &key);
    void flushCleanup();

    std::function<QStringList(const QStringList &keys)> m_command;
    static constexpr int s_maxKeys = 100; // per command: a line of ~15 kB for long socket paths
    std::function<QStringList(const QStringList &keys)> m_cleanupCommand;
    QStringList m_cleanupKeys;
    bool m_cleanupFlushPending = false;
    int m_cleanupRuns = 0;
    QList<QPointer<SharedPrepare>> m_queued;
    QList<QPointer<SharedPrepare>> m_running;
    QProcess *m_process = nullptr;
    bool m_flushPending = false;
    int m_runs = 0;
};

/// One live connection to a procServ console (control or log port): TCP, UNIX socket,
/// Linux abstract socket, or a helper process whose stdin/stdout carry the stream (e.g.
/// `ssh -W host:port`). It always drains what arrives, decodes telnet, tracks the child
/// state from procServ's messages, and reconnects after a loss.
///
/// Safety contract: nothing is ever written unless send() is called by the user's action,
/// apart from the telnet negotiation replies of a read-write session. A read-only session
/// writes nothing at all; close() and destruction write nothing.
class ConsoleSession : public QObject
{
    Q_OBJECT

public:
    enum class State { Disconnected, Connecting, Connected, Reconnecting, Failed };
    Q_ENUM(State)

    explicit ConsoleSession(QObject *parent = nullptr);
    ~ConsoleSession() override;

    void setEndpoint(const ConsoleEndpoint &endpoint);
    /// Endpoint, proxy, prepare and cleanup commands in one (see Host::consoleRoute()).
    void setRoute(const ConsoleRoute &route);
    ConsoleEndpoint endpoint() const { return m_endpoint; }
    /// When set, this program is started and its stdin/stdout are the stream instead of a
    /// socket; its stderr becomes the error text when it ends.
    void setProxyCommand(const QStringList &argv);
    QStringList proxyCommand() const { return m_proxyCommand; }
    /// When set, this program runs to its end before every connection attempt (e.g.
    /// `ssh -O forward` making a remote UNIX socket reachable); the attempt goes on when it
    /// exits with status 0 and fails with its stderr otherwise.
    void setPrepareCommand(const QStringList &argv) { m_prepareCommand = argv; }
    QStringList prepareCommand() const { return m_prepareCommand; }
    /// Started detached when the session closes or is destroyed after a prepare command
    /// succeeded (e.g. `ssh -O cancel`). Never waited for.
    void setCleanupCommand(const QStringList &argv) { m_cleanupCommand = argv; }
    QStringList cleanupCommand() const { return m_cleanupCommand; }
    /// The prepare shared with other sessions (see SharedPrepare), or null.
    SharedPrepare *sharedPrepare() const { return m_shared.get(); }
    /// When set, each connection attempt takes a new stream from @p factory (parented to the
    /// session) instead of a socket or a proxy; @p description names it until a stream exists.
    void setStreamFactory(std::function<ConsoleStream *(QObject *parent)> factory,
                          const QString &description);
    /// Default true: the stream is procServ's telnet, decoded, and procServ's messages tracked.
    /// Off: raw bytes both ways (a container's stdio): no telnet, no banner, no child state.
    void setTelnet(bool on) { m_telnet = on; }
    bool isTelnet() const { return m_telnet; }
    void setReadOnly(bool on);
    bool isReadOnly() const { return m_readOnly; }
    /// Default true: after EOF or a failed attempt, retry after 0.5 s, doubling up to 5 s.
    void setAutoReconnect(bool on);
    bool autoReconnect() const { return m_autoReconnect; }
    /// Bound for one TCP connect or proxy start before it counts as failed (default 10 s).
    void setConnectTimeout(int msecs) { m_connectTimeout = msecs; }

    void open();
    /// Closes the connection and stops reconnecting. Writes nothing.
    void close();
    /// Telnet-encodes @p bytes (0xFF doubled; not without telnet) and queues them. False (and errorOccurred)
    /// when read-only or not connected.
    bool send(const QByteArray &bytes);

    State state() const { return m_state; }
    QString errorString() const { return m_errorString; }
    const ProcServStateTracker &tracker() const { return m_tracker; }
    /// Decoded bytes received since open(), for statistics and tests.
    qint64 bytesReceived() const { return m_bytesReceived; }

    /// A user-readable name of where the session connects: "unix:/path", "tcp:host:port",
    /// the proxy command, or the stream's description.
    QString targetDescription() const;

signals:
    void dataReceived(const QByteArray &data);
    void stateChanged(ConsoleSession::State state);
    void childStateChanged();
    void errorOccurred(const QString &message);
    void reconnected();
    /// procServ finished its banner on this connection (its telnet negotiation arrived).
    void bannerReceived();

private:
    void startAttempt();
    void connectUnix();
    void connectTcp();
    void startProxy();
    void startStream();
    void startPrepare();
    void startShared();
    void connectEndpoint();
    void runCleanup();
    void attachDevice(QIODevice *device);
    void handleConnected();
    void markConnected();
    void handleReadyRead();
    void handleProxyStderr();
    void handleLost(const QString &message);
    void handleAttemptFailed(const QString &message, bool retryable = true);
    void handleConnectTimeout();
    void teardown();
    void setState(State state);
    void reportError(const QString &message, bool once = true);
    void processIncoming(const QByteArray &raw);

    ConsoleEndpoint m_endpoint;
    QStringList m_proxyCommand;
    QStringList m_prepareCommand;
    QStringList m_cleanupCommand;
    std::function<ConsoleStream *(QObject *parent)> m_streamFactory;
    QString m_streamDescription;
    bool m_telnet = true;
    QProcess *m_prepare = nullptr;
    std::shared_ptr<SharedPrepare> m_shared;
    int m_sharedGeneration = -1;
    bool m_prepared = false; // a prepare command succeeded since the last cleanup
    bool m_readOnly = false;
    bool m_autoReconnect = true;
    int m_connectTimeout = 10000;
    State m_state = State::Disconnected;
    QString m_errorString;
    QString m_lastReported;
    QPointer<QIODevice> m_device;
    QProcess *m_process = nullptr; // == m_device when a proxy is used
    QByteArray m_proxyStderr;
    QTimer *m_retryTimer = nullptr;
    QTimer *m_connectTimer = nullptr;
    int m_backoff = 500;
    bool m_hadConnection = false;
    bool m_connected = false;
    quint64 m_attempt = 0; // guards queued results of an older attempt
    TelnetCodec m_codec;
    int m_seenWillEcho = 0;
    ProcServStateTracker m_tracker;
    qint64 m_bytesReceived = 0;
};
