#pragma once

#include "app/iocctl/command.h"
#include "core/procserv/terminalsanitizer.h"

#include <QProcess>

/// `iocctl logs [-f] [-n N] [--since TIME] NAME`: the IOC's procServ log file when it has
/// one, otherwise its journal; runs the command iocLogCommand() names and forwards its
/// output.
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
    void handleProcessFinished(int exitCode, QProcess::ExitStatus status);
    void handleProcessError(QProcess::ProcessError error);
    void handleOutput();

    QString m_word;
    bool m_follow = false;
    int m_lines = -1;
    QString m_since;
    QProcess *m_process = nullptr;
    bool m_sanitize = false; // stdout is a terminal: a log must not act on it
    TerminalSanitizer m_sanitizer;
};
