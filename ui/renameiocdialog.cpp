// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/renameiocdialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

RenameIocDialog::RenameIocDialog(const Ioc &ioc, const IocWriter &writer, QWidget *parent)
    : QDialog(parent)
    , m_ioc(ioc)
    , m_writer(writer)
    , m_nameEdit(new QLineEdit(ioc.name, this))
    , m_preview(new QPlainTextEdit(this))
    , m_errorLabel(new QLabel(this))
    , m_replanTimer(new QTimer(this))
{
    setWindowTitle(tr("Rename IOC"));
    m_nameEdit->setObjectName(QStringLiteral("nameLineEdit"));
    m_preview->setObjectName(QStringLiteral("previewEdit"));
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setMinimumWidth(m_preview->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 72);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setFixedHeight(m_errorLabel->fontMetrics().lineSpacing() * 2 + 4);
    QPalette palette = m_errorLabel->palette();
    palette.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    m_errorLabel->setPalette(palette);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_renameButton = buttons->addButton(tr("&Rename"), QDialogButtonBox::AcceptRole);
    m_renameButton->setObjectName(QStringLiteral("renameButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!m_replanTimer->isActive() && m_plan.isValid())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&New name:"), m_nameEdit);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(
            new QLabel(tr("Rename %1 on %2 (a stopped IOC only).").arg(ioc.name, ioc.host), this));
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Preview (dry run):"), this));
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);

    m_replanTimer->setSingleShot(true);
    m_replanTimer->setInterval(200);
    connect(m_replanTimer, &QTimer::timeout, this, &RenameIocDialog::replan);
    connect(m_nameEdit, &QLineEdit::textChanged, this, [this] {
        m_renameButton->setEnabled(false);
        m_replanTimer->start();
    });
    replan();
    m_nameEdit->selectAll();
    m_nameEdit->setFocus();
}

void RenameIocDialog::replan()
{
    const QString name = m_nameEdit->text().trimmed();
    if (name == m_ioc.name) {
        m_plan = IocPlan();
        m_plan.action = IocPlan::Action::Rename;
        m_plan.errors << QString(); // nothing typed yet: no complaint, just no Rename
        m_preview->setPlainText(tr("Type the new name: what renaming does is shown here."));
        m_errorLabel->clear();
    } else {
        m_plan = m_writer.planRename(m_ioc, name);
        m_preview->setPlainText(m_plan.describe());
        m_errorLabel->setText(m_plan.errors.join(QLatin1Char('\n')));
    }
    m_errorLabel->setToolTip(m_errorLabel->text());
    m_renameButton->setEnabled(m_plan.isValid());
    emit planUpdated();
}

QString RenameIocDialog::previewText() const
{
    return m_preview->toPlainText();
}

QString RenameIocDialog::errorText() const
{
    return m_errorLabel->text();
}
