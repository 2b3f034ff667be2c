// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/fleet/orderedrun.h"
#include "core/systemd/systemdmanager.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QListWidget;
class QPushButton;
class QSpinBox;

/// "In Order…": start, stop or restart IOCs one after the other (OrderedRun): the action, the
/// order (by name, or as listed in the table), the delay between IOCs, a stop timeout for a stop
/// or restart (off: the unit's own TimeoutStopSec), and the IOCs in the order
/// they will be acted on. Its start button emits startRequested(); the caller makes the run and
/// hands it to setRun(), and the dialog then shows each IOC's progress. While the run lasts, its
/// Cancel (or Esc, or closing the window) stops before the next IOC: a job already running is
/// never interrupted. Modeless, no nested event loop.
class OrderedActionDialog : public QDialog
{
    Q_OBJECT
public:
    /// @p iocs as listed in the table; @p action preselected (Start, Stop or Restart).
    OrderedActionDialog(const QList<Ioc> &iocs, UnitAction action, QWidget *parent = nullptr);

    UnitAction action() const;
    OrderedRun::Order order() const;
    int delayMs() const;
    /// Seconds after which a stop (of a stop or restart) kills the IOC (TimedStop); -1 when
    /// off or for a start.
    int stopTimeoutSeconds() const;
    /// The IOCs in the order they will be acted on.
    QList<Ioc> orderedIocs() const;

    QComboBox *actionCombo() const { return m_actionCombo; }
    QComboBox *orderCombo() const { return m_orderCombo; }
    QDoubleSpinBox *delaySpinBox() const { return m_delaySpinBox; }
    QCheckBox *stopTimeoutCheckBox() const { return m_stopTimeoutCheckBox; }
    QSpinBox *stopTimeoutSpinBox() const { return m_stopTimeoutSpinBox; }
    QListWidget *iocList() const { return m_iocList; }
    QPushButton *startButton() const { return m_startButton; }
    /// Cancel before the run, "Cancel Remaining" during it, Close after it.
    QPushButton *cancelButton() const { return m_cancelButton; }

    /// Shows @p run's progress (not owned) and lets Cancel stop it before the next IOC.
    void setRun(OrderedRun *run);
    OrderedRun *run() const { return m_run; }

    void reject() override;

signals:
    void startRequested();

private:
    void updateList();
    void updateStopTimeout();
    void setStatus(int index, const QString &text);

    QList<Ioc> m_iocs;
    QComboBox *m_actionCombo;
    QComboBox *m_orderCombo;
    QDoubleSpinBox *m_delaySpinBox;
    QCheckBox *m_stopTimeoutCheckBox;
    QSpinBox *m_stopTimeoutSpinBox;
    QListWidget *m_iocList;
    QDialogButtonBox *m_buttons;
    QPushButton *m_startButton;
    QPushButton *m_cancelButton;
    QPointer<OrderedRun> m_run;
    QList<Ioc> m_runIocs; // as the run has them
};
