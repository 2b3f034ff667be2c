// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/removeiocdialog.h"

#include "core/ioc/conventions.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

RemoveIocDialog::RemoveIocDialog(const Ioc &ioc, const QString &hostName, const IocWriter &writer,
                                 QWidget *parent)
    : QDialog(parent)
    , m_ioc(ioc)
    , m_writer(writer)
    , m_stopFirst(new QCheckBox(tr("&Stop it first (it is running)"), this))
    , m_removed(new QPlainTextEdit(this))
    , m_kept(new QPlainTextEdit(this))
    , m_errorLabel(new QLabel(this))
{
    setWindowTitle(tr("Remove IOC"));
    m_stopFirst->setObjectName(QStringLiteral("stopFirstCheckBox"));
    m_removed->setObjectName(QStringLiteral("removedEdit"));
    m_kept->setObjectName(QStringLiteral("keptEdit"));
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));

    auto *question = new QLabel(
            tr("Remove %1 (%2) from %3? The files of its %4 layout are "
               "removed; its own folder, st.cmd and databases stay.")
                    .arg(ioc.name, ioc.unit, hostName, Conventions::displayName(ioc.convention)),
            this);
    question->setWordWrap(true);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit *edit : { m_removed, m_kept }) {
        edit->setReadOnly(true);
        edit->setFont(fixed);
        edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    }
    m_removed->setMinimumWidth(m_removed->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 100);
    m_kept->setFixedHeight(m_kept->fontMetrics().lineSpacing() * 4 + 12);
    m_errorLabel->setWordWrap(true);
    // Always there: ticking "Stop it first" clears the error without moving the buttons.
    m_errorLabel->setFixedHeight(m_errorLabel->fontMetrics().lineSpacing() * 2 + 4);
    QPalette palette = m_errorLabel->palette();
    palette.setColor(QPalette::WindowText, QColor(0xb0, 0x20, 0x20));
    m_errorLabel->setPalette(palette);
    const bool running = ioc.isActive() || ioc.activeState == QLatin1String("activating")
            || ioc.activeState == QLatin1String("reloading");
    m_stopFirst->setVisible(running);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_cancelButton = buttons->button(QDialogButtonBox::Cancel);
    m_removeButton = buttons->addButton(tr("&Remove"), QDialogButtonBox::DestructiveRole);
    m_removeButton->setObjectName(QStringLiteral("removeButton"));
    m_removeButton->setAutoDefault(false);
    m_cancelButton->setDefault(true); // Enter and a misclick keep the IOC
    connect(m_removeButton, &QPushButton::clicked, this, [this] {
        if (m_plan.isValid())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *removedLabel = new QLabel(tr("Removed, and the systemd calls made:"), this);
    auto *keptLabel = new QLabel(tr("Kept:"), this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(question);
    layout->addWidget(removedLabel);
    layout->addWidget(m_removed, 1);
    layout->addWidget(keptLabel);
    layout->addWidget(m_kept);
    layout->addWidget(m_stopFirst);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);
    connect(m_stopFirst, &QCheckBox::toggled, this, &RemoveIocDialog::replan);
    replan();
    m_cancelButton->setFocus();
}

void RemoveIocDialog::replan()
{
    m_plan = m_writer.planRemove(m_ioc, m_stopFirst->isChecked());
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
        for (int i = late; i < m_plan.calls.size(); ++i)
            removed << tr("run %1").arg(m_plan.calls.at(i).text(m_plan.userManager));
        for (const QString &note : std::as_const(m_plan.notes))
            removed << tr("note: %1").arg(note);
    }
    m_removed->setPlainText(removed.join(QLatin1Char('\n')));
    m_kept->setPlainText(m_plan.isValid() ? m_plan.kept.join(QLatin1Char('\n')) : QString());
    m_errorLabel->setText(m_plan.errors.join(QLatin1Char('\n')));
    m_errorLabel->setToolTip(m_errorLabel->text());
    m_removeButton->setEnabled(m_plan.isValid());
}

QString RemoveIocDialog::removedText() const
{
    return m_removed->toPlainText();
}

QString RemoveIocDialog::keptText() const
{
    return m_kept->toPlainText();
}

QString RemoveIocDialog::errorText() const
{
    return m_errorLabel->text();
}
