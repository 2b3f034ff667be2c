// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// LogSession, the log follower of the GUI's log tab and of `iocctl logs`: real commands
// (sh, printf, GNU tail -F on a file the test rotates), no fakes.
#include "core/ioc/logsession.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestLogSession : public QObject
{
    Q_OBJECT
private slots:
    void linesAreWholeAndTheRestComesAtTheEnd();
    void bytesAsTheyArrive();
    void noticesComeFromStderr();
    void describeNotice_data();
    void describeNotice();
    void exitCodeAndCrash_data();
    void exitCodeAndCrash();
    void commandThatCannotRun();
    void emptyCommandStartsNothing();
    void stopKillsWithoutFinished();
    void followsARotatedFile();

private:
    static QString join(const QSignalSpy &spy)
    {
        QStringList parts;
        for (const QList<QVariant> &args : spy)
            parts << args.at(0).toString();
        return parts.join(QLatin1Char('\n'));
    }
};

void TestLogSession::linesAreWholeAndTheRestComesAtTheEnd()
{
    LogSession session;
    QSignalSpy lines(&session, &LogSession::linesReceived);
    QSignalSpy finished(&session, &LogSession::finished);
    // "ä" split across two writes must not be decoded in halves.
    QVERIFY(session.start({ QStringLiteral("sh"), QStringLiteral("-c"),
                            QStringLiteral("printf 'epics> dbl\\nmotor1:pos \\303'; sleep 0.2; "
                                           "printf '\\244\\nnot terminated'") }));
    QVERIFY(session.isRunning());
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(join(lines), QStringLiteral("epics> dbl\nmotor1:pos ä\nnot terminated"));
    QCOMPARE(session.ending(), LogSession::Ending::Exited);
    QCOMPARE(session.exitCode(), 0);
    QCOMPARE(session.endMessage(), QStringLiteral("sh finished."));
    QVERIFY(!session.isRunning());
}

void TestLogSession::bytesAsTheyArrive()
{
    LogSession session;
    session.setDelivery(LogSession::Delivery::Bytes);
    QSignalSpy lines(&session, &LogSession::linesReceived);
    QSignalSpy finished(&session, &LogSession::finished);
    QByteArray data;
    connect(&session, &LogSession::dataReceived, this,
            [&data](const QByteArray &bytes) { data += bytes; });
    QVERIFY(session.start(
            { QStringLiteral("printf"), QStringLiteral("a\\033]0;title\\007\\r\\nb") }));
    QVERIFY(finished.wait(20000));
    QCOMPARE(data, QByteArray("a\x1b]0;title\x07\r\nb")); // every byte, unchanged
    QCOMPARE(lines.count(), 0);
}

void TestLogSession::noticesComeFromStderr()
{
    LogSession session;
    QSignalSpy lines(&session, &LogSession::linesReceived);
    QSignalSpy notices(&session, &LogSession::noticeReceived);
    QSignalSpy finished(&session, &LogSession::finished);
    QVERIFY(session.start({ QStringLiteral("sh"), QStringLiteral("-c"),
                            QStringLiteral("echo log line; echo \"tail: '/x/ioc.log' has been "
                                           "replaced;  following new file\" >&2; echo >&2; "
                                           "printf 'last words' >&2") }));
    QVERIFY(finished.wait(20000));
    QCOMPARE(join(lines), QStringLiteral("log line"));
    QCOMPARE(notices.count(), 2); // an empty line is no notice
    QCOMPARE(notices.at(0).at(0).toString(),
             QStringLiteral("tail: '/x/ioc.log' has been replaced;  following new file"));
    QCOMPARE(notices.at(1).at(0).toString(), QStringLiteral("last words"));
}

void TestLogSession::describeNotice_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("description");
    QTest::newRow("replaced") << QStringLiteral(
            "tail: '/var/log/procServ/a.log' has been replaced;  following new file")
                              << QStringLiteral("The log file /var/log/procServ/a.log was "
                                                "replaced (rotated); following the new file.");
    QTest::newRow("gone") << QStringLiteral("tail: '/l/a.log' has become inaccessible: No such "
                                            "file or directory")
                          << QStringLiteral("The log file /l/a.log is gone (deleted or moved "
                                            "away); waiting for it to appear again.");
    QTest::newRow("cannot open") << QStringLiteral("tail: cannot open '/l/a.log' for reading: No "
                                                   "such file or directory")
                                 << QStringLiteral("The log file /l/a.log is gone (deleted or "
                                                   "moved away); waiting for it to appear again.");
    QTest::newRow("appeared") << QStringLiteral("/usr/bin/tail: '/l/a.log' has appeared;  "
                                                "following new file")
                              << QStringLiteral("The log file /l/a.log appeared again; "
                                                "following it.");
    QTest::newRow("truncated") << QStringLiteral("tail: /l/a.log: file truncated")
                               << QStringLiteral("The log file /l/a.log was truncated; "
                                                 "following it from its start.");
    QTest::newRow("other") << QStringLiteral("ssh: connect to host x port 22: Connection refused")
                           << QStringLiteral("ssh: connect to host x port 22: Connection refused");
}

void TestLogSession::describeNotice()
{
    QFETCH(QString, line);
    QFETCH(QString, description);
    QCOMPARE(LogSession::describeNotice(line), description);
}

void TestLogSession::exitCodeAndCrash_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("ending");
    QTest::addColumn<QString>("message");
    QTest::newRow("exit 1") << QStringLiteral("exit 1") << int(LogSession::Ending::Exited)
                            << QStringLiteral("sh exited with code 1.");
    QTest::newRow("killed") << QStringLiteral("kill -KILL $$") << int(LogSession::Ending::Crashed)
                            << QStringLiteral("sh crashed.");
}

void TestLogSession::exitCodeAndCrash()
{
    QFETCH(QString, script);
    QFETCH(int, ending);
    QFETCH(QString, message);
    LogSession session;
    QSignalSpy finished(&session, &LogSession::finished);
    QVERIFY(session.start({ QStringLiteral("sh"), QStringLiteral("-c"), script }));
    QVERIFY(finished.wait(20000));
    QCOMPARE(int(session.ending()), ending);
    QCOMPARE(session.endMessage(), message);
}

void TestLogSession::commandThatCannotRun()
{
    LogSession session;
    QSignalSpy finished(&session, &LogSession::finished);
    QVERIFY(session.start({ QStringLiteral("/nonexistent/journalctl") }));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
    QCOMPARE(session.ending(), LogSession::Ending::FailedToStart);
    QVERIFY(!session.errorString().isEmpty());
    QVERIFY2(session.endMessage().startsWith(
                     QStringLiteral("Could not run /nonexistent/journalctl: ")),
             qPrintable(session.endMessage()));
    QVERIFY(!session.isRunning());
    // No second finished() from the same failure.
    QTest::qWait(200);
    QCOMPARE(finished.count(), 1);
}

void TestLogSession::emptyCommandStartsNothing()
{
    LogSession session;
    QSignalSpy finished(&session, &LogSession::finished);
    QVERIFY(!session.start({}));
    QVERIFY(!session.isRunning());
    QCOMPARE(finished.count(), 0);
}

void TestLogSession::stopKillsWithoutFinished()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pidFile = dir.filePath(QStringLiteral("pid"));
    auto *session = new LogSession;
    QSignalSpy finished(session, &LogSession::finished);
    QSignalSpy lines(session, &LogSession::linesReceived);
    QVERIFY(session->start(
            { QStringLiteral("sh"), QStringLiteral("-c"),
              QStringLiteral("echo $$ > '%1'; echo started; exec sleep 600").arg(pidFile) }));
    QVERIFY(lines.wait(20000));
    QFile file(pidFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray pid = file.readAll().trimmed();
    QVERIFY(!pid.isEmpty());
    const QString proc = QStringLiteral("/proc/%1").arg(QString::fromLatin1(pid));
    QVERIFY(QFile::exists(proc));

    // Restarting stops the first command: no finished() for it.
    QVERIFY(session->start({ QStringLiteral("sleep"), QStringLiteral("600") }));
    QVERIFY(session->isRunning());
    delete session; // kills, does not wait
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(proc), 20000); // killed and reaped
    QCOMPARE(finished.count(), 0);
}

void TestLogSession::followsARotatedFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString log = dir.filePath(QStringLiteral("ioc.log"));
    auto write = [](const QString &path, const QByteArray &data, QIODevice::OpenMode mode) {
        QFile f(path);
        return f.open(mode) && f.write(data) == data.size();
    };
    QVERIFY(write(log, "first\n", QIODevice::WriteOnly));

    LogSession session;
    QStringList all;
    QStringList notices;
    connect(&session, &LogSession::linesReceived, this,
            [&all](const QString &text) { all << text.split(QLatin1Char('\n')); });
    connect(&session, &LogSession::noticeReceived, this,
            [&notices](const QString &line) { notices << LogSession::describeNotice(line); });
    // What iocLogCommand() runs for a procServ log file.
    QVERIFY(session.start({ QStringLiteral("env"), QStringLiteral("LC_ALL=C"),
                            QStringLiteral("tail"), QStringLiteral("-n"), QStringLiteral("+1"),
                            QStringLiteral("-F"), QStringLiteral("--"), log }));
    QTRY_VERIFY_WITH_TIMEOUT(all.contains(QStringLiteral("first")), 20000);

    // logrotate's create style: rename, then a new file.
    QVERIFY(QFile::rename(log, log + QStringLiteral(".1")));
    QVERIFY(write(log, "after rotation\n", QIODevice::WriteOnly));
    QTRY_VERIFY2_WITH_TIMEOUT(all.contains(QStringLiteral("after rotation")),
                              qPrintable(all.join(QLatin1Char('|'))), 20000);
    QTRY_VERIFY2_WITH_TIMEOUT(!notices.isEmpty(), "no notice about the new file", 20000);
    const QString said = notices.join(QLatin1Char('|'));
    QVERIFY2(said.contains(QStringLiteral("was replaced (rotated)"))
                     || said.contains(QStringLiteral("appeared again")),
             qPrintable(said));
    QVERIFY(session.isRunning());
    session.stop();
    QVERIFY(!session.isRunning());
}

QTEST_GUILESS_MAIN(TestLogSession)
#include "tst_logsession.moc"
