#include "core/ioc/unitdescriber.h"

#include "core/ioc/conventions.h"
#include "core/procserv/procservcommand.h"
#include "core/systemd/environmentfile.h"
#include "core/systemd/execcommand.h"
#include "core/systemd/unitspecifiers.h"

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
    d.isIoc = match.isIoc;
    if (match.isIoc) {
        ioc.convention = match.convention;
        ioc.name = match.iocName;
    } else if (d.runsProcServ) {
        // classify() names every procServ unit; this is the fallback for one it cannot.
        d.isIoc = true;
        ioc.convention = QStringLiteral("generic");
        ioc.name =
                !ioc.childName.isEmpty() ? ioc.childName : unitName.section(QLatin1Char('.'), 0, 0);
    }
    d.problem = problems.join(QLatin1Char('\n'));
    return d;
}
