// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "app/iocctl/writercommand.h"

/// `iocctl rename [--dry-run] OLD NEW`: where the IOC's convention has a rename (NSLS-II
/// manage-iocs); elsewhere says so.
class RenameCommand : public WriterCommand
{
    Q_OBJECT
public:
    explicit RenameCommand(QObject *parent = nullptr);

protected:
    void addOptions(QCommandLineParser &parser) override;
    QString usage() const override;
    int run(const QCommandLineParser &parser) override;
};
