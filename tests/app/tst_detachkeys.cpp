// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/detachkeys.h"

#include <QTest>

/// docker's detach-key syntax, and that the sequence is held back and never passed on.
class TestDetachKeys : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void feed_data();
    void feed();
    void describe();
};

void TestDetachKeys::parse_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("sequence");

    QTest::newRow("default") << QStringLiteral("ctrl-]") << true << QByteArray("\x1d");
    QTest::newRow("docker") << QStringLiteral("ctrl-p,ctrl-q") << true << QByteArray("\x10\x11");
    QTest::newRow("upper case") << QStringLiteral("Ctrl-A") << true << QByteArray("\x01");
    QTest::newRow("ctrl-@") << QStringLiteral("ctrl-@") << true << QByteArray(1, '\0');
    QTest::newRow("ctrl-[") << QStringLiteral("ctrl-[") << true << QByteArray("\x1b");
    QTest::newRow("ctrl-backslash") << QStringLiteral("ctrl-\\") << true << QByteArray("\x1c");
    QTest::newRow("ctrl-^") << QStringLiteral("ctrl-^") << true << QByteArray("\x1e");
    QTest::newRow("ctrl-_") << QStringLiteral("ctrl-_") << true << QByteArray("\x1f");
    QTest::newRow("letters") << QStringLiteral("a,b") << true << QByteArray("ab");
    QTest::newRow("spaces") << QStringLiteral("ctrl-x, q") << true << QByteArray("\x18q");
    QTest::newRow("empty") << QString() << false << QByteArray();
    QTest::newRow("empty item") << QStringLiteral("ctrl-a,") << false << QByteArray();
    QTest::newRow("word") << QStringLiteral("escape") << false << QByteArray();
    QTest::newRow("ctrl-digit") << QStringLiteral("ctrl-1") << false << QByteArray();
    QTest::newRow("ctrl- alone") << QStringLiteral("ctrl-") << false << QByteArray();
}

void TestDetachKeys::parse()
{
    QFETCH(QString, spec);
    QFETCH(bool, valid);
    QFETCH(QByteArray, sequence);
    QByteArray got;
    QString error;
    QCOMPARE(DetachKeys::parse(spec, &got, &error), valid);
    QCOMPARE(error.isEmpty(), valid);
    if (valid)
        QCOMPARE(got, sequence);
}

void TestDetachKeys::feed_data()
{
    QTest::addColumn<QByteArray>("sequence");
    QTest::addColumn<QByteArrayList>("chunks");
    QTest::addColumn<QByteArray>("passed");
    QTest::addColumn<bool>("detached");

    QTest::newRow("plain") << QByteArray("\x1d") << QByteArrayList{ "dbl\r" } << QByteArray("dbl\r")
                           << false;
    QTest::newRow("single key") << QByteArray("\x1d")
                                << QByteArrayList{ "ab\x1d"
                                                   "cd" }
                                << QByteArray("ab") << true;
    QTest::newRow("two keys in one chunk")
            << QByteArray("\x10\x11") << QByteArrayList{ "x\x10\x11y" } << QByteArray("x") << true;
    QTest::newRow("two keys across chunks")
            << QByteArray("\x10\x11") << QByteArrayList{ "x\x10", "\x11" } << QByteArray("x")
            << true;
    QTest::newRow("partial released") << QByteArray("\x10\x11") << QByteArrayList{ "\x10", "a" }
                                      << QByteArray("\x10"
                                                    "a")
                                      << false;
    QTest::newRow("partial then restart")
            << QByteArray("\x10\x11") << QByteArrayList{ "\x10\x10\x11" } << QByteArray("\x10")
            << true;
    QTest::newRow("partial held at end")
            << QByteArray("\x10\x11") << QByteArrayList{ "ab\x10" } << QByteArray("ab") << false;
}

void TestDetachKeys::feed()
{
    QFETCH(QByteArray, sequence);
    QFETCH(QByteArrayList, chunks);
    QFETCH(QByteArray, passed);
    QFETCH(bool, detached);

    DetachKeys keys(sequence);
    QByteArray got;
    bool done = false;
    for (const QByteArray &chunk : chunks) {
        QVERIFY(!done);
        got += keys.feed(chunk, &done);
    }
    QCOMPARE(got, passed);
    QCOMPARE(done, detached);
}

void TestDetachKeys::describe()
{
    QCOMPARE(DetachKeys::describe("\x1d"), QStringLiteral("Ctrl-]"));
    QCOMPARE(DetachKeys::describe("\x10\x11"), QStringLiteral("Ctrl-P Ctrl-Q"));
}

QTEST_GUILESS_MAIN(TestDetachKeys)
#include "tst_detachkeys.moc"
