// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

// One HTTP/1.1 exchange with a container engine over its UNIX socket, on a connection of its own
// (opened for the request, closed after the response: simple, and an abort is a close).

#include "core/containers/httpresponseparser.h"

#include <QByteArray>
#include <QLocalSocket>
#include <QObject>
#include <QString>

/// Sends one request and reads its response without blocking. Construct, connect, start();
/// finished() comes exactly once (never from inside start()), unless abort() or the destructor
/// came first: then nothing more is emitted.
class EngineRequest : public QObject
{
    Q_OBJECT
public:
    struct Spec
    {
        QByteArray method = "GET";
        QByteArray target; // path and query, e.g. "/v1.40/containers/json?all=1"
        QByteArray body; // sent with Content-Type application/json when not empty
    };

    EngineRequest(const QString &socketPath, const Spec &spec, QObject *parent = nullptr);
    ~EngineRequest() override;

    /// A streaming request hands out a successful response's body through bodyData() as it
    /// arrives instead of collecting it (an error response's body is still collected, for its
    /// message).
    void setStreaming(bool streaming) { m_streaming = streaming; }
    bool isStreaming() const { return m_streaming; }
    /// Ends the exchange with an error when it has not finished @p ms after start(); 0 (the
    /// default) waits for ever, as a stream must.
    void setTimeout(int ms) { m_timeoutMs = ms; }
    int timeout() const { return m_timeoutMs; }
    void start();
    /// Closes the connection; no signal is emitted after this.
    void abort();

    const Spec &spec() const { return m_spec; }
    QString socketPath() const { return m_socketPath; }
    /// The HTTP status, 0 until the response header arrived.
    int statusCode() const { return m_parser.headersComplete() ? m_parser.statusCode() : 0; }
    QByteArray header(const QByteArray &name) const { return m_parser.header(name); }
    /// The collected body (not for a successful streaming request).
    QByteArray body() const { return m_body; }

    /// The engine's error text for an HTTP error response: its JSON "message", else the status
    /// line. Translated wrapper, empty for a 1xx-3xx status.
    static QString httpErrorMessage(int status, const QByteArray &reason, const QByteArray &body);

signals:
    /// The status line and header fields arrived.
    void responseStarted(int statusCode);
    /// Body bytes of a successful streaming response.
    void bodyData(const QByteArray &data);
    /// The exchange ended: @p error is empty on success (status below 400), else a translated
    /// message naming the socket, the transport failure or the engine's own message.
    void finished(const QString &error);

private:
    void handleConnected();
    void handleReadyRead();
    void handleDisconnected();
    void handleSocketError(QLocalSocket::LocalSocketError error);
    void consume(const QByteArray &data);
    void complete(const QString &error);

    QString m_socketPath;
    Spec m_spec;
    QLocalSocket *m_socket = nullptr;
    HttpResponseParser m_parser;
    QByteArray m_body;
    bool m_streaming = false;
    int m_timeoutMs = 0;
    bool m_started = false;
    bool m_announced = false; // responseStarted emitted
    bool m_done = false;
};
