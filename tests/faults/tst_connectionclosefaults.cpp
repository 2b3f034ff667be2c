// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// A host's D-Bus connection closed by iocdock itself while calls are in flight (docs/architecture.md §11,
// issue 10): Qt 5.15 deletes the unfinished pending calls of a connection that we close, so a
// QDBusPendingCallWatcher that outlived the close wrote to freed memory when the Inventory it
// was parented to was deleted. Freezing the sandbox's real systemd --user with SIGSTOP keeps
// the reads in flight deterministically; the connection is then dropped the two ways iocdock
// drops it (disconnectFromManager(), and a Ping without answer), the Inventory deleted after.
//
// Each test asserts that no watcher survives the close and that the callers hold none; the
// freed-memory write itself happens inside uninstrumented QtDBus, where only valgrind sees it:
// tools/run-tests --valgrind runs this test under memcheck with errors fatal.
#include "core/hosts/host.h"
#include "core/ioc/inventory.h"
#include "core/systemd/systemdmanager.h"
#include "tests/common/sandbox.h"

#include <QDBusPendingCallWatcher>
#include <QFile>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <csignal>
#include <memory>
#include <sys/types.h>

namespace {

const QString s_ioc = QStringLiteral("closefaults");

QString unitOf(const QString &iocName)
{
    return QStringLiteral("procserv-%1.service").arg(iocName);
}

} // namespace

class TestConnectionCloseFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void disconnectUnderPrivateSocketReads();
    void pingTimeoutUnderBusReads();
    void inventoryDeletedFirstThenDisconnect();
    void changeAroundReconnectReachesTheRow_data();
    void changeAroundReconnectReachesTheRow();

private:
    /// A connected host on the sandbox's user manager and a ready Inventory on it.
    bool connectHost(bool privateSocket, bool autoReconnect);
    /// A new Inventory on the host, ready and showing the IOC.
    bool startInventory();
    /// Stops (SIGSTOP) or continues (SIGCONT) the sandbox's systemd --user.
    bool freezeManager(bool frozen);
    /// Sends reads that cannot answer while the manager is frozen, from the Inventory (as
    /// `iocctl ps` and the GUI do) and with the Inventory as their context; returns the
    /// watchers of the calls now in flight.
    QList<QPointer<QDBusPendingCallWatcher>> readsInFlight(int *answers);
    /// Every watcher of a call on the host's connections is gone, and none is left on the
    /// Inventory.
    void checkNoWatcherSurvives(const QList<QPointer<QDBusPendingCallWatcher>> &watchers,
                                const QString &connectionName);

    Sandbox m_sandbox;
    pid_t m_managerPid = 0;
    bool m_frozen = false;
    std::unique_ptr<Host> m_host;
    Inventory *m_inventory = nullptr; // deleted by each test at the point it tests
    Ioc m_row; // the IOC's row as the last ready Inventory showed it
};

void TestConnectionCloseFaults::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    qRegisterMetaType<Ioc>();
    QFile pidFile(m_sandbox.dir() + QStringLiteral("/manager.pid"));
    QVERIFY2(pidFile.open(QIODevice::ReadOnly), qPrintable(pidFile.fileName()));
    m_managerPid = pid_t(pidFile.readAll().trimmed().toInt());
    QVERIFY(m_managerPid > 1);
    QVERIFY(m_sandbox.installUnit(unitOf(s_ioc), Sandbox::procServUtilsUnit(s_ioc)));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unitOf(s_ioc) }));
}

void TestConnectionCloseFaults::cleanupTestCase()
{
    freezeManager(false);
    if (!m_sandbox.dir().isEmpty())
        m_sandbox.removeUnit(unitOf(s_ioc));
}

void TestConnectionCloseFaults::cleanup()
{
    // Whatever a failed test left: the manager running, nothing of ours on its bus.
    freezeManager(false);
    delete m_inventory;
    m_inventory = nullptr;
    m_host.reset();
    QTRY_VERIFY_WITH_TIMEOUT(Sandbox::managerOnBus(), 30000);
}

bool TestConnectionCloseFaults::freezeManager(bool frozen)
{
    if (m_managerPid <= 1 || frozen == m_frozen)
        return true;
    if (::kill(m_managerPid, frozen ? SIGSTOP : SIGCONT) != 0)
        return false;
    m_frozen = frozen;
    return true;
}

bool TestConnectionCloseFaults::connectHost(bool privateSocket, bool autoReconnect)
{
    m_host.reset(Host::fromSpec(QStringLiteral("user")));
    m_host->setUsePrivateSocket(privateSocket);
    m_host->setAutoReconnect(autoReconnect);
    m_host->connectToManager();
    if (!QTest::qWaitFor([this] { return m_host->state() == Host::State::Connected; }, 30000))
        return false;
    if (m_host->usesPrivateSocket() != privateSocket)
        return false;
    return startInventory();
}

bool TestConnectionCloseFaults::startInventory()
{
    delete m_inventory;
    m_inventory = new Inventory(m_host.get());
    m_inventory->setProbeConsoles(false);
    QSignalSpy ready(m_inventory, &Inventory::ready);
    m_inventory->start();
    if (!ready.wait(60000) || m_inventory->find(s_ioc).isEmpty())
        return false;
    m_row = m_inventory->find(s_ioc).constFirst();
    return !m_row.unitPath.isEmpty();
}

QList<QPointer<QDBusPendingCallWatcher>> TestConnectionCloseFaults::readsInFlight(int *answers)
{
    const Ioc row = m_row;
    SystemdManager *manager = m_host->manager();
    // Property reads: over the private socket when the host has one (iocctl), else the bus.
    manager->unitDetails(row.unitPath, m_inventory, [answers](const UnitDetails &) { ++*answers; });
    manager->unitListingDetails(row.unitPath, true, m_inventory,
                                [answers](const UnitDetails &) { ++*answers; });
    // Counters and a listing over the bus, as the GUI's refresh and a relist send them.
    m_inventory->refreshStats({ row.key() });
    manager->listUnits({ QStringLiteral("*.service") }, m_inventory,
                       [answers](const QList<UnitInfo> &, const QString &) { ++*answers; });
    QList<QPointer<QDBusPendingCallWatcher>> watchers;
    const auto all = manager->findChildren<QDBusPendingCallWatcher *>();
    for (QDBusPendingCallWatcher *watcher : all) {
        if (!watcher->isFinished())
            watchers << watcher;
    }
    return watchers;
}

void TestConnectionCloseFaults::checkNoWatcherSurvives(
        const QList<QPointer<QDBusPendingCallWatcher>> &watchers, const QString &connectionName)
{
    for (const QPointer<QDBusPendingCallWatcher> &watcher : watchers)
        QVERIFY2(watcher.isNull(), "a watcher outlived the closed connection");
    QCOMPARE(SystemdManager::liveCalls(connectionName), 0);
    QCOMPARE(SystemdManager::liveCalls(connectionName + QStringLiteral("-private")), 0);
    if (m_inventory)
        QVERIFY(m_inventory->findChildren<QDBusPendingCallWatcher *>().isEmpty());
}

// `iocctl ps` with the private socket: reads in flight on it when the host goes.
void TestConnectionCloseFaults::disconnectUnderPrivateSocketReads()
{
    QVERIFY(connectHost(true, false));
    const QString name = m_host->manager()->connection().name();
    QVERIFY(freezeManager(true));
    int answers = 0;
    const auto watchers = readsInFlight(&answers);
    // Callers hold no watcher; the host's manager holds every one, on both connections.
    QVERIFY(m_inventory->findChildren<QDBusPendingCallWatcher *>().isEmpty());
    QVERIFY2(SystemdManager::liveCalls(name + QStringLiteral("-private")) >= 2,
             "no read in flight on the private socket");
    QVERIFY2(SystemdManager::liveCalls(name) >= 2, "no call in flight on the bus");
    QTest::qWait(200); // the frozen manager answers nothing
    QCOMPARE(answers, 0);

    m_host->disconnectFromManager();
    checkNoWatcherSurvives(watchers, name);
    QCOMPARE(m_host->state(), Host::State::Disconnected);
    QVERIFY(!m_host->manager());
    // The old order of `ps`: the Inventory (through Command) goes after the connection.
    delete m_inventory;
    m_inventory = nullptr;
    QVERIFY(freezeManager(false));
    QCOMPARE(answers, 0); // no callback of a dropped call runs later

    // The manager was only paused: a new connection lists the IOC again.
    QVERIFY(connectHost(true, false));
}

// A Ping without answer (a hung manager or bridge): the host drops its bus connection as
// lost under the Inventory's reads, then the Inventory is deleted (a GUI closing the host).
void TestConnectionCloseFaults::pingTimeoutUnderBusReads()
{
    QVERIFY(connectHost(false, true));
    const QString name = m_host->manager()->connection().name();
    QVERIFY(freezeManager(true));
    int answers = 0;
    const auto watchers = readsInFlight(&answers);
    QVERIFY(m_inventory->findChildren<QDBusPendingCallWatcher *>().isEmpty());
    QVERIFY2(SystemdManager::liveCalls(name) >= 4, "no call in flight on the bus");

    // Ping every 3 s, 10 s without an answer: lost, shown as such, retrying. The bus itself
    // still answers, so the retry may connect again at once: look at the moment of the loss.
    struct Loss
    {
        bool seen = false;
        Host::Failure failure = Host::Failure::None;
        bool retrying = false;
        bool managerGone = false;
        int watchersLeft = -1;
        int liveCalls = -1;
    } loss;
    QObject scope; // ends the connection below with this function
    QObject::connect(m_host.get(), &Host::stateChanged, &scope, [&](Host::State state) {
        if (state != Host::State::Failed || loss.seen)
            return;
        loss.seen = true;
        loss.failure = m_host->failure();
        loss.retrying = m_host->isRetrying();
        loss.managerGone = !m_host->manager();
        loss.watchersLeft = int(std::count_if(watchers.cbegin(), watchers.cend(),
                                              [](const auto &w) { return !w.isNull(); }));
        loss.liveCalls = SystemdManager::liveCalls(name);
    });
    QTRY_VERIFY_WITH_TIMEOUT(loss.seen, 60000);
    QCOMPARE(loss.failure, Host::Failure::Lost);
    QVERIFY(loss.retrying);
    QVERIFY(loss.managerGone);
    QCOMPARE(loss.watchersLeft, 0);
    QCOMPARE(loss.liveCalls, 0);
    checkNoWatcherSurvives(watchers, name);
    delete m_inventory;
    m_inventory = nullptr;
    QCOMPARE(answers, 0);

    // Once the manager runs again the host is back by itself, and answers.
    QVERIFY(freezeManager(false));
    QTRY_COMPARE_WITH_TIMEOUT(m_host->state(), Host::State::Connected, 90000);
    QVERIFY(startInventory());
}

// The GUI removing a host: the Inventory goes first while its calls are in flight, then the
// connection; the calls of the dead Inventory never call back.
void TestConnectionCloseFaults::inventoryDeletedFirstThenDisconnect()
{
    QVERIFY(connectHost(true, false));
    const QString name = m_host->manager()->connection().name();
    QVERIFY(freezeManager(true));
    int answers = 0;
    const auto watchers = readsInFlight(&answers);
    QVERIFY(!watchers.isEmpty());
    delete m_inventory;
    m_inventory = nullptr;
    // The calls stay with the manager (deleting a watcher of an unfinished call on an open
    // connection is safe too, but the manager owns them either way) ...
    QVERIFY(SystemdManager::liveCalls(name) > 0);
    QVERIFY(freezeManager(false));
    // ... and answer into nothing once the manager runs again.
    QTRY_COMPARE_WITH_TIMEOUT(SystemdManager::liveCalls(name), 0, 60000);
    QCOMPARE(answers, 0);
    QVERIFY(freezeManager(true));
    int more = 0;
    m_inventory = new Inventory(m_host.get()); // not started: only the context of the reads
    const auto again = readsInFlight(&more);
    QVERIFY(!again.isEmpty());
    delete m_inventory;
    m_inventory = nullptr;
    m_host->disconnectFromManager();
    checkNoWatcherSurvives(again, name);
    QCOMPARE(m_host->state(), Host::State::Disconnected);
    QVERIFY(freezeManager(false));
}

void TestConnectionCloseFaults::changeAroundReconnectReachesTheRow_data()
{
    QTest::addColumn<bool>("beforeResubscribe");
    QTest::addColumn<bool>("unloaded");
    QTest::newRow("stopped before the Inventory subscribes again") << true << false;
    // The order of the failure seen over SSH: the relisting no longer has the unit at all.
    QTest::newRow("stopped and unloaded before the Inventory subscribes again") << true << true;
    QTest::newRow("stopped after its Subscribe and listing went out") << false << false;
}

// A host lost and back (the manager frozen: the Ping goes unanswered, the bus still takes the
// new connection), and the IOC stopped at a forced point of the Inventory's re-subscription:
// before the Inventory has sent anything on the new connection, or once its Subscribe and
// listing wait at the manager. Either way the row must end up showing the stop, and then the
// start after it (issue 10: a row stayed stale after an SSH host came back).
void TestConnectionCloseFaults::changeAroundReconnectReachesTheRow()
{
    QFETCH(bool, beforeResubscribe);
    QFETCH(bool, unloaded);
    const QString unit = unitOf(s_ioc);
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unit }));
    m_host.reset(Host::fromSpec(QStringLiteral("user")));
    m_host->setAutoReconnect(true);
    m_host->connectToManager();
    QTRY_COMPARE_WITH_TIMEOUT(m_host->state(), Host::State::Connected, 30000);
    QObject scope;
    int stops = 0;
    bool stopped = false;
    bool wasUnloaded = false;
    // Connected before the Inventory connects its own handler, so it runs first: the stop
    // is done before the Inventory learns that the host is back.
    QObject::connect(m_host.get(), &Host::stateChanged, &scope, [&](Host::State state) {
        if (!beforeResubscribe || state != Host::State::Connected || !m_frozen)
            return;
        ++stops;
        freezeManager(false);
        stopped = m_sandbox.systemctl({ QStringLiteral("stop"), unit });
        // systemd unloads an inactive unit nobody refers to. This runs inside the host's
        // signal, before the Inventory hears of the host: it blocks, without an event loop.
        for (int i = 0; unloaded && stopped && i < 200; ++i) {
            QByteArray out;
            m_sandbox.systemctl({ QStringLiteral("list-units"), QStringLiteral("--all"),
                                  QStringLiteral("--plain"), QStringLiteral("--no-legend"), unit },
                                &out);
            if (out.trimmed().isEmpty()) {
                wasUnloaded = true;
                break;
            }
            QThread::msleep(50);
        }
    });
    QVERIFY(startInventory());
    QCOMPARE(m_row.activeState, QStringLiteral("active"));
    const QString key = m_row.key();

    bool lost = false;
    QObject::connect(m_host.get(), &Host::stateChanged, &scope, [&](Host::State state) {
        if (state == Host::State::Failed && m_host->failure() == Host::Failure::Lost)
            lost = true;
    });
    QVERIFY(freezeManager(true));
    QTRY_VERIFY_WITH_TIMEOUT(lost, 60000);
    // The bus answers: the host is back at once, on a manager that cannot answer yet.
    QTRY_COMPARE_WITH_TIMEOUT(m_host->state(), Host::State::Connected, 60000);
    if (!beforeResubscribe) {
        QVERIFY(m_frozen);
        // The Inventory's Subscribe and ListUnits wait at the frozen manager.
        const QString name = m_host->manager()->connection().name();
        QTRY_VERIFY_WITH_TIMEOUT(SystemdManager::liveCalls(name) >= 2, 30000);
        ++stops;
        QVERIFY(freezeManager(false));
        stopped = m_sandbox.systemctl({ QStringLiteral("stop"), unit });
    }
    QCOMPARE(stops, 1);
    QVERIFY(stopped);
    QCOMPARE(wasUnloaded, unloaded);
    QCOMPARE(m_sandbox.unitProperty(unit, QStringLiteral("ActiveState")),
             QStringLiteral("inactive"));
    QTRY_COMPARE_WITH_TIMEOUT(m_inventory->ioc(key).activeState, QStringLiteral("inactive"), 30000);
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unit }));
    QTRY_COMPARE_WITH_TIMEOUT(m_inventory->ioc(key).activeState, QStringLiteral("active"), 30000);
    QCOMPARE(m_host->state(), Host::State::Connected);
}

QTEST_GUILESS_MAIN(TestConnectionCloseFaults)
#include "tst_connectionclosefaults.moc"
