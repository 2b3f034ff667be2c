// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/procchild.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <functional>

class Host;

/// Reads what ProcChild judges — the children of each procServ, their /proc/PID/stat, the
/// host's boot time and clock ticks — for many procServs of an SSH host with ONE command
/// through the host's connection master (`ssh HOST sh -c SCRIPT`, as file reads go), instead
/// of one console banner probe (a forward of its own) per IOC. Only reads /proc; nothing is
/// written or executed on the host but the shell's builtins and getconf.
class RemoteChildReader : public QObject
{
    Q_OBJECT
public:
    using Result = QHash<quint32, ProcChild::Files>; ///< by procServ PID

    explicit RemoteChildReader(const Host *host, QObject *parent = nullptr);

    /// Bound for one command (default 15 s).
    void setTimeout(int msecs) { m_timeout = msecs; }
    /// Reads the files of every procServ in @p pids with one command; @p done follows exactly
    /// once (in this object's thread, not after it is gone) with the files by PID, or with a
    /// translated @p error when the command failed or its output was cut: nothing is known
    /// then.
    void read(const QList<quint32> &pids,
              std::function<void(const Result &files, const QString &error)> done);

    /// The sh script for @p pids. Its output, one line per fact (values are single lines):
    /// "B btime", "H CLK_TCK", then per PID "@ PID", "c COMM", "s STAT", "k CHILDREN" and
    /// "C STAT" of the first child, each only when it could be read; "." at its end.
    static QString script(const QList<quint32> &pids);
    /// Splits what script() printed. False when it is cut (no end line) or out of step.
    static bool parse(const QByteArray &output, Result *files);

private:
    const Host *m_host;
    int m_timeout = 15000;
};
