// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/fleet/iocresolver.h"

#include <QTest>

/// Names and globs from the command line to IOCs: exact names, unit names, globs, ambiguity
/// and the suggestions an unknown name gets.
class TestIocResolver : public QObject
{
    Q_OBJECT

private slots:
    void resolve_data();
    void resolve();
    void suggestions_data();
    void suggestions();
    void editDistance_data();
    void editDistance();
    void notFoundMessageNamesSuggestion();
    void ambiguousMessageListsMatches();
    void eachIocOnce();
    void hostQualifiedNames_data();
    void hostQualifiedNames();
    void ambiguousAcrossHostsNamesTheHosts();
    void containersByIocOrContainerName();

private:
    /// The same IOC (and unit) on two hosts, and one only on the second.
    static QList<Ioc> twoHosts();
    static QList<Ioc> iocs();
};

QList<Ioc> TestIocResolver::iocs()
{
    auto make = [](const QString &name, const QString &unit) {
        Ioc ioc;
        ioc.host = QStringLiteral("local");
        ioc.name = name;
        ioc.unit = unit;
        return ioc;
    };
    return { make(QStringLiteral("motor1"), QStringLiteral("softioc-motor1.service")),
             make(QStringLiteral("motor2"), QStringLiteral("softioc-motor2.service")),
             make(QStringLiteral("vacuum"), QStringLiteral("procserv-vacuum.service")),
             // The same IOC name under two conventions.
             make(QStringLiteral("bpm"), QStringLiteral("softioc-bpm.service")),
             make(QStringLiteral("bpm"), QStringLiteral("ioc@bpm.service")) };
}

void TestIocResolver::resolve_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<bool>("single");
    QTest::addColumn<int>("status");
    QTest::addColumn<QStringList>("units");

    const int ok = static_cast<int>(IocResolver::Status::Ok);
    const int notFound = static_cast<int>(IocResolver::Status::NotFound);
    const int ambiguous = static_cast<int>(IocResolver::Status::Ambiguous);
    const int empty = static_cast<int>(IocResolver::Status::Empty);

    QTest::newRow("name") << QStringList{ QStringLiteral("motor1") } << true << ok
                          << QStringList{ QStringLiteral("softioc-motor1.service") };
    QTest::newRow("unit") << QStringList{ QStringLiteral("procserv-vacuum.service") } << true << ok
                          << QStringList{ QStringLiteral("procserv-vacuum.service") };
    QTest::newRow("unit without suffix") << QStringList{ QStringLiteral("ioc@bpm") } << true << ok
                                         << QStringList{ QStringLiteral("ioc@bpm.service") };
    QTest::newRow("glob, many allowed") << QStringList{ QStringLiteral("motor*") } << false << ok
                                        << QStringList{ QStringLiteral("softioc-motor1.service"),
                                                        QStringLiteral("softioc-motor2.service") };
    QTest::newRow("glob on unit") << QStringList{ QStringLiteral("procserv-*") } << false << ok
                                  << QStringList{ QStringLiteral("procserv-vacuum.service") };
    QTest::newRow("question mark") << QStringList{ QStringLiteral("motor?") } << false << ok
                                   << QStringList{ QStringLiteral("softioc-motor1.service"),
                                                   QStringLiteral("softioc-motor2.service") };
    QTest::newRow("glob, single, ambiguous")
            << QStringList{ QStringLiteral("motor*") } << true << ambiguous << QStringList{};
    QTest::newRow("glob, single, one match")
            << QStringList{ QStringLiteral("vac*") } << true << ok
            << QStringList{ QStringLiteral("procserv-vacuum.service") };
    QTest::newRow("name shared by two units, single")
            << QStringList{ QStringLiteral("bpm") } << true << ambiguous << QStringList{};
    QTest::newRow("name shared by two units, many")
            << QStringList{ QStringLiteral("bpm") } << false << ok
            << QStringList{ QStringLiteral("softioc-bpm.service"),
                            QStringLiteral("ioc@bpm.service") };
    QTest::newRow("unknown") << QStringList{ QStringLiteral("motr1") } << false << notFound
                             << QStringList{};
    QTest::newRow("glob matching nothing")
            << QStringList{ QStringLiteral("xyz*") } << false << notFound << QStringList{};
    QTest::newRow("one good, one unknown")
            << QStringList{ QStringLiteral("motor1"), QStringLiteral("nope") } << false << notFound
            << QStringList{};
    QTest::newRow("case matters for names")
            << QStringList{ QStringLiteral("MOTOR1") } << false << notFound << QStringList{};
    QTest::newRow("nothing") << QStringList{} << false << empty << QStringList{};
    QTest::newRow("two names, single")
            << QStringList{ QStringLiteral("motor1"), QStringLiteral("motor2") } << true
            << ambiguous << QStringList{};
}

void TestIocResolver::resolve()
{
    QFETCH(QStringList, words);
    QFETCH(bool, single);
    QFETCH(int, status);
    QFETCH(QStringList, units);

    const IocResolver resolver(iocs());
    const IocResolver::Result result = resolver.resolve(words, single);
    QCOMPARE(static_cast<int>(result.status), status);
    QStringList got;
    for (const Ioc &ioc : result.iocs)
        got << ioc.unit;
    QCOMPARE(got, units);
    QCOMPARE(result.errorString.isEmpty(), result.isOk());
}

void TestIocResolver::suggestions_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("typo") << QStringLiteral("motr1")
                          << QStringList{ QStringLiteral("motor1"), QStringLiteral("motor2") };
    QTest::newRow("swapped letters")
            << QStringLiteral("vacuun") << QStringList{ QStringLiteral("vacuum") };
    QTest::newRow("case") << QStringLiteral("MOTOR2")
                          << QStringList{ QStringLiteral("motor2"), QStringLiteral("motor1") };
    QTest::newRow("fragment") << QStringLiteral("vac") << QStringList{ QStringLiteral("vacuum") };
    QTest::newRow("far away") << QStringLiteral("temperature") << QStringList{};
    QTest::newRow("shared name once")
            << QStringLiteral("bmp") << QStringList{ QStringLiteral("bpm") };
}

void TestIocResolver::suggestions()
{
    QFETCH(QString, word);
    QFETCH(QStringList, expected);
    QCOMPARE(IocResolver(iocs()).suggestions(word), expected);
}

void TestIocResolver::editDistance_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("distance");
    QTest::newRow("same") << QStringLiteral("abc") << QStringLiteral("abc") << 0;
    QTest::newRow("empty") << QString() << QStringLiteral("abc") << 3;
    QTest::newRow("insert") << QStringLiteral("motr") << QStringLiteral("motor") << 1;
    QTest::newRow("replace") << QStringLiteral("motor1") << QStringLiteral("motor2") << 1;
    QTest::newRow("case-insensitive") << QStringLiteral("ABC") << QStringLiteral("abc") << 0;
    QTest::newRow("kitten") << QStringLiteral("kitten") << QStringLiteral("sitting") << 3;
}

void TestIocResolver::editDistance()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, distance);
    QCOMPARE(IocResolver::editDistance(a, b), distance);
    QCOMPARE(IocResolver::editDistance(b, a), distance);
}

void TestIocResolver::notFoundMessageNamesSuggestion()
{
    const auto result = IocResolver(iocs()).resolve({ QStringLiteral("vacum") }, false);
    QCOMPARE(result.status, IocResolver::Status::NotFound);
    QCOMPARE(result.word, QStringLiteral("vacum"));
    QVERIFY2(result.errorString.contains(QLatin1String("vacum")), qPrintable(result.errorString));
    QVERIFY2(result.errorString.contains(QLatin1String("Did you mean: vacuum?")),
             qPrintable(result.errorString));
}

void TestIocResolver::ambiguousMessageListsMatches()
{
    const auto result = IocResolver(iocs()).resolve({ QStringLiteral("motor*") }, true);
    QCOMPARE(result.status, IocResolver::Status::Ambiguous);
    QCOMPARE(result.matches,
             QStringList({ QStringLiteral("motor1 (softioc-motor1.service)"),
                           QStringLiteral("motor2 (softioc-motor2.service)") }));
    QVERIFY(result.errorString.contains(QLatin1String("motor1 (softioc-motor1.service)")));
    QVERIFY(result.errorString.contains(QLatin1String("motor2 (softioc-motor2.service)")));
}

void TestIocResolver::eachIocOnce()
{
    const auto result = IocResolver(iocs()).resolve(
            { QStringLiteral("motor1"), QStringLiteral("motor*"), QStringLiteral("motor1") },
            false);
    QVERIFY(result.isOk());
    QCOMPARE(result.iocs.size(), 2);
    QCOMPARE(result.iocs.at(0).name, QStringLiteral("motor1"));
    QCOMPARE(result.iocs.at(1).name, QStringLiteral("motor2"));
}

QList<Ioc> TestIocResolver::twoHosts()
{
    auto make = [](const QString &host, const QString &name, const QString &unit) {
        Ioc ioc;
        ioc.host = host;
        ioc.name = name;
        ioc.unit = unit;
        return ioc;
    };
    return { make(QStringLiteral("srv1"), QStringLiteral("motor1"),
                  QStringLiteral("softioc-motor1.service")),
             make(QStringLiteral("root@srv2:2222/user"), QStringLiteral("motor1"),
                  QStringLiteral("softioc-motor1.service")),
             make(QStringLiteral("root@srv2:2222/user"), QStringLiteral("vacuum"),
                  QStringLiteral("procserv-vacuum.service")) };
}

void TestIocResolver::hostQualifiedNames_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<bool>("single");
    QTest::addColumn<int>("status");
    QTest::addColumn<QStringList>("keys");

    const int ok = static_cast<int>(IocResolver::Status::Ok);
    const int notFound = static_cast<int>(IocResolver::Status::NotFound);
    const int ambiguous = static_cast<int>(IocResolver::Status::Ambiguous);
    const QString one = QStringLiteral("srv1/softioc-motor1.service");
    const QString two = QStringLiteral("root@srv2:2222/user/softioc-motor1.service");

    QTest::newRow("name on two hosts, single")
            << QStringLiteral("motor1") << true << ambiguous << QStringList{};
    QTest::newRow("name on two hosts, many")
            << QStringLiteral("motor1") << false << ok << QStringList{ one, two };
    // A unit name is unique on one host only.
    QTest::newRow("unit on two hosts, single")
            << QStringLiteral("softioc-motor1.service") << true << ambiguous << QStringList{};
    QTest::newRow("host/name") << QStringLiteral("srv1/motor1") << true << ok << QStringList{ one };
    QTest::newRow("host with user, port and /user")
            << QStringLiteral("root@srv2:2222/user/motor1") << true << ok << QStringList{ two };
    QTest::newRow("host/unit") << QStringLiteral("root@srv2:2222/user/softioc-motor1") << true << ok
                               << QStringList{ two };
    QTest::newRow("host/glob")
            << QStringLiteral("root@srv2:2222/user/*") << false << ok
            << QStringList{ two, QStringLiteral("root@srv2:2222/user/procserv-vacuum.service") };
    QTest::newRow("name not on that host")
            << QStringLiteral("srv1/vacuum") << true << notFound << QStringList{};
    QTest::newRow("unknown host") << QStringLiteral("srv3/motor1") << true << notFound
                                  << QStringList{};
    QTest::newRow("host only partly given")
            << QStringLiteral("srv2/motor1") << true << notFound << QStringList{};
}

void TestIocResolver::hostQualifiedNames()
{
    QFETCH(QString, word);
    QFETCH(bool, single);
    QFETCH(int, status);
    QFETCH(QStringList, keys);
    const IocResolver::Result result = IocResolver(twoHosts()).resolve({ word }, single);
    QCOMPARE(static_cast<int>(result.status), status);
    QStringList got;
    for (const Ioc &ioc : result.iocs)
        got << ioc.key();
    QCOMPARE(got, keys);
}

void TestIocResolver::ambiguousAcrossHostsNamesTheHosts()
{
    const auto result = IocResolver(twoHosts()).resolve({ QStringLiteral("motor1") }, true);
    QCOMPARE(result.status, IocResolver::Status::Ambiguous);
    QCOMPARE(
            result.matches,
            QStringList({ QStringLiteral("srv1/motor1 (softioc-motor1.service)"),
                          QStringLiteral("root@srv2:2222/user/motor1 (softioc-motor1.service)") }));
    QVERIFY2(result.errorString.contains(QLatin1String("HOST/NAME")),
             qPrintable(result.errorString));
}

void TestIocResolver::containersByIocOrContainerName()
{
    // A container row: its IOC name (label iocdock.ioc) and its container's name differ; a
    // systemd unit runs an IOC of the same name.
    QList<Ioc> rows = iocs();
    Ioc container;
    container.host = QStringLiteral("local");
    container.runtime = QStringLiteral("podman");
    container.name = QStringLiteral("motor1");
    container.containerId = QStringLiteral("0123abcd");
    container.container = QStringLiteral("motor1-ctr");
    rows << container;

    auto result = IocResolver(rows).resolve({ QStringLiteral("motor1-ctr") }, true);
    QVERIFY2(result.isOk(), qPrintable(result.errorString));
    QCOMPARE(result.iocs.size(), 1);
    QCOMPARE(result.iocs.first().key(), QStringLiteral("local/podman:motor1-ctr"));

    // The IOC name is the unit's and the container's: ambiguous, each one labelled by what
    // tells them apart.
    result = IocResolver(rows).resolve({ QStringLiteral("motor1") }, true);
    QCOMPARE(result.status, IocResolver::Status::Ambiguous);
    QCOMPARE(result.matches,
             QStringList({ QStringLiteral("motor1 (softioc-motor1.service)"),
                           QStringLiteral("motor1 (motor1-ctr)") }));

    result = IocResolver(rows).resolve({ QStringLiteral("*-ctr") }, false);
    QVERIFY2(result.isOk(), qPrintable(result.errorString));
    QCOMPARE(result.iocs.size(), 1);
    QCOMPARE(result.iocs.first().containerId, QStringLiteral("0123abcd"));
}

QTEST_GUILESS_MAIN(TestIocResolver)
#include "tst_iocresolver.moc"
