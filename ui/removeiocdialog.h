// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"
#include "core/ioc/iocwriter.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QPushButton;

namespace Ui {
class RemoveIocDialog;
}

/// Asks before removing one IOC: lists the files IocWriter::planRemove() removes and the
/// systemd calls it makes, and what is kept (IocPlan::kept: the IOC's own directory, st.cmd,
/// databases). A running IOC is refused unless "Stop it first" is ticked (force). Cancel is
/// the default button, so Enter or a misclick removes nothing. The form is removeiocdialog.ui.
class RemoveIocDialog : public QDialog
{
    Q_OBJECT
public:
    /// @p hostName: how the IOC's host is shown (Host::displayName()).
    RemoveIocDialog(const Ioc &ioc, const QString &hostName, const IocWriter &writer,
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

private:
    void replan();

    Ioc m_ioc;
    IocWriter m_writer;
    IocPlan m_plan;
    std::unique_ptr<Ui::RemoveIocDialog> m_ui;
    QPushButton *m_removeButton;
    QPushButton *m_cancelButton;
};
