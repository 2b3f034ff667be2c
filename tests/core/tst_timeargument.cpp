// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/timeargument.h"

#include <QTest>

/// What a time typed on iocctl's command line (events, logs, container logs) is read as.
class TestTimeArgument : public QObject
{
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void bareDurationFollowsTheOption();
    void journalSpellingIsReadBack();
};

namespace {

// A fixed "now", given in UTC: local times below are built in the test's own zone.
const QDateTime kNow(QDate(2026, 12, 7), QTime(10, 30, 15, 500), Qt::UTC);

} // namespace

void TestTimeArgument::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected"); // invalid: refused

    // Durations, docker's and Go's spelling, before now by default.
    QTest::newRow("10m") << QStringLiteral("10m") << kNow.addSecs(-600);
    QTest::newRow("90s") << QStringLiteral("90s") << kNow.addSecs(-90);
    QTest::newRow("1h30m") << QStringLiteral("1h30m") << kNow.addSecs(-5400);
    QTest::newRow("1.5h") << QStringLiteral("1.5h") << kNow.addSecs(-5400);
    QTest::newRow("250ms") << QStringLiteral("250ms") << kNow.addMSecs(-250);
    QTest::newRow("2d") << QStringLiteral("2d") << kNow.addDays(-2);
    QTest::newRow("1w") << QStringLiteral("1w") << kNow.addDays(-7);
    // journalctl's spelling.
    QTest::newRow("10 min ago") << QStringLiteral("10 min ago") << kNow.addSecs(-600);
    QTest::newRow("2 hours ago") << QStringLiteral("2 hours ago") << kNow.addSecs(-7200);
    QTest::newRow("1h 30min ago") << QStringLiteral("1h 30min ago") << kNow.addSecs(-5400);
    QTest::newRow("1 day ago") << QStringLiteral("1 day ago") << kNow.addDays(-1);
    QTest::newRow("-5m") << QStringLiteral("-5m") << kNow.addSecs(-300);
    QTest::newRow("+5m") << QStringLiteral("+5m") << kNow.addSecs(300);
    QTest::newRow("5 min left") << QStringLiteral("5 min left") << kNow.addSecs(300);
    QTest::newRow("upper case") << QStringLiteral("10 MIN AGO") << kNow.addSecs(-600);
    // Words.
    QTest::newRow("now") << QStringLiteral("now") << kNow;
    const QDate today = kNow.toLocalTime().date();
    QTest::newRow("today") << QStringLiteral("today")
                           << QDateTime(today, QTime(0, 0), Qt::LocalTime);
    QTest::newRow("yesterday") << QStringLiteral(" yesterday ")
                               << QDateTime(today.addDays(-1), QTime(0, 0), Qt::LocalTime);
    QTest::newRow("tomorrow") << QStringLiteral("tomorrow")
                              << QDateTime(today.addDays(1), QTime(0, 0), Qt::LocalTime);
    // Unix times: bare as docker takes them, after @ as journalctl does.
    const QDateTime epochish = QDateTime::fromSecsSinceEpoch(1796631130, Qt::UTC);
    QTest::newRow("unix") << QStringLiteral("1796631130") << epochish;
    QTest::newRow("@unix") << QStringLiteral("@1796631130") << epochish;
    QTest::newRow("@unix.ms") << QStringLiteral("@1796631130.250") << epochish.addMSecs(250);
    QTest::newRow("unix.ns") << QStringLiteral("1796631130.000000001") << epochish;
    QTest::newRow("unix.5") << QStringLiteral("1796631130.5") << epochish.addMSecs(500);
    // ISO 8601: local without a zone, else as given.
    QTest::newRow("date") << QStringLiteral("2024-01-31")
                          << QDateTime(QDate(2024, 1, 31), QTime(0, 0), Qt::LocalTime);
    QTest::newRow("date space time") << QStringLiteral("2024-01-31 12:00")
                                     << QDateTime(QDate(2024, 1, 31), QTime(12, 0), Qt::LocalTime);
    QTest::newRow("date T time") << QStringLiteral("2024-01-31T12:00:05")
                                 << QDateTime(QDate(2024, 1, 31), QTime(12, 0, 5), Qt::LocalTime);
    QTest::newRow("Z") << QStringLiteral("2024-01-31T12:00:05Z")
                       << QDateTime(QDate(2024, 1, 31), QTime(12, 0, 5), Qt::UTC);
    QTest::newRow("UTC") << QStringLiteral("2024-01-31 12:00:05 UTC")
                         << QDateTime(QDate(2024, 1, 31), QTime(12, 0, 5), Qt::UTC);
    QTest::newRow("offset") << QStringLiteral("2024-01-31T14:00:05+02:00")
                            << QDateTime(QDate(2024, 1, 31), QTime(12, 0, 5), Qt::UTC);
    QTest::newRow("docker nanoseconds")
            << QStringLiteral("2024-01-31T12:00:05.123456789Z")
            << QDateTime(QDate(2024, 1, 31), QTime(12, 0, 5, 123), Qt::UTC);
    // Refused.
    for (const char *bad :
         { "", "soon", "10 parsecs ago", "yesterday-ish", "10", "m", "1h-", "ago", "2024-13-01",
           "2024-01-31T25:00", "31/01/2024", "99999999999999999999", "10m ago left" }) {
        if (QByteArray(bad) == "10")
            continue; // a bare number is a Unix time (below), not refused
        QTest::newRow(bad[0] ? bad : "empty") << QString::fromLatin1(bad) << QDateTime();
    }
    QTest::newRow("bare number is a Unix time")
            << QStringLiteral("10") << QDateTime::fromSecsSinceEpoch(10, Qt::UTC);
}

void TestTimeArgument::parse()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const QDateTime got = TimeArgument::parse(text, kNow);
    QCOMPARE(got.isValid(), expected.isValid());
    if (expected.isValid())
        QCOMPARE(got.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
}

void TestTimeArgument::bareDurationFollowsTheOption()
{
    using TimeArgument::Bare;
    QCOMPARE(TimeArgument::parse(QStringLiteral("5m"), kNow, Bare::Future), kNow.addSecs(300));
    QCOMPARE(TimeArgument::parse(QStringLiteral("5m"), kNow, Bare::Past), kNow.addSecs(-300));
    // Said outright, the direction is the one said.
    QCOMPARE(TimeArgument::parse(QStringLiteral("5m ago"), kNow, Bare::Future), kNow.addSecs(-300));
    QCOMPARE(TimeArgument::parse(QStringLiteral("-5m"), kNow, Bare::Future), kNow.addSecs(-300));
    QCOMPARE(TimeArgument::parse(QStringLiteral("+5m"), kNow, Bare::Past), kNow.addSecs(300));
}

void TestTimeArgument::journalSpellingIsReadBack()
{
    for (const QDateTime &time :
         { kNow, kNow.addMSecs(7), QDateTime(QDate(1969, 12, 31), QTime(23, 59, 59, 250), Qt::UTC),
           QDateTime(QDate(2024, 1, 31), QTime(12, 0), Qt::LocalTime) }) {
        const QString spelled = TimeArgument::journalSpelling(time);
        QVERIFY2(spelled.startsWith(QLatin1Char('@')), qPrintable(spelled));
        if (time.toMSecsSinceEpoch() >= 0) // journalctl takes no negative Unix time, nor do we
            QCOMPARE(TimeArgument::parse(spelled, kNow).toMSecsSinceEpoch(),
                     time.toMSecsSinceEpoch());
    }
    QCOMPARE(TimeArgument::journalSpelling(QDateTime::fromMSecsSinceEpoch(1500, Qt::UTC)),
             QStringLiteral("@1.500"));
    QCOMPARE(TimeArgument::journalSpelling(QDateTime::fromMSecsSinceEpoch(-1500, Qt::UTC)),
             QStringLiteral("@-2.500"));
}

QTEST_GUILESS_MAIN(TestTimeArgument)
#include "tst_timeargument.moc"
