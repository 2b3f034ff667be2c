// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "app/iocctl/command.h"
#include "core/fleet/execlinejob.h"

#include <QTimer>

class ExecFanOut;

/// `iocctl exec [--timeout SECONDS] [--prompt TEXT] NAME -- LINE`: sends one line to the
/// IOC shell and prints its reply up to the next prompt, without the echoed line.
/// `iocctl exec [-f FILTER]... [NAME|GLOB]... -- LINE` (several names, a glob, a filter or
/// --format) runs the line on every matching IOC, a bounded number at a time (--parallel),
/// and prints each reply whole under a NAME (or HOST/NAME) header, or a JSON array.
class ExecLineCommand : public Command
{
    Q_OBJECT
public:
    explicit ExecLineCommand(QObject *parent = nullptr);

    /// ExecLineJob's rules (core/fleet), kept here for iocctl's callers and tests.
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
    /// Splits exec's words at the first "--" of @p args (the command's own arguments, from
    /// its name on): the IOC words before it and the line after it. Without "--", the first
    /// positional word is the IOC and the rest the line; with a filter (@p hasFilter) and no
    /// "--", every positional word is the line. @p positional are the parser's positional
    /// arguments (options removed).
    static void splitWords(const QStringList &args, const QStringList &positional, bool hasFilter,
                           QStringList *names, QStringList *line);
    /// iocctl's exit code for @p status: 0, 1 (not running, no console, shut down, exited),
    /// 4 (console unreachable), 5 (timeout).
    static int exitCodeFor(ExecLineJob::Status status);

protected:
    void addOptions(QCommandLineParser &parser) override;
    QString usage() const override;
    int run(const QCommandLineParser &parser) override;
    QString helpEpilog() const override;

private:
    void connectConsole();
    /// Writes the reply to stdout: raw bytes into a pipe or file, forTerminal() on a tty.
    void writeReply(const QByteArray &reply);
    void runFanOut();
    void printDoneBlocks();
    void finishFanOut();

    QStringList m_words;
    QString m_line;
    QString m_prompt;
    QStringList m_filterTerms;
    QString m_format; // empty (text) or "json"
    bool m_fanOut = false;
    int m_parallel = 8;
    int m_timeoutSeconds = 10;
    Ioc m_ioc;
    ExecLineJob *m_job = nullptr; // single IOC
    ExecFanOut *m_run = nullptr; // fan-out: its jobs in output order
    int m_printed = 0;
};
