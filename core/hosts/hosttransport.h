// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/hosts/host.h"
#include "core/procserv/procservtypes.h"

#include <QDBusConnection>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

/// How a Host reaches its systemd manager and its IOCs: one subclass per way (LocalTransport
/// for this machine's managers and a bus address, SshTransport for a manager over SSH).
/// Host owns one and keeps its connection state machine free of kind checks; the transport
/// holds only what follows from the host's spec (no connection, no process). Not a QObject;
/// used on Host's thread only, except what busConnector() hands out.
class HostTransport
{
public:
    /// The transport of a host of @p kind; @p target is the bus address or the SSH spec.
    static std::unique_ptr<HostTransport> create(Host::Kind kind, const QString &target);
    virtual ~HostTransport();

    /// Bound for one connection attempt; ssh's own ConnectTimeout follows it.
    void setConnectTimeout(int msecs) { m_connectTimeout = msecs; }
    int connectTimeout() const { return m_connectTimeout; }

    virtual bool isLocal() const = 0;
    virtual bool isUserManager() const = 0;
    /// See Host::id(), Host::spec(), Host::displayName().
    virtual QString id() const = 0;
    virtual QString spec() const = 0;
    virtual QString displayName() const = 0;

    // ---- connecting
    /// A command to run before the bus is connected, telling why a host cannot be reached;
    /// empty when there is none. Once its checks pass it runs @p extraScript (shell) on the
    /// host, whose output is on its stdout and whose end does not change its exit status.
    virtual QStringList preflightCommand(const QString &extraScript = {}) const
    {
        Q_UNUSED(extraScript)
        return {};
    }
    /// Reads the pre-flight's end (@p exitCode -1: it crashed or was killed): true when the
    /// bus can be connected, else @p failure and a translated @p message say why. Called
    /// only when preflightCommand() is not empty.
    virtual bool preflightSucceeded(int exitCode, const QString &stderrText, Host::Failure *failure,
                                    QString *message) const;
    /// The translated message when the pre-flight command could not be started.
    virtual QString preflightStartError(const QString &processError) const;
    /// Opens the bus connection called @p name. It runs on a worker thread (connectToBus()
    /// blocks while the transport starts), so it holds copies only, never the transport.
    virtual std::function<QDBusConnection(const QString &name)> busConnector() const = 0;
    /// systemd's private socket of this manager, used beside the bus when asked for
    /// (Host::setUsePrivateSocket()); empty when the manager has none reachable from here.
    virtual QString privateSocket() const { return {}; }
    /// What a bus that refuses the connection means: out of reach for a local bus; over
    /// SSH the pre-flight has already told reachability, so something else.
    virtual Host::Failure busRefusal() const = 0;

    // ---- reaching IOCs (see Host's functions of the same names)
    virtual ConsoleRoute consoleRoute(const ConsoleEndpoint &endpoint) const = 0;
    virtual QStringList unixSocketForward(const QString &remotePath, const QString &localPath,
                                          QStringList *cleanup) const
    {
        Q_UNUSED(remotePath)
        Q_UNUSED(localPath)
        Q_UNUSED(cleanup)
        return {};
    }
    virtual QStringList commandOnHost(const QStringList &argv) const = 0;
    virtual QString busAddress() const = 0;
    virtual QStringList sshOptions() const { return {}; }
    virtual QStringList sshArguments() const { return {}; }
    virtual QString runtimeDir() const = 0;

protected:
    HostTransport() = default;

private:
    int m_connectTimeout = 15000;
};
