// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class HostDialog;
}

/// Asks for a host to add: `[USER@]HOST[:PORT]` and whether to show the remote user's own
/// systemd manager instead of the system manager. Validation is Host::isValidSpec(); OK is
/// enabled only for a valid spec, and the reason is shown inline otherwise. The form is
/// hostdialog.ui.
class HostDialog : public QDialog
{
    Q_OBJECT
public:
    explicit HostDialog(QWidget *parent = nullptr);
    ~HostDialog() override;

    /// The host spec for Host::fromSpec(), "/user" appended when asked for.
    QString spec() const;
    void setSpec(const QString &spec);
    /// Ids of hosts already shown: adding one of them again is refused.
    void setExistingIds(const QStringList &ids) { m_existing = ids; }

private:
    void validate();

    std::unique_ptr<Ui::HostDialog> m_ui;
    QStringList m_existing;
};
