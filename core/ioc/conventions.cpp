// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/conventions.h"

#include "core/procserv/procservcommand.h"

#include <QDir>

namespace {

const QLatin1String kServiceSuffix(".service");

using NameFrom = Convention::NameFrom;
using ConfigFile = Convention::ConfigFile;

// The site conventions, in display order (docs/architecture.md §5; the layouts are in
// ../shared/reference/peer-survey.md). Columns: id, display name, unit prefix, owns the
// prefix, launcher program, name from, config file, its name, system base, console key,
// trimmed, TCP only, 0 is default, default socket.
const QList<Convention> s_table = {
    { "procservutils", "procServUtils", "procserv-", true, "procServ-launcher", NameFrom::UnitName,
      ConfigFile::ProcServIni, "%1.conf", "/etc/procServ.d", "port", true, false, true,
      "%1/procserv-%2/control" },
    { "manage-iocs", "NSLS-II manage-iocs", "softioc-", true, "", NameFrom::UnitName,
      ConfigFile::IocDirShell, "%1/config", "/epics/iocs", "PORT", true, true, false, "" },
    { "frib", "FRIB", "softioc-", false, "", NameFrom::UnitName, ConfigFile::IocDirEnvironment,
      "%1/config", "/etc/iocs", "", false, false, false, "%1/softioc-%2/procServ.sock" },
    { "ioc-runner", "epics-ioc-runner", "epics-@", true, "", NameFrom::UnitName,
      ConfigFile::ProcServDirEnvironment, "%1.conf", "/etc/procServ.d", "IOC_PORT", false, false,
      false, "%1/procserv/%2/control" },
    { "e3", "ESS e3", "ioc@", true, "", NameFrom::UnitName, ConfigFile::None, "", "", "", false,
      false, false, "%1/procServ/%2/control" },
    { "generic", "procServ", "", true, "", NameFrom::ProcServCommand, ConfigFile::None, "", "", "",
      false, false, false, "" },
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

// A row that shares another's unit prefix claims a unit whose ExecStart has its default
// socket as a UNIX endpoint, or whose EnvironmentFile= is its config file in its system folder.
bool claimsSharedUnit(const Convention &row, const QString &name, const QStringList &argv,
                      const QStringList &envFiles)
{
    const QString socket = row.defaultSocketPath(QString(), name);
    if (!socket.isEmpty()) {
        for (const QString &arg : argv) {
            if (arg.contains(QLatin1String("unix:")) && arg.endsWith(socket))
                return true;
        }
    }
    if (*row.systemConfigDir && *row.configFileName) {
        const QString config = QLatin1String(row.systemConfigDir) + QLatin1Char('/')
                + QString::fromLatin1(row.configFileName).arg(name);
        for (const QString &file : envFiles) {
            QString path = file;
            if (path.startsWith(QLatin1Char('-')))
                path.remove(0, 1);
            if (QDir::cleanPath(path) == config)
                return true;
        }
    }
    return false;
}

} // namespace

QString Convention::unitName(const QString &iocName) const
{
    if (iocName.isEmpty() || !*unitPrefix)
        return {};
    return QLatin1String(unitPrefix) + iocName + kServiceSuffix;
}

QString Convention::defaultSocketPath(const QString &runtimeDir, const QString &iocName) const
{
    if (!*defaultSocket)
        return {};
    return QString::fromLatin1(defaultSocket).arg(runtimeDir, iocName);
}

const QList<Convention> &Conventions::table()
{
    return s_table;
}

const Convention *Conventions::find(const QString &id)
{
    for (const Convention &row : s_table) {
        if (id == QLatin1String(row.id))
            return &row;
    }
    return nullptr;
}

QStringList Conventions::ids()
{
    QStringList ids;
    for (const Convention &row : s_table)
        ids << QLatin1String(row.id);
    return ids;
}

QStringList Conventions::defaultUnitPatterns()
{
    QStringList patterns;
    for (const Convention &row : s_table) {
        if (*row.unitPrefix && row.ownsUnitPrefix)
            patterns << QLatin1String(row.unitPrefix) + QLatin1Char('*') + kServiceSuffix;
    }
    return patterns;
}

ConventionMatch Conventions::classify(const QString &unitName, const QStringList &execStartArgv,
                                      const QStringList &environmentFiles)
{
    ConventionMatch match;
    const QString stem =
            unitName.endsWith(kServiceSuffix) ? unitName.chopped(kServiceSuffix.size()) : unitName;
    for (const Convention &row : s_table) {
        const QLatin1String prefix(row.unitPrefix);
        if (!*row.unitPrefix || !row.ownsUnitPrefix || !stem.startsWith(prefix))
            continue;
        match.convention = QLatin1String(row.id);
        match.iocName = stem.mid(prefix.size());
        // "epics-@.service" and "ioc@.service" are the templates, not instances; an instance
        // name never contains '@' either ("ioc@a@b" is not a valid unit name).
        match.isIoc = !match.iocName.isEmpty() && !match.iocName.contains(QLatin1Char('@'));
        for (const Convention &other : s_table) {
            if (!other.ownsUnitPrefix && prefix == QLatin1String(other.unitPrefix)
                && claimsSharedUnit(other, match.iocName, execStartArgv, environmentFiles)) {
                match.convention = QLatin1String(other.id);
                break;
            }
        }
        if (!match.isIoc)
            match.iocName.clear();
        return match;
    }

    if (execStartArgv.isEmpty() || !isProcServProgram(execStartArgv.first()))
        return match;
    // Named by procServ's own parser: getopt_long also takes an unambiguous prefix such as
    // "--na NAME", and the last -n wins (found by tests/fuzz/fuzz_procservcommand).
    QStringList argv = execStartArgv;
    argv.first() = baseName(argv.first());
    const Convention *byName = nullptr;
    for (const Convention &row : s_table) {
        if (*row.launcherProgram && argv.first() == QLatin1String(row.launcherProgram))
            match.convention = QLatin1String(row.id);
        else if (row.nameFrom == NameFrom::ProcServCommand && !byName)
            byName = &row;
    }
    if (match.convention.isEmpty() && byName)
        match.convention = QLatin1String(byName->id);
    match.iocName = ProcServCommand::nameOf(argv);
    if (match.iocName.isEmpty())
        match.iocName = stem;
    match.isIoc = !match.iocName.isEmpty();
    return match;
}

QString Conventions::unitName(const QString &convention, const QString &iocName)
{
    const Convention *row = find(convention);
    return row ? row->unitName(iocName) : QString();
}

bool Conventions::isProcServProgram(const QString &argv0)
{
    const QString name = baseName(argv0);
    if (name == QLatin1String("procServ"))
        return true;
    for (const Convention &row : s_table) {
        if (*row.launcherProgram && name == QLatin1String(row.launcherProgram))
            return true;
    }
    return false;
}

QString Conventions::displayName(const QString &convention)
{
    const Convention *row = find(convention);
    return row ? QLatin1String(row->displayName) : convention;
}
