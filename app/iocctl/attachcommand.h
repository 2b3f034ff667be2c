// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "app/iocctl/command.h"
#include "app/iocctl/detachkeys.h"
#include "core/procserv/controlkeyguard.h"
#include "core/procserv/terminalsanitizer.h"

#include <QTimer>

class ConsoleSession;
class FdWriter;
class QSocketNotifier;

/// `iocctl attach [--read-only] [--detach-keys KEYS] NAME`: the IOC's procServ console on
/// this terminal (raw mode) or on stdin/stdout when they are pipes. The detach sequence
/// (Ctrl-] by default) ends it without sending anything; procServ's command characters and
/// Ctrl-C/Ctrl-D are only sent when typed twice in a row (the core ControlKeyGuard decides,
/// as in the GUI's consoles). The terminal is restored however the program ends
/// (TerminalGuard).
class AttachCommand : public Command
{
    Q_OBJECT
public:
    explicit AttachCommand(QObject *parent = nullptr);
    ~AttachCommand() override;

protected:
    void addOptions(QCommandLineParser &parser) override;
    QString usage() const override;
    int run(const QCommandLineParser &parser) override;
    QString helpEpilog() const override;

private:
    QString consoleName() const;
    void attach();
    void handleConnected();
    void handleData(const QByteArray &data);
    void handleSessionError(const QString &message);
    void handleStdinReadable();
    void handleStdinEnded();
    void handleQuiet();
    void sendTyped(const QByteArray &typed);
    /// Prints a notice on stderr; in raw mode lines need "\r\n".
    void notice(const QString &text);
    void end(int code, const QString &message = {});

    QString m_word;
    bool m_readOnly = false;
    DetachKeys m_detachKeys;
    Ioc m_ioc;
    ControlKeyGuard m_guard;
    bool m_tty = false;
    bool m_connected = false;
    bool m_stdinEnded = false;
    bool m_reconnect = false; // retry a lost connection (stdin is a terminal)
    bool m_lost = false; // the connection was lost; reconnecting
    ConsoleSession *m_session = nullptr;
    FdWriter *m_writer = nullptr;
    // Only when stdout is a terminal: a redirected transcript keeps every byte.
    TerminalSanitizer m_sanitizer;
    bool m_sanitize = false;
    QSocketNotifier *m_stdinNotifier = nullptr;
    QTimer m_quietTimer; // after stdin ended: detach once the console is quiet
    QTimer m_lingerLimit;
};
