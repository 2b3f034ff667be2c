// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// Fault: an IOC prints terminal device queries and OSC strings into a read-write console
// tab. QTermWidget would answer a query (ESC[6n, ESC[c, DECRQSS, OSC colour/clipboard
// queries) by emitting sendData, which the console sends to the IOC as if typed. Real
// procServ; the IOC is a shell loop printing the sequences (iocsim has no knob for them).
#include "core/ioc/ioc.h"
#include "core/procserv/consolesession.h"
#include "ui/console/consoleview.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <qtermwidget.h>

class TestTerminalQueries : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void consoleDoesNotAnswerDeviceQueries();

private:
    QTemporaryDir m_dir;
    QProcess m_procServ;
};

void TestTerminalQueries::init()
{
    QVERIFY(m_dir.isValid());
    const QString script = QStringLiteral(
            "while :; do printf 'q \\033[6n \\033[c \\033[>c \\033[5n \\033P$qm\\033\\\\ "
            "\\033]52;c;?\\a \\033]11;?\\a \\033[21t \\033Z marker\\r\\n'; sleep 0.2; done");
    m_procServ.setProgram(QStringLiteral("procServ"));
    m_procServ.setArguments({ QStringLiteral("--foreground"), QStringLiteral("--quiet"),
                              QStringLiteral("--holdoff"), QStringLiteral("1"),
                              QStringLiteral("-P"),
                              QStringLiteral("unix:") + m_dir.filePath(QStringLiteral("ctl")),
                              QStringLiteral("/bin/sh"), QStringLiteral("-c"), script });
    m_procServ.start();
    QVERIFY2(m_procServ.waitForStarted(5000), qPrintable(m_procServ.errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_dir.filePath(QStringLiteral("ctl"))), 5000);
}

void TestTerminalQueries::cleanup()
{
    m_procServ.terminate();
    m_procServ.waitForFinished(5000);
}

void TestTerminalQueries::consoleDoesNotAnswerDeviceQueries()
{
    Ioc ioc;
    ioc.host = QStringLiteral("test");
    ioc.name = QStringLiteral("queries");
    ioc.unit = QStringLiteral("queries.service");
    ioc.activeState = QStringLiteral("active");
    ioc.console = ConsoleEndpoint::fromString(QStringLiteral("unix:")
                                              + m_dir.filePath(QStringLiteral("ctl")));
    auto *session = new ConsoleSession;
    session->setEndpoint(ioc.console);
    ConsoleView view(ioc, session); // read-write
    view.resize(800, 400);
    view.show();
    QVERIFY(!view.isReadOnly());
    QByteArray sent; // what the terminal would send towards the IOC
    connect(view.terminal(), &QTermWidget::sendData, this,
            [&sent](const char *data, int size) { sent.append(data, size); });
    QTRY_VERIFY_WITH_TIMEOUT(
            view.terminal()->screenLinesCount() > 0 && session->bytesReceived() > 2000, 10000);
    // The text around the queries arrives; no byte goes back towards the IOC.
    QTRY_VERIFY_WITH_TIMEOUT(
            view.terminal()->historyLinesCount() > 0 || session->bytesReceived() > 4000, 10000);
    QCOMPARE(sent, QByteArray());
}

QTEST_MAIN(TestTerminalQueries)
#include "tst_terminalqueries.moc"
