// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "app/iocctl/command.h"

class LogSession;
class LogSource;

/// `iocctl status NAME...`: a systemctl-status-like block per IOC (unit, procServ, child,
/// console, recent log lines) and systemctl status's exit codes.
class StatusCommand : public Command
{
    Q_OBJECT
public:
    explicit StatusCommand(QObject *parent = nullptr);

    /// systemctl status's exit codes.
    enum StatusCode { AllActive = 0, NotActive = 3, NoSuchIoc = 4 };

protected:
    void addOptions(QCommandLineParser &parser) override;
    QString usage() const override;
    int run(const QCommandLineParser &parser) override;
    QString helpEpilog() const override;
    QString exitCodesText() const override;

private:
    void collect();
    void printNext();
    void printBlock(const Ioc &ioc, const QStringList &logLines, const QString &logNote);

    QStringList m_words;
    int m_lines = 5;
    QList<Ioc> m_iocs;
    int m_next = 0;
    bool m_anyInactive = false;
    bool m_anyUnknown = false;
};
