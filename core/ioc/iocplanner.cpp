// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/iocplanner.h"

#include "core/hosts/host.h"
#include "core/ioc/remotehostprobe.h"

namespace {

// Each round plans on the snapshot and probes what the plan asked for and the snapshot lacked.
constexpr int kMaxRounds = 4;

IocPlan failedPlan(const QString &error)
{
    IocPlan plan;
    plan.errors << error;
    plan.refusal = IocPlan::Refusal::BadInput;
    return plan;
}

} // namespace

IocPlanner::IocPlanner(Host *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
{
    if (isRemote())
        m_probe = new RemoteHostProbe(host, this);
}

bool IocPlanner::canWrite(const Host *host, QString *why)
{
    if (host && (host->isLocal() || host->kind() == Host::Kind::Ssh))
        return true;
    if (why)
        *why = tr("IOCs can be created, removed and renamed on this machine's managers and on "
                  "SSH hosts only.");
    return false;
}

bool IocPlanner::isRemote() const
{
    return m_host && !m_host->isLocal();
}

IocWriter IocPlanner::writer() const
{
    if (m_probe) {
        IocWriter writer(m_probe->layout(), &m_probe->view());
        writer.setIocs(m_iocs);
        return writer;
    }
    IocWriter writer(m_host && m_host->isUserManager() ? IocHostLayout::forLocalUser()
                                                       : IocHostLayout::forLocalSystem());
    writer.setIocs(m_iocs);
    return writer;
}

IocPlan IocPlanner::planNow(const Planning &planning) const
{
    if (!m_host)
        return failedPlan(tr("The host is gone."));
    if (m_probe && !m_layoutKnown)
        return failedPlan(m_layoutError.isEmpty() ? tr("Looking at %1…").arg(m_host->displayName())
                                                  : m_layoutError);
    return planning(writer());
}

void IocPlanner::plan(Planning planning, Done done)
{
    const int generation = ++m_generation;
    if (!m_host || !canWrite(m_host)) {
        QString why;
        canWrite(m_host, &why);
        finish(generation, failedPlan(m_host ? why : tr("The host is gone.")), done);
        return;
    }
    if (!m_probe) {
        finish(generation, planning(writer()), done);
        return;
    }
    if (!m_busy) {
        m_busy = true;
        emit busyChanged(true);
    }
    if (m_layoutKnown) {
        round(generation, 0, planning, done);
        return;
    }
    m_probe->probeLayout([this, generation, planning, done](const QString &error) {
        if (generation != m_generation)
            return; // a later request asks again
        if (!error.isEmpty()) {
            m_layoutError = error;
            finish(generation, failedPlan(error), done);
            return;
        }
        m_layoutKnown = true;
        round(generation, 0, planning, done);
    });
}

void IocPlanner::round(int generation, int round, Planning planning, Done done)
{
    if (!m_host) {
        finish(generation, failedPlan(tr("The host is gone.")), done);
        return;
    }
    SnapshotFileView &view = m_probe->view();
    view.clearAsked();
    const IocPlan plan = planning(writer());
    const QStringList paths = view.askedPaths();
    const QStringList accounts = view.askedAccounts();
    const QStringList contents = view.askedContents();
    if ((paths.isEmpty() && accounts.isEmpty() && contents.isEmpty()) || round >= kMaxRounds) {
        finish(generation, plan, done);
        return;
    }
    m_probe->probePaths(paths, accounts, contents,
                        [this, generation, round, planning, done](const QString &error) {
                            if (generation != m_generation)
                                return;
                            if (!error.isEmpty()) {
                                finish(generation, failedPlan(error), done);
                                return;
                            }
                            this->round(generation, round + 1, planning, done);
                        });
}

void IocPlanner::finish(int generation, const IocPlan &plan, Done done)
{
    if (generation != m_generation)
        return;
    if (m_busy) {
        m_busy = false;
        emit busyChanged(false);
    }
    done(plan);
}
