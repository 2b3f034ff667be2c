// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

// An incremental HTTP/1.1 response parser for the Docker Engine API client: status line, header
// fields, and a body framed by Content-Length, chunked transfer coding, or the end of the
// connection (a hijacked exec/attach stream, a 101 upgrade). Pure: no I/O, no event loop, so the
// fuzz target (tests/fuzz/fuzz_httpresponseparser.cpp) drives it exactly as EngineRequest does.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

/// Parses one HTTP/1.x response fed in pieces of any size. Body bytes are decoded as they
/// arrive and taken with takeBody(), so a never-ending stream (GET /events) needs no more memory
/// than one chunk header. Interim 1xx responses other than 101 are skipped, as a client must.
class HttpResponseParser
{
public:
    enum class State { StatusLine, Headers, Body, Done, Error };
    enum class Framing { None, ContentLength, Chunked, UntilClose };

    /// A response to HEAD carries no body whatever its headers say.
    void setHeadRequest(bool head) { m_head = head; }

    /// Consumes @p data. Returns false once the response is malformed (see errorString()).
    bool feed(const QByteArray &data);
    /// The connection ended: completes a body framed by the end of the connection, and is an
    /// error anywhere else before the response is complete.
    void finish();

    State state() const { return m_state; }
    bool headersComplete() const { return m_state == State::Body || m_state == State::Done; }
    bool isComplete() const { return m_state == State::Done; }
    bool hasError() const { return m_state == State::Error; }
    /// Untranslated detail of a malformed response (EngineRequest wraps it in a translated text).
    QString errorString() const { return m_error; }

    int statusCode() const { return m_status; }
    QByteArray reasonPhrase() const { return m_reason; }
    Framing framing() const { return m_framing; }
    /// The value of header field @p name (case-insensitive; the last one when repeated), or a
    /// null QByteArray when absent.
    QByteArray header(const QByteArray &name) const;
    const QList<QPair<QByteArray, QByteArray>> &headers() const { return m_headers; }

    /// The body bytes decoded since the last call.
    QByteArray takeBody();
    /// Body bytes decoded so far in total (taken or not).
    qint64 bodySize() const { return m_bodySize; }

    static constexpr int MaxHeaderBytes = 64 * 1024;
    static constexpr int MaxLineBytes = 8 * 1024;

private:
    enum class ChunkState { Size, Data, DataEnd, Trailers };
    bool fail(const QString &message);
    bool takeLine(QByteArray *line); // false when no whole line is buffered yet
    bool parseStatusLine(const QByteArray &line);
    bool parseHeaderLine(const QByteArray &line);
    bool headersDone();
    bool parseBody();
    void appendBody(const QByteArray &bytes);

    State m_state = State::StatusLine;
    QByteArray m_buffer; // unparsed input
    int m_headerBytes = 0;
    bool m_head = false;
    int m_status = 0;
    QByteArray m_reason;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    Framing m_framing = Framing::None;
    ChunkState m_chunkState = ChunkState::Size;
    qint64 m_remaining = 0; // Content-Length left, or the current chunk's bytes left
    QByteArray m_body;
    qint64 m_bodySize = 0;
    QString m_error;
};
