// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"
#include "core/ioc/iocplanner.h"
#include "core/ioc/iocwriter.h"

#include <QDialog>
#include <QPointer>

#include <memory>

class QCheckBox;
class QPushButton;

namespace Ui {
class RemoveIocDialog;
}

/// Asks before removing one IOC: lists the files IocWriter::planRemove() removes and the
/// systemd calls it makes, and what is kept (IocPlan::kept: the IOC's own directory, st.cmd,
/// databases). A running IOC is refused unless "Stop it first" is ticked (force). Cancel is
/// the default button, so Enter or a misclick removes nothing. On an SSH host the lists come
/// once the host has answered (IocPlanner); Remove stays off until then. The form is
/// removeiocdialog.ui.
class RemoveIocDialog : public QDialog
{
    Q_OBJECT
public:
    /// @p hostName: how the IOC's host is shown (Host::displayName()); @p planner plans for
    /// that host (not owned; it outlives the dialog).
    RemoveIocDialog(const Ioc &ioc, const QString &hostName, IocPlanner *planner,
                    QWidget *parent = nullptr);
    ~RemoveIocDialog() override;

    Ioc ioc() const { return m_ioc; }
    /// The plan as the dialog shows it now (with or without force).
    IocPlan plan() const { return m_plan; }
    /// What the dialog lists: removed files and calls, kept files, and why it refuses.
    QString removedText() const;
    QString keptText() const;
    QString errorText() const;
    QCheckBox *stopFirstCheckBox() const;
    /// "Stop it first" is ticked.
    bool force() const;
    QPushButton *removeButton() const { return m_removeButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }

signals:
    /// The lists show the plan for the dialog's state now.
    void planUpdated();

private:
    void replan();
    void showPlan(const IocPlan &plan);

    Ioc m_ioc;
    QPointer<IocPlanner> m_planner;
    IocPlan m_plan;
    std::unique_ptr<Ui::RemoveIocDialog> m_ui;
    QPushButton *m_removeButton;
    QPushButton *m_cancelButton;
};
