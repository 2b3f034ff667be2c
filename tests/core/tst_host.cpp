// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// Host without a connection: spec parsing, the ssh command lines it builds, and how it reads
// ssh's error messages (the texts are OpenSSH 9.2's, as seen against the tests' real sshd).
#include "core/hosts/host.h"
#include "core/ioc/iocaccess.h"
#include "core/procserv/consolesession.h"

#include <QProcess>
#include <QTest>

#include <climits>
#include <memory>

class TestHost : public QObject
{
    Q_OBJECT

private slots:
    void init() { qputenv("IOCDOCK_SSH_OPTIONS", "-F /dev/null"); }

    void parseSshSpec_data();
    void parseSshSpec();
    void invalidSpecs_data();
    void invalidSpecs();
    void shellQuote_data();
    void shellQuote();
    void shellJoinIsReadBackByAShell();
    void classifySshError_data();
    void classifySshError();
    void sshArgumentsShareOneMasterAndVerifyHostKeys();
    void userOptionsComeFirst();
    void busAddressRunsTheBridgeOfTheRightManager();
    void remoteLogCommandIsQuotedForTheRemoteShell();
    void remoteTcpConsoleUsesSshW();
    void remoteUnixConsoleForwardsASocket();
    void stateTexts();
    void parseUtcOffset_data();
    void parseUtcOffset();
};

void TestHost::parseSshSpec_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<bool>("userManager");
    QTest::addColumn<QString>("destination");

    QTest::newRow("host") << "ioc1"
                          << ""
                          << "ioc1" << 0 << false << "ioc1";
    QTest::newRow("user@host") << "epics@ioc1.example.org"
                               << "epics"
                               << "ioc1.example.org" << 0 << false << "epics@ioc1.example.org";
    QTest::newRow("port") << "ioc1:2222"
                          << ""
                          << "ioc1" << 2222 << false << "ioc1";
    QTest::newRow("user manager") << "me@127.0.0.1:40000/user"
                                  << "me"
                                  << "127.0.0.1" << 40000 << true << "me@127.0.0.1";
    QTest::newRow("ipv6 bracketed") << "root@[::1]:22"
                                    << "root"
                                    << "::1" << 22 << false << "root@::1";
    QTest::newRow("ipv6 bare") << "fe80::1"
                               << ""
                               << "fe80::1" << 0 << false << "fe80::1";
    QTest::newRow("spaces trimmed") << "  ioc1  "
                                    << ""
                                    << "ioc1" << 0 << false << "ioc1";
}

void TestHost::parseSshSpec()
{
    QFETCH(QString, spec);
    Host::SshTarget target;
    QString error;
    QVERIFY2(Host::parseSshSpec(spec, &target, &error), qPrintable(error));
    QTEST(target.user, "user");
    QTEST(target.host, "host");
    QTEST(target.port, "port");
    QTEST(target.userManager, "userManager");
    QTEST(target.destination(), "destination");
    QVERIFY(Host::isValidSpec(spec));
    std::unique_ptr<Host> host(Host::fromSpec(spec));
    QVERIFY(host);
    QCOMPARE(host->kind(), Host::Kind::Ssh);
    QVERIFY(!host->isLocal());
    QCOMPARE(host->id(), spec.trimmed());
    QCOMPARE(host->spec(), spec.trimmed());
}

void TestHost::invalidSpecs_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty") << ""
                           << "The host is empty.";
    QTest::newRow("option injection") << "-oProxyCommand=x"
                                      << "is not a valid host name";
    QTest::newRow("space") << "ioc 1"
                           << "is not a valid host name";
    QTest::newRow("port zero") << "ioc1:0"
                               << "is not a valid port";
    QTest::newRow("port word") << "ioc1:ssh"
                               << "is not a valid port";
    QTest::newRow("port too big") << "ioc1:70000"
                                  << "is not a valid port";
    QTest::newRow("empty port") << "ioc1:"
                                << "is not a valid port";
    QTest::newRow("bad user") << "-x@ioc1"
                              << "is not a valid user name";
    QTest::newRow("empty host") << "me@"
                                << "The host name is empty.";
    QTest::newRow("unclosed bracket") << "[::1:22"
                                      << "missing";
    QTest::newRow("bus without address") << "bus:"
                                         << "bus address is missing";
}

void TestHost::invalidSpecs()
{
    QFETCH(QString, spec);
    QFETCH(QString, error);
    QString message;
    QVERIFY(!Host::isValidSpec(spec, &message));
    QVERIFY2(message.contains(error), qPrintable(message));
    QVERIFY(!Host::fromSpec(spec));
}

void TestHost::shellQuote_data()
{
    QTest::addColumn<QString>("arg");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << "/var/log/ioc.log"
                           << "/var/log/ioc.log";
    QTest::newRow("option") << "--user-unit=softioc-x.service"
                            << "--user-unit=softioc-x.service";
    QTest::newRow("empty") << ""
                           << "''";
    QTest::newRow("space") << "/var/log/my ioc.log"
                           << "'/var/log/my ioc.log'";
    QTest::newRow("dollar") << "$(reboot)"
                            << "'$(reboot)'";
    QTest::newRow("quote") << "it's"
                           << "'it'\\''s'";
    QTest::newRow("semicolon") << "a;b"
                               << "'a;b'";
}

void TestHost::shellQuote()
{
    QFETCH(QString, arg);
    QTEST(Host::shellQuote(arg), "quoted");
}

void TestHost::shellJoinIsReadBackByAShell()
{
    // A real sh splits the joined line back into the very arguments.
    const QStringList argv{ QStringLiteral("printf"),      QStringLiteral("[%s]\\n"),
                            QStringLiteral("plain"),       QString(),
                            QStringLiteral("two words"),   QStringLiteral("it's"),
                            QStringLiteral("$HOME;`x`|*"), QStringLiteral("new\nline") };
    QProcess sh;
    sh.start(QStringLiteral("sh"), { QStringLiteral("-c"), Host::shellJoin(argv) });
    QVERIFY(sh.waitForFinished(10000));
    QCOMPARE(sh.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(sh.readAllStandardOutput()),
             QStringLiteral("[plain]\n[]\n[two words]\n[it's]\n[$HOME;`x`|*]\n[new\nline]\n"));
    QCOMPARE(Host::shellJoin({}), QString());
}

void TestHost::classifySshError_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Host::Failure>("failure");
    QTest::newRow("refused") << "ssh: connect to host 127.0.0.1 port 34806: Connection refused"
                             << Host::Failure::Unreachable;
    QTest::newRow("silent")
            << "Connection timed out during banner exchange\r\nConnection to 127.0.0.1 port "
               "36247 timed out"
            << Host::Failure::Unreachable;
    QTest::newRow("dns") << "ssh: Could not resolve hostname nohost: Name or service not known"
                         << Host::Failure::Unreachable;
    QTest::newRow("auth") << "nobody@127.0.0.1: Permission denied (publickey)."
                          << Host::Failure::AuthenticationFailed;
    QTest::newRow("changed")
            << "@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\r\nHost key for "
               "[127.0.0.1]:47498 has changed and you have requested strict checking.\r\nHost "
               "key verification failed."
            << Host::Failure::HostKeyChanged;
    QTest::newRow("unknown") << "No ED25519 host key is known for [127.0.0.1]:4000 and you have "
                                "requested strict checking.\r\nHost key verification failed."
                             << Host::Failure::HostKeyUnknown;
    QTest::newRow("other") << "something else" << Host::Failure::Other;
}

void TestHost::classifySshError()
{
    QFETCH(QString, text);
    QTEST(Host::classifySshError(text), "failure");
}

void TestHost::sshArgumentsShareOneMasterAndVerifyHostKeys()
{
    std::unique_ptr<Host> host(Host::fromSpec(QStringLiteral("epics@ioc1:2222")));
    const QStringList args = host->sshArguments();
    const QString joined = args.join(QLatin1Char(' '));
    QVERIFY(joined.contains(QStringLiteral("-o BatchMode=yes")));
    QVERIFY(joined.contains(QStringLiteral("-o ControlMaster=auto")));
    QVERIFY(joined.contains(QStringLiteral("-o ControlPersist=60")));
    QVERIFY(joined.contains(QStringLiteral("-o ControlPath=") + Host::sshRuntimeDir()
                            + QStringLiteral("/%C")));
    QVERIFY(joined.contains(QStringLiteral("-p 2222")));
    // Never weakened: no option touches host key checking.
    QVERIFY(!joined.contains(QStringLiteral("StrictHostKeyChecking")));
    QVERIFY(!joined.contains(QStringLiteral("UserKnownHostsFile")));
    QCOMPARE(args.mid(args.size() - 2),
             (QStringList{ QStringLiteral("--"), QStringLiteral("epics@ioc1") }));
    host->setConnectTimeout(2500);
    QVERIFY(host->sshArguments().contains(QStringLiteral("ConnectTimeout=3")));
}

void TestHost::userOptionsComeFirst()
{
    // ssh takes the first value of each option: the user's must precede our defaults.
    qputenv("IOCDOCK_SSH_OPTIONS", "-F /tmp/cfg -o ConnectTimeout=99");
    std::unique_ptr<Host> host(Host::fromSpec(QStringLiteral("ioc1")));
    const QStringList args = host->sshArguments();
    QVERIFY(args.indexOf(QStringLiteral("ConnectTimeout=99"))
            < args.indexOf(QStringLiteral("BatchMode=yes")));
    QCOMPARE(args.at(args.indexOf(QStringLiteral("-F")) + 1), QStringLiteral("/tmp/cfg"));
}

void TestHost::busAddressRunsTheBridgeOfTheRightManager()
{
    std::unique_ptr<Host> system(Host::fromSpec(QStringLiteral("root@ioc1")));
    std::unique_ptr<Host> user(Host::fromSpec(QStringLiteral("me@ioc1/user")));
    const QString systemAddress = system->busAddress();
    const QString userAddress = user->busAddress();
    QVERIFY(systemAddress.startsWith(QStringLiteral("unixexec:path=ssh,argv0=ssh,argv1=-x,")));
    // '@' and '=' escaped as D-Bus address values must be.
    QVERIFY(systemAddress.contains(QStringLiteral("root%40ioc1")));
    QVERIFY(systemAddress.contains(QStringLiteral("systemd-stdio-bridge")));
    QVERIFY(!systemAddress.contains(QStringLiteral("bus-path")));
    QVERIFY(userAddress.contains(QStringLiteral("--bus-path%3dunix%3apath%3d")));
    QVERIFY(userAddress.contains(QStringLiteral("XDG_RUNTIME_DIR")));
    QVERIFY(!system->isUserManager());
    QVERIFY(user->isUserManager());
}

void TestHost::remoteLogCommandIsQuotedForTheRemoteShell()
{
    std::unique_ptr<Host> host(Host::fromSpec(QStringLiteral("ioc1")));
    Ioc ioc;
    ioc.unit = QStringLiteral("softioc-x.service");
    ioc.logFile = QStringLiteral("/var/log/my ioc's.log");
    const QStringList argv = iocLogCommand(*host, ioc, true, 50);
    QCOMPARE(argv.first(), QStringLiteral("ssh"));
    QCOMPARE(argv.at(argv.size() - 2), QStringLiteral("ioc1"));
    // One remote command string, run by sh whatever the login shell is.
    QCOMPARE(argv.last(),
             QStringLiteral("sh -c 'exec env LC_ALL=C tail -n 50 -F -- '\\''/var/log/my "
                            "ioc'\\''\\'\\'''\\''s.log'\\'''"));

    ioc.logFile.clear();
    const QStringList journal = iocLogCommand(*host, ioc, false, 10);
    QCOMPARE(journal.last(),
             QStringLiteral(
                     "sh -c 'exec journalctl --no-pager -o cat --unit=softioc-x.service -n 10'"));
}

void TestHost::remoteTcpConsoleUsesSshW()
{
    std::unique_ptr<Host> host(Host::fromSpec(QStringLiteral("me@ioc1:2222")));
    Ioc ioc;
    ioc.console.kind = ConsoleEndpoint::Kind::Tcp;
    ioc.console.host = QStringLiteral("0.0.0.0");
    ioc.console.port = 4051;
    std::unique_ptr<ConsoleSession> session(createIocConsole(*host, ioc, false, nullptr));
    const QStringList proxy = session->proxyCommand();
    QCOMPARE(proxy.first(), QStringLiteral("ssh"));
    QCOMPARE(proxy.at(proxy.indexOf(QStringLiteral("-W")) + 1), QStringLiteral("127.0.0.1:4051"));
    QCOMPARE(proxy.last(), QStringLiteral("me@ioc1"));
    QVERIFY(session->prepareCommand().isEmpty());
}

void TestHost::remoteUnixConsoleForwardsASocket()
{
    std::unique_ptr<Host> host(Host::fromSpec(QStringLiteral("me@ioc1")));
    Ioc ioc;
    ioc.console.kind = ConsoleEndpoint::Kind::Unix;
    ioc.console.path = QStringLiteral("/run/procserv-x/control");
    std::unique_ptr<ConsoleSession> a(createIocConsole(*host, ioc, false, nullptr));
    std::unique_ptr<ConsoleSession> b(createIocConsole(*host, ioc, true, nullptr));
    QCOMPARE(a->endpoint().kind, ConsoleEndpoint::Kind::Unix);
    QVERIFY(a->endpoint().path.startsWith(Host::sshRuntimeDir()));
    // Sessions to one remote socket share one forward (made once, cancelled when the last of
    // them goes): a connection of each to the local socket is a channel of its own, so
    // closing one never cuts another.
    QVERIFY(a->sharedPrepare());
    QCOMPARE(a->sharedPrepare(), b->sharedPrepare());
    QCOMPARE(a->endpoint().path, b->endpoint().path);
    QVERIFY(a->prepareCommand().isEmpty());
    const QString prepare = a->sharedPrepare()->prepareCommand().join(QLatin1Char(' '));
    QVERIFY(prepare.contains(QStringLiteral("-O forward -L ") + a->endpoint().path
                             + QStringLiteral(":/run/procserv-x/control")));
    QVERIFY(a->sharedPrepare()
                    ->cleanupCommand()
                    .join(QLatin1Char(' '))
                    .contains(QStringLiteral("-O cancel")));
    // Another remote socket has a forward of its own.
    Ioc other = ioc;
    other.console.path = QStringLiteral("/run/procserv-y/control");
    std::unique_ptr<ConsoleSession> c(createIocConsole(*host, other, false, nullptr));
    QVERIFY(c->sharedPrepare() != a->sharedPrepare());
    QVERIFY(c->endpoint().path != a->endpoint().path);
    // Once nobody holds it, the next session gets a new forward (the old one is cancelled).
    const QString oldPath = a->endpoint().path;
    a.reset();
    b.reset();
    std::unique_ptr<ConsoleSession> d(createIocConsole(*host, ioc, false, nullptr));
    QVERIFY(d->endpoint().path != oldPath);
}

void TestHost::stateTexts()
{
    std::unique_ptr<Host> host(Host::fromSpec(QStringLiteral("ioc1")));
    QCOMPARE(host->state(), Host::State::Disconnected);
    QCOMPARE(host->stateText(), QStringLiteral("disconnected"));
    QCOMPARE(host->failure(), Host::Failure::None);
    QVERIFY(!host->autoReconnect());
    QVERIFY(!host->isRetrying());
}

void TestHost::parseUtcOffset_data()
{
    // `date +%z` as an SSH host's login prints it; anything else is not an offset.
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("seconds"); // INT_MIN: none
    QTest::newRow("UTC") << QByteArray("+0000\n") << 0;
    QTest::newRow("CET") << QByteArray("+0100") << 3600;
    QTest::newRow("Newfoundland") << QByteArray("-0330\n") << -(3 * 3600 + 30 * 60);
    QTest::newRow("Kiribati") << QByteArray("+1400") << 14 * 3600;
    QTest::newRow("empty") << QByteArray() << INT_MIN;
    QTest::newRow("no sign") << QByteArray("0100") << INT_MIN;
    QTest::newRow("short") << QByteArray("+01") << INT_MIN;
    QTest::newRow("minutes") << QByteArray("+0175") << INT_MIN;
    QTest::newRow("words") << QByteArray("date: invalid option") << INT_MIN;
}

void TestHost::parseUtcOffset()
{
    QFETCH(QByteArray, text);
    QFETCH(int, seconds);
    const std::optional<int> offset = Host::parseUtcOffset(text);
    QCOMPARE(offset.has_value(), seconds != INT_MIN);
    if (offset)
        QCOMPARE(*offset, seconds);
}

QTEST_GUILESS_MAIN(TestHost)
#include "tst_host.moc"
