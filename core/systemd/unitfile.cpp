// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/systemd/unitfile.h"

#include "core/systemd/execcommand.h"

#include <QDir>

namespace {

QString unquoted(const QString &value)
{
    const QStringList words = splitWords(value, WordSplit::UnitFileLine);
    return words.join(QLatin1Char(' '));
}

struct Line
{
    QString path;
    int number = 0;
    QString section;
    QString key;
    QString value;
};

// systemd's config_parse(): comments (# ;), [Section] headers, KEY=VALUE with whitespace
// trimmed, a trailing backslash joins the next line (the backslash becomes a space; comment
// lines in between are skipped).
QList<Line> readLines(const UnitFile::Part &part, QStringList *errors)
{
    QList<Line> lines;
    const QStringList raw = QString::fromUtf8(part.text).split(QLatin1Char('\n'));
    QString section;
    QString continuation;
    int startLine = 0;
    for (int n = 0; n < raw.size(); ++n) {
        QString l = raw.at(n);
        if (l.endsWith(QLatin1Char('\r')))
            l.chop(1);
        const QString trimmed = l.trimmed();
        if (!continuation.isEmpty()
            && (trimmed.startsWith(QLatin1Char('#')) || trimmed.startsWith(QLatin1Char(';'))))
            continue;
        if (continuation.isEmpty())
            startLine = n + 1;
        QString text = continuation + l;
        if (text.endsWith(QLatin1Char('\\'))) {
            text.chop(1);
            continuation = text + QLatin1Char(' ');
            if (n + 1 < raw.size())
                continue;
        }
        continuation.clear();
        text = text.trimmed();
        if (text.isEmpty() || text.startsWith(QLatin1Char('#'))
            || text.startsWith(QLatin1Char(';')))
            continue;
        if (text.startsWith(QLatin1Char('['))) {
            if (!text.endsWith(QLatin1Char(']'))) {
                errors->append(UnitFile::tr("%1:%2: invalid section header \"%3\"")
                                       .arg(part.path)
                                       .arg(startLine)
                                       .arg(text));
                section.clear();
                continue;
            }
            section = text.mid(1, text.size() - 2);
            continue;
        }
        const int eq = text.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            errors->append(UnitFile::tr("%1:%2: missing '=' in \"%3\"")
                                   .arg(part.path)
                                   .arg(startLine)
                                   .arg(text));
            continue;
        }
        lines.append({ part.path, startLine, section, text.left(eq).trimmed(),
                       text.mid(eq + 1).trimmed() });
    }
    return lines;
}

} // namespace

UnitFile UnitFile::parse(const QList<Part> &parts)
{
    UnitFile unit;
    QStringList errors;
    QString execLine;
    QString execWhere;
    int execCount = 0;
    QString type;
    QString restart;
    for (const Part &part : parts) {
        unit.files.append(part.path);
        const QList<Line> lines = readLines(part, &errors);
        for (const Line &line : lines) {
            if (line.section == QLatin1String("Unit")) {
                if (line.key == QLatin1String("Description"))
                    unit.description = line.value;
            } else if (line.section == QLatin1String("Install")) {
                unit.hasInstall = unit.hasInstall
                        || (!line.value.isEmpty()
                            && (line.key == QLatin1String("WantedBy")
                                || line.key == QLatin1String("RequiredBy")
                                || line.key == QLatin1String("UpheldBy")
                                || line.key == QLatin1String("Alias")
                                || line.key == QLatin1String("Also")
                                || line.key == QLatin1String("DefaultInstance")));
            } else if (line.section == QLatin1String("Service")) {
                if (line.key == QLatin1String("ExecStart")) {
                    // An empty assignment resets the list; the first command is the one.
                    if (line.value.isEmpty()) {
                        execLine.clear();
                        execCount = 0;
                    } else if (++execCount == 1) {
                        execLine = line.value;
                        execWhere = QStringLiteral("%1:%2").arg(line.path).arg(line.number);
                    }
                } else if (line.key == QLatin1String("Type")) {
                    type = line.value;
                } else if (line.key == QLatin1String("Restart")) {
                    restart = line.value;
                } else if (line.key == QLatin1String("Environment")) {
                    if (line.value.isEmpty())
                        unit.environment.clear();
                    else
                        unit.environment += splitWords(line.value, WordSplit::UnitFileLine);
                } else if (line.key == QLatin1String("EnvironmentFile")) {
                    if (line.value.isEmpty())
                        unit.environmentFiles.clear();
                    else
                        unit.environmentFiles.append(unquoted(line.value));
                }
            }
        }
    }
    if (!execLine.isEmpty()) {
        QStringList words = splitWords(execLine, WordSplit::UnitFileLine);
        QString first = words.value(0);
        int i = 0;
        while (i < first.size() && QStringLiteral("-@:+!").contains(first.at(i)))
            ++i;
        unit.execPrefix = first.left(i);
        unit.execPath = first.mid(i);
        if (!words.isEmpty())
            words.removeFirst();
        if (unit.execPrefix.contains(QLatin1Char('@'))) {
            unit.execArgv = words; // "@PATH ARGV0 ARGS..."
        } else {
            unit.execArgv = QStringList{ unit.execPath } + words;
        }
        unit.hasExecStart = !unit.execPath.isEmpty() && !unit.execArgv.isEmpty();
        if (!unit.hasExecStart)
            errors.append(tr("%1: ExecStart= names no program").arg(execWhere));
    } else if (!parts.isEmpty()) {
        errors.append(tr("%1: the service has no ExecStart=").arg(parts.first().path));
    }
    // systemd 252's service_verify() refusals that a file shows.
    const QString where = parts.isEmpty() ? QString() : parts.first().path;
    if (type == QLatin1String("oneshot")
        && (restart == QLatin1String("always") || restart == QLatin1String("on-success")))
        errors.append(tr("%1: Restart=%2 is not allowed for Type=oneshot").arg(where, restart));
    if (type != QLatin1String("oneshot") && execCount > 1)
        errors.append(tr("%1: more than one ExecStart= needs Type=oneshot").arg(where));
    unit.error = errors.join(QLatin1Char('\n'));
    return unit;
}

QStringList UnitFile::dropInDirNames(const QString &unitName)
{
    const int dot = unitName.lastIndexOf(QLatin1Char('.'));
    if (dot <= 0)
        return { unitName + QStringLiteral(".d") };
    const QString stem = unitName.left(dot);
    const QString suffix = unitName.mid(dot); // ".service"
    QStringList names;
    // systemd 252: "a-b-c.service" also reads "a-.service.d" and "a-b-.service.d", and the
    // type-wide "service.d".
    names << suffix.mid(1) + QStringLiteral(".d");
    const int at = stem.indexOf(QLatin1Char('@'));
    const QString prefix = at >= 0 ? stem.left(at) : stem;
    for (int dash = prefix.indexOf(QLatin1Char('-')); dash > 0;
         dash = prefix.indexOf(QLatin1Char('-'), dash + 1)) {
        names << prefix.left(dash + 1) + suffix + QStringLiteral(".d");
    }
    if (at >= 0 && at + 1 < stem.size())
        names << prefix + QLatin1Char('@') + suffix + QStringLiteral(".d");
    names << unitName + QStringLiteral(".d");
    return names;
}

QStringList UnitFile::searchPath(bool userManager)
{
    if (!userManager) {
        return { QStringLiteral("/etc/systemd/system.control"),
                 QStringLiteral("/run/systemd/system.control"),
                 QStringLiteral("/run/systemd/transient"),
                 QStringLiteral("/run/systemd/generator.early"),
                 QStringLiteral("/etc/systemd/system"),
                 QStringLiteral("/etc/systemd/system.attached"),
                 QStringLiteral("/run/systemd/system"),
                 QStringLiteral("/run/systemd/system.attached"),
                 QStringLiteral("/run/systemd/generator"),
                 QStringLiteral("/usr/local/lib/systemd/system"),
                 QStringLiteral("/lib/systemd/system"),
                 QStringLiteral("/usr/lib/systemd/system"),
                 QStringLiteral("/run/systemd/generator.late") };
    }
    const QString home = QDir::homePath();
    QString config = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (config.isEmpty())
        config = home + QStringLiteral("/.config");
    QString data = qEnvironmentVariable("XDG_DATA_HOME");
    if (data.isEmpty())
        data = home + QStringLiteral("/.local/share");
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    QStringList dirs;
    dirs << config + QStringLiteral("/systemd/user.control");
    if (!runtime.isEmpty()) {
        dirs << runtime + QStringLiteral("/systemd/user.control")
             << runtime + QStringLiteral("/systemd/transient")
             << runtime + QStringLiteral("/systemd/generator.early");
    }
    dirs << config + QStringLiteral("/systemd/user") << QStringLiteral("/etc/systemd/user");
    if (!runtime.isEmpty())
        dirs << runtime + QStringLiteral("/systemd/user");
    dirs << QStringLiteral("/run/systemd/user");
    if (!runtime.isEmpty())
        dirs << runtime + QStringLiteral("/systemd/generator");
    dirs << data + QStringLiteral("/systemd/user");
    QStringList dataDirs =
            qEnvironmentVariable("XDG_DATA_DIRS").split(QLatin1Char(':'), Qt::SkipEmptyParts);
    if (dataDirs.isEmpty())
        dataDirs = QStringList{ QStringLiteral("/usr/local/share"), QStringLiteral("/usr/share") };
    for (const QString &dir : std::as_const(dataDirs))
        dirs << dir + QStringLiteral("/systemd/user");
    dirs << QStringLiteral("/usr/local/lib/systemd/user")
         << QStringLiteral("/usr/lib/systemd/user");
    if (!runtime.isEmpty())
        dirs << runtime + QStringLiteral("/systemd/generator.late");
    dirs.removeDuplicates();
    return dirs;
}

QStringList UnitFile::remoteSearchPath(bool userManager)
{
    if (!userManager)
        return searchPath(false);
    const QString config = QStringLiteral("${XDG_CONFIG_HOME:-$HOME/.config}");
    const QString runtime = QStringLiteral("${XDG_RUNTIME_DIR:-/run/user/$(id -u)}");
    return { config + QStringLiteral("/systemd/user.control"),
             runtime + QStringLiteral("/systemd/user.control"),
             runtime + QStringLiteral("/systemd/transient"),
             config + QStringLiteral("/systemd/user"),
             QStringLiteral("/etc/systemd/user"),
             runtime + QStringLiteral("/systemd/user"),
             QStringLiteral("/run/systemd/user"),
             QStringLiteral("${XDG_DATA_HOME:-$HOME/.local/share}/systemd/user"),
             QStringLiteral("/usr/local/share/systemd/user"),
             QStringLiteral("/usr/share/systemd/user"),
             QStringLiteral("/usr/local/lib/systemd/user"),
             QStringLiteral("/usr/lib/systemd/user") };
}
