// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/iocplanrunner.h"

#include "core/hosts/host.h"
#include "core/systemd/systemdmanager.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSaveFile>
#include <QThread>
#include <QTimer>

namespace {

/// Carries the file work's steps and outcome from its thread to the runner. It lives in the
/// runner's thread but is emitted from the worker thread, so the runner gets queued calls; it
/// belongs to the worker thread's life (deleted when that thread has finished), not to the
/// runner's, so a runner deleted meanwhile leaves nothing dangling.
class FileWorkRelay : public QObject
{
    Q_OBJECT
signals:
    void progress(const QString &line);
    void finished(const QString &error);
};

constexpr int kRemoteWriteTimeoutMs = 60000;

// Arguments: OP ARGS... with OP rm PATH | rmdir DIR (when empty) | mv FROM TO | dir DIR |
// new PATH CONTENT | replace PATH CONTENT. A failure prints the tool's own message, then
// "iocdock:CODE<TAB>A<TAB>B" (translated on this side), and undoes the files and folders made
// for the writes.
const char kApplyScript[] = R"sh(
set -u
written=
made=
undo() {
    printf '%s\n' "$written" | while IFS= read -r f; do [ -n "$f" ] && rm -f -- "$f"; done
    printf '%s\n' "$made" | while IFS= read -r d; do [ -n "$d" ] && rmdir -- "$d" 2>/dev/null; done
}
fail() {
    printf 'iocdock:%s\t%s\t%s\n' "$1" "$2" "${3-}" >&2
    undo
    exit 1
}
mk() {
    [ -d "$1" ] && return 0
    mk "$(dirname -- "$1")" || return 1
    mkdir -- "$1" || return 1
    made="$1
$made"
}
while [ $# -gt 0 ]; do
    op=$1
    shift
    case "$op" in
    rm)
        rm -f -- "$1" || fail remove "$1"
        shift ;;
    rmdir)
        rmdir -- "$1" 2>/dev/null
        shift ;;
    mv)
        if [ -e "$2" ] || [ -L "$2" ]; then fail moved-appeared "$2"; fi
        mv -- "$1" "$2" || fail move "$1" "$2"
        shift 2 ;;
    dir)
        mkdir -p -- "$1" || fail folder "$1"
        shift ;;
    new|replace)
        p=$1
        c=$2
        shift 2
        d=$(dirname -- "$p")
        mk "$d" || fail folder "$d"
        t="$d/.iocdock-$$.${p##*/}"
        if ! printf '%s' "$c" > "$t"; then rm -f -- "$t"; fail write "$p"; fi
        if [ "$op" = new ]; then
            if ! ln -- "$t" "$p" 2>/dev/null; then
                rm -f -- "$t"
                if [ -e "$p" ] || [ -L "$p" ]; then fail appeared "$p"; fi
                fail write "$p"
            fi
            rm -f -- "$t"
            written="$p
$written"
        else
            mv -f -- "$t" "$p" || { rm -f -- "$t"; fail write "$p"; }
        fi ;;
    *)
        fail bad "$op" ;;
    esac
done
exit 0
)sh";

} // namespace

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
    if (index >= m_firstLateCall && !m_filesApplied) {
        m_filesApplied = true;
        if (m_remote)
            applyFilesRemotely(index);
        else
            applyFilesLocally(index);
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

void IocPlanRunner::applyFilesLocally(int nextCall)
{
    auto *relay = new FileWorkRelay;
    connect(relay, &FileWorkRelay::progress, this, &IocPlanRunner::progress, Qt::QueuedConnection);
    connect(
            relay, &FileWorkRelay::finished, this,
            [this, nextCall](const QString &error) {
                if (!error.isEmpty()) {
                    fail(error);
                    return;
                }
                runCall(nextCall);
            },
            Qt::QueuedConnection);
    QThread *thread = QThread::create([plan = m_plan, observer = m_observer, relay] {
        const QString error = applyFiles(
                plan, [relay](const QString &line) { emit relay->progress(line); }, observer);
        emit relay->finished(error);
    });
    connect(thread, &QThread::finished, relay, &QObject::deleteLater);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

// Runs on the worker thread: touches nothing but the file system and its arguments.
QString IocPlanRunner::applyFiles(const IocPlan &plan,
                                  const std::function<void(const QString &)> &progress,
                                  const FileStepObserver &observer)
{
    for (const QString &path : std::as_const(plan.removals)) {
        QFile file(path);
        if (!file.remove() && QFileInfo(path).exists())
            return tr("Cannot remove %1: %2").arg(path, file.errorString());
        progress(tr("removed %1").arg(path));
    }
    // Only when empty: whatever else is in it stays (rmdir refuses).
    for (const QString &dir : std::as_const(plan.removeDirs)) {
        if (QDir().rmdir(dir))
            progress(tr("removed folder %1").arg(dir));
    }
    for (const PlannedMove &move : std::as_const(plan.moves)) {
        if (QFileInfo::exists(move.to) || QFileInfo(move.to).isSymLink()) {
            return tr("%1 appeared meanwhile; nothing more was changed.").arg(move.to);
        }
        if (!QDir().rename(move.from, move.to))
            return tr("Cannot move %1 to %2.").arg(move.from, move.to);
        progress(tr("moved %1 to %2").arg(move.from, move.to));
    }
    for (const QString &dir : std::as_const(plan.makeDirs)) {
        if (QFileInfo(dir).isDir())
            continue;
        if (!QDir().mkpath(dir))
            return tr("Cannot create the folder %1.").arg(dir);
        progress(tr("made folder %1").arg(dir));
    }
    QStringList written;
    QStringList madeDirs;
    const auto undo = [&written, &madeDirs] {
        for (const QString &path : std::as_const(written))
            QFile::remove(path);
        for (auto it = madeDirs.crbegin(); it != madeDirs.crend(); ++it)
            QDir().rmdir(*it);
    };
    for (const PlannedFile &file : std::as_const(plan.writes)) {
        // Folders made on the way, outermost first, so an undo can take them away again.
        QStringList missing;
        for (QString dir = QFileInfo(file.path).absolutePath(); !QFileInfo::exists(dir);
             dir = QFileInfo(dir).absolutePath())
            missing.prepend(dir);
        for (const QString &dir : std::as_const(missing)) {
            if (!QDir().mkdir(dir)) {
                undo();
                return tr("Cannot create the folder %1.").arg(dir);
            }
            madeDirs << dir;
        }
        if (!file.replace && (QFileInfo::exists(file.path) || QFileInfo(file.path).isSymLink())) {
            undo();
            return tr("%1 appeared meanwhile; nothing was written.").arg(file.path);
        }
        if (observer)
            observer(file.path);
        QSaveFile out(file.path);
        if (!out.open(QIODevice::WriteOnly) || out.write(file.content) != file.content.size()
            || !out.commit()) {
            const QString why = out.errorString();
            undo();
            return tr("Cannot write %1: %2").arg(file.path, why);
        }
        if (!file.replace)
            written << file.path;
        progress(tr("wrote %1").arg(file.path));
    }
    return QString();
}

void IocPlanRunner::emitFileProgress()
{
    for (const QString &path : std::as_const(m_plan.removals))
        emit progress(tr("removed %1").arg(path));
    for (const PlannedMove &move : std::as_const(m_plan.moves))
        emit progress(tr("moved %1 to %2").arg(move.from, move.to));
    for (const QString &dir : std::as_const(m_plan.makeDirs))
        emit progress(tr("made folder %1").arg(dir));
    for (const PlannedFile &file : std::as_const(m_plan.writes))
        emit progress(tr("wrote %1").arg(file.path));
}

void IocPlanRunner::applyFilesRemotely(int nextCall)
{
    QStringList args{ QStringLiteral("sh"), QStringLiteral("-c"), QString::fromLatin1(kApplyScript),
                      QStringLiteral("sh") };
    for (const QString &path : std::as_const(m_plan.removals))
        args << QStringLiteral("rm") << path;
    for (const QString &dir : std::as_const(m_plan.removeDirs))
        args << QStringLiteral("rmdir") << dir;
    for (const PlannedMove &move : std::as_const(m_plan.moves))
        args << QStringLiteral("mv") << move.from << move.to;
    for (const QString &dir : std::as_const(m_plan.makeDirs))
        args << QStringLiteral("dir") << dir;
    for (const PlannedFile &file : std::as_const(m_plan.writes))
        args << (file.replace ? QStringLiteral("replace") : QStringLiteral("new")) << file.path
             << QString::fromUtf8(file.content);
    const QStringList argv = m_remote->commandOnHost(args);
    const QString hostName = m_remote->displayName();
    auto *process = new QProcess(this);
    process->setStandardInputFile(QProcess::nullDevice());
    auto *timer = new QTimer(process);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, process, [this, process, hostName] {
        process->disconnect(this);
        process->kill();
        process->deleteLater();
        fail(tr("Writing the files on %1 timed out; what was written is unknown.").arg(hostName));
    });
    connect(process, &QProcess::errorOccurred, this,
            [this, process, argv](QProcess::ProcessError error) {
                if (error != QProcess::FailedToStart)
                    return;
                process->disconnect(this);
                process->deleteLater();
                fail(tr("%1 did not start.").arg(argv.value(0)));
            });
    connect(process, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), this,
            [this, process, nextCall, hostName](int code, QProcess::ExitStatus status) {
                process->disconnect(this);
                process->deleteLater();
                if (status == QProcess::NormalExit && code == 0) {
                    emitFileProgress();
                    runCall(nextCall);
                    return;
                }
                // The remote tool's own words, then our code line.
                QStringList why;
                QString error;
                const QStringList lines = QString::fromLocal8Bit(process->readAllStandardError())
                                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
                for (const QString &line : lines) {
                    if (!line.startsWith(QLatin1String("iocdock:"))) {
                        why << line.trimmed();
                        continue;
                    }
                    const QStringList f = line.mid(8).split(QLatin1Char('\t'));
                    const QString kind = f.value(0);
                    const QString a = f.value(1);
                    const QString b = f.value(2);
                    if (kind == QLatin1String("remove"))
                        error = tr("Cannot remove %1").arg(a);
                    else if (kind == QLatin1String("moved-appeared"))
                        error = tr("%1 appeared meanwhile; nothing more was changed.").arg(a);
                    else if (kind == QLatin1String("move"))
                        error = tr("Cannot move %1 to %2.").arg(a, b);
                    else if (kind == QLatin1String("folder"))
                        error = tr("Cannot create the folder %1.").arg(a);
                    else if (kind == QLatin1String("appeared"))
                        error = tr("%1 appeared meanwhile; nothing was written.").arg(a);
                    else
                        error = tr("Cannot write %1").arg(a);
                }
                if (error.isEmpty())
                    error = tr("Writing the files on %1 failed (exit status %2).")
                                    .arg(hostName)
                                    .arg(code);
                if (!why.isEmpty())
                    error += QStringLiteral(": ") + why.join(QStringLiteral("; "));
                fail(error);
            });
    process->start(argv.first(), argv.mid(1));
    timer->start(kRemoteWriteTimeoutMs);
}

#include "iocplanrunner.moc"
