#pragma once

#include "ui/settings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QFontComboBox;
class QLabel;
class QPlainTextEdit;
class QSpinBox;

/// Edits a Settings value. Invalid input is reported inline and keeps the dialog open.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(const Settings &settings, QWidget *parent = nullptr);

    /// The settings as currently entered.
    Settings settings() const;

    void accept() override;

private:
    Settings m_initial;
    QPlainTextEdit *m_patternsEdit;
    QSpinBox *m_scrollbackSpinBox;
    QSpinBox *m_logLinesSpinBox;
    QFontComboBox *m_fontComboBox;
    QSpinBox *m_fontSizeSpinBox;
    QComboBox *m_colorSchemeComboBox;
    QCheckBox *m_confirmCheckBox;
    QLabel *m_errorLabel;
};
