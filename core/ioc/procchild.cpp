// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/procchild.h"

#include "core/procserv/procservcommand.h"

#include <QFile>

namespace {

// The PID a /proc/PID/stat text begins with; 0 when there is none.
quint32 statPid(const QByteArray &stat)
{
    bool ok = false;
    const quint32 pid = stat.left(stat.indexOf(' ')).toUInt(&ok);
    return ok ? pid : 0;
}

} // namespace

ProcChild::Files ProcChild::readLocal(quint32 mainPid)
{
    Files files;
    files.pid = mainPid;
    if (mainPid == 0)
        return files;
    const QString pid = QString::number(mainPid);
    QFile comm(QLatin1String("/proc/") + pid + QLatin1String("/comm"));
    if (comm.open(QIODevice::ReadOnly))
        files.comm = comm.readAll();
    QFile children(QLatin1String("/proc/") + pid + QLatin1String("/task/") + pid
                   + QLatin1String("/children"));
    if (children.open(QIODevice::ReadOnly)) {
        files.childrenRead = true;
        files.children = children.readAll();
    }
    return files;
}

bool ProcChild::judge(const Files &files, Ioc &ioc, const QDateTime &nowUtc)
{
    // The IOC is procServ's child process, named by /proc/PID/task/PID/children (Linux 3.5+):
    // no console connection needed. Not when MainPID is a wrapper that forked procServ, nor
    // when /proc does not tell (another user's process hidden).
    if (ioc.mainPid == 0 || files.pid != ioc.mainPid)
        return false;
    if (files.comm.trimmed() != "procServ" || !files.childrenRead)
        return false;
    const QList<QByteArray> pids = files.children.simplified().split(' ');
    bool ok = false;
    const quint32 child = pids.value(0).toUInt(&ok);
    // procServ listens before it forks its child: right after a start, let the banner
    // probe (which looks again) decide.
    const bool justStarted = ioc.activeSince.isValid() && ioc.activeSince.msecsTo(nowUtc) < 10000;
    if (!ok && justStarted)
        return false;
    ioc.childState = ok ? ChildState::Running : ChildState::ShutDown;
    ioc.childPid = ok ? child : 0;
    return true;
}

void ProcChild::applyTimes(const Files &files, Ioc &ioc)
{
    if (ioc.childPid == 0 || ioc.mainPid != files.pid || files.childPid != ioc.childPid
        || statPid(files.childStat) != files.childPid)
        return;
    const qint64 child = startTicks(files.childStat);
    const QDateTime since = startTime(child, files.bootTime, files.clockTicks);
    if (since.isValid())
        ioc.childSince = since;
    if (statPid(files.stat) == files.pid
        && isFirstChild(startTicks(files.stat), child, files.clockTicks, holdoffSecs(ioc)))
        ioc.childRestarts = 0;
}

qint64 ProcChild::startTicks(const QByteArray &stat)
{
    // The command name (field 2) may hold spaces and parentheses: count after the last ')'.
    // Field 22 is the 20th after it (field 3, the state, is the first). Scanned in place: a
    // listing reads this for every running IOC of every host.
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0)
        return -1;
    qsizetype at = close + 1;
    for (int field = 3; field < 22; ++field) {
        at = stat.indexOf(' ', at + 1);
        if (at < 0)
            return -1;
    }
    qsizetype end = at + 1;
    while (end < stat.size() && stat.at(end) != ' ' && stat.at(end) != '\n')
        ++end;
    bool ok = false;
    const qint64 ticks = stat.mid(at + 1, end - at - 1).toLongLong(&ok);
    return ok && ticks >= 0 ? ticks : -1;
}

qint64 ProcChild::bootTime(const QByteArray &procStat)
{
    const QList<QByteArray> lines = procStat.split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("btime ")) {
            bool ok = false;
            const qint64 secs = line.mid(6).trimmed().toLongLong(&ok);
            return ok && secs > 0 ? secs : -1;
        }
    }
    return -1;
}

QDateTime ProcChild::startTime(qint64 ticks, qint64 bootTime, long clockTicks)
{
    if (ticks < 0 || bootTime < 0 || clockTicks <= 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(bootTime * 1000 + ticks * 1000 / clockTicks);
}

bool ProcChild::isFirstChild(qint64 serverTicks, qint64 childTicks, long clockTicks, int holdoff)
{
    return serverTicks >= 0 && childTicks >= 0 && clockTicks > 0
            && (childTicks - serverTicks) * 1000 / clockTicks < (holdoff - 1) * 1000LL;
}

int ProcChild::holdoffSecs(const Ioc &ioc)
{
    const ProcServCommand command = ProcServCommand::parse(ioc.execStart);
    if (!command.isProcServ)
        return 0;
    return command.holdoff >= 0 ? command.holdoff : 15;
}
