// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "app/iocctl/command.h"
#include "core/procserv/terminalsanitizer.h"

class LogSession;
class LogSource;

/// `iocctl logs [-f] [-n N] [-t] [--since TIME] [--until TIME] NAME`: the IOC's procServ log file when it has
/// one, otherwise its journal; a LogSession (the GUI's log follower too) runs the command
/// IocRuntime::logCommand() names, and its output goes to stdout, its notices to stderr.
class LogsCommand : public Command
{
    Q_OBJECT
public:
    explicit LogsCommand(QObject *parent = nullptr);

protected:
    void addOptions(QCommandLineParser &parser) override;
    QString usage() const override;
    int run(const QCommandLineParser &parser) override;

private:
    void startLog();
    void handleFinished();
    void handleOutput(const QByteArray &data);
    void startLogSource(const Ioc &ioc);

    QString m_word;
    bool m_follow = false;
    int m_lines = -1;
    QString m_since;
    QString m_until;
    bool m_timestamps = false;
    LogSession *m_session = nullptr;
    LogSource *m_source = nullptr; // a log the runtime streams (containers)
    bool m_sanitize = false; // stdout is a terminal: a log must not act on it
    TerminalSanitizer m_sanitizer;
};
