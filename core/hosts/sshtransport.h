// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/hosts/hosttransport.h"

#include <QCoreApplication>
#include <QHash>

#include <memory>

/// A manager on another machine, reached with the user's own ssh (spec
/// `[USER@]HOST[:PORT][/user]`): a pre-flight login that tells why a host fails and starts
/// the shared connection master, D-Bus through `systemd-stdio-bridge`, consoles through
/// `ssh -W` (TCP) or a UNIX socket forwarded by the master, commands through `ssh HOST sh -c`.
class PrepareBatch;

class SshTransport : public HostTransport
{
public:
    explicit SshTransport(const QString &spec);
    ~SshTransport() override;

    bool isLocal() const override { return false; }
    bool isUserManager() const override { return m_spec.endsWith(QLatin1String("/user")); }
    QString id() const override { return m_spec; }
    QString spec() const override { return m_spec; }
    QString displayName() const override { return m_spec; }

    QStringList preflightCommand(const QString &extraScript = {}) const override;
    bool preflightSucceeded(int exitCode, const QString &stderrText, Host::Failure *failure,
                            QString *message) const override;
    QString preflightStartError(const QString &processError) const override;
    std::function<QDBusConnection(const QString &name)> busConnector() const override;
    Host::Failure busRefusal() const override { return Host::Failure::Other; }

    ConsoleRoute consoleRoute(const ConsoleEndpoint &endpoint) const override;
    /// `ssh -O forward -L LOCAL:REMOTE` through the master; only when none runs, a login
    /// through it first, which starts one. The cleanup cancels it and removes the local socket.
    QStringList unixSocketForward(const QString &remotePath, const QString &localPath,
                                  QStringList *cleanup) const override;
    /// unixSocketForward() for several `LOCAL:REMOTE` specs at once: one ssh process.
    QStringList unixSocketForwards(const QStringList &specs) const;
    /// Cancels the forwards of several `LOCAL:REMOTE` specs and removes their local sockets:
    /// one ssh process, or one per spec when the master refuses one of them.
    QStringList unixSocketCancels(const QStringList &specs) const;
    QStringList commandOnHost(const QStringList &argv) const override;
    QString busAddress() const override;
    QStringList sshOptions() const override;
    QStringList sshArguments() const override;
    /// Empty: only the remote shell knows it.
    QString runtimeDir() const override { return {}; }

private:
    QString m_spec;
    Host::SshTarget m_target;
    // Remote socket path -> its forward while a session holds it (consoleRoute(); GUI thread).
    struct Forward
    {
        std::weak_ptr<SharedPrepare> prepare;
        QString localPath;
    };
    mutable QHash<QString, Forward> m_forwards;
    // Makes the forwards asked at the same time with one `ssh -O forward`.
    mutable std::unique_ptr<PrepareBatch> m_forwardBatch;

    // Its messages were Host's and keep Host's translation context.
    Q_DECLARE_TR_FUNCTIONS(Host) // last: the macro ends with "private:"
};
