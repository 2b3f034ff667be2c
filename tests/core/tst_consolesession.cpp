// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/procserv/consolesession.h"
#include "procservrunner.h"

#include <QSignalSpy>
#include <QTest>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

/// ConsoleSession against the real procServ 2.7 running tools/iocsim.
class TestConsoleSession : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void bannerReceived_data();
    void bannerReceived();
    void sendGetsReply();
    void sendDoublesFF();
    void readOnlyWritesNothing();
    void closeWritesNothing();
    void logPortIsReadOnlyBanner();
    void connectErrors_data();
    void connectErrors();
    void staleSocketIsRefused();
    void noAutoReconnectFails();
    void reconnectAfterProcServRestart();
    void childKillSeenByTracker();
    void floodIsDrained();
    void proxyCommand();
    void proxyCommandFailure();

private:
    QTemporaryDir *m_dir = nullptr;
    ProcServRunner *m_procServ = nullptr;
};

static void collect(ConsoleSession &session, QByteArray *sink)
{
    QObject::connect(&session, &ConsoleSession::dataReceived, &session,
                     [sink](const QByteArray &data) { sink->append(data); });
}

void TestConsoleSession::init()
{
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
    m_procServ = new ProcServRunner(m_dir->path());
}

void TestConsoleSession::cleanup()
{
    delete m_procServ;
    m_procServ = nullptr;
    delete m_dir;
    m_dir = nullptr;
}

void TestConsoleSession::bannerReceived_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("unix") << QStringLiteral("unix");
    QTest::newRow("abstract") << QStringLiteral("abstract");
    QTest::newRow("tcp") << QStringLiteral("tcp");
}

void TestConsoleSession::bannerReceived()
{
    QFETCH(QString, kind);
    QVERIFY2(m_procServ->start(), qPrintable(m_procServ->error()));

    ConsoleSession session;
    session.setEndpoint(kind == QLatin1String("unix")          ? m_procServ->unixEndpoint()
                                : kind == QLatin1String("tcp") ? m_procServ->tcpEndpoint()
                                                               : m_procServ->abstractEndpoint());
    QByteArray received;
    collect(session, &received);
    QSignalSpy states(&session, &ConsoleSession::stateChanged);
    QSignalSpy banner(&session, &ConsoleSession::bannerReceived);
    QSignalSpy child(&session, &ConsoleSession::childStateChanged);
    QSignalSpy errors(&session, &ConsoleSession::errorOccurred);
    session.open();
    QCOMPARE(session.state(), ConsoleSession::State::Connecting);
    QVERIFY(banner.wait(5000));
    QCOMPARE(session.state(), ConsoleSession::State::Connected);
    QVERIFY(states.size() >= 2);
    QCOMPARE(states.last().at(0).value<ConsoleSession::State>(), ConsoleSession::State::Connected);
    QVERIFY2(received.startsWith("@@@ Welcome to procServ (procServ Process Server"),
             received.constData());
    QVERIFY(!received.contains('\xff')); // telnet negotiation stripped
    QVERIFY(!child.isEmpty());
    QCOMPARE(session.tracker().childState(), ChildState::Running);
    QVERIFY(session.tracker().childPid() > 0);
    QCOMPARE(qint64(session.tracker().serverPid()), m_procServ->pid());
    QCOMPARE(session.tracker().childName(), QStringLiteral("simioc"));
    QCOMPARE(session.tracker().autoRestart(), AutoRestart::On);
    QVERIFY(session.tracker().bannerComplete());
    QVERIFY(errors.isEmpty());
}

void TestConsoleSession::sendGetsReply()
{
    QVERIFY2(m_procServ->start(), qPrintable(m_procServ->error()));
    ConsoleSession session;
    session.setEndpoint(m_procServ->unixEndpoint());
    QByteArray received;
    collect(session, &received);
    QSignalSpy banner(&session, &ConsoleSession::bannerReceived);
    session.open();
    QVERIFY(banner.wait(5000));
    received.clear();
    QVERIFY(session.send("dbl\r"));
    QTRY_VERIFY_WITH_TIMEOUT(received.contains("SIM:uptime"), 5000);
    // The pty's echo, then the reply. On a busy machine the tail of the IOC's boot output
    // may still arrive before the echo.
    const int echo = received.indexOf("dbl\r\n");
    QVERIFY2(echo >= 0, received.constData());
    QVERIFY2(received.indexOf("SIM:ai1", echo) > echo, received.constData());
}

void TestConsoleSession::sendDoublesFF()
{
    // A 0xFF the user sends must reach the child as one 0xFF (procServ un-doubles IAC IAC);
    // iocsim echoes unknown commands, and the pty echoes input.
    QVERIFY2(m_procServ->start(), qPrintable(m_procServ->error()));
    ConsoleSession session;
    session.setEndpoint(m_procServ->unixEndpoint());
    QByteArray received;
    collect(session, &received);
    QSignalSpy banner(&session, &ConsoleSession::bannerReceived);
    session.open();
    QVERIFY(banner.wait(5000));
    received.clear(); // the IOC already runs: its prompt came before we connected
    QVERIFY(session.send(QByteArray("echo a\xff"
                                    "b\r")));
    QTRY_VERIFY_WITH_TIMEOUT(received.contains("a\xff"
                                               "b"),
                             5000);
    QVERIFY(!received.contains("a\xff\xff"
                               "b"));
}

void TestConsoleSession::readOnlyWritesNothing()
{
    QVERIFY2(m_procServ->start(), qPrintable(m_procServ->error()));
    ByteTap tap(m_dir->path() + QStringLiteral("/tap"), m_procServ->controlPath());
    QVERIFY(tap.isListening());

    // The instrument works: a read-write session through the tap answers telnet.
    {
        ConsoleSession rw;
        rw.setEndpoint(ConsoleEndpoint::fromString(QStringLiteral("unix:") + tap.path()));
        QSignalSpy banner(&rw, &ConsoleSession::bannerReceived);
        rw.open();
        QVERIFY(banner.wait(5000));
        QTRY_COMPARE_WITH_TIMEOUT(tap.written().size(), 6, 3000);
        QVERIFY(tap.written().contains("\xff\xfd\x01")); // DO ECHO
        QVERIFY(tap.written().contains("\xff\xfc\x22")); // WONT LINEMODE
    }
    QTRY_COMPARE(tap.closed(), 1);
    const QByteArray before = tap.written();

    ConsoleSession session;
    session.setReadOnly(true);
    QVERIFY(session.isReadOnly());
    session.setEndpoint(ConsoleEndpoint::fromString(QStringLiteral("unix:") + tap.path()));
    QByteArray received;
    collect(session, &received);
    QSignalSpy banner(&session, &ConsoleSession::bannerReceived);
    QSignalSpy errors(&session, &ConsoleSession::errorOccurred);
    session.open();
    QVERIFY(banner.wait(5000));
    QCOMPARE(session.tracker().childState(), ChildState::Running);
    QVERIFY(!session.send("dbl\r"));
    QVERIFY(!session.send(QByteArray(1, '\x18'))); // ^X: would kill the IOC
    QCOMPARE(errors.size(), 2);
    QVERIFY2(errors.at(0).at(0).toString().contains(QLatin1String("read-only")),
             qPrintable(errors.at(0).at(0).toString()));
    // Nothing reached procServ: no reply, no input. The child did not see "dbl" either.
    QTest::qWait(500);
    session.close();
    QTRY_COMPARE(tap.closed(), 2);
    QCOMPARE(tap.written(), before);
    QCOMPARE(tap.connections(), 2);
    QVERIFY(!m_procServ->logContents().contains("dbl"));
    QVERIFY(!received.contains("dbl"));
}

void TestConsoleSession::closeWritesNothing()
{
    QVERIFY2(m_procServ->start(), qPrintable(m_procServ->error()));
    ByteTap tap(m_dir->path() + QStringLiteral("/tap"), m_procServ->controlPath());
    QVERIFY(tap.isListening());
    auto *session = new ConsoleSession;
    session->setEndpoint(ConsoleEndpoint::fromString(QStringLiteral("unix:") + tap.path()));
    QSignalSpy banner(session, &ConsoleSession::bannerReceived);
    session->open();
    QVERIFY(banner.wait(5000));
    // Both telnet replies are out once the banner and its negotiation have arrived.
    QTRY_COMPARE_WITH_TIMEOUT(tap.written().size(), 6, 3000);
    QVERIFY(session->send("dbl\r"));
    const QByteArray expected = tap.written() + "dbl\r";
    QTRY_COMPARE_WITH_TIMEOUT(tap.written(), expected, 3000);
    session->close();
    QCOMPARE(session->state(), ConsoleSession::State::Disconnected);
    QTRY_COMPARE(tap.closed(), 1);
    QCOMPARE(tap.written(), expected);

    // Destroying a connected session writes nothing either.
    session->open();
    QVERIFY(banner.wait(5000));
    QTRY_COMPARE(tap.written().size(), expected.size() + 6);
    const QByteArray all = tap.written();
    delete session;
    QTRY_COMPARE(tap.closed(), 2);
    QCOMPARE(tap.written(), all);
}

void TestConsoleSession::logPortIsReadOnlyBanner()
{
    QVERIFY2(m_procServ->start(), qPrintable(m_procServ->error()));
    ConsoleSession session;
    session.setReadOnly(true);
    session.setEndpoint(m_procServ->logEndpoint());
    QByteArray received;
    collect(session, &received);
    QSignalSpy banner(&session, &ConsoleSession::bannerReceived);
    session.open();
    QVERIFY(banner.wait(5000));
    QVERIFY(received.startsWith("@@@ procServ server PID: "));
    QCOMPARE(session.tracker().childState(), ChildState::Running);
    QCOMPARE(session.tracker().autoRestart(), AutoRestart::Unknown);
}

void TestConsoleSession::connectErrors_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing unix path")
            << QStringLiteral("unix:/nonexistent-iocdock/control")
            << QStringLiteral("No procServ console at /nonexistent-iocdock/control — is the IOC's "
                              "procServ running?");
    QTest::newRow("missing abstract")
            << QStringLiteral("unix:@iocdock-nobody-listens-here")
            << QStringLiteral("No procServ console at unix:@iocdock-nobody-listens-here — is the "
                              "IOC's procServ running?");
    const quint16 port = ProcServRunner::freeTcpPort();
    QTest::newRow("tcp refused") << QStringLiteral("tcp:127.0.0.1:%1").arg(port)
                                 << QStringLiteral(
                                            "Connection refused by procServ at tcp:127.0.0.1:%1 — "
                                            "is the IOC running?")
                                            .arg(port);
    QTest::newRow("parent not a directory")
            << QStringLiteral("unix:/etc/hostname/control")
            << QStringLiteral("No procServ console at /etc/hostname/control (a parent is not a "
                              "directory)");
}

void TestConsoleSession::connectErrors()
{
    QFETCH(QString, endpoint);
    QFETCH(QString, message);

    ConsoleSession session;
    session.setEndpoint(ConsoleEndpoint::fromString(endpoint));
    QSignalSpy errors(&session, &ConsoleSession::errorOccurred);
    session.open();
    QVERIFY(errors.wait(5000));
    QCOMPARE(errors.first().at(0).toString(), message);
    QCOMPARE(session.errorString(), message);
    // It keeps trying (the IOC may be starting) but reports the same failure only once.
    QCOMPARE(session.state(), ConsoleSession::State::Connecting);
    QTest::qWait(1800);
    QCOMPARE(errors.size(), 1);
    QVERIFY(!session.send("x"));
    session.close();
    QCOMPARE(session.state(), ConsoleSession::State::Disconnected);
}

void TestConsoleSession::staleSocketIsRefused()
{
    // A socket file left behind by a procServ that died without cleaning up.
    const QString path = m_dir->path() + QStringLiteral("/stale");
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    qstrncpy(addr.sun_path, QFile::encodeName(path).constData(), sizeof(addr.sun_path));
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)), 0);
    ::close(fd);
    QVERIFY(QFile::exists(path));

    ConsoleSession session;
    session.setEndpoint(ConsoleEndpoint::fromString(QStringLiteral("unix:") + path));
    QSignalSpy errors(&session, &ConsoleSession::errorOccurred);
    session.open();
    QVERIFY(errors.wait(5000));
    QCOMPARE(errors.first().at(0).toString(),
             QStringLiteral("Connection refused by procServ at unix:%1 — is the IOC running?")
                     .arg(path));
}

void TestConsoleSession::noAutoReconnectFails()
{
    ConsoleSession session;
    session.setAutoReconnect(false);
    session.setEndpoint(ConsoleEndpoint::fromString(QStringLiteral("unix:/nonexistent-iocdock/x")));
    QSignalSpy states(&session, &ConsoleSession::stateChanged);
    session.open();
    QTRY_COMPARE(session.state(), ConsoleSession::State::Failed);

    ConsoleSession none;
    QSignalSpy errors(&none, &ConsoleSession::errorOccurred);
    none.open();
    QCOMPARE(none.state(), ConsoleSession::State::Failed);
    QCOMPARE(errors.size(), 1);
}

void TestConsoleSession::reconnectAfterProcServRestart()
{
    QVERIFY2(m_procServ->start(), qPrintable(m_procServ->error()));
    const qint64 firstPid = m_procServ->pid();
    ConsoleSession session;
    session.setEndpoint(m_procServ->unixEndpoint());
    QSignalSpy banner(&session, &ConsoleSession::bannerReceived);
    QSignalSpy reconnected(&session, &ConsoleSession::reconnected);
    QSignalSpy errors(&session, &ConsoleSession::errorOccurred);
    session.open();
    QVERIFY(banner.wait(5000));
    QCOMPARE(qint64(session.tracker().serverPid()), firstPid);

    m_procServ->stop(); // SIGTERM: EOF, no message
    QTRY_COMPARE_WITH_TIMEOUT(session.state(), ConsoleSession::State::Reconnecting, 5000);
    QVERIFY(!errors.isEmpty());
    QVERIFY2(errors.first().at(0).toString().contains(QLatin1String("closed the connection")),
             qPrintable(errors.first().at(0).toString()));
    QVERIFY(reconnected.isEmpty());
    QTest::qWait(1500); // a few failed retries (the socket is gone)

    QVERIFY2(m_procServ->start(), qPrintable(m_procServ->error()));
    QTRY_COMPARE_WITH_TIMEOUT(reconnected.size(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(banner.size(), 2, 5000);
    QCOMPARE(session.state(), ConsoleSession::State::Connected);
    QCOMPARE(qint64(session.tracker().serverPid()), m_procServ->pid());
    QVERIFY(session.tracker().serverPid() != quint32(firstPid));
    // The banner may still say SHUT DOWN if we got in before procServ started its child;
    // the new-child message follows on the stream.
    QTRY_COMPARE_WITH_TIMEOUT(session.tracker().childState(), ChildState::Running, 5000);
}

void TestConsoleSession::childKillSeenByTracker()
{
    QVERIFY2(m_procServ->start(), qPrintable(m_procServ->error()));
    ConsoleSession session;
    session.setReadOnly(true); // learning the state needs no input
    session.setEndpoint(m_procServ->unixEndpoint());
    QSignalSpy banner(&session, &ConsoleSession::bannerReceived);
    QList<ChildState> states;
    QList<quint32> pids;
    connect(&session, &ConsoleSession::childStateChanged, this, [&] {
        states.append(session.tracker().childState());
        pids.append(session.tracker().childPid());
    });
    session.open();
    QVERIFY(banner.wait(5000));
    const quint32 oldPid = session.tracker().childPid();
    QVERIFY(oldPid > 0);
    QTest::qWait(1100); // procServ's holdoff (1 s) counts from the previous start

    QCOMPARE(::kill(pid_t(oldPid), SIGKILL), 0);
    QTRY_VERIFY_WITH_TIMEOUT(
            session.tracker().childPid() != 0 && session.tracker().childPid() != oldPid, 10000);
    QCOMPARE(session.tracker().childState(), ChildState::Running);
    QVERIFY(states.contains(ChildState::ShutDown));
    QVERIFY(pids.contains(0u));
    QCOMPARE(session.tracker().lastExitReason(),
             QStringLiteral("The process was killed by signal 9"));
}

void TestConsoleSession::floodIsDrained()
{
    // iocsim prints 20,000 lines of 100 bytes per second; the session must keep up (procServ
    // would otherwise block the IOC's output for up to 10 s per write).
    QVERIFY2(m_procServ->start({},
                               { QStringLiteral("--flood"), QStringLiteral("20000"),
                                 QStringLiteral("--flood-line-bytes"), QStringLiteral("100") }),
             qPrintable(m_procServ->error()));
    ConsoleSession session;
    session.setReadOnly(true);
    session.setEndpoint(m_procServ->unixEndpoint());
    QSignalSpy banner(&session, &ConsoleSession::bannerReceived);
    session.open();
    QVERIFY(banner.wait(5000));
    const qint64 logBefore = QFileInfo(m_procServ->logFile()).size();
    const qint64 receivedBefore = session.bytesReceived();
    QTest::qWait(3000);
    const qint64 received = session.bytesReceived() - receivedBefore;
    const qint64 logged = QFileInfo(m_procServ->logFile()).size() - logBefore;
    qInfo("received %lld bytes, procServ logged %lld bytes in 3 s", received, logged);
    // The machine is shared; procServ and the pty manage a few hundred KB/s at the least.
    QVERIFY2(received > 300000, qPrintable(QString::number(received)));
    // What procServ wrote to its log in that time reached us too (up to in-flight data).
    QVERIFY2(received > logged * 8 / 10,
             qPrintable(QStringLiteral("%1 of %2").arg(received).arg(logged)));
    QCOMPARE(session.state(), ConsoleSession::State::Connected);
}

void TestConsoleSession::proxyCommand()
{
    // The stream through a helper's stdin/stdout (socat here, ssh -W in production).
    QVERIFY2(m_procServ->start(), qPrintable(m_procServ->error()));
    ConsoleSession session;
    session.setProxyCommand({ QStringLiteral("socat"), QStringLiteral("-"),
                              QStringLiteral("UNIX-CONNECT:") + m_procServ->controlPath() });
    QByteArray received;
    collect(session, &received);
    QSignalSpy banner(&session, &ConsoleSession::bannerReceived);
    session.open();
    QVERIFY(banner.wait(5000));
    QCOMPARE(session.state(), ConsoleSession::State::Connected);
    QCOMPARE(session.tracker().childState(), ChildState::Running);
    QVERIFY(session.send("dbl\r"));
    QTRY_VERIFY_WITH_TIMEOUT(received.contains("SIM:uptime"), 5000);
    session.close();
    QCOMPARE(session.state(), ConsoleSession::State::Disconnected);
}

void TestConsoleSession::proxyCommandFailure()
{
    ConsoleSession session;
    session.setAutoReconnect(false);
    session.setProxyCommand({ QStringLiteral("socat"), QStringLiteral("-"),
                              QStringLiteral("UNIX-CONNECT:/nonexistent-iocdock/ctl") });
    QSignalSpy errors(&session, &ConsoleSession::errorOccurred);
    session.open();
    QVERIFY(errors.wait(5000));
    const QString message = errors.first().at(0).toString();
    QVERIFY2(message.contains(QLatin1String("No such file or directory")), qPrintable(message));
    QCOMPARE(session.state(), ConsoleSession::State::Failed);

    ConsoleSession missing;
    missing.setAutoReconnect(false);
    missing.setProxyCommand({ QStringLiteral("/nonexistent/ssh") });
    QSignalSpy errors2(&missing, &ConsoleSession::errorOccurred);
    missing.open();
    QVERIFY(errors2.wait(5000));
    QVERIFY2(errors2.first().at(0).toString().startsWith(
                     QLatin1String("Cannot start /nonexistent/ssh")),
             qPrintable(errors2.first().at(0).toString()));
}

QTEST_GUILESS_MAIN(TestConsoleSession)
#include "tst_consolesession.moc"
