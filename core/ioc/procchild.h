// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"

#include <QByteArray>
#include <QDateTime>

/// What a host's /proc says of procServ's child (the IOC process), with no console
/// connection: the rules, in one place, whoever read the files — this machine
/// (ChildTracker::readChildFromProc()) or an SSH host (RemoteChildReader, one command for all
/// its procServs). Pure functions of the files' contents.
class ProcChild
{
public:
    /// The files of one procServ (MainPID) as read at one moment.
    struct Files
    {
        quint32 pid = 0; ///< the MainPID they were read for
        QByteArray comm; ///< /proc/PID/comm; empty when it could not be read
        QByteArray stat; ///< /proc/PID/stat; empty when it could not be read
        bool childrenRead = false; ///< /proc/PID/task/PID/children could be read
        QByteArray children; ///< its contents: the child PIDs, space-separated
        quint32 childPid = 0; ///< the first PID in children: the one childStat is of
        QByteArray childStat; ///< /proc/CHILD/stat; empty when it could not be read
        qint64 bootTime = -1; ///< btime of /proc/stat, seconds since the epoch; -1 unknown
        long clockTicks = -1; ///< the host's clock ticks per second (CLK_TCK); -1 unknown
    };

    /// Reads on this machine what judge() needs of @p mainPid (comm and children; the
    /// local start times are read by ChildTracker::readOnce()).
    static Files readLocal(quint32 mainPid);

    /// The child state and PID of the running IOC @p ioc from @p files: procServ's first
    /// child (MainPID must be procServ itself, not a wrapper that forked it). False, leaving
    /// @p ioc as it is, when the files do not tell, or right after a start (procServ listens
    /// before it forks its child, within 10 s of @p nowUtc: a banner probe, which looks again,
    /// decides).
    static bool judge(const Files &files, Ioc &ioc, const QDateTime &nowUtc);
    /// The start time of the child judge() found, and 0 restarts when it is procServ's first
    /// child (it started within procServ's --holdoff of procServ itself). Leaves @p ioc as it
    /// is when the files do not tell.
    static void applyTimes(const Files &files, Ioc &ioc);

    /// Field 22 of a /proc/PID/stat text: the start in clock ticks since boot; -1 unknown.
    static qint64 startTicks(const QByteArray &stat);
    /// The btime line of a /proc/stat text; -1 when there is none.
    static qint64 bootTime(const QByteArray &procStat);
    /// A start in clock ticks since boot as a time; invalid when a figure is unknown.
    static QDateTime startTime(qint64 ticks, qint64 bootTime, long clockTicks);
    /// A child that started (in clock ticks since boot, @p clockTicks a second) less than
    /// @p holdoff - 1 s after its procServ is procServ's first: procServ waits --holdoff seconds
    /// (whole seconds, checked with time()) before it starts another, however loaded the host.
    static bool isFirstChild(qint64 serverTicks, qint64 childTicks, long clockTicks, int holdoff);
    /// procServ's --holdoff of @p ioc's ExecStart (its default 15); 0 when it runs no procServ.
    static int holdoffSecs(const Ioc &ioc);
};
