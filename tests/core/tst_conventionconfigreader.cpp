// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/conventionconfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {

const QString kData = QStringLiteral(IOCDOCK_TEST_DATA_DIR "/conventions");

QString d(const QString &relative)
{
    return kData + QLatin1Char('/') + relative;
}

/// "key=value" per entry, sorted, so a mismatch prints readably.
QStringList flatten(const QMap<QString, QString> &values)
{
    QStringList out;
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        out << it.key() + QLatin1Char('=') + it.value();
    return out;
}

/// Error lines with the data folder shown as "$D".
QStringList errorLines(const QString &error)
{
    QString e = error;
    e.replace(kData, QStringLiteral("$D"));
    return e.isEmpty() ? QStringList() : e.split(QLatin1Char('\n'));
}

ConventionConfigReader fixtureReader()
{
    ConventionConfigReader reader;
    reader.setProcServConfigDirs(
            { d(QStringLiteral("procServ.conf")), d(QStringLiteral("procServ.d")) });
    reader.setIocSearchPath({ d(QStringLiteral("iocs")), d(QStringLiteral("iocs2")) });
    reader.setFribConfigDirs({ d(QStringLiteral("etc-iocs")) });
    return reader;
}

const QStringList kBrokenErrors = {
    QStringLiteral("$D/procServ.d/broken.conf:3: expected 'key = value', got 'this line has no "
                   "delimiter'"),
    QStringLiteral("$D/procServ.d/broken.conf:5: key 'port' already set at line 4; this one is "
                   "ignored"),
    QStringLiteral("$D/procServ.d/broken.conf:7: section [broken] already defined at line 1; "
                   "this one is ignored"),
    QStringLiteral("$D/procServ.d/broken.conf:10: malformed section header '[half-open'"),
};
const QString kGarbageError =
        QStringLiteral("$D/procServ.d/garbage.conf: not a text file (binary data at byte 20)");

} // namespace

/// Reading the conventions' config files from fixtures in tests/data/conventions.
class TestConventionConfigReader : public QObject
{
    Q_OBJECT
private slots:
    void procServUtils_data();
    void procServUtils();
    void iocRunner_data();
    void iocRunner();
    void shellConfig_data();
    void shellConfig();
    void noConfigConventions();
    void unreadableFolder();
    void unreadableMode000();
    void consoleFromConfig_data();
    void consoleFromConfig();
    void defaultsFromEnvironment();
};

void TestConventionConfigReader::procServUtils_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("found");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QStringList>("errors");

    const QString motor = d(QStringLiteral("procServ.d/motor.conf"));
    const QString multi = d(QStringLiteral("procServ.d/multi.conf"));
    const QString broken = d(QStringLiteral("procServ.d/broken.conf"));
    const QString pct = d(QStringLiteral("procServ.d/pct.conf"));

    QTest::newRow("one section per file, comments, multi-line value")
            << QStringLiteral("motor") << true << motor << QStringList{ motor }
            << QStringList{ QStringLiteral("chdir=/opt/iocs/motor"),
                            QStringLiteral("command=/opt/iocs/motor/bin/linux-x86_64/motor st.cmd"),
                            QStringLiteral("env_file=/etc/default/motor"),
                            QStringLiteral("environment=EPICS_CA_ADDR_LIST=127.0.0.1\n"
                                           "EPICS_CA_AUTO_ADDR_LIST=NO"),
                            QStringLiteral("group=softioc"),
                            QStringLiteral("port=0"),
                            QStringLiteral("user=softioc") }
            << QStringList();
    QTest::newRow("several sections per file; [DEFAULT] of another file applies")
            << QStringLiteral("vac1") << true << multi << QStringList{ multi }
            << QStringList{ QStringLiteral("command=/opt/iocs/vac/st.cmd"),
                            QStringLiteral("group=epics"), QStringLiteral("port=4051") }
            << QStringList();
    QTest::newRow("keys are case-insensitive")
            << QStringLiteral("vac2") << true << multi << QStringList{ multi }
            << QStringList{ QStringLiteral("chdir=/opt/iocs/vac"),
                            QStringLiteral("command=/opt/iocs/vac/st2.cmd"),
                            QStringLiteral("group=epics"), QStringLiteral("port=127.0.0.1:4052") }
            << QStringList();
    QTest::newRow("not an instance")
            << QStringLiteral("tools") << true << multi << QStringList{ multi }
            << QStringList{ QStringLiteral("command=/bin/true"), QStringLiteral("group=epics"),
                            QStringLiteral("instance=0") }
            << QStringList();
    QTest::newRow("/etc/procServ.conf")
            << QStringLiteral("legacy") << true << d(QStringLiteral("procServ.conf"))
            << QStringList{ d(QStringLiteral("procServ.conf")) }
            << QStringList{ QStringLiteral("chdir=/opt/legacy"),
                            QStringLiteral("command=/usr/bin/softIoc -d legacy.db"),
                            QStringLiteral("group=epics") }
            << QStringList();
    QTest::newRow("a later file overrides keys")
            << QStringLiteral("split") << true << multi
            << QStringList{ multi, d(QStringLiteral("procServ.d/zz-split.conf")) }
            << QStringList{ QStringLiteral("command=/opt/iocs/split/st.cmd"),
                            QStringLiteral("group=epics"),
                            QStringLiteral("port=unix:/run/split.sock") }
            << QStringList();
    QTest::newRow("malformed file: first section and first key win")
            << QStringLiteral("broken") << true << broken << QStringList{ broken }
            << QStringList{ QStringLiteral("command=/opt/iocs/broken/st.cmd"),
                            QStringLiteral("group=epics"), QStringLiteral("port=4060") }
            << kBrokenErrors;
    QTest::newRow("good section of a malformed file")
            << QStringLiteral("after") << true << broken << QStringList{ broken }
            << QStringList{ QStringLiteral("command=/opt/iocs/after/st.cmd"),
                            QStringLiteral("group=epics") }
            << kBrokenErrors;
    QTest::newRow("a lone % breaks ConfigParser's interpolation")
            << QStringLiteral("percent") << true << pct << QStringList{ pct }
            << QStringList{ QStringLiteral("command=/usr/bin/logger 100% done"),
                            QStringLiteral("group=epics") }
            << QStringList{ QStringLiteral("$D/procServ.d/pct.conf:2: '%' must be followed by '%' "
                                           "or '(name)s' (write %% for a literal %)") };
    QTest::newRow("interpolation")
            << QStringLiteral("pct-ok") << true << pct << QStringList{ pct }
            << QStringList{ QStringLiteral("chdir=/srv/iocs"), QStringLiteral("command=echo 100%"),
                            QStringLiteral("group=epics"), QStringLiteral("home=/srv") }
            << QStringList();
    // The binary file is skipped whole, so its section is not found; the errors of the files
    // that could not be read explain why.
    QTest::newRow("section in a binary file")
            << QStringLiteral("garbage") << false << QString() << QStringList() << QStringList()
            << (QStringList(kBrokenErrors) << kGarbageError);
    QTest::newRow("missing") << QStringLiteral("nosuchioc") << false << QString() << QStringList()
                             << QStringList() << (QStringList(kBrokenErrors) << kGarbageError);
    QTest::newRow("ioc-runner's env file is not a section")
            << QStringLiteral("runner-cam") << false << QString() << QStringList() << QStringList()
            << (QStringList(kBrokenErrors) << kGarbageError);
    QTest::newRow("files not named *.conf are not read")
            << QStringLiteral("notes") << false << QString() << QStringList() << QStringList()
            << (QStringList(kBrokenErrors) << kGarbageError);
    QTest::newRow("path traversal")
            << QStringLiteral("../motor") << false << QString() << QStringList() << QStringList()
            << QStringList{ QStringLiteral(
                       "'../motor' is not a valid IOC name for a config file") };
}

void TestConventionConfigReader::procServUtils()
{
    QFETCH(QString, name);
    QFETCH(bool, found);
    QFETCH(QString, file);
    QFETCH(QStringList, files);
    QFETCH(QStringList, values);
    QFETCH(QStringList, errors);

    const ConventionConfig config = fixtureReader().read(QStringLiteral("procservutils"), name);
    QCOMPARE(errorLines(config.error), errors);
    QCOMPARE(config.found, found);
    QCOMPARE(config.file, file);
    QCOMPARE(config.files, files);
    QCOMPARE(flatten(config.values), values);
}

void TestConventionConfigReader::iocRunner_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("found");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QStringList>("errors");

    QTest::newRow("env file next to INI files")
            << QStringLiteral("runner-cam") << true
            << d(QStringLiteral("procServ.d/runner-cam.conf"))
            << QStringList{ QStringLiteral("CRASH_LOG_PATTERNS_EXTRA=segfault|assert"),
                            QStringLiteral("IOC_CHDIR=/opt/epics/iocs/runner-cam"),
                            QStringLiteral("IOC_CMD=/opt/epics/iocs/runner-cam/bin/linux-x86_64/"
                                           "cam st.cmd"),
                            QStringLiteral("IOC_GROUP=ioc"),
                            QStringLiteral("IOC_PORT=unix:ioc-srv:ioc:0660:/run/procserv/"
                                           "runner-cam/control"),
                            QStringLiteral("IOC_USER=ioc-srv") }
            << QStringList();
    // systemd reads the unterminated quote to the end of the file; the unit gets that value.
    QTest::newRow("malformed env file")
            << QStringLiteral("runner-bad") << true
            << d(QStringLiteral("procServ.d/runner-bad.conf"))
            << QStringList{ QStringLiteral("IOC_CMD=unterminated\n"),
                            QStringLiteral("IOC_PORT=unix:/run/procserv/runner-bad/control") }
            << QStringList{
                   QStringLiteral("$D/procServ.d/runner-bad.conf:2: \"this line is not an "
                                  "assignment\" has no '=', ignored"),
                   QStringLiteral("$D/procServ.d/runner-bad.conf:3: the quote \" opened here is "
                                  "not closed: the value of IOC_CMD runs to the end of the file")
               };
    // What systemd 252 gives a unit with this EnvironmentFile= (checked with
    // `systemd-run --user --pipe -p EnvironmentFile=runner-systemd.conf env` in tools/sandbox):
    // a comment goes on after a trailing backslash, "export" makes no valid name, an unquoted
    // backslash escapes the next character, quotes after text are literal, CR ends a line.
    // A shell would read several of these differently.
    QTest::newRow("env file read as systemd reads it")
            << QStringLiteral("runner-systemd") << true
            << d(QStringLiteral("procServ.d/runner-systemd.conf"))
            << QStringList{ QStringLiteral("CRLF=yes"), QStringLiteral("IOC_CHDIR=/opt/iocs/a b"),
                            QStringLiteral("IOC_CMD=./st.cmd 'x'"),
                            QStringLiteral("IOC_PORT=unix:/run/procserv/runner-systemd/control"),
                            QStringLiteral("LAST=open\n") }
            << QStringList{
                   QStringLiteral("$D/procServ.d/runner-systemd.conf:3: \"export IOC_GROUP\" is "
                                  "not a valid variable name, ignored"),
                   QStringLiteral("$D/procServ.d/runner-systemd.conf:8: the quote \" opened here "
                                  "is not closed: the value of LAST runs to the end of the file")
               };
    QTest::newRow("procServUtils' INI file of the same name")
            << QStringLiteral("motor") << false << QString() << QStringList()
            << QStringList{ QStringLiteral(
                       "$D/procServ.d/motor.conf: an INI file of procServUtils, "
                       "not an epics-ioc-runner environment file") };
    QTest::newRow("missing") << QStringLiteral("nosuchioc") << false << QString() << QStringList()
                             << QStringList();
}

void TestConventionConfigReader::iocRunner()
{
    QFETCH(QString, name);
    QFETCH(bool, found);
    QFETCH(QString, file);
    QFETCH(QStringList, values);
    QFETCH(QStringList, errors);

    const ConventionConfig config = fixtureReader().read(QStringLiteral("ioc-runner"), name);
    QCOMPARE(errorLines(config.error), errors);
    QCOMPARE(config.found, found);
    QCOMPARE(config.file, file);
    QCOMPARE(flatten(config.values), values);
}

void TestConventionConfigReader::shellConfig_data()
{
    QTest::addColumn<QString>("convention");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("found");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QStringList>("errors");

    const QString mi = QStringLiteral("manage-iocs");
    QTest::newRow("manage-iocs: quotes, comments, export, $VAR")
            << mi << QStringLiteral("xf31id-ioc1") << true
            << d(QStringLiteral("iocs/xf31id-ioc1/config"))
            << QStringList{ QStringLiteral("CHDIR=/epics/iocs/xf31id-ioc1"),
                            QStringLiteral("CORESIZE=unlimited"),
                            QStringLiteral("DESC=Motion \"controller\" 1"),
                            QStringLiteral("EXEC=/epics/iocs/xf31id-ioc1/st.cmd"),
                            QStringLiteral("HOST=xf31id-ioc1.cs.nsls2.local"),
                            QStringLiteral("LOG=1"),
                            QStringLiteral("NAME=xf31id-ioc1"),
                            QStringLiteral("PORT=4050"),
                            QStringLiteral("USER=softioc") }
            << QStringList();
    QTest::newRow("manage-iocs: shell that is not an assignment")
            << mi << QStringLiteral("bad") << true << d(QStringLiteral("iocs/bad/config"))
            << QStringList{ QStringLiteral("NAME=bad") }
            << QStringList{
                   QStringLiteral("$D/iocs/bad/config:2: expected KEY=VALUE, got 'PORT = 4051'"),
                   QStringLiteral("$D/iocs/bad/config:3: expected KEY=VALUE, got 'if [ -x "
                                  "/bin/true ]; then'"),
                   QStringLiteral("$D/iocs/bad/config:4: unquoted space in the value of DESC; "
                                  "the line is ignored"),
                   QStringLiteral("$D/iocs/bad/config:5: missing closing quote ' for USER")
               };
    QTest::newRow("manage-iocs: first base wins")
            << mi << QStringLiteral("shadow") << true << d(QStringLiteral("iocs/shadow/config"))
            << QStringList{ QStringLiteral("NAME=shadow"), QStringLiteral("PORT=5001") }
            << QStringList();
    QTest::newRow("manage-iocs: second base")
            << mi << QStringLiteral("only2") << true << d(QStringLiteral("iocs2/only2/config"))
            << QStringList{ QStringLiteral("NAME=only2"), QStringLiteral("PORT=5003") }
            << QStringList();
    QTest::newRow("manage-iocs: missing") << mi << QStringLiteral("nosuchioc") << false << QString()
                                          << QStringList() << QStringList();
    QTest::newRow("manage-iocs: path traversal")
            << mi << QStringLiteral("..") << false << QString() << QStringList()
            << QStringList{ QStringLiteral("'..' is not a valid IOC name for a config file") };
    QTest::newRow("manage-iocs: not looked up in FRIB's folder")
            << mi << QStringLiteral("ls2-rf-llrf") << false << QString() << QStringList()
            << QStringList();

    const QString frib = QStringLiteral("frib");
    QTest::newRow("FRIB") << frib << QStringLiteral("ls2-rf-llrf") << true
                          << d(QStringLiteral("etc-iocs/ls2-rf-llrf/config"))
                          << QStringList{ QStringLiteral("CHDIR=/iocs/ls2 rf llrf"),
                                          QStringLiteral("CORESIZE=10000000"),
                                          QStringLiteral("HOST=ls2-ioc-03"),
                                          QStringLiteral("NAME=ls2-rf-llrf"),
                                          QStringLiteral("PORT=4051"),
                                          QStringLiteral("USER=softioc") }
                          << QStringList();
    // An EnvironmentFile= like ioc-runner's: systemd drops the line.
    QTest::newRow("FRIB: invalid UTF-8")
            << frib << QStringLiteral("fribbad") << true
            << d(QStringLiteral("etc-iocs/fribbad/config"))
            << QStringList{ QStringLiteral("PORT=4051") }
            << QStringList{ QStringLiteral(
                       "$D/etc-iocs/fribbad/config:2: invalid UTF-8, ignored") };
    QTest::newRow("FRIB: not looked up in manage-iocs' folders")
            << frib << QStringLiteral("shadow") << false << QString() << QStringList()
            << QStringList();
}

void TestConventionConfigReader::shellConfig()
{
    QFETCH(QString, convention);
    QFETCH(QString, name);
    QFETCH(bool, found);
    QFETCH(QString, file);
    QFETCH(QStringList, values);
    QFETCH(QStringList, errors);

    const ConventionConfig config = fixtureReader().read(convention, name);
    QCOMPARE(errorLines(config.error), errors);
    QCOMPARE(config.found, found);
    QCOMPARE(config.file, file);
    QCOMPARE(flatten(config.values), values);
}

void TestConventionConfigReader::noConfigConventions()
{
    const ConventionConfigReader reader = fixtureReader();
    for (const QString &convention :
         { QStringLiteral("e3"), QStringLiteral("generic"), QStringLiteral("unknown") }) {
        const ConventionConfig config = reader.read(convention, QStringLiteral("motor"));
        QVERIFY(!config.found);
        QVERIFY(config.error.isEmpty());
        QVERIFY(config.file.isEmpty());
        QVERIFY(config.values.isEmpty());
    }
}

void TestConventionConfigReader::unreadableFolder()
{
    // A "config" that is a folder cannot be read, even by root.
    const ConventionConfig dir =
            fixtureReader().read(QStringLiteral("manage-iocs"), QStringLiteral("dirconfig"));
    QVERIFY(dir.found);
    QCOMPARE(dir.file, d(QStringLiteral("iocs/dirconfig/config")));
    QVERIFY2(dir.error.startsWith(d(QStringLiteral("iocs/dirconfig/config: cannot read: "))),
             qPrintable(dir.error));
    QVERIFY(dir.values.isEmpty());
}

void TestConventionConfigReader::unreadableMode000()
{
    // Only a non-root user is refused; root reads the file.
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    QVERIFY(QDir().mkpath(tmp.filePath(QStringLiteral("secret"))));
    QFile file(tmp.filePath(QStringLiteral("secret/config")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("PORT=4055\n");
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::Permissions()));
    ConventionConfigReader reader;
    reader.setIocSearchPath({ tmp.path() });
    const ConventionConfig config =
            reader.read(QStringLiteral("manage-iocs"), QStringLiteral("secret"));
    QVERIFY(config.found);
    if (geteuid() == 0)
        QSKIP("Running as root, which reads files with mode 000 (unreadableFolder covers root)");
    QVERIFY2(config.error.startsWith(file.fileName() + QStringLiteral(": cannot read: ")),
             qPrintable(config.error));
    QVERIFY(config.values.isEmpty());
}

void TestConventionConfigReader::consoleFromConfig_data()
{
    QTest::addColumn<QString>("convention");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QString>("runtimeDir");
    QTest::addColumn<QString>("console");

    const QString ps = QStringLiteral("procservutils");
    const QString run = QStringLiteral("/run");
    QTest::newRow("procServUtils port=0")
            << ps << QStringLiteral("motor") << QStringList{ QStringLiteral("port=0") } << run
            << QStringLiteral("unix:/run/procserv-motor/control");
    QTest::newRow("procServUtils no port") << ps << QStringLiteral("motor") << QStringList() << run
                                           << QStringLiteral("unix:/run/procserv-motor/control");
    QTest::newRow("procServUtils user")
            << ps << QStringLiteral("motor") << QStringList() << QStringLiteral("/run/user/1000")
            << QStringLiteral("unix:/run/user/1000/procserv-motor/control");
    QTest::newRow("procServUtils TCP port")
            << ps << QStringLiteral("vac1") << QStringList{ QStringLiteral("port=4051") } << run
            << QStringLiteral("tcp:127.0.0.1:4051");
    // procServ binds a control port to 127.0.0.1 whatever interface it is given (checked with
    // procServ 2.7.0: -P 127.0.0.2:PORT listens on 127.0.0.1:PORT).
    QTest::newRow("procServUtils IFACE:PORT")
            << ps << QStringLiteral("vac2") << QStringList{ QStringLiteral("port=10.0.0.1:4052") }
            << run << QStringLiteral("tcp:127.0.0.1:4052");
    QTest::newRow("procServUtils unix path")
            << ps << QStringLiteral("split")
            << QStringList{ QStringLiteral("port=unix:/run/split.sock") } << run
            << QStringLiteral("unix:/run/split.sock");
    QTest::newRow("procServUtils abstract socket")
            << ps << QStringLiteral("a") << QStringList{ QStringLiteral("port=unix:@a-console") }
            << run << QStringLiteral("unix:@a-console");
    QTest::newRow("procServUtils random port")
            << ps << QStringLiteral("a") << QStringList{ QStringLiteral("port=127.0.0.1:0") } << run
            << QString();
    // Found by fuzz_conventionconfig: specs procServ reads differently or refuses.
    QTest::newRow("procServUtils unix:USER:GROUP:PERM:@NAME")
            << ps << QStringLiteral("a")
            << QStringList{ QStringLiteral("port=unix:ioc:ioc:0660:@a-console") } << run
            << QStringLiteral("unix:@a-console");
    QTest::newRow("procServUtils socket path too long")
            << ps << QStringLiteral("a")
            << QStringList{ QStringLiteral("port=unix:/run/") + QString(120, QLatin1Char('x')) }
            << run << QString();
    QTest::newRow("procServUtils unix: with two colons")
            << ps << QStringLiteral("a") << QStringList{ QStringLiteral("port=unix:a:b") } << run
            << QString();
    QTest::newRow("procServUtils host name")
            << ps << QStringLiteral("a") << QStringList{ QStringLiteral("port=localhost:4051") }
            << run << QString();
    QTest::newRow("procServUtils port=0 with blanks")
            << ps << QStringLiteral("motor") << QStringList{ QStringLiteral("port= 0 ") } << run
            << QStringLiteral("unix:/run/procserv-motor/control");
    QTest::newRow("procServUtils junk port")
            << ps << QStringLiteral("a") << QStringList{ QStringLiteral("port=console") } << run
            << QString();

    const QString ir = QStringLiteral("ioc-runner");
    QTest::newRow("ioc-runner user:group:perm:path")
            << ir << QStringLiteral("cam")
            << QStringList{ QStringLiteral(
                       "IOC_PORT=unix:ioc-srv:ioc:0660:/run/procserv/cam/control") }
            << run << QStringLiteral("unix:/run/procserv/cam/control");
    // --port=${IOC_PORT} gives procServ "  ", not a port: no default socket to guess at.
    QTest::newRow("ioc-runner blank port")
            << ir << QStringLiteral("cam") << QStringList{ QStringLiteral("IOC_PORT=  ") } << run
            << QString();
    // procServ takes 0 as "any free port" (only its info file tells which): not the default.
    QTest::newRow("ioc-runner random port")
            << ir << QStringLiteral("cam") << QStringList{ QStringLiteral("IOC_PORT=0") } << run
            << QString();
    QTest::newRow("ioc-runner default")
            << ir << QStringLiteral("cam") << QStringList() << QStringLiteral("/run/user/1000")
            << QStringLiteral("unix:/run/user/1000/procserv/cam/control");

    const QString mi = QStringLiteral("manage-iocs");
    QTest::newRow("manage-iocs PORT")
            << mi << QStringLiteral("x") << QStringList{ QStringLiteral("PORT=4050") } << run
            << QStringLiteral("tcp:127.0.0.1:4050");
    QTest::newRow("manage-iocs no PORT")
            << mi << QStringLiteral("x") << QStringList() << run << QString();
    QTest::newRow("manage-iocs PORT with blanks")
            << mi << QStringLiteral("x") << QStringList{ QStringLiteral("PORT= 4050 ") } << run
            << QStringLiteral("tcp:127.0.0.1:4050");
    QTest::newRow("manage-iocs random port")
            << mi << QStringLiteral("x") << QStringList{ QStringLiteral("PORT=0") } << run
            << QString();
    QTest::newRow("manage-iocs bad PORT")
            << mi << QStringLiteral("x") << QStringList{ QStringLiteral("PORT=$BASE") } << run
            << QString();

    QTest::newRow("FRIB socket") << QStringLiteral("frib") << QStringLiteral("ls2-rf-llrf")
                                 << QStringList{ QStringLiteral("PORT=4051") } << run
                                 << QStringLiteral("unix:/run/softioc-ls2-rf-llrf/procServ.sock");
    QTest::newRow("e3") << QStringLiteral("e3") << QStringLiteral("tgt-hv") << QStringList() << run
                        << QStringLiteral("unix:/run/procServ/tgt-hv/control");
    QTest::newRow("generic") << QStringLiteral("generic") << QStringLiteral("x") << QStringList()
                             << run << QString();
    QTest::newRow("bad name") << ps << QStringLiteral("../x") << QStringList() << run << QString();
    QTest::newRow("unknown convention")
            << QStringLiteral("other") << QStringLiteral("x")
            << QStringList{ QStringLiteral("PORT=4050") } << run << QString();
}

void TestConventionConfigReader::consoleFromConfig()
{
    QFETCH(QString, convention);
    QFETCH(QString, name);
    QFETCH(QStringList, values);
    QFETCH(QString, runtimeDir);
    QFETCH(QString, console);

    ConventionConfig config;
    for (const QString &kv : values) {
        const int eq = kv.indexOf(QLatin1Char('='));
        config.values.insert(kv.left(eq), kv.mid(eq + 1));
    }
    config.found = !values.isEmpty();
    const ConsoleEndpoint ep =
            ConventionConfigReader::consoleFromConfig(convention, name, config, runtimeDir);
    QCOMPARE(ep.toString(), console);
    QCOMPARE(ep.isValid(), !console.isEmpty());
}

void TestConventionConfigReader::defaultsFromEnvironment()
{
    const QByteArray vars[] = { "IOCDOCK_IOC_PATH", "MANAGE_IOCS_SEARCH_PATH",
                                "IOCDOCK_PROCSERV_CONFIG_PATH", "XDG_CONFIG_HOME",
                                "XDG_RUNTIME_DIR" };
    QMap<QByteArray, QByteArray> saved;
    for (const QByteArray &var : vars) {
        if (qEnvironmentVariableIsSet(var.constData()))
            saved.insert(var, qgetenv(var.constData()));
    }
    qputenv("IOCDOCK_IOC_PATH", "/sandbox/iocs:/sandbox/more");
    qputenv("MANAGE_IOCS_SEARCH_PATH", "/site/iocs");
    qunsetenv("IOCDOCK_PROCSERV_CONFIG_PATH");
    qputenv("XDG_CONFIG_HOME", "/home/u/.cfg");
    qputenv("XDG_RUNTIME_DIR", "/run/user/1234");

    const ConventionConfigReader system = ConventionConfigReader::forSystem();
    const ConventionConfigReader user = ConventionConfigReader::forUser();
    qputenv("IOCDOCK_PROCSERV_CONFIG_PATH", "/sandbox/procServ.d");
    const ConventionConfigReader overridden = ConventionConfigReader::forSystem();

    for (const QByteArray &var : vars) {
        if (saved.contains(var))
            qputenv(var.constData(), saved.value(var));
        else
            qunsetenv(var.constData());
    }

    QCOMPARE(system.procServConfigDirs(),
             (QStringList{ QStringLiteral("/etc/procServ.conf"),
                           QStringLiteral("/etc/procServ.d") }));
    QCOMPARE(system.iocSearchPath(),
             (QStringList{ QStringLiteral("/sandbox/iocs"), QStringLiteral("/sandbox/more"),
                           QStringLiteral("/site/iocs"), QStringLiteral("/epics/iocs"),
                           QStringLiteral("/opt/epics/iocs"), QStringLiteral("/opt/iocs") }));
    QCOMPARE(system.fribConfigDirs(),
             (QStringList{ QStringLiteral("/sandbox/iocs"), QStringLiteral("/sandbox/more"),
                           QStringLiteral("/etc/iocs") }));
    QCOMPARE(system.runtimeDir(), QStringLiteral("/run"));
    QCOMPARE(user.procServConfigDirs(),
             (QStringList{ QStringLiteral("/home/u/.cfg/procServ.conf"),
                           QStringLiteral("/home/u/.cfg/procServ.d") }));
    QCOMPARE(user.iocSearchPath(), system.iocSearchPath());
    QCOMPARE(user.runtimeDir(), QStringLiteral("/run/user/1234"));
    QCOMPARE(overridden.procServConfigDirs(),
             (QStringList{ QStringLiteral("/sandbox/procServ.d"),
                           QStringLiteral("/etc/procServ.conf"),
                           QStringLiteral("/etc/procServ.d") }));
}

QTEST_GUILESS_MAIN(TestConventionConfigReader)
#include "tst_conventionconfigreader.moc"
