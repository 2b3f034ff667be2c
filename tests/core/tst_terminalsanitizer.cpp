// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// TerminalSanitizer: what an IOC's console output may do to the user's terminal.
#include "core/procserv/terminalsanitizer.h"

#include <QTest>

class TestTerminalSanitizer : public QObject
{
    Q_OBJECT

private slots:
    void filtersWhole_data();
    void filtersWhole();
    void filtersSplitAnywhere_data() { filtersWhole_data(); }
    void filtersSplitAnywhere();
    void boundsOverlongSequences();
    void countsDropped();
    void plainText_data();
    void plainText();
};

void TestTerminalSanitizer::filtersWhole_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("plain text") << QByteArray("epics> dbl\r\nai1\r\n")
                                << QByteArray("epics> dbl\r\nai1\r\n");
    QTest::newRow("utf-8 and high bytes") << QByteArray("temp \xc2\xb0"
                                                        "C \xff\xfe\x9b")
                                          << QByteArray("temp \xc2\xb0"
                                                        "C \xff\xfe\x9b");
    QTest::newRow("tab backspace bell") << QByteArray("a\tb\bc\a") << QByteArray("a\tb\bc\a");
    QTest::newRow("SGR colour") << QByteArray("\x1b[1;31mERROR\x1b[0m")
                                << QByteArray("\x1b[1;31mERROR\x1b[0m");
    QTest::newRow("SGR 256 colours with colons")
            << QByteArray("\x1b[38:5:208mx") << QByteArray("\x1b[38:5:208mx");
    QTest::newRow("cursor and erase") << QByteArray("\x1b[2J\x1b[H\x1b[K\x1b[3A\x1b[10;5f")
                                      << QByteArray("\x1b[2J\x1b[H\x1b[K\x1b[3A\x1b[10;5f");
    QTest::newRow("cursor visibility")
            << QByteArray("\x1b[?25l.\x1b[?25h") << QByteArray("\x1b[?25l.\x1b[?25h");
    QTest::newRow("save restore cursor") << QByteArray("\x1b"
                                                       "7x\x1b"
                                                       "8")
                                         << QByteArray("\x1b"
                                                       "7x\x1b"
                                                       "8");
    QTest::newRow("charset designation") << QByteArray("\x1b(B") << QByteArray("\x1b(B");

    QTest::newRow("OSC 0 title with BEL") << QByteArray("a\x1b]0;pwned\ab") << QByteArray("ab");
    QTest::newRow("OSC 2 title with ST") << QByteArray("a\x1b]2;pwned\x1b\\b") << QByteArray("ab");
    QTest::newRow("OSC 52 clipboard write")
            << QByteArray("x\x1b]52;c;cm0gLXJmIH4K\ay") << QByteArray("xy");
    QTest::newRow("OSC 52 clipboard query") << QByteArray("\x1b]52;c;?\a") << QByteArray();
    QTest::newRow("OSC 8 hyperlink")
            << QByteArray("\x1b]8;;http://evil/\x1b\\click\x1b]8;;\x1b\\") << QByteArray("click");
    QTest::newRow("OSC 4 colour query") << QByteArray("\x1b]4;1;?\a") << QByteArray();
    QTest::newRow("DCS DECRQSS") << QByteArray("a\x1bP$qm\x1b\\b") << QByteArray("ab");
    QTest::newRow("APC PM SOS") << QByteArray("\x1b_x\x1b\\\x1b^y\x1b\\\x1bXz\x1b\\.")
                                << QByteArray(".");

    QTest::newRow("unterminated OSC ends with its line")
            << QByteArray("a\x1b]0;never ends\r\nb") << QByteArray("a\nb");
    QTest::newRow("CAN cancels a string") << QByteArray("\x1b]0;x\x18y") << QByteArray("y");
    QTest::newRow("SUB cancels a string") << QByteArray("\x1bPq\x1az") << QByteArray("z");
    QTest::newRow("C1 CSI in UTF-8") << QByteArray("a\xc2\x9b"
                                                   "6nb")
                                     << QByteArray("a6nb");
    QTest::newRow("C1 OSC and DCS in UTF-8") << QByteArray("\xc2\x9d"
                                                           "0;t\xc2\x90q")
                                             << QByteArray("0;tq");
    // A C2 without its continuation byte is invalid UTF-8 and dropped (the terminal would show
    // U+FFFD); passed on, it could meet a 0x80..0x9F once bytes between them are dropped.
    QTest::newRow("other UTF-8 after C2")
            << QByteArray("\xc2\xa0\xc2\xc2\xb5x") << QByteArray("\xc2\xa0\xc2\xb5x");
    QTest::newRow("C2 before an escape") << QByteArray("\xc2\x1b[c.") << QByteArray(".");
    QTest::newRow("C2, dropped NULs, then 9B (fuzz)")
            << QByteArray("a\xc2\x00\x00\x9b\x36nb", 8) << QByteArray("a\x9b\x36nb");
    QTest::newRow("C2, dropped query, then 9B")
            << QByteArray("\xc2\x1b[6n\x9b") << QByteArray("\x9b");
    QTest::newRow("DA primary") << QByteArray("a\x1b[cb") << QByteArray("ab");
    QTest::newRow("DA primary with 0") << QByteArray("\x1b[0c") << QByteArray();
    QTest::newRow("DA secondary") << QByteArray("\x1b[>c") << QByteArray();
    QTest::newRow("DSR cursor position") << QByteArray("a\x1b[6nb") << QByteArray("ab");
    QTest::newRow("DSR status") << QByteArray("\x1b[5n") << QByteArray();
    QTest::newRow("DECRQM") << QByteArray("\x1b[?2004$p") << QByteArray();
    QTest::newRow("window report title") << QByteArray("\x1b[21t") << QByteArray();
    QTest::newRow("window resize") << QByteArray("\x1b[8;100;300t") << QByteArray();
    QTest::newRow("mouse reporting on") << QByteArray("\x1b[?1000h\x1b[?1006h") << QByteArray();
    QTest::newRow("bracketed paste off") << QByteArray("\x1b[?2004l") << QByteArray();
    QTest::newRow("REP repeat") << QByteArray("x\x1b[65535b") << QByteArray("x");
    QTest::newRow("DECID") << QByteArray("\x1bZ") << QByteArray();
    QTest::newRow("full reset") << QByteArray("\x1b"
                                              "c")
                                << QByteArray();
    QTest::newRow("S8C1T") << QByteArray("\x1b G") << QByteArray();
    QTest::newRow("ENQ answerback") << QByteArray("a\x05"
                                                  "b")
                                    << QByteArray("ab");
    QTest::newRow("SO SI") << QByteArray("a\x0e"
                                         "b\x0f")
                           << QByteArray("ab");
    QTest::newRow("NUL") << QByteArray("a\0b", 3) << QByteArray("ab");
    QTest::newRow("control inside CSI") << QByteArray("\x1b[1\x05m.") << QByteArray(".");
    QTest::newRow("ESC cancels CSI")
            << QByteArray("\x1b[12\x1b[31mred") << QByteArray("\x1b[31mred");
    QTest::newRow("unterminated OSC eats the rest")
            << QByteArray("a\x1b]0;never ends") << QByteArray("a");
}

void TestTerminalSanitizer::filtersWhole()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    TerminalSanitizer sanitizer;
    QCOMPARE(sanitizer.filter(input), expected);
}

void TestTerminalSanitizer::filtersSplitAnywhere()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    // Byte by byte, and in two pieces at every position.
    TerminalSanitizer bytewise;
    QByteArray out;
    for (const char c : std::as_const(input))
        out += bytewise.filter(QByteArray(1, c));
    QCOMPARE(out, expected);
    for (int split = 0; split <= input.size(); ++split) {
        TerminalSanitizer sanitizer;
        // Two statements: the operands of + are not sequenced.
        QByteArray joined = sanitizer.filter(input.left(split));
        joined += sanitizer.filter(input.mid(split));
        QCOMPARE(joined, expected);
    }
}

void TestTerminalSanitizer::boundsOverlongSequences()
{
    TerminalSanitizer sanitizer;
    // A CSI with a megabyte of parameters is dropped; the text after its final byte shows.
    const QByteArray input = "\x1b[" + QByteArray(1 << 20, '1') + "mafter";
    QCOMPARE(sanitizer.filter(input), QByteArray("after"));
    QCOMPARE(sanitizer.filter("\x1b[31m"), QByteArray("\x1b[31m"));
}

void TestTerminalSanitizer::countsDropped()
{
    TerminalSanitizer sanitizer;
    sanitizer.filter("\x1b]0;t\a\x1b[6n\x05ok\x1b[1m");
    QCOMPARE(sanitizer.droppedCount(), qint64(3));
    sanitizer.filter("\x1b]0;half");
    sanitizer.reset();
    QCOMPARE(sanitizer.filter("text"), QByteArray("text"));
}

void TestTerminalSanitizer::plainText_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<QString>("text");
    QTest::newRow("lines") << QByteArray("a:ai1\r\na:ao1\n") << QStringLiteral("a:ai1\na:ao1\n");
    QTest::newRow("colours dropped")
            << QByteArray("\x1b[1;31mred\x1b[0m tab\t") << QStringLiteral("red tab\t");
    QTest::newRow("title and clipboard dropped")
            << QByteArray("x\x1b]0;owned\x07y\x1b]52;c;Zm9v\x1b\\z") << QStringLiteral("xyz");
    QTest::newRow("device query dropped") << QByteArray("q\x1b[6n\x1b[c") << QStringLiteral("q");
    QTest::newRow("charset and save cursor") << QByteArray("\x1b(Bk\x1b"
                                                           "7l")
                                             << QStringLiteral("kl");
    // Backspace and bell pass filter(): as text they are shown, not acted on.
    QTest::newRow("controls visible") << QByteArray("a\bb\x07") << QStringLiteral("a^Hb^G");
    QTest::newRow("lone CR") << QByteArray("50%\r100%") << QStringLiteral("50%\n100%");
    QTest::newRow("invalid UTF-8") << QByteArray("\xff") << QString(QChar::ReplacementCharacter);
}

void TestTerminalSanitizer::plainText()
{
    QFETCH(QByteArray, output);
    QFETCH(QString, text);
    QCOMPARE(TerminalSanitizer::plainText(output), text);
}

QTEST_APPLESS_MAIN(TestTerminalSanitizer)
#include "tst_terminalsanitizer.moc"
