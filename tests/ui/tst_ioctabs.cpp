// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// IocTabs on a Fleet with the sandbox's real user manager, real procServ and iocsim: the bottom
// tabs the user opens on an IOC — its console (procServ's banner on screen), its log and its
// details — one page per IOC and purpose, through the runtime of the IOC's host.
#include "core/fleet/fleet.h"
#include "core/hosts/host.h"
#include "core/systemd/systemdmanager.h"
#include "tests/common/sandbox.h"
#include "ui/console/consolearea.h"
#include "ui/console/consoletabwidget.h"
#include "ui/console/consoleview.h"
#include "ui/iocdetailswidget.h"
#include "ui/ioctabs.h"
#include "ui/logview.h"

#include <QBuffer>
#include <QSignalSpy>
#include <QTest>

#include <qtermwidget.h>

class TestIocTabs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void attachOpensOneConsolePerIoc();
    void logsAndDetailsOpenTheirOwnPages();
    void anIocOfNoKnownHostOpensNothing();

private:
    Ioc row() const { return m_fleet->resolve({ m_name }, true).iocs.value(0); }

    Sandbox m_sandbox;
    const QString m_name = QStringLiteral("tabsone");
    const QString m_unit = QStringLiteral("softioc-tabsone.service");
    QString m_logFile;
    Fleet *m_fleet = nullptr;
    ConsoleArea *m_area = nullptr;
    ConsoleTabWidget *m_tabs = nullptr; // its first (here: only) group
    IocTabs *m_iocTabs = nullptr;
};

void TestIocTabs::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    Q_INIT_RESOURCE(iocdock);
    // procServ on a TCP port, writing its log file (what the log tab follows).
    m_logFile = m_sandbox.dir() + QStringLiteral("/tabsone.log");
    QVERIFY(m_sandbox.installUnit(
            m_unit,
            Sandbox::procServUnit(m_name,
                                  { QStringLiteral("-q"), QStringLiteral("-n"), m_name,
                                    QStringLiteral("-L"), m_logFile,
                                    QString::number(Sandbox::freeTcpPort()) })));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), m_unit }));
    m_fleet = new Fleet(this);
    QVERIFY(m_fleet->addHost(QStringLiteral("user")));
    m_area = new ConsoleArea;
    m_area->resize(900, 500);
    m_tabs = m_area->primary();
    m_iocTabs = new IocTabs(m_area, m_fleet, this);
    QTRY_VERIFY_WITH_TIMEOUT(m_fleet->isReady(), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(row().isActive(), 30000);
}

void TestIocTabs::cleanupTestCase()
{
    if (m_tabs)
        m_tabs->closeAll(); // sends nothing to the IOC
    delete m_area;
    delete m_iocTabs;
    delete m_fleet;
    if (Sandbox::isAvailable())
        m_sandbox.removeUnit(m_unit);
}

void TestIocTabs::attachOpensOneConsolePerIoc()
{
    QVERIFY(m_area->isHidden()); // no page yet
    const Ioc ioc = row();
    QCOMPARE(m_iocTabs->consoleCount(ioc), 0);
    m_iocTabs->attach(ioc);
    QVERIFY(m_area->isVisible() && m_tabs->isVisible());
    QCOMPARE(m_tabs->count(), 1);
    ConsoleView *view = m_tabs->viewFor(ioc.key());
    QVERIFY(view);
    QCOMPARE(m_tabs->currentWidget(), view);
    QCOMPARE(m_iocTabs->consoleCount(ioc), 1);
    const auto screenText = [view] {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        view->terminal()->saveHistory(&buffer);
        return QString::fromUtf8(buffer.data());
    };
    // procServ's own banner, reached through the host's runtime.
    QTRY_VERIFY_WITH_TIMEOUT(screenText().contains(QStringLiteral("Welcome to procServ")), 30000);

    // Again: the same tab, focused, not a second one.
    m_iocTabs->attach(ioc);
    QCOMPARE(m_tabs->count(), 1);
    QCOMPARE(m_iocTabs->consoleCount(ioc), 1);
}

void TestIocTabs::logsAndDetailsOpenTheirOwnPages()
{
    const Ioc ioc = row();
    const int before = m_tabs->count();
    m_iocTabs->showLogs(ioc);
    QCOMPARE(m_tabs->count(), before + 1);
    auto *log = qobject_cast<LogView *>(m_tabs->currentWidget());
    QVERIFY(log);
    QCOMPARE(m_tabs->tabText(m_tabs->currentIndex()), QStringLiteral("Log: tabsone"));
    // procServ's log file, followed: the IOC's boot is on screen.
    QVERIFY2(log->command().contains(m_logFile), qPrintable(log->command().join(u' ')));
    QVERIFY(log->isRunning());
    QTRY_VERIFY2_WITH_TIMEOUT(
            log->text().contains(QStringLiteral("iocRun: All initialization complete")),
            qPrintable(log->text()), 30000);

    m_iocTabs->showDetails(ioc);
    QCOMPARE(m_tabs->count(), before + 2);
    auto *details = qobject_cast<IocDetailsWidget *>(m_tabs->currentWidget());
    QVERIFY(details);
    QCOMPARE(m_tabs->tabText(m_tabs->currentIndex()), QStringLiteral("Details: tabsone"));
    QCOMPARE(details->json().value(QStringLiteral("unit")).toString(), m_unit);
    QCOMPARE(details->json().value(QStringLiteral("runtime")).toString(),
             QStringLiteral("systemd"));

    // Asked again, each focuses its open page.
    m_iocTabs->showLogs(ioc);
    QCOMPARE(m_tabs->count(), before + 2);
    QCOMPARE(m_tabs->currentWidget(), log);
    m_iocTabs->showDetails(ioc);
    QCOMPARE(m_tabs->currentWidget(), details);

    // The details follow the row, and say so when it is gone.
    Ioc changed = ioc;
    changed.description = QStringLiteral("changed here");
    m_iocTabs->update(changed);
    QCOMPARE(details->json().value(QStringLiteral("description")).toString(),
             QStringLiteral("changed here"));
    QVERIFY(!details->isRemoved());
    m_iocTabs->markRemoved(ioc.key());
    QVERIFY(details->isRemoved());
    QVERIFY(!details->notice().isEmpty());
}

void TestIocTabs::anIocOfNoKnownHostOpensNothing()
{
    Ioc stranger = row();
    stranger.host = QStringLiteral("elsewhere");
    const int before = m_tabs->count();
    QSignalSpy errors(m_iocTabs, &IocTabs::errorOccurred);
    m_iocTabs->attach(stranger);
    m_iocTabs->showLogs(stranger);
    QCOMPARE(m_tabs->count(), before);
    QCOMPARE(errors.count(), 2);
    QCOMPARE(errors.at(0).at(0).toString(),
             QStringLiteral("tabsone has no procServ console endpoint."));
    QCOMPARE(errors.at(1).at(0).toString(), QStringLiteral("The host of tabsone is not known."));
}

QTEST_MAIN(TestIocTabs)
#include "tst_ioctabs.moc"
