// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"

#include <QDialog>
#include <QList>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;

/// Asks for one IOC shell line to run on the selected IOCs ("Run command…"). The line is typed
/// (or picked from the recent ones) and sent as typed; a line with a control character is
/// refused (ExecLineJob's rule) and Run stays disabled. Sends nothing itself: IocActions
/// confirms and runs the accepted line().
class RunCommandDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int MaximumRecentLines = 20;

    explicit RunCommandDialog(const QList<Ioc> &iocs, QWidget *parent = nullptr);

    QString line() const;
    void setLine(const QString &line);
    QComboBox *lineComboBox() const { return m_line; }
    QPushButton *runButton() const { return m_run; }
    /// Why the line cannot be run (empty, control character); empty when it can.
    QString problem() const { return m_problem; }

    /// The lines run before, newest first (QSettings "runCommand/recentLines").
    static QStringList recentLines();
    /// Puts @p line first among the recent lines (once; at most MaximumRecentLines kept).
    static void rememberLine(const QString &line);

private:
    void validate();

    QComboBox *m_line;
    QLabel *m_problemLabel;
    QDialogButtonBox *m_buttons;
    QPushButton *m_run;
    QString m_problem;
};
