// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/iocctl.h"

#include "app/iocctl/actioncommand.h"
#include "app/iocctl/attachcommand.h"
#include "app/iocctl/catcommand.h"
#include "app/iocctl/createcommand.h"
#include "app/iocctl/eventscommand.h"
#include "app/iocctl/execlinecommand.h"
#include "app/iocctl/hostoptions.h"
#include "app/iocctl/inspectcommand.h"
#include "app/iocctl/killcommand.h"
#include "app/iocctl/logscommand.h"
#include "app/iocctl/pscommand.h"
#include "app/iocctl/querycommand.h"
#include "app/iocctl/renamecommand.h"
#include "app/iocctl/resetfailedcommand.h"
#include "app/iocctl/rmcommand.h"
#include "app/iocctl/statuscommand.h"
#include "core/fleet/iocresolver.h"
#include "core/hosts/host.h"

#include <QCoreApplication>

#include <cstdio>

Iocctl::Iocctl(QObject *parent)
    : QObject(parent)
    , m_stdout(stdout)
    , m_stderr(stderr)
    , m_out(&m_stdout)
    , m_err(&m_stderr)
{}

Iocctl::~Iocctl() = default;

void Iocctl::setOutput(QTextStream *out, QTextStream *err)
{
    m_out = out ? out : &m_stdout;
    m_err = err ? err : &m_stderr;
}

QStringList Iocctl::commandNames()
{
    return {
        QStringLiteral("ps"),         QStringLiteral("start"),     QStringLiteral("stop"),
        QStringLiteral("restart"),    QStringLiteral("enable"),    QStringLiteral("disable"),
        QStringLiteral("attach"),     QStringLiteral("logs"),      QStringLiteral("inspect"),
        QStringLiteral("exec"),       QStringLiteral("create"),    QStringLiteral("rm"),
        QStringLiteral("rename"),     QStringLiteral("status"),    QStringLiteral("is-active"),
        QStringLiteral("is-enabled"), QStringLiteral("is-failed"), QStringLiteral("reset-failed"),
        QStringLiteral("kill"),       QStringLiteral("cat"),       QStringLiteral("events")
    };
}

Command *Iocctl::createCommand(const QString &name)
{
    if (name == QLatin1String("ps"))
        return new PsCommand(this);
    if (name == QLatin1String("start"))
        return new ActionCommand(UnitAction::Start, this);
    if (name == QLatin1String("stop"))
        return new ActionCommand(UnitAction::Stop, this);
    if (name == QLatin1String("restart"))
        return new ActionCommand(UnitAction::Restart, this);
    if (name == QLatin1String("enable"))
        return new ActionCommand(UnitAction::Enable, this);
    if (name == QLatin1String("disable"))
        return new ActionCommand(UnitAction::Disable, this);
    if (name == QLatin1String("attach"))
        return new AttachCommand(this);
    if (name == QLatin1String("logs"))
        return new LogsCommand(this);
    if (name == QLatin1String("inspect"))
        return new InspectCommand(this);
    if (name == QLatin1String("exec"))
        return new ExecLineCommand(this);
    if (name == QLatin1String("create"))
        return new CreateCommand(this);
    if (name == QLatin1String("rm"))
        return new RmCommand(this);
    if (name == QLatin1String("rename"))
        return new RenameCommand(this);
    if (name == QLatin1String("events"))
        return new EventsCommand(this);
    if (name == QLatin1String("status"))
        return new StatusCommand(this);
    if (name == QLatin1String("is-active"))
        return new QueryCommand(QueryCommand::Query::Active, this);
    if (name == QLatin1String("is-enabled"))
        return new QueryCommand(QueryCommand::Query::Enabled, this);
    if (name == QLatin1String("is-failed"))
        return new QueryCommand(QueryCommand::Query::Failed, this);
    if (name == QLatin1String("reset-failed"))
        return new ResetFailedCommand(this);
    if (name == QLatin1String("kill"))
        return new KillCommand(this);
    if (name == QLatin1String("cat"))
        return new CatCommand(this);
    return nullptr;
}

void Iocctl::printHelp()
{
    out() << tr("Usage: iocctl [HOST OPTIONS] COMMAND [OPTIONS] [HOST OPTIONS]") << Qt::endl
          << tr("Manage EPICS IOCs that run under procServ and systemd, docker-style.") << Qt::endl
          << Qt::endl
          << tr("Host options, before or after the command (default: the system manager, or "
                "$IOCCTL_HOST):")
          << Qt::endl
          << tr("  --system                 the local system manager; with -H, the remote "
                "system manager")
          << Qt::endl
          << tr("  --user                   the local user manager (your own IOCs); with -H, "
                "the remote user manager (as HOST/user)")
          << Qt::endl
          << tr("  --bus ADDRESS            a systemd manager on this D-Bus address") << Qt::endl
          << tr("  -H, --host [USER@]HOST[:PORT]  a remote system manager over SSH (HOST/user: "
                "the remote user manager); repeatable")
          << Qt::endl
          << tr("  --hosts FILE             the hosts named in FILE (one per line, # comments)")
          << Qt::endl
          << tr("  --connect-timeout SECS   give up connecting/listing after SECS (default %1)")
                     .arg(HostOptions::DefaultConnectTimeout)
          << Qt::endl
          << Qt::endl
          << tr("Output options, before or after the command:") << Qt::endl
          << tr("  --color WHEN             colour states: auto (on a terminal, unless NO_COLOR "
                "is set; the default), always, never")
          << Qt::endl
          << tr("  --no-pager               do not pipe long output (ps, inspect, logs) into "
                "$IOCCTL_PAGER, $PAGER or 'less -FRSX' on a terminal")
          << Qt::endl
          << Qt::endl
          << tr("  -h, --help               show this help; 'iocctl COMMAND --help' for a command")
          << Qt::endl
          << tr("  -V, --version            show the version") << Qt::endl
          << Qt::endl
          << tr("Commands:") << Qt::endl;
    for (const QString &name : commandNames()) {
        Command *command = createCommand(name);
        out() << QStringLiteral("  ") << name.leftJustified(13) << command->description()
              << Qt::endl;
        delete command;
    }
    out() << Qt::endl
          << tr("Exit codes: 0 success, 1 an action failed, 2 usage error or bad input, "
                "3 IOC not found, 4 connection or permission problem, 5 timeout.")
          << Qt::endl;
    out().flush();
}

int Iocctl::execute(const QStringList &args)
{
    HostOptions hostOptions;
    OutputOptions outputOptions;
    int i = 1;
    auto usageError = [this](const QString &message) {
        err() << QStringLiteral("iocctl: ") << message << Qt::endl
              << tr("Run 'iocctl --help' for usage.") << Qt::endl;
        return static_cast<int>(Command::UsageError);
    };
    // Options before the command; "--opt=value", "--opt value" and "-HHOST" all work. Host
    // options after the command are the command's parser's (Command::execute()).
    for (; i < args.size(); ++i) {
        QString arg = args.at(i);
        if (!arg.startsWith(QLatin1Char('-')))
            break;
        QString value;
        bool hasValue = false;
        if (arg.startsWith(QLatin1String("--")) && arg.contains(QLatin1Char('='))) {
            const int eq = static_cast<int>(arg.indexOf(QLatin1Char('=')));
            value = arg.mid(eq + 1);
            arg = arg.left(eq);
            hasValue = true;
        } else if (arg.startsWith(QLatin1String("-H")) && arg.size() > 2) {
            value = arg.mid(2);
            arg = QStringLiteral("-H");
            hasValue = true;
        }
        const QString name = arg.mid(arg.startsWith(QLatin1String("--")) ? 2 : 1);
        const bool longForm = arg.startsWith(QLatin1String("--"));
        if (HostOptions::isHostOption(name) && longForm != (name == QLatin1String("H"))) {
            if (HostOptions::takesValue(name) && !hasValue && i + 1 < args.size()) {
                value = args.at(++i);
                hasValue = true;
            }
            QString error;
            if (!hostOptions.add(name, value, &error))
                return usageError(error);
        } else if (arg == QLatin1String("--color")) {
            if (!hasValue && i + 1 < args.size())
                value = args.at(++i);
            if (!OutputOptions::parseColor(value, &outputOptions.color))
                return usageError(
                        tr("--color wants auto, always or never, not \"%1\".").arg(value));
        } else if (arg == QLatin1String("--no-pager") && !hasValue) {
            outputOptions.noPager = true;
        } else if (arg == QLatin1String("-h") || arg == QLatin1String("--help")) {
            printHelp();
            return Command::Success;
        } else if (arg == QLatin1String("-V") || arg == QLatin1String("--version")) {
            out() << QStringLiteral("iocctl ") << QStringLiteral(IOCDOCK_VERSION) << Qt::endl;
            return Command::Success;
        } else {
            return usageError(tr("Unknown option \"%1\".").arg(args.at(i)));
        }
    }
    if (i >= args.size()) {
        printHelp();
        return Command::UsageError;
    }
    QString name = args.at(i);
    QStringList commandArgs = args.mid(i);
    if (name == QLatin1String("help")) {
        if (i + 1 >= args.size()) {
            printHelp();
            return Command::Success;
        }
        name = args.at(i + 1);
        commandArgs = QStringList{ name, QStringLiteral("--help") };
    }
    m_command = createCommand(name);
    if (!m_command) {
        QString message = tr("Unknown command \"%1\".").arg(name);
        QStringList close;
        for (const QString &candidate : commandNames()) {
            if (IocResolver::editDistance(name, candidate) <= 2)
                close << candidate;
        }
        if (!close.isEmpty())
            message += QLatin1Char(' ')
                    + tr("Did you mean: %1?").arg(close.join(QStringLiteral(", ")));
        return usageError(message);
    }
    m_command->setOutput(m_out, m_err);
    m_command->setHostOptions(hostOptions);
    m_command->setOutputOptions(outputOptions);
    connect(m_command, &Command::finished, this, [this](int code) {
        m_done = true;
        m_exitCode = code;
        emit finished(code);
    });
    const int code = m_command->execute(commandArgs);
    if (code == Command::Pending && m_done)
        return m_exitCode;
    return code;
}
