// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/hosts/filecontents.h"
#include "core/ioc/ioc.h"
#include "core/systemd/systemdtypes.h"
#include "core/systemd/unitfile.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QString>

#include <optional>

struct ConventionConfig;
struct ConventionMatch;
struct ProcServCommand;

/// What systemd says of a loaded service's command and what was read for it: the input of
/// UnitDescriber::describeLoaded().
struct LoadedUnitFacts
{
    /// argv of the first ExecStart= as systemd reports it (%-specifiers resolved); empty when
    /// systemd reports none (a refused rewrite of a running unit, or not asked).
    QStringList execStart;
    QStringList environment; ///< Environment= assignments (KEY=VALUE)
    QList<EnvironmentFile> environmentFiles; ///< EnvironmentFile= entries
    /// Environment files read so far (path -> contents); a file not in here was not read (a
    /// listing reads them only when ExecStart refers to a variable).
    QHash<QString, FileContents> files;
    /// /proc/MAINPID/cmdline (NUL-separated) once read; describeLoaded() says when it wants it.
    std::optional<FileContents> process;
    /// Reading the process costs little (a local host, or a unit file systemd refused, where
    /// the look is worth an ssh call).
    bool processAffordable = false;
};

/// What describeLoaded() decided besides the row it wrote.
struct LoadedDescription
{
    /// An IOC: named before (by a convention or a pattern), or running procServ by its
    /// ExecStart or its process. False: not an IOC (unless undecided).
    bool isIoc = false;
    /// Whether it is an IOC waits for the process's command line still being read.
    bool undecided = false;
    /// A file or the process is still being read: the row is not complete yet, and its
    /// errors are not final (configError is left empty).
    bool pending = false;
    /// LoadedUnitFacts::process is not given and would be read: read it and describe again.
    bool wantsProcess = false;
    bool isLauncher = false; ///< procServUtils' launcher: the console is in its config
    /// ExecStart runs a container (runsContainer()): never an IOC of the Inventory.
    bool runsContainer = false;
    /// The row's configuration problems (environment files, $VARs, procServ's options), for
    /// Ioc::configError; the convention config's and systemd's LoadError come on top.
    QString error;
};

/// What one unit file says about the IOC it runs, if any.
struct UnitDescription
{
    bool isIoc = false; // runs procServ, or its name fits a convention
    bool runsProcServ = false; // ExecStart's program (or argv[0]) is procServ/procServ-launcher
    bool isLauncher = false; // procServUtils' procServ-launcher: the console is in its config
    bool runsContainer = false; // see UnitDescriber::runsContainer(): never the Inventory's
    Ioc ioc; // host, unit, name, convention, description, fragmentPath, execStart, procServ facts
    QStringList environmentFiles; // EnvironmentFile= paths as written ('-' prefix kept)
    /// Why the file may not be what systemd runs (parse problems, an unknown specifier, a
    /// procServ option it refuses); empty when fine. Not a measured state: systemd's
    /// LoadState/LoadError says whether it refused the unit.
    QString problem;
};

/// The pure "describe this unit" step: unit facts and the files read for it -> the IOC row.
/// describe() for a unit file systemd has not loaded (read from disk, never executed),
/// describeLoaded() for what systemd reports of a loaded unit. Both use the same rules
/// (Conventions::classify() with the argv and the EnvironmentFile= paths, applyMatch(),
/// applyProcServCommand()), so one IOC has one convention and one name in every view. No I/O:
/// callers read the files (UnitFileSource, FileSource, ConventionConfigReader).
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

    /// Describes a unit systemd has loaded into @p ioc (which holds what systemd's
    /// properties said, and the name and convention when its unit name gave them): its
    /// ExecStart with $VARs expanded from Environment= and the environment files read, the
    /// procServ facts — those of the running process instead when a running IOC's rewritten
    /// or refused file no longer gives a usable command — and, when the unit name did not
    /// name it, whether it is an IOC and its convention and name. Pure: files come in @p facts.
    static LoadedDescription describeLoaded(Ioc &ioc, const LoadedUnitFacts &facts);

    /// Copies what a procServ command line says (console, log port, log file, name, keys)
    /// into @p ioc; nothing when it is not procServ.
    static void applyProcServCommand(Ioc &ioc, const ProcServCommand &command);
    /// Applies the procServ command line of a running process (/proc/PID/cmdline,
    /// NUL-separated) to @p ioc; false, leaving it as it is, when it is no usable procServ
    /// command (another program, procServ-launcher, options procServ refuses).
    static bool applyProcessCommandLine(Ioc &ioc, const QByteArray &cmdline);
    /// What a convention config file gives that ExecStart does not say: the file, and the
    /// console when none is known (always from a launcher's config). Its errors are added
    /// to @p error.
    static void applyConventionConfig(Ioc &ioc, const ConventionConfig &config, bool launcher,
                                      const QString &runtimeDir, QString *error);
    /// systemd refused the unit's file (LoadState error or bad-setting): what runs, if
    /// anything, is not what the file says.
    static bool isRefused(const QString &loadState);
    /// A unit whose ExecStart runs podman (Quadlet, `podman generate systemd`): its IOC is the
    /// container runtime's row joined with the unit (ContainerRuntime, by the container's
    /// PODMAN_SYSTEMD_UNIT label), never the Inventory's — whatever its name.
    static bool runsContainer(const QStringList &argv);
    /// Convention and name of an IOC row from a match of Conventions::classify(): the match's,
    /// else "generic" and @p fallbackName, else the unit name's stem.
    static void applyMatch(Ioc &ioc, const ConventionMatch &match,
                           const QString &fallbackName = QString());
};
