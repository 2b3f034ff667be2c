// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/filterbar.h"

#include "core/ioc/savedfilters.h"
#include "ui/filtercompleter.h"
#include "ui/themecolors.h"
#include "ui/themeicons.h"

#include <QButtonGroup>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QIcon>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWhatsThis>

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , m_lineEdit(new QLineEdit(this))
    , m_errorLabel(new QLabel(this))
    , m_toggleGroup(new QButtonGroup(this))
    , m_helpButton(new QToolButton(this))
    , m_savedButton(new QToolButton(this))
    , m_savedMenu(new QMenu(this))
    , m_savedFiltersPath(SavedFilters::defaultPath())
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
    ThemeColors::setForeground(m_errorLabel, ThemeColors::Tone::Error);
    m_errorLabel->hide();

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_lineEdit, 1);
    m_helpButton->setObjectName(QStringLiteral("filterHelpButton"));
    m_helpButton->setIcon(
            ThemeIcons::icon(QStringLiteral("help-contextual"), QStringLiteral("help")));
    m_helpButton->setText(tr("?"));
    m_helpButton->setToolButtonStyle(m_helpButton->icon().isNull() ? Qt::ToolButtonTextOnly
                                                                   : Qt::ToolButtonIconOnly);
    m_helpButton->setAutoRaise(true);
    m_helpButton->setToolTip(tr("How to write a filter"));
    m_helpButton->setAccessibleName(tr("Filter help"));
    connect(m_helpButton, &QToolButton::clicked, this, &FilterBar::showHelp);
    row->addWidget(m_helpButton);
    m_savedButton->setObjectName(QStringLiteral("savedFiltersButton"));
    m_savedButton->setText(tr("Views"));
    m_savedButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_savedButton->setAutoRaise(true);
    m_savedButton->setPopupMode(QToolButton::InstantPopup);
    m_savedButton->setToolTip(tr("Saved filters: pick one, or save the current filter and "
                                 "status toggle under a name (iocctl ps -f @NAME reads them)"));
    m_savedButton->setAccessibleName(tr("Saved filters"));
    m_savedMenu->setObjectName(QStringLiteral("savedFiltersMenu"));
    m_savedButton->setMenu(m_savedMenu);
    connect(m_savedMenu, &QMenu::aboutToShow, this, &FilterBar::fillSavedMenu);
    fillSavedMenu(); // keyboard users and tests see the entries before the first popup
    row->addWidget(m_savedButton);
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
                QStringLiteral("QLineEdit#filterLineEdit { border: 2px solid %1;"
                               " border-radius: 3px; padding: 1px; }")
                        .arg(ThemeColors::accent(ThemeColors::Tone::Error, palette()).name()));
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

QString FilterBar::statusName(IocFilterProxyModel::StatusToggle toggle)
{
    switch (toggle) {
    case IocFilterProxyModel::StatusToggle::Running:
        return QStringLiteral("running");
    case IocFilterProxyModel::StatusToggle::NotRunning:
        return QStringLiteral("not-running");
    case IocFilterProxyModel::StatusToggle::Failed:
        return QStringLiteral("failed");
    case IocFilterProxyModel::StatusToggle::All:
        break;
    }
    return {};
}

bool FilterBar::saveCurrentFilter(const QString &name, QString *error)
{
    if (!m_valid) {
        if (error)
            *error = tr("The filter is not valid: %1").arg(m_errorLabel->text());
        return false;
    }
    QString why;
    SavedFilters saved = SavedFilters::load(m_savedFiltersPath, &why);
    if (!why.isEmpty() && saved.entries().isEmpty() && QFileInfo::exists(m_savedFiltersPath)) {
        if (error) // never overwrite a file that could not be read
            *error = why;
        return false;
    }
    if (!saved.insert({ name, text().trimmed(), statusName(m_toggle) }, error))
        return false;
    return saved.save(m_savedFiltersPath, error);
}

bool FilterBar::applySavedFilter(const QString &name, QString *error)
{
    QString why;
    const SavedFilters saved = SavedFilters::load(m_savedFiltersPath, &why);
    if (!saved.contains(name)) {
        if (error)
            *error = why.isEmpty() ? tr("No saved filter named \"%1\".").arg(name) : why;
        return false;
    }
    const SavedFilters::Entry entry = saved.entry(name);
    setText(entry.filter);
    using Toggle = IocFilterProxyModel::StatusToggle;
    for (Toggle toggle : { Toggle::All, Toggle::Running, Toggle::NotRunning, Toggle::Failed }) {
        if (statusName(toggle) == entry.status)
            setStatusToggle(toggle);
    }
    return true;
}

void FilterBar::showSaveFilterDialog()
{
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("saveFilterDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Save Filter"));
    const QString status = statusName(m_toggle);
    dialog->setLabelText(
            tr("Name for “%1”%2 (iocctl ps -f @NAME reads it too):")
                    .arg(text().trimmed(), status.isEmpty() ? QString() : tr(" + %1").arg(status)));
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &name) {
        QString error;
        if (!saveCurrentFilter(name.trimmed(), &error))
            emit errorOccurred(error);
    });
    dialog->open(); // no nested event loop
}

void FilterBar::fillSavedMenu()
{
    m_savedMenu->clear();
    QString error;
    const SavedFilters saved = SavedFilters::load(m_savedFiltersPath, &error);
    if (!error.isEmpty())
        emit errorOccurred(error);
    for (const SavedFilters::Entry &entry : saved.entries()) {
        QString shown = entry.filter;
        if (!entry.status.isEmpty())
            shown = QString(shown + QLatin1Char(' ') + SavedFilters::statusTerm(entry.status))
                            .trimmed();
        QAction *pick = m_savedMenu->addAction(tr("%1\t%2").arg(entry.name, shown));
        const QString name = entry.name;
        connect(pick, &QAction::triggered, this, [this, name] {
            QString why;
            if (!applySavedFilter(name, &why))
                emit errorOccurred(why);
        });
    }
    if (saved.entries().isEmpty())
        m_savedMenu->addAction(tr("No saved filters"))->setEnabled(false);
    m_savedMenu->addSeparator();
    QAction *save = m_savedMenu->addAction(tr("&Save Current Filter…"));
    save->setObjectName(QStringLiteral("saveFilterAction"));
    connect(save, &QAction::triggered, this, &FilterBar::showSaveFilterDialog);
    if (!saved.entries().isEmpty()) {
        QMenu *remove = m_savedMenu->addMenu(tr("&Remove"));
        for (const QString &name : saved.names())
            connect(remove->addAction(name), &QAction::triggered, this,
                    [this, name] { removeSavedFilter(name); });
    }
}

void FilterBar::removeSavedFilter(const QString &name)
{
    QString error;
    SavedFilters saved = SavedFilters::load(m_savedFiltersPath, &error);
    if (saved.remove(name) && !saved.save(m_savedFiltersPath, &error))
        emit errorOccurred(error);
}
