// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "app/iocctl/command.h"

/// `iocctl inspect [-f TEMPLATE] NAME...`: everything known about each IOC, as a JSON array,
/// or one line per IOC from a Go-template-like TEMPLATE over that JSON.
class InspectCommand : public Command
{
    Q_OBJECT
public:
    explicit InspectCommand(QObject *parent = nullptr);

protected:
    void addOptions(QCommandLineParser &parser) override;
    QString usage() const override;
    int run(const QCommandLineParser &parser) override;

private:
    void print();

    QStringList m_words;
    QString m_template;
};
