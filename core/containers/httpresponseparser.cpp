// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/containers/httpresponseparser.h"

namespace {

bool isToken(const QByteArray &name)
{
    if (name.isEmpty())
        return false;
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f || c == ':' || c == '(' || c == ')' || c == ',' || c == '/'
            || c == ';' || c == '<' || c == '=' || c == '>' || c == '?' || c == '@' || c == '['
            || c == '\\' || c == ']' || c == '{' || c == '}' || c == '"')
            return false;
    }
    return true;
}

// Digits only: no sign, no spaces, no overflow (values above 2^53 are refused as absurd).
bool parseDecimal(const QByteArray &text, qint64 *value)
{
    if (text.isEmpty() || text.size() > 15)
        return false;
    qint64 v = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    *value = v;
    return true;
}

} // namespace

bool HttpResponseParser::fail(const QString &message)
{
    m_state = State::Error;
    m_error = message;
    m_buffer.clear();
    return false;
}

bool HttpResponseParser::takeLine(QByteArray *line)
{
    const int end = m_buffer.indexOf('\n');
    if (end < 0) {
        if (m_buffer.size() > MaxLineBytes)
            fail(QStringLiteral("line longer than %1 bytes").arg(MaxLineBytes));
        return false;
    }
    if (end > MaxLineBytes) {
        fail(QStringLiteral("line longer than %1 bytes").arg(MaxLineBytes));
        return false;
    }
    *line = m_buffer.left(end);
    m_buffer.remove(0, end + 1);
    // CRLF as the protocol says; a bare LF is accepted as RFC 9112 §2.2 allows.
    if (line->endsWith('\r'))
        line->chop(1);
    if (m_state == State::StatusLine || m_state == State::Headers) {
        m_headerBytes += end + 1;
        if (m_headerBytes > MaxHeaderBytes) {
            fail(QStringLiteral("response header longer than %1 bytes").arg(MaxHeaderBytes));
            return false;
        }
    }
    return true;
}

bool HttpResponseParser::feed(const QByteArray &data)
{
    if (m_state == State::Error)
        return false;
    if (m_state == State::Done)
        return true; // bytes after a complete response are not ours to read (Connection: close)
    m_buffer += data;
    while (m_state == State::StatusLine || m_state == State::Headers) {
        QByteArray line;
        if (!takeLine(&line))
            return m_state != State::Error;
        if (m_state == State::StatusLine) {
            if (!parseStatusLine(line))
                return false;
        } else if (!parseHeaderLine(line)) {
            return false;
        }
    }
    if (m_state == State::Body)
        return parseBody();
    if (m_state == State::Done)
        m_buffer.clear();
    return m_state != State::Error;
}

bool HttpResponseParser::parseStatusLine(const QByteArray &line)
{
    // HTTP/1.x SP 3DIGIT SP reason
    if (!line.startsWith("HTTP/1.") || line.size() < 12 || line.at(8) != ' ')
        return fail(QStringLiteral("not an HTTP/1.x status line"));
    if (line.at(7) < '0' || line.at(7) > '9')
        return fail(QStringLiteral("not an HTTP/1.x status line"));
    int status = 0;
    for (int i = 9; i < 12; ++i) {
        const char c = line.at(i);
        if (c < '0' || c > '9')
            return fail(QStringLiteral("bad status code"));
        status = status * 10 + (c - '0');
    }
    if (status < 100 || status > 599)
        return fail(QStringLiteral("bad status code"));
    if (line.size() > 12 && line.at(12) != ' ')
        return fail(QStringLiteral("bad status code"));
    m_status = status;
    m_reason = line.mid(13);
    m_headers.clear();
    m_state = State::Headers;
    return true;
}

bool HttpResponseParser::parseHeaderLine(const QByteArray &line)
{
    if (line.isEmpty())
        return headersDone();
    if (line.at(0) == ' ' || line.at(0) == '\t')
        return fail(QStringLiteral("folded header line")); // obsolete, and refused by RFC 9112
    const int colon = line.indexOf(':');
    if (colon <= 0)
        return fail(QStringLiteral("header line without a name"));
    const QByteArray name = line.left(colon);
    if (!isToken(name))
        return fail(QStringLiteral("bad header name"));
    m_headers.append({ name, line.mid(colon + 1).trimmed() });
    return true;
}

QByteArray HttpResponseParser::header(const QByteArray &name) const
{
    for (auto it = m_headers.crbegin(); it != m_headers.crend(); ++it) {
        if (it->first.compare(name, Qt::CaseInsensitive) == 0)
            return it->second;
    }
    return QByteArray();
}

bool HttpResponseParser::headersDone()
{
    if (m_status >= 100 && m_status < 200 && m_status != 101) {
        // Interim response (100 Continue, 102, 103): the real one follows.
        m_state = State::StatusLine;
        return true;
    }
    m_state = State::Body;
    if (m_status == 101) {
        m_framing = Framing::UntilClose; // the connection now carries the raw stream
        return true;
    }
    if (m_head || m_status == 204 || m_status == 304) {
        m_framing = Framing::None;
        m_state = State::Done;
        return true;
    }
    const QByteArray te = header("Transfer-Encoding");
    if (!te.isNull()) {
        // Chunked must be the last coding; anything else is read to the end of the connection
        // (RFC 9112 §6.3). Content-Length is ignored beside Transfer-Encoding.
        const QList<QByteArray> codings = te.split(',');
        if (codings.last().trimmed().compare("chunked", Qt::CaseInsensitive) == 0) {
            m_framing = Framing::Chunked;
            m_chunkState = ChunkState::Size;
        } else {
            m_framing = Framing::UntilClose;
        }
        return true;
    }
    QByteArray length;
    for (const auto &h : qAsConst(m_headers)) {
        if (h.first.compare("Content-Length", Qt::CaseInsensitive) != 0)
            continue;
        if (!length.isNull() && h.second != length)
            return fail(QStringLiteral("conflicting Content-Length headers"));
        length = h.second;
    }
    if (!length.isNull()) {
        if (!parseDecimal(length, &m_remaining))
            return fail(QStringLiteral("bad Content-Length"));
        m_framing = Framing::ContentLength;
        if (m_remaining == 0)
            m_state = State::Done;
        return true;
    }
    m_framing = Framing::UntilClose;
    return true;
}

void HttpResponseParser::appendBody(const QByteArray &bytes)
{
    m_body += bytes;
    m_bodySize += bytes.size();
}

bool HttpResponseParser::parseBody()
{
    switch (m_framing) {
    case Framing::None:
        m_state = State::Done;
        break;
    case Framing::UntilClose:
        appendBody(m_buffer);
        m_buffer.clear();
        break;
    case Framing::ContentLength: {
        const int take = static_cast<int>(qMin<qint64>(m_remaining, m_buffer.size()));
        appendBody(m_buffer.left(take));
        m_buffer.remove(0, take);
        m_remaining -= take;
        if (m_remaining == 0) {
            m_state = State::Done;
            m_buffer.clear();
        }
        break;
    }
    case Framing::Chunked:
        while (m_state == State::Body) {
            if (m_chunkState == ChunkState::Data) {
                const int take = static_cast<int>(qMin<qint64>(m_remaining, m_buffer.size()));
                appendBody(m_buffer.left(take));
                m_buffer.remove(0, take);
                m_remaining -= take;
                if (m_remaining > 0)
                    return true;
                m_chunkState = ChunkState::DataEnd;
                continue;
            }
            QByteArray line;
            if (!takeLine(&line))
                return m_state != State::Error;
            if (m_chunkState == ChunkState::DataEnd) {
                if (!line.isEmpty())
                    return fail(QStringLiteral("chunk data longer than its size"));
                m_chunkState = ChunkState::Size;
            } else if (m_chunkState == ChunkState::Size) {
                const int semicolon = line.indexOf(';');
                const QByteArray hex = (semicolon < 0 ? line : line.left(semicolon)).trimmed();
                if (hex.isEmpty() || hex.size() > 12)
                    return fail(QStringLiteral("bad chunk size"));
                qint64 size = 0;
                for (const char c : hex) {
                    int digit;
                    if (c >= '0' && c <= '9')
                        digit = c - '0';
                    else if (c >= 'a' && c <= 'f')
                        digit = c - 'a' + 10;
                    else if (c >= 'A' && c <= 'F')
                        digit = c - 'A' + 10;
                    else
                        return fail(QStringLiteral("bad chunk size"));
                    size = size * 16 + digit;
                }
                if (size == 0) {
                    m_chunkState = ChunkState::Trailers;
                } else {
                    m_remaining = size;
                    m_chunkState = ChunkState::Data;
                }
            } else { // Trailers: ignored up to the empty line
                if (line.isEmpty()) {
                    m_state = State::Done;
                    m_buffer.clear();
                }
            }
        }
        break;
    }
    return m_state != State::Error;
}

void HttpResponseParser::finish()
{
    if (m_state == State::Body && m_framing == Framing::UntilClose) {
        m_state = State::Done;
        return;
    }
    if (m_state == State::Done || m_state == State::Error)
        return;
    fail(m_state == State::Body ? QStringLiteral("connection closed before the end of the body")
                                : QStringLiteral("connection closed before a complete response"));
}

QByteArray HttpResponseParser::takeBody()
{
    QByteArray out;
    out.swap(m_body);
    return out;
}
