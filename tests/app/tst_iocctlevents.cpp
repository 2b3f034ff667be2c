// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "tests/common/eventlines.h"
#include "tests/common/sandbox.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

/// The real `iocctl events` against the sandbox: systemd's job outcomes as events (whoever
/// started the job), --since where there is no journal, and --until ending a replay and a stream.
class TestIocctlEvents : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void jobOutcomeOfFailedStart();
    void restartIsAStopAndAStart();
    void systemdRestartsAreEvents();
    void unknownEventTypeIsAnError();
    void sinceWithoutJournal();
    void untilEndsTheStream();

private:
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
        QString describe() const
        {
            return QStringLiteral("exit code %1\n--- stdout:\n%2--- stderr:\n%3")
                    .arg(QString::number(code), out, err);
        }
    };
    Run iocctl(const QStringList &args, int timeoutMs = 90000);
    /// Starts `iocctl --user events ARGS --until 300s` in @p events; true once it says it
    /// watches (within 60 s).
    static bool watch(QProcess &events, const QStringList &args);
    static bool machineHasJournal();

    Sandbox m_sandbox;
    QStringList m_units;
};

void TestIocctlEvents::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    QVERIFY(QFileInfo(Sandbox::binPath(QStringLiteral("iocctl"))).isExecutable());
    // An IOC whose start job fails: its ExecStartPre fails before procServ runs.
    const QString bad = QStringLiteral("softioc-tstev-bad.service");
    QVERIFY(m_sandbox.installUnit(bad,
                                  QByteArray("[Unit]\nDescription=tstev failing IOC\n"
                                             "[Service]\nExecStartPre=/bin/false\n"
                                             "ExecStart=/usr/bin/procServ --foreground 0 "
                                             "/bin/true\n")));
    m_units << bad;
    // A running IOC to restart.
    const QString steady = QStringLiteral("tstev-steady.service");
    QVERIFY(m_sandbox.installUnit(
            steady,
            Sandbox::procServUnit(QStringLiteral("tstev-steady"),
                                  { QString::number(Sandbox::freeTcpPort()) })));
    m_units << steady;
}

void TestIocctlEvents::cleanupTestCase()
{
    for (const QString &unit : std::as_const(m_units))
        m_sandbox.removeUnit(unit);
}

TestIocctlEvents::Run TestIocctlEvents::iocctl(const QStringList &args, int timeoutMs)
{
    QProcess process;
    process.setProgram(Sandbox::binPath(QStringLiteral("iocctl")));
    process.setArguments(QStringList{ QStringLiteral("--user") } + args);
    process.start();
    Run run;
    if (!process.waitForStarted(10000) || !process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        run.err = QStringLiteral("iocctl did not finish: ") + args.join(QLatin1Char(' '));
        return run;
    }
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

bool TestIocctlEvents::watch(QProcess &events, const QStringList &args)
{
    events.setProgram(Sandbox::binPath(QStringLiteral("iocctl")));
    events.setArguments(QStringList{ QStringLiteral("--user"), QStringLiteral("events") } + args
                        + QStringList{ QStringLiteral("--until"), QStringLiteral("300s") });
    events.start();
    if (!events.waitForStarted(10000))
        return false;
    QByteArray err;
    return QTest::qWaitFor(
            [&] { return (err += events.readAllStandardError()).contains("Watching"); }, 60000);
}

bool TestIocctlEvents::machineHasJournal()
{
    // journald keeps the machine's journal in a folder named by the machine ID.
    QFile id(QStringLiteral("/etc/machine-id"));
    const QString machine =
            id.open(QIODevice::ReadOnly) ? QString::fromLatin1(id.readAll().trimmed()) : QString();
    return !machine.isEmpty()
            && (QFileInfo::exists(QStringLiteral("/run/log/journal/") + machine)
                || QFileInfo::exists(QStringLiteral("/var/log/journal/") + machine));
}

void TestIocctlEvents::jobOutcomeOfFailedStart()
{
    QProcess events;
    QVERIFY(watch(events,
                  { QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("-f"),
                    QStringLiteral("name=tstev-bad") }));

    // systemctl starts it, not iocctl: the job's outcome is an event all the same.
    QByteArray systemctlOut;
    QVERIFY(!m_sandbox.systemctl({ QStringLiteral("start"), m_units.first() }, &systemctlOut));

    QList<QJsonObject> seen;
    QByteArray pending;
    const auto dump = [&seen] {
        QStringList lines;
        for (const QJsonObject &o : std::as_const(seen))
            lines << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
        return lines.join(QLatin1Char('\n'));
    };
    const auto find = [&](const QString &type) {
        pending += events.readAllStandardOutput();
        qsizetype newline;
        while ((newline = pending.indexOf('\n')) >= 0) {
            seen << QJsonDocument::fromJson(pending.left(newline)).object();
            pending.remove(0, newline + 1);
        }
        for (const QJsonObject &o : std::as_const(seen)) {
            if (o.value(QStringLiteral("type")).toString() == type)
                return o;
        }
        return QJsonObject();
    };
    QTRY_VERIFY2_WITH_TIMEOUT(!find(QStringLiteral("job")).isEmpty(), qPrintable(dump()), 30000);
    const QJsonObject job = find(QStringLiteral("job"));
    QCOMPARE(job.value(QStringLiteral("name")).toString(), QStringLiteral("tstev-bad"));
    QCOMPARE(job.value(QStringLiteral("unit")).toString(), m_units.first());
    const QJsonObject attributes = job.value(QStringLiteral("attributes")).toObject();
    QCOMPARE(attributes.value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
    QVERIFY2(attributes.value(QStringLiteral("job")).toString().toUInt() > 0, qPrintable(dump()));
    // The unit failed too, with systemd's result.
    QTRY_VERIFY2_WITH_TIMEOUT(!find(QStringLiteral("fail")).isEmpty(), qPrintable(dump()), 30000);
    QCOMPARE(find(QStringLiteral("fail"))
                     .value(QStringLiteral("attributes"))
                     .toObject()
                     .value(QStringLiteral("result"))
                     .toString(),
             QStringLiteral("exit-code"));
    events.terminate();
    QVERIFY(events.waitForFinished(10000));
    m_sandbox.systemctl({ QStringLiteral("reset-failed"), m_units.first() });

    // The default line says it too.
    QProcess text;
    QVERIFY(watch(text, { QStringLiteral("-f"), QStringLiteral("event=job") }));
    QVERIFY(!m_sandbox.systemctl({ QStringLiteral("start"), m_units.first() }));
    QByteArray out;
    QTRY_VERIFY2_WITH_TIMEOUT((out += text.readAllStandardOutput()).contains('\n'), out.constData(),
                              30000);
    QVERIFY2(out.contains(" job tstev-bad (unit=softioc-tstev-bad.service, result=failed, job="),
             out.constData());
    text.terminate();
    QVERIFY(text.waitForFinished(10000));
    m_sandbox.systemctl({ QStringLiteral("reset-failed"), m_units.first() });
}

void TestIocctlEvents::restartIsAStopAndAStart()
{
    // `iocctl restart` stops and starts the unit within one job: the rows read before and
    // after are both up, in different runs. The stream says so: a stop, then a start naming
    // the new procServ, as the journal would tell it (not only the job's outcome).
    const QString unit = m_units.at(1);
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unit }));
    const QString pidBefore = m_sandbox.unitProperty(unit, QStringLiteral("MainPID"));
    QProcess events;
    QVERIFY(watch(events,
                  { QStringLiteral("--format"), QStringLiteral("{{.Type}} {{.Pid}}"),
                    QStringLiteral("-f"), QStringLiteral("name=tstev-steady") }));

    const Run restart = iocctl({ QStringLiteral("restart"), QStringLiteral("tstev-steady") });
    QVERIFY2(restart.code == 0, qPrintable(restart.describe()));
    const QString pidAfter = m_sandbox.unitProperty(unit, QStringLiteral("MainPID"));
    QVERIFY2(pidAfter != pidBefore && pidAfter.toUInt() > 0, qPrintable(pidAfter));

    QByteArray out;
    QTRY_VERIFY2_WITH_TIMEOUT((out += events.readAllStandardOutput()).contains("start "),
                              out.constData(), 30000);
    QStringList lines = QString::fromUtf8(out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    lines.removeAll(QStringLiteral("job ")); // the job's outcome, also there
    QCOMPARE(lines, QStringList({ QStringLiteral("stop "), QStringLiteral("start ") + pidAfter }));
    events.terminate();
    QVERIFY(events.waitForFinished(10000));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("stop"), unit }));
}

void TestIocctlEvents::systemdRestartsAreEvents()
{
    // procServ ends with its IOC (the IOC kills it at once) and systemd starts it again
    // (Restart=always): the unit is up for a moment only, often never when iocctl reads it. Each of systemd's own
    // restarts is an event all the same, with its count (NRestarts), as the journal's
    // "Scheduled restart job, restart counter is at N".
    const QString unit = QStringLiteral("tstev-looping.service");
    QVERIFY(m_sandbox.installUnit(
            unit,
            QByteArray("[Unit]\nStartLimitIntervalSec=0\n[Service]\nRestart=always\n"
                       "RestartSec=1\nExecStart=/usr/bin/procServ --foreground ")
                    + QByteArray::number(Sandbox::freeTcpPort())
                    + " /bin/sh -c \"kill -9 $$PPID\"\n"));
    m_units << unit;
    QProcess events;
    QVERIFY(watch(events, { QStringLiteral("-f"), QStringLiteral("name=tstev-looping") }));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unit }));

    QByteArray out;
    QList<int> counts;
    const auto restartsSeen = [&] {
        out += events.readAllStandardOutput();
        counts = restartCounts(out, QStringLiteral("tstev-looping"));
        return counts.size();
    };
    QTRY_VERIFY2_WITH_TIMEOUT(restartsSeen() >= 3, out.constData(), 60000);
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("stop"), unit }));
    // Each restart once, counted up as systemd counts them.
    for (qsizetype i = 1; i < counts.size(); ++i)
        QVERIFY2(counts.at(i) > counts.at(i - 1), out.constData());
    QVERIFY2(counts.first() >= 1, out.constData());
    QVERIFY2(out.contains(" restart tstev-looping (unit=tstev-looping.service, restarts="),
             out.constData());
    events.terminate();
    QVERIFY(events.waitForFinished(10000));
}

void TestIocctlEvents::unknownEventTypeIsAnError()
{
    // A misspelt type would match nothing, silently, for as long as the user waits.
    const Run run = iocctl({ QStringLiteral("events"), QStringLiteral("-f"),
                             QStringLiteral("event=restarts"), QStringLiteral("--until"),
                             QStringLiteral("1s") });
    QVERIFY2(run.code == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("Unknown event type 'restarts'"))
                     && run.err.contains(QLatin1String("restart, job")),
             qPrintable(run.describe()));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
    // Every type the stream gives is one the filter takes.
    const Run ok = iocctl({ QStringLiteral("events"), QStringLiteral("-f"),
                            QStringLiteral("event=restart"), QStringLiteral("-f"),
                            QStringLiteral("type=child-restart"), QStringLiteral("--until"),
                            QStringLiteral("1s") });
    QVERIFY2(ok.code == 0, qPrintable(ok.describe()));
}

void TestIocctlEvents::sinceWithoutJournal()
{
    // This sandbox has no journald: --since says so on stderr and goes on with live events,
    // here until --until ends it.
    const Run run =
            iocctl({ QStringLiteral("events"), QStringLiteral("--since"), QStringLiteral("1h"),
                     QStringLiteral("--until"), QStringLiteral("2s") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    if (machineHasJournal()) {
        QVERIFY2(!run.err.contains(QLatin1String("No journal")), qPrintable(run.describe()));
        return;
    }
    QVERIFY2(run.err.contains(QLatin1String("No journal on local-user: its past events cannot be "
                                            "replayed; events from now on.")),
             qPrintable(run.describe()));
    QCOMPARE(run.out, QString());

    // Bad times are usage errors.
    const Run badSince =
            iocctl({ QStringLiteral("events"), QStringLiteral("--since"), QStringLiteral("soon") });
    QVERIFY2(badSince.code == 2, qPrintable(badSince.describe()));
    QVERIFY2(badSince.err.contains(QLatin1String("--since")), qPrintable(badSince.describe()));
    const Run reversed = iocctl({ QStringLiteral("events"), QStringLiteral("--since"),
                                  QStringLiteral("2026-01-02T00:00:00"), QStringLiteral("--until"),
                                  QStringLiteral("2026-01-01T00:00:00") });
    QVERIFY2(reversed.code == 2, qPrintable(reversed.describe()));
}

void TestIocctlEvents::untilEndsTheStream()
{
    // A --until in the past with --since: the replay only, then it ends (exit code 0).
    const QDateTime now = QDateTime::currentDateTime();
    const Run past = iocctl({ QStringLiteral("events"), QStringLiteral("--since"),
                              now.addSecs(-7200).toString(Qt::ISODate), QStringLiteral("--until"),
                              now.addSecs(-3600).toString(Qt::ISODate) });
    QVERIFY2(past.code == 0, qPrintable(past.describe()));
    // As docker takes them: Unix times, and words.
    const Run unixTimes = iocctl(
            { QStringLiteral("events"), QStringLiteral("--since"),
              QString::number(now.addSecs(-7200).toSecsSinceEpoch()), QStringLiteral("--until"),
              QStringLiteral("@") + QString::number(now.addSecs(-3600).toSecsSinceEpoch()) });
    QVERIFY2(unixTimes.code == 0, qPrintable(unixTimes.describe()));
    const Run untilNow =
            iocctl({ QStringLiteral("events"), QStringLiteral("--since"), QStringLiteral("today"),
                     QStringLiteral("--until"), QStringLiteral("now") });
    QVERIFY2(untilNow.code == 0, qPrintable(untilNow.describe()));
    // A stream watching live ends by itself at --until, with exit code 0.
    QProcess stream;
    stream.setProgram(Sandbox::binPath(QStringLiteral("iocctl")));
    stream.setArguments({ QStringLiteral("--user"), QStringLiteral("events"),
                          QStringLiteral("--until"), QStringLiteral("3s") });
    stream.start();
    QVERIFY(stream.waitForStarted(10000));
    QVERIFY(stream.waitForFinished(90000));
    QCOMPARE(stream.exitStatus(), QProcess::NormalExit);
    QCOMPARE(stream.exitCode(), 0);
    QVERIFY2(stream.readAllStandardError().contains("Watching"), "it watched before it ended");
}

QTEST_GUILESS_MAIN(TestIocctlEvents)
#include "tst_iocctlevents.moc"
