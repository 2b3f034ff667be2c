#include "core/procserv/commandexpander.h"
#include "core/procserv/procservcommand.h"

#include <QTest>

using Env = QMap<QString, QString>;
using Specifiers = QMap<QChar, QString>;
Q_DECLARE_METATYPE(Env)

/// systemd's ExecStart expansion rules and EnvironmentFile= syntax.
class TestCommandExpander : public QObject
{
    Q_OBJECT

private slots:
    void expand_data();
    void expand();
    void unknownSpecifier();
    void dbusArgvKeepsPercent();
    void iocRunnerUnit();
    void specifiers_data();
    void specifiers();
    void environmentFile_data();
    void environmentFile();
    void environmentFileProblems();
    void environmentFileOpenQuote();
    void environmentList();
};

static Env envOf(std::initializer_list<std::pair<const char *, const char *>> pairs)
{
    Env env;
    for (const auto &p : pairs)
        env.insert(QString::fromUtf8(p.first), QString::fromUtf8(p.second));
    return env;
}

static QStringList words(const char *line)
{
    return QString::fromUtf8(line).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

void TestCommandExpander::expand_data()
{
    QTest::addColumn<QStringList>("argv");
    QTest::addColumn<Env>("env");
    QTest::addColumn<QStringList>("expected");

    const Env env{ { QStringLiteral("PORT"), QStringLiteral("4051") },
                   { QStringLiteral("CMD"), QStringLiteral("/opt/ioc/bin/ioc 'st one.cmd'  -v") },
                   { QStringLiteral("DIR"), QStringLiteral("/opt/my ioc") },
                   { QStringLiteral("EMPTY"), QString() } };

    QTest::newRow("braced in place")
            << words("procServ --port=${PORT} x") << env << words("procServ --port=4051 x");
    QTest::newRow("braced value with spaces stays one word")
            << words("procServ -c ${DIR} 1 x") << env
            << QStringList{ QStringLiteral("procServ"), QStringLiteral("-c"),
                            QStringLiteral("/opt/my ioc"), QStringLiteral("1"),
                            QStringLiteral("x") };
    QTest::newRow("whole word splits with quotes")
            << words("procServ 4051 $CMD") << env
            << QStringList{ QStringLiteral("procServ"), QStringLiteral("4051"),
                            QStringLiteral("/opt/ioc/bin/ioc"), QStringLiteral("st one.cmd"),
                            QStringLiteral("-v") };
    QTest::newRow("unset whole word vanishes")
            << words("procServ $NOPE 4051 x") << env << words("procServ 4051 x");
    QTest::newRow("empty whole word vanishes")
            << words("procServ $EMPTY 4051 x") << env << words("procServ 4051 x");
    QTest::newRow("unset braced is empty") << words("a ${NOPE}b") << env << words("a b");
    QTest::newRow("dollar dollar") << words("a $$PORT x$$y") << env << words("a $PORT x$y");
    QTest::newRow("dollar inside word is literal") << words("a x$PORT") << env << words("a x$PORT");
    QTest::newRow("extended syntax not in ExecStart")
            << words("a ${PORT:-1}") << env << words("a ${PORT:-1}");
    QTest::newRow("unterminated") << words("a ${PORT") << env << words("a ${PORT");
    QTest::newRow("two in one word") << words("${PORT}:${PORT}") << env << words("4051:4051");
    // Verified on systemd 252 (tools/sandbox): a unit with
    //   Environment="CMD=/opt/ioc/bin 'st one.cmd' -v" "DIR=/opt/my ioc" EMPTY=
    //   ExecStart=/usr/bin/printf "[%%s]" --name=%i %i %%Y x$$y ${DIR} $CMD $EMPTY $NOPE ${CMD}
    //             pre$DIR "${DIR:-d}"
    // has this ExecStart argv over D-Bus (specifiers resolved, "$$" still doubled) and ran
    // exactly the expected argv below.
    QTest::newRow("systemd 252 verified")
            << QStringList{ QStringLiteral("/usr/bin/printf"),
                            QStringLiteral("[%s]"),
                            QStringLiteral("--name=inst"),
                            QStringLiteral("inst"),
                            QStringLiteral("%Y"),
                            QStringLiteral("x$$y"),
                            QStringLiteral("${DIR}"),
                            QStringLiteral("$CMD"),
                            QStringLiteral("$EMPTY"),
                            QStringLiteral("$NOPE"),
                            QStringLiteral("${CMD}"),
                            QStringLiteral("pre$DIR"),
                            QStringLiteral("${DIR:-d}") }
            << Env{ { QStringLiteral("CMD"), QStringLiteral("/opt/ioc/bin 'st one.cmd' -v") },
                    { QStringLiteral("DIR"), QStringLiteral("/opt/my ioc") },
                    { QStringLiteral("EMPTY"), QString() } }
            << QStringList{ QStringLiteral("/usr/bin/printf"),
                            QStringLiteral("[%s]"),
                            QStringLiteral("--name=inst"),
                            QStringLiteral("inst"),
                            QStringLiteral("%Y"),
                            QStringLiteral("x$y"),
                            QStringLiteral("/opt/my ioc"),
                            QStringLiteral("/opt/ioc/bin"),
                            QStringLiteral("st one.cmd"),
                            QStringLiteral("-v"),
                            QStringLiteral("/opt/ioc/bin 'st one.cmd' -v"),
                            QStringLiteral("pre$DIR"),
                            QStringLiteral("${DIR:-d}") };
    QTest::newRow("trailing dollar") << words("a b$") << env << words("a b$");
}

void TestCommandExpander::expand()
{
    QFETCH(QStringList, argv);
    QFETCH(Env, env);
    QFETCH(QStringList, expected);

    QString error;
    QCOMPARE(expandCommand(argv, env, {}, &error), expected);
    QCOMPARE(error, QString());
}

void TestCommandExpander::unknownSpecifier()
{
    QString error;
    const Specifiers spec = unitSpecifiers(QStringLiteral("ioc@a.service"), QStringLiteral("/run"),
                                           QStringLiteral("/root"), QStringLiteral("root"));
    QCOMPARE(expandCommand(words("procServ --name=%i %Z x"), {}, spec, &error), QStringList());
    QVERIFY2(error.contains(QLatin1String("%Z")), qPrintable(error));
}

void TestCommandExpander::dbusArgvKeepsPercent()
{
    // Over D-Bus systemd has already resolved specifiers: "%%Y" in the unit is "%Y" here and
    // must stay so when no specifier map is given.
    QString error;
    const QStringList argv = words("procServ --timefmt %Y-%m-%d 4051 x");
    QCOMPARE(expandCommand(argv, {}, {}, &error), argv);
    QCOMPARE(error, QString());
}

void TestCommandExpander::iocRunnerUnit()
{
    // epics-@.service of jeonghanlee/epics-ioc-runner, as read from the unit file, with its
    // EnvironmentFile=/etc/procServ.d/%i.conf.
    const QStringList unitArgv = {
        QStringLiteral("procServ"),
        QStringLiteral("--foreground"),
        QStringLiteral("--logfile=/var/log/procserv/%i.log"),
        QStringLiteral("--name=%i"),
        QStringLiteral("--ignore=^D^C^]"),
        QStringLiteral("--autorestartcmd="),
        QStringLiteral("--chdir=${IOC_CHDIR}"),
        QStringLiteral("--port=${IOC_PORT}"),
        QStringLiteral("${IOC_CMD}"),
    };
    QString error;
    const Env env =
            parseEnvironmentFile("IOC_USER=ioc-srv\nIOC_GROUP=ioc\nIOC_CHDIR=/opt/iocs/vac\n"
                                 "IOC_PORT=unix:ioc-srv:ioc:0660:/run/procserv/vac/control\n"
                                 "IOC_CMD=/opt/iocs/vac/st.cmd\n",
                                 &error);
    QCOMPARE(error, QString());
    const Specifiers spec =
            unitSpecifiers(QStringLiteral("epics-@vac.service"), QStringLiteral("/run"),
                           QStringLiteral("/root"), QStringLiteral("root"));
    const QStringList argv = expandCommand(unitArgv, env, spec, &error);
    QCOMPARE(error, QString());
    const ProcServCommand cmd = ProcServCommand::parse(argv);
    QCOMPARE(cmd.error, QString());
    QCOMPARE(cmd.name, QStringLiteral("vac"));
    QCOMPARE(cmd.logFile, QStringLiteral("/var/log/procserv/vac.log"));
    QCOMPARE(cmd.chdir, QStringLiteral("/opt/iocs/vac"));
    QCOMPARE(cmd.controlEndpoints.size(), 1);
    QCOMPARE(cmd.controlEndpoints.first().toString(),
             QStringLiteral("unix:/run/procserv/vac/control"));
    QCOMPARE(cmd.toggleChar, QString());
    QCOMPARE(cmd.childCommand, QStringList{ QStringLiteral("/opt/iocs/vac/st.cmd") });
}

void TestCommandExpander::specifiers_data()
{
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected");

    QTest::newRow("e3 instance") << "ioc@ts.service"
                                 << "/var/run/procServ/%i/control"
                                 << "/var/run/procServ/ts/control";
    QTest::newRow("full name") << "ioc@ts.service"
                               << "%n|%N|%p"
                               << "ioc@ts.service|ioc@ts|ioc";
    QTest::newRow("ioc-runner") << "epics-@vac.service"
                                << "%p|%i|%j"
                                << "epics-|vac|";
    QTest::newRow("not a template") << "softioc-motor1.service"
                                    << "%N|%p|%i|%j"
                                    << "softioc-motor1|softioc-motor1||motor1";
    QTest::newRow("escaped instance") << "ioc@a-b\\x2dc.service"
                                      << "%i|%I|%f"
                                      << "a-b\\x2dc|a/b-c|/a/b-c";
    QTest::newRow("escaped prefix") << "procserv-my\\x2dioc.service"
                                    << "%P|%j|%J"
                                    << "procserv/my-ioc|my\\x2dioc|my-ioc";
    QTest::newRow("dirs and user") << "x.service"
                                   << "%t|%h|%u|%T|%V|%%"
                                   << "/run/user/1000|/home/ioc|ioc|/tmp|/var/tmp|%";
}

void TestCommandExpander::specifiers()
{
    QFETCH(QString, unit);
    QFETCH(QString, format);
    QFETCH(QString, expected);

    const Specifiers spec = unitSpecifiers(unit, QStringLiteral("/run/user/1000"),
                                           QStringLiteral("/home/ioc"), QStringLiteral("ioc"));
    QString error;
    QCOMPARE(expandCommand({ format }, {}, spec, &error), QStringList{ expected });
    QCOMPARE(error, QString());
}

void TestCommandExpander::environmentFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<Env>("expected");

    QTest::newRow("simple") << QByteArray("A=1\nB=two words\n")
                            << envOf({ { "A", "1" }, { "B", "two words" } });
    QTest::newRow("no final newline") << QByteArray("A=1") << envOf({ { "A", "1" } });
    QTest::newRow("comments") << QByteArray("# c\n; c2\n  # indented\nA=1 # not a comment\n")
                              << envOf({ { "A", "1 # not a comment" } });
    QTest::newRow("whitespace trimmed")
            << QByteArray("  A  =   x y   \n") << envOf({ { "A", "x y" } });
    QTest::newRow("double quotes")
            << QByteArray("A=\"a \\\"b\\\" \\$c \\n\"\n") << envOf({ { "A", "a \"b\" $c \\n" } });
    QTest::newRow("single quotes literal")
            << QByteArray("A='a \\\" $B'\n") << envOf({ { "A", "a \\\" $B" } });
    // Quotes open only where a value starts (systemd's PRE_VALUE state), then may repeat.
    QTest::newRow("quote after text is literal")
            << QByteArray("A=x\"y z\"\n") << envOf({ { "A", "x\"y z\"" } });
    QTest::newRow("concatenation") << QByteArray("A=\"y z\"'w'v\n") << envOf({ { "A", "y zwv" } });
    QTest::newRow("continuation") << QByteArray("A=one \\\ntwo\n") << envOf({ { "A", "one two" } });
    QTest::newRow("escaped char") << QByteArray("A=a\\ b\\\\c\n") << envOf({ { "A", "a b\\c" } });
    QTest::newRow("empty value") << QByteArray("A=\nB=\"\"\n")
                                 << envOf({ { "A", "" }, { "B", "" } });
    QTest::newRow("later wins") << QByteArray("A=1\nA=2\n") << envOf({ { "A", "2" } });
    QTest::newRow("crlf") << QByteArray("A=1\r\nB=2\r\n") << envOf({ { "A", "1" }, { "B", "2" } });
    QTest::newRow("no expansion") << QByteArray("A=$HOME/${B}\n")
                                  << envOf({ { "A", "$HOME/${B}" } });
    QTest::newRow("multi-line quoted") << QByteArray("A=\"x\ny\"\n") << envOf({ { "A", "x\ny" } });
    // NSLS-II config style: shell syntax systemd happens to read the same way.
    QTest::newRow("nsls config") << QByteArray("NAME=motor1\nPORT=4051\nUSER=softioc\n"
                                               "HOST=xf31id1-ioc1\nCHDIR=\"/epics/iocs/motor1\"\n")
                                 << envOf({ { "NAME", "motor1" },
                                            { "PORT", "4051" },
                                            { "USER", "softioc" },
                                            { "HOST", "xf31id1-ioc1" },
                                            { "CHDIR", "/epics/iocs/motor1" } });
}

void TestCommandExpander::environmentFile()
{
    QFETCH(QByteArray, content);
    QFETCH(Env, expected);

    QString error;
    QCOMPARE(parseEnvironmentFile(content, &error), expected);
    QCOMPARE(error, QString());
}

void TestCommandExpander::environmentFileProblems()
{
    // systemd drops these; so do we, and we say so. The valid lines are kept.
    QString error;
    const Env env =
            parseEnvironmentFile("export A=1\nB=2\nJUSTAWORD\n1X=3\nC-D=4\nE=\xff\n", &error);
    QCOMPARE(env, (Env{ { QStringLiteral("B"), QStringLiteral("2") } }));
    const QStringList problems = error.split(QLatin1Char('\n'));
    QCOMPARE(problems.size(), 5);
    QVERIFY2(problems.at(0).contains(QLatin1String("line 1"))
                     && problems.at(0).contains(QLatin1String("export A")),
             qPrintable(problems.at(0)));
    QVERIFY2(problems.at(1).contains(QLatin1String("line 3")), qPrintable(problems.at(1)));
    QVERIFY2(problems.at(4).contains(QLatin1String("UTF-8")), qPrintable(problems.at(4)));
}

void TestCommandExpander::environmentFileOpenQuote()
{
    // systemd takes everything after an open quote as the value (checked on systemd 252);
    // the value is kept, and the user is told where the quote opened.
    QList<EnvironmentFileProblem> problems;
    const Env env = parseEnvironmentFile("A=1\nB=\"x\nC=2\n", &problems);
    QCOMPARE(env,
             (Env{ { QStringLiteral("A"), QStringLiteral("1") },
                   { QStringLiteral("B"), QStringLiteral("x\nC=2\n") } }));
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.at(0).line, 2);
    QVERIFY2(problems.at(0).message.contains(QLatin1String("not closed"))
                     && problems.at(0).message.contains(QLatin1String("B")),
             qPrintable(problems.at(0).message));

    QString error;
    parseEnvironmentFile("A='x y\n", &error);
    QVERIFY2(error.startsWith(QLatin1String("line 1: the quote ' opened here is not closed")),
             qPrintable(error));
}

void TestCommandExpander::environmentList()
{
    QCOMPARE(parseEnvironmentList(
                     { QStringLiteral("A=1"), QStringLiteral("B=x=y"), QStringLiteral("C") }),
             (Env{ { QStringLiteral("A"), QStringLiteral("1") },
                   { QStringLiteral("B"), QStringLiteral("x=y") } }));
}

QTEST_GUILESS_MAIN(TestCommandExpander)
#include "tst_commandexpander.moc"
