// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/execlinecommand.h"
#include "core/fleet/execlinejob.h"

#include <QTest>

/// The text handling of `iocctl exec`: which lines are refused, when the reply is complete,
/// and what is printed (echo and prompt stripped). The real IOC round trip is in tst_iocctl.
class TestExecLineCommand : public QObject
{
    Q_OBJECT

private slots:
    void findControlCharacter_data();
    void findControlCharacter();
    void isComplete_data();
    void isComplete();
    void cleanReply_data();
    void cleanReply();
    void replyStart_data();
    void replyStart();
    void cleanReplyKeepsBytes();
    void makeVisible_data();
    void makeVisible();
    void forTerminalDropsWhatActsOnTheTerminal();
    void withoutProcServLines();
    void splitWords_data();
    void splitWords();
};

void TestExecLineCommand::findControlCharacter_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<int>("position");
    QTest::newRow("plain") << QStringLiteral("dbpr ioc:temp 2") << -1;
    QTest::newRow("ctrl-x") << QStringLiteral("dbl\x18") << 3;
    QTest::newRow("ctrl-c") << QStringLiteral("\x03") << 0;
    QTest::newRow("newline") << QStringLiteral("dbl\nexit") << 3;
    QTest::newRow("carriage return") << QStringLiteral("a\rb") << 1;
    QTest::newRow("tab") << QStringLiteral("a\tb") << 1;
    QTest::newRow("escape") << QStringLiteral("\x1b[A") << 0;
    QTest::newRow("delete") << QStringLiteral("ab\x7f") << 2;
    QTest::newRow("C1 control") << QString(QChar(0x9b)) << 0;
    QTest::newRow("unicode text") << QStringLiteral("dbpr µ") << -1;
}

void TestExecLineCommand::findControlCharacter()
{
    QFETCH(QString, line);
    QFETCH(int, position);
    QCOMPARE(ExecLineCommand::findControlCharacter(line), position);
}

void TestExecLineCommand::isComplete_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<bool>("complete");
    QTest::newRow("nothing") << QByteArray() << false;
    QTest::newRow("echo only") << QByteArray("dbl\r\n") << false;
    QTest::newRow("output, no prompt") << QByteArray("dbl\r\nrec1\r\n") << false;
    QTest::newRow("prompt") << QByteArray("dbl\r\nrec1\r\nepics> ") << true;
    QTest::newRow("prompt alone, no newline before") << QByteArray("epics> ") << false;
    QTest::newRow("prompt mid-line") << QByteArray("dbl\r\nx epics> ") << false;
    QTest::newRow("partial prompt") << QByteArray("dbl\r\nepics>") << false;
}

void TestExecLineCommand::isComplete()
{
    QFETCH(QByteArray, raw);
    QFETCH(bool, complete);
    QCOMPARE(ExecLineCommand::isComplete(raw, QStringLiteral("epics> ")), complete);
}

void TestExecLineCommand::cleanReply_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("reply");
    QTest::newRow("dbl") << QByteArray("dbl\r\nioc:a\r\nioc:b\r\nepics> ")
                         << QByteArray("ioc:a\nioc:b\n");
    QTest::newRow("no output") << QByteArray("dbl\r\nepics> ") << QByteArray();
    QTest::newRow("no echo") << QByteArray("ioc:a\r\nepics> ") << QByteArray("ioc:a\n");
    QTest::newRow("prompt redrawn before echo")
            << QByteArray("epics> dbl\r\nioc:a\r\nepics> ") << QByteArray("ioc:a\n");
    // The IOC's own CR (a progress line) is its output; only the pty's CR LF becomes LF.
    QTest::newRow("lone CR kept") << QByteArray("dbl\r\n10%\r20%\r\nepics> ")
                                  << QByteArray("10%\r20%\n");
}

void TestExecLineCommand::cleanReply()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, reply);
    QCOMPARE(ExecLineCommand::cleanReply(raw, QStringLiteral("dbl"), QStringLiteral("epics> ")),
             reply);
}

void TestExecLineCommand::replyStart_data()
{
    // What follows a line sent to an IOC that may still have been booting: the pty echoed
    // the line at once, the boot went on, and the IOC read the line at its first prompt.
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<int>("start");
    QTest::addColumn<QByteArray>("reply"); // cleanReply() of what follows start, when >= 0
    const QByteArray boot("dbl\r\niocInit\r\niocRun: All initialization complete\r\n## seq\r\n");
    QTest::newRow("idle at its prompt")
            << QByteArray("dbl\r\nioc:a\r\nepics> ") << 0 << QByteArray("ioc:a\n");
    QTest::newRow("boot, its prompt to come") << boot << -1 << QByteArray();
    QTest::newRow("boot, prompt mid-line") << QByteArray(boot + "x epics> ") << -1 << QByteArray();
    QTest::newRow("boot's prompt, reply to come")
            << QByteArray(boot + "epics> ") << int(boot.size() + 7) << QByteArray();
    QTest::newRow("boot's prompt, then the reply") << QByteArray(boot + "epics> ioc:a\r\nepics> ")
                                                   << int(boot.size() + 7) << QByteArray("ioc:a\n");
    // A shell that echoes by itself (readline) echoes the line after its first prompt.
    QTest::newRow("readline echo after the boot's prompt")
            << QByteArray("iocRun: All initialization complete\r\nepics> dbl\r\nioc:a\r\nepics> ")
            << 44 << QByteArray("ioc:a\n");
}

void TestExecLineCommand::replyStart()
{
    QFETCH(QByteArray, raw);
    QFETCH(int, start);
    QFETCH(QByteArray, reply);
    const QString prompt = QStringLiteral("epics> ");
    QCOMPARE(int(ExecLineJob::replyStart(raw, prompt)), start);
    if (start >= 0)
        QCOMPARE(ExecLineJob::cleanReply(raw.mid(start), QStringLiteral("dbl"), prompt), reply);
}

void TestExecLineCommand::cleanReplyKeepsBytes()
{
    // A reply that starts with NUL and holds every byte value was once printed as nothing
    // (QString::fromUtf8() of Qt 5 stops at the first NUL).
    QByteArray all;
    for (int b = 0; b < 256; ++b)
        all += static_cast<char>(b);
    QByteArray raw = QByteArray("allbytes\r\n") + all;
    raw.replace(QByteArray("\n", 1), QByteArray("\r\n")); // as the pty sends it
    raw.replace("allbytes\r\r\n", "allbytes\r\n");
    raw += "\r\nepics> ";
    const QByteArray reply =
            ExecLineCommand::cleanReply(raw, QStringLiteral("allbytes"), QStringLiteral("epics> "));
    QCOMPARE(reply, all + '\n');
}

void TestExecLineCommand::makeVisible_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("visible");
    QTest::newRow("text") << QByteArray("plain text\n") << QByteArray("plain text\n");
    QTest::newRow("NUL") << QByteArray("a\0b", 3) << QByteArray("a^@b");
    QTest::newRow("controls") << QByteArray("\x01\x05\x7f") << QByteArray("^A^E^?");
    QTest::newRow("kept controls") << QByteArray("\t\r\n\b\x07") << QByteArray("\t\r\n\b\x07");
    QTest::newRow("0xff") << QByteArray("x\xffy") << QByteArray("x\\xffy");
    QTest::newRow("valid UTF-8") << QByteArray("\xc2\xb5 \xe2\x82\xac \xf0\x9f\x98\x80")
                                 << QByteArray("\xc2\xb5 \xe2\x82\xac \xf0\x9f\x98\x80");
    QTest::newRow("truncated sequence") << QByteArray("\xe2\x82") << QByteArray("\\xe2\\x82");
    QTest::newRow("overlong") << QByteArray("\xc0\xaf") << QByteArray("\\xc0\\xaf");
    QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << QByteArray("\\xed\\xa0\\x80");
    QTest::newRow("escape sequence left to the sanitizer")
            << QByteArray("\x1b[31mred") << QByteArray("\x1b[31mred");
    QTest::newRow("ESC before a control") << QByteArray("\x1b\x01") << QByteArray("^[^A");
    QTest::newRow("ESC at the end") << QByteArray("a\x1b") << QByteArray("a^[");
}

void TestExecLineCommand::makeVisible()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, visible);
    QCOMPARE(ExecLineCommand::makeVisible(bytes), visible);
}

void TestExecLineCommand::forTerminalDropsWhatActsOnTheTerminal()
{
    static const char bytes[] = "title\x1b]0;evil\x07 clip\x1b]52;c;aGk=\x07 da\x1b[c dsr\x1b[6n "
                                "nul\0 ff\xff \x1b[1mbold\x1b[0m\n";
    const QByteArray reply(bytes, sizeof bytes - 1);
    const QByteArray shown = ExecLineCommand::forTerminal(reply);
    QCOMPARE(shown, QByteArray("title clip da dsr nul^@ ff\\xff \x1b[1mbold\x1b[0m\n"));
}

void TestExecLineCommand::withoutProcServLines()
{
    QCOMPARE(ExecLineCommand::withoutProcServLines("a\n@@@ Restarting child \"x\"\nb\n@@@ y"),
             QByteArray("a\nb\n"));
    // The report glued to output the IOC left without a newline (seen with abort()).
    QCOMPARE(ExecLineCommand::withoutProcServLines(
                     "abort: calling abort()@@@ Current time: Sun Dec  6 04:35:25 2026\r\n"
                     "@@@ Child process is shutting down, auto restart\r\n"),
             QByteArray("abort: calling abort()\n"));
}

void TestExecLineCommand::splitWords_data()
{
    // args: exec's words from its name on; positional: what the parser leaves of them.
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("positional");
    QTest::addColumn<bool>("hasFilter");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QStringList>("line");
    const auto l = [](const char *text) {
        return QString::fromLatin1(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    };
    QTest::newRow("one name, no --")
            << l("exec a dbpr x") << l("a dbpr x") << false << l("a") << l("dbpr x");
    QTest::newRow("one name, --") << l("exec a -- dbl") << l("a dbl") << false << l("a")
                                  << l("dbl");
    QTest::newRow("names and options before --")
            << l("exec --timeout 3 a b* -- echo --user") << l("a b* echo --user") << false
            << l("a b*") << l("echo --user");
    QTest::newRow("filter, no names")
            << l("exec -f name=x* -- dbl") << l("dbl") << true << QStringList() << l("dbl");
    QTest::newRow("filter without --: all is the line")
            << l("exec -f name=x* echo hi") << l("echo hi") << true << QStringList()
            << l("echo hi");
    QTest::newRow("-- in the line")
            << l("exec a -- echo -- b") << l("a echo -- b") << false << l("a") << l("echo -- b");
    QTest::newRow("nothing after --")
            << l("exec a b --") << l("a b") << false << l("a b") << QStringList();
}

void TestExecLineCommand::splitWords()
{
    QFETCH(QStringList, args);
    QFETCH(QStringList, positional);
    QFETCH(bool, hasFilter);
    QStringList names;
    QStringList line;
    ExecLineCommand::splitWords(args, positional, hasFilter, &names, &line);
    QTEST(names, "names");
    QTEST(line, "line");
}

QTEST_GUILESS_MAIN(TestExecLineCommand)
#include "tst_execlinecommand.moc"
