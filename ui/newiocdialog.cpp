// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/newiocdialog.h"

#include "core/fleet/fleet.h"
#include "core/hosts/host.h"
#include "core/ioc/conventions.h"
#include "ui/themecolors.h"
#include "ui_newiocdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QTimer>

NewIocDialog::NewIocDialog(Fleet *fleet, QWidget *parent)
    : QDialog(parent)
    , m_fleet(fleet)
    , m_ui(std::make_unique<Ui::NewIocDialog>())
    , m_replanTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    m_createButton = m_ui->buttonBox->addButton(tr("&Create"), QDialogButtonBox::AcceptRole);
    m_createButton->setObjectName(QStringLiteral("createButton"));
    for (const QString &id : IocWriter::writableConventions())
        m_ui->conventionComboBox->addItem(
                tr("%1 (%2)", "convention: display name (iocctl's --convention)")
                        .arg(Conventions::displayName(id), id),
                id);
    // First the convention's own default (no --port): a UNIX socket, manage-iocs a TCP port.
    m_ui->consoleComboBox->addItems(
            { defaultConsoleText(), QStringLiteral("unix"), QStringLiteral("auto") });
    m_ui->chdirLineEdit->setText(QDir::homePath());
    m_ui->environmentEdit->setFixedHeight(m_ui->environmentEdit->fontMetrics().lineSpacing() * 3
                                          + 12);

    m_ui->previewEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ui->previewEdit->setMinimumWidth(
            m_ui->previewEdit->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 64);
    // The errors have a place of their own, always there: nothing moves when one comes or goes.
    m_ui->errorLabel->setFixedHeight(m_ui->errorLabel->fontMetrics().lineSpacing() * 3 + 4);
    ThemeColors::setForeground(m_ui->errorLabel, ThemeColors::Tone::Error);
    m_ui->splitter->setStretchFactor(1, 1);
    // Paths are long: room for one in the form, and for a unit file's lines in the preview.
    const int charWidth = fontMetrics().horizontalAdvance(QLatin1Char('x'));
    m_ui->formPane->setMinimumWidth(charWidth * 56);
    m_ui->splitter->setSizes({ charWidth * 60, charWidth * 90 });
    QSize size = sizeHint().expandedTo(QSize(charWidth * 160, fontMetrics().lineSpacing() * 36));
    if (const QScreen *screen = parent ? parent->screen() : this->screen())
        size = size.boundedTo(screen->availableSize() * 0.9);
    resize(size);

    // Cheap but it reads files (and binds a port for "auto"): once typing pauses, not per key.
    m_replanTimer->setSingleShot(true);
    m_replanTimer->setInterval(200);
    connect(m_replanTimer, &QTimer::timeout, this, &NewIocDialog::replan);
    connect(m_ui->hostComboBox, QOverload<int>::of(&QComboBox::currentIndexChanged), this,
            &NewIocDialog::handleHostChanged);
    for (QLineEdit *edit : { m_ui->nameLineEdit, m_ui->chdirLineEdit, m_ui->userLineEdit,
                             m_ui->commandLineEdit, m_ui->argumentsLineEdit })
        connect(edit, &QLineEdit::textChanged, this, &NewIocDialog::scheduleReplan);
    connect(m_ui->conventionComboBox, QOverload<int>::of(&QComboBox::currentIndexChanged), this,
            &NewIocDialog::scheduleReplan);
    connect(m_ui->consoleComboBox, &QComboBox::currentTextChanged, this,
            &NewIocDialog::scheduleReplan);
    connect(m_ui->environmentEdit, &QPlainTextEdit::textChanged, this,
            &NewIocDialog::scheduleReplan);
    connect(m_ui->enableCheckBox, &QCheckBox::toggled, this, &NewIocDialog::scheduleReplan);
    connect(m_ui->startCheckBox, &QCheckBox::toggled, this, &NewIocDialog::scheduleReplan);
    connect(m_ui->browseButton, &QPushButton::clicked, this, &NewIocDialog::browseDirectory);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, [this] {
        if (!m_replanTimer->isActive() && m_plan.isValid() && m_createButton->isEnabled())
            accept();
    });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    QStringList others;
    const QList<Host *> hosts = m_fleet ? m_fleet->hosts() : QList<Host *>();
    for (Host *host : hosts) {
        if (isWritable(host)) {
            m_hosts << host;
            m_ui->hostComboBox->addItem(host->displayName());
        } else {
            others << host->displayName();
        }
    }
    QString why;
    isWritable(nullptr, &why);
    if (m_hosts.isEmpty())
        m_ui->hostNoteLabel->setText(why);
    else if (!others.isEmpty())
        m_ui->hostNoteLabel->setText(
                tr("Not offered: %1. %2").arg(others.join(QStringLiteral(", ")), why));
    m_ui->hostNoteLabel->setVisible(!m_ui->hostNoteLabel->text().isEmpty());
    handleHostChanged();
    m_ui->nameLineEdit->setFocus();
}

NewIocDialog::~NewIocDialog() = default;

QString NewIocDialog::defaultConsoleText()
{
    return tr("default", "console: the convention's own");
}

IocPlanner *NewIocDialog::plannerFor(const Fleet *fleet, Host *host, QObject *parent)
{
    auto *planner = new IocPlanner(host, parent);
    if (fleet)
        planner->setIocs(fleet->iocs(host));
    return planner;
}

bool NewIocDialog::isWritable(const Host *host, QString *why)
{
    return IocPlanner::canWrite(host, why);
}

IocPlanner *NewIocDialog::currentPlanner()
{
    Host *current = host();
    if (!current)
        return nullptr;
    IocPlanner *&planner = m_planners[current];
    if (!planner)
        planner = new IocPlanner(current, this);
    if (m_fleet)
        planner->setIocs(m_fleet->iocs(current));
    return planner;
}

void NewIocDialog::setHost(Host *host)
{
    const int index = m_hosts.indexOf(host);
    if (index >= 0)
        m_ui->hostComboBox->setCurrentIndex(index);
}

Host *NewIocDialog::host() const
{
    return m_hosts.value(m_ui->hostComboBox->currentIndex());
}

IocCreateRequest NewIocDialog::request() const
{
    IocCreateRequest request;
    request.name = m_ui->nameLineEdit->text().trimmed();
    request.convention = m_ui->conventionComboBox->currentData().toString();
    request.port = m_ui->consoleComboBox->currentText().trimmed();
    if (request.port == defaultConsoleText())
        request.port.clear();
    request.chdir = m_ui->chdirLineEdit->text().trimmed();
    const QStringList lines =
            m_ui->environmentEdit->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        if (!line.trimmed().isEmpty())
            request.environment << line.trimmed();
    }
    if (m_ui->userLineEdit->isEnabled())
        request.userName = m_ui->userLineEdit->text().trimmed();
    const QString command = m_ui->commandLineEdit->text().trimmed();
    if (!command.isEmpty())
        request.command =
                QStringList{ command } + QProcess::splitCommand(m_ui->argumentsLineEdit->text());
    request.enable = m_ui->enableCheckBox->isChecked();
    request.start = m_ui->startCheckBox->isChecked();
    return request;
}

QString NewIocDialog::previewText() const
{
    return m_ui->previewEdit->toPlainText();
}

QString NewIocDialog::errorText() const
{
    return m_ui->errorLabel->text();
}

void NewIocDialog::handleHostChanged()
{
    const Host *current = host();
    const bool system = current && !current->isUserManager();
    m_ui->userLineEdit->setEnabled(system);
    m_ui->userLineEdit->setToolTip(system ? tr("The account the IOC runs as; empty: the default.")
                                          : tr("IOCs of a user manager run as that user."));
    if (current) {
        const int index =
                m_ui->conventionComboBox->findData(currentPlanner()->writer().defaultConvention());
        if (index >= 0)
            m_ui->conventionComboBox->setCurrentIndex(index);
    }
    scheduleReplan();
}

void NewIocDialog::scheduleReplan()
{
    // The preview no longer matches the form until planned again: no Create meanwhile.
    m_createButton->setEnabled(false);
    m_replanTimer->start();
}

void NewIocDialog::replan()
{
    const Host *current = host();
    const IocCreateRequest req = request();
    IocPlan plan;
    QString error;
    if (!current) {
        isWritable(nullptr, &error);
        plan.errors << error;
    } else if (req.name.isEmpty() && req.command.isEmpty()) {
        plan.errors << QString(); // nothing typed yet: no complaint, just no Create
    } else {
        // At once for this machine; an SSH host's answer comes later (Create stays off).
        IocPlanner *planner = currentPlanner();
        if (planner->isRemote()) {
            m_ui->previewEdit->setPlainText(
                    tr("Looking at %1 (through its SSH connection)…").arg(current->displayName()));
            m_ui->errorLabel->clear();
            // Nothing to accept until the host has answered.
            m_plan = IocPlan();
            m_plan.errors << QString();
        }
        planner->plan([req](const IocWriter &writer) { return writer.planCreate(req); },
                      [this, current](const IocPlan &planned) {
                          if (host() == current) // else the host was changed meanwhile
                              showPlan(planned);
                      });
        return;
    }
    showPlan(plan);
}

void NewIocDialog::showPlan(const IocPlan &plan)
{
    m_plan = plan;
    QStringList errors = m_plan.errors;
    errors.removeAll(QString());
    // The preview keeps its scroll position: a file being read does not jump away per key.
    const int scrolled = m_ui->previewEdit->verticalScrollBar()->value();
    QString preview;
    if (m_plan.isValid())
        preview = m_plan.describe();
    else if (errors.isEmpty())
        preview = tr("Type a name and a command: the files and systemd calls that Create makes "
                     "are shown here.");
    else
        preview = tr("Nothing can be created while the form has errors (below).");
    m_ui->previewEdit->setPlainText(preview);
    m_ui->previewEdit->verticalScrollBar()->setValue(scrolled);
    m_ui->errorLabel->setText(errors.join(QLatin1Char('\n')));
    m_ui->errorLabel->setToolTip(m_ui->errorLabel->text()); // the whole text when it is long
    // A key typed while an SSH host was asked: that answer is for an older form.
    m_createButton->setEnabled(m_plan.isValid() && !m_replanTimer->isActive());
    emit planUpdated();
}

void NewIocDialog::browseDirectory()
{
    auto *dialog = new QFileDialog(this, tr("Working Directory"), m_ui->chdirLineEdit->text());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this](const QString &dir) { m_ui->chdirLineEdit->setText(dir); });
    dialog->open(); // no nested event loop
}
