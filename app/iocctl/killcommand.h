// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "app/iocctl/command.h"

/// `iocctl kill [-s SIGNAL] NAME...`: sends a signal to the IOC process procServ runs (its
/// child), not to procServ, and says what procServ's auto-restart does next.
class KillCommand : public Command
{
    Q_OBJECT
public:
    explicit KillCommand(QObject *parent = nullptr);

    /// "TERM" for "SIGTERM", "term", "15"; empty for a signal kill(1) may not know.
    static QString signalName(const QString &text);
    /// Linux's number of a signalName().
    static int signalNumber(const QString &name);

protected:
    void addOptions(QCommandLineParser &parser) override;
    QString usage() const override;
    int run(const QCommandLineParser &parser) override;
    QString helpEpilog() const override;

private:
    void killAll();
    void killOne(const Ioc &ioc);
    QString afterKill(const Ioc &ioc) const;
    void oneDone(int code);

    QStringList m_words;
    QString m_signal = QStringLiteral("KILL");
    int m_pending = 0;
    int m_exitCode = Success;
};
