// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/procserv/procservtypes.h"
#include "core/systemd/systemdmanager.h"

#include <QByteArray>
#include <QDBusConnection>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>
#include <optional>

class HostTransport;
class QProcess;
class QTimer;

/// One systemd manager reached over one D-Bus connection: the local system manager, the
/// local user manager, a bus address (the sandbox), or a remote manager over SSH.
/// Owns the connection and the SystemdManager on it, and knows how to reach its IOCs'
/// consoles and logs. Connecting never blocks the caller's thread.
///
/// SSH hosts (spec `[USER@]HOST[:PORT][/user]`) use the user's own ssh (its config, agent and
/// known_hosts; host keys are always verified, BatchMode never prompts) and share one
/// connection master per host (ControlMaster/ControlPersist under the runtime directory):
/// D-Bus runs through `systemd-stdio-bridge`, consoles through `ssh -W` (TCP) or a forwarded
/// UNIX socket, logs through `ssh HOST journalctl|tail`. A quick `ssh HOST` pre-flight learns
/// the precise failure (unreachable, authentication, host key) that libdbus would hide.
class Host : public QObject
{
    Q_OBJECT
public:
    enum class Kind { LocalSystem, LocalUser, BusAddress, Ssh };
    enum class State { Disconnected, Connecting, Connected, Failed };
    Q_ENUM(State)
    /// Why a host is Failed.
    enum class Failure {
        None,
        Unreachable, ///< connection refused, no route, no answer within the timeout
        AuthenticationFailed, ///< ssh: Permission denied
        HostKeyChanged, ///< ssh: REMOTE HOST IDENTIFICATION HAS CHANGED
        HostKeyUnknown, ///< ssh: no known host key, and BatchMode cannot ask
        Lost, ///< was connected; the connection broke
        Other, ///< anything else (no systemd-stdio-bridge, no user bus, D-Bus errors)
    };
    Q_ENUM(Failure)

    /// The parts of an SSH host spec.
    struct SshTarget
    {
        QString user; ///< empty: ssh's default
        QString host;
        int port = 0; ///< 0: ssh's default
        bool userManager = false; ///< "/user": the remote user's own manager
        /// `user@host` as ssh takes it.
        QString destination() const;
    };
    /// Parses `[USER@]HOST[:PORT][/user]` (IPv6 in brackets: `[::1]:22`). False with a
    /// translated *error on bad input.
    static bool parseSshSpec(const QString &spec, SshTarget *target, QString *error = nullptr);
    /// True when fromSpec() accepts @p spec; else *error says why (translated).
    static bool isValidSpec(const QString &spec, QString *error = nullptr);

    /// "system", "user", "bus:ADDRESS", "[user@]host[:port]" (+ "/user" for a remote user
    /// manager). Null for an invalid spec (see isValidSpec()).
    static Host *fromSpec(const QString &spec, QObject *parent = nullptr);
    Host(Kind kind, const QString &target, QObject *parent = nullptr);
    ~Host() override;

    Kind kind() const { return m_kind; }
    bool isLocal() const;
    bool isUserManager() const;
    /// Stable identifier used in Ioc::host and filters: "local", "user", the SSH spec.
    QString id() const;
    QString displayName() const;
    QString target() const { return m_target; }
    /// The spec fromSpec() takes to make this host again.
    QString spec() const;

    State state() const { return m_state; }
    Failure failure() const { return m_failure; }
    QString errorString() const { return m_error; }
    /// Short, translated state for a host list: "connected", "authentication failed",
    /// "lost — retrying", ...
    QString stateText() const;
    /// After a failure or a loss, connect again by itself with a growing delay (1 s up to
    /// 60 s). Off by default (the CLI gives up; the GUI turns it on).
    void setAutoReconnect(bool on);
    bool autoReconnect() const { return m_autoReconnect; }
    /// For a local manager, read unit properties over systemd's private socket
    /// (`$XDG_RUNTIME_DIR/systemd/private`, `/run/systemd/private` for root), as systemctl does,
    /// when it is there and ours to use (SystemdManager::setPeerConnection()). Off by default;
    /// iocctl turns it on. Set before connectToManager().
    void setUsePrivateSocket(bool on) { m_usePrivateSocket = on; }
    /// True while connected with a private-socket connection beside the bus.
    bool usesPrivateSocket() const { return m_hasPeer; }
    /// Bound for one connection attempt (ssh login and D-Bus hello), default 15 s.
    void setConnectTimeout(int msecs);
    int connectTimeout() const { return m_connectTimeout; }
    /// True while a reconnect is scheduled or running after a failure.
    bool isRetrying() const { return m_retrying; }

    /// A shell script run on the host in the login that checks it before each connection (an
    /// SSH host's pre-flight), whose output is loginProbeOutput(@p name) once connected: facts
    /// about the host without an SSH session of their own. Its exit status and stderr are
    /// ignored. Takes effect from the next connection attempt; hosts without a pre-flight
    /// never run it.
    void addLoginProbe(const QString &name, const QString &script);
    /// The output of the login probe @p name in the attempt that connected; false when it did
    /// not run there (no pre-flight, or added after the attempt began).
    bool loginProbeOutput(const QString &name, QByteArray *output) const;

    /// An SSH host's offset from UTC in seconds, as `date +%z` said in the login that checked
    /// it for this connection; unset for this machine's managers and before that login.
    std::optional<int> utcOffset() const;
    /// `date +%z`'s "+0100" / "-0330" in seconds; unset when it is not that.
    static std::optional<int> parseUtcOffset(const QByteArray &text);

    /// Starts connecting; stateChanged() reports the outcome.
    void connectToManager();
    void disconnectFromManager();
    /// Valid once Connected.
    SystemdManager *manager() const { return m_manager; }

    /// How this machine reaches @p endpoint, a procServ endpoint on this host: directly on a
    /// local host; through `ssh -W` (TCP) or a socket forwarded by the SSH master (UNIX) on an
    /// SSH host. Each call for a UNIX socket over SSH names a new local socket.
    ConsoleRoute consoleRoute(const ConsoleEndpoint &endpoint) const;
    /// The command that makes the local socket @p localPath reach the UNIX socket @p remotePath
    /// of this host (on an SSH host the connection master forwards it, as for a console), and
    /// in *cleanup the command that ends the forward and removes @p localPath. Empty for a host
    /// whose sockets are local.
    QStringList unixSocketForward(const QString &remotePath, const QString &localPath,
                                  QStringList *cleanup) const;
    /// argv that runs @p argv on this host: itself for a local host, through ssh (each
    /// argument quoted for the remote `sh -c`) for an SSH host.
    QStringList commandOnHost(const QStringList &argv) const;
    /// The D-Bus address used for BusAddress and Ssh hosts (unixexec: over ssh).
    QString busAddress() const;
    /// ssh options and destination for this host, without a remote command; empty for a
    /// host reached without ssh.
    QStringList sshArguments() const;
    /// ssh options without the destination; empty for a host reached without ssh.
    QStringList sshOptions() const;
    /// XDG_RUNTIME_DIR of the manager's user, or /run for the system manager; empty for
    /// SSH hosts (only the remote shell knows it).
    QString runtimeDir() const;

    /// One argument quoted for a POSIX shell (the remote side of ssh).
    static QString shellQuote(const QString &arg);
    /// A command line for a POSIX shell: each of @p argv quoted with shellQuote(), joined by
    /// spaces.
    static QString shellJoin(const QStringList &argv);
    /// Local directory of the SSH control sockets and forwarded console sockets.
    static QString sshRuntimeDir();
    /// Classifies ssh's stderr of a failed login.
    static Failure classifySshError(const QString &stderrText);

signals:
    /// State, failure or error text changed.
    void stateChanged(Host::State state);

private:
    void setState(State state, Failure failure = Failure::None, const QString &error = {});
    void startAttempt();
    void startPreflight();
    void handlePreflightFinished();
    void startBusConnection();
    void handleBusConnected(const QString &name, bool ok, const QString &error, bool peer);
    void handleAttemptTimeout();
    void fail(Failure failure, const QString &message);
    void handleLost(const QString &message);
    void checkAlive();
    /// Destroys the manager (and so every watcher of a call on the connections), then closes them.
    void dropConnection();
    static void closeConnections(const QString &name, bool peer);

    Kind m_kind;
    QString m_target;
    /// Everything that depends on the kind: how the bus is reached, consoles, commands.
    std::unique_ptr<HostTransport> m_transport;
    State m_state = State::Disconnected;
    Failure m_failure = Failure::None;
    QString m_error;
    QString m_connectionName;
    QPointer<SystemdManager> m_manager;
    bool m_autoReconnect = false;
    bool m_usePrivateSocket = false;
    bool m_hasPeer = false; ///< a private-socket connection exists beside m_connectionName
    bool m_busPending = false; ///< the worker thread is still opening m_connectionName
    bool m_retrying = false;
    bool m_attemptRunning = false;
    bool m_wasConnected = false;
    int m_connectTimeout = 15000;
    int m_retryDelay = 1000;
    void readLoginProbes(const QByteArray &out, const QByteArray &nonce, int count);

    QProcess *m_preflight = nullptr;
    QByteArray m_preflightNonce; // the login probes' marker of m_preflight's attempt
    int m_preflightProbes = 0; // the login probes m_preflight runs (the first N of m_loginProbes)
    QList<QPair<QString, QString>> m_loginProbes; // name, script
    QHash<QString, QByteArray> m_loginProbeOutput;
    QTimer *m_attemptTimer;
    QTimer *m_retryTimer;
    QTimer *m_aliveTimer;
    bool m_pingInFlight = false;
};
