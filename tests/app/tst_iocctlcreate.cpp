// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "tests/common/sandbox.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTcpServer>
#include <QTest>

/// `iocctl create`, `rm` and `rename` with the real iocctl binary against the sandbox's
/// systemd user manager, real procServ and a real IOC program: what a user at a shell sees,
/// and what is on disk before and after.
///
/// The IOC program is $IOCDOCK_TEST_IOC_COMMAND when set (a softIoc, with its arguments
/// separated by spaces), else tools/iocsim. procServUtils' procServ-launcher is not packaged
/// by Debian 12: tests/data/procservutils/procServ-launcher stands in for it (procServUtils'
/// own config reading and procServ command line; see its header).
class TestIocctlCreate : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void procServUtilsReadsTheConfig();
    void dryRunChangesNothing();
    void refusals_data();
    void refusals();
    void clashes();
    void fribAndE3DryRun();
    void fribAndE3Refusals_data();
    void fribAndE3Refusals();
    void rmRefusesRunning();
    void renameElsewhereSaysWhy();
    void renameManageIocs();

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
    Run iocctl(const QStringList &args, int timeoutMs = 60000);
    QJsonObject psObject(const QString &name);
    /// Every file and symlink (not folders) under the places the conventions write, with its
    /// content or link target.
    QMap<QString, QString> snapshot() const;
    QStringList iocCommand(const QString &name) const;
    /// Where manage-iocs IOCs go: the first folder of the sandbox's $IOCDOCK_IOC_PATH.
    static QString iocBase();
    static QString compare(const QMap<QString, QString> &a, const QMap<QString, QString> &b);

    Sandbox m_sandbox;
    QString m_launcherDir;
    QString m_workDir;
};

void TestIocctlCreate::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    QVERIFY2(QFileInfo(Sandbox::binPath(QStringLiteral("iocctl"))).isExecutable(),
             "iocctl not built");
    QVERIFY2(QFileInfo(QStringLiteral("/usr/bin/procServ")).isExecutable(),
             "procServ is not installed (Debian package procserv)");
    m_launcherDir = QString::fromLocal8Bit(qgetenv("IOCDOCK_SOURCE_DIR"))
            + QStringLiteral("/tests/data/procservutils");
    QVERIFY2(QFileInfo(m_launcherDir + QStringLiteral("/procServ-launcher")).isExecutable(),
             qPrintable(m_launcherDir));
    QVERIFY2(iocBase().startsWith(m_sandbox.dir()), "IOCDOCK_IOC_PATH is not the sandbox's");
    QVERIFY(QDir().mkpath(iocBase()));
    // The IOC's own directory: st.cmd-like content that rm must keep.
    m_workDir = m_sandbox.dir() + QStringLiteral("/tstcreate-top");
    QVERIFY(QDir().mkpath(m_workDir));
    QFile st(m_workDir + QStringLiteral("/st.cmd"));
    QVERIFY(st.open(QIODevice::WriteOnly));
    st.write("# the IOC's own start script: never removed\n");
}

QString TestIocctlCreate::iocBase()
{
    return QString::fromLocal8Bit(qgetenv("IOCDOCK_IOC_PATH")).section(QLatin1Char(':'), 0, 0);
}

QStringList TestIocctlCreate::iocCommand(const QString &name) const
{
    const QString custom = QString::fromLocal8Bit(qgetenv("IOCDOCK_TEST_IOC_COMMAND"));
    if (!custom.isEmpty())
        return custom.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return { Sandbox::iocsimPath(), QStringLiteral("--name"), name };
}

TestIocctlCreate::Run TestIocctlCreate::iocctl(const QStringList &args, int timeoutMs)
{
    QProcess process;
    process.setProgram(Sandbox::binPath(QStringLiteral("iocctl")));
    process.setArguments(QStringList{ QStringLiteral("--user") } + args);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PATH"),
               m_launcherDir + QLatin1Char(':') + env.value(QStringLiteral("PATH")));
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_workDir);
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

QJsonObject TestIocctlCreate::psObject(const QString &name)
{
    const Run run = iocctl({ QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("--format"),
                             QStringLiteral("json"), QStringLiteral("-f"),
                             QStringLiteral("name=") + name });
    if (run.code != 0)
        return {};
    const QJsonArray array = QJsonDocument::fromJson(run.out.toUtf8()).array();
    for (const QJsonValue &value : array) {
        if (value.toObject().value(QStringLiteral("name")).toString() == name)
            return value.toObject();
    }
    return {};
}

QMap<QString, QString> TestIocctlCreate::snapshot() const
{
    QMap<QString, QString> files;
    for (const QString &root : { m_sandbox.configDir(), m_workDir, iocBase() }) {
        QDirIterator it(root, QDir::Files | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QFileInfo info(path);
            if (info.isSymLink()) {
                files.insert(path, QStringLiteral("-> ") + info.symLinkTarget());
                continue;
            }
            QFile file(path);
            files.insert(path,
                         file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll())
                                                        : QStringLiteral("(unreadable)"));
        }
    }
    return files;
}

QString TestIocctlCreate::compare(const QMap<QString, QString> &a, const QMap<QString, QString> &b)
{
    QStringList diff;
    for (auto it = a.cbegin(); it != a.cend(); ++it) {
        if (!b.contains(it.key()))
            diff << QStringLiteral("gone: ") + it.key();
        else if (b.value(it.key()) != it.value())
            diff << QStringLiteral("changed: ") + it.key();
    }
    for (auto it = b.cbegin(); it != b.cend(); ++it) {
        if (!a.contains(it.key()))
            diff << QStringLiteral("left behind: ") + it.key();
    }
    return diff.join(QLatin1Char('\n'));
}

void TestIocctlCreate::roundTrip_data()
{
    QTest::addColumn<QString>("convention");
    QTest::addColumn<QString>("port");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("console"); // what ps shows; "tcp" for a TCP port of auto
    const auto s = [](const char *text) { return QString::fromUtf8(text); };

    const QString rt = Sandbox().runtimeDir();
    QTest::newRow("procservutils, unix")
            << s("procservutils") << s("unix") << s("procserv-tstcreate-pu.service")
            << QStringLiteral("unix:%1/procserv-tstcreate-pu/control").arg(rt);
    QTest::newRow("procservutils, auto")
            << s("procservutils") << s("auto") << s("procserv-tstcreate-pa.service") << s("tcp");
    QTest::newRow("generic, unix") << s("generic") << s("unix") << s("ioc-tstcreate-gu.service")
                                   << QStringLiteral("unix:%1/ioc-tstcreate-gu/control").arg(rt);
    QTest::newRow("generic, auto")
            << s("generic") << s("auto") << s("ioc-tstcreate-ga.service") << s("tcp");
    QTest::newRow("generic, tcp") << s("generic") << s("tcp:PORT") << s("ioc-tstcreate-gt.service")
                                  << s("tcp:127.0.0.1:PORT");
    QTest::newRow("manage-iocs, default port")
            << s("manage-iocs") << QString() << s("softioc-tstcreate-mi.service") << s("tcp");
    QTest::newRow("ioc-runner") << s("ioc-runner") << s("unix") << s("epics-@tstcreate-ir.service")
                                << QStringLiteral("unix:%1/procserv/tstcreate-ir/control").arg(rt);
    QTest::newRow("manage-iocs, tcp")
            << s("manage-iocs") << s("tcp:PORT") << s("softioc-tstcreate-mt.service")
            << s("tcp:127.0.0.1:PORT");
    // FRIB: the socket is the console, also where a TCP port is asked for beside it.
    QTest::newRow("frib, unix")
            << s("frib") << s("unix") << s("softioc-tstcreate-fu.service")
            << QStringLiteral("unix:%1/softioc-tstcreate-fu/procServ.sock").arg(rt);
    QTest::newRow("frib, tcp")
            << s("frib") << s("tcp:PORT") << s("softioc-tstcreate-ft.service")
            << QStringLiteral("unix:%1/softioc-tstcreate-ft/procServ.sock").arg(rt);
    QTest::newRow("e3") << s("e3") << s("unix") << s("ioc@tstcreate-eu.service")
                        << QStringLiteral("unix:%1/procServ/tstcreate-eu/control").arg(rt);
}

void TestIocctlCreate::roundTrip()
{
    QFETCH(QString, convention);
    QFETCH(QString, port);
    QFETCH(QString, unit);
    QFETCH(QString, console);
    QVERIFY(!port.isEmpty() || convention == QLatin1String("manage-iocs"));
    const QString name =
            unit.mid(unit.indexOf(QLatin1String("tstcreate"))).chopped(int(qstrlen(".service")));
    if (port.contains(QLatin1String("PORT"))) {
        const QString free = QString::number(Sandbox::freeTcpPort());
        port.replace(QLatin1String("PORT"), free);
        console.replace(QLatin1String("PORT"), free);
    }
    QStringList args{ QStringLiteral("create"), QStringLiteral("--convention"), convention };
    const bool isTemplate =
            convention == QLatin1String("ioc-runner") || convention == QLatin1String("e3");
    if (!port.isEmpty() && !isTemplate)
        args << QStringLiteral("--port") << port;
    QStringList command = iocCommand(name);
    const QString templateFile = m_sandbox.unitDir()
            + (convention == QLatin1String("e3") ? QStringLiteral("/ioc@.service")
                                                 : QStringLiteral("/epics-@.service"));
    if (convention == QLatin1String("e3")) {
        // An instance of a template is known to systemd (and listed) once enabled.
        args << QStringLiteral("--enable");
        QVERIFY2(!QFileInfo::exists(templateFile), "the template exists before the test");
    }
    if (convention == QLatin1String("ioc-runner")) {
        // ioc-runner starts one program without arguments: a start script, as st.cmd is.
        const QString script = m_workDir + QLatin1Char('/') + name + QStringLiteral(".cmd");
        QFile file(script);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QStringList quoted;
        for (const QString &word : std::as_const(command))
            quoted << QLatin1Char('\'') + word + QLatin1Char('\'');
        file.write(QByteArray("#!/bin/sh\nexec " + quoted.join(QLatin1Char(' ')).toUtf8() + "\n"));
        file.close();
        // procServ runs only programs that everyone may execute (---x--x--x).
        QVERIFY(file.setPermissions(file.permissions() | QFile::ExeOwner | QFile::ExeGroup
                                    | QFile::ExeOther));
        command = QStringList{ script };
        // An instance of a template is known to systemd (and listed) once enabled.
        args << QStringLiteral("--enable");
        QVERIFY2(!QFileInfo::exists(templateFile), "the template exists before the test");
    }
    const QMap<QString, QString> beforeCreate = snapshot();
    const Run create = iocctl(args + QStringList{ name, QStringLiteral("--") } + command);
    QVERIFY2(create.code == 0, qPrintable(create.describe()));
    QVERIFY2(create.out.contains(unit), qPrintable(create.out));
    if (convention == QLatin1String("frib")) {
        // The Puppet module's unit reads the IOC's config; the config names the IOC.
        const QString config = iocBase() + QLatin1Char('/') + name + QStringLiteral("/config");
        QFile configFile(config);
        QVERIFY2(configFile.open(QIODevice::ReadOnly), qPrintable(config));
        const QByteArray text = configFile.readAll();
        QVERIFY2(text.startsWith(QByteArray("NAME=" + name.toUtf8() + '\n')), text.constData());
        QFile unitFile(m_sandbox.unitDir() + QLatin1Char('/') + unit);
        QVERIFY(unitFile.open(QIODevice::ReadOnly));
        const QByteArray unitText = unitFile.readAll();
        QVERIFY2(unitText.contains(QByteArray("\nEnvironmentFile=-" + config.toUtf8() + '\n')),
                 unitText.constData());
        // A TCP port asked for is procServ's second control port, and in the config.
        const QString tcp = port.startsWith(QLatin1String("tcp:")) ? port.mid(4) : QString();
        QCOMPARE(unitText.contains(QByteArray(" --port " + tcp.toUtf8() + ' ')), !tcp.isEmpty());
        QCOMPARE(text.contains(QByteArray("\nPORT=" + tcp.toUtf8() + '\n')), !tcp.isEmpty());
        if (!tcp.isEmpty()) {
            // That port is the IOC's although its console is the socket: no other IOC gets it.
            const Run taken =
                    iocctl(QStringList{ QStringLiteral("create"), QStringLiteral("--dry-run"),
                                        QStringLiteral("--convention"), QStringLiteral("generic"),
                                        QStringLiteral("--port"), port,
                                        QStringLiteral("tstcreate-other"), QStringLiteral("--") }
                           + iocCommand(QStringLiteral("tstcreate-other")));
            QVERIFY2(taken.code == 2, qPrintable(taken.describe()));
            QVERIFY2(
                    taken.err.contains(QStringLiteral("another IOC on this host uses port ") + tcp),
                    qPrintable(taken.describe()));
        }
    }

    QJsonObject row = psObject(name);
    QVERIFY2(!row.isEmpty(), "ps does not list the new IOC");
    QCOMPARE(row.value(QStringLiteral("convention")).toString(), convention);
    QCOMPARE(row.value(QStringLiteral("unit")).toString(), unit);
    const QString shown = row.value(QStringLiteral("console")).toString();
    if (console == QLatin1String("tcp"))
        QVERIFY2(shown.startsWith(QLatin1String("tcp:127.0.0.1:")), qPrintable(shown));
    else
        QCOMPARE(shown, console);

    const Run start = iocctl({ QStringLiteral("start"), name });
    QVERIFY2(start.code == 0, qPrintable(start.describe()));
    const Run exec =
            iocctl({ QStringLiteral("exec"), QStringLiteral("--timeout"), QStringLiteral("30"),
                     name, QStringLiteral("--"), QStringLiteral("dbl") });
    QVERIFY2(exec.code == 0, qPrintable(exec.describe()));
    QVERIFY2(exec.out.contains(name + QStringLiteral(":ai1")), qPrintable(exec.describe()));
    row = psObject(name);
    QCOMPARE(row.value(QStringLiteral("console")).toString(), shown);

    const Run stop = iocctl({ QStringLiteral("stop"), name });
    QVERIFY2(stop.code == 0, qPrintable(stop.describe()));
    const Run rm = iocctl({ QStringLiteral("rm"), name });
    QVERIFY2(rm.code == 0, qPrintable(rm.describe()));
    QVERIFY2(rm.out.contains(name + QStringLiteral(": removed")), qPrintable(rm.describe()));

    QString diff = compare(beforeCreate, snapshot());
    if (convention == QLatin1String("manage-iocs")) {
        // manage-iocs' uninstall removes the unit; the IOC's folder and config stay.
        const QString config = iocBase() + QLatin1Char('/') + name + QStringLiteral("/config");
        QCOMPARE(diff, QStringLiteral("left behind: ") + config);
        QVERIFY2(rm.out.contains(QStringLiteral("kept ") + iocBase() + QLatin1Char('/') + name),
                 qPrintable(rm.out));
        QVERIFY(QFile::remove(config));
        QVERIFY(QDir(iocBase()).rmdir(name));
        diff = compare(beforeCreate, snapshot());
    } else if (isTemplate) {
        // ioc-runner's and e3's remove leave their template, which every IOC of the manager
        // shares.
        QCOMPARE(diff, QStringLiteral("left behind: ") + templateFile);
        QVERIFY2(rm.out.contains(QStringLiteral("kept ") + templateFile), qPrintable(rm.out));
        QVERIFY(m_sandbox.removeUnit(QFileInfo(templateFile).fileName()));
        diff = compare(beforeCreate, snapshot());
    }
    if (convention == QLatin1String("frib")) // the config's folder went with it
        QVERIFY(!QFileInfo::exists(iocBase() + QLatin1Char('/') + name));
    if (convention == QLatin1String("e3")) // and the instance's drop-in folder
        QVERIFY(!QFileInfo::exists(m_sandbox.unitDir() + QLatin1Char('/') + unit
                                   + QStringLiteral(".d")));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QVERIFY(QFileInfo::exists(m_workDir + QStringLiteral("/st.cmd")));
    QTRY_VERIFY_WITH_TIMEOUT(psObject(name).isEmpty(), 20000);
}

void TestIocctlCreate::procServUtilsReadsTheConfig()
{
    const QString name = QStringLiteral("tstcreate-read");
    QStringList command = iocCommand(name);
    command << QStringLiteral("two words") << QStringLiteral("it's") << QStringLiteral("50%");
    const Run create = iocctl(QStringList{ QStringLiteral("create"), QStringLiteral("--convention"),
                                           QStringLiteral("procservutils"), QStringLiteral("--env"),
                                           QStringLiteral("EPICS_CA_ADDR_LIST=127.0.0.1"), name,
                                           QStringLiteral("--") }
                              + command);
    QVERIFY2(create.code == 0, qPrintable(create.describe()));
    const QString conf =
            m_sandbox.configDir() + QStringLiteral("/procServ.d/") + name + QStringLiteral(".conf");
    QVERIFY(QFileInfo::exists(conf));

    // procServUtils' own reader (conf.py's ConfigParser, in the launcher stand-in).
    QProcess python;
    python.start(m_launcherDir + QStringLiteral("/procServ-launcher"),
                 { QStringLiteral("--check-config"), QStringLiteral("--user"), name });
    QVERIFY(python.waitForFinished(30000));
    const QString read = QString::fromUtf8(python.readAllStandardOutput());
    QVERIFY2(python.exitCode() == 0,
             qPrintable(read + QString::fromUtf8(python.readAllStandardError())));
    QVERIFY2(read.contains(QStringLiteral("chdir=") + m_workDir + QLatin1Char('\n')),
             qPrintable(read));
    QVERIFY2(read.contains(QLatin1String("environment=\"EPICS_CA_ADDR_LIST=127.0.0.1\"\n")),
             qPrintable(read));
    QVERIFY2(read.contains(QStringLiteral("argv=") + command.join(QChar(0x1f)) + QLatin1Char('\n')),
             qPrintable(read));

    // The unit, as procServUtils' generator writes it.
    QFile unitFile(m_sandbox.configDir() + QStringLiteral("/procServ.d/procserv-") + name
                   + QStringLiteral(".service"));
    QVERIFY(unitFile.open(QIODevice::ReadOnly));
    const QString unit = QString::fromUtf8(unitFile.readAll());
    QCOMPARE(unit,
             QStringLiteral("\n[Unit]\nDescription=procServ for %1\n"
                            "After=network.target remote-fs.target\n"
                            "ConditionPathIsDirectory=%2\n\n[Service]\nType=simple\n"
                            "Environment=\"EPICS_CA_ADDR_LIST=127.0.0.1\"\n"
                            "ExecStart=%3/procServ-launcher --user %1\n"
                            "RuntimeDirectory=procserv-%1\nStandardOutput=syslog\n"
                            "StandardError=inherit\nSyslogIdentifier=procserv-%1\n\n"
                            "[Install]\nWantedBy=multi-user.target\n")
                     .arg(name, m_workDir, m_launcherDir));

    const Run rm = iocctl({ QStringLiteral("rm"), name });
    QVERIFY2(rm.code == 0, qPrintable(rm.describe()));
    QVERIFY(!QFileInfo::exists(conf));
}

void TestIocctlCreate::dryRunChangesNothing()
{
    const QString name = QStringLiteral("tstcreate-dry");
    const QMap<QString, QString> before = snapshot();
    const Run run =
            iocctl(QStringList{ QStringLiteral("create"), QStringLiteral("--dry-run"),
                                QStringLiteral("--convention"), QStringLiteral("procservutils"),
                                QStringLiteral("--start"), name, QStringLiteral("--") }
                   + iocCommand(name));
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    const QString dir = m_sandbox.configDir() + QStringLiteral("/procServ.d/");
    QVERIFY2(run.out.contains(QStringLiteral("write ") + dir + name + QStringLiteral(".conf:\n")),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("    [") + name + QStringLiteral("]\n")),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("write ") + dir + QStringLiteral("procserv-") + name
                              + QStringLiteral(".service:\n")),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("run systemctl --user link ") + dir),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("run systemctl --user daemon-reload\n")),
             qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("run systemctl --user start procserv-") + name),
             qPrintable(run.out));
    QCOMPARE(compare(before, snapshot()), QString());
    QVERIFY(psObject(name).isEmpty());

    // rm --dry-run of an existing IOC says what goes and what stays, and removes nothing.
    const QString other = QStringLiteral("tstcreate-dryrm");
    QCOMPARE(iocctl(QStringList{ QStringLiteral("create"), QStringLiteral("--convention"),
                                 QStringLiteral("generic"), other, QStringLiteral("--") }
                    + iocCommand(other))
                     .code,
             0);
    const QMap<QString, QString> created = snapshot();
    const Run rmDry = iocctl({ QStringLiteral("rm"), QStringLiteral("--dry-run"), other });
    QVERIFY2(rmDry.code == 0, qPrintable(rmDry.describe()));
    QVERIFY2(rmDry.out.contains(QStringLiteral("remove ") + m_sandbox.unitDir()
                                + QStringLiteral("/ioc-") + other + QStringLiteral(".service")),
             qPrintable(rmDry.out));
    QVERIFY2(rmDry.out.contains(QStringLiteral("keep ") + m_workDir), qPrintable(rmDry.out));
    QCOMPARE(compare(created, snapshot()), QString());
    QCOMPARE(iocctl({ QStringLiteral("rm"), other }).code, 0);
    QCOMPARE(compare(before, snapshot()), QString());
}

void TestIocctlCreate::refusals_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QStringList>("command"); // empty: the IOC command
    QTest::addColumn<QString>("message");
    const auto s = [](const char *text) { return QString::fromUtf8(text); };
    const auto l = [](std::initializer_list<const char *> words) {
        QStringList list;
        for (const char *word : words)
            list << QString::fromUtf8(word);
        return list;
    };

    const QString dataFile = QString::fromLocal8Bit(qgetenv("IOCDOCK_SOURCE_DIR"))
            + QStringLiteral("/CMakeLists.txt");
    QTest::newRow("missing command")
            << QStringList() << l({ "/nonexistent/softIoc" }) << s("does not exist");
    QTest::newRow("command not on PATH")
            << QStringList() << l({ "no-such-ioc-program" }) << s("was not found on PATH");
    QTest::newRow("not executable")
            << QStringList() << QStringList{ dataFile } << s("is not an executable file");
    QTest::newRow("not executable by everyone")
            << QStringList() << QStringList{ QStringLiteral("OWNER_ONLY") } << s("chmod a+x");
    QTest::newRow("port 0") << l({ "--port", "tcp:0" }) << QStringList() << s("Bad port");
    QTest::newRow("port too big") << l({ "--port", "tcp:70000" }) << QStringList() << s("Bad port");
    QTest::newRow("port junk") << l({ "--port", "telnet" }) << QStringList() << s("Bad port");
    QTest::newRow("relative socket")
            << l({ "--port", "unix:rel/sock" }) << QStringList() << s("must be absolute");
    QTest::newRow("socket folder missing") << l({ "--port", "unix:/nonexistent/dir/control" })
                                           << QStringList() << s("does not exist");
    QTest::newRow("bad name") << l({ "--name-is-next" }) << QStringList() << QString();
    QTest::newRow("unknown convention")
            << l({ "--convention", "bogus" }) << QStringList() << s("Unknown convention");
    QTest::newRow("user name on a user manager")
            << l({ "--user-name", "nobody" }) << QStringList() << s("is for the system manager");
    QTest::newRow("bad env") << l({ "--env", "1X=y" }) << QStringList() << s("KEY=VALUE");
    QTest::newRow("missing chdir")
            << l({ "--chdir", "/nonexistent/top" }) << QStringList() << s("does not exist");
}

void TestIocctlCreate::refusals()
{
    QFETCH(QStringList, options);
    QFETCH(QStringList, command);
    QFETCH(QString, message);
    QString name = QStringLiteral("tstcreate-refused");
    if (options == QStringList{ QStringLiteral("--name-is-next") }) {
        options.clear();
        name = QStringLiteral("bad/name");
        message = QStringLiteral("is not a valid IOC name");
    }
    const QMap<QString, QString> before = snapshot();
    for (const QString &convention :
         { QStringLiteral("procservutils"), QStringLiteral("generic") }) {
        QStringList args{ QStringLiteral("create") };
        if (!options.contains(QLatin1String("--convention")))
            args << QStringLiteral("--convention") << convention;
        if (command == QStringList{ QStringLiteral("OWNER_ONLY") }) {
            // An IOC start script only its owner may run: procServ would refuse it.
            const QString script = m_sandbox.dir() + QStringLiteral("/tstcreate-owner-only.cmd");
            QFile file(script);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("#!/bin/sh\nexit 0\n");
            file.close();
            QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                        | QFile::ReadUser | QFile::WriteUser | QFile::ExeUser));
            command = QStringList{ script };
        }
        args << options << name << QStringLiteral("--")
             << (command.isEmpty() ? iocCommand(name) : command);
        const Run run = iocctl(args);
        QVERIFY2(run.code == 2, qPrintable(run.describe()));
        QVERIFY2(run.err.contains(message), qPrintable(run.describe()));
        QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
        QCOMPARE(compare(before, snapshot()), QString());
    }
}

void TestIocctlCreate::clashes()
{
    const QString name = QStringLiteral("tstcreate-taken");
    QTcpServer busy; // a port something else listens on
    QVERIFY(busy.listen(QHostAddress::LocalHost));
    const Run first = iocctl(QStringList{ QStringLiteral("create"), QStringLiteral("--convention"),
                                          QStringLiteral("generic"), QStringLiteral("--port"),
                                          QStringLiteral("auto"), name, QStringLiteral("--") }
                             + iocCommand(name));
    QVERIFY2(first.code == 0, qPrintable(first.describe()));
    const QString port =
            psObject(name).value(QStringLiteral("console")).toString().section(QLatin1Char(':'), 2);
    QVERIFY2(!port.isEmpty(), "no TCP console");
    const QMap<QString, QString> before = snapshot();

    struct Case
    {
        QStringList args;
        QString message;
    };
    const QString other = QStringLiteral("tstcreate-other");
    const QList<Case> cases = {
        // The same name, in another convention.
        { { QStringLiteral("--convention"), QStringLiteral("procservutils"), name },
          QStringLiteral("already exists") },
        // The TCP port of that IOC.
        { { QStringLiteral("--convention"), QStringLiteral("generic"), QStringLiteral("--port"),
            QStringLiteral("tcp:") + port, other },
          QStringLiteral("another IOC on this host uses port ") + port },
        // A port another program listens on.
        { { QStringLiteral("--convention"), QStringLiteral("generic"), QStringLiteral("--port"),
            QStringLiteral("tcp:") + QString::number(busy.serverPort()), other },
          QStringLiteral("is in use") },
    };
    for (const Case &c : cases) {
        const Run run = iocctl(QStringList{ QStringLiteral("create") } + c.args
                               + QStringList{ QStringLiteral("--") } + iocCommand(other));
        QVERIFY2(run.code == 2, qPrintable(run.describe()));
        QVERIFY2(run.err.contains(c.message), qPrintable(run.describe()));
        QCOMPARE(compare(before, snapshot()), QString());
    }
    // auto never picks a port another IOC uses.
    const Run dry = iocctl(QStringList{ QStringLiteral("create"), QStringLiteral("--dry-run"),
                                        QStringLiteral("--convention"), QStringLiteral("generic"),
                                        QStringLiteral("--port"), QStringLiteral("auto"), other,
                                        QStringLiteral("--") }
                           + iocCommand(other));
    QVERIFY2(dry.code == 0, qPrintable(dry.describe()));
    QVERIFY2(dry.out.contains(QLatin1String("--port ")), qPrintable(dry.out));
    QVERIFY2(!dry.out.contains(QStringLiteral("--port ") + port + QLatin1Char(' ')),
             qPrintable(dry.out));

    // A unit of that name that is no IOC (a file in the unit folder).
    const QString unit = QStringLiteral("ioc-") + other + QStringLiteral(".service");
    QVERIFY(m_sandbox.installUnit(unit, QByteArray("[Service]\nExecStart=/bin/true\n")));
    const QMap<QString, QString> withUnit = snapshot();
    const Run clash = iocctl(QStringList{ QStringLiteral("create"), QStringLiteral("--convention"),
                                          QStringLiteral("generic"), other, QStringLiteral("--") }
                             + iocCommand(other));
    QVERIFY2(clash.code == 2, qPrintable(clash.describe()));
    QVERIFY2(clash.err.contains(QStringLiteral("The unit ") + unit
                                + QStringLiteral(" already exists")),
             qPrintable(clash.describe()));
    QCOMPARE(compare(withUnit, snapshot()), QString());
    QVERIFY(m_sandbox.removeUnit(unit));

    // A file that would be written (a procServUtils config of that name, no IOC yet).
    const QString confDir = m_sandbox.configDir() + QStringLiteral("/procServ.d");
    QVERIFY(QDir().mkpath(confDir));
    QFile conf(confDir + QLatin1Char('/') + other + QStringLiteral(".conf"));
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write("# notes of the site, no section\n");
    conf.close();
    // A section of that name in another file (procServUtils reads every *.conf).
    QFile shared(confDir + QStringLiteral("/site.conf"));
    QVERIFY(shared.open(QIODevice::WriteOnly));
    shared.write("[tstcreate-section]\ncommand = /bin/true\n");
    shared.close();
    const QMap<QString, QString> withFiles = snapshot();
    const Run fileClash =
            iocctl(QStringList{ QStringLiteral("create"), QStringLiteral("--convention"),
                                QStringLiteral("procservutils"), other, QStringLiteral("--") }
                   + iocCommand(other));
    QVERIFY2(fileClash.code == 2, qPrintable(fileClash.describe()));
    QVERIFY2(fileClash.err.contains(conf.fileName() + QStringLiteral(" exists already")),
             qPrintable(fileClash.describe()));
    const Run sectionClash =
            iocctl(QStringList{ QStringLiteral("create"), QStringLiteral("--convention"),
                                QStringLiteral("procservutils"),
                                QStringLiteral("tstcreate-section"), QStringLiteral("--") }
                   + iocCommand(other));
    QVERIFY2(sectionClash.code == 2, qPrintable(sectionClash.describe()));
    QVERIFY2(sectionClash.err.contains(
                     QStringLiteral("already has an instance [tstcreate-section] in ")
                     + shared.fileName()),
             qPrintable(sectionClash.describe()));
    QCOMPARE(compare(withFiles, snapshot()), QString());
    QVERIFY(conf.remove());
    QVERIFY(shared.remove());

    QCOMPARE(iocctl({ QStringLiteral("rm"), name }).code, 0);
}

void TestIocctlCreate::fribAndE3DryRun()
{
    const QMap<QString, QString> before = snapshot();
    const QString frib = QStringLiteral("tstcreate-fdry");
    const Run fribDry = iocctl(QStringList{ QStringLiteral("create"), QStringLiteral("--dry-run"),
                                            QStringLiteral("--convention"), QStringLiteral("frib"),
                                            QStringLiteral("--port"), QStringLiteral("auto"), frib,
                                            QStringLiteral("--") }
                               + iocCommand(frib));
    QVERIFY2(fribDry.code == 0, qPrintable(fribDry.describe()));
    const QString config = iocBase() + QLatin1Char('/') + frib + QStringLiteral("/config");
    QVERIFY2(fribDry.out.contains(QStringLiteral("write ") + config + QStringLiteral(":\n    NAME=")
                                  + frib + QLatin1Char('\n')),
             qPrintable(fribDry.out));
    QVERIFY2(fribDry.out.contains(QStringLiteral("write ") + m_sandbox.unitDir()
                                  + QStringLiteral("/softioc-") + frib
                                  + QStringLiteral(".service:\n")),
             qPrintable(fribDry.out));
    QVERIFY2(fribDry.out.contains(QStringLiteral("    EnvironmentFile=-") + config
                                  + QLatin1Char('\n')),
             qPrintable(fribDry.out));
    QVERIFY2(fribDry.out.contains(QStringLiteral("make folder ") + m_sandbox.dir()
                                  + QStringLiteral("/state/softioc-") + frib),
             qPrintable(fribDry.out));
    QVERIFY2(fribDry.out.contains(QLatin1String("run systemctl --user daemon-reload\n")),
             qPrintable(fribDry.out));

    const QString e3 = QStringLiteral("tstcreate-edry");
    const Run e3Dry = iocctl(QStringList{ QStringLiteral("create"), QStringLiteral("--dry-run"),
                                          QStringLiteral("--convention"), QStringLiteral("e3"),
                                          QStringLiteral("--enable"), e3, QStringLiteral("--") }
                             + iocCommand(e3));
    QVERIFY2(e3Dry.code == 0, qPrintable(e3Dry.describe()));
    QVERIFY2(e3Dry.out.contains(QStringLiteral("write ") + m_sandbox.unitDir()
                                + QStringLiteral("/ioc@") + e3
                                + QStringLiteral(".service.d/override.conf:\n")),
             qPrintable(e3Dry.out));
    QVERIFY2(e3Dry.out.contains(QStringLiteral("write ") + m_sandbox.unitDir()
                                + QStringLiteral("/ioc@.service:\n")),
             qPrintable(e3Dry.out));
    QVERIFY2(e3Dry.out.contains(QStringLiteral("--port=unix:") + m_sandbox.runtimeDir()
                                + QStringLiteral("/procServ/") + e3 + QStringLiteral("/control")),
             qPrintable(e3Dry.out));
    QVERIFY2(e3Dry.out.contains(QStringLiteral("run systemctl --user enable ioc@") + e3),
             qPrintable(e3Dry.out));
    QCOMPARE(compare(before, snapshot()), QString());
    QVERIFY(psObject(frib).isEmpty());
    QVERIFY(psObject(e3).isEmpty());

    // rm --dry-run of a FRIB IOC: the unit and the config go, the IOC's folder stays.
    QCOMPARE(iocctl(QStringList{ QStringLiteral("create"), QStringLiteral("--convention"),
                                 QStringLiteral("frib"), frib, QStringLiteral("--") }
                    + iocCommand(frib))
                     .code,
             0);
    const QMap<QString, QString> created = snapshot();
    const Run rmDry = iocctl({ QStringLiteral("rm"), QStringLiteral("--dry-run"), frib });
    QVERIFY2(rmDry.code == 0, qPrintable(rmDry.describe()));
    QVERIFY2(rmDry.out.contains(QStringLiteral("remove ") + m_sandbox.unitDir()
                                + QStringLiteral("/softioc-") + frib
                                + QStringLiteral(".service\n")),
             qPrintable(rmDry.out));
    QVERIFY2(rmDry.out.contains(QStringLiteral("remove ") + config + QLatin1Char('\n')),
             qPrintable(rmDry.out));
    QVERIFY2(rmDry.out.contains(QStringLiteral("remove folder ") + iocBase() + QLatin1Char('/')
                                + frib + QStringLiteral(" if empty\n")),
             qPrintable(rmDry.out));
    QVERIFY2(rmDry.out.contains(QStringLiteral("keep ") + m_workDir), qPrintable(rmDry.out));
    QCOMPARE(compare(created, snapshot()), QString());
    QCOMPARE(iocctl({ QStringLiteral("rm"), frib }).code, 0);
    QCOMPARE(compare(before, snapshot()), QString());
}

void TestIocctlCreate::fribAndE3Refusals_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("message");
    const auto l = [](std::initializer_list<const char *> words) {
        QStringList list;
        for (const char *word : words)
            list << QString::fromUtf8(word);
        return list;
    };
    QTest::newRow("e3, a TCP port")
            << l({ "--convention", "e3", "--port", "auto" })
            << QStringLiteral("ESS e3 consoles are always the template's socket");
    QTest::newRow("e3, another socket")
            << l({ "--convention", "e3", "--port", "unix:/tmp/tstcreate.sock" })
            << QStringLiteral("ESS e3 consoles are always the template's socket");
    QTest::newRow("frib, another socket")
            << l({ "--convention", "frib", "--port", "unix:/tmp/tstcreate.sock" })
            << QStringLiteral("FRIB consoles are the socket");
    QTest::newRow("frib, a config of that name")
            << l({ "--convention", "frib", "CONFIG" })
            << QStringLiteral("exists already: an IOC of that name is configured there");
    QTest::newRow("e3, a drop-in of that instance")
            << l({ "--convention", "e3", "DROPIN" }) << QStringLiteral("exists already");
}

void TestIocctlCreate::fribAndE3Refusals()
{
    QFETCH(QStringList, options);
    QFETCH(QString, message);
    const QString name = QStringLiteral("tstcreate-lrefused");
    QString made; // a file of the site's that is in the way
    if (options.removeOne(QStringLiteral("CONFIG")))
        made = iocBase() + QLatin1Char('/') + name + QStringLiteral("/config");
    if (options.removeOne(QStringLiteral("DROPIN")))
        made = m_sandbox.unitDir() + QStringLiteral("/ioc@") + name
                + QStringLiteral(".service.d/override.conf");
    if (!made.isEmpty()) {
        QVERIFY(QDir().mkpath(QFileInfo(made).path()));
        QFile file(made);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# the site's own\n");
    }
    const QMap<QString, QString> before = snapshot();
    const Run run = iocctl(QStringList{ QStringLiteral("create") } + options
                           + QStringList{ name, QStringLiteral("--") } + iocCommand(name));
    QVERIFY2(run.code == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(message), qPrintable(run.describe()));
    if (!made.isEmpty())
        QVERIFY2(run.err.contains(made), qPrintable(run.describe()));
    QVERIFY2(run.out.isEmpty(), qPrintable(run.describe()));
    QCOMPARE(compare(before, snapshot()), QString());
    if (!made.isEmpty()) {
        QVERIFY(QFile::remove(made));
        QVERIFY(QDir().rmdir(QFileInfo(made).path()));
    }
}

void TestIocctlCreate::rmRefusesRunning()
{
    const QString name = QStringLiteral("tstcreate-running");
    const Run create = iocctl(QStringList{ QStringLiteral("create"), QStringLiteral("--convention"),
                                           QStringLiteral("generic"), QStringLiteral("--start"),
                                           name, QStringLiteral("--") }
                              + iocCommand(name));
    QVERIFY2(create.code == 0, qPrintable(create.describe()));
    QVERIFY2(create.out.contains(QLatin1String("ran systemctl --user start")),
             qPrintable(create.out));
    QTRY_COMPARE_WITH_TIMEOUT(psObject(name).value(QStringLiteral("status")).toString().left(7),
                              QStringLiteral("running"), 20000);
    const QMap<QString, QString> running = snapshot();
    const Run refused = iocctl({ QStringLiteral("rm"), name });
    QVERIFY2(refused.code == 2, qPrintable(refused.describe()));
    QVERIFY2(refused.err.contains(QLatin1String("is running")), qPrintable(refused.describe()));
    QCOMPARE(compare(running, snapshot()), QString());

    const Run forced = iocctl({ QStringLiteral("rm"), QStringLiteral("--force"), name });
    QVERIFY2(forced.code == 0, qPrintable(forced.describe()));
    QVERIFY(!QFileInfo::exists(m_sandbox.unitDir() + QStringLiteral("/ioc-") + name
                               + QStringLiteral(".service")));
    QTRY_VERIFY_WITH_TIMEOUT(psObject(name).isEmpty(), 20000);
}

void TestIocctlCreate::renameElsewhereSaysWhy()
{
    const QString name = QStringLiteral("tstcreate-rename");
    QCOMPARE(iocctl(QStringList{ QStringLiteral("create"), QStringLiteral("--convention"),
                                 QStringLiteral("generic"), name, QStringLiteral("--") }
                    + iocCommand(name))
                     .code,
             0);
    const QMap<QString, QString> before = snapshot();
    const Run run = iocctl({ QStringLiteral("rename"), name, QStringLiteral("tstcreate-renamed") });
    QVERIFY2(run.code == 2, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("only NSLS-II manage-iocs has a rename")),
             qPrintable(run.describe()));
    QCOMPARE(compare(before, snapshot()), QString());
    QCOMPARE(iocctl({ QStringLiteral("rm"), name }).code, 0);
}

void TestIocctlCreate::renameManageIocs()
{
    const QString oldName = QStringLiteral("tstcreate-old");
    const QString newName = QStringLiteral("tstcreate-new");
    const QMap<QString, QString> before = snapshot();
    const Run create =
            iocctl(QStringList{ QStringLiteral("create"), QStringLiteral("--convention"),
                                QStringLiteral("manage-iocs"), QStringLiteral("--enable"),
                                QStringLiteral("--start"), oldName, QStringLiteral("--") }
                   + iocCommand(oldName));
    QVERIFY2(create.code == 0, qPrintable(create.describe()));
    QTRY_COMPARE_WITH_TIMEOUT(psObject(oldName).value(QStringLiteral("status")).toString().left(7),
                              QStringLiteral("running"), 20000);
    const QString console = psObject(oldName).value(QStringLiteral("console")).toString();

    const QMap<QString, QString> running = snapshot();
    const Run dry =
            iocctl({ QStringLiteral("rename"), QStringLiteral("--dry-run"), oldName, newName });
    QVERIFY2(dry.code == 0, qPrintable(dry.describe()));
    QVERIFY2(dry.out.contains(QStringLiteral("move ") + iocBase() + QLatin1Char('/') + oldName
                              + QStringLiteral(" to ") + iocBase() + QLatin1Char('/') + newName),
             qPrintable(dry.out));
    QCOMPARE(compare(running, snapshot()), QString());

    const Run rename = iocctl({ QStringLiteral("rename"), oldName, newName });
    QVERIFY2(rename.code == 0, qPrintable(rename.describe()));
    QTRY_VERIFY_WITH_TIMEOUT(psObject(oldName).isEmpty(), 20000);
    const QJsonObject row = psObject(newName);
    QCOMPARE(row.value(QStringLiteral("convention")).toString(), QStringLiteral("manage-iocs"));
    QCOMPARE(row.value(QStringLiteral("unit")).toString(),
             QStringLiteral("softioc-") + newName + QStringLiteral(".service"));
    QCOMPARE(row.value(QStringLiteral("console")).toString(), console);
    QCOMPARE(row.value(QStringLiteral("enabled")).toBool(), true);
    QFile config(iocBase() + QLatin1Char('/') + newName + QStringLiteral("/config"));
    QVERIFY(config.open(QIODevice::ReadOnly));
    QVERIFY(config.readAll().startsWith(QByteArray("NAME=" + newName.toUtf8() + '\n')));
    QVERIFY(!QFileInfo::exists(iocBase() + QLatin1Char('/') + oldName));
    // It was running, so it runs again under its new unit.
    const Run exec =
            iocctl({ QStringLiteral("exec"), QStringLiteral("--timeout"), QStringLiteral("30"),
                     newName, QStringLiteral("--"), QStringLiteral("dbl") });
    QVERIFY2(exec.code == 0, qPrintable(exec.describe()));

    const Run rm = iocctl({ QStringLiteral("rm"), QStringLiteral("--force"), newName });
    QVERIFY2(rm.code == 0, qPrintable(rm.describe()));
    config.close();
    QVERIFY(config.remove());
    QVERIFY(QDir(iocBase()).rmdir(newName));
    QCOMPARE(compare(before, snapshot()), QString());
}

QTEST_GUILESS_MAIN(TestIocctlCreate)
#include "tst_iocctlcreate.moc"
