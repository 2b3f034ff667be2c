// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

// For the benchmarks: how late a 5 ms timer fires, the event loop's worst latency.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <algorithm>

class LatencyProbe : public QObject
{
public:
    explicit LatencyProbe(QObject *parent)
        : QObject(parent)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        m_since.start();
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const double late = double(m_clock.nsecsElapsed()) / 1e6 - 5.0;
            m_worst = std::max(m_worst, late);
            // BENCH_VERBOSE: say when, to find what blocked it.
            if (late > 50 && qEnvironmentVariableIsSet("BENCH_VERBOSE"))
                qInfo("event loop blocked %.0f ms at %lld ms", late, m_since.elapsed());
            m_clock.restart();
        });
    }
    void start()
    {
        m_worst = 0;
        m_clock.start();
        m_timer.start();
    }
    /// Its 5 ms timer costs CPU: stop it before measuring idling.
    void stop() { m_timer.stop(); }
    double worstMs() const { return m_worst; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    QElapsedTimer m_since;
    double m_worst = 0;
};
