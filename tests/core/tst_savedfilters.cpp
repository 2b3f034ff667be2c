// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// Saved filters: the one file iocdock and iocctl share, and the expansion of -f @NAME.

#include "core/ioc/iocfilter.h"
#include "core/ioc/savedfilters.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestSavedFilters : public QObject
{
    Q_OBJECT

private slots:
    void defaultPathIsUnderXdgConfigHome();
    void missingFileIsEmpty();
    void savesAndLoads();
    void replacesByName();
    void refusesBadEntries_data();
    void refusesBadEntries();
    void expandsNames();
    void unknownNameIsAnError();
    void termsGiveTheSameFilter();
    void brokenFileIsAnError();
};

void TestSavedFilters::defaultPathIsUnderXdgConfigHome()
{
    QTemporaryDir dir;
    qputenv("XDG_CONFIG_HOME", dir.path().toLocal8Bit());
    QCOMPARE(SavedFilters::defaultPath(), dir.path() + QStringLiteral("/iocdock/filters.json"));
}

void TestSavedFilters::missingFileIsEmpty()
{
    QTemporaryDir dir;
    QString error;
    const SavedFilters saved = SavedFilters::load(dir.filePath(QStringLiteral("no.json")), &error);
    QVERIFY(saved.entries().isEmpty());
    QVERIFY(error.isEmpty());
}

void TestSavedFilters::savesAndLoads()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/filters.json"));
    SavedFilters saved;
    QVERIFY(saved.insert({ QStringLiteral("motors"), QStringLiteral("name=motor* 'host=a b'"),
                           QStringLiteral("running") }));
    QVERIFY(saved.insert({ QStringLiteral("all-failed"), QString(), QStringLiteral("failed") }));
    QString error;
    QVERIFY2(saved.save(path, &error), qPrintable(error));
    const SavedFilters loaded = SavedFilters::load(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(loaded.entries(), saved.entries());
    QCOMPARE(loaded.names(),
             QStringList({ QStringLiteral("motors"), QStringLiteral("all-failed") }));
}

void TestSavedFilters::replacesByName()
{
    SavedFilters saved;
    QVERIFY(saved.insert({ QStringLiteral("v"), QStringLiteral("a"), {} }));
    QVERIFY(saved.insert({ QStringLiteral("v"), QStringLiteral("b"), {} }));
    QCOMPARE(saved.entries().size(), 1);
    QCOMPARE(saved.entry(QStringLiteral("v")).filter, QStringLiteral("b"));
    QVERIFY(saved.remove(QStringLiteral("v")));
    QVERIFY(!saved.contains(QStringLiteral("v")));
}

void TestSavedFilters::refusesBadEntries_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("error");
    QTest::newRow("empty name") << QString() << QString() << QString() << "one word";
    QTest::newRow("space") << "a b" << QString() << QString() << "one word";
    QTest::newRow("at") << "@a" << QString() << QString() << "one word";
    QTest::newRow("status") << "a" << QString() << "up"
                            << "Unknown status toggle";
    QTest::newRow("filter") << "a"
                            << "status=nonsense" << QString() << "Bad filter";
}

void TestSavedFilters::refusesBadEntries()
{
    QFETCH(QString, name);
    QFETCH(QString, filter);
    QFETCH(QString, status);
    QFETCH(QString, error);
    SavedFilters saved;
    QString why;
    QVERIFY(!saved.insert({ name, filter, status }, &why));
    QVERIFY2(why.contains(error), qPrintable(why));
    QVERIFY(saved.entries().isEmpty());
}

void TestSavedFilters::expandsNames()
{
    SavedFilters saved;
    QVERIFY(saved.insert({ QStringLiteral("m"), QStringLiteral("name=motor* \"unit=a b\""),
                           QStringLiteral("not-running") }));
    QStringList out;
    QString error;
    QVERIFY(saved.expand({ QStringLiteral("host=x"), QStringLiteral("@m") }, &out, &error));
    QCOMPARE(out,
             QStringList({ QStringLiteral("host=x"), QStringLiteral("name=motor*"),
                           QStringLiteral("unit=a b"), QStringLiteral("status!=running") }));
}

void TestSavedFilters::unknownNameIsAnError()
{
    SavedFilters saved;
    QVERIFY(saved.insert({ QStringLiteral("m"), QStringLiteral("x"), {} }));
    QStringList out{ QStringLiteral("unchanged") };
    QString error;
    QVERIFY(!saved.expand({ QStringLiteral("@nosuch") }, &out, &error));
    QCOMPARE(out, QStringList{ QStringLiteral("unchanged") });
    QCOMPARE(error, QStringLiteral("No saved filter named \"nosuch\" (saved: m)."));
}

void TestSavedFilters::termsGiveTheSameFilter()
{
    // What the filter bar's text means and what iocctl gets after expansion agree.
    const QString text = QStringLiteral("mot 'name=a b*' restarts>2 status=running|failed");
    Ioc ioc;
    ioc.name = QStringLiteral("a b motor");
    const IocFilter fromText = IocFilter::parse(text);
    QVERIFY(fromText.isValid());
    const IocFilter fromTerms = IocFilter::parse(fromText.termTexts());
    QVERIFY(fromTerms.isValid());
    QCOMPARE(fromTerms.termTexts(), fromText.termTexts());
    QCOMPARE(fromTerms.matches(ioc), fromText.matches(ioc));
}

void TestSavedFilters::brokenFileIsAnError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("filters.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ not json");
    file.close();
    QString error;
    const SavedFilters saved = SavedFilters::load(path, &error);
    QVERIFY(saved.entries().isEmpty());
    QVERIFY2(error.contains(path), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestSavedFilters)
#include "tst_savedfilters.moc"
