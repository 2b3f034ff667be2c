// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// ChildTracker through the Inventory that owns it, against the sandbox's real systemd --user
// and real procServ running iocsim that crashes every few seconds (procServ --holdoff 1).
// Also its -L log reading and the /proc facts on their own.
#include "core/hosts/host.h"
#include "core/ioc/childtracker.h"
#include "core/ioc/inventory.h"
#include "core/ioc/iocaccess.h"
#include "core/ioc/iocformat.h"
#include "core/procserv/consolesession.h"
#include "tests/common/sandbox.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>
#include <unistd.h>

namespace {

// The IOC process procServ runs now, as /proc tells it (0 when none).
quint32 realChild(quint32 procServPid)
{
    QFile children(QStringLiteral("/proc/%1/task/%1/children").arg(procServPid));
    if (!children.open(QIODevice::ReadOnly))
        return 0;
    return children.readAll().simplified().split(' ').value(0).toUInt();
}

} // namespace

class TestChildTracker : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void readsLogFile();
    void processStartTime();
    void followsCrashLoopLive();
    void showsStartingUntilIocInit();
    void observerOnConsoleCountedOnlyWhenFirst();
    void oneShotCountsFromLogFile();
    void oneShotWithoutLogIsUnknown();

private:
    std::unique_ptr<Inventory> startInventory(bool follow, Inventory::DetailLevel level);
    Ioc findByName(const Inventory &inventory, const QString &name);

    Sandbox m_sandbox;
    Host *m_host = nullptr;
    QStringList m_units;
    QString m_logFile;
};

void TestChildTracker::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    m_logFile = m_sandbox.dir() + QStringLiteral("/ctlogged.log");
    const QList<quint16> ports = Sandbox::freeTcpPorts(3);
    QCOMPARE(ports.size(), 3);
    // Crashes (abort(): SIGABRT) two seconds after each start; procServ restarts it after 1 s.
    const QList<QPair<QString, QString>> units{
        { QStringLiteral("ctcrash.service"),
          Sandbox::procServUnit(QStringLiteral("ctcrash"),
                                { QStringLiteral("--holdoff"), QStringLiteral("1"),
                                  QString::number(ports.at(0)) },
                                { QStringLiteral("--crash-after"), QStringLiteral("2") }) },
        { QStringLiteral("ctlogged.service"),
          Sandbox::procServUnit(QStringLiteral("ctlogged"),
                                { QStringLiteral("--holdoff"), QStringLiteral("1"),
                                  QStringLiteral("-L"), m_logFile, QString::number(ports.at(1)) },
                                { QStringLiteral("--crash-after"), QStringLiteral("2") }) },
        { QStringLiteral("ctboot.service"),
          Sandbox::procServUnit(QStringLiteral("ctboot"),
                                { QStringLiteral("--holdoff"), QStringLiteral("1"),
                                  QString::number(ports.at(2)) },
                                { QStringLiteral("--boot-delay"), QStringLiteral("4"),
                                  QStringLiteral("--crash-after"), QStringLiteral("8") }) },
    };
    for (const auto &unit : units) {
        QVERIFY2(m_sandbox.installUnit(unit.first, unit.second), qPrintable(unit.first));
        m_units << unit.first;
    }
    m_host = Host::fromSpec(QStringLiteral("user"), this);
    m_host->connectToManager();
    QTRY_COMPARE_WITH_TIMEOUT(m_host->state(), Host::State::Connected, 10000);
}

void TestChildTracker::cleanupTestCase()
{
    if (!Sandbox::isAvailable())
        return;
    for (const QString &unit : std::as_const(m_units))
        m_sandbox.removeUnit(unit);
}

std::unique_ptr<Inventory> TestChildTracker::startInventory(bool follow,
                                                            Inventory::DetailLevel level)
{
    auto inventory = std::make_unique<Inventory>(m_host);
    inventory->setFollowChildren(follow);
    inventory->setDetailLevel(level);
    QSignalSpy ready(inventory.get(), &Inventory::ready);
    inventory->start();
    if (!ready.wait(60000))
        return nullptr;
    return inventory;
}

Ioc TestChildTracker::findByName(const Inventory &inventory, const QString &name)
{
    const QList<Ioc> found = inventory.find(name);
    return found.isEmpty() ? Ioc() : found.first();
}

void TestChildTracker::readsLogFile()
{
    // What procServ 2.7 writes to its -L log (seen here): an earlier run of the unit, then
    // this one, whose first child is no restart; then two exits and restarts.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("log"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("@@@ Restarting child \"x\"\r\n"
               "@@@ The PID of new child \"x\" is: 100\r\n"
               "@@@ Received a sigChild for process 100. The process was killed by signal 11\r\n"
               "@@@ Current time: Sun Dec  6 01:00:00 2026\r\n"
               "@@@ Child process is shutting down, a new one will be restarted shortly\r\n"
               "@@@ Restarting child \"x\"\r\n"
               "@@@ The PID of new child \"x\" is: 101\r\n"
               // procServ stopped (SIGTERM): no sigChild, and no restart of this unit's run
               "epics> @@@ Current time: Sun Dec  6 01:00:05 2026\r\n"
               "@@@ Child process is shutting down, a new one will be restarted shortly\r\n"
               // the unit started again at 02:00:00
               "@@@ Restarting child \"x\"\r\n"
               "@@@ The PID of new child \"x\" is: 200\r\n"
               "iocRun: All initialization complete\r\n"
               "@@@ Received a sigChild for process 200. Normal exit status = 3\r\n"
               "@@@ Current time: Sun Dec  6 02:00:02 2026\r\n"
               "@@@ Child process is shutting down, a new one will be restarted shortly\r\n"
               "@@@ ^R or ^X restarts the child, ^Q quits the server\r\n"
               "@@@ Restarting child \"x\"\r\n"
               "@@@ The PID of new child \"x\" is: 201\r\n"
               // procServ saw the tty close first: the sigChild line comes after.
               "@@@ Current time: Sun Dec  6 02:00:05 2026\r\n"
               "@@@ Child process is shutting down, a new one will be restarted shortly\r\n"
               "@@@ Received a sigChild for process 201. The process was killed by signal 6\r\n"
               "@@@ Restarting child \"x\"\r\n"
               "@@@ The PID of new child \"x\" is: 202\r\n"
               "booting\r\n");
    file.close();
    const QDateTime unitStart(QDate(2026, 12, 6), QTime(2, 0, 0, 300));
    ProcServStateTracker log;
    QVERIFY(ChildTracker::readLogFile(path, unitStart, &log));
    QCOMPARE(log.childRestarts(), 2);
    QCOMPARE(log.childPid(), 202u);
    QCOMPARE(log.lastExit().signal, 6);
    QCOMPARE(log.lastExit().signalName(), QStringLiteral("SIGABRT"));
    QCOMPARE(log.lastExit().at, QDateTime(QDate(2026, 12, 6), QTime(2, 0, 5)));
    QCOMPARE(log.restartTimes().size(), 2);
    QCOMPARE(log.readiness(), Readiness::Starting);

    // Without the unit's start time, the first run's stop (also "shutting down") cannot be
    // told from a crash: its restarts, plus the second run's first child.
    ProcServStateTracker all;
    QVERIFY(ChildTracker::readLogFile(path, QDateTime(), &all));
    QCOMPARE(all.childRestarts(), 4);

    ProcServStateTracker missing;
    QVERIFY(!ChildTracker::readLogFile(dir.filePath(QStringLiteral("none")), unitStart, &missing));
}

void TestChildTracker::processStartTime()
{
    const QDateTime mine = ChildTracker::processStartTime(quint32(::getpid()));
    QVERIFY(mine.isValid());
    QVERIFY(mine <= QDateTime::currentDateTime().addSecs(1));
    QVERIFY(mine.secsTo(QDateTime::currentDateTime()) < 3600);
    QVERIFY(!ChildTracker::processStartTime(0).isValid());
}

void TestChildTracker::followsCrashLoopLive()
{
    auto inventory = startInventory(true, Inventory::DetailLevel::Full);
    QVERIFY(inventory);
    // Started while followed: every restart since the unit started is seen.
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), QStringLiteral("ctcrash.service") }));
    QTRY_VERIFY_WITH_TIMEOUT(
            findByName(*inventory, QStringLiteral("ctcrash")).childPid != 0
                    && findByName(*inventory, QStringLiteral("ctcrash")).childRestarts >= 0,
            20000);
    const Ioc first = findByName(*inventory, QStringLiteral("ctcrash"));
    QVERIFY(first.childRestarts <= 1);

    // Each restart: the row's PID is the real one again, with its start time from /proc.
    QList<quint32> pids{ first.childPid };
    while (pids.size() < 4) {
        QTRY_VERIFY_WITH_TIMEOUT(
                findByName(*inventory, QStringLiteral("ctcrash")).childPid != pids.last()
                        && findByName(*inventory, QStringLiteral("ctcrash")).childPid != 0,
                20000);
        const Ioc row = findByName(*inventory, QStringLiteral("ctcrash"));
        pids << row.childPid;
        QTRY_COMPARE_WITH_TIMEOUT(realChild(row.mainPid),
                                  findByName(*inventory, QStringLiteral("ctcrash")).childPid,
                                  10000);
    }
    const Ioc row = findByName(*inventory, QStringLiteral("ctcrash"));
    QVERIFY2(row.childRestarts >= 3, qPrintable(QString::number(row.childRestarts)));
    QCOMPARE(row.restarts(), qint64(row.nRestarts) + row.childRestarts);
    QCOMPARE(row.nRestarts, 0u); // systemd saw none of it
    QCOMPARE(row.lastExit.signalName(), QStringLiteral("SIGABRT"));
    QVERIFY(row.lastExit.at.isValid());
    QVERIFY(row.childSince.isValid());
    QCOMPARE(row.childSince, ChildTracker::processStartTime(row.childPid));
    QVERIFY(row.childSince > row.activeSince);
    // What the user sees.
    QCOMPARE(row.status(), QStringLiteral("crashloop"));
    const QString text = IocFormat::statusText(row, QDateTime::currentDateTime());
    QVERIFY2(text.startsWith(QStringLiteral("Restarting (crashed ")), qPrintable(text));
    QVERIFY2(text.endsWith(QStringLiteral("last: SIGABRT)")), qPrintable(text));
    const QJsonObject json = IocFormat::toJson(row);
    QCOMPARE(json.value(QStringLiteral("crashLoop")).toBool(), true);
    QCOMPARE(json.value(QStringLiteral("lastExit"))
                     .toObject()
                     .value(QStringLiteral("signal"))
                     .toString(),
             QStringLiteral("SIGABRT"));
    QCOMPARE(json.value(QStringLiteral("pid")).toInt(), int(row.childPid));

    QVERIFY(m_sandbox.systemctl({ QStringLiteral("stop"), QStringLiteral("ctcrash.service") }));
    QTRY_COMPARE_WITH_TIMEOUT(findByName(*inventory, QStringLiteral("ctcrash")).status(),
                              QStringLiteral("exited"), 20000);
    // Nothing of the last child is shown as current once the unit stopped.
    QTRY_COMPARE_WITH_TIMEOUT(findByName(*inventory, QStringLiteral("ctcrash")).childRestarts, -1,
                              5000);
    QCOMPARE(findByName(*inventory, QStringLiteral("ctcrash")).restarts(), 0);
}

void TestChildTracker::showsStartingUntilIocInit()
{
    auto inventory = startInventory(true, Inventory::DetailLevel::Full);
    QVERIFY(inventory);
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), QStringLiteral("ctboot.service") }));
    // The child after the first crash is seen from its start: "Starting" while it boots
    // (4 s), then running.
    bool sawStarting = false;
    QTRY_VERIFY_WITH_TIMEOUT(
            (sawStarting = sawStarting
                     || (findByName(*inventory, QStringLiteral("ctboot")).readiness
                                 == Readiness::Starting
                         && findByName(*inventory, QStringLiteral("ctboot")).status()
                                 == QStringLiteral("starting"))),
            40000);
    QCOMPARE(IocFormat::statusText(findByName(*inventory, QStringLiteral("ctboot")),
                                   QDateTime::currentDateTime()),
             QStringLiteral("Starting"));
    QTRY_COMPARE_WITH_TIMEOUT(findByName(*inventory, QStringLiteral("ctboot")).readiness,
                              Readiness::Ready, 20000);
    QCOMPARE(findByName(*inventory, QStringLiteral("ctboot")).status(), QStringLiteral("running"));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("stop"), QStringLiteral("ctboot.service") }));
}

void TestChildTracker::observerOnConsoleCountedOnlyWhenFirst()
{
    // ctboot has no log port: the observer is on procServ's console, a "user" to procServ.
    auto inventory = startInventory(true, Inventory::DetailLevel::Full);
    QVERIFY(inventory);
    // No banner probe beside the observer: procServ's counts are then exactly known.
    inventory->setProbeConsoles(false);
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), QStringLiteral("ctboot.service") }));
    QTRY_VERIFY_WITH_TIMEOUT(findByName(*inventory, QStringLiteral("ctboot")).childPid != 0,
                             20000); // the observer has had its banner
    const Ioc ioc = findByName(*inventory, QStringLiteral("ctboot"));
    QVERIFY(!ioc.logPort.isValid());

    // A console begun after that: procServ counts the observer, and it is known to be ours.
    const qint64 started = ChildTracker::steadyNowNs();
    std::unique_ptr<ConsoleSession> session(createIocConsole(*m_host, ioc, true, nullptr));
    QSignalSpy banner(session.get(), &ConsoleSession::bannerReceived);
    session->open();
    QVERIFY(banner.wait(20000));
    const int users = session->tracker().users();
    QCOMPARE(users, 1); // the observer (nobody else is on this console)
    QCOMPARE(inventory->ownConsoleClients(ioc, started, users), 1);
    // Connecting at the same moment (begun before the observer's banner, here: unknown), the
    // counts decide: one more than the observer saw means the observer came first...
    QCOMPARE(inventory->ownConsoleClients(ioc, -1, users), 1);
    // ...the same as it saw means this connection came first: not subtracted (errs high).
    QCOMPARE(inventory->ownConsoleClients(ioc, -1, users - 1), 0);
    session->close();

    // Once the observer is gone, nothing is subtracted.
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("stop"), QStringLiteral("ctboot.service") }));
    QTRY_COMPARE_WITH_TIMEOUT(inventory->ownConsoleClients(ioc, started, users), 0, 20000);
}

void TestChildTracker::oneShotCountsFromLogFile()
{
    QFile::remove(m_logFile);
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), QStringLiteral("ctlogged.service") }));
    // Wait for three restarts in procServ's own log.
    QTRY_VERIFY_WITH_TIMEOUT(
            [this] {
                QFile f(m_logFile);
                return f.open(QIODevice::ReadOnly)
                        && f.readAll().count("The PID of new child") >= 4;
            }(),
            40000);
    // As `iocctl ps` lists: no connection, /proc and the log.
    auto inventory = startInventory(false, Inventory::DetailLevel::Listing);
    QVERIFY(inventory);
    const Ioc row = findByName(*inventory, QStringLiteral("ctlogged"));
    QVERIFY2(row.childRestarts >= 3, qPrintable(QString::number(row.childRestarts)));
    QCOMPARE(row.lastExit.signalName(), QStringLiteral("SIGABRT"));
    QVERIFY(row.lastExit.at.isValid());
    QVERIFY(row.childSince.isValid());
    QCOMPARE(row.status(), QStringLiteral("crashloop"));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("stop"), QStringLiteral("ctlogged.service") }));
}

void TestChildTracker::oneShotWithoutLogIsUnknown()
{
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), QStringLiteral("ctcrash.service") }));
    QTRY_VERIFY_WITH_TIMEOUT(
            [this] {
                const quint32 procServ = m_sandbox
                                                 .unitProperty(QStringLiteral("ctcrash.service"),
                                                               QStringLiteral("MainPID"))
                                                 .toUInt();
                const quint32 child = realChild(procServ);
                const QDateTime since = ChildTracker::processStartTime(child);
                const QDateTime serverSince = ChildTracker::processStartTime(procServ);
                // A later child than procServ's first one.
                return child != 0 && since.isValid() && serverSince.isValid()
                        && serverSince.msecsTo(since) > 1500;
            }(),
            30000);
    auto inventory = startInventory(false, Inventory::DetailLevel::Listing);
    QVERIFY(inventory);
    const Ioc row = findByName(*inventory, QStringLiteral("ctcrash"));
    QCOMPARE(row.childRestarts, -1);
    QCOMPARE(row.restarts(), -1);
    QCOMPARE(IocFormat::restartsText(row), QStringLiteral("?"));
    QVERIFY(IocFormat::toJson(row).value(QStringLiteral("restarts")).isNull());
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("stop"), QStringLiteral("ctcrash.service") }));
}

QTEST_GUILESS_MAIN(TestChildTracker)
#include "tst_childtracker.moc"
