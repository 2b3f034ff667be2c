// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/fleet/execfanout.h"

#include "core/fleet/fleet.h"
#include "core/ioc/iocruntime.h"

#include <QTimer>

#include <algorithm>

ExecFanOut::ExecFanOut(Fleet *fleet, const QList<Ioc> &iocs, const QString &line,
                       const QString &prompt, int timeoutSeconds, int parallel, QObject *parent)
    : QObject(parent)
    , m_line(line)
    , m_parallel(std::max(1, parallel))
{
    for (const Ioc &ioc : iocs) {
        IocRuntime *runtime = fleet ? fleet->runtimeFor(ioc) : nullptr;
        auto *job = new ExecLineJob(ioc, runtime, line, prompt, timeoutSeconds, this);
        m_runtimes << runtime;
        const int index = static_cast<int>(m_jobs.size());
        connect(job, &ExecLineJob::finished, this, [this, index] { handleJobFinished(index); });
        m_jobs << job;
    }
}

void ExecFanOut::start()
{
    if (m_jobs.isEmpty()) {
        QTimer::singleShot(0, this, &ExecFanOut::finished);
        return;
    }
    QString why;
    for (int i = 0; i < m_jobs.size(); ++i) {
        const ExecLineJob *job = m_jobs.at(i);
        IocRuntime *runtime = m_runtimes.at(i).data();
        const bool reachable = runtime
                && ExecLineJob::checkConsole(job->ioc(), runtime, &why) == ExecLineJob::Status::Ok;
        m_reserved << (reachable ? runtime->reserveConsole(job->ioc()) : nullptr);
    }
    startNext();
}

void ExecFanOut::startNext()
{
    while (m_running < m_parallel && m_started < m_jobs.size()) {
        ++m_running;
        const int index = m_started++;
        emit jobStarted(index);
        m_jobs.at(index)->start();
    }
}

void ExecFanOut::handleJobFinished(int index)
{
    --m_running;
    ++m_done;
    m_reserved[index].reset(); // its forward goes with the job's own hold
    if (m_jobs.at(index)->status() == ExecLineJob::Status::Ok)
        ++m_succeeded;
    emit jobFinished(index);
    if (isFinished()) {
        emit finished();
        return;
    }
    startNext();
}
