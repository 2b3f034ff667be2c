// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"
#include "core/systemd/systemdmanager.h"
#include "ui/messagebar.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class Fleet;
class Host;
class OrderedActionDialog;
class OrderedRun;
struct IocPlan;
class QAction;
class QWidget;
class RunCommandDialog;

/// The IOC actions — Start, Stop, Restart, Enable, Disable, Attach, Logs, Details — as
/// QActions for the toolbar, the context menu and shortcuts. They work on the current
/// selection (several rows at once). New IOC…, Remove… and Rename… open their dialogs
/// (NewIocDialog, RemoveIocDialog, RenameIocDialog) without a nested event loop and apply the
/// accepted plan with IocPlanRunner; Remove… and Rename… work on one selected IOC. Unit actions go through the runtime of the row's host;
/// Stop and Restart ask first (unless switched off) and a "no" changes nothing. Outcomes are
/// reported through outcomeReported() for an inline MessageBar, never in a modal dialog.
class IocActions : public QObject
{
    Q_OBJECT
public:
    /// Asks the user a yes/no question and calls @p answer later (or at once) with the reply.
    /// The default shows a window-modal QMessageBox without a nested event loop; tests
    /// inject their own.
    using Confirm =
            std::function<void(const QString &title, const QString &text, const QString &acceptText,
                               std::function<void(bool accepted)> answer)>;

    /// @p dialogParent: the window confirmation questions belong to.
    explicit IocActions(QWidget *dialogParent, QObject *parent = nullptr);

    QAction *startAction() const { return m_start; }
    QAction *stopAction() const { return m_stop; }
    QAction *restartAction() const { return m_restart; }
    QAction *enableAction() const { return m_enable; }
    QAction *disableAction() const { return m_disable; }
    QAction *attachAction() const { return m_attach; }
    QAction *logsAction() const { return m_logs; }
    QAction *detailsAction() const { return m_details; }
    QAction *newIocAction() const { return m_newIoc; }
    QAction *removeAction() const { return m_remove; }
    QAction *renameAction() const { return m_rename; }
    /// "Run command…": one IOC shell line on every selected IOC (runCommand()).
    QAction *runCommandAction() const { return m_runCommand; }
    /// "In Order…": start, stop or restart the selected IOCs one after the other
    /// (runInOrderDialog()).
    QAction *inOrderAction() const { return m_inOrder; }
    /// The unit and view actions, in toolbar order; nullptr marks a separator.
    QList<QAction *> actions() const;
    /// New IOC…, Rename…, Remove…, for the IOC menu and the table's context menu.
    QList<QAction *> writerActions() const { return { m_newIoc, m_rename, m_remove }; }

    /// Unit actions go through the runtime of each IOC's host in @p fleet. Not owned.
    void setFleet(Fleet *fleet);

    void setSelection(const QList<Ioc> &iocs);
    QList<Ioc> selection() const { return m_selection; }

    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    void setConfirmationsEnabled(bool on) { m_confirmationsEnabled = on; }
    bool confirmationsEnabled() const { return m_confirmationsEnabled; }
    /// How many consoles this window has open on an IOC (mentioned when asking to stop it).
    void setOpenConsoleCounter(std::function<int(const Ioc &)> counter)
    {
        m_openConsoles = std::move(counter);
    }

    /// Runs @p action on @p iocs, asking first for Stop and Restart.
    void run(UnitAction action, const QList<Ioc> &iocs);
    /// The question asked before @p action on @p iocs (for tests and the default Confirm).
    QString confirmationText(UnitAction action, const QList<Ioc> &iocs) const;

    /// Opens the "New IOC" form (@p host preselected when given); Create applies its plan.
    /// Returns the dialog shown (deleted when closed), or nullptr without a fleet.
    QDialog *newIoc(Host *host = nullptr);
    /// Opens the confirmation for removing @p ioc; Remove applies its plan.
    QDialog *remove(const Ioc &ioc);
    /// Opens the rename dialog for @p ioc; Rename applies its plan.
    QDialog *rename(const Ioc &ioc);
    /// Carries out @p plan on @p host's manager, reporting progress and the outcome.
    void applyPlan(Host *host, const IocPlan &plan);

    /// Opens the "In Order" dialog for @p iocs (as listed in the table; deleted when closed).
    /// Its start button is the confirmation: runInOrder() follows. Null for no IOCs.
    OrderedActionDialog *runInOrderDialog(const QList<Ioc> &iocs);
    /// Runs @p action on @p iocs one after the other, in that order, @p delayMs apart (each
    /// IOC's job awaited first), reporting each IOC's progress and outcome and the end through
    /// outcomeReported(). A stop or restart with @p stopTimeoutSeconds >= 0 kills an IOC not
    /// stopped in that time (TimedStop); -1: the unit's own TimeoutStopSec. The run (owned
    /// here, deleted after it finished) can be canceled before its next IOC.
    OrderedRun *runInOrder(UnitAction action, const QList<Ioc> &iocs, int delayMs,
                           int stopTimeoutSeconds = -1);

    /// Opens the "Run command" dialog for @p iocs (deleted when closed). Run asks first when
    /// there is more than one IOC (naming how many; a "no" sends nothing), remembers the line
    /// and emits commandRequested(). Returns the dialog shown, or nullptr for no IOCs.
    RunCommandDialog *runCommand(const QList<Ioc> &iocs);
    /// The question asked before running @p line on @p iocs (more than one).
    static QString runCommandConfirmationText(const QString &line, const QList<Ioc> &iocs);

signals:
    void attachRequested(const Ioc &ioc);
    void logsRequested(const Ioc &ioc);
    void detailsRequested(const Ioc &ioc);
    /// Something to tell the user: a job was sent, finished or failed; with several IOCs, also
    /// each IOC's outcome as it comes ("2 of 7 done: motor1 restarted"). @p subject names the
    /// IOCs, @p action the unit action (both for the message history).
    void outcomeReported(const QString &text, MessageBar::Kind kind, const QString &subject,
                         const QString &action);
    /// All jobs of one run() have finished.
    void jobsFinished(UnitAction action, const QList<JobResult> &results);
    /// A plan applied by applyPlan() finished: @p error is empty on success. @p key is the
    /// IOC's Ioc::key() (Rename: the new one).
    void planFinished(const QString &key, const QString &error);
    /// The user confirmed running @p line on @p iocs (the line has no control character).
    void commandRequested(const QList<Ioc> &iocs, const QString &line);
    /// A plan created or renamed the IOC with Ioc::key() @p key (emitted before planFinished).
    void iocWritten(const QString &key);

private:
    struct Batch
    {
        UnitAction action;
        QStringList names;
        int pending = 0;
        int total = 0; // IOCs asked for, those of hosts not connected included
        QList<JobResult> results;
        QStringList failures;
    };

    QAction *makeAction(const QString &icon, const QString &text, const QString &toolTip,
                        const QList<QKeySequence> &shortcuts, const QString &objectName);
    void updateEnabled();
    void updateWriterEnabled();
    void execute(UnitAction action, const QList<Ioc> &iocs);
    void handleJobDone(const std::shared_ptr<Batch> &batch, const Ioc &ioc,
                       const JobResult &result);
    static QString doneText(UnitAction action, const QStringList &names);
    /// One IOC's outcome within a group action: "motor1 restarted", "motor1: restart failed: why".
    static QString iocDoneText(UnitAction action, const QString &name, const JobResult &result);
    static QString progressText(UnitAction action, const QStringList &names);
    static QString nameList(const QStringList &names);
    void defaultConfirm(const QString &title, const QString &text, const QString &acceptText,
                        std::function<void(bool)> answer);

    QPointer<QWidget> m_dialogParent;
    QPointer<Fleet> m_fleet;
    QList<Ioc> m_selection;
    Confirm m_confirm;
    bool m_confirmationsEnabled = true;
    std::function<int(const Ioc &)> m_openConsoles;

    QAction *m_start;
    QAction *m_stop;
    QAction *m_restart;
    QAction *m_enable;
    QAction *m_disable;
    QAction *m_attach;
    QAction *m_logs;
    QAction *m_details;
    QAction *m_newIoc;
    QAction *m_remove;
    QAction *m_rename;
    QAction *m_runCommand;
    QAction *m_inOrder;
};
