// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>

/// Acts on IOCs one after the other: the one sequencing rule of `iocctl start|stop|restart
/// --order/--delay` and of iocdock's "In Order…". For each IOC in turn the step runs (its jobs,
/// as the caller does them) and is awaited; then, before the next IOC, the delay passes on a
/// timer (nothing blocks). cancel() stops before the next IOC: a step already running is never
/// interrupted, it finishes and reports; the IOCs after it are left untouched.
class OrderedRun : public QObject
{
    Q_OBJECT
public:
    enum class Order {
        Given, ///< as listed
        Name ///< by IOC name (then host), the order `--order name` uses
    };
    /// Does one IOC's work and calls @p done once (ok: it succeeded), later or at once.
    using Step = std::function<void(const Ioc &ioc, std::function<void(bool ok)> done)>;

    /// @p iocs in @p order (a stable sort: equal names keep their order).
    static QList<Ioc> ordered(QList<Ioc> iocs, Order order);

    /// Runs @p step for each of @p iocs in that order, @p delayMs apart, once start()ed.
    OrderedRun(const QList<Ioc> &iocs, int delayMs, Step step, QObject *parent = nullptr);

    void start();
    /// No IOC after the one running (or, while waiting, none at all) is acted on; finished()
    /// follows once the running step reported.
    void cancel();

    QList<Ioc> iocs() const { return m_iocs; }
    int delayMs() const { return m_delayMs; }
    /// IOCs whose step has begun.
    int startedCount() const { return m_next; }
    int doneCount() const { return m_done; }
    int failedCount() const { return m_failed; }
    bool isRunning() const { return m_running; }
    bool isCanceled() const { return m_canceled; }
    bool isWaiting() const { return m_delay.isActive(); }

signals:
    /// The step of @p ioc (the @p index-th, from 0) begins.
    void iocStarted(int index, const Ioc &ioc);
    void iocFinished(int index, const Ioc &ioc, bool ok);
    /// The delay begins before the IOC @p nextIndex.
    void waiting(int delayMs, int nextIndex);
    /// Every IOC done, or canceled (isCanceled()) with the ones after startedCount() untouched.
    void finished();

private:
    void runNext();
    void handleStepDone(int index, bool ok);

    QList<Ioc> m_iocs;
    int m_delayMs;
    Step m_step;
    QTimer m_delay;
    int m_next = 0;
    int m_done = 0;
    int m_failed = 0;
    bool m_running = false; // started and not finished
    bool m_stepRunning = false;
    bool m_canceled = false;
};
