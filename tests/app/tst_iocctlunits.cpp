// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "tests/common/sandbox.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

/// Every installed IOC, loaded or not (issue 11): 200 procServ units whose names fit no
/// convention, 20 of them started, against the real `iocctl`, the sandbox's systemd --user,
/// procServ and iocsim. Also what broken unit files look like.
class TestIocctlUnits : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void psListsEveryInstalledIoc();
    void startUnloadedByName();
    void consoleOfStoppedIocSaysNotRunning();
    void refusedUnitFileShown();
    void runningIocWithBrokenFileKeepsConsole();
    void disableStaticUnitRefused();
    void oneConventionInEveryView();
    void enabledInstanceOfATemplate();

private:
    struct Run
    {
        int code = -1;
        QString out;
        QString err;
        qint64 ms = 0;
        QString describe() const
        {
            return QStringLiteral("exit code %1\n--- stdout:\n%2--- stderr:\n%3")
                    .arg(QString::number(code), out, err);
        }
    };
    Run iocctl(const QStringList &args, int timeoutMs = 120000);
    /// `ps -a --format json` of the units named beamline-x-*.
    QJsonArray psAll(Run *run = nullptr);
    static QJsonObject byName(const QJsonArray &array, const QString &name);
    static QString unitName(int i)
    {
        return QStringLiteral("beamline-x-%1.service").arg(i, 3, 10, QLatin1Char('0'));
    }
    static QString iocName(int i)
    {
        return QStringLiteral("beamline-x-%1").arg(i, 3, 10, QLatin1Char('0'));
    }
    QString socketOf(int i) const
    {
        return m_sandbox.runtimeDir() + QStringLiteral("/%1.sock").arg(iocName(i));
    }
    bool writeUnit(const QString &name, const QString &text);
    bool loaded(const QString &unit);

    Sandbox m_sandbox;
    QStringList m_units;
};

static const int kUnits = 200;
static const int kStarted = 20;

bool TestIocctlUnits::writeUnit(const QString &name, const QString &text)
{
    QFile file(m_sandbox.unitDir() + QLatin1Char('/') + name);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const QByteArray data = text.toUtf8();
    return file.write(data) == data.size();
}

bool TestIocctlUnits::loaded(const QString &unit)
{
    QByteArray out;
    m_sandbox.systemctl({ QStringLiteral("list-units"), QStringLiteral("--all"),
                          QStringLiteral("--plain"), QStringLiteral("--no-legend"), unit },
                        &out);
    return out.contains(unit.toUtf8());
}

void TestIocctlUnits::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    QVERIFY(QFileInfo(Sandbox::binPath(QStringLiteral("iocctl"))).isExecutable());
    QVERIFY2(QFileInfo(QStringLiteral("/usr/bin/procServ")).isExecutable(),
             "procServ is not installed (Debian package procserv)");
    QVERIFY(QDir().mkpath(m_sandbox.unitDir()));
    // Names that fit no convention and no pattern; console on a UNIX socket in %t. No
    // [Install] section: static.
    for (int i = 0; i < kUnits; ++i) {
        const QString unit = unitName(i);
        QVERIFY(writeUnit(unit,
                          Sandbox::procServUnit(iocName(i),
                                                { QStringLiteral("-P"),
                                                  QStringLiteral("unix:%t/") + iocName(i)
                                                          + QStringLiteral(".sock") })));
        m_units << unit;
    }
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("daemon-reload") }));
    QStringList first;
    for (int i = 0; i < kStarted; ++i)
        first << unitName(i);
    QVERIFY(m_sandbox.systemctl(QStringList{ QStringLiteral("start") } + first));
    for (int i = 0; i < kStarted; ++i)
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(socketOf(i)), 30000);
    // The other 180 are installed and not loaded.
    QVERIFY(!loaded(unitName(150)));
    QVERIFY(!loaded(unitName(199)));
}

void TestIocctlUnits::cleanupTestCase()
{
    QStringList loadedUnits;
    for (const QString &unit : std::as_const(m_units))
        loadedUnits << unit;
    m_sandbox.systemctl(QStringList{ QStringLiteral("stop") } + loadedUnits);
    for (const QString &unit : std::as_const(m_units))
        QFile::remove(m_sandbox.unitDir() + QLatin1Char('/') + unit);
    m_sandbox.systemctl({ QStringLiteral("daemon-reload") });
}

TestIocctlUnits::Run TestIocctlUnits::iocctl(const QStringList &args, int timeoutMs)
{
    QProcess process;
    process.setProgram(Sandbox::binPath(QStringLiteral("iocctl")));
    process.setArguments(QStringList{ QStringLiteral("--user") } + args);
    QElapsedTimer timer;
    timer.start();
    process.start();
    Run run;
    if (!process.waitForStarted(10000) || !process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        run.err = QStringLiteral("iocctl did not finish: ") + args.join(QLatin1Char(' '));
        return run;
    }
    run.ms = timer.elapsed();
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QJsonArray TestIocctlUnits::psAll(Run *out)
{
    const Run run = iocctl({ QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("--format"),
                             QStringLiteral("json"), QStringLiteral("-f"),
                             QStringLiteral("name=beamline-x-*") });
    if (out)
        *out = run;
    if (run.code != 0)
        return {};
    return QJsonDocument::fromJson(run.out.toUtf8()).array();
}

QJsonObject TestIocctlUnits::byName(const QJsonArray &array, const QString &name)
{
    for (const QJsonValue &value : array) {
        if (value.toObject().value(QStringLiteral("name")).toString() == name)
            return value.toObject();
    }
    return {};
}

void TestIocctlUnits::psListsEveryInstalledIoc()
{
    Run run;
    const QJsonArray all = psAll(&run);
    QVERIFY2(run.code == 0, qPrintable(run.describe()));
    qInfo("iocctl ps -a with %d procServ units (%d loaded): %lld ms", kUnits, kStarted, run.ms);
    QCOMPARE(all.size(), kUnits);
    int running = 0;
    for (const QJsonValue &value : all)
        running += value.toObject().value(QStringLiteral("status")).toString()
                == QLatin1String("running");
    QCOMPARE(running, kStarted);
    // An unloaded one is described from its file: convention, console, static.
    const QJsonObject idle = byName(all, iocName(123));
    QCOMPARE(idle.value(QStringLiteral("unit")).toString(), unitName(123));
    QCOMPARE(idle.value(QStringLiteral("convention")).toString(), QStringLiteral("generic"));
    QCOMPARE(idle.value(QStringLiteral("console")).toString(),
             QStringLiteral("unix:") + socketOf(123));
    QCOMPARE(idle.value(QStringLiteral("status")).toString(), QStringLiteral("exited"));
    // Listing read the files; it loaded none of them into systemd.
    QVERIFY(!loaded(unitName(123)));

    // The table says the same.
    const Run table = iocctl({ QStringLiteral("ps"), QStringLiteral("-a") });
    QVERIFY2(table.code == 0, qPrintable(table.describe()));
    for (int i : { 0, 19, 20, 150, 199 })
        QVERIFY2(table.out.contains(iocName(i) + QLatin1Char(' ')), qPrintable(table.out));
}

void TestIocctlUnits::startUnloadedByName()
{
    const int i = 150;
    QVERIFY(!loaded(unitName(i)));
    const Run start = iocctl({ QStringLiteral("start"), iocName(i) });
    QVERIFY2(start.code == 0, qPrintable(start.describe()));
    QCOMPARE(start.out, iocName(i) + QStringLiteral(": started\n"));
    QCOMPARE(m_sandbox.unitProperty(unitName(i), QStringLiteral("ActiveState")),
             QStringLiteral("active"));
    QTRY_COMPARE_WITH_TIMEOUT(
            byName(psAll(), iocName(i)).value(QStringLiteral("status")).toString(),
            QStringLiteral("running"), 30000);
}

void TestIocctlUnits::consoleOfStoppedIocSaysNotRunning()
{
    const int i = 151;
    QVERIFY(!loaded(unitName(i)));
    for (const QString &command : { QStringLiteral("exec"), QStringLiteral("attach") }) {
        const QStringList args = command == QLatin1String("exec")
                ? QStringList{ command, iocName(i), QStringLiteral("help") }
                : QStringList{ command, iocName(i) };
        const Run run = iocctl(args);
        QVERIFY2(run.code == 1, qPrintable(run.describe()));
        QVERIFY2(run.err.contains(
                         QStringLiteral("%1 is not running (start it with: iocctl start %1)")
                                 .arg(iocName(i))),
                 qPrintable(run.describe()));
    }
    // A name that is not installed at all is still "no such IOC".
    const Run none = iocctl(
            { QStringLiteral("exec"), QStringLiteral("beamline-y-000"), QStringLiteral("help") });
    QVERIFY2(none.code == 3, qPrintable(none.describe()));
}

void TestIocctlUnits::refusedUnitFileShown()
{
    // systemd refuses Restart=always for a oneshot service (bad-setting); it is still an
    // installed IOC, shown as refused with systemd's reason.
    const QString unit = QStringLiteral("beamline-x-bad.service");
    QVERIFY(writeUnit(unit,
                      QStringLiteral("[Unit]\nDescription=refused test IOC\n[Service]\n"
                                     "Type=oneshot\nRestart=always\n"
                                     "ExecStart=/usr/bin/procServ -f -P unix:%t/bad.sock "
                                     "/bin/true\n")));
    m_units << unit;
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("daemon-reload") }));
    QTRY_VERIFY_WITH_TIMEOUT(!loaded(unit), 15000);

    Run run;
    const QJsonObject bad = byName(psAll(&run), QStringLiteral("beamline-x-bad"));
    QVERIFY2(!bad.isEmpty(), qPrintable(run.describe()));
    QCOMPARE(bad.value(QStringLiteral("loadState")).toString(), QStringLiteral("bad-setting"));
    QVERIFY2(run.err.contains(unit) && run.err.contains(QLatin1String("bad-setting")),
             qPrintable(run.err));
    // inspect gives systemd's reason.
    const Run inspect = iocctl({ QStringLiteral("inspect"), QStringLiteral("beamline-x-bad") });
    const QJsonArray inspected = QJsonDocument::fromJson(inspect.out.toUtf8()).array();
    QVERIFY2(!inspected.isEmpty(), qPrintable(inspect.describe()));
    const QJsonObject details = inspected.first().toObject();
    QVERIFY2(details.value(QStringLiteral("configError"))
                     .toString()
                     .contains(QLatin1String("bad-setting")),
             qPrintable(inspect.describe()));
    // The table: a status that says so, and a warning naming the file and the reason.
    const Run table = iocctl({ QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("-f"),
                               QStringLiteral("name=beamline-x-bad") });
    QVERIFY2(table.code == 0, qPrintable(table.describe()));
    QVERIFY2(table.out.contains(QLatin1String("Unit file error")), qPrintable(table.describe()));
    QVERIFY2(table.err.contains(unit) && table.err.contains(QLatin1String("warning")),
             qPrintable(table.describe()));
}

void TestIocctlUnits::runningIocWithBrokenFileKeepsConsole()
{
    // 1: refused by systemd after the rewrite; 2: rewritten into something that is no
    // procServ at all. Both procServs keep running.
    QVERIFY(writeUnit(unitName(1),
                      QStringLiteral("[Service]\nType=oneshot\nRestart=always\n"
                                     "ExecStart=/usr/bin/procServ -f -P "
                                     "unix:%t/x.sock /bin/true\n")));
    QVERIFY(writeUnit(unitName(2), QStringLiteral("[Service]\nExecStart=/bin/sleep 1000\n")));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("daemon-reload") }));
    QCOMPARE(m_sandbox.unitProperty(unitName(1), QStringLiteral("LoadState")),
             QStringLiteral("bad-setting"));

    Run run;
    const QJsonArray all = psAll(&run);
    for (int i : { 1, 2 }) {
        const QJsonObject ioc = byName(all, iocName(i));
        QVERIFY2(!ioc.isEmpty(), qPrintable(iocName(i) + QLatin1Char('\n') + run.describe()));
        QVERIFY2(ioc.value(QStringLiteral("status")).toString() == QLatin1String("running"),
                 QJsonDocument(ioc).toJson().constData());
        QVERIFY2(ioc.value(QStringLiteral("console")).toString()
                         == QStringLiteral("unix:") + socketOf(i),
                 QJsonDocument(ioc).toJson().constData());
        // The console still works.
        const Run exec = iocctl({ QStringLiteral("exec"), iocName(i), QStringLiteral("help") });
        QVERIFY2(exec.code == 0, qPrintable(exec.describe()));
        QVERIFY2(exec.out.contains(QLatin1String("dbl")), qPrintable(exec.describe()));
    }
    // Put the files back for the other tests.
    for (int i : { 1, 2 }) {
        QVERIFY(writeUnit(unitName(i),
                          Sandbox::procServUnit(iocName(i),
                                                { QStringLiteral("-P"),
                                                  QStringLiteral("unix:%t/") + iocName(i)
                                                          + QStringLiteral(".sock") })));
    }
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("daemon-reload") }));
}

void TestIocctlUnits::disableStaticUnitRefused()
{
    QCOMPARE(m_sandbox.unitProperty(unitName(3), QStringLiteral("UnitFileState")),
             QStringLiteral("static"));
    const Run run = iocctl({ QStringLiteral("disable"), iocName(3) });
    QVERIFY2(run.code == 1, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(
                     QStringLiteral(
                             "%1 cannot be disabled: its unit has no [Install] section (static)")
                             .arg(iocName(3))),
             qPrintable(run.describe()));
    QVERIFY2(!run.out.contains(QLatin1String("disabled")), qPrintable(run.describe()));
}

void TestIocctlUnits::oneConventionInEveryView()
{
    // softioc-NAME is NSLS-II's and FRIB's; FRIB's EnvironmentFile /etc/iocs/NAME/config
    // decides, from the file (unloaded) or from systemd (loaded), in ps and in inspect alike.
    const QString unit = QStringLiteral("softioc-unitsfrib.service");
    QVERIFY(writeUnit(unit,
                      Sandbox::procServUnit(
                              QStringLiteral("unitsfrib"),
                              { QStringLiteral("-P"), QStringLiteral("unix:%t/unitsfrib.sock") },
                              {},
                              { QStringLiteral("EnvironmentFile=-/etc/iocs/unitsfrib/config") })));
    m_units << unit;
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("daemon-reload") }));
    auto conventions = [this]() -> QString {
        const Run ps =
                iocctl({ QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("--format"),
                         QStringLiteral("{{.Name}} {{.Convention}}"), QStringLiteral("-f"),
                         QStringLiteral("name=unitsfrib") });
        const Run inspect = iocctl({ QStringLiteral("inspect"), QStringLiteral("unitsfrib") });
        const QJsonArray array = QJsonDocument::fromJson(inspect.out.toUtf8()).array();
        if (array.isEmpty())
            return ps.out.trimmed() + QStringLiteral("| inspect: ") + inspect.describe();
        return ps.out.trimmed() + QLatin1Char('|')
                + array.first().toObject().value(QStringLiteral("convention")).toString();
    };
    QVERIFY(!loaded(unit));
    QCOMPARE(conventions(), QStringLiteral("unitsfrib frib|frib"));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unit }));
    QCOMPARE(conventions(), QStringLiteral("unitsfrib frib|frib"));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("stop"), unit }));
}

void TestIocctlUnits::enabledInstanceOfATemplate()
{
    // An instance has no file of its own: the link that enables it, and its template's file.
    const QString templ = QStringLiteral("beamtpl@.service");
    const QString instance = QStringLiteral("beamtpl@7.service");
    QVERIFY(writeUnit(templ,
                      Sandbox::procServUnit(
                              QStringLiteral("beamtpl-%i"),
                              { QStringLiteral("-P"), QStringLiteral("unix:%t/beamtpl-%i.sock") },
                              {},
                              { QStringLiteral("[Install]"),
                                QStringLiteral("WantedBy=beamtest-never.target") })));
    // Wanted by a target nothing loads: the instance is enabled and stays unloaded.
    m_units << templ << instance;
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("daemon-reload") }));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("enable"), instance }));
    QTRY_VERIFY_WITH_TIMEOUT(!loaded(instance), 15000);

    const Run ps = iocctl({ QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("--format"),
                            QStringLiteral("{{.Unit}} {{.Status}} {{.Console}}"),
                            QStringLiteral("-f"), QStringLiteral("unit=beamtpl*") });
    QVERIFY2(ps.code == 0, qPrintable(ps.describe()));
    QCOMPARE(ps.out.trimmed(),
             QStringLiteral("%1 Exited unix:%2/beamtpl-7.sock")
                     .arg(instance, m_sandbox.runtimeDir()));

    const Run start = iocctl({ QStringLiteral("start"), QStringLiteral("beamtpl@7") });
    QVERIFY2(start.code == 0, qPrintable(start.describe()));
    QCOMPARE(m_sandbox.unitProperty(instance, QStringLiteral("ActiveState")),
             QStringLiteral("active"));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("stop"), instance }));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("disable"), instance }));
}

QTEST_GUILESS_MAIN(TestIocctlUnits)
#include "tst_iocctlunits.moc"
