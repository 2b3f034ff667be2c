// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/runcommanddialog.h"

#include "core/fleet/execlinejob.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace {

const QString s_recentKey = QStringLiteral("runCommand/recentLines");

} // namespace

RunCommandDialog::RunCommandDialog(const QList<Ioc> &iocs, QWidget *parent)
    : QDialog(parent)
    , m_line(new QComboBox(this))
    , m_problemLabel(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("runCommandDialog"));
    setWindowTitle(tr("Run Command"));
    QStringList names;
    for (const Ioc &ioc : iocs)
        names << ioc.name;
    const int count = static_cast<int>(iocs.size());
    const int shown = 5;
    QString list = QStringList(names.mid(0, shown)).join(QStringLiteral(", "));
    if (count > shown)
        list = tr("%1 and %n more", "", count - shown).arg(list);
    auto *intro = new QLabel(tr("One IOC shell line for the %n selected IOC(s) (%1). It is sent "
                                "to each IOC's procServ console as typed, with Enter; each "
                                "reply, up to the next prompt, is shown in a tab.",
                                "", count)
                                     .arg(list),
                             this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);

    m_line->setObjectName(QStringLiteral("commandComboBox"));
    m_line->setEditable(true);
    m_line->setInsertPolicy(QComboBox::NoInsert);
    m_line->addItems(recentLines());
    m_line->setCurrentIndex(-1);
    m_line->setEditText(QString());
    m_line->lineEdit()->setPlaceholderText(tr("e.g. dbl"));
    m_line->setToolTip(tr("Recent lines are in the list (Alt+Down)."));
    m_line->setMinimumContentsLength(40);

    m_problemLabel->setObjectName(QStringLiteral("problemLabel"));
    m_problemLabel->setTextFormat(Qt::PlainText);
    m_problemLabel->setWordWrap(true);
    m_problemLabel->hide();

    m_run = m_buttons->addButton(tr("&Run"), QDialogButtonBox::AcceptRole);
    m_run->setObjectName(QStringLiteral("runButton"));
    m_run->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_problem.isEmpty())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_line, &QComboBox::editTextChanged, this, &RunCommandDialog::validate);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_line);
    layout->addWidget(m_problemLabel);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    validate();
}

QString RunCommandDialog::line() const
{
    return m_line->currentText();
}

void RunCommandDialog::setLine(const QString &line)
{
    m_line->setEditText(line);
    validate();
}

void RunCommandDialog::validate()
{
    const QString text = line();
    m_problem.clear();
    const int bad = ExecLineJob::findControlCharacter(text);
    if (text.trimmed().isEmpty()) {
        m_problem = tr("Type a command line.");
    } else if (bad >= 0) {
        m_problem = tr("The line holds a control character (0x%1 at position %2): procServ and "
                       "the IOC shell act on those, so it is not sent. Use a console to type it.")
                            .arg(QString::number(text.at(bad).unicode(), 16)
                                         .rightJustified(2, QLatin1Char('0')))
                            .arg(bad + 1);
    }
    m_run->setEnabled(m_problem.isEmpty());
    // An empty line needs no explanation; a refused one does.
    m_problemLabel->setText(m_problem);
    m_problemLabel->setVisible(!m_problem.isEmpty() && !text.trimmed().isEmpty());
}

QStringList RunCommandDialog::recentLines()
{
    return QSettings().value(s_recentKey).toStringList();
}

void RunCommandDialog::rememberLine(const QString &line)
{
    QStringList lines = recentLines();
    lines.removeAll(line);
    lines.prepend(line);
    while (lines.size() > MaximumRecentLines)
        lines.removeLast();
    QSettings().setValue(s_recentKey, lines);
}
