// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/execlinejob.h"

#include "app/iocctl/command.h"
#include "app/iocctl/execlinecommand.h"
#include "core/ioc/iocruntime.h"
#include "core/procserv/consolesession.h"

#include <QRegularExpression>

#include <unistd.h>

namespace {

const int kBannerQuietMs = 1000;
// A unit that became active this recently may not have its console or its child yet.
constexpr int s_justStartedSecs = 5;

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

bool startedJustNow(const Ioc &ioc)
{
    return ioc.activeSince.isValid()
            && ioc.activeSince.secsTo(QDateTime::currentDateTimeUtc()) < s_justStartedSecs;
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
        *message =
                ExecLineCommand::tr("%1 is not running (start it with: iocctl start %1)").arg(name);
        return Status::NotRunning;
    }
    if (runtime && ioc.isContainer() && !runtime->hasConsole(ioc)) {
        // Only a procServ whose command names no usable control endpoint gets here.
        *message = ExecLineCommand::tr("%1 runs procServ in the %2 container %3, and its command "
                                       "names no console endpoint iocctl can reach.")
                           .arg(ioc.name, ioc.runtime, ioc.container);
        return Status::NoConsole;
    }
    if (!runtime || !runtime->hasConsole(ioc)) {
        *message = ExecLineCommand::tr("%1 has no procServ console endpoint in %2.")
                           .arg(ioc.name, ioc.unit);
        return Status::NoConsole;
    }
    message->clear();
    return Status::Ok;
}

int ExecLineJob::exitCode() const
{
    switch (m_status) {
    case Status::Ok:
        return Command::Success;
    case Status::NotRunning:
    case Status::NoConsole:
    case Status::ShutDown:
    case Status::Exited:
        return Command::ActionFailed;
    case Status::TimedOut:
        return Command::TimedOut;
    case Status::ConnectionFailed:
        return Command::ConnectionError;
    }
    return Command::ActionFailed;
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
            ExecLineCommand::tr("Console of %1 (%2): %3").arg(m_ioc.name, consoleName(), message));
    });
    connect(m_session, &ConsoleSession::stateChanged, this, [this](ConsoleSession::State state) {
        if (state == ConsoleSession::State::Connected) {
            if (std::exchange(m_retryUntilConnected, false))
                m_session->setAutoReconnect(false); // once connected, a lost console ends exec
            m_bannerQuiet.start();
        } else if (state == ConsoleSession::State::Failed
                   || (state == ConsoleSession::State::Disconnected && !m_retryUntilConnected)) {
            end(Status::ConnectionFailed,
                ExecLineCommand::tr("The console of %1 closed before the reply was complete.")
                        .arg(m_ioc.name));
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
        if (ExecLineCommand::isComplete(m_boot, m_prompt))
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
    m_received += data;
    if (ExecLineCommand::isComplete(m_received, m_prompt)) {
        setReply(ExecLineCommand::cleanReply(m_received, m_line, m_prompt));
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
    if (tracker.childState() == ChildState::ShutDown) {
        // procServ starts (and, auto restart ON, restarts) the child itself: a just-started
        // unit or a restarting IOC is worth waiting for; one shut down for good is not.
        if (tracker.autoRestart() == AutoRestart::On || startedJustNow(m_ioc)) {
            m_waitingForChild = true;
            return;
        }
        end(Status::ShutDown,
            ExecLineCommand::tr("The IOC %1 is shut down (procServ runs, its child does not); "
                                "nothing was sent.")
                    .arg(m_ioc.name));
        return;
    }
    send();
}

void ExecLineJob::send()
{
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
            ExecLineCommand::tr("Timed out after %n second(s) waiting for procServ to start the "
                                "IOC process of %1 (it is shut down); nothing was sent.",
                                nullptr, m_timeoutSeconds)
                    .arg(m_ioc.name));
        return;
    }
    if (m_waitingForPrompt) {
        end(Status::TimedOut,
            ExecLineCommand::tr("Timed out after %n second(s) waiting for the IOC %1 to finish "
                                "starting (its prompt \"%2\" did not come; pass another with "
                                "--prompt); nothing was sent.",
                                nullptr, m_timeoutSeconds)
                    .arg(m_ioc.name, m_prompt));
        return;
    }
    if (!m_sent) {
        end(Status::TimedOut,
            ExecLineCommand::tr("Timed out after %n second(s) waiting for the console of %1.",
                                nullptr, m_timeoutSeconds)
                    .arg(m_ioc.name));
        return;
    }
    QByteArray partial = ExecLineCommand::cleanReply(m_received, m_line, QString());
    if (!partial.isEmpty() && !partial.endsWith('\n'))
        partial += '\n';
    setReply(partial);
    end(Status::TimedOut,
        ExecLineCommand::tr("Timed out after %n second(s) waiting for the prompt \"%1\" (if %2 "
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
            if (ExecLineCommand::isComplete(m_boot, m_prompt))
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
    QByteArray partial = ExecLineCommand::cleanReply(m_received, m_line, QString());
    const qsizetype report = partial.indexOf("\n@@@ ");
    if (report >= 0)
        partial.remove(report, 1);
    partial = ExecLineCommand::withoutProcServLines(partial);
    if (partial.count('\n') == partial.size())
        partial.clear(); // only the blank lines around procServ's report
    if (::isatty(STDOUT_FILENO) && !partial.isEmpty() && !partial.endsWith('\n'))
        partial += '\n';
    setReply(partial);
    const QString exited = describeExit(tracker.lastExitReason());
    QString next;
    if (tracker.childState() == ChildState::Running && tracker.childPid() != 0) {
        next = ExecLineCommand::tr("procServ restarted it (PID %1)").arg(tracker.childPid());
    } else {
        switch (tracker.autoRestart()) {
        case AutoRestart::On:
            next = ExecLineCommand::tr("procServ restarts it (auto restart is ON)");
            break;
        case AutoRestart::Off:
            next = ExecLineCommand::tr("it stays shut down (procServ's auto restart is OFF)");
            break;
        case AutoRestart::OneShot:
            next = ExecLineCommand::tr("procServ ends too (auto restart is ONESHOT)");
            break;
        case AutoRestart::Unknown:
            break;
        }
    }
    end(Status::Exited,
        next.isEmpty() ? ExecLineCommand::tr("The IOC process of %1 %2 after the command was "
                                             "sent; no prompt follows.")
                                 .arg(m_ioc.name, exited)
                       : ExecLineCommand::tr("The IOC process of %1 %2 after the command was "
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
    if (m_session) {
        disconnect(m_session, nullptr, this, nullptr);
        m_session->close(); // never writes
    }
    emit finished();
}
