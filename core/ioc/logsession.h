// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QProcess>
#include <QStringList>

/// Follows an IOC's log: runs the command iocLogCommand() names (tail -F on procServ's log
/// file, journalctl, either through ssh) in a QProcess and hands on what it prints. The one
/// log follower of both front ends: the GUI's log tab (LogView) and `iocctl logs`.
///
/// stdout is the log; stderr carries the follower's notices (tail -F: the file was deleted,
/// replaced, truncated), one line at a time, with describeNotice() saying them in plain words.
/// Never blocks: output is read as it arrives, stop() and the destructor kill the process
/// without waiting for it. finished() comes once per start(), after the last output.
class LogSession : public QObject
{
    Q_OBJECT
public:
    /// How stdout is handed on.
    enum class Delivery {
        Lines, // linesReceived(): whole lines, UTF-8 never split (a very long line in pieces)
        Bytes, // dataReceived(): bytes as they arrive
    };
    enum class Ending {
        Exited, // exitCode() tells how
        Crashed,
        FailedToStart, // errorString() tells why
    };

    explicit LogSession(QObject *parent = nullptr);
    ~LogSession() override;

    void setDelivery(Delivery delivery) { m_delivery = delivery; }
    Delivery delivery() const { return m_delivery; }

    /// Starts @p argv (argv[0] looked up in PATH), stdin closed. Stops a command started
    /// before (without its finished()). An empty @p argv starts nothing: false.
    bool start(const QStringList &argv);
    /// Kills the command; no finished() for it.
    void stop();
    bool isRunning() const;
    QStringList command() const { return m_argv; }
    /// argv[0], for messages.
    QString program() const { return m_argv.value(0); }

    /// After finished(): how the command ended.
    Ending ending() const { return m_ending; }
    int exitCode() const { return m_exitCode; }
    QString errorString() const { return m_errorString; }
    /// After finished(): "tail finished.", "tail exited with code 1.", "tail crashed.",
    /// "Could not run tail: …".
    QString endMessage() const;

    /// A line the follower wrote on stderr, in the user's words where it is known (GNU tail's
    /// notices about the followed file); other lines as they are.
    static QString describeNotice(const QString &line);

signals:
    /// Delivery::Lines: one or more whole lines, without the last newline.
    void linesReceived(const QString &text);
    /// Delivery::Bytes: stdout as it arrives.
    void dataReceived(const QByteArray &bytes);
    /// One stderr line (trimmed, not empty), as the command wrote it.
    void noticeReceived(const QString &line);
    /// The command ended (or could not start); endMessage() says how.
    void finished();

private:
    void handleReadyRead();
    void handleReadyReadError();
    void handleFinished(int exitCode, QProcess::ExitStatus status);
    void handleErrorOccurred(QProcess::ProcessError error);
    void flushPartial();
    void end(Ending ending);

    Delivery m_delivery = Delivery::Lines;
    QStringList m_argv;
    QPointer<QProcess> m_process;
    QByteArray m_partial; // stdout after the last newline, waiting for the rest of the line
    QByteArray m_errorPartial; // the same for stderr
    Ending m_ending = Ending::Exited;
    int m_exitCode = 0;
    QString m_errorString;
};
