// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

class ConsoleSession;
class IocRuntime;

/// One iocsh line run on one IOC through its procServ console: connects, waits for the banner
/// (and for a child that procServ is starting, or started seconds ago, to reach its first
/// prompt), sends the line with a carriage return and collects the reply up to the next
/// prompt: only the reply to the line, never the boot output. Never sends a control character; closing never
/// writes. Emits finished() exactly once; then status(), reply() and message() say what
/// happened. `iocctl exec` runs one of these for a single IOC; ExecFanOut runs several at once
/// for `iocctl exec` on many IOCs and iocdock's "Run command…".
class ExecLineJob : public QObject
{
    Q_OBJECT
public:
    enum class Status {
        Ok,
        NotRunning, // the unit is not active: nothing was tried
        NoConsole, // no procServ console endpoint iocctl can reach
        ShutDown, // procServ runs, its child does not: nothing was sent
        Exited, // the IOC process ended after the line was sent
        TimedOut,
        ConnectionFailed, // the console could not be reached, or closed
    };

    /// @p runtime runs @p ioc; @p line has no control characters (the caller checked).
    ExecLineJob(const Ioc &ioc, IocRuntime *runtime, const QString &line, const QString &prompt,
                int timeoutSeconds, QObject *parent = nullptr);
    ~ExecLineJob() override;

    /// Whether the unit of @p ioc is up and @p runtime can reach its console; otherwise the
    /// status and a user-readable *message (the same words single-IOC exec prints).
    static Status checkConsole(const Ioc &ioc, const IocRuntime *runtime, QString *message);

    /// Opens the console and runs the line (checkConsole() first; a failed check finishes at
    /// once, from the event loop).
    void start();

    const Ioc &ioc() const { return m_ioc; }
    bool isDone() const { return m_done; }
    Status status() const { return m_status; }
    /// A short word for status() in JSON: ok, not-running, no-console, shut-down, exited,
    /// timeout, connection-failed.
    static QString statusName(Status status);
    /// What the IOC printed as reply (cleaned, as single-IOC exec writes it); a partial reply
    /// after a timeout or an exit. Bytes as received: sanitize before a terminal.
    QByteArray reply() const { return m_reply; }
    bool hasReply() const { return m_hasReply; }
    /// Why it did not succeed (translated); empty on success.
    QString message() const { return m_message; }

    /// The first control character (or DEL, or a C1 control) in @p line, or -1 when there is
    /// none. A line with one is never sent.
    static int findControlCharacter(const QString &line);
    /// The reply as the IOC printed it: the pty's CR LF turned back into LF, the echoed
    /// @p line and the trailing @p prompt stripped. @p raw is everything received after the
    /// line was sent. Bytes, not text: NUL, 0xFF and invalid UTF-8 pass whole.
    static QByteArray cleanReply(const QByteArray &raw, const QString &line, const QString &prompt);
    /// True when @p raw (received after sending) ends with the prompt on a fresh line.
    static bool isComplete(const QByteArray &raw, const QString &prompt);
    /// Where the reply begins in @p raw (received after sending) when the IOC may still have
    /// been booting as the line was sent: after softIoc's "iocRun: All initialization
    /// complete" and the prompt on a fresh line that follows it (the boot's first prompt),
    /// 0 when @p raw has no such line, -1 while that prompt is still to come.
    static qsizetype replyStart(const QByteArray &raw, const QString &prompt);
    /// @p reply without procServ's own "@@@" lines.
    static QByteArray withoutProcServLines(const QByteArray &reply);

signals:
    void finished();

private:
    QString consoleName() const;
    void handleData(const QByteArray &data);
    void handleBannerDone();
    void handleTimeout();
    void handleChildStateChanged();
    void handleConsoleIdle();
    void send();
    void setReply(const QByteArray &reply);
    void end(Status status, const QString &message = {});

    Ioc m_ioc;
    QPointer<IocRuntime> m_runtime; // a runtime gone (its host removed) means no console
    QString m_line;
    QString m_prompt;
    int m_timeoutSeconds = 10;
    ConsoleSession *m_session = nullptr;
    bool m_sent = false;
    // procServ shows its child SHUT DOWN until it has started it (also right after procServ
    // itself started) and restarts it when auto restart is ON: wait for the child and then
    // for its first prompt, within the timeout, before sending.
    bool m_retryUntilConnected = false; // the unit has just started: its socket may not exist yet
    bool m_waitingForChild = false;
    bool m_waitingForPrompt = false;
    // A child procServ started seconds ago may still be booting when the banner ends, and its
    // boot ends with a prompt: that prompt is not the reply. Its boot output (or nothing, when
    // it finished before this connection) is awaited before sending.
    bool m_childStartSeen = false; // this connection saw it start: its first prompt will come
    bool m_bootMayFollow = false; // sent to a young child whose boot prompt was not seen
    bool m_bootOutputSeen = false; // the young child printed something after the banner
    char m_lastBannerByte = 0; // whether what came before ended a line (the prompt starts one)
    QByteArray m_boot; // what the starting child printed, up to its first prompt
    quint32 m_childPidAtSend = 0;
    QByteArray m_received;
    QTimer m_timeout;
    QTimer m_bannerQuiet; // in case the banner's end is not recognized
    QTimer m_consoleIdle; // a young child that prints nothing is at its prompt already
    bool m_done = false;
    Status m_status = Status::Ok;
    QByteArray m_reply;
    bool m_hasReply = false;
    QString m_message;
};
