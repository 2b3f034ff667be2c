#pragma once

#include "core/ioc/ioc.h"
#include "core/systemd/unitfile.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QString>

struct ProcServCommand;

/// What one unit file says about the IOC it runs, if any.
struct UnitDescription
{
    bool isIoc = false; // runs procServ, or its name fits a convention
    bool runsProcServ = false; // ExecStart's program (or argv[0]) is procServ/procServ-launcher
    bool isLauncher = false; // procServUtils' procServ-launcher: the console is in its config
    Ioc ioc; // host, unit, name, convention, description, fragmentPath, execStart, procServ facts
    QStringList environmentFiles; // EnvironmentFile= paths as written ('-' prefix kept)
    /// Why the file may not be what systemd runs (parse problems, an unknown specifier, a
    /// procServ option it refuses); empty when fine. Not a measured state: systemd's
    /// LoadState/LoadError says whether it refused the unit.
    QString problem;
};

/// Turns a unit file (read from disk, never executed) into the IOC row it describes — the
/// pure "describe this unit" step of listing unit files systemd has not loaded. The same
/// convention rules as for loaded units (Conventions::classify() with the argv and the
/// EnvironmentFile= paths), so one IOC has one convention in every view.
class UnitDescriber
{
    Q_DECLARE_TR_FUNCTIONS(UnitDescriber)
public:
    /// Facts of the manager the unit belongs to, for %-specifiers.
    struct Facts
    {
        QString hostId;
        QString runtimeDir; // %t: /run, or the user's $XDG_RUNTIME_DIR
        QString home; // %h
        QString user; // %u
    };

    /// @p unitName is the unit as systemd names it (an instance for templates); @p file its
    /// parsed fragment and drop-ins; @p environmentFiles the contents of the EnvironmentFile=
    /// files that could be read (path without '-'), for $VAR expansion.
    static UnitDescription describe(const QString &unitName, const UnitFile &file,
                                    const QHash<QString, QByteArray> &environmentFiles,
                                    const Facts &facts);

    /// Copies what a procServ command line says (console, log port, log file, name, keys)
    /// into @p ioc; nothing when it is not procServ.
    static void applyProcServCommand(Ioc &ioc, const ProcServCommand &command);
};
