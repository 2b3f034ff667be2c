// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// "Come back to where you were": a window closed with a console tab, a log tab and a selected
// host comes back with the same tabs and host at the next start (a new MainWindow on the same
// settings), its console read-only until the user takes it, and the restore sends nothing to
// the IOC. A filter saved from the filter bar is the one `iocctl ps -f @NAME` uses. Real systemd user manager (the sandbox), real procServ + iocsim.

#include "core/hosts/host.h"
#include "tests/common/sandbox.h"
#include "ui/console/consolearea.h"
#include "ui/console/consoletabwidget.h"
#include "ui/console/consoleview.h"
#include "ui/console/consolewindow.h"
#include "ui/filterbar.h"
#include "ui/hostlistmodel.h"
#include "ui/iocfilterproxymodel.h"
#include "ui/ioctablemodel.h"
#include "ui/ioctabs.h"
#include "ui/logview.h"
#include "ui/mainwindow.h"
#include "ui/messagebar.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QElapsedTimer>
#include <QFile>
#include <QListView>
#include <QLocalSocket>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>

#include <qtermwidget.h>

#include <memory>

class TestMainWindowRestore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void tabsAndHostsComeBackReadOnly();
    void savedFilterIsSharedWithIocctl();
    void splitAndDetachedTabsComeBackInPlace();
    void uninstalledIocStillKnownIsNotReopened();

private:
    QString key(const QString &iocName) const;
    /// procServ's log of the kept IOC, without procServ's own "@@@" messages.
    QByteArray log() const;
    /// True when nothing reached procServ since @p before: a line sent by a second client is
    /// the first thing procServ's log shows after it (as in tst_consoleview).
    bool nothingSentSince(const QByteArray &before, const QByteArray &marker, QByteArray *extra);
    std::unique_ptr<MainWindow> newWindow();

    Sandbox m_sandbox;
    QTemporaryDir m_dir; // the settings and procServ's log file
    Host *m_host = nullptr;
    const QString m_kept = QStringLiteral("tstrestore-kept");
    const QString m_gone = QStringLiteral("tstrestore-gone"); // removed between the sessions
};

static QString unitOf(const QString &iocName)
{
    return QStringLiteral("procserv-%1.service").arg(iocName);
}

QString TestMainWindowRestore::key(const QString &iocName) const
{
    return m_host->id() + QLatin1Char('/') + unitOf(iocName);
}

QByteArray TestMainWindowRestore::log() const
{
    QFile file(m_dir.filePath(QStringLiteral("kept.log")));
    QByteArray text = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    // Without procServ's own messages, which it logs whenever they happen (e.g. "@@@ Got a
    // sigPipe signal" after a client left while it wrote to it, right after a prompt): what
    // the IOC printed and what was typed.
    for (qsizetype at = text.indexOf("@@@ "); at >= 0; at = text.indexOf("@@@ ", at)) {
        const qsizetype end = text.indexOf('\n', at);
        text.remove(at, end < 0 ? text.size() - at : end + 1 - at); // one still being written too
    }
    return text;
}

bool TestMainWindowRestore::nothingSentSince(const QByteArray &before, const QByteArray &marker,
                                             QByteArray *extra)
{
    QLocalSocket socket;
    socket.connectToServer(m_sandbox.procServUtilsSocket(m_kept));
    if (!socket.waitForConnected(5000))
        return false;
    socket.write("echo " + marker + '\r');
    socket.flush();
    QElapsedTimer t;
    t.start();
    QByteArray text;
    do {
        QTest::qWait(20);
        text = log();
    } while (!text.contains(marker + "\r\n") && !text.contains(marker + '\n')
             && t.elapsed() < 10000);
    socket.disconnectFromServer();
    *extra = text.mid(before.size());
    return text.startsWith(before) && extra->startsWith("echo " + marker);
}

std::unique_ptr<MainWindow> TestMainWindowRestore::newWindow()
{
    auto window = std::make_unique<MainWindow>(QList<Host *>{ m_host });
    window->setConfirmsQuit(false);
    window->resize(1200, 800);
    window->show();
    return window;
}

void TestMainWindowRestore::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    QVERIFY(m_dir.isValid());
    // Settings in a directory of this test only.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("iocdock-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindowrestore"));
    QSettings().clear();
    Q_INIT_RESOURCE(iocdock);

    // The kept IOC logs to a file the test reads (procServUtilsUnit logs to the journal).
    const QString rundir = QStringLiteral("%t/procserv-") + m_kept;
    const QString kept = Sandbox::procServUnit(
            m_kept,
            { QStringLiteral("--logfile"), m_dir.filePath(QStringLiteral("kept.log")),
              QStringLiteral("--name"), m_kept, QStringLiteral("--chdir"), QStringLiteral("/"),
              QStringLiteral("--port"),
              QStringLiteral("unix:") + rundir + QLatin1String("/control") },
            {}, { QStringLiteral("RuntimeDirectory=procserv-") + m_kept });
    QVERIFY(m_sandbox.installUnit(unitOf(m_kept), kept));
    QVERIFY(m_sandbox.installUnit(unitOf(m_gone), Sandbox::procServUtilsUnit(m_gone)));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unitOf(m_kept) }));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unitOf(m_gone) }));
    QTRY_VERIFY_WITH_TIMEOUT(log().contains("epics> "), 20000);

    m_host = Host::fromSpec(QStringLiteral("user"), this);
    QVERIFY(m_host);
}

void TestMainWindowRestore::cleanupTestCase()
{
    if (Sandbox::isAvailable()) {
        m_sandbox.removeUnit(unitOf(m_kept));
        m_sandbox.removeUnit(unitOf(m_gone));
        m_sandbox.removeUnit(unitOf(QStringLiteral("tstrestore-held")));
    }
}

void TestMainWindowRestore::tabsAndHostsComeBackReadOnly()
{
    {
        // First session: a console and a log tab on the kept IOC, a console on the other,
        // the sandbox's host selected; then the window closes.
        std::unique_ptr<MainWindow> window = newWindow();
        QTRY_VERIFY_WITH_TIMEOUT(window->isReady(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(window->model()->contains(key(m_kept)), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(window->model()->contains(key(m_gone)), 20000);
        IocTableModel *model = window->model();
        window->tabs()->attach(model->ioc(model->indexOf(key(m_kept)).row()));
        window->tabs()->showLogs(model->ioc(model->indexOf(key(m_kept)).row()));
        window->tabs()->attach(model->ioc(model->indexOf(key(m_gone)).row()));
        ConsoleView *view = window->bottomTabs()->viewFor(key(m_kept));
        QVERIFY(view);
        QVERIFY(!view->isReadOnly());
        QTRY_COMPARE_WITH_TIMEOUT(view->connectionState(), ConsoleSession::State::Connected, 20000);
        auto *hosts = window->findChild<QListView *>(QStringLiteral("hostList"));
        QVERIFY(hosts);
        bool selected = false;
        for (int row = 0; row < hosts->model()->rowCount(); ++row) {
            const QModelIndex index = hosts->model()->index(row, 0);
            if (index.data(HostListModel::HostIdRole).toString() == m_host->id()) {
                hosts->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect);
                selected = true;
            }
        }
        QVERIFY(selected);
        QVERIFY(window->close());
    }
    QCOMPARE(QSettings().value(QStringLiteral("session/tabs")).toStringList(),
             QStringList({ QStringLiteral("console ") + key(m_kept),
                           QStringLiteral("log ") + key(m_kept),
                           QStringLiteral("console ") + key(m_gone) }));

    // Between the sessions one IOC goes away.
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("stop"), unitOf(m_gone) }));
    m_sandbox.removeUnit(unitOf(m_gone));
    const QByteArray before = log();

    // Next start.
    std::unique_ptr<MainWindow> window = newWindow();
    window->restoreSessionWhenListed();
    QTRY_VERIFY_WITH_TIMEOUT(window->bottomTabs()->viewFor(key(m_kept)), 60000);
    ConsoleView *view = window->bottomTabs()->viewFor(key(m_kept));
    QVERIFY(view->isReadOnly());
    QVERIFY(view->isRestored());
    QVERIFY(view->title().contains(QStringLiteral("read-only")));
    QVERIFY2(view->messageText().contains(QStringLiteral("Restored read-only")),
             qPrintable(view->messageText()));
    QTRY_COMPARE_WITH_TIMEOUT(view->connectionState(), ConsoleSession::State::Connected, 20000);
    QVERIFY(view->statusText().contains(QStringLiteral("restored read-only")));
    // The log tab is back; the console of the IOC that is gone is not, and one message says so.
    QCOMPARE(window->tabs()->openTabs(),
             QStringList({ QStringLiteral("console ") + key(m_kept),
                           QStringLiteral("log ") + key(m_kept) }));
    QVERIFY(!window->bottomTabs()->viewFor(key(m_gone)));
    QVERIFY2(window->messageBar()->text().contains(key(m_gone)),
             qPrintable(window->messageBar()->text()));
    QVERIFY(window->messageBar()->text().contains(QStringLiteral("no longer listed")));
    // The host selection is back.
    auto *hosts = window->findChild<QListView *>(QStringLiteral("hostList"));
    const QModelIndexList selectedHosts = hosts->selectionModel()->selectedRows();
    QCOMPARE(selectedHosts.size(), 1);
    QCOMPARE(selectedHosts.first().data(HostListModel::HostIdRole).toString(), m_host->id());

    // Typing into the restored console sends nothing; the bar says why again.
    QWidget *keys = view->terminal()->focusProxy();
    QTest::keyClicks(keys, QStringLiteral("dbl"));
    QTest::keyClick(keys, Qt::Key_Return);
    QVERIFY(view->isReadOnly());
    QVERIFY(view->messageText().contains(QStringLiteral("Restored read-only")));
    QByteArray extra;
    QVERIFY2(nothingSentSince(before, "restorebarrier", &extra), extra.constData());

    // The bar's button takes the console: typing reaches the IOC from then on.
    window->bottomTabs()->setCurrentWidget(view); // the log tab, opened after it, is current
    auto *take = view->findChild<QPushButton *>(QStringLiteral("messageSendButton"));
    QVERIFY(take && take->isVisible());
    QCOMPARE(take->text(), QStringLiteral("Take Console"));
    QTest::mouseClick(take, Qt::LeftButton);
    QVERIFY(!view->isReadOnly());
    QVERIFY(!view->isRestored());
    QVERIFY(!view->isMessageVisible());
    QTest::keyClicks(keys, QStringLiteral("dbgf ") + m_kept + QStringLiteral(":ao1"));
    QTest::keyClick(keys, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(log().contains("dbgf " + m_kept.toUtf8() + ":ao1\r\nDBF_"), 20000);
}

void TestMainWindowRestore::savedFilterIsSharedWithIocctl()
{
    std::unique_ptr<MainWindow> window = newWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->isReady(), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(window->model()->contains(key(m_kept)), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(
            window->model()->indexOf(key(m_kept)).data(IocTableModel::StatusRole).toString(),
            QStringLiteral("running"), 20000);
    FilterBar *bar = window->filterBar();
    bar->setText(QStringLiteral("tstrestore"));
    bar->setStatusToggle(IocFilterProxyModel::StatusToggle::Running);
    QString error;
    QVERIFY2(bar->saveCurrentFilter(QStringLiteral("tstrestore-running"), &error),
             qPrintable(error));
    QStringList shown;
    for (int row = 0; row < window->proxyModel()->rowCount(); ++row)
        shown << window->proxyModel()->index(row, 0).data().toString();
    shown.sort();
    QCOMPARE(shown, QStringList{ m_kept });

    // The same file, the same IOCs (the sandbox's XDG_CONFIG_HOME is iocctl's too).
    QProcess iocctl;
    iocctl.start(Sandbox::binPath(QStringLiteral("iocctl")),
                 { QStringLiteral("--user"), QStringLiteral("ps"), QStringLiteral("-a"),
                   QStringLiteral("-q"), QStringLiteral("-f"),
                   QStringLiteral("@tstrestore-running") });
    QVERIFY(iocctl.waitForFinished(60000));
    QCOMPARE(iocctl.exitCode(), 0);
    QStringList listed = QString::fromUtf8(iocctl.readAllStandardOutput())
                                 .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    listed.sort();
    QCOMPARE(listed, shown);

    // An unknown name is a usage error that names the saved ones.
    iocctl.start(Sandbox::binPath(QStringLiteral("iocctl")),
                 { QStringLiteral("--user"), QStringLiteral("ps"), QStringLiteral("-f"),
                   QStringLiteral("@nosuchview") });
    QVERIFY(iocctl.waitForFinished(60000));
    QCOMPARE(iocctl.exitCode(), 2);
    const QString stderrText = QString::fromUtf8(iocctl.readAllStandardError());
    QVERIFY2(stderrText.contains(QStringLiteral("No saved filter named \"nosuchview\""))
                     && stderrText.contains(QStringLiteral("tstrestore-running")),
             qPrintable(stderrText));
}

void TestMainWindowRestore::splitAndDetachedTabsComeBackInPlace()
{
    const QString console = QStringLiteral("console ") + key(m_kept);
    const QString logTab = QStringLiteral("log ") + key(m_kept);
    QTRY_VERIFY_WITH_TIMEOUT(log().endsWith("epics> "), 20000);
    const QByteArray before = log();
    {
        // Stacked: the log (current, opened last) goes to the second pane.
        std::unique_ptr<MainWindow> window = newWindow();
        QTRY_VERIFY_WITH_TIMEOUT(window->isReady(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(window->model()->contains(key(m_kept)), 20000);
        const Ioc ioc = window->model()->ioc(window->model()->indexOf(key(m_kept)).row());
        window->tabs()->attach(ioc);
        window->tabs()->showLogs(ioc);
        ConsoleArea *area = window->consoleArea();
        area->setSplit(ConsoleArea::Split::Stacked);
        QCOMPARE(area->groupIndexOf(window->tabs()->page(logTab)), 1);
        QVERIFY(window->close());
    }
    QCOMPARE(QSettings().value(QStringLiteral("session/tabs")).toStringList(),
             QStringList({ console, logTab }));
    QCOMPARE(QSettings().value(QStringLiteral("session/tabPlaces")).toStringList(),
             QStringList({ QStringLiteral("0"), QStringLiteral("1") }));
    QSize windowSize;
    {
        // Next start: the same panes, stacked; the console still restored read-only. Then
        // the console goes into a window of its own.
        std::unique_ptr<MainWindow> window = newWindow();
        window->restoreSessionWhenListed();
        ConsoleArea *area = window->consoleArea();
        QTRY_VERIFY_WITH_TIMEOUT(window->tabs()->page(logTab), 60000);
        auto *view = qobject_cast<ConsoleView *>(window->tabs()->page(console));
        QVERIFY(view);
        QVERIFY(view->isRestored() && view->isReadOnly());
        QCOMPARE(area->split(), ConsoleArea::Split::Stacked);
        QCOMPARE(area->groupIndexOf(view), 0);
        QCOMPARE(area->groupIndexOf(window->tabs()->page(logTab)), 1);
        ConsoleWindow *detached = area->undock(view);
        QVERIFY(detached);
        QCOMPARE(area->split(), ConsoleArea::Split::Single); // its pane had nothing else
        QTRY_COMPARE_WITH_TIMEOUT(view->connectionState(), ConsoleSession::State::Connected, 20000);
        // A size of the user's, above the window's minimum (the read-only bar sets its width).
        detached->resize(detached->minimumSizeHint().expandedTo(QSize(640, 360)) + QSize(40, 20));
        QTRY_COMPARE_WITH_TIMEOUT(
                detached->size(),
                detached->minimumSizeHint().expandedTo(QSize(640, 360)) + QSize(40, 20), 5000);
        windowSize = detached->size();
        QCOMPARE(window->openConsoleCount(), 1);
        QVERIFY(window->close()); // closes the detached window too
        QVERIFY(!detached->isVisible());
    }
    QCOMPARE(QSettings().value(QStringLiteral("session/tabs")).toStringList(),
             QStringList({ logTab, console }));
    QCOMPARE(QSettings().value(QStringLiteral("session/tabPlaces")).toStringList(),
             QStringList({ QStringLiteral("0"), QStringLiteral("window") }));

    // Next start: the console comes back in its window, its size kept, read-only.
    std::unique_ptr<MainWindow> window = newWindow();
    window->restoreSessionWhenListed();
    QTRY_VERIFY_WITH_TIMEOUT(window->tabs()->page(console), 60000);
    auto *view = qobject_cast<ConsoleView *>(window->tabs()->page(console));
    ConsoleWindow *detached = window->consoleArea()->windowOf(view);
    QVERIFY(detached);
    QVERIFY(detached->isVisible());
    // Its size as saved, unless the window cannot be that small now (the restored console's
    // read-only bar may need more width than the bar it had when the size was saved).
    QTRY_COMPARE_WITH_TIMEOUT(detached->size(), windowSize.expandedTo(detached->minimumSizeHint()),
                              5000);
    QVERIFY(view->isRestored() && view->isReadOnly());
    QCOMPARE(window->consoleArea()->groupIndexOf(window->tabs()->page(logTab)), 0);
    QTRY_COMPARE_WITH_TIMEOUT(view->connectionState(), ConsoleSession::State::Connected, 20000);
    // Moving, detaching and restoring sent nothing to the IOC.
    QByteArray extra;
    QVERIFY2(nothingSentSince(before, "layoutbarrier", &extra), extra.constData());
    QVERIFY(window->close());
}

QTEST_MAIN(TestMainWindowRestore)
#include "tst_mainwindowrestore.moc"

void TestMainWindowRestore::uninstalledIocStillKnownIsNotReopened()
{
    // An IOC's unit file removed while a client of systemd still holds the unit (here this
    // test, with Unit.Ref(); in life a dependency or a client that asked about it): systemd
    // keeps it loaded as "not-found" and lists it, so its row is there. Its console is not
    // reopened (the unit has no ExecStart, no console); the one message names it with the gone.
    const QString held = QStringLiteral("tstrestore-held");
    QVERIFY(m_sandbox.installUnit(unitOf(held), Sandbox::procServUtilsUnit(held)));
    QVERIFY(m_sandbox.removeUnit(unitOf(held)));
    const QString systemd = QStringLiteral("org.freedesktop.systemd1");
    QDBusMessage load = QDBusMessage::createMethodCall(
            systemd, QStringLiteral("/org/freedesktop/systemd1"),
            QStringLiteral("org.freedesktop.systemd1.Manager"), QStringLiteral("LoadUnit"));
    load << unitOf(held);
    const QDBusMessage loaded = QDBusConnection::sessionBus().call(load, QDBus::Block, 10000);
    QCOMPARE(loaded.type(), QDBusMessage::ReplyMessage);
    const QString path = loaded.arguments().value(0).value<QDBusObjectPath>().path();
    const QDBusMessage ref = QDBusConnection::sessionBus().call(
            QDBusMessage::createMethodCall(systemd, path,
                                           QStringLiteral("org.freedesktop.systemd1.Unit"),
                                           QStringLiteral("Ref")),
            QDBus::Block, 10000);
    QVERIFY2(ref.type() == QDBusMessage::ReplyMessage, qPrintable(ref.errorMessage()));
    QCOMPARE(m_sandbox.unitProperty(unitOf(held), QStringLiteral("LoadState")),
             QStringLiteral("not-found"));

    QSettings().setValue(QStringLiteral("session/tabs"),
                         QStringList{ QStringLiteral("console ") + key(held),
                                      QStringLiteral("console ") + key(m_kept) });
    QSettings().remove(QStringLiteral("session/tabPlaces"));
    std::unique_ptr<MainWindow> window = newWindow();
    window->restoreSessionWhenListed();
    QTRY_VERIFY_WITH_TIMEOUT(window->bottomTabs()->viewFor(key(m_kept)), 60000);
    QVERIFY2(window->model()->contains(key(held)), "systemd lists the not-found unit: a row");
    QCOMPARE(window->model()->ioc(window->model()->indexOf(key(held)).row()).loadState,
             QStringLiteral("not-found"));
    QVERIFY(!window->bottomTabs()->viewFor(key(held)));
    QVERIFY2(window->messageBar()->text().contains(key(held))
                     && window->messageBar()->text().contains(QStringLiteral("no longer listed")),
             qPrintable(window->messageBar()->text()));
}
