// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// SharedPrepare and PrepareBatch with real processes (sh): one command answers every waiter;
// prepares asked together run as one batch command; a failed batch of several lets each run
// its own command; what asks while a batch runs goes into the next one; a prepare released
// while its batch runs is undone (its cleanup runs) once the batch ends; what is let go of
// together is undone together.
#include "core/procserv/consolesession.h"

#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cerrno>
#include <csignal>

class TestSharedPrepare : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void oneCommandAnswersEveryWaiter();
    void askedTogetherRunAsOneBatch();
    void failedBatchLetsEachFindOut();
    void askedWhileRunningGoesInTheNext();
    void releasedWhileInBatchIsUndone();
    void cleanupsLetGoTogetherRunOnce();
    void batchGoneWhileRunningAnswersEveryWaiter();
    void cleanupsAtTheEndGoWithTheBatch();

private:
    QString file(const QString &name) const { return m_dir->filePath(name); }
    QStringList lines(const QString &name) const;
    // A batch command that appends its keys to keys.log, one line per run; with @p gate it
    // first waits until that file exists.
    std::function<QStringList(const QStringList &)> batchCommand(const QString &gate = {},
                                                                 bool fail = false) const;
    static constexpr int s_wait = 10000;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSharedPrepare::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QStringList TestSharedPrepare::lines(const QString &name) const
{
    QFile f(file(name));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

std::function<QStringList(const QStringList &)> TestSharedPrepare::batchCommand(const QString &gate,
                                                                                bool fail) const
{
    const QString log = file(QStringLiteral("keys.log"));
    return [log, gate, fail](const QStringList &keys) {
        QString script;
        if (!gate.isEmpty())
            script += QStringLiteral("while [ ! -e '%1' ]; do sleep 0.05; done; ").arg(gate);
        script += QStringLiteral("echo \"$*\" >> '%1'; ").arg(log);
        script += fail ? QStringLiteral("echo 'batch refused' >&2; exit 1")
                       : QStringLiteral("exit 0");
        return QStringList{ QStringLiteral("sh"), QStringLiteral("-c"), script,
                            QStringLiteral("sh") }
        + keys;
    };
}

void TestSharedPrepare::oneCommandAnswersEveryWaiter()
{
    const QString log = file(QStringLiteral("own.log"));
    auto prepare = SharedPrepare::make({ QStringLiteral("sh"), QStringLiteral("-c"),
                                         QStringLiteral("echo run >> '%1'").arg(log) },
                                       {});
    int answered = 0;
    for (int i = 0; i < 3; ++i) {
        prepare->ensure(this, [&answered](const QString &error, int) {
            QVERIFY2(error.isEmpty(), qPrintable(error));
            ++answered;
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(answered, 3, s_wait);
    QCOMPARE(prepare->runs(), 1);
    QCOMPARE(lines(QStringLiteral("own.log")).size(), 1);
    QVERIFY(prepare->isPrepared());
    // Prepared: answered at once, nothing runs again.
    bool atOnce = false;
    prepare->ensure(this, [&atOnce](const QString &, int) { atOnce = true; });
    QVERIFY(atOnce);
    QCOMPARE(prepare->runs(), 1);
}

void TestSharedPrepare::askedTogetherRunAsOneBatch()
{
    PrepareBatch batch(batchCommand());
    QList<std::shared_ptr<SharedPrepare>> prepares;
    int answered = 0;
    for (int i = 0; i < 4; ++i) {
        // Its own command would fail: only the batch may answer.
        auto prepare = SharedPrepare::make({ QStringLiteral("false") }, {});
        prepare->setBatch(&batch, QStringLiteral("k%1").arg(i));
        prepare->ensure(this, [&answered](const QString &error, int) {
            QVERIFY2(error.isEmpty(), qPrintable(error));
            ++answered;
        });
        prepares << prepare;
    }
    QTRY_COMPARE_WITH_TIMEOUT(answered, 4, s_wait);
    QCOMPARE(batch.runs(), 1);
    QCOMPARE(lines(QStringLiteral("keys.log")), QStringList{ QStringLiteral("k0 k1 k2 k3") });
    for (const auto &prepare : std::as_const(prepares)) {
        QVERIFY(prepare->isPrepared());
        QCOMPARE(prepare->runs(), 0);
    }
}

void TestSharedPrepare::failedBatchLetsEachFindOut()
{
    PrepareBatch batch(batchCommand({}, true));
    auto good = SharedPrepare::make({ QStringLiteral("true") }, {});
    auto bad = SharedPrepare::make({ QStringLiteral("sh"), QStringLiteral("-c"),
                                     QStringLiteral("echo 'no such socket' >&2; exit 1") },
                                   {});
    good->setBatch(&batch, QStringLiteral("good"));
    bad->setBatch(&batch, QStringLiteral("bad"));
    QString goodError = QStringLiteral("unanswered");
    QString badError;
    good->ensure(this, [&goodError](const QString &error, int) { goodError = error; });
    bad->ensure(this, [&badError](const QString &error, int) { badError = error; });
    QTRY_VERIFY_WITH_TIMEOUT(goodError.isEmpty() && !badError.isEmpty(), s_wait);
    QCOMPARE(badError, QStringLiteral("no such socket"));
    QCOMPARE(batch.runs(), 1);
    QCOMPARE(good->runs(), 1);
    QCOMPARE(bad->runs(), 1);
    QVERIFY(good->isPrepared());
    QVERIFY(!bad->isPrepared());

    // Alone in a failed batch: the batch's answer is its own, nothing runs again.
    auto single = SharedPrepare::make({ QStringLiteral("true") }, {});
    single->setBatch(&batch, QStringLiteral("single"));
    QString singleError;
    single->ensure(this, [&singleError](const QString &error, int) { singleError = error; });
    QTRY_VERIFY_WITH_TIMEOUT(!singleError.isEmpty(), s_wait);
    QCOMPARE(singleError, QStringLiteral("batch refused"));
    QCOMPARE(single->runs(), 0);
}

void TestSharedPrepare::askedWhileRunningGoesInTheNext()
{
    const QString gate = file(QStringLiteral("gate"));
    PrepareBatch batch(batchCommand(gate));
    auto first = SharedPrepare::make({ QStringLiteral("false") }, {});
    first->setBatch(&batch, QStringLiteral("first"));
    bool firstDone = false;
    first->ensure(this, [&firstDone](const QString &, int) { firstDone = true; });
    QTRY_COMPARE_WITH_TIMEOUT(batch.runs(), 1, s_wait); // started, held at the gate
    QList<std::shared_ptr<SharedPrepare>> later;
    int laterDone = 0;
    for (int i = 0; i < 3; ++i) {
        auto prepare = SharedPrepare::make({ QStringLiteral("false") }, {});
        prepare->setBatch(&batch, QStringLiteral("later%1").arg(i));
        prepare->ensure(this, [&laterDone](const QString &error, int) {
            QVERIFY2(error.isEmpty(), qPrintable(error));
            ++laterDone;
        });
        later << prepare;
    }
    QVERIFY(!firstDone);
    QCOMPARE(batch.runs(), 1); // nothing more runs while one does
    QFile(gate).open(QIODevice::WriteOnly);
    QTRY_VERIFY_WITH_TIMEOUT(firstDone && laterDone == 3, s_wait);
    QCOMPARE(batch.runs(), 2);
    QCOMPARE(lines(QStringLiteral("keys.log")),
             (QStringList{ QStringLiteral("first"), QStringLiteral("later0 later1 later2") }));
}

void TestSharedPrepare::releasedWhileInBatchIsUndone()
{
    const QString gate = file(QStringLiteral("gate"));
    const QString undone = file(QStringLiteral("undone"));
    PrepareBatch batch(batchCommand(gate));
    auto prepare = SharedPrepare::make({ QStringLiteral("false") },
                                       { QStringLiteral("sh"), QStringLiteral("-c"),
                                         QStringLiteral("touch '%1'").arg(undone) });
    QPointer<SharedPrepare> watch(prepare.get());
    prepare->setBatch(&batch, QStringLiteral("gone"));
    bool called = false;
    prepare->ensure(this, [&called](const QString &, int) { called = true; });
    QTRY_COMPARE_WITH_TIMEOUT(batch.runs(), 1, s_wait);
    // The last holder lets go while the batch still runs, from the event loop (as a console
    // tab closes; with no loop running the program is ending and it is undone at once).
    QEventLoop loop;
    QTimer::singleShot(0, &loop, [&] {
        prepare.reset();
        loop.quit();
    });
    loop.exec();
    QVERIFY(watch); // kept until the batch says what it made
    QFile(gate).open(QIODevice::WriteOnly);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(undone), s_wait);
    QTRY_VERIFY_WITH_TIMEOUT(!watch, s_wait);
    QVERIFY(!called); // nobody waits any more
}

void TestSharedPrepare::batchGoneWhileRunningAnswersEveryWaiter()
{
    // The host is removed while its forward command runs: its batch goes with it. Whoever
    // waited hears so, the command is stopped, and a later ensure() runs its own command.
    const QString pidFile = file(QStringLiteral("batch.pid"));
    auto batch = std::make_unique<PrepareBatch>([pidFile](const QStringList &keys) {
        return QStringList{ QStringLiteral("sh"), QStringLiteral("-c"),
                            QStringLiteral("echo $$ > '%1'; exec sleep 60").arg(pidFile),
                            QStringLiteral("sh") }
        + keys;
    });
    const QString own = file(QStringLiteral("own.log"));
    QList<std::shared_ptr<SharedPrepare>> prepares;
    QStringList errors;
    for (int i = 0; i < 3; ++i) {
        auto prepare = SharedPrepare::make({ QStringLiteral("sh"), QStringLiteral("-c"),
                                             QStringLiteral("echo own%1 >> '%2'").arg(i).arg(own) },
                                           {});
        prepare->setBatch(batch.get(), QStringLiteral("k%1").arg(i));
        prepare->ensure(this, [&errors](const QString &error, int) { errors << error; });
        prepares << prepare;
        if (i == 1) // two in the running batch, the third queued for the next
            QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(pidFile).size() > 0, s_wait);
    }
    QVERIFY(errors.isEmpty());
    batch.reset();
    QCOMPARE(errors.size(), 3);
    for (const QString &error : std::as_const(errors))
        QCOMPARE(error, QStringLiteral("The connection to the host was closed."));
    for (const auto &prepare : std::as_const(prepares)) {
        QVERIFY(!prepare->isPrepared());
        QCOMPARE(prepare->runs(), 0);
    }
    // The batch's command was stopped and reaped, not left behind.
    const QStringList pid = lines(QStringLiteral("batch.pid"));
    QCOMPARE(pid.size(), 1);
    QVERIFY(pid.first().toInt() > 0);
    QVERIFY2(::kill(pid.first().toInt(), 0) != 0 && errno == ESRCH, qPrintable(pid.first()));
    // Without a batch, the next ensure() runs the prepare's own command.
    QString again = QStringLiteral("unanswered");
    prepares.first()->ensure(this, [&again](const QString &error, int) { again = error; });
    QTRY_VERIFY_WITH_TIMEOUT(again.isEmpty(), s_wait);
    QCOMPARE(prepares.first()->runs(), 1);
    QCOMPARE(lines(QStringLiteral("own.log")), QStringList{ QStringLiteral("own0") });
}

void TestSharedPrepare::cleanupsLetGoTogetherRunOnce()
{
    // Each prepared one's own cleanup would write its own line; the batch's writes one line.
    const QString log = file(QStringLiteral("cleanup.log"));
    PrepareBatch batch(batchCommand(), [log](const QStringList &keys) {
        return QStringList{ QStringLiteral("sh"), QStringLiteral("-c"),
                            QStringLiteral("echo \"$*\" >> '%1'").arg(log), QStringLiteral("sh") }
        + keys;
    });
    QList<std::shared_ptr<SharedPrepare>> prepares;
    int answered = 0;
    for (int i = 0; i < 3; ++i) {
        auto prepare =
                SharedPrepare::make({ QStringLiteral("false") },
                                    { QStringLiteral("sh"), QStringLiteral("-c"),
                                      QStringLiteral("echo own%1 >> '%2'").arg(i).arg(log) });
        prepare->setBatch(&batch, QStringLiteral("k%1").arg(i));
        prepare->ensure(this, [&answered](const QString &, int) { ++answered; });
        prepares << prepare;
    }
    QTRY_COMPARE_WITH_TIMEOUT(answered, 3, s_wait);
    // All let go in one pass of the event loop (an exec on many IOCs ending).
    QEventLoop loop;
    QTimer::singleShot(0, &loop, [&] {
        prepares.clear();
        loop.quit();
    });
    loop.exec();
    QTRY_COMPARE_WITH_TIMEOUT(lines(QStringLiteral("cleanup.log")).size(), 1, s_wait);
    QStringList keys = lines(QStringLiteral("cleanup.log")).constFirst().split(QLatin1Char(' '));
    keys.sort(); // in the order they were let go of
    QCOMPARE(keys,
             (QStringList{ QStringLiteral("k0"), QStringLiteral("k1"), QStringLiteral("k2") }));
    QCOMPARE(batch.cleanupRuns(), 1);
}

void TestSharedPrepare::cleanupsAtTheEndGoWithTheBatch()
{
    // With no event loop running (the program ending: a window closed on many remote IOCs),
    // the cleanups let go of wait for their batch to go (its host's transport), then run as
    // one command per 100, never one each.
    const QString log = file(QStringLiteral("cleanup.log"));
    auto batch = std::make_unique<PrepareBatch>(batchCommand(), [log](const QStringList &keys) {
        return QStringList{ QStringLiteral("sh"), QStringLiteral("-c"),
                            QStringLiteral("echo \"$#\" >> '%1'").arg(log), QStringLiteral("sh") }
        + keys;
    });
    QList<std::shared_ptr<SharedPrepare>> prepares;
    int answered = 0;
    const int count = 150;
    for (int i = 0; i < count; ++i) {
        auto prepare = SharedPrepare::make({ QStringLiteral("false") },
                                           { QStringLiteral("sh"), QStringLiteral("-c"),
                                             QStringLiteral("echo own >> '%1'").arg(log) });
        prepare->setBatch(batch.get(), QStringLiteral("k%1").arg(i));
        prepare->ensure(this, [&answered](const QString &, int) { ++answered; });
        prepares << prepare;
    }
    QTRY_COMPARE_WITH_TIMEOUT(answered, count, s_wait);
    QCOMPARE(batch->runs(), 2); // 100, then 50
    prepares.clear(); // here no event loop runs
    QCOMPARE(batch->cleanupRuns(), 1); // the first 100 at once: a command is full
    batch.reset();
    QTRY_COMPARE_WITH_TIMEOUT(lines(QStringLiteral("cleanup.log")).size(), 2, s_wait);
    QStringList counts = lines(QStringLiteral("cleanup.log"));
    counts.sort();
    QCOMPARE(counts, (QStringList{ QStringLiteral("100"), QStringLiteral("50") }));
}

QTEST_GUILESS_MAIN(TestSharedPrepare)
#include "tst_sharedprepare.moc"
