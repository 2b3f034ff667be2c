// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

// Test helpers shared by the console tests: run the real procServ (no systemd needed) with
// tools/iocsim as the IOC, and a byte tap that relays a UNIX socket to procServ while
// recording every byte a client writes.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QStringList>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

/// One procServ in --foreground mode, listening on a UNIX socket (DIR/ctl), an abstract
/// socket, a TCP port and a UNIX log port (DIR/log), logging to DIR/log.txt.
class ProcServRunner
{
public:
    explicit ProcServRunner(const QString &dir)
        : m_dir(dir)
    {
        m_abstractName = QStringLiteral("iocdock-test-%1-%2")
                                 .arg(QCoreApplication::applicationPid())
                                 .arg(s_counter++);
    }
    ~ProcServRunner() { stop(); }

    static QString iocsim()
    {
        const QString bin = qEnvironmentVariable("IOCDOCK_BIN_DIR");
        return bin.isEmpty() ? QString() : bin + QStringLiteral("/iocsim");
    }

    /// Starts procServ; @p extraOptions go before the endpoints, @p iocArgs after iocsim.
    /// Returns false (with a message in error()) when it does not come up within 10 s.
    bool start(const QStringList &extraOptions = {}, const QStringList &iocArgs = {})
    {
        if (iocsim().isEmpty() || !QFile::exists(iocsim())) {
            m_error = QStringLiteral("iocsim not found; set IOCDOCK_BIN_DIR (ctest does)");
            return false;
        }
        if (m_tcpPort == 0)
            m_tcpPort = freeTcpPort();
        QFile::remove(infoFile());
        QStringList args{ QStringLiteral("--foreground"), QStringLiteral("--quiet"),
                          QStringLiteral("--name"),       QStringLiteral("simioc"),
                          QStringLiteral("--holdoff"),    QStringLiteral("1"),
                          QStringLiteral("-L"),           logFile(),
                          QStringLiteral("-I"),           infoFile() };
        args << extraOptions;
        args << QStringLiteral("-P") << QStringLiteral("unix:") + controlPath()
             << QStringLiteral("-P") << QStringLiteral("unix:@") + m_abstractName
             << QStringLiteral("-P") << QString::number(m_tcpPort) << QStringLiteral("-l")
             << QStringLiteral("unix:") + logPath() << iocsim() << QStringLiteral("--name")
             << QStringLiteral("SIM") << iocArgs;
        m_logOffset = logContents().size();
        m_process.setProgram(QStringLiteral("procServ"));
        m_process.setArguments(args);
        m_process.setWorkingDirectory(m_dir);
        m_process.setStandardInputFile(QProcess::nullDevice());
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start();
        if (!m_process.waitForStarted(5000)) {
            m_error = QStringLiteral("procServ did not start: ") + m_process.errorString();
            return false;
        }
        // procServ writes the info file once every endpoint listens.
        for (int i = 0; i < 100 && !QFile::exists(infoFile()); ++i)
            QTest::qWait(100);
        if (!QFile::exists(infoFile())) {
            m_error = QStringLiteral("procServ did not come up: ")
                    + QString::fromLocal8Bit(m_process.readAll());
            return false;
        }
        // The child starts on procServ's first 0.5 s idle tick, after the sockets listen.
        if (!extraOptions.contains(QStringLiteral("--wait"))) {
            const qint64 logStart = m_logOffset;
            for (int i = 0;
                 i < 100 && !logContents().mid(logStart).contains("The PID of new child"); ++i)
                QTest::qWait(100);
            if (!logContents().mid(logStart).contains("The PID of new child")) {
                m_error = QStringLiteral("procServ did not start its child: ")
                        + QString::fromLocal8Bit(m_process.readAll());
                return false;
            }
        }
        m_logOffset = logContents().size();
        return true;
    }

    /// SIGTERM, as systemd stops it: clients get EOF with no message.
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(2000);
        }
    }

    qint64 pid() const { return m_process.processId(); }
    QString error() const { return m_error; }
    QString controlPath() const { return m_dir + QStringLiteral("/ctl"); }
    QString logPath() const { return m_dir + QStringLiteral("/log"); }
    QString logFile() const { return m_dir + QStringLiteral("/log.txt"); }
    QString infoFile() const { return m_dir + QStringLiteral("/info"); }
    QString abstractName() const { return m_abstractName; }
    quint16 tcpPort() const { return m_tcpPort; }
    QByteArray logContents() const
    {
        QFile f(logFile());
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    ConsoleEndpoint unixEndpoint() const
    {
        return ConsoleEndpoint::fromString(QStringLiteral("unix:") + controlPath());
    }
    ConsoleEndpoint abstractEndpoint() const
    {
        return ConsoleEndpoint::fromString(QStringLiteral("unix:@") + m_abstractName);
    }
    ConsoleEndpoint tcpEndpoint() const
    {
        return ConsoleEndpoint::fromString(QStringLiteral("tcp:127.0.0.1:%1").arg(m_tcpPort));
    }
    ConsoleEndpoint logEndpoint() const
    {
        return ConsoleEndpoint::fromString(QStringLiteral("unix:") + logPath());
    }

    static quint16 freeTcpPort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }

private:
    static inline int s_counter = 0;
    QString m_dir;
    QString m_abstractName;
    quint16 m_tcpPort = 0;
    qint64 m_logOffset = 0;
    QProcess m_process;
    QString m_error;
};

/// Relays a UNIX socket to procServ's control socket and records every byte the client
/// writes: it observes what a console sends; procServ on the other side is real.
class ByteTap : public QObject
{
public:
    ByteTap(const QString &listenPath, const QString &targetPath)
        : m_target(targetPath)
    {
        QLocalServer::removeServer(listenPath);
        m_server.listen(listenPath);
        QObject::connect(&m_server, &QLocalServer::newConnection, this, [this] {
            while (QLocalSocket *client = m_server.nextPendingConnection()) {
                auto *upstream = new QLocalSocket(client);
                upstream->connectToServer(m_target);
                ++m_connections;
                QObject::connect(client, &QLocalSocket::readyRead, this, [this, client, upstream] {
                    const QByteArray data = client->readAll();
                    m_written += data;
                    upstream->write(data);
                });
                QObject::connect(upstream, &QLocalSocket::readyRead, client,
                                 [client, upstream] { client->write(upstream->readAll()); });
                QObject::connect(upstream, &QLocalSocket::disconnected, client,
                                 &QLocalSocket::disconnectFromServer);
                QObject::connect(client, &QLocalSocket::disconnected, this, [this, upstream] {
                    upstream->disconnectFromServer();
                    ++m_closed;
                });
            }
        });
    }
    bool isListening() const { return m_server.isListening(); }
    QString path() const { return m_server.fullServerName(); }
    /// Everything clients wrote, in order.
    QByteArray written() const { return m_written; }
    int connections() const { return m_connections; }
    int closed() const { return m_closed; }

private:
    QString m_target;
    QLocalServer m_server;
    QByteArray m_written;
    int m_connections = 0;
    int m_closed = 0;
};
