// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/fleet/orderedrun.h"

#include <QPointer>

#include <algorithm>
#include <memory>

QList<Ioc> OrderedRun::ordered(QList<Ioc> iocs, Order order)
{
    if (order == Order::Name) {
        std::stable_sort(iocs.begin(), iocs.end(), [](const Ioc &a, const Ioc &b) {
            return a.name != b.name ? a.name < b.name : a.host < b.host;
        });
    }
    return iocs;
}

OrderedRun::OrderedRun(const QList<Ioc> &iocs, int delayMs, Step step, QObject *parent)
    : QObject(parent)
    , m_iocs(iocs)
    , m_delayMs(std::max(0, delayMs))
    , m_step(std::move(step))
{
    m_delay.setSingleShot(true);
    // A coarse timer may fire up to 5 % early: the delay is a lower bound the user relies on.
    m_delay.setTimerType(Qt::PreciseTimer);
    connect(&m_delay, &QTimer::timeout, this, &OrderedRun::runNext);
}

void OrderedRun::start()
{
    if (m_running || m_next > 0)
        return;
    m_running = true;
    if (m_iocs.isEmpty()) {
        m_running = false;
        emit finished();
        return;
    }
    runNext();
}

void OrderedRun::cancel()
{
    if (!m_running || m_canceled)
        return;
    m_canceled = true;
    if (m_stepRunning)
        return; // finished() once it reported
    m_delay.stop();
    m_running = false;
    emit finished();
}

void OrderedRun::runNext()
{
    if (!m_running || m_canceled)
        return;
    const int index = m_next++;
    const Ioc ioc = m_iocs.at(index);
    m_stepRunning = true;
    emit iocStarted(index, ioc);
    // The step may call back at once or long after; a run deleted meanwhile hears nothing.
    QPointer<OrderedRun> self(this);
    auto called = std::make_shared<bool>(false);
    m_step(ioc, [self, index, called](bool ok) {
        if (!self || *called)
            return;
        *called = true;
        self->handleStepDone(index, ok);
    });
}

void OrderedRun::handleStepDone(int index, bool ok)
{
    ++m_done;
    if (!ok)
        ++m_failed;
    // Still "running" for a cancel() from this signal: it then ends the run below, once.
    emit iocFinished(index, m_iocs.at(index), ok);
    m_stepRunning = false;
    if (m_canceled || m_next >= m_iocs.size()) {
        m_running = false;
        emit finished();
        return;
    }
    if (m_delayMs > 0) {
        emit waiting(m_delayMs, m_next);
        m_delay.start(m_delayMs);
    } else {
        runNext();
    }
}
