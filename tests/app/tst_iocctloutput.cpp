// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "tests/faults/faultsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

/// iocctl's output habits (issue 16) with the real binary against the sandbox's systemd user
/// manager, procServ and iocsim: status words (Exited (N), Created), --no-legend, -n/-l, table
/// templates, fitting the terminal's width, colours, the pager, inspect -f, logs -t/--until.
/// What a terminal sees is measured on a real pseudo-terminal (PtyProcess).
class TestIocctlOutput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void exitedWithCodeAndCreated();
    void noLegend();
    void tableTemplate();
    void lastAndLatest();
    void tableFitsTerminalWidth();
    void pipedTableHasNoWidthLimit();
    void coloursOnTerminalOnly();
    void pagerOnTerminalOnly();
    void inspectTemplate();
    void logsTimestampsAndUntilOnLogFile();

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
    /// iocctl --user ARGS into pipes, with @p env added to the environment.
    Run piped(const QStringList &args, const QStringList &env = {});
    /// iocctl --user ARGS with stdin and stdout on a pseudo-terminal (120 columns unless
    /// COLUMNS in @p env says otherwise); what the terminal received.
    Run onTerminal(const QStringList &args, const QStringList &env = {});
    static QStringList lines(const QString &text);
    static QString withoutEscapes(const QString &text);
    /// The first word of each line (a table's NAME column).
    static QStringList firstWords(const QString &text);
    /// The STATUS systemd's ExecMainCode/ExecMainStatus of @p unit make: "Exited (N)".
    QString expectedExit(const QString &unit);

    Sandbox m_sandbox;
    QStringList m_units;
    QString m_logFile;
    // Two names alike but for their end: a table must never cut them to the same text.
    const QString m_long1 = QStringLiteral("tstout-vacuum-gauge-controller-sector-07-a");
    const QString m_long2 = QStringLiteral("tstout-vacuum-gauge-controller-sector-07-b");
};

void TestIocctlOutput::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    QVERIFY(QFileInfo(Sandbox::binPath(QStringLiteral("iocctl"))).isExecutable());
    m_logFile = m_sandbox.runtimeDir() + QStringLiteral("/tstout-alpha.log");
    QFile::remove(m_logFile);
    const QList<quint16> ports = Sandbox::freeTcpPorts(4);
    QVERIFY(ports.size() == 4);
    const auto add = [this](const QString &name, const QStringList &options,
                            const QStringList &extra = {}) {
        const QString unit = QStringLiteral("softioc-%1.service").arg(name);
        m_units << unit;
        return m_sandbox.installUnit(unit, Sandbox::procServUnit(name, options, {}, extra));
    };
    QVERIFY(add(QStringLiteral("tstout-alpha"),
                { QStringLiteral("--logfile"), m_logFile, QStringLiteral("-P"),
                  QString::number(ports.at(0)) }));
    QVERIFY(add(m_long1, { QStringLiteral("-P"), QString::number(ports.at(1)) }));
    QVERIFY(add(m_long2, { QStringLiteral("-P"), QString::number(ports.at(2)) }));
    // Stopped after a run: "Exited (N) ... ago". Enabled, so systemd keeps it loaded (an
    // unloaded unit's last run is not known: plain "Exited").
    QVERIFY(add(QStringLiteral("tstout-stopped"),
                { QStringLiteral("-P"), QString::number(ports.at(3)) },
                { QStringLiteral("[Install]"), QStringLiteral("WantedBy=default.target") }));
    // Loaded (default.target wants it once enabled) and never started: "Created".
    QVERIFY(add(QStringLiteral("tstout-fresh"), { QStringLiteral("-P"), QStringLiteral("1") },
                { QStringLiteral("[Install]"), QStringLiteral("WantedBy=default.target") }));
    // procServ refuses an option it does not know: failed with its exit status.
    const QString bad = QStringLiteral("softioc-tstout-bad.service");
    m_units << bad;
    QVERIFY(m_sandbox.installUnit(
            bad,
            QByteArray("[Unit]\nDescription=test IOC with a bad procServ option\n"
                       "[Service]\nExecStart=/usr/bin/procServ --foreground --bogus "
                       "12346 /bin/true\n")));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("daemon-reload") }));
    QVERIFY(m_sandbox.systemctl(
            { QStringLiteral("enable"), QStringLiteral("softioc-tstout-fresh") }));
    QVERIFY(m_sandbox.systemctl(
            { QStringLiteral("enable"), QStringLiteral("softioc-tstout-stopped") }));
    m_sandbox.systemctl({ QStringLiteral("start"), bad });
    QTRY_COMPARE_WITH_TIMEOUT(m_sandbox.unitProperty(bad, QStringLiteral("ActiveState")),
                              QStringLiteral("failed"), 20000);
    QVERIFY(m_sandbox.systemctl(
            { QStringLiteral("start"), QStringLiteral("softioc-tstout-stopped") }));
    QVERIFY(m_sandbox.systemctl(
            { QStringLiteral("stop"), QStringLiteral("softioc-tstout-stopped") }));
    // Started one after the other: -l and -n see this order.
    for (const QString &name : { QStringLiteral("tstout-alpha"), m_long1, m_long2 }) {
        const QString unit = QStringLiteral("softioc-%1.service").arg(name);
        QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unit }));
        QTRY_COMPARE_WITH_TIMEOUT(m_sandbox.unitProperty(unit, QStringLiteral("ActiveState")),
                                  QStringLiteral("active"), 20000);
    }
    QTRY_VERIFY_WITH_TIMEOUT(QFile(m_logFile).size() > 0, 20000);
}

void TestIocctlOutput::cleanupTestCase()
{
    for (const QString &unit : std::as_const(m_units))
        m_sandbox.removeUnit(unit);
    if (!m_logFile.isEmpty())
        QFile::remove(m_logFile);
}

TestIocctlOutput::Run TestIocctlOutput::piped(const QStringList &args, const QStringList &env)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &pair : env)
        environment.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
    process.setProcessEnvironment(environment);
    process.start(Sandbox::binPath(QStringLiteral("iocctl")),
                  QStringList{ QStringLiteral("--user") } + args);
    Run run;
    if (!process.waitForStarted(10000) || !process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
        run.err = QStringLiteral("iocctl did not finish");
        return run;
    }
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

TestIocctlOutput::Run TestIocctlOutput::onTerminal(const QStringList &args, const QStringList &env)
{
    PtyProcess pty;
    Run run;
    if (!pty.isValid()) {
        run.err = QStringLiteral("no pseudo-terminal");
        return run;
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // The tests' own terminal settings must not leak in.
    environment.remove(QStringLiteral("NO_COLOR"));
    environment.remove(QStringLiteral("COLUMNS"));
    environment.insert(QStringLiteral("TERM"), QStringLiteral("xterm"));
    environment.insert(QStringLiteral("IOCCTL_PAGER"), QStringLiteral("cat"));
    for (const QString &pair : env) {
        const QString name = pair.section(QLatin1Char('='), 0, 0);
        if (pair.contains(QLatin1Char('=')))
            environment.insert(name, pair.section(QLatin1Char('='), 1));
        else
            environment.remove(name);
    }
    pty.process().setProcessEnvironment(environment);
    pty.start(Sandbox::binPath(QStringLiteral("iocctl")),
              QStringList{ QStringLiteral("--user") } + args);
    // The event loop runs meanwhile: the terminal is read while iocctl (or its pager) writes.
    QElapsedTimer timer;
    timer.start();
    while (pty.isRunning() && timer.elapsed() < 60000)
        QTest::qWait(20);
    if (pty.isRunning()) {
        run.err = QStringLiteral("iocctl did not finish on the terminal");
        return run;
    }
    // What was written last may still wait in the terminal: read until it is drained.
    for (qsizetype seen = -1; seen != pty.output().size();) {
        seen = pty.output().size();
        QTest::qWait(50);
    }
    run.code = pty.process().exitStatus() == QProcess::NormalExit ? pty.process().exitCode() : -2;
    run.out = QString::fromUtf8(pty.output());
    run.out.remove(QLatin1Char('\r'));
    run.err = QString::fromUtf8(pty.errors());
    return run;
}

QStringList TestIocctlOutput::lines(const QString &text)
{
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QStringList TestIocctlOutput::firstWords(const QString &text)
{
    QStringList words;
    for (const QString &line : lines(text))
        words << line.section(QLatin1Char(' '), 0, 0);
    return words;
}

QString TestIocctlOutput::withoutEscapes(const QString &text)
{
    QString plain = text;
    plain.remove(QRegularExpression(QStringLiteral("\x1b\\[[0-9;]*m")));
    return plain;
}

QString TestIocctlOutput::expectedExit(const QString &unit)
{
    const int code = m_sandbox.unitProperty(unit, QStringLiteral("ExecMainCode")).toInt();
    const int status = m_sandbox.unitProperty(unit, QStringLiteral("ExecMainStatus")).toInt();
    if (code == 1)
        return QStringLiteral("Exited (%1)").arg(status);
    if (code == 2 || code == 3) {
        ChildExit exit;
        exit.signal = status;
        return QStringLiteral("Exited (%1)").arg(exit.signalName());
    }
    return QStringLiteral("(ExecMainCode %1)").arg(code);
}

void TestIocctlOutput::exitedWithCodeAndCreated()
{
    const Run run = piped({ QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("--format"),
                            QStringLiteral("{{.Name}}|{{.Status}}"), QStringLiteral("-f"),
                            QStringLiteral("name=tstout-*") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QMap<QString, QString> status;
    for (const QString &line : lines(run.out))
        status.insert(line.section(QLatin1Char('|'), 0, 0), line.section(QLatin1Char('|'), 1));
    QCOMPARE(status.value(QStringLiteral("tstout-fresh")), QStringLiteral("Created"));
    // procServ's own end as systemd saw it.
    const QString stopped = expectedExit(QStringLiteral("softioc-tstout-stopped.service"));
    QVERIFY2(status.value(QStringLiteral("tstout-stopped")).startsWith(stopped + QLatin1Char(' ')),
             qPrintable(stopped + QStringLiteral(" / ") + run.describe()));
    QVERIFY2(status.value(QStringLiteral("tstout-stopped")).endsWith(QLatin1String(" ago")),
             qPrintable(run.describe()));
    const QString bad = expectedExit(QStringLiteral("softioc-tstout-bad.service"));
    QVERIFY2(bad != QLatin1String("Exited (0)"), qPrintable(bad));
    QVERIFY2(status.value(QStringLiteral("tstout-bad")).startsWith(bad + QLatin1Char(' ')),
             qPrintable(bad + QStringLiteral(" / ") + run.describe()));
    QVERIFY2(status.value(QStringLiteral("tstout-alpha")).startsWith(QLatin1String("Up")),
             qPrintable(run.describe()));
}

void TestIocctlOutput::noLegend()
{
    const QStringList args{ QStringLiteral("ps"), QStringLiteral("-f"),
                            QStringLiteral("name=tstout-*") };
    const Run withHeader = piped(args);
    QVERIFY2(withHeader.code == 0, qPrintable(withHeader.describe()));
    QVERIFY2(lines(withHeader.out).value(0).startsWith(QLatin1String("NAME ")),
             qPrintable(withHeader.describe()));
    QCOMPARE(lines(withHeader.out).size(), 4); // header, alpha and the two long names
    const Run without = piped(args + QStringList{ QStringLiteral("--no-legend") });
    QVERIFY2(without.code == 0, qPrintable(without.describe()));
    // The same rows without the header (durations may have moved on meanwhile).
    QCOMPARE(firstWords(without.out), firstWords(withHeader.out).mid(1));
}

void TestIocctlOutput::tableTemplate()
{
    const QStringList args{ QStringLiteral("ps"), QStringLiteral("-f"),
                            QStringLiteral("name=tstout-alpha"), QStringLiteral("--format"),
                            QStringLiteral("table {{.Name}}\\t{{.Status}}\\t{{.LogFile}}") };
    const Run run = piped(args);
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    const QStringList table = lines(run.out);
    QCOMPARE(table.size(), 2);
    const QStringList header = table.at(0).split(QRegularExpression(QStringLiteral("\\s{3,}")));
    QCOMPARE(header,
             QStringList({ QStringLiteral("NAME"), QStringLiteral("STATUS"),
                           QStringLiteral("LOG FILE") }));
    const QStringList row = table.at(1).split(QRegularExpression(QStringLiteral("\\s{3,}")));
    QCOMPARE(row.size(), 3);
    QCOMPARE(row.at(0), QStringLiteral("tstout-alpha"));
    QVERIFY2(row.at(1).startsWith(QLatin1String("Up")), qPrintable(run.describe()));
    QCOMPARE(row.at(2), m_logFile);
    // Columns line up: STATUS starts at the same place in both lines.
    QCOMPARE(table.at(0).indexOf(QLatin1String("STATUS")), table.at(1).indexOf(row.at(1)));

    const Run bare = piped(args + QStringList{ QStringLiteral("--no-legend") });
    // The same row without the header; its uptime may have moved on meanwhile ("Less than a
    // second" to "1 second", and with it the width of the STATUS column).
    const auto cells = [](const QString &line) {
        QStringList split = line.split(QRegularExpression(QStringLiteral("\\s{3,}")));
        if (split.size() > 1 && split.at(1).startsWith(QLatin1String("Up ")))
            split[1] = QStringLiteral("Up");
        return split;
    };
    QCOMPARE(lines(bare.out).size(), 1);
    QCOMPARE(cells(lines(bare.out).at(0)), cells(table.at(1)));
    const Run badField = piped({ QStringLiteral("ps"), QStringLiteral("--format"),
                                 QStringLiteral("table {{.Nope}}") });
    QCOMPARE(badField.code, 2);
    QVERIFY2(badField.err.contains(QLatin1String("unknown field")),
             qPrintable(badField.describe()));
}

void TestIocctlOutput::lastAndLatest()
{
    const QStringList filter{ QStringLiteral("-f"), QStringLiteral("name=tstout-*"),
                              QStringLiteral("--format"), QStringLiteral("{{.Name}}") };
    // Started last in initTestCase().
    const Run latest = piped(QStringList{ QStringLiteral("ps"), QStringLiteral("-l") } + filter);
    QVERIFY2(latest.code == 0, qPrintable(latest.describe()));
    QCOMPARE(lines(latest.out), QStringList{ m_long2 });
    const Run last =
            piped(QStringList{ QStringLiteral("ps"), QStringLiteral("-n"), QStringLiteral("3") }
                  + filter);
    QVERIFY2(last.code == 0, qPrintable(last.describe()));
    QCOMPARE(lines(last.out), QStringList({ m_long2, m_long1, QStringLiteral("tstout-alpha") }));
    // -n includes stopped IOCs (as docker's does): all six, the never-started one among the
    // last (with a stopped unit systemd has unloaded: its last start is not known).
    const Run all = piped(
            QStringList{ QStringLiteral("ps"), QStringLiteral("--last"), QStringLiteral("10") }
            + filter);
    const QStringList every = lines(all.out);
    QCOMPARE(every.size(), 6);
    QCOMPARE(every.mid(0, 3), QStringList({ m_long2, m_long1, QStringLiteral("tstout-alpha") }));
    QVERIFY2(every.mid(4).contains(QStringLiteral("tstout-fresh")), qPrintable(all.describe()));

    // Restarted: now the latest.
    QVERIFY(m_sandbox.systemctl(
            { QStringLiteral("restart"), QStringLiteral("softioc-tstout-alpha") }));
    const Run again =
            piped(QStringList{ QStringLiteral("ps"), QStringLiteral("--latest") } + filter);
    QCOMPARE(lines(again.out), QStringList{ QStringLiteral("tstout-alpha") });
    const Run both = piped(QStringList{ QStringLiteral("ps"), QStringLiteral("-l"),
                                        QStringLiteral("-n"), QStringLiteral("2") });
    QCOMPARE(both.code, 2);
}

void TestIocctlOutput::tableFitsTerminalWidth()
{
    const QStringList args{ QStringLiteral("ps"), QStringLiteral("-f"),
                            QStringLiteral("name=tstout-*"), QStringLiteral("--color"),
                            QStringLiteral("never") };
    // Wide enough: nothing elided.
    const Run wide = onTerminal(args, { QStringLiteral("COLUMNS=200") });
    QVERIFY2(wide.code == 0, qPrintable(wide.describe()));
    QVERIFY2(!wide.out.contains(QChar(0x2026)), qPrintable(wide.describe()));
    int widest = 0;
    for (const QString &line : lines(wide.out))
        widest = qMax(widest, int(line.size()));
    QVERIFY2(widest > 80, qPrintable(wide.describe()));

    // 70 columns: the table shrinks to fit, CONSOLE elided in the middle (tcp:127…PORT) and
    // CONVENTION at its end.
    const Run narrow = onTerminal({ QStringLiteral("ps"), QStringLiteral("-f"),
                                    QStringLiteral("name=tstout-alpha"), QStringLiteral("--color"),
                                    QStringLiteral("never") },
                                  { QStringLiteral("COLUMNS=70") });
    QVERIFY2(narrow.code == 0, qPrintable(narrow.describe()));
    const QStringList table = lines(narrow.out);
    QCOMPARE(table.size(), 2);
    for (const QString &line : table)
        QVERIFY2(line.size() <= 70, qPrintable(line));
    QVERIFY2(table.at(1).startsWith(QLatin1String("tstout-alpha ")), qPrintable(narrow.describe()));
    QVERIFY2(QRegularExpression(QStringLiteral("tcp\\S*\u2026\\S*\\d"))
                     .match(table.at(1))
                     .hasMatch(),
             qPrintable(narrow.describe()));

    // Narrower than the names: the names stay whole (never cut, so two never look alike)
    // and lines grow past the width; the other columns are at their narrowest.
    const Run tiny = onTerminal(args, { QStringLiteral("COLUMNS=40") });
    QVERIFY2(tiny.code == 0, qPrintable(tiny.describe()));
    QVERIFY2(tiny.out.contains(m_long1 + QLatin1Char(' '))
                     && tiny.out.contains(m_long2 + QLatin1Char(' ')),
             qPrintable(tiny.describe()));
    QVERIFY2(tiny.out.contains(QChar(0x2026)), qPrintable(tiny.describe()));

    // The terminal's own width when COLUMNS is not set (PtyProcess: 120).
    const Run own = onTerminal(args);
    for (const QString &line : lines(own.out))
        QVERIFY2(line.size() <= 120, qPrintable(line));
}

void TestIocctlOutput::pipedTableHasNoWidthLimit()
{
    const Run run =
            piped({ QStringLiteral("ps"), QStringLiteral("-f"), QStringLiteral("name=tstout-*") },
                  { QStringLiteral("COLUMNS=40") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    int widest = 0;
    for (const QString &line : lines(run.out))
        widest = qMax(widest, int(line.size()));
    QVERIFY2(widest > 80, qPrintable(run.describe()));
    QVERIFY2(!run.out.contains(QLatin1Char('\x1b')), qPrintable(run.describe()));
}

void TestIocctlOutput::coloursOnTerminalOnly()
{
    const QStringList args{ QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("-f"),
                            QStringLiteral("name=tstout-*") };
    const Run colored = onTerminal(args);
    QVERIFY2(colored.code == 0, qPrintable(colored.describe()));
    // Running green, failed red; the text is the same without the escapes.
    QVERIFY2(colored.out.contains(QLatin1String("\x1b[32mUp")), qPrintable(colored.describe()));
    QVERIFY2(colored.out.contains(QLatin1String("\x1b[1;31mExited")),
             qPrintable(colored.describe()));
    const Run noColor = onTerminal(args, { QStringLiteral("NO_COLOR=") });
    QVERIFY2(!noColor.out.contains(QLatin1Char('\x1b')), qPrintable(noColor.describe()));
    const Run never = onTerminal(args + QStringList{ QStringLiteral("--color=never") });
    QVERIFY2(!never.out.contains(QLatin1Char('\x1b')), qPrintable(never.describe()));
    // The same rows (durations may have moved on meanwhile).
    QCOMPARE(firstWords(withoutEscapes(colored.out)), firstWords(never.out));
    // Before the command too.
    const Run before =
            onTerminal(QStringList{ QStringLiteral("--color"), QStringLiteral("never") } + args);
    QVERIFY2(!before.out.contains(QLatin1Char('\x1b')), qPrintable(before.describe()));

    const Run pipe = piped(args);
    QVERIFY2(!pipe.out.contains(QLatin1Char('\x1b')), qPrintable(pipe.describe()));
    const Run forced =
            piped(args + QStringList{ QStringLiteral("--color"), QStringLiteral("always") });
    QVERIFY2(forced.out.contains(QLatin1String("\x1b[32m")), qPrintable(forced.describe()));
    const Run bad = piped(args + QStringList{ QStringLiteral("--color=sometimes") });
    QCOMPARE(bad.code, 2);
}

void TestIocctlOutput::pagerOnTerminalOnly()
{
    const QStringList args{ QStringLiteral("ps"), QStringLiteral("-f"),
                            QStringLiteral("name=tstout-*"), QStringLiteral("--color=never") };
    // A pager that marks every line it shows.
    const QString pager = QStringLiteral("IOCCTL_PAGER=sed -e s/^/paged:/");
    const Run paged = onTerminal(args, { pager });
    QVERIFY2(paged.code == 0, qPrintable(paged.describe()));
    const QStringList shown = lines(paged.out);
    QCOMPARE(shown.size(), 4);
    for (const QString &line : shown)
        QVERIFY2(line.startsWith(QLatin1String("paged:")), qPrintable(paged.describe()));
    // $PAGER when IOCCTL_PAGER is not set.
    const Run fromPager = onTerminal(
            args, { QStringLiteral("IOCCTL_PAGER"), QStringLiteral("PAGER=sed -e s/^/paged:/") });
    QVERIFY2(fromPager.out.startsWith(QLatin1String("paged:")), qPrintable(fromPager.describe()));

    const Run noPager = onTerminal(args + QStringList{ QStringLiteral("--no-pager") }, { pager });
    QVERIFY2(!noPager.out.contains(QLatin1String("paged:")), qPrintable(noPager.describe()));
    QCOMPARE(lines(noPager.out).size(), 4);
    const Run cat =
            onTerminal(args, { QStringLiteral("IOCCTL_PAGER"), QStringLiteral("PAGER=cat") });
    QVERIFY2(!cat.out.contains(QLatin1String("paged:")), qPrintable(cat.describe()));
    QCOMPARE(lines(cat.out).size(), 4);
    const Run pipe = piped(args, { pager });
    QVERIFY2(!pipe.out.contains(QLatin1String("paged:")), qPrintable(pipe.describe()));
    // inspect pages too; -q (names for scripts) never does.
    const Run inspect =
            onTerminal({ QStringLiteral("inspect"), QStringLiteral("tstout-alpha") }, { pager });
    QVERIFY2(inspect.out.startsWith(QLatin1String("paged:[")), qPrintable(inspect.describe()));
    const Run quiet = onTerminal({ QStringLiteral("ps"), QStringLiteral("-q"), QStringLiteral("-f"),
                                   QStringLiteral("name=tstout-alpha") },
                                 { pager });
    QCOMPARE(lines(quiet.out), QStringList{ QStringLiteral("tstout-alpha") });
}

void TestIocctlOutput::inspectTemplate()
{
    const Run run = piped({ QStringLiteral("inspect"), QStringLiteral("-f"),
                            QStringLiteral("{{.name}}|{{.Unit}}|{{.console}}|{{json .execStart}}"
                                           "|{{.lastExit}}|{{.unitFileState}}"),
                            QStringLiteral("tstout-alpha"), QStringLiteral("tstout-fresh") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    const QStringList shown = lines(run.out);
    QCOMPARE(shown.size(), 2);
    const QStringList alpha = shown.at(0).split(QLatin1Char('|'));
    QCOMPARE(alpha.size(), 6);
    QCOMPARE(alpha.at(0), QStringLiteral("tstout-alpha"));
    QCOMPARE(alpha.at(1), QStringLiteral("softioc-tstout-alpha.service"));
    QVERIFY2(alpha.at(2).startsWith(QLatin1String("tcp:")), qPrintable(run.describe()));
    const QJsonArray argv = QJsonDocument::fromJson(alpha.at(3).toUtf8()).array();
    QVERIFY2(argv.size() > 2 && argv.at(0).toString().endsWith(QLatin1String("procServ")),
             qPrintable(run.describe()));
    QCOMPARE(alpha.at(4), QStringLiteral("<nil>")); // the IOC has not exited since it started
    QCOMPARE(alpha.at(5), QStringLiteral("static")); // no [Install] section
    QCOMPARE(shown.at(1).section(QLatin1Char('|'), 5), QStringLiteral("enabled"));

    const Run whole = piped({ QStringLiteral("inspect"), QStringLiteral("--format"),
                              QStringLiteral("{{json .}}"), QStringLiteral("tstout-alpha") });
    QCOMPARE(QJsonDocument::fromJson(whole.out.toUtf8())
                     .object()
                     .value(QStringLiteral("name"))
                     .toString(),
             QStringLiteral("tstout-alpha"));

    const Run unknown = piped({ QStringLiteral("inspect"), QStringLiteral("-f"),
                                QStringLiteral("{{.Nmae}}"), QStringLiteral("tstout-alpha") });
    QCOMPARE(unknown.code, 2);
    QVERIFY2(unknown.err.contains(QLatin1String("unknown field 'Nmae'"))
                     && unknown.err.contains(QLatin1String("name")),
             qPrintable(unknown.describe()));
    QVERIFY(unknown.out.isEmpty());
    const Run nested =
            piped({ QStringLiteral("inspect"), QStringLiteral("-f"),
                    QStringLiteral("{{.lastExit.nope}}"), QStringLiteral("tstout-bad") });
    QCOMPARE(nested.code, 0); // lastExit is null here: Go prints <nil>
    QCOMPARE(nested.out.trimmed(), QStringLiteral("<nil>"));
    const Run malformed = piped({ QStringLiteral("inspect"), QStringLiteral("-f"),
                                  QStringLiteral("{{.name"), QStringLiteral("tstout-alpha") });
    QCOMPARE(malformed.code, 2);
}

void TestIocctlOutput::logsTimestampsAndUntilOnLogFile()
{
    // procServ's log file has no time per line: the log is printed as written and a warning
    // says why -t and --until do not apply (the journal and containers take them).
    const Run plain = piped({ QStringLiteral("logs"), QStringLiteral("tstout-alpha") });
    QVERIFY2(plain.code == 0 && !plain.out.isEmpty(), qPrintable(plain.describe()));
    const Run run = piped({ QStringLiteral("logs"), QStringLiteral("-t"), QStringLiteral("--until"),
                            QStringLiteral("2000-01-01 00:00"), QStringLiteral("tstout-alpha") });
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    QVERIFY2(run.out.startsWith(plain.out.left(20)), qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("--until applies to the journal only")),
             qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("--logstamp")), qPrintable(run.describe()));
    const Run help = piped({ QStringLiteral("logs"), QStringLiteral("--help") });
    QVERIFY2(help.out.contains(QLatin1String("--until <TIME>"))
                     && help.out.contains(QLatin1String("--timestamps")),
             qPrintable(help.describe()));
}

QTEST_GUILESS_MAIN(TestIocctlOutput)
#include "tst_iocctloutput.moc"
