// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/containers/httpresponseparser.h"

#include <QTest>

/// The HTTP/1.1 response parser of the engine client: framing, chunking, errors, and that any
/// split of the input gives the same result.
class TestHttpResponseParser : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void everySplit_data() { parse_data(); }
    void everySplit();
    void untilClose();
    void interimResponseSkipped();
    void headRequestHasNoBody();
    void tooLongHeader();
    void streamingBodyIsHandedOutAsItComes();
};

void TestHttpResponseParser::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("complete");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");

    QTest::newRow("content-length (podman /_ping)")
            << QByteArray("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 2\r\n"
                          "Content-Type: text/plain; charset=utf-8\r\n\r\nOK")
            << true << 200 << QByteArray("OK") << QString();
    QTest::newRow("204 no content")
            << QByteArray("HTTP/1.1 204 No Content\r\nApi-Version: 1.41\r\n\r\n") << true << 204
            << QByteArray() << QString();
    QTest::newRow("304 not modified (start of a running container)")
            << QByteArray("HTTP/1.1 304 Not Modified\r\n\r\n") << true << 304 << QByteArray()
            << QString();
    QTest::newRow("chunked (podman /events)")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nX-Trailer: 1\r\n\r\n")
            << true << 200 << QByteArray("hello, world") << QString();
    QTest::newRow("chunked, upper-case hex, leading zeros")
            << QByteArray("HTTP/1.1 200 OK\r\ntransfer-encoding: Chunked\r\n\r\n"
                          "00A\r\n0123456789\r\n0\r\n\r\n")
            << true << 200 << QByteArray("0123456789") << QString();
    QTest::newRow("chunked, not finished")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n")
            << false << 200 << QByteArray("abc") << QString();
    QTest::newRow("bare LF line ends") << QByteArray("HTTP/1.1 200 OK\nContent-Length: 3\n\nabc")
                                       << true << 200 << QByteArray("abc") << QString();
    QTest::newRow("404 with the engine's JSON")
            << QByteArray("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n"
                          "Content-Length: 38\r\n\r\n{\"message\":\"no such container\",\"x\":1}\n")
            << true << 404 << QByteArray("{\"message\":\"no such container\",\"x\":1}\n")
            << QString();
    QTest::newRow("content-length, extra bytes after it ignored")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nab") << true << 200
            << QByteArray("a") << QString();
    QTest::newRow("same content-length twice")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\na")
            << true << 200 << QByteArray("a") << QString();
    QTest::newRow("conflicting content-length")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab")
            << false << 200 << QByteArray() << QStringLiteral("conflicting Content-Length headers");
    QTest::newRow("negative content-length")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n") << false << 200
            << QByteArray() << QStringLiteral("bad Content-Length");
    QTest::newRow("huge content-length")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n")
            << false << 200 << QByteArray() << QStringLiteral("bad Content-Length");
    QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n") << false << 0 << QByteArray()
                              << QStringLiteral("not an HTTP/1.x status line");
    QTest::newRow("HTTP/2 status line")
            << QByteArray("HTTP/2 200\r\n\r\n") << false << 0 << QByteArray()
            << QStringLiteral("not an HTTP/1.x status line");
    QTest::newRow("bad status") << QByteArray("HTTP/1.1 2x0 OK\r\n\r\n") << false << 0
                                << QByteArray() << QStringLiteral("bad status code");
    QTest::newRow("status 999") << QByteArray("HTTP/1.1 999 What\r\n\r\n") << false << 0
                                << QByteArray() << QStringLiteral("bad status code");
    QTest::newRow("folded header")
            << QByteArray("HTTP/1.1 200 OK\r\nX-A: 1\r\n continued\r\n\r\n") << false << 200
            << QByteArray() << QStringLiteral("folded header line");
    QTest::newRow("header without a name")
            << QByteArray("HTTP/1.1 200 OK\r\n: x\r\n\r\n") << false << 200 << QByteArray()
            << QStringLiteral("header line without a name");
    QTest::newRow("bad chunk size")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nxyz\r\n") << false
            << 200 << QByteArray() << QStringLiteral("bad chunk size");
    QTest::newRow("chunk size overflow")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "fffffffffffffffff\r\n")
            << false << 200 << QByteArray() << QStringLiteral("bad chunk size");
    QTest::newRow("chunk longer than its size")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nab\r\n")
            << false << 200 << QByteArray("a") << QStringLiteral("chunk data longer than its size");
}

static void check(const HttpResponseParser &p, bool complete, int status, const QByteArray &body,
                  const QByteArray &taken, const QString &error)
{
    QCOMPARE(p.isComplete(), complete);
    QCOMPARE(p.errorString(), error);
    QCOMPARE(p.hasError(), !error.isEmpty());
    if (status)
        QCOMPARE(p.statusCode(), status);
    QCOMPARE(taken, body);
}

void TestHttpResponseParser::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, complete);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    HttpResponseParser p;
    QCOMPARE(p.feed(input), error.isEmpty());
    check(p, complete, status, body, p.takeBody(), error);
    QCOMPARE(p.takeBody(), QByteArray()); // taken once
}

void TestHttpResponseParser::everySplit()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, complete);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    for (int cut = 0; cut <= input.size(); ++cut) {
        HttpResponseParser p;
        QByteArray taken;
        p.feed(input.left(cut));
        taken += p.takeBody();
        p.feed(input.mid(cut));
        taken += p.takeBody();
        check(p, complete, status, body, taken, error);
    }
    HttpResponseParser bytewise;
    QByteArray taken;
    for (const char c : input) {
        bytewise.feed(QByteArray(1, c));
        taken += bytewise.takeBody();
    }
    check(bytewise, complete, status, body, taken, error);
}

void TestHttpResponseParser::untilClose()
{
    // Podman's exec start: a hijacked connection, no length, no chunking: the body ends with it.
    HttpResponseParser p;
    QVERIFY(p.feed("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.raw-stream\r\n\r\n"
                   + QByteArray("\x01\0\0\0\0\0\0\x02hi", 10)));
    QCOMPARE(p.framing(), HttpResponseParser::Framing::UntilClose);
    QVERIFY(!p.isComplete());
    p.finish();
    QVERIFY(p.isComplete());
    QCOMPARE(p.takeBody(), QByteArray("\x01\0\0\0\0\0\0\x02hi", 10));
    QCOMPARE(p.header("content-type"), QByteArray("application/vnd.docker.raw-stream"));

    HttpResponseParser cut;
    QVERIFY(cut.feed("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"));
    cut.finish();
    QVERIFY(cut.hasError());
    QCOMPARE(cut.errorString(), QStringLiteral("connection closed before the end of the body"));

    HttpResponseParser none;
    none.finish();
    QCOMPARE(none.errorString(), QStringLiteral("connection closed before a complete response"));

    HttpResponseParser upgraded;
    QVERIFY(upgraded.feed(
            "HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\nraw"));
    QCOMPARE(upgraded.statusCode(), 101);
    QCOMPARE(upgraded.takeBody(), QByteArray("raw"));
}

void TestHttpResponseParser::interimResponseSkipped()
{
    HttpResponseParser p;
    QVERIFY(p.feed(
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}"));
    QVERIFY(p.isComplete());
    QCOMPARE(p.statusCode(), 201);
    QCOMPARE(p.reasonPhrase(), QByteArray("Created"));
    QCOMPARE(p.takeBody(), QByteArray("{}"));
}

void TestHttpResponseParser::headRequestHasNoBody()
{
    HttpResponseParser p;
    p.setHeadRequest(true);
    QVERIFY(p.feed("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n"));
    QVERIFY(p.isComplete());
}

void TestHttpResponseParser::tooLongHeader()
{
    HttpResponseParser p;
    QByteArray input("HTTP/1.1 200 OK\r\n");
    while (input.size() <= HttpResponseParser::MaxHeaderBytes)
        input += "X-Filler: " + QByteArray(1000, 'x') + "\r\n";
    QVERIFY(!p.feed(input));
    QCOMPARE(p.errorString(), QStringLiteral("response header longer than 65536 bytes"));

    HttpResponseParser line;
    QVERIFY(!line.feed("HTTP/1.1 200 OK\r\nX: "
                       + QByteArray(HttpResponseParser::MaxLineBytes + 1, 'y')));
    QCOMPARE(line.errorString(), QStringLiteral("line longer than 8192 bytes"));
}

void TestHttpResponseParser::streamingBodyIsHandedOutAsItComes()
{
    // A never-ending chunked stream: memory stays bounded by what was not taken yet.
    HttpResponseParser p;
    QVERIFY(p.feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"));
    QVERIFY(p.headersComplete());
    for (int i = 0; i < 1000; ++i) {
        const QByteArray event = "{\"Action\":\"start\",\"n\":" + QByteArray::number(i) + "}\n";
        QVERIFY(p.feed(QByteArray::number(event.size(), 16) + "\r\n" + event + "\r\n"));
        QCOMPARE(p.takeBody(), event);
    }
    QVERIFY(!p.isComplete());
}

QTEST_GUILESS_MAIN(TestHttpResponseParser)
#include "tst_httpresponseparser.moc"
