// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/fleet/remoteengine.h"

#include "core/hosts/host.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QTimer>

#include <atomic>

Q_LOGGING_CATEGORY(lcRemoteEngine, "iocdock.fleet.engine", QtWarningMsg)

namespace {

std::atomic<int> s_engineCounter{ 0 };

} // namespace

RemoteEngine::RemoteEngine(Host *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        qCInfo(lcRemoteEngine) << (m_host ? m_host->id() : QString()) << "no answer in time";
        stopProcess();
        // A probe given up on finds nothing; a forward given up on failed.
        const EngineEndpoint pending = std::exchange(m_pending, EngineEndpoint());
        if (pending.isValid())
            emit forwardFailed(pending.socketPath,
                               tr("no answer within %1 s").arg(m_timer->interval() / 1000));
        else
            emit probed(EngineEndpoint());
    });
}

RemoteEngine::~RemoteEngine()
{
    stopProcess();
    if (!m_cleanup.isEmpty())
        QProcess::startDetached(m_cleanup.value(0), m_cleanup.mid(1));
}

void RemoteEngine::stopProcess()
{
    m_timer->stop();
    if (QProcess *process = std::exchange(m_process, nullptr)) {
        process->disconnect(this);
        process->kill();
        process->waitForFinished(1000); // SIGKILL: ssh is gone at once
        delete process;
    }
}

void RemoteEngine::probe()
{
    if (!m_host)
        return;
    m_pending = EngineEndpoint();
    // Read in the host's pre-flight login when Fleet asked for it there (loginProbeName()):
    // no SSH session of its own.
    QByteArray out;
    if (m_host->loginProbeOutput(loginProbeName(), &out)) {
        stopProcess();
        const int serial = ++m_probeSerial;
        QTimer::singleShot(0, this, [this, serial, out] {
            if (serial == m_probeSerial)
                handleFinished(Step::Probe, true, out, QString());
        });
        return;
    }
    run(Step::Probe,
        m_host->commandOnHost(
                { QStringLiteral("sh"), QStringLiteral("-c"), EngineEndpoint::probeScript() }));
}

QString RemoteEngine::loginProbeName()
{
    return QStringLiteral("container-engine");
}

void RemoteEngine::forward(const EngineEndpoint &remote)
{
    if (!m_host || !remote.isValid())
        return;
    if (m_localSocket.isEmpty()) {
        const QString dir =
                Host::sshRuntimeDir().isEmpty() ? QDir::tempPath() : Host::sshRuntimeDir();
        m_localSocket = QStringLiteral("%1/engine-%2-%3-%4")
                                .arg(dir)
                                .arg(QCoreApplication::applicationPid())
                                .arg(++s_engineCounter)
                                .arg(QFileInfo(remote.socketPath).fileName());
    }
    QStringList cleanup;
    const QStringList command =
            m_host->unixSocketForward(remote.socketPath, m_localSocket, &cleanup);
    if (command.isEmpty()) {
        emit forwardFailed(remote.socketPath,
                           tr("%1 forwards no sockets").arg(m_host->displayName()));
        return;
    }
    // A forward made before (an older master's, or of another remote path) is ended first: the
    // local path is reused, and a cancel of a forward the master does not have does nothing.
    QString script = Host::shellJoin(command);
    if (!m_cleanup.isEmpty())
        script = Host::shellJoin(m_cleanup) + QStringLiteral("; ") + script;
    m_pending = remote;
    m_cleanup = cleanup; // from now on a forward may exist: end it when going
    run(Step::Forward, { QStringLiteral("sh"), QStringLiteral("-c"), script });
}

void RemoteEngine::run(Step step, const QStringList &argv)
{
    stopProcess();
    ++m_probeSerial; // a probe answered from the login is superseded
    auto *process = new QProcess(this);
    m_process = process;
    process->setStandardInputFile(QProcess::nullDevice());
    connect(process, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), this,
            [this, process, step](int code, QProcess::ExitStatus status) {
                if (m_process != process)
                    return;
                m_process = nullptr;
                m_timer->stop();
                process->deleteLater();
                handleFinished(step, status == QProcess::NormalExit && code == 0,
                               process->readAllStandardOutput(),
                               QString::fromLocal8Bit(process->readAllStandardError()).trimmed());
            });
    connect(process, &QProcess::errorOccurred, this,
            [this, process, step](QProcess::ProcessError e) {
                if (e != QProcess::FailedToStart || m_process != process)
                    return;
                m_process = nullptr;
                m_timer->stop();
                process->deleteLater();
                handleFinished(step, false, {}, process->errorString());
            });
    m_timer->start(m_host ? m_host->connectTimeout() : 15000);
    process->start(argv.value(0), argv.mid(1));
}

void RemoteEngine::handleFinished(Step step, bool ok, const QByteArray &out, const QString &err)
{
    const QString id = m_host ? m_host->id() : QString();
    if (step == Step::Probe) {
        if (!ok) {
            // The host is going or gone: it reports that itself.
            qCInfo(lcRemoteEngine) << id << "probe failed:" << err;
            emit probed(EngineEndpoint());
            return;
        }
        const EngineEndpoint remote = EngineEndpoint::fromProbe(out);
        // No engine there is no error; a DOCKER_HOST of a kind not supported is logged.
        qCInfo(lcRemoteEngine) << id << "engine:" << remote.socketPath << remote.error;
        emit probed(remote);
        return;
    }
    const EngineEndpoint remote = std::exchange(m_pending, EngineEndpoint());
    if (!ok) {
        emit forwardFailed(remote.socketPath, err.isEmpty() ? tr("ssh -O forward failed") : err);
        return;
    }
    m_remote = remote;
    qCInfo(lcRemoteEngine) << id << "forwarded" << m_localSocket << "to" << remote.socketPath;
    emit forwarded(m_localSocket);
}
