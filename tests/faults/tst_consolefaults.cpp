// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// Faults on a console, for ConsoleSession and the real `iocctl attach`: procServ or the IOC
// killed with SIGKILL while attached, two clients typing into one console, and an IOC that
// prints binary garbage, a 1 MiB line and escape sequences meant for the user's terminal.
// Real systemd (the sandbox) restarts procServ; real procServ restarts iocsim. Each test
// checks what the user sees, that the console recovers, and that nothing but what the test
// typed reached the IOC (iocsim --input-log) and systemd restarted only what was killed.
#include "core/procserv/consolesession.h"
#include "faultsupport.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class TestConsoleFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sessionRecoversFromProcServKill();
    void sessionKeepsWorkingThroughChildKill();
    void attachRecoversFromProcServKill();
    void attachKeepsWorkingThroughChildKill();
    void twoSessionsTypeIntoOneConsole();
    void attachFiltersGarbageOnTerminal();
    void attachReadOnlyToFilePassesEveryByte();

private:
    /// A read-write session on @p ioc collecting what it receives into @p sink; connected
    /// and past procServ's banner when it returns without a test failure.
    static std::unique_ptr<ConsoleSession> connectSession(const FaultIoc &ioc, QByteArray *sink);
    /// iocctl attach on a pseudo terminal, attached when it returns without a test failure.
    static void startAttach(PtyProcess &pty, const FaultIoc &ioc, const QStringList &options = {},
                            const QString &stdoutFile = {});
    static QString iocctl() { return Sandbox::binPath(QStringLiteral("iocctl")); }
    /// Whether @p received holds the reply of iocsim's `echo WORD`, not just the pty's echo of
    /// the command line: WORD somewhere not right after "echo ". The IOC writes its reply in one
    /// write(), which the tty passes on whole up to its line end; with two clients typing, the
    /// echo of the other's input may land between the reply and its "\r\n", so the line end
    /// is not required.
    static bool hasReply(const QByteArray &received, const QByteArray &word)
    {
        for (qsizetype at = received.indexOf(word); at >= 0; at = received.indexOf(word, at + 1)) {
            if (at < 5 || received.mid(at - 5, 5) != "echo ")
                return true;
        }
        return false;
    }

    Sandbox m_sandbox;
};

void TestConsoleFaults::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    QVERIFY2(QFileInfo(iocctl()).isExecutable(), qPrintable(iocctl()));
    QVERIFY2(QFileInfo(QStringLiteral("/usr/bin/procServ")).isExecutable(),
             "procServ is not installed (Debian package procserv)");
}

std::unique_ptr<ConsoleSession> TestConsoleFaults::connectSession(const FaultIoc &ioc,
                                                                  QByteArray *sink)
{
    auto session = std::make_unique<ConsoleSession>();
    session->setEndpoint(ioc.endpoint());
    QObject::connect(session.get(), &ConsoleSession::dataReceived, session.get(),
                     [sink](const QByteArray &data) { sink->append(data); });
    QSignalSpy banner(session.get(), &ConsoleSession::bannerReceived);
    session->open();
    [&] { QVERIFY(banner.wait(10000)); }();
    return session;
}

void TestConsoleFaults::startAttach(PtyProcess &pty, const FaultIoc &ioc,
                                    const QStringList &options, const QString &stdoutFile)
{
    QVERIFY(pty.isValid());
    pty.start(iocctl(),
              QStringList{ QStringLiteral("--user"), QStringLiteral("attach") } + options
                      + QStringList{ ioc.name() },
              stdoutFile);
    QVERIFY2(pty.process().waitForStarted(10000), qPrintable(pty.process().errorString()));
    QTRY_VERIFY2_WITH_TIMEOUT(
            pty.errors().contains(QByteArray("Attached to " + ioc.name().toUtf8())),
            pty.errors().constData(), 20000);
}

void TestConsoleFaults::sessionRecoversFromProcServKill()
{
    FaultIoc ioc(m_sandbox, QStringLiteral("tstconfaults-spk"));
    QVERIFY(ioc.start());
    QByteArray received;
    std::unique_ptr<ConsoleSession> session;
    CHECKED(session = connectSession(ioc, &received));
    QVERIFY(session->send("echo before-kill\r"));
    QTRY_VERIFY_WITH_TIMEOUT(hasReply(received, "before-kill"), 10000);

    const qint64 procServ = ioc.mainPid();
    const int restarts = ioc.restarts();
    QCOMPARE(qint64(session->tracker().serverPid()), procServ);
    QList<ConsoleSession::State> states;
    connect(session.get(), &ConsoleSession::stateChanged, this,
            [&states](ConsoleSession::State s) { states << s; });
    QSignalSpy errors(session.get(), &ConsoleSession::errorOccurred);
    QSignalSpy reconnected(session.get(), &ConsoleSession::reconnected);
    QSignalSpy banner(session.get(), &ConsoleSession::bannerReceived);
    QCOMPARE(::kill(pid_t(procServ), SIGKILL), 0);

    // The user is told, the session says it is reconnecting, and it comes back by itself once
    // systemd has restarted procServ.
    QTRY_VERIFY_WITH_TIMEOUT(states.contains(ConsoleSession::State::Reconnecting), 10000);
    QVERIFY(!errors.isEmpty());
    QVERIFY2(errors.first().at(0).toString().contains(QLatin1String("closed the connection")),
             qPrintable(errors.first().at(0).toString()));
    QTRY_COMPARE_WITH_TIMEOUT(reconnected.size(), 1, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(banner.size(), 1, 10000); // the new procServ's
    QTRY_COMPARE_WITH_TIMEOUT(session->tracker().childState(), ChildState::Running, 10000);
    QCOMPARE(session->state(), ConsoleSession::State::Connected);
    QTRY_VERIFY_WITH_TIMEOUT(ioc.mainPid() > 0 && ioc.mainPid() != procServ, 10000);
    QCOMPARE(ioc.restarts(), restarts + 1); // systemd's one restart, nothing of ours
    QCOMPARE(qint64(session->tracker().serverPid()), ioc.mainPid());

    QVERIFY(session->send("echo after-kill\r"));
    QTRY_VERIFY_WITH_TIMEOUT(hasReply(received, "after-kill"), 10000);
    QCOMPARE(ioc.input(), QByteArray("echo before-kill\necho after-kill\n"));
    session->close();
}

void TestConsoleFaults::sessionKeepsWorkingThroughChildKill()
{
    FaultIoc ioc(m_sandbox, QStringLiteral("tstconfaults-sck"));
    QVERIFY(ioc.start());
    QByteArray received;
    std::unique_ptr<ConsoleSession> session;
    CHECKED(session = connectSession(ioc, &received));
    QTRY_VERIFY_WITH_TIMEOUT(session->tracker().childPid() > 0, 10000);
    const quint32 child = session->tracker().childPid();
    const qint64 procServ = ioc.mainPid();
    const int restarts = ioc.restarts();
    QSignalSpy states(session.get(), &ConsoleSession::stateChanged);
    QList<ChildState> childStates;
    connect(session.get(), &ConsoleSession::childStateChanged, this,
            [&] { childStates << session->tracker().childState(); });

    received.clear();
    QCOMPARE(::kill(pid_t(child), SIGKILL), 0);
    // procServ reports the death and the restart on the console; the connection stays.
    QTRY_VERIFY_WITH_TIMEOUT(
            session->tracker().childPid() != 0 && session->tracker().childPid() != child, 15000);
    QVERIFY2(received.contains("@@@ Received a sigChild for process "), received.constData());
    QVERIFY2(received.contains("The process was killed by signal 9"), received.constData());
    QVERIFY2(received.contains("@@@ Restarting child \"tstconfaults-sck\""), received.constData());
    QVERIFY(childStates.contains(ChildState::ShutDown));
    QCOMPARE(session->tracker().childState(), ChildState::Running);
    QVERIFY2(states.isEmpty(), "the connection to procServ must not change");
    QCOMPARE(session->state(), ConsoleSession::State::Connected);

    QTRY_VERIFY_WITH_TIMEOUT(received.contains("epics> "), 10000); // the new IOC booted
    QVERIFY(session->send("echo after-child-kill\r"));
    QTRY_VERIFY_WITH_TIMEOUT(hasReply(received, "after-child-kill"), 10000);
    // procServ itself was not touched.
    QCOMPARE(ioc.mainPid(), procServ);
    QCOMPARE(ioc.restarts(), restarts);
    QCOMPARE(ioc.input(), QByteArray("echo after-child-kill\n"));
}

void TestConsoleFaults::attachRecoversFromProcServKill()
{
    FaultIoc ioc(m_sandbox, QStringLiteral("tstconfaults-apk"));
    QVERIFY(ioc.start());
    PtyProcess pty;
    CHECKED(startAttach(pty, ioc));
    QVERIFY(pty.type("echo attach-before\r"));
    QTRY_VERIFY_WITH_TIMEOUT(hasReply(pty.output(), "attach-before"), 10000);

    const qint64 procServ = ioc.mainPid();
    const int restarts = ioc.restarts();
    pty.clearOutput();
    QCOMPARE(::kill(pid_t(procServ), SIGKILL), 0);
    // iocctl says the connection is gone and that it reconnects, then that it is back; the
    // new procServ's banner follows on the terminal.
    QTRY_VERIFY2_WITH_TIMEOUT(pty.errors().contains("reconnecting"), pty.errors().constData(),
                              10000);
    QTRY_VERIFY2_WITH_TIMEOUT(pty.errors().contains("Reconnected to tstconfaults-apk"),
                              pty.errors().constData(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(pty.output().contains("@@@ Welcome to procServ"), 10000);
    QVERIFY(pty.isRunning());
    QCOMPARE(ioc.restarts(), restarts + 1);

    // procServ drops input while its child is not running: type once the new procServ says
    // its child runs (in its banner, or later when it starts it). Not its prompt: iocctl may
    // reconnect after the new IOC printed it, and procServ replays nothing.
    const QRegularExpression childRuns(
            QStringLiteral("Child \"tstconfaults-apk\" PID: \\d+|The PID of new child "
                           "\"tstconfaults-apk\" is: \\d+"));
    QTRY_VERIFY2_WITH_TIMEOUT(childRuns.match(QString::fromLatin1(pty.output())).hasMatch(),
                              pty.output().constData(), 20000);
    QVERIFY(pty.type("echo attach-after\r"));
    QTRY_VERIFY2_WITH_TIMEOUT(hasReply(pty.output(), "attach-after"),
                              QByteArray(pty.output().right(300) + "\n--- log:\n"
                                         + ioc.log().right(300) + "\n--- stderr:\n" + pty.errors())
                                      .constData(),
                              10000);
    QVERIFY(pty.type("\x1d")); // Ctrl-] detaches
    QVERIFY(pty.process().waitForFinished(10000));
    QCOMPARE(pty.process().exitCode(), 0);
    QCOMPARE(ioc.input(), QByteArray("echo attach-before\necho attach-after\n"));
}

void TestConsoleFaults::attachKeepsWorkingThroughChildKill()
{
    FaultIoc ioc(m_sandbox, QStringLiteral("tstconfaults-ack"));
    QVERIFY(ioc.start());
    PtyProcess pty;
    CHECKED(startAttach(pty, ioc));
    const QRegularExpression childPid(QStringLiteral("Child \"tstconfaults-ack\" PID: (\\d+)"));
    QTRY_VERIFY_WITH_TIMEOUT(childPid.match(QString::fromLatin1(pty.output())).hasMatch(), 10000);
    const qint64 child = childPid.match(QString::fromLatin1(pty.output())).captured(1).toLongLong();
    const qint64 procServ = ioc.mainPid();
    const int restarts = ioc.restarts();

    QCOMPARE(::kill(pid_t(child), SIGKILL), 0);
    QTRY_VERIFY2_WITH_TIMEOUT(pty.output().contains("@@@ Restarting child \"tstconfaults-ack\""),
                              pty.output().constData(), 15000);
    QVERIFY2(pty.output().contains("The process was killed by signal 9"), pty.output().constData());
    QTRY_VERIFY_WITH_TIMEOUT(pty.output().contains("The PID of new child"), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(
            pty.output().indexOf("epics> ", pty.output().indexOf("The PID of new child")) > 0,
            10000);
    QVERIFY(pty.isRunning());
    QVERIFY2(!pty.errors().contains("reconnecting"), pty.errors().constData());

    QVERIFY(pty.type("echo attach-after-child\r"));
    QTRY_VERIFY_WITH_TIMEOUT(hasReply(pty.output(), "attach-after-child"), 10000);
    QVERIFY(pty.type("\x1d"));
    QVERIFY(pty.process().waitForFinished(10000));
    QCOMPARE(pty.process().exitCode(), 0);
    QCOMPARE(ioc.mainPid(), procServ);
    QCOMPARE(ioc.restarts(), restarts);
    QCOMPARE(ioc.input(), QByteArray("echo attach-after-child\n"));
}

void TestConsoleFaults::twoSessionsTypeIntoOneConsole()
{
    FaultIoc ioc(m_sandbox, QStringLiteral("tstconfaults-two"));
    QVERIFY(ioc.start());
    QByteArray receivedA;
    QByteArray receivedB;
    std::unique_ptr<ConsoleSession> a;
    std::unique_ptr<ConsoleSession> b;
    CHECKED(a = connectSession(ioc, &receivedA));
    CHECKED(b = connectSession(ioc, &receivedB));
    QTRY_VERIFY_WITH_TIMEOUT(a->tracker().childPid() > 0, 10000);
    const quint32 child = a->tracker().childPid();
    const qint64 procServ = ioc.mainPid();
    const int restarts = ioc.restarts();

    // Both type whole lines, alternating without waiting for replies.
    const int lines = 40;
    QByteArray expectedA;
    QByteArray expectedB;
    for (int i = 0; i < lines; ++i) {
        const QByteArray wordA = "client-a-" + QByteArray::number(i) + '-' + QByteArray(80, 'a');
        const QByteArray wordB = "client-b-" + QByteArray::number(i) + '-' + QByteArray(80, 'b');
        QVERIFY(a->send("echo " + wordA + '\r'));
        QVERIFY(b->send("echo " + wordB + '\r'));
        expectedA += "echo " + wordA + '\n';
        expectedB += "echo " + wordB + '\n';
        if (i % 8 == 7)
            QTest::qWait(20); // let the event loop carry some of it out
    }
    const QByteArray lastA =
            "client-a-" + QByteArray::number(lines - 1) + '-' + QByteArray(80, 'a');
    const QByteArray lastB =
            "client-b-" + QByteArray::number(lines - 1) + '-' + QByteArray(80, 'b');
    // Each sees the replies to both.
    QTRY_VERIFY2_WITH_TIMEOUT(hasReply(receivedA, lastA) && hasReply(receivedA, lastB),
                              receivedA.right(600).toPercentEncoding(" \r\n>-").constData(), 15000);
    QTRY_VERIFY2_WITH_TIMEOUT(hasReply(receivedB, lastA) && hasReply(receivedB, lastB),
                              receivedB.right(600).toPercentEncoding(" \r\n>-").constData(), 15000);

    // Every line reached the IOC whole, each client's in its order, and nothing else.
    const QList<QByteArray> input = ioc.input().split('\n');
    QCOMPARE(input.size(), 2 * lines + 1);
    QByteArray gotA;
    QByteArray gotB;
    for (const QByteArray &line : input) {
        if (line.startsWith("echo client-a-"))
            gotA += line + '\n';
        else if (line.startsWith("echo client-b-"))
            gotB += line + '\n';
        else
            QVERIFY2(line.isEmpty(), line.constData());
    }
    QCOMPARE(gotA, expectedA);
    QCOMPARE(gotB, expectedB);

    // One detaches; the other keeps working and the IOC is untouched.
    const QByteArray inputBefore = ioc.input();
    b->close();
    QCOMPARE(b->state(), ConsoleSession::State::Disconnected);
    QVERIFY(a->send("echo a-alone\r"));
    QTRY_VERIFY_WITH_TIMEOUT(hasReply(receivedA, "a-alone"), 10000);
    QCOMPARE(a->state(), ConsoleSession::State::Connected);
    QCOMPARE(a->tracker().childPid(), child);
    QCOMPARE(ioc.mainPid(), procServ);
    QCOMPARE(ioc.restarts(), restarts);
    QCOMPARE(ioc.input(), inputBefore + "echo a-alone\n");
}

void TestConsoleFaults::attachFiltersGarbageOnTerminal()
{
    FaultIoc ioc(m_sandbox, QStringLiteral("tstconfaults-garb"),
                 { QStringLiteral("--flood"), QStringLiteral("50") });
    QVERIFY(ioc.start());
    PtyProcess pty;
    CHECKED(startAttach(pty, ioc));
    QTRY_VERIFY_WITH_TIMEOUT(pty.output().contains("flood line"), 10000);

    QVERIFY(pty.type("allbytes\r"));
    QTRY_VERIFY_WITH_TIMEOUT(pty.output().contains("allbytes done"), 10000);
    QVERIFY(pty.type("hugeline 1048576\r"));
    QTRY_VERIFY_WITH_TIMEOUT(pty.output().contains("hugeline done"), 20000);
    QVERIFY(pty.type("escapes\r"));
    QTRY_VERIFY_WITH_TIMEOUT(pty.output().contains("escapes: unterminated"), 10000);
    // An OSC that never ends must not swallow the rest of the console.
    QTRY_VERIFY2_WITH_TIMEOUT(pty.output().contains("escapes done"),
                              pty.output().right(400).toPercentEncoding().constData(), 10000);
    // The IOC keeps producing and the console keeps draining.
    static const QRegularExpression flood(QStringLiteral("flood line (\\d+)"));
    auto lastFlood = [&pty] {
        const QString text = QString::fromLatin1(pty.output().right(4096));
        qint64 last = -1;
        auto it = flood.globalMatch(text);
        while (it.hasNext())
            last = it.next().captured(1).toLongLong();
        return last;
    };
    const qint64 before = lastFlood();
    QVERIFY(before > 0);
    QTRY_VERIFY_WITH_TIMEOUT(lastFlood() > before + 20, 10000);

    const QByteArray shown = pty.output();
    for (const QByteArray &bad :
         { QByteArray("\x1b]"), QByteArray("\x1bP"), QByteArray("\x1b[c"), QByteArray("\x1b[>c"),
           QByteArray("\x1b[5n"), QByteArray("\x1b[6n"), QByteArray("\x1b[21t"),
           QByteArray("\x1b[14t"), QByteArray("\x1bZ"), QByteArray("\x05"),
           QByteArray("iocsim-title"), QByteArray("aW9jc2ltLWNsaXA="), QByteArray("never-ends"),
           QByteArray("\xc2\x9b"), QByteArray("\xc2\x9d"), QByteArray("\xc2\x90") }) {
        QVERIFY2(!shown.contains(bad), bad.toPercentEncoding().constData());
    }
    QVERIFY(shown.contains("visible"));
    QByteArray pattern;
    while (pattern.size() < 4096)
        pattern += "0123456789abcdef";
    QVERIFY(shown.contains(pattern)); // the huge line is shown (the writer may drop some)

    QVERIFY(pty.type("\x1d"));
    QVERIFY(pty.process().waitForFinished(10000));
    QCOMPARE(pty.process().exitCode(), 0);
    QCOMPARE(ioc.input(), QByteArray("allbytes\nhugeline 1048576\nescapes\n"));
}

void TestConsoleFaults::attachReadOnlyToFilePassesEveryByte()
{
    FaultIoc ioc(m_sandbox, QStringLiteral("tstconfaults-ro"));
    QVERIFY(ioc.start());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("transcript"));
    PtyProcess pty;
    CHECKED(startAttach(pty, ioc, { QStringLiteral("--read-only") }, file));
    auto transcript = [&file] {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    QTRY_VERIFY_WITH_TIMEOUT(transcript().contains("procServ server PID"), 10000);

    // Another client makes the IOC print the faults.
    QByteArray typist;
    std::unique_ptr<ConsoleSession> session;
    CHECKED(session = connectSession(ioc, &typist));
    QVERIFY(session->send("allbytes\rhugeline 1048576\rescapes\r"));
    QTRY_VERIFY_WITH_TIMEOUT(transcript().contains("escapes done"), 20000);
    QVERIFY(pty.type("\x1d"));
    QVERIFY(pty.process().waitForFinished(10000));
    QCOMPARE(pty.process().exitCode(), 0);

    // procServ's pty turns \n into \r\n; every other byte arrives as the IOC printed it.
    QByteArray all;
    for (int b = 0; b < 256; ++b)
        all += b == '\n' ? QByteArray("\r\n") : QByteArray(1, char(b));
    QByteArray huge;
    while (huge.size() < 1048576)
        huge += "0123456789abcdef";
    const QByteArray escapes =
            "escapes: \x1b]0;iocsim-title\x07\x1b]2;iocsim-title2\x1b\\"
            "\x1b]52;c;aW9jc2ltLWNsaXA=\x07\x1bP$qm\x1b\\\x1b[c\x1b[>c\x1b[5n\x1b[6n"
            "\x1b[21t\x1b[14t\x1bZ\x05 visible\r\n"
            "escapes: unterminated \x1b]0;never-ends\r\n"
            "escapes done\r\n";
    const QByteArray text = transcript();
    QVERIFY2(text.contains(QByteArray(all + "\r\nallbytes done\r\n")),
             "the 256 byte values are not intact");
    QVERIFY2(text.contains(QByteArray(huge + "\r\nhugeline done\r\n")),
             "the 1 MiB line is not intact");
    QVERIFY2(text.contains(escapes), "the escape sequences are not intact");
    QCOMPARE(ioc.input(), QByteArray("allbytes\nhugeline 1048576\nescapes\n"));
}

QTEST_GUILESS_MAIN(TestConsoleFaults)
#include "tst_consolefaults.moc"
