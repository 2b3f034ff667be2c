// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// Fault: the log file a log tab follows is rotated (renamed and recreated, or copied and
// truncated) or deleted. The tab runs what iocLogCommand() gives for a procServ log file
// (tail -F); the test plays procServ and logrotate on a file of its own.
#include "core/hosts/host.h"
#include "core/ioc/iocaccess.h"
#include "ui/logview.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestLogViewFaults : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void followsRenamedAndRecreatedFile();
    void followsCopyTruncate();
    void saysWhenTheFileIsDeletedAndWhenItReturns_data();
    void saysWhenTheFileIsDeletedAndWhenItReturns();

private:
    void startView(LogView &view);
    bool append(const QByteArray &line, const QString &path = {});
    QString status(LogView &view) const
    {
        return view.findChild<QLabel *>(QStringLiteral("statusLabel"))->text();
    }

    QTemporaryDir m_dir;
    QString m_log;
};

void TestLogViewFaults::init()
{
    QVERIFY(m_dir.isValid());
    m_log = m_dir.filePath(QStringLiteral("ioc.log"));
    QFile::remove(m_log);
    QFile::remove(m_log + QStringLiteral(".1"));
    QVERIFY(append("first line\n"));
}

bool TestLogViewFaults::append(const QByteArray &line, const QString &path)
{
    QFile file(path.isEmpty() ? m_log : path);
    return file.open(QIODevice::WriteOnly | QIODevice::Append) && file.write(line) == line.size();
}

void TestLogViewFaults::startView(LogView &view)
{
    Ioc ioc;
    ioc.host = QStringLiteral("user");
    ioc.name = QStringLiteral("logfault");
    ioc.unit = QStringLiteral("softioc-logfault.service");
    ioc.logFile = m_log;
    const Host host(Host::Kind::LocalUser, QString());
    const QStringList argv = iocLogCommand(host, ioc, true, 100);
    QVERIFY2(argv.contains(QStringLiteral("-F")), qPrintable(argv.join(QLatin1Char(' '))));
    view.resize(800, 400);
    view.show();
    view.start(argv);
    QTRY_VERIFY_WITH_TIMEOUT(view.text().contains(QLatin1String("first line")), 10000);
}

void TestLogViewFaults::followsRenamedAndRecreatedFile()
{
    LogView view(Ioc{});
    startView(view);
    QVERIFY(QFile::rename(m_log, m_log + QStringLiteral(".1")));
    QVERIFY(append("to the old file\n", m_log + QStringLiteral(".1")));
    QVERIFY(append("in the new file\n"));
    QTRY_VERIFY_WITH_TIMEOUT(view.text().contains(QLatin1String("in the new file")), 15000);
    QVERIFY2(view.text().contains(QLatin1String("was replaced (rotated)"))
                     || view.text().contains(QLatin1String("appeared again")),
             qPrintable(view.text()));
    QVERIFY(view.isRunning());
    QVERIFY(append("still following\n"));
    QTRY_VERIFY_WITH_TIMEOUT(view.text().contains(QLatin1String("still following")), 10000);
}

void TestLogViewFaults::followsCopyTruncate()
{
    LogView view(Ioc{});
    startView(view);
    QVERIFY(QFile::copy(m_log, m_log + QStringLiteral(".1")));
    QFile file(m_log);
    QVERIFY(file.resize(0));
    // tail notices a truncation only while the file is shorter than what it had read; a write
    // that lands first and is longer hides it (logrotate's copytruncate has the same race).
    QTRY_VERIFY2_WITH_TIMEOUT(view.text().contains(QLatin1String("was truncated")),
                              qPrintable(view.text()), 15000);
    QVERIFY(append("after truncate\n"));
    QTRY_VERIFY_WITH_TIMEOUT(view.text().contains(QLatin1String("after truncate")), 15000);
    QVERIFY(view.isRunning());
}

void TestLogViewFaults::saysWhenTheFileIsDeletedAndWhenItReturns_data()
{
    QTest::addColumn<QByteArray>("language");
    QTest::newRow("as it is") << qgetenv("LANGUAGE");
    // A German desktop: tail must still speak the English the tab reads.
    QTest::newRow("LANGUAGE=de") << QByteArray("de");
}

void TestLogViewFaults::saysWhenTheFileIsDeletedAndWhenItReturns()
{
    QFETCH(QByteArray, language);
    const QByteArray before = qgetenv("LANGUAGE");
    qputenv("LANGUAGE", language);
    const auto restore = qScopeGuard([&before] { qputenv("LANGUAGE", before); });
    LogView view(Ioc{});
    startView(view);
    QSignalSpy finished(&view, &LogView::finished);
    QVERIFY(QFile::remove(m_log));
    // Clear words, in the text and the status, not a line that looks like the IOC's output.
    const QString gone = QStringLiteral("The log file %1 is gone (deleted or moved away); waiting "
                                        "for it to appear again.")
                                 .arg(m_log);
    QTRY_VERIFY2_WITH_TIMEOUT(view.text().contains(gone), qPrintable(view.text()), 15000);
    QCOMPARE(status(view), gone);
    QVERIFY(!view.text().contains(QLatin1String("tail:")));
    QVERIFY(view.isRunning());

    QVERIFY(append("back again\n"));
    QTRY_VERIFY_WITH_TIMEOUT(view.text().contains(QLatin1String("back again")), 15000);
    QVERIFY2(view.text().contains(QLatin1String("appeared again")), qPrintable(view.text()));
    QVERIFY(view.isRunning());
    QVERIFY(finished.isEmpty());
}

QTEST_MAIN(TestLogViewFaults)
#include "tst_logviewfaults.moc"
