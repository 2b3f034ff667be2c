// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/filterbar.h"

#include "ui/filtercompleter.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWhatsThis>

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , m_lineEdit(new QLineEdit(this))
    , m_errorLabel(new QLabel(this))
    , m_toggleGroup(new QButtonGroup(this))
    , m_helpButton(new QToolButton(this))
{
    m_lineEdit->setObjectName(QStringLiteral("filterLineEdit"));
    m_lineEdit->setAccessibleName(tr("Filter"));
    m_lineEdit->setClearButtonEnabled(true);
    m_lineEdit->setPlaceholderText(tr("Filter: motor  status=running|failed  host=ioc-srv*  "
                                      "enabled=true  restarts>0"));
    m_lineEdit->setToolTip(
            tr("<p>The filter language of <tt>iocctl ps --filter</tt>:</p>"
               "<p><tt>key=value</tt>, <tt>key!=value</tt>, <tt>restarts&gt;N</tt>; values may "
               "hold alternatives (<tt>status=running|failed</tt>) and globs "
               "(<tt>name=motor*</tt>). A free word matches IOC names. Terms AND together.</p>"
               "<p>Keys: %1</p>")
                    .arg(IocFilter::keys().join(QStringLiteral(", "))));
    m_lineEdit->setCompleter(new FilterCompleter(m_lineEdit));
    connect(m_lineEdit, &QLineEdit::textChanged, this, &FilterBar::handleTextChanged);

    m_errorLabel->setObjectName(QStringLiteral("filterErrorLabel"));
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_errorLabel->hide();

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_lineEdit, 1);
    m_helpButton->setObjectName(QStringLiteral("filterHelpButton"));
    m_helpButton->setIcon(QIcon::fromTheme(QStringLiteral("help-contextual"),
                                           QIcon::fromTheme(QStringLiteral("help-about"))));
    m_helpButton->setText(tr("?"));
    m_helpButton->setToolButtonStyle(m_helpButton->icon().isNull() ? Qt::ToolButtonTextOnly
                                                                   : Qt::ToolButtonIconOnly);
    m_helpButton->setAutoRaise(true);
    m_helpButton->setToolTip(tr("How to write a filter"));
    m_helpButton->setAccessibleName(tr("Filter help"));
    connect(m_helpButton, &QToolButton::clicked, this, &FilterBar::showHelp);
    row->addWidget(m_helpButton);
    using Toggle = IocFilterProxyModel::StatusToggle;
    row->addWidget(addToggle(tr("All"), tr("Show IOCs in any state"), Toggle::All));
    row->addWidget(addToggle(tr("Running"), tr("Show running IOCs only"), Toggle::Running));
    row->addWidget(addToggle(tr("Not running"),
                             tr("Show IOCs that are stopped, shut down, failed or in transition"),
                             Toggle::NotRunning));
    row->addWidget(addToggle(tr("Failed"), tr("Show failed IOCs only"), Toggle::Failed));
    m_toggleGroup->button(static_cast<int>(Toggle::All))->setChecked(true);
    m_toggleGroup->setExclusive(true);
    connect(m_toggleGroup, &QButtonGroup::idClicked, this,
            [this](int id) { setStatusToggle(static_cast<Toggle>(id)); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_errorLabel);
}

QString FilterBar::helpText()
{
    QStringList values;
    for (const QString &key :
         { QStringLiteral("status"), QStringLiteral("convention"), QStringLiteral("runtime") }) {
        values << tr("<tt>%1</tt>: %2").arg(key, IocFilter::values(key).join(QStringLiteral(", ")));
    }
    return tr("<p><b>Filter</b> (the language of <tt>iocctl ps --filter</tt>)</p>"
              "<p>Terms separated by spaces; every term must match.</p>"
              "<ul>"
              "<li><tt>motor</tt>: a free word matches IOC names containing it</li>"
              "<li><tt>key=value</tt>, <tt>key!=value</tt>: a key is or is not the value</li>"
              "<li><tt>status=running|failed</tt>: alternatives with |</li>"
              "<li><tt>name=motor*</tt>, <tt>host=ioc-srv?</tt>: globs (* ? [...]) in name, "
              "unit, host, runtime and image</li>"
              "<li><tt>restarts&gt;0</tt>: also &lt;, &gt;=, &lt;= (restarts only)</li>"
              "<li><tt>'name=a b'</tt>: quotes keep spaces</li>"
              "</ul>"
              "<p>Keys: %1</p><p>%2</p>"
              "<p>Examples: <tt>status=failed</tt> &nbsp; <tt>host=ioc1 enabled=false</tt> "
              "&nbsp; <tt>status!=running restarts&gt;=3</tt></p>"
              "<p>The buttons beside the filter (All, Running, Not running, Failed) add a "
              "status condition of their own.</p>")
            .arg(IocFilter::keys().join(QStringLiteral(", ")), values.join(QStringLiteral("<br>")));
}

void FilterBar::showHelp()
{
    QWhatsThis::showText(mapToGlobal(QPoint(0, height())), helpText(), this);
}

QToolButton *FilterBar::addToggle(const QString &text, const QString &toolTip,
                                  IocFilterProxyModel::StatusToggle toggle)
{
    auto *button = new QToolButton(this);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setCheckable(true);
    button->setAutoRaise(true);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    static const char *const names[] = { "allButton", "runningButton", "notRunningButton",
                                         "failedButton" };
    button->setObjectName(QLatin1String(names[static_cast<int>(toggle)]));
    m_toggleGroup->addButton(button, static_cast<int>(toggle));
    return button;
}

QString FilterBar::text() const
{
    return m_lineEdit->text();
}

void FilterBar::setText(const QString &text)
{
    m_lineEdit->setText(text);
}

QString FilterBar::errorText() const
{
    return m_valid ? QString() : m_errorLabel->text();
}

void FilterBar::setStatusToggle(IocFilterProxyModel::StatusToggle toggle)
{
    if (QAbstractButton *button = m_toggleGroup->button(static_cast<int>(toggle)))
        button->setChecked(true);
    if (toggle == m_toggle)
        return;
    m_toggle = toggle;
    emit statusToggleChanged(toggle);
}

void FilterBar::handleTextChanged(const QString &text)
{
    const IocFilter parsed = IocFilter::parse(text);
    m_valid = parsed.isValid();
    if (!m_valid) {
        // Keep the last valid filter applied: a half-typed term must not empty the table.
        m_lineEdit->setStyleSheet(
                QStringLiteral("QLineEdit#filterLineEdit { border: 2px solid #d0453a;"
                               " border-radius: 3px; padding: 1px; }"));
        QString message = parsed.errorString();
        if (parsed.errorPosition() >= 0)
            message = tr("%1 (at character %2)").arg(message).arg(parsed.errorPosition() + 1);
        m_errorLabel->setText(message);
        m_errorLabel->show();
        m_lineEdit->setAccessibleDescription(message);
        return;
    }
    m_lineEdit->setStyleSheet(QString());
    m_lineEdit->setAccessibleDescription(QString());
    m_errorLabel->clear();
    m_errorLabel->hide();
    m_filter = parsed;
    emit filterChanged(m_filter);
}
