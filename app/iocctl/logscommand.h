// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "app/iocctl/command.h"
#include "core/procserv/terminalsanitizer.h"

#include <memory>
#include <vector>

class LogSession;
class LogSource;

/// `iocctl logs [-f] [-n N] [-t] [--since TIME|--since-restart] [--until TIME] NAME|GLOB...`:
/// each IOC's procServ log file when it has one, otherwise its journal; a LogSession (the
/// GUI's log follower too) runs the command IocRuntime::logCommand() names, and its output goes
/// to stdout, its notices to stderr. One IOC: its bytes as they come. Several with -f: their
/// lines merged as they arrive, each whole line prefixed "NAME | " ("HOST/NAME | " with several
/// hosts). Several without -f: one IOC after the other, each under a "==> NAME <==" header.
class LogsCommand : public Command
{
    Q_OBJECT
public:
    explicit LogsCommand(QObject *parent = nullptr);
    ~LogsCommand() override;

protected:
    void addOptions(QCommandLineParser &parser) override;
    QString usage() const override;
    int run(const QCommandLineParser &parser) override;

private:
    struct Stream;
    void startLogs();
    void startStream(Stream *stream);
    void startReading(Stream *stream, bool follow, int lines, const QString &since);
    void handleOutput(Stream *stream, const QByteArray &data);
    void handleSessionFinished(Stream *stream);
    void streamDone(Stream *stream, int code);
    void scanDone(Stream *stream);
    void write(Stream *stream, const QByteArray &data);
    QString label(const Ioc &ioc) const;

    QStringList m_words;
    bool m_follow = false;
    int m_lines = -1;
    QString m_since;
    QString m_until;
    bool m_sinceRestart = false;
    bool m_timestamps = false;
    bool m_merge = false; // several IOCs followed: prefixed whole lines
    bool m_sanitize = false; // stdout is a terminal: a log must not act on it
    std::vector<std::unique_ptr<Stream>> m_streams;
    int m_next = 0; // without -f: the stream to start when the current one is done
    int m_code = Success;
};
