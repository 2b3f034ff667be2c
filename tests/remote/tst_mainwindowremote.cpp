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
#include "ui/iocactions.h"
#include "ui/ioctablemodel.h"
#include "ui/ioctabs.h"
#include "ui/mainwindow.h"
#include "ui/messagebar.h"
#include "ui/newiocdialog.h"
#include "ui/removeiocdialog.h"
#include "ui/renameiocdialog.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMap>
#include <QPlainTextEdit>
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
    void newRenameRemoveOnARemoteHost();
    void removedHostIsForgotten();

private:
    int rowOf(const QString &host, const QString &name) const;
    /// Every file, folder and symlink of host 0's configuration and IOC folders.
    QMap<QString, QString> remoteTree() const;

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

QMap<QString, QString> TestMainWindowRemote::remoteTree() const
{
    QMap<QString, QString> files;
    const QString sandbox = m_hosts.sandboxDir(0);
    const QStringList roots{ QString(sandbox + QStringLiteral("/config")),
                             QString(sandbox + QStringLiteral("/epics")) };
    for (const QString &root : roots) {
        QDirIterator it(
                root, QDir::Files | QDir::Dirs | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot,
                QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QFileInfo info(path);
            QFile file(path);
            files.insert(path,
                         info.isSymLink()       ? QStringLiteral("-> ") + info.symLinkTarget()
                                 : info.isDir() ? QStringLiteral("(folder)")
                                 : file.open(QIODevice::ReadOnly)
                                 ? QString::fromUtf8(file.readAll())
                                 : QStringLiteral("(unreadable)"));
        }
    }
    return files;
}

void TestMainWindowRemote::newRenameRemoveOnARemoteHost()
{
    // New IOC…, Rename… and Remove… on an SSH host: the form offers the host the action was
    // started on, previews what that host's own file system holds (asked over SSH), and the
    // plan runs through the host's connection. manage-iocs, the convention with a rename.
    Host *host = nullptr;
    for (Host *h : m_window->hosts()) {
        if (h->spec() == m_hosts.spec(0))
            host = h;
    }
    QVERIFY(host);
    QTRY_VERIFY_WITH_TIMEOUT(host->state() == Host::State::Connected, 20000);
    const QString base = m_hosts.sandboxDir(0) + QStringLiteral("/epics/iocs");
    QVERIFY(QDir().mkpath(base));
    const QString workDir = m_hosts.sandboxDir(0) + QStringLiteral("/guiwrite-top");
    QVERIFY(QDir().mkpath(workDir));
    const QString oldName = QStringLiteral("rmtgui-wold");
    const QString newName = QStringLiteral("rmtgui-wnew");
    const QMap<QString, QString> before = remoteTree();

    // The host's context menu path: the form for that host.
    auto *form = qobject_cast<NewIocDialog *>(m_window->iocActions()->newIoc(host));
    QVERIFY(form);
    QCOMPARE(form->host(), host);
    auto *conventions = form->findChild<QComboBox *>(QStringLiteral("conventionComboBox"));
    conventions->setCurrentIndex(conventions->findData(QStringLiteral("manage-iocs")));
    form->findChild<QLineEdit *>(QStringLiteral("chdirLineEdit"))->setText(workDir);
    QTest::keyClicks(form->findChild<QLineEdit *>(QStringLiteral("nameLineEdit")), oldName);
    QTest::keyClicks(form->findChild<QLineEdit *>(QStringLiteral("commandLineEdit")),
                     Sandbox::iocsimPath());
    QTest::keyClicks(form->findChild<QLineEdit *>(QStringLiteral("argumentsLineEdit")),
                     QStringLiteral("--name ") + oldName);
    form->findChild<QCheckBox *>(QStringLiteral("startCheckBox"))->setChecked(true);
    QTRY_VERIFY2_WITH_TIMEOUT(form->createButton()->isEnabled(), qPrintable(form->errorText()),
                              60000);
    // The remote account's places: its $IOCDOCK_IOC_PATH and $XDG_CONFIG_HOME.
    QVERIFY2(form->previewText().contains(QStringLiteral("write %1/%2/config:").arg(base, oldName)),
             qPrintable(form->previewText()));
    QVERIFY2(form->previewText().contains(
                     QStringLiteral("write %1/config/systemd/user/softioc-%2.service:")
                             .arg(m_hosts.sandboxDir(0), oldName)),
             qPrintable(form->previewText()));
    QCOMPARE(remoteTree(), before); // a preview writes nothing
    QTest::mouseClick(form->createButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(m_hosts.spec(0), oldName) >= 0, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->model()->ioc(rowOf(m_hosts.spec(0), oldName)).activeState,
                              QStringLiteral("active"), 30000);
    QVERIFY(QFileInfo::exists(base + QLatin1Char('/') + oldName + QStringLiteral("/config")));

    // Rename… is offered for the selected remote row (core says manage-iocs can rename).
    m_window->iocActions()->setSelection(
            { m_window->model()->ioc(rowOf(m_hosts.spec(0), oldName)) });
    QAction *renameAction = m_window->iocActions()->renameAction();
    QVERIFY2(renameAction->isEnabled(), qPrintable(renameAction->toolTip()));
    renameAction->trigger();
    auto *rename = m_window->findChild<RenameIocDialog *>();
    QVERIFY(rename);
    rename->nameLineEdit()->selectAll();
    QTest::keyClicks(rename->nameLineEdit(), newName);
    const QString move = QStringLiteral("move %1/%2 to %1/%3").arg(base, oldName, newName);
    QTRY_VERIFY_WITH_TIMEOUT(rename->previewText().contains(move), 60000);
    QTRY_VERIFY2_WITH_TIMEOUT(rename->renameButton()->isEnabled(), qPrintable(rename->errorText()),
                              60000);
    QTest::mouseClick(rename->renameButton(), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(rowOf(m_hosts.spec(0), newName) >= 0,
                              qPrintable(m_window->messageBar()->text()), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(m_hosts.spec(0), oldName) < 0, 60000);
    QVERIFY(!QFileInfo::exists(base + QLatin1Char('/') + oldName));
    QVERIFY(QFileInfo::exists(base + QLatin1Char('/') + newName + QStringLiteral("/config")));

    // Remove…: what is removed and kept on that host; a running IOC is stopped first. (The
    // renamed IOC was started again: the dialog is opened on the row showing that.)
    QTRY_COMPARE_WITH_TIMEOUT(m_window->model()->ioc(rowOf(m_hosts.spec(0), newName)).activeState,
                              QStringLiteral("active"), 30000);
    m_window->iocActions()->setSelection(
            { m_window->model()->ioc(rowOf(m_hosts.spec(0), newName)) });
    QAction *removeAction = m_window->iocActions()->removeAction();
    QVERIFY2(removeAction->isEnabled(), qPrintable(removeAction->toolTip()));
    removeAction->trigger();
    auto *remove = m_window->findChild<RemoveIocDialog *>();
    QVERIFY(remove);
    QTRY_VERIFY_WITH_TIMEOUT(!remove->errorText().isEmpty() || remove->removeButton()->isEnabled(),
                             60000);
    QVERIFY(remove->stopFirstCheckBox()->isVisible());
    QVERIFY(!remove->removeButton()->isEnabled());
    // The refusal is the dialog's words, not the command line's.
    QVERIFY2(remove->errorText().contains(QLatin1String("is running")),
             qPrintable(remove->errorText()));
    QVERIFY2(!remove->errorText().contains(QLatin1String("--force")),
             qPrintable(remove->errorText()));
    remove->stopFirstCheckBox()->setChecked(true);
    QTRY_VERIFY2_WITH_TIMEOUT(remove->removeButton()->isEnabled(), qPrintable(remove->errorText()),
                              60000);
    QVERIFY2(remove->keptText().contains(base + QLatin1Char('/') + newName),
             qPrintable(remove->keptText()));
    QTest::mouseClick(remove->removeButton(), Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(rowOf(m_hosts.spec(0), newName) < 0,
                              qPrintable(m_window->messageBar()->text()), 60000);
    // manage-iocs' uninstall keeps the IOC's folder and config; without them the remote tree
    // is as before.
    QVERIFY(QFile::remove(base + QLatin1Char('/') + newName + QStringLiteral("/config")));
    QVERIFY(QDir(base).rmdir(newName));
    const QMap<QString, QString> after = remoteTree();
    QStringList diff;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (before.value(it.key()) != it.value())
            diff << it.key();
    }
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!after.contains(it.key()))
            diff << it.key();
    }
    QVERIFY2(diff.isEmpty(), qPrintable(diff.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestMainWindowRemote)
#include "tst_mainwindowremote.moc"
