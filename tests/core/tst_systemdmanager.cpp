// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// SystemdManager against the real systemd --user of tools/sandbox.

#include "core/systemd/systemdmanager.h"
#include "tests/common/sandbox.h"

#include <QDBusConnection>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {

const QString prefix = QStringLiteral("tst-systemdmanager-");
constexpr int timeoutMs = 20000;

QString unitName(const QString &suffix)
{
    return prefix + suffix + QStringLiteral(".service");
}

} // namespace

class TestSystemdManager : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void listUnitsByPatterns();
    void listUnitFilesIncludesNotLoaded();
    void detailsOfProcServUnit();
    void startStopRestart();
    void failingStartReportsFailed();
    void repeatedQuickJobsAllComplete();
    void enableDisable();
    void enableWithoutInstallSection();
    void unknownUnit();
    void unitProcessesListsProcServAndChild();
    void unitStatsReportsEachPath();
    void unitNewAndRemovedOnReload();
    void watchedPathsFilterPropertiesChanged();
    void signalsFromOthersAreIgnored();
    void deadContextGetsNoCallback();
    void bogusBusAddress();
    void timingOfManyUnits();

private:
    QString unitDir() const;
    void writeUnit(const QString &name, const QString &content);
    void removeUnit(const QString &name);
    void wantFromDefaultTarget(const QString &name);
    void reload();
    JobResult runAndWait(UnitAction action, const QString &name);
    UnitDetails detailsOf(const QString &name);
    QString loadUnit(const QString &name);
    QString procServUnit(const QString &name) const;

    Sandbox m_sandbox;
    std::unique_ptr<SystemdManager> m_manager;
    QString m_iocsim;
    QStringList m_written;
};

QString TestSystemdManager::unitDir() const
{
    return m_sandbox.unitDir();
}

void TestSystemdManager::writeUnit(const QString &name, const QString &content)
{
    QFile file(unitDir() + QLatin1Char('/') + name);
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(file.errorString()));
    file.write(content.toUtf8());
    if (!m_written.contains(name))
        m_written.append(name);
}

void TestSystemdManager::removeUnit(const QString &name)
{
    QFile::remove(unitDir() + QLatin1Char('/') + name);
    QFile::remove(unitDir() + QStringLiteral("/default.target.wants/") + name);
}

// Like `systemctl enable` without asking systemd: a unit that something wants stays loaded while
// inactive (unreferenced inactive units are unloaded at once).
void TestSystemdManager::wantFromDefaultTarget(const QString &name)
{
    const QString wants = unitDir() + QStringLiteral("/default.target.wants");
    QVERIFY(QDir().mkpath(wants));
    QFile::remove(wants + QLatin1Char('/') + name);
    QVERIFY(QFile::link(unitDir() + QLatin1Char('/') + name, wants + QLatin1Char('/') + name));
}

void TestSystemdManager::reload()
{
    bool finished = false;
    QString error;
    m_manager->reload(this, [&](const QString &e) {
        error = e;
        finished = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(finished, timeoutMs);
    QCOMPARE(error, QString());
}

JobResult TestSystemdManager::runAndWait(UnitAction action, const QString &name)
{
    JobResult result;
    bool finished = false;
    m_manager->run(action, name, this, [&](const JobResult &r) {
        result = r;
        finished = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(finished, timeoutMs); }();
    if (!finished)
        result.result = QStringLiteral("test: no answer");
    return result;
}

QString TestSystemdManager::loadUnit(const QString &name)
{
    QString path;
    QString error = QStringLiteral("no answer");
    m_manager->loadUnit(name, this, [&](const QString &p, const QString &e) {
        path = p;
        error = e;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(error != QLatin1String("no answer"), timeoutMs); }();
    return path;
}

UnitDetails TestSystemdManager::detailsOf(const QString &name)
{
    const QString path = loadUnit(name);
    UnitDetails details;
    bool finished = false;
    m_manager->unitDetails(path, this, [&](const UnitDetails &d) {
        details = d;
        finished = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(finished, timeoutMs); }();
    return details;
}

QString TestSystemdManager::procServUnit(const QString &name) const
{
    // procServ in the foreground with a UNIX console socket, running iocsim as the IOC.
    return Sandbox::procServUnit(
                   name,
                   { QStringLiteral("--quiet"), QStringLiteral("--name"), name,
                     QStringLiteral("--port"),
                     QStringLiteral("unix:%t/") + name + QStringLiteral(".sock"),
                     QStringLiteral("--holdoff"), QStringLiteral("1") },
                   {},
                   { QStringLiteral("Environment=IOCNAME=%1 EPICS_CA_AUTO_ADDR_LIST=NO")
                             .arg(name) })
            + QStringLiteral("[Install]\nWantedBy=default.target\n");
}

void TestSystemdManager::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("IOCDOCK_SANDBOX"))
        QFAIL("IOCDOCK_SANDBOX is not set: run this test inside tools/sandbox (ctest -L sandbox "
              "does that)");
    m_iocsim = qEnvironmentVariable("IOCDOCK_BIN_DIR") + QStringLiteral("/iocsim");
    QVERIFY2(QFile::exists(m_iocsim),
             qPrintable(QStringLiteral("iocsim not found at ") + m_iocsim));
    QVERIFY(QDir().mkpath(unitDir()));
    QDBusConnection bus = QDBusConnection::sessionBus();
    QVERIFY2(bus.isConnected(), qPrintable(bus.lastError().message()));
    m_manager = std::make_unique<SystemdManager>(bus);
    m_manager->subscribe();
}

void TestSystemdManager::cleanupTestCase()
{
    if (!m_manager)
        return;
    for (const QString &name : std::as_const(m_written)) {
        bool finished = false;
        m_manager->run(UnitAction::Stop, name, this, [&](const JobResult &) { finished = true; });
        QTRY_VERIFY_WITH_TIMEOUT(finished, timeoutMs);
        removeUnit(name);
    }
    reload();
}

void TestSystemdManager::listUnitsByPatterns()
{
    const QString a = unitName(QStringLiteral("list-a"));
    const QString b = unitName(QStringLiteral("list-b"));
    writeUnit(a,
              QStringLiteral(
                      "[Unit]\nDescription=list a\n[Service]\nExecStart=/bin/sleep infinity\n"));
    writeUnit(b,
              QStringLiteral(
                      "[Unit]\nDescription=list b\n[Service]\nExecStart=/bin/sleep infinity\n"));
    wantFromDefaultTarget(b); // loaded, inactive
    reload();
    QCOMPARE(runAndWait(UnitAction::Start, a).result, QStringLiteral("done"));

    QList<UnitInfo> units;
    QString error = QStringLiteral("no answer");
    m_manager->listUnits({ prefix + QStringLiteral("list-*") }, this,
                         [&](const QList<UnitInfo> &u, const QString &e) {
                             units = u;
                             error = e;
                         });
    QTRY_COMPARE_WITH_TIMEOUT(error, QString(), timeoutMs);
    QCOMPARE(units.size(), 2);
    std::sort(units.begin(), units.end(),
              [](const UnitInfo &x, const UnitInfo &y) { return x.name < y.name; });
    QCOMPARE(units.at(0).name, a);
    QCOMPARE(units.at(0).description, QStringLiteral("list a"));
    QCOMPARE(units.at(0).loadState, QStringLiteral("loaded"));
    QCOMPARE(units.at(0).activeState, QStringLiteral("active"));
    QCOMPARE(units.at(0).subState, QStringLiteral("running"));
    QVERIFY(units.at(0).path.path().startsWith(QStringLiteral("/org/freedesktop/systemd1/unit/")));
    QCOMPARE(units.at(0).jobId, 0u);
    QCOMPARE(units.at(0).jobPath.path(), QStringLiteral("/"));
    QCOMPARE(units.at(1).name, b);
    QCOMPARE(units.at(1).activeState, QStringLiteral("inactive"));

    error = QStringLiteral("no answer");
    m_manager->listUnits({ prefix + QStringLiteral("nothing-matches-*") }, this,
                         [&](const QList<UnitInfo> &u, const QString &e) {
                             units = u;
                             error = e;
                         });
    QTRY_COMPARE_WITH_TIMEOUT(error, QString(), timeoutMs);
    QVERIFY(units.isEmpty());

    QCOMPARE(runAndWait(UnitAction::Stop, a).result, QStringLiteral("done"));
}

void TestSystemdManager::listUnitFilesIncludesNotLoaded()
{
    const QString name = unitName(QStringLiteral("files-unloaded"));
    writeUnit(name,
              QStringLiteral("[Service]\nExecStart=/bin/sleep "
                             "infinity\n[Install]\nWantedBy=default.target\n"));
    reload();

    // Not referenced by anything: systemd has not loaded it ...
    QList<UnitInfo> units;
    QString error = QStringLiteral("no answer");
    m_manager->listUnits({ name }, this, [&](const QList<UnitInfo> &u, const QString &e) {
        units = u;
        error = e;
    });
    QTRY_COMPARE_WITH_TIMEOUT(error, QString(), timeoutMs);
    QVERIFY(units.isEmpty());

    // ... but its file is installed.
    QList<UnitFileInfo> files;
    error = QStringLiteral("no answer");
    m_manager->listUnitFiles({ prefix + QStringLiteral("files-*") }, this,
                             [&](const QList<UnitFileInfo> &f, const QString &e) {
                                 files = f;
                                 error = e;
                             });
    QTRY_COMPARE_WITH_TIMEOUT(error, QString(), timeoutMs);
    QCOMPARE(files.size(), 1);
    QCOMPARE(files.at(0).path, unitDir() + QLatin1Char('/') + name);
    QCOMPARE(files.at(0).unitName(), name);
    QCOMPARE(files.at(0).state, QStringLiteral("disabled"));
}

void TestSystemdManager::detailsOfProcServUnit()
{
    const QString name = unitName(QStringLiteral("details"));
    const QString ioc = prefix + QStringLiteral("details");
    writeUnit(name, procServUnit(ioc));
    reload();

    UnitDetails details = detailsOf(name);
    QCOMPARE(details.error, QString());
    QCOMPARE(details.unit.id.value_or(QString()), name);
    QCOMPARE(details.unit.description.value_or(QString()),
             QStringLiteral("iocdock test IOC ") + ioc);
    QCOMPARE(details.unit.loadState.value_or(QString()), QStringLiteral("loaded"));
    QCOMPARE(details.unit.activeState.value_or(QString()), QStringLiteral("inactive"));
    QCOMPARE(details.unit.subState.value_or(QString()), QStringLiteral("dead"));
    QCOMPARE(details.unit.unitFileState.value_or(QString()), QStringLiteral("disabled"));
    QCOMPARE(details.unit.fragmentPath.value_or(QString()), unitDir() + QLatin1Char('/') + name);
    // Never active yet: the timestamp is there and says "never".
    QVERIFY(details.unit.activeEnterTimestamp.has_value());
    QVERIFY(!details.unit.activeEnterTimestamp->isValid());
    // LoadError is a (ss) struct, turned into a typed value: no error for a unit that loaded.
    QVERIFY(details.unit.loadError.has_value());
    QCOMPARE(details.unit.loadError->name, QString());

    QCOMPARE(details.execStart.size(), 1);
    const ExecCommand &exec = details.execStart.at(0);
    QCOMPARE(exec.path, QStringLiteral("/usr/bin/procServ"));
    const QStringList expectedArgv{
        QStringLiteral("/usr/bin/procServ"),
        QStringLiteral("--foreground"),
        QStringLiteral("--quiet"),
        QStringLiteral("--name"),
        ioc,
        QStringLiteral("--port"),
        QStringLiteral("unix:%1/%2.sock").arg(qEnvironmentVariable("XDG_RUNTIME_DIR"), ioc),
        QStringLiteral("--holdoff"),
        QStringLiteral("1"),
        m_iocsim,
        QStringLiteral("--name"),
        ioc
    };
    QCOMPARE(exec.argv, expectedArgv);
    QCOMPARE(exec.pid, 0u);
    QCOMPARE(details.environment,
             (QStringList{ QStringLiteral("IOCNAME=") + ioc,
                           QStringLiteral("EPICS_CA_AUTO_ADDR_LIST=NO") }));
    QCOMPARE(details.service.mainPid.value_or(99), 0u);

    QCOMPARE(runAndWait(UnitAction::Start, name).result, QStringLiteral("done"));
    details = detailsOf(name);
    QCOMPARE(details.error, QString());
    QCOMPARE(details.unit.activeState.value_or(QString()), QStringLiteral("active"));
    const uint mainPid = details.service.mainPid.value_or(0);
    QVERIFY(mainPid > 0);
    QCOMPARE(details.execStart.value(0).pid, mainPid);
    QVERIFY(details.execStart.value(0).startRealtime > 0);
    const QDateTime started = details.service.execMainStartTimestamp.value_or(QDateTime());
    QVERIFY(started.isValid());
    QVERIFY(qAbs(started.secsTo(QDateTime::currentDateTime())) < 60);
    QVERIFY(details.unit.activeEnterTimestamp.value_or(QDateTime()).isValid());
    QCOMPARE(details.service.nRestarts.value_or(99), 0u);
    QCOMPARE(details.service.result.value_or(QString()), QStringLiteral("success"));
    QVERIFY(details.service.workingDirectory.has_value());
    QVERIFY(details.service.user.has_value());
    QVERIFY(details.service.statusText.has_value());

    QCOMPARE(runAndWait(UnitAction::Stop, name).result, QStringLiteral("done"));
}

void TestSystemdManager::startStopRestart()
{
    const QString name = unitName(QStringLiteral("cycle"));
    writeUnit(name, QStringLiteral("[Service]\nExecStart=/bin/sleep infinity\n"));
    reload();
    const QString path = loadUnit(name);
    QVERIFY(!path.isEmpty());

    QSignalSpy changes(m_manager.get(), &SystemdManager::unitPropertiesChanged);
    const auto sawActiveState = [&](const QString &state) {
        for (const QList<QVariant> &args : std::as_const(changes)) {
            if (args.at(0).toString() == path
                && args.at(1).value<UnitPropertiesChange>().unit.activeState == state)
                return true;
        }
        return false;
    };

    JobResult result = runAndWait(UnitAction::Start, name);
    QCOMPARE(result.result, QStringLiteral("done"));
    QVERIFY(result.ok());
    QCOMPARE(result.unit, name);
    QVERIFY(result.action == UnitAction::Start);
    QCOMPARE(result.message, QString());
    QTRY_VERIFY_WITH_TIMEOUT(sawActiveState(QStringLiteral("active")), timeoutMs);
    const uint firstPid = detailsOf(name).service.mainPid.value_or(0);
    QVERIFY(firstPid > 0);

    changes.clear();
    result = runAndWait(UnitAction::Restart, name);
    QCOMPARE(result.result, QStringLiteral("done"));
    QTRY_VERIFY_WITH_TIMEOUT(sawActiveState(QStringLiteral("active")), timeoutMs);
    const uint secondPid = detailsOf(name).service.mainPid.value_or(0);
    QVERIFY(secondPid > 0);
    QVERIFY(secondPid != firstPid);

    changes.clear();
    result = runAndWait(UnitAction::Stop, name);
    QCOMPARE(result.result, QStringLiteral("done"));
    QTRY_VERIFY_WITH_TIMEOUT(sawActiveState(QStringLiteral("inactive")), timeoutMs);
    QCOMPARE(detailsOf(name).unit.activeState.value_or(QString()), QStringLiteral("inactive"));
}

void TestSystemdManager::failingStartReportsFailed()
{
    // Type=simple reports "done" as soon as it forks; Type=exec waits for the exec, so a missing
    // binary fails the job itself.
    const QString name = unitName(QStringLiteral("fails"));
    writeUnit(name,
              QStringLiteral(
                      "[Service]\nType=exec\nExecStart=/nonexistent/tst-systemdmanager-binary\n"));
    reload();
    const JobResult result = runAndWait(UnitAction::Start, name);
    QCOMPARE(result.result, QStringLiteral("failed"));
    QVERIFY(!result.ok());
    QCOMPARE(result.message, SystemdManager::describeJobResult(QStringLiteral("failed")));
    QVERIFY(result.message.contains(QStringLiteral("log")));
    QCOMPARE(detailsOf(name).unit.activeState.value_or(QString()), QStringLiteral("failed"));

    bool finished = false;
    QString error;
    m_manager->run(UnitAction::Stop, name, this, [&](const JobResult &r) {
        finished = true;
        error = r.message;
    });
    QTRY_VERIFY_WITH_TIMEOUT(finished, timeoutMs);
}

void TestSystemdManager::repeatedQuickJobsAllComplete()
{
    // Stopping an inactive unit finishes at once, so JobRemoved may overtake the call's reply.
    const QString name = unitName(QStringLiteral("quick"));
    writeUnit(name, QStringLiteral("[Service]\nExecStart=/bin/sleep infinity\n"));
    reload();
    constexpr int count = 30;
    int finished = 0;
    int done = 0;
    for (int i = 0; i < count; ++i) {
        m_manager->run(UnitAction::Stop, name, this, [&](const JobResult &r) {
            ++finished;
            if (r.result == QLatin1String("done"))
                ++done;
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished, count, timeoutMs);
    QCOMPARE(done, count);
}

void TestSystemdManager::enableDisable()
{
    const QString name = unitName(QStringLiteral("enable"));
    writeUnit(name,
              QStringLiteral("[Service]\nExecStart=/bin/sleep "
                             "infinity\n[Install]\nWantedBy=default.target\n"));
    reload();
    QCOMPARE(detailsOf(name).unit.unitFileState.value_or(QString()), QStringLiteral("disabled"));

    QSignalSpy filesChanged(m_manager.get(), &SystemdManager::unitFilesChanged);
    JobResult result = runAndWait(UnitAction::Enable, name);
    QCOMPARE(result.result, QStringLiteral("done"));
    QVERIFY(result.action == UnitAction::Enable);
    QCOMPARE(detailsOf(name).unit.unitFileState.value_or(QString()), QStringLiteral("enabled"));
    QVERIFY(QFile::exists(unitDir() + QStringLiteral("/default.target.wants/") + name));
    QTRY_VERIFY_WITH_TIMEOUT(!filesChanged.isEmpty(), timeoutMs);

    result = runAndWait(UnitAction::Disable, name);
    QCOMPARE(result.result, QStringLiteral("done"));
    QCOMPARE(detailsOf(name).unit.unitFileState.value_or(QString()), QStringLiteral("disabled"));
    QVERIFY(!QFile::exists(unitDir() + QStringLiteral("/default.target.wants/") + name));
}

void TestSystemdManager::enableWithoutInstallSection()
{
    const QString name = unitName(QStringLiteral("noinstall"));
    writeUnit(name, QStringLiteral("[Service]\nExecStart=/bin/sleep infinity\n"));
    reload();
    const JobResult result = runAndWait(UnitAction::Enable, name);
    QCOMPARE(result.result, QStringLiteral("skipped"));
    QVERIFY(!result.ok());
    QVERIFY(result.message.contains(QStringLiteral("[Install]")));
    QCOMPARE(detailsOf(name).unit.unitFileState.value_or(QString()), QStringLiteral("static"));
}

void TestSystemdManager::unknownUnit()
{
    const QString name = unitName(QStringLiteral("does-not-exist"));
    JobResult result = runAndWait(UnitAction::Start, name);
    QCOMPARE(result.result, QStringLiteral("error"));
    QCOMPARE(result.errorName, QStringLiteral("org.freedesktop.systemd1.NoSuchUnit"));
    QVERIFY2(result.message.startsWith(QStringLiteral("No such unit: ")),
             qPrintable(result.message));
    QVERIFY(result.message.contains(name));

    result = runAndWait(UnitAction::Enable, name);
    QCOMPARE(result.result, QStringLiteral("error"));
    QVERIFY2(result.message.contains(name), qPrintable(result.message));

    QString path;
    QString error;
    bool finished = false;
    m_manager->unit(name, this, [&](const QString &p, const QString &e) {
        path = p;
        error = e;
        finished = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(finished, timeoutMs);
    QVERIFY(path.isEmpty());
    QVERIFY2(error.startsWith(QStringLiteral("No such unit: ")), qPrintable(error));

    // LoadUnit succeeds; the unit says it was not found.
    const UnitDetails details = detailsOf(name);
    QCOMPARE(details.error, QString());
    QCOMPARE(details.unit.loadState.value_or(QString()), QStringLiteral("not-found"));
    QVERIFY(details.unit.loadError.has_value());
    QCOMPARE(details.unit.loadError->name, QStringLiteral("org.freedesktop.systemd1.NoSuchUnit"));
}

void TestSystemdManager::unitProcessesListsProcServAndChild()
{
    const QString name = unitName(QStringLiteral("processes"));
    const QString ioc = prefix + QStringLiteral("processes");
    writeUnit(name, procServUnit(ioc));
    reload();
    QCOMPARE(runAndWait(UnitAction::Start, name).result, QStringLiteral("done"));

    QList<UnitProcess> processes;
    const auto fetch = [&] {
        bool finished = false;
        m_manager->unitProcesses(name, this, [&](const QList<UnitProcess> &p, const QString &e) {
            QCOMPARE(e, QString());
            processes = p;
            finished = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(finished, timeoutMs);
    };
    const auto hasCommand = [&](const QString &needle) {
        for (const UnitProcess &p : std::as_const(processes)) {
            if (p.commandLine.contains(needle))
                return true;
        }
        return false;
    };
    // procServ forks the IOC just after it starts, and nothing signals that: poll, bounded.
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        fetch();
        if ((hasCommand(QStringLiteral("procServ")) && hasCommand(m_iocsim))
            || timer.elapsed() > timeoutMs)
            break;
        QTest::qWait(100);
    }
    QVERIFY2(hasCommand(QStringLiteral("procServ")), "procServ is not among the unit's processes");
    QVERIFY2(hasCommand(m_iocsim), "iocsim (procServ's child) is not among the unit's processes");
    const uint mainPid = detailsOf(name).service.mainPid.value_or(0);
    bool mainFound = false;
    for (const UnitProcess &p : std::as_const(processes)) {
        QVERIFY(p.pid > 0);
        QVERIFY(!p.cgroup.isEmpty());
        mainFound = mainFound || p.pid == mainPid;
    }
    QVERIFY(mainFound);

    QCOMPARE(runAndWait(UnitAction::Stop, name).result, QStringLiteral("done"));
}

void TestSystemdManager::unitStatsReportsEachPath()
{
    const QString name = unitName(QStringLiteral("stats"));
    writeUnit(name, QStringLiteral("[Service]\nExecStart=/bin/sleep infinity\n"));
    reload();
    QCOMPARE(runAndWait(UnitAction::Start, name).result, QStringLiteral("done"));
    const QStringList paths{ loadUnit(name), loadUnit(unitName(QStringLiteral("cycle"))) };

    QHash<QString, QList<quint64>> seen;
    m_manager->unitStats(paths, this,
                         [&](const QString &path, quint64 memory, quint64 cpu, uint tasks) {
                             QVERIFY(!seen.contains(path));
                             seen.insert(path, { memory, cpu, tasks });
                         });
    QTRY_COMPARE_WITH_TIMEOUT(seen.size(), 2, timeoutMs);
    for (const QList<quint64> &values : std::as_const(seen)) {
        for (quint64 value : values)
            QVERIFY(value != std::numeric_limits<quint64>::max());
    }
    QCOMPARE(runAndWait(UnitAction::Stop, name).result, QStringLiteral("done"));
}

void TestSystemdManager::unitNewAndRemovedOnReload()
{
    QSignalSpy added(m_manager.get(), &SystemdManager::unitNew);
    QSignalSpy removed(m_manager.get(), &SystemdManager::unitRemoved);
    const auto contains = [](const QSignalSpy &spy, const QString &name) {
        for (const QList<QVariant> &args : spy) {
            if (args.at(0).toString() == name)
                return true;
        }
        return false;
    };

    // An enabled unit file appearing on disk: the daemon-reload loads it because default.target wants it.
    const QString name = unitName(QStringLiteral("appears"));
    writeUnit(name,
              QStringLiteral("[Service]\nExecStart=/bin/sleep "
                             "infinity\n[Install]\nWantedBy=default.target\n"));
    QVERIFY(QDir().mkpath(unitDir() + QStringLiteral("/default.target.wants")));
    const QString wantsLink = unitDir() + QStringLiteral("/default.target.wants/") + name;
    QVERIFY(QFile::link(unitDir() + QLatin1Char('/') + name, wantsLink));
    reload();
    QTRY_VERIFY_WITH_TIMEOUT(contains(added, name), timeoutMs);
    const QList<QVariant> args = added.at(0);
    QVERIFY(args.at(1).toString().startsWith(QStringLiteral("/org/freedesktop/systemd1/unit/")));

    // Gone from disk and unreferenced: the next reload drops it.
    QVERIFY(QFile::remove(wantsLink));
    removeUnit(name);
    reload();
    QTRY_VERIFY_WITH_TIMEOUT(contains(removed, name), timeoutMs);
}

void TestSystemdManager::watchedPathsFilterPropertiesChanged()
{
    const QString watched = unitName(QStringLiteral("watched"));
    const QString other = unitName(QStringLiteral("unwatched"));
    writeUnit(watched, QStringLiteral("[Service]\nExecStart=/bin/sleep infinity\n"));
    writeUnit(other, QStringLiteral("[Service]\nExecStart=/bin/sleep infinity\n"));
    reload();
    const QString watchedPath = loadUnit(watched);
    const QString otherPath = loadUnit(other);

    QSignalSpy changes(m_manager.get(), &SystemdManager::unitPropertiesChanged);
    m_manager->setWatchedPaths({ watchedPath });
    QCOMPARE(runAndWait(UnitAction::Start, other).result, QStringLiteral("done"));
    QCOMPARE(runAndWait(UnitAction::Start, watched).result, QStringLiteral("done"));
    QTRY_VERIFY_WITH_TIMEOUT(!changes.isEmpty(), timeoutMs);
    // Signals are delivered in order, so the other unit's changes would have come first.
    for (const QList<QVariant> &args : std::as_const(changes))
        QCOMPARE(args.at(0).toString(), watchedPath);
    m_manager->setWatchedPaths({});

    changes.clear();
    QCOMPARE(runAndWait(UnitAction::Stop, other).result, QStringLiteral("done"));
    QTRY_VERIFY_WITH_TIMEOUT(!changes.isEmpty(), timeoutMs);
    QCOMPARE(changes.at(0).at(0).toString(), otherPath);
    QCOMPARE(runAndWait(UnitAction::Stop, watched).result, QStringLiteral("done"));
}

void TestSystemdManager::signalsFromOthersAreIgnored()
{
    // A fake on purpose: systemd cannot be made to send a wrong signal, but any bus client can send one
    // with systemd's path and interface. It must not pass for the manager's.
    const QString connectionName = QStringLiteral("tst-systemdmanager-spoofer");
    QDBusConnection spoofer =
            QDBusConnection::connectToBus(QDBusConnection::SessionBus, connectionName);
    QVERIFY(spoofer.isConnected());
    QSignalSpy added(m_manager.get(), &SystemdManager::unitNew);
    QSignalSpy jobs(m_manager.get(), &SystemdManager::jobRemoved);
    const QString fake = unitName(QStringLiteral("spoofed"));
    QDBusMessage unitNew = QDBusMessage::createSignal(SystemdManager::managerPath(),
                                                      SystemdManager::managerInterface(),
                                                      QStringLiteral("UnitNew"));
    unitNew << fake
            << QVariant::fromValue(
                       QDBusObjectPath(QStringLiteral("/org/freedesktop/systemd1/unit/x")));
    QVERIFY(spoofer.send(unitNew));
    QDBusMessage jobRemoved = QDBusMessage::createSignal(SystemdManager::managerPath(),
                                                         SystemdManager::managerInterface(),
                                                         QStringLiteral("JobRemoved"));
    jobRemoved << 1u
               << QVariant::fromValue(
                          QDBusObjectPath(QStringLiteral("/org/freedesktop/systemd1/job/1")))
               << fake << QStringLiteral("done");
    QVERIFY(spoofer.send(jobRemoved));

    // Then a real UnitNew; the fake ones were sent earlier, so they would have arrived by now.
    const QString real = unitName(QStringLiteral("real"));
    writeUnit(real, QStringLiteral("[Service]\nExecStart=/bin/sleep infinity\n"));
    reload();
    QCOMPARE(runAndWait(UnitAction::Start, real).result, QStringLiteral("done"));
    QTRY_VERIFY_WITH_TIMEOUT(!added.isEmpty(), timeoutMs);
    for (const QList<QVariant> &args : std::as_const(added))
        QVERIFY(args.at(0).toString() != fake);
    for (const QList<QVariant> &args : std::as_const(jobs))
        QVERIFY(args.at(2).toString() != fake);
    QCOMPARE(runAndWait(UnitAction::Stop, real).result, QStringLiteral("done"));
    QDBusConnection::disconnectFromBus(connectionName);
}

void TestSystemdManager::deadContextGetsNoCallback()
{
    auto context = std::make_unique<QObject>();
    bool called = false;
    m_manager->listUnits({ QStringLiteral("*") }, context.get(),
                         [&](const QList<UnitInfo> &, const QString &) { called = true; });
    context.reset();
    // A later call on the same connection is answered after the first one.
    bool later = false;
    m_manager->listUnits({ QStringLiteral("*") }, this,
                         [&](const QList<UnitInfo> &, const QString &) { later = true; });
    QTRY_VERIFY_WITH_TIMEOUT(later, timeoutMs);
    QVERIFY(!called);
}

void TestSystemdManager::bogusBusAddress()
{
    const QString address = QStringLiteral("unix:path=/nonexistent/tst-systemdmanager/bus");
    QDBusConnection bus =
            QDBusConnection::connectToBus(address, QStringLiteral("tst-systemdmanager-bogus"));
    QVERIFY(!bus.isConnected());
    {
        SystemdManager manager(bus);
        QSignalSpy lost(&manager, &SystemdManager::connectionLost);
        manager.subscribe();

        QString error;
        bool finished = false;
        manager.listUnits({ QStringLiteral("*") }, this,
                          [&](const QList<UnitInfo> &units, const QString &e) {
                              QVERIFY(units.isEmpty());
                              error = e;
                              finished = true;
                          });
        QTRY_VERIFY_WITH_TIMEOUT(finished, timeoutMs);
        QVERIFY2(error.contains(QStringLiteral("/nonexistent/tst-systemdmanager/bus")),
                 qPrintable(error));
        QVERIFY2(error.startsWith(QStringLiteral("Not connected to the D-Bus bus")),
                 qPrintable(error));
        QVERIFY(!lost.isEmpty());

        JobResult result;
        finished = false;
        manager.run(UnitAction::Start, unitName(QStringLiteral("bogus")), this,
                    [&](const JobResult &r) {
                        result = r;
                        finished = true;
                    });
        QTRY_VERIFY_WITH_TIMEOUT(finished, timeoutMs);
        QCOMPARE(result.result, QStringLiteral("error"));
        QCOMPARE(result.errorName, QStringLiteral("org.freedesktop.DBus.Error.Disconnected"));
        QVERIFY(result.message.contains(QStringLiteral("/nonexistent/tst-systemdmanager/bus")));
    }
    QDBusConnection::disconnectFromBus(QStringLiteral("tst-systemdmanager-bogus"));
}

void TestSystemdManager::timingOfManyUnits()
{
    // Rough numbers for the report; the assertions only check that every answer arrives.
    constexpr int count = 100;
    QStringList names;
    for (int i = 0; i < count; ++i) {
        const QString name = unitName(QStringLiteral("many-%1").arg(i, 3, 10, QLatin1Char('0')));
        writeUnit(name, QStringLiteral("[Service]\nExecStart=/bin/sleep infinity\n"));
        wantFromDefaultTarget(name); // stays loaded while inactive, as an enabled IOC does
        names.append(name);
    }
    reload();
    int started = 0;
    for (int i = 0; i < count; i += 5) {
        m_manager->run(UnitAction::Start, names.at(i), this, [&](const JobResult &r) {
            QCOMPARE(r.result, QStringLiteral("done"));
            ++started;
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(started, count / 5, timeoutMs);

    QElapsedTimer timer;
    timer.start();
    QList<UnitInfo> units;
    m_manager->listUnits({ prefix + QStringLiteral("many-*") }, this,
                         [&](const QList<UnitInfo> &u, const QString &) { units = u; });
    QTRY_COMPARE_WITH_TIMEOUT(units.size(), count, timeoutMs);
    const qint64 listMs = timer.elapsed();

    timer.restart();
    QList<UnitFileInfo> files;
    m_manager->listUnitFiles({ prefix + QStringLiteral("many-*") }, this,
                             [&](const QList<UnitFileInfo> &f, const QString &) { files = f; });
    QTRY_COMPARE_WITH_TIMEOUT(files.size(), count, timeoutMs);
    const qint64 filesMs = timer.elapsed();

    timer.restart();
    int details = 0;
    for (const UnitInfo &unit : std::as_const(units)) {
        m_manager->unitDetails(unit.path.path(), this, [&](const UnitDetails &d) {
            QCOMPARE(d.error, QString());
            ++details;
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(details, count, timeoutMs);
    const qint64 detailsMs = timer.elapsed();
    qInfo("%d units (%d running): listUnits %lld ms, listUnitFiles %lld ms, unitDetails of all "
          "%lld ms",
          count, count / 5, listMs, filesMs, detailsMs);

    int stopped = 0;
    for (int i = 0; i < count; i += 5)
        m_manager->run(UnitAction::Stop, names.at(i), this, [&](const JobResult &) { ++stopped; });
    QTRY_COMPARE_WITH_TIMEOUT(stopped, count / 5, timeoutMs);
}

QTEST_GUILESS_MAIN(TestSystemdManager)
#include "tst_systemdmanager.moc"
