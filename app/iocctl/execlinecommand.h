// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "app/iocctl/command.h"

#include <QTimer>

class ConsoleSession;

/// `iocctl exec [--timeout SECONDS] [--prompt TEXT] NAME -- LINE`: sends one line to the
/// IOC shell and prints its reply up to the next prompt, without the echoed line.
class ExecLineCommand : public Command
{
    Q_OBJECT
public:
    explicit ExecLineCommand(QObject *parent = nullptr);

    /// The first control character (or DEL) in @p line, or -1 when there is none.
    static int findControlCharacter(const QString &line);
    /// The reply as the IOC printed it: the pty's CR LF turned back into LF, the echoed
    /// @p line and the trailing @p prompt stripped. @p raw is everything received after the
    /// line was sent. Bytes, not text: NUL, 0xFF and invalid UTF-8 pass whole.
    static QByteArray cleanReply(const QByteArray &raw, const QString &line, const QString &prompt);
    /// True when @p raw (received after sending) ends with the prompt on a fresh line.
    static bool isComplete(const QByteArray &raw, const QString &prompt);
    /// @p reply made fit for a terminal: NUL and other control characters shown as ^@ (as
    /// `cat -v` does), invalid UTF-8 bytes as \xHH, then TerminalSanitizer's filter (as
    /// attach and logs use), so the IOC's output can only draw, never retitle the terminal or
    /// make it answer a query.
    static QByteArray forTerminal(const QByteArray &reply);
    /// NUL and the C0 controls but tab, LF, CR, BS, BEL and an ESC that starts a sequence, DEL
    /// and invalid UTF-8, as visible text (^@, ^?, \\xff).
    static QByteArray makeVisible(const QByteArray &bytes);
    /// @p reply without procServ's own "@@@" lines.
    static QByteArray withoutProcServLines(const QByteArray &reply);

protected:
    void addOptions(QCommandLineParser &parser) override;
    QString usage() const override;
    int run(const QCommandLineParser &parser) override;
    QString helpEpilog() const override;

private:
    QString consoleName() const;
    void connectConsole();
    void handleData(const QByteArray &data);
    void handleBannerDone();
    void handleTimeout();
    void handleChildStateChanged();
    void send();
    /// Writes the reply to stdout: raw bytes into a pipe or file, forTerminal() on a tty.
    void writeReply(const QByteArray &reply);
    void end(int code, const QString &message = {});

    QString m_word;
    QString m_line;
    QString m_prompt;
    int m_timeoutSeconds = 10;
    Ioc m_ioc;
    ConsoleSession *m_session = nullptr;
    bool m_sent = false;
    // procServ shows its child SHUT DOWN until it has started it (also right after procServ
    // itself started) and restarts it when auto restart is ON: wait for the child and then
    // for its first prompt, within the timeout, before sending.
    bool m_retryUntilConnected = false; // the unit has just started: its socket may not exist yet
    bool m_waitingForChild = false;
    bool m_waitingForPrompt = false;
    QByteArray m_boot; // what the starting child printed, up to its first prompt
    quint32 m_childPidAtSend = 0;
    QByteArray m_reply;
    QTimer m_timeout;
    QTimer m_bannerQuiet; // in case the banner's end is not recognized
};
