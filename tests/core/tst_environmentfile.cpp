// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/systemd/environmentfile.h"

#include <QTest>

using Env = QMap<QString, QString>;
Q_DECLARE_METATYPE(Env)

/// systemd's EnvironmentFile= syntax and Environment= lists.
class TestEnvironmentFile : public QObject
{
    Q_OBJECT

private slots:
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

void TestEnvironmentFile::environmentFile_data()
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

void TestEnvironmentFile::environmentFile()
{
    QFETCH(QByteArray, content);
    QFETCH(Env, expected);

    QString error;
    QCOMPARE(parseEnvironmentFile(content, &error), expected);
    QCOMPARE(error, QString());
}

void TestEnvironmentFile::environmentFileProblems()
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

void TestEnvironmentFile::environmentFileOpenQuote()
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

void TestEnvironmentFile::environmentList()
{
    QCOMPARE(parseEnvironmentList(
                     { QStringLiteral("A=1"), QStringLiteral("B=x=y"), QStringLiteral("C") }),
             (Env{ { QStringLiteral("A"), QStringLiteral("1") },
                   { QStringLiteral("B"), QStringLiteral("x=y") } }));
}

QTEST_GUILESS_MAIN(TestEnvironmentFile)
#include "tst_environmentfile.moc"
