// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/procserv/procservcommand.h"
#include "core/systemd/environmentfile.h"
#include "core/systemd/execcommand.h"
#include "core/systemd/unitspecifiers.h"

#include <QTest>

using Env = QMap<QString, QString>;
using Specifiers = QMap<QChar, QString>;
Q_DECLARE_METATYPE(Env)

/// systemd's ExecStart= rules: word splitting, %-specifiers, $VAR expansion.
class TestExecCommand : public QObject
{
    Q_OBJECT

private slots:
    void splitWords_data();
    void splitWords();
    void expand_data();
    void expand();
    void unknownSpecifier();
    void dbusArgvKeepsPercent();
    void iocRunnerUnit();
    void specifiers_data();
    void specifiers();
};

static QStringList words(const char *line)
{
    return QString::fromUtf8(line).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

void TestExecCommand::splitWords_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("unitFileLine");
    QTest::addColumn<QStringList>("expected");

    const auto l = [](std::initializer_list<const char *> items) {
        QStringList list;
        for (const char *item : items)
            list << QString::fromUtf8(item);
        return list;
    };
    QTest::newRow("unit: quotes group")
            << QStringLiteral("a \"b c\" 'd e'") << true << l({ "a", "b c", "d e" });
    QTest::newRow("value: quotes group")
            << QStringLiteral("a \"b c\" 'd e'") << false << l({ "a", "b c", "d e" });
    QTest::newRow("unit: C escapes decoded")
            << QStringLiteral("a\\x41 b\\\\c \\s") << true << l({ "aA", "b\\c", " " });
    QTest::newRow("value: backslash takes the next character")
            << QStringLiteral("a\\x41 b\\\\c \\s") << false << l({ "ax41", "b\\c", "s" });
    QTest::newRow("unit: ';' ends the command")
            << QStringLiteral("/bin/a x ; /bin/b y") << true << l({ "/bin/a", "x" });
    QTest::newRow("value: ';' is a word")
            << QStringLiteral("/bin/a x ; /bin/b") << false << l({ "/bin/a", "x", ";", "/bin/b" });
    QTest::newRow("unit: trailing backslash stays")
            << QStringLiteral("a b\\") << true << l({ "a", "b\\" });
    QTest::newRow("value: trailing backslash dropped")
            << QStringLiteral("a b\\") << false << l({ "a", "b" });
    QTest::newRow("whitespace only") << QStringLiteral(" \t\r\n ") << true << l({});
    QTest::newRow("empty quotes are a word")
            << QStringLiteral("a '' b") << false << l({ "a", "", "b" });
}

void TestExecCommand::splitWords()
{
    QFETCH(QString, text);
    QFETCH(bool, unitFileLine);
    QFETCH(QStringList, expected);
    QCOMPARE(::splitWords(text, unitFileLine ? WordSplit::UnitFileLine : WordSplit::VariableValue),
             expected);
}

void TestExecCommand::expand_data()
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

void TestExecCommand::expand()
{
    QFETCH(QStringList, argv);
    QFETCH(Env, env);
    QFETCH(QStringList, expected);

    QString error;
    QCOMPARE(expandCommand(argv, env, {}, &error), expected);
    QCOMPARE(error, QString());
}

void TestExecCommand::unknownSpecifier()
{
    QString error;
    const Specifiers spec = unitSpecifiers(QStringLiteral("ioc@a.service"), QStringLiteral("/run"),
                                           QStringLiteral("/root"), QStringLiteral("root"));
    QCOMPARE(expandCommand(words("procServ --name=%i %Z x"), {}, spec, &error), QStringList());
    QVERIFY2(error.contains(QLatin1String("%Z")), qPrintable(error));
}

void TestExecCommand::dbusArgvKeepsPercent()
{
    // Over D-Bus systemd has already resolved specifiers: "%%Y" in the unit is "%Y" here and
    // must stay so when no specifier map is given.
    QString error;
    const QStringList argv = words("procServ --timefmt %Y-%m-%d 4051 x");
    QCOMPARE(expandCommand(argv, {}, {}, &error), argv);
    QCOMPARE(error, QString());
}

void TestExecCommand::iocRunnerUnit()
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

void TestExecCommand::specifiers_data()
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

void TestExecCommand::specifiers()
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

QTEST_GUILESS_MAIN(TestExecCommand)
#include "tst_execcommand.moc"
