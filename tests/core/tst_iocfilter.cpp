// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/iocfilter.h"

#include <QTest>

namespace {

Ioc makeIoc(const QString &name, const QString &activeState, const QString &subState = {})
{
    Ioc ioc;
    ioc.host = QStringLiteral("local-system");
    ioc.name = name;
    ioc.unit = QStringLiteral("softioc-") + name + QStringLiteral(".service");
    ioc.convention = QStringLiteral("manage-iocs");
    ioc.unitPath = QStringLiteral("/org/freedesktop/systemd1/unit/x");
    ioc.loadState = QStringLiteral("loaded");
    ioc.activeState = activeState;
    ioc.subState = subState;
    ioc.unitFileState = QStringLiteral("enabled");
    return ioc;
}

// A small fleet covering every status and a few conventions and hosts.
QList<Ioc> fleet()
{
    QList<Ioc> iocs;
    Ioc motor =
            makeIoc(QStringLiteral("motor-1"), QStringLiteral("active"), QStringLiteral("running"));
    motor.childState = ChildState::Running;
    motor.childPid = 4242;
    motor.mainPid = 4200;
    motor.nRestarts = 2;
    motor.childRestarts = 0; // its child never restarted (known)
    iocs << motor;

    Ioc motor2 =
            makeIoc(QStringLiteral("Motor-2"), QStringLiteral("active"), QStringLiteral("running"));
    motor2.childState = ChildState::ShutDown;
    motor2.host = QStringLiteral("ioc1.example.org");
    motor2.unitFileState = QStringLiteral("disabled");
    iocs << motor2;

    Ioc vac = makeIoc(QStringLiteral("vacuum"), QStringLiteral("failed"), QStringLiteral("failed"));
    vac.convention = QStringLiteral("procservutils");
    vac.unit = QStringLiteral("procserv-vacuum.service");
    vac.nRestarts = 7;
    iocs << vac;

    Ioc rf = makeIoc(QStringLiteral("rf-llrf"), QStringLiteral("inactive"), QStringLiteral("dead"));
    rf.convention = QStringLiteral("frib");
    rf.unitFileState = QStringLiteral("disabled");
    iocs << rf;

    Ioc slit = makeIoc(QStringLiteral("slit/x"), QStringLiteral("activating"),
                       QStringLiteral("start"));
    slit.convention = QStringLiteral("e3");
    slit.unit = QStringLiteral("ioc@slit.service");
    iocs << slit;

    Ioc cam = makeIoc(QStringLiteral("camera"), QStringLiteral("activating"),
                      QStringLiteral("auto-restart"));
    cam.convention = QStringLiteral("ioc-runner");
    cam.unit = QStringLiteral("epics-@camera.service");
    cam.nRestarts = 3;
    iocs << cam;

    Ioc bpm = makeIoc(QStringLiteral("bpm"), QStringLiteral("deactivating"),
                      QStringLiteral("stop-sigterm"));
    bpm.convention = QStringLiteral("generic");
    bpm.unitFileState = QStringLiteral("static");
    iocs << bpm;
    return iocs;
}

QString matchingNames(const IocFilter &filter)
{
    QStringList names;
    for (const Ioc &ioc : fleet()) {
        if (filter.matches(ioc))
            names << ioc.name;
    }
    return names.join(QLatin1Char(','));
}

} // namespace

/// The filter language: parsing (with error positions for the GUI) and matching.
class TestIocFilter : public QObject
{
    Q_OBJECT
private slots:
    void matches_data();
    void matches();
    void restartsSeenAreALowerBound();
    void invalid_data();
    void invalid();
    void termList_data();
    void termList();
    void emptyFilter();
    void keys();
};

void TestIocFilter::matches_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // names of fleet() that match, in order

    const QString all = QStringLiteral("motor-1,Motor-2,vacuum,rf-llrf,slit/x,camera,bpm");
    QTest::newRow("empty") << QString() << all;
    QTest::newRow("blanks") << QStringLiteral("   \t ") << all;
    QTest::newRow("glob") << QStringLiteral("name=motor*") << QStringLiteral("motor-1,Motor-2");
    QTest::newRow("glob is anchored") << QStringLiteral("name=otor*") << QString();
    QTest::newRow("glob exact") << QStringLiteral("name=vacuum") << QStringLiteral("vacuum");
    QTest::newRow("glob case-insensitive")
            << QStringLiteral("name=MOTOR-?") << QStringLiteral("motor-1,Motor-2");
    QTest::newRow("glob set") << QStringLiteral("name=motor-[2-9]") << QStringLiteral("Motor-2");
    QTest::newRow("glob negated set")
            << QStringLiteral("name=motor-[!2]") << QStringLiteral("motor-1");
    QTest::newRow("glob star crosses slash")
            << QStringLiteral("name=s*x") << QStringLiteral("slit/x");
    QTest::newRow("regex chars are literal") << QStringLiteral("name=slit/.") << QString();
    QTest::newRow("key is case-insensitive") << QStringLiteral("NAME=bpm") << QStringLiteral("bpm");
    QTest::newRow("free word substring")
            << QStringLiteral("tor") << QStringLiteral("motor-1,Motor-2");
    QTest::newRow("free word case") << QStringLiteral("VAC") << QStringLiteral("vacuum");
    QTest::newRow("free word glob") << QStringLiteral("m*r-1") << QStringLiteral("motor-1");
    QTest::newRow("free words AND") << QStringLiteral("motor 2") << QStringLiteral("Motor-2");
    QTest::newRow("free word negated")
            << QStringLiteral("!motor") << QStringLiteral("vacuum,rf-llrf,slit/x,camera,bpm");
    QTest::newRow("status running")
            << QStringLiteral("status=running") << QStringLiteral("motor-1");
    QTest::newRow("status shutdown")
            << QStringLiteral("status=shutdown") << QStringLiteral("Motor-2");
    QTest::newRow("status alternatives")
            << QStringLiteral("status=failed|exited") << QStringLiteral("vacuum,rf-llrf");
    QTest::newRow("status starting")
            << QStringLiteral("status=starting") << QStringLiteral("slit/x");
    QTest::newRow("status restarting")
            << QStringLiteral("status=restarting") << QStringLiteral("camera");
    QTest::newRow("status stopping") << QStringLiteral("status=Stopping") << QStringLiteral("bpm");
    QTest::newRow("same key ORs") << QStringLiteral("status=running status=shutdown")
                                  << QStringLiteral("motor-1,Motor-2");
    QTest::newRow("keys AND") << QStringLiteral("name=motor* status=running")
                              << QStringLiteral("motor-1");
    QTest::newRow("negation") << QStringLiteral("status!=running|shutdown")
                              << QStringLiteral("vacuum,rf-llrf,slit/x,camera,bpm");
    QTest::newRow("negations AND") << QStringLiteral("name!=motor* name!=b*")
                                   << QStringLiteral("vacuum,rf-llrf,slit/x,camera");
    QTest::newRow("host") << QStringLiteral("host=ioc1*") << QStringLiteral("Motor-2");
    QTest::newRow("enabled true") << QStringLiteral("enabled=true")
                                  << QStringLiteral("motor-1,vacuum,slit/x,camera,bpm");
    QTest::newRow("enabled no") << QStringLiteral("enabled=no")
                                << QStringLiteral("Motor-2,rf-llrf");
    QTest::newRow("convention") << QStringLiteral("convention=procservutils")
                                << QStringLiteral("vacuum");
    QTest::newRow("convention display name")
            << QStringLiteral("convention=FRIB") << QStringLiteral("rf-llrf");
    QTest::newRow("convention alternatives")
            << QStringLiteral("convention=e3|ioc-runner") << QStringLiteral("slit/x,camera");
    QTest::newRow("unit without suffix")
            << QStringLiteral("unit=procserv-vacuum") << QStringLiteral("vacuum");
    QTest::newRow("unit with suffix")
            << QStringLiteral("unit=epics-@camera.service") << QStringLiteral("camera");
    QTest::newRow("unit glob") << QStringLiteral("unit=ioc@*") << QStringLiteral("slit/x");
    QTest::newRow("pid of child") << QStringLiteral("pid=4242") << QStringLiteral("motor-1");
    QTest::newRow("pid of procServ") << QStringLiteral("pid=4200") << QStringLiteral("motor-1");
    QTest::newRow("pid zero matches nothing") << QStringLiteral("pid=0") << QString();
    QTest::newRow("restarts >") << QStringLiteral("restarts>2") << QStringLiteral("vacuum,camera");
    QTest::newRow("restarts >=") << QStringLiteral("restarts>=2")
                                 << QStringLiteral("motor-1,vacuum,camera");
    QTest::newRow("restarts range")
            << QStringLiteral("restarts>0 restarts<5") << QStringLiteral("motor-1,camera");
    QTest::newRow("restarts =") << QStringLiteral("restarts=7") << QStringLiteral("vacuum");
    QTest::newRow("double quotes") << QStringLiteral("\"name=slit/x\"") << QStringLiteral("slit/x");
    QTest::newRow("quoted value") << QStringLiteral("name='motor-1'") << QStringLiteral("motor-1");
    QTest::newRow("quoted space matches nothing") << QStringLiteral("\"motor 1\"") << QString();
}

void TestIocFilter::matches()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const IocFilter filter = IocFilter::parse(text);
    QVERIFY2(filter.isValid(), qPrintable(filter.errorString()));
    QCOMPARE(filter.errorString(), QString());
    QCOMPARE(filter.errorPosition(), -1);
    QCOMPARE(matchingNames(filter), expected);
}

void TestIocFilter::invalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("position");
    QTest::addColumn<int>("length");

    QTest::newRow("unknown key")
            << QStringLiteral("stat=running")
            << QStringLiteral("Unknown filter key 'stat'. Known keys: name, status, host, enabled, "
                              "convention, unit, pid, restarts, runtime, image")
            << 0 << 4;
    QTest::newRow("unknown key after a good term")
            << QStringLiteral("motor  Foo=1")
            << QStringLiteral("Unknown filter key 'Foo'. Known keys: name, status, host, enabled, "
                              "convention, unit, pid, restarts, runtime, image")
            << 7 << 3;
    QTest::newRow("bad status")
            << QStringLiteral("status=runing")
            << QStringLiteral("Unknown status 'runing'. Known: running, exited, failed, shutdown, "
                              "starting, stopping, restarting, crashloop, created, paused, unknown")
            << 7 << 6;
    QTest::newRow("bad status alternative")
            << QStringLiteral("status=running|dead")
            << QStringLiteral("Unknown status 'dead'. Known: running, exited, failed, shutdown, "
                              "starting, stopping, restarting, crashloop, created, paused, unknown")
            << 15 << 4;
    QTest::newRow("empty alternative")
            << QStringLiteral("status=running|")
            << QStringLiteral("Empty alternative in 'running|'") << 14 << 1;
    QTest::newRow("empty first alternative")
            << QStringLiteral("status=|running")
            << QStringLiteral("Empty alternative in '|running'") << 7 << 1;
    QTest::newRow("bad boolean") << QStringLiteral("enabled=maybe")
                                 << QStringLiteral("'maybe' is not a boolean; use true or false")
                                 << 8 << 5;
    QTest::newRow("empty value") << QStringLiteral("name=")
                                 << QStringLiteral("Missing value after 'name='") << 4 << 1;
    QTest::newRow("empty value negated")
            << QStringLiteral("x name!=") << QStringLiteral("Missing value after 'name!='") << 6
            << 2;
    QTest::newRow("missing key") << QStringLiteral("=motor")
                                 << QStringLiteral("Missing filter key before '='") << 0 << 1;
    QTest::newRow("bad convention")
            << QStringLiteral("convention=docker")
            << QStringLiteral(
                       "Unknown convention 'docker'. Known: procservutils, manage-iocs, frib, "
                       "ioc-runner, e3, generic")
            << 11 << 6;
    QTest::newRow("bad pid") << QStringLiteral("pid=abc") << QStringLiteral("'abc' is not a number")
                             << 4 << 3;
    QTest::newRow("negative restarts")
            << QStringLiteral("restarts>-1") << QStringLiteral("'-1' is not a number") << 9 << 2;
    QTest::newRow("relational on name")
            << QStringLiteral("name>a")
            << QStringLiteral(
                       "The operator '>' works only with restarts; use '=' or '!=' with name")
            << 4 << 1;
    QTest::newRow("relational alternatives")
            << QStringLiteral("restarts>1|2") << QStringLiteral("Give one number after '>'") << 9
            << 3;
    QTest::newRow("unterminated quote") << QStringLiteral("name=\"motor 1")
                                        << QStringLiteral("Missing closing quote \"") << 5 << 8;
    QTest::newRow("lone bang") << QStringLiteral("motor !")
                               << QStringLiteral("Missing word after '!'") << 6 << 1;
    // Positions count characters of the text as typed, quotes included.
    QTest::newRow("position through quotes")
            << QStringLiteral("\"status\"=\"bad\"")
            << QStringLiteral("Unknown status 'bad'. Known: running, exited, failed, shutdown, "
                              "starting, stopping, restarting, crashloop, created, paused, unknown")
            << 10 << 3;
}

void TestIocFilter::invalid()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    QFETCH(int, position);
    QFETCH(int, length);
    const IocFilter filter = IocFilter::parse(text);
    QVERIFY(!filter.isValid());
    QVERIFY(!filter.isEmpty());
    QCOMPARE(filter.errorString(), message);
    QCOMPARE(filter.errorPosition(), position);
    QCOMPARE(filter.errorLength(), length);
    // An invalid filter hides everything rather than showing a misleading subset.
    QCOMPARE(matchingNames(filter), QString());
}

void TestIocFilter::termList_data()
{
    QTest::addColumn<QStringList>("terms");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("errorTerm");
    QTest::addColumn<int>("errorPosition");

    QTest::newRow("one") << QStringList{ QStringLiteral("status=running") } << true
                         << QStringLiteral("motor-1") << -1 << -1;
    QTest::newRow("spaces need no quotes")
            << QStringList{ QStringLiteral("name=motor 1") } << true << QString() << -1 << -1;
    QTest::newRow("quotes are literal")
            << QStringList{ QStringLiteral("name=\"bpm\"") } << true << QString() << -1 << -1;
    QTest::newRow("same key ORs") << QStringList{ QStringLiteral("name=bpm"),
                                                  QStringLiteral("name=camera") }
                                  << true << QStringLiteral("camera,bpm") << -1 << -1;
    QTest::newRow("empty term ignored") << QStringList{ QString(), QStringLiteral("convention=e3") }
                                        << true << QStringLiteral("slit/x") << -1 << -1;
    QTest::newRow("error in second term")
            << QStringList{ QStringLiteral("name=bpm"), QStringLiteral("enabled=perhaps") } << false
            << QString() << 1 << 8;
}

void TestIocFilter::termList()
{
    QFETCH(QStringList, terms);
    QFETCH(bool, valid);
    QFETCH(QString, expected);
    QFETCH(int, errorTerm);
    QFETCH(int, errorPosition);
    const IocFilter filter = IocFilter::parse(terms);
    QCOMPARE(filter.isValid(), valid);
    QCOMPARE(filter.errorTerm(), errorTerm);
    QCOMPARE(filter.errorPosition(), errorPosition);
    QCOMPARE(matchingNames(filter), expected);
}

void TestIocFilter::emptyFilter()
{
    QVERIFY(IocFilter().isEmpty());
    QVERIFY(IocFilter::parse(QString()).isEmpty());
    QVERIFY(IocFilter::parse(QStringList()).isEmpty());
    QVERIFY(!IocFilter::parse(QStringLiteral("motor")).isEmpty());
    QVERIFY(IocFilter().matches(Ioc()));
}

void TestIocFilter::keys()
{
    QCOMPARE(
            IocFilter::keys(),
            (QStringList{ QStringLiteral("name"), QStringLiteral("status"), QStringLiteral("host"),
                          QStringLiteral("enabled"), QStringLiteral("convention"),
                          QStringLiteral("unit"), QStringLiteral("pid"), QStringLiteral("restarts"),
                          QStringLiteral("runtime"), QStringLiteral("image") }));
    // Every key parses with a value from its own value list.
    for (const QString &key : IocFilter::keys()) {
        const QStringList values = IocFilter::values(key);
        const QString value = values.isEmpty() ? QStringLiteral("1") : values.first();
        const IocFilter filter = IocFilter::parse(key + QLatin1Char('=') + value);
        QVERIFY2(filter.isValid(), qPrintable(key + QLatin1String(": ") + filter.errorString()));
    }
    QVERIFY(IocFilter::values(QStringLiteral("status")).contains(QStringLiteral("shutdown")));
    QVERIFY(IocFilter::values(QStringLiteral("name")).isEmpty());
}

QTEST_GUILESS_MAIN(TestIocFilter)
#include "tst_iocfilter.moc"

void TestIocFilter::restartsSeenAreALowerBound()
{
    // An IOC seen crashing 3 times by a client that does not know what came before: the
    // count is unknown, but at least 3 (and systemd's 1).
    Ioc ioc;
    ioc.name = QStringLiteral("crashy");
    ioc.unitPath = QStringLiteral("/org/freedesktop/systemd1/unit/crashy");
    ioc.activeState = QStringLiteral("active");
    ioc.subState = QStringLiteral("running");
    ioc.nRestarts = 1;
    ioc.childRestarts = -1;
    ioc.childRestartsSeen = 3;
    QCOMPARE(ioc.restarts(), qint64(-1));
    QCOMPARE(ioc.restartsAtLeast(), qint64(4));
    const auto matches = [&ioc](const QString &text) {
        const IocFilter filter = IocFilter::parse(text);
        return filter.isValid() && filter.matches(ioc);
    };
    QVERIFY(matches(QStringLiteral("restarts>0")));
    QVERIFY(matches(QStringLiteral("restarts>3")));
    QVERIFY(matches(QStringLiteral("restarts>=4")));
    QVERIFY(!matches(QStringLiteral("restarts>4"))); // may be more, not known to be
    QVERIFY(!matches(QStringLiteral("restarts<10"))); // may be more
    QVERIFY(!matches(QStringLiteral("restarts=4")));
    ioc.childRestartsSeen = 0; // systemd's restart is still known
    QVERIFY(matches(QStringLiteral("restarts>0")));
    ioc.nRestarts = 0; // nothing seen: unknown matches no comparison
    QVERIFY(!matches(QStringLiteral("restarts>0")));
    QVERIFY(!matches(QStringLiteral("restarts>=1")));
}
