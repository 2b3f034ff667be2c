// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/childprober.h"

#include "core/hosts/host.h"
#include "core/procserv/bannerprobe.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcChildProber, "iocdock.inventory", QtInfoMsg)

namespace {

constexpr int maxRetries = 5;

// procServ starts (or restarts) its child only on an idle pass of its event loop, so a
// client connecting every few hundred milliseconds would keep the IOC from starting at all.
int retryDelayMs(int attempt)
{
    return 1000 * attempt;
}

} // namespace

ChildProber::ChildProber(const Host *host, std::function<const Ioc *(const QString &key)> rowOf,
                         QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_rowOf(std::move(rowOf))
{}

void ChildProber::probe(const QString &key, bool first)
{
    const Ioc *ioc = m_rowOf(key);
    if (!ioc)
        return;
    const ConsoleEndpoint endpoint = ioc->logPort.isValid() ? ioc->logPort : ioc->console;
    if (!endpoint.isValid())
        return;
    auto *probe = new BannerProbe(this);
    // The caller waits for the first probe of each IOC, not for the retries.
    const bool counted = first && !m_attempts.contains(key);
    if (counted)
        ++m_waiting;
    connect(probe, &BannerProbe::finished, this,
            [this, key, probe, counted](const ProcServStateTracker &state, const QString &error) {
                probe->deleteLater();
                if (counted)
                    --m_waiting;
                const Ioc *row = m_rowOf(key);
                if (row && !error.isEmpty() && row->isActive()) {
                    // procServ may not listen yet right after its unit became active.
                    const int attempt = m_attempts.value(key) + 1;
                    m_attempts.insert(key, attempt);
                    if (attempt <= maxRetries) {
                        qCDebug(lcChildProber) << "probe of" << key << "failed, retrying:" << error;
                        retryLater(key, attempt);
                    }
                } else if (row && error.isEmpty()) {
                    qCDebug(lcChildProber)
                            << "probe of" << key << childStateName(state.childState())
                            << state.childPid();
                    const bool justStarted = row->activeSince.isValid()
                            && row->activeSince.msecsTo(QDateTime::currentDateTimeUtc()) < 10000;
                    const int attempt = m_attempts.value(key) + 1;
                    if (state.childState() == ChildState::ShutDown && justStarted
                        && attempt <= maxRetries) {
                        m_attempts.insert(key, attempt);
                        retryLater(key, attempt);
                        emit answered();
                        return;
                    }
                    m_attempts.remove(key);
                    emit probed(key, state);
                }
                emit answered();
            });
    probe->probe(m_host->consoleRoute(endpoint));
}

void ChildProber::retryLater(const QString &key, int attempt)
{
    QTimer::singleShot(retryDelayMs(attempt), this, [this, key] {
        const Ioc *row = m_rowOf(key);
        if (row && row->isActive())
            probe(key);
    });
}
