// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/procserv/procservcommand.h"

#include <QTest>

/// Parsing of procServ command lines as they appear in the ExecStart of real units.
class TestProcServCommand : public QObject
{
    Q_OBJECT

private slots:
    void endpoints_data();
    void endpoints();
    void options_data();
    void options();
    void launcher_data();
    void launcher();
    void nameOf_data();
    void nameOf();
    void errors_data();
    void errors();
    void endpointSpec_data();
    void endpointSpec();
    void commandByte_data();
    void commandByte();
    void ignoreChars();
};

static QStringList words(const char *line)
{
    return QString::fromUtf8(line).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

static QStringList endpointStrings(const QList<ConsoleEndpoint> &endpoints)
{
    QStringList out;
    for (const ConsoleEndpoint &ep : endpoints)
        out.append(ep.toString());
    return out;
}

void TestProcServCommand::endpoints_data()
{
    QTest::addColumn<QStringList>("argv");
    QTest::addColumn<bool>("isProcServ");
    QTest::addColumn<QStringList>("controls");
    QTest::addColumn<QString>("log");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("child");

    // procServUtils launch.py (the launcher's exec line).
    QTest::newRow("procservutils launch.py")
            << words("/usr/bin/procServ --foreground --logfile - --name myioc --ignore ^D^C^] "
                     "--logoutcmd ^D --chdir /opt/ioc --info-file /run/procserv-myioc/info "
                     "--port unix:/run/procserv-myioc/control /opt/ioc/st.cmd")
            << true << QStringList{ QStringLiteral("unix:/run/procserv-myioc/control") }
            << QString() << QStringLiteral("myioc")
            << QStringList{ QStringLiteral("/opt/ioc/st.cmd") };
    // NSLS-II systemd-softioc library.sh: legacy positional port.
    QTest::newRow("nsls2 manage-iocs")
            << words("/usr/bin/procServ -f -q -c /epics/iocs/motor1 -i ^D^C^] -p "
                     "/var/run/softioc-motor1.pid -n motor1 --restrict -L "
                     "/var/log/softioc/motor1/motor1.log 4051 /epics/iocs/motor1/st.cmd")
            << true << QStringList{ QStringLiteral("tcp:127.0.0.1:4051") } << QString()
            << QStringLiteral("motor1")
            << QStringList{ QStringLiteral("/epics/iocs/motor1/st.cmd") };
    // FRIB (mark0n epics_softioc): a TCP port and a UNIX socket, long options with '='.
    QTest::newRow("frib puppet") << words(
            "/usr/bin/procServ --foreground --quiet --chdir=/usr/local/lib/iocapps/llrf "
            "--ignore=^C^D^] --coresize=0 --restrict "
            "--logfile=/var/log/softioc-llrf/procServ.log --name=llrf --port=4051 "
            "--port=unix:/run/softioc-llrf/procServ.sock /usr/local/lib/iocapps/llrf/st.cmd")
                                 << true
                                 << QStringList{ QStringLiteral("tcp:127.0.0.1:4051"),
                                                 QStringLiteral(
                                                         "unix:/run/softioc-llrf/procServ.sock") }
                                 << QString() << QStringLiteral("llrf")
                                 << QStringList{ QStringLiteral(
                                            "/usr/local/lib/iocapps/llrf/st.cmd") };
    // epics-ioc-runner after ${IOC_PORT}/${IOC_CMD} expansion; owner:group:perm:path.
    QTest::newRow("ioc-runner")
            << QStringList{ QStringLiteral("procServ"),
                            QStringLiteral("--foreground"),
                            QStringLiteral("--logfile=/var/log/procserv/vac.log"),
                            QStringLiteral("--name=vac"),
                            QStringLiteral("--ignore=^D^C^]"),
                            QStringLiteral("--autorestartcmd="),
                            QStringLiteral("--chdir=/opt/vac"),
                            QStringLiteral(
                                    "--port=unix:ioc-srv:ioc:0660:/run/procserv/vac/control"),
                            QStringLiteral("/opt/vac/bin/linux-x86_64/vac"),
                            QStringLiteral("/opt/vac/st.cmd") }
            << true << QStringList{ QStringLiteral("unix:/run/procserv/vac/control") } << QString()
            << QStringLiteral("vac")
            << QStringList{ QStringLiteral("/opt/vac/bin/linux-x86_64/vac"),
                            QStringLiteral("/opt/vac/st.cmd") };
    // ESS e3 training workbook ioc@.service with %i = "ts".
    QTest::newRow("e3") << words(
            "/usr/bin/procServ --foreground --name=ts --logfile=/var/log/procServ/ts/out.log "
            "--info-file=/var/run/procServ/ts/info --ignore=^C^D --logoutcmd=^Q "
            "--chdir=/var/run/procServ/ts --port=unix:/var/run/procServ/ts/control "
            "/epics/base-7.0.3/require/3.1.2/bin/iocsh.bash /opt/iocs/e3-ioc-ts/st.cmd")
                        << true
                        << QStringList{ QStringLiteral("unix:/var/run/procServ/ts/control") }
                        << QString() << QStringLiteral("ts")
                        << QStringList{ QStringLiteral(
                                                "/epics/base-7.0.3/require/3.1.2/bin/iocsh.bash"),
                                        QStringLiteral("/opt/iocs/e3-ioc-ts/st.cmd") };
    // EPNix: --oneshot, positional port, command with arguments.
    QTest::newRow("epnix") << words(
            "/nix/store/abc-procServ-2.8.0/bin/procServ --foreground --oneshot --logfile - "
            "--holdoff 0 --chdir /nix/store/xyz-ioc/iocBoot/iocexample 2000 "
            "/nix/store/xyz-ioc/bin/linux-x86_64/example st.cmd")
                           << true << QStringList{ QStringLiteral("tcp:127.0.0.1:2000") }
                           << QString() << QString()
                           << QStringList{ QStringLiteral(
                                                   "/nix/store/xyz-ioc/bin/linux-x86_64/example"),
                                           QStringLiteral("st.cmd") };
    // tech-brief A.9, first command: log port, UNIX, TCP and abstract control endpoints.
    QTest::newRow("brief A.9 #1") << words(
            "procServ --foreground -n test --holdoff 3 -I /tmp/pstest/info -p "
            "/tmp/pstest/pid -L /tmp/pstest/log.txt -l 127.0.0.1:20002 -P "
            "unix:/tmp/ps.sock -P 127.0.0.1:20001 -P unix:@pstest_abs /tmp/pstest/child.sh")
                                  << true
                                  << QStringList{ QStringLiteral("unix:/tmp/ps.sock"),
                                                  QStringLiteral("tcp:127.0.0.1:20001"),
                                                  QStringLiteral("unix:@pstest_abs") }
                                  << QStringLiteral("tcp:127.0.0.1:20002") << QStringLiteral("test")
                                  << QStringList{ QStringLiteral("/tmp/pstest/child.sh") };
    QTest::newRow("brief A.9 #2 (empty user field)")
            << words("procServ --foreground -q -n test2 -w --noautorestart -i ^D^C -x ^D -k ^K "
                     "--killsig 15 --timefmt %Y-%m-%dT%H:%M:%S -P unix::root:0660:/tmp/ps2.sock "
                     "/tmp/pstest/child.sh")
            << true << QStringList{ QStringLiteral("unix:/tmp/ps2.sock") } << QString()
            << QStringLiteral("test2") << QStringList{ QStringLiteral("/tmp/pstest/child.sh") };
    // Control ports are bound to 127.0.0.1 whatever interface is written (verified on 2.7.0);
    // a log port binds to its interface.
    QTest::newRow("control iface is forced local")
            << words("procServ -P 0.0.0.0:20005 -P 10.0.0.5:20007 -l 10.0.0.5:20006 cmd") << true
            << QStringList{ QStringLiteral("tcp:127.0.0.1:20005"),
                            QStringLiteral("tcp:127.0.0.1:20007") }
            << QStringLiteral("tcp:10.0.0.5:20006") << QString()
            << QStringList{ QStringLiteral("cmd") };
    QTest::newRow("log port only a port") << words("procServ -l 20006 20005 cmd") << true
                                          << QStringList{ QStringLiteral("tcp:127.0.0.1:20005") }
                                          << QStringLiteral("tcp:127.0.0.1:20006") << QString()
                                          << QStringList{ QStringLiteral("cmd") };
    QTest::newRow("log port 0.0.0.0") << words("procServ -l 0.0.0.0:20006 -P 20005 cmd") << true
                                      << QStringList{ QStringLiteral("tcp:127.0.0.1:20005") }
                                      << QStringLiteral("tcp:127.0.0.1:20006") << QString()
                                      << QStringList{ QStringLiteral("cmd") };
    QTest::newRow("short options clustered and attached")
            << words("procServ -fqnioc1 -P20000 -Punix:@abs -l20001 ./st.cmd -x") << true
            << QStringList{ QStringLiteral("tcp:127.0.0.1:20000"), QStringLiteral("unix:@abs") }
            << QStringLiteral("tcp:127.0.0.1:20001") << QStringLiteral("ioc1")
            << QStringList{ QStringLiteral("./st.cmd"), QStringLiteral("-x") };
    QTest::newRow("long option separate value and prefix")
            << words("procServ --fore --na ioc2 --port 20000 st.cmd") << true
            << QStringList{ QStringLiteral("tcp:127.0.0.1:20000") } << QString()
            << QStringLiteral("ioc2") << QStringList{ QStringLiteral("st.cmd") };
    // getopt "+": options end at the first non-option; a -P after the command belongs to it
    // (procServ issue #46).
    QTest::newRow("options stop at first non-option")
            << words("procServ -n x 20000 ./st.cmd -P 30000") << true
            << QStringList{ QStringLiteral("tcp:127.0.0.1:20000") } << QString()
            << QStringLiteral("x")
            << QStringList{ QStringLiteral("./st.cmd"), QStringLiteral("-P"),
                            QStringLiteral("30000") };
    QTest::newRow("double dash") << words("procServ -P 20000 -- -weird arg") << true
                                 << QStringList{ QStringLiteral("tcp:127.0.0.1:20000") }
                                 << QString() << QString()
                                 << QStringList{ QStringLiteral("-weird"), QStringLiteral("arg") };
    QTest::newRow("double dash then positional port")
            << words("procServ -q -- 20000 cmd a") << true
            << QStringList{ QStringLiteral("tcp:127.0.0.1:20000") } << QString() << QString()
            << QStringList{ QStringLiteral("cmd"), QStringLiteral("a") };
    QTest::newRow("logstamp takes no separate value")
            << words("procServ --logstamp 20000 cmd") << true
            << QStringList{ QStringLiteral("tcp:127.0.0.1:20000") } << QString() << QString()
            << QStringList{ QStringLiteral("cmd") };
    QTest::newRow("logstamp with = value")
            << words("procServ --logstamp=[%H:%M] 20000 cmd") << true
            << QStringList{ QStringLiteral("tcp:127.0.0.1:20000") } << QString() << QString()
            << QStringList{ QStringLiteral("cmd") };
    QTest::newRow("unix path with colons")
            << words("procServ -P unix:u:g:0600:/run/a:b/control cmd") << true
            << QStringList{ QStringLiteral("unix:/run/a:b/control") } << QString() << QString()
            << QStringList{ QStringLiteral("cmd") };
    QTest::newRow("abstract with permissions")
            << words("procServ -P unix:::0600:@abs cmd") << true
            << QStringList{ QStringLiteral("unix:@abs") } << QString() << QString()
            << QStringList{ QStringLiteral("cmd") };
    QTest::newRow("not procServ") << words("/usr/bin/sleep 10") << false << QStringList()
                                  << QString() << QString() << QStringList();
    QTest::newRow("procServ basename only")
            << words("/usr/local/bin/procServ2 20000 cmd") << false << QStringList() << QString()
            << QString() << QStringList();
}

void TestProcServCommand::endpoints()
{
    QFETCH(QStringList, argv);
    QFETCH(bool, isProcServ);
    QFETCH(QStringList, controls);
    QFETCH(QString, log);
    QFETCH(QString, name);
    QFETCH(QStringList, child);

    const ProcServCommand cmd = ProcServCommand::parse(argv);
    QCOMPARE(cmd.error, QString());
    QCOMPARE(cmd.isProcServ, isProcServ);
    QCOMPARE(cmd.isLauncher, false);
    QCOMPARE(cmd.program, argv.first());
    QCOMPARE(endpointStrings(cmd.controlEndpoints), controls);
    QCOMPARE(cmd.logEndpoint.toString(), log);
    QCOMPARE(cmd.name, name);
    QCOMPARE(cmd.childCommand, child);
}

void TestProcServCommand::options_data()
{
    QTest::addColumn<QStringList>("argv");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");

    const QStringList nsls = words("/usr/bin/procServ -f -q -c /epics/iocs/m1 -i ^D^C^] -p "
                                   "/var/run/softioc-m1.pid -n m1 --restrict -L /var/log/m1.log "
                                   "4051 /epics/iocs/m1/st.cmd");
    QTest::newRow("nsls chdir") << nsls << "chdir"
                                << "/epics/iocs/m1";
    QTest::newRow("nsls ignore") << nsls << "ignoreChars"
                                 << "^D^C^]";
    QTest::newRow("nsls pid") << nsls << "pidFile"
                              << "/var/run/softioc-m1.pid";
    QTest::newRow("nsls logfile") << nsls << "logFile"
                                  << "/var/log/m1.log";
    QTest::newRow("nsls flags") << nsls << "flags"
                                << "foreground quiet restrict";
    QTest::newRow("nsls kill default") << nsls << "killChar"
                                       << "^X";
    QTest::newRow("nsls toggle default") << nsls << "toggleChar"
                                         << "^T";

    const QStringList brief2 = words("procServ --foreground -q -n test2 -w --noautorestart -i ^D^C "
                                     "-x ^D -k ^K --killsig 15 --timefmt %Y-%m-%dT%H:%M:%S -P "
                                     "unix::root:0660:/tmp/ps2.sock /tmp/pstest/child.sh");
    QTest::newRow("wait/noautorestart") << brief2 << "flags"
                                        << "foreground quiet wait noautorestart";
    QTest::newRow("killcmd") << brief2 << "killChar"
                             << "^K";
    QTest::newRow("logout") << brief2 << "logoutChar"
                            << "^D";
    QTest::newRow("timefmt") << brief2 << "timeFormat"
                             << "%Y-%m-%dT%H:%M:%S";

    QTest::newRow("autorestartcmd empty")
            << QStringList{ QStringLiteral("procServ"), QStringLiteral("--autorestartcmd="),
                            QStringLiteral("20000"), QStringLiteral("c") }
            << "toggleChar"
            << "";
    QTest::newRow("killcmd empty separate")
            << QStringList{ QStringLiteral("procServ"), QStringLiteral("-k"), QString(),
                            QStringLiteral("20000"), QStringLiteral("c") }
            << "killChar"
            << "";
    QTest::newRow("holdoff") << words("procServ --holdoff 3 20000 c") << "holdoff"
                             << "3";
    QTest::newRow("holdoff default") << words("procServ 20000 c") << "holdoff"
                                     << "-1";
    QTest::newRow("holdoff negative ignored") << words("procServ --holdoff=-5 20000 c") << "holdoff"
                                              << "-1";
    QTest::newRow("info file") << words("procServ -I /run/x/info -P 20000 c") << "infoFile"
                               << "/run/x/info";
    QTest::newRow("oneshot") << words("procServ -o 20000 c") << "flags"
                             << "oneshot";
    QTest::newRow("exec") << words("procServ -e /bin/real -P 20000 name a") << "childExec"
                          << "/bin/real";
    QTest::newRow("random port") << words("procServ -P 0 c") << "randomPort"
                                 << "true";
    QTest::newRow("child name default") << words("procServ 20000 ./st.cmd") << "childName"
                                        << "./st.cmd";
    QTest::newRow("control specs as written")
            << words("procServ -P 0.0.0.0:20005 -P unix:u:g:0660:/s c") << "controlSpecs"
            << "0.0.0.0:20005|unix:u:g:0660:/s";
}

void TestProcServCommand::options()
{
    QFETCH(QStringList, argv);
    QFETCH(QString, field);
    QFETCH(QString, expected);

    const ProcServCommand c = ProcServCommand::parse(argv);
    QCOMPARE(c.error, QString());
    QString actual;
    if (field == QLatin1String("chdir"))
        actual = c.chdir;
    else if (field == QLatin1String("ignoreChars"))
        actual = c.ignoreChars;
    else if (field == QLatin1String("pidFile"))
        actual = c.pidFile;
    else if (field == QLatin1String("logFile"))
        actual = c.logFile;
    else if (field == QLatin1String("killChar"))
        actual = c.killChar;
    else if (field == QLatin1String("toggleChar"))
        actual = c.toggleChar;
    else if (field == QLatin1String("logoutChar"))
        actual = c.logoutChar;
    else if (field == QLatin1String("timeFormat"))
        actual = c.timeFormat;
    else if (field == QLatin1String("holdoff"))
        actual = QString::number(c.holdoff);
    else if (field == QLatin1String("infoFile"))
        actual = c.infoFile;
    else if (field == QLatin1String("childExec"))
        actual = c.childExec;
    else if (field == QLatin1String("childName"))
        actual = c.childName();
    else if (field == QLatin1String("controlSpecs"))
        actual = c.controlSpecs.join(QLatin1Char('|'));
    else if (field == QLatin1String("randomPort"))
        actual = c.randomPort && c.controlEndpoints.isEmpty() ? QStringLiteral("true")
                                                              : QStringLiteral("false");
    else if (field == QLatin1String("flags")) {
        QStringList flags;
        if (c.foreground)
            flags << QStringLiteral("foreground");
        if (c.quiet)
            flags << QStringLiteral("quiet");
        if (c.restrictLog)
            flags << QStringLiteral("restrict");
        if (c.waitForStart)
            flags << QStringLiteral("wait");
        if (c.noAutoRestart)
            flags << QStringLiteral("noautorestart");
        if (c.oneShot)
            flags << QStringLiteral("oneshot");
        actual = flags.join(QLatin1Char(' '));
    } else {
        QFAIL("unknown field in test data");
    }
    QCOMPARE(actual, expected);
}

void TestProcServCommand::launcher_data()
{
    QTest::addColumn<QStringList>("argv");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("user");
    QTest::addColumn<bool>("hasError");

    // procServUtils generator.py: ExecStart=/usr/bin/procServ-launcher --system|--user NAME
    QTest::newRow("system") << words("/usr/bin/procServ-launcher --system motor") << "motor"
                            << false << false;
    QTest::newRow("user") << words("/usr/bin/procServ-launcher --user motor") << "motor" << true
                          << false;
    QTest::newRow("option after name")
            << words("procServ-launcher motor --user") << "motor" << true << false;
    QTest::newRow("no name") << words("procServ-launcher --system") << "" << false << true;
    QTest::newRow("unknown option") << words("procServ-launcher --bogus m") << "" << false << true;
}

void TestProcServCommand::launcher()
{
    QFETCH(QStringList, argv);
    QFETCH(QString, name);
    QFETCH(bool, user);
    QFETCH(bool, hasError);

    const ProcServCommand c = ProcServCommand::parse(argv);
    QVERIFY(c.isProcServ);
    QVERIFY(c.isLauncher);
    QCOMPARE(c.error.isEmpty(), !hasError);
    QCOMPARE(c.launcherName, name);
    QCOMPARE(c.launcherUser, user);
    QVERIFY(c.controlEndpoints.isEmpty());
}

void TestProcServCommand::nameOf_data()
{
    QTest::addColumn<QStringList>("argv");
    QTest::addColumn<QString>("name");

    QTest::newRow("-n") << words("procServ -f -n vac 2000 st.cmd") << "vac";
    QTest::newRow("cluster") << words("procServ -qfnvac 2000 st.cmd") << "vac";
    QTest::newRow("--name=") << words("procServ --name=vac 2000 st.cmd") << "vac";
    QTest::newRow("getopt prefix") << words("procServ --na vac 2000 st.cmd") << "vac";
    QTest::newRow("last -n wins") << words("procServ -n a -n b 2000 st.cmd") << "b";
    QTest::newRow("none") << words("procServ -f 2000 st.cmd") << "";
    QTest::newRow("the child's -n is not procServ's")
            << words("procServ -f 2000 ./app -n child") << "";
    QTest::newRow("-n's value looks like an option") << words("procServ -c -n 2000 st.cmd") << "";
    // procServ refuses these command lines; the name they hold is still the IOC's.
    QTest::newRow("unknown long option first")
            << words("procServ --bogus -n vac 2000 st.cmd") << "vac";
    QTest::newRow("unknown short option first") << words("procServ -Z -n vac 2000 st.cmd") << "vac";
    QTest::newRow("unknown short option in a cluster")
            << words("procServ -Zn vac 2000 st.cmd") << "vac";
    QTest::newRow("argument to a flag") << words("procServ --quiet=1 -n vac 2000 st.cmd") << "vac";
    QTest::newRow("no port, no command") << words("procServ -n vac") << "vac";
    QTest::newRow("-n without its value") << words("procServ -n") << "";
    QTest::newRow("launcher") << words("/usr/bin/procServ-launcher --system motor") << "motor";
    QTest::newRow("launcher, unknown option") << words("procServ-launcher --user -d vac") << "vac";
    QTest::newRow("launcher, two names") << words("procServ-launcher a b") << "a";
    QTest::newRow("launcher, no name") << words("procServ-launcher --user") << "";
    QTest::newRow("not procServ") << words("/usr/bin/softIoc -n vac st.cmd") << "";
}

void TestProcServCommand::nameOf()
{
    QFETCH(QStringList, argv);
    QFETCH(QString, name);
    QCOMPARE(ProcServCommand::nameOf(argv), name);
}

void TestProcServCommand::errors_data()
{
    QTest::addColumn<QStringList>("argv");
    QTest::addColumn<QString>("errorContains");

    QTest::newRow("empty") << QStringList() << "empty";
    QTest::newRow("no command after -P") << words("procServ -P 20000") << "no IOC command";
    QTest::newRow("only a port") << words("procServ -n x 20000") << "only '20000'";
    QTest::newRow("nothing") << words("procServ -f") << "no console port and no IOC command";
    QTest::newRow("unknown long") << words("procServ --bogus 20000 cmd")
                                  << "Unknown procServ option '--bogus'";
    QTest::newRow("unknown short")
            << words("procServ -fZ 20000 cmd") << "Unknown procServ option '-Z'";
    QTest::newRow("missing value long") << words("procServ --port") << "requires an argument";
    QTest::newRow("missing value short") << words("procServ -f -P") << "requires an argument";
    QTest::newRow("ambiguous prefix") << words("procServ --log x 20000 cmd") << "Ambiguous";
    QTest::newRow("no-arg option with =")
            << words("procServ --foreground=1 20000 cmd") << "doesn't allow an argument";
    QTest::newRow("bad spec") << words("procServ -P localhost:20000 cmd") << "Invalid socket spec";
    QTest::newRow("bad positional spec") << words("procServ st.cmd arg") << "Invalid socket spec";
    QTest::newRow("unix two colons")
            << words("procServ -P unix:ioc:0660:/x cmd") << "unix:USER:GROUP:PERM:PATH";
    QTest::newRow("unix no path") << words("procServ -P unix: cmd") << "has no path";
    QTest::newRow("port too big") << words("procServ -P 70000 cmd") << "Invalid port";
    QTest::newRow("bad octet") << words("procServ -P 1.2.3.300:2000 cmd") << "Invalid socket spec";
    QTest::newRow("bad log spec") << words("procServ -l nope -P 20000 cmd")
                                  << "Invalid socket spec 'nope'";
    QTest::newRow("unix path too long")
            << QStringList{ QStringLiteral("procServ"), QStringLiteral("-P"),
                            QStringLiteral("unix:/") + QString(120, QLatin1Char('a')),
                            QStringLiteral("c") }
            << "too long";
}

void TestProcServCommand::errors()
{
    QFETCH(QStringList, argv);
    QFETCH(QString, errorContains);

    const ProcServCommand c = ProcServCommand::parse(argv);
    QVERIFY2(c.error.contains(errorContains), qPrintable(c.error));
}

void TestProcServCommand::endpointSpec_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("control");
    QTest::addColumn<bool>("allow");
    QTest::addColumn<QString>("expected");

    QTest::newRow("port control") << "20000" << true << false << "tcp:127.0.0.1:20000";
    QTest::newRow("port log") << "20000" << false << false << "tcp:127.0.0.1:20000";
    QTest::newRow("iface control") << "192.168.1.5:20000" << true << false << "tcp:127.0.0.1:20000";
    QTest::newRow("iface control allow")
            << "192.168.1.5:20000" << true << true << "tcp:192.168.1.5:20000";
    QTest::newRow("any control allow") << "0.0.0.0:20000" << true << true << "tcp:127.0.0.1:20000";
    QTest::newRow("iface log") << "192.168.1.5:20000" << false << false << "tcp:192.168.1.5:20000";
    QTest::newRow("sscanf spaces") << " 20000 " << true << false << "tcp:127.0.0.1:20000";
    QTest::newRow("unix") << "unix:/run/x" << true << false << "unix:/run/x";
    QTest::newRow("unix relative") << "unix:sock" << true << false << "unix:sock";
    QTest::newRow("abstract") << "unix:@name" << true << false << "unix:@name";
    QTest::newRow("perm") << "unix:ioc:ioc:0660:/run/x" << true << false << "unix:/run/x";
    QTest::newRow("perm empty fields") << "unix:::0660:/run/x" << true << false << "unix:/run/x";
}

void TestProcServCommand::endpointSpec()
{
    QFETCH(QString, spec);
    QFETCH(bool, control);
    QFETCH(bool, allow);
    QFETCH(QString, expected);

    QString error;
    const ConsoleEndpoint ep = ProcServCommand::parseEndpoint(spec, control, allow, &error);
    QCOMPARE(error, QString());
    QCOMPARE(ep.toString(), expected);
    QCOMPARE(ConsoleEndpoint::fromString(expected), ep);
}

void TestProcServCommand::commandByte_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<int>("byte");
    QTest::newRow("^X") << "^X" << 0x18;
    QTest::newRow("^T") << "^T" << 0x14;
    QTest::newRow("^D") << "^D" << 0x04;
    QTest::newRow("^^") << "^^" << int('^');
    QTest::newRow("literal") << "q" << int('q');
    QTest::newRow("^ lowercase is literal ^") << "^x" << int('^');
    QTest::newRow("disabled") << "" << -1;
}

void TestProcServCommand::commandByte()
{
    QFETCH(QString, spec);
    QFETCH(int, byte);
    QCOMPARE(ProcServCommand::commandByte(spec), byte);
}

void TestProcServCommand::ignoreChars()
{
    // procServ's loop only maps ^A..^Z: "^]" ignores '^' and ']' literally.
    QCOMPARE(ProcServCommand::decodeIgnoreChars(QStringLiteral("^D^C^]")),
             QByteArray("\x04\x03^]"));
    QCOMPARE(ProcServCommand::decodeIgnoreChars(QStringLiteral("^^a")), QByteArray("^a"));
}

QTEST_GUILESS_MAIN(TestProcServCommand)
#include "tst_procservcommand.moc"
