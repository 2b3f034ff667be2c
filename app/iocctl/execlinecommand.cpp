// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/execlinecommand.h"

#include "app/iocctl/fdwriter.h"
#include "core/fleet/execfanout.h"
#include "core/fleet/fleet.h"
#include "core/ioc/iocfilter.h"
#include "core/procserv/terminalsanitizer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cerrno>
#include <unistd.h>

namespace {

// The length of the valid UTF-8 sequence at @p i of @p bytes (a byte >= 0x80), 0 if invalid:
// no overlong forms, no surrogates, nothing above U+10FFFF (as a terminal decodes it).
int utf8SequenceLength(const QByteArray &bytes, qsizetype i)
{
    const auto at = [&bytes](qsizetype k) { return static_cast<unsigned char>(bytes.at(k)); };
    const unsigned char lead = at(i);
    int length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        if (lead == 0xe0)
            low = 0xa0; // overlong
        else if (lead == 0xed)
            high = 0x9f; // surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        if (lead == 0xf0)
            low = 0x90; // overlong
        else if (lead == 0xf4)
            high = 0x8f; // above U+10FFFF
    } else {
        return 0;
    }
    if (i + length > bytes.size())
        return 0;
    for (int k = 1; k < length; ++k) {
        const unsigned char c = at(i + k);
        if (c < (k == 1 ? low : 0x80) || c > (k == 1 ? high : 0xbf))
            return 0;
    }
    return length;
}

} // namespace

ExecLineCommand::ExecLineCommand(QObject *parent)
    : Command(QStringLiteral("exec"),
              tr("Run one IOC shell command on one or many IOCs and print the output."), parent)
{}

QString ExecLineCommand::usage() const
{
    return tr("[--timeout SECONDS] [--prompt TEXT] NAME -- LINE\n"
              "       iocctl [HOST OPTIONS] exec [-f FILTER]... [--parallel N] [--format json] "
              "[NAME|GLOB]... -- LINE");
}

void ExecLineCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({ { QStringLiteral("t"), QStringLiteral("timeout") },
                       tr("Seconds to wait for the prompt after the command (default 10); per "
                          "IOC."),
                       tr("SECONDS"),
                       QStringLiteral("10") });
    parser.addOption({ QStringLiteral("prompt"),
                       tr("The IOC shell's prompt that ends the reply (default \"epics> \")."),
                       tr("TEXT"), QStringLiteral("epics> ") });
    parser.addOption({ { QStringLiteral("f"), QStringLiteral("filter") },
                       tr("Run on every IOC matching KEY=VALUE (as 'ps --filter'; repeatable, "
                          "terms AND together); with names, on those of them that match."),
                       tr("KEY=VALUE") });
    parser.addOption({ QStringLiteral("parallel"),
                       tr("With several IOCs: how many consoles at a time (default 8)."), tr("N"),
                       QStringLiteral("8") });
    parser.addOption({ QStringLiteral("format"),
                       tr("With several IOCs: 'json' prints one array of {host, name, unit, "
                          "status, output, error}."),
                       tr("FORMAT") });
    parser.addPositionalArgument(QStringLiteral("name"),
                                 tr("IOC names, unit names or globs (quote globs: 'motor*')."),
                                 tr("NAME|GLOB..."));
    parser.addPositionalArgument(QStringLiteral("line"),
                                 tr("The command line; words are joined with spaces. Put it "
                                    "after -- when it has options of its own, or with several "
                                    "IOCs."),
                                 tr("-- LINE"));
}

QString ExecLineCommand::helpEpilog() const
{
    return tr("The line is sent with a carriage return, as the Enter key does. Lines with "
              "control characters are refused (exit code 2): use 'attach' for those.\n"
              "Into a pipe or file the reply passes byte for byte; on a terminal, sequences that "
              "would act on the terminal are dropped and control characters and invalid UTF-8 "
              "are shown as ^@ and \\xff. When the IOC process exits meanwhile, exec says so "
              "at once (exit code 1).\n"
              "Several names, a glob, -f or --format run the line on every matching IOC, "
              "--parallel at a time; each reply is printed whole, under a '==> NAME <==' header "
              "('==> HOST/NAME <==' with several hosts), in the order of the IOCs (as named, "
              "a glob's matches and filtered ones by name). An IOC that is stopped, shut down, "
              "exits or times out is reported and the others go on; exit code 0 only when every "
              "IOC replied, 1 when one or more did not; 4 when a host could not be reached "
              "(and every IOC of the others replied). --format json shows the output as text "
              "(JSON-escaped; invalid UTF-8 replaced).");
}

int ExecLineCommand::findControlCharacter(const QString &line)
{
    return ExecLineJob::findControlCharacter(line);
}

bool ExecLineCommand::isComplete(const QByteArray &raw, const QString &prompt)
{
    return ExecLineJob::isComplete(raw, prompt);
}

QByteArray ExecLineCommand::cleanReply(const QByteArray &raw, const QString &line,
                                       const QString &prompt)
{
    return ExecLineJob::cleanReply(raw, line, prompt);
}

QByteArray ExecLineCommand::makeVisible(const QByteArray &bytes)
{
    QByteArray out;
    out.reserve(bytes.size());
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char ch = bytes.at(i);
        const auto c = static_cast<unsigned char>(ch);
        const bool sequence = c == 0x1b && i + 1 < bytes.size() && bytes.at(i + 1) >= 0x20
                && bytes.at(i + 1) < 0x7f;
        if (c == '\t' || c == '\n' || c == '\r' || c == '\b' || c == 0x07 || sequence) {
            out.append(ch); // the sanitizer decides about escape sequences
        } else if (c < 0x20) {
            out.append('^').append(static_cast<char>(c + 0x40)); // NUL is ^@
        } else if (c == 0x7f) {
            out.append("^?");
        } else if (c < 0x80) {
            out.append(ch);
        } else if (const int length = utf8SequenceLength(bytes, i)) {
            out.append(bytes.constData() + i, length);
            i += length - 1;
        } else {
            out.append("\\x").append(QByteArray::number(c, 16).rightJustified(2, '0'));
        }
    }
    return out;
}

QByteArray ExecLineCommand::forTerminal(const QByteArray &reply)
{
    TerminalSanitizer sanitizer;
    return sanitizer.filter(makeVisible(reply));
}

QByteArray ExecLineCommand::withoutProcServLines(const QByteArray &reply)
{
    return ExecLineJob::withoutProcServLines(reply);
}

void ExecLineCommand::writeReply(const QByteArray &reply)
{
    // Our own buffered text must not come after the reply.
    out().flush();
    writeAllBlocking(STDOUT_FILENO, ::isatty(STDOUT_FILENO) ? forTerminal(reply) : reply);
}

int ExecLineCommand::exitCodeFor(ExecLineJob::Status status)
{
    switch (status) {
    case ExecLineJob::Status::Ok:
        return Success;
    case ExecLineJob::Status::NotRunning:
    case ExecLineJob::Status::NoConsole:
    case ExecLineJob::Status::ShutDown:
    case ExecLineJob::Status::Exited:
        return ActionFailed;
    case ExecLineJob::Status::TimedOut:
        return TimedOut;
    case ExecLineJob::Status::ConnectionFailed:
        return ConnectionError;
    }
    return ActionFailed;
}

void ExecLineCommand::splitWords(const QStringList &args, const QStringList &positional,
                                 bool hasFilter, QStringList *names, QStringList *line)
{
    const qsizetype dashes = args.indexOf(QStringLiteral("--"));
    if (dashes >= 0) {
        // QCommandLineParser puts the words after "--" last among the positional ones.
        const qsizetype after = args.size() - dashes - 1;
        const qsizetype before = positional.size() - after;
        *names = positional.mid(0, before);
        *line = positional.mid(before);
    } else if (hasFilter) {
        names->clear();
        *line = positional;
    } else {
        *names = positional.mid(0, 1);
        *line = positional.mid(1);
    }
}

int ExecLineCommand::run(const QCommandLineParser &parser)
{
    if (!filterTerms(parser, &m_filterTerms))
        return UsageError;
    m_format = parser.value(QStringLiteral("format"));
    QStringList lineWords;
    splitWords(arguments(), parser.positionalArguments(), !m_filterTerms.isEmpty(), &m_words,
               &lineWords);
    const bool glob = std::any_of(m_words.cbegin(), m_words.cend(), [](const QString &word) {
        return word.contains(QLatin1Char('*')) || word.contains(QLatin1Char('?'))
                || word.contains(QLatin1Char('['));
    });
    m_fanOut = !m_filterTerms.isEmpty() || m_words.size() > 1 || glob
            || parser.isSet(QStringLiteral("format")) || parser.isSet(QStringLiteral("parallel"));
    if (m_words.isEmpty() && m_filterTerms.isEmpty()) {
        printError(tr("'exec' needs an IOC name and a command line: iocctl exec NAME -- LINE"));
        return UsageError;
    }
    m_line = lineWords.join(QLatin1Char(' '));
    if (lineWords.isEmpty()) {
        printError(tr("'exec' needs an IOC name and a command line: iocctl exec NAME -- LINE"));
        return UsageError;
    }
    if (m_line.trimmed().isEmpty()) {
        printError(tr("The command line is empty."));
        return UsageError;
    }
    const int bad = findControlCharacter(m_line);
    if (bad >= 0) {
        printError(tr("Refusing to send a control character (0x%1 at position %2): procServ "
                      "and the IOC shell act on those. Use 'iocctl attach' to type it.")
                           .arg(QString::number(m_line.at(bad).unicode(), 16)
                                        .rightJustified(2, QLatin1Char('0')))
                           .arg(bad + 1));
        return UsageError;
    }
    bool ok = false;
    m_timeoutSeconds = parser.value(QStringLiteral("timeout")).toInt(&ok);
    if (!ok || m_timeoutSeconds <= 0) {
        printError(tr("--timeout wants a positive number of seconds, not \"%1\".")
                           .arg(parser.value(QStringLiteral("timeout"))));
        return UsageError;
    }
    m_prompt = parser.value(QStringLiteral("prompt"));

    if (m_fanOut) {
        m_parallel = parser.value(QStringLiteral("parallel")).toInt(&ok);
        if (!ok || m_parallel <= 0) {
            printError(tr("--parallel wants a positive number, not \"%1\".")
                               .arg(parser.value(QStringLiteral("parallel"))));
            return UsageError;
        }
        if (!m_format.isEmpty() && m_format != QLatin1String("json")
            && m_format != QLatin1String("text")) {
            printError(tr("--format of exec is json or text, not \"%1\".").arg(m_format));
            return UsageError;
        }
        const IocFilter filter = IocFilter::parse(m_filterTerms);
        if (!filter.isValid()) {
            printError(tr("Bad filter: %1").arg(filter.errorString()));
            return UsageError;
        }
        InventoryOptions options;
        // A stopped IOC named or matched is reported as not running, not as unknown.
        options.includeUnitFiles = true;
        options.probeConsoles = false;
        loadInventory(options, [this] { runFanOut(); });
        return Pending;
    }

    InventoryOptions options;
    options.includeUnitFiles = false;
    options.probeConsoles = false;
    loadInventory(options, [this] { connectConsole(); });
    return Pending;
}

void ExecLineCommand::connectConsole()
{
    if (!resolveConsole(m_words.constFirst(), &m_ioc))
        return;
    m_job = new ExecLineJob(m_ioc, runtimeFor(m_ioc), m_line, m_prompt, m_timeoutSeconds, this);
    connect(m_job, &ExecLineJob::finished, this, [this] {
        QByteArray reply = m_job->reply();
        // On a terminal the message about the exit starts on a line of its own.
        if (m_job->status() == ExecLineJob::Status::Exited && ::isatty(STDOUT_FILENO)
            && !reply.isEmpty() && !reply.endsWith('\n'))
            reply += '\n';
        if (m_job->hasReply())
            writeReply(reply);
        if (!m_job->message().isEmpty())
            printError(m_job->message());
        finish(exitCodeFor(m_job->status()));
    });
    m_job->start();
}

void ExecLineCommand::runFanOut()
{
    QList<Ioc> iocs;
    int code = Success;
    if (!resolveSelection(m_words, m_filterTerms, &iocs, &code)) {
        finish(code);
        return;
    }
    m_run = new ExecFanOut(fleet(), iocs, m_line, m_prompt, m_timeoutSeconds, m_parallel, this);
    connect(m_run, &ExecFanOut::jobFinished, this, &ExecLineCommand::printDoneBlocks);
    connect(m_run, &ExecFanOut::finished, this, &ExecLineCommand::finishFanOut);
    m_run->start();
}

void ExecLineCommand::printDoneBlocks()
{
    const bool tty = ::isatty(STDOUT_FILENO);
    // In the order of the IOCs, each as soon as those before it are done; a block is one write.
    const QList<ExecLineJob *> &jobs = m_run->jobs();
    while (m_printed < jobs.size() && jobs.at(m_printed)->isDone()) {
        ExecLineJob *job = jobs.at(m_printed++);
        if (m_format == QLatin1String("json"))
            continue; // all at the end, one array
        const Ioc &ioc = job->ioc();
        const QString name = ioc.name.isEmpty() ? ioc.unit : ioc.name;
        const QString label = isMultiHost() ? ioc.host + QLatin1Char('/') + name : name;
        QByteArray block = "==> " + label.toUtf8() + " <==\n";
        QByteArray reply = job->reply();
        if (!reply.isEmpty() && !reply.endsWith('\n'))
            reply += '\n';
        if (tty) {
            // A fresh sanitizer per block: a sequence the IOC left open cannot swallow the next
            // header; attributes it set are reset before the next block.
            block = forTerminal(block) + forTerminal(reply);
            if (reply.contains('\x1b'))
                block += "\x1b[0m";
        } else {
            block += reply;
        }
        out().flush();
        writeAllBlocking(STDOUT_FILENO, block);
        if (!job->message().isEmpty())
            printError(job->message());
    }
}

void ExecLineCommand::finishFanOut()
{
    const QList<ExecLineJob *> &jobs = m_run->jobs();
    int failed = 0;
    QStringList failures;
    for (const ExecLineJob *job : jobs) {
        if (job->status() == ExecLineJob::Status::Ok)
            continue;
        ++failed;
        const Ioc &ioc = job->ioc();
        const QString name = ioc.name.isEmpty() ? ioc.unit : ioc.name;
        failures << tr("%1 (%2)").arg(isMultiHost() ? ioc.host + QLatin1Char('/') + name : name,
                                      ExecLineJob::statusName(job->status()));
    }
    if (m_format == QLatin1String("json")) {
        QJsonArray array;
        for (const ExecLineJob *job : jobs) {
            const Ioc &ioc = job->ioc();
            QJsonObject o;
            o.insert(QStringLiteral("host"), ioc.host);
            o.insert(QStringLiteral("name"), ioc.name.isEmpty() ? ioc.unit : ioc.name);
            o.insert(QStringLiteral("unit"), ioc.unit);
            o.insert(QStringLiteral("status"), ExecLineJob::statusName(job->status()));
            o.insert(QStringLiteral("output"),
                     job->hasReply() ? QJsonValue(QString::fromUtf8(job->reply()))
                                     : QJsonValue(QJsonValue::Null));
            o.insert(QStringLiteral("error"),
                     job->message().isEmpty() ? QJsonValue(QJsonValue::Null)
                                              : QJsonValue(job->message()));
            array.append(o);
        }
        const QByteArray json = QJsonDocument(array).toJson(QJsonDocument::Indented);
        out().flush();
        // JSON escapes C0 controls; the sanitizer also drops C1 controls on a terminal.
        writeAllBlocking(STDOUT_FILENO, ::isatty(STDOUT_FILENO) ? forTerminal(json) : json);
        for (const ExecLineJob *job : jobs) {
            if (!job->message().isEmpty())
                printError(job->message());
        }
    }
    if (failed > 0) {
        printError(tr("%1 of %n IOC(s) replied; no reply from: %2", nullptr,
                      static_cast<int>(jobs.size()))
                           .arg(jobs.size() - failed)
                           .arg(failures.join(QStringLiteral(", "))));
    }
    finish(failed > 0 ? ActionFailed : Success);
}
