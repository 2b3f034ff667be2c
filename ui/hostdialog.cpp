// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/hostdialog.h"

#include "core/hosts/host.h"
#include "ui/themecolors.h"
#include "ui_hostdialog.h"

#include <QPushButton>

HostDialog::HostDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::HostDialog>())
{
    m_ui->setupUi(this);
    ThemeColors::setForeground(m_ui->errorLabel, ThemeColors::Tone::Error);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("Add"));

    connect(m_ui->hostLineEdit, &QLineEdit::textChanged, this, &HostDialog::validate);
    connect(m_ui->userManagerCheckBox, &QCheckBox::toggled, this, &HostDialog::validate);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

HostDialog::~HostDialog() = default;

QString HostDialog::spec() const
{
    QString spec = m_ui->hostLineEdit->text().trimmed();
    if (m_ui->userManagerCheckBox->isChecked() && !spec.endsWith(QLatin1String("/user")))
        spec += QStringLiteral("/user");
    return spec;
}

void HostDialog::setSpec(const QString &spec)
{
    QString text = spec;
    const bool user = text.endsWith(QLatin1String("/user"));
    if (user)
        text.chop(5);
    m_ui->hostLineEdit->setText(text);
    m_ui->userManagerCheckBox->setChecked(user);
}

void HostDialog::validate()
{
    QString error;
    const QString text = m_ui->hostLineEdit->text().trimmed();
    bool ok = false;
    if (text.isEmpty()) {
        error.clear(); // nothing typed yet: no complaint, just no OK
    } else if (text == QLatin1String("system") || text == QLatin1String("user")
               || text.startsWith(QLatin1String("bus:"))) {
        error = tr("Enter a remote host; this machine's managers are chosen on the command line.");
    } else if (!Host::isValidSpec(spec(), &error)) {
        // error says why
    } else if (m_existing.contains(spec())) {
        error = tr("%1 is already in the list.").arg(spec());
    } else {
        ok = true;
    }
    m_ui->errorLabel->setText(error);
    m_ui->errorLabel->setVisible(!error.isEmpty());
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setEnabled(ok);
}
