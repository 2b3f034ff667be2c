// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/iocplanner.h"
#include "core/ioc/iocwriter.h"

#include <QDialog>
#include <QHash>
#include <QList>
#include <QPointer>

#include <memory>

class Fleet;
class Host;
class QPushButton;
class QTimer;

namespace Ui {
class NewIocDialog;
}

/// The "New IOC…" form: host, name, convention, console, working directory, environment,
/// run-as user, command and arguments, enable and start. A preview beside it shows the dry run
/// (IocPlan::describe()) of what the form would create, planned again ~200 ms after the last
/// edit; the plan's errors are shown under the preview and Create is enabled only for a plan
/// without errors that matches the form. Validation is IocWriter's (core); the dialog only
/// gathers an IocCreateRequest. This machine's managers and SSH hosts are offered; an SSH
/// host's preview is planned on what its file system holds, asked through its connection
/// (IocPlanner, RemoteHostProbe), never blocking the form. The form is newiocdialog.ui.
class NewIocDialog : public QDialog
{
    Q_OBJECT
public:
    /// The hosts offered are @p fleet's local and SSH ones (not owned).
    explicit NewIocDialog(Fleet *fleet, QWidget *parent = nullptr);
    ~NewIocDialog() override;

    /// A planner for @p host's manager knowing the IOCs @p fleet lists on it.
    static IocPlanner *plannerFor(const Fleet *fleet, Host *host, QObject *parent);
    /// Whether IOCs can be created on / removed from @p host; else *why says so (translated).
    /// IocPlanner::canWrite().
    static bool isWritable(const Host *host, QString *why = nullptr);

    /// Preselects @p host when it is offered.
    void setHost(Host *host);
    Host *host() const;
    IocCreateRequest request() const;
    /// The plan of the form as it was last planned (see planUpdated()).
    IocPlan plan() const { return m_plan; }
    /// The preview and the errors shown.
    QString previewText() const;
    QString errorText() const;
    QPushButton *createButton() const { return m_createButton; }

signals:
    /// The preview shows the plan of the form as it is now.
    void planUpdated();

private:
    static QString defaultConsoleText();
    void scheduleReplan();
    void replan();
    void handleHostChanged();
    void browseDirectory();
    void showPlan(const IocPlan &plan);
    IocPlanner *currentPlanner();

    QPointer<Fleet> m_fleet;
    QList<QPointer<Host>> m_hosts;
    QHash<const Host *, IocPlanner *> m_planners;
    IocPlan m_plan;

    std::unique_ptr<Ui::NewIocDialog> m_ui;
    QPushButton *m_createButton;
    QTimer *m_replanTimer;
};
