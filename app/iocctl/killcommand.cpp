// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/killcommand.h"

#include "core/fleet/fleet.h"
#include "core/ioc/logsession.h"

#include <QProcess>

namespace {

// Signals kill(1) of every POSIX shell knows by name, with Linux's numbers.
const QList<QPair<QString, int>> &knownSignals()
{
    static const QList<QPair<QString, int>> list{
        { QStringLiteral("HUP"), 1 },   { QStringLiteral("INT"), 2 },
        { QStringLiteral("QUIT"), 3 },  { QStringLiteral("ILL"), 4 },
        { QStringLiteral("TRAP"), 5 },  { QStringLiteral("ABRT"), 6 },
        { QStringLiteral("BUS"), 7 },   { QStringLiteral("FPE"), 8 },
        { QStringLiteral("KILL"), 9 },  { QStringLiteral("USR1"), 10 },
        { QStringLiteral("SEGV"), 11 }, { QStringLiteral("USR2"), 12 },
        { QStringLiteral("PIPE"), 13 }, { QStringLiteral("ALRM"), 14 },
        { QStringLiteral("TERM"), 15 }, { QStringLiteral("CONT"), 18 },
        { QStringLiteral("STOP"), 19 }, { QStringLiteral("TSTP"), 20 },
    };
    return list;
}

// Reads the children of procServ (MAINPID) afresh on the IOC's host and signals the first:
// procServ runs exactly one child. Prints the child's PID; exit 3 when there is none, 6 when
// the child blocks the signal, 7 when it ignores it (then nothing is sent: it would stay
// pending or vanish). procServ 2.7 starts its child with SIGHUP, SIGPIPE and SIGTERM blocked
// and SIGINT and SIGQUIT ignored (seen in /proc/PID/status under Debian 12's procServ).
const char killScript[] = "main=$1; sig=$2; num=$3\n"
                          "kids=$(cat /proc/$main/task/$main/children 2>/dev/null) || exit 4\n"
                          "set -- $kids\n"
                          "[ $# -ge 1 ] || exit 3\n"
                          "pid=$1\n"
                          "echo $pid\n"
                          "mask() { sed -n \"s/^$1:[[:space:]]*//p\" /proc/$pid/status; }\n"
                          "bit=$(( 1 << (num - 1) ))\n"
                          "[ $(( 0x$(mask SigBlk) & bit )) = 0 ] || exit 6\n"
                          "[ $(( 0x$(mask SigIgn) & bit )) = 0 ] || exit 7\n"
                          "kill -$sig $pid || exit 5\n";

} // namespace

KillCommand::KillCommand(QObject *parent)
    : Command(QStringLiteral("kill"),
              tr("Send a signal to the IOC process under procServ (not to procServ)."), parent)
{}

QString KillCommand::usage() const
{
    return tr("[-s SIGNAL] NAME|GLOB...");
}

void KillCommand::addOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("names"),
                                 tr("IOC names, unit names or globs (quote globs: 'motor*')."),
                                 tr("NAME|GLOB..."));
    parser.addOption(QCommandLineOption({ QStringLiteral("s"), QStringLiteral("signal") },
                                        tr("The signal: a name (TERM, SIGKILL, hup) or number "
                                           "(default KILL, as procServ's ^X and docker kill)."),
                                        tr("SIGNAL")));
}

QString KillCommand::helpEpilog() const
{
    return tr("The signal goes to the IOC process procServ runs (its child, read afresh from "
              "/proc/MAINPID/task/MAINPID/children on the IOC's host, through ssh for a remote "
              "host), never to procServ, so the console stays up. If the signal ends the IOC:\n"
              "  auto-restart ON       procServ starts it again (at once, or after its --holdoff "
              "seconds when it ran for less than that);\n"
              "  auto-restart OFF      the IOC stays down; procServ and its console stay up "
              "(start it again with 'iocctl restart NAME');\n"
              "  auto-restart ONESHOT  procServ exits with it, and systemd does what the unit's "
              "Restart= says.\n"
              "procServ starts its child with SIGTERM, SIGHUP and SIGPIPE blocked and SIGINT and "
              "SIGQUIT ignored; iocctl reads the child's signal masks first and sends nothing "
              "that would stay pending or vanish (exit 1).\n"
              "Signalling an IOC of the system manager needs the rights of the user it runs as "
              "(usually root: sudo). Container IOCs: use the engine's own kill.");
}

int KillCommand::signalNumber(const QString &name)
{
    for (const auto &known : knownSignals()) {
        if (known.first == name)
            return known.second;
    }
    return 0;
}

QString KillCommand::signalName(const QString &text)
{
    QString word = text.trimmed().toUpper();
    if (word.startsWith(QLatin1String("SIG")))
        word = word.mid(3);
    bool isNumber = false;
    const int number = word.toInt(&isNumber);
    for (const auto &known : knownSignals()) {
        if ((isNumber && known.second == number) || (!isNumber && known.first == word))
            return known.first;
    }
    return {};
}

int KillCommand::run(const QCommandLineParser &parser)
{
    m_words = parser.positionalArguments();
    if (m_words.isEmpty()) {
        printError(tr("'kill' needs at least one IOC name."));
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("signal"))) {
        m_signal = signalName(parser.value(QStringLiteral("signal")));
        if (m_signal.isEmpty()) {
            QStringList names;
            for (const auto &known : knownSignals())
                names << known.first;
            printError(tr("Unknown signal \"%1\"; one of %2 (or its number).")
                               .arg(parser.value(QStringLiteral("signal")),
                                    names.join(QStringLiteral(", "))));
            return UsageError;
        }
    }
    InventoryOptions options;
    options.includeUnitFiles = false; // only a running IOC can be signalled
    options.activeOnly = true;
    options.probeConsoles = true; // auto-restart mode, for what follows the kill
    loadInventory(options, [this] { killAll(); });
    return Pending;
}

void KillCommand::killAll()
{
    QList<Ioc> iocs;
    int code = Success;
    if (!resolve(m_words, false, &iocs, &code)) {
        if (code == NotFound)
            err() << tr("hint: only running IOCs can be signalled; 'iocctl ps -a' lists the "
                        "others.")
                  << Qt::endl;
        finish(code);
        return;
    }
    m_pending = static_cast<int>(iocs.size());
    for (const Ioc &ioc : std::as_const(iocs))
        killOne(ioc);
}

QString KillCommand::afterKill(const Ioc &ioc) const
{
    switch (ioc.autoRestart) {
    case AutoRestart::On:
        return tr("auto-restart is ON: if the signal ends it, procServ starts it again");
    case AutoRestart::Off:
        return tr("auto-restart is OFF: if the signal ends it, it stays down while procServ "
                  "and its console stay up (iocctl restart %1 starts it again)")
                .arg(ioc.name);
    case AutoRestart::OneShot:
        return tr("auto-restart is ONESHOT: if the signal ends it, procServ exits too and "
                  "systemd does what the unit's Restart= says");
    case AutoRestart::Unknown:
        break;
    }
    return tr("auto-restart unknown: if the signal ends it, procServ starts it again when "
              "auto-restart is ON, else it stays down with the console up");
}

void KillCommand::killOne(const Ioc &ioc)
{
    const QString label = ioc.name.isEmpty() ? ioc.unit : ioc.name;
    Host *host = fleet()->hostFor(ioc);
    if (ioc.isContainerRow()) {
        printError(tr("%1 runs in a container (%2): signal it with '%2 kill' or 'docker kill'.")
                           .arg(label, ioc.runtime));
        oneDone(ActionFailed);
        return;
    }
    if (!host || ioc.mainPid == 0 || !ioc.isActive()) {
        printError(tr("%1 is not running (start it with: iocctl start %1)").arg(label));
        oneDone(ActionFailed);
        return;
    }
    if (ioc.childState == ChildState::ShutDown) {
        printError(tr("%1: the IOC process is shut down; procServ runs no child to signal.")
                           .arg(label));
        oneDone(ActionFailed);
        return;
    }
    const QStringList argv = host->commandOnHost(
            { QStringLiteral("/bin/sh"), QStringLiteral("-c"), QString::fromLatin1(killScript),
              QStringLiteral("sh"), QString::number(ioc.mainPid), m_signal,
              QString::number(signalNumber(m_signal)) });
    auto *process = new QProcess(this);
    process->setProgram(argv.value(0));
    process->setArguments(argv.mid(1));
    process->setStandardInputFile(QProcess::nullDevice());
    connect(process, QOverload<int, QProcess::ExitStatus>::of(&QProcess::finished), this,
            [this, process, ioc, label](int exitCode, QProcess::ExitStatus status) {
                process->deleteLater();
                const QString pid = QString::fromUtf8(process->readAllStandardOutput()).trimmed();
                const QString why = QString::fromUtf8(process->readAllStandardError()).trimmed();
                if (status == QProcess::NormalExit && exitCode == 0 && !pid.isEmpty()) {
                    out() << tr("%1: sent SIG%2 to the IOC process (PID %3, child of procServ "
                                "PID %4); %5.")
                                     .arg(label, m_signal, pid, QString::number(ioc.mainPid),
                                          afterKill(ioc))
                          << Qt::endl;
                    oneDone(Success);
                    return;
                }
                if (exitCode == 6 || exitCode == 7) {
                    printError(tr("%1: the IOC process (PID %2) %3 SIG%4, so it would do "
                                  "nothing; nothing was sent. procServ starts its child with "
                                  "SIGTERM, SIGHUP and SIGPIPE blocked and SIGINT and SIGQUIT "
                                  "ignored: use -s KILL (what procServ's ^X sends).")
                                       .arg(label, pid,
                                            exitCode == 6 ? tr("blocks") : tr("ignores"),
                                            m_signal));
                    oneDone(ActionFailed);
                } else if (exitCode == 3) {
                    printError(tr("%1: procServ (PID %2) runs no child now (shut down, or "
                                  "between restarts).")
                                       .arg(label)
                                       .arg(ioc.mainPid));
                    oneDone(ActionFailed);
                } else if (exitCode == 5) {
                    printError(tr("%1: kill -%2 failed: %3").arg(label, m_signal, why));
                    if (why.contains(QLatin1String("ermitted")))
                        err() << tr("hint: signalling the IOC needs the rights of the user it "
                                    "runs as (for the system manager usually root: sudo).")
                              << Qt::endl;
                    oneDone(ConnectionError);
                } else {
                    printError(
                            tr("%1: cannot read the children of procServ (PID %2)%3")
                                    .arg(label)
                                    .arg(ioc.mainPid)
                                    .arg(why.isEmpty() ? QString() : QStringLiteral(": ") + why));
                    oneDone(ActionFailed);
                }
            });
    connect(process, &QProcess::errorOccurred, this,
            [this, process, label](QProcess::ProcessError error) {
                if (error != QProcess::FailedToStart)
                    return;
                process->deleteLater();
                printError(tr("%1: cannot run %2: %3")
                                   .arg(label, process->program(), process->errorString()));
                oneDone(ConnectionError);
            });
    process->start();
}

void KillCommand::oneDone(int code)
{
    if (code != Success)
        m_exitCode = std::max(m_exitCode, code);
    if (--m_pending == 0)
        finish(m_exitCode);
}
