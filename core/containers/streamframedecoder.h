// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

// Docker's multiplexed stream format: the body of GET /containers/{id}/logs, attach and exec
// start when the container (or exec) has no TTY. Each frame is an 8-byte header — stream type
// (0 stdin, 1 stdout, 2 stderr, 3 an error from the engine itself), three bytes the engine sets
// to zero and readers ignore (as Docker's own stdcopy does), a big-endian 32-bit payload size —
// then the payload. With a TTY the body is the raw bytes instead, and this decoder is not used.

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

/// Splits a multiplexed stream fed in pieces of any size. Payload is handed out as soon as it
/// arrives, also before its frame is complete, so a 4 GiB frame needs no 4 GiB buffer.
class StreamFrameDecoder
{
public:
    enum class Stream { Stdin = 0, Stdout = 1, Stderr = 2, System = 3 };
    struct Piece
    {
        Stream stream;
        QByteArray data;
    };

    /// Decodes @p data; the pieces are in order and never empty. An unknown stream type puts the
    /// decoder in error (hasError()); what came before it is still returned.
    QList<Piece> feed(const QByteArray &data);
    bool hasError() const { return !m_error.isEmpty(); }
    /// Untranslated detail of the error.
    QString errorString() const { return m_error; }
    /// True between frames: at the end of a stream anything else means it was cut short.
    bool atFrameBoundary() const { return m_header.isEmpty() && m_remaining == 0; }

private:
    QByteArray m_header; // a frame header being collected
    Stream m_stream = Stream::Stdout;
    quint32 m_remaining = 0; // payload bytes left in the current frame
    QString m_error;
};

Q_DECLARE_METATYPE(StreamFrameDecoder::Stream)
