// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

// Helpers shared by the console GUI tests: a real procServ running tools/iocsim in a temp
// dir, a probe for the event loop's latency, and reading what a QTermWidget shows.

#include "core/ioc/ioc.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocalSocket>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <qtermwidget.h>

#include <csignal>
#include <sys/types.h>

/// procServ (from PATH) running iocsim (from $IOCDOCK_BIN_DIR) with a UNIX control socket and
/// a -L log file in a private temp dir. Killed by PID in the destructor.
class ProcServRunner
{
public:
    explicit ProcServRunner(const QString &name, const QStringList &iocsimArgs = {},
                            const QStringList &procServArgs = {})
        : m_name(name)
    {
        const QString procServ = QStandardPaths::findExecutable(QStringLiteral("procServ"));
        const QString iocsim =
                QString::fromLocal8Bit(qgetenv("IOCDOCK_BIN_DIR")) + QStringLiteral("/iocsim");
        if (procServ.isEmpty()) {
            m_error = QStringLiteral("procServ is not installed");
            return;
        }
        if (!QFileInfo(iocsim).isExecutable()) {
            m_error = QStringLiteral("iocsim not found at %1 (IOCDOCK_BIN_DIR)").arg(iocsim);
            return;
        }
        QStringList args{ QStringLiteral("--foreground"), QStringLiteral("--quiet"),
                          QStringLiteral("--name"),       name,
                          QStringLiteral("--holdoff"),    QStringLiteral("1"),
                          QStringLiteral("--logfile"),    logPath(),
                          QStringLiteral("--info-file"),  m_dir.filePath(QStringLiteral("info")),
                          QStringLiteral("--port"),       QStringLiteral("unix:") + socketPath() };
        args << procServArgs << iocsim << QStringLiteral("--name") << name << iocsimArgs;
        m_process.setProgram(procServ);
        m_process.setArguments(args);
        m_process.setWorkingDirectory(m_dir.path());
        m_process.setStandardOutputFile(QProcess::nullDevice());
        m_process.setStandardErrorFile(m_dir.filePath(QStringLiteral("procserv.err")));
        m_process.start();
        if (!m_process.waitForStarted(5000))
            m_error = QStringLiteral("procServ did not start: %1").arg(m_process.errorString());
    }

    ~ProcServRunner()
    {
        if (m_process.state() != QProcess::NotRunning) {
            ::kill(pid_t(m_process.processId()), SIGTERM);
            if (!m_process.waitForFinished(5000)) {
                ::kill(pid_t(m_process.processId()), SIGKILL);
                m_process.waitForFinished(5000);
            }
        }
    }

    QString error() const { return m_error; }
    QString name() const { return m_name; }
    QString socketPath() const { return m_dir.filePath(QStringLiteral("control")); }
    QString logPath() const { return m_dir.filePath(QStringLiteral("log.txt")); }
    QString dirPath() const { return m_dir.path(); }
    qint64 serverPid() const { return m_process.processId(); }

    /// Ready once the socket exists and the IOC printed its prompt into the log.
    bool isReady() const { return QFileInfo::exists(socketPath()) && log().contains("epics> "); }

    QByteArray log() const
    {
        QFile f(logPath());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    /// PID of procServ's child (the IOC), 0 when there is none.
    quint32 childPid() const
    {
        const QString pid = QString::number(m_process.processId());
        QFile f(QStringLiteral("/proc/%1/task/%1/children").arg(pid));
        if (!f.open(QIODevice::ReadOnly))
            return 0;
        return f.readAll().trimmed().split(' ').value(0).toUInt();
    }

    Ioc ioc() const
    {
        Ioc ioc;
        ioc.host = QStringLiteral("local-test");
        ioc.name = m_name;
        ioc.unit = QStringLiteral("%1.service").arg(m_name);
        ioc.console.kind = ConsoleEndpoint::Kind::Unix;
        ioc.console.path = socketPath();
        ioc.logFile = logPath();
        return ioc;
    }

    /// Sends @p line + "\r" from a second, raw client and waits until procServ echoed it.
    /// Runs the event loop meanwhile (never waitFor*), so whatever a view queued before
    /// is flushed first and reaches the log before this marker does.
    bool sendFromOtherClient(const QByteArray &line) const
    {
        QLocalSocket socket;
        QByteArray seen;
        QObject::connect(&socket, &QLocalSocket::readyRead, &socket,
                         [&] { seen += socket.readAll(); });
        socket.connectToServer(socketPath());
        QElapsedTimer t;
        t.start();
        while (socket.state() != QLocalSocket::ConnectedState && t.elapsed() < 5000)
            QTest::qWait(10);
        if (socket.state() != QLocalSocket::ConnectedState)
            return false;
        socket.write(line + '\r');
        while (!seen.contains(line) && t.elapsed() < 5000)
            QTest::qWait(10);
        socket.disconnectFromServer();
        return seen.contains(line);
    }

private:
    QString m_name;
    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_error;
};

/// Largest gap between ticks of a 10 ms timer: how long the event loop was not serving.
class LatencyProbe
{
public:
    LatencyProbe()
    {
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer,
                         [this] { m_max = qMax(m_max, m_clock.restart()); });
    }
    void start()
    {
        m_max = 0;
        m_clock.start();
        m_timer.start();
    }
    qint64 maxGapMs() const { return qMax(m_max, m_clock.elapsed()); }
    void stop() { m_timer.stop(); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_max = 0;
};

/// Everything the terminal holds (scrollback + screen) as plain text.
inline QString terminalText(QTermWidget *term)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    term->saveHistory(&buffer);
    return QString::fromUtf8(buffer.data());
}
