// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/iocactions.h"

#include "core/fleet/execlinejob.h"
#include "core/fleet/fleet.h"
#include "core/fleet/orderedrun.h"
#include "core/fleet/timedstop.h"
#include "core/hosts/host.h"
#include "core/ioc/conventions.h"
#include "core/ioc/iocformat.h"
#include "core/ioc/iocplanrunner.h"
#include "core/ioc/iocruntime.h"
#include "core/ioc/iocwriter.h"
#include "ui/newiocdialog.h"
#include "ui/orderedactiondialog.h"
#include "ui/removeiocdialog.h"
#include "ui/renameiocdialog.h"
#include "ui/runcommanddialog.h"
#include "ui/themeicons.h"

#include <QAction>
#include <QDateTime>
#include <QDialog>
#include <QIcon>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QWidget>

namespace {

// The freedesktop icon name (Icon Naming Specification) for a bundled icon.
QString themeIconName(const QString &bundled)
{
    static const QHash<QString, QString> names = {
        { QStringLiteral("start"), QStringLiteral("media-playback-start") },
        { QStringLiteral("stop"), QStringLiteral("media-playback-stop") },
        { QStringLiteral("restart"), QStringLiteral("view-refresh") },
        { QStringLiteral("enable"), QStringLiteral("emblem-default") },
        { QStringLiteral("disable"), QStringLiteral("process-stop") },
        { QStringLiteral("attach"), QStringLiteral("utilities-terminal") },
        { QStringLiteral("logs"), QStringLiteral("text-x-generic") },
        { QStringLiteral("details"), QStringLiteral("document-properties") },
        { QStringLiteral("new"), QStringLiteral("document-new") },
        { QStringLiteral("remove"), QStringLiteral("edit-delete") },
        { QStringLiteral("rename"), QStringLiteral("edit-rename") },
        { QStringLiteral("run"), QStringLiteral("system-run") },
    };
    return names.value(bundled);
}

} // namespace

IocActions::IocActions(QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_dialogParent(dialogParent)
{
    m_start = makeAction(QStringLiteral("start"), tr("&Start"), tr("Start the selected IOCs"),
                         { QKeySequence(Qt::CTRL | Qt::Key_S) }, QStringLiteral("startAction"));
    m_stop = makeAction(QStringLiteral("stop"), tr("S&top"),
                        tr("Stop the selected IOCs (their procServ ends too)"),
                        { QKeySequence(Qt::CTRL | Qt::Key_Period) }, QStringLiteral("stopAction"));
    m_restart =
            makeAction(QStringLiteral("restart"), tr("&Restart"), tr("Restart the selected IOCs"),
                       { QKeySequence(Qt::CTRL | Qt::Key_R) }, QStringLiteral("restartAction"));
    m_enable = makeAction(QStringLiteral("enable"), tr("&Enable"),
                          tr("Start the selected IOCs at boot"),
                          { QKeySequence(Qt::CTRL | Qt::Key_E) }, QStringLiteral("enableAction"));
    m_disable = makeAction(
            QStringLiteral("disable"), tr("&Disable"), tr("Do not start the selected IOCs at boot"),
            { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E) }, QStringLiteral("disableAction"));
    m_attach = makeAction(QStringLiteral("attach"), tr("&Attach"),
                          tr("Open the procServ console of the selected IOCs in a tab"),
                          { QKeySequence(Qt::CTRL | Qt::Key_O), QKeySequence(Qt::Key_Return) },
                          QStringLiteral("attachAction"));
    m_logs = makeAction(QStringLiteral("logs"), tr("&Logs"),
                        tr("Follow the log of the selected IOCs"),
                        { QKeySequence(Qt::CTRL | Qt::Key_L) }, QStringLiteral("logsAction"));
    m_details = makeAction(QStringLiteral("details"), tr("De&tails"),
                           tr("Show everything known about the selected IOCs"),
                           { QKeySequence(Qt::CTRL | Qt::Key_I) }, QStringLiteral("detailsAction"));
    m_newIoc = makeAction(QStringLiteral("new"), tr("&New IOC…"),
                          tr("Create an IOC in its host's layout, as the site's own tool does"),
                          { QKeySequence(Qt::CTRL | Qt::Key_N) }, QStringLiteral("newIocAction"));
    m_remove = makeAction(QStringLiteral("remove"), tr("Re&move…"),
                          tr("Remove the selected IOC's unit and configuration (asks first)"),
                          { QKeySequence(Qt::Key_Delete) }, QStringLiteral("removeAction"));
    m_rename = makeAction(QStringLiteral("rename"), tr("Re&name…"),
                          tr("Rename the selected IOC (manage-iocs)"), { QKeySequence(Qt::Key_F2) },
                          QStringLiteral("renameAction"));

    m_runCommand = makeAction(
            QStringLiteral("run"), tr("Run &Command…"),
            tr("Run one IOC shell line on every selected IOC and show the replies in a tab"),
            { QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X) }, QStringLiteral("runCommandAction"));
    connect(m_runCommand, &QAction::triggered, this, [this] { runCommand(m_selection); });
    // The desktop's "sort ascending" icon where the theme has one, else the bundled restart.
    m_inOrder = new QAction(
            ThemeIcons::icon(QStringLiteral("view-sort-ascending"), QStringLiteral("restart")),
            tr("In &Order…"), this);
    m_inOrder->setObjectName(QStringLiteral("inOrderAction"));
    m_inOrder->setToolTip(tr("Start, stop or restart the selected IOCs one after the other, "
                             "with a delay between them"));
    m_inOrder->setStatusTip(m_inOrder->toolTip());
    connect(m_inOrder, &QAction::triggered, this, [this] { runInOrderDialog(m_selection); });

    // On the host of the selected IOC, if any.
    connect(m_newIoc, &QAction::triggered, this, [this] {
        newIoc(m_fleet && !m_selection.isEmpty() ? m_fleet->hostFor(m_selection.constFirst())
                                                 : nullptr);
    });
    connect(m_remove, &QAction::triggered, this, [this] {
        if (m_selection.size() == 1)
            remove(m_selection.constFirst());
    });
    connect(m_rename, &QAction::triggered, this, [this] {
        if (m_selection.size() == 1)
            rename(m_selection.constFirst());
    });

    connect(m_start, &QAction::triggered, this, [this] { run(UnitAction::Start, m_selection); });
    connect(m_stop, &QAction::triggered, this, [this] { run(UnitAction::Stop, m_selection); });
    connect(m_restart, &QAction::triggered, this,
            [this] { run(UnitAction::Restart, m_selection); });
    connect(m_enable, &QAction::triggered, this, [this] { run(UnitAction::Enable, m_selection); });
    connect(m_disable, &QAction::triggered, this,
            [this] { run(UnitAction::Disable, m_selection); });
    connect(m_attach, &QAction::triggered, this, [this] {
        const QList<Ioc> iocs = m_selection;
        for (const Ioc &ioc : iocs)
            emit attachRequested(ioc);
    });
    connect(m_logs, &QAction::triggered, this, [this] {
        const QList<Ioc> iocs = m_selection;
        for (const Ioc &ioc : iocs)
            emit logsRequested(ioc);
    });
    connect(m_details, &QAction::triggered, this, [this] {
        const QList<Ioc> iocs = m_selection;
        for (const Ioc &ioc : iocs)
            emit detailsRequested(ioc);
    });

    m_confirm = [this](const QString &title, const QString &text, const QString &acceptText,
                       std::function<void(bool)> answer) {
        defaultConfirm(title, text, acceptText, std::move(answer));
    };
    updateEnabled();
}

QAction *IocActions::makeAction(const QString &icon, const QString &text, const QString &toolTip,
                                const QList<QKeySequence> &shortcuts, const QString &objectName)
{
    // The desktop theme's icon where it has one, else the bundled one.
    auto *action = new QAction(ThemeIcons::icon(themeIconName(icon), icon), text, this);
    action->setObjectName(objectName);
    action->setShortcuts(shortcuts);
    // Shortcuts act in the table only: a console tab must get every key the user types.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setToolTip(
            tr("%1 (%2)").arg(toolTip, shortcuts.first().toString(QKeySequence::NativeText)));
    action->setStatusTip(toolTip);
    return action;
}

QList<QAction *> IocActions::actions() const
{
    return { m_start,   m_stop,  m_restart, nullptr, m_enable,
             m_disable, nullptr, m_attach,  m_logs,  m_details };
}

void IocActions::setFleet(Fleet *fleet)
{
    m_fleet = fleet;
    updateEnabled();
}

void IocActions::setSelection(const QList<Ioc> &iocs)
{
    m_selection = iocs;
    updateEnabled();
}

void IocActions::updateEnabled()
{
    bool anyInactive = false, anyActive = false, anyLoaded = false, anyEnabled = false,
         anyDisabled = false, anyConsole = false;
    for (const Ioc &ioc : qAsConst(m_selection)) {
        const bool active = ioc.isUpOrStarting();
        anyActive |= active;
        anyInactive |= !active;
        anyLoaded |= ioc.isLoaded() || !ioc.fragmentPath.isEmpty() || !ioc.unitFileState.isEmpty();
        anyEnabled |= ioc.unitFileState == QLatin1String("enabled")
                || ioc.unitFileState == QLatin1String("enabled-runtime");
        anyDisabled |= ioc.unitFileState == QLatin1String("disabled");
        // A container's console goes through its engine (ContainerRuntime::hasConsole()).
        anyConsole |= ioc.console.isValid() || ioc.isContainer();
    }
    const bool any = !m_selection.isEmpty();
    m_start->setEnabled(anyInactive);
    m_stop->setEnabled(anyActive);
    m_restart->setEnabled(any && anyLoaded);
    m_enable->setEnabled(anyDisabled);
    m_disable->setEnabled(anyEnabled);
    m_attach->setEnabled(anyConsole);
    m_logs->setEnabled(any);
    m_details->setEnabled(any);
    m_runCommand->setEnabled(anyConsole);
    m_inOrder->setEnabled(any && anyLoaded);
    updateWriterEnabled();
}

void IocActions::updateWriterEnabled()
{
    m_newIoc->setEnabled(m_fleet != nullptr);
    QString removeWhy, renameWhy;
    const Host *host = m_selection.size() == 1 && m_fleet
            ? m_fleet->hostFor(m_selection.constFirst())
            : nullptr;
    if (m_selection.size() != 1) {
        removeWhy = renameWhy = tr("Select one IOC.");
    } else if (m_selection.constFirst().isContainer()) {
        removeWhy = renameWhy = tr("%1 is a container: its engine's tools remove and rename it.")
                                        .arg(m_selection.constFirst().name);
    } else if (!NewIocDialog::isWritable(host, &removeWhy)) {
        renameWhy = removeWhy;
    } else {
        // Which conventions have a rename is core's (the one IocWriter::planRename() checks).
        IocWriter::canRename(m_selection.constFirst().convention, &renameWhy);
    }
    m_remove->setEnabled(removeWhy.isEmpty());
    m_rename->setEnabled(renameWhy.isEmpty());
    const QString removeTip = tr("Remove the selected IOC's unit and configuration (asks first)");
    const QString renameTip = tr("Rename the selected IOC (manage-iocs)");
    m_remove->setToolTip(removeWhy.isEmpty() ? removeTip
                                             : removeTip + QLatin1String(": ") + removeWhy);
    m_rename->setToolTip(renameWhy.isEmpty() ? renameTip : renameWhy);
}

QDialog *IocActions::newIoc(Host *host)
{
    if (!m_fleet)
        return nullptr;
    auto *dialog = new NewIocDialog(m_fleet, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (host)
        dialog->setHost(host);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (Host *chosen = dialog->host())
            applyPlan(chosen, dialog->plan());
    });
    dialog->open(); // no nested event loop
    return dialog;
}

QDialog *IocActions::remove(const Ioc &ioc)
{
    Host *host = m_fleet ? m_fleet->hostFor(ioc) : nullptr;
    if (!host || !NewIocDialog::isWritable(host))
        return nullptr;
    // The planner lives as long as the dialog (an SSH host's snapshot with it).
    IocPlanner *planner = NewIocDialog::plannerFor(m_fleet, host, nullptr);
    auto *dialog = new RemoveIocDialog(ioc, host->displayName(), planner, m_dialogParent);
    planner->setParent(dialog);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<Host> target(host);
    connect(dialog, &QDialog::accepted, this, [this, dialog, target, planner] {
        if (!target || !m_fleet)
            return;
        // Planned again on what is known now: the IOC may have started while the user read.
        // (An SSH host: on the files its snapshot holds, which the dialog's plans filled.)
        const Ioc shown = dialog->ioc();
        const Ioc now = m_fleet->contains(shown.key()) ? m_fleet->ioc(shown.key()) : shown;
        planner->setIocs(m_fleet->iocs(target));
        const bool force = dialog->force();
        const IocPlan plan = planner->planNow(
                [now, force](const IocWriter &writer) { return writer.planRemove(now, force); });
        if (!plan.isValid()) {
            emit outcomeReported(tr("%1: %2").arg(shown.name, plan.errors.join(QLatin1Char(' '))),
                                 MessageBar::Kind::Error, shown.name, QStringLiteral("remove"));
            return;
        }
        applyPlan(target, plan);
    });
    dialog->open();
    return dialog;
}

QDialog *IocActions::rename(const Ioc &ioc)
{
    Host *host = m_fleet ? m_fleet->hostFor(ioc) : nullptr;
    if (!host || !NewIocDialog::isWritable(host))
        return nullptr;
    IocPlanner *planner = NewIocDialog::plannerFor(m_fleet, host, nullptr);
    auto *dialog = new RenameIocDialog(ioc, host->displayName(), planner, m_dialogParent);
    planner->setParent(dialog);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<Host> target(host);
    connect(dialog, &QDialog::accepted, this, [this, dialog, target] {
        if (target)
            applyPlan(target, dialog->plan());
    });
    dialog->open();
    return dialog;
}

void IocActions::applyPlan(Host *host, const IocPlan &plan)
{
    const QString key = host->id() + QLatin1Char('/') + plan.unit;
    QString verb, doing, done;
    switch (plan.action) {
    case IocPlan::Action::Create:
        verb = QStringLiteral("create");
        doing = tr("Creating %1 (%2, unit %3, console %4)…")
                        .arg(plan.name, Conventions::displayName(plan.convention), plan.unit,
                             plan.console);
        done = tr("Created %1 on %2 (unit %3, console %4).")
                       .arg(plan.name, host->displayName(), plan.unit, plan.console);
        break;
    case IocPlan::Action::Remove:
        verb = QStringLiteral("remove");
        doing = tr("Removing %1…").arg(plan.name);
        done = plan.kept.isEmpty() ? tr("Removed %1 from %2.").arg(plan.name, host->displayName())
                                   : tr("Removed %1 from %2; kept %3.")
                                             .arg(plan.name, host->displayName(),
                                                  plan.kept.join(QStringLiteral(", ")));
        break;
    case IocPlan::Action::Rename:
        verb = QStringLiteral("rename");
        doing = tr("Renaming %1 to %2…").arg(plan.oldName, plan.name);
        done = tr("Renamed %1 to %2 on %3.").arg(plan.oldName, plan.name, host->displayName());
        break;
    }
    emit outcomeReported(doing, MessageBar::Kind::Information, plan.name, verb);
    auto *runner = new IocPlanRunner(plan, host->manager(), this);
    if (!host->isLocal())
        runner->setRemoteHost(host); // the files through its SSH connection
    connect(runner, &IocPlanRunner::finished, this,
            [this, runner, plan, key, verb, done](const QString &error) {
                runner->deleteLater();
                if (error.isEmpty()) {
                    QString text = done;
                    for (const QString &note : plan.notes)
                        text += QLatin1Char('\n') + note;
                    emit outcomeReported(text, MessageBar::Kind::Success, plan.name, verb);
                    if (plan.action != IocPlan::Action::Remove)
                        emit iocWritten(key);
                } else {
                    emit outcomeReported(tr("%1: %2").arg(plan.name, error),
                                         MessageBar::Kind::Error, plan.name, verb);
                }
                emit planFinished(key, error);
            });
    runner->start();
}

QString IocActions::nameList(const QStringList &names)
{
    const int shown = 8;
    if (names.size() <= shown)
        return names.join(QStringLiteral(", "));
    return tr("%1 and %n more", "", static_cast<int>(names.size()) - shown)
            .arg(names.mid(0, shown).join(QStringLiteral(", ")));
}

QString IocActions::confirmationText(UnitAction action, const QList<Ioc> &iocs) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList lines;
    int consoles = 0;
    for (const Ioc &ioc : iocs) {
        QString line = tr("• %1 on %2").arg(ioc.name, ioc.host);
        if (ioc.isActive() && ioc.activeSince.isValid())
            line += tr(", up %1").arg(IocFormat::uptimeText(ioc, now));
        else
            line += tr(", %1").arg(IocFormat::statusText(ioc, now));
        const int open = m_openConsoles ? m_openConsoles(ioc) : 0;
        if (open > 0)
            line += tr(", %n console(s) open here", "", open);
        consoles += open;
        lines << line;
        if (lines.size() == 12 && iocs.size() > 13) {
            lines << tr("• … and %n more", "", static_cast<int>(iocs.size()) - 12);
            break;
        }
    }
    QString question;
    if (action == UnitAction::Stop)
        question = tr("Stop %n IOC(s)? The IOC and its procServ end; anyone attached to the "
                      "console is disconnected.",
                      "", static_cast<int>(iocs.size()));
    else
        question = tr("Restart %n IOC(s)? The IOC and its procServ are stopped and started "
                      "again; anyone attached to the console is disconnected.",
                      "", static_cast<int>(iocs.size()));
    QString text = question + QStringLiteral("\n\n") + lines.join(QLatin1Char('\n'));
    if (consoles == 0)
        text += QStringLiteral("\n\n")
                + tr("Other users may be attached to the console from elsewhere.");
    return text;
}

void IocActions::run(UnitAction action, const QList<Ioc> &iocs)
{
    if (iocs.isEmpty())
        return;
    const bool ask =
            m_confirmationsEnabled && (action == UnitAction::Stop || action == UnitAction::Restart);
    if (!ask || !m_confirm) {
        execute(action, iocs);
        return;
    }
    const QString title = action == UnitAction::Stop ? tr("Stop IOCs") : tr("Restart IOCs");
    const QString acceptText = action == UnitAction::Stop ? tr("&Stop") : tr("&Restart");
    QPointer<IocActions> self(this);
    m_confirm(title, confirmationText(action, iocs), acceptText,
              [self, action, iocs](bool accepted) {
                  if (self && accepted)
                      self->execute(action, iocs);
              });
}

void IocActions::defaultConfirm(const QString &title, const QString &text,
                                const QString &acceptText, std::function<void(bool)> answer)
{
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::Cancel,
                                m_dialogParent);
    QPushButton *accept = box->addButton(acceptText, QMessageBox::AcceptRole);
    box->setDefaultButton(qobject_cast<QPushButton *>(box->button(QMessageBox::Cancel)));
    box->setEscapeButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    connect(box, &QMessageBox::finished, box, [box, accept, answer = std::move(answer)](int) {
        answer(box->clickedButton() == accept);
    });
    box->open(); // no nested event loop
}

QString IocActions::progressText(UnitAction action, const QStringList &names)
{
    const QString list = nameList(names);
    switch (action) {
    case UnitAction::Start:
        return tr("Starting %1…").arg(list);
    case UnitAction::Stop:
        return tr("Stopping %1…").arg(list);
    case UnitAction::Restart:
        return tr("Restarting %1…").arg(list);
    case UnitAction::Enable:
        return tr("Enabling %1…").arg(list);
    case UnitAction::Disable:
        return tr("Disabling %1…").arg(list);
    }
    return {};
}

QString IocActions::doneText(UnitAction action, const QStringList &names)
{
    const QString list = nameList(names);
    switch (action) {
    case UnitAction::Start:
        return tr("Started %1.").arg(list);
    case UnitAction::Stop:
        return tr("Stopped %1.").arg(list);
    case UnitAction::Restart:
        return tr("Restarted %1.").arg(list);
    case UnitAction::Enable:
        return tr("Enabled %1: it starts at boot.").arg(list);
    case UnitAction::Disable:
        return tr("Disabled %1: it no longer starts at boot.").arg(list);
    }
    return {};
}

QString IocActions::iocDoneText(UnitAction action, const QString &name, const JobResult &result)
{
    if (!result.ok()) {
        QString why = result.message;
        if (why.isEmpty())
            why = SystemdManager::describeJobResult(result.result);
        return tr("%1: %2 failed: %3").arg(name, SystemdManager::actionName(action), why);
    }
    switch (action) {
    case UnitAction::Start:
        return tr("%1 started").arg(name);
    case UnitAction::Stop:
        return tr("%1 stopped").arg(name);
    case UnitAction::Restart:
        return tr("%1 restarted").arg(name);
    case UnitAction::Enable:
        return tr("%1 enabled").arg(name);
    case UnitAction::Disable:
        return tr("%1 disabled").arg(name);
    }
    return {};
}

void IocActions::execute(UnitAction action, const QList<Ioc> &iocs)
{
    auto batch = std::make_shared<Batch>();
    batch->action = action;
    QList<QPair<Ioc, QPointer<IocRuntime>>> runnable;
    for (const Ioc &ioc : iocs) {
        IocRuntime *runtime = m_fleet ? m_fleet->runtimeFor(ioc) : nullptr;
        if (!runtime) {
            batch->failures << tr("%1: its host %2 is not connected.").arg(ioc.name, ioc.host);
            continue;
        }
        runnable.append({ ioc, runtime });
        batch->names << ioc.name;
    }
    batch->pending = static_cast<int>(runnable.size());
    batch->total = static_cast<int>(iocs.size());
    if (runnable.isEmpty()) {
        QStringList names;
        for (const Ioc &ioc : iocs)
            names << ioc.name;
        emit outcomeReported(batch->failures.join(QLatin1Char('\n')), MessageBar::Kind::Error,
                             nameList(names), SystemdManager::actionName(action));
        emit jobsFinished(action, {});
        return;
    }
    emit outcomeReported(progressText(action, batch->names), MessageBar::Kind::Information,
                         nameList(batch->names), SystemdManager::actionName(action));
    for (const auto &entry : qAsConst(runnable)) {
        const Ioc ioc = entry.first;
        entry.second->run(action, ioc.key(), this, [this, batch, ioc](const JobResult &result) {
            handleJobDone(batch, ioc, result);
        });
    }
}

void IocActions::handleJobDone(const std::shared_ptr<Batch> &batch, const Ioc &ioc,
                               const JobResult &result)
{
    batch->results << result;
    if (!result.ok()) {
        QString why = result.message;
        if (why.isEmpty())
            why = SystemdManager::describeJobResult(result.result);
        batch->failures << tr("%1: %2").arg(ioc.name, why);
    }
    if (batch->total > 1) {
        // A group action: each IOC's outcome in the history as it comes, failures named.
        const int done = batch->total - batch->pending + 1;
        emit outcomeReported(tr("%1 of %2 done: %3")
                                     .arg(done)
                                     .arg(batch->total)
                                     .arg(iocDoneText(batch->action, ioc.name, result)),
                             result.ok() ? MessageBar::Kind::Information
                                         : MessageBar::Kind::Warning,
                             ioc.name, SystemdManager::actionName(batch->action));
    }
    if (--batch->pending > 0)
        return;
    if (batch->failures.isEmpty()) {
        emit outcomeReported(doneText(batch->action, batch->names), MessageBar::Kind::Success,
                             nameList(batch->names), SystemdManager::actionName(batch->action));
    } else {
        const QString head =
                tr("Could not %1 %n IOC(s):", "", static_cast<int>(batch->failures.size()))
                        .arg(SystemdManager::actionName(batch->action));
        emit outcomeReported(head + QLatin1Char('\n') + batch->failures.join(QLatin1Char('\n')),
                             MessageBar::Kind::Error, nameList(batch->names),
                             SystemdManager::actionName(batch->action));
    }
    emit jobsFinished(batch->action, batch->results);
}

OrderedActionDialog *IocActions::runInOrderDialog(const QList<Ioc> &iocs)
{
    if (iocs.isEmpty())
        return nullptr;
    auto *dialog = new OrderedActionDialog(iocs, UnitAction::Restart, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &OrderedActionDialog::startRequested, this, [this, dialog] {
        if (!dialog->run())
            dialog->setRun(runInOrder(dialog->action(), dialog->orderedIocs(), dialog->delayMs(),
                                      dialog->stopTimeoutSeconds()));
    });
    dialog->open(); // window-modal, no nested event loop
    return dialog;
}

OrderedRun *IocActions::runInOrder(UnitAction action, const QList<Ioc> &iocs, int delayMs,
                                   int stopTimeoutSeconds)
{
    const QString verb = SystemdManager::actionName(action);
    QStringList names;
    for (const Ioc &ioc : iocs)
        names << ioc.name;
    auto failures = std::make_shared<QStringList>();
    auto lastWhy = std::make_shared<QString>(); // why the IOC just done failed
    auto lastNote = std::make_shared<QString>(); // what else happened to it (killed)
    const int total = static_cast<int>(iocs.size());
    const bool timed = stopTimeoutSeconds >= 0
            && (action == UnitAction::Stop || action == UnitAction::Restart);
    QPointer<Fleet> fleet = m_fleet;
    // Each IOC's job through its host's runtime, as run() does, awaited before the next. With
    // a stop timeout, the stop is core's TimedStop (a restart: that stop, then a start).
    auto *run = new OrderedRun(
            iocs, delayMs,
            [this, fleet, action, timed, stopTimeoutSeconds, failures, lastWhy,
             lastNote](const Ioc &ioc, std::function<void(bool)> done) {
                lastNote->clear();
                IocRuntime *runtime = fleet ? fleet->runtimeFor(ioc) : nullptr;
                if (!runtime) {
                    *lastWhy = tr("its host %1 is not connected").arg(ioc.host);
                    *failures << tr("%1: %2").arg(ioc.name, *lastWhy);
                    done(false);
                    return;
                }
                auto report = [failures, lastWhy, ioc, done](const JobResult &result) {
                    if (!result.ok()) {
                        QString why = result.message;
                        if (why.isEmpty())
                            why = SystemdManager::describeJobResult(result.result);
                        *lastWhy = why;
                        *failures << tr("%1: %2").arg(ioc.name, why);
                    }
                    done(result.ok());
                };
                if (!timed) {
                    runtime->run(action, ioc.key(), this, report);
                    return;
                }
                if (!TimedStop::appliesTo(ioc))
                    *lastNote = tr("the stop timeout applies to IOCs a systemd unit runs; this "
                                   "container stops with its engine's own timeout");
                auto *stop = new TimedStop(fleet, ioc, stopTimeoutSeconds, this);
                connect(stop, &TimedStop::killFailed, this, [lastNote](const QString &error) {
                    *lastNote = tr("SIGKILL failed: %1").arg(error);
                });
                connect(stop, &TimedStop::finished, this,
                        [this, fleet, action, ioc, stopTimeoutSeconds, report,
                         lastNote](const JobResult &result, bool killed) {
                            if (killed && lastNote->isEmpty())
                                *lastNote = action == UnitAction::Stop
                                        ? tr("not stopped after %1 s: its processes were "
                                             "killed, and systemd shows its unit as failed")
                                                  .arg(stopTimeoutSeconds)
                                        : tr("not stopped after %1 s: its processes were killed")
                                                  .arg(stopTimeoutSeconds);
                            IocRuntime *starter = fleet ? fleet->runtimeFor(ioc) : nullptr;
                            if (action == UnitAction::Stop || !result.ok() || !starter) {
                                report(result);
                                return;
                            }
                            starter->run(UnitAction::Start, ioc.key(), this, report);
                        });
                stop->start();
            },
            this);
    connect(run, &OrderedRun::iocStarted, this,
            [this, action, total, verb](int index, const Ioc &ioc) {
                emit outcomeReported(tr("%1 of %2: %3")
                                             .arg(index + 1)
                                             .arg(total)
                                             .arg(progressText(action, { ioc.name })),
                                     MessageBar::Kind::Information, ioc.name, verb);
            });
    connect(run, &OrderedRun::iocFinished, this,
            [this, action, total, verb, lastWhy, lastNote](int index, const Ioc &ioc, bool ok) {
                JobResult result;
                result.result = ok ? QStringLiteral("done") : QStringLiteral("failed");
                if (!ok)
                    result.message = *lastWhy;
                QString text = iocDoneText(action, ioc.name, result);
                if (!lastNote->isEmpty())
                    text = tr("%1 (%2)").arg(text, *lastNote);
                emit outcomeReported(tr("%1 of %2 done: %3").arg(index + 1).arg(total).arg(text),
                                     ok ? MessageBar::Kind::Information : MessageBar::Kind::Warning,
                                     ioc.name, verb);
            });
    connect(run, &OrderedRun::waiting, this, [this, names, verb](int delay, int nextIndex) {
        emit outcomeReported(tr("Waiting %1 s before %2…")
                                     .arg(QLocale().toString(delay / 1000.0))
                                     .arg(names.value(nextIndex)),
                             MessageBar::Kind::Information, names.value(nextIndex), verb);
    });
    connect(run, &OrderedRun::finished, this, [this, run, action, names, verb, failures] {
        run->deleteLater();
        const QStringList acted = names.mid(0, run->startedCount());
        const QStringList untouched = names.mid(run->startedCount());
        QList<JobResult> results;
        if (run->isCanceled()) {
            emit outcomeReported(tr("Canceled after %1 of %2 IOC(s); not acted on: %3.")
                                                 .arg(run->startedCount())
                                                 .arg(names.size())
                                                 .arg(nameList(untouched))
                                         + (failures->isEmpty() ? QString()
                                                                : QLatin1Char('\n')
                                                            + failures->join(QLatin1Char('\n'))),
                                 MessageBar::Kind::Warning, nameList(names), verb);
        } else if (failures->isEmpty()) {
            emit outcomeReported(doneText(action, acted), MessageBar::Kind::Success,
                                 nameList(names), verb);
        } else {
            const QString head =
                    tr("Could not %1 %n IOC(s):", "", static_cast<int>(failures->size())).arg(verb);
            emit outcomeReported(head + QLatin1Char('\n') + failures->join(QLatin1Char('\n')),
                                 MessageBar::Kind::Error, nameList(names), verb);
        }
    });
    emit outcomeReported(tr("%n IOC(s) one after the other, %1 s apart: %2", "", total)
                                 .arg(QLocale().toString(delayMs / 1000.0), nameList(names)),
                         MessageBar::Kind::Information, nameList(names), verb);
    run->start();
    return run;
}

RunCommandDialog *IocActions::runCommand(const QList<Ioc> &iocs)
{
    if (iocs.isEmpty())
        return nullptr;
    auto *dialog = new RunCommandDialog(iocs, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, iocs] {
        const QString line = dialog->line();
        if (!dialog->problem().isEmpty())
            return;
        auto go = [this, iocs, line] {
            RunCommandDialog::rememberLine(line);
            emit commandRequested(iocs, line);
        };
        if (iocs.size() == 1) {
            go();
            return;
        }
        // Sent to many IOCs at once: always asked, whatever the confirmation setting.
        m_confirm(tr("Run Command"), runCommandConfirmationText(line, iocs),
                  tr("Run on %n IOC(s)", "", static_cast<int>(iocs.size())), [go](bool accepted) {
                      if (accepted)
                          go();
                  });
    });
    dialog->open(); // no nested event loop
    return dialog;
}

QString IocActions::runCommandConfirmationText(const QString &line, const QList<Ioc> &iocs)
{
    QStringList names;
    QStringList notRunning; // they will fail at once, as the run says: said before it
    for (const Ioc &ioc : iocs) {
        names << ioc.name;
        QString why;
        if (ExecLineJob::checkConsole(ioc, nullptr, &why) == ExecLineJob::Status::NotRunning)
            notRunning << ioc.name;
    }
    const int count = static_cast<int>(iocs.size());
    QString text = tr("Send “%1” to the IOC shell of %n IOC(s) (%2)?", "", count)
                           .arg(line, nameList(names));
    if (!notRunning.isEmpty())
        text += QLatin1Char(' ')
                + tr("Not running, so nothing is sent to: %1.").arg(nameList(notRunning));
    return text;
}
