// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/procchild.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <functional>
#include <optional>

class Host;

/// Reads what ProcChild judges — the children of each procServ, their /proc/PID/stat, the
/// host's boot time and clock ticks — for many procServs of an SSH host with ONE command
/// through the host's connection master (`ssh HOST sh -c SCRIPT`, as file reads go), instead
/// of one console banner probe (a forward of its own) per IOC. The same command reads the
/// lines of procServ's -L log files that ChildTracker::readLog() judges (restarts, exits,
/// readiness) and the host's offset from UTC (procServ logs its host's local time). Only
/// reads; nothing is written on the host, and nothing is run there but the shell's builtins,
/// getconf, date, find, tail and grep.
class RemoteChildReader : public QObject
{
    Q_OBJECT
public:
    using Result = QHash<quint32, ProcChild::Files>; ///< by procServ PID
    /// What was read of the log files asked for.
    struct Logs
    {
        /// By path, for each log that could be read: its lines written by procServ ("@@@ ")
        /// and the IOC's "initialization complete" lines, from its last
        /// ChildTracker::maxLogBytes, each ending in '\n'. A log missing here is unknown.
        QHash<QString, QByteArray> lines;
        QSet<QString> cut; ///< of those, the logs longer than that: only their end was read
        std::optional<int> utcOffset; ///< the host's offset from UTC now, in seconds
    };

    explicit RemoteChildReader(const Host *host, QObject *parent = nullptr);

    /// Bound for one command (default 15 s).
    void setTimeout(int msecs) { m_timeout = msecs; }
    /// Reads the files of every procServ in @p pids and the procServ lines of each log in
    /// @p logFiles (absolute paths without a newline; others are not read) with one command;
    /// @p done follows exactly once (in this object's thread, not after it is gone) with the
    /// files by PID and the logs, or with a translated @p error when the command failed or
    /// its output was cut: nothing is known then.
    void
    read(const QList<quint32> &pids, const QStringList &logFiles,
         std::function<void(const Result &files, const Logs &logs, const QString &error)> done);

    /// The sh script for @p pids and @p logFiles. Its output, one line per fact (values are
    /// single lines): "B btime", "H CLK_TCK", then per PID "@ PID", "c COMM", "s STAT",
    /// "k CHILDREN" and "C STAT" of the first child, each only when it could be read; "Z"
    /// and the host's `date +%z`; per readable log "R PATH" (read whole) or "Y PATH" (longer
    /// than ChildTracker::maxLogBytes: its end read), the matching lines as grep -H -Z gives
    /// them ("PATH\0LINE") and "G STATUS" (grep's) after each grep; "." at its end.
    static QString script(const QList<quint32> &pids, const QStringList &logFiles = {});
    /// Splits what script() printed. False when it is cut (no end line) or out of step.
    static bool parse(const QByteArray &output, Result *files, Logs *logs = nullptr);
    /// Whether @p path can be asked for: absolute, no newline.
    static bool isReadableLogPath(const QString &path);

private:
    const Host *m_host;
    int m_timeout = 15000;
};
