// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/removeiocdialog.h"

#include "core/hosts/host.h"
#include "core/ioc/conventions.h"
#include "ui/themecolors.h"
#include "ui_removeiocdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>

RemoveIocDialog::RemoveIocDialog(const Ioc &ioc, const QString &hostName, IocPlanner *planner,
                                 QWidget *parent)
    : QDialog(parent)
    , m_ioc(ioc)
    , m_planner(planner)
    , m_ui(std::make_unique<Ui::RemoveIocDialog>())
{
    m_ui->setupUi(this);
    m_ui->questionLabel->setText(
            tr("Remove %1 (%2) from %3? The files of its %4 layout are "
               "removed; its own folder, st.cmd and databases stay.")
                    .arg(ioc.name, ioc.unit, hostName, Conventions::displayName(ioc.convention)));
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_ui->removedEdit->setFont(fixed);
    m_ui->keptEdit->setFont(fixed);
    m_ui->removedEdit->setMinimumWidth(
            m_ui->removedEdit->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 100);
    m_ui->keptEdit->setFixedHeight(m_ui->keptEdit->fontMetrics().lineSpacing() * 4 + 12);
    // A window's minimum leaves out what a wrapped label needs at its width (Qt 5): the
    // question has its lines at the dialog's narrowest, and nothing is drawn over another.
    m_ui->questionLabel->setMinimumHeight(
            m_ui->questionLabel->heightForWidth(m_ui->removedEdit->minimumWidth()));
    // Always there: ticking "Stop it first" clears the error without moving the buttons.
    m_ui->errorLabel->setFixedHeight(m_ui->errorLabel->fontMetrics().lineSpacing() * 2 + 4);
    ThemeColors::setForeground(m_ui->errorLabel, ThemeColors::Tone::Error);
    const bool running = ioc.isUpOrStarting();
    m_ui->stopFirstCheckBox->setVisible(running);

    m_cancelButton = m_ui->buttonBox->button(QDialogButtonBox::Cancel);
    m_removeButton = m_ui->buttonBox->addButton(tr("&Remove"), QDialogButtonBox::DestructiveRole);
    m_removeButton->setObjectName(QStringLiteral("removeButton"));
    m_removeButton->setAutoDefault(false);
    m_cancelButton->setDefault(true); // Enter and a misclick keep the IOC
    connect(m_removeButton, &QPushButton::clicked, this, [this] {
        if (m_plan.isValid())
            accept();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->stopFirstCheckBox, &QCheckBox::toggled, this, &RemoveIocDialog::replan);
    replan();
    m_cancelButton->setFocus();
}

void RemoveIocDialog::replan()
{
    m_removeButton->setEnabled(false);
    if (!m_planner) {
        IocPlan gone;
        gone.errors << tr("The host is gone.");
        showPlan(gone);
        return;
    }
    if (m_planner->isRemote()) {
        m_ui->removedEdit->setPlainText(
                tr("Looking at %1 (through its SSH connection)…")
                        .arg(m_planner->host() ? m_planner->host()->displayName() : QString()));
        m_ui->keptEdit->clear();
        m_ui->errorLabel->clear();
        // Nothing to accept until the host has answered.
        m_plan = IocPlan();
        m_plan.errors << QString();
    }
    const Ioc ioc = m_ioc;
    const bool force = m_ui->stopFirstCheckBox->isChecked();
    m_planner->plan([ioc, force](const IocWriter &writer) { return writer.planRemove(ioc, force); },
                    [this](const IocPlan &plan) { showPlan(plan); });
}

void RemoveIocDialog::showPlan(const IocPlan &plan)
{
    m_plan = plan;
    QStringList removed;
    if (m_plan.isValid()) {
        // In the order they are done (IocPlanRunner: releasing calls, files, the others).
        int late = 0;
        while (late < m_plan.calls.size()
               && (m_plan.calls.at(late).kind == PlannedCall::Kind::Stop
                   || m_plan.calls.at(late).kind == PlannedCall::Kind::Disable))
            ++late;
        for (int i = 0; i < late; ++i)
            removed << tr("run %1").arg(m_plan.calls.at(i).text(m_plan.userManager));
        for (const QString &file : std::as_const(m_plan.removals))
            removed << tr("remove %1").arg(file);
        for (const QString &dir : std::as_const(m_plan.removeDirs))
            removed << tr("remove folder %1 if empty").arg(dir);
        for (int i = late; i < m_plan.calls.size(); ++i)
            removed << tr("run %1").arg(m_plan.calls.at(i).text(m_plan.userManager));
        for (const QString &note : std::as_const(m_plan.notes))
            removed << tr("note: %1").arg(note);
    }
    m_ui->removedEdit->setPlainText(removed.join(QLatin1Char('\n')));
    m_ui->keptEdit->setPlainText(m_plan.isValid() ? m_plan.kept.join(QLatin1Char('\n'))
                                                  : QString());
    m_ui->errorLabel->setText(m_plan.errors.join(QLatin1Char('\n')));
    m_ui->errorLabel->setToolTip(m_ui->errorLabel->text());
    m_removeButton->setEnabled(m_plan.isValid());
    emit planUpdated();
}

RemoveIocDialog::~RemoveIocDialog() = default;

QCheckBox *RemoveIocDialog::stopFirstCheckBox() const
{
    return m_ui->stopFirstCheckBox;
}

bool RemoveIocDialog::force() const
{
    return m_ui->stopFirstCheckBox->isChecked();
}

QString RemoveIocDialog::removedText() const
{
    return m_ui->removedEdit->toPlainText();
}

QString RemoveIocDialog::keptText() const
{
    return m_ui->keptEdit->toPlainText();
}

QString RemoveIocDialog::errorText() const
{
    return m_ui->errorLabel->text();
}
