// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/fdwriter.h"

#include "app/iocctl/terminalguard.h"

#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

void writeAllBlocking(int fd, const QByteArray &data)
{
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n =
                ::write(fd, data.constData() + done, static_cast<size_t>(data.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += n;
    }
}

FdWriter::FdWriter(int fd, qint64 limit, QObject *parent)
    : QObject(parent)
    , m_fd(fd)
    , m_limit(limit)
{
    TerminalGuard::setNonBlocking(fd);
    m_notifier = new QSocketNotifier(fd, QSocketNotifier::Write, this);
    m_notifier->setEnabled(false);
    connect(m_notifier, &QSocketNotifier::activated, this, &FdWriter::handleWritable);
}

FdWriter::~FdWriter() = default;

void FdWriter::write(const QByteArray &data)
{
    if (m_failed || data.isEmpty())
        return;
    m_queue += data;
    if (m_queue.size() > m_limit) {
        const qint64 drop = m_queue.size() - m_limit;
        m_dropped += drop;
        m_queue.remove(0, static_cast<int>(drop));
        m_queue.prepend(QByteArrayLiteral("\r\n[iocctl: output too fast for this terminal, ")
                        + QByteArray::number(drop) + QByteArrayLiteral(" bytes dropped]\r\n"));
    }
    writeSome();
}

void FdWriter::handleWritable()
{
    writeSome();
}

void FdWriter::writeSome()
{
    while (!m_queue.isEmpty()) {
        const ssize_t n = ::write(m_fd, m_queue.constData(), static_cast<size_t>(m_queue.size()));
        if (n > 0) {
            m_queue.remove(0, static_cast<int>(n));
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            m_notifier->setEnabled(true);
            return;
        }
        m_failed = true;
        m_queue.clear();
        m_notifier->setEnabled(false);
        emit errorOccurred(QString::fromLocal8Bit(std::strerror(errno)));
        return;
    }
    m_notifier->setEnabled(false);
}

void FdWriter::flushBlocking()
{
    m_notifier->setEnabled(false);
    const int flags = ::fcntl(m_fd, F_GETFL);
    if (flags >= 0)
        ::fcntl(m_fd, F_SETFL, flags & ~O_NONBLOCK);
    while (!m_queue.isEmpty() && !m_failed) {
        const ssize_t n = ::write(m_fd, m_queue.constData(), static_cast<size_t>(m_queue.size()));
        if (n > 0)
            m_queue.remove(0, static_cast<int>(n));
        else if (!(n < 0 && errno == EINTR))
            break;
    }
    m_queue.clear();
}
