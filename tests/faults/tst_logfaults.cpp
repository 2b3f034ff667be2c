// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// Fault: procServ's log file is rotated (renamed, then procServ reopens it on SIGHUP as
// logrotate's postrotate does) or deleted while `iocctl logs -f` follows it. The real
// iocctl binary, procServ under the sandbox's systemd, iocsim as the IOC.
#include "core/procserv/consolesession.h"
#include "faultsupport.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>

class TestLogFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void logsFollowsRotationAndDeletion();

private:
    Sandbox m_sandbox;
};

void TestLogFaults::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    QVERIFY(QFileInfo(Sandbox::binPath(QStringLiteral("iocctl"))).isExecutable());
}

void TestLogFaults::logsFollowsRotationAndDeletion()
{
    FaultIoc ioc(m_sandbox, QStringLiteral("tstlogfaults-rot"));
    QVERIFY(ioc.start());
    const QString logFile = ioc.ioc().logFile;
    ConsoleSession session;
    session.setEndpoint(ioc.endpoint());
    QSignalSpy banner(&session, &ConsoleSession::bannerReceived);
    session.open();
    QVERIFY(banner.wait(10000));

    QProcess logs;
    logs.start(
            Sandbox::binPath(QStringLiteral("iocctl")),
            { QStringLiteral("--user"), QStringLiteral("logs"), QStringLiteral("-f"), ioc.name() });
    QVERIFY(logs.waitForStarted(10000));
    QByteArray out;
    QByteArray err;
    connect(&logs, &QProcess::readyReadStandardOutput, this,
            [&] { out += logs.readAllStandardOutput(); });
    connect(&logs, &QProcess::readyReadStandardError, this,
            [&] { err += logs.readAllStandardError(); });
    QTRY_VERIFY_WITH_TIMEOUT(out.contains("epics> "), 15000);
    const qint64 procServ = ioc.mainPid();
    const int restarts = ioc.restarts();

    // logrotate's create style: rename, then procServ reopens its log on SIGHUP. (A failed
    // earlier run may have left the old file behind; rename() does not replace it.)
    QFile::remove(logFile + QStringLiteral(".1"));
    QVERIFY(QFile::rename(logFile, logFile + QStringLiteral(".1")));
    QCOMPARE(::kill(pid_t(procServ), SIGHUP), 0);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(logFile), 10000);
    QVERIFY(session.send("echo after-rotate\r"));
    QTRY_VERIFY2_WITH_TIMEOUT(out.contains("\nafter-rotate"), err.constData(), 15000);
    QVERIFY2(err.contains("has been replaced") || err.contains("has appeared"), err.constData());

    // Deleted: tail says so on stderr and keeps waiting; it comes back with the new file.
    QVERIFY(QFile::remove(logFile));
    QTRY_VERIFY2_WITH_TIMEOUT(err.contains("has become inaccessible"), err.constData(), 15000);
    QCOMPARE(logs.state(), QProcess::Running);
    QCOMPARE(::kill(pid_t(procServ), SIGHUP), 0);
    // Until procServ has handled the signal it writes to the deleted file.
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(logFile), 10000);
    QVERIFY(session.send("echo after-delete\r"));
    QTRY_VERIFY2_WITH_TIMEOUT(out.contains("\nafter-delete"), err.constData(), 15000);
    QCOMPARE(logs.state(), QProcess::Running);

    logs.terminate();
    QVERIFY(logs.waitForFinished(10000));
    QFile::remove(logFile + QStringLiteral(".1"));
    // procServ and the IOC were not restarted; the IOC read only what was typed.
    QCOMPARE(ioc.mainPid(), procServ);
    QCOMPARE(ioc.restarts(), restarts);
    QCOMPARE(ioc.input(), QByteArray("echo after-rotate\necho after-delete\n"));
}

QTEST_GUILESS_MAIN(TestLogFaults)
#include "tst_logfaults.moc"
