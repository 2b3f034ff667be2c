// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/containers/streamframedecoder.h"

#include <QTest>

/// Docker's multiplexed stream frames (logs, exec and attach without a TTY).
class TestStreamFrameDecoder : public QObject
{
    Q_OBJECT

private slots:
    void decode_data();
    void decode();
};

static QByteArray frame(int stream, const QByteArray &payload)
{
    QByteArray header(8, '\0');
    header[0] = static_cast<char>(stream);
    const auto size = static_cast<quint32>(payload.size());
    header[4] = static_cast<char>(size >> 24);
    header[5] = static_cast<char>(size >> 16);
    header[6] = static_cast<char>(size >> 8);
    header[7] = static_cast<char>(size);
    return header + payload;
}

void TestStreamFrameDecoder::decode_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("out");
    QTest::addColumn<QByteArray>("err");
    QTest::addColumn<bool>("boundary");
    QTest::addColumn<QString>("error");

    // As Podman 4.3 sent them (seen on GET /containers/{id}/logs and POST /exec/{id}/start).
    QTest::newRow("podman exec output")
            << QByteArray("\x01\0\0\0\0\0\0\x06hello\n\x02\0\0\0\0\0\0\x05oops\n", 27)
            << QByteArray("hello\n") << QByteArray("oops\n") << true << QString();
    QTest::newRow("empty") << QByteArray() << QByteArray() << QByteArray() << true << QString();
    QTest::newRow("empty frame") << frame(1, QByteArray()) + frame(1, "x") << QByteArray("x")
                                 << QByteArray() << true << QString();
    QTest::newRow("cut in the header")
            << frame(1, "abc").left(5) << QByteArray() << QByteArray() << false << QString();
    QTest::newRow("cut in the payload") << frame(2, "abcdef").left(10) << QByteArray()
                                        << QByteArray("ab") << false << QString();
    QTest::newRow("padding bytes ignored (as Docker's stdcopy does)")
            << QByteArray("\x01\x7f\x7f\x7f\0\0\0\x01z", 9) << QByteArray("z") << QByteArray()
            << true << QString();
    QTest::newRow("large frame") << frame(1, QByteArray(70000, 'q')) << QByteArray(70000, 'q')
                                 << QByteArray() << true << QString();
    QTest::newRow("unknown stream type")
            << frame(1, "ok") + frame(9, "bad") + frame(1, "after") << QByteArray("ok")
            << QByteArray() << true
            << QStringLiteral("unknown stream type 9 in a multiplexed stream");
}

void TestStreamFrameDecoder::decode()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, out);
    QFETCH(QByteArray, err);
    QFETCH(bool, boundary);
    QFETCH(QString, error);
    // Whole, and split at every byte position: the same streams.
    for (int cut = -1; cut <= input.size(); ++cut) {
        StreamFrameDecoder d;
        QList<StreamFrameDecoder::Piece> pieces;
        if (cut < 0) {
            pieces = d.feed(input);
        } else {
            pieces = d.feed(input.left(cut));
            pieces += d.feed(input.mid(cut));
        }
        QByteArray gotOut, gotErr;
        for (const auto &piece : pieces) {
            QVERIFY(!piece.data.isEmpty());
            if (piece.stream == StreamFrameDecoder::Stream::Stdout)
                gotOut += piece.data;
            else if (piece.stream == StreamFrameDecoder::Stream::Stderr)
                gotErr += piece.data;
        }
        QCOMPARE(gotOut, out);
        QCOMPARE(gotErr, err);
        QCOMPARE(d.errorString(), error);
        if (error.isEmpty())
            QCOMPARE(d.atFrameBoundary(), boundary);
        if (input.size() > 1000 && cut > 10)
            break; // the large frame: a few splits are enough
    }
}

QTEST_GUILESS_MAIN(TestStreamFrameDecoder)
#include "tst_streamframedecoder.moc"
