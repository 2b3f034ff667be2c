// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

/// What Conventions::classify() concluded about one unit.
struct ConventionMatch
{
    QString convention; // "procservutils", "manage-iocs", "frib", "ioc-runner", "e3", "generic"; "" = none
    QString iocName; // NAME as the convention spells it
    bool isIoc = false; // false for template units ("ioc@.service") and non-procServ units
};

/// One site convention as data: a row of Conventions::table(). Discovery, the config reader
/// and the console defaults walk the rows; a new convention is a new row (plus a reader when
/// its config file has a syntax not read yet).
struct Convention
{
    /// How the IOC's name follows from its unit.
    enum class NameFrom {
        UnitName, ///< the unit name after unitPrefix ("procserv-NAME", "ioc@NAME")
        ProcServCommand, ///< procServ's -n (procServ-launcher's NAME), else the unit name
    };
    /// Where the convention keeps an IOC's config file, and its syntax.
    enum class ConfigFile {
        None, ///< no per-IOC file: the unit says it all
        ProcServIni, ///< section [NAME] of procServ.conf / procServ.d/*.conf (Python INI)
        ProcServDirEnvironment, ///< procServ.d/NAME.conf, an EnvironmentFile= of the unit
        IocDirShell, ///< BASE/NAME/config under the IOC search path, shell KEY=VALUE
        IocDirEnvironment, ///< BASE/NAME/config under the FRIB config dirs, an EnvironmentFile=
    };

    const char *id; ///< "procservutils", ...; what Ioc::convention and filters use
    const char *displayName; ///< the site's or tool's own name, untranslated
    /// Unit names "PREFIX" NAME ".service"; empty: any unit running procServ (found by its
    /// ExecStart, not by name).
    const char *unitPrefix;
    /// Its unit pattern is listed (defaultUnitPatterns()) and names classify() by prefix.
    /// False for a convention that shares an earlier row's prefix: a unit of that prefix is
    /// this convention's when its ExecStart names this row's default socket or its
    /// EnvironmentFile= is this row's config file under systemConfigDir.
    bool ownsUnitPrefix;
    /// A program of the convention's own that runs procServ: a unit of any name running it
    /// is this convention's, named by its argument (procServUtils' procServ-launcher NAME).
    const char *launcherProgram;
    NameFrom nameFrom;
    ConfigFile configFile;
    /// The IOC's config file under its base folder, "%1" the IOC name ("%1.conf",
    /// "%1/config"); empty when there is none. (procServUtils reads the section [NAME] of
    /// every file in its folders; "%1.conf" is the file its manage-procs writes.)
    const char *configFileName;
    /// The system manager's base folder of configFileName, searched first; empty when there
    /// is no file.
    const char *systemConfigDir;
    /// The config key that holds procServ's control port spec; empty: none.
    const char *consoleKey;
    bool consoleKeyTrimmed; ///< surrounding whitespace of the value is dropped
    bool consoleKeyTcpOnly; ///< only a port number counts (a positional port in a script)
    bool consoleZeroIsDefault; ///< "0" means the default socket, not a random port
    /// The console socket when the config names none, "%1" the runtime dir (/run or
    /// $XDG_RUNTIME_DIR), "%2" the IOC name; empty: none.
    const char *defaultSocket;

    QString unitName(const QString &iocName) const;
    /// defaultSocket for @p iocName under @p runtimeDir, or an empty string.
    QString defaultSocketPath(const QString &runtimeDir, const QString &iocName) const;
};

/// The discovery conventions of docs/architecture.md §5: which unit names belong to which IOC
/// manager, and how to tell an IOC's name from its unit. Pure functions, no I/O.
class Conventions
{
public:
    /// Every convention, in display order.
    static const QList<Convention> &table();
    /// The row of @p id; null for an unknown id.
    static const Convention *find(const QString &id);

    /// Convention ids, in display order.
    static QStringList ids();
    /// Unit name patterns (ListUnitsByPatterns / ListUnitFilesByPatterns) of the known
    /// conventions. Units of the "generic" convention (any unit running procServ) cannot be
    /// found by name: they need a wider listing and classify() with the ExecStart argv.
    static QStringList defaultUnitPatterns();

    /// Classifies a unit by its name and, when known, its ExecStart argv and
    /// EnvironmentFile= paths (a leading '-' is ignored).
    /// - procserv-NAME.service → procservutils; softioc-NAME.service → frib when ExecStart has
    ///   a .../softioc-NAME/procServ.sock endpoint or an EnvironmentFile /etc/iocs/NAME/config,
    ///   else manage-iocs; epics-@NAME.service → ioc-runner; ioc@NAME.service → e3.
    ///   Template units (epics-@.service, ioc@.service) are not IOCs.
    /// - any other unit whose argv[0] basename is procServ → generic, named by -n/--name or
    ///   else the unit name; procServ-launcher NAME → procservutils (its config names it).
    static ConventionMatch classify(const QString &unitName, const QStringList &execStartArgv = {},
                                    const QStringList &environmentFiles = {});

    /// The unit name a convention gives an IOC, e.g. ("e3", "motor") → "ioc@motor.service";
    /// empty for generic or an unknown convention.
    static QString unitName(const QString &convention, const QString &iocName);

    /// True when @p argv0 (a path or a name, systemd prefixes like "-" or "@" allowed) runs
    /// procServ or procServUtils' procServ-launcher.
    static bool isProcServProgram(const QString &argv0);

    /// "procServUtils", "NSLS-II manage-iocs", "FRIB", "epics-ioc-runner", "ESS e3", "procServ";
    /// the id itself when unknown.
    static QString displayName(const QString &convention);
};
