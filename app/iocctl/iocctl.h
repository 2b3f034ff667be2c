// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QObject>
#include <QStringList>
#include <QTextStream>

class Command;

/// The iocctl program: parses the global options (which systemd manager), picks the
/// sub-command and runs it. execute() returns an exit code, or Command::Pending when the
/// command finishes later with finished().
class Iocctl : public QObject
{
    Q_OBJECT
public:
    explicit Iocctl(QObject *parent = nullptr);
    ~Iocctl() override;

    void setOutput(QTextStream *out, QTextStream *err);
    /// @p args is the whole command line, program name first.
    int execute(const QStringList &args);

    /// The sub-command names, in help order.
    static QStringList commandNames();

signals:
    void finished(int exitCode);

private:
    Command *createCommand(const QString &name);
    void printHelp();
    QTextStream &out() { return *m_out; }
    QTextStream &err() { return *m_err; }

    QTextStream m_stdout;
    QTextStream m_stderr;
    QTextStream *m_out;
    QTextStream *m_err;
    Command *m_command = nullptr;
    bool m_done = false;
    int m_exitCode = 0;
};
