// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/attachcommand.h"

#include "app/iocctl/fdwriter.h"
#include "app/iocctl/terminalguard.h"
#include "core/ioc/iocaccess.h"
#include "core/ioc/iocruntime.h"
#include "core/procserv/consolesession.h"

#include <QSocketNotifier>

#include <cerrno>
#include <unistd.h>

namespace {

const int kQuietMs = 500;
const int kLingerMaxMs = 5000;

} // namespace

AttachCommand::AttachCommand(QObject *parent)
    : Command(QStringLiteral("attach"), tr("Attach this terminal to the IOC's procServ console."),
              parent)
{
    m_quietTimer.setSingleShot(true);
    m_quietTimer.setInterval(kQuietMs);
    connect(&m_quietTimer, &QTimer::timeout, this, &AttachCommand::handleQuiet);
    m_lingerLimit.setSingleShot(true);
    m_lingerLimit.setInterval(kLingerMaxMs);
    connect(&m_lingerLimit, &QTimer::timeout, this, &AttachCommand::handleQuiet);
}

AttachCommand::~AttachCommand()
{
    TerminalGuard::restore();
}

QString AttachCommand::usage() const
{
    return tr("[--read-only] [--detach-keys KEYS] NAME");
}

void AttachCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({ { QStringLiteral("r"), QStringLiteral("read-only") },
                       tr("Watch only: send nothing at all to procServ (uses the log port "
                          "when the IOC has one).") });
    parser.addOption({ QStringLiteral("detach-keys"),
                       tr("Key sequence that detaches, docker syntax (default \"ctrl-]\"; "
                          "e.g. \"ctrl-p,ctrl-q\")."),
                       tr("KEYS"), QStringLiteral("ctrl-]") });
    parser.addPositionalArgument(QStringLiteral("name"), tr("IOC name or unit name."), tr("NAME"));
}

QString AttachCommand::helpEpilog() const
{
    return tr("Detaching sends nothing to the IOC. procServ's command keys (Ctrl+X kill, "
              "Ctrl+T auto-restart, Ctrl+R, Ctrl+Q, a -x logout key) and Ctrl+C/Ctrl+D (unless "
              "procServ ignores them with -i) are sent only when pressed twice within %1 "
              "seconds; pasted text or piped input containing them is not sent.\n"
              "On a terminal, attach reconnects when the connection is lost (procServ restarted) "
              "until you detach. With stdin not a terminal, input is sent as it arrives; when "
              "it ends, attach detaches once the console has been quiet for half a second, and "
              "a lost connection ends attach.")
            .arg(ControlKeyGuard::ConfirmWindowMs / 1000);
}

int AttachCommand::run(const QCommandLineParser &parser)
{
    const QStringList words = parser.positionalArguments();
    if (words.size() != 1) {
        printError(tr("'attach' takes exactly one IOC name."));
        return UsageError;
    }
    m_word = words.constFirst();
    m_readOnly = parser.isSet(QStringLiteral("read-only"));
    QByteArray sequence;
    QString error;
    if (!DetachKeys::parse(parser.value(QStringLiteral("detach-keys")), &sequence, &error)) {
        printError(error);
        return UsageError;
    }
    m_detachKeys = DetachKeys(sequence);

    InventoryOptions options;
    options.includeUnitFiles = false;
    options.probeConsoles = false;
    loadInventory(options, [this] { attach(); });
    return Pending;
}

void AttachCommand::attach()
{
    if (!resolveConsole(m_word, &m_ioc))
        return;

    // Bytes procServ acts on, and the IOC shell's ^C/^D unless procServ drops them (-i).
    m_guard = iocControlKeyGuard(m_ioc);

    out().flush();
    m_writer = new FdWriter(STDOUT_FILENO, 1024 * 1024, this);
    m_sanitize = ::isatty(STDOUT_FILENO);
    connect(m_writer, &FdWriter::errorOccurred, this, [this](const QString &message) {
        end(ConnectionError, tr("Cannot write to standard output: %1").arg(message));
    });
    m_session = runtimeFor(m_ioc)->openConsole(m_ioc, m_readOnly, this);
    connect(m_session, &ConsoleSession::dataReceived, this, &AttachCommand::handleData);
    connect(m_session, &ConsoleSession::errorOccurred, this, &AttachCommand::handleSessionError);
    connect(m_session, &ConsoleSession::stateChanged, this, [this](ConsoleSession::State state) {
        if (state == ConsoleSession::State::Connected)
            handleConnected();
        else if (state == ConsoleSession::State::Disconnected
                 || state == ConsoleSession::State::Failed)
            end(ConnectionError,
                m_session->errorString().isEmpty()
                        ? tr("The console of %1 closed (procServ stopped?).").arg(m_ioc.name)
                        : tr("Console of %1: %2").arg(m_ioc.name, m_session->errorString()));
    });
    // On a terminal, a lost connection (procServ killed or restarted, systemd starting it
    // again) is retried until the user detaches. With piped input there is one connection:
    // when procServ goes away, attach ends like docker's does.
    m_reconnect = ::isatty(STDIN_FILENO);
    m_session->setAutoReconnect(m_reconnect);
    m_session->open();
}

QString AttachCommand::consoleName() const
{
    // A unit's procServ endpoint as before; a container's console names its engine stream.
    return m_ioc.console.isValid() ? m_ioc.console.toString() : m_session->targetDescription();
}

void AttachCommand::handleConnected()
{
    if (m_connected) {
        if (m_lost) {
            m_lost = false;
            m_sanitizer.reset(); // a sequence cut off by the loss must not eat the new output
            notice(tr("Reconnected to %1.").arg(m_ioc.name));
        }
        return;
    }
    m_connected = true;
    out().flush();
    m_tty = ::isatty(STDIN_FILENO);
    const QString detach = DetachKeys::describe(m_detachKeys.sequence());
    if (m_tty)
        err() << (m_readOnly ? tr("Attached to %1 (%2), read-only. Detach with %3.")
                             : tr("Attached to %1 (%2). Detach with %3."))
                         .arg(m_ioc.name, consoleName(), detach)
              << Qt::endl;
    if (m_tty)
        TerminalGuard::makeRaw(STDIN_FILENO);
    m_stdinNotifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_stdinNotifier, &QSocketNotifier::activated, this,
            &AttachCommand::handleStdinReadable);
}

void AttachCommand::handleData(const QByteArray &data)
{
    if (isFinished())
        return;
    // An IOC's output must not retitle the terminal, fill the clipboard or make the
    // terminal answer a query into our stdin (which we would send to the IOC).
    m_writer->write(m_sanitize ? m_sanitizer.filter(data) : data);
    if (m_stdinEnded)
        m_quietTimer.start();
}

void AttachCommand::handleSessionError(const QString &message)
{
    if (m_connected && m_reconnect) {
        // The session retries by itself; say what happened and how to leave.
        // The session reports a loss before it leaves the Connected state.
        if (!m_lost && m_session->state() == ConsoleSession::State::Connected) {
            m_lost = true;
            notice(tr("Lost the console of %1: %2 — reconnecting; %3 detaches.")
                           .arg(m_ioc.name, message,
                                DetachKeys::describe(m_detachKeys.sequence())));
        } else {
            notice(message);
        }
        return;
    }
    end(ConnectionError,
        m_connected ? tr("Console of %1: %2").arg(m_ioc.name, message)
                    : tr("Cannot open the console of %1 (%2): %3")
                              .arg(m_ioc.name, consoleName(), message));
}

void AttachCommand::handleStdinReadable()
{
    char buffer[4096];
    const ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
            return;
        handleStdinEnded();
        return;
    }
    if (n == 0) {
        handleStdinEnded();
        return;
    }
    bool detached = false;
    const QByteArray typed = m_detachKeys.feed(QByteArray(buffer, static_cast<int>(n)), &detached);
    if (!typed.isEmpty())
        sendTyped(typed);
    if (detached)
        end(Success, tr("Detached from %1.").arg(m_ioc.name));
}

void AttachCommand::sendTyped(const QByteArray &typed)
{
    if (m_readOnly)
        return; // read-only sends nothing at all
    if (!m_tty) {
        // Piped input: nobody is there to confirm. Pass the rest, never the control keys.
        const QByteArray kept = m_guard.withoutGuarded(typed);
        if (kept.size() != typed.size())
            notice(tr("Control keys in the input were not sent (procServ or the IOC shell act "
                      "on them)."));
        if (!kept.isEmpty())
            m_session->send(kept);
        return;
    }
    // The explanation says what the key does now (e.g. ^X restarts a shut-down IOC).
    const ProcServStateTracker &tracker = m_session->tracker();
    if (tracker.childState() != ChildState::Unknown)
        m_guard.setChildState(tracker.childState());
    if (tracker.autoRestart() != AutoRestart::Unknown)
        m_guard.setAutoRestart(tracker.autoRestart());
    const ControlKeyGuard::Verdict verdict = m_guard.press(typed);
    switch (verdict.kind) {
    case ControlKeyGuard::Verdict::Kind::Pass:
        m_session->send(typed);
        return;
    case ControlKeyGuard::Verdict::Kind::Confirmed:
        m_session->send(QByteArray(1, verdict.byte));
        return;
    case ControlKeyGuard::Verdict::Kind::Confirm:
        notice(ControlKeyGuard::confirmPrompt(verdict));
        return;
    case ControlKeyGuard::Verdict::Kind::Refuse:
        notice(verdict.explanation);
        return;
    }
}

void AttachCommand::handleStdinEnded()
{
    if (m_stdinNotifier)
        m_stdinNotifier->setEnabled(false);
    if (m_stdinEnded)
        return;
    m_stdinEnded = true;
    // A held partial detach sequence at EOF is dropped, not sent.
    m_quietTimer.start();
    m_lingerLimit.start();
}

void AttachCommand::handleQuiet()
{
    end(Success);
}

void AttachCommand::notice(const QString &text)
{
    err() << (TerminalGuard::isRaw() ? QStringLiteral("\r\n[iocctl] ") : QStringLiteral("iocctl: "))
          << text << (TerminalGuard::isRaw() ? QStringLiteral("\r\n") : QStringLiteral("\n"));
    err().flush();
}

void AttachCommand::end(int code, const QString &message)
{
    if (isFinished())
        return;
    if (m_stdinNotifier)
        m_stdinNotifier->setEnabled(false);
    m_quietTimer.stop();
    m_lingerLimit.stop();
    if (m_session) {
        // close() never writes: nothing reaches the IOC on detach.
        disconnect(m_session, nullptr, this, nullptr);
        m_session->close();
    }
    if (m_writer)
        m_writer->flushBlocking();
    const bool wasRaw = TerminalGuard::isRaw();
    TerminalGuard::restore();
    if (!message.isEmpty()) {
        if (wasRaw)
            err() << Qt::endl;
        if (code == Success) {
            if (m_tty)
                err() << message << Qt::endl;
        } else {
            printError(message);
        }
    }
    finish(code);
}
