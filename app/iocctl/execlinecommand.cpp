#include "app/iocctl/execlinecommand.h"

#include "core/ioc/inventory.h"
#include "core/procserv/consolesession.h"

namespace {

const int kBannerQuietMs = 1000;

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
              "control characters are refused (exit code 2): use 'attach' for those.");
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

bool ExecLineCommand::isComplete(const QByteArray &raw, const QString &prompt)
{
    const QByteArray p = prompt.toUtf8();
    if (p.isEmpty() || !raw.endsWith(p))
        return false;
    // The prompt must start a line: the echo of our line (at least) came before it.
    const int start = static_cast<int>(raw.size() - p.size());
    return start > 0 && raw.at(start - 1) == '\n';
}

QString ExecLineCommand::cleanReply(const QByteArray &raw, const QString &line,
                                    const QString &prompt)
{
    QString text = QString::fromUtf8(raw);
    text.remove(QLatin1Char('\r'));
    if (!prompt.isEmpty() && text.endsWith(prompt))
        text.chop(prompt.size());
    // The echo: the first line, when it ends with what we sent (a readline IOC may redraw
    // its prompt in front of it).
    const int newline = static_cast<int>(text.indexOf(QLatin1Char('\n')));
    const QString first = newline < 0 ? text : text.left(newline);
    if (first.trimmed().endsWith(line.trimmed()))
        text = newline < 0 ? QString() : text.mid(newline + 1);
    return text;
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
    m_session = hostFor(m_ioc)->createConsole(m_ioc, false, this);
    connect(m_session, &ConsoleSession::dataReceived, this, &ExecLineCommand::handleData);
    connect(m_session, &ConsoleSession::errorOccurred, this, [this](const QString &message) {
        end(ConnectionError,
            tr("Console of %1 (%2): %3").arg(m_ioc.name, m_ioc.console.toString(), message));
    });
    connect(m_session, &ConsoleSession::stateChanged, this, [this](ConsoleSession::State state) {
        if (state == ConsoleSession::State::Connected)
            m_bannerQuiet.start();
        else if (state == ConsoleSession::State::Disconnected
                 || state == ConsoleSession::State::Failed)
            end(ConnectionError,
                tr("The console of %1 closed before the reply was complete.").arg(m_ioc.name));
    });
    connect(m_session, &ConsoleSession::bannerReceived, this, &ExecLineCommand::handleBannerDone);
    m_session->setAutoReconnect(false);
    m_timeout.start(m_timeoutSeconds * 1000);
    m_session->open();
}

void ExecLineCommand::handleData(const QByteArray &data)
{
    if (isFinished())
        return;
    if (!m_sent) {
        // The banner (bannerReceived() ends it); should its end go unrecognized, a quiet
        // second ends it too.
        m_bannerQuiet.start();
        return;
    }
    m_reply += data;
    if (isComplete(m_reply, m_prompt)) {
        out() << cleanReply(m_reply, m_line, m_prompt);
        end(Success);
    }
}

void ExecLineCommand::handleBannerDone()
{
    if (m_sent || isFinished())
        return;
    m_bannerQuiet.stop();
    if (m_session->tracker().childState() == ChildState::ShutDown) {
        end(ActionFailed,
            tr("The IOC %1 is shut down (procServ runs, its child does not); "
               "nothing was sent.")
                    .arg(m_ioc.name));
        return;
    }
    m_sent = true;
    m_session->send(m_line.toUtf8() + '\r');
}

void ExecLineCommand::handleTimeout()
{
    if (isFinished())
        return;
    if (!m_sent) {
        end(TimedOut,
            tr("Timed out after %n second(s) waiting for the console of %1.", nullptr,
               m_timeoutSeconds)
                    .arg(m_ioc.name));
        return;
    }
    const QString partial = cleanReply(m_reply, m_line, QString());
    out() << partial;
    if (!partial.isEmpty() && !partial.endsWith(QLatin1Char('\n')))
        out() << Qt::endl;
    end(TimedOut,
        tr("Timed out after %n second(s) waiting for the prompt \"%1\" (if %2 "
           "uses another prompt, pass it with --prompt).",
           nullptr, m_timeoutSeconds)
                .arg(m_prompt, m_ioc.name));
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
