#include "core/ioc/conventions.h"

#include "core/procserv/procservcommand.h"

#include <QDir>

namespace {

const QLatin1String kServiceSuffix(".service");

struct UnitPrefix
{
    const char *prefix;
    const char *convention;
};

// softioc- is shared by manage-iocs and FRIB; classify() tells them apart.
const UnitPrefix kPrefixes[] = {
    { "procserv-", "procservutils" },
    { "softioc-", "manage-iocs" },
    { "epics-@", "ioc-runner" },
    { "ioc@", "e3" },
};

QString stripExecPrefix(const QString &argv0)
{
    // systemd's ExecStart= prefixes: '-', '@', ':', '+', '!', "!!".
    int i = 0;
    while (i < argv0.size() && QStringLiteral("-@:+!").contains(argv0.at(i)))
        ++i;
    return argv0.mid(i);
}

QString baseName(const QString &path)
{
    const QString p = stripExecPrefix(path);
    return p.mid(p.lastIndexOf(QLatin1Char('/')) + 1);
}

// procServ's options that take an argument (getopt "+c:de:fhi:I:k:l:L:n:op:P:qVwx:" plus the
// long-only ones). Scanning stops at the first positional argument, as procServ's does.
bool shortTakesArgument(QChar c)
{
    return QStringLiteral("ceiIklLnpPx").contains(c);
}

bool longTakesArgument(const QString &name)
{
    static const QStringList withArgument = {
        QStringLiteral("chdir"),     QStringLiteral("exec"),      QStringLiteral("ignore"),
        QStringLiteral("info-file"), QStringLiteral("killcmd"),   QStringLiteral("logport"),
        QStringLiteral("logfile"),   QStringLiteral("name"),      QStringLiteral("pidfile"),
        QStringLiteral("port"),      QStringLiteral("logoutcmd"), QStringLiteral("holdoff"),
        QStringLiteral("timefmt"),   QStringLiteral("coresize"),  QStringLiteral("autorestartcmd"),
    };
    return withArgument.contains(name);
}

QString procServName(const QStringList &argv)
{
    for (int i = 1; i < argv.size(); ++i) {
        const QString &arg = argv.at(i);
        if (arg == QLatin1String("--"))
            break;
        if (arg.startsWith(QLatin1String("--"))) {
            const int eq = arg.indexOf(QLatin1Char('='));
            const QString opt = arg.mid(2, eq < 0 ? -1 : eq - 2);
            if (eq >= 0) {
                if (opt == QLatin1String("name"))
                    return arg.mid(eq + 1);
                continue;
            }
            if (longTakesArgument(opt)) {
                if (opt == QLatin1String("name"))
                    return argv.value(i + 1);
                ++i;
            }
            continue;
        }
        if (arg.size() < 2 || !arg.startsWith(QLatin1Char('-')))
            break; // the port, then the child's command: options there are the child's
        // A cluster of short options: "-fq", "-nNAME", "-n NAME".
        for (int j = 1; j < arg.size(); ++j) {
            const QChar c = arg.at(j);
            if (!shortTakesArgument(c))
                continue;
            const QString value = j + 1 < arg.size() ? arg.mid(j + 1) : argv.value(++i);
            if (c == QLatin1Char('n'))
                return value;
            break;
        }
    }
    return {};
}

// procServ-launcher [--user|--system] [-d...] NAME
QString launcherName(const QStringList &argv)
{
    for (int i = 1; i < argv.size(); ++i) {
        if (!argv.at(i).startsWith(QLatin1Char('-')))
            return argv.at(i);
    }
    return {};
}

bool isFribUnit(const QString &name, const QStringList &argv, const QStringList &envFiles)
{
    const QString socket =
            QLatin1Char('/') + QStringLiteral("softioc-") + name + QStringLiteral("/procServ.sock");
    for (const QString &arg : argv) {
        if (arg.contains(QLatin1String("unix:")) && arg.endsWith(socket))
            return true;
    }
    const QString config = QStringLiteral("/etc/iocs/") + name + QStringLiteral("/config");
    for (const QString &file : envFiles) {
        QString path = file;
        if (path.startsWith(QLatin1Char('-')))
            path.remove(0, 1);
        if (QDir::cleanPath(path) == config)
            return true;
    }
    return false;
}

} // namespace

QStringList Conventions::ids()
{
    return {
        QStringLiteral("procservutils"), QStringLiteral("manage-iocs"), QStringLiteral("frib"),
        QStringLiteral("ioc-runner"),    QStringLiteral("e3"),          QStringLiteral("generic")
    };
}

QStringList Conventions::defaultUnitPatterns()
{
    QStringList patterns;
    for (const UnitPrefix &p : kPrefixes)
        patterns << QLatin1String(p.prefix) + QLatin1Char('*') + kServiceSuffix;
    return patterns;
}

ConventionMatch Conventions::classify(const QString &unitName, const QStringList &execStartArgv,
                                      const QStringList &environmentFiles)
{
    ConventionMatch match;
    const QString stem =
            unitName.endsWith(kServiceSuffix) ? unitName.chopped(kServiceSuffix.size()) : unitName;
    for (const UnitPrefix &p : kPrefixes) {
        const QLatin1String prefix(p.prefix);
        if (!stem.startsWith(prefix))
            continue;
        match.convention = QLatin1String(p.convention);
        match.iocName = stem.mid(prefix.size());
        // "epics-@.service" and "ioc@.service" are the templates, not instances; an instance
        // name never contains '@' either ("ioc@a@b" is not a valid unit name).
        match.isIoc = !match.iocName.isEmpty() && !match.iocName.contains(QLatin1Char('@'));
        if (match.convention == QLatin1String("manage-iocs")
            && isFribUnit(match.iocName, execStartArgv, environmentFiles))
            match.convention = QStringLiteral("frib");
        if (!match.isIoc)
            match.iocName.clear();
        return match;
    }

    if (execStartArgv.isEmpty() || !isProcServProgram(execStartArgv.first()))
        return match;
    if (baseName(execStartArgv.first()) == QLatin1String("procServ-launcher")) {
        match.convention = QStringLiteral("procservutils");
        match.iocName = launcherName(execStartArgv);
    } else {
        match.convention = QStringLiteral("generic");
        // procServ's own parser first: getopt_long also takes an unambiguous prefix such as
        // "--na NAME", and the last -n wins (found by tests/fuzz/fuzz_procservcommand). The
        // plain scan still names command lines that parser refuses.
        QStringList argv = execStartArgv;
        argv.first() = baseName(argv.first());
        const ProcServCommand command = ProcServCommand::parse(argv);
        match.iocName = command.error.isEmpty() || !command.name.isEmpty()
                ? command.name
                : procServName(execStartArgv);
    }
    if (match.iocName.isEmpty())
        match.iocName = stem;
    match.isIoc = !match.iocName.isEmpty();
    return match;
}

QString Conventions::unitName(const QString &convention, const QString &iocName)
{
    if (iocName.isEmpty())
        return {};
    if (convention == QLatin1String("frib"))
        return QStringLiteral("softioc-") + iocName + kServiceSuffix;
    for (const UnitPrefix &p : kPrefixes) {
        if (convention == QLatin1String(p.convention))
            return QLatin1String(p.prefix) + iocName + kServiceSuffix;
    }
    return {};
}

bool Conventions::isProcServProgram(const QString &argv0)
{
    const QString name = baseName(argv0);
    return name == QLatin1String("procServ") || name == QLatin1String("procServ-launcher");
}

QString Conventions::displayName(const QString &convention)
{
    if (convention == QLatin1String("procservutils"))
        return QStringLiteral("procServUtils");
    if (convention == QLatin1String("manage-iocs"))
        return QStringLiteral("NSLS-II manage-iocs");
    if (convention == QLatin1String("frib"))
        return QStringLiteral("FRIB");
    if (convention == QLatin1String("ioc-runner"))
        return QStringLiteral("epics-ioc-runner");
    if (convention == QLatin1String("e3"))
        return QStringLiteral("ESS e3");
    if (convention == QLatin1String("generic"))
        return QStringLiteral("procServ");
    return convention;
}
