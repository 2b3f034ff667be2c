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

private:
    void runActions();
    void handleJobFinished(const Ioc &ioc, const JobResult &result);
    QString doneText() const;

    UnitAction m_action;
    QStringList m_words;
    int m_pending = 0;
    int m_exitCode = Success;
};
