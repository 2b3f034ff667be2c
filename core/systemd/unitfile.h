// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

/// What a service unit file and its drop-ins say about how the service runs, read the way
/// systemd's unit file parser reads them — text only, nothing is executed. Used for unit
/// files systemd has not loaded (their properties are not on the bus).
struct UnitFile
{
    /// One text to parse: the unit file itself or one drop-in, in the order systemd applies
    /// them (the fragment first, then the drop-ins sorted by file name).
    struct Part
    {
        QString path;
        QByteArray text;
    };

    QString description; // [Unit] Description=
    bool hasExecStart = false; // [Service] has an ExecStart= command after resets
    QString execPath; // the program of the first ExecStart= command (prefixes stripped)
    QStringList execArgv; // its argv, argv[0] included; %-specifiers NOT expanded yet
    QString execPrefix; // the prefix characters ("-", "@", ":", "+", "!", "!!") as written
    QStringList environment; // [Service] Environment= assignments, KEY=VALUE each, in order
    QStringList environmentFiles; // [Service] EnvironmentFile= paths ("-" prefix kept)
    bool hasInstall = false; // an [Install] section with WantedBy/RequiredBy/Alias/Also/...
    QStringList files; // the parts that were read, in order
    /// Problems systemd would refuse the unit for ("file:line: ..." lines), as far as a parser
    /// can tell; systemd's own LoadState/LoadError is the final word.
    QString error;

    /// Parses the fragment and its drop-ins.
    static UnitFile parse(const QList<Part> &parts);

    /// The drop-in folder names of a unit, most specific last: "foo@.service.d" and
    /// "foo@bar.service.d" for an instance, "NAME.service.d" otherwise (and the "-"
    /// prefix folders systemd 252 also reads, e.g. "foo-.service.d" for "foo-bar.service").
    static QStringList dropInDirNames(const QString &unitName);
    /// The unit search path systemd 252 uses for the local system or user manager (without
    /// generator output), in priority order.
    static QStringList searchPath(bool userManager);
    /// The same for another machine, with "$HOME", "${XDG_CONFIG_HOME:-$HOME/.config}" and
    /// the like left for its shell to expand.
    static QStringList remoteSearchPath(bool userManager);

    Q_DECLARE_TR_FUNCTIONS(UnitFile) // last: the macro ends with "private:"
};
