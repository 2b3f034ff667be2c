// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/crashsignatures.h"

#include <QTest>

class TestCrashSignatures : public QObject
{
    Q_OBJECT
private slots:
    void find_data();
    void find();
    void list();
};

void TestCrashSignatures::find_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("signature");
    QTest::newRow("segfault") << QStringLiteral("/bin/sh: line 1:  4242 Segmentation fault "
                                                "./st.cmd")
                              << QStringLiteral("Segmentation fault");
    QTest::newRow("core dumped") << QStringLiteral("Aborted (core dumped)")
                                 << QStringLiteral("core dumped");
    QTest::newRow("fatal") << QStringLiteral("FATAL: cannot allocate ring buffer")
                           << QStringLiteral("FATAL");
    QTest::newRow("undefined symbol")
            << QStringLiteral("./bin/linux-x86_64/sim: symbol lookup error: libfoo.so: "
                              "undefined symbol: dbLoadRecords")
            << QStringLiteral("undefined symbol");
    QTest::newRow("loader") << QStringLiteral("sim: error while loading shared libraries: "
                                              "libCom.so.3.22: cannot open shared object file")
                            << QStringLiteral("error while loading");
    QTest::newRow("plain") << QStringLiteral("iocRun: All initialization complete") << QString();
    QTest::newRow("lower-case fatal is prose") << QStringLiteral("a fatal mistake") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestCrashSignatures::find()
{
    QFETCH(QString, line);
    QFETCH(QString, signature);
    QCOMPARE(CrashSignatures::find(line), signature);
    QCOMPARE(CrashSignatures::matches(line), !signature.isEmpty());
}

void TestCrashSignatures::list()
{
    QCOMPARE(CrashSignatures::all(),
             QStringList({ QStringLiteral("Segmentation fault"), QStringLiteral("FATAL"),
                           QStringLiteral("undefined symbol"),
                           QStringLiteral("error while loading"), QStringLiteral("core dumped") }));
}

QTEST_GUILESS_MAIN(TestCrashSignatures)
#include "tst_crashsignatures.moc"
