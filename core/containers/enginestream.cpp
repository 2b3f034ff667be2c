// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/containers/enginestream.h"

#include "core/containers/engineclient.h"
#include "core/containers/enginerequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMetaObject>
#include <QThread>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

#include <cstring>
#include <utility>

Q_LOGGING_CATEGORY(lcEngineStream, "iocdock.containers.stream", QtWarningMsg)

namespace {

constexpr int s_maxStderr = 4096;

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

EngineStream::EngineStream(const Options &options, QObject *parent)
    : ConsoleStream(parent)
    , m_options(options)
    , m_client(new EngineClient(options.socketPath, this))
{
    m_client->setTimeout(options.timeoutMs);
    if (!m_options.chosen)
        m_options.chosen = std::make_shared<int>(-1);
}

EngineStream::~EngineStream()
{
    close();
}

QString EngineStream::description() const
{
    const QString container =
            m_options.containerName.isEmpty() ? m_options.container : m_options.containerName;
    if (m_options.kind == Kind::Attach)
        return tr("%1 attach %2").arg(m_options.engine, container);
    int relay = m_relay >= 0 ? m_relay : *m_options.chosen;
    if (relay < 0 || relay >= m_options.relays.size()) {
        QStringList names;
        for (const Relay &r : m_options.relays)
            names << r.name;
        return tr("%1 exec %2 (%3)").arg(m_options.engine, container, names.join(QLatin1Char('|')));
    }
    return tr("%1 exec %2 %3")
            .arg(m_options.engine, container,
                 m_options.relays.at(relay).command.join(QLatin1Char(' ')));
}

void EngineStream::start()
{
    if (m_ended || m_socket || m_relay >= 0)
        return;
    // Queued: nothing is emitted from inside start().
    QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_ended)
                    return;
                if (m_options.kind == Kind::Attach) {
                    inspectForAttach();
                    return;
                }
                if (m_options.relays.isEmpty()) {
                    fail(tr("No relay command to reach the console in container %1")
                                 .arg(m_options.containerName));
                    return;
                }
                const int chosen = *m_options.chosen;
                if (chosen >= 0 && chosen < m_options.relays.size())
                    createExec(chosen);
                else
                    probe(0);
            },
            Qt::QueuedConnection);
}

void EngineStream::probe(int index)
{
    const Relay &relay = m_options.relays.at(index);
    if (relay.probe.isEmpty() || index == m_options.relays.size() - 1) {
        *m_options.chosen = index;
        createExec(index);
        return;
    }
    m_client->exec(m_options.container, relay.probe, this, [this, index](const ExecResult &r) {
        if (m_ended)
            return;
        if (r.error.isEmpty() && r.exitCode == 0) {
            *m_options.chosen = index;
            createExec(index);
            return;
        }
        qCDebug(lcEngineStream) << "no" << m_options.relays.at(index).name << "in"
                                << m_options.container << r.error << r.exitCode;
        probe(index + 1);
    });
}

void EngineStream::createExec(int index)
{
    m_relay = index;
    QJsonObject config;
    // stdin stays attached also for a read-only session (which writes nothing): a relay
    // whose stdin ends closes its side of the connection, and procServ then drops it.
    config.insert(QStringLiteral("AttachStdin"), true);
    config.insert(QStringLiteral("AttachStdout"), true);
    config.insert(QStringLiteral("AttachStderr"), true);
    config.insert(QStringLiteral("Tty"), false);
    config.insert(QStringLiteral("Cmd"),
                  QJsonArray::fromStringList(m_options.relays.at(index).command));
    EngineRequest *request = m_client->newRequest(
            "POST", "/containers/" + EngineClient::pathSegment(m_options.container) + "/exec",
            QUrlQuery(), toJson(config), this);
    request->setTimeout(m_options.timeoutMs);
    connect(request, &EngineRequest::finished, this, [this, request](const QString &error) {
        request->deleteLater();
        if (m_ended)
            return;
        if (!error.isEmpty()) {
            fail(tr("Cannot start %1 in container %2: %3")
                         .arg(m_options.relays.at(m_relay).name, m_options.containerName, error));
            return;
        }
        const QString id = QJsonDocument::fromJson(request->body())
                                   .object()
                                   .value(QLatin1String("Id"))
                                   .toString();
        if (id.isEmpty()) {
            fail(tr("The container engine at %1 answered an exec without its ID")
                         .arg(m_options.socketPath));
            return;
        }
        QJsonObject start;
        start.insert(QStringLiteral("Detach"), false);
        start.insert(QStringLiteral("Tty"), false);
        m_tty = false;
        hijack("/exec/" + EngineClient::pathSegment(id) + "/start", toJson(start));
    });
    request->start();
}

void EngineStream::inspectForAttach()
{
    m_client->inspectContainer(
            m_options.container, this, [this](const ContainerDetails &d, const QString &error) {
                if (m_ended)
                    return;
                if (!error.isEmpty()) {
                    fail(error);
                    return;
                }
                if (!d.running) {
                    fail(tr("The container %1 is not running").arg(m_options.containerName));
                    return;
                }
                m_tty = d.tty;
                QUrlQuery query;
                query.addQueryItem(QStringLiteral("stream"), QStringLiteral("1"));
                const bool input = !m_options.readOnly && d.openStdin;
                if (input && !m_tty && m_options.engine == QLatin1String("podman")) {
                    // Measured with Podman 4.3.1: conmon closes a container's stdin when an
                    // attach to it ends (even by its detach keys) unless it has a TTY; an IOC
                    // shell then exits at the end of its input. Detaching must not stop it.
                    m_retry = false;
                    fail(tr("The container %1 has no TTY: Podman closes its stdin when an "
                            "attach ends, which would end the IOC shell. Create it with a TTY "
                            "(podman run -it, compose tty: true) to type into it; a read-only "
                            "console works.")
                                 .arg(m_options.containerName));
                    return;
                }
                query.addQueryItem(QStringLiteral("stdin"),
                                   input ? QStringLiteral("1") : QStringLiteral("0"));
                query.addQueryItem(QStringLiteral("stdout"), QStringLiteral("1"));
                query.addQueryItem(QStringLiteral("stderr"), QStringLiteral("1"));
                if (!m_options.detachKeys.isEmpty())
                    query.addQueryItem(QStringLiteral("detachKeys"),
                                       QString::fromLatin1(m_options.detachKeys));
                hijack("/containers/" + EngineClient::pathSegment(m_options.container) + "/attach?"
                               + query.toString(QUrl::FullyEncoded).toLatin1(),
                       QByteArray());
            });
}

void EngineStream::hijack(const QByteArray &path, const QByteArray &body)
{
    m_socket = new QLocalSocket(this);
    const QByteArray target = QByteArray("/") + EngineClient::ApiVersion + path;
    connect(m_socket, &QLocalSocket::connected, this, [this, target, body] {
        QByteArray request = "POST " + target + " HTTP/1.1\r\nHost: docker\r\n"
                + "User-Agent: iocdock\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n";
        if (!body.isEmpty())
            request += "Content-Type: application/json\r\n";
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        m_socket->write(request);
    });
    connect(m_socket, &QLocalSocket::readyRead, this, &EngineStream::handleSocketReadyRead);
    connect(m_socket, &QLocalSocket::disconnected, this, &EngineStream::handleDisconnected);
    connect(m_socket, &QLocalSocket::errorOccurred, this, [this](QLocalSocket::LocalSocketError e) {
        if (e == QLocalSocket::PeerClosedError)
            return; // disconnected() follows
        if (!m_socket)
            return;
        if (m_socket->state() == QLocalSocket::UnconnectedState
            || e != QLocalSocket::UnknownSocketError)
            fail(tr("The connection to the container engine at %1 failed: %2")
                         .arg(m_options.socketPath, m_socket->errorString()));
    });
    qCDebug(lcEngineStream) << "POST" << target << "on" << m_options.socketPath;
    m_socket->connectToServer(m_options.socketPath);
}

void EngineStream::handleSocketReadyRead()
{
    if (!m_socket || m_ended)
        return;
    const QByteArray data = m_socket->readAll();
    if (data.isEmpty())
        return;
    const bool ok = m_parser.feed(data);
    if (!m_headersDone && m_parser.headersComplete()) {
        m_headersDone = true;
        const int status = m_parser.statusCode();
        qCDebug(lcEngineStream) << "answer" << status;
        if (status == 101 || status == 200) {
            if (m_options.kind == Kind::Attach)
                establish();
        }
    }
    if (m_ended)
        return;
    if (!m_headersDone)
        return;
    const QByteArray body = m_parser.takeBody();
    const int status = m_parser.statusCode();
    if (status != 101 && status != 200) {
        m_errorBody += body;
        if (m_parser.isComplete() || !ok)
            fail(EngineRequest::httpErrorMessage(status, m_parser.reasonPhrase(), m_errorBody));
        return;
    }
    if (!body.isEmpty())
        handleBody(body);
    if (m_ended)
        return;
    if (!ok) {
        fail(tr("The container engine at %1 sent a malformed response: %2")
                     .arg(m_options.socketPath, m_parser.errorString()));
        return;
    }
    if (m_parser.isComplete())
        handleDisconnected();
}

void EngineStream::handleBody(const QByteArray &data)
{
    if (m_tty) {
        deliver(data);
        return;
    }
    const QList<StreamFrameDecoder::Piece> pieces = m_decoder.feed(data);
    for (const StreamFrameDecoder::Piece &piece : pieces) {
        const bool output = piece.stream == StreamFrameDecoder::Stream::Stdout
                || (m_options.kind == Kind::Attach
                    && piece.stream == StreamFrameDecoder::Stream::Stderr);
        if (output) {
            deliver(piece.data);
        } else {
            m_stderr += piece.data;
            if (m_stderr.size() > s_maxStderr)
                m_stderr = m_stderr.right(s_maxStderr);
        }
        if (m_ended)
            return;
    }
    if (m_decoder.hasError())
        fail(tr("The container engine at %1 sent a malformed stream: %2")
                     .arg(m_options.socketPath, m_decoder.errorString()));
}

void EngineStream::deliver(const QByteArray &data)
{
    QByteArray bytes;
    if (m_options.kind == Kind::Attach && !m_tty) {
        // What a pty's ONLCR would do: the console shows lines, not a staircase.
        bytes.reserve(data.size() + data.size() / 16);
        for (const char c : data) {
            if (c == '\n' && !m_outLastWasCr)
                bytes += '\r';
            bytes += c;
            m_outLastWasCr = c == '\r';
        }
    } else {
        bytes = data;
    }
    m_readBuffer += bytes;
    if (!m_established) {
        establish(); // Exec: the relay reached its target (its first output)
        return;
    }
    emit readyRead();
}

void EngineStream::establish()
{
    if (m_established || m_ended)
        return;
    m_established = true;
    QIODevice::open(QIODevice::ReadWrite | QIODevice::Unbuffered);
    emit established();
    if (!m_ended && !m_readBuffer.isEmpty())
        emit readyRead();
}

void EngineStream::fail(const QString &message)
{
    if (m_ended)
        return;
    qCDebug(lcEngineStream) << "ended:" << message;
    m_ended = true;
    if (QLocalSocket *socket = std::exchange(m_socket, nullptr))
        dropSocket(socket);
    emit ended(message);
}

void EngineStream::dropSocket(QLocalSocket *socket)
{
    // Never deleted here: this may run inside a signal the socket is still emitting, also
    // where no event loop runs (QTest::qWait), and Qt's code after that signal uses it.
    socket->disconnect(this);
    socket->setParent(nullptr);
    socket->abort();
    socket->deleteLater();
}

void EngineStream::handleDisconnected()
{
    if (m_ended || !m_socket)
        return;
    // Whatever is still buffered first.
    if (m_socket->bytesAvailable() > 0)
        handleSocketReadyRead();
    if (m_ended)
        return;
    const QString detail = QString::fromLocal8Bit(m_stderr).trimmed();
    const QString name = m_options.containerName;
    if (!m_headersDone) {
        fail(tr("The container engine at %1 closed the connection without an answer")
                     .arg(m_options.socketPath));
    } else if (m_options.kind == Kind::Attach) {
        fail(tr("The container engine ended the attach to %1 (did the container stop?)").arg(name));
    } else {
        const QString relay = m_relay >= 0 ? m_options.relays.at(m_relay).name : QString();
        fail(detail.isEmpty()
                     ? tr("The relay %1 in container %2 ended").arg(relay, name)
                     : tr("The relay %1 in container %2 ended: %3").arg(relay, name, detail));
    }
}

qint64 EngineStream::bytesAvailable() const
{
    return m_readBuffer.size() + QIODevice::bytesAvailable();
}

qint64 EngineStream::bytesToWrite() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

qint64 EngineStream::readData(char *data, qint64 maxSize)
{
    const qint64 n = qMin<qint64>(maxSize, m_readBuffer.size());
    if (n <= 0)
        return 0;
    std::memcpy(data, m_readBuffer.constData(), size_t(n));
    m_readBuffer.remove(0, int(n));
    return n;
}

qint64 EngineStream::writeData(const char *data, qint64 maxSize)
{
    if (!m_socket || !m_established || m_ended)
        return -1;
    QByteArray bytes(data, int(maxSize));
    if (m_options.kind == Kind::Attach && !m_tty) {
        // What a terminal's ICRNL would do for a program reading lines from a pipe.
        QByteArray translated;
        translated.reserve(bytes.size());
        for (const char c : qAsConst(bytes)) {
            if (c == '\n' && m_lastWasCr) {
                m_lastWasCr = false;
                continue;
            }
            m_lastWasCr = c == '\r';
            translated += c == '\r' ? '\n' : c;
        }
        bytes = translated;
    }
    if (!bytes.isEmpty() && m_socket->write(bytes) != bytes.size())
        return -1;
    return maxSize;
}

void EngineStream::close()
{
    m_ended = true;
    if (QLocalSocket *socket = std::exchange(m_socket, nullptr)) {
        socket->disconnect(this);
        socket->setParent(nullptr);
        const bool flush = socket->state() == QLocalSocket::ConnectedState
                && socket->bytesToWrite() > 0 && QThread::currentThread()->loopLevel() > 0;
        if (flush) {
            // What the user typed last is still delivered; nothing new is written.
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            QTimer::singleShot(5000, socket, [socket] {
                socket->abort();
                socket->deleteLater();
            });
            socket->disconnectFromServer();
        } else {
            dropSocket(socket);
        }
    }
    if (isOpen())
        QIODevice::close();
}
