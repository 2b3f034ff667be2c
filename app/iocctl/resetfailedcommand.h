// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "app/iocctl/command.h"

/// `iocctl reset-failed [NAME...]`: forgets the failed state of IOC units (systemd's
/// ResetFailedUnit), of the named IOCs or of every failed IOC.
class ResetFailedCommand : public Command
{
    Q_OBJECT
public:
    explicit ResetFailedCommand(QObject *parent = nullptr);

protected:
    void addOptions(QCommandLineParser &parser) override;
    QString usage() const override;
    int run(const QCommandLineParser &parser) override;

private:
    void resetAll();

    QStringList m_words;
    int m_pending = 0;
    int m_exitCode = Success;
};
