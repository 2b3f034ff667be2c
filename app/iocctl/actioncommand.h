// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "app/iocctl/command.h"
#include "core/systemd/systemdmanager.h"

#include <functional>

/// `iocctl start|stop|restart|enable|disable [-f FILTER]... NAME|GLOB...`: runs the systemd
/// job for each IOC, waits for it, and prints one line per IOC. All at once by default; with
/// --order or --delay one after the other (each IOC's jobs awaited, then the delay), with
/// progress lines and a summary. `enable|disable --now` and `stop|restart -t` run more than
/// one job per IOC.
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
    /// Sequential (--order/--delay): m_iocs one after the other (OrderedRun).
    void runOrdered();
    /// Runs the first of @p steps for @p ioc, the rest once it succeeded.
    void runSteps(const Ioc &ioc, QList<UnitAction> steps);
    /// A stop with -t (core's TimedStop): the stop job, and SIGKILL to the unit's processes if
    /// it still runs after m_stopTimeout seconds; prints what happens.
    void runStop(const Ioc &ioc, std::function<void(const JobResult &)> done);
    /// Prints the outcome; true when it succeeded.
    bool report(const Ioc &ioc, UnitAction action, const JobResult &result);
    /// One IOC's jobs are over: the next IOC, the summary or the end.
    void iocDone();
    static QString doneText(UnitAction action);
    QString doingText() const;
    QString progressPrefix() const;

    UnitAction m_action;
    QStringList m_words;
    QStringList m_filterTerms;
    bool m_now = false; // enable --now / disable --now
    int m_stopTimeout = -1; // stop/restart -t SECONDS; -1: systemd's own TimeoutStopSec
    bool m_sequential = false;
    bool m_byName = false; // --order name
    int m_delayMs = 0;
    QList<UnitAction> m_steps; // the jobs of each IOC
    QList<Ioc> m_iocs; // in the order they are acted on
    int m_next = 0; // sequential: the number of m_iocs begun
    std::function<void(bool)> m_iocDone; // sequential: tells OrderedRun the IOC is done
    int m_pending = 0;
    int m_failed = 0;
    int m_exitCode = Success;
};
