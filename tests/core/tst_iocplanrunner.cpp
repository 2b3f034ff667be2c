// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// IocPlanRunner against the real systemd --user of tools/sandbox: the local file work runs on a
// thread of its own (the caller's event loop keeps running meanwhile), its outcome comes back on
// the caller's thread, and a failed write still leaves nothing of the IOC behind.

#include "core/ioc/iocplanrunner.h"
#include "core/systemd/systemdmanager.h"
#include "tests/common/sandbox.h"

#include <QDBusConnection>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>

namespace {

constexpr int kTimeoutMs = 30000;

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// A plan writing @p paths (each with its own content) and then reloading the user manager.
IocPlan writePlan(const QStringList &paths)
{
    IocPlan plan;
    plan.action = IocPlan::Action::Create;
    plan.name = QStringLiteral("tst-planrunner");
    plan.userManager = true;
    for (const QString &path : paths)
        plan.writes.append(PlannedFile{ path, "content of " + path.toUtf8() + '\n', false });
    plan.calls.append(PlannedCall{ PlannedCall::Kind::Reload, QString() });
    return plan;
}

/// Records the thread each file step runs on; holds the first step until release() (bounded,
/// so a runner that did its file work on the caller's thread fails the test, never hangs it).
struct StepRecorder
{
    QMutex mutex;
    QList<QThread *> threads;
    std::atomic<bool> entered{ false };
    QSemaphore gate;
    bool holdFirst = true;

    IocPlanRunner::FileStepObserver observer()
    {
        return [this](const QString &) {
            bool first = false;
            {
                QMutexLocker lock(&mutex);
                threads << QThread::currentThread();
                first = threads.size() == 1;
            }
            if (first && holdFirst) {
                entered = true;
                gate.tryAcquire(1, kTimeoutMs);
            }
        };
    }
    void release() { gate.release(); }
};

} // namespace

class TestIocPlanRunner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void fileWorkRunsOffTheCallersThread();
    void failedWriteUndoesEarlierFiles();
    void fileThatAppearedIsRefused();
    void runnerDeletedWhileWritingLetsTheWorkFinish();
    void invalidPlanFinishesWithItsErrors();

private:
    std::unique_ptr<SystemdManager> m_manager;
};

void TestIocPlanRunner::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    QDBusConnection bus = QDBusConnection::sessionBus();
    QVERIFY2(bus.isConnected(), qPrintable(bus.lastError().message()));
    m_manager = std::make_unique<SystemdManager>(bus);
}

void TestIocPlanRunner::fileWorkRunsOffTheCallersThread()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QStringList paths{ tmp.filePath(QStringLiteral("a.conf")),
                             tmp.filePath(QStringLiteral("sub/dir/b.service")),
                             tmp.filePath(QStringLiteral("c.conf")) };
    const IocPlan plan = writePlan(paths);
    IocPlanRunner runner(plan, m_manager.get());
    StepRecorder steps;
    runner.setFileStepObserver(steps.observer());

    QThread *const caller = QThread::currentThread();
    QList<QThread *> emittedOn;
    connect(
            &runner, &IocPlanRunner::progress, this,
            [&emittedOn] { emittedOn << QThread::currentThread(); }, Qt::DirectConnection);
    connect(
            &runner, &IocPlanRunner::finished, this,
            [&emittedOn] { emittedOn << QThread::currentThread(); }, Qt::DirectConnection);
    QSignalSpy progress(&runner, &IocPlanRunner::progress);
    QSignalSpy finished(&runner, &IocPlanRunner::finished);

    runner.start();
    // The first file is being written (its step is held): this thread's event loop still
    // serves a 10 ms timer, and nothing of the plan has been reported yet.
    QTRY_VERIFY_WITH_TIMEOUT(steps.entered.load(), kTimeoutMs);
    int ticks = 0;
    QTimer timer;
    timer.setInterval(10);
    connect(&timer, &QTimer::timeout, this, [&ticks] { ++ticks; });
    timer.start();
    QTRY_VERIFY_WITH_TIMEOUT(ticks >= 3, kTimeoutMs);
    timer.stop();
    QCOMPARE(finished.count(), 0);
    QVERIFY(!QFile::exists(paths.at(0)));

    steps.release();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
    QCOMPARE(finished.at(0).at(0).toString(), QString());

    QCOMPARE(steps.threads.size(), paths.size());
    for (QThread *thread : std::as_const(steps.threads))
        QVERIFY(thread != caller);
    for (QThread *thread : std::as_const(emittedOn))
        QCOMPARE(thread, caller);
    for (const QString &path : paths)
        QCOMPARE(readAll(path), "content of " + path.toUtf8() + '\n');

    // Every step in the order done: the files, then the systemd call after them.
    QStringList lines;
    for (const QList<QVariant> &args : std::as_const(progress))
        lines << args.at(0).toString();
    QCOMPARE(lines,
             (QStringList{ QStringLiteral("wrote %1").arg(paths.at(0)),
                           QStringLiteral("wrote %1").arg(paths.at(1)),
                           QStringLiteral("wrote %1").arg(paths.at(2)),
                           QStringLiteral("ran %1").arg(plan.calls.at(0).text(true)) }));
}

void TestIocPlanRunner::failedWriteUndoesEarlierFiles()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    // A plain file where the third file's folder should be: writing under it fails (ENOTDIR),
    // for root too.
    const QString blocker = tmp.filePath(QStringLiteral("blocker"));
    {
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("in the way\n");
    }
    const QStringList paths{ tmp.filePath(QStringLiteral("a.conf")),
                             tmp.filePath(QStringLiteral("new/folder/b.service")),
                             blocker + QStringLiteral("/c.conf") };
    IocPlanRunner runner(writePlan(paths), m_manager.get());
    QSignalSpy progress(&runner, &IocPlanRunner::progress);
    QSignalSpy finished(&runner, &IocPlanRunner::finished);
    runner.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);

    const QString error = finished.at(0).at(0).toString();
    QVERIFY2(error.startsWith(QStringLiteral("Cannot write %1: ").arg(paths.at(2))),
             qPrintable(error));
    // Never a half-written IOC: the files and folders written before are gone again, what was
    // there stays, and systemd was not called.
    QVERIFY(!QFile::exists(paths.at(0)));
    QVERIFY(!QFile::exists(paths.at(1)));
    QVERIFY(!QFileInfo::exists(tmp.filePath(QStringLiteral("new"))));
    QCOMPARE(readAll(blocker), QByteArray("in the way\n"));
    for (const QList<QVariant> &args : std::as_const(progress))
        QVERIFY2(!args.at(0).toString().startsWith(QStringLiteral("ran ")),
                 qPrintable(args.at(0).toString()));
}

void TestIocPlanRunner::fileThatAppearedIsRefused()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QStringList paths{ tmp.filePath(QStringLiteral("a.conf")),
                             tmp.filePath(QStringLiteral("b.conf")) };
    IocPlanRunner runner(writePlan(paths), m_manager.get());
    // b.conf appears between planning and writing (while a.conf is being written).
    runner.setFileStepObserver([&paths](const QString &path) {
        if (path != paths.at(0))
            return;
        QFile file(paths.at(1));
        if (file.open(QIODevice::WriteOnly))
            file.write("someone else's\n");
    });
    QSignalSpy finished(&runner, &IocPlanRunner::finished);
    runner.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
    QCOMPARE(finished.at(0).at(0).toString(),
             QStringLiteral("%1 appeared meanwhile; nothing was written.").arg(paths.at(1)));
    QVERIFY(!QFile::exists(paths.at(0)));
    QCOMPARE(readAll(paths.at(1)), QByteArray("someone else's\n"));
}

void TestIocPlanRunner::runnerDeletedWhileWritingLetsTheWorkFinish()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QStringList paths{ tmp.filePath(QStringLiteral("a.conf")),
                             tmp.filePath(QStringLiteral("b.conf")) };
    auto *runner = new IocPlanRunner(writePlan(paths), m_manager.get());
    StepRecorder steps;
    runner->setFileStepObserver(steps.observer());
    QSignalSpy finished(runner, &IocPlanRunner::finished);
    runner->start();
    QTRY_VERIFY_WITH_TIMEOUT(steps.entered.load(), kTimeoutMs);
    delete runner;
    steps.release();
    // The work goes on to its end on its own thread; nobody is told, nothing crashes.
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(paths.at(1)), kTimeoutMs);
    QCOMPARE(readAll(paths.at(0)), "content of " + paths.at(0).toUtf8() + '\n');
}

void TestIocPlanRunner::invalidPlanFinishesWithItsErrors()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    IocPlan plan = writePlan({ tmp.filePath(QStringLiteral("a.conf")) });
    plan.errors << QStringLiteral("no such thing");
    IocPlanRunner runner(plan, m_manager.get());
    QSignalSpy finished(&runner, &IocPlanRunner::finished);
    runner.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kTimeoutMs);
    QCOMPARE(finished.at(0).at(0).toString(), QStringLiteral("no such thing"));
    QVERIFY(!QFile::exists(tmp.filePath(QStringLiteral("a.conf"))));
}

QTEST_GUILESS_MAIN(TestIocPlanRunner)
#include "tst_iocplanrunner.moc"
