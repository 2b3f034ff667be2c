// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "app/iocctl/command.h"
#include "core/systemd/systemdmanager.h"

/// `iocctl start|stop|restart|enable|disable [-f FILTER]... NAME|GLOB...`: runs the systemd
/// job for each IOC, waits for it, and prints one line per IOC. All at once by default; with
/// --order or --delay one after the other (each job's result awaited, then the delay), with
/// progress lines and a summary.
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

private:
    void runActions();
    void runNext();
    void handleJobFinished(const Ioc &ioc, const JobResult &result);
    QString doneText() const;
    QString doingText() const;

    UnitAction m_action;
    QStringList m_words;
    QStringList m_filterTerms;
    bool m_sequential = false;
    bool m_byName = false; // --order name
    int m_delayMs = 0;
    QList<Ioc> m_iocs; // in the order they are acted on
    int m_next = 0; // sequential: the next of m_iocs to act on
    int m_pending = 0;
    int m_failed = 0;
    int m_exitCode = Success;
};
