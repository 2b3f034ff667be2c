// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/conventionconfig.h"
#include "core/ioc/conventions.h"
#include "core/ioc/iocwriter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <pwd.h>
#include <unistd.h>

/// IocWriter's planning without systemd: quoting as the tools quote, the default convention,
/// and refusals for missing write permission (checked by the kernel: the test drops its
/// effective user to nobody when it runs as root, since root may write anywhere).
class TestIocWriter : public QObject
{
    Q_OBJECT

private slots:
    void shellQuote_data();
    void shellQuote();
    void systemdQuote_data();
    void systemdQuote();
    void defaultConvention();
    void refusesWithoutWritePermission_data();
    void refusesWithoutWritePermission();
    void fribConfigReadsBack();
    void e3WritesAnInstance();
    void fribAndE3SystemRefusals();

private:
    /// A layout whose every folder is under @p root.
    static IocHostLayout layoutUnder(const QString &root, bool userManager);
};

void TestIocWriter::shellQuote_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("quoted");
    // What Python's shlex.quote() gives (manage-procs quotes the arguments with it).
    QTest::newRow("plain") << QStringLiteral("st.cmd") << QStringLiteral("st.cmd");
    QTest::newRow("safe punctuation")
            << QStringLiteral("a@b%c+d=e:f,g.h/i-j") << QStringLiteral("a@b%c+d=e:f,g.h/i-j");
    QTest::newRow("empty") << QString() << QStringLiteral("''");
    QTest::newRow("space") << QStringLiteral("two words") << QStringLiteral("'two words'");
    QTest::newRow("quote") << QStringLiteral("it's") << QStringLiteral("'it'\"'\"'s'");
    QTest::newRow("dollar") << QStringLiteral("$HOME") << QStringLiteral("'$HOME'");
    QTest::newRow("non-ASCII") << QStringLiteral("µ") << QStringLiteral("'µ'");
}

void TestIocWriter::shellQuote()
{
    QFETCH(QString, word);
    QFETCH(QString, quoted);
    QCOMPARE(IocWriter::shellQuote(word), quoted);
}

void TestIocWriter::systemdQuote_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << QStringLiteral("/usr/bin/procServ")
                           << QStringLiteral("/usr/bin/procServ");
    QTest::newRow("control keys") << QStringLiteral("^D^C^]") << QStringLiteral("^D^C^]");
    QTest::newRow("specifier") << QStringLiteral("50%") << QStringLiteral("50%%");
    QTest::newRow("variable") << QStringLiteral("$HOME") << QStringLiteral("$$HOME");
    QTest::newRow("space") << QStringLiteral("two words") << QStringLiteral("\"two words\"");
    QTest::newRow("quote and backslash")
            << QStringLiteral("a\"b\\c") << QStringLiteral("\"a\\\"b\\\\c\"");
    QTest::newRow("empty") << QString() << QStringLiteral("\"\"");
}

void TestIocWriter::systemdQuote()
{
    QFETCH(QString, word);
    QFETCH(QString, quoted);
    QCOMPARE(IocWriter::systemdQuote(word), quoted);
}

IocHostLayout TestIocWriter::layoutUnder(const QString &root, bool userManager)
{
    IocHostLayout layout;
    layout.userManager = userManager;
    layout.unitDir = root + QStringLiteral("/locked/systemd/user");
    layout.unitSearchDirs = QStringList{ layout.unitDir };
    layout.procServConfigDir = root + QStringLiteral("/locked/procServ.d");
    layout.procServConfigFiles = QStringList{ layout.procServConfigDir };
    layout.iocBaseDir = root + QStringLiteral("/locked/epics/iocs");
    layout.iocSearchPath = QStringList{ layout.iocBaseDir };
    layout.fribConfigDir = root + QStringLiteral("/locked/etc/iocs");
    layout.fribConfigDirs = QStringList{ layout.fribConfigDir };
    layout.stateDir = root + QStringLiteral("/state");
    layout.runtimeDir = root + QStringLiteral("/run");
    layout.logDir = root + QStringLiteral("/log");
    layout.path = QStringList{ QStringLiteral(IOCDOCK_TEST_DATA_DIR "/procservutils"),
                               QStringLiteral("/usr/bin"), QStringLiteral("/bin") };
    return layout;
}

void TestIocWriter::defaultConvention()
{
    IocWriter writer(layoutUnder(QStringLiteral("/nonexistent"), true));
    QCOMPARE(writer.defaultConvention(), QStringLiteral("procservutils"));
    QList<Ioc> iocs;
    for (const char *convention :
         { "manage-iocs", "procservutils", "manage-iocs", "e3", "e3", "e3" }) {
        Ioc ioc;
        ioc.convention = QLatin1String(convention);
        iocs << ioc;
    }
    writer.setIocs(iocs);
    // The most used one.
    QCOMPARE(writer.defaultConvention(), QStringLiteral("e3"));
    // A tie goes to the earlier in the table; containers do not count.
    iocs.removeLast();
    Ioc container;
    container.convention = QStringLiteral("e3");
    container.containerId = QStringLiteral("c0ffee");
    iocs << container;
    writer.setIocs(iocs);
    QCOMPARE(writer.defaultConvention(), QStringLiteral("manage-iocs"));
}

void TestIocWriter::refusesWithoutWritePermission_data()
{
    QTest::addColumn<QString>("convention");
    QTest::addColumn<bool>("userManager");
    QTest::addColumn<QString>("file"); // under the locked folder
    QTest::newRow("procservutils, user")
            << QStringLiteral("procservutils") << true << QStringLiteral("procServ.d/tstw.conf");
    QTest::newRow("generic, user")
            << QStringLiteral("generic") << true << QStringLiteral("systemd/user/ioc-tstw.service");
    QTest::newRow("generic, system") << QStringLiteral("generic") << false
                                     << QStringLiteral("systemd/user/ioc-tstw.service");
    QTest::newRow("manage-iocs, user")
            << QStringLiteral("manage-iocs") << true << QStringLiteral("epics/iocs/tstw/config");
    QTest::newRow("frib, user") << QStringLiteral("frib") << true
                                << QStringLiteral("etc/iocs/tstw/config");
    QTest::newRow("e3, user") << QStringLiteral("e3") << true
                              << QStringLiteral("systemd/user/ioc@tstw.service.d/override.conf");
}

void TestIocWriter::refusesWithoutWritePermission()
{
    QFETCH(QString, convention);
    QFETCH(bool, userManager);
    QFETCH(QString, file);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString locked = tmp.path() + QStringLiteral("/locked");
    QVERIFY(QDir().mkpath(locked));
    // Others may look in (nobody must reach the folders), nobody may write in "locked".
    QVERIFY(QFile::setPermissions(tmp.path(),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                          | QFile::ReadOther | QFile::ExeOther));
    QVERIFY(QFile::setPermissions(
            locked, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther));

    IocHostLayout layout = layoutUnder(tmp.path(), userManager);
    IocWriter writer(layout);
    IocCreateRequest request;
    request.name = QStringLiteral("tstw");
    request.convention = convention;
    request.chdir = QStringLiteral("/");
    request.command = QStringList{ QStringLiteral("/bin/true") };
    if (convention == QLatin1String("manage-iocs"))
        request.port = QStringLiteral("tcp:45123");

    // The kernel decides, for the effective user: as root, be nobody for the plan.
    const bool root = geteuid() == 0;
    const passwd *nobody = getpwnam("nobody");
    if (root) {
        QVERIFY(nobody);
        QVERIFY(setegid(nobody->pw_gid) == 0);
        QVERIFY(seteuid(nobody->pw_uid) == 0);
    }
    const IocPlan plan = writer.planCreate(request);
    if (root) {
        QVERIFY(seteuid(0) == 0);
        QVERIFY(setegid(0) == 0);
    }
    QVERIFY2(!plan.isValid(), qPrintable(plan.describe()));
    QCOMPARE(plan.refusal, IocPlan::Refusal::Permission);
    const QString path = locked + QLatin1Char('/') + file;
    QVERIFY2(plan.errors.join(QLatin1Char('\n')).contains(QStringLiteral("Cannot write ") + path),
             qPrintable(plan.errors.join(QLatin1Char('\n'))));
    QVERIFY2(plan.errors.join(QLatin1Char('\n'))
                     .contains(QStringLiteral("no write permission in ") + locked),
             qPrintable(plan.errors.join(QLatin1Char('\n'))));
    if (!userManager)
        QVERIFY(plan.errors.join(QLatin1Char('\n')).contains(QLatin1String("need root")));
    QVERIFY(plan.writes.isEmpty());
    QVERIFY(plan.calls.isEmpty());
    QVERIFY(plan.describe().startsWith(QLatin1String("error: ")));
    // The dry run shows the errors only: no file to write, no call to make.
    for (const QString &line : plan.describe().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        QVERIFY2(line.startsWith(QLatin1String("error: ")), qPrintable(line));
    // Nothing was written.
    QCOMPARE(QDir(locked).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
}

void TestIocWriter::fribConfigReadsBack()
{
    // What the writer writes, discovery's reader reads back: the same folder, the same values
    // (systemd's EnvironmentFile= rules), the convention told by the unit's socket.
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString top = tmp.path() + QStringLiteral("/top dir \"$x\" `y` \\z");
    QVERIFY(QDir().mkpath(top));
    IocHostLayout layout = layoutUnder(tmp.path(), true);
    layout.unitDir = tmp.path() + QStringLiteral("/units");
    layout.fribConfigDir = tmp.path() + QStringLiteral("/etc/iocs");
    layout.fribConfigDirs = QStringList{ layout.fribConfigDir };
    IocWriter writer(layout);
    IocCreateRequest request;
    request.name = QStringLiteral("tstw-frib");
    request.convention = QStringLiteral("frib");
    request.chdir = top;
    request.port = QStringLiteral("tcp:45124");
    request.command = QStringList{ QStringLiteral("/bin/true") };
    const IocPlan plan = writer.planCreate(request);
    QVERIFY2(plan.isValid(), qPrintable(plan.describe()));
    QCOMPARE(plan.unit, QStringLiteral("softioc-tstw-frib.service"));
    QCOMPARE(plan.writes.size(), 2);
    const QString configPath = layout.fribConfigDir + QStringLiteral("/tstw-frib/config");
    QCOMPARE(plan.writes.at(0).path, configPath);
    QVERIFY(QDir().mkpath(QFileInfo(configPath).path()));
    QFile file(configPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(plan.writes.at(0).content);
    file.close();

    ConventionConfigReader reader;
    reader.setFribConfigDirs(layout.fribConfigDirs);
    reader.setRuntimeDir(layout.runtimeDir);
    const ConventionConfig config = reader.read(QStringLiteral("frib"), request.name);
    QVERIFY(config.found);
    QCOMPARE(config.error, QString());
    QCOMPARE(config.file, configPath);
    QCOMPARE(config.values.value(QStringLiteral("NAME")), request.name);
    QCOMPARE(config.values.value(QStringLiteral("PORT")), QStringLiteral("45124"));
    QCOMPARE(config.values.value(QStringLiteral("CHDIR")), top);
    QCOMPARE(ConventionConfigReader::consoleFromConfig(QStringLiteral("frib"), request.name, config,
                                                       layout.runtimeDir)
                     .path,
             layout.runtimeDir + QStringLiteral("/softioc-tstw-frib/procServ.sock"));
    QCOMPARE(plan.console,
             QStringLiteral("unix:") + layout.runtimeDir
                     + QStringLiteral("/softioc-tstw-frib/procServ.sock"));

    // The unit: its EnvironmentFile= is that config; its socket tells FRIB from NSLS-II.
    const QString unit = QString::fromUtf8(plan.writes.at(1).content);
    QVERIFY2(unit.contains(QStringLiteral("\nEnvironmentFile=-") + configPath + QLatin1Char('\n')),
             qPrintable(unit));
    QStringList argv;
    for (const QString &line : unit.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("ExecStart=")))
            argv = line.mid(10).split(QLatin1Char(' '));
    }
    QVERIFY2(argv.contains(QStringLiteral("unix:") + layout.runtimeDir
                           + QStringLiteral("/softioc-tstw-frib/procServ.sock")),
             qPrintable(unit));
    QCOMPARE(Conventions::classify(plan.unit, argv).convention, QStringLiteral("frib"));
    QCOMPARE(Conventions::classify(plan.unit, {}).convention, QStringLiteral("manage-iocs"));
}

void TestIocWriter::e3WritesAnInstance()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    IocHostLayout layout = layoutUnder(tmp.path(), true);
    layout.unitDir = tmp.path() + QStringLiteral("/units");
    IocWriter writer(layout);
    IocCreateRequest request;
    request.name = QStringLiteral("tstw-e3");
    request.convention = QStringLiteral("e3");
    request.chdir = tmp.path();
    request.environment = QStringList{ QStringLiteral("EPICS_CA_ADDR_LIST=127.0.0.1") };
    request.command = QStringList{ QStringLiteral("/bin/true"), QStringLiteral("50%") };
    IocPlan plan = writer.planCreate(request);
    QVERIFY2(plan.isValid(), qPrintable(plan.describe()));
    QCOMPARE(plan.unit, QStringLiteral("ioc@tstw-e3.service"));
    QCOMPARE(Conventions::classify(plan.unit).convention, QStringLiteral("e3"));
    const QString socket = layout.runtimeDir + QStringLiteral("/procServ/tstw-e3/control");
    QCOMPARE(plan.console, QStringLiteral("unix:") + socket);
    // The instance's drop-in, then the template (a user manager has none yet).
    QCOMPARE(plan.writes.size(), 2);
    QCOMPARE(plan.writes.at(0).path,
             layout.unitDir + QStringLiteral("/ioc@tstw-e3.service.d/override.conf"));
    const QString dropIn = QString::fromUtf8(plan.writes.at(0).content);
    QVERIFY2(dropIn.contains(QStringLiteral("\nExecStart=\nExecStart=")), qPrintable(dropIn));
    QVERIFY2(dropIn.contains(QStringLiteral(" --port=unix:") + socket + QLatin1Char(' ')),
             qPrintable(dropIn));
    QVERIFY2(dropIn.contains(QStringLiteral(" /bin/true 50%%\n")), qPrintable(dropIn));
    QVERIFY2(dropIn.contains(QStringLiteral("Environment=EPICS_CA_ADDR_LIST=127.0.0.1\n")),
             qPrintable(dropIn));
    QVERIFY2(dropIn.contains(QStringLiteral("AssertPathExists=\nAssertPathExists=") + tmp.path()),
             qPrintable(dropIn));
    QCOMPARE(plan.writes.at(1).path, layout.unitDir + QStringLiteral("/ioc@.service"));
    const QString templ = QString::fromUtf8(plan.writes.at(1).content);
    QVERIFY2(templ.contains(QStringLiteral(" --name=%i ")), qPrintable(templ));
    QVERIFY2(templ.contains(QStringLiteral(" --port=unix:") + layout.runtimeDir
                            + QStringLiteral("/procServ/%i/control ")),
             qPrintable(templ));
    QVERIFY2(templ.contains(QStringLiteral("/opt/iocs/e3-ioc-%i/st.cmd\n")), qPrintable(templ));

    // With the template there (the site's), only the drop-in is written.
    QVERIFY(QDir().mkpath(layout.unitDir));
    QFile templateFile(layout.unitDir + QStringLiteral("/ioc@.service"));
    QVERIFY(templateFile.open(QIODevice::WriteOnly));
    templateFile.write(plan.writes.at(1).content);
    templateFile.close();
    plan = writer.planCreate(request);
    QVERIFY2(plan.isValid(), qPrintable(plan.describe()));
    QCOMPARE(plan.writes.size(), 1);

    // Removing it: disable, the drop-in and its folder (when empty); the template stays.
    Ioc ioc;
    ioc.name = request.name;
    ioc.unit = plan.unit;
    ioc.convention = QStringLiteral("e3");
    ioc.workingDirectory = tmp.path();
    const QString dropInPath = plan.writes.at(0).path;
    QVERIFY(QDir().mkpath(QFileInfo(dropInPath).path()));
    QFile dropInFile(dropInPath);
    QVERIFY(dropInFile.open(QIODevice::WriteOnly));
    dropInFile.close();
    const IocPlan removal = writer.planRemove(ioc, false);
    QVERIFY2(removal.isValid(), qPrintable(removal.describe()));
    QCOMPARE(removal.removals, QStringList{ dropInPath });
    QCOMPARE(removal.removeDirs, QStringList{ QFileInfo(dropInPath).path() });
    QCOMPARE(removal.kept, (QStringList{ templateFile.fileName(), tmp.path() }));
    QCOMPARE(removal.calls.size(), 2);
    QCOMPARE(removal.calls.at(0).kind, PlannedCall::Kind::Disable);
    QCOMPARE(removal.calls.at(1).kind, PlannedCall::Kind::Reload);
}

void TestIocWriter::fribAndE3SystemRefusals()
{
    // On the system manager: e3 needs the site's template, FRIB the IOC's own account.
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    IocHostLayout layout = layoutUnder(tmp.path(), false);
    layout.unitDir = tmp.path() + QStringLiteral("/units");
    IocWriter writer(layout);
    IocCreateRequest request;
    request.name = QStringLiteral("tstw-nosuch");
    request.chdir = tmp.path();
    request.command = QStringList{ QStringLiteral("/bin/true") };

    request.convention = QStringLiteral("e3");
    IocPlan plan = writer.planCreate(request);
    QVERIFY(!plan.isValid());
    QCOMPARE(plan.refusal, IocPlan::Refusal::BadInput);
    QVERIFY2(plan.errors.join(QLatin1Char('\n'))
                     .contains(QStringLiteral("ESS e3's template ") + layout.unitDir
                               + QStringLiteral("/ioc@.service is not installed")),
             qPrintable(plan.errors.join(QLatin1Char('\n'))));
    QVERIFY(plan.writes.isEmpty());

    request.convention = QStringLiteral("frib");
    plan = writer.planCreate(request);
    QVERIFY(!plan.isValid());
    QVERIFY2(plan.errors.join(QLatin1Char('\n'))
                     .contains(QLatin1String("The user account 'softioc-tstw-nosuch' does not "
                                             "exist")),
             qPrintable(plan.errors.join(QLatin1Char('\n'))));
    QVERIFY(plan.writes.isEmpty());
    // An account that exists is taken.
    request.userName = QStringLiteral("nobody");
    plan = writer.planCreate(request);
    QVERIFY2(plan.isValid(), qPrintable(plan.describe()));
    const QString unit = QString::fromUtf8(plan.writes.at(1).content);
    QVERIFY2(unit.contains(QLatin1String("\nUser=nobody\n")), qPrintable(unit));
    QVERIFY2(unit.contains(QLatin1String("\nRequires=network.target\n")), qPrintable(unit));
    QVERIFY2(unit.contains(QLatin1String("\nWantedBy=multi-user.target\n")), qPrintable(unit));
}

QTEST_GUILESS_MAIN(TestIocWriter)
#include "tst_iocwriter.moc"
