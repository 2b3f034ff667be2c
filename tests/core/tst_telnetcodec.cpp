// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/procserv/telnetcodec.h"

#include <QFile>
#include <QTest>

/// The telnet layer of procServ consoles: stripping, un-doubling, replies, encoding.
class TestTelnetCodec : public QObject
{
    Q_OBJECT

private slots:
    void decode_data();
    void decode();
    void everySplitOfRealBanner();
    void bytewise_data();
    void bytewise();
    void replies_data();
    void replies();
    void repliesOnlyOnce();
    void willEchoCount();
    void encode_data();
    void encode();
};

static QByteArray fixture(const char *name)
{
    QFile f(QFINDTESTDATA(QStringLiteral("../data/procserv/") + QLatin1String(name)));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test fixture %s", name);
    return f.readAll();
}

void TestTelnetCodec::decode_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<QByteArray>("out");

    QTest::newRow("plain") << QByteArray("epics> dbl\r\n") << QByteArray("epics> dbl\r\n");
    QTest::newRow("procServ negotiation")
            << QByteArray("ok\r\n\xff\xfb\x01\xff\xfd\x22", 10) << QByteArray("ok\r\n");
    QTest::newRow("wont/dont") << QByteArray("a\xff\xfc\x01"
                                             "b\xff\xfe\x1f"
                                             "c")
                               << QByteArray("abc");
    QTest::newRow("doubled 0xff") << QByteArray("a\xff\xff"
                                                "b")
                                  << QByteArray("a\xff"
                                                "b");
    QTest::newRow("two doubled") << QByteArray("\xff\xff\xff\xff") << QByteArray("\xff\xff");
    QTest::newRow("subnegotiation") << QByteArray("x\xff\xfa\x18\x01\xff\xf0y") << QByteArray("xy");
    QTest::newRow("subnegotiation with data 0xff")
            << QByteArray("x\xff\xfa\x18\xff\xff\x01\xff\xf0y") << QByteArray("xy");
    QTest::newRow("other commands") << QByteArray("a\xff\xf1"
                                                  "b\xff\xf6"
                                                  "c\xff\xf9")
                                    << QByteArray("abc");
    QTest::newRow("nul and high bytes kept") << QByteArray("a\x00\x80\xfe"
                                                           "b",
                                                           5)
                                             << QByteArray("a\x00\x80\xfe"
                                                           "b",
                                                           5);
    QTest::newRow("option byte 0xff") << QByteArray("a\xff\xfb\xff"
                                                    "b")
                                      << QByteArray("ab");
}

void TestTelnetCodec::decode()
{
    QFETCH(QByteArray, in);
    QFETCH(QByteArray, out);
    TelnetCodec codec;
    QCOMPARE(codec.decode(in), out);
}

void TestTelnetCodec::everySplitOfRealBanner()
{
    // The bytes procServ 2.7.0 sent on connect, negotiation included, then a little IOC
    // output containing a doubled 0xFF.
    const QByteArray stream = fixture("banner_running.bin") + QByteArray("x\xff\xffy\r\n");
    QByteArray expected = stream;
    expected.replace(QByteArray("\xff\xfb\x01\xff\xfd\x22"), QByteArray());
    expected.replace(QByteArray("\xff\xff"), QByteArray("\xff"));
    QVERIFY(expected.startsWith("@@@ Welcome to procServ"));
    QVERIFY(expected.endsWith("(plus you)\r\nx\xffy\r\n"));

    for (int a = 0; a <= stream.size(); ++a) {
        TelnetCodec codec;
        QByteArray out = codec.decode(stream.left(a)); // two statements: order matters
        out += codec.decode(stream.mid(a));
        QVERIFY2(out == expected,
                 qPrintable(QStringLiteral("split at %1: %2")
                                    .arg(a)
                                    .arg(QString::fromLatin1(out.right(20).toHex(' ')))));
        QCOMPARE(codec.willEchoCount(), 1);
    }
}

void TestTelnetCodec::bytewise_data()
{
    decode_data();
}

void TestTelnetCodec::bytewise()
{
    QFETCH(QByteArray, in);
    QFETCH(QByteArray, out);
    TelnetCodec codec;
    QByteArray result;
    for (const char c : in)
        result += codec.decode(QByteArray(1, c));
    QCOMPARE(result, out);
}

void TestTelnetCodec::replies_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<QByteArray>("replies");

    QTest::newRow("procServ") << QByteArray("\xff\xfb\x01\xff\xfd\x22")
                              << QByteArray("\xff\xfd\x01\xff\xfc\x22");
    QTest::newRow("will other refused") << QByteArray("\xff\xfb\x03") << QByteArray("\xff\xfe\x03");
    QTest::newRow("do other refused") << QByteArray("\xff\xfd\x1f") << QByteArray("\xff\xfc\x1f");
    QTest::newRow("wont/dont need nothing")
            << QByteArray("\xff\xfc\x01\xff\xfe\x22") << QByteArray();
    QTest::newRow("data only") << QByteArray("hello\xff\xff") << QByteArray();
}

void TestTelnetCodec::replies()
{
    QFETCH(QByteArray, in);
    QFETCH(QByteArray, replies);
    TelnetCodec codec;
    codec.decode(in);
    QCOMPARE(codec.takeReplies(), replies);
    QCOMPARE(codec.takeReplies(), QByteArray());
}

void TestTelnetCodec::repliesOnlyOnce()
{
    TelnetCodec codec;
    codec.decode("\xff\xfb\x01");
    codec.decode("\xff\xfb\x01\xff\xfb\x01");
    QCOMPARE(codec.takeReplies(), QByteArray("\xff\xfd\x01"));
    codec.reset();
    codec.decode("\xff\xfb\x01");
    QCOMPARE(codec.takeReplies(), QByteArray("\xff\xfd\x01"));
}

void TestTelnetCodec::willEchoCount()
{
    TelnetCodec codec;
    codec.decode(fixture("banner_running.bin").left(40));
    QCOMPARE(codec.willEchoCount(), 0);
    codec.decode(fixture("banner_running.bin").mid(40));
    QCOMPARE(codec.willEchoCount(), 1);
}

void TestTelnetCodec::encode_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<QByteArray>("out");
    QTest::newRow("plain") << QByteArray("dbl\r") << QByteArray("dbl\r");
    QTest::newRow("ff") << QByteArray("a\xff"
                                      "b")
                        << QByteArray("a\xff\xff"
                                      "b");
    QTest::newRow("ff ff") << QByteArray("\xff\xff") << QByteArray("\xff\xff\xff\xff");
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("nul") << QByteArray("\x00\xff", 2) << QByteArray("\x00\xff\xff", 3);
}

void TestTelnetCodec::encode()
{
    QFETCH(QByteArray, in);
    QFETCH(QByteArray, out);
    QCOMPARE(TelnetCodec::encode(in), out);
    TelnetCodec codec;
    QCOMPARE(codec.decode(TelnetCodec::encode(in)), in); // round trip
}

QTEST_GUILESS_MAIN(TestTelnetCodec)
#include "tst_telnetcodec.moc"
