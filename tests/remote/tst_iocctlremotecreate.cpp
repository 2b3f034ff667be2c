// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// `iocctl -H HOST create` and `rm` on a "remote host": a real sshd (tools/sshd-sandbox) in front
// of a tools/sandbox user manager, real procServ and tools/iocsim. What a user at a shell sees,
// and the remote file tree before and after.
#include "tests/common/sandbox.h"
#include "tests/remote/remotehosts.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
    QString describe() const
    {
        return QStringLiteral("exit %1\n--- stderr\n%2\n--- stdout\n%3").arg(code).arg(err, out);
    }
};

} // namespace

class TestIocctlRemoteCreate : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void roundTrip_data();
    void roundTrip();
    void procServUtilsRoundTrip();
    void dryRunChangesNothing();
    void missingCommandIsRefused();
    void clashWithARemoteFileIsRefused();
    void manageIocsRoundTripAndRename();
    void iocRunnerRoundTrip();
    void renameElsewhereSaysWhy();

private:
    Run iocctl(const QStringList &args, int timeoutMs = 90000) const;
    QJsonObject psObject(const QString &name) const;
    QMap<QString, QString> snapshot() const;
    static QString compare(const QMap<QString, QString> &a, const QMap<QString, QString> &b);
    /// Where manage-iocs IOCs go on the remote host: the first folder of its sessions'
    /// $IOCDOCK_IOC_PATH (tools/sshd-sandbox passes the sandbox's).
    QString iocBase() const { return m_hosts.sandboxDir(0) + QStringLiteral("/epics/iocs"); }

    RemoteHosts m_hosts;
    QString m_workDir;
};

void TestIocctlRemoteCreate::initTestCase()
{
    QVERIFY2(QFileInfo(Sandbox::binPath(QStringLiteral("iocctl"))).isExecutable(),
             "iocctl not built");
    QVERIFY2(QFileInfo(QStringLiteral("/usr/bin/procServ")).isExecutable(),
             "procServ is not installed (Debian package procserv)");
    // procServUtils' launcher "installed" on the remote host: on its sessions' $PATH (Debian 12
    // does not package procserv-systemd; tests/data/procservutils holds a stand-in).
    const QString launcherDir = QString::fromLocal8Bit(qgetenv("IOCDOCK_SOURCE_DIR"))
            + QStringLiteral("/tests/data/procservutils");
    QVERIFY2(QFileInfo(launcherDir + QStringLiteral("/procServ-launcher")).isExecutable(),
             qPrintable(launcherDir));
    qputenv("SSHD_SANDBOX_PATH",
            QFile::encodeName(launcherDir + QStringLiteral(":/usr/local/bin:/usr/bin:/bin")));
    QString error;
    QVERIFY2(m_hosts.start(1, &error), qPrintable(error));
    // The IOC's own directory on the remote host: rm must keep it.
    m_workDir = m_hosts.sandboxDir(0) + QStringLiteral("/rcreate-top");
    QVERIFY(QDir().mkpath(m_workDir));
    QFile st(m_workDir + QStringLiteral("/st.cmd"));
    QVERIFY(st.open(QIODevice::WriteOnly));
    st.write("# the IOC's own start script: never removed\n");
}

void TestIocctlRemoteCreate::cleanupTestCase()
{
    m_hosts.stop();
}

Run TestIocctlRemoteCreate::iocctl(const QStringList &args, int timeoutMs) const
{
    QProcess process;
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(Sandbox::binPath(QStringLiteral("iocctl")),
                  QStringList{ QStringLiteral("-H"), m_hosts.spec(0) } + args);
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

QJsonObject TestIocctlRemoteCreate::psObject(const QString &name) const
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

QMap<QString, QString> TestIocctlRemoteCreate::snapshot() const
{
    // The remote host's files that create and rm may touch: its configuration (units,
    // procServ.d) and the IOC's own folder. (The "remote" host is this machine behind sshd.)
    QMap<QString, QString> files;
    const QStringList roots{ QString(m_hosts.sandboxDir(0) + QStringLiteral("/config")), m_workDir,
                             iocBase() };
    for (const QString &root : roots) {
        QDirIterator it(
                root, QDir::Files | QDir::Dirs | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot,
                QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QFileInfo info(path);
            if (info.isSymLink()) {
                files.insert(path, QStringLiteral("-> ") + info.symLinkTarget());
                continue;
            }
            if (info.isDir()) {
                files.insert(path, QStringLiteral("(folder)"));
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

QString TestIocctlRemoteCreate::compare(const QMap<QString, QString> &a,
                                        const QMap<QString, QString> &b)
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

void TestIocctlRemoteCreate::roundTrip_data()
{
    QTest::addColumn<QString>("convention");
    QTest::addColumn<QString>("port");
    QTest::addColumn<QString>("unit");
    QTest::addColumn<QString>("console"); ///< "tcp": any localhost port
    const auto s = [](const char *text) { return QString::fromLatin1(text); };
    QTest::newRow("generic, unix") << s("generic") << s("unix") << s("ioc-rcreate-gu.service")
                                   << QStringLiteral("unix:") + m_hosts.runtimeDir(0)
                    + QStringLiteral("/ioc-rcreate-gu/control");
    QTest::newRow("generic, auto")
            << s("generic") << s("auto") << s("ioc-rcreate-ga.service") << s("tcp");
}

void TestIocctlRemoteCreate::roundTrip()
{
    QFETCH(QString, convention);
    QFETCH(QString, port);
    QFETCH(QString, unit);
    QFETCH(QString, console);
    const QString name =
            unit.mid(unit.indexOf(QLatin1String("rcreate"))).chopped(int(qstrlen(".service")));
    const QMap<QString, QString> before = snapshot();
    const Run create =
            iocctl({ QStringLiteral("create"), QStringLiteral("--convention"), convention,
                     QStringLiteral("--port"), port, QStringLiteral("--chdir"), m_workDir, name,
                     QStringLiteral("--"), Sandbox::iocsimPath(), QStringLiteral("--name"), name });
    QVERIFY2(create.code == 0, qPrintable(create.describe()));
    QVERIFY2(create.out.contains(unit), qPrintable(create.out));
    QVERIFY2(QFileInfo::exists(m_hosts.sandboxDir(0) + QStringLiteral("/config/systemd/user/")
                               + unit),
             qPrintable(create.describe()));

    QJsonObject row = psObject(name);
    QVERIFY2(!row.isEmpty(), "ps -H does not list the new IOC");
    QCOMPARE(row.value(QStringLiteral("convention")).toString(), convention);
    QCOMPARE(row.value(QStringLiteral("unit")).toString(), unit);
    const QString shown = row.value(QStringLiteral("console")).toString();
    if (console == QLatin1String("tcp"))
        QVERIFY2(shown.startsWith(QLatin1String("tcp:127.0.0.1:")), qPrintable(shown));
    else
        QCOMPARE(shown, console);

    const Run start = iocctl({ QStringLiteral("start"), name });
    QVERIFY2(start.code == 0, qPrintable(start.describe()));
    QCOMPARE(m_hosts.unitProperty(0, unit, QStringLiteral("ActiveState")),
             QStringLiteral("active"));
    const Run exec =
            iocctl({ QStringLiteral("exec"), QStringLiteral("--timeout"), QStringLiteral("30"),
                     name, QStringLiteral("--"), QStringLiteral("dbl") });
    QVERIFY2(exec.code == 0, qPrintable(exec.describe()));
    QVERIFY2(exec.out.contains(name + QStringLiteral(":ai1")), qPrintable(exec.describe()));

    const Run stop = iocctl({ QStringLiteral("stop"), name });
    QVERIFY2(stop.code == 0, qPrintable(stop.describe()));
    const Run rm = iocctl({ QStringLiteral("rm"), name });
    QVERIFY2(rm.code == 0, qPrintable(rm.describe()));
    QVERIFY2(rm.out.contains(name + QStringLiteral(": removed")), qPrintable(rm.describe()));
    const QString diff = compare(before, snapshot());
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QVERIFY(QFileInfo::exists(m_workDir + QStringLiteral("/st.cmd")));
    QTRY_VERIFY_WITH_TIMEOUT(psObject(name).isEmpty(), 30000);
}

void TestIocctlRemoteCreate::procServUtilsRoundTrip()
{
    const QString name = QStringLiteral("rcreate-pu");
    const QString unit = QStringLiteral("procserv-rcreate-pu.service");
    const QString confDir = m_hosts.sandboxDir(0) + QStringLiteral("/config/procServ.d");
    const QMap<QString, QString> before = snapshot();
    const Run create =
            iocctl({ QStringLiteral("create"), QStringLiteral("--convention"),
                     QStringLiteral("procservutils"), QStringLiteral("--chdir"), m_workDir, name,
                     QStringLiteral("--"), Sandbox::iocsimPath(), QStringLiteral("--name"), name });
    QVERIFY2(create.code == 0, qPrintable(create.describe()));
    // procServUtils' files in the remote account's $XDG_CONFIG_HOME/procServ.d.
    QVERIFY2(QFileInfo::exists(confDir + QLatin1Char('/') + name + QStringLiteral(".conf")),
             qPrintable(create.describe()));
    QVERIFY2(QFileInfo::exists(confDir + QLatin1Char('/') + unit), qPrintable(create.describe()));

    const QJsonObject row = psObject(name);
    QVERIFY2(!row.isEmpty(), "ps -H does not list the new IOC");
    QCOMPARE(row.value(QStringLiteral("convention")).toString(), QStringLiteral("procservutils"));
    QCOMPARE(row.value(QStringLiteral("unit")).toString(), unit);
    const Run start = iocctl({ QStringLiteral("start"), name });
    QVERIFY2(start.code == 0, qPrintable(start.describe()));
    QCOMPARE(m_hosts.unitProperty(0, unit, QStringLiteral("ActiveState")),
             QStringLiteral("active"));
    // It runs, and its console — only in procServUtils' config on the host, which the
    // launcher reads — is known over SSH: the IOC answers.
    const QString socket = m_hosts.runtimeDir(0) + QStringLiteral("/procserv-") + name
            + QStringLiteral("/control");
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(socket), 30000);
    QCOMPARE(psObject(name).value(QStringLiteral("console")).toString(),
             QStringLiteral("unix:") + socket);
    const Run dbl =
            iocctl({ QStringLiteral("exec"), name, QStringLiteral("--"), QStringLiteral("dbl") });
    QVERIFY2(dbl.code == 0 && dbl.out.contains(name + QStringLiteral(":ai1")),
             qPrintable(dbl.describe()));
    const Run stop = iocctl({ QStringLiteral("stop"), name });
    QVERIFY2(stop.code == 0, qPrintable(stop.describe()));

    const Run rm = iocctl({ QStringLiteral("rm"), name });
    QVERIFY2(rm.code == 0, qPrintable(rm.describe()));
    QVERIFY2(rm.out.contains(name + QStringLiteral(": removed")), qPrintable(rm.describe()));
    QVERIFY2(rm.out.contains(name + QStringLiteral(": kept ") + m_workDir),
             qPrintable(rm.describe()));
    // manage-procs remove leaves the procServ.d folder it made, as the local create does.
    QVERIFY(QDir().rmdir(confDir));
    const QString diff = compare(before, snapshot());
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QTRY_VERIFY_WITH_TIMEOUT(psObject(name).isEmpty(), 30000);
}

void TestIocctlRemoteCreate::dryRunChangesNothing()
{
    const QMap<QString, QString> before = snapshot();
    const QString name = QStringLiteral("rcreate-dry");
    const Run dry = iocctl({ QStringLiteral("create"), QStringLiteral("--convention"),
                             QStringLiteral("generic"), QStringLiteral("--chdir"), m_workDir,
                             QStringLiteral("--dry-run"), name, QStringLiteral("--"),
                             Sandbox::iocsimPath(), QStringLiteral("--name"), name });
    QVERIFY2(dry.code == 0, qPrintable(dry.describe()));
    // The remote layout: the unit goes into the remote account's $XDG_CONFIG_HOME.
    const QString unitPath =
            m_hosts.sandboxDir(0) + QStringLiteral("/config/systemd/user/ioc-rcreate-dry.service");
    QVERIFY2(dry.out.contains(QStringLiteral("write ") + unitPath), qPrintable(dry.describe()));
    QVERIFY2(dry.out.contains(QStringLiteral("systemctl --user daemon-reload")),
             qPrintable(dry.describe()));
    QCOMPARE(compare(before, snapshot()), QString());
    QVERIFY(psObject(name).isEmpty());
}

void TestIocctlRemoteCreate::missingCommandIsRefused()
{
    const QMap<QString, QString> before = snapshot();
    const QString missing = m_workDir + QStringLiteral("/no-such-ioc");
    const Run run = iocctl({ QStringLiteral("create"), QStringLiteral("--convention"),
                             QStringLiteral("generic"), QStringLiteral("--chdir"), m_workDir,
                             QStringLiteral("rcreate-missing"), QStringLiteral("--"), missing });
    QCOMPARE(run.code, 2);
    QVERIFY2(run.err.contains(QStringLiteral("The command %1 does not exist.").arg(missing)),
             qPrintable(run.describe()));
    // A program on the remote host that not everyone may execute: procServ would refuse it.
    const QString own = m_workDir + QStringLiteral("/own-ioc");
    QFile file(own);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh\nexit 0\n");
    file.close();
    QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const QMap<QString, QString> withScript = snapshot();
    const Run notAll = iocctl({ QStringLiteral("create"), QStringLiteral("--convention"),
                                QStringLiteral("generic"), QStringLiteral("--chdir"), m_workDir,
                                QStringLiteral("rcreate-own"), QStringLiteral("--"), own });
    QCOMPARE(notAll.code, 2);
    QVERIFY2(notAll.err.contains(QStringLiteral("'chmod a+x'")), qPrintable(notAll.describe()));
    QCOMPARE(compare(withScript, snapshot()), QString());
    QVERIFY(QFile::remove(own));
    QCOMPARE(compare(before, snapshot()), QString());
}

void TestIocctlRemoteCreate::clashWithARemoteFileIsRefused()
{
    // A unit file on the remote host that systemd has not loaded: only the remote file system
    // knows it. (Missing write permission cannot be shown here: the tests run as root, and
    // root may write anywhere; tst_iocwriter covers that refusal.)
    const QString unitFile = m_hosts.sandboxDir(0)
            + QStringLiteral("/config/systemd/user/ioc-rcreate-clash.service");
    QFile file(unitFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# not loaded\n");
    file.close();
    const QMap<QString, QString> before = snapshot();
    const Run run = iocctl({ QStringLiteral("create"), QStringLiteral("--convention"),
                             QStringLiteral("generic"), QStringLiteral("--chdir"), m_workDir,
                             QStringLiteral("rcreate-clash"), QStringLiteral("--"),
                             Sandbox::iocsimPath() });
    const QMap<QString, QString> after = snapshot();
    QVERIFY(QFile::remove(unitFile));
    QCOMPARE(run.code, 2);
    QVERIFY2(run.err.contains(QStringLiteral("The unit ioc-rcreate-clash.service already exists "
                                             "(%1).")
                                      .arg(unitFile)),
             qPrintable(run.describe()));
    QCOMPARE(compare(before, after), QString());
}

void TestIocctlRemoteCreate::manageIocsRoundTripAndRename()
{
    // NSLS-II manage-iocs on the remote host: its BASE/NAME/config in the remote account's
    // search path and its unit; then its rename, which only manage-iocs has.
    const QString oldName = QStringLiteral("rcreate-mold");
    const QString newName = QStringLiteral("rcreate-mnew");
    const QString unitDir = m_hosts.sandboxDir(0) + QStringLiteral("/config/systemd/user/");
    QVERIFY(QDir().mkpath(iocBase()));
    const QMap<QString, QString> before = snapshot();
    const Run create = iocctl({ QStringLiteral("create"), QStringLiteral("--convention"),
                                QStringLiteral("manage-iocs"), QStringLiteral("--chdir"), m_workDir,
                                QStringLiteral("--enable"), QStringLiteral("--start"), oldName,
                                QStringLiteral("--"), Sandbox::iocsimPath(),
                                QStringLiteral("--name"), oldName });
    QVERIFY2(create.code == 0, qPrintable(create.describe()));
    const QString oldConfig = iocBase() + QLatin1Char('/') + oldName + QStringLiteral("/config");
    QVERIFY2(QFileInfo::exists(oldConfig), qPrintable(create.describe()));
    QVERIFY2(QFileInfo::exists(unitDir + QStringLiteral("softioc-rcreate-mold.service")),
             qPrintable(create.describe()));
    QJsonObject row = psObject(oldName);
    QVERIFY2(!row.isEmpty(), "ps -H does not list the new IOC");
    QCOMPARE(row.value(QStringLiteral("convention")).toString(), QStringLiteral("manage-iocs"));
    const QString console = row.value(QStringLiteral("console")).toString();
    QVERIFY2(console.startsWith(QLatin1String("tcp:127.0.0.1:")), qPrintable(console));
    QCOMPARE(m_hosts.unitProperty(0, QStringLiteral("softioc-rcreate-mold.service"),
                                  QStringLiteral("ActiveState")),
             QStringLiteral("active"));

    // The dry run names the move on the remote host and changes nothing.
    const QMap<QString, QString> created = snapshot();
    const Run dry =
            iocctl({ QStringLiteral("rename"), QStringLiteral("--dry-run"), oldName, newName });
    QVERIFY2(dry.code == 0, qPrintable(dry.describe()));
    QVERIFY2(dry.out.contains(
                     QStringLiteral("move %1/%2 to %1/%3").arg(iocBase(), oldName, newName)),
             qPrintable(dry.describe()));
    QCOMPARE(compare(created, snapshot()), QString());

    const Run rename = iocctl({ QStringLiteral("rename"), oldName, newName });
    QVERIFY2(rename.code == 0, qPrintable(rename.describe()));
    QTRY_VERIFY_WITH_TIMEOUT(psObject(oldName).isEmpty(), 30000);
    row = psObject(newName);
    QVERIFY2(!row.isEmpty(), "ps -H does not list the renamed IOC");
    QCOMPARE(row.value(QStringLiteral("convention")).toString(), QStringLiteral("manage-iocs"));
    QCOMPARE(row.value(QStringLiteral("unit")).toString(),
             QStringLiteral("softioc-rcreate-mnew.service"));
    QCOMPARE(row.value(QStringLiteral("console")).toString(), console);
    QCOMPARE(row.value(QStringLiteral("enabled")).toBool(), true);
    // The old files are gone; the config names the new IOC.
    QVERIFY(!QFileInfo::exists(iocBase() + QLatin1Char('/') + oldName));
    QVERIFY(!QFileInfo::exists(unitDir + QStringLiteral("softioc-rcreate-mold.service")));
    QVERIFY(QFileInfo::exists(unitDir + QStringLiteral("softioc-rcreate-mnew.service")));
    QFile config(iocBase() + QLatin1Char('/') + newName + QStringLiteral("/config"));
    QVERIFY(config.open(QIODevice::ReadOnly));
    QVERIFY(config.readAll().startsWith(QByteArray("NAME=" + newName.toUtf8() + '\n')));
    config.close();
    // It was running, so it runs again under its new unit and answers.
    const Run exec =
            iocctl({ QStringLiteral("exec"), QStringLiteral("--timeout"), QStringLiteral("30"),
                     newName, QStringLiteral("--"), QStringLiteral("dbl") });
    QVERIFY2(exec.code == 0, qPrintable(exec.describe()));
    QVERIFY2(exec.out.contains(oldName + QStringLiteral(":ai1")), qPrintable(exec.describe()));

    // rm refuses the running IOC (with the CLI's hint), then --force stops it first.
    const Run refused = iocctl({ QStringLiteral("rm"), newName });
    QCOMPARE(refused.code, 2);
    QVERIFY2(refused.err.contains(QLatin1String("is running")), qPrintable(refused.describe()));
    QVERIFY2(refused.err.contains(QLatin1String("--force")), qPrintable(refused.describe()));
    const Run rm = iocctl({ QStringLiteral("rm"), QStringLiteral("--force"), newName });
    QVERIFY2(rm.code == 0, qPrintable(rm.describe()));
    QVERIFY2(rm.out.contains(newName + QStringLiteral(": kept ") + iocBase() + QLatin1Char('/')
                             + newName),
             qPrintable(rm.describe()));
    // manage-iocs' uninstall keeps the IOC's folder and config: all that is left.
    QCOMPARE(compare(before, snapshot()),
             QStringLiteral("left behind: %1/%2\nleft behind: %1/%2/config")
                     .arg(iocBase(), newName));
    QVERIFY(config.remove());
    QVERIFY(QDir(iocBase()).rmdir(newName));
    QCOMPARE(compare(before, snapshot()), QString());
    QTRY_VERIFY_WITH_TIMEOUT(psObject(newName).isEmpty(), 30000);
}

void TestIocctlRemoteCreate::iocRunnerRoundTrip()
{
    const QString name = QStringLiteral("rcreate-ir");
    const QString unit = QStringLiteral("epics-@rcreate-ir.service");
    const QString templateFile =
            m_hosts.sandboxDir(0) + QStringLiteral("/config/systemd/user/epics-@.service");
    QVERIFY2(!QFileInfo::exists(templateFile), "the template exists before the test");
    // ioc-runner starts one program without arguments: a start script, as st.cmd is.
    const QString script = m_workDir + QLatin1Char('/') + name + QStringLiteral(".cmd");
    QFile file(script);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("#!/bin/sh\nexec '" + Sandbox::iocsimPath().toUtf8() + "' --name '"
                          + name.toUtf8() + "'\n"));
    file.close();
    QVERIFY(file.setPermissions(file.permissions() | QFile::ExeOwner | QFile::ExeGroup
                                | QFile::ExeOther));
    const QMap<QString, QString> before = snapshot();
    // An instance of a template is known to systemd (and listed) once enabled.
    const Run create =
            iocctl({ QStringLiteral("create"), QStringLiteral("--convention"),
                     QStringLiteral("ioc-runner"), QStringLiteral("--enable"),
                     QStringLiteral("--chdir"), m_workDir, name, QStringLiteral("--"), script });
    QVERIFY2(create.code == 0, qPrintable(create.describe()));
    QVERIFY2(QFileInfo::exists(m_hosts.sandboxDir(0) + QStringLiteral("/config/procServ.d/") + name
                               + QStringLiteral(".conf")),
             qPrintable(create.describe()));
    QVERIFY2(QFileInfo::exists(templateFile), qPrintable(create.describe()));
    const QJsonObject row = psObject(name);
    QVERIFY2(!row.isEmpty(), "ps -H does not list the new IOC");
    QCOMPARE(row.value(QStringLiteral("convention")).toString(), QStringLiteral("ioc-runner"));
    QCOMPARE(row.value(QStringLiteral("unit")).toString(), unit);

    const Run start = iocctl({ QStringLiteral("start"), name });
    QVERIFY2(start.code == 0, qPrintable(start.describe()));
    QCOMPARE(m_hosts.unitProperty(0, unit, QStringLiteral("ActiveState")),
             QStringLiteral("active"));
    const Run stop = iocctl({ QStringLiteral("stop"), name });
    QVERIFY2(stop.code == 0, qPrintable(stop.describe()));
    const Run rm = iocctl({ QStringLiteral("rm"), name });
    QVERIFY2(rm.code == 0, qPrintable(rm.describe()));
    QVERIFY2(rm.out.contains(name + QStringLiteral(": removed")), qPrintable(rm.describe()));
    // ioc-runner's remove leaves its template, which every IOC of the manager shares, and the
    // procServ.d folder create made (as the local create does).
    const QString confDir = m_hosts.sandboxDir(0) + QStringLiteral("/config/procServ.d");
    const QString left = compare(before, snapshot());
    QVERIFY2(left == QStringLiteral("left behind: %1\nleft behind: %2").arg(confDir, templateFile),
             qPrintable(left));
    QVERIFY(m_hosts.removeUnit(0, QStringLiteral("epics-@.service")));
    QVERIFY(QDir().rmdir(confDir));
    const QString diff = compare(before, snapshot());
    QVERIFY2(diff.isEmpty(), qPrintable(diff));
    QVERIFY(QFile::remove(script));
    QTRY_VERIFY_WITH_TIMEOUT(psObject(name).isEmpty(), 30000);
}

void TestIocctlRemoteCreate::renameElsewhereSaysWhy()
{
    const QString name = QStringLiteral("rcreate-norename");
    const Run create = iocctl({ QStringLiteral("create"), QStringLiteral("--convention"),
                                QStringLiteral("generic"), QStringLiteral("--chdir"), m_workDir,
                                name, QStringLiteral("--"), Sandbox::iocsimPath() });
    QVERIFY2(create.code == 0, qPrintable(create.describe()));
    const QMap<QString, QString> before = snapshot();
    const Run run = iocctl({ QStringLiteral("rename"), name, QStringLiteral("rcreate-renamed") });
    QCOMPARE(run.code, 2);
    QVERIFY2(run.err.contains(QLatin1String("only NSLS-II manage-iocs has a rename")),
             qPrintable(run.describe()));
    QCOMPARE(compare(before, snapshot()), QString());
    const Run rm = iocctl({ QStringLiteral("rm"), name });
    QVERIFY2(rm.code == 0, qPrintable(rm.describe()));
}

QTEST_GUILESS_MAIN(TestIocctlRemoteCreate)
#include "tst_iocctlremotecreate.moc"
