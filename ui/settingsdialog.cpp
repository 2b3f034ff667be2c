#include "ui/settingsdialog.h"

#include "core/ioc/conventions.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include <qtermwidget.h>

SettingsDialog::SettingsDialog(const Settings &settings, QWidget *parent)
    : QDialog(parent)
    , m_initial(settings)
    , m_patternsEdit(new QPlainTextEdit(this))
    , m_scrollbackSpinBox(new QSpinBox(this))
    , m_logLinesSpinBox(new QSpinBox(this))
    , m_fontComboBox(new QFontComboBox(this))
    , m_fontSizeSpinBox(new QSpinBox(this))
    , m_colorSchemeComboBox(new QComboBox(this))
    , m_confirmCheckBox(new QCheckBox(tr("Ask before stopping or restarting an IOC"), this))
    , m_errorLabel(new QLabel(this))
{
    setWindowTitle(tr("Settings"));

    m_patternsEdit->setObjectName(QStringLiteral("patternsEdit"));
    m_patternsEdit->setPlainText(settings.unitPatterns.join(QLatin1Char('\n')));
    m_patternsEdit->setPlaceholderText(Conventions::defaultUnitPatterns().join(QLatin1Char('\n')));
    m_patternsEdit->setToolTip(tr("One systemd unit name pattern per line. Leave empty for the "
                                  "patterns of all known conventions. Units that run procServ "
                                  "are found whatever their name."));
    m_patternsEdit->setTabChangesFocus(true);
    m_patternsEdit->setFixedHeight(fontMetrics().lineSpacing() * 6);

    m_scrollbackSpinBox->setObjectName(QStringLiteral("scrollbackSpinBox"));
    m_scrollbackSpinBox->setRange(Settings::MinScrollback, Settings::MaxScrollback);
    m_scrollbackSpinBox->setSingleStep(1000);
    m_scrollbackSpinBox->setSuffix(tr(" lines"));
    m_scrollbackSpinBox->setValue(settings.scrollbackLines);

    m_logLinesSpinBox->setObjectName(QStringLiteral("logLinesSpinBox"));
    m_logLinesSpinBox->setRange(0, 100000);
    m_logLinesSpinBox->setSingleStep(100);
    m_logLinesSpinBox->setSuffix(tr(" lines"));
    m_logLinesSpinBox->setValue(settings.logLines);

    m_fontComboBox->setObjectName(QStringLiteral("fontComboBox"));
    m_fontComboBox->setFontFilters(QFontComboBox::MonospacedFonts);
    m_fontComboBox->setCurrentFont(settings.terminalFont);
    m_fontSizeSpinBox->setRange(4, 72);
    m_fontSizeSpinBox->setSuffix(tr(" pt"));
    m_fontSizeSpinBox->setValue(
            settings.terminalFont.pointSize() > 0 ? settings.terminalFont.pointSize() : 10);
    auto *fontRow = new QHBoxLayout;
    fontRow->addWidget(m_fontComboBox, 1);
    fontRow->addWidget(m_fontSizeSpinBox);

    m_colorSchemeComboBox->setObjectName(QStringLiteral("colorSchemeComboBox"));
    QStringList schemes = QTermWidget::availableColorSchemes();
    schemes.sort(Qt::CaseInsensitive);
    m_colorSchemeComboBox->addItems(schemes);
    if (!schemes.contains(settings.colorScheme))
        m_colorSchemeComboBox->addItem(settings.colorScheme);
    m_colorSchemeComboBox->setCurrentText(settings.colorScheme);

    m_confirmCheckBox->setObjectName(QStringLiteral("confirmCheckBox"));
    m_confirmCheckBox->setChecked(settings.confirmActions);

    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_errorLabel->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Unit patterns:"), m_patternsEdit);
    form->addRow(tr("Console &scrollback:"), m_scrollbackSpinBox);
    // A layout is no buddy: without one the label would show the "&" itself.
    auto *fontLabel = new QLabel(tr("Console &font:"), this);
    fontLabel->setBuddy(m_fontComboBox);
    form->addRow(fontLabel, fontRow);
    form->addRow(tr("Console &colours:"), m_colorSchemeComboBox);
    form->addRow(tr("&Log history:"), m_logLinesSpinBox);
    form->addRow(QString(), m_confirmCheckBox);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);
}

Settings SettingsDialog::settings() const
{
    Settings s = m_initial;
    s.unitPatterns.clear();
    const QStringList lines = m_patternsEdit->toPlainText().split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (!line.trimmed().isEmpty())
            s.unitPatterns << line.trimmed();
    }
    s.scrollbackLines = m_scrollbackSpinBox->value();
    s.logLines = m_logLinesSpinBox->value();
    QFont font = m_fontComboBox->currentFont();
    font.setPointSize(m_fontSizeSpinBox->value());
    font.setStyleHint(QFont::TypeWriter);
    s.terminalFont = font;
    s.colorScheme = m_colorSchemeComboBox->currentText();
    s.confirmActions = m_confirmCheckBox->isChecked();
    return s;
}

void SettingsDialog::accept()
{
    const QString error = settings().validate();
    if (!error.isEmpty()) {
        m_errorLabel->setText(error);
        m_errorLabel->show();
        return;
    }
    QDialog::accept();
}
