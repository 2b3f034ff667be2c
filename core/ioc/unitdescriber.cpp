// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/unitdescriber.h"

#include "core/ioc/conventionconfig.h"
#include "core/ioc/conventions.h"
#include "core/procserv/procservcommand.h"
#include "core/systemd/environmentfile.h"
#include "core/systemd/execcommand.h"
#include "core/systemd/unitspecifiers.h"

#include <QFileInfo>

namespace {

QStringList environmentFilePaths(const QList<EnvironmentFile> &files)
{
    QStringList paths;
    for (const EnvironmentFile &file : files)
        paths.append(file.path);
    return paths;
}

} // namespace

bool UnitDescriber::isRefused(const QString &loadState)
{
    return loadState == QLatin1String("error") || loadState == QLatin1String("bad-setting");
}

void UnitDescriber::applyMatch(Ioc &ioc, const ConventionMatch &match, const QString &fallbackName)
{
    ioc.convention = match.isIoc ? match.convention : QStringLiteral("generic");
    if (match.isIoc)
        ioc.name = match.iocName; // never empty when isIoc
    else
        ioc.name =
                !fallbackName.isEmpty() ? fallbackName : ioc.unit.section(QLatin1Char('.'), 0, 0);
}

bool UnitDescriber::applyProcessCommandLine(Ioc &ioc, const QByteArray &cmdline)
{
    QByteArray data = cmdline;
    if (data.endsWith('\0'))
        data.chop(1);
    QStringList argv;
    for (const QByteArray &arg : data.split('\0'))
        argv << QString::fromLocal8Bit(arg);
    const ProcServCommand command = ProcServCommand::parse(argv);
    if (!command.isProcServ || command.isLauncher || !command.error.isEmpty())
        return false;
    applyProcServCommand(ioc, command);
    return true;
}

void UnitDescriber::applyConventionConfig(Ioc &ioc, const ConventionConfig &config, bool launcher,
                                          const QString &runtimeDir, QString *error)
{
    if (config.found)
        ioc.configFile = config.file;
    if (!config.error.isEmpty())
        *error = error->isEmpty() ? config.error : *error + QLatin1Char('\n') + config.error;
    if (!ioc.console.isValid() && (config.found || launcher)) {
        ioc.console = ConventionConfigReader::consoleFromConfig(ioc.convention, ioc.name, config,
                                                                runtimeDir);
    }
}

LoadedDescription UnitDescriber::describeLoaded(Ioc &ioc, const LoadedUnitFacts &facts)
{
    LoadedDescription d;
    d.runsContainer = runsContainer(facts.execStart);
    if (d.runsContainer)
        return d; // the container runtime's, even when its name fits a convention
    // The process's command line, once given: true when it is a usable procServ command
    // (and then applied). Without it, say that it is wanted.
    const auto fromProcess = [&ioc, &facts, &d] {
        if (ioc.mainPid == 0)
            return false; // MainPID must be procServ itself
        if (!facts.process) {
            d.wantsProcess = true;
            return false;
        }
        if (facts.process->pending)
            d.pending = true;
        return facts.process->ok() && applyProcessCommandLine(ioc, facts.process->data);
    };

    if (facts.execStart.isEmpty()) {
        // A refused rewrite leaves a running unit without ExecStart: its process still says
        // (worth a look on any host; not waited for).
        if (ioc.isActive() && !ioc.name.isEmpty() && !ioc.console.isValid())
            fromProcess();
        d.pending = false;
    } else {
        // Environment= and EnvironmentFile= give $VAR values; systemd has already resolved
        // %-specifiers in what it reports over D-Bus.
        QMap<QString, QString> environment;
        QString envError;
        for (const EnvironmentFile &file : facts.environmentFiles) {
            const auto read = facts.files.constFind(file.path);
            if (read == facts.files.constEnd())
                continue;
            if (read->pending)
                d.pending = true;
            if (!read->ok()) {
                if (!file.optional && !read->error.isEmpty())
                    envError = read->error;
                continue;
            }
            QString error;
            const auto values = parseEnvironmentFile(read->data, &error);
            for (auto it = values.constBegin(); it != values.constEnd(); ++it)
                environment.insert(it.key(), it.value());
            if (!error.isEmpty())
                envError = file.path + QLatin1String(": ") + error;
        }
        const auto assignments = parseEnvironmentList(facts.environment);
        for (auto it = assignments.constBegin(); it != assignments.constEnd(); ++it)
            environment.insert(it.key(), it.value());
        QString expandError;
        const QStringList argv =
                expandCommand(facts.execStart, environment, QMap<QChar, QString>(), &expandError);
        ioc.execStart = argv;

        const ProcServCommand command = ProcServCommand::parse(argv);
        d.isLauncher = command.isLauncher;
        // The cause first: an unreadable environment file leaves $VARs empty, which then
        // makes the command line wrong.
        QStringList errors;
        if (!envError.isEmpty())
            errors << envError;
        if (!expandError.isEmpty())
            errors << expandError;
        if (!command.error.isEmpty())
            errors << tr("procServ command line: %1").arg(command.error);
        d.error = errors.join(QLatin1Char('\n'));
        // A running IOC whose rewritten file no longer gives a usable procServ command keeps
        // the console it runs with: its process, or the last good reading.
        // systemd keeps running a unit whose new file it refused: the file is not what runs.
        const bool broken =
                !command.isProcServ || !command.error.isEmpty() || isRefused(ioc.loadState);
        // Services not known as IOCs that run no procServ are decided below.
        const bool keep = broken && ioc.isActive() && (!ioc.name.isEmpty() || command.isProcServ);
        const bool look = keep && facts.processAffordable;
        if (!(keep && ((look && fromProcess()) || ioc.console.isValid())))
            applyProcServCommand(ioc, command);

        // The unit name alone cannot tell NSLS-II from FRIB (both softioc-NAME): the command
        // line and environment files can.
        if (!ioc.name.isEmpty()) {
            const ConventionMatch match = Conventions::classify(
                    ioc.unit, argv, environmentFilePaths(facts.environmentFiles));
            if (match.isIoc && match.convention != QLatin1String("generic"))
                ioc.convention = match.convention;
        }
    }

    if (!ioc.name.isEmpty()) {
        d.isIoc = true;
        return d;
    }
    // Not an IOC by its name: it is one only if it runs procServ — by its ExecStart, or (a
    // running procServ whose unit file was rewritten or refused) by its process.
    const ProcServCommand command = ProcServCommand::parse(ioc.execStart);
    const bool look = ioc.isActive() && facts.processAffordable && ioc.mainPid != 0;
    if (!command.isProcServ) {
        const bool wanted = look && !facts.process;
        const bool runs = look && facts.process && facts.process->ok()
                && applyProcessCommandLine(ioc, facts.process->data);
        if (!runs) {
            d.wantsProcess = d.wantsProcess || wanted;
            d.undecided = look && facts.process && facts.process->pending;
            return d;
        }
    }
    d.isIoc = true;
    const ConventionMatch match = Conventions::classify(
            ioc.unit, ioc.execStart, environmentFilePaths(facts.environmentFiles));
    applyMatch(ioc, match, ioc.childName);
    return d;
}

void UnitDescriber::applyProcServCommand(Ioc &ioc, const ProcServCommand &command)
{
    if (!command.isProcServ)
        return;
    ioc.console = command.controlEndpoints.isEmpty() ? ConsoleEndpoint()
                                                     : command.controlEndpoints.first();
    // Prefer a UNIX socket: it needs no port and works through SSH forwarding.
    for (const ConsoleEndpoint &endpoint : command.controlEndpoints) {
        if (endpoint.kind != ConsoleEndpoint::Kind::Tcp) {
            ioc.console = endpoint;
            break;
        }
    }
    ioc.logPort = command.logEndpoint;
    ioc.logFile = command.logFile;
    ioc.childName = command.name;
    if (!command.chdir.isEmpty())
        ioc.workingDirectory = command.chdir;
    ioc.infoFile = command.infoFile;
    ioc.ignoreChars = command.ignoreChars;
    ioc.killChar = command.killChar;
    ioc.logoutChar = command.logoutChar;
    if (ioc.autoRestart == AutoRestart::Unknown && command.noAutoRestart)
        ioc.autoRestart = AutoRestart::Off;
}

UnitDescription UnitDescriber::describe(const QString &unitName, const UnitFile &file,
                                        const QHash<QString, QByteArray> &environmentFiles,
                                        const Facts &facts)
{
    UnitDescription d;
    Ioc &ioc = d.ioc;
    ioc.host = facts.hostId;
    ioc.runtime = QStringLiteral("systemd");
    ioc.unit = unitName;
    ioc.description = file.description;
    ioc.fragmentPath = file.files.value(0);
    d.environmentFiles = file.environmentFiles;
    QStringList problems;
    if (!file.error.isEmpty())
        problems << file.error;

    QStringList argv;
    QString path;
    bool expanded = false;
    if (file.hasExecStart) {
        // As systemd: %-specifiers per word when the unit is loaded, $VARs when it runs
        // (not at all for the ':' prefix).
        QMap<QString, QString> environment;
        for (const QString &entry : file.environmentFiles) {
            const QString p = entry.startsWith(QLatin1Char('-')) ? entry.mid(1) : entry;
            const auto it = environmentFiles.constFind(p);
            if (it == environmentFiles.constEnd())
                continue;
            QString ignored;
            const auto values = parseEnvironmentFile(it.value(), &ignored);
            for (auto v = values.constBegin(); v != values.constEnd(); ++v)
                environment.insert(v.key(), v.value());
        }
        const auto assignments = parseEnvironmentList(file.environment);
        for (auto v = assignments.constBegin(); v != assignments.constEnd(); ++v)
            environment.insert(v.key(), v.value());
        const QMap<QChar, QString> specifiers =
                unitSpecifiers(unitName, facts.runtimeDir, facts.home, facts.user);
        QString error;
        const QStringList expandedPath = expandCommand({ file.execPath }, {}, specifiers, &error);
        path = expandedPath.value(0);
        if (file.execPrefix.contains(QLatin1Char(':'))) {
            // No variable expansion: only the specifiers, word by word.
            for (const QString &word : file.execArgv) {
                const QStringList one = expandCommand(
                        { word.contains(QLatin1Char('$'))
                                  ? QString(word).replace(QLatin1String("$"), QLatin1String("$$"))
                                  : word },
                        {}, specifiers, &error);
                argv += one;
                if (!error.isEmpty())
                    break;
            }
        } else {
            argv = expandCommand(file.execArgv, environment, specifiers, &error);
        }
        expanded = error.isEmpty();
        if (!expanded) {
            problems << tr("ExecStart=: %1").arg(error);
            // systemd refuses such a line; what it was meant to run still tells an IOC.
            if (path.isEmpty())
                path = file.execPath;
            if (argv.isEmpty())
                argv = file.execArgv;
        }
        ioc.execStart = argv;
    }
    d.runsProcServ = !argv.isEmpty()
            && (Conventions::isProcServProgram(path)
                || Conventions::isProcServProgram(argv.first()));
    // The program decides, whatever argv[0] says ("@/usr/bin/procServ myioc ...").
    QStringList programArgv = argv;
    if (d.runsProcServ && !Conventions::isProcServProgram(programArgv.first()))
        programArgv.first() = path;
    QStringList envPaths = file.environmentFiles;
    const ConventionMatch match = Conventions::classify(unitName, programArgv, envPaths);
    if (d.runsProcServ && expanded) {
        // Not from a line systemd refuses: its endpoints would be unexpanded text.
        const ProcServCommand command = ProcServCommand::parse(programArgv);
        d.isLauncher = command.isLauncher;
        if (!command.error.isEmpty())
            problems << tr("procServ command line: %1").arg(command.error);
        applyProcServCommand(ioc, command);
    }
    // classify() names every procServ unit; the fallback (generic, procServ's -n or the
    // unit's stem) is for one it cannot.
    d.runsContainer = runsContainer(argv);
    d.isIoc = !d.runsContainer && (match.isIoc || d.runsProcServ);
    if (d.isIoc)
        applyMatch(ioc, match, ioc.childName);
    d.problem = problems.join(QLatin1Char('\n'));
    return d;
}

bool UnitDescriber::runsContainer(const QStringList &argv)
{
    return !argv.isEmpty() && QFileInfo(argv.first()).fileName() == QLatin1String("podman");
}
