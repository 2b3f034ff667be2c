// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// The Details tab's summary on a Fleet of the sandbox's real user manager with real procServ and
// iocsim: a running, a stopped and a failed IOC each read as systemd, procServ and /proc say
// they are, every value shown (unknown as "unknown", never blank), paths open on this machine.
#include "core/fleet/fleet.h"
#include "core/hosts/host.h"
#include "core/ioc/iocruntime.h"
#include "tests/common/sandbox.h"
#include "ui/console/consolearea.h"
#include "ui/console/consoletabwidget.h"
#include "ui/iocdetailswidget.h"
#include "ui/ioctabs.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <QUrl>

/// Receives the URLs QDesktopServices would give the desktop (its handler for file: URLs).
class UrlCatcher : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> urls;
public slots:
    void open(const QUrl &url) { urls << url; }
};

class TestIocDetailsSummary : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void summarizesARunningIoc();
    void summarizesAStoppedIoc();
    void summarizesAFailedIoc();

private:
    Ioc row(const QString &name) const { return m_fleet->resolve({ name }, true).iocs.value(0); }
    IocDetailsWidget *openDetails(const QString &name);
    static QString value(IocDetailsWidget *details, const QString &section, const QString &label)
    {
        return details->summaryValue(section, label);
    }
    static void verifyNothingBlank(IocDetailsWidget *details);
    QTreeWidgetItem *summaryRow(IocDetailsWidget *details, const QString &section,
                                const QString &label) const;

    Sandbox m_sandbox;
    const QString m_running = QStringLiteral("sumrun");
    const QString m_stopped = QStringLiteral("sumstop");
    const QString m_failed = QStringLiteral("sumfail");
    QString m_logFile;
    QString m_dropIn;
    quint16 m_port = 0;
    quint16 m_logPort = 0;
    Fleet *m_fleet = nullptr;
    ConsoleArea *m_area = nullptr;
    ConsoleTabWidget *m_tabs = nullptr; // its first (here: only) group
    IocTabs *m_iocTabs = nullptr;
};

static QString unitOf(const QString &name)
{
    return QStringLiteral("softioc-%1.service").arg(name);
}

void TestIocDetailsSummary::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    Q_INIT_RESOURCE(iocdock);
    const QList<quint16> ports = Sandbox::freeTcpPorts(4);
    QCOMPARE(ports.size(), 4);
    m_port = ports.at(0);
    m_logPort = ports.at(1);
    m_logFile = m_sandbox.dir() + QStringLiteral("/sumrun.log");
    // A drop-in of the running IOC's unit, as a site adds one (systemctl edit).
    const QString dropInDir = m_sandbox.unitDir() + u'/' + unitOf(m_running) + QStringLiteral(".d");
    QVERIFY(QDir().mkpath(dropInDir));
    m_dropIn = dropInDir + QStringLiteral("/site.conf");
    QFile dropIn(m_dropIn);
    QVERIFY(dropIn.open(QIODevice::WriteOnly));
    dropIn.write("[Service]\nEnvironment=SITE=summary\n");
    dropIn.close();
    QVERIFY(m_sandbox.installUnit(
            unitOf(m_running),
            Sandbox::procServUnit(m_running,
                                  { QStringLiteral("-q"), QStringLiteral("-n"), m_running,
                                    QStringLiteral("-L"), m_logFile, QStringLiteral("-c"),
                                    m_sandbox.dir(), QStringLiteral("-l"),
                                    QString::number(m_logPort), QString::number(m_port) })));
    QVERIFY(m_sandbox.installUnit(
            unitOf(m_stopped),
            Sandbox::procServUnit(m_stopped,
                                  { QStringLiteral("-q"), QString::number(ports.at(2)) })));
    QVERIFY(m_sandbox.installUnit(
            unitOf(m_failed),
            Sandbox::procServUnit(m_failed,
                                  { QStringLiteral("-q"), QString::number(ports.at(3)) })));
    for (const QString &name : { m_running, m_stopped, m_failed })
        QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unitOf(name) }));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("stop"), unitOf(m_stopped) }));
    // procServ killed by a signal, as the OOM killer would: systemd marks the unit failed.
    QVERIFY(m_sandbox.systemctl(
            { QStringLiteral("kill"), QStringLiteral("--signal=SIGKILL"), unitOf(m_failed) }));
    QTRY_COMPARE_WITH_TIMEOUT(
            m_sandbox.unitProperty(unitOf(m_failed), QStringLiteral("ActiveState")),
            QStringLiteral("failed"), 30000);

    m_fleet = new Fleet(this);
    QVERIFY(m_fleet->addHost(QStringLiteral("user")));
    m_area = new ConsoleArea;
    m_area->resize(900, 600);
    m_tabs = m_area->primary();
    m_iocTabs = new IocTabs(m_area, m_fleet, this);
    connect(m_fleet, &Fleet::iocChanged, m_iocTabs, &IocTabs::update);
    QTRY_VERIFY_WITH_TIMEOUT(m_fleet->isReady(), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(row(m_running).isActive(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(row(m_failed).isFailed(), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(row(m_stopped).activeState, QStringLiteral("inactive"), 30000);
}

void TestIocDetailsSummary::cleanupTestCase()
{
    delete m_area;
    delete m_iocTabs;
    delete m_fleet;
    if (Sandbox::isAvailable()) {
        for (const QString &name : { m_running, m_stopped, m_failed })
            m_sandbox.removeUnit(unitOf(name));
        QFile::remove(m_dropIn);
    }
}

IocDetailsWidget *TestIocDetailsSummary::openDetails(const QString &name)
{
    m_iocTabs->showDetails(row(name));
    auto *details = qobject_cast<IocDetailsWidget *>(m_tabs->currentWidget());
    if (details && !details->isVisible())
        m_area->show();
    return details;
}

QTreeWidgetItem *TestIocDetailsSummary::summaryRow(IocDetailsWidget *details,
                                                   const QString &section,
                                                   const QString &label) const
{
    const QTreeWidget *tree = details->summary();
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *top = tree->topLevelItem(i);
        for (int j = 0; top->text(0) == section && j < top->childCount(); ++j) {
            if (top->child(j)->text(0) == label)
                return top->child(j);
        }
    }
    return nullptr;
}

void TestIocDetailsSummary::verifyNothingBlank(IocDetailsWidget *details)
{
    for (QTreeWidgetItemIterator it(details->summary()); *it; ++it) {
        if ((*it)->parent()) {
            QVERIFY2(!(*it)->text(1).trimmed().isEmpty(),
                     qPrintable(QStringLiteral("%1 / %2 is blank")
                                        .arg((*it)->parent()->text(0), (*it)->text(0))));
        }
    }
}

void TestIocDetailsSummary::summarizesARunningIoc()
{
    IocDetailsWidget *details = openDetails(m_running);
    QVERIFY(details);
    QVERIFY(details->hasLocalFiles());
    // The summary comes first; the JSON is one click away.
    QVERIFY(!details->isJsonShown());
    QVERIFY(details->summary()->isVisible());

    const QString mainPid = m_sandbox.unitProperty(unitOf(m_running), QStringLiteral("MainPID"));
    QVERIFY(mainPid.toUInt() > 0);
    // The IOC is procServ's child: /proc says which.
    QFile children(QStringLiteral("/proc/%1/task/%1/children").arg(mainPid));
    QString childPid;
    QTRY_VERIFY_WITH_TIMEOUT((children.open(QIODevice::ReadOnly),
                              childPid = QString::fromLatin1(children.readAll()).trimmed(),
                              children.close(), !childPid.isEmpty()),
                             30000);
    QTRY_COMPARE_WITH_TIMEOUT(value(details, QStringLiteral("IOC"), QStringLiteral("Child PID")),
                              childPid, 30000);
    QVERIFY2(value(details, QStringLiteral("IOC"), QStringLiteral("State")).startsWith(u"Up"),
             qPrintable(value(details, QStringLiteral("IOC"), QStringLiteral("State"))));
    const QString uptime = value(details, QStringLiteral("IOC"), QStringLiteral("Uptime"));
    QVERIFY2(uptime != QLatin1String("unknown") && uptime != QLatin1String("not running"),
             qPrintable(uptime));
    QCOMPARE(value(details, QStringLiteral("IOC"), QStringLiteral("Restarts")),
             QStringLiteral("0"));

    QCOMPARE(value(details, QStringLiteral("procServ"), QStringLiteral("procServ PID")), mainPid);
    QVERIFY2(value(details, QStringLiteral("procServ"), QStringLiteral("Console"))
                     .endsWith(u':' + QString::number(m_port)),
             qPrintable(value(details, QStringLiteral("procServ"), QStringLiteral("Console"))));
    QVERIFY2(value(details, QStringLiteral("procServ"), QStringLiteral("Log port"))
                     .endsWith(u':' + QString::number(m_logPort)),
             qPrintable(value(details, QStringLiteral("procServ"), QStringLiteral("Log port"))));
    QCOMPARE(value(details, QStringLiteral("procServ"), QStringLiteral("Keys")),
             QStringLiteral("kill ^X, logout none, ignored none"));

    const QString unitFile = m_sandbox.unitDir() + u'/' + unitOf(m_running);
    QCOMPARE(value(details, QStringLiteral("Unit"), QStringLiteral("Name")), unitOf(m_running));
    QCOMPARE(value(details, QStringLiteral("Unit"), QStringLiteral("File")), unitFile);
    QCOMPARE(value(details, QStringLiteral("Unit"), QStringLiteral("State")),
             QStringLiteral("active (running)"));
    QCOMPARE(value(details, QStringLiteral("Unit"), QStringLiteral("Enabled")),
             m_sandbox.unitProperty(unitOf(m_running), QStringLiteral("UnitFileState")));
    QCOMPARE(value(details, QStringLiteral("Unit"), QStringLiteral("Drop-ins")), m_dropIn);
    QCOMPARE(value(details, QStringLiteral("Files"), QStringLiteral("Log")), m_logFile);
    QCOMPARE(value(details, QStringLiteral("Files"), QStringLiteral("st.cmd directory")),
             m_sandbox.dir());
    QCOMPARE(value(details, QStringLiteral("Host"), QStringLiteral("Host")), row(m_running).host);
    QCOMPARE(value(details, QStringLiteral("Host"), QStringLiteral("Files")),
             QStringLiteral("on this machine"));
    verifyNothingBlank(details);

    // A value is copied; a path opens with the desktop's application.
    QTreeWidgetItem *file = summaryRow(details, QStringLiteral("Unit"), QStringLiteral("File"));
    QVERIFY(file);
    details->summary()->setCurrentItem(file);
    QApplication::clipboard()->clear();
    details->summary()->setFocus();
    QTest::keySequence(details->summary(), QKeySequence::Copy);
    QCOMPARE(QApplication::clipboard()->text(), unitFile);
    UrlCatcher catcher;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &catcher, "open");
    QVERIFY(details->openCurrentPath());
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    QCOMPARE(catcher.urls, QList<QUrl>{ QUrl::fromLocalFile(unitFile) });
    // Not a path: nothing to open.
    details->summary()->setCurrentItem(
            summaryRow(details, QStringLiteral("IOC"), QStringLiteral("Child PID")));
    QVERIFY(!details->openCurrentPath());

    // The JSON, one click away, says the same.
    auto *toggle = details->findChild<QToolButton *>(QStringLiteral("jsonToggle"));
    QVERIFY(toggle);
    toggle->click();
    QVERIFY(details->isJsonShown());
    QVERIFY(details->tree()->isVisible());
    QCOMPARE(QString::number(
                     static_cast<qint64>(details->json().value(QStringLiteral("pid")).toDouble())),
             childPid);
    QCOMPARE(details->json().value(QStringLiteral("dropInPaths")).toArray().first().toString(),
             m_dropIn);
    toggle->click();
    QVERIFY(!details->isJsonShown());
}

void TestIocDetailsSummary::summarizesAStoppedIoc()
{
    IocDetailsWidget *details = openDetails(m_stopped);
    QVERIFY(details);
    // systemd unloads a stopped unit; as the window does when details are asked for, its
    // properties are read (systemd loads it for a moment).
    const Ioc stopped = row(m_stopped);
    if (!stopped.isLoaded()) {
        IocRuntime *runtime = m_fleet->runtimeFor(stopped);
        QVERIFY(runtime);
        runtime->readUnloaded({ stopped.key() }, this, [] {});
    }
    QTRY_COMPARE_WITH_TIMEOUT(value(details, QStringLiteral("Unit"), QStringLiteral("Result")),
                              QStringLiteral("success"), 30000);
    QVERIFY2(value(details, QStringLiteral("IOC"), QStringLiteral("State")).startsWith(u"Exited"),
             qPrintable(value(details, QStringLiteral("IOC"), QStringLiteral("State"))));
    QVERIFY(!value(details, QStringLiteral("IOC"), QStringLiteral("State")).contains(u"failed"));
    QCOMPARE(value(details, QStringLiteral("IOC"), QStringLiteral("Child PID")),
             QStringLiteral("none (not running)"));
    QCOMPARE(value(details, QStringLiteral("IOC"), QStringLiteral("Uptime")),
             QStringLiteral("not running"));
    QCOMPARE(value(details, QStringLiteral("procServ"), QStringLiteral("procServ PID")),
             QStringLiteral("none (not running)"));
    QCOMPARE(value(details, QStringLiteral("Unit"), QStringLiteral("State")),
             QStringLiteral("inactive (dead)"));
    QCOMPARE(value(details, QStringLiteral("Unit"), QStringLiteral("Result")),
             QStringLiteral("success"));
    QCOMPARE(value(details, QStringLiteral("Unit"), QStringLiteral("Drop-ins")),
             QStringLiteral("none"));
    QCOMPARE(value(details, QStringLiteral("procServ"), QStringLiteral("Log port")),
             QStringLiteral("none"));
    // procServ's auto-restart mode is told by its banner only, and no procServ runs.
    QCOMPARE(value(details, QStringLiteral("procServ"), QStringLiteral("Auto-restart")),
             QStringLiteral("unknown"));
    verifyNothingBlank(details);
}

void TestIocDetailsSummary::summarizesAFailedIoc()
{
    IocDetailsWidget *details = openDetails(m_failed);
    QVERIFY(details);
    // procServ was killed with SIGKILL: systemd's ExecMainCode/ExecMainStatus say so, and the
    // state word names the signal (iocctl ps shows the same).
    QVERIFY2(value(details, QStringLiteral("IOC"), QStringLiteral("State"))
                     .startsWith(u"Exited (SIGKILL)"),
             qPrintable(value(details, QStringLiteral("IOC"), QStringLiteral("State"))));
    QCOMPARE(value(details, QStringLiteral("Unit"), QStringLiteral("State")),
             QStringLiteral("failed (failed)"));
    QCOMPARE(value(details, QStringLiteral("Unit"), QStringLiteral("Result")),
             m_sandbox.unitProperty(unitOf(m_failed), QStringLiteral("Result")));
    QCOMPARE(value(details, QStringLiteral("Unit"), QStringLiteral("Result")),
             QStringLiteral("signal"));
    QCOMPARE(value(details, QStringLiteral("IOC"), QStringLiteral("Child PID")),
             QStringLiteral("none (not running)"));
    QCOMPARE(value(details, QStringLiteral("procServ"), QStringLiteral("procServ PID")),
             QStringLiteral("none (not running)"));
    verifyNothingBlank(details);
}

QTEST_MAIN(TestIocDetailsSummary)
#include "tst_iocdetailssummary.moc"
