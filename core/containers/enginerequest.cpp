// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/containers/enginerequest.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMetaObject>
#include <QTimer>

Q_LOGGING_CATEGORY(lcEngine, "iocdock.containers.engine", QtWarningMsg)

EngineRequest::EngineRequest(const QString &socketPath, const Spec &spec, QObject *parent)
    : QObject(parent)
    , m_socketPath(socketPath)
    , m_spec(spec)
{
    m_parser.setHeadRequest(spec.method == "HEAD");
}

EngineRequest::~EngineRequest()
{
    abort();
}

void EngineRequest::start()
{
    if (m_started)
        return;
    m_started = true;
    if (m_timeoutMs > 0) {
        QTimer::singleShot(m_timeoutMs, this, [this] {
            complete(tr("The container engine at %1 did not answer within %2 s")
                             .arg(m_socketPath, QString::number(m_timeoutMs / 1000.0)));
        });
    }
    // Queued, so that finished() never comes from inside start() (QLocalSocket reports a missing
    // socket synchronously from connectToServer()).
    QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_done)
                    return;
                m_socket = new QLocalSocket(this);
                connect(m_socket, &QLocalSocket::connected, this, &EngineRequest::handleConnected);
                connect(m_socket, &QLocalSocket::readyRead, this, &EngineRequest::handleReadyRead);
                connect(m_socket, &QLocalSocket::disconnected, this,
                        &EngineRequest::handleDisconnected);
                connect(m_socket, &QLocalSocket::errorOccurred, this,
                        &EngineRequest::handleSocketError);
                qCDebug(lcEngine) << m_spec.method << m_spec.target << "on" << m_socketPath;
                m_socket->connectToServer(m_socketPath);
            },
            Qt::QueuedConnection);
}

void EngineRequest::abort()
{
    m_done = true;
    if (m_socket) {
        QLocalSocket *socket = m_socket;
        m_socket = nullptr;
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
}

void EngineRequest::handleConnected()
{
    QByteArray request = m_spec.method + ' ' + m_spec.target + " HTTP/1.1\r\n" + "Host: docker\r\n"
            + "User-Agent: iocdock\r\n" + "Connection: close\r\n";
    if (!m_spec.body.isEmpty())
        request += "Content-Type: application/json\r\n";
    if (!m_spec.body.isEmpty() || m_spec.method == "POST" || m_spec.method == "PUT")
        request += "Content-Length: " + QByteArray::number(m_spec.body.size()) + "\r\n";
    request += "\r\n" + m_spec.body;
    m_socket->write(request);
}

void EngineRequest::handleReadyRead()
{
    if (m_socket)
        consume(m_socket->readAll());
}

void EngineRequest::consume(const QByteArray &data)
{
    if (m_done)
        return;
    const bool ok = m_parser.feed(data);
    if (m_parser.headersComplete() && !m_announced) {
        m_announced = true;
        emit responseStarted(m_parser.statusCode());
        if (m_done)
            return; // aborted by a receiver
    }
    const QByteArray body = m_parser.takeBody();
    if (!body.isEmpty()) {
        if (m_streaming && m_parser.statusCode() < 300) {
            emit bodyData(body);
            if (m_done)
                return;
        } else {
            m_body += body;
        }
    }
    if (!ok) {
        complete(tr("The container engine at %1 sent a malformed response: %2")
                         .arg(m_socketPath, m_parser.errorString()));
        return;
    }
    if (m_parser.isComplete())
        complete(QString());
}

void EngineRequest::handleDisconnected()
{
    if (m_done || !m_socket)
        return;
    consume(m_socket->readAll());
    if (m_done)
        return;
    m_parser.finish();
    if (m_parser.hasError()) {
        // Cut off, not garbled: most likely the engine stopped.
        complete(m_announced
                         ? tr("The container engine at %1 closed the connection in the middle of "
                              "a response (did it stop?)")
                                   .arg(m_socketPath)
                         : tr("The container engine at %1 closed the connection without an "
                              "answer")
                                   .arg(m_socketPath));
        return;
    }
    consume(QByteArray()); // reports the end finish() completed
}

void EngineRequest::handleSocketError(QLocalSocket::LocalSocketError error)
{
    if (m_done)
        return;
    switch (error) {
    case QLocalSocket::PeerClosedError:
        handleDisconnected(); // the end of a response framed by the connection
        return;
    case QLocalSocket::ServerNotFoundError:
        complete(tr("No container engine socket at %1 (is `podman system service` or dockerd "
                    "running?)")
                         .arg(m_socketPath));
        return;
    case QLocalSocket::ConnectionRefusedError:
        complete(tr("The container engine socket %1 refused the connection (the engine is not "
                    "running)")
                         .arg(m_socketPath));
        return;
    case QLocalSocket::SocketAccessError:
        complete(tr("Permission denied on the container engine socket %1").arg(m_socketPath));
        return;
    default:
        complete(tr("The connection to the container engine at %1 failed: %2")
                         .arg(m_socketPath, m_socket ? m_socket->errorString() : QString()));
        return;
    }
}

QString EngineRequest::httpErrorMessage(int status, const QByteArray &reason,
                                        const QByteArray &body)
{
    if (status < 400)
        return QString();
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    const QString message = json.value(QLatin1String("message")).toString().trimmed();
    if (!message.isEmpty())
        return message;
    return tr("The container engine answered %1 %2").arg(status).arg(QString::fromUtf8(reason));
}

void EngineRequest::complete(const QString &transportError)
{
    if (m_done)
        return;
    QString error = transportError;
    if (error.isEmpty())
        error = httpErrorMessage(m_parser.statusCode(), m_parser.reasonPhrase(), m_body);
    abort(); // sets m_done: nothing after this signal
    emit finished(error);
}
