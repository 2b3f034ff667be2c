// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/containers/engineendpoint.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

class Host;
class QProcess;
class QTimer;

/// The container engine of an SSH host, reached as `docker -H ssh://` reaches it: over the
/// host's own SSH connection, no port opened, no extra login. probe() reports the engine's
/// socket on the remote machine (probed()) from EngineEndpoint::probeScript(), run in the
/// host's pre-flight login (Fleet adds it there) or else through the host's connection master
/// (one command, no new handshake); forward() then
/// has the master forward it to a local socket (Host::unixSocketForward(): `ssh -O forward -L
/// LOCAL.sock:REMOTE.sock`). The local path is chosen once and stays the same, so a runtime on it
/// outlives reconnections: a new master has no forward, so forward() again once the host is back.
/// The forward is cancelled and its socket removed when this object goes. Owned by Fleet, one per
/// SSH host; every bound is the host's connect timeout.
class RemoteEngine : public QObject
{
    Q_OBJECT
public:
    explicit RemoteEngine(Host *host, QObject *parent = nullptr);
    /// Kills a probe or forward still running and cancels the forward (detached: nothing waits).
    ~RemoteEngine() override;

    /// Asks the remote host where its engine is; probed() answers (an invalid endpoint when it
    /// has none or the probe failed). A probe still running is restarted. When the host ran
    /// EngineEndpoint::probeScript() in its pre-flight login as loginProbeName()
    /// (Host::addLoginProbe()), that answer is taken and nothing runs.
    void probe();
    static QString loginProbeName();
    /// Forwards @p remote's socket to localSocket(); forwarded() or forwardFailed() answers.
    void forward(const EngineEndpoint &remote);
    bool isBusy() const { return m_process != nullptr; }
    /// The local end of the forward (under Host::sshRuntimeDir()); empty before forward().
    QString localSocket() const { return m_localSocket; }
    /// The remote engine last forwarded (kept while it is forwarded again); invalid before.
    EngineEndpoint remote() const { return m_remote; }

signals:
    void probed(const EngineEndpoint &remote);
    void forwarded(const QString &localSocket);
    /// @p message is translated or ssh's.
    void forwardFailed(const QString &remoteSocket, const QString &message);

private:
    enum class Step { Probe, Forward };
    void run(Step step, const QStringList &argv);
    void handleFinished(Step step, bool ok, const QByteArray &out, const QString &err);
    void stopProcess();

    QPointer<Host> m_host;
    QProcess *m_process = nullptr;
    QTimer *m_timer;
    EngineEndpoint m_pending; // the endpoint being forwarded
    QString m_localSocket;
    EngineEndpoint m_remote;
    QStringList m_cleanup; // ends the forward to localSocket()
    int m_probeSerial = 0;
};
