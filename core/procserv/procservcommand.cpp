// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/procserv/procservcommand.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>

#include <utility>

namespace {

enum class Arg { None, Required, Optional };

struct OptionSpec
{
    const char *longName;
    char shortName; // '\0' when the option has no short form
    Arg arg;
};

// procServ 2.8's long_options[] (a superset of 2.7's); short options follow its getopt
// string "+c:de:fhi:I:k:l:L:n:op:P:qVwx:".
constexpr OptionSpec s_options[] = {
    { "allow", '\0', Arg::None },        { "autorestartcmd", '\0', Arg::Required },
    { "coresize", '\0', Arg::Required }, { "chdir", 'c', Arg::Required },
    { "debug", 'd', Arg::None },         { "exec", 'e', Arg::Required },
    { "foreground", 'f', Arg::None },    { "help", 'h', Arg::None },
    { "holdoff", '\0', Arg::Required },  { "ignore", 'i', Arg::Required },
    { "info-file", 'I', Arg::Required }, { "killcmd", 'k', Arg::Required },
    { "killsig", '\0', Arg::Required },  { "logport", 'l', Arg::Required },
    { "logfile", 'L', Arg::Required },   { "logstamp", '\0', Arg::Optional },
    { "name", 'n', Arg::Required },      { "noautorestart", '\0', Arg::None },
    { "oneshot", 'o', Arg::None },       { "pidfile", 'p', Arg::Required },
    { "port", 'P', Arg::Required },      { "quiet", 'q', Arg::None },
    { "restrict", '\0', Arg::None },     { "timefmt", '\0', Arg::Required },
    { "version", 'V', Arg::None },       { "wait", 'w', Arg::None },
    { "logoutcmd", 'x', Arg::Required },
};

const OptionSpec *findShort(QChar c)
{
    for (const OptionSpec &o : s_options) {
        if (o.shortName != '\0' && QLatin1Char(o.shortName) == c)
            return &o;
    }
    return nullptr;
}

// getopt_long accepts an exact name or an unambiguous prefix.
const OptionSpec *findLong(const QString &name, bool *ambiguous)
{
    *ambiguous = false;
    const OptionSpec *prefixMatch = nullptr;
    int prefixMatches = 0;
    for (const OptionSpec &o : s_options) {
        const QLatin1String longName(o.longName);
        if (name == longName)
            return &o;
        if (!name.isEmpty() && longName.startsWith(name)) {
            prefixMatch = &o;
            ++prefixMatches;
        }
    }
    if (prefixMatches > 1) {
        *ambiguous = true;
        return nullptr;
    }
    return prefixMatch;
}

// Options are identified by their long name, whatever spelling was used.
void apply(ProcServCommand &cmd, const OptionSpec &o, const QString &value)
{
    const QLatin1String name(o.longName);
    if (name == QLatin1String("port")) {
        cmd.controlSpecs.append(value);
    } else if (name == QLatin1String("logport")) {
        cmd.logSpec = value;
    } else if (name == QLatin1String("logfile")) {
        cmd.logFile = value;
    } else if (name == QLatin1String("name")) {
        cmd.name = value;
    } else if (name == QLatin1String("chdir")) {
        cmd.chdir = value;
    } else if (name == QLatin1String("info-file")) {
        cmd.infoFile = value;
    } else if (name == QLatin1String("pidfile")) {
        cmd.pidFile = value;
    } else if (name == QLatin1String("ignore")) {
        cmd.ignoreChars = value;
    } else if (name == QLatin1String("logoutcmd")) {
        cmd.logoutChar = value;
    } else if (name == QLatin1String("killcmd")) {
        cmd.killChar = value;
    } else if (name == QLatin1String("autorestartcmd")) {
        cmd.toggleChar = value;
    } else if (name == QLatin1String("noautorestart")) {
        cmd.noAutoRestart = true;
    } else if (name == QLatin1String("wait")) {
        cmd.waitForStart = true;
    } else if (name == QLatin1String("foreground")) {
        cmd.foreground = true;
    } else if (name == QLatin1String("quiet")) {
        cmd.quiet = true;
    } else if (name == QLatin1String("oneshot")) {
        cmd.oneShot = true;
    } else if (name == QLatin1String("allow")) {
        cmd.allow = true;
    } else if (name == QLatin1String("restrict")) {
        cmd.restrictLog = true;
    } else if (name == QLatin1String("exec")) {
        cmd.childExec = value;
    } else if (name == QLatin1String("timefmt")) {
        cmd.timeFormat = value;
    } else if (name == QLatin1String("holdoff")) {
        // procServ uses atoi() and ignores negative values.
        bool ok = false;
        const int seconds = value.trimmed().toInt(&ok);
        if (ok && seconds >= 0)
            cmd.holdoff = seconds;
    }
}

void parseLauncher(ProcServCommand &cmd, const QStringList &argv, bool lenient)
{
    // procServ-launcher [--user|--system] NAME (argparse: options anywhere). @p lenient: an
    // unknown option is skipped, and the first of several names is taken.
    cmd.isLauncher = true;
    cmd.launcherUser = false;
    bool onlyPositional = false;
    QStringList positional;
    for (int i = 1; i < argv.size(); ++i) {
        const QString &a = argv.at(i);
        if (!onlyPositional && a == QLatin1String("--")) {
            onlyPositional = true;
        } else if (!onlyPositional && a == QLatin1String("--user")) {
            cmd.launcherUser = true;
        } else if (!onlyPositional && a == QLatin1String("--system")) {
            cmd.launcherUser = false;
        } else if (!onlyPositional && a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            cmd.error = ProcServCommand::tr("procServ-launcher: unknown option %1").arg(a);
            if (!lenient)
                return;
        } else {
            positional.append(a);
        }
    }
    if (positional.size() != 1) {
        cmd.error = positional.isEmpty()
                ? ProcServCommand::tr("procServ-launcher: the instance name is missing")
                : ProcServCommand::tr("procServ-launcher: expected one instance name, got %1")
                          .arg(positional.join(QLatin1Char(' ')));
        if (!lenient || positional.isEmpty())
            return;
    }
    cmd.launcherName = positional.first();
}

} // namespace

int ProcServCommand::commandByte(const QString &spec)
{
    if (spec.isEmpty())
        return -1;
    const QChar c0 = spec.at(0);
    if (c0 == QLatin1Char('^') && spec.size() > 1) {
        const QChar c1 = spec.at(1);
        if (c1 == QLatin1Char('^'))
            return '^';
        if (c1 >= QLatin1Char('A') && c1 <= QLatin1Char('Z'))
            return c1.unicode() - 64;
    }
    return c0.unicode() < 256 ? int(c0.unicode()) : -1;
}

QByteArray ProcServCommand::decodeIgnoreChars(const QString &spec)
{
    // Same loop as procServ's -i handling: "^^" → '^', "^A".."^Z" → control, else literal.
    // Note "^]" is not a control char there: it ignores '^' and ']'.
    const QByteArray in = spec.toLocal8Bit();
    QByteArray out;
    for (int i = 0; i < in.size();) {
        const char c = in.at(i);
        const char next = i + 1 < in.size() ? in.at(i + 1) : '\0';
        if (c == '^' && next == '^') {
            out.append('^');
            i += 2;
        } else if (c == '^' && next >= 'A' && next <= 'Z') {
            out.append(char(next - 64));
            i += 2;
        } else {
            out.append(c);
            ++i;
        }
    }
    return out;
}

ConsoleEndpoint ProcServCommand::parseEndpoint(const QString &spec, bool control, bool allow,
                                               QString *error, bool *randomPort)
{
    ConsoleEndpoint ep;
    if (randomPort)
        *randomPort = false;
    if (spec.startsWith(QLatin1String("unix:"))) {
        // acceptItemUNIX: "PATH", "@NAME", or "USER:GROUP:PERM:PATH" (path after the 3rd colon).
        QString rest = spec.mid(5);
        const int sep1 = rest.indexOf(QLatin1Char(':'));
        if (sep1 >= 0) {
            const int sep2 = rest.indexOf(QLatin1Char(':'), sep1 + 1);
            const int sep3 = sep2 < 0 ? -1 : rest.indexOf(QLatin1Char(':'), sep2 + 1);
            if (sep3 < 0) {
                if (error)
                    *error = tr("Unparsable UNIX socket spec '%1': expected "
                                "unix:USER:GROUP:PERM:PATH")
                                     .arg(spec);
                return {};
            }
            rest = rest.mid(sep3 + 1);
        }
        if (rest.isEmpty() || rest == QLatin1String("@")) {
            if (error)
                *error = tr("UNIX socket spec '%1' has no path").arg(spec);
            return {};
        }
        // sockaddr_un.sun_path holds 108 bytes including the terminating NUL.
        if (rest.toLocal8Bit().size() >= 108) {
            if (error)
                *error = tr("UNIX socket path in '%1' is too long (must be < 108 bytes)").arg(spec);
            return {};
        }
        if (rest.startsWith(QLatin1Char('@'))) {
            ep.kind = ConsoleEndpoint::Kind::UnixAbstract;
            ep.path = rest.mid(1);
        } else {
            ep.kind = ConsoleEndpoint::Kind::Unix;
            ep.path = rest;
        }
        return ep;
    }

    // TCP: "PORT" or "A.B.C.D:PORT" (sscanf "%u" / "%u . %u . %u . %u : %u").
    static const QRegularExpression portOnly(QStringLiteral("^\\s*(\\d+)\\s*$"));
    static const QRegularExpression ifacePort(
            QStringLiteral("^\\s*(\\d+)\\s*\\.\\s*(\\d+)\\s*\\.\\s*(\\d+)\\s*\\.\\s*(\\d+)\\s*:"
                           "\\s*(\\d+)\\s*$"));
    QString iface;
    QString portText;
    if (const auto m = portOnly.match(spec); m.hasMatch()) {
        portText = m.captured(1);
    } else if (const auto m2 = ifacePort.match(spec); m2.hasMatch()) {
        QStringList octets;
        for (int i = 1; i <= 4; ++i) {
            const uint octet = m2.captured(i).toUInt();
            if (octet > 255) {
                if (error)
                    *error = tr("Invalid socket spec '%1'").arg(spec);
                return {};
            }
            octets.append(QString::number(octet));
        }
        iface = octets.join(QLatin1Char('.'));
        portText = m2.captured(5);
    } else {
        if (error)
            *error = tr("Invalid socket spec '%1'").arg(spec);
        return {};
    }
    bool ok = false;
    const uint port = portText.toUInt(&ok);
    if (ok && port == 0) {
        if (randomPort)
            *randomPort = true;
        return {};
    }
    if (!ok || port > 65535) {
        if (error)
            *error = tr("Invalid port in socket spec '%1'").arg(spec);
        return {};
    }
    ep.kind = ConsoleEndpoint::Kind::Tcp;
    ep.port = static_cast<quint16>(port);
    // procServ binds control ports to 127.0.0.1 whatever interface is written (unless built
    // with --allow support and given --allow); a log port binds to the interface, or to all
    // interfaces when only a port is given. Either way 0.0.0.0 is reached via loopback.
    const bool forcedLocal = control && !allow;
    if (forcedLocal || iface.isEmpty() || iface == QLatin1String("0.0.0.0"))
        ep.host = QStringLiteral("127.0.0.1");
    else
        ep.host = iface;
    return ep;
}

ProcServCommand ProcServCommand::parse(const QStringList &argv)
{
    return parse(argv, false);
}

QString ProcServCommand::nameOf(const QStringList &argv)
{
    const ProcServCommand strict = parse(argv);
    const QString name = strict.isLauncher ? strict.launcherName : strict.name;
    if (strict.error.isEmpty() || !name.isEmpty())
        return name;
    const ProcServCommand lenient = parse(argv, true);
    return lenient.isLauncher ? lenient.launcherName : lenient.name;
}

ProcServCommand ProcServCommand::parse(const QStringList &argv, bool lenient)
{
    ProcServCommand cmd;
    if (argv.isEmpty()) {
        cmd.error = tr("The command line is empty");
        return cmd;
    }
    cmd.program = argv.first();
    const QString base = QFileInfo(cmd.program).fileName();
    if (base == QLatin1String("procServ-launcher")) {
        cmd.isProcServ = true;
        parseLauncher(cmd, argv, lenient);
        return cmd;
    }
    if (base != QLatin1String("procServ"))
        return cmd;
    cmd.isProcServ = true;

    int i = 1;
    const int n = argv.size();
    while (i < n) {
        const QString &a = argv.at(i);
        if (a == QLatin1String("--")) {
            ++i;
            break;
        }
        if (a.startsWith(QLatin1String("--"))) {
            const int eq = a.indexOf(QLatin1Char('='));
            const QString name = eq < 0 ? a.mid(2) : a.mid(2, eq - 2);
            bool ambiguous = false;
            const OptionSpec *o = findLong(name, &ambiguous);
            if (!o) {
                cmd.error = ambiguous ? tr("Ambiguous procServ option '%1'").arg(a)
                                      : tr("Unknown procServ option '%1'").arg(a);
                if (!lenient)
                    return cmd;
                ++i; // read as an option without an argument
                continue;
            }
            QString value;
            if (eq >= 0) {
                if (o->arg == Arg::None) {
                    cmd.error = tr("procServ option '--%1' doesn't allow an argument")
                                        .arg(QLatin1String(o->longName));
                    if (!lenient)
                        return cmd;
                    ++i;
                    continue;
                }
                value = a.mid(eq + 1);
            } else if (o->arg == Arg::Required) {
                if (i + 1 >= n) {
                    cmd.error = tr("procServ option '--%1' requires an argument")
                                        .arg(QLatin1String(o->longName));
                    return cmd;
                }
                value = argv.at(++i);
            }
            apply(cmd, *o, value);
            ++i;
            continue;
        }
        if (a.startsWith(QLatin1Char('-')) && a.size() > 1) {
            // A cluster of short options; one that takes a value ends it.
            for (int j = 1; j < a.size(); ++j) {
                const OptionSpec *o = findShort(a.at(j));
                if (!o) {
                    cmd.error = tr("Unknown procServ option '-%1'").arg(a.at(j));
                    if (!lenient)
                        return cmd;
                    continue; // read as an option without an argument
                }
                if (o->arg == Arg::Required) {
                    QString value;
                    if (j + 1 < a.size()) {
                        value = a.mid(j + 1);
                    } else if (i + 1 < n) {
                        value = argv.at(++i);
                    } else {
                        cmd.error = tr("procServ option '-%1' requires an argument").arg(a.at(j));
                        return cmd;
                    }
                    apply(cmd, *o, value);
                    break;
                }
                apply(cmd, *o, QString());
            }
            ++i;
            continue;
        }
        break; // "+": options end at the first non-option
    }

    const bool singleEndpointStyle = cmd.controlSpecs.isEmpty();
    const int remaining = n - i;
    if (singleEndpointStyle && remaining == 0) {
        cmd.error = tr("procServ command line has no console port and no IOC command");
    } else if (singleEndpointStyle && remaining == 1) {
        cmd.error = tr("procServ command line has only '%1' after the options: expected a "
                       "console port (or -P ENDPOINT) and the IOC command")
                            .arg(argv.at(i));
    } else if (remaining == 0) {
        cmd.error = tr("procServ command line has no IOC command to run");
    } else {
        if (singleEndpointStyle)
            cmd.controlSpecs.append(argv.at(i++));
        cmd.childCommand = argv.mid(i);
    }

    for (const QString &spec : std::as_const(cmd.controlSpecs)) {
        QString err;
        bool random = false;
        const ConsoleEndpoint ep = parseEndpoint(spec, true, cmd.allow, &err, &random);
        if (random)
            cmd.randomPort = true;
        else if (ep.isValid())
            cmd.controlEndpoints.append(ep);
        else if (cmd.error.isEmpty())
            cmd.error = err;
    }
    if (!cmd.logSpec.isEmpty()) {
        QString err;
        bool random = false;
        cmd.logEndpoint = parseEndpoint(cmd.logSpec, false, cmd.allow, &err, &random);
        if (random)
            cmd.randomPort = true;
        else if (!cmd.logEndpoint.isValid() && cmd.error.isEmpty())
            cmd.error = err;
    }
    return cmd;
}
