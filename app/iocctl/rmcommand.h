// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "app/iocctl/writercommand.h"

/// `iocctl rm [--force] [--dry-run] NAME...`: removes IOCs the way their convention's tool
/// does (IocWriter::planRemove()); every IOC is checked before any is touched.
class RmCommand : public WriterCommand
{
    Q_OBJECT
public:
    explicit RmCommand(QObject *parent = nullptr);

protected:
    void addOptions(QCommandLineParser &parser) override;
    QString usage() const override;
    int run(const QCommandLineParser &parser) override;

private:
    void runNext(Host *host);

    QList<IocPlan> m_plans;
};
