// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/iocwriter.h"

#include "core/ioc/conventionconfig.h"
#include "core/ioc/conventions.h"
#include "core/procserv/procservcommand.h"

#include <QDir>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QSysInfo>

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <unistd.h>

namespace {

const QLatin1String kProcServUtils("procservutils");
const QLatin1String kManageIocs("manage-iocs");
const QLatin1String kGeneric("generic");
const QLatin1String kIocRunner("ioc-runner");
const QLatin1String kFrib("frib");
const QLatin1String kE3("e3");
// FRIB's Puppet module epics_softioc (frib-high-level-controls/mark0n-epics_softioc 7760ee7):
// its defaults in manifests/ioc.pp.
constexpr int kFribCoreSize = 10000000;
constexpr int kFribIocLogPort = 7004; // EPICS_IOC_LOG_PORT, which the module always sets
// The ESS e3 training workbook's template (icshwi/e3training workbook/chapter13.md): IOCs live
// in BASE/e3-ioc-NAME.
const QLatin1String kE3IocBase("/opt/iocs");
// `systemctl edit UNIT` writes this drop-in.
const QLatin1String kDropInName("override.conf");

// A UNIX socket path must fit sockaddr_un.sun_path (108 bytes with the NUL).
constexpr int kMaxSocketPath = 107;
// Where `auto` starts looking: FRIB's default console port; NSLS-II sites number up from 4050s.
constexpr quint16 kFirstAutoPort = 4051;

QString xdgDir(const char *variable, const QString &fallback)
{
    const QString value = QString::fromLocal8Bit(qgetenv(variable));
    return value.isEmpty() ? fallback : value;
}

/// The nearest folder of @p path that exists (the one a new file or folder goes into).
QString existingAncestor(const IocFileView &fs, const QString &path)
{
    QString dir = QFileInfo(path).absolutePath();
    while (!fs.exists(dir) && dir != QLatin1String("/"))
        dir = QFileInfo(dir).absolutePath();
    return dir;
}

QString unitFileVerb(PlannedCall::Kind kind)
{
    switch (kind) {
    case PlannedCall::Kind::Stop:
        return QStringLiteral("stop");
    case PlannedCall::Kind::Disable:
        return QStringLiteral("disable");
    case PlannedCall::Kind::Link:
        return QStringLiteral("link");
    case PlannedCall::Kind::Enable:
        return QStringLiteral("enable");
    case PlannedCall::Kind::Reload:
        return QStringLiteral("daemon-reload");
    case PlannedCall::Kind::Start:
        return QStringLiteral("start");
    }
    return {};
}

/// An INI value as ConfigParser reads it back: '%' doubled (BasicInterpolation).
QString iniValue(const QString &value)
{
    QString v = value;
    return v.replace(QLatin1Char('%'), QLatin1String("%%"));
}

} // namespace

// ---- PlannedCall, IocPlan ---------------------------------------------------------------------

QString PlannedCall::text(bool userManager) const
{
    QString line = QStringLiteral("systemctl ");
    if (userManager)
        line += QStringLiteral("--user ");
    line += unitFileVerb(kind);
    if (!target.isEmpty())
        line += QLatin1Char(' ') + target;
    return line;
}

QString IocPlan::describe() const
{
    QString text;
    for (const QString &error : errors)
        text += IocWriter::tr("error: %1").arg(error) + QLatin1Char('\n');
    if (!isValid())
        return text;
    // In the order apply() goes: the calls that release the unit, the files, the others.
    int late = 0;
    while (late < calls.size()
           && (calls.at(late).kind == PlannedCall::Kind::Stop
               || calls.at(late).kind == PlannedCall::Kind::Disable))
        ++late;
    for (int i = 0; i < late; ++i)
        text += IocWriter::tr("run %1").arg(calls.at(i).text(userManager)) + QLatin1Char('\n');
    for (const QString &file : removals)
        text += IocWriter::tr("remove %1").arg(file) + QLatin1Char('\n');
    for (const QString &dir : removeDirs)
        text += IocWriter::tr("remove folder %1 if empty").arg(dir) + QLatin1Char('\n');
    for (const PlannedMove &move : moves)
        text += IocWriter::tr("move %1 to %2").arg(move.from, move.to) + QLatin1Char('\n');
    for (const QString &dir : makeDirs)
        text += IocWriter::tr("make folder %1").arg(dir) + QLatin1Char('\n');
    for (const PlannedFile &file : writes) {
        text += (file.replace ? IocWriter::tr("replace %1:") : IocWriter::tr("write %1:"))
                        .arg(file.path)
                + QLatin1Char('\n');
        const QStringList lines = QString::fromUtf8(file.content).split(QLatin1Char('\n'));
        // The content, each line indented, so where a file ends is plain (the last split
        // part is what follows the final newline: nothing).
        for (int i = 0; i < lines.size(); ++i) {
            if (i == lines.size() - 1 && lines.at(i).isEmpty())
                break;
            text += QStringLiteral("    ") + lines.at(i) + QLatin1Char('\n');
        }
    }
    for (int i = late; i < calls.size(); ++i)
        text += IocWriter::tr("run %1").arg(calls.at(i).text(userManager)) + QLatin1Char('\n');
    for (const QString &file : kept)
        text += IocWriter::tr("keep %1").arg(file) + QLatin1Char('\n');
    for (const QString &note : notes)
        text += IocWriter::tr("note: %1").arg(note) + QLatin1Char('\n');
    return text;
}

// ---- IocHostLayout ----------------------------------------------------------------------------

QStringList IocHostLayout::systemUnitSearchDirs()
{
    return { QStringLiteral("/etc/systemd/system"),
             QStringLiteral("/run/systemd/system"),
             QStringLiteral("/run/systemd/transient"),
             QStringLiteral("/run/systemd/generator"),
             QStringLiteral("/run/systemd/generator.early"),
             QStringLiteral("/run/systemd/generator.late"),
             QStringLiteral("/usr/local/lib/systemd/system"),
             QStringLiteral("/lib/systemd/system"),
             QStringLiteral("/usr/lib/systemd/system") };
}

QStringList IocHostLayout::userUnitSearchDirs(const QString &userUnitDir,
                                              const QString &userRuntimeDir)
{
    const QString runtime = userRuntimeDir + QStringLiteral("/systemd/");
    return { userUnitDir,
             runtime + QStringLiteral("user"),
             runtime + QStringLiteral("transient"),
             runtime + QStringLiteral("generator"),
             runtime + QStringLiteral("generator.early"),
             runtime + QStringLiteral("generator.late"),
             QStringLiteral("/etc/systemd/user"),
             QStringLiteral("/usr/lib/systemd/user") };
}

IocHostLayout IocHostLayout::forLocalSystem()
{
    const ConventionConfigReader reader = ConventionConfigReader::forSystem();
    IocHostLayout layout;
    layout.userManager = false;
    layout.unitDir = QStringLiteral("/etc/systemd/system");
    layout.unitSearchDirs = systemUnitSearchDirs();
    layout.procServConfigFiles = reader.procServConfigDirs();
    layout.procServConfigDir =
            QLatin1String(Conventions::find(kProcServUtils)->systemConfigDir); // /etc/procServ.d
    layout.iocSearchPath = reader.iocSearchPath();
    layout.iocBaseDir = layout.iocSearchPath.value(0);
    layout.fribConfigDirs = reader.fribConfigDirs();
    layout.fribConfigDir = layout.fribConfigDirs.value(0);
    layout.runtimeDir = reader.runtimeDir();
    layout.logDir = QStringLiteral("/var/log/softioc");
    layout.stateDir = QStringLiteral("/var/log");
    layout.path =
            QString::fromLocal8Bit(qgetenv("PATH")).split(QLatin1Char(':'), Qt::SkipEmptyParts);
    return layout;
}

IocHostLayout IocHostLayout::forLocalUser()
{
    const ConventionConfigReader reader = ConventionConfigReader::forUser();
    IocHostLayout layout = forLocalSystem();
    layout.userManager = true;
    const QString config = xdgDir("XDG_CONFIG_HOME", QDir::homePath() + QStringLiteral("/.config"));
    layout.unitDir = config + QStringLiteral("/systemd/user");
    layout.unitSearchDirs = userUnitSearchDirs(layout.unitDir, reader.runtimeDir());
    // The folder the reader (and procServUtils' --user mode, ~/.config/procServ.d) reads.
    layout.procServConfigDir = config + QStringLiteral("/procServ.d");
    layout.procServConfigFiles = reader.procServConfigDirs();
    layout.runtimeDir = reader.runtimeDir();
    layout.stateDir = xdgDir("XDG_STATE_HOME", QDir::homePath() + QStringLiteral("/.local/state"));
    layout.logDir = layout.stateDir + QStringLiteral("/softioc");
    return layout;
}

// ---- IocWriter --------------------------------------------------------------------------------

IocWriter::IocWriter(const IocHostLayout &layout, const IocFileView *view)
    : m_layout(layout)
    , m_fs(view)
{}

QStringList IocWriter::writableConventions()
{
    return { kProcServUtils, kManageIocs, kFrib, kIocRunner, kE3, kGeneric };
}

QString IocWriter::defaultConvention() const
{
    QMap<QString, int> counts;
    for (const Ioc &ioc : m_iocs) {
        if (!ioc.isContainer())
            ++counts[ioc.convention];
    }
    QString best = kProcServUtils;
    int bestCount = 0;
    // Table order breaks ties.
    for (const QString &id : writableConventions()) {
        if (counts.value(id) > bestCount) {
            best = id;
            bestCount = counts.value(id);
        }
    }
    return best;
}

QString IocWriter::shellQuote(const QString &word)
{
    // Python's shlex.quote(): [\w@%+=:,./-] (ASCII) is safe, else single quotes.
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_@%+=:,./-]"));
    if (word.isEmpty())
        return QStringLiteral("''");
    if (!word.contains(unsafe))
        return word;
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\"'\"'"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString IocWriter::systemdQuote(const QString &word)
{
    QString w = word;
    w.replace(QLatin1Char('%'), QLatin1String("%%"));
    w.replace(QLatin1Char('$'), QLatin1String("$$"));
    static const QRegularExpression special(QStringLiteral("[\\s\"'\\\\;]"));
    if (!w.isEmpty() && !w.contains(special))
        return w;
    w.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    w.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + w + QLatin1Char('"');
}

bool IocWriter::canRename(const QString &convention, QString *why)
{
    if (convention == kManageIocs)
        return true;
    if (why)
        *why = tr("%1 cannot rename its IOCs; only NSLS-II manage-iocs has a rename. "
                  "Create the IOC under the new name and remove the old one.")
                       .arg(Conventions::displayName(convention));
    return false;
}

QString IocWriter::accountName() const
{
    if (!m_layout.account.isEmpty())
        return m_layout.account;
    const passwd *pw = getpwuid(geteuid());
    return pw ? QString::fromLocal8Bit(pw->pw_name) : QString();
}

QString IocWriter::groupName() const
{
    if (!m_layout.group.isEmpty())
        return m_layout.group;
    const struct group *g = getgrgid(getegid());
    return g ? QString::fromLocal8Bit(g->gr_name) : QString();
}

QString IocWriter::shortHostName() const
{
    return (m_layout.hostName.isEmpty() ? QSysInfo::machineHostName() : m_layout.hostName)
            .section(QLatin1Char('.'), 0, 0);
}

QString IocWriter::manageIocsConfig(const Ioc &ioc) const
{
    if (!ioc.configFile.isEmpty())
        return ioc.configFile;
    for (const QString &base : m_layout.iocSearchPath) {
        const QString config = QDir(base).filePath(ioc.name + QStringLiteral("/config"));
        if (fs().isFile(config))
            return config;
    }
    return {};
}

QString IocWriter::findProgram(const QString &name) const
{
    if (name.contains(QLatin1Char('/')))
        return QDir::cleanPath(QDir(fs().currentDir()).absoluteFilePath(name));
    for (const QString &dir : m_layout.path) {
        const QString path =
                QDir::cleanPath(QDir(fs().currentDir()).absoluteFilePath(QDir(dir).filePath(name)));
        if (fs().isExecutable(path))
            return path;
    }
    return {};
}

QString IocWriter::requireProcServ(IocPlan *plan) const
{
    const QString procServ = findProgram(QStringLiteral("procServ"));
    if (procServ.isEmpty()) {
        plan->errors << tr("procServ was not found on PATH (Debian package procserv).");
        plan->refusal = IocPlan::Refusal::BadInput;
    }
    return procServ;
}

void IocWriter::checkName(const QString &name, const QString &convention, IocPlan *plan) const
{
    // A unit name, an INI section, a folder and a procServ -n all have to hold it;
    // epics-ioc-runner's rule with '.' allowed (manage-iocs names such as "xf31id1.ioc").
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$"));
    if (!valid.match(name).hasMatch()) {
        plan->errors << tr("'%1' is not a valid IOC name: use up to 64 letters, digits, '_', "
                           "'.' and '-', starting with a letter, digit or '_'.")
                                .arg(name);
        plan->refusal = IocPlan::Refusal::BadInput;
        return;
    }
    for (const Ioc &ioc : m_iocs) {
        if (ioc.name == name) {
            plan->errors << tr("An IOC named '%1' already exists (%2, unit %3).")
                                    .arg(name, Conventions::displayName(ioc.convention), ioc.unit);
            plan->refusal = IocPlan::Refusal::BadInput;
            return;
        }
    }
    Q_UNUSED(convention)
    if (plan->unit.isEmpty())
        return;
    bool known = m_knownUnits.contains(plan->unit);
    for (const Ioc &ioc : m_iocs)
        known = known || ioc.unit == plan->unit;
    QString where;
    for (const QString &dir : m_layout.unitSearchDirs) {
        const QString path = QDir(dir).filePath(plan->unit);
        if (fs().exists(path)) {
            where = path;
            break;
        }
    }
    if (known || !where.isEmpty()) {
        plan->errors << (where.isEmpty()
                                 ? tr("The unit %1 already exists.").arg(plan->unit)
                                 : tr("The unit %1 already exists (%2).").arg(plan->unit, where));
        plan->refusal = IocPlan::Refusal::BadInput;
    }
}

void IocWriter::checkCommand(const IocCreateRequest &request, QString *program, IocPlan *plan) const
{
    if (request.command.isEmpty() || request.command.first().isEmpty()) {
        plan->errors << tr("No command: give the IOC's program.");
        plan->refusal = IocPlan::Refusal::BadInput;
        return;
    }
    const QString word = request.command.first();
    *program = findProgram(word);
    if (program->isEmpty() || !fs().exists(*program)) {
        plan->errors << (word.contains(QLatin1Char('/'))
                                 ? tr("The command %1 does not exist.").arg(word)
                                 : tr("The command %1 was not found on PATH.").arg(word));
        plan->refusal = IocPlan::Refusal::BadInput;
    } else if (!fs().isExecutable(*program)) {
        plan->errors << tr("The command %1 is not an executable file.").arg(*program);
        plan->refusal = IocPlan::Refusal::BadInput;
    } else if (!fs().isExecutableByAll(*program)) {
        // procServ 2.7 refuses it: "Please change permissions on FILE to at least ---x--x--x".
        plan->errors << tr("procServ runs only programs that everyone may execute: %1 needs "
                           "'chmod a+x'.")
                                .arg(*program);
        plan->refusal = IocPlan::Refusal::BadInput;
    }
}

void IocWriter::checkWritable(IocPlan *plan) const
{
    QStringList paths;
    for (const PlannedFile &file : std::as_const(plan->writes))
        paths << file.path;
    paths << plan->removals;
    for (const PlannedMove &move : std::as_const(plan->moves))
        paths << move.from << move.to;
    for (const QString &dir : std::as_const(plan->makeDirs)) {
        if (!fs().isDir(dir))
            paths << dir;
    }
    for (const QString &path : std::as_const(paths)) {
        const QString dir = existingAncestor(fs(), path);
        if (!fs().canWriteIn(dir)) {
            plan->errors
                    << (plan->userManager
                                ? tr("Cannot write %1: no write permission in %2.").arg(path, dir)
                                : tr("Cannot write %1: no write permission in %2 (the "
                                     "system manager's files need root; your own user "
                                     "manager's IOCs do not).")
                                          .arg(path, dir));
            if (plan->refusal == IocPlan::Refusal::None)
                plan->refusal = IocPlan::Refusal::Permission;
        }
    }
}

QSet<quint16> IocWriter::usedTcpPorts() const
{
    QSet<quint16> ports;
    const ConventionConfigReader reader = m_layout.userManager
            ? ConventionConfigReader::forUser()
            : ConventionConfigReader::forSystem();
    for (const Ioc &ioc : m_iocs) {
        if (ioc.console.kind == ConsoleEndpoint::Kind::Tcp)
            ports << ioc.console.port;
        if (ioc.logPort.kind == ConsoleEndpoint::Kind::Tcp)
            ports << ioc.logPort.port;
        // Every port its command line has: a FRIB IOC's console is its socket, its TCP port
        // is a second control port.
        for (const ConsoleEndpoint &endpoint :
             ProcServCommand::parse(ioc.execStart).controlEndpoints) {
            if (endpoint.kind == ConsoleEndpoint::Kind::Tcp)
                ports << endpoint.port;
        }
        // The convention's config may name a port the unit does not (yet) use.
        if (!fs().readsConfigs())
            continue;
        const ConventionConfig config = reader.read(ioc.convention, ioc.name);
        const ConsoleEndpoint fromConfig = ConventionConfigReader::consoleFromConfig(
                ioc.convention, ioc.name, config, m_layout.runtimeDir);
        if (fromConfig.kind == ConsoleEndpoint::Kind::Tcp)
            ports << fromConfig.port;
        if (ioc.convention == kFrib) {
            // FRIB's PORT: its TCP control port beside the socket (the console).
            bool ok = false;
            const uint port = config.values.value(QStringLiteral("PORT")).toUInt(&ok);
            if (ok && port > 0 && port < 65536)
                ports << static_cast<quint16>(port);
        }
    }
    // manage-iocs configs of IOCs not installed as units (nextport counts them too).
    for (const QString &base : m_layout.iocSearchPath) {
        if (!fs().readsConfigs())
            break;
        const QStringList names = fs().subdirs(base);
        for (const QString &name : names) {
            ConventionConfigReader one = reader;
            one.setIocSearchPath({ base });
            const ConventionConfig config = one.read(kManageIocs, name);
            bool ok = false;
            const uint port = config.values.value(QStringLiteral("PORT")).trimmed().toUInt(&ok);
            if (ok && port > 0 && port < 65536)
                ports << static_cast<quint16>(port);
        }
    }
    return ports;
}

quint16 IocWriter::pickFreePort() const
{
    const QSet<quint16> used = usedTcpPorts();
    for (quint32 port = kFirstAutoPort; port < 65536; ++port) {
        if (used.contains(static_cast<quint16>(port)))
            continue;
        // Free on the host now: nothing listens on it (procServ binds 127.0.0.1).
        if (fs().portFree(static_cast<quint16>(port)))
            return static_cast<quint16>(port);
    }
    return 0;
}

IocPlan IocWriter::planCreate(const IocCreateRequest &request) const
{
    IocPlan plan;
    plan.action = IocPlan::Action::Create;
    plan.name = request.name;
    plan.userManager = m_layout.userManager;
    plan.convention = request.convention.isEmpty() ? defaultConvention() : request.convention;
    const auto refuse = [&plan](const QString &message) {
        plan.errors << message;
        plan.refusal = IocPlan::Refusal::BadInput;
    };

    if (!writableConventions().contains(plan.convention)) {
        if (Conventions::find(plan.convention))
            refuse(tr("Creating IOCs in the %1 layout is not supported yet; use one of: %2.")
                           .arg(Conventions::displayName(plan.convention),
                                writableConventions().join(QStringLiteral(", "))));
        else
            refuse(tr("Unknown convention '%1'; use one of: %2.")
                           .arg(plan.convention, writableConventions().join(QStringLiteral(", "))));
        return plan;
    }
    plan.unit = plan.convention == kGeneric ? QStringLiteral("ioc-%1.service").arg(request.name)
                                            : Conventions::unitName(plan.convention, request.name);
    checkName(request.name, plan.convention, &plan);

    QString program;
    checkCommand(request, &program, &plan);

    const QString chdir =
            QDir::cleanPath(QDir(fs().currentDir())
                                    .absoluteFilePath(request.chdir.isEmpty() ? QStringLiteral(".")
                                                                              : request.chdir));
    if (!fs().isDir(chdir))
        refuse(tr("The working directory %1 does not exist.").arg(chdir));

    for (const QString &pair : request.environment) {
        const int eq = static_cast<int>(pair.indexOf(QLatin1Char('=')));
        static const QRegularExpression key(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
        if (eq <= 0 || !key.match(pair.left(eq)).hasMatch())
            refuse(tr("'%1' is not KEY=VALUE with KEY a variable name.").arg(pair));
    }
    for (const QString &word : request.command + request.environment + QStringList{ chdir }) {
        if (word.contains(QLatin1Char('\n')) || word.contains(QLatin1Char('\r')))
            refuse(tr("Line breaks cannot be written into a config file: '%1'.").arg(word));
    }
    if (!request.userName.isEmpty()) {
        if (m_layout.userManager)
            refuse(tr("A run-as account is for the system manager: a user manager runs IOCs as "
                      "its own user."));
        else if (!fs().accountExists(request.userName))
            refuse(tr("The user account '%1' does not exist.").arg(request.userName));
    }

    // The console.
    // manage-iocs consoles are TCP ports: its IOCs get a free one unless told otherwise.
    const QString port = !request.port.isEmpty() ? request.port
            : plan.convention == kManageIocs     ? QStringLiteral("auto")
                                                 : QStringLiteral("unix");
    QString spec; // procServ's --port value; empty: the convention's default socket
    if (plan.convention == kE3 && port != QLatin1String("unix")) {
        refuse(tr("ESS e3 consoles are always the template's socket %1: no other console can be "
                  "given.")
                       .arg(Conventions::find(kE3)->defaultSocketPath(m_layout.runtimeDir,
                                                                      request.name)));
    } else if (plan.convention == kFrib && port.startsWith(QLatin1String("unix:"))) {
        refuse(tr("FRIB consoles are the socket %1, with a TCP port beside it when asked: give "
                  "unix, tcp:PORT or auto.")
                       .arg(Conventions::find(kFrib)->defaultSocketPath(m_layout.runtimeDir,
                                                                        request.name)));
    } else if (port == QLatin1String("unix")) {
        if (plan.convention == kManageIocs)
            refuse(tr("NSLS-II manage-iocs consoles are TCP ports: give tcp:PORT or auto."));
    } else if (port.startsWith(QLatin1String("unix:"))) {
        const QString path = port.mid(5);
        if (plan.convention == kManageIocs)
            refuse(tr("NSLS-II manage-iocs consoles are TCP ports: give tcp:PORT or auto."));
        else if (!path.startsWith(QLatin1Char('/')))
            refuse(tr("Bad port '%1': a socket path must be absolute.").arg(port));
        else if (path.toLocal8Bit().size() > kMaxSocketPath)
            refuse(tr("Bad port '%1': a socket path has at most %2 bytes.")
                           .arg(port)
                           .arg(kMaxSocketPath));
        else if (fs().exists(path))
            refuse(tr("Bad port '%1': %2 exists already.").arg(port, path));
        else if (!fs().isDir(QFileInfo(path).absolutePath()))
            refuse(tr("Bad port '%1': the folder %2 does not exist (procServ makes the socket, "
                      "not its folder).")
                           .arg(port, QFileInfo(path).absolutePath()));
        else {
            spec = port;
            for (const Ioc &ioc : m_iocs) {
                if (ioc.console.kind == ConsoleEndpoint::Kind::Unix
                    && QDir::cleanPath(ioc.console.path) == QDir::cleanPath(path))
                    refuse(tr("Bad port '%1': the IOC %2 uses that socket.").arg(port, ioc.name));
            }
        }
    } else if (port.startsWith(QLatin1String("tcp:")) || port == QLatin1String("auto")) {
        quint16 number = 0;
        if (port == QLatin1String("auto")) {
            number = pickFreePort();
            if (!number)
                refuse(tr("No free localhost TCP port was found."));
        } else {
            bool ok = false;
            const uint value = port.mid(4).toUInt(&ok);
            if (!ok || value == 0 || value > 65535) {
                refuse(tr("Bad port '%1': give tcp:PORT with PORT from 1 to 65535.").arg(port));
            } else {
                number = static_cast<quint16>(value);
                if (usedTcpPorts().contains(number))
                    refuse(tr("Bad port '%1': another IOC on this host uses port %2.")
                                   .arg(port)
                                   .arg(number));
                else {
                    if (!fs().portFree(number))
                        refuse(tr("Bad port '%1': localhost port %2 is in use.")
                                       .arg(port)
                                       .arg(number));
                }
            }
        }
        if (number)
            spec = QString::number(number);
    } else {
        refuse(tr("Bad port '%1': use unix, unix:PATH, tcp:PORT or auto.").arg(port));
    }
    if (!plan.isValid())
        return plan;

    IocCreateRequest req = request;
    req.port = spec;
    if (plan.convention == kProcServUtils)
        writeProcServUtils(req, program, chdir, &plan);
    else if (plan.convention == kManageIocs)
        writeManageIocs(req, program, chdir, &plan);
    else if (plan.convention == kIocRunner)
        writeIocRunner(req, program, chdir, &plan);
    else if (plan.convention == kFrib)
        writeFrib(req, program, chdir, &plan);
    else if (plan.convention == kE3)
        writeE3(req, program, chdir, &plan);
    else
        writeGeneric(req, program, chdir, &plan);
    if (!plan.isValid())
        return plan;

    for (const PlannedFile &file : std::as_const(plan.writes)) {
        if (fs().exists(file.path)) {
            refuse(tr("%1 exists already; nothing was written.").arg(file.path));
        }
    }
    checkWritable(&plan);
    if (!plan.isValid()) {
        plan.writes.clear();
        plan.calls.clear();
    }
    return plan;
}

void IocWriter::writeProcServUtils(const IocCreateRequest &request, const QString &program,
                                   const QString &chdir, IocPlan *plan) const
{
    // procServUtils at ralphlange/procServ e106eb8: manage.py addproc() writes the config,
    // generator.py write_service() the unit; procServ-launcher (launch.py) starts procServ.
    const QString launcher = findProgram(QStringLiteral("procServ-launcher"));
    if (launcher.isEmpty()) {
        plan->errors << tr("procServ-launcher was not found on PATH: procServUtils (Debian "
                           "package procserv-systemd) is not installed, so a procServUtils IOC "
                           "could not start. Choose the generic convention or install it.");
        plan->refusal = IocPlan::Refusal::BadInput;
        return;
    }
    const QString name = request.name;
    const QString dir = m_layout.procServConfigDir;
    // A section of that name in any file procServUtils reads makes the same instance.
    ConventionConfigReader reader = m_layout.userManager ? ConventionConfigReader::forUser()
                                                         : ConventionConfigReader::forSystem();
    reader.setProcServConfigDirs(m_layout.procServConfigFiles);
    if (!fs().readsConfigs())
        reader.setFileView(&fs()); // a remote host's files, through its snapshot
    const ConventionConfig existing = reader.read(kProcServUtils, name);
    if (existing.found) {
        plan->errors << tr("procServUtils already has an instance [%1] in %2.")
                                .arg(name, existing.files.join(QStringLiteral(", ")));
        plan->refusal = IocPlan::Refusal::BadInput;
        return;
    }

    // manage.py: 'command': args.command + ' ' + ' '.join(map(shlex.quote, args.args)) — a
    // trailing space when there are no arguments, as manage-procs writes it.
    QStringList args;
    for (const QString &arg : request.command.mid(1))
        args << shellQuote(arg);
    QString conf =
            QStringLiteral("\n[%1]\ncommand = %2\nchdir = %3\n")
                    .arg(name, iniValue(program + QLatin1Char(' ') + args.join(QLatin1Char(' '))),
                         iniValue(chdir));
    if (!request.userName.isEmpty())
        conf += QStringLiteral("user = %1\n").arg(iniValue(request.userName));
    if (!request.port.isEmpty())
        conf += QStringLiteral("port = %1\n").arg(iniValue(request.port));
    QString environment;
    if (!request.environment.isEmpty()) {
        QStringList quoted;
        for (const QString &pair : request.environment)
            quoted << QLatin1Char('"') + pair + QLatin1Char('"');
        environment = quoted.join(QLatin1Char(' '));
        conf += QStringLiteral("environment = %1\n").arg(iniValue(environment));
    }
    const QString confPath = QDir(dir).filePath(name + QStringLiteral(".conf"));
    plan->writes << PlannedFile{ confPath, conf.toUtf8() };

    // generator.py write_service(); user/group fall back to conf.py's defaults.
    QString unit = QStringLiteral("\n[Unit]\nDescription=procServ for %1\n"
                                  "After=network.target remote-fs.target\n"
                                  "ConditionPathIsDirectory=%2\n")
                           .arg(name, chdir);
    unit += QStringLiteral("\n[Service]\nType=simple\n");
    if (!environment.isEmpty())
        unit += QStringLiteral("Environment=%1\n").arg(environment);
    unit += QStringLiteral("ExecStart=%1 %2 %3\nRuntimeDirectory=procserv-%3\n"
                           "StandardOutput=syslog\nStandardError=inherit\n"
                           "SyslogIdentifier=procserv-%3\n")
                    .arg(launcher,
                         m_layout.userManager ? QStringLiteral("--user")
                                              : QStringLiteral("--system"),
                         name);
    if (!m_layout.userManager)
        unit += QStringLiteral("\nUser=%1\nGroup=%2\n")
                        .arg(request.userName.isEmpty() ? QStringLiteral("nobody")
                                                        : request.userName,
                             QStringLiteral("nogroup"));
    unit += QStringLiteral("\n[Install]\nWantedBy=multi-user.target\n");
    const QString unitPath = QDir(dir).filePath(plan->unit);
    plan->writes << PlannedFile{ unitPath, unit.toUtf8() };

    // manage-procs enables the unit by its path (which links it into the unit folder); without
    // --enable it is only linked (systemctl link), which makes it known without a boot start.
    plan->calls << PlannedCall{ request.enable ? PlannedCall::Kind::Enable
                                               : PlannedCall::Kind::Link,
                                unitPath };
    plan->calls << PlannedCall{ PlannedCall::Kind::Reload, {} };
    if (request.start)
        plan->calls << PlannedCall{ PlannedCall::Kind::Start, plan->unit };
    plan->console = request.port.isEmpty()
            ? QStringLiteral("unix:")
                    + Conventions::find(kProcServUtils)
                              ->defaultSocketPath(m_layout.runtimeDir, name)
            : (request.port.startsWith(QLatin1String("unix:"))
                       ? request.port
                       : QStringLiteral("tcp:127.0.0.1:") + request.port);
    if (m_layout.userManager && request.enable)
        plan->notes << tr("The unit is WantedBy=multi-user.target as procServUtils writes it; a "
                          "user manager has no such target, so enabling it does not start it at "
                          "login.");
}

void IocWriter::writeGeneric(const IocCreateRequest &request, const QString &program,
                             const QString &chdir, IocPlan *plan) const
{
    const QString procServ = requireProcServ(plan);
    if (procServ.isEmpty())
        return;
    const QString name = request.name;
    // The runtime folder that systemd makes for the unit holds procServ's socket and info file.
    const QString runDir = m_layout.runtimeDir + QStringLiteral("/ioc-") + name;
    const QString socket = request.port.isEmpty()
            ? QStringLiteral("unix:") + runDir + QStringLiteral("/control")
            : request.port;
    QStringList argv{ procServ,
                      QStringLiteral("--foreground"),
                      QStringLiteral("--logfile"),
                      QStringLiteral("-"),
                      QStringLiteral("--name"),
                      name,
                      QStringLiteral("--ignore"),
                      QStringLiteral("^D^C^]"),
                      QStringLiteral("--chdir"),
                      chdir,
                      QStringLiteral("--info-file"),
                      runDir + QStringLiteral("/info"),
                      QStringLiteral("--port"),
                      socket,
                      program };
    argv << request.command.mid(1);
    QStringList quoted;
    for (const QString &word : std::as_const(argv))
        quoted << systemdQuote(word);

    QString unit = QStringLiteral("[Unit]\nDescription=EPICS IOC %1 (procServ)\n"
                                  "After=network.target remote-fs.target\n\n"
                                  "[Service]\nType=simple\n")
                           .arg(name);
    if (!request.userName.isEmpty())
        unit += QStringLiteral("User=%1\n").arg(request.userName);
    for (const QString &pair : request.environment)
        unit += QStringLiteral("Environment=%1\n").arg(systemdQuote(pair));
    unit += QStringLiteral("RuntimeDirectory=ioc-%1\nExecStart=%2\nSyslogIdentifier=ioc-%1\n\n"
                           "[Install]\nWantedBy=%3\n")
                    .arg(name, quoted.join(QLatin1Char(' ')),
                         m_layout.userManager ? QStringLiteral("default.target")
                                              : QStringLiteral("multi-user.target"));
    plan->writes << PlannedFile{ QDir(m_layout.unitDir).filePath(plan->unit), unit.toUtf8() };
    plan->calls << PlannedCall{ PlannedCall::Kind::Reload, {} };
    if (request.enable)
        plan->calls << PlannedCall{ PlannedCall::Kind::Enable, plan->unit };
    if (request.start)
        plan->calls << PlannedCall{ PlannedCall::Kind::Start, plan->unit };
    plan->console = socket.startsWith(QLatin1String("unix:"))
            ? socket
            : QStringLiteral("tcp:127.0.0.1:") + socket;
}

QString IocWriter::manageIocsUnit(const QString &name, const QString &top, const QString &port,
                                  const QString &user, const QString &exec, const QString &chdir,
                                  const QStringList &extraEnvironment) const
{
    // NSLS2/manage-iocs commands.py install(): the f-string's backslash-newlines join the
    // ExecStart= line (three spaces where they were). A user manager runs no other user
    // (no User=) and cannot write /var/run and /var/log: its runtime and state folders.
    const QString pidFile = m_layout.userManager
            ? m_layout.runtimeDir + QStringLiteral("/softioc-%1.pid").arg(name)
            : QStringLiteral("/var/run/softioc-%1.pid").arg(name);
    const QString logFile = m_layout.logDir + QStringLiteral("/%1/%1.log").arg(name);
    const QString host = shortHostName();
    QString unit = QStringLiteral("\n#\n# Installed by manage-iocs\n#\n[Unit]\n"
                                  "Description=IOC %1 via procServ\n"
                                  "After=network.target remote_fs.target local_fs.target "
                                  "syslog.target time.target centrifydc.service\n"
                                  "ConditionFileIsExecutable=/usr/bin/procServ\n\n[Service]\n")
                           .arg(name);
    if (!m_layout.userManager)
        unit += QStringLiteral("User=%1\n").arg(user);
    unit += QStringLiteral("ExecStart=/usr/bin/procServ -f -q -c %1 -i ^D^C^] -p %2   -n %3 "
                           "--restrict -L %4   %5 %6\n")
                    .arg(systemdQuote(chdir), systemdQuote(pidFile), name, systemdQuote(logFile),
                         port, exec);
    unit += QStringLiteral("Environment=\"PROCPORT=%1\"\nEnvironment=\"HOSTNAME=%2\"\n"
                           "Environment=\"IOCNAME=%3\"\nEnvironment=\"TOP=%4\"\n")
                    .arg(port, host, name, top);
    for (const QString &line : extraEnvironment)
        unit += line + QLatin1Char('\n');
    unit += QStringLiteral("#Restart=on-failure\n\n[Install]\nWantedBy=multi-user.target\n");
    return unit;
}

void IocWriter::writeManageIocs(const IocCreateRequest &request, const QString &program,
                                const QString &chdir, IocPlan *plan) const
{
    const QString name = request.name;
    if (m_layout.iocBaseDir.isEmpty()) {
        plan->errors << tr("No NSLS-II IOC folder is known (set $MANAGE_IOCS_SEARCH_PATH).");
        plan->refusal = IocPlan::Refusal::BadInput;
        return;
    }
    const QString top = QDir(m_layout.iocBaseDir).filePath(name);
    for (const QString &base : m_layout.iocSearchPath) {
        const QString other = QDir(base).filePath(name + QStringLiteral("/config"));
        if (fs().exists(other)) {
            plan->errors << tr("%1 exists already: an NSLS-II IOC of that name is configured "
                               "there.")
                                    .arg(other);
            plan->refusal = IocPlan::Refusal::BadInput;
            return;
        }
    }
    // USER: manage-iocs' default account is iocuser, and it refuses root.
    QString user = request.userName;
    if (user.isEmpty() && !m_layout.userManager)
        user = QStringLiteral("iocuser");
    if (m_layout.userManager) {
        user = accountName();
    } else if (user == QLatin1String("root")) {
        plan->errors << tr("manage-iocs refuses to run an IOC as root: name another account "
                           "to run it as.");
        plan->refusal = IocPlan::Refusal::BadInput;
        return;
    } else if (!fs().accountExists(user)) {
        plan->errors << tr("The user account '%1' does not exist (manage-iocs runs IOCs as "
                           "iocuser unless another account is named).")
                                .arg(user);
        plan->refusal = IocPlan::Refusal::BadInput;
        return;
    }

    // EXEC: relative to the IOC's folder when the program is in it (st.cmd), else the whole
    // command line (systemd-softioc takes an absolute EXEC).
    QStringList words;
    const QString relative = QDir(top).relativeFilePath(program);
    const bool inside = !relative.startsWith(QLatin1String(".."));
    words << (inside ? relative : program);
    words << request.command.mid(1);
    QStringList shellWords, unitWords;
    for (const QString &word : std::as_const(words)) {
        shellWords << shellQuote(word);
        unitWords << systemdQuote(word);
    }
    if (inside)
        unitWords.first() = systemdQuote(program);
    const bool ownChdir = chdir != top;

    // The config as manage-iocs' rename writes one (NAME HOST PORT USER EXEC CHDIR), read by
    // discovery as a shell fragment.
    QString config = QStringLiteral("NAME=%1\nHOST=%2\nPORT=%3\nUSER=%4\n")
                             .arg(name, shortHostName(), request.port, user);
    const QString execLine = shellWords.join(QLatin1Char(' '));
    config += QStringLiteral("EXEC=%1\n")
                      .arg(shellWords.size() == 1 ? execLine : shellQuote(execLine));
    if (ownChdir)
        config += QStringLiteral("CHDIR=%1\n").arg(shellQuote(chdir));
    plan->writes << PlannedFile{ top + QStringLiteral("/config"), config.toUtf8(), false };

    QStringList extra;
    for (const QString &pair : request.environment)
        extra << QStringLiteral("Environment=%1").arg(systemdQuote(pair));
    const QString unit =
            manageIocsUnit(name, top, request.port, user, unitWords.join(QLatin1Char(' ')),
                           ownChdir ? chdir : top, extra);
    plan->writes << PlannedFile{ QDir(m_layout.unitDir).filePath(plan->unit), unit.toUtf8(),
                                 false };
    plan->calls << PlannedCall{ PlannedCall::Kind::Reload, {} };
    if (request.enable)
        plan->calls << PlannedCall{ PlannedCall::Kind::Enable, plan->unit };
    if (request.start)
        plan->calls << PlannedCall{ PlannedCall::Kind::Start, plan->unit };
    plan->console = QStringLiteral("tcp:127.0.0.1:") + request.port;
    const QString logDir = m_layout.logDir + QLatin1Char('/') + name;
    if (!fs().isDir(logDir))
        plan->notes << tr("procServ's log folder %1 does not exist (manage-iocs does not make "
                          "it): the IOC runs without its log file until it is made.")
                               .arg(logDir);
}

void IocWriter::writeIocRunner(const IocCreateRequest &request, const QString &program,
                               const QString &chdir, IocPlan *plan) const
{
    // jeonghanlee/epics-ioc-runner bin/ioc-runner: `generate` writes NAME.conf, `install`
    // copies it to CONF_DIR with IOC_PORT forced to its socket (process_ioc_port) and, in
    // --local mode, deploys the user template epics-@.service (deploy_local_template) and the
    // log folder; the system template is installed by setup-system-infra.bash.
    const QString name = request.name;
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_-]{0,63}$"));
    const auto refuse = [plan](const QString &message) {
        plan->errors << message;
        plan->refusal = IocPlan::Refusal::BadInput;
    };
    if (!valid.match(name).hasMatch()) {
        refuse(tr("'%1' is not a valid epics-ioc-runner name: letters, digits, '_' and '-' "
                  "only.")
                       .arg(name));
        return;
    }
    if (!request.port.isEmpty()) {
        refuse(tr("epics-ioc-runner consoles are always its own socket: no other console can "
                  "be given."));
        return;
    }
    // IOC_CMD reaches procServ as ${IOC_CMD}, which systemd makes exactly one argument: the
    // program (ioc-runner's generate writes ./st.cmd), never arguments.
    if (request.command.size() > 1)
        refuse(tr("epics-ioc-runner starts one program without arguments (IOC_CMD, usually "
                  "st.cmd): put the arguments in a start script."));
    if (!request.environment.isEmpty())
        refuse(tr("epics-ioc-runner's template has no per-IOC environment variables."));
    if (!request.userName.isEmpty())
        refuse(tr("epics-ioc-runner runs every IOC as its service account: no other account "
                  "can be given."));
    const QString procServ = requireProcServ(plan);
    if (!plan->isValid())
        return;

    QString user, group;
    if (m_layout.userManager) {
        user = accountName();
        group = groupName();
    } else {
        user = QStringLiteral("ioc-srv"); // TARGET_SYSTEM_USER / _GROUP of setup-system-infra
        group = QStringLiteral("ioc");
    }
    const QString runDir = m_layout.runtimeDir + QStringLiteral("/procserv");
    const QString socket = runDir + QLatin1Char('/') + name + QStringLiteral("/control");
    const QString port = QStringLiteral("unix:%1:%2:0660:%3").arg(user, group, socket);
    QStringList words{ program };
    words << request.command.mid(1);
    // generate's lines, then install's: IOC_PORT="" dropped, the forced one appended.
    const QString conf = QStringLiteral("IOC_NAME=\"%1\"\nIOC_USER=\"%2\"\nIOC_GROUP=\"%3\"\n"
                                        "IOC_CHDIR=\"%4\"\nIOC_CMD=\"%5\"\nIOC_PORT=\"%6\"\n")
                                 .arg(name, user, group, chdir, words.join(QLatin1Char(' ')), port);
    const QString confDir = m_layout.procServConfigDir;
    plan->writes << PlannedFile{ QDir(confDir).filePath(name + QStringLiteral(".conf")),
                                 conf.toUtf8(), false };

    const QString templatePath = QDir(m_layout.unitDir).filePath(QStringLiteral("epics-@.service"));
    const bool haveTemplate = fs().exists(templatePath);
    if (!m_layout.userManager && !haveTemplate) {
        refuse(tr("epics-ioc-runner's template %1 is not installed (its "
                  "setup-system-infra.bash installs it).")
                       .arg(templatePath));
        return;
    }
    const QString logDir = m_layout.stateDir + QStringLiteral("/procserv");
    if (m_layout.userManager) {
        plan->makeDirs << logDir;
        if (!haveTemplate) {
            const QString unit =
                    QStringLiteral(
                            "[Unit]\nDescription=procServ for %i (Local User)\n"
                            "AssertFileNotEmpty=%1/%i.conf\nStartLimitIntervalSec=0\n"
                            "StartLimitBurst=5\nStartLimitAction=none\n\n[Service]\nType=simple\n"
                            "UMask=0027\nEnvironmentFile=%1/%i.conf\n"
                            "RuntimeDirectory=procserv/%i\nRuntimeDirectoryMode=0770\n"
                            "RuntimeDirectoryPreserve=restart\n"
                            "ExecStart=%2 --foreground --logfile=%3/%i.log --name=%i "
                            "--ignore=^D^C^] --autorestartcmd='' --chdir=${IOC_CHDIR} "
                            "--port=${IOC_PORT} ${IOC_CMD}\n"
                            "SuccessExitStatus=0 1 2 15 143 SIGTERM SIGKILL\nRestart=always\n"
                            "RestartSec=2\nKillMode=mixed\nStandardOutput=journal\n"
                            "StandardError=inherit\nSyslogIdentifier=epics-%i\n\n[Install]\n"
                            "WantedBy=default.target\n")
                            .replace(QLatin1String("%1"), confDir)
                            .replace(QLatin1String("%2"), procServ)
                            .replace(QLatin1String("%3"), logDir);
            plan->writes << PlannedFile{ templatePath, unit.toUtf8(), false };
            plan->notes << tr("The template %1 stays when the IOC is removed: every "
                              "epics-ioc-runner IOC of this manager uses it.")
                                   .arg(templatePath);
        }
    }
    plan->calls << PlannedCall{ PlannedCall::Kind::Reload, {} };
    if (request.enable)
        plan->calls << PlannedCall{ PlannedCall::Kind::Enable, plan->unit };
    if (request.start)
        plan->calls << PlannedCall{ PlannedCall::Kind::Start, plan->unit };
    plan->console = QStringLiteral("unix:") + socket;
    if (!request.enable && !request.start)
        plan->notes << tr("%1 is an instance of a template: systemd knows it (and it is "
                          "listed) once it is enabled or started.")
                               .arg(plan->unit);
    // procServUtils reads every *.conf of the folder as INI and stops at a file that is not.
    for (const Ioc &ioc : m_iocs) {
        if (ioc.convention == kProcServUtils) {
            plan->notes << tr("%1 is not INI: procServUtils, whose IOCs read that folder too "
                              "(%2), fails on such a file.")
                                   .arg(plan->writes.constFirst().path, ioc.name);
            break;
        }
    }
}

void IocWriter::writeFrib(const IocCreateRequest &request, const QString &program,
                          const QString &chdir, IocPlan *plan) const
{
    // FRIB's Puppet module epics_softioc (mark0n, 7760ee7): ioc.pp writes the unit from
    // templates/etc/systemd/system/ioc.service and makes /var/log/softioc-NAME; the unit reads
    // /etc/iocs/NAME/config (EnvironmentFile=-), written from templates/etc/iocs/ioc_config.
    const QString name = request.name;
    const auto refuse = [plan](const QString &message) {
        plan->errors << message;
        plan->refusal = IocPlan::Refusal::BadInput;
    };
    const QString procServ = requireProcServ(plan);
    if (procServ.isEmpty())
        return;
    if (m_layout.fribConfigDir.isEmpty()) {
        refuse(tr("No FRIB config folder is known (set $IOCDOCK_IOC_PATH)."));
        return;
    }
    const Convention *row = Conventions::find(kFrib);
    for (const QString &base : m_layout.fribConfigDirs) {
        const QString other =
                QDir(base).filePath(QString::fromLatin1(row->configFileName).arg(name));
        if (fs().exists(other)) {
            refuse(tr("%1 exists already: an IOC of that name is configured there.").arg(other));
            return;
        }
    }
    // The module runs each IOC as its own account softioc-NAME (manage_user).
    QString user = request.userName;
    if (m_layout.userManager) {
        const passwd *pw = getpwuid(geteuid());
        user = pw ? QString::fromLocal8Bit(pw->pw_name) : QString();
    } else {
        if (user.isEmpty())
            user = QStringLiteral("softioc-") + name;
        if (!fs().accountExists(user)) {
            refuse(tr("The user account '%1' does not exist (FRIB's Puppet module makes one "
                      "for each IOC): make it, or give the account to run it as.")
                           .arg(user));
            return;
        }
    }
    const QString configPath =
            QDir(m_layout.fribConfigDir)
                    .filePath(QString::fromLatin1(row->configFileName).arg(name));
    const QString socket = row->defaultSocketPath(m_layout.runtimeDir, name);
    const QString logDir = m_layout.stateDir + QStringLiteral("/softioc-") + name;
    const QString tcpPort =
            request.port.startsWith(QLatin1String("unix:")) ? QString() : request.port;

    // ioc_config; a value systemd would read otherwise is quoted (read back with its rules).
    const auto envValue = [](const QString &value) -> QString {
        static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_@%+=:,./-]*$"));
        if (plain.match(value).hasMatch())
            return value;
        QString v = value;
        v.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        for (const char c : { '"', '`', '$' })
            v.replace(QLatin1Char(c), QString(QLatin1Char('\\')) + QLatin1Char(c));
        return QLatin1Char('"') + v + QLatin1Char('"');
    };
    QString config = QStringLiteral("NAME=%1\n").arg(name);
    if (!tcpPort.isEmpty()) // no TCP console, no PORT (the module's default 4051 is unused)
        config += QStringLiteral("PORT=%1\n").arg(tcpPort);
    config += QStringLiteral("HOST=%1\nUSER=%2\nCORESIZE=%3\nCHDIR=%4\n")
                      .arg(envValue(QSysInfo::machineHostName()), envValue(user))
                      .arg(kFribCoreSize)
                      .arg(envValue(chdir));
    plan->writes << PlannedFile{ configPath, config.toUtf8(), false };

    QStringList argv{ procServ,
                      QStringLiteral("--foreground"),
                      QStringLiteral("--quiet"),
                      QStringLiteral("--chdir=") + chdir,
                      QStringLiteral("--ignore=^C^D^]"),
                      QStringLiteral("--coresize=%1").arg(kFribCoreSize),
                      QStringLiteral("--restrict"),
                      QStringLiteral("--logfile=") + logDir + QStringLiteral("/procServ.log"),
                      QStringLiteral("--name"),
                      name };
    if (!tcpPort.isEmpty())
        argv << QStringLiteral("--port") << tcpPort;
    argv << QStringLiteral("--port") << QStringLiteral("unix:") + socket << program;
    argv << request.command.mid(1);
    QStringList quoted;
    for (const QString &word : std::as_const(argv))
        quoted << systemdQuote(word);

    // A user manager has no network.target to require (the start would fail on it) and runs
    // no other user.
    QString unit = QStringLiteral("[Unit]\nDescription=EPICS Soft IOC %1\n").arg(name);
    if (!m_layout.userManager)
        unit += QStringLiteral("Requires=network.target\n");
    unit += QStringLiteral("After=network.target\nRequiresMountsFor=\n\n[Service]\n");
    QStringList environment = request.environment;
    environment << QStringLiteral("EPICS_IOC_LOG_PORT=%1").arg(kFribIocLogPort);
    for (const QString &pair : std::as_const(environment)) {
        const QString q = systemdQuote(pair);
        unit += QStringLiteral("Environment=%1\n")
                        .arg(q.startsWith(QLatin1Char('"'))
                                     ? q
                                     : QString(QLatin1Char('"') + q + QLatin1Char('"')));
    }
    unit += QStringLiteral("EnvironmentFile=-%1\nExecStart=%2\nRestart=always\n")
                    .arg(systemdQuote(configPath), quoted.join(QLatin1Char(' ')));
    if (!m_layout.userManager)
        unit += QStringLiteral("User=%1\n").arg(user);
    unit += QStringLiteral("RuntimeDirectory=%1\n\n[Install]\nWantedBy=%2\n")
                    .arg(QFileInfo(row->defaultSocketPath(QString(), name)).path().mid(1),
                         m_layout.userManager ? QStringLiteral("default.target")
                                              : QStringLiteral("multi-user.target"));
    plan->makeDirs << logDir;
    plan->writes << PlannedFile{ QDir(m_layout.unitDir).filePath(plan->unit), unit.toUtf8(),
                                 false };
    plan->calls << PlannedCall{ PlannedCall::Kind::Reload, {} };
    if (request.enable)
        plan->calls << PlannedCall{ PlannedCall::Kind::Enable, plan->unit };
    if (request.start)
        plan->calls << PlannedCall{ PlannedCall::Kind::Start, plan->unit };
    // Discovery shows the socket (a UNIX socket is preferred where there are both).
    plan->console = QStringLiteral("unix:") + socket;
    if (!tcpPort.isEmpty())
        plan->notes << tr("procServ also listens on localhost TCP port %1.").arg(tcpPort);
}

QString IocWriter::e3DropIn(const QString &unit) const
{
    return QDir(m_layout.unitDir).filePath(unit + QStringLiteral(".d/") + kDropInName);
}

void IocWriter::writeE3(const IocCreateRequest &request, const QString &program,
                        const QString &chdir, IocPlan *plan) const
{
    // The ESS e3 training workbook (chapter 13): one template ioc@.service, an instance
    // ioc@NAME per IOC. The template runs iocsh.bash BASE/e3-ioc-%i/st.cmd; an IOC created
    // here runs its own command, so its instance gets a drop-in (what `systemctl edit
    // ioc@NAME` writes) with that ExecStart, on the template's procServ options and socket.
    const QString name = request.name;
    const auto refuse = [plan](const QString &message) {
        plan->errors << message;
        plan->refusal = IocPlan::Refusal::BadInput;
    };
    const QString procServ = requireProcServ(plan);
    if (procServ.isEmpty())
        return;
    const QString templatePath = QDir(m_layout.unitDir).filePath(QStringLiteral("ioc@.service"));
    const bool haveTemplate = fs().exists(templatePath);
    if (!m_layout.userManager && !haveTemplate) {
        refuse(tr("ESS e3's template %1 is not installed (the site's IOC deployment installs "
                  "it).")
                       .arg(templatePath));
        return;
    }
    const Convention *row = Conventions::find(kE3);
    const QString runDir = QFileInfo(row->defaultSocketPath(m_layout.runtimeDir, name)).path();
    const QString logBase = m_layout.stateDir + QStringLiteral("/procServ");
    const auto procServArgs = [&](const QString &instance, const QString &runFolder,
                                  const QString &workDir) {
        return QStringList{ procServ,
                            QStringLiteral("--foreground"),
                            QStringLiteral("--name=") + instance,
                            QStringLiteral("--logfile=%1/%2/out.log").arg(logBase, instance),
                            QStringLiteral("--info-file=%1/info").arg(runFolder),
                            QStringLiteral("--ignore=^C^D"),
                            QStringLiteral("--logoutcmd=^Q"),
                            QStringLiteral("--chdir=") + workDir,
                            QStringLiteral("--port=unix:%1/control").arg(runFolder) };
    };
    QStringList argv = procServArgs(name, runDir, chdir);
    argv << program << request.command.mid(1);
    QStringList quoted;
    for (const QString &word : std::as_const(argv))
        quoted << systemdQuote(word);
    // The template asserts its own IOC folder: this IOC's is its working directory.
    QString dropIn = QStringLiteral("[Unit]\nAssertPathExists=\nAssertPathExists=%1\n\n[Service]\n")
                             .arg(systemdQuote(chdir));
    if (!request.userName.isEmpty())
        dropIn += QStringLiteral("User=%1\n").arg(request.userName);
    for (const QString &pair : request.environment)
        dropIn += QStringLiteral("Environment=%1\n").arg(systemdQuote(pair));
    dropIn += QStringLiteral("ExecStart=\nExecStart=%1\n").arg(quoted.join(QLatin1Char(' ')));
    plan->writes << PlannedFile{ e3DropIn(plan->unit), dropIn.toUtf8(), false };

    if (!haveTemplate) {
        // The workbook's template for a user manager: no User=/Group= (it runs no other user),
        // its own runtime and state folders, default.target. %i stays a specifier.
        const QString mark = QStringLiteral("\x01");
        const QString e3Top = QStringLiteral("%1/e3-ioc-%2").arg(kE3IocBase, mark);
        const QString instanceRun =
                QFileInfo(row->defaultSocketPath(m_layout.runtimeDir, mark)).path();
        const QString iocsh = findProgram(QStringLiteral("iocsh.bash"));
        QStringList words = procServArgs(mark, instanceRun, instanceRun);
        words << (iocsh.isEmpty() ? QStringLiteral("iocsh.bash") : iocsh)
              << e3Top + QStringLiteral("/st.cmd");
        QStringList templateWords;
        for (const QString &word : std::as_const(words))
            templateWords << systemdQuote(word).replace(mark, QLatin1String("%i"));
        const auto specifier = [&mark](const QString &path) {
            return systemdQuote(path).replace(mark, QLatin1String("%i"));
        };
        const QString unit =
                QStringLiteral("[Unit]\nDescription=procServ container for IOC %i\n"
                               "Documentation=file:%1/README.md\nBefore=conserver.service\n"
                               "After=network.target remote-fs.target\nAssertPathExists=%1\n\n"
                               "[Service]\nExecStartPre=/bin/mkdir -p %2\n"
                               "ExecStartPre=/bin/mkdir -p %3\n\nExecStart=%4\n\n"
                               "[Install]\nWantedBy=default.target\n")
                        .arg(specifier(e3Top), specifier(logBase + QLatin1Char('/') + mark),
                             specifier(instanceRun), templateWords.join(QLatin1Char(' ')));
        plan->writes << PlannedFile{ templatePath, unit.toUtf8(), false };
        plan->notes << tr("The template %1 stays when the IOC is removed: every ESS e3 IOC of "
                          "this manager uses it.")
                               .arg(templatePath);
        if (iocsh.isEmpty())
            plan->notes << tr("iocsh.bash is not on PATH: the template's own command (for e3 "
                              "IOCs made without iocdock) needs e3's iocsh.bash.");
    }
    plan->calls << PlannedCall{ PlannedCall::Kind::Reload, {} };
    if (request.enable)
        plan->calls << PlannedCall{ PlannedCall::Kind::Enable, plan->unit };
    if (request.start)
        plan->calls << PlannedCall{ PlannedCall::Kind::Start, plan->unit };
    plan->console = QStringLiteral("unix:") + runDir + QStringLiteral("/control");
    if (!request.enable && !request.start)
        plan->notes << tr("%1 is an instance of a template: systemd knows it (and iocctl ps "
                          "lists it) once it is enabled or started.")
                               .arg(plan->unit);
}

IocPlan IocWriter::planRemove(const Ioc &ioc, bool force) const
{
    IocPlan plan;
    plan.action = IocPlan::Action::Remove;
    plan.name = ioc.name;
    plan.unit = ioc.unit;
    plan.convention = ioc.convention;
    plan.userManager = m_layout.userManager;
    const auto refuse = [&plan](const QString &message) {
        plan.errors << message;
        plan.refusal = IocPlan::Refusal::BadInput;
    };
    if (ioc.isContainer()) {
        refuse(tr("%1 is a container; remove it with its engine.").arg(ioc.name));
        return plan;
    }
    const bool up = ioc.isUpOrStarting();
    if (up && !force) {
        refuse(tr("%1 is running; it is removed only once stopped.").arg(ioc.name));
        plan.refusedRunning = true;
        return plan;
    }
    if (up)
        plan.calls << PlannedCall{ PlannedCall::Kind::Stop, ioc.unit };

    const ConventionConfigReader reader = m_layout.userManager
            ? ConventionConfigReader::forUser()
            : ConventionConfigReader::forSystem();
    if (ioc.convention == kProcServUtils) {
        // manage.py delproc(): the section's file (when the section is all it holds), stop,
        // disable, daemon-reload, then procServ.d/procserv-NAME.service.
        ConventionConfigReader fromView = reader;
        if (!fs().readsConfigs()) {
            // A remote host: its own places, read through the snapshot.
            fromView.setProcServConfigDirs(m_layout.procServConfigFiles);
            fromView.setRuntimeDir(m_layout.runtimeDir);
            fromView.setFileView(&fs());
        }
        const ConventionConfig config = fromView.read(kProcServUtils, ioc.name);
        if (!config.found) {
            refuse(tr("No procServUtils config for %1 was found.").arg(ioc.name));
            return plan;
        }
        for (const QString &file : config.files) {
            QByteArray data;
            QString readError;
            const QString text =
                    fs().readFile(file, &data, &readError) ? QString::fromUtf8(data) : QString();
            static const QRegularExpression section(QStringLiteral("^\\s*\\[([^\\]]+)\\]"),
                                                    QRegularExpression::MultilineOption);
            QStringList sections;
            auto it = section.globalMatch(text);
            while (it.hasNext())
                sections << it.next().captured(1);
            if (sections != QStringList{ ioc.name }) {
                refuse(tr("%1 holds other sections besides [%2]; remove that section by hand.")
                               .arg(file, ioc.name));
                return plan;
            }
            plan.removals << file;
        }
        plan.calls << PlannedCall{ PlannedCall::Kind::Disable, ioc.unit };
        const QString unitFile = QDir(m_layout.procServConfigDir).filePath(ioc.unit);
        if (fs().exists(unitFile))
            plan.removals << unitFile;
        if (!config.values.value(QStringLiteral("chdir")).isEmpty())
            plan.kept << config.values.value(QStringLiteral("chdir"));
    } else if (ioc.convention == kGeneric) {
        // Only a unit file of the admin's folder (what create writes); a vendor unit is not ours.
        const QString unitFile = QDir(m_layout.unitDir).filePath(ioc.unit);
        if (!fs().isFile(unitFile) || fs().isSymLink(unitFile)) {
            refuse(tr("%1 is not a unit file in %2; only the plain units written there are "
                      "removed.")
                           .arg(ioc.fragmentPath.isEmpty() ? ioc.unit : ioc.fragmentPath,
                                m_layout.unitDir));
            return plan;
        }
        plan.calls << PlannedCall{ PlannedCall::Kind::Disable, ioc.unit };
        plan.removals << unitFile;
        if (!ioc.workingDirectory.isEmpty())
            plan.kept << ioc.workingDirectory;
    } else if (ioc.convention == kIocRunner) {
        // ioc-runner remove: stop, disable, the conf; the shared template stays.
        const QString conf =
                QDir(m_layout.procServConfigDir).filePath(ioc.name + QStringLiteral(".conf"));
        if (!fs().isFile(conf)) {
            refuse(tr("%1 does not exist; epics-ioc-runner keeps its IOCs' config there.")
                           .arg(conf));
            return plan;
        }
        plan.calls << PlannedCall{ PlannedCall::Kind::Disable, ioc.unit };
        plan.removals << conf;
        plan.kept << QDir(m_layout.unitDir).filePath(QStringLiteral("epics-@.service"));
        if (!ioc.workingDirectory.isEmpty())
            plan.kept << ioc.workingDirectory;
    } else if (ioc.convention == kManageIocs) {
        // manage-iocs uninstall: stop, disable, remove /etc/systemd/system/softioc-NAME.service.
        // The IOC's folder and its config stay (they are the IOC's, not the unit's).
        const QString unitFile = QDir(m_layout.unitDir).filePath(ioc.unit);
        if (!fs().isFile(unitFile)) {
            refuse(tr("%1 is not a unit file in %2; manage-iocs installs its units there.")
                           .arg(ioc.fragmentPath.isEmpty() ? ioc.unit : ioc.fragmentPath,
                                m_layout.unitDir));
            return plan;
        }
        plan.calls << PlannedCall{ PlannedCall::Kind::Disable, ioc.unit };
        plan.removals << unitFile;
        const QString config = manageIocsConfig(ioc);
        if (!config.isEmpty())
            plan.kept << QFileInfo(config).absolutePath();
    } else if (ioc.convention == kFrib) {
        // What the Puppet module's IOC stands for: its unit (stopped, disabled, removed) and
        // its config BASE/NAME/config with the folder it alone holds. The IOC's own folder
        // (st.cmd, databases) and its procServ log stay.
        const QString unitFile = QDir(m_layout.unitDir).filePath(ioc.unit);
        if (!fs().isFile(unitFile) || fs().isSymLink(unitFile)) {
            refuse(tr("%1 is not a unit file in %2; FRIB's Puppet module installs its units "
                      "there.")
                           .arg(ioc.fragmentPath.isEmpty() ? ioc.unit : ioc.fragmentPath,
                                m_layout.unitDir));
            return plan;
        }
        plan.calls << PlannedCall{ PlannedCall::Kind::Disable, ioc.unit };
        plan.removals << unitFile;
        const QString configName =
                QString::fromLatin1(Conventions::find(kFrib)->configFileName).arg(ioc.name);
        for (const QString &base : m_layout.fribConfigDirs) {
            const QString config = QDir(base).filePath(configName);
            if (fs().isFile(config)) {
                plan.removals << config;
                plan.removeDirs << QFileInfo(config).absolutePath();
                break;
            }
        }
        if (!ioc.workingDirectory.isEmpty())
            plan.kept << ioc.workingDirectory;
        if (!ioc.logFile.isEmpty() && ioc.logFile != QLatin1String("-"))
            plan.kept << ioc.logFile;
    } else if (ioc.convention == kE3) {
        // An e3 IOC is an instance of the shared template: disabled, and its own drop-in
        // (`systemctl revert` takes it away) removed. The template stays.
        const QString dropIn = e3DropIn(ioc.unit);
        plan.calls << PlannedCall{ PlannedCall::Kind::Disable, ioc.unit };
        if (fs().isFile(dropIn)) {
            plan.removals << dropIn;
            plan.removeDirs << QFileInfo(dropIn).absolutePath();
        }
        const QString templatePath =
                QDir(m_layout.unitDir).filePath(QStringLiteral("ioc@.service"));
        if (fs().exists(templatePath))
            plan.kept << templatePath;
        if (!ioc.workingDirectory.isEmpty())
            plan.kept << ioc.workingDirectory;
    } else {
        refuse(tr("Removing IOCs of the %1 layout is not supported yet.")
                       .arg(Conventions::displayName(ioc.convention)));
        return plan;
    }
    plan.calls << PlannedCall{ PlannedCall::Kind::Reload, {} };
    checkWritable(&plan);
    if (!plan.isValid())
        plan.calls.clear();
    return plan;
}

IocPlan IocWriter::planRename(const Ioc &ioc, const QString &newName) const
{
    IocPlan plan;
    plan.action = IocPlan::Action::Rename;
    plan.oldName = ioc.name;
    plan.name = newName;
    plan.convention = ioc.convention;
    plan.userManager = m_layout.userManager;
    QString cannot;
    if (!canRename(ioc.convention, &cannot)) {
        plan.errors << cannot;
        plan.refusal = IocPlan::Refusal::BadInput;
        return plan;
    }
    plan.unit = Conventions::unitName(kManageIocs, newName);
    checkName(newName, kManageIocs, &plan);
    if (!plan.isValid())
        return plan;
    const QString oldUnitFile = QDir(m_layout.unitDir).filePath(ioc.unit);
    const QString configPath = manageIocsConfig(ioc);
    QByteArray oldUnitData, configData;
    QString readError;
    // Both read at once: a remote snapshot learns every file it lacks in one probe.
    const bool unitRead = fs().readFile(oldUnitFile, &oldUnitData, &readError);
    const bool configRead =
            !configPath.isEmpty() && fs().readFile(configPath, &configData, &readError);
    if (configPath.isEmpty() || !unitRead) {
        plan.errors << tr("%1 is not an installed manage-iocs IOC (no config, or no unit file "
                          "%2).")
                               .arg(ioc.name, oldUnitFile);
        plan.refusal = IocPlan::Refusal::BadInput;
        return plan;
    }
    const QString oldTop = QFileInfo(configPath).absolutePath();
    const QString base = QFileInfo(oldTop).absolutePath();
    const QString newTop = QDir(base).filePath(newName);
    if (QFileInfo(oldTop).fileName() != ioc.name) {
        plan.errors << tr("%1 is not in a folder named after the IOC.").arg(configPath);
        plan.refusal = IocPlan::Refusal::BadInput;
        return plan;
    }
    if (fs().exists(newTop)) {
        plan.errors << tr("%1 exists already.").arg(newTop);
        plan.refusal = IocPlan::Refusal::BadInput;
        return plan;
    }
    if (!configRead) {
        plan.errors << tr("Cannot read %1.").arg(configPath);
        plan.refusal = IocPlan::Refusal::Permission;
        return plan;
    }
    // The config keeps every line; NAME= names the new IOC, a CHDIR in the old folder moves.
    QStringList lines = QString::fromUtf8(configData).split(QLatin1Char('\n'));
    bool named = false;
    for (QString &line : lines) {
        if (line.startsWith(QLatin1String("NAME="))) {
            line = QStringLiteral("NAME=") + newName;
            named = true;
        } else if (line.startsWith(QLatin1String("CHDIR=")) && line.contains(oldTop)) {
            line.replace(oldTop, newTop);
        }
    }
    if (!named)
        lines.prepend(QStringLiteral("NAME=") + newName);
    // The unit: the old one with the names and folders changed (its own settings stay).
    QString unit = QString::fromUtf8(oldUnitData);
    const QStringList oldWords{ QStringLiteral("Description=IOC %1 via").arg(ioc.name),
                                QStringLiteral("softioc-%1.pid").arg(ioc.name),
                                QStringLiteral("-n %1 ").arg(ioc.name),
                                QStringLiteral("/%1/%1.log").arg(ioc.name),
                                QStringLiteral("IOCNAME=%1\"").arg(ioc.name) };
    const QStringList newWords{ QStringLiteral("Description=IOC %1 via").arg(newName),
                                QStringLiteral("softioc-%1.pid").arg(newName),
                                QStringLiteral("-n %1 ").arg(newName),
                                QStringLiteral("/%1/%1.log").arg(newName),
                                QStringLiteral("IOCNAME=%1\"").arg(newName) };
    for (int i = 0; i < oldWords.size(); ++i)
        unit.replace(oldWords.at(i), newWords.at(i));
    unit.replace(oldTop + QLatin1Char('/'), newTop + QLatin1Char('/'));
    unit.replace(oldTop + QLatin1Char(' '), newTop + QLatin1Char(' '));
    unit.replace(oldTop + QLatin1Char('"'), newTop + QLatin1Char('"'));
    unit.replace(oldTop + QLatin1Char('\n'), newTop + QLatin1Char('\n'));

    const bool up = ioc.isActive() || ioc.activeState == QLatin1String("activating");
    if (up)
        plan.calls << PlannedCall{ PlannedCall::Kind::Stop, ioc.unit };
    plan.calls << PlannedCall{ PlannedCall::Kind::Disable, ioc.unit };
    plan.removals << oldUnitFile;
    plan.moves << PlannedMove{ oldTop, newTop };
    plan.writes << PlannedFile{ newTop + QStringLiteral("/config"),
                                lines.join(QLatin1Char('\n')).toUtf8(), true };
    plan.writes << PlannedFile{ QDir(m_layout.unitDir).filePath(plan.unit), unit.toUtf8(), false };
    plan.calls << PlannedCall{ PlannedCall::Kind::Reload, {} };
    if (ioc.isEnabled())
        plan.calls << PlannedCall{ PlannedCall::Kind::Enable, plan.unit };
    if (up)
        plan.calls << PlannedCall{ PlannedCall::Kind::Start, plan.unit };
    const QString newUnitFile = QDir(m_layout.unitDir).filePath(plan.unit);
    if (fs().exists(newUnitFile)) {
        plan.errors << tr("%1 exists already.").arg(newUnitFile);
        plan.refusal = IocPlan::Refusal::BadInput;
    }
    checkWritable(&plan);
    if (!plan.isValid()) {
        plan.calls.clear();
        plan.writes.clear();
    }
    return plan;
}
