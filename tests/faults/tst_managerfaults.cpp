// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// Faults of the systemd user manager and its bus under a running Inventory and under the real
// iocctl: the manager re-executed (daemon-reexec), the session bus restarted or gone for a
// while, unit files removed or rewritten while their IOCs are shown. The sandbox's real
// systemd --user and its socket-activated dbus-daemon, real procServ and iocsim.
//
// These faults hit the whole sandbox: every test leaves the manager answering on a running
// bus (cleanup() waits for it), so the tests after this one in a ctest run still pass.
#include "core/hosts/host.h"
#include "core/ioc/inventory.h"
#include "tests/common/sandbox.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

namespace {

const QString s_run = QStringLiteral("mgrfaults-run");
const QString s_idle = QStringLiteral("mgrfaults-idle");

QString unitOf(const QString &iocName)
{
    return QStringLiteral("procserv-%1.service").arg(iocName);
}

} // namespace

class TestManagerFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void inventoryFollowsAfterReexec();
    void psDuringReexec_data();
    void psDuringReexec();
    void inventoryRecoversFromBusRestart();
    void inventorySeesUnitStartedDuringBusOutage();
    void psDuringBusRestart_data();
    void psDuringBusRestart();
    void unitFileRemovedWhileStopped();
    void unitFileRemovedWhileRunning();
    void unitFileRewritten();

private:
    struct Run
    {
        int code = -1; // -2: crashed, -1: did not finish
        QString out;
        QString err;
        QString describe() const
        {
            return QStringLiteral("exit code %1\n--- stdout:\n%2--- stderr:\n%3")
                    .arg(QString::number(code), out, err);
        }
    };
    struct Live
    {
        // What the host went through; declared first, so the host (which reports
        // Disconnected as it goes) is destroyed before these.
        QList<Host::State> states;
        QList<Host::Failure> failures;
        QStringList stateTexts;
        std::unique_ptr<Host> host;
        std::unique_ptr<Inventory> inventory; // before the host it calls through
    };

    /// A host on the sandbox's user manager, reconnecting as the GUI's does, with a ready
    /// Inventory; null on failure.
    std::unique_ptr<Live> startLive();
    Ioc row(const Live &live, const QString &iocName) const;
    QString key(const QString &iocName) const;
    static QProcess *startIocctl(const QStringList &args, QObject *parent);
    static Run result(QProcess *process);
    Run iocctl(const QStringList &args);
    /// Runs iocctl ARGS and, DELAYMS after it started, `systemctl --user FAULT`; returns
    /// iocctl's run once both are done (code -1 if the fault failed or anything hung).
    Run psDuringFault(const QStringList &args, int delayMs, const QStringList &fault);
    /// Checks one `ps -a -f name=mgrfaults-*` run that overlapped a fault.
    void checkPsRun(const Run &run, bool json, int *succeeded);
    /// True when systemd answers a Ping on a fresh connection to the sandbox's bus (the
    /// process's default session bus connection dies with the bus).
    void restartBus();
    /// systemd refuses a sixth start of dbus.service within 10 s (StartLimitBurst): reset
    /// the count, so repeated restarts never leave the sandbox without a bus.
    void ensureBus();
    quint32 mainPid(const QString &unit);

    Sandbox m_sandbox;
    QStringList m_units;
    quint32 m_runPid = 0;
};

void TestManagerFaults::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    qRegisterMetaType<Ioc>();
    QVERIFY2(QFileInfo(Sandbox::binPath(QStringLiteral("iocctl"))).isExecutable(),
             qPrintable(QStringLiteral("iocctl not built: ")
                        + Sandbox::binPath(QStringLiteral("iocctl"))));
    for (const QString &name : { s_run, s_idle }) {
        QVERIFY(m_sandbox.installUnit(unitOf(name), Sandbox::procServUtilsUnit(name)));
        m_units << unitOf(name);
    }
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unitOf(s_run) }));
    m_sandbox.systemctl({ QStringLiteral("stop"), unitOf(s_idle) });
    m_runPid = mainPid(unitOf(s_run));
    QVERIFY(m_runPid > 0);
}

void TestManagerFaults::restartBus()
{
    m_sandbox.resetBusStartLimit();
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("restart"), QStringLiteral("dbus.service") }));
}

void TestManagerFaults::ensureBus()
{
    // Whatever a failed test left behind: the bus up, the manager on it.
    m_sandbox.resetBusStartLimit();
    m_sandbox.systemctl({ QStringLiteral("start"), QStringLiteral("dbus.socket") });
    QTRY_VERIFY_WITH_TIMEOUT(Sandbox::managerOnBus(), 30000);
}

void TestManagerFaults::cleanupTestCase()
{
    if (m_sandbox.dir().isEmpty())
        return;
    ensureBus();
    for (const QString &unit : std::as_const(m_units))
        m_sandbox.removeUnit(unit);
}

void TestManagerFaults::init()
{
    QVERIFY(Sandbox::managerOnBus());
}

void TestManagerFaults::cleanup()
{
    ensureBus();
    m_sandbox.systemctl({ QStringLiteral("stop"), unitOf(s_idle) });
    // No fault may touch a running IOC.
    QCOMPARE(mainPid(unitOf(s_run)), m_runPid);
}

quint32 TestManagerFaults::mainPid(const QString &unit)
{
    return m_sandbox.unitProperty(unit, QStringLiteral("MainPID")).toUInt();
}

QString TestManagerFaults::key(const QString &iocName) const
{
    return QStringLiteral("local-user/") + unitOf(iocName);
}

std::unique_ptr<TestManagerFaults::Live> TestManagerFaults::startLive()
{
    auto live = std::make_unique<Live>();
    live->host.reset(Host::fromSpec(QStringLiteral("user")));
    Host *host = live->host.get();
    host->setAutoReconnect(true); // as the GUI does
    Live *raw = live.get();
    connect(host, &Host::stateChanged, this, [raw, host](Host::State state) {
        raw->states << state;
        raw->failures << host->failure();
        raw->stateTexts << host->stateText();
    });
    host->connectToManager();
    if (!QTest::qWaitFor([host] { return host->state() == Host::State::Connected; }, 30000)) {
        qWarning("cannot connect: %s", qPrintable(host->errorString()));
        return nullptr;
    }
    live->inventory = std::make_unique<Inventory>(host);
    QSignalSpy ready(live->inventory.get(), &Inventory::ready);
    live->inventory->start();
    if (!ready.wait(60000))
        return nullptr;
    return live;
}

Ioc TestManagerFaults::row(const Live &live, const QString &iocName) const
{
    return live.inventory->ioc(key(iocName));
}

QProcess *TestManagerFaults::startIocctl(const QStringList &args, QObject *parent)
{
    auto *process = new QProcess(parent);
    process->setProgram(Sandbox::binPath(QStringLiteral("iocctl")));
    process->setArguments(QStringList{ QStringLiteral("--user"),
                                       QStringLiteral("--connect-timeout"), QStringLiteral("30") }
                          + args);
    process->start();
    return process;
}

TestManagerFaults::Run TestManagerFaults::result(QProcess *process)
{
    Run run;
    if (process->state() != QProcess::NotRunning) {
        process->kill();
        process->waitForFinished(5000);
        run.code = -1;
    } else {
        run.code = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -2;
    }
    run.out = QString::fromUtf8(process->readAllStandardOutput());
    run.err = QString::fromUtf8(process->readAllStandardError());
    return run;
}

TestManagerFaults::Run TestManagerFaults::iocctl(const QStringList &args)
{
    QProcess *process = startIocctl(args, this);
    process->waitForFinished(60000);
    const Run run = result(process);
    delete process;
    return run;
}

TestManagerFaults::Run TestManagerFaults::psDuringFault(const QStringList &args, int delayMs,
                                                        const QStringList &fault)
{
    int faultCode = -1; // declared first: outlives the processes that report into it
    std::unique_ptr<QProcess> ps(startIocctl(args, nullptr));
    auto systemctl = std::make_unique<QProcess>();
    QProcess *faultProcess = systemctl.get();
    connect(faultProcess, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), faultProcess,
            [&faultCode](int code, QProcess::ExitStatus status) {
                faultCode = status == QProcess::NormalExit ? code : -2;
            });
    QTimer::singleShot(delayMs, faultProcess, [faultProcess, fault] {
        faultProcess->start(QStringLiteral("systemctl"),
                            QStringList{ QStringLiteral("--user") } + fault);
    });
    const bool done = QTest::qWaitFor(
            [&] { return ps->state() == QProcess::NotRunning && faultCode != -1; }, 60000);
    Run run = result(ps.get());
    if (!done || faultCode != 0) {
        run.code = -1;
        run.err += QStringLiteral("\n(systemctl %1 exit code %2)")
                           .arg(fault.join(QLatin1Char(' ')))
                           .arg(faultCode);
    }
    return run;
}

void TestManagerFaults::checkPsRun(const Run &run, bool json, int *succeeded)
{
    // Either the right rows and success, or a clear message and a failure exit code —
    // never a crash, a hang, or a success that shows wrong rows.
    QVERIFY2(run.code >= 0, qPrintable(run.describe()));
    if (run.code != 0) {
        QVERIFY2(run.code == 4 || run.code == 5, qPrintable(run.describe()));
        const QRegularExpression message(QStringLiteral("^iocctl: (?!warning).{20,}$"),
                                         QRegularExpression::MultilineOption);
        QVERIFY2(message.match(run.err).hasMatch(), qPrintable(run.describe()));
        return;
    }
    ++*succeeded;
    if (json) {
        QJsonParseError error;
        const QJsonArray array = QJsonDocument::fromJson(run.out.toUtf8(), &error).array();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(run.describe()));
        QJsonObject runObject;
        QJsonObject idleObject;
        for (const QJsonValue &value : array) {
            const QString name = value.toObject().value(QStringLiteral("name")).toString();
            if (name == s_run)
                runObject = value.toObject();
            if (name == s_idle)
                idleObject = value.toObject();
        }
        QVERIFY2(!runObject.isEmpty() && !idleObject.isEmpty(), qPrintable(run.describe()));
        QCOMPARE(runObject.value(QStringLiteral("activeState")).toString(),
                 QStringLiteral("active"));
        QCOMPARE(runObject.value(QStringLiteral("procServPid")).toDouble(), double(m_runPid));
        QVERIFY2(runObject.value(QStringLiteral("status")).toString() == QLatin1String("running"),
                 qPrintable(run.describe()));
        QCOMPARE(idleObject.value(QStringLiteral("activeState")).toString(),
                 QStringLiteral("inactive"));
        QCOMPARE(idleObject.value(QStringLiteral("status")).toString(), QStringLiteral("exited"));
        return;
    }
    // Columns are at least three spaces apart: NAME, STATUS, PID, ...
    QString runStatus;
    QString idleStatus;
    for (const QString &line : run.out.split(QLatin1Char('\n'))) {
        const QStringList columns = line.split(QRegularExpression(QStringLiteral("\\s{3,}")));
        if (columns.size() < 2)
            continue;
        if (columns.first() == s_run)
            runStatus = columns.at(1);
        if (columns.first() == s_idle)
            idleStatus = columns.at(1);
    }
    QVERIFY2(runStatus.startsWith(QLatin1String("Up"))
                     && !runStatus.contains(QLatin1String("shut")),
             qPrintable(run.describe()));
    // Never started (initTestCase() only stops it): "Created" while systemd has it loaded.
    QVERIFY2(idleStatus.startsWith(QLatin1String("Exited"))
                     || idleStatus.startsWith(QLatin1String("Not loaded"))
                     || idleStatus == QLatin1String("Created"),
             qPrintable(run.describe()));
}

void TestManagerFaults::inventoryFollowsAfterReexec()
{
    auto live = startLive();
    QVERIFY(live);
    QCOMPARE(row(*live, s_run).mainPid, m_runPid);
    QCOMPARE(row(*live, s_idle).activeState, QStringLiteral("inactive"));

    // Twice: the second re-exec proves the first one left the subscription working.
    for (int round = 0; round < 2; ++round) {
        QVERIFY(m_sandbox.systemctl({ QStringLiteral("daemon-reexec") }));
        QTRY_VERIFY_WITH_TIMEOUT(Sandbox::managerOnBus(), 30000);

        // A change made behind iocdock's back after the re-exec shows up by signal.
        QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unitOf(s_idle) }));
        QTRY_COMPARE_WITH_TIMEOUT(row(*live, s_idle).activeState, QStringLiteral("active"), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(row(*live, s_idle).mainPid, mainPid(unitOf(s_idle)), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(row(*live, s_idle).childState, ChildState::Running, 30000);

        // An action through the inventory: its result comes back in JobRemoved, a signal
        // only subscribers get.
        JobResult result;
        bool finished = false;
        live->inventory->run(UnitAction::Stop, key(s_idle), this, [&](const JobResult &r) {
            result = r;
            finished = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(finished, 20000);
        QVERIFY2(result.ok(), qPrintable(result.message));
        QTRY_COMPARE_WITH_TIMEOUT(row(*live, s_idle).activeState, QStringLiteral("inactive"),
                                  20000);
        QCOMPARE(row(*live, s_idle).status(), QStringLiteral("exited"));

        QCOMPARE(row(*live, s_run).activeState, QStringLiteral("active"));
        QCOMPARE(row(*live, s_run).mainPid, m_runPid);
        QCOMPARE(live->host->state(), Host::State::Connected);
    }
}

void TestManagerFaults::psDuringReexec_data()
{
    QTest::addColumn<bool>("json");
    QTest::newRow("table") << false;
    QTest::newRow("json") << true;
}

void TestManagerFaults::psDuringReexec()
{
    QFETCH(bool, json);
    // Make sure the details of both rows are right before the fault.
    QTRY_VERIFY_WITH_TIMEOUT(iocctl({ QStringLiteral("ps") }).out.contains(s_run), 20000);
    QStringList args{ QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("-f"),
                      QStringLiteral("name=mgrfaults-*") };
    if (json)
        args << QStringLiteral("--format") << QStringLiteral("json");
    int succeeded = 0;
    // The re-exec lands at a different moment of each listing.
    for (int i = 0; i < 10; ++i) {
        const Run run = psDuringFault(args, i * 30, { QStringLiteral("daemon-reexec") });
        checkPsRun(run, json, &succeeded);
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY_WITH_TIMEOUT(Sandbox::managerOnBus(), 30000);
    }
    qInfo("%d of 10 listings during a re-exec succeeded", succeeded);
    // And after it all, a plain run is right.
    succeeded = 0;
    checkPsRun(iocctl(args), json, &succeeded);
    QCOMPARE(succeeded, 1);
}

void TestManagerFaults::inventoryRecoversFromBusRestart()
{
    auto live = startLive();
    QVERIFY(live);
    live->states.clear();
    live->failures.clear();
    live->stateTexts.clear();
    // The manager socket-activates a new dbus-daemon on the next connection.
    restartBus();
    QTRY_VERIFY_WITH_TIMEOUT(live->states.contains(Host::State::Failed), 20000);
    const int failedAt = live->states.indexOf(Host::State::Failed);
    QCOMPARE(live->failures.at(failedAt), Host::Failure::Lost);
    QVERIFY2(live->stateTexts.at(failedAt).contains(QLatin1String("retrying")),
             qPrintable(live->stateTexts.at(failedAt)));
    QTRY_COMPARE_WITH_TIMEOUT(live->host->state(), Host::State::Connected, 30000);
    QCOMPARE(live->host->failure(), Host::Failure::None);
    QTRY_VERIFY_WITH_TIMEOUT(Sandbox::managerOnBus(), 30000);

    // Live again: changes after the recovery show up.
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unitOf(s_idle) }));
    QTRY_COMPARE_WITH_TIMEOUT(row(*live, s_idle).activeState, QStringLiteral("active"), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(row(*live, s_idle).childState, ChildState::Running, 30000);
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("stop"), unitOf(s_idle) }));
    QTRY_COMPARE_WITH_TIMEOUT(row(*live, s_idle).activeState, QStringLiteral("inactive"), 20000);
    QCOMPARE(row(*live, s_run).activeState, QStringLiteral("active"));
    QCOMPARE(row(*live, s_run).mainPid, m_runPid);
}

void TestManagerFaults::inventorySeesUnitStartedDuringBusOutage()
{
    auto live = startLive();
    QVERIFY(live);
    live->states.clear();
    live->failures.clear();
    live->stateTexts.clear();
    // The bus gone for as long as the test wants: the socket closed, so nothing re-activates it.
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("stop"), QStringLiteral("dbus.socket"),
                                  QStringLiteral("dbus.service") }));
    QTRY_COMPARE_WITH_TIMEOUT(live->host->state(), Host::State::Failed, 20000);
    QCOMPARE(live->host->failure(), Host::Failure::Lost);
    QVERIFY(live->host->isRetrying());
    QVERIFY2(live->host->stateText().contains(QLatin1String("lost")),
             qPrintable(live->host->stateText()));
    QVERIFY(!live->host->errorString().isEmpty());
    // Rows stay while the host is away; nothing is dropped.
    QCOMPARE(row(*live, s_run).activeState, QStringLiteral("active"));
    QVERIFY(live->inventory->contains(key(s_idle)));

    // Started during the outage (systemctl reaches the manager on its private socket).
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unitOf(s_idle) }));
    const quint32 idlePid = mainPid(unitOf(s_idle));
    QVERIFY(idlePid > 0);
    // A failed retry while the bus is away keeps the host "lost".
    const int before = live->states.size();
    QTRY_VERIFY_WITH_TIMEOUT(live->states.size() > before, 20000);
    QCOMPARE(live->host->state(), Host::State::Failed);
    QCOMPARE(live->host->failure(), Host::Failure::Lost);

    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), QStringLiteral("dbus.socket") }));
    QTRY_COMPARE_WITH_TIMEOUT(live->host->state(), Host::State::Connected, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(row(*live, s_idle).activeState, QStringLiteral("active"), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(row(*live, s_idle).mainPid, idlePid, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(row(*live, s_idle).childState, ChildState::Running, 30000);
    QCOMPARE(row(*live, s_run).mainPid, m_runPid);

    // And live afterwards.
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("stop"), unitOf(s_idle) }));
    QTRY_COMPARE_WITH_TIMEOUT(row(*live, s_idle).activeState, QStringLiteral("inactive"), 20000);
}

void TestManagerFaults::psDuringBusRestart_data()
{
    psDuringReexec_data();
}

void TestManagerFaults::psDuringBusRestart()
{
    QFETCH(bool, json);
    QStringList args{ QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("-f"),
                      QStringLiteral("name=mgrfaults-*") };
    if (json)
        args << QStringLiteral("--format") << QStringLiteral("json");
    int succeeded = 0;
    for (int i = 0; i < 5; ++i) {
        m_sandbox.resetBusStartLimit();
        const Run run = psDuringFault(
                args, i * 40, { QStringLiteral("restart"), QStringLiteral("dbus.service") });
        checkPsRun(run, json, &succeeded);
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY_WITH_TIMEOUT(Sandbox::managerOnBus(), 30000);
    }
    qInfo("%d of 5 listings during a bus restart succeeded", succeeded);
    succeeded = 0;
    checkPsRun(iocctl(args), json, &succeeded);
    QCOMPARE(succeeded, 1);
}

void TestManagerFaults::unitFileRemovedWhileStopped()
{
    const QString name = QStringLiteral("mgrfaults-gone");
    const QString unit = unitOf(name);
    QVERIFY(m_sandbox.installUnit(unit, Sandbox::procServUtilsUnit(name)));
    m_units << unit;
    auto live = startLive();
    QVERIFY(live);
    QTRY_VERIFY_WITH_TIMEOUT(live->inventory->contains(key(name)), 20000);
    QCOMPARE(row(*live, name).status(), QStringLiteral("exited"));
    QSignalSpy removed(live->inventory.get(), &Inventory::iocRemoved);

    QVERIFY(QFile::remove(m_sandbox.unitDir() + QLatin1Char('/') + unit));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("daemon-reload") }));
    // Stopped and without a file, systemd knows it no more: neither does the row list.
    QTRY_VERIFY_WITH_TIMEOUT(!live->inventory->contains(key(name)), 20000);
    QCOMPARE(removed.count(), 1);
    QVERIFY(live->inventory->find(name).isEmpty());

    const Run ps = iocctl({ QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("-f"),
                            QStringLiteral("name=mgrfaults-*") });
    QVERIFY2(ps.code == 0, qPrintable(ps.describe()));
    QVERIFY2(!ps.out.contains(name), qPrintable(ps.describe()));
    const Run inspect = iocctl({ QStringLiteral("inspect"), name });
    QVERIFY2(inspect.code == 3, qPrintable(inspect.describe()));
    QVERIFY2(inspect.err.contains(name), qPrintable(inspect.describe()));
    // The others are untouched.
    QCOMPARE(row(*live, s_run).mainPid, m_runPid);
}

void TestManagerFaults::unitFileRemovedWhileRunning()
{
    const QString name = QStringLiteral("mgrfaults-orphan");
    const QString unit = unitOf(name);
    QVERIFY(m_sandbox.installUnit(unit, Sandbox::procServUtilsUnit(name)));
    m_units << unit;
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unit }));
    const quint32 pid = mainPid(unit);
    QVERIFY(pid > 0);
    auto live = startLive();
    QVERIFY(live);
    QTRY_COMPARE_WITH_TIMEOUT(row(*live, name).childState, ChildState::Running, 30000);

    QVERIFY(QFile::remove(m_sandbox.unitDir() + QLatin1Char('/') + unit));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("daemon-reload") }));
    // A running unit stays loaded without its file: the row keeps showing it as systemd does.
    const QString loadState = m_sandbox.unitProperty(unit, QStringLiteral("LoadState"));
    QCOMPARE(m_sandbox.unitProperty(unit, QStringLiteral("ActiveState")), QStringLiteral("active"));
    QTRY_COMPARE_WITH_TIMEOUT(row(*live, name).loadState, loadState, 20000);
    QCOMPARE(row(*live, name).activeState, QStringLiteral("active"));
    QCOMPARE(row(*live, name).mainPid, pid);
    QCOMPARE(row(*live, name).status(), QStringLiteral("running"));

    Run ps = iocctl({ QStringLiteral("ps"), QStringLiteral("-f"), QStringLiteral("name=") + name,
                      QStringLiteral("--format"), QStringLiteral("json") });
    QVERIFY2(ps.code == 0, qPrintable(ps.describe()));
    QJsonObject object = QJsonDocument::fromJson(ps.out.toUtf8()).array().at(0).toObject();
    QCOMPARE(object.value(QStringLiteral("status")).toString(), QStringLiteral("running"));
    QCOMPARE(object.value(QStringLiteral("loadState")).toString(), loadState);
    QCOMPARE(object.value(QStringLiteral("procServPid")).toDouble(), double(pid));
    const Run inspect = iocctl({ QStringLiteral("inspect"), name });
    QVERIFY2(inspect.code == 0, qPrintable(inspect.describe()));
    object = QJsonDocument::fromJson(inspect.out.toUtf8()).array().at(0).toObject();
    QCOMPARE(object.value(QStringLiteral("loadState")).toString(), loadState);
    QCOMPARE(object.value(QStringLiteral("activeState")).toString(), QStringLiteral("active"));

    // Stopped now, systemd unloads it: the row goes.
    QSignalSpy removed(live->inventory.get(), &Inventory::iocRemoved);
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("stop"), unit }));
    QTRY_VERIFY_WITH_TIMEOUT(!live->inventory->contains(key(name)), 20000);
    QVERIFY(!removed.isEmpty());
    ps = iocctl({ QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("-f"),
                  QStringLiteral("name=") + name });
    QVERIFY2(ps.code == 0, qPrintable(ps.describe()));
    QVERIFY2(!ps.out.contains(name), qPrintable(ps.describe()));
}

void TestManagerFaults::unitFileRewritten()
{
    const QString name = QStringLiteral("mgrfaults-edit");
    const QString unit = QStringLiteral("softioc-%1.service").arg(name);
    const QString key = QStringLiteral("local-user/") + unit;
    const QList<quint16> ports = Sandbox::freeTcpPorts(2);
    QCOMPARE(ports.size(), 2);
    const quint16 firstPort = ports.at(0);
    const quint16 secondPort = ports.at(1);
    auto unitText = [&name](quint16 port) {
        return Sandbox::procServUnit(name, { QStringLiteral("-P"), QString::number(port) });
    };
    QVERIFY(m_sandbox.installUnit(unit, unitText(firstPort)));
    m_units << unit;
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unit }));
    auto live = startLive();
    QVERIFY(live);
    const QString first = QStringLiteral("tcp:127.0.0.1:%1").arg(firstPort);
    const QString second = QStringLiteral("tcp:127.0.0.1:%1").arg(secondPort);
    QCOMPARE(live->inventory->ioc(key).console.toString(), first);
    QTRY_COMPARE_WITH_TIMEOUT(live->inventory->ioc(key).childState, ChildState::Running, 30000);

    // A new port in the file: after the reload systemd reports the new ExecStart, and so does
    // the row (the running procServ keeps the old port until a restart).
    QVERIFY(m_sandbox.installUnit(unit, unitText(secondPort)));
    QTRY_COMPARE_WITH_TIMEOUT(live->inventory->ioc(key).console.toString(), second, 20000);
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("restart"), unit }));
    QTRY_COMPARE_WITH_TIMEOUT(live->inventory->ioc(key).mainPid, mainPid(unit), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(live->inventory->ioc(key).childState, ChildState::Running, 30000);
    Run ps = iocctl({ QStringLiteral("ps"), QStringLiteral("-f"), QStringLiteral("name=") + name,
                      QStringLiteral("--format"), QStringLiteral("json") });
    QVERIFY2(ps.code == 0, qPrintable(ps.describe()));
    QJsonObject object = QJsonDocument::fromJson(ps.out.toUtf8()).array().at(0).toObject();
    QCOMPARE(object.value(QStringLiteral("console")).toString(), second);
    QCOMPARE(object.value(QStringLiteral("childState")).toString(), QStringLiteral("running"));
    Run inspect = iocctl({ QStringLiteral("inspect"), name });
    QVERIFY2(inspect.code == 0, qPrintable(inspect.describe()));
    object = QJsonDocument::fromJson(inspect.out.toUtf8()).array().at(0).toObject();
    QCOMPARE(object.value(QStringLiteral("console")).toString(), second);

    // Malformed while running: systemd refuses the new file (bad-setting) and keeps the
    // process; the row says so and keeps the state.
    const QByteArray malformed = unitText(secondPort).toUtf8()
            + "Type=oneshot\nRestart=always\n"; // refused: Restart=always with oneshot
    QVERIFY(m_sandbox.installUnit(unit, malformed));
    const QString loadState = m_sandbox.unitProperty(unit, QStringLiteral("LoadState"));
    QCOMPARE(loadState, QStringLiteral("bad-setting"));
    QTRY_COMPARE_WITH_TIMEOUT(live->inventory->ioc(key).loadState, loadState, 20000);
    QVERIFY2(live->inventory->ioc(key).configError.contains(QLatin1String("bad-setting")),
             qPrintable(live->inventory->ioc(key).configError));
    QCOMPARE(live->inventory->ioc(key).activeState,
             m_sandbox.unitProperty(unit, QStringLiteral("ActiveState")));
    QCOMPARE(live->inventory->ioc(key).mainPid, mainPid(unit));
    ps = iocctl({ QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("-f"),
                  QStringLiteral("name=") + name, QStringLiteral("--format"),
                  QStringLiteral("json") });
    QVERIFY2(ps.code == 0, qPrintable(ps.describe()));
    QVERIFY2(ps.err.contains(unit) && ps.err.contains(QLatin1String("bad-setting")),
             qPrintable(ps.describe()));
    object = QJsonDocument::fromJson(ps.out.toUtf8()).array().at(0).toObject();
    QCOMPARE(object.value(QStringLiteral("loadState")).toString(), loadState);
    inspect = iocctl({ QStringLiteral("inspect"), name });
    QVERIFY2(inspect.code == 0, qPrintable(inspect.describe()));
    object = QJsonDocument::fromJson(inspect.out.toUtf8()).array().at(0).toObject();
    QCOMPARE(object.value(QStringLiteral("loadState")).toString(), loadState);
    QVERIFY2(object.value(QStringLiteral("configError"))
                     .toString()
                     .contains(QLatin1String("bad-setting")),
             qPrintable(inspect.out));

    // Stopped and still malformed: the row stays (the file is there) with the error.
    m_sandbox.systemctl({ QStringLiteral("stop"), unit });
    QTRY_COMPARE_WITH_TIMEOUT(live->inventory->ioc(key).activeState, QStringLiteral("inactive"),
                              20000);
    QVERIFY(live->inventory->contains(key));

    // Fixed again: the error goes.
    QVERIFY(m_sandbox.installUnit(unit, unitText(firstPort)));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unit }));
    QTRY_COMPARE_WITH_TIMEOUT(live->inventory->ioc(key).loadState, QStringLiteral("loaded"), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(live->inventory->ioc(key).console.toString(), first, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(live->inventory->ioc(key).configError.isEmpty(), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(live->inventory->ioc(key).childState, ChildState::Running, 30000);
}

QTEST_GUILESS_MAIN(TestManagerFaults)
#include "tst_managerfaults.moc"
