// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "app/iocctl/command.h"

/// `iocctl is-active|is-enabled|is-failed NAME...`: one word per IOC and systemctl's exit
/// codes, for scripts.
class QueryCommand : public Command
{
    Q_OBJECT
public:
    enum class Query { Active, Enabled, Failed };
    QueryCommand(Query query, QObject *parent = nullptr);

    static QString commandName(Query query);
    /// The word printed for @p ioc and whether it counts as a "yes".
    static QString word(Query query, const Ioc &ioc, bool *yes);

protected:
    void addOptions(QCommandLineParser &parser) override;
    QString usage() const override;
    int run(const QCommandLineParser &parser) override;
    QString helpEpilog() const override;
    QString exitCodesText() const override;

private:
    void answer();

    Query m_query;
    QStringList m_words;
    bool m_quiet = false;
};
