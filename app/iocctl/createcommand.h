// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "app/iocctl/writercommand.h"

/// `iocctl create [OPTIONS] NAME -- COMMAND [ARG...]`: writes a new IOC in a convention's
/// layout (IocWriter), reloads systemd, optionally enables and starts it.
class CreateCommand : public WriterCommand
{
    Q_OBJECT
public:
    explicit CreateCommand(QObject *parent = nullptr);

protected:
    void addOptions(QCommandLineParser &parser) override;
    QString usage() const override;
    int run(const QCommandLineParser &parser) override;
    QString helpEpilog() const override;
};
