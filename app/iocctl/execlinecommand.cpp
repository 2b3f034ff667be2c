// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/execlinecommand.h"

#include "app/iocctl/fdwriter.h"
#include "core/ioc/iocruntime.h"
#include "core/procserv/consolesession.h"
#include "core/procserv/terminalsanitizer.h"

#include <QRegularExpression>

#include <cerrno>
#include <unistd.h>

namespace {

const int kBannerQuietMs = 1000;

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

// "Normal exit status = 0" / "The process was killed by signal 9", as procServ says it.
QString describeExit(const QString &reason)
{
    static const QRegularExpression status(QStringLiteral("exit status = (-?\\d+)"));
    static const QRegularExpression signal(QStringLiteral("killed by signal (\\d+)"));
    QRegularExpressionMatch m;
    if ((m = status.match(reason)).hasMatch())
        return ExecLineCommand::tr("exited (status %1)").arg(m.captured(1));
    if ((m = signal.match(reason)).hasMatch())
        return ExecLineCommand::tr("was killed by signal %1").arg(m.captured(1));
    if (!reason.isEmpty())
        return ExecLineCommand::tr("exited (%1)").arg(reason);
    return ExecLineCommand::tr("exited");
}

} // namespace

ExecLineCommand::ExecLineCommand(QObject *parent)
    : Command(QStringLiteral("exec"), tr("Run one IOC shell command and print its output."), parent)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &ExecLineCommand::handleTimeout);
    m_bannerQuiet.setSingleShot(true);
    m_bannerQuiet.setInterval(kBannerQuietMs);
    connect(&m_bannerQuiet, &QTimer::timeout, this, &ExecLineCommand::handleBannerDone);
}

QString ExecLineCommand::usage() const
{
    return tr("[--timeout SECONDS] [--prompt TEXT] NAME -- LINE");
}

void ExecLineCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({ { QStringLiteral("t"), QStringLiteral("timeout") },
                       tr("Seconds to wait for the prompt after the command (default 10)."),
                       tr("SECONDS"),
                       QStringLiteral("10") });
    parser.addOption({ QStringLiteral("prompt"),
                       tr("The IOC shell's prompt that ends the reply (default \"epics> \")."),
                       tr("TEXT"), QStringLiteral("epics> ") });
    parser.addPositionalArgument(QStringLiteral("name"), tr("IOC name or unit name."), tr("NAME"));
    parser.addPositionalArgument(QStringLiteral("line"),
                                 tr("The command line; words are joined with spaces. Put it "
                                    "after -- when it has options of its own."),
                                 tr("-- LINE"));
}

QString ExecLineCommand::helpEpilog() const
{
    return tr("The line is sent with a carriage return, as the Enter key does. Lines with "
              "control characters are refused (exit code 2): use 'attach' for those.\n"
              "Into a pipe or file the reply passes byte for byte; on a terminal, sequences that "
              "would act on the terminal are dropped and control characters and invalid UTF-8 "
              "are shown as ^@ and \\xff. When the IOC process exits meanwhile, exec says so "
              "at once (exit code 1).");
}

int ExecLineCommand::findControlCharacter(const QString &line)
{
    for (int i = 0; i < line.size(); ++i) {
        const ushort u = line.at(i).unicode();
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0))
            return i;
    }
    return -1;
}

namespace {
// A unit that became active this recently may not have its console or its child yet.
constexpr int s_justStartedSecs = 5;
} // namespace

bool ExecLineCommand::isComplete(const QByteArray &raw, const QString &prompt)
{
    const QByteArray p = prompt.toUtf8();
    if (p.isEmpty() || !raw.endsWith(p))
        return false;
    // The prompt must start a line: the echo of our line (at least) came before it.
    const int start = static_cast<int>(raw.size() - p.size());
    return start > 0 && raw.at(start - 1) == '\n';
}

QByteArray ExecLineCommand::cleanReply(const QByteArray &raw, const QString &line,
                                       const QString &prompt)
{
    // procServ's pty turned each LF the IOC wrote into CR LF; a lone CR is the IOC's own.
    QByteArray text = raw;
    text.replace("\r\n", "\n");
    const QByteArray p = prompt.toUtf8();
    if (!p.isEmpty() && text.endsWith(p))
        text.chop(p.size());
    // The echo: the first line, when it ends with what we sent (a readline IOC may redraw
    // its prompt in front of it).
    const qsizetype newline = text.indexOf('\n');
    const QByteArray first = newline < 0 ? text : text.left(newline);
    if (first.trimmed().endsWith(line.toUtf8().trimmed()))
        text = newline < 0 ? QByteArray() : text.mid(newline + 1);
    return text;
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
    QByteArray out;
    qsizetype start = 0;
    while (start < reply.size()) {
        qsizetype end = reply.indexOf('\n', start);
        end = end < 0 ? reply.size() : end + 1;
        const QByteArray lineBytes = reply.mid(start, end - start);
        // procServ's report may also follow output the IOC did not end with a newline
        // ("abort: calling abort()@@@ Current time: ..."): keep what came before it.
        const qsizetype report = lineBytes.indexOf("@@@ ");
        if (report < 0)
            out += lineBytes;
        else if (report > 0)
            out += lineBytes.left(report) + '\n';
        start = end;
    }
    return out;
}

void ExecLineCommand::writeReply(const QByteArray &reply)
{
    // Our own buffered text must not come after the reply.
    out().flush();
    writeAllBlocking(STDOUT_FILENO, ::isatty(STDOUT_FILENO) ? forTerminal(reply) : reply);
}

int ExecLineCommand::run(const QCommandLineParser &parser)
{
    const QStringList words = parser.positionalArguments();
    if (words.size() < 2) {
        printError(tr("'exec' needs an IOC name and a command line: iocctl exec NAME -- LINE"));
        return UsageError;
    }
    m_word = words.constFirst();
    m_line = words.mid(1).join(QLatin1Char(' '));
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

    InventoryOptions options;
    options.includeUnitFiles = false;
    options.probeConsoles = false;
    loadInventory(options, [this] { connectConsole(); });
    return Pending;
}

void ExecLineCommand::connectConsole()
{
    if (!resolveConsole(m_word, &m_ioc))
        return;
    // `iocctl start NAME && iocctl exec NAME -- LINE`: systemd reports a procServ unit started
    // before procServ has made its socket. A unit up for less than a few seconds gets retries
    // until its console answers (within the timeout); any other unreachable console is an error.
    m_retryUntilConnected = m_ioc.activeSince.isValid()
            && m_ioc.activeSince.secsTo(QDateTime::currentDateTimeUtc()) < s_justStartedSecs;
    m_session = runtimeFor(m_ioc)->openConsole(m_ioc, false, this);
    connect(m_session, &ConsoleSession::dataReceived, this, &ExecLineCommand::handleData);
    connect(m_session, &ConsoleSession::errorOccurred, this, [this](const QString &message) {
        if (m_retryUntilConnected)
            return; // the session tries again
        end(ConnectionError, tr("Console of %1 (%2): %3").arg(m_ioc.name, consoleName(), message));
    });
    connect(m_session, &ConsoleSession::stateChanged, this, [this](ConsoleSession::State state) {
        if (state == ConsoleSession::State::Connected) {
            if (std::exchange(m_retryUntilConnected, false))
                m_session->setAutoReconnect(false); // once connected, a lost console ends exec
            m_bannerQuiet.start();
        } else if (state == ConsoleSession::State::Failed
                   || (state == ConsoleSession::State::Disconnected && !m_retryUntilConnected)) {
            end(ConnectionError,
                tr("The console of %1 closed before the reply was complete.").arg(m_ioc.name));
        }
    });
    connect(m_session, &ConsoleSession::bannerReceived, this, &ExecLineCommand::handleBannerDone);
    connect(m_session, &ConsoleSession::childStateChanged, this,
            &ExecLineCommand::handleChildStateChanged);
    m_session->setAutoReconnect(m_retryUntilConnected);
    m_timeout.start(m_timeoutSeconds * 1000);
    m_session->open();
}

QString ExecLineCommand::consoleName() const
{
    // A unit's procServ endpoint as before; a container's console names its engine stream.
    return m_ioc.console.isValid() ? m_ioc.console.toString() : m_session->targetDescription();
}

void ExecLineCommand::handleData(const QByteArray &data)
{
    if (isFinished())
        return;
    if (m_waitingForPrompt) {
        m_boot += data;
        if (isComplete(m_boot, m_prompt))
            send();
        return;
    }
    if (m_waitingForChild) {
        m_boot += data; // the child's first lines may come in the read that announces it
        return;
    }
    if (!m_sent) {
        // The banner (bannerReceived() ends it); should its end go unrecognized, a quiet
        // second ends it too.
        m_bannerQuiet.start();
        return;
    }
    m_reply += data;
    if (isComplete(m_reply, m_prompt)) {
        writeReply(cleanReply(m_reply, m_line, m_prompt));
        end(Success);
    }
}

void ExecLineCommand::handleBannerDone()
{
    if (m_sent || isFinished())
        return;
    m_bannerQuiet.stop();
    if (m_waitingForChild || m_waitingForPrompt)
        return;
    const ProcServStateTracker &tracker = m_session->tracker();
    if (tracker.childState() == ChildState::ShutDown) {
        // procServ starts (and, auto restart ON, restarts) the child itself: a just-started
        // unit or a restarting IOC is worth waiting for; one shut down for good is not.
        const bool startedJustNow = m_ioc.activeSince.isValid()
                && m_ioc.activeSince.secsTo(QDateTime::currentDateTimeUtc()) < s_justStartedSecs;
        if (tracker.autoRestart() == AutoRestart::On || startedJustNow) {
            m_waitingForChild = true;
            return;
        }
        end(ActionFailed,
            tr("The IOC %1 is shut down (procServ runs, its child does not); "
               "nothing was sent.")
                    .arg(m_ioc.name));
        return;
    }
    send();
}

void ExecLineCommand::send()
{
    m_waitingForChild = false;
    m_waitingForPrompt = false;
    m_boot.clear();
    m_sent = true;
    m_childPidAtSend = m_session->tracker().childPid();
    m_session->send(m_line.toUtf8() + '\r');
}

void ExecLineCommand::handleTimeout()
{
    if (isFinished())
        return;
    if (m_waitingForChild) {
        end(TimedOut,
            tr("Timed out after %n second(s) waiting for procServ to start the IOC process of "
               "%1 (it is shut down); nothing was sent.",
               nullptr, m_timeoutSeconds)
                    .arg(m_ioc.name));
        return;
    }
    if (m_waitingForPrompt) {
        end(TimedOut,
            tr("Timed out after %n second(s) waiting for the IOC %1 to finish starting (its "
               "prompt \"%2\" did not come; pass another with --prompt); nothing was sent.",
               nullptr, m_timeoutSeconds)
                    .arg(m_ioc.name, m_prompt));
        return;
    }
    if (!m_sent) {
        end(TimedOut,
            tr("Timed out after %n second(s) waiting for the console of %1.", nullptr,
               m_timeoutSeconds)
                    .arg(m_ioc.name));
        return;
    }
    QByteArray partial = cleanReply(m_reply, m_line, QString());
    if (!partial.isEmpty() && !partial.endsWith('\n'))
        partial += '\n';
    writeReply(partial);
    end(TimedOut,
        tr("Timed out after %n second(s) waiting for the prompt \"%1\" (if %2 "
           "uses another prompt, pass it with --prompt).",
           nullptr, m_timeoutSeconds)
                .arg(m_prompt, m_ioc.name));
}

void ExecLineCommand::handleChildStateChanged()
{
    if (isFinished())
        return;
    if (m_waitingForChild) {
        if (m_session->tracker().childState() == ChildState::Running) {
            m_waitingForChild = false;
            m_waitingForPrompt = true; // handleData() sends at the child's first prompt
            if (isComplete(m_boot, m_prompt))
                send();
        }
        return;
    }
    if (!m_sent)
        return;
    // procServ says what happened to its child: "@@@ Received a sigChild ...", then a restart
    // (perhaps in the same read: a new PID) or "SHUT DOWN". No prompt is coming from it.
    const ProcServStateTracker &tracker = m_session->tracker();
    const bool restarted = m_childPidAtSend != 0 && tracker.childPid() != 0
            && tracker.childPid() != m_childPidAtSend;
    // The sigChild line gives the reason; this connection saw none before the line was sent
    // (a child down at that time is refused in handleBannerDone()). Another change may come
    // first: then wait for that line.
    if ((tracker.childState() != ChildState::ShutDown && !restarted)
        || tracker.lastExitReason().isEmpty())
        return;
    // What the IOC printed, without procServ's report, which starts with a newline of its own
    // and "@@@ @@@ @@@ @@@ @@@". (procServ may report before the IOC's last output, which
    // then follows the report, or comes too late to be shown.)
    QByteArray partial = cleanReply(m_reply, m_line, QString());
    const qsizetype report = partial.indexOf("\n@@@ ");
    if (report >= 0)
        partial.remove(report, 1);
    partial = withoutProcServLines(partial);
    if (partial.count('\n') == partial.size())
        partial.clear(); // only the blank lines around procServ's report
    if (::isatty(STDOUT_FILENO) && !partial.isEmpty() && !partial.endsWith('\n'))
        partial += '\n';
    writeReply(partial);
    const QString exited = describeExit(tracker.lastExitReason());
    QString next;
    if (tracker.childState() == ChildState::Running && tracker.childPid() != 0) {
        next = tr("procServ restarted it (PID %1)").arg(tracker.childPid());
    } else {
        switch (tracker.autoRestart()) {
        case AutoRestart::On:
            next = tr("procServ restarts it (auto restart is ON)");
            break;
        case AutoRestart::Off:
            next = tr("it stays shut down (procServ's auto restart is OFF)");
            break;
        case AutoRestart::OneShot:
            next = tr("procServ ends too (auto restart is ONESHOT)");
            break;
        case AutoRestart::Unknown:
            break;
        }
    }
    end(ActionFailed,
        next.isEmpty() ? tr("The IOC process of %1 %2 after the command was sent; no prompt "
                            "follows.")
                                 .arg(m_ioc.name, exited)
                       : tr("The IOC process of %1 %2 after the command was sent; %3.")
                                 .arg(m_ioc.name, exited, next));
}

void ExecLineCommand::end(int code, const QString &message)
{
    if (isFinished())
        return;
    m_timeout.stop();
    m_bannerQuiet.stop();
    if (m_session) {
        disconnect(m_session, nullptr, this, nullptr);
        m_session->close(); // never writes
    }
    if (!message.isEmpty())
        printError(message);
    finish(code);
}
