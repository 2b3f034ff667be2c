// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "app/iocctl/command.h"

#include <QDateTime>
#include <QJsonObject>

/// `iocctl ps`: the running IOCs (all installed ones with -a) as a table, names (-q),
/// JSON or one template line per IOC.
class PsCommand : public Command
{
    Q_OBJECT
public:
    explicit PsCommand(QObject *parent = nullptr);

    /// The object `ps --format json` prints for one IOC.
    static QJsonObject toJson(const Ioc &ioc);
    /// Injectable clock for the STATUS column ("Up 3 hours"); invalid = now.
    void setNow(const QDateTime &now) { m_now = now; }

protected:
    void addOptions(QCommandLineParser &parser) override;
    QString usage() const override;
    int run(const QCommandLineParser &parser) override;
    QString helpEpilog() const override;

private:
    void print();
    void printTable(const QList<Ioc> &iocs, const QDateTime &now);
    /// `--format 'table {{.Name}}\t{{.Status}}'`: a column per tab-separated cell.
    bool printTemplateTable(const QList<Ioc> &iocs, const QDateTime &now);
    void printLines(const QStringList &lines);

    bool m_all = false;
    bool m_quiet = false;
    bool m_noTrunc = false;
    bool m_noLegend = false;
    int m_last = -1; // -n N / -l: the N most recently started; -1 = all
    QString m_format;
    QStringList m_filterTerms;
    QDateTime m_now;
};
