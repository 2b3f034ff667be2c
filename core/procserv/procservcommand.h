// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/procserv/procservtypes.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

/// A procServ (or procServUtils' procServ-launcher) command line taken apart the way
/// procServ's own getopt_long("+c:de:fhi:I:k:l:L:n:op:P:qVwx:") would, so the console
/// endpoints and the other facts an IOC row shows can be read from a unit's ExecStart.
/// Expand variables and specifiers first (core/systemd/execcommand.h).
struct ProcServCommand
{
    bool isProcServ = false; // argv[0] basename is procServ or procServ-launcher
    bool isLauncher = false; // procServ-launcher (procServUtils): endpoints come from its config
    QString program; // argv[0]
    QList<ConsoleEndpoint> controlEndpoints; // every -P/--port and the legacy positional port
    ConsoleEndpoint logEndpoint; // -l/--logport
    QString logFile, name, chdir, infoFile, pidFile, ignoreChars, logoutChar;
    QString killChar = QStringLiteral("^X"); // -k/--killcmd ("" = disabled)
    QString toggleChar = QStringLiteral("^T"); // --autorestartcmd ("" = disabled)
    bool noAutoRestart = false, waitForStart = false, foreground = false, quiet = false;
    int holdoff = -1;
    QStringList childCommand; // the IOC command line after the options/port
    QString error; // user-readable reason when argv is malformed; empty if fine

    // Additions beyond the coordinator's contract.
    QStringList controlSpecs; // every control endpoint spec exactly as written
    QString logSpec; // -l spec as written
    /// A TCP endpoint with port 0 was asked for: procServ picked a free port, which only the
    /// info file (-I) tells. Such an endpoint is not in controlEndpoints/logEndpoint.
    bool randomPort = false;
    bool oneShot = false; // -o/--oneshot (procServ 2.8)
    bool allow = false; // --allow (not supported by Debian's build: control stays local)
    bool restrictLog = false; // --restrict
    QString childExec; // -e/--exec
    QString timeFormat; // --timefmt
    QString launcherName; // procServ-launcher: the instance name
    bool launcherUser = false; // procServ-launcher --user (its default when not root)

    static ProcServCommand parse(const QStringList &argv);

    /// The IOC name a command line gives: procServ's -n/--name (the last one wins, and
    /// getopt_long's unambiguous prefixes such as "--na" count), or procServ-launcher's NAME;
    /// empty when none. A command line that would be refused still gives the name it holds:
    /// unknown options are read as options without an argument (and the launcher's first NAME
    /// is taken), so a unit that cannot start still shows its name.
    static QString nameOf(const QStringList &argv);

    /// The name procServ shows for the child: -n, else the command as written (argv[0]).
    QString childName() const { return !name.isEmpty() ? name : childCommand.value(0); }

    /// procServ's getOptionChar(): "^X" → 0x18, "^^" → '^', otherwise the first character;
    /// -1 when @p spec is empty (the command is disabled).
    static int commandByte(const QString &spec);
    /// The bytes that `-i` removes from input before they reach the child, decoded the way
    /// procServ does ("^D^C^]" → 04 03 1d).
    static QByteArray decodeIgnoreChars(const QString &spec);

    /// Parses one endpoint spec as procServ's acceptFactory() does. @p control: a -P spec
    /// (TCP always bound to 127.0.0.1 unless @p allow). Sets @p error when unparsable;
    /// @p randomPort when the spec asks for port 0.
    static ConsoleEndpoint parseEndpoint(const QString &spec, bool control, bool allow,
                                         QString *error, bool *randomPort = nullptr);

private:
    /// @p lenient: an unknown option, or an argument given to an option that takes none, is
    /// noted in error and skipped instead of ending the parse; the launcher takes its first
    /// NAME (nameOf()).
    static ProcServCommand parse(const QStringList &argv, bool lenient);

    Q_DECLARE_TR_FUNCTIONS(ProcServCommand) // last: the macro ends with "private:"
};
