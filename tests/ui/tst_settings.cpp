// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/settings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

class TestSettings : public QObject
{
    Q_OBJECT

private slots:
    void roundTrips();
    void validate_data();
    void validate();
    void invalidStoredValuesFallBackToDefaults();
};

void TestSettings::roundTrips()
{
    QTemporaryDir dir;
    QSettings store(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    Settings s = Settings::defaults();
    s.unitPatterns =
            QStringList{ QStringLiteral("softioc-*.service"), QStringLiteral("ioc@*.service") };
    s.scrollbackLines = 2500;
    s.colorScheme = QStringLiteral("Solarized");
    s.confirmActions = false;
    s.logLines = 50;
    s.terminalFont.setPointSize(13);
    s.save(store);
    QCOMPARE(Settings::load(store), s);
}

void TestSettings::validate_data()
{
    QTest::addColumn<QStringList>("patterns");
    QTest::addColumn<int>("scrollback");
    QTest::addColumn<bool>("valid");
    QTest::newRow("defaults") << QStringList() << 10000 << true;
    QTest::newRow("patterns") << QStringList{ QStringLiteral("softioc-*.service") } << 10000
                              << true;
    QTest::newRow("space in pattern")
            << QStringList{ QStringLiteral("softioc *") } << 10000 << false;
    QTest::newRow("empty pattern") << QStringList{ QString() } << 10000 << false;
    QTest::newRow("scrollback too small") << QStringList() << 10 << false;
    QTest::newRow("scrollback too large") << QStringList() << 100000000 << false;
}

void TestSettings::validate()
{
    QFETCH(QStringList, patterns);
    QFETCH(int, scrollback);
    QFETCH(bool, valid);
    Settings s = Settings::defaults();
    s.unitPatterns = patterns;
    s.scrollbackLines = scrollback;
    QCOMPARE(s.validate().isEmpty(), valid);
}

void TestSettings::invalidStoredValuesFallBackToDefaults()
{
    QTemporaryDir dir;
    QSettings store(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    store.setValue(QStringLiteral("console/scrollbackLines"), -5);
    QCOMPARE(Settings::load(store), Settings::defaults());
}

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
