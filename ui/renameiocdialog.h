// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"
#include "core/ioc/iocplanner.h"
#include "core/ioc/iocwriter.h"

#include <QDialog>
#include <QPointer>

#include <memory>

class QLineEdit;
class QPushButton;
class QTimer;

namespace Ui {
class RenameIocDialog;
}

/// Asks for an IOC's new name and shows what renaming does (IocWriter::planRename(): the
/// folder and unit moved, the config rewritten, the systemd calls), planned again ~200 ms after
/// the last key; Rename is enabled only for a plan without errors that matches the name typed.
/// On an SSH host the preview comes once the host has answered (IocPlanner).
/// The form is renameiocdialog.ui.
class RenameIocDialog : public QDialog
{
    Q_OBJECT
public:
    /// @p hostName: how the IOC's host is shown (Host::displayName()); @p planner plans for
    /// that host (not owned; it outlives the dialog).
    RenameIocDialog(const Ioc &ioc, const QString &hostName, IocPlanner *planner,
                    QWidget *parent = nullptr);
    ~RenameIocDialog() override;

    Ioc ioc() const { return m_ioc; }
    IocPlan plan() const { return m_plan; }
    QLineEdit *nameLineEdit() const;
    QString previewText() const;
    QString errorText() const;
    QPushButton *renameButton() const { return m_renameButton; }

signals:
    void planUpdated();

private:
    void replan();
    void showPlan(const IocPlan &plan);

    Ioc m_ioc;
    QPointer<IocPlanner> m_planner;
    IocPlan m_plan;
    std::unique_ptr<Ui::RenameIocDialog> m_ui;
    QPushButton *m_renameButton;
    QTimer *m_replanTimer;
};
