// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/fleet/execlinejob.h"

#include "core/ioc/iocruntime.h"
#include "core/procserv/consolesession.h"
#include "core/procserv/procservtypes.h"

#include <QRegularExpression>

namespace {

const int kBannerQuietMs = 1000;
// A young child that prints nothing for this long after the banner finished booting before
// this connection and waits at its prompt.
const int kConsoleIdleMs = 1000;
// A unit that became active this recently may not have its console or its child yet.
constexpr int s_justStartedSecs = 5;

// "Normal exit status = 0" / "The process was killed by signal 9", as procServ says it.
QString describeExit(const QString &reason)
{
    static const QRegularExpression status(QStringLiteral("exit status = (-?\\d+)"));
    static const QRegularExpression signal(QStringLiteral("killed by signal (\\d+)"));
    QRegularExpressionMatch m;
    if ((m = status.match(reason)).hasMatch())
        return ExecLineJob::tr("exited (status %1)").arg(m.captured(1));
    if ((m = signal.match(reason)).hasMatch())
        return ExecLineJob::tr("was killed by signal %1").arg(m.captured(1));
    if (!reason.isEmpty())
        return ExecLineJob::tr("exited (%1)").arg(reason);
    return ExecLineJob::tr("exited");
}

bool startedJustNow(const Ioc &ioc)
{
    return ioc.activeSince.isValid()
            && ioc.activeSince.secsTo(QDateTime::currentDateTimeUtc()) < s_justStartedSecs;
}

// The unit started just now, or procServ's banner says its child did ("Child started at:",
// to the second, in procServ's local time): the child may still be booting.
bool childStartedJustNow(const Ioc &ioc, const ProcServStateTracker &tracker)
{
    if (startedJustNow(ioc))
        return true;
    const QDateTime started = tracker.childStartedAt();
    if (!started.isValid())
        return false;
    const qint64 age = started.secsTo(QDateTime::currentDateTime());
    return age > -s_justStartedSecs && age < s_justStartedSecs;
}

} // namespace

ExecLineJob::ExecLineJob(const Ioc &ioc, IocRuntime *runtime, const QString &line,
                         const QString &prompt, int timeoutSeconds, QObject *parent)
    : QObject(parent)
    , m_ioc(ioc)
    , m_runtime(runtime)
    , m_line(line)
    , m_prompt(prompt)
    , m_timeoutSeconds(timeoutSeconds)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &ExecLineJob::handleTimeout);
    m_bannerQuiet.setSingleShot(true);
    m_bannerQuiet.setInterval(kBannerQuietMs);
    connect(&m_bannerQuiet, &QTimer::timeout, this, &ExecLineJob::handleBannerDone);
    m_consoleIdle.setSingleShot(true);
    m_consoleIdle.setInterval(kConsoleIdleMs);
    connect(&m_consoleIdle, &QTimer::timeout, this, &ExecLineJob::handleConsoleIdle);
}

ExecLineJob::~ExecLineJob()
{
    if (m_session) {
        disconnect(m_session, nullptr, this, nullptr);
        m_session->close(); // never writes
    }
}

ExecLineJob::Status ExecLineJob::checkConsole(const Ioc &ioc, const IocRuntime *runtime,
                                              QString *message)
{
    const QString name = ioc.name.isEmpty() ? ioc.unit : ioc.name;
    if (!ioc.isActive()) {
        *message = tr("%1 is not running (start it with: iocctl start %1)").arg(name);
        return Status::NotRunning;
    }
    if (runtime && ioc.isContainer() && !runtime->hasConsole(ioc)) {
        // Only a procServ whose command names no usable control endpoint gets here.
        *message = tr("%1 runs procServ in the %2 container %3, and its command "
                      "names no console endpoint iocctl can reach.")
                           .arg(ioc.name, ioc.runtime, ioc.container);
        return Status::NoConsole;
    }
    if (!runtime || !runtime->hasConsole(ioc)) {
        *message = tr("%1 has no procServ console endpoint in %2.").arg(ioc.name, ioc.unit);
        return Status::NoConsole;
    }
    message->clear();
    return Status::Ok;
}

QString ExecLineJob::statusName(Status status)
{
    switch (status) {
    case Status::Ok:
        return QStringLiteral("ok");
    case Status::NotRunning:
        return QStringLiteral("not-running");
    case Status::NoConsole:
        return QStringLiteral("no-console");
    case Status::ShutDown:
        return QStringLiteral("shut-down");
    case Status::Exited:
        return QStringLiteral("exited");
    case Status::TimedOut:
        return QStringLiteral("timeout");
    case Status::ConnectionFailed:
        return QStringLiteral("connection-failed");
    }
    return {};
}

void ExecLineJob::start()
{
    QString why;
    const Status check = checkConsole(m_ioc, m_runtime, &why);
    if (check != Status::Ok) {
        // From the event loop: finished() never comes before start() returns.
        QTimer::singleShot(0, this, [this, check, why] { end(check, why); });
        return;
    }
    // `iocctl start NAME && iocctl exec NAME -- LINE`: systemd reports a procServ unit started
    // before procServ has made its socket. A unit up for less than a few seconds gets retries
    // until its console answers (within the timeout); any other unreachable console is an error.
    m_retryUntilConnected = startedJustNow(m_ioc);
    m_session = m_runtime->openConsole(m_ioc, false, this);
    connect(m_session, &ConsoleSession::dataReceived, this, &ExecLineJob::handleData);
    connect(m_session, &ConsoleSession::errorOccurred, this, [this](const QString &message) {
        if (m_retryUntilConnected)
            return; // the session tries again
        end(Status::ConnectionFailed,
            tr("Console of %1 (%2): %3").arg(m_ioc.name, consoleName(), message));
    });
    connect(m_session, &ConsoleSession::stateChanged, this, [this](ConsoleSession::State state) {
        if (state == ConsoleSession::State::Connected) {
            if (std::exchange(m_retryUntilConnected, false))
                m_session->setAutoReconnect(false); // once connected, a lost console ends exec
            m_bannerQuiet.start();
        } else if (state == ConsoleSession::State::Failed
                   || (state == ConsoleSession::State::Disconnected && !m_retryUntilConnected)) {
            end(Status::ConnectionFailed,
                tr("The console of %1 closed before the reply was complete.").arg(m_ioc.name));
        }
    });
    connect(m_session, &ConsoleSession::bannerReceived, this, &ExecLineJob::handleBannerDone);
    connect(m_session, &ConsoleSession::childStateChanged, this,
            &ExecLineJob::handleChildStateChanged);
    m_session->setAutoReconnect(m_retryUntilConnected);
    m_timeout.start(m_timeoutSeconds * 1000);
    m_session->open();
}

QString ExecLineJob::consoleName() const
{
    // A unit's procServ endpoint as before; a container's console names its engine stream.
    return m_ioc.console.isValid() ? m_ioc.console.toString() : m_session->targetDescription();
}

void ExecLineJob::handleData(const QByteArray &data)
{
    if (m_done)
        return;
    if (m_waitingForPrompt) {
        m_boot += data;
        m_bootOutputSeen = true;
        m_consoleIdle.stop(); // it is booting: its prompt ends the boot
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
        if (!data.isEmpty())
            m_lastBannerByte = data.back();
        m_bannerQuiet.start();
        return;
    }
    m_received += data;
    if (!m_bootMayFollow) {
        if (isComplete(m_received, m_prompt)) {
            setReply(cleanReply(m_received, m_line, m_prompt));
            end(Status::Ok);
        }
        return;
    }
    // The pty echoed the line at once, wherever the boot output was; the IOC reads it only
    // at its first prompt, so the boot's end and that prompt may come before the reply.
    const qsizetype from = replyStart(m_received, m_prompt);
    if (from < 0)
        return;
    const QByteArray raw = m_received.mid(from);
    // After the boot's prompt, the next prompt ends the reply (an empty one: at once).
    const QByteArray p = m_prompt.toUtf8();
    if (isComplete(raw, m_prompt) || (from > 0 && raw == p)) {
        setReply(cleanReply(raw, m_line, m_prompt));
        end(Status::Ok);
    }
}

void ExecLineJob::handleBannerDone()
{
    if (m_sent || m_done)
        return;
    m_bannerQuiet.stop();
    if (m_waitingForChild || m_waitingForPrompt)
        return;
    const ProcServStateTracker &tracker = m_session->tracker();
    if (tracker.childState() == ChildState::Running && childStartedJustNow(m_ioc, tracker)) {
        // It may still be booting (procServ started it as the unit started, or restarted it):
        // a line sent now would be echoed at once and its "reply" would be the rest of the
        // boot up to the boot's prompt. Wait for that prompt; a child that prints nothing
        // finished booting before this connection (handleConsoleIdle()).
        m_waitingForPrompt = true;
        // The boot's last lines may have come with the banner's end: its prompt, read alone
        // next, then starts a line.
        if (m_lastBannerByte == '\n')
            m_boot = "\n";
        m_consoleIdle.start();
        return;
    }
    if (tracker.childState() == ChildState::ShutDown) {
        // procServ starts (and, auto restart ON, restarts) the child itself: a just-started
        // unit or a restarting IOC is worth waiting for; one shut down for good is not.
        if (tracker.autoRestart() == AutoRestart::On || startedJustNow(m_ioc)) {
            m_waitingForChild = true;
            return;
        }
        end(Status::ShutDown,
            tr("The IOC %1 is shut down (procServ runs, its child does not); "
               "nothing was sent.")
                    .arg(m_ioc.name));
        return;
    }
    send();
}

void ExecLineJob::handleConsoleIdle()
{
    if (m_sent || m_done || !m_waitingForPrompt || m_childStartSeen || m_bootOutputSeen)
        return;
    // Nothing since the banner: the child most likely waits at its prompt. It may also be
    // in a silent part of its boot; then the boot's end is skipped in the reply (replyStart()).
    m_bootMayFollow = true;
    send();
}

void ExecLineJob::send()
{
    m_consoleIdle.stop();
    m_waitingForChild = false;
    m_waitingForPrompt = false;
    m_boot.clear();
    m_sent = true;
    m_childPidAtSend = m_session->tracker().childPid();
    m_session->send(m_line.toUtf8() + '\r');
}

void ExecLineJob::handleTimeout()
{
    if (m_done)
        return;
    if (m_waitingForChild) {
        end(Status::TimedOut,
            tr("Timed out after %n second(s) waiting for procServ to start the "
               "IOC process of %1 (it is shut down); nothing was sent.",
               nullptr, m_timeoutSeconds)
                    .arg(m_ioc.name));
        return;
    }
    if (m_waitingForPrompt) {
        end(Status::TimedOut,
            tr("Timed out after %n second(s) waiting for the IOC %1 to finish "
               "starting (its prompt \"%2\" did not come; pass another with "
               "--prompt); nothing was sent.",
               nullptr, m_timeoutSeconds)
                    .arg(m_ioc.name, m_prompt));
        return;
    }
    if (!m_sent) {
        end(Status::TimedOut,
            tr("Timed out after %n second(s) waiting for the console of %1.", nullptr,
               m_timeoutSeconds)
                    .arg(m_ioc.name));
        return;
    }
    QByteArray partial = cleanReply(m_received, m_line, QString());
    if (!partial.isEmpty() && !partial.endsWith('\n'))
        partial += '\n';
    setReply(partial);
    end(Status::TimedOut,
        tr("Timed out after %n second(s) waiting for the prompt \"%1\" (if %2 "
           "uses another prompt, pass it with --prompt).",
           nullptr, m_timeoutSeconds)
                .arg(m_prompt, m_ioc.name));
}

void ExecLineJob::handleChildStateChanged()
{
    if (m_done)
        return;
    if (m_waitingForChild) {
        if (m_session->tracker().childState() == ChildState::Running) {
            m_waitingForChild = false;
            m_waitingForPrompt = true; // handleData() sends at the child's first prompt
            m_childStartSeen = true;
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
    QByteArray partial = cleanReply(m_received, m_line, QString());
    const qsizetype report = partial.indexOf("\n@@@ ");
    if (report >= 0)
        partial.remove(report, 1);
    partial = withoutProcServLines(partial);
    if (partial.count('\n') == partial.size())
        partial.clear(); // only the blank lines around procServ's report
    setReply(partial);
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
    end(Status::Exited,
        next.isEmpty() ? tr("The IOC process of %1 %2 after the command was "
                            "sent; no prompt follows.")
                                 .arg(m_ioc.name, exited)
                       : tr("The IOC process of %1 %2 after the command was "
                            "sent; %3.")
                                 .arg(m_ioc.name, exited, next));
}

void ExecLineJob::setReply(const QByteArray &reply)
{
    m_reply = reply;
    m_hasReply = true;
}

void ExecLineJob::end(Status status, const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    m_status = status;
    m_message = message;
    m_timeout.stop();
    m_bannerQuiet.stop();
    m_consoleIdle.stop();
    if (m_session) {
        disconnect(m_session, nullptr, this, nullptr);
        m_session->close(); // never writes
    }
    emit finished();
}

int ExecLineJob::findControlCharacter(const QString &line)
{
    for (int i = 0; i < line.size(); ++i) {
        const ushort u = line.at(i).unicode();
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0))
            return i;
    }
    return -1;
}

bool ExecLineJob::isComplete(const QByteArray &raw, const QString &prompt)
{
    const QByteArray p = prompt.toUtf8();
    if (p.isEmpty() || !raw.endsWith(p))
        return false;
    // The prompt must start a line: the echo of our line (at least) came before it.
    const int start = static_cast<int>(raw.size() - p.size());
    return start > 0 && raw.at(start - 1) == '\n';
}

qsizetype ExecLineJob::replyStart(const QByteArray &raw, const QString &prompt)
{
    const qsizetype done = raw.indexOf(kIocInitDone);
    if (done < 0)
        return 0;
    const QByteArray p = '\n' + prompt.toUtf8();
    const qsizetype at = raw.indexOf(p, done);
    return at < 0 ? -1 : at + p.size();
}

QByteArray ExecLineJob::cleanReply(const QByteArray &raw, const QString &line,
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

QByteArray ExecLineJob::withoutProcServLines(const QByteArray &reply)
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
