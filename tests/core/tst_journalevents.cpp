// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/fleet/journalevents.h"
#include "core/hosts/host.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

/// What `iocctl events --since` reads back from a journal: the journalctl command, the
/// entries' meaning, and the "no journal" answer of this machine's real journalctl.
class TestJournalEvents : public QObject
{
    Q_OBJECT

private slots:
    void command();
    void fromEntry_data();
    void fromEntry();
    void fieldForms();
    void parseLines();
    void parseRealJournalctlOutput();
    void noJournalHere();
};

void TestJournalEvents::command()
{
    Host user(Host::Kind::LocalUser, {});
    const QDateTime since = QDateTime::fromSecsSinceEpoch(1800000000, Qt::UTC);
    const QDateTime until = since.addMSecs(60250);
    QCOMPARE(JournalEvents::command(user, { QStringLiteral("softioc-a.service") }, since, until),
             (QStringList{ QStringLiteral("journalctl"), QStringLiteral("--no-pager"),
                           QStringLiteral("-o"), QStringLiteral("json"),
                           QStringLiteral("--since=@1800000000.000"),
                           QStringLiteral("--until=@1800000060.250"),
                           QStringLiteral("--user-unit=softioc-a.service") }));
    Host system(Host::Kind::LocalSystem, {});
    const QStringList argv = JournalEvents::command(
            system, { QStringLiteral("a.service"), QStringLiteral("b.service") }, since,
            QDateTime());
    QCOMPARE(argv.mid(4),
             (QStringList{ QStringLiteral("--since=@1800000000.000"),
                           QStringLiteral("--unit=a.service"),
                           QStringLiteral("--unit=b.service") }));
}

// The entries below are written by hand with the fields systemd 252 and procServ 2.7 log
// (systemd.catalog's MESSAGE_IDs; JOB_TYPE/JOB_RESULT/JOB_ID from job_log_done_status_message,
// UNIT_RESULT from unit_log_failure). A fake: this machine has no journald, so no real journal
// entry can be produced here (noJournalHere() checks that for real).
void TestJournalEvents::fromEntry_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("events"); // "type name key=value..."

    QTest::newRow("start job done (user manager)")
            << QByteArray(R"({"__REALTIME_TIMESTAMP":"1800000000123456","MESSAGE_ID":)"
                          R"("39f53479d3a045ac8e11786248231fbf","USER_UNIT":"softioc-vac.service",)"
                          R"("JOB_TYPE":"start","JOB_RESULT":"done","JOB_ID":"77",)"
                          R"("_SYSTEMD_USER_UNIT":"init.scope","MESSAGE":"Started vac."})")
            << QStringList{ QStringLiteral("start vac"),
                            QStringLiteral("job vac result=done job=77") };
    QTest::newRow("start job failed (system manager)")
            << QByteArray(R"({"__REALTIME_TIMESTAMP":"1800000000000000","MESSAGE_ID":)"
                          R"("be02cf6855d2428ba40df7e9d022f03d","UNIT":"softioc-vac.service",)"
                          R"("JOB_TYPE":"start","JOB_RESULT":"failed","JOB_ID":"78",)"
                          R"("_SYSTEMD_UNIT":"init.scope","MESSAGE":"Failed to start vac."})")
            << QStringList{ QStringLiteral("job vac result=failed job=78") };
    QTest::newRow("stop job done")
            << QByteArray(R"({"__REALTIME_TIMESTAMP":"1800000000000000","MESSAGE_ID":)"
                          R"("9d1aaa27d60140bd96365438aad20286","UNIT":"softioc-vac.service",)"
                          R"("JOB_TYPE":"stop","JOB_RESULT":"done","JOB_ID":"79"})")
            << QStringList{ QStringLiteral("stop vac"),
                            QStringLiteral("job vac result=done job=79") };
    QTest::newRow("stop job timed out")
            << QByteArray(R"({"__REALTIME_TIMESTAMP":"1800000000000000","MESSAGE_ID":)"
                          R"("9d1aaa27d60140bd96365438aad20286","UNIT":"softioc-vac.service",)"
                          R"("JOB_TYPE":"stop","JOB_RESULT":"timeout"})")
            << QStringList{ QStringLiteral("job vac result=timeout") };
    QTest::newRow("unit failed") << QByteArray(
            R"({"__REALTIME_TIMESTAMP":"1800000000000000","MESSAGE_ID":)"
            R"("d9b373ed55a64feb8242e02dbe79a49c","UNIT":"softioc-vac.service",)"
            R"("UNIT_RESULT":"exit-code"})")
                                 << QStringList{ QStringLiteral("fail vac result=exit-code") };
    QTest::newRow("automatic restart scheduled")
            << QByteArray(R"({"__REALTIME_TIMESTAMP":"1800000000000000","MESSAGE_ID":)"
                          R"("5eb03494b6584870a536b337290809b3","USER_UNIT":"softioc-vac.service",)"
                          R"("N_RESTARTS":"4","MESSAGE":"softioc-vac.service: Scheduled restart )"
                          R"(job, restart counter is at 4."})")
            << QStringList{ QStringLiteral("restart vac restarts=4") };
    QTest::newRow("job begun: nothing")
            << QByteArray(R"({"__REALTIME_TIMESTAMP":"1800000000000000","MESSAGE_ID":)"
                          R"("7d4958e842da4a758f6c1cdc7b36dcc5","UNIT":"softioc-vac.service",)"
                          R"("JOB_TYPE":"start","JOB_ID":"80"})")
            << QStringList{};
    QTest::newRow("procServ: child exited")
            << QByteArray(R"({"__REALTIME_TIMESTAMP":"1800000000000000",)"
                          R"("_SYSTEMD_UNIT":"softioc-vac.service","MESSAGE":)"
                          R"("@@@ Received a sigChild for process 4242. Normal exit status = 3"})")
            << QStringList{ QStringLiteral("child-exit vac exit=exit 3") };
    QTest::newRow("procServ: child killed")
            << QByteArray(R"({"__REALTIME_TIMESTAMP":"1800000000000000",)"
                          R"("_SYSTEMD_USER_UNIT":"softioc-vac.service","MESSAGE":)"
                          R"("@@@ Received a sigChild for process 4242. The process was )"
                          R"(killed by signal 11"})")
            << QStringList{ QStringLiteral("child-exit vac exit=SIGSEGV") };
    QTest::newRow("procServ: new child")
            << QByteArray(R"({"__REALTIME_TIMESTAMP":"1800000000000000",)"
                          R"("_SYSTEMD_UNIT":"softioc-vac.service","MESSAGE":)"
                          R"("@@@ The PID of new child \"vac\" is: 4343"})")
            << QStringList{ QStringLiteral("child-restart vac pid=4343") };
    QTest::newRow("IOC output: nothing")
            << QByteArray(R"({"__REALTIME_TIMESTAMP":"1800000000000000",)"
                          R"("_SYSTEMD_UNIT":"softioc-vac.service","MESSAGE":"epics> "})")
            << QStringList{};
    QTest::newRow("unknown unit: its own name")
            << QByteArray(R"({"__REALTIME_TIMESTAMP":"1800000000000000","MESSAGE_ID":)"
                          R"("d9b373ed55a64feb8242e02dbe79a49c","UNIT":"softioc-gone.service",)"
                          R"("UNIT_RESULT":"signal"})")
            << QStringList{ QStringLiteral("fail softioc-gone.service result=signal") };
}

void TestJournalEvents::fromEntry()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, events);
    const QJsonObject entry = QJsonDocument::fromJson(json).object();
    QVERIFY(!entry.isEmpty());
    const QHash<QString, QString> names{ { QStringLiteral("softioc-vac.service"),
                                           QStringLiteral("vac") } };
    const QList<FleetEvent> got = JournalEvents::fromEntry(entry, QStringLiteral("host1"), names);
    QStringList text;
    for (const FleetEvent &e : got) {
        QString line = e.type + QLatin1Char(' ') + e.name;
        for (const auto &pair : e.attributes)
            line += QLatin1Char(' ') + pair.first + QLatin1Char('=') + pair.second;
        text << line;
        QVERIFY2(FleetEvent::types().contains(e.type), qPrintable(e.type));
        QCOMPARE(e.host, QStringLiteral("host1"));
        QVERIFY(e.unit.endsWith(QLatin1String(".service")));
        QCOMPARE(e.time.toMSecsSinceEpoch() / 1000, qint64(1800000000));
    }
    QCOMPARE(text, events);
}

void TestJournalEvents::fieldForms()
{
    // journalctl -o json: non-UTF-8 bytes as an array of numbers, a repeated field as an array.
    const QJsonObject entry =
            QJsonDocument::fromJson(R"({"A":"text","B":[64,64,64,32,255],"C":["one","two"]})")
                    .object();
    QCOMPARE(JournalEvents::field(entry, QStringLiteral("A")), QStringLiteral("text"));
    QVERIFY(JournalEvents::field(entry, QStringLiteral("B")).startsWith(QLatin1String("@@@ ")));
    QCOMPARE(JournalEvents::field(entry, QStringLiteral("C")), QStringLiteral("one"));
    QCOMPARE(JournalEvents::field(entry, QStringLiteral("D")), QString());
}

void TestJournalEvents::parseLines()
{
    const QByteArray output =
            R"({"__REALTIME_TIMESTAMP":"1800000000000000","MESSAGE_ID":"d9b373ed55a64feb8242e02dbe79a49c","UNIT":"a.service","UNIT_RESULT":"exit-code"})"
            "\nnot json\n\n"
            R"({"__REALTIME_TIMESTAMP":"1800000001000000","MESSAGE_ID":"39f53479d3a045ac8e11786248231fbf","UNIT":"a.service","JOB_RESULT":"done"})"
            "\n";
    const QList<FleetEvent> events = JournalEvents::parse(output, QStringLiteral("h"), {});
    QCOMPARE(events.size(), 3);
    QCOMPARE(events.at(0).type, QStringLiteral("fail"));
    QCOMPARE(events.at(1).type, QStringLiteral("start"));
    QCOMPARE(events.at(2).type, QStringLiteral("job"));
    QVERIFY(events.at(0).time < events.at(1).time);
}

void TestJournalEvents::parseRealJournalctlOutput()
{
    // journalctl's own JSON of a journal file (tests/data/journal/README.md says how it was made).
    QFile file(QStringLiteral(IOCDOCK_TEST_DATA_DIR "/journal/ioc-events.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray output = file.readAll();
    QVERIFY(output.contains("\"MESSAGE\":[")); // the non-UTF-8 line, as numbers
    const QHash<QString, QString> names{
        { QStringLiteral("softioc-vac.service"), QStringLiteral("vac") },
        { QStringLiteral("softioc-bad.service"), QStringLiteral("bad") }
    };
    const QList<FleetEvent> events = JournalEvents::parse(output, QStringLiteral("user"), names);
    QStringList text;
    for (const FleetEvent &e : events) {
        QString line = e.time.toString(Qt::ISODateWithMs) + QLatin1Char(' ') + e.type
                + QLatin1Char(' ') + e.name;
        for (const auto &pair : e.attributes)
            line += QLatin1Char(' ') + pair.first + QLatin1Char('=') + pair.second;
        text << line;
    }
    QCOMPARE(text,
             (QStringList{
                     QStringLiteral("2027-01-15T08:00:00.001Z start vac"),
                     QStringLiteral("2027-01-15T08:00:00.001Z job vac result=done job=101"),
                     QStringLiteral("2027-01-15T08:00:05.000Z child-exit vac exit=SIGSEGV"),
                     QStringLiteral("2027-01-15T08:00:05.000Z child-restart vac pid=9010"),
                     QStringLiteral("2027-01-15T08:00:09.000Z fail bad result=exit-code"),
                     QStringLiteral("2027-01-15T08:00:09.000Z job bad result=failed job=102"),
                     QStringLiteral("2027-01-15T08:00:12.000Z stop vac"),
                     QStringLiteral("2027-01-15T08:00:12.000Z job vac result=done job=103") }));
}

void TestJournalEvents::noJournalHere()
{
    // This machine's real journalctl, as iocctl runs it: on a machine without journald (this
    // sandbox) it says there is no journal; where a journal exists the answer is the opposite.
    if (QStandardPaths::findExecutable(QStringLiteral("journalctl")).isEmpty())
        QSKIP("no journalctl");
    Host user(Host::Kind::LocalUser, {});
    const QStringList argv = JournalEvents::probeCommand(user);
    QProcess probe;
    probe.start(argv.first(), argv.mid(1));
    QVERIFY(probe.waitForFinished(30000));
    const QByteArray err = probe.readAllStandardError();
    // journald keeps the machine's journal in a folder named by the machine ID.
    QFile id(QStringLiteral("/etc/machine-id"));
    const QString machine =
            id.open(QIODevice::ReadOnly) ? QString::fromLatin1(id.readAll().trimmed()) : QString();
    const bool hasJournal = !machine.isEmpty()
            && (QFileInfo::exists(QStringLiteral("/run/log/journal/") + machine)
                || QFileInfo::exists(QStringLiteral("/var/log/journal/") + machine));
    QCOMPARE(JournalEvents::saysNoJournal(err), !hasJournal);
}

QTEST_GUILESS_MAIN(TestJournalEvents)
#include "tst_journalevents.moc"
