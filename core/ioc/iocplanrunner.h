// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/iocwriter.h"

#include <QObject>
#include <QPointer>

#include <functional>

class Host;
class SystemdManager;

/// Carries out an IocPlan on the local file system and one systemd manager, asynchronously:
/// first the calls that release the unit (stop, disable), then the files (removals, then each
/// new file written atomically: a temporary file renamed into place), then the calls that make
/// systemd see the new files (link or enable, daemon-reload, start). A file that cannot be
/// written undoes the files written before it, so no half-written IOC stays behind. Emits
/// finished() once; progress() says each step as it is done.
///
/// Threading: the local file work runs on a thread of its own, never on the caller's, so a
/// GUI thread that starts a plan keeps serving events; its steps and outcome come back as
/// queued calls, and the signals are always emitted on the thread the runner lives in. The
/// systemd calls stay asynchronous D-Bus calls on the runner's thread. A runner destroyed
/// while its files are being written lets that work finish (its undo included) on its own.
class IocPlanRunner : public QObject
{
    Q_OBJECT
public:
    IocPlanRunner(const IocPlan &plan, SystemdManager *manager, QObject *parent = nullptr);

    /// Writes the files on this SSH host (through its connection, with the remote account's
    /// rights) instead of the local file system: the same steps in one POSIX sh script, each
    /// new file written to a temporary name in its folder and linked into place (never over an
    /// existing file), undone when a later one fails. Set before start().
    void setRemoteHost(const Host *host) { m_remote = host; }

    /// Starts; an invalid plan finishes at once with its errors.
    void start();

    /// Called with each file's path just before it is written locally, on the thread doing the
    /// file work (not the runner's). For tests: it shows where the work runs. Set before start().
    using FileStepObserver = std::function<void(const QString &path)>;
    void setFileStepObserver(FileStepObserver observer) { m_observer = std::move(observer); }

signals:
    /// One step done, as a translated line ("wrote /etc/procServ.d/x.conf").
    void progress(const QString &line);
    /// @p error is empty on success; otherwise what failed (translated).
    void finished(const QString &error);

private:
    void runCall(int index);
    void applyFilesLocally(int nextCall);
    static QString applyFiles(const IocPlan &plan,
                              const std::function<void(const QString &)> &progress,
                              const FileStepObserver &observer);
    void applyFilesRemotely(int nextCall);
    void emitFileProgress();
    void fail(const QString &error);

    IocPlan m_plan;
    QPointer<SystemdManager> m_manager;
    int m_firstLateCall = 0; ///< calls before it run before the files are touched
    bool m_done = false;
    bool m_filesApplied = false;
    const Host *m_remote = nullptr;
    FileStepObserver m_observer;
};
