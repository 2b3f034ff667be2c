#include "app/iocctl/execlinecommand.h"

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
    QTest::addColumn<QString>("reply");
    QTest::newRow("dbl") << QByteArray("dbl\r\nioc:a\r\nioc:b\r\nepics> ")
                         << QStringLiteral("ioc:a\nioc:b\n");
    QTest::newRow("no output") << QByteArray("dbl\r\nepics> ") << QString();
    QTest::newRow("no echo") << QByteArray("ioc:a\r\nepics> ") << QStringLiteral("ioc:a\n");
    QTest::newRow("prompt redrawn before echo")
            << QByteArray("epics> dbl\r\nioc:a\r\nepics> ") << QStringLiteral("ioc:a\n");
}

void TestExecLineCommand::cleanReply()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, reply);
    QCOMPARE(ExecLineCommand::cleanReply(raw, QStringLiteral("dbl"), QStringLiteral("epics> ")),
             reply);
}

QTEST_GUILESS_MAIN(TestExecLineCommand)
#include "tst_execlinecommand.moc"
