// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/iocplanrunner.h"

#include "core/systemd/systemdmanager.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

IocPlanRunner::IocPlanRunner(const IocPlan &plan, SystemdManager *manager, QObject *parent)
    : QObject(parent)
    , m_plan(plan)
    , m_manager(manager)
{
    m_firstLateCall = static_cast<int>(m_plan.calls.size());
    for (int i = 0; i < m_plan.calls.size(); ++i) {
        const PlannedCall::Kind kind = m_plan.calls.at(i).kind;
        if (kind != PlannedCall::Kind::Stop && kind != PlannedCall::Kind::Disable) {
            m_firstLateCall = i;
            break;
        }
    }
}

void IocPlanRunner::start()
{
    if (!m_plan.isValid()) {
        fail(m_plan.errors.join(QLatin1Char('\n')));
        return;
    }
    if (!m_manager) {
        fail(tr("Not connected to the systemd manager."));
        return;
    }
    runCall(0);
}

void IocPlanRunner::fail(const QString &error)
{
    if (m_done)
        return;
    m_done = true;
    emit finished(error);
}

void IocPlanRunner::runCall(int index)
{
    if (m_done)
        return;
    if (index == m_firstLateCall) {
        applyFiles();
        if (m_done)
            return;
    }
    if (index >= m_plan.calls.size()) {
        m_done = true;
        emit finished(QString());
        return;
    }
    if (!m_manager) {
        fail(tr("The systemd manager went away."));
        return;
    }
    const PlannedCall call = m_plan.calls.at(index);
    const QString text = call.text(m_plan.userManager);
    const auto next = [this, index, text](const QString &error) {
        if (!error.isEmpty()) {
            fail(tr("%1 failed: %2").arg(text, error));
            return;
        }
        emit progress(tr("ran %1").arg(text));
        runCall(index + 1);
    };
    const auto job = [next](const JobResult &result) {
        next(result.ok() ? QString() : (result.message.isEmpty() ? result.result : result.message));
    };
    switch (call.kind) {
    case PlannedCall::Kind::Stop:
        m_manager->run(UnitAction::Stop, call.target, this, job);
        break;
    case PlannedCall::Kind::Start:
        m_manager->run(UnitAction::Start, call.target, this, job);
        break;
    case PlannedCall::Kind::Disable:
        m_manager->run(UnitAction::Disable, call.target, this, job);
        break;
    case PlannedCall::Kind::Enable:
        m_manager->run(UnitAction::Enable, call.target, this, job);
        break;
    case PlannedCall::Kind::Link:
        m_manager->link(call.target, this, next);
        break;
    case PlannedCall::Kind::Reload:
        m_manager->reload(this, next);
        break;
    }
}

void IocPlanRunner::applyFiles()
{
    for (const QString &path : std::as_const(m_plan.removals)) {
        QFile file(path);
        if (!file.remove() && QFileInfo(path).exists()) {
            fail(tr("Cannot remove %1: %2").arg(path, file.errorString()));
            return;
        }
        emit progress(tr("removed %1").arg(path));
    }
    for (const PlannedMove &move : std::as_const(m_plan.moves)) {
        if (QFileInfo::exists(move.to) || QFileInfo(move.to).isSymLink()) {
            fail(tr("%1 appeared meanwhile; nothing more was changed.").arg(move.to));
            return;
        }
        if (!QDir().rename(move.from, move.to)) {
            fail(tr("Cannot move %1 to %2.").arg(move.from, move.to));
            return;
        }
        emit progress(tr("moved %1 to %2").arg(move.from, move.to));
    }
    for (const QString &dir : std::as_const(m_plan.makeDirs)) {
        if (QFileInfo(dir).isDir())
            continue;
        if (!QDir().mkpath(dir)) {
            fail(tr("Cannot create the folder %1.").arg(dir));
            return;
        }
        emit progress(tr("made folder %1").arg(dir));
    }
    QStringList written;
    QStringList madeDirs;
    const auto undo = [&written, &madeDirs] {
        for (const QString &path : std::as_const(written))
            QFile::remove(path);
        for (auto it = madeDirs.crbegin(); it != madeDirs.crend(); ++it)
            QDir().rmdir(*it);
    };
    for (const PlannedFile &file : std::as_const(m_plan.writes)) {
        // Folders made on the way, outermost first, so an undo can take them away again.
        QStringList missing;
        for (QString dir = QFileInfo(file.path).absolutePath(); !QFileInfo::exists(dir);
             dir = QFileInfo(dir).absolutePath())
            missing.prepend(dir);
        for (const QString &dir : std::as_const(missing)) {
            if (!QDir().mkdir(dir)) {
                undo();
                fail(tr("Cannot create the folder %1.").arg(dir));
                return;
            }
            madeDirs << dir;
        }
        if (!file.replace && (QFileInfo::exists(file.path) || QFileInfo(file.path).isSymLink())) {
            undo();
            fail(tr("%1 appeared meanwhile; nothing was written.").arg(file.path));
            return;
        }
        QSaveFile out(file.path);
        if (!out.open(QIODevice::WriteOnly) || out.write(file.content) != file.content.size()
            || !out.commit()) {
            const QString why = out.errorString();
            undo();
            fail(tr("Cannot write %1: %2").arg(file.path, why));
            return;
        }
        if (!file.replace)
            written << file.path;
        emit progress(tr("wrote %1").arg(file.path));
    }
}
