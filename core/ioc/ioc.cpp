// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/ioc.h"

qint64 Ioc::restarts() const
{
    if (isContainer()) {
        // The engine's restarts by its restart policy; systemd's restarts of the unit each
        // ran a new container.
        if (unit.isEmpty() || containerRestarts < 0)
            return containerRestarts;
        return qint64(nRestarts) + containerRestarts;
    }
    const bool up = isUp() || activeState == QLatin1String("deactivating");
    if (!up)
        return nRestarts;
    if (childRestarts < 0)
        return -1;
    return qint64(nRestarts) + childRestarts;
}

qint64 Ioc::restartsAtLeast() const
{
    const qint64 n = restarts();
    return n >= 0 ? n : qint64(nRestarts) + childRestartsSeen;
}

ChildExit Ioc::mainExit() const
{
    ChildExit exit;
    // CLD_EXITED 1, CLD_KILLED 2, CLD_DUMPED 3 (waitid()'s si_code).
    if (execMainCode == 1)
        exit.code = execMainStatus;
    else if ((execMainCode == 2 || execMainCode == 3) && execMainStatus > 0)
        exit.signal = execMainStatus;
    if (exit.isValid())
        exit.at = inactiveSince;
    return exit;
}

bool Ioc::isNeverStarted() const
{
    return !isContainer() && isLoaded() && activeState == QLatin1String("inactive")
            && !activeSince.isValid() && !inactiveSince.isValid() && execMainCode == 0;
}

bool Ioc::keepLastRun(const Ioc &before)
{
    const auto knowsNoRun = [](const Ioc &ioc) {
        return !ioc.activeSince.isValid() && !ioc.inactiveSince.isValid() && ioc.execMainCode == 0;
    };
    if (activeState != QLatin1String("inactive") || !knowsNoRun(*this) || knowsNoRun(before))
        return false;
    activeSince = before.activeSince;
    inactiveSince = before.inactiveSince;
    execMainCode = before.execMainCode;
    execMainStatus = before.execMainStatus;
    result = before.result;
    nRestarts = before.nRestarts;
    return true;
}

QString Ioc::status() const
{
    if (hostLost)
        return QStringLiteral("unknown");
    if (isContainer()) {
        const bool up = containerState == QLatin1String("running")
                || containerState == QLatin1String("restarting");
        if (up && isCrashLooping())
            return QStringLiteral("crashloop");
        if (containerState == QLatin1String("running")) {
            // procServ in the container keeps it running while its IOC is shut down.
            if (childState == ChildState::ShutDown)
                return QStringLiteral("shutdown");
            return health == QLatin1String("starting") ? QStringLiteral("starting")
                                                       : QStringLiteral("running");
        }
        if (containerState == QLatin1String("removing"))
            return QStringLiteral("stopping");
        if (containerState == QLatin1String("dead"))
            return QStringLiteral("failed");
        if (containerState == QLatin1String("created") || containerState == QLatin1String("paused")
            || containerState == QLatin1String("restarting")
            || containerState == QLatin1String("exited"))
            return containerState;
        return QStringLiteral("unknown");
    }
    if (!isLoaded() && activeState.isEmpty())
        return QStringLiteral("exited");
    if (activeState == QLatin1String("failed"))
        return QStringLiteral("failed");
    if (activeState == QLatin1String("activating")) {
        if (subState == QLatin1String("auto-restart"))
            return QStringLiteral("crashloop");
        return QStringLiteral("starting");
    }
    if (activeState == QLatin1String("deactivating"))
        return QStringLiteral("stopping");
    if (activeState == QLatin1String("active") || activeState == QLatin1String("reloading")) {
        if (isCrashLooping())
            return QStringLiteral("crashloop");
        if (childState == ChildState::ShutDown)
            return QStringLiteral("shutdown");
        if (readiness == Readiness::Starting)
            return QStringLiteral("starting");
        return QStringLiteral("running");
    }
    return QStringLiteral("exited");
}

QDateTime crashLoopEnd(const QList<QDateTime> &times)
{
    if (times.size() < Ioc::crashLoopRestarts)
        return {};
    return times.at(times.size() - Ioc::crashLoopRestarts).addSecs(Ioc::crashLoopWindowSecs + 1);
}

bool isCrashLoop(const QList<QDateTime> &times, const QDateTime &now)
{
    int n = 0;
    for (const QDateTime &t : times) {
        if (t.isValid() && t.secsTo(now) <= Ioc::crashLoopWindowSecs)
            ++n;
    }
    return n >= Ioc::crashLoopRestarts;
}
