// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "ui/settings.h"

#include <QDialog>

#include <memory>

namespace Ui {
class SettingsDialog;
}

/// Edits a Settings value. Invalid input is reported inline and keeps the dialog open. The
/// form is settingsdialog.ui; ranges and choices that come from elsewhere are set here.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(const Settings &settings, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    /// The settings as currently entered.
    Settings settings() const;

    void accept() override;

private:
    Settings m_initial;
    std::unique_ptr<Ui::SettingsDialog> m_ui;
};
