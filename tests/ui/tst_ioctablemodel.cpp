// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/fleet/fleet.h"
#include "core/ioc/iocformat.h"
#include "ui/ioctablemodel.h"
#include "ui/themecolors.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QColor>
#include <QGuiApplication>
#include <QPalette>
#include <QSignalSpy>
#include <QTest>

class TestIocTableModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void insertsNewIocs();
    void updatesExactlyTheChangedRow();
    void removesRowsAndKeepsKeysInStep();
    void removeHostRemovesOnlyItsRows();
    void showsStatusTextAndChildPid();
    void showsTheIocProcessOwnState();
    void showsAContainerRow();
    void sortsByUnderlyingValues();
    void computesCpuRateFromTwoSamples();
    void refreshTimesTouchesOnlyTimeColumns();
    void appliesABurstFromAnInventoryAtOnce();

private:
    static Ioc makeIoc(const QString &name, const QString &activeState = QStringLiteral("active"),
                       const QString &host = QStringLiteral("user"));

    IocTableModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
    QDateTime m_now;
};

Ioc TestIocTableModel::makeIoc(const QString &name, const QString &activeState, const QString &host)
{
    Ioc ioc;
    ioc.host = host;
    ioc.name = name;
    ioc.unit = QStringLiteral("procserv-%1.service").arg(name);
    ioc.unitPath = QStringLiteral("/org/freedesktop/systemd1/unit/procserv_2d") + name;
    ioc.loadState = QStringLiteral("loaded");
    ioc.activeState = activeState;
    ioc.subState = activeState == QLatin1String("active") ? QStringLiteral("running")
                                                          : QStringLiteral("dead");
    ioc.unitFileState = QStringLiteral("enabled");
    ioc.convention = QStringLiteral("procservutils");
    return ioc;
}

void TestIocTableModel::initTestCase()
{
    Q_INIT_RESOURCE(iocdock);
}

void TestIocTableModel::init()
{
    m_now = QDateTime(QDate(2025, 1, 2), QTime(12, 0), Qt::UTC);
    m_model = new IocTableModel;
    m_model->setClock([this] { return m_now; });
    m_tester = new QAbstractItemModelTester(m_model,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestIocTableModel::cleanup()
{
    delete m_tester;
    delete m_model;
}

void TestIocTableModel::insertsNewIocs()
{
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    m_model->upsert(makeIoc(QStringLiteral("motor1")));
    m_model->upsert(makeIoc(QStringLiteral("vac2")));
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(1).at(1).toInt(), 1);
    QCOMPARE(m_model->columnCount(), int(IocTableModel::ColumnCount));
    QCOMPARE(m_model->index(1, IocTableModel::NameColumn).data().toString(),
             QStringLiteral("vac2"));
    QCOMPARE(m_model->rowOf(QStringLiteral("user/procserv-vac2.service")), 1);
    QCOMPARE(m_model->headerData(IocTableModel::StatusColumn, Qt::Horizontal).toString(),
             QStringLiteral("Status"));
}

void TestIocTableModel::updatesExactlyTheChangedRow()
{
    m_model->upsert(makeIoc(QStringLiteral("a")));
    m_model->upsert(makeIoc(QStringLiteral("b")));
    m_model->upsert(makeIoc(QStringLiteral("c")));
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);

    Ioc b = makeIoc(QStringLiteral("b"), QStringLiteral("failed"));
    m_model->upsert(b);

    QCOMPARE(inserted.count(), 0);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(changed.count(), 1);
    const QModelIndex topLeft = changed.at(0).at(0).toModelIndex();
    const QModelIndex bottomRight = changed.at(0).at(1).toModelIndex();
    QCOMPARE(topLeft.row(), 1);
    QCOMPARE(bottomRight.row(), 1);
    QCOMPARE(topLeft.column(), 0);
    QCOMPARE(bottomRight.column(), IocTableModel::ColumnCount - 1);
    QCOMPARE(m_model->index(1, 0).data(IocTableModel::StatusRole).toString(),
             QStringLiteral("failed"));
}

void TestIocTableModel::removesRowsAndKeepsKeysInStep()
{
    const QStringList names = { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                                QStringLiteral("d") };
    for (const QString &name : names)
        m_model->upsert(makeIoc(name));
    QSignalSpy removed(m_model, &QAbstractItemModel::rowsRemoved);

    m_model->remove(QStringLiteral("user/procserv-b.service"));
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 1);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->rowOf(QStringLiteral("user/procserv-b.service")), -1);
    QCOMPARE(m_model->rowOf(QStringLiteral("user/procserv-c.service")), 1);
    QCOMPARE(m_model->rowOf(QStringLiteral("user/procserv-d.service")), 2);

    // An update after the removal lands on the right row.
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->upsert(makeIoc(QStringLiteral("d"), QStringLiteral("inactive")));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 2);
    QCOMPARE(m_model->index(2, 0).data(IocTableModel::StatusRole).toString(),
             QStringLiteral("exited"));

    m_model->remove(QStringLiteral("user/no-such.service"));
    QCOMPARE(removed.count(), 1);
}

void TestIocTableModel::removeHostRemovesOnlyItsRows()
{
    m_model->upsert(
            makeIoc(QStringLiteral("a"), QStringLiteral("active"), QStringLiteral("local")));
    m_model->upsert(makeIoc(QStringLiteral("b"), QStringLiteral("active"), QStringLiteral("user")));
    m_model->upsert(
            makeIoc(QStringLiteral("c"), QStringLiteral("active"), QStringLiteral("local")));
    m_model->removeHost(QStringLiteral("local"));
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->ioc(0).name, QStringLiteral("b"));
    QCOMPARE(m_model->rowOf(QStringLiteral("user/procserv-b.service")), 0);
}

void TestIocTableModel::showsStatusTextAndChildPid()
{
    Ioc ioc = makeIoc(QStringLiteral("motor1"));
    ioc.mainPid = 1234;
    ioc.childPid = 1240;
    ioc.childState = ChildState::ShutDown;
    ioc.activeSince = m_now.addSecs(-3600);
    m_model->upsert(ioc);

    const QModelIndex status = m_model->index(0, IocTableModel::StatusColumn);
    QCOMPARE(status.data().toString(), IocFormat::statusText(ioc, m_now));
    QVERIFY(!status.data(Qt::DecorationRole).value<QIcon>().pixmap(16, 16).isNull());
    QVERIFY(status.data(Qt::ToolTipRole).toString().contains(QStringLiteral("shut down")));

    const QModelIndex pid = m_model->index(0, IocTableModel::PidColumn);
    QCOMPARE(pid.data().toString(), QStringLiteral("1240"));
    QVERIFY(pid.data(Qt::ToolTipRole).toString().contains(QStringLiteral("procServ PID: 1234")));

    QCOMPARE(m_model->index(0, IocTableModel::UptimeColumn).data().toString(),
             IocFormat::uptimeText(ioc, m_now));
    QCOMPARE(m_model->index(0, IocTableModel::EnabledColumn).data().toString(),
             QStringLiteral("enabled"));

    // A stopped IOC shows no uptime.
    m_model->upsert(makeIoc(QStringLiteral("motor1"), QStringLiteral("inactive")));
    QCOMPARE(m_model->index(0, IocTableModel::UptimeColumn).data().toString(), QString());
}

void TestIocTableModel::showsAContainerRow()
{
    // A row as ContainerRuntime makes it (tst_containerruntime checks that against Podman).
    Ioc ioc;
    ioc.host = QStringLiteral("user");
    ioc.runtime = QStringLiteral("podman");
    ioc.name = QStringLiteral("motor1");
    ioc.containerId = QStringLiteral("0123abcd");
    ioc.container = QStringLiteral("motor1-ctr");
    ioc.image = QStringLiteral("localhost/epics-ioc:1.0");
    ioc.containerState = QStringLiteral("exited");
    ioc.exitCode = 137;
    ioc.restartPolicy = QStringLiteral("no");
    ioc.inactiveSince = m_now.addSecs(-120);
    m_model->upsert(ioc);
    QCOMPARE(m_model->rowOf(QStringLiteral("user/podman:motor1-ctr")), 0);
    const QModelIndex status = m_model->index(0, IocTableModel::StatusColumn);
    QCOMPARE(status.data().toString(), QStringLiteral("Exited (137) 2 minutes ago"));
    const QString tip = status.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("podman: exited")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Last exit code: 137")), qPrintable(tip));
    QVERIFY2(!tip.contains(QStringLiteral("systemd")), qPrintable(tip));
    QCOMPARE(m_model->index(0, IocTableModel::RuntimeColumn).data().toString(),
             QStringLiteral("podman"));
    QCOMPARE(m_model->index(0, IocTableModel::ImageColumn).data().toString(),
             QStringLiteral("localhost/epics-ioc:1.0"));
    // A container follows no unit convention: the column does not repeat its runtime.
    QCOMPARE(m_model->index(0, IocTableModel::ConventionColumn).data().toString(), QString());
    QCOMPARE(m_model->index(0, IocTableModel::EnabledColumn).data().toString(),
             QStringLiteral("no"));
    const QString nameTip =
            m_model->index(0, IocTableModel::NameColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(nameTip.contains(QStringLiteral("Image: localhost/epics-ioc:1.0")),
             qPrintable(nameTip));
    QCOMPARE(m_model->index(0, IocTableModel::UptimeColumn).data().toString(), QString());

    // Running: docker's "Up ..." and the uptime of the container.
    ioc.containerState = QStringLiteral("running");
    ioc.exitCode = -1;
    ioc.activeSince = m_now.addSecs(-3 * 3600);
    ioc.inactiveSince = QDateTime();
    m_model->upsert(ioc);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(status.data().toString(), QStringLiteral("Up 3 hours"));
    QCOMPARE(m_model->index(0, IocTableModel::UptimeColumn).data().toString(),
             QStringLiteral("3 hours"));

    // Its IOC shell is the container's main process (no procServ): one PID, named once, and
    // not as procServ's.
    ioc.mainPid = 4321;
    ioc.childPid = 4321;
    ioc.childState = ChildState::Running;
    m_model->upsert(ioc);
    const QModelIndex pid = m_model->index(0, IocTableModel::PidColumn);
    QCOMPARE(pid.data().toString(), QStringLiteral("4321"));
    QCOMPARE(pid.data(Qt::ToolTipRole).toString(), QStringLiteral("IOC process PID: 4321"));
    // procServ as the container's main process: two PIDs, the second the container's.
    ioc.childPid = 4330;
    m_model->upsert(ioc);
    QCOMPARE(pid.data().toString(), QStringLiteral("4330"));
    QCOMPARE(pid.data(Qt::ToolTipRole).toString(),
             QStringLiteral("IOC process PID: 4330\nContainer's main process PID: 4321"));
}

void TestIocTableModel::showsTheIocProcessOwnState()
{
    // procServ up for an hour; its IOC process crashes and restarts inside it.
    Ioc ioc = makeIoc(QStringLiteral("crashy"));
    ioc.mainPid = 3027;
    ioc.childPid = 20551;
    ioc.childState = ChildState::Running;
    ioc.activeSince = m_now.addSecs(-3600);
    ioc.childSince = m_now.addSecs(-30);
    ioc.childRestarts = 5;
    for (int i = 5; i >= 1; --i)
        ioc.recentRestarts << m_now.addSecs(-40 * i);
    ioc.childCrashLoop = true;
    ioc.lastExit.signal = 11;
    ioc.lastExit.at = m_now.addSecs(-31);
    m_model->upsert(ioc);

    const QModelIndex status = m_model->index(0, IocTableModel::StatusColumn);
    QCOMPARE(status.data().toString(),
             QStringLiteral("Restarting (crashed 5\u00d7 in 10 min, last: SIGSEGV)"));
    QCOMPARE(status.data(IocTableModel::StatusRole).toString(), QStringLiteral("crashloop"));
    // A warning colour, as for a shut-down IOC.
    QVERIFY(status.data(Qt::ForegroundRole).value<QBrush>().color().isValid());
    // (The warning tone on the application's palette, readable on its background.)
    const QColor warning = status.data(Qt::ForegroundRole).value<QBrush>().color();
    QCOMPARE(warning, ThemeColors::text(ThemeColors::Tone::Warning));
    QVERIFY(ThemeColors::contrast(warning, QGuiApplication::palette().color(QPalette::Base))
            >= 4.5);
    const QString tip = status.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("Last exit: SIGSEGV")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("IOC restarts inside procServ: 5")), qPrintable(tip));
    // PID and uptime are the current IOC process's, not procServ's.
    QCOMPARE(m_model->index(0, IocTableModel::PidColumn).data().toString(),
             QStringLiteral("20551"));
    QCOMPARE(m_model->index(0, IocTableModel::UptimeColumn).data().toString(),
             QStringLiteral("30 seconds"));
    QCOMPARE(m_model->index(0, IocTableModel::RestartsColumn).data().toString(),
             QStringLiteral("5"));

    // Unknown count: "?", never 0; sorted below every known count.
    ioc.childRestarts = -1;
    ioc.childCrashLoop = false;
    ioc.recentRestarts.clear();
    m_model->upsert(ioc);
    QCOMPARE(m_model->index(0, IocTableModel::RestartsColumn).data().toString(),
             QStringLiteral("?"));
    QCOMPARE(m_model->index(0, IocTableModel::RestartsColumn).data(IocTableModel::SortRole),
             QVariant(qint64(-1)));
    QCOMPARE(status.data().toString(), QStringLiteral("Up 30 seconds"));

    // Before iocInit finished: Starting.
    ioc.readiness = Readiness::Starting;
    m_model->upsert(ioc);
    QCOMPARE(status.data().toString(), QStringLiteral("Starting"));
    QVERIFY(status.data(Qt::ToolTipRole).toString().contains(QStringLiteral("iocInit")));
}

void TestIocTableModel::sortsByUnderlyingValues()
{
    Ioc small = makeIoc(QStringLiteral("small"));
    small.memoryBytes = 900 * 1024; // "900 KiB" sorts after "2 MiB" as text
    small.activeSince = m_now.addSecs(-90); // 1 min 30 s
    Ioc big = makeIoc(QStringLiteral("big"));
    big.memoryBytes = 2 * 1024 * 1024;
    big.activeSince = m_now.addSecs(-7200);
    m_model->upsert(small);
    m_model->upsert(big);

    const auto sortValue = [this](int row, int column) {
        return m_model->index(row, column).data(IocTableModel::SortRole);
    };
    QCOMPARE(sortValue(0, IocTableModel::MemoryColumn).toULongLong(), quint64(900 * 1024));
    QVERIFY(sortValue(0, IocTableModel::MemoryColumn).toULongLong()
            < sortValue(1, IocTableModel::MemoryColumn).toULongLong());
    QCOMPARE(sortValue(0, IocTableModel::UptimeColumn).toLongLong(), qint64(90));
    QCOMPARE(sortValue(1, IocTableModel::UptimeColumn).toLongLong(), qint64(7200));
    QVERIFY(IocTableModel::statusRank(QStringLiteral("running"))
            < IocTableModel::statusRank(QStringLiteral("failed")));
    QVERIFY(IocTableModel::statusRank(QStringLiteral("failed"))
            < IocTableModel::statusRank(QStringLiteral("exited")));
}

void TestIocTableModel::computesCpuRateFromTwoSamples()
{
    Ioc ioc = makeIoc(QStringLiteral("busy"));
    ioc.cpuNSec = 1000000000ULL;
    m_model->upsert(ioc);
    const QModelIndex cpu = m_model->index(0, IocTableModel::CpuColumn);
    QCOMPARE(cpu.data().toString(), QString()); // one sample: no rate yet

    m_now = m_now.addSecs(2);
    ioc.cpuNSec += 500000000ULL; // 0.5 s of CPU in 2 s
    m_model->upsert(ioc);
    QCOMPARE(cpu.data(IocTableModel::SortRole).toDouble(), 25.0);
    QVERIFY(cpu.data().toString().startsWith(QStringLiteral("25")));
}

void TestIocTableModel::refreshTimesTouchesOnlyTimeColumns()
{
    m_model->upsert(makeIoc(QStringLiteral("a")));
    m_model->upsert(makeIoc(QStringLiteral("b")));
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    m_model->refreshTimes();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().column(), int(IocTableModel::StatusColumn));
    QCOMPARE(changed.at(0).at(1).toModelIndex().column(), int(IocTableModel::UptimeColumn));
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 1);
}

void TestIocTableModel::appliesABurstFromAnInventoryAtOnce()
{
    // The fleet has no hosts: it only relays what the test emits, as it relays a runtime's
    // listing or a mass restart.
    auto *fleet = new Fleet(m_model);
    m_model->setFleet(fleet);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);

    for (int i = 0; i < 300; ++i)
        emit fleet->iocAdded(makeIoc(QStringLiteral("ioc%1").arg(i, 3, 10, QLatin1Char('0'))));
    QCOMPARE(m_model->rowCount(), 0); // applied once control is back in the event loop
    QTRY_COMPARE(m_model->rowCount(), 300);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 299);
    QCOMPARE(m_model->ioc(0).name, QStringLiteral("ioc000"));
    QCOMPARE(m_model->ioc(299).name, QStringLiteral("ioc299"));

    // Ten neighbours and one more row stop; row 50 changes twice and the newest value wins.
    for (int i = 10; i < 20; ++i)
        emit fleet->iocChanged(makeIoc(QStringLiteral("ioc%1").arg(i, 3, 10, QLatin1Char('0')),
                                       QStringLiteral("inactive")));
    emit fleet->iocChanged(makeIoc(QStringLiteral("ioc050"), QStringLiteral("failed")));
    emit fleet->iocChanged(makeIoc(QStringLiteral("ioc050"), QStringLiteral("inactive")));
    QTRY_COMPARE(changed.count(), 2);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 10);
    QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 19);
    QCOMPARE(changed.at(1).at(0).toModelIndex().row(), 50);
    QCOMPARE(changed.at(1).at(1).toModelIndex().row(), 50);
    QCOMPARE(m_model->ioc(50).activeState, QStringLiteral("inactive"));
    QCOMPARE(m_model->ioc(15).activeState, QStringLiteral("inactive"));
    QCOMPARE(m_model->ioc(20).activeState, QStringLiteral("active"));
    QCOMPARE(inserted.count(), 1);

    // A change still queued when the IOC goes away does not bring its row back.
    emit fleet->iocChanged(makeIoc(QStringLiteral("ioc100"), QStringLiteral("inactive")));
    emit fleet->iocRemoved(m_model->ioc(100).key(), m_model->ioc(100).host);
    QCOMPARE(m_model->rowCount(), 299);
    m_model->applyPending(); // what the queued timer does
    QCOMPARE(m_model->rowCount(), 299);
    QVERIFY(!m_model->contains(makeIoc(QStringLiteral("ioc100")).key()));
}

QTEST_MAIN(TestIocTableModel)
#include "tst_ioctablemodel.moc"
