// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/logscommand.h"

#include "app/iocctl/fdwriter.h"
#include "core/ioc/iocruntime.h"
#include "core/ioc/logsession.h"
#include "core/ioc/logsource.h"

#include <cerrno>
#include <unistd.h>

LogsCommand::LogsCommand(QObject *parent)
    : Command(QStringLiteral("logs"),
              tr("Show the IOC's console log: procServ's log file (-L) when it has one, "
                 "otherwise the unit's journal; a container's output through its engine."),
              parent)
{}

QString LogsCommand::usage() const
{
    return tr("[-f] [-n N] [-t] [--since TIME] [--until TIME] NAME");
}

void LogsCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({ { QStringLiteral("f"), QStringLiteral("follow") },
                       tr("Keep printing new lines (Ctrl+C ends).") });
    parser.addOption({ { QStringLiteral("n"), QStringLiteral("tail") },
                       tr("Show only the last N lines (default: all)."),
                       tr("N") });
    parser.addOption({ QStringLiteral("since"),
                       tr("Only entries since TIME (journal and containers; journalctl syntax "
                          "such as \"10 min ago\" or \"2024-01-31 12:00\")."),
                       tr("TIME") });
    parser.addOption({ QStringLiteral("until"),
                       tr("Only entries until TIME (journal and containers; the syntax of "
                          "--since)."),
                       tr("TIME") });
    parser.addOption({ { QStringLiteral("t"), QStringLiteral("timestamps") },
                       tr("Show each line's time (journal: journalctl -o short-iso; "
                          "containers: the engine's timestamps).") });
    parser.addPositionalArgument(QStringLiteral("name"), tr("IOC name or unit name."), tr("NAME"));
}

int LogsCommand::run(const QCommandLineParser &parser)
{
    const QStringList words = parser.positionalArguments();
    if (words.size() != 1) {
        printError(tr("'logs' takes exactly one IOC name."));
        return UsageError;
    }
    m_word = words.constFirst();
    m_follow = parser.isSet(QStringLiteral("follow"));
    m_since = parser.value(QStringLiteral("since"));
    m_until = parser.value(QStringLiteral("until"));
    m_timestamps = parser.isSet(QStringLiteral("timestamps"));
    if (parser.isSet(QStringLiteral("tail"))) {
        bool ok = false;
        m_lines = parser.value(QStringLiteral("tail")).toInt(&ok);
        if (!ok || m_lines < 0) {
            printError(tr("-n wants a number of lines, not \"%1\".")
                               .arg(parser.value(QStringLiteral("tail"))));
            return UsageError;
        }
    }
    InventoryOptions options;
    options.includeUnitFiles = true;
    options.probeConsoles = false;
    loadInventory(options, [this] { startLog(); });
    return Pending;
}

void LogsCommand::startLog()
{
    QList<Ioc> iocs;
    int code = Success;
    if (!resolve({ m_word }, true, &iocs, &code)) {
        finish(code);
        return;
    }
    const Ioc ioc = iocs.constFirst();
    const bool logFile = !ioc.logFile.isEmpty() && ioc.logFile != QLatin1String("-");
    if (logFile && !m_since.isEmpty())
        printWarning(tr("--since applies to the journal only; %1 logs to %2.")
                             .arg(ioc.name, ioc.logFile));
    if (logFile && !m_until.isEmpty())
        printWarning(tr("--until applies to the journal only; %1 logs to %2.")
                             .arg(ioc.name, ioc.logFile));
    if (logFile && m_timestamps)
        printWarning(tr("%1 logs to %2, whose lines have no time unless procServ writes one "
                        "(--logstamp); shown as written.")
                             .arg(ioc.name, ioc.logFile));
    const QStringList argv =
            runtimeFor(ioc)->logCommand(ioc, m_follow, m_lines, m_since, m_until, m_timestamps);
    if (argv.isEmpty()) {
        startLogSource(ioc);
        return;
    }
    // Our own buffered output must come before the log's.
    out().flush();
    err().flush();
    // A whole log pages on a terminal; a followed one streams.
    if (!m_follow)
        startPager();
    m_session = new LogSession(this);
    m_session->setDelivery(LogSession::Delivery::Bytes);
    // On a terminal, console output in the log (titles, clipboard writes, device queries)
    // goes through the sanitizer like attach's; into a file or pipe every byte passes.
    m_sanitize = TerminalOutput::isTerminal();
    connect(m_session, &LogSession::dataReceived, this, &LogsCommand::handleOutput);
    // tail's and journalctl's own words (tail -F: the file was replaced, is gone), as they
    // wrote them.
    connect(m_session, &LogSession::noticeReceived, this,
            [this](const QString &line) { err() << line << Qt::endl; });
    connect(m_session, &LogSession::finished, this, &LogsCommand::handleFinished);
    m_session->start(argv);
}

void LogsCommand::startLogSource(const Ioc &ioc)
{
    // A log the runtime streams itself (a container's, through the engine's API).
    QString error;
    m_source = runtimeFor(ioc)->openLog(ioc, m_follow, m_lines, m_since, &error, this, m_until,
                                        m_timestamps);
    if (!m_source) {
        printError(error.isEmpty() ? tr("No way to read the log of %1.").arg(ioc.name) : error);
        finish(error.isEmpty() ? ActionFailed : UsageError);
        return;
    }
    out().flush();
    err().flush();
    if (!m_follow)
        startPager();
    m_sanitize = TerminalOutput::isTerminal();
    connect(m_source, &LogSource::dataReceived, this, &LogsCommand::handleOutput);
    connect(m_source, &LogSource::finished, this, [this](const QString &why) {
        if (!why.isEmpty()) {
            printError(why);
            finish(ConnectionError);
            return;
        }
        finish(Success);
    });
    m_source->start();
}

void LogsCommand::handleOutput(const QByteArray &data)
{
    // A log is not a console: nothing stalls an IOC here, so write it all (blocking).
    writeAllBlocking(STDOUT_FILENO, m_sanitize ? m_sanitizer.filter(data) : data);
}

void LogsCommand::handleFinished()
{
    switch (m_session->ending()) {
    case LogSession::Ending::FailedToStart:
        printError(tr("Cannot run %1: %2").arg(m_session->program(), m_session->errorString()));
        finish(ConnectionError);
        return;
    case LogSession::Ending::Crashed:
        printError(tr("%1 ended abnormally.").arg(m_session->program()));
        finish(ActionFailed);
        return;
    case LogSession::Ending::Exited:
        // tail/journalctl: 1 = could not read (missing file, no permission).
        finish(m_session->exitCode() == 0 ? Success : ActionFailed);
        return;
    }
}
