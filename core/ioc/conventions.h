#pragma once

#include <QString>
#include <QStringList>

/// What Conventions::classify() concluded about one unit.
struct ConventionMatch
{
    QString convention; // "procservutils", "manage-iocs", "frib", "ioc-runner", "e3", "generic"; "" = none
    QString iocName; // NAME as the convention spells it
    bool isIoc = false; // false for template units ("ioc@.service") and non-procServ units
};

/// The discovery conventions of DESIGN.md §5: which unit names belong to which IOC
/// manager, and how to tell an IOC's name from its unit. Pure functions, no I/O.
class Conventions
{
public:
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
