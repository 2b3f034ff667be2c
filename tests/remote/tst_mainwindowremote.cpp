// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// The real main window with two remote hosts over real SSH (tools/sshd-sandbox in front of
// two tools/sandbox managers): hosts are added through the window, remembered, listed in one
// table with their host, a console opens over ssh, and a host is removed again.
#include "core/hosts/host.h"
#include "core/ioc/inventory.h"
#include "core/procserv/consolesession.h"
#include "tests/common/sandbox.h"
#include "tests/remote/remotehosts.h"
#include "ui/console/consoletabwidget.h"
#include "ui/console/consoleview.h"
#include "ui/hostdialog.h"
#include "ui/hostlistmodel.h"
#include "ui/ioctablemodel.h"
#include "ui/ioctabs.h"
#include "ui/mainwindow.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSettings>
#include <QTest>

class TestMainWindowRemote : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void hostDialogValidates();
    void addedHostsConnectAndFillOneTable();
    void hostsAreRemembered();
    void consoleOpensOverSsh();
    void removedHostIsForgotten();

private:
    int rowOf(const QString &host, const QString &name) const;

    RemoteHosts m_hosts;
    MainWindow *m_window = nullptr;
};

void TestMainWindowRemote::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("iocdock-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindowremote"));
    QSettings().clear();
    Q_INIT_RESOURCE(iocdock);
    QString error;
    QVERIFY2(m_hosts.start(2, &error), qPrintable(error));
    for (int i = 0; i < 2; ++i) {
        const QString name = QStringLiteral("gui%1").arg(i);
        const QString unit = QStringLiteral("rmtgui-") + name + QStringLiteral(".service");
        QVERIFY(m_hosts.installUnit(
                i, unit,
                Sandbox::procServUnit(name,
                                      { QStringLiteral("--port"),
                                        QStringLiteral("unix:") + m_hosts.runtimeDir(i)
                                                + QLatin1Char('/') + name
                                                + QStringLiteral(".sock") })));
        QVERIFY(m_hosts.systemctl(i, { QStringLiteral("start"), unit }));
    }
    m_window = new MainWindow({});
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestMainWindowRemote::cleanupTestCase()
{
    delete m_window;
    m_window = nullptr;
    m_hosts.stop();
    QSettings().clear();
}

int TestMainWindowRemote::rowOf(const QString &host, const QString &name) const
{
    IocTableModel *model = m_window->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const Ioc ioc = model->ioc(row);
        if (ioc.host == host && ioc.name == name)
            return row;
    }
    return -1;
}

void TestMainWindowRemote::hostDialogValidates()
{
    HostDialog dialog;
    dialog.setExistingIds({ m_hosts.spec(0) });
    auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("hostLineEdit"));
    auto *user = dialog.findChild<QCheckBox *>(QStringLiteral("userManagerCheckBox"));
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
    QPushButton *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(edit && user && error && ok);
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(edit, QStringLiteral("ioc1:99999"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(error->text().contains(QStringLiteral("port")));
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("epics@ioc1:2222"));
    QVERIFY(ok->isEnabled());
    QVERIFY(error->text().isEmpty());
    QCOMPARE(dialog.spec(), QStringLiteral("epics@ioc1:2222"));
    user->setChecked(true);
    QCOMPARE(dialog.spec(), QStringLiteral("epics@ioc1:2222/user"));
    // A host already shown is refused.
    dialog.setSpec(m_hosts.spec(0));
    QVERIFY(user->isChecked());
    QVERIFY(!ok->isEnabled());
    QVERIFY(error->text().contains(QStringLiteral("already")));
}

void TestMainWindowRemote::addedHostsConnectAndFillOneTable()
{
    QString error;
    Host *a = m_window->addRememberedHost(m_hosts.spec(0), &error);
    QVERIFY2(a, qPrintable(error));
    Host *b = m_window->addRememberedHost(m_hosts.spec(1), &error);
    QVERIFY2(b, qPrintable(error));
    QVERIFY(!m_window->addRememberedHost(m_hosts.spec(1), &error));
    QVERIFY(error.contains(QStringLiteral("already")));
    QVERIFY(a->autoReconnect());

    QTRY_VERIFY_WITH_TIMEOUT(
            a->state() == Host::State::Connected && b->state() == Host::State::Connected, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->isReady(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(m_hosts.spec(0), QStringLiteral("rmtgui-gui0")) >= 0
                                     && rowOf(m_hosts.spec(1), QStringLiteral("rmtgui-gui1")) >= 0,
                             20000);
    // The host column names each row's host.
    const int row = rowOf(m_hosts.spec(1), QStringLiteral("rmtgui-gui1"));
    QCOMPARE(m_window->model()->index(row, IocTableModel::HostColumn).data().toString(),
             m_hosts.spec(1));
    // The host list shows each host's state.
    auto *hostList = m_window->findChild<QListView *>(QStringLiteral("hostList"));
    QVERIFY(hostList);
    QAbstractItemModel *hosts = hostList->model();
    QCOMPARE(hosts->rowCount(), 3); // "All hosts" + 2
    QTRY_VERIFY(hosts->index(1, 0).data().toString().startsWith(m_hosts.spec(0)
                                                                + QStringLiteral(" (")));
    QVERIFY(hosts->index(1, 0)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("connected")));
}

void TestMainWindowRemote::hostsAreRemembered()
{
    QCOMPARE(QSettings().value(QStringLiteral("hosts/remembered")).toStringList(),
             (QStringList{ m_hosts.spec(0), m_hosts.spec(1) }));
    // A second window (the next session) brings them back.
    MainWindow next({});
    next.loadRememberedHosts();
    QCOMPARE(next.hosts().size(), 2);
    QCOMPARE(next.hosts().at(0)->spec(), m_hosts.spec(0));
    QTRY_VERIFY_WITH_TIMEOUT(next.isReady() && next.model()->rowCount() >= 2, 20000);
}

void TestMainWindowRemote::consoleOpensOverSsh()
{
    const int row = rowOf(m_hosts.spec(0), QStringLiteral("rmtgui-gui0"));
    QVERIFY(row >= 0);
    const Ioc ioc = m_window->model()->ioc(row);
    m_window->tabs()->attach(ioc);
    ConsoleView *view = m_window->bottomTabs()->viewFor(ioc.key());
    QVERIFY(view);
    QTRY_COMPARE_WITH_TIMEOUT(view->session()->state(), ConsoleSession::State::Connected, 20000);
    // Connected comes before procServ's banner has been read.
    QTRY_COMPARE_WITH_TIMEOUT(view->session()->tracker().childState(), ChildState::Running, 10000);
}

void TestMainWindowRemote::removedHostIsForgotten()
{
    Host *a = m_window->hosts().at(0);
    QVERIFY(m_window->removeRememberedHost(a));
    QCOMPARE(m_window->hosts().size(), 1);
    QCOMPARE(rowOf(m_hosts.spec(0), QStringLiteral("rmtgui-gui0")), -1);
    QVERIFY(rowOf(m_hosts.spec(1), QStringLiteral("rmtgui-gui1")) >= 0);
    QCOMPARE(QSettings().value(QStringLiteral("hosts/remembered")).toStringList(),
             QStringList{ m_hosts.spec(1) });
}

QTEST_MAIN(TestMainWindowRemote)
#include "tst_mainwindowremote.moc"
