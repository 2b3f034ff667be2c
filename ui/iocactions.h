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
class QAction;
class QWidget;

/// The IOC actions — Start, Stop, Restart, Enable, Disable, Attach, Logs, Details — as
/// QActions for the toolbar, the context menu and shortcuts. They work on the current
/// selection (several rows at once). Unit actions go through the runtime of the row's host;
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
    /// All of them, in toolbar order; nullptr marks a separator.
    QList<QAction *> actions() const;

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

signals:
    void attachRequested(const Ioc &ioc);
    void logsRequested(const Ioc &ioc);
    void detailsRequested(const Ioc &ioc);
    /// Something to tell the user: a job was sent, finished or failed. @p subject names the
    /// IOCs, @p action the unit action (both for the message history).
    void outcomeReported(const QString &text, MessageBar::Kind kind, const QString &subject,
                         const QString &action);
    /// All jobs of one run() have finished.
    void jobsFinished(UnitAction action, const QList<JobResult> &results);

private:
    struct Batch
    {
        UnitAction action;
        QStringList names;
        int pending = 0;
        QList<JobResult> results;
        QStringList failures;
    };

    QAction *makeAction(const QString &icon, const QString &text, const QString &toolTip,
                        const QList<QKeySequence> &shortcuts, const QString &objectName);
    void updateEnabled();
    void execute(UnitAction action, const QList<Ioc> &iocs);
    void handleJobDone(const std::shared_ptr<Batch> &batch, const Ioc &ioc,
                       const JobResult &result);
    static QString doneText(UnitAction action, const QStringList &names);
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
};
