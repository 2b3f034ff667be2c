// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "tests/common/sandbox.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

/// The real `iocctl` binary against the sandbox: exec on many IOCs at once (fan-out) and
/// start/stop/restart of a group in order with a delay. Four procServ IOCs (two on UNIX
/// sockets, two on TCP), one of them stopped for the fan-out.
class TestIocctlFanOut : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void execFanOutText();
    void execFanOutJson();
    void execFanOutRepliesNotMixed();
    void execFanOutBadUsage();
    void execFanOutOnTerminal();
    void orderedStartWithDelay();
    void orderByName();
    void eventsStream();
    void groupWithAFailure();

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
    /// The stdout of a text fan-out cut into blocks: header label -> body.
    static QList<QPair<QString, QString>> blocks(const QString &out);
    /// ActiveEnterTimestampMonotonic of the unit of IOC @p name (µs).
    qint64 activeEnter(const QString &name);
    bool waitRunning(const QString &name);

    Sandbox m_sandbox;
    QStringList m_units;
    QMap<QString, QString> m_unitOf; // IOC name -> unit
};

void TestIocctlFanOut::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    QVERIFY(QFileInfo(Sandbox::binPath(QStringLiteral("iocctl"))).isExecutable());
    const QList<quint16> ports = Sandbox::freeTcpPorts(2);
    QCOMPARE(ports.size(), 2);
    const auto add = [this](const QString &name, const QString &unit, const QString &text) {
        m_unitOf.insert(name, unit);
        m_units << unit;
        return m_sandbox.installUnit(unit, text);
    };
    QVERIFY(add(QStringLiteral("tstfan-a"), QStringLiteral("procserv-tstfan-a.service"),
                Sandbox::procServUtilsUnit(QStringLiteral("tstfan-a"))));
    QVERIFY(add(QStringLiteral("tstfan-b"), QStringLiteral("softioc-tstfan-b.service"),
                Sandbox::procServUnit(QStringLiteral("tstfan-b"),
                                      { QStringLiteral("-P"), QString::number(ports.at(0)) })));
    QVERIFY(add(QStringLiteral("tstfan-c"), QStringLiteral("procserv-tstfan-c.service"),
                Sandbox::procServUtilsUnit(QStringLiteral("tstfan-c"))));
    QVERIFY(add(QStringLiteral("tstfan-d"), QStringLiteral("softioc-tstfan-d.service"),
                Sandbox::procServUnit(QStringLiteral("tstfan-d"),
                                      { QStringLiteral("-P"), QString::number(ports.at(1)) })));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"),
                                  m_unitOf.value(QStringLiteral("tstfan-a")),
                                  m_unitOf.value(QStringLiteral("tstfan-b")),
                                  m_unitOf.value(QStringLiteral("tstfan-d")) }));
    for (const char *name : { "tstfan-a", "tstfan-b", "tstfan-d" })
        QVERIFY2(waitRunning(QLatin1String(name)), name);
}

void TestIocctlFanOut::cleanupTestCase()
{
    for (const QString &unit : std::as_const(m_units))
        m_sandbox.removeUnit(unit);
}

TestIocctlFanOut::Run TestIocctlFanOut::iocctl(const QStringList &args, int timeoutMs)
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

bool TestIocctlFanOut::waitRunning(const QString &name)
{
    // Its console answers a line: procServ is up and so is its child.
    for (int i = 0; i < 30; ++i) {
        const Run run = iocctl({ QStringLiteral("exec"), QStringLiteral("--timeout"),
                                 QStringLiteral("20"), name, QStringLiteral("--"),
                                 QStringLiteral("echo"), QStringLiteral("up") });
        if (run.code == 0 && run.out == QLatin1String("up\n"))
            return true;
        QTest::qWait(500);
    }
    return false;
}

QList<QPair<QString, QString>> TestIocctlFanOut::blocks(const QString &out)
{
    QList<QPair<QString, QString>> result;
    static const QRegularExpression header(QStringLiteral("^==> (.*) <==$"));
    for (const QString &line : out.split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch m = header.match(line);
        if (m.hasMatch())
            result.append({ m.captured(1), QString() });
        else if (!result.isEmpty() && !line.isEmpty())
            result.last().second += line + QLatin1Char('\n');
    }
    return result;
}

qint64 TestIocctlFanOut::activeEnter(const QString &name)
{
    return m_sandbox
            .unitProperty(m_unitOf.value(name), QStringLiteral("ActiveEnterTimestampMonotonic"))
            .toLongLong();
}

void TestIocctlFanOut::execFanOutText()
{
    // Every tstfan IOC by filter; tstfan-c is stopped: the others still answer.
    const Run run =
            iocctl({ QStringLiteral("exec"), QStringLiteral("-f"), QStringLiteral("name=tstfan-*"),
                     QStringLiteral("--"), QStringLiteral("dbl") });
    QVERIFY2(run.code == 1, qPrintable(run.describe()));
    const auto b = blocks(run.out);
    QCOMPARE(b.size(), 4);
    // In name order, each under its own header.
    QCOMPARE(b.at(0).first, QStringLiteral("tstfan-a"));
    QCOMPARE(b.at(1).first, QStringLiteral("tstfan-b"));
    QCOMPARE(b.at(2).first, QStringLiteral("tstfan-c"));
    QCOMPARE(b.at(3).first, QStringLiteral("tstfan-d"));
    for (int i : { 0, 1, 3 }) {
        const QString &name = b.at(i).first;
        QVERIFY2(b.at(i).second.contains(name + QStringLiteral(":ai1\n")), qPrintable(run.out));
    }
    QVERIFY2(b.at(2).second.isEmpty(), qPrintable(run.out));
    QVERIFY2(run.err.contains(QLatin1String("tstfan-c is not running")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("3 of 4 IOC(s) replied")), qPrintable(run.err));
    QVERIFY2(!run.out.contains(QLatin1String("epics>")), qPrintable(run.out));
    QVERIFY2(!run.out.contains(QLatin1String("@@@")), qPrintable(run.out));

    // Only running ones: all succeed.
    const Run running =
            iocctl({ QStringLiteral("exec"), QStringLiteral("-f"), QStringLiteral("name=tstfan-*"),
                     QStringLiteral("-f"), QStringLiteral("status=running"), QStringLiteral("--"),
                     QStringLiteral("echo"), QStringLiteral("hi") });
    QVERIFY2(running.code == 0, qPrintable(running.describe()));
    QCOMPARE(running.out,
             QStringLiteral("==> tstfan-a <==\nhi\n==> tstfan-b <==\nhi\n==> tstfan-d <==\nhi\n"));
}

void TestIocctlFanOut::execFanOutJson()
{
    // Names in the order given, a glob's matches by name; each IOC once.
    const Run run = iocctl({ QStringLiteral("exec"), QStringLiteral("--format"),
                             QStringLiteral("json"), QStringLiteral("tstfan-d"),
                             QStringLiteral("tstfan-[abc]"), QStringLiteral("tstfan-a"),
                             QStringLiteral("--"), QStringLiteral("echo"), QStringLiteral("--x") });
    QVERIFY2(run.code == 1, qPrintable(run.describe()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(run.describe()));
    const QJsonArray array = doc.array();
    QCOMPARE(array.size(), 4);
    const QStringList order{ QStringLiteral("tstfan-d"), QStringLiteral("tstfan-a"),
                             QStringLiteral("tstfan-b"), QStringLiteral("tstfan-c") };
    for (int i = 0; i < array.size(); ++i) {
        const QJsonObject o = array.at(i).toObject();
        for (const char *key : { "host", "name", "unit", "status", "output", "error" })
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QCOMPARE(o.value(QStringLiteral("name")).toString(), order.at(i));
        QCOMPARE(o.value(QStringLiteral("unit")).toString(), m_unitOf.value(order.at(i)));
        QVERIFY(!o.value(QStringLiteral("host")).toString().isEmpty());
        if (order.at(i) == QLatin1String("tstfan-c")) {
            QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("not-running"));
            QVERIFY(o.value(QStringLiteral("output")).isNull());
            QVERIFY(o.value(QStringLiteral("error"))
                            .toString()
                            .contains(QLatin1String("not running")));
        } else {
            QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
            QCOMPARE(o.value(QStringLiteral("output")).toString(), QStringLiteral("--x\n"));
            QVERIFY(o.value(QStringLiteral("error")).isNull());
        }
    }

    // All running: exit code 0.
    const Run ok =
            iocctl({ QStringLiteral("exec"), QStringLiteral("--format"), QStringLiteral("json"),
                     QStringLiteral("tstfan-a"), QStringLiteral("tstfan-b"), QStringLiteral("--"),
                     QStringLiteral("dbl") });
    QVERIFY2(ok.code == 0, qPrintable(ok.describe()));
    QCOMPARE(QJsonDocument::fromJson(ok.out.toUtf8()).array().size(), 2);
}

void TestIocctlFanOut::execFanOutRepliesNotMixed()
{
    // Three consoles at once, several rounds, a reply of many lines each (dbpr prints several
    // lines with the record's name): every block holds its own IOC's lines only, whole.
    for (int round = 0; round < 3; ++round) {
        const Run run =
                iocctl({ QStringLiteral("exec"), QStringLiteral("--parallel"), QStringLiteral("3"),
                         QStringLiteral("tstfan-a"), QStringLiteral("tstfan-b"),
                         QStringLiteral("tstfan-d"), QStringLiteral("--"), QStringLiteral("dbl") });
        QVERIFY2(run.code == 0, qPrintable(run.describe()));
        const auto b = blocks(run.out);
        QCOMPARE(b.size(), 3);
        for (const auto &block : b) {
            const QStringList lines = block.second.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            QVERIFY2(lines.size() >= 2, qPrintable(run.out));
            for (const QString &line : lines)
                QVERIFY2(line.startsWith(block.first + QLatin1Char(':')),
                         qPrintable(QStringLiteral("%1 in the block of %2:\n%3")
                                            .arg(line, block.first, run.out)));
        }
    }
}

void TestIocctlFanOut::execFanOutBadUsage()
{
    const Run noLine = iocctl({ QStringLiteral("exec"), QStringLiteral("tstfan-a"),
                                QStringLiteral("tstfan-b"), QStringLiteral("--") });
    QVERIFY2(noLine.code == 2, qPrintable(noLine.describe()));
    const Run parallel =
            iocctl({ QStringLiteral("exec"), QStringLiteral("--parallel"), QStringLiteral("0"),
                     QStringLiteral("tstfan-*"), QStringLiteral("--"), QStringLiteral("dbl") });
    QVERIFY2(parallel.code == 2, qPrintable(parallel.describe()));
    const Run none = iocctl({ QStringLiteral("exec"), QStringLiteral("-f"),
                              QStringLiteral("name=tstfan-nothing*"), QStringLiteral("--"),
                              QStringLiteral("dbl") });
    QVERIFY2(none.code == 3, qPrintable(none.describe()));
    const Run control = iocctl({ QStringLiteral("exec"), QStringLiteral("tstfan-*"),
                                 QStringLiteral("--"), QStringLiteral("dbl\x18") });
    QVERIFY2(control.code == 2, qPrintable(control.describe()));
}

void TestIocctlFanOut::execFanOutOnTerminal()
{
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("script")).isEmpty(),
             "script (util-linux) is needed to run iocctl on a terminal");
    // Each IOC's reply passes the terminal filter: nothing retitles the terminal or makes it
    // answer, and what one IOC leaves open does not swallow the next header.
    QStringList quoted;
    for (const QString &word :
         { Sandbox::binPath(QStringLiteral("iocctl")), QStringLiteral("--user"),
           QStringLiteral("exec"), QStringLiteral("tstfan-a"), QStringLiteral("tstfan-b"),
           QStringLiteral("--"), QStringLiteral("escapes") })
        quoted << QLatin1Char('\'') + word + QLatin1Char('\'');
    QProcess process;
    process.setProgram(QStringLiteral("script"));
    process.setArguments({ QStringLiteral("-qefc"), quoted.join(QLatin1Char(' ')),
                           QStringLiteral("/dev/null") });
    process.start();
    QVERIFY(process.waitForStarted(10000));
    QVERIFY(process.waitForFinished(90000));
    const QByteArray shown = process.readAllStandardOutput();
    QVERIFY2(process.exitCode() == 0, shown.constData());
    QVERIFY2(shown.contains("==> tstfan-a <=="), shown.constData());
    QVERIFY2(shown.contains("==> tstfan-b <=="), shown.constData());
    QCOMPARE(shown.count("escapes done"), 2);
    for (const char *sequence : { "\x1b]", "\x1bP", "\x1b[c", "\x1b[6n", "\x1b[21t", "\x1bZ" })
        QVERIFY2(!shown.contains(sequence), qPrintable(QString::fromLatin1(shown.toHex())));
    QVERIFY2(!shown.contains("iocsim-title"), shown.constData());
}

void TestIocctlFanOut::orderedStartWithDelay()
{
    const QStringList given{ QStringLiteral("tstfan-d"), QStringLiteral("tstfan-a"),
                             QStringLiteral("tstfan-b") };
    const Run stop = iocctl(QStringList{ QStringLiteral("stop") } + given);
    QVERIFY2(stop.code == 0, qPrintable(stop.describe()));
    const Run run = iocctl(QStringList{ QStringLiteral("start"), QStringLiteral("--order"),
                                        QStringLiteral("given"), QStringLiteral("--delay"),
                                        QStringLiteral("1.5") }
                           + given);
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QCOMPARE(run.out,
             QStringLiteral("[1/3] tstfan-d: starting\n[1/3] tstfan-d: started\nwaiting 1.5 s\n"
                            "[2/3] tstfan-a: starting\n[2/3] tstfan-a: started\nwaiting 1.5 s\n"
                            "[3/3] tstfan-b: starting\n[3/3] tstfan-b: started\n"
                            "3 of 3 IOC(s) started.\n"));
    // systemd's own record: started in that order, at least the delay apart.
    const qint64 d = activeEnter(QStringLiteral("tstfan-d"));
    const qint64 a = activeEnter(QStringLiteral("tstfan-a"));
    const qint64 bb = activeEnter(QStringLiteral("tstfan-b"));
    QVERIFY2(d > 0 && a - d >= 1500000 && bb - a >= 1500000,
             qPrintable(QStringLiteral("%1 %2 %3").arg(d).arg(a).arg(bb)));
    for (const QString &name : given)
        QVERIFY2(waitRunning(name), qPrintable(name));
}

void TestIocctlFanOut::orderByName()
{
    // Restart by filter, in name order, no delay: one after the other all the same.
    const Run run = iocctl(
            { QStringLiteral("restart"), QStringLiteral("--order"), QStringLiteral("name"),
              QStringLiteral("-f"), QStringLiteral("status=running"), QStringLiteral("tstfan-d"),
              QStringLiteral("tstfan-b"), QStringLiteral("tstfan-a"), QStringLiteral("tstfan-c") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QCOMPARE(run.out,
             QStringLiteral("[1/3] tstfan-a: restarting\n[1/3] tstfan-a: restarted\n"
                            "[2/3] tstfan-b: restarting\n[2/3] tstfan-b: restarted\n"
                            "[3/3] tstfan-d: restarting\n[3/3] tstfan-d: restarted\n"
                            "3 of 3 IOC(s) restarted.\n"));
    const qint64 a = activeEnter(QStringLiteral("tstfan-a"));
    const qint64 b = activeEnter(QStringLiteral("tstfan-b"));
    const qint64 d = activeEnter(QStringLiteral("tstfan-d"));
    QVERIFY2(a > 0 && a < b && b < d, qPrintable(QStringLiteral("%1 %2 %3").arg(a).arg(b).arg(d)));
    for (const char *name : { "tstfan-a", "tstfan-b", "tstfan-d" })
        QVERIFY2(waitRunning(QLatin1String(name)), name);
}

void TestIocctlFanOut::eventsStream()
{
    QProcess events;
    events.setProgram(Sandbox::binPath(QStringLiteral("iocctl")));
    events.setArguments({ QStringLiteral("--user"), QStringLiteral("events"),
                          QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("-f"),
                          QStringLiteral("name=tstfan-[ab]"), QStringLiteral("--until"),
                          QStringLiteral("300s") });
    events.start();
    QVERIFY(events.waitForStarted(10000));
    // It says on standard error once it watches; changes from then on are events.
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT((err += events.readAllStandardError()).contains("Watching"), 60000);

    QList<QJsonObject> seen;
    QByteArray pending;
    const auto dump = [&seen] {
        QStringList lines;
        for (const QJsonObject &o : std::as_const(seen))
            lines << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
        return lines.join(QLatin1Char('\n'));
    };
    const auto has = [&](const QString &type, const QString &name) {
        pending += events.readAllStandardOutput();
        qsizetype newline;
        while ((newline = pending.indexOf('\n')) >= 0) {
            seen << QJsonDocument::fromJson(pending.left(newline)).object();
            pending.remove(0, newline + 1);
        }
        for (const QJsonObject &o : std::as_const(seen)) {
            if (o.value(QStringLiteral("type")).toString() == type
                && o.value(QStringLiteral("name")).toString() == name)
                return true;
        }
        return false;
    };
    const QString a = m_unitOf.value(QStringLiteral("tstfan-a"));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("stop"), a }));
    QTRY_VERIFY2_WITH_TIMEOUT(has(QStringLiteral("stop"), QStringLiteral("tstfan-a")),
                              qPrintable(dump()), 30000);
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), a }));
    QTRY_VERIFY2_WITH_TIMEOUT(has(QStringLiteral("start"), QStringLiteral("tstfan-a")),
                              qPrintable(dump()), 30000);
    // procServ's child exits and is restarted by procServ; the unit stays up.
    const Run exit =
            iocctl({ QStringLiteral("exec"), QStringLiteral("--timeout"), QStringLiteral("60"),
                     QStringLiteral("tstfan-b"), QStringLiteral("--"), QStringLiteral("exit") });
    QVERIFY2(exit.code == 1, qPrintable(exit.describe()));
    QTRY_VERIFY2_WITH_TIMEOUT(has(QStringLiteral("child-restart"), QStringLiteral("tstfan-b")),
                              qPrintable(dump()), 30000);
    QTRY_VERIFY2_WITH_TIMEOUT(has(QStringLiteral("child-exit"), QStringLiteral("tstfan-b")),
                              qPrintable(dump()), 30000);
    for (const QJsonObject &o : std::as_const(seen)) {
        const QString name = o.value(QStringLiteral("name")).toString();
        // The filter holds: only tstfan-a and tstfan-b.
        QVERIFY2(name == QLatin1String("tstfan-a") || name == QLatin1String("tstfan-b"),
                 qPrintable(name));
        QVERIFY(QDateTime::fromString(o.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs)
                        .isValid());
        QCOMPARE(o.value(QStringLiteral("unit")).toString(), m_unitOf.value(name));
        if (o.value(QStringLiteral("type")).toString() == QLatin1String("child-exit"))
            QCOMPARE(o.value(QStringLiteral("attributes"))
                             .toObject()
                             .value(QStringLiteral("exit"))
                             .toString(),
                     QStringLiteral("exit 0"));
    }
    // tstfan-a's unit was stopped and started: its new child is no restart inside procServ.
    QVERIFY2(!has(QStringLiteral("child-restart"), QStringLiteral("tstfan-a")), qPrintable(dump()));
    QVERIFY2(!has(QStringLiteral("child-exit"), QStringLiteral("tstfan-a")), qPrintable(dump()));
    // Nothing before the first stop: the rows as listed are no events. The stop job's outcome
    // (systemd's JobRemoved, done) may be seen before the row shows the unit stopped.
    const QJsonObject first = seen.constFirst();
    const QString firstType = first.value(QStringLiteral("type")).toString();
    QVERIFY2(firstType == QLatin1String("stop")
                     || (firstType == QLatin1String("job")
                         && first.value(QStringLiteral("name")).toString()
                                 == QLatin1String("tstfan-a")
                         && first.value(QStringLiteral("attributes"))
                                         .toObject()
                                         .value(QStringLiteral("result"))
                                         .toString()
                                 == QLatin1String("done")),
             qPrintable(dump()));
    // The stop and the start jobs of tstfan-a ended "done".
    const auto doneJobs = [&] {
        has(QStringLiteral("job"), QStringLiteral("tstfan-a")); // reads what came meanwhile
        int count = 0;
        for (const QJsonObject &o : std::as_const(seen)) {
            if (o.value(QStringLiteral("type")).toString() == QLatin1String("job")
                && o.value(QStringLiteral("name")).toString() == QLatin1String("tstfan-a")
                && o.value(QStringLiteral("attributes")).toObject().value(QStringLiteral("result"))
                        == QLatin1String("done"))
                ++count;
        }
        return count;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(doneJobs() >= 2, qPrintable(dump()), 30000);
    events.terminate();
    QVERIFY(events.waitForFinished(10000));
    QVERIFY2(waitRunning(QStringLiteral("tstfan-a")), "tstfan-a");
    QVERIFY2(waitRunning(QStringLiteral("tstfan-b")), "tstfan-b");

    // --until ends it with exit code 0; a bad template is a usage error.
    const Run until =
            iocctl({ QStringLiteral("events"), QStringLiteral("--until"), QStringLiteral("1s"),
                     QStringLiteral("--format"), QStringLiteral("{{.Type}} {{.Name}}") });
    QVERIFY2(until.code == 0, qPrintable(until.describe()));
    const Run bad = iocctl({ QStringLiteral("events"), QStringLiteral("--format"),
                             QStringLiteral("{{.Colour}}") });
    QVERIFY2(bad.code == 2, qPrintable(bad.describe()));
}

void TestIocctlFanOut::groupWithAFailure()
{
    // A unit whose start job fails (ExecStartPre=/bin/false): the next IOC is started all the
    // same, and the summary and the exit code say one failed.
    const QString unit = QStringLiteral("softioc-tstfan-bad.service");
    QVERIFY(m_sandbox.installUnit(unit,
                                  QByteArray("[Unit]\nDescription=tstfan failing IOC\n"
                                             "[Service]\nExecStartPre=/bin/false\n"
                                             "ExecStart=/usr/bin/procServ --foreground 0 "
                                             "/bin/true\n")));
    m_units << unit;
    m_unitOf.insert(QStringLiteral("tstfan-bad"), unit);
    const Run run =
            iocctl({ QStringLiteral("start"), QStringLiteral("--delay"), QStringLiteral("0"),
                     QStringLiteral("tstfan-bad"), QStringLiteral("tstfan-c") });
    QVERIFY2(run.code == 1, qPrintable(run.describe()));
    QVERIFY2(run.out.contains(QLatin1String("[2/2] tstfan-c: started\n")), qPrintable(run.out));
    QVERIFY2(run.out.endsWith(QLatin1String("1 of 2 IOC(s) started, 1 failed.\n")),
             qPrintable(run.out));
    QVERIFY2(run.err.contains(QLatin1String("tstfan-bad: start failed")), qPrintable(run.err));
    QCOMPARE(m_sandbox.unitProperty(m_unitOf.value(QStringLiteral("tstfan-c")),
                                    QStringLiteral("ActiveState")),
             QStringLiteral("active"));
}

QTEST_GUILESS_MAIN(TestIocctlFanOut)
#include "tst_iocctlfanout.moc"
