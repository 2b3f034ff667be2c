// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/fleet/fleetevent.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>

class Host;

/// Past events of IOC units read back from a host's journal (`iocctl events --since`): the
/// journalctl command that reads them (`-o json`, through ssh for a remote host) and what its
/// entries mean. systemd's job messages: a finished start or stop job ("start", "stop") and every
/// job's result ("job", JOB_RESULT), a unit failed ("fail", UNIT_RESULT), an automatic restart
/// scheduled ("restart", N_RESTARTS); procServ's own lines
/// where they reach the journal (procServ -L -): the child's exit ("child-exit") and its new PID
/// ("child-restart"). Pure: no I/O but the commands it names.
class JournalEvents
{
public:
    /// journalctl on @p host for @p units between @p since and @p until (invalid: no end;
    /// both to the millisecond), one JSON object per line.
    static QStringList command(const Host &host, const QStringList &units, const QDateTime &since,
                               const QDateTime &until);
    /// A command whose stderr says whether @p host keeps a journal at all: journalctl prints
    /// nothing for a query when there are no journal files, but its --header says so.
    static QStringList probeCommand(const Host &host);
    /// True when @p stderrText is journalctl's "No journal files were found."
    static bool saysNoJournal(const QByteArray &stderrText);

    /// The events of one journal entry (JSON as journalctl -o json prints it), of the host
    /// @p hostId; @p names gives the IOC name of a unit (the unit itself when missing).
    static QList<FleetEvent> fromEntry(const QJsonObject &entry, const QString &hostId,
                                       const QHash<QString, QString> &names);
    /// The events of every line of @p output, oldest first.
    static QList<FleetEvent> parse(const QByteArray &output, const QString &hostId,
                                   const QHash<QString, QString> &names);
    /// A field's value as text: journalctl prints a field with non-UTF-8 bytes as an array of
    /// numbers and a field given twice as an array of values (the first is taken).
    static QString field(const QJsonObject &entry, const QString &name);
};
