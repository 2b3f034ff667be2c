// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "tests/ui/consoletestsupport.h"
#include "ui/console/terminalwriter.h"

#include <QSignalSpy>
#include <QTest>

#include <fcntl.h>
#include <termios.h>

class TestTerminalWriter : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void setsNonBlockingAndRaw();
    void bytesPassUnchanged();
    void oneMebibyteWithoutBlocking();
    void overflowDropsOldestWithMarker();
    void limitHasAFloor();

private:
    static QByteArray numberedLines(int first, int count, int width);
    QTermWidget *m_term = nullptr;
};

QByteArray TestTerminalWriter::numberedLines(int first, int count, int width)
{
    QByteArray out;
    out.reserve(count * width);
    for (int i = first; i < first + count; ++i) {
        QByteArray line = "line " + QByteArray::number(i).rightJustified(6, '0') + ' ';
        line = line.leftJustified(width - 2, 'x') + "\r\n";
        out += line;
    }
    return out;
}

void TestTerminalWriter::init()
{
    m_term = new QTermWidget(0); // 0: no shell
    m_term->resize(800, 400);
    m_term->setHistorySize(50000);
    m_term->startTerminalTeletype();
    m_term->show();
    QVERIFY(m_term->getPtySlaveFd() >= 0);
}

void TestTerminalWriter::cleanup()
{
    delete m_term;
    m_term = nullptr;
}

void TestTerminalWriter::setsNonBlockingAndRaw()
{
    const int fd = m_term->getPtySlaveFd();
    termios before{};
    QCOMPARE(::tcgetattr(fd, &before), 0);
    QVERIFY2(before.c_oflag & OPOST, "precondition: the pty post-processes output");
    QVERIFY(!(::fcntl(fd, F_GETFL) & O_NONBLOCK));

    TerminalWriter writer(fd);
    QVERIFY(writer.isValid());
    termios after{};
    QCOMPARE(::tcgetattr(fd, &after), 0);
    QVERIFY(!(after.c_oflag & OPOST));
    QVERIFY(::fcntl(fd, F_GETFL) & O_NONBLOCK);
}

void TestTerminalWriter::bytesPassUnchanged()
{
    TerminalWriter writer(m_term->getPtySlaveFd());
    // A bare \n moves down without returning: with ONLCR the second word would start at
    // column 0.
    writer.write("alpha\nbeta\r\nend-of-test\r\n");
    QTRY_VERIFY(terminalText(m_term).contains(QStringLiteral("end-of-test")));
    QVERIFY2(terminalText(m_term).contains(QStringLiteral("\n     beta")),
             qPrintable(terminalText(m_term)));
}

void TestTerminalWriter::oneMebibyteWithoutBlocking()
{
    TerminalWriter writer(m_term->getPtySlaveFd());
    QSignalSpy dropped(&writer, &TerminalWriter::dropped);
    const int lines = 16384; // 16384 × 64 = 1 MiB
    const QByteArray data = numberedLines(0, lines, 64);
    QCOMPARE(data.size(), 1024 * 1024);

    LatencyProbe probe;
    probe.start();
    QElapsedTimer clock;
    clock.start();
    // As a socket delivers it: many chunks, each returning to the caller at once.
    for (int offset = 0; offset < data.size(); offset += 16384)
        writer.write(data.mid(offset, 16384));
    const qint64 writeMs = clock.elapsed();
    QVERIFY2(writeMs < 500, qPrintable(QStringLiteral("write() took %1 ms").arg(writeMs)));
    QVERIFY(writer.queuedBytes() > 0); // the pty cannot take 1 MiB at once

    QTRY_VERIFY_WITH_TIMEOUT(writer.queuedBytes() == 0, 60000);
    probe.stop();
    qInfo("1 MiB drained in %lld ms, max event loop gap %lld ms", clock.elapsed(),
          probe.maxGapMs());
    // A blocking write would freeze the loop for good; bound it well above what we measure.
    QVERIFY2(probe.maxGapMs() < 500,
             qPrintable(QStringLiteral("event loop stalled %1 ms").arg(probe.maxGapMs())));
    QCOMPARE(writer.droppedBytes(), 0);
    QCOMPARE(dropped.count(), 0);
    QTRY_VERIFY(terminalText(m_term).contains(QStringLiteral("line 016383")));
    const QString text = terminalText(m_term);
    QVERIFY(text.contains(QStringLiteral("line 000000")));
    QVERIFY(!text.contains(QStringLiteral("dropped")));
}

void TestTerminalWriter::overflowDropsOldestWithMarker()
{
    TerminalWriter writer(m_term->getPtySlaveFd());
    writer.setLimit(64 * 1024);
    QCOMPARE(writer.limit(), 64 * 1024);
    QSignalSpy dropped(&writer, &TerminalWriter::dropped);

    // 1 MiB arriving before the event loop runs once: only the newest 64 KiB can stay.
    const QByteArray data = numberedLines(0, 16384, 64);
    writer.write(data);
    QVERIFY(writer.queuedBytes() <= 64 * 1024 + 200);
    QVERIFY(writer.droppedBytes() >= 1024 * 1024 - 64 * 1024 - 64);
    QCOMPARE(dropped.count(), 1);
    QCOMPARE(dropped.at(0).at(0).toLongLong(), writer.droppedBytes());

    QTRY_VERIFY_WITH_TIMEOUT(writer.queuedBytes() == 0, 30000);
    QTRY_VERIFY(terminalText(m_term).contains(QStringLiteral("line 016383")));
    const QString text = terminalText(m_term);
    const QString marker =
            QStringLiteral("[iocdock: %1 byte(s) of output dropped").arg(writer.droppedBytes());
    QVERIFY2(text.contains(marker), qPrintable(text.left(400)));
    QVERIFY(!text.contains(QStringLiteral("line 000000"))); // the oldest went
    // What follows the marker starts with a whole line.
    const int at = text.indexOf(marker);
    const QString after = text.mid(text.indexOf(QLatin1Char('\n'), at) + 1, 11);
    QVERIFY2(after.startsWith(QStringLiteral("line ")), qPrintable(after));
}

void TestTerminalWriter::limitHasAFloor()
{
    TerminalWriter writer(m_term->getPtySlaveFd());
    writer.setLimit(10);
    QCOMPARE(writer.limit(), 4 * 1024);
    QCOMPARE(TerminalWriter::DefaultLimit, 4 * 1024 * 1024);
}

QTEST_MAIN(TestTerminalWriter)
#include "tst_terminalwriter.moc"
