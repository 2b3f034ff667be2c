// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/settingsdialog.h"

#include "core/ioc/conventions.h"
#include "ui/themecolors.h"
#include "ui_settingsdialog.h"

#include <qtermwidget.h>

SettingsDialog::SettingsDialog(const Settings &settings, QWidget *parent)
    : QDialog(parent)
    , m_initial(settings)
    , m_ui(std::make_unique<Ui::SettingsDialog>())
{
    m_ui->setupUi(this);

    m_ui->patternsEdit->setPlainText(settings.unitPatterns.join(QLatin1Char('\n')));
    m_ui->patternsEdit->setPlaceholderText(
            Conventions::defaultUnitPatterns().join(QLatin1Char('\n')));
    m_ui->patternsEdit->setFixedHeight(fontMetrics().lineSpacing() * 6);

    m_ui->scrollbackSpinBox->setRange(Settings::MinScrollback, Settings::MaxScrollback);
    m_ui->scrollbackSpinBox->setValue(settings.scrollbackLines);
    m_ui->logLinesSpinBox->setValue(settings.logLines);
    m_ui->historyHoursSpinBox->setRange(0, Settings::MaxEventHistoryHours);
    m_ui->historyHoursSpinBox->setValue(settings.eventHistoryHours);

    m_ui->fontComboBox->setCurrentFont(settings.terminalFont);
    m_ui->fontSizeSpinBox->setValue(
            settings.terminalFont.pointSize() > 0 ? settings.terminalFont.pointSize() : 10);

    QStringList schemes = QTermWidget::availableColorSchemes();
    schemes.sort(Qt::CaseInsensitive);
    m_ui->colorSchemeComboBox->addItems(schemes);
    if (!schemes.contains(settings.colorScheme))
        m_ui->colorSchemeComboBox->addItem(settings.colorScheme);
    m_ui->colorSchemeComboBox->setCurrentText(settings.colorScheme);

    m_ui->confirmCheckBox->setChecked(settings.confirmActions);
    ThemeColors::setForeground(m_ui->errorLabel, ThemeColors::Tone::Error);
    m_ui->errorLabel->hide();

    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
}

SettingsDialog::~SettingsDialog() = default;

Settings SettingsDialog::settings() const
{
    Settings s = m_initial;
    s.unitPatterns.clear();
    const QStringList lines = m_ui->patternsEdit->toPlainText().split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (!line.trimmed().isEmpty())
            s.unitPatterns << line.trimmed();
    }
    s.scrollbackLines = m_ui->scrollbackSpinBox->value();
    s.logLines = m_ui->logLinesSpinBox->value();
    s.eventHistoryHours = m_ui->historyHoursSpinBox->value();
    QFont font = m_ui->fontComboBox->currentFont();
    font.setPointSize(m_ui->fontSizeSpinBox->value());
    font.setStyleHint(QFont::TypeWriter);
    s.terminalFont = font;
    s.colorScheme = m_ui->colorSchemeComboBox->currentText();
    s.confirmActions = m_ui->confirmCheckBox->isChecked();
    return s;
}

void SettingsDialog::accept()
{
    const QString error = settings().validate();
    if (!error.isEmpty()) {
        m_ui->errorLabel->setText(error);
        m_ui->errorLabel->show();
        return;
    }
    QDialog::accept();
}
