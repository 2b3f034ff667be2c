// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// Fleet against the sandbox's real systemd --user and real procServ running iocsim. Two hosts
// reach the same manager ("user" and "bus:ADDRESS"), so every IOC is listed twice, once per
// host: what HOST/NAME and ambiguity need.
#include "core/fleet/fleet.h"
#include "core/hosts/host.h"
#include "core/ioc/inventory.h"
#include "core/ioc/iocruntime.h"
#include "core/systemd/systemdmanager.h"
#include "tests/common/sandbox.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

class TestFleet : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void refusesBadAndDuplicateHosts();
    void runtimeFactoryDecides();
    void aggregatesTheRowsOfEveryHost();
    void resolvesNamesGlobsAndHostNames();
    void followsRowsAndRunsActionsThroughTheRuntime();
    void removesAHostWithItsRows();
    void destroysRuntimesBeforeHostsWhileListing();

private:
    /// A fleet with the "user" and "bus:" hosts, both listed.
    std::unique_ptr<Fleet> readyFleet();
    static QList<Ioc> named(const QList<Ioc> &iocs, const QString &name);

    Sandbox m_sandbox;
    QString m_busSpec;
    QStringList m_units;
};

void TestFleet::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    qRegisterMetaType<Ioc>();
    qRegisterMetaType<Host *>();
    m_busSpec = QStringLiteral("bus:") + qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
    for (const QString &name : { QStringLiteral("fltalpha"), QStringLiteral("fltbeta") }) {
        const QString unit = QStringLiteral("procserv-%1.service").arg(name);
        QVERIFY(m_sandbox.installUnit(unit, Sandbox::procServUtilsUnit(name)));
        QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unit }));
        m_units << unit;
    }
}

void TestFleet::cleanupTestCase()
{
    if (!Sandbox::isAvailable())
        return;
    for (const QString &unit : std::as_const(m_units))
        m_sandbox.removeUnit(unit);
}

QList<Ioc> TestFleet::named(const QList<Ioc> &iocs, const QString &name)
{
    QList<Ioc> found;
    for (const Ioc &ioc : iocs) {
        if (ioc.name == name)
            found << ioc;
    }
    return found;
}

std::unique_ptr<Fleet> TestFleet::readyFleet()
{
    auto fleet = std::make_unique<Fleet>();
    if (!fleet->addHost(QStringLiteral("user")) || !fleet->addHost(m_busSpec))
        return nullptr;
    // Generous: the machine is shared and loaded.
    if (!QTest::qWaitFor([&fleet] { return fleet->isReady(); }, 60000))
        return nullptr;
    for (Host *host : fleet->hosts()) {
        if (host->state() != Host::State::Connected || !fleet->isHostReady(host))
            return nullptr;
    }
    return fleet;
}

void TestFleet::refusesBadAndDuplicateHosts()
{
    Fleet fleet;
    QSignalSpy added(&fleet, &Fleet::hostAdded);
    QString error;
    QVERIFY(!fleet.addHost(QStringLiteral("bus:"), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(fleet.hosts().isEmpty());

    Host *user = fleet.addHost(QStringLiteral("user"), &error);
    QVERIFY(user);
    QCOMPARE(added.count(), 1);
    QVERIFY(fleet.ownsHost(user));
    error.clear();
    QVERIFY(!fleet.addHost(QStringLiteral("user"), &error));
    QCOMPARE(error, QStringLiteral("user is already in the list."));
    QCOMPARE(fleet.hosts(), QList<Host *>{ user });
    QCOMPARE(added.count(), 1);
    // The fleet connects what it adds.
    QTRY_COMPARE_WITH_TIMEOUT(user->state(), Host::State::Connected, 30000);

    // Setups apply to the hosts and runtimes it has, and to those it adds later.
    const QStringList patterns{ QStringLiteral("fltalpha*") };
    fleet.setHostSetup([](Host *host) { host->setAutoReconnect(true); });
    fleet.setInventorySetup(
            [patterns](Inventory *inventory) { inventory->setUnitPatterns(patterns); });
    QVERIFY(user->autoReconnect());
    QCOMPARE(fleet.inventory(user)->unitPatterns(), patterns);
    Host *bus = fleet.addHost(m_busSpec);
    QVERIFY(bus);
    QVERIFY(bus->autoReconnect());
    QCOMPARE(fleet.inventory(bus)->unitPatterns(), patterns);
}

void TestFleet::runtimeFactoryDecides()
{
    // An engine named by DOCKER_HOST is taken as set (as the CLIs do), so the factory is asked
    // for it; this one declines it, and every host is asked in turn.
    const QByteArray oldDockerHost = qgetenv("DOCKER_HOST");
    const QString socket = QStringLiteral("/tmp/iocdock-no-engine-%1.sock")
                                   .arg(QCoreApplication::applicationPid());
    qputenv("DOCKER_HOST", (QStringLiteral("unix://") + socket).toUtf8());
    Fleet fleet;
    fleet.setContainerDiscovery(true); // the test environment turns it off (tests/CMakeLists)
    const QStringList patterns{ QStringLiteral("fltbeta*") };
    fleet.setInventorySetup(
            [patterns](Inventory *inventory) { inventory->setUnitPatterns(patterns); });
    QStringList calls; // HOST ENGINE
    fleet.setRuntimeFactory([&calls](Host *host, const EngineEndpoint &engine) {
        calls << host->id() + QLatin1Char(' ') + engine.socketPath;
        return engine.isValid() ? QList<IocRuntime *>() : Fleet::defaultRuntimes(host, engine);
    });
    Host *user = fleet.addHost(QStringLiteral("user"));
    Host *bus = fleet.addHost(m_busSpec);
    if (oldDockerHost.isNull())
        qunsetenv("DOCKER_HOST");
    else
        qputenv("DOCKER_HOST", oldDockerHost);
    QVERIFY(user && bus);
    QCOMPARE(calls,
             QStringList({ user->id() + QLatin1Char(' '), user->id() + QLatin1Char(' ') + socket,
                           bus->id() + QLatin1Char(' '), bus->id() + QLatin1Char(' ') + socket }));
    // What it made is the fleet's, set up as every inventory is.
    QCOMPARE(fleet.runtimes(user).size(), 1);
    QCOMPARE(fleet.inventory(user)->unitPatterns(), patterns);
    QCOMPARE(fleet.inventory(user)->parent(), &fleet);
    QTRY_VERIFY_WITH_TIMEOUT(fleet.isReady(), 60000);
    QCOMPARE(named(fleet.iocs(user), QStringLiteral("fltbeta")).size(), 1);
}

void TestFleet::aggregatesTheRowsOfEveryHost()
{
    auto fleet = std::make_unique<Fleet>();
    QSignalSpy hostReady(fleet.get(), &Fleet::hostReady);
    QSignalSpy added(fleet.get(), &Fleet::iocAdded);
    Host *user = fleet->addHost(QStringLiteral("user"));
    Host *bus = fleet->addHost(m_busSpec);
    QVERIFY(user && bus);
    QCOMPARE(fleet->hosts(), (QList<Host *>{ user, bus }));
    QVERIFY(!fleet->isReady());
    QTRY_VERIFY_WITH_TIMEOUT(fleet->isReady(), 60000);
    QVERIFY(hostReady.count() >= 2);
    QVERIFY(fleet->listingError(user).isEmpty());

    // Each IOC once per host, from the host's runtime, in host order.
    const QList<Ioc> alphas = named(fleet->iocs(), QStringLiteral("fltalpha"));
    QCOMPARE(alphas.size(), 2);
    QCOMPARE(alphas.at(0).host, QStringLiteral("local-user"));
    QCOMPARE(alphas.at(1).host, QStringLiteral("bus"));
    QCOMPARE(fleet->iocs().size(), fleet->iocs(user).size() + fleet->iocs(bus).size());
    QCOMPARE(named(fleet->iocs(bus), QStringLiteral("fltbeta")).size(), 1);
    // Every row the fleet relayed is one it lists.
    QVERIFY(added.count() >= fleet->iocs().size());

    for (const Ioc &alpha : alphas) {
        QCOMPARE(alpha.runtime, QStringLiteral("systemd"));
        QCOMPARE(alpha.unit, QStringLiteral("procserv-fltalpha.service"));
        QCOMPARE(alpha.activeState, QStringLiteral("active"));
        QVERIFY(fleet->contains(alpha.key()));
        QCOMPARE(fleet->ioc(alpha.key()).host, alpha.host);
        Host *host = fleet->hostFor(alpha);
        QVERIFY(host);
        QCOMPARE(host->id(), alpha.host);
        IocRuntime *runtime = fleet->runtimeFor(alpha);
        QVERIFY(runtime);
        QCOMPARE(fleet->runtimes(host), QList<IocRuntime *>{ runtime });
        QCOMPARE(runtime->runtimeName(), QStringLiteral("systemd"));
        QVERIFY(runtime->contains(alpha.key()));
        QVERIFY(runtime->hasConsole(alpha));
        QCOMPARE(static_cast<IocRuntime *>(fleet->inventory(host)), runtime);
        // Its log comes from the journal (procServ writes no log file here).
        QVERIFY(runtime->logCommand(alpha, false, 10)
                        .join(QLatin1Char(' '))
                        .contains(QLatin1String("journalctl")));
    }
    QCOMPARE(fleet->host(QStringLiteral("bus")), bus);
    QVERIFY(!fleet->host(QStringLiteral("nosuchhost")));
    Ioc stranger = alphas.first();
    stranger.host = QStringLiteral("nosuchhost");
    QVERIFY(!fleet->runtimeFor(stranger));
    QVERIFY(!fleet->contains(stranger.key()));
    QVERIFY(fleet->ioc(stranger.key()).unit.isEmpty());
}

void TestFleet::resolvesNamesGlobsAndHostNames()
{
    auto fleet = readyFleet();
    QVERIFY(fleet);

    // The same IOC on two hosts: a name alone is ambiguous for a single-IOC command.
    IocResolver::Result result = fleet->resolve({ QStringLiteral("fltalpha") }, true);
    QCOMPARE(result.status, IocResolver::Status::Ambiguous);
    QVERIFY2(result.errorString.contains(QLatin1String("Name one as HOST/NAME")),
             qPrintable(result.errorString));
    QVERIFY(result.errorString.contains(QLatin1String("local-user/fltalpha")));
    QVERIFY(result.errorString.contains(QLatin1String("bus/fltalpha")));
    // ... and means both for an action on several.
    result = fleet->resolve({ QStringLiteral("fltalpha") }, false);
    QVERIFY(result.isOk());
    QCOMPARE(result.iocs.size(), 2);

    result = fleet->resolve({ QStringLiteral("bus/fltalpha") }, true);
    QVERIFY2(result.isOk(), qPrintable(result.errorString));
    QCOMPARE(result.iocs.size(), 1);
    QCOMPARE(result.iocs.first().host, QStringLiteral("bus"));
    // HOST/UNIT too.
    result = fleet->resolve({ QStringLiteral("local-user/procserv-fltbeta.service") }, true);
    QVERIFY(result.isOk());
    QCOMPARE(result.iocs.first().host, QStringLiteral("local-user"));
    QCOMPARE(result.iocs.first().name, QStringLiteral("fltbeta"));

    // Globs, on every host or on one.
    result = fleet->resolve({ QStringLiteral("flt*") }, false);
    QVERIFY(result.isOk());
    QCOMPARE(result.iocs.size(), 4);
    result = fleet->resolve({ QStringLiteral("local-user/flt*") }, false);
    QCOMPARE(result.iocs.size(), 2);
    for (const Ioc &ioc : std::as_const(result.iocs))
        QCOMPARE(ioc.host, QStringLiteral("local-user"));

    // Only among the hosts asked for: one host, one match.
    result = fleet->resolve({ QStringLiteral("fltalpha") }, true,
                            { fleet->host(QStringLiteral("local-user")) });
    QVERIFY(result.isOk());
    QCOMPARE(result.iocs.first().host, QStringLiteral("local-user"));

    // Not found: with suggestions for a typo, none on an unknown host.
    result = fleet->resolve({ QStringLiteral("fltalhpa") }, true);
    QCOMPARE(result.status, IocResolver::Status::NotFound);
    QCOMPARE(result.suggestions.value(0), QStringLiteral("fltalpha"));
    QVERIFY(result.errorString.startsWith(QLatin1String("No such IOC: \"fltalhpa\".")));
    result = fleet->resolve({ QStringLiteral("nosuchhost/fltalpha") }, true);
    QCOMPARE(result.status, IocResolver::Status::NotFound);
    result = fleet->resolve({ QStringLiteral("zz*") }, false);
    QCOMPARE(result.status, IocResolver::Status::NotFound);
    QCOMPARE(result.errorString, QStringLiteral("No IOC matches \"zz*\"."));
    result = fleet->resolve({}, false);
    QCOMPARE(result.status, IocResolver::Status::Empty);
}

void TestFleet::followsRowsAndRunsActionsThroughTheRuntime()
{
    auto fleet = readyFleet();
    QVERIFY(fleet);
    const IocResolver::Result result = fleet->resolve({ QStringLiteral("bus/fltbeta") }, true);
    QVERIFY(result.isOk());
    const Ioc beta = result.iocs.first();
    const QString userKey = QStringLiteral("local-user/procserv-fltbeta.service");
    QVERIFY(fleet->contains(userKey));

    // Stopped through the runtime of one host: both hosts see it through the fleet.
    // Relayed as a change, or (when systemd unloads the stopped unit meanwhile) as the row
    // listed again.
    QSignalSpy changed(fleet.get(), &Fleet::iocChanged);
    QSignalSpy added(fleet.get(), &Fleet::iocAdded);
    bool done = false;
    JobResult outcome;
    fleet->runtimeFor(beta)->run(UnitAction::Stop, beta.key(), this,
                                 [&](const JobResult &jobResult) {
                                     outcome = jobResult;
                                     done = true;
                                 });
    QTRY_VERIFY_WITH_TIMEOUT(done, 60000);
    QVERIFY2(outcome.ok(), qPrintable(outcome.message));
    QTRY_COMPARE_WITH_TIMEOUT(fleet->ioc(beta.key()).activeState, QStringLiteral("inactive"),
                              30000);
    QTRY_COMPARE_WITH_TIMEOUT(fleet->ioc(userKey).activeState, QStringLiteral("inactive"), 30000);
    // The row changes at once, its signal follows when the runtime flushes its coalesced
    // changes: wait for the signal too.
    const auto relayed = [&] {
        for (const QSignalSpy *spy : { &changed, &added }) {
            for (const QList<QVariant> &args : *spy) {
                const Ioc row = args.at(0).value<Ioc>();
                if (row.key() == userKey && row.activeState == QLatin1String("inactive"))
                    return true;
            }
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(relayed(), 30000);

    done = false;
    fleet->runtimeFor(fleet->ioc(userKey))
            ->run(UnitAction::Start, userKey, this, [&](const JobResult &jobResult) {
                outcome = jobResult;
                done = true;
            });
    QTRY_VERIFY_WITH_TIMEOUT(done, 60000);
    QVERIFY2(outcome.ok(), qPrintable(outcome.message));
    QTRY_COMPARE_WITH_TIMEOUT(fleet->ioc(beta.key()).activeState, QStringLiteral("active"), 30000);
}

void TestFleet::removesAHostWithItsRows()
{
    // One host given (owned by the test), one made by the fleet.
    auto given = std::unique_ptr<Host>(Host::fromSpec(QStringLiteral("user")));
    auto fleet = std::make_unique<Fleet>();
    QVERIFY(fleet->addHost(given.get()));
    QVERIFY(!fleet->ownsHost(given.get()));
    QVERIFY(!fleet->addHost(given.get())); // once
    QPointer<Host> bus = fleet->addHost(m_busSpec);
    QVERIFY(bus);
    QTRY_VERIFY_WITH_TIMEOUT(fleet->isReady(), 60000);
    QCOMPARE(named(fleet->iocs(), QStringLiteral("fltalpha")).size(), 2);

    QSignalSpy removed(fleet.get(), &Fleet::hostRemoved);
    QPointer<IocRuntime> busRuntime = fleet->runtimes(bus).value(0);
    QVERIFY(busRuntime);
    QList<Ioc> rowsWhenRemoved;
    connect(fleet.get(), &Fleet::hostRemoved, this, [&](Host *host) {
        // Told while the host and its rows are still there.
        QCOMPARE(host, bus.data());
        rowsWhenRemoved = fleet->iocs(host);
    });
    QVERIFY(fleet->removeHost(bus));
    QCOMPARE(removed.count(), 1);
    QVERIFY(!rowsWhenRemoved.isEmpty());
    QVERIFY(!busRuntime); // destroyed with it
    QVERIFY(!bus); // owned by the fleet: destroyed
    QCOMPARE(fleet->hosts(), QList<Host *>{ given.get() });
    const QList<Ioc> alphas = named(fleet->iocs(), QStringLiteral("fltalpha"));
    QCOMPARE(alphas.size(), 1);
    QCOMPARE(alphas.first().host, QStringLiteral("local-user"));
    QCOMPARE(fleet->resolve({ QStringLiteral("bus/fltalpha") }, true).status,
             IocResolver::Status::NotFound);
    QVERIFY(!fleet->removeHost(bus));

    // A host the fleet does not own survives the fleet; its runtime does not.
    QPointer<IocRuntime> userRuntime = fleet->runtimes(given.get()).value(0);
    QVERIFY(userRuntime);
    fleet.reset();
    QVERIFY(!userRuntime);
    QCOMPARE(given->state(), Host::State::Connected);
}

void TestFleet::destroysRuntimesBeforeHostsWhileListing()
{
    // Destroyed while the listing's D-Bus calls are in flight: the runtimes' watchers must go
    // before the hosts close their connections (valgrind sees it when the order is wrong; see
    // DESIGN §11). Several rounds, at different points of the listing.
    for (int round = 0; round < 3; ++round) {
        auto fleet = std::make_unique<Fleet>();
        Host *user = fleet->addHost(QStringLiteral("user"));
        Host *bus = fleet->addHost(m_busSpec);
        QVERIFY(user && bus);
        QPointer<IocRuntime> runtime = fleet->runtimes(user).value(0);
        QSignalSpy listed(fleet.get(), &Fleet::hostListed);
        if (round == 1)
            QTRY_COMPARE_WITH_TIMEOUT(user->state(), Host::State::Connected, 30000);
        else if (round == 2)
            QVERIFY(listed.wait(60000));
        QPointer<Host> userHost = user;
        fleet.reset();
        QVERIFY(!runtime);
        QVERIFY(!userHost);
    }
    // A fleet of ready hosts with an action in flight.
    auto fleet = readyFleet();
    QVERIFY(fleet);
    const Ioc alpha = fleet->resolve({ QStringLiteral("local-user/fltalpha") }, true).iocs.value(0);
    QVERIFY(!alpha.key().isEmpty());
    fleet->runtimeFor(alpha)->run(UnitAction::Restart, alpha.key(), this, [](const JobResult &) {});
    fleet.reset();
    // Whatever the answer, it reaches no runtime: nothing crashes. The IOC keeps running.
    QTRY_COMPARE_WITH_TIMEOUT(m_sandbox.unitProperty(QStringLiteral("procserv-fltalpha.service"),
                                                     QStringLiteral("ActiveState")),
                              QStringLiteral("active"), 30000);
}

QTEST_GUILESS_MAIN(TestFleet)
#include "tst_fleet.moc"
