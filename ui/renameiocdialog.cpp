// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/renameiocdialog.h"

#include "core/hosts/host.h"
#include "ui/themecolors.h"
#include "ui_renameiocdialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>

RenameIocDialog::RenameIocDialog(const Ioc &ioc, const QString &hostName, IocPlanner *planner,
                                 QWidget *parent)
    : QDialog(parent)
    , m_ioc(ioc)
    , m_planner(planner)
    , m_ui(std::make_unique<Ui::RenameIocDialog>())
    , m_replanTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    m_ui->questionLabel->setText(tr("Rename %1 (%2) on %3.").arg(ioc.name, ioc.unit, hostName));
    m_ui->nameLineEdit->setText(ioc.name);
    m_ui->previewEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->previewEdit->setMinimumWidth(
            m_ui->previewEdit->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 90);
    m_ui->previewEdit->setMinimumHeight(m_ui->previewEdit->fontMetrics().lineSpacing() * 16);
    m_ui->errorLabel->setFixedHeight(m_ui->errorLabel->fontMetrics().lineSpacing() * 2 + 4);
    ThemeColors::setForeground(m_ui->errorLabel, ThemeColors::Tone::Error);

    m_renameButton = m_ui->buttonBox->addButton(tr("&Rename"), QDialogButtonBox::AcceptRole);
    m_renameButton->setObjectName(QStringLiteral("renameButton"));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, [this] {
        if (!m_replanTimer->isActive() && m_plan.isValid())
            accept();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_replanTimer->setSingleShot(true);
    m_replanTimer->setInterval(200);
    connect(m_replanTimer, &QTimer::timeout, this, &RenameIocDialog::replan);
    connect(m_ui->nameLineEdit, &QLineEdit::textChanged, this, [this] {
        m_renameButton->setEnabled(false);
        m_replanTimer->start();
    });
    replan();
    m_ui->nameLineEdit->selectAll();
    m_ui->nameLineEdit->setFocus();
}

void RenameIocDialog::replan()
{
    const QString name = m_ui->nameLineEdit->text().trimmed();
    if (name == m_ioc.name) {
        m_plan = IocPlan();
        m_plan.action = IocPlan::Action::Rename;
        m_plan.errors << QString(); // nothing typed yet: no complaint, just no Rename
        m_ui->previewEdit->setPlainText(tr("Type the new name: what renaming does is shown here."));
        m_ui->errorLabel->clear();
    } else if (!m_planner) {
        IocPlan gone;
        gone.errors << tr("The host is gone.");
        showPlan(gone);
        return;
    } else {
        if (m_planner->isRemote()) {
            m_ui->previewEdit->setPlainText(
                    tr("Looking at %1 (through its SSH connection)…")
                            .arg(m_planner->host() ? m_planner->host()->displayName() : QString()));
            m_ui->errorLabel->clear();
            // Nothing to accept until the host has answered.
            m_plan = IocPlan();
            m_plan.errors << QString();
        }
        const Ioc ioc = m_ioc;
        m_planner->plan(
                [ioc, name](const IocWriter &writer) { return writer.planRename(ioc, name); },
                [this](const IocPlan &plan) { showPlan(plan); });
        return;
    }
    m_ui->errorLabel->setToolTip(m_ui->errorLabel->text());
    m_renameButton->setEnabled(m_plan.isValid());
    emit planUpdated();
}

void RenameIocDialog::showPlan(const IocPlan &plan)
{
    m_plan = plan;
    m_ui->previewEdit->setPlainText(m_plan.describe());
    m_ui->errorLabel->setText(m_plan.errors.join(QLatin1Char('\n')));
    m_ui->errorLabel->setToolTip(m_ui->errorLabel->text());
    // A key typed while an SSH host was asked: that answer is for an older name.
    m_renameButton->setEnabled(m_plan.isValid() && !m_replanTimer->isActive());
    emit planUpdated();
}

RenameIocDialog::~RenameIocDialog() = default;

QLineEdit *RenameIocDialog::nameLineEdit() const
{
    return m_ui->nameLineEdit;
}

QString RenameIocDialog::previewText() const
{
    return m_ui->previewEdit->toPlainText();
}

QString RenameIocDialog::errorText() const
{
    return m_ui->errorLabel->text();
}
