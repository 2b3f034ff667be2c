// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/conventions.h"

#include <QTest>

namespace {

QStringList split(const char *commandLine)
{
    return QString::fromUtf8(commandLine).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

/// Classifying units into the discovery conventions of docs/architecture.md §5, with unit names and
/// ExecStart lines as the conventions write them (peer-survey.md §1, §2, §6).
class TestConventions : public QObject
{
    Q_OBJECT
private slots:
    void classify_data();
    void classify();
    void defaultUnitPatterns();
    void unitNameRoundTrip();
    void displayName();
    void isProcServProgram_data();
    void isProcServProgram();
    void table();
};

void TestConventions::classify_data()
{
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QStringList>("argv");
    QTest::addColumn<QStringList>("environmentFiles");
    QTest::addColumn<QString>("convention");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("isIoc");

    const QStringList none;

    // procServUtils' generator (generator.py: ExecStart=procServ-launcher --system NAME).
    QTest::newRow("procServUtils system")
            << QStringLiteral("procserv-motor.service")
            << split("/usr/bin/procServ-launcher --system motor") << none
            << QStringLiteral("procservutils") << QStringLiteral("motor") << true;
    QTest::newRow("procServUtils user, argv unknown")
            << QStringLiteral("procserv-my_ioc-2.service") << none << none
            << QStringLiteral("procservutils") << QStringLiteral("my_ioc-2") << true;
    QTest::newRow("procServUtils, no suffix")
            << QStringLiteral("procserv-motor") << none << none << QStringLiteral("procservutils")
            << QStringLiteral("motor") << true;
    QTest::newRow("procServ-launcher in a hand-written unit")
            << QStringLiteral("custom.service") << split("procServ-launcher --user -d vac") << none
            << QStringLiteral("procservutils") << QStringLiteral("vac") << true;

    // NSLS-II systemd-softioc (library.sh) and the Python manage-iocs.
    QTest::newRow("manage-iocs")
            << QStringLiteral("softioc-xf31id-ioc1.service")
            << split("/usr/bin/procServ -f -q -c /epics/iocs/xf31id-ioc1 -i ^D^C^] -p "
                     "/var/run/softioc-xf31id-ioc1.pid -n xf31id-ioc1 --restrict -L "
                     "/var/log/softioc/xf31id-ioc1/xf31id-ioc1.log 4050 "
                     "/epics/iocs/xf31id-ioc1/st.cmd")
            << none << QStringLiteral("manage-iocs") << QStringLiteral("xf31id-ioc1") << true;
    QTest::newRow("softioc, argv unknown")
            << QStringLiteral("softioc-bpm.service") << none << none
            << QStringLiteral("manage-iocs") << QStringLiteral("bpm") << true;

    // FRIB (mark0n Puppet): TCP port plus a UNIX socket; config as EnvironmentFile.
    QTest::newRow("FRIB by socket")
            << QStringLiteral("softioc-ls2-rf-llrf.service")
            << split("/usr/bin/procServ --foreground --quiet --chdir=/iocs/ls2-rf-llrf "
                     "--ignore=^C^D^] --coresize=10000000 --restrict "
                     "--logfile=/var/log/softioc-ls2-rf-llrf/procServ.log --name ls2-rf-llrf "
                     "--port 4051 --port unix:/run/softioc-ls2-rf-llrf/procServ.sock "
                     "/iocs/ls2-rf-llrf/st.cmd")
            << none << QStringLiteral("frib") << QStringLiteral("ls2-rf-llrf") << true;
    QTest::newRow("FRIB by socket with --port=")
            << QStringLiteral("softioc-a.service")
            << split("procServ -f --port=unix:/run/softioc-a/procServ.sock 4051 st.cmd") << none
            << QStringLiteral("frib") << QStringLiteral("a") << true;
    QTest::newRow("FRIB by environment file")
            << QStringLiteral("softioc-cryo.service") << none
            << QStringList{ QStringLiteral("-/etc/iocs/cryo/config") } << QStringLiteral("frib")
            << QStringLiteral("cryo") << true;
    QTest::newRow("another IOC's socket is not FRIB")
            << QStringLiteral("softioc-a.service")
            << split("procServ -f --port unix:/run/softioc-b/procServ.sock 4051 st.cmd")
            << QStringList{ QStringLiteral("/etc/iocs/b/config") } << QStringLiteral("manage-iocs")
            << QStringLiteral("a") << true;

    // epics-ioc-runner (ALS-U): template epics-@.service.
    QTest::newRow("ioc-runner")
            << QStringLiteral("epics-@ts2-motor.service")
            << split("procServ --foreground --logfile=/var/log/procserv/ts2-motor.log "
                     "--name=ts2-motor --ignore=^D^C^] --autorestartcmd= --chdir=/opt/ioc "
                     "--port=unix:ioc-srv:ioc:0660:/run/procserv/ts2-motor/control ./st.cmd")
            << QStringList{ QStringLiteral("/etc/procServ.d/ts2-motor.conf") }
            << QStringLiteral("ioc-runner") << QStringLiteral("ts2-motor") << true;
    QTest::newRow("ioc-runner template") << QStringLiteral("epics-@.service") << none << none
                                         << QStringLiteral("ioc-runner") << QString() << false;

    // ESS e3 training: template ioc@.service.
    QTest::newRow("e3")
            << QStringLiteral("ioc@tgt-hv.service")
            << split("/usr/bin/procServ --foreground --name=tgt-hv "
                     "--logfile=/var/log/procServ/tgt-hv/out.log "
                     "--info-file=/var/run/procServ/tgt-hv/info --ignore=^C^D --logoutcmd=^Q "
                     "--chdir=/var/run/procServ/tgt-hv "
                     "--port=unix:/var/run/procServ/tgt-hv/control "
                     "/epics/base-7.0.7/require/5.0.0/bin/iocsh.bash "
                     "/opt/iocs/e3-ioc-tgt-hv/st.cmd")
            << none << QStringLiteral("e3") << QStringLiteral("tgt-hv") << true;
    QTest::newRow("e3 template") << QStringLiteral("ioc@.service") << none << none
                                 << QStringLiteral("e3") << QString() << false;

    // Anything else running procServ (EPNix, hand-written units).
    QTest::newRow("EPNix, no -n: unit name")
            << QStringLiteral("ioc.service")
            << split("/nix/store/abc-procServ-2.8.0/bin/procServ --foreground --oneshot --logfile "
                     "- "
                     "--holdoff 0 --chdir /nix/store/def-ioc 2000 /nix/store/ghi-app/bin/softIoc "
                     "st.cmd")
            << none << QStringLiteral("generic") << QStringLiteral("ioc") << true;
    QTest::newRow("generic -n NAME")
            << QStringLiteral("my-ioc.service")
            << split("/usr/bin/procServ -f -n TestIOC 20000 ./st.cmd") << none
            << QStringLiteral("generic") << QStringLiteral("TestIOC") << true;
    QTest::newRow("generic -nNAME")
            << QStringLiteral("x.service") << split("procServ -f -nTestIOC 20000 ./st.cmd") << none
            << QStringLiteral("generic") << QStringLiteral("TestIOC") << true;
    QTest::newRow("generic clustered -fn NAME")
            << QStringLiteral("x.service") << split("procServ -qfn TestIOC 20000 ./st.cmd") << none
            << QStringLiteral("generic") << QStringLiteral("TestIOC") << true;
    QTest::newRow("generic --name NAME")
            << QStringLiteral("x.service") << split("procServ -L - --name TestIOC 20000 ./st.cmd")
            << none << QStringLiteral("generic") << QStringLiteral("TestIOC") << true;
    QTest::newRow("generic --na NAME (getopt prefix)") // found by fuzz_procservcommand
            << QStringLiteral("x.service") << split("procServ --fore --na ioc2 --port 20000 st.cmd")
            << none << QStringLiteral("generic") << QStringLiteral("ioc2") << true;
    QTest::newRow("generic, the last -n wins") // found by fuzz_procservcommand
            << QStringLiteral("x.service")
            << QStringList{ QStringLiteral("procServ"),
                            QStringLiteral("-n"),
                            QStringLiteral("first"),
                            QStringLiteral("-n"),
                            QString(),
                            QStringLiteral("20000"),
                            QStringLiteral("st.cmd") }
            << none << QStringLiteral("generic") << QStringLiteral("x") << true;
    QTest::newRow("generic --name=NAME")
            << QStringLiteral("x.service") << split("procServ --name=TestIOC 20000 ./st.cmd")
            << none << QStringLiteral("generic") << QStringLiteral("TestIOC") << true;
    QTest::newRow("option values are skipped")
            << QStringLiteral("x.service") << split("procServ -c -n -L - 20000 ./st.cmd") << none
            << QStringLiteral("generic") << QStringLiteral("x") << true;
    QTest::newRow("the child's -n is not procServ's")
            << QStringLiteral("other.service") << split("procServ -f 20000 ./app -n child") << none
            << QStringLiteral("generic") << QStringLiteral("other") << true;
    QTest::newRow("not procServ") << QStringLiteral("nginx.service")
                                  << split("/usr/sbin/nginx -g daemon_on;") << none << QString()
                                  << QString() << false;
    QTest::newRow("procServ as an argument only")
            << QStringLiteral("wrapper.service") << split("/usr/bin/env procServ -f 2000 st.cmd")
            << none << QString() << QString() << false;
    QTest::newRow("unknown unit, argv unknown") << QStringLiteral("ioc-motor.service") << none
                                                << none << QString() << QString() << false;
    QTest::newRow("prefix needs the dash") << QStringLiteral("procservfoo.service") << none << none
                                           << QString() << QString() << false;
}

void TestConventions::classify()
{
    QFETCH(QString, unit);
    QFETCH(QStringList, argv);
    QFETCH(QStringList, environmentFiles);
    QFETCH(QString, convention);
    QFETCH(QString, name);
    QFETCH(bool, isIoc);

    const ConventionMatch match = Conventions::classify(unit, argv, environmentFiles);
    QCOMPARE(match.convention, convention);
    QCOMPARE(match.iocName, name);
    QCOMPARE(match.isIoc, isIoc);
}

void TestConventions::defaultUnitPatterns()
{
    const QStringList patterns = Conventions::defaultUnitPatterns();
    QCOMPARE(
            patterns,
            (QStringList{ QStringLiteral("procserv-*.service"), QStringLiteral("softioc-*.service"),
                          QStringLiteral("epics-@*.service"), QStringLiteral("ioc@*.service") }));
}

void TestConventions::unitNameRoundTrip()
{
    for (const QString &convention : Conventions::ids()) {
        const QString unit = Conventions::unitName(convention, QStringLiteral("vac-1"));
        if (convention == QLatin1String("generic")) {
            QVERIFY(unit.isEmpty());
            continue;
        }
        const ConventionMatch match = Conventions::classify(
                unit, {},
                convention == QLatin1String("frib")
                        ? QStringList{ QStringLiteral("/etc/iocs/vac-1/config") }
                        : QStringList());
        QCOMPARE(match.convention, convention);
        QCOMPARE(match.iocName, QStringLiteral("vac-1"));
        QVERIFY(match.isIoc);
    }
    QCOMPARE(Conventions::unitName(QStringLiteral("e3"), QStringLiteral("x")),
             QStringLiteral("ioc@x.service"));
    QCOMPARE(Conventions::unitName(QStringLiteral("e3"), QString()), QString());
    QCOMPARE(Conventions::unitName(QStringLiteral("bogus"), QStringLiteral("x")), QString());
}

void TestConventions::displayName()
{
    QCOMPARE(Conventions::displayName(QStringLiteral("procservutils")),
             QStringLiteral("procServUtils"));
    QCOMPARE(Conventions::displayName(QStringLiteral("manage-iocs")),
             QStringLiteral("NSLS-II manage-iocs"));
    QCOMPARE(Conventions::displayName(QStringLiteral("frib")), QStringLiteral("FRIB"));
    QCOMPARE(Conventions::displayName(QStringLiteral("ioc-runner")),
             QStringLiteral("epics-ioc-runner"));
    QCOMPARE(Conventions::displayName(QStringLiteral("e3")), QStringLiteral("ESS e3"));
    QCOMPARE(Conventions::displayName(QStringLiteral("generic")), QStringLiteral("procServ"));
    QCOMPARE(Conventions::displayName(QStringLiteral("other")), QStringLiteral("other"));
}

void TestConventions::isProcServProgram_data()
{
    QTest::addColumn<QString>("argv0");
    QTest::addColumn<bool>("expected");
    QTest::newRow("name") << QStringLiteral("procServ") << true;
    QTest::newRow("path") << QStringLiteral("/usr/bin/procServ") << true;
    QTest::newRow("launcher") << QStringLiteral("/usr/bin/procServ-launcher") << true;
    QTest::newRow("systemd prefixes") << QStringLiteral("-@/usr/bin/procServ") << true;
    QTest::newRow("other") << QStringLiteral("/usr/bin/procServer") << false;
    QTest::newRow("directory named procServ") << QStringLiteral("/opt/procServ/bin/run") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestConventions::isProcServProgram()
{
    QFETCH(QString, argv0);
    QFETCH(bool, expected);
    QCOMPARE(Conventions::isProcServProgram(argv0), expected);
}

void TestConventions::table()
{
    // The rows are what the rest reads: ids in display order, found by id.
    QStringList ids;
    for (const Convention &row : Conventions::table()) {
        ids << QLatin1String(row.id);
        QCOMPARE(Conventions::find(QLatin1String(row.id)), &row);
    }
    QCOMPARE(ids, Conventions::ids());
    QCOMPARE(Conventions::find(QStringLiteral("other")), nullptr);

    const QString unit = QStringLiteral("vac-1");
    for (const Convention &row : Conventions::table()) {
        const QString id = QLatin1String(row.id);
        const QString prefix = QLatin1String(row.unitPrefix);
        if (prefix.isEmpty()) {
            // Found by what it runs, never by name.
            QCOMPARE(row.nameFrom, Convention::NameFrom::ProcServCommand);
            QCOMPARE(Conventions::classify(QStringLiteral("x.service"),
                                           { QStringLiteral("procServ"), QStringLiteral("-n"), unit,
                                             QStringLiteral("2000"), QStringLiteral("st") })
                             .convention,
                     id);
            continue;
        }
        // Every prefix is listed, once: a row that does not own its prefix shares an earlier
        // row's, and claims that row's unit by its default socket.
        const QString pattern = prefix + QStringLiteral("*.service");
        QCOMPARE(Conventions::defaultUnitPatterns().count(pattern), 1);
        if (row.ownsUnitPrefix) {
            QCOMPARE(Conventions::classify(row.unitName(unit)).convention, id);
        } else {
            const QString socket =
                    QStringLiteral("unix:") + row.defaultSocketPath(QStringLiteral("/run"), unit);
            QCOMPARE(Conventions::classify(row.unitName(unit),
                                           { QStringLiteral("procServ"), QStringLiteral("-P"),
                                             socket, QStringLiteral("st.cmd") })
                             .convention,
                     id);
        }
        // A convention's own launcher names its IOC, whatever the unit is called.
        if (*row.launcherProgram) {
            const ConventionMatch match = Conventions::classify(
                    QStringLiteral("custom.service"),
                    { QLatin1String(row.launcherProgram), QStringLiteral("--system"), unit });
            QCOMPARE(match.convention, id);
            QCOMPARE(match.iocName, unit);
        }
        // A config file's name holds the IOC's name.
        if (*row.configFileName)
            QVERIFY2(QString::fromLatin1(row.configFileName).contains(QLatin1String("%1")), row.id);
    }
}

QTEST_GUILESS_MAIN(TestConventions)
#include "tst_conventions.moc"
