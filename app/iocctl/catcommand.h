// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "app/iocctl/command.h"

/// `iocctl cat NAME`: the IOC's unit file and drop-ins (as systemctl cat shows them, each
/// after a "# PATH" line) and its convention's config file.
class CatCommand : public Command
{
    Q_OBJECT
public:
    explicit CatCommand(QObject *parent = nullptr);

protected:
    void addOptions(QCommandLineParser &parser) override;
    QString usage() const override;
    int run(const QCommandLineParser &parser) override;

private:
    void readPaths();
    void printFiles(const Ioc &ioc, const QStringList &files);

    QString m_word;
};
