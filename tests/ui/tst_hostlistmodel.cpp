// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// HostListModel on a Fleet of real hosts: the sandbox's user manager and a bus nobody answers.
// Rows, states and IOC counts as the host list shows them, under QAbstractItemModelTester.
#include "core/fleet/fleet.h"
#include "core/hosts/host.h"
#include "core/systemd/systemdmanager.h" // host.h needs it complete (QPointer)
#include "tests/common/sandbox.h"
#include "ui/hostlistmodel.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

class TestHostListModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void showsHostsTheirStatesAndCounts();

private:
    static QString text(const HostListModel &model, int row)
    {
        return model.index(row).data().toString();
    }

    Sandbox m_sandbox;
    QStringList m_units;
};

void TestHostListModel::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    Q_INIT_RESOURCE(iocdock);
    qRegisterMetaType<Host *>();
    for (const QString &name : { QStringLiteral("hlmone"), QStringLiteral("hlmtwo") }) {
        const QString unit = QStringLiteral("procserv-%1.service").arg(name);
        QVERIFY(m_sandbox.installUnit(unit, Sandbox::procServUtilsUnit(name)));
        QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unit }));
        m_units << unit;
    }
}

void TestHostListModel::cleanupTestCase()
{
    if (!Sandbox::isAvailable())
        return;
    for (const QString &unit : std::as_const(m_units))
        m_sandbox.removeUnit(unit);
    m_sandbox.removeUnit(QStringLiteral("procserv-hlmnew.service"));
}

void TestHostListModel::showsHostsTheirStatesAndCounts()
{
    Fleet fleet;
    HostListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFleet(&fleet);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(text(model, 0), QStringLiteral("All hosts (0)"));
    QCOMPARE(model.index(0).data(HostListModel::HostIdRole).toString(), QString());
    QVERIFY(!model.host(0));

    // A host added to the fleet is a row at once, connecting, then with its IOCs.
    Host *user = fleet.addHost(QStringLiteral("user"));
    QVERIFY(user);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.host(1), user);
    QCOMPARE(model.rowOf(user), 1);
    QCOMPARE(model.index(1).data(HostListModel::HostIdRole).toString(),
             QStringLiteral("local-user"));
    QTRY_VERIFY_WITH_TIMEOUT(fleet.isReady(), 60000);
    const int listed = static_cast<int>(fleet.iocs(user).size());
    QVERIFY(listed >= 2);
    QTRY_COMPARE_WITH_TIMEOUT(text(model, 1),
                              QStringLiteral("This machine (user) (%1)").arg(listed), 10000);
    QCOMPARE(model.iocCount(user), listed);
    QCOMPARE(text(model, 0), QStringLiteral("All hosts (%1)").arg(listed));
    QVERIFY(model.index(1).data(Qt::ToolTipRole).toString().contains(QLatin1String("local-user")));
    QVERIFY(!model.index(1).data(Qt::DecorationRole).value<QIcon>().isNull());

    // A bus nobody answers on: its row says why, the total stays.
    const QString deadSpec = QStringLiteral("bus:unix:path=%1/no-such-bus").arg(m_sandbox.dir());
    Host *dead = fleet.addHost(deadSpec);
    QVERIFY(dead);
    QCOMPARE(model.rowCount(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(dead->state(), Host::State::Failed, 30000);
    QCOMPARE(text(model, 2), QStringLiteral("%1 — %2").arg(dead->displayName(), dead->stateText()));
    QVERIFY(!dead->errorString().isEmpty());
    QVERIFY(model.index(2).data(Qt::ToolTipRole).toString().contains(dead->errorString()));
    QCOMPARE(text(model, 0), QStringLiteral("All hosts (%1)").arg(listed));

    // An IOC installed and started on the host counts at once; gone, it no longer does.
    const QString unit = QStringLiteral("procserv-hlmnew.service");
    QVERIFY(m_sandbox.installUnit(unit, Sandbox::procServUtilsUnit(QStringLiteral("hlmnew"))));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unit }));
    QTRY_COMPARE_WITH_TIMEOUT(text(model, 1),
                              QStringLiteral("This machine (user) (%1)").arg(listed + 1), 30000);
    QCOMPARE(text(model, 0), QStringLiteral("All hosts (%1)").arg(listed + 1));
    QVERIFY(m_sandbox.removeUnit(unit));
    QTRY_COMPARE_WITH_TIMEOUT(text(model, 1),
                              QStringLiteral("This machine (user) (%1)").arg(listed), 30000);

    // Removed from the fleet: its row goes, the others stay.
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QVERIFY(fleet.removeHost(dead));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 2);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.host(1), user);
    QCOMPARE(model.rowOf(user), 1);

    // The user host removed from under it too: "All hosts" counts nothing any more.
    QPointer<Host> gone = user;
    QVERIFY(fleet.removeHost(user));
    QVERIFY(!gone);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(text(model, 0), QStringLiteral("All hosts (0)"));
    user = fleet.addHost(QStringLiteral("user"));
    QVERIFY(user);
    QTRY_VERIFY_WITH_TIMEOUT(fleet.isReady(), 60000);
    QTRY_COMPARE_WITH_TIMEOUT(text(model, 1),
                              QStringLiteral("This machine (user) (%1)").arg(listed), 30000);

    // A second model on the same fleet starts with the hosts it has.
    HostListModel late;
    QAbstractItemModelTester lateTester(&late,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
    late.setFleet(&fleet);
    QCOMPARE(late.rowCount(), 2);
    QCOMPARE(text(late, 1), QStringLiteral("This machine (user) (%1)").arg(listed));
}

QTEST_MAIN(TestHostListModel)
#include "tst_hostlistmodel.moc"
