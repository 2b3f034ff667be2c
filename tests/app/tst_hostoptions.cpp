// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/hostoptions.h"

#include <QCommandLineParser>
#include <QTest>

/// Which managers iocctl's host options name, before and after the command.
class TestHostOptions : public QObject
{
    Q_OBJECT

private slots:
    void specs_data();
    void specs();
    void afterTheCommand();
    void badValues();
};

void TestHostOptions::specs_data()
{
    QTest::addColumn<QStringList>("options"); // name=value pairs, in order
    QTest::addColumn<QStringList>("specs");
    QTest::addColumn<QString>("error"); // a part of the message; empty: no error
    QTest::newRow("user") << QStringList{ QStringLiteral("user") }
                          << QStringList{ QStringLiteral("user") } << QString();
    QTest::newRow("user and system, local")
            << QStringList{ QStringLiteral("user"), QStringLiteral("system") }
            << QStringList{ QStringLiteral("user"), QStringLiteral("system") } << QString();
    QTest::newRow("host") << QStringList{ QStringLiteral("H=srv") }
                          << QStringList{ QStringLiteral("srv") } << QString();
    // As systemctl --user -H srv: srv's user manager, not the local one plus srv's system one.
    QTest::newRow("user with host")
            << QStringList{ QStringLiteral("user"), QStringLiteral("H=ops@srv:2222") }
            << QStringList{ QStringLiteral("ops@srv:2222/user") } << QString();
    QTest::newRow("host, then user")
            << QStringList{ QStringLiteral("H=srv1"), QStringLiteral("H=srv2/user"),
                            QStringLiteral("user") }
            << QStringList{ QStringLiteral("srv1/user"), QStringLiteral("srv2/user") } << QString();
    QTest::newRow("system with host")
            << QStringList{ QStringLiteral("system"), QStringLiteral("H=srv") }
            << QStringList{ QStringLiteral("srv") } << QString();
    QTest::newRow("system with host/user")
            << QStringList{ QStringLiteral("H=srv/user"), QStringLiteral("system") }
            << QStringList()
            << QStringLiteral("srv/user names the user manager of srv, --system its system");
    QTest::newRow("user and system with host")
            << QStringList{ QStringLiteral("user"), QStringLiteral("system"),
                            QStringLiteral("H=srv") }
            << QStringList() << QStringLiteral("--user and --system contradict each other for srv");
    QTest::newRow("bus stays") << QStringList{ QStringLiteral("user"), QStringLiteral("H=srv"),
                                               QStringLiteral("bus=unix:path=/x") }
                               << QStringList{ QStringLiteral("srv/user"),
                                               QStringLiteral("bus:unix:path=/x") }
                               << QString();
}

void TestHostOptions::specs()
{
    QFETCH(QStringList, options);
    QFETCH(QStringList, specs);
    QFETCH(QString, error);
    HostOptions hostOptions;
    QString why;
    for (const QString &option : std::as_const(options)) {
        const int eq = static_cast<int>(option.indexOf(QLatin1Char('=')));
        QVERIFY2(hostOptions.add(eq < 0 ? option : option.left(eq),
                                 eq < 0 ? QString() : option.mid(eq + 1), &why),
                 qPrintable(why));
    }
    QCOMPARE(hostOptions.specs(&why), specs);
    if (error.isEmpty())
        QVERIFY(why.isEmpty());
    else
        QVERIFY2(why.contains(error), qPrintable(why));
}

void TestHostOptions::afterTheCommand()
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsCompactedShortOptions);
    parser.addOption({ QStringLiteral("prompt"), QString(), QStringLiteral("TEXT") });
    HostOptions::addTo(parser);
    QVERIFY(parser.parse({ QStringLiteral("exec"), QStringLiteral("-Hsrv1"),
                           QStringLiteral("--prompt"), QStringLiteral("--user"),
                           QStringLiteral("--host=srv2"), QStringLiteral("--connect-timeout"),
                           QStringLiteral("3"), QStringLiteral("--user"), QStringLiteral("ioc"),
                           QStringLiteral("--"), QStringLiteral("--system") }));
    // As Command::execute() parses: the command name stands where the program name would.
    // "--user" after --prompt is its value; "--system" after "--" is an argument.
    QCOMPARE(parser.value(QStringLiteral("prompt")), QStringLiteral("--user"));
    QCOMPARE(parser.positionalArguments(),
             (QStringList{ QStringLiteral("ioc"), QStringLiteral("--system") }));
    HostOptions options;
    QString error;
    QVERIFY2(options.takeFrom(parser, &error), qPrintable(error));
    QCOMPARE(options.specs(&error),
             (QStringList{ QStringLiteral("srv1/user"), QStringLiteral("srv2/user") }));
    QCOMPARE(options.connectTimeout(), 3);
}

void TestHostOptions::badValues()
{
    HostOptions options;
    QCOMPARE(options.connectTimeout(), 10);
    QString error;
    QVERIFY(!options.add(QStringLiteral("connect-timeout"), QStringLiteral("0"), &error));
    QVERIFY(error.contains(QLatin1String("--connect-timeout")));
    QVERIFY(!options.add(QStringLiteral("H"), QStringLiteral("-oProxyCommand=x"), &error));
    QVERIFY(!options.add(QStringLiteral("H"), QString(), &error));
    QVERIFY(!options.add(QStringLiteral("bus"), QString(), &error));
}

QTEST_GUILESS_MAIN(TestHostOptions)
#include "tst_hostoptions.moc"
