// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/hosts/unitfilesource.h"
#include "core/ioc/unitdescriber.h"
#include "core/systemd/execcommand.h"
#include "core/systemd/unitfile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
QString s(const char *text)
{
    return QString::fromUtf8(text);
}
QStringList l(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list << s(item);
    return list;
}
} // namespace

/// UnitFile (a unit file and its drop-ins read as systemd reads them, never executed),
/// UnitDescriber (unit file -> IOC row) and UnitFileSource's pure parts.
class TestUnitDescriber : public QObject
{
    Q_OBJECT

private slots:
    void splitCommandLine_data();
    void splitCommandLine();
    void parseExecStart_data();
    void parseExecStart();
    void dropInsOverrideAndReset();
    void dropInDirNames();
    void describe_data();
    void describe();
    void fribByEnvironmentFile();
    void describeLoadedNamedByUnit();
    void describeLoadedEnvironmentFiles_data();
    void describeLoadedEnvironmentFiles();
    void describeLoadedByExecStart();
    void describeLoadedByProcess();
    void describeLoadedKeepsWhatRuns();
    void describeLoadedWithoutExecStart();
    void processCommandLine_data();
    void processCommandLine();
    void dumpRoundTrip();
    void assembleChoosesDropIns();
    void readLocalThousandFiles();
};

void TestUnitDescriber::splitCommandLine_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("words");
    QTest::newRow("plain") << s("/usr/bin/procServ -f 2000 /bin/ioc")
                           << l({ "/usr/bin/procServ", "-f", "2000", "/bin/ioc" });
    QTest::newRow("quotes") << s("a \"b c\" 'd e'") << l({ "a", "b c", "d e" });
    QTest::newRow("escape") << s("a\\x41 b\\\\c \"q\\\"x\"") << l({ "aA", "b\\c", "q\"x" });
    QTest::newRow("semicolon ends the command") << s("/bin/a x ; /bin/b y") << l({ "/bin/a", "x" });
    QTest::newRow("empty") << s("   ") << l({});
}

void TestUnitDescriber::splitCommandLine()
{
    QFETCH(QString, line);
    QFETCH(QStringList, words);
    QCOMPARE(splitWords(line, WordSplit::UnitFileLine), words);
}

void TestUnitDescriber::parseExecStart_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("argv");
    QTest::addColumn<bool>("hasError");
    QTest::newRow("simple") << QByteArray("[Service]\nExecStart=/usr/bin/procServ -f 2000 x\n")
                            << s("/usr/bin/procServ")
                            << l({ "/usr/bin/procServ", "-f", "2000", "x" }) << false;
    QTest::newRow("prefix -") << QByteArray("[Service]\nExecStart=-/usr/bin/procServ -f 1 x\n")
                              << s("/usr/bin/procServ")
                              << l({ "/usr/bin/procServ", "-f", "1", "x" }) << false;
    QTest::newRow("prefix @ gives argv0")
            << QByteArray("[Service]\nExecStart=@/usr/bin/procServ myioc -f 1 x\n")
            << s("/usr/bin/procServ") << l({ "myioc", "-f", "1", "x" }) << false;
    QTest::newRow("continuation") << QByteArray(
            "[Service]\nExecStart=/usr/bin/procServ \\\n  -f \\\n# c\n  7 x\n")
                                  << s("/usr/bin/procServ")
                                  << l({ "/usr/bin/procServ", "-f", "7", "x" }) << false;
    QTest::newRow("other section ignored")
            << QByteArray("[Unit]\nExecStart=/bin/nope\n[Service]\nExecStart=/bin/yes\n")
            << s("/bin/yes") << l({ "/bin/yes" }) << false;
    QTest::newRow("no ExecStart") << QByteArray("[Unit]\nDescription=x\n[Service]\nType=simple\n")
                                  << QString() << l({}) << true;
    QTest::newRow("first of several")
            << QByteArray("[Service]\nType=oneshot\nExecStart=/bin/a\nExecStart=/bin/b\n")
            << s("/bin/a") << l({ "/bin/a" }) << false;
}

void TestUnitDescriber::parseExecStart()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, path);
    QFETCH(QStringList, argv);
    QFETCH(bool, hasError);
    const UnitFile file = UnitFile::parse({ { QStringLiteral("/u/x.service"), text } });
    QCOMPARE(file.execPath, path);
    QCOMPARE(file.execArgv, argv);
    QCOMPARE(!file.error.isEmpty(), hasError);
}

void TestUnitDescriber::dropInsOverrideAndReset()
{
    const UnitFile file = UnitFile::parse(
            { { s("/u/x.service"),
                "[Unit]\nDescription=first\n[Service]\nExecStart=/bin/old\nEnvironment=A=1\n"
                "[Install]\nWantedBy=default.target\n" },
              { s("/u/x.service.d/10-new.conf"),
                "[Unit]\nDescription=second\n[Service]\nExecStart=\n"
                "ExecStart=/usr/bin/procServ -f 5 y\nEnvironment=\"B=2 3\" C=4\n" } });
    QCOMPARE(file.description, QStringLiteral("second"));
    QCOMPARE(file.execPath, QStringLiteral("/usr/bin/procServ"));
    QCOMPARE(file.environment, l({ "A=1", "B=2 3", "C=4" }));
    QVERIFY(file.hasInstall);
    QVERIFY2(file.error.isEmpty(), qPrintable(file.error));
    QCOMPARE(file.files.size(), 2);
}

void TestUnitDescriber::dropInDirNames()
{
    QCOMPARE(UnitFile::dropInDirNames(QStringLiteral("beam-x-1.service")),
             l({ "service.d", "beam-.service.d", "beam-x-.service.d", "beam-x-1.service.d" }));
    QCOMPARE(UnitFile::dropInDirNames(QStringLiteral("ioc@motor.service")),
             l({ "service.d", "ioc@.service.d", "ioc@motor.service.d" }));
}

void TestUnitDescriber::describe_data()
{
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("isIoc");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("convention");
    QTest::addColumn<QString>("console");
    QTest::newRow("unconventional name, procServ")
            << s("beamline-x-007.service")
            << QByteArray("[Service]\nExecStart=/usr/bin/procServ -f -n bx7 -P unix:%t/bx7.sock "
                          "/usr/bin/ioc\n")
            << true << s("bx7") << s("generic") << s("unix:/run/user/1/bx7.sock");
    QTest::newRow("unconventional, -n missing: unit stem")
            << s("beamline-x-008.service")
            << QByteArray("[Service]\nExecStart=-/usr/bin/procServ -f 4000 /usr/bin/ioc\n") << true
            << s("beamline-x-008") << s("generic") << s("tcp:127.0.0.1:4000");
    QTest::newRow("@ prefix: the program decides")
            << s("odd.service")
            << QByteArray("[Service]\nExecStart=@/usr/bin/procServ ioc-odd -f 4001 /bin/ioc\n")
            << true << s("odd") << s("generic") << s("tcp:127.0.0.1:4001");
    QTest::newRow("not procServ") << s("sshd.service")
                                  << QByteArray("[Service]\nExecStart=/usr/sbin/sshd -D\n") << false
                                  << s("") << s("") << s("");
    QTest::newRow("convention by name, no procServ")
            << s("softioc-wrapped.service") << QByteArray("[Service]\nExecStart=/usr/bin/wrapper\n")
            << true << s("wrapped") << s("manage-iocs") << s("");
    QTest::newRow("FRIB by its socket")
            << s("softioc-rf.service")
            << QByteArray("[Service]\nExecStart=/usr/bin/procServ -f -P 4002 -P "
                          "unix:%t/softioc-rf/procServ.sock /bin/ioc\n")
            << true << s("rf") << s("frib") << s("unix:/run/user/1/softioc-rf/procServ.sock");
    QTest::newRow("$VAR from Environment=")
            << s("vars.service")
            << QByteArray("[Service]\nEnvironment=PORT=4003\n"
                          "ExecStart=/usr/bin/procServ -f ${PORT} /bin/ioc\n")
            << true << s("vars") << s("generic") << s("tcp:127.0.0.1:4003");
}

void TestUnitDescriber::describe()
{
    QFETCH(QString, unit);
    QFETCH(QByteArray, text);
    QFETCH(bool, isIoc);
    QFETCH(QString, name);
    QFETCH(QString, convention);
    QFETCH(QString, console);
    const UnitFile file = UnitFile::parse({ { QStringLiteral("/u/") + unit, text } });
    const UnitDescription d = UnitDescriber::describe(
            unit, file, {}, { s("h"), s("/run/user/1"), s("/home/u"), s("u") });
    QCOMPARE(d.isIoc, isIoc);
    if (!isIoc)
        return;
    QCOMPARE(d.ioc.name, name);
    QCOMPARE(d.ioc.convention, convention);
    QCOMPARE(d.ioc.console.toString(), console);
    QCOMPARE(d.ioc.unit, unit);
    QCOMPARE(d.ioc.host, QStringLiteral("h"));
    QCOMPARE(d.ioc.fragmentPath, QStringLiteral("/u/") + unit);
}

void TestUnitDescriber::fribByEnvironmentFile()
{
    // The same rule as for loaded units: an EnvironmentFile /etc/iocs/NAME/config is FRIB's.
    const UnitFile file =
            UnitFile::parse({ { s("/u/softioc-llrf.service"),
                                "[Service]\nEnvironmentFile=/etc/iocs/llrf/config\n"
                                "ExecStart=/usr/bin/procServ -f -P ${IOC_PORT} /bin/ioc\n" } });
    const UnitDescription d = UnitDescriber::describe(
            QStringLiteral("softioc-llrf.service"), file,
            { { QStringLiteral("/etc/iocs/llrf/config"), QByteArray("IOC_PORT=4555\n") } },
            { s("h"), s("/run"), s("/root"), s("root") });
    QCOMPARE(d.ioc.convention, QStringLiteral("frib"));
    QCOMPARE(d.ioc.name, QStringLiteral("llrf"));
    QCOMPARE(d.ioc.console.toString(), QStringLiteral("tcp:127.0.0.1:4555"));
}

namespace {
// A row as Inventory holds it when systemd's properties have been applied.
Ioc loadedRow(const char *unit, const char *activeState, quint32 mainPid = 0)
{
    Ioc ioc;
    ioc.host = s("h");
    ioc.unit = s(unit);
    ioc.unitPath = s("/org/freedesktop/systemd1/unit/x");
    ioc.loadState = s("loaded");
    ioc.activeState = s(activeState);
    ioc.mainPid = mainPid;
    return ioc;
}

FileContents contents(const QByteArray &data)
{
    FileContents c;
    c.data = data;
    return c;
}

FileContents failed(const QString &error)
{
    FileContents c;
    c.error = error;
    return c;
}

FileContents pendingRead()
{
    FileContents c;
    c.pending = true;
    return c;
}

QByteArray cmdline(std::initializer_list<const char *> argv)
{
    QByteArray data;
    for (const char *arg : argv)
        data += QByteArray(arg) + '\0';
    return data;
}
} // namespace

void TestUnitDescriber::describeLoadedNamedByUnit()
{
    // Named by its unit (manage-iocs), the port from an environment file through ${PORT}; the
    // FRIB config file path in EnvironmentFile= tells FRIB from NSLS-II.
    Ioc ioc = loadedRow("softioc-rf.service", "active", 100);
    ioc.name = s("rf");
    ioc.convention = s("manage-iocs");
    LoadedUnitFacts facts;
    facts.execStart = l({ "/usr/bin/procServ", "-f", "-n", "rf", "-L", "/var/log/rf.log", "-P",
                          "${PORT}", "/bin/ioc" });
    facts.environmentFiles = { { s("/etc/iocs/rf/config"), false } };
    facts.files.insert(s("/etc/iocs/rf/config"), contents("PORT=4100\n"));
    facts.environment = l({ "OTHER=1" });
    facts.processAffordable = true;
    const LoadedDescription d = UnitDescriber::describeLoaded(ioc, facts);
    QVERIFY(d.isIoc);
    QVERIFY(!d.pending);
    QVERIFY(!d.undecided);
    QVERIFY(!d.wantsProcess); // the file gives a usable command: no need to look at the process
    QCOMPARE(d.error, QString());
    QCOMPARE(ioc.name, s("rf"));
    QCOMPARE(ioc.convention, s("frib"));
    QCOMPARE(ioc.console.toString(), s("tcp:127.0.0.1:4100"));
    QCOMPARE(ioc.logFile, s("/var/log/rf.log"));
    QCOMPARE(ioc.childName, s("rf"));
    QCOMPARE(ioc.execStart.value(7), s("4100"));
}

void TestUnitDescriber::describeLoadedEnvironmentFiles_data()
{
    QTest::addColumn<bool>("optional");
    QTest::addColumn<int>("read"); // 0 contents, 1 error, 2 pending, 3 not read
    QTest::addColumn<QString>("console");
    QTest::addColumn<bool>("pending");
    QTest::addColumn<QString>("error");
    QTest::newRow("read") << false << 0 << s("tcp:127.0.0.1:4200") << false << s("");
    QTest::newRow("unreadable: the cause first")
            << false << 1 << s("") << false << s("Cannot read /e: gone\nprocServ command line: ");
    QTest::newRow("unreadable, optional ('-')") << true << 1 << s("") << false << s("procServ");
    QTest::newRow("still being read: no error yet") << false << 2 << s("") << true << s("procServ");
    QTest::newRow("not read (a listing that needs no values)")
            << false << 3 << s("") << false << s("procServ");
}

void TestUnitDescriber::describeLoadedEnvironmentFiles()
{
    QFETCH(bool, optional);
    QFETCH(int, read);
    QFETCH(QString, console);
    QFETCH(bool, pending);
    QFETCH(QString, error);
    Ioc ioc = loadedRow("epics-@cam.service", "inactive");
    ioc.name = s("cam");
    ioc.convention = s("ioc-runner");
    LoadedUnitFacts facts;
    facts.execStart = l({ "/usr/bin/procServ", "-f", "-P", "$PORT", "/bin/ioc" });
    facts.environmentFiles = { { s("/e"), optional } };
    if (read == 0)
        facts.files.insert(s("/e"), contents("PORT=4200\n"));
    else if (read == 1)
        facts.files.insert(s("/e"), failed(s("Cannot read /e: gone")));
    else if (read == 2)
        facts.files.insert(s("/e"), pendingRead());
    const LoadedDescription d = UnitDescriber::describeLoaded(ioc, facts);
    QVERIFY(d.isIoc);
    QCOMPARE(d.pending, pending);
    QCOMPARE(ioc.console.toString(), console);
    if (error.isEmpty())
        QCOMPARE(d.error, error);
    else
        QVERIFY2(d.error.startsWith(error), qPrintable(d.error));
}

void TestUnitDescriber::describeLoadedByExecStart()
{
    // Not named by its unit: an IOC because it runs procServ; named by procServ's -n.
    Ioc ioc = loadedRow("beamline-x.service", "inactive");
    LoadedUnitFacts facts;
    facts.execStart =
            l({ "/usr/bin/procServ", "-f", "-n", "bx", "-P", "unix:/run/bx.sock", "/bin/ioc" });
    LoadedDescription d = UnitDescriber::describeLoaded(ioc, facts);
    QVERIFY(d.isIoc);
    QCOMPARE(ioc.name, s("bx"));
    QCOMPARE(ioc.convention, s("generic"));
    QCOMPARE(ioc.console.toString(), s("unix:/run/bx.sock"));

    // Without -n: the unit name's stem.
    ioc = loadedRow("beamline-y.service", "inactive");
    facts.execStart = l({ "/usr/bin/procServ", "-f", "4300", "/bin/ioc" });
    d = UnitDescriber::describeLoaded(ioc, facts);
    QVERIFY(d.isIoc);
    QCOMPARE(ioc.name, s("beamline-y"));

    // Neither named nor procServ, and not running: not an IOC, nothing to look at.
    ioc = loadedRow("sshd.service", "inactive");
    facts.execStart = l({ "/usr/sbin/sshd", "-D" });
    d = UnitDescriber::describeLoaded(ioc, facts);
    QVERIFY(!d.isIoc);
    QVERIFY(!d.undecided);
    QVERIFY(!d.wantsProcess);
    QCOMPARE(ioc.name, QString());
}

void TestUnitDescriber::describeLoadedByProcess()
{
    // A running service whose file no longer runs procServ (rewritten): its process decides.
    const Ioc row = loadedRow("rewritten.service", "active", 4242);
    LoadedUnitFacts facts;
    facts.execStart = l({ "/usr/bin/sleep", "infinity" });
    facts.processAffordable = true;
    Ioc ioc = row;
    LoadedDescription d = UnitDescriber::describeLoaded(ioc, facts);
    QVERIFY(!d.isIoc);
    QVERIFY(d.wantsProcess);

    facts.process = contents(cmdline({ "procServ", "-f", "-n", "rw", "-P", "4400", "/bin/ioc" }));
    ioc = row;
    d = UnitDescriber::describeLoaded(ioc, facts);
    QVERIFY(d.isIoc);
    QVERIFY(!d.wantsProcess);
    QCOMPARE(ioc.name, s("rw"));
    QCOMPARE(ioc.console.toString(), s("tcp:127.0.0.1:4400"));

    // Through ssh, not read yet: undecided (not "no IOC").
    facts.process = pendingRead();
    ioc = row;
    d = UnitDescriber::describeLoaded(ioc, facts);
    QVERIFY(!d.isIoc);
    QVERIFY(d.undecided);

    // The process is not procServ either: not an IOC.
    facts.process = contents(cmdline({ "/usr/bin/sleep", "infinity" }));
    ioc = row;
    d = UnitDescriber::describeLoaded(ioc, facts);
    QVERIFY(!d.isIoc);
    QVERIFY(!d.undecided);

    // A look costs an ssh call that is not worth it for a file systemd accepted: not wanted.
    facts.process.reset();
    facts.processAffordable = false;
    ioc = row;
    d = UnitDescriber::describeLoaded(ioc, facts);
    QVERIFY(!d.isIoc);
    QVERIFY(!d.wantsProcess);
}

void TestUnitDescriber::describeLoadedKeepsWhatRuns()
{
    // A running IOC whose rewritten file gives no usable procServ command keeps the console
    // it runs with: its process's, else the last good reading.
    Ioc row = loadedRow("softioc-kept.service", "active", 77);
    row.name = s("kept");
    row.convention = s("manage-iocs");
    LoadedUnitFacts facts;
    facts.execStart = l({ "/usr/bin/procServ", "--bogus-option", "/bin/ioc" });
    facts.processAffordable = true;
    Ioc ioc = row;
    LoadedDescription d = UnitDescriber::describeLoaded(ioc, facts);
    QVERIFY(d.isIoc);
    QVERIFY(d.wantsProcess);
    QVERIFY2(d.error.contains(s("procServ command line")), qPrintable(d.error));

    facts.process = contents(cmdline({ "procServ", "-f", "-P", "4500", "/bin/ioc" }));
    ioc = row;
    d = UnitDescriber::describeLoaded(ioc, facts);
    QCOMPARE(ioc.console.toString(), s("tcp:127.0.0.1:4500"));

    // The process cannot be read, the last good reading stays.
    facts.process = failed(s("gone"));
    row.console = ConsoleEndpoint::fromString(s("tcp:127.0.0.1:4600"));
    ioc = row;
    d = UnitDescriber::describeLoaded(ioc, facts);
    QCOMPARE(ioc.console.toString(), s("tcp:127.0.0.1:4600"));

    // systemd refused the new file (LoadState bad-setting): the file is not what runs, even
    // when it parses.
    row.loadState = s("bad-setting");
    facts.execStart = l({ "/usr/bin/procServ", "-f", "-P", "4700", "/bin/ioc" });
    facts.process.reset();
    ioc = row;
    d = UnitDescriber::describeLoaded(ioc, facts);
    QCOMPARE(ioc.console.toString(), s("tcp:127.0.0.1:4600"));
    QCOMPARE(ioc.execStart.value(3), s("4700"));

    // Not running: the file is what would run.
    row.loadState = s("loaded");
    row.activeState = s("inactive");
    ioc = row;
    d = UnitDescriber::describeLoaded(ioc, facts);
    QVERIFY(!d.wantsProcess);
    QCOMPARE(ioc.console.toString(), s("tcp:127.0.0.1:4700"));
}

void TestUnitDescriber::describeLoadedWithoutExecStart()
{
    // systemd reports no ExecStart (a refused rewrite of a running unit): the process says,
    // on any host, and its row is not held back for it.
    Ioc row = loadedRow("softioc-bare.service", "active", 88);
    row.name = s("bare");
    row.convention = s("manage-iocs");
    row.execStart = l({ "/usr/bin/procServ", "old" });
    LoadedUnitFacts facts;
    Ioc ioc = row;
    LoadedDescription d = UnitDescriber::describeLoaded(ioc, facts);
    QVERIFY(d.isIoc);
    QVERIFY(d.wantsProcess);
    QVERIFY(!d.pending);
    QCOMPARE(ioc.execStart, row.execStart); // what was known stays

    facts.process = pendingRead();
    ioc = row;
    d = UnitDescriber::describeLoaded(ioc, facts);
    QVERIFY(!d.pending);
    QVERIFY(!ioc.console.isValid());

    facts.process = contents(cmdline({ "procServ", "-f", "-P", "unix:/run/bare.sock", "/i" }));
    ioc = row;
    d = UnitDescriber::describeLoaded(ioc, facts);
    QCOMPARE(ioc.console.toString(), s("unix:/run/bare.sock"));
}

void TestUnitDescriber::processCommandLine_data()
{
    QTest::addColumn<QByteArray>("cmdline");
    QTest::addColumn<bool>("applied");
    QTest::addColumn<QString>("console");
    QTest::newRow("procServ") << cmdline({ "/usr/bin/procServ", "-f", "-P", "4800", "/bin/ioc" })
                              << true << s("tcp:127.0.0.1:4800");
    QTest::newRow("no trailing NUL") << QByteArray("procServ\0-f\0-P\0004801\0/bin/ioc", 28) << true
                                     << s("tcp:127.0.0.1:4801");
    QTest::newRow("another program") << cmdline({ "/usr/bin/sleep", "1" }) << false << s("");
    QTest::newRow("launcher: its console is in its config")
            << cmdline({ "/usr/bin/procServ-launcher", "--system", "ioc" }) << false << s("");
    QTest::newRow("options procServ refuses")
            << cmdline({ "procServ", "--bogus-option", "/bin/ioc" }) << false << s("");
    QTest::newRow("empty") << QByteArray() << false << s("");
}

void TestUnitDescriber::processCommandLine()
{
    QFETCH(QByteArray, cmdline);
    QFETCH(bool, applied);
    QFETCH(QString, console);
    Ioc ioc;
    QCOMPARE(UnitDescriber::applyProcessCommandLine(ioc, cmdline), applied);
    QCOMPARE(ioc.console.isValid() ? ioc.console.toString() : QString(), console);
}

void TestUnitDescriber::dumpRoundTrip()
{
    // The script a remote host runs, run here by sh on real files.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("units/a.service.d")));
    auto write = [](const QString &path, const QByteArray &data) {
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
    };
    const QString unit = dir.path() + QStringLiteral("/units/a.service");
    const QByteArray binary("[Service]\nExecStart=/bin/x \x1e\n\0tail", 30);
    QVERIFY(write(unit, binary));
    QVERIFY(write(dir.path() + QStringLiteral("/units/a.service.d/over.conf"), "[Service]\n"));
    // An enabled instance of a template: a link in a .wants folder.
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("units/default.target.wants")));
    QVERIFY(QFile::link(dir.path() + QStringLiteral("/units/b@.service"),
                        dir.path() + QStringLiteral("/units/default.target.wants/b@1.service")));
    QVERIFY(write(dir.path() + QStringLiteral("/units/b@.service"), "[Service]\n"));
    const QString script = UnitFileSource::dumpScript(
            { unit, dir.path() + QStringLiteral("/missing.service") },
            { dir.path() + QStringLiteral("/units"), dir.path() + QStringLiteral("/nodir") });
    QProcess sh;
    sh.start(QStringLiteral("sh"), { QStringLiteral("-c"), script });
    QVERIFY(sh.waitForFinished(20000));
    QCOMPARE(sh.exitCode(), 0);
    QList<QPair<QString, QByteArray>> files;
    QStringList scriptLinks;
    QVERIFY(UnitFileSource::parseDump(sh.readAllStandardOutput(), &files, &scriptLinks));
    QCOMPARE(scriptLinks,
             QStringList{ dir.path() + QStringLiteral("/units/default.target.wants/b@1.service") });
    QCOMPARE(files.size(), 2);
    QCOMPARE(files.at(0).first, unit);
    QCOMPARE(files.at(0).second, binary);
    QCOMPARE(files.at(1).first, dir.path() + QStringLiteral("/units/a.service.d/over.conf"));
    QVERIFY(!UnitFileSource::parseDump(QByteArray("\x1e/x\x1e"
                                                  "5\nab"),
                                       &files));
    QStringList links;
    files.clear();
    QVERIFY(UnitFileSource::parseDump(QByteArray("\x1f/u/default.target.wants/b@1.service\n"),
                                      &files, &links));
    QCOMPARE(links, l({ "/u/default.target.wants/b@1.service" }));
    const auto instances =
            UnitFileSource::instancesOf({ { s("b@.service"), s("/u/b@.service") } },
                                        l({ "/u/default.target.wants/b@1.service",
                                            "/u/x.wants/b@1.service", "/u/x.wants/c@2.service" }));
    QCOMPARE(instances.size(), 1);
    QCOMPARE(instances.first().unit, s("b@1.service"));
    QCOMPARE(instances.first().fragmentPath, s("/u/b@.service"));
}

void TestUnitDescriber::assembleChoosesDropIns()
{
    // Same file name in two folders: the higher-priority one (listed first) wins; applied in
    // file-name order; the prefix folder applies too.
    const QList<QPair<QString, QByteArray>> files{
        { s("/etc/u/bx-1.service"), "[Service]\nExecStart=/bin/a\n" },
        { s("/etc/u/bx-1.service.d/20-b.conf"), "[Service]\nExecStart=\nExecStart=/bin/etc\n" },
        { s("/usr/u/bx-1.service.d/20-b.conf"), "[Service]\nExecStart=\nExecStart=/bin/usr\n" },
        { s("/usr/u/bx-.service.d/10-a.conf"), "[Unit]\nDescription=prefix\n" },
        { s("/usr/u/other.service.d/10-a.conf"), "[Unit]\nDescription=other\n" },
    };
    const auto results = UnitFileSource::assemble(
            { { QStringLiteral("bx-1.service"), QStringLiteral("/etc/u/bx-1.service") },
              { QStringLiteral("gone.service"), QStringLiteral("/etc/u/gone.service") } },
            files);
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(0).file.execPath, QStringLiteral("/bin/etc"));
    QCOMPARE(results.at(0).file.description, QStringLiteral("prefix"));
    QCOMPARE(results.at(0).file.files,
             l({ "/etc/u/bx-1.service", "/usr/u/bx-.service.d/10-a.conf",
                 "/etc/u/bx-1.service.d/20-b.conf" }));
    QVERIFY(!results.at(1).error.isEmpty());
}

void TestUnitDescriber::readLocalThousandFiles()
{
    // What a listing pays per unloaded unit file on this machine (reported, bounded loosely).
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QList<UnitFileSource::Request> requests;
    for (int i = 0; i < 1000; ++i) {
        const QString unit = QStringLiteral("bench-%1.service").arg(i, 4, 10, QLatin1Char('0'));
        QFile f(dir.path() + QLatin1Char('/') + unit);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[Unit]\nDescription=bench\n[Service]\nExecStart=/usr/bin/procServ -f -P 4000 "
                "/usr/bin/ioc\n[Install]\nWantedBy=default.target\n");
        requests.append({ unit, f.fileName() });
    }
    QElapsedTimer timer;
    timer.start();
    const auto results = UnitFileSource::readLocal(requests, {}, true);
    int iocs = 0;
    for (const auto &result : results) {
        iocs += UnitDescriber::describe(result.unit, result.file, result.environmentFiles,
                                        { s("h"), s("/run/user/1"), s("/home/u"), s("u") })
                        .isIoc;
    }
    const qint64 ms = timer.elapsed();
    qInfo("read and described 1000 unit files in %lld ms", ms);
    QCOMPARE(iocs, 1000);
    QVERIFY2(ms < 10000, qPrintable(QString::number(ms)));
}

QTEST_GUILESS_MAIN(TestUnitDescriber)
#include "tst_unitdescriber.moc"
