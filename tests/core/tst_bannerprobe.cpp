// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/procserv/bannerprobe.h"
#include "procservrunner.h"

#include <QSignalSpy>
#include <QTest>

#include <csignal>

/// BannerProbe against the real procServ 2.7 running tools/iocsim.
class TestBannerProbe : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void running_data();
    void running();
    void shutDownChild();
    void missingSocket();
    void silentServerTimesOut();
    void writesNothing();

private:
    static ProcServStateTracker result(const QSignalSpy &spy, QString *error)
    {
        *error = spy.first().at(1).toString();
        return spy.first().at(0).value<ProcServStateTracker>();
    }

    QTemporaryDir *m_dir = nullptr;
    ProcServRunner *m_procServ = nullptr;
};

void TestBannerProbe::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_procServ = new ProcServRunner(m_dir->path());
}

void TestBannerProbe::cleanup()
{
    delete m_procServ;
    m_procServ = nullptr;
    delete m_dir;
    m_dir = nullptr;
}

void TestBannerProbe::running_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("unix control") << QStringLiteral("unix");
    QTest::newRow("abstract control") << QStringLiteral("abstract");
    QTest::newRow("tcp control") << QStringLiteral("tcp");
    QTest::newRow("log port") << QStringLiteral("log");
}

void TestBannerProbe::running()
{
    QFETCH(QString, kind);
    QVERIFY2(m_procServ->start(), qPrintable(m_procServ->error()));
    const ConsoleEndpoint endpoint = kind == QLatin1String("unix") ? m_procServ->unixEndpoint()
            : kind == QLatin1String("abstract")                    ? m_procServ->abstractEndpoint()
            : kind == QLatin1String("tcp")                         ? m_procServ->tcpEndpoint()
                                                                   : m_procServ->logEndpoint();
    BannerProbe probe;
    QSignalSpy finished(&probe, &BannerProbe::finished);
    QElapsedTimer timer;
    timer.start();
    probe.probe(endpoint);
    QVERIFY(probe.isRunning());
    QVERIFY(finished.wait(5000));
    QVERIFY2(timer.elapsed() < 2000, "the banner end marker, not the timeout, ended the probe");
    QCOMPARE(finished.size(), 1);
    QVERIFY(!probe.isRunning());
    QString error;
    const ProcServStateTracker state = result(finished, &error);
    QCOMPARE(error, QString());
    QCOMPARE(state.childState(), ChildState::Running);
    QVERIFY(state.childPid() > 0);
    QCOMPARE(qint64(state.serverPid()), m_procServ->pid());
    QCOMPARE(state.childName(), QStringLiteral("simioc"));
    QVERIFY(state.bannerComplete());
    // Only control clients are told the auto-restart mode and the procServ version.
    QCOMPARE(state.autoRestart(),
             kind == QLatin1String("log") ? AutoRestart::Unknown : AutoRestart::On);
    QCOMPARE(state.procServVersion().isEmpty(), kind == QLatin1String("log"));
    QTest::qWait(200);
    QCOMPARE(finished.size(), 1); // exactly once
}

void TestBannerProbe::shutDownChild()
{
    // -w: procServ starts with the child shut down, waiting for ^R.
    QVERIFY2(m_procServ->start({ QStringLiteral("--wait") }), qPrintable(m_procServ->error()));
    BannerProbe probe;
    QSignalSpy finished(&probe, &BannerProbe::finished);
    probe.probe(m_procServ->unixEndpoint());
    QVERIFY(finished.wait(5000));
    QString error;
    const ProcServStateTracker state = result(finished, &error);
    QCOMPARE(error, QString());
    QCOMPARE(state.childState(), ChildState::ShutDown);
    QCOMPARE(state.childPid(), 0u);
    // The probe did not start it.
    QTest::qWait(1500);
    QVERIFY(!m_procServ->logContents().contains("Restarting child"));
}

void TestBannerProbe::missingSocket()
{
    BannerProbe probe;
    QSignalSpy finished(&probe, &BannerProbe::finished);
    probe.probe(ConsoleEndpoint::fromString(QStringLiteral("unix:/nonexistent-iocdock/control")));
    QVERIFY(finished.wait(5000));
    QString error;
    const ProcServStateTracker state = result(finished, &error);
    QCOMPARE(error,
             QStringLiteral("No procServ console at /nonexistent-iocdock/control — is the "
                            "IOC's procServ running?"));
    QCOMPARE(state.childState(), ChildState::Unknown);
    QTest::qWait(1500); // no retries, no second signal
    QCOMPARE(finished.size(), 1);
}

void TestBannerProbe::silentServerTimesOut()
{
    // A stopped procServ still accepts (the kernel completes the connection) but says nothing.
    QVERIFY2(m_procServ->start(), qPrintable(m_procServ->error()));
    QCOMPARE(::kill(pid_t(m_procServ->pid()), SIGSTOP), 0);
    BannerProbe probe;
    probe.setTimeout(1000);
    QSignalSpy finished(&probe, &BannerProbe::finished);
    probe.probe(m_procServ->unixEndpoint());
    QVERIFY(finished.wait(5000));
    ::kill(pid_t(m_procServ->pid()), SIGCONT);
    QString error;
    result(finished, &error);
    QVERIFY2(error.startsWith(QLatin1String("No procServ banner from unix:")), qPrintable(error));
}

void TestBannerProbe::writesNothing()
{
    QVERIFY2(m_procServ->start(), qPrintable(m_procServ->error()));
    ByteTap tap(m_dir->path() + QStringLiteral("/tap"), m_procServ->controlPath());
    QVERIFY(tap.isListening());
    BannerProbe probe;
    QSignalSpy finished(&probe, &BannerProbe::finished);
    probe.probe(ConsoleEndpoint::fromString(QStringLiteral("unix:") + tap.path()));
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.first().at(1).toString(), QString());
    QTRY_COMPARE(tap.closed(), 1);
    QCOMPARE(tap.connections(), 1);
    QCOMPARE(tap.written(), QByteArray());
}

QTEST_GUILESS_MAIN(TestBannerProbe)
#include "tst_bannerprobe.moc"
