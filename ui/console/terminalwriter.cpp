// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/console/terminalwriter.h"

#include <QLoggingCategory>
#include <QSocketNotifier>

#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcTerminalWriter, "iocdock.ui.console.writer", QtInfoMsg)

namespace {
// One write() per chunk is capped so a single notifier activation stays short.
constexpr qsizetype MaxWrite = 64 * 1024;
constexpr qint64 MinLimit = 4 * 1024;
} // namespace

TerminalWriter::TerminalWriter(int fd, QObject *parent)
    : QObject(parent)
    , m_fd(fd)
{
    if (m_fd < 0) {
        qCWarning(lcTerminalWriter) << "no pty to write to";
        return;
    }
    const int flags = ::fcntl(m_fd, F_GETFL);
    if (flags < 0 || ::fcntl(m_fd, F_SETFL, flags | O_NONBLOCK) < 0) {
        qCWarning(lcTerminalWriter) << "cannot make the pty non-blocking:" << strerror(errno);
        m_fd = -1; // writing to a blocking pty from the GUI thread can hang it for good
        return;
    }
    termios tio{};
    if (::tcgetattr(m_fd, &tio) == 0) {
        tio.c_oflag &= ~tcflag_t(OPOST);
        if (::tcsetattr(m_fd, TCSANOW, &tio) != 0)
            qCWarning(lcTerminalWriter) << "cannot clear OPOST:" << strerror(errno);
    } else {
        qCWarning(lcTerminalWriter) << "cannot read the pty attributes:" << strerror(errno);
    }
    m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
    m_notifier->setEnabled(false);
    connect(m_notifier, &QSocketNotifier::activated, this, &TerminalWriter::handleWritable);
}

TerminalWriter::~TerminalWriter() = default;

QByteArray TerminalWriter::dropMarker(qint64 bytes)
{
    return "\r\n\x1b[7m"
            + tr("[iocdock: %n byte(s) of output dropped — terminal could not keep up]", nullptr,
                 int(qMin<qint64>(bytes, INT_MAX)))
                      .toUtf8()
            + "\x1b[0m\r\n";
}

void TerminalWriter::setLimit(qint64 bytes)
{
    m_limit = qMax(bytes, MinLimit);
    enforceLimit();
}

void TerminalWriter::write(const QByteArray &bytes)
{
    if (m_fd < 0 || bytes.isEmpty())
        return;
    m_chunks.push_back(bytes);
    m_queued += bytes.size();
    enforceLimit();
    if (!m_notifier->isEnabled())
        flush();
}

void TerminalWriter::enforceLimit()
{
    if (m_queued <= m_limit)
        return;
    qint64 excess = m_queued - m_limit;
    qint64 lost = 0;
    while (excess > 0 && !m_chunks.empty()) {
        QByteArray &head = m_chunks.front();
        const qint64 left = head.size() - m_headOffset;
        if (left <= excess) {
            excess -= left;
            lost += left;
            m_chunks.pop_front();
            m_headOffset = 0;
            continue;
        }
        // Cut inside this chunk, and on to the end of that line so the next line shown is whole.
        qsizetype cut = m_headOffset + qsizetype(excess);
        const qsizetype nl = head.indexOf('\n', cut);
        if (nl >= 0 && nl + 1 < head.size())
            cut = nl + 1;
        lost += cut - m_headOffset;
        head.remove(0, cut);
        m_headOffset = 0;
        excess = 0;
    }
    m_queued -= lost;
    m_droppedTotal += lost;
    m_droppedPending += lost;
    emit dropped(lost);
}

void TerminalWriter::handleWritable()
{
    flush();
}

void TerminalWriter::flush()
{
    while (m_fd >= 0) {
        if (m_headOffset == 0 && m_droppedPending > 0) {
            // At a chunk boundary: announce what was lost before what follows it.
            const QByteArray marker = dropMarker(m_droppedPending);
            m_droppedPending = 0;
            m_chunks.push_front(marker);
            m_queued += marker.size();
        }
        if (m_chunks.empty())
            break;
        const QByteArray &head = m_chunks.front();
        const qsizetype size = qMin(head.size() - m_headOffset, MaxWrite);
        const ssize_t n = ::write(m_fd, head.constData() + m_headOffset, size_t(size));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                m_notifier->setEnabled(true);
                return;
            }
            qCWarning(lcTerminalWriter) << "writing to the terminal failed:" << strerror(errno);
            m_chunks.clear();
            m_queued = 0;
            m_headOffset = 0;
            m_notifier->setEnabled(false);
            m_fd = -1;
            return;
        }
        m_queued -= n;
        m_headOffset += n;
        if (m_headOffset == head.size()) {
            m_chunks.pop_front();
            m_headOffset = 0;
        }
    }
    if (m_notifier)
        m_notifier->setEnabled(false);
}
