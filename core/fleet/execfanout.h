// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/fleet/execlinejob.h"
#include "core/ioc/ioc.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class Fleet;

/// One iocsh line run on many IOCs, each through its own ExecLineJob (its procServ console),
/// at most parallel() at a time, in the order given. One IOC failing does not stop the others.
/// The one implementation of the fan-out: `iocctl exec NAME... -- LINE` prints from it and
/// iocdock's "Run command…" shows it in a tab. Nothing blocks; the runtime of each IOC is
/// looked up in the fleet when the fan-out is made (a runtime gone since then counts as no
/// console: nothing is sent). start() makes every console reachable ahead
/// (IocRuntime::reserveConsole(): one SSH forward command per host, not one per IOC), each
/// held until its job is done.
class ExecFanOut : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultParallel = 8;

    /// @p line has no control characters (ExecLineJob::findControlCharacter(); the caller
    /// checked). @p parallel < 1 counts as 1.
    ExecFanOut(Fleet *fleet, const QList<Ioc> &iocs, const QString &line, const QString &prompt,
               int timeoutSeconds, int parallel = DefaultParallel, QObject *parent = nullptr);

    /// Starts the first parallel() jobs; the others as those finish. Emits finished() (from
    /// the event loop) at once when there are no IOCs.
    void start();

    QString line() const { return m_line; }
    int parallel() const { return m_parallel; }
    /// One job per IOC, in the order given.
    const QList<ExecLineJob *> &jobs() const { return m_jobs; }
    int count() const { return static_cast<int>(m_jobs.size()); }
    int doneCount() const { return m_done; }
    /// Jobs done with ExecLineJob::Status::Ok.
    int succeededCount() const { return m_succeeded; }
    bool isFinished() const { return m_done == count(); }

signals:
    /// The job at @p index opened its console (or began its check).
    void jobStarted(int index);
    /// The job at @p index is done: its status, reply and message are final.
    void jobFinished(int index);
    /// Every job is done.
    void finished();

private:
    void startNext();
    void handleJobFinished(int index);

    QString m_line;
    int m_parallel = DefaultParallel;
    QList<ExecLineJob *> m_jobs;
    QList<QPointer<IocRuntime>> m_runtimes; // each job's, looked up when the fan-out was made
    QList<std::shared_ptr<void>> m_reserved; // each job's console, made reachable ahead
    int m_started = 0;
    int m_running = 0;
    int m_done = 0;
    int m_succeeded = 0;
};
