// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QByteArray>
#include <QObject>

#include <deque>

class QSocketNotifier;

/// Feeds bytes into the pty slave of a QTermWidget in teletype mode without ever blocking the
/// GUI thread. The pty takes only ~17 KB before a write would block, and the terminal drains
/// it on this same thread, so the fd is made non-blocking and the rest is queued and written
/// whenever the fd is writable. OPOST is cleared so bytes arrive unchanged (no \n → \r\n).
///
/// The queue is bounded: when the terminal cannot keep up, the oldest queued bytes are dropped
/// and one visible marker line says how many. The caller therefore never has to stop reading
/// its socket. Does not own the fd.
class TerminalWriter : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 DefaultLimit = 4 * 1024 * 1024;

    explicit TerminalWriter(int fd, QObject *parent = nullptr);
    ~TerminalWriter() override;

    /// Queues @p bytes; writes as much as the pty takes right away.
    void write(const QByteArray &bytes);

    /// Maximum number of bytes held; at least 4 KiB.
    void setLimit(qint64 bytes);
    qint64 limit() const { return m_limit; }
    qint64 queuedBytes() const { return m_queued; }
    /// Total bytes dropped since construction.
    qint64 droppedBytes() const { return m_droppedTotal; }
    /// False once the pty failed (e.g. the terminal was destroyed); everything is discarded.
    bool isValid() const { return m_fd >= 0; }
    /// The text of the marker line written in place of @p bytes dropped bytes.
    static QByteArray dropMarker(qint64 bytes);

signals:
    /// @p bytes more bytes were dropped.
    void dropped(qint64 bytes);

private:
    void handleWritable();
    void flush();
    void enforceLimit();

    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    std::deque<QByteArray> m_chunks;
    qsizetype m_headOffset = 0; // bytes of m_chunks.front() already written
    qint64 m_queued = 0;
    qint64 m_limit = DefaultLimit;
    qint64 m_droppedTotal = 0;
    qint64 m_droppedPending = 0; // not yet announced by a marker in the stream
};
