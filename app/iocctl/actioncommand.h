// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "app/iocctl/command.h"
#include "core/systemd/systemdmanager.h"

/// `iocctl start|stop|restart|enable|disable NAME|GLOB...`: runs the systemd job for each
/// IOC, waits for it, and prints one line per IOC.
class ActionCommand : public Command
{
    Q_OBJECT
public:
    ActionCommand(UnitAction action, QObject *parent = nullptr);

    static QString commandName(UnitAction action);

protected:
    void addOptions(QCommandLineParser &parser) override;
    QString usage() const override;
    int run(const QCommandLineParser &parser) override;

    QString helpEpilog() const override;

private:
    void runActions();
    /// Runs the first of @p steps for @p ioc, the rest once it succeeded.
    void runSteps(const Ioc &ioc, QList<UnitAction> steps);
    /// A stop with -t: the stop job, and SIGKILL to the unit's processes if it still runs
    /// after m_stopTimeout seconds.
    void runStop(const Ioc &ioc, std::function<void(const JobResult &)> done);
    /// Prints the outcome; true when it succeeded.
    bool report(const Ioc &ioc, UnitAction action, const JobResult &result);
    void stepDone();
    static QString doneText(UnitAction action);

    UnitAction m_action;
    QStringList m_words;
    bool m_now = false; // enable --now / disable --now
    int m_stopTimeout = -1; // stop/restart -t SECONDS; -1: systemd's own TimeoutStopSec
    int m_pending = 0;
    int m_exitCode = Success;
};
