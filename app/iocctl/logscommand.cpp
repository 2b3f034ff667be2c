// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/logscommand.h"

#include "app/iocctl/fdwriter.h"
#include "app/iocctl/terminaloutput.h"
#include "core/ioc/iocruntime.h"
#include "core/ioc/logsession.h"
#include "core/ioc/logsource.h"
#include "core/ioc/timeargument.h"

#include <cerrno>
#include <tuple>
#include <unistd.h>

struct LogsCommand::Stream
{
    Ioc ioc;
    QByteArray prefix; // merged: "NAME | ", coloured on a terminal
    LogSession *session = nullptr;
    LogSource *source = nullptr;
    TerminalSanitizer sanitizer; // per IOC: one log's open sequence cannot swallow another's
    QByteArray partial; // merged: this IOC's bytes after its last newline
    bool scanning = false; // --since-restart on a log file: reading it whole first
    QByteArray scanned;
    bool done = false;
};

LogsCommand::LogsCommand(QObject *parent)
    : Command(QStringLiteral("logs"),
              tr("Show IOCs' console logs: procServ's log file (-L) when it has one, "
                 "otherwise the unit's journal; a container's output through its engine. "
                 "Several IOCs with -f: their lines merged as they arrive, each prefixed "
                 "'NAME | ' ('HOST/NAME | ' with several hosts, coloured on a terminal); "
                 "without -f: one after the other, each under a '==> NAME <==' header."),
              parent)
{}

LogsCommand::~LogsCommand() = default;

QString LogsCommand::usage() const
{
    return tr("[-f] [-n N] [-t] [--since TIME|--since-restart] [--until TIME] NAME|GLOB...");
}

void LogsCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({ { QStringLiteral("f"), QStringLiteral("follow") },
                       tr("Keep printing new lines (Ctrl+C ends).") });
    parser.addOption({ { QStringLiteral("n"), QStringLiteral("tail") },
                       tr("Show only the last N lines (default: all)."),
                       tr("N") });
    parser.addOption({ QStringLiteral("since"),
                       tr("Only entries since TIME (journal and containers): a date and time "
                          "(\"2024-01-31 12:00\"), a Unix time, or a duration before now (10m, "
                          "\"10 min ago\"), as docker logs and journalctl take them."),
                       tr("TIME") });
    parser.addOption({ QStringLiteral("since-restart"),
                       tr("Only the current run: from the later of the unit's start "
                          "(ActiveEnterTimestamp) and the child's last restart inside procServ "
                          "(when known). Journal and containers: --since that time. procServ "
                          "log file (-L): from its last '@@@ Restarting child' line (the whole "
                          "file when it has none).") });
    parser.addOption({ QStringLiteral("until"),
                       tr("Only entries until TIME (journal and containers; as --since, a "
                          "duration is before now)."),
                       tr("TIME") });
    parser.addOption({ { QStringLiteral("t"), QStringLiteral("timestamps") },
                       tr("Show each line's time (journal: journalctl -o short-iso; "
                          "containers: the engine's timestamps).") });
    parser.addPositionalArgument(QStringLiteral("name"),
                                 tr("IOC names, unit names or globs (\"sim*\")."),
                                 tr("NAME|GLOB..."));
}

int LogsCommand::run(const QCommandLineParser &parser)
{
    m_words = parser.positionalArguments();
    if (m_words.isEmpty()) {
        printError(tr("'logs' takes at least one IOC name."));
        return UsageError;
    }
    m_follow = parser.isSet(QStringLiteral("follow"));
    m_sinceRestart = parser.isSet(QStringLiteral("since-restart"));
    m_timestamps = parser.isSet(QStringLiteral("timestamps"));
    if (m_sinceRestart && parser.isSet(QStringLiteral("since"))) {
        printError(tr("--since and --since-restart exclude each other."));
        return UsageError;
    }
    // Read here, once, the same for every IOC: the journal and the engine get the exact time.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDateTime since, until;
    for (const auto &[option, time, spelled] :
         { std::tuple<QString, QDateTime *, QString *>{ QStringLiteral("since"), &since, &m_since },
           std::tuple<QString, QDateTime *, QString *>{ QStringLiteral("until"), &until,
                                                        &m_until } }) {
        if (!parser.isSet(option))
            continue;
        *time = TimeArgument::parse(parser.value(option), now);
        if (!time->isValid()) {
            printError(tr("--%1 wants %2; not \"%3\".")
                               .arg(option, TimeArgument::examples(), parser.value(option)));
            return UsageError;
        }
        *spelled = TimeArgument::journalSpelling(*time);
    }
    if (since.isValid() && until.isValid() && until < since) {
        printError(tr("--until is before --since."));
        return UsageError;
    }
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
    loadInventory(options, [this] { startLogs(); });
    return Pending;
}

QString LogsCommand::label(const Ioc &ioc) const
{
    const QString name = ioc.name.isEmpty() ? ioc.unit : ioc.name;
    return isMultiHost() ? ioc.host + QLatin1Char('/') + name : name;
}

void LogsCommand::startLogs()
{
    QList<Ioc> iocs;
    int code = Success;
    if (!resolve(m_words, false, &iocs, &code)) {
        finish(code);
        return;
    }
    // Our own buffered output must come before the logs'.
    out().flush();
    err().flush();
    // On a terminal, console output in the log (titles, clipboard writes, device queries)
    // goes through the sanitizer like attach's; into a file or pipe every byte passes.
    m_sanitize = TerminalOutput::isTerminal();
    m_merge = m_follow && iocs.size() > 1;
    // A whole log pages on a terminal; a followed one streams.
    if (!m_follow)
        startPager();
    const bool color = colorEnabled();
    int width = 0;
    for (const Ioc &ioc : qAsConst(iocs))
        width = qMax(width, label(ioc).size());
    for (const Ioc &ioc : qAsConst(iocs)) {
        auto stream = std::make_unique<Stream>();
        stream->ioc = ioc;
        if (m_merge) {
            const QString text = label(ioc).leftJustified(width) + QStringLiteral(" | ");
            stream->prefix =
                    (color ? TerminalOutput::labelColored(text, int(m_streams.size())) : text)
                            .toUtf8();
        }
        m_streams.push_back(std::move(stream));
    }
    if (m_merge) {
        for (const auto &stream : m_streams)
            startStream(stream.get());
        return;
    }
    startStream(m_streams.at(m_next++).get());
}

void LogsCommand::startStream(Stream *stream)
{
    const Ioc &ioc = stream->ioc;
    if (!m_merge && m_streams.size() > 1) {
        QByteArray header = "==> " + label(ioc).toUtf8() + " <==\n";
        if (stream != m_streams.front().get())
            header.prepend('\n');
        writeAllBlocking(STDOUT_FILENO, header);
    }
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
    QString since = m_since;
    if (m_sinceRestart && logFile) {
        // The file has no times: read it whole, find the last restart marker, then show (and
        // follow) from there.
        stream->scanning = true;
        startReading(stream, false, -1, {});
        return;
    }
    if (m_sinceRestart) {
        QDateTime from = ioc.activeSince;
        if (ioc.childSince.isValid() && (!from.isValid() || ioc.childSince > from))
            from = ioc.childSince;
        if (!from.isValid()) {
            printError(tr("%1 has never run: no current run to show.").arg(label(ioc)));
            streamDone(stream, ActionFailed);
            return;
        }
        // To the millisecond: the previous run's last second is not shown.
        since = TimeArgument::journalSpelling(from);
    }
    startReading(stream, m_follow, m_lines, since);
}

void LogsCommand::startReading(Stream *stream, bool follow, int lines, const QString &since)
{
    const Ioc &ioc = stream->ioc;
    const QStringList argv =
            runtimeFor(ioc)->logCommand(ioc, follow, lines, since, m_until, m_timestamps);
    if (!argv.isEmpty()) {
        stream->session = new LogSession(this);
        stream->session->setDelivery(LogSession::Delivery::Bytes);
        connect(stream->session, &LogSession::dataReceived, this,
                [this, stream](const QByteArray &data) { handleOutput(stream, data); });
        // tail's and journalctl's own words (tail -F: the file was replaced, is gone), as they
        // wrote them.
        connect(stream->session, &LogSession::noticeReceived, this,
                [this, stream](const QString &line) {
                    err() << (m_merge ? label(stream->ioc) + QStringLiteral(": ") : QString())
                          << line << Qt::endl;
                });
        connect(stream->session, &LogSession::finished, this,
                [this, stream] { handleSessionFinished(stream); });
        stream->session->start(argv);
        return;
    }
    // A log the runtime streams itself (a container's, through the engine's API).
    QString error;
    stream->source = runtimeFor(ioc)->openLog(ioc, follow, lines, since, &error, this, m_until,
                                              m_timestamps);
    if (!stream->source) {
        printError(error.isEmpty() ? tr("No way to read the log of %1.").arg(label(ioc)) : error);
        streamDone(stream, error.isEmpty() ? ActionFailed : UsageError);
        return;
    }
    connect(stream->source, &LogSource::dataReceived, this,
            [this, stream](const QByteArray &data) { handleOutput(stream, data); });
    connect(stream->source, &LogSource::finished, this, [this, stream](const QString &why) {
        if (!why.isEmpty()) {
            printError(m_merge ? label(stream->ioc) + QStringLiteral(": ") + why : why);
            streamDone(stream, ConnectionError);
            return;
        }
        streamDone(stream, Success);
    });
    stream->source->start();
}

void LogsCommand::handleOutput(Stream *stream, const QByteArray &data)
{
    if (stream->scanning) {
        stream->scanned += data;
        return;
    }
    write(stream, data);
}

void LogsCommand::write(Stream *stream, const QByteArray &data)
{
    // A log is not a console: nothing stalls an IOC here, so write it all (blocking).
    const QByteArray bytes = m_sanitize ? stream->sanitizer.filter(data) : data;
    if (!m_merge) {
        writeAllBlocking(STDOUT_FILENO, bytes);
        return;
    }
    // Whole lines only, each in one write with its prefix: lines of different IOCs never mix.
    stream->partial += bytes;
    const int end = stream->partial.lastIndexOf('\n');
    if (end < 0)
        return;
    QByteArray block;
    int from = 0;
    while (from <= end) {
        const int newline = stream->partial.indexOf('\n', from);
        block += stream->prefix;
        block += stream->partial.mid(from, newline + 1 - from);
        from = newline + 1;
    }
    stream->partial.remove(0, end + 1);
    writeAllBlocking(STDOUT_FILENO, block);
}

void LogsCommand::handleSessionFinished(Stream *stream)
{
    LogSession *session = stream->session;
    const QString name = m_merge ? label(stream->ioc) + QStringLiteral(": ") : QString();
    switch (session->ending()) {
    case LogSession::Ending::FailedToStart:
        printError(name + tr("Cannot run %1: %2").arg(session->program(), session->errorString()));
        streamDone(stream, ConnectionError);
        return;
    case LogSession::Ending::Crashed:
        printError(name + tr("%1 ended abnormally.").arg(session->program()));
        streamDone(stream, ActionFailed);
        return;
    case LogSession::Ending::Exited:
        // tail/journalctl: 1 = could not read (missing file, no permission).
        if (session->exitCode() != 0) {
            if (m_merge || m_streams.size() > 1)
                printError(tr("Cannot read the log of %1 (%2).")
                                   .arg(label(stream->ioc), session->endMessage()));
            streamDone(stream, ActionFailed);
            return;
        }
        if (stream->scanning) {
            scanDone(stream);
            return;
        }
        streamDone(stream, Success);
        return;
    }
}

void LogsCommand::scanDone(Stream *stream)
{
    stream->scanning = false;
    QByteArray text;
    text.swap(stream->scanned);
    // procServ writes the marker when it restarts the child: the current run starts there.
    const int marker = text.lastIndexOf("@@@ Restarting child");
    if (marker >= 0)
        text.remove(0, text.lastIndexOf('\n', marker) + 1);
    const int lines = text.count('\n') + (text.isEmpty() || text.endsWith('\n') ? 0 : 1);
    const int shown = m_lines < 0 ? lines : qMin(m_lines, lines);
    stream->session->deleteLater();
    stream->session = nullptr;
    if (m_follow) {
        // Lines written since the read are part of the last `shown` lines tail prints now.
        startReading(stream, true, shown, {});
        return;
    }
    int from = 0;
    for (int skip = lines - shown; skip > 0; --skip)
        from = text.indexOf('\n', from) + 1;
    write(stream, text.mid(from));
    streamDone(stream, Success);
}

void LogsCommand::streamDone(Stream *stream, int code)
{
    if (stream->done)
        return;
    stream->done = true;
    if (!stream->partial.isEmpty())
        write(stream, "\n"); // the last line, unfinished, still whole and prefixed
    if (code != Success && m_code == Success)
        m_code = code;
    if (!m_merge) {
        if (m_next < int(m_streams.size())) {
            startStream(m_streams.at(m_next++).get());
            return;
        }
        finish(m_code);
        return;
    }
    for (const auto &other : m_streams) {
        if (!other->done)
            return;
    }
    finish(m_code);
}
