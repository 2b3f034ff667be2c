// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QByteArray>
#include <QObject>

class QSocketNotifier;

/// Writes all of @p data to @p fd, blocking, retrying after EINTR; stops at the first error
/// (a closed pipe). For output that stalls nothing else (a reply, a log), never a console.
void writeAllBlocking(int fd, const QByteArray &data);

/// Writes to a file descriptor (stdout) without ever blocking the event loop: the fd is
/// made non-blocking (through TerminalGuard, so it is restored) and the rest is written when
/// a QSocketNotifier says the fd takes more. The queue is bounded: when the reader falls
/// behind by more than the limit, the oldest bytes are dropped and a marker says how many,
/// so the caller can keep draining its source (procServ must never be left blocked).
class FdWriter : public QObject
{
    Q_OBJECT
public:
    explicit FdWriter(int fd, qint64 limit = 1024 * 1024, QObject *parent = nullptr);
    ~FdWriter() override;

    void write(const QByteArray &data);
    qint64 pendingBytes() const { return m_queue.size(); }
    qint64 droppedBytes() const { return m_dropped; }
    /// Writes what is queued with the fd made blocking again; for the end of the program.
    void flushBlocking();

signals:
    /// The reader went away (EPIPE) or another write error happened.
    void errorOccurred(const QString &message);

private:
    void handleWritable();
    void writeSome();

    int m_fd;
    qint64 m_limit;
    QByteArray m_queue;
    qint64 m_dropped = 0;
    bool m_failed = false;
    QSocketNotifier *m_notifier = nullptr;
};
