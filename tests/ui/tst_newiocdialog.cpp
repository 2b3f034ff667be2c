// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// "New IOC…", "Remove…" and "Rename…" in the real main window on the sandbox's systemd user
// manager: what the form previews and refuses, that Create makes a real procServ unit that
// discovery lists (and the table selects), and that Remove asks with the files it removes and
// keeps and then leaves nothing behind.
#include "core/fleet/fleet.h"
#include "core/hosts/host.h"
#include "tests/common/sandbox.h"
#include "ui/iocactions.h"
#include "ui/ioctablemodel.h"
#include "ui/ioctableview.h"
#include "ui/mainwindow.h"
#include "ui/messagebar.h"
#include "ui/newiocdialog.h"
#include "ui/removeiocdialog.h"
#include "ui/renameiocdialog.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMap>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QTest>

#include <memory>

class TestNewIocDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void previewShowsTheFiles();
    void badInputDisablesCreate();
    void offersFribAndE3();
    void createShowsAndSelectsTheIoc();
    void renameNeedsManageIocs();
    void removeListsRemovedAndKeptFiles();
    void renameManageIocs();
    void sshHostsAreOffered();
    void hostMenuOpensTheFormForThatHost();

private:
    NewIocDialog *openForm();
    /// Fills the form for an IOC of @p convention running iocsim as @p name.
    void fill(NewIocDialog *dialog, const QString &name,
              const QString &convention = QStringLiteral("generic"));
    QString key(const QString &name) const
    {
        return m_host->id() + QStringLiteral("/ioc-%1.service").arg(name);
    }
    /// Every file and symlink under the sandbox's configuration and the IOC's own folder.
    QMap<QString, QString> snapshot() const;

    Sandbox m_sandbox;
    Host *m_host = nullptr;
    MainWindow *m_window = nullptr;
    QString m_workDir;
    QMap<QString, QString> m_before;
    const QString m_created = QStringLiteral("tstnewioc-c");
};

void TestNewIocDialog::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    QCoreApplication::setOrganizationName(QStringLiteral("iocdock-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_newiocdialog"));
    QSettings().clear();
    Q_INIT_RESOURCE(iocdock);
    // The IOC's own folder: its st.cmd is kept by Remove.
    m_workDir = m_sandbox.dir() + QStringLiteral("/tstnewioc-top");
    QVERIFY(QDir().mkpath(m_workDir));
    QFile st(m_workDir + QStringLiteral("/st.cmd"));
    QVERIFY(st.open(QIODevice::WriteOnly));
    st.write("# the IOC's own start script: never removed\n");
    st.close();

    m_host = Host::fromSpec(QStringLiteral("user"), this);
    QVERIFY(m_host);
    m_window = new MainWindow({ m_host });
    m_window->setConfirmsQuit(false);
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->isReady(), 60000);
}

void TestNewIocDialog::cleanupTestCase()
{
    delete m_window;
    if (Sandbox::isAvailable()) {
        m_sandbox.systemctl(
                { QStringLiteral("stop"), QStringLiteral("ioc-%1.service").arg(m_created) });
        QFile::remove(m_sandbox.configDir()
                      + QStringLiteral("/systemd/user/ioc-%1.service").arg(m_created));
        m_sandbox.systemctl({ QStringLiteral("daemon-reload") });
    }
}

QMap<QString, QString> TestNewIocDialog::snapshot() const
{
    QMap<QString, QString> files;
    for (const QString &root : { m_sandbox.configDir(), m_workDir }) {
        QDirIterator it(root, QDir::Files | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.contains(QLatin1String("/iocdock-tests/")))
                continue; // the window's own settings
            const QFileInfo info(path);
            if (info.isSymLink()) {
                files.insert(path, QStringLiteral("-> ") + info.symLinkTarget());
            } else {
                QFile file(path);
                files.insert(path,
                             file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll())
                                                            : QStringLiteral("(unreadable)"));
            }
        }
    }
    return files;
}

NewIocDialog *TestNewIocDialog::openForm()
{
    m_window->iocActions()->newIocAction()->trigger();
    auto *dialog = m_window->findChild<NewIocDialog *>();
    if (dialog && !QTest::qWaitForWindowExposed(dialog))
        return nullptr;
    return dialog;
}

void TestNewIocDialog::fill(NewIocDialog *dialog, const QString &name, const QString &convention)
{
    auto *conventions = dialog->findChild<QComboBox *>(QStringLiteral("conventionComboBox"));
    QVERIFY(conventions);
    const int index = conventions->findData(convention);
    QVERIFY(index >= 0);
    conventions->setCurrentIndex(index);
    auto *chdir = dialog->findChild<QLineEdit *>(QStringLiteral("chdirLineEdit"));
    chdir->setText(m_workDir);
    auto *nameEdit = dialog->findChild<QLineEdit *>(QStringLiteral("nameLineEdit"));
    nameEdit->clear();
    QTest::keyClicks(nameEdit, name);
    auto *command = dialog->findChild<QLineEdit *>(QStringLiteral("commandLineEdit"));
    command->clear();
    QTest::keyClicks(command, Sandbox::iocsimPath());
    auto *arguments = dialog->findChild<QLineEdit *>(QStringLiteral("argumentsLineEdit"));
    arguments->clear();
    QTest::keyClicks(arguments, QStringLiteral("--name ") + name);
}

void TestNewIocDialog::previewShowsTheFiles()
{
    NewIocDialog *dialog = openForm();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->host(), m_host);
    QVERIFY(!dialog->createButton()->isEnabled()); // nothing typed yet
    QVERIFY(dialog->errorText().isEmpty()); // and no complaint about it
    fill(dialog, QStringLiteral("tstnewioc-p"));
    // Typing makes the preview stale: no Create until it is planned again.
    QVERIFY(!dialog->createButton()->isEnabled());
    const QString unitFile =
            m_sandbox.configDir() + QStringLiteral("/systemd/user/ioc-tstnewioc-p.service");
    QTRY_VERIFY_WITH_TIMEOUT(dialog->previewText().contains(unitFile), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->createButton()->isEnabled(), 10000);
    const QString preview = dialog->previewText();
    QVERIFY2(preview.contains(QStringLiteral("write %1:").arg(unitFile)), qPrintable(preview));
    QVERIFY2(preview.contains(Sandbox::iocsimPath()), qPrintable(preview));
    QVERIFY2(preview.contains(QLatin1String("--name tstnewioc-p")), qPrintable(preview));
    QVERIFY2(preview.contains(QLatin1String("systemctl --user daemon-reload")),
             qPrintable(preview));
    QVERIFY(dialog->errorText().isEmpty());
    QVERIFY(!QFileInfo::exists(unitFile)); // a preview writes nothing
    // What one preview costs on the GUI thread (reported, not asserted: the machine is shared).
    QElapsedTimer clock;
    clock.start();
    const IocCreateRequest request = dialog->request();
    for (int i = 0; i < 20; ++i) {
        std::unique_ptr<IocPlanner> planner(
                NewIocDialog::plannerFor(m_window->fleet(), m_host, nullptr));
        QVERIFY(planner->planNow([&request](const IocWriter &writer) {
                           return writer.planCreate(request);
                       })
                        .isValid());
    }
    qInfo("one plan: %.2f ms", double(clock.nsecsElapsed()) / 20 / 1e6);
    // A picture to look at (run under Xvfb with QT_QPA_PLATFORM=xcb for real fonts).
    const QString pictures = qEnvironmentVariable("IOCDOCK_SCREENSHOT_DIR");
    if (!pictures.isEmpty())
        QVERIFY(dialog->grab().save(pictures + QStringLiteral("/newiocdialog.png")));
    dialog->reject();
    QTRY_VERIFY(!m_window->findChild<NewIocDialog *>());
}

void TestNewIocDialog::offersFribAndE3()
{
    // The form offers every convention iocctl writes; FRIB and e3 preview their own files.
    NewIocDialog *dialog = openForm();
    QVERIFY(dialog);
    fill(dialog, QStringLiteral("tstnewioc-frib"), QStringLiteral("frib"));
    const QString fribUnit =
            m_sandbox.configDir() + QStringLiteral("/systemd/user/softioc-tstnewioc-frib.service");
    QTRY_VERIFY_WITH_TIMEOUT(dialog->previewText().contains(fribUnit), 10000);
    QVERIFY2(dialog->previewText().contains(QLatin1String("/tstnewioc-frib/config:\n    NAME="
                                                          "tstnewioc-frib\n")),
             qPrintable(dialog->previewText()));
    fill(dialog, QStringLiteral("tstnewioc-e3"), QStringLiteral("e3"));
    const QString dropIn = m_sandbox.configDir()
            + QStringLiteral("/systemd/user/ioc@tstnewioc-e3.service.d/override.conf");
    QTRY_VERIFY_WITH_TIMEOUT(dialog->previewText().contains(dropIn), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->createButton()->isEnabled(), 10000);
    QVERIFY(!QFileInfo::exists(dropIn)); // a preview writes nothing
    dialog->reject();
    QTRY_VERIFY(!m_window->findChild<NewIocDialog *>());
}

void TestNewIocDialog::badInputDisablesCreate()
{
    NewIocDialog *dialog = openForm();
    QVERIFY(dialog);
    fill(dialog, QStringLiteral("tstnewioc-b"));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->createButton()->isEnabled(), 10000);

    auto *nameEdit = dialog->findChild<QLineEdit *>(QStringLiteral("nameLineEdit"));
    QTest::keyClicks(nameEdit, QStringLiteral(" x!"));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->errorText().contains(QLatin1String("not a valid IOC name")),
                             10000);
    QVERIFY(!dialog->createButton()->isEnabled());
    QVERIFY(dialog->errorText().contains(QLatin1String("tstnewioc-b x!")));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("errorLabel"))->isVisible());

    nameEdit->setText(QStringLiteral("tstnewioc-b"));
    auto *command = dialog->findChild<QLineEdit *>(QStringLiteral("commandLineEdit"));
    command->clear();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->errorText().contains(QLatin1String("No command")), 10000);
    QVERIFY(!dialog->createButton()->isEnabled());

    QTest::keyClicks(command, QStringLiteral("/nonexistent/softIoc"));
    QTRY_VERIFY_WITH_TIMEOUT(
            dialog->errorText().contains(QLatin1String("/nonexistent/softIoc does not exist")),
            10000);
    QVERIFY(!dialog->createButton()->isEnabled());
    const QString pictures = qEnvironmentVariable("IOCDOCK_SCREENSHOT_DIR");
    if (!pictures.isEmpty())
        QVERIFY(dialog->grab().save(pictures + QStringLiteral("/newiocdialog-error.png")));
    // Enter on a refused plan creates nothing.
    QTest::keyClick(dialog, Qt::Key_Return);
    QVERIFY(dialog->isVisible());
    dialog->reject();
}

void TestNewIocDialog::createShowsAndSelectsTheIoc()
{
    m_before = snapshot();
    NewIocDialog *dialog = openForm();
    QVERIFY(dialog);
    fill(dialog, m_created);
    dialog->findChild<QCheckBox *>(QStringLiteral("startCheckBox"))->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->createButton()->isEnabled(), 10000);
    QTest::mouseClick(dialog->createButton(), Qt::LeftButton);

    QTRY_VERIFY_WITH_TIMEOUT(m_window->model()->contains(key(m_created)), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->messageBar()->kind(), MessageBar::Kind::Success, 30000);
    QVERIFY2(m_window->messageBar()->text().startsWith(QStringLiteral("Created %1").arg(m_created)),
             qPrintable(m_window->messageBar()->text()));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->iocActions()->selection().value(0).name, m_created, 10000);
    QCOMPARE(m_window->iocActions()->selection().size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(
            m_sandbox.unitProperty(QStringLiteral("ioc-%1.service").arg(m_created),
                                   QStringLiteral("ActiveState")),
            QStringLiteral("active"), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->iocActions()->selection().value(0).activeState,
                              QStringLiteral("active"), 30000);
}

void TestNewIocDialog::renameNeedsManageIocs()
{
    QTRY_COMPARE_WITH_TIMEOUT(m_window->iocActions()->selection().value(0).name, m_created, 10000);
    QAction *rename = m_window->iocActions()->renameAction();
    QVERIFY(!rename->isEnabled());
    QVERIFY2(rename->toolTip().contains(QLatin1String("manage-iocs")),
             qPrintable(rename->toolTip()));
    QVERIFY(m_window->iocActions()->removeAction()->isEnabled());
}

void TestNewIocDialog::removeListsRemovedAndKeptFiles()
{
    QTRY_COMPARE_WITH_TIMEOUT(m_window->iocActions()->selection().value(0).name, m_created, 10000);
    m_window->iocActions()->removeAction()->trigger();
    auto *dialog = m_window->findChild<RemoveIocDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    const QString unitFile =
            m_sandbox.configDir() + QStringLiteral("/systemd/user/ioc-%1.service").arg(m_created);
    // Running: refused until "Stop it first" is ticked; Cancel is what Enter presses.
    QVERIFY(dialog->cancelButton()->isDefault());
    QVERIFY(!dialog->removeButton()->isEnabled());
    QVERIFY2(!dialog->errorText().isEmpty(), "no reason shown for refusing a running IOC");
    QVERIFY(dialog->stopFirstCheckBox()->isVisible());
    QTest::keyClick(dialog->stopFirstCheckBox(), Qt::Key_Space);
    QVERIFY(dialog->stopFirstCheckBox()->isChecked());
    QVERIFY2(dialog->removeButton()->isEnabled(), qPrintable(dialog->errorText()));
    QVERIFY(dialog->errorText().isEmpty());
    QVERIFY(dialog->cancelButton()->isDefault());
    const QString removed = dialog->removedText();
    QVERIFY2(removed.contains(QStringLiteral("remove %1").arg(unitFile)), qPrintable(removed));
    QVERIFY2(
            removed.contains(QStringLiteral("systemctl --user stop ioc-%1.service").arg(m_created)),
            qPrintable(removed));
    QVERIFY2(dialog->keptText().contains(m_workDir), qPrintable(dialog->keptText()));
    const QString pictures = qEnvironmentVariable("IOCDOCK_SCREENSHOT_DIR");
    if (!pictures.isEmpty())
        QVERIFY(dialog->grab().save(pictures + QStringLiteral("/removeiocdialog.png")));

    QTest::mouseClick(dialog->removeButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->model()->contains(key(m_created)), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->messageBar()->kind(), MessageBar::Kind::Success, 30000);
    QVERIFY2(m_window->messageBar()->text().startsWith(QStringLiteral("Removed %1").arg(m_created)),
             qPrintable(m_window->messageBar()->text()));
    QVERIFY(QFileInfo::exists(m_workDir + QStringLiteral("/st.cmd")));
    const QMap<QString, QString> after = snapshot();
    QStringList left;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (m_before.value(it.key()) != it.value())
            left << it.key();
    }
    for (auto it = m_before.cbegin(); it != m_before.cend(); ++it) {
        if (!after.contains(it.key()))
            left << QStringLiteral("gone: ") + it.key();
    }
    QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char('\n'))));
}

void TestNewIocDialog::renameManageIocs()
{
    const QString oldName = QStringLiteral("tstnewioc-old");
    const QString newName = QStringLiteral("tstnewioc-new");
    const QString base = qEnvironmentVariable("IOCDOCK_IOC_PATH").section(QLatin1Char(':'), 0, 0);
    QVERIFY2(!base.isEmpty(), "the sandbox sets IOCDOCK_IOC_PATH");
    const QString oldKey = m_host->id() + QStringLiteral("/softioc-%1.service").arg(oldName);
    const QString newKey = m_host->id() + QStringLiteral("/softioc-%1.service").arg(newName);

    NewIocDialog *form = openForm();
    QVERIFY(form);
    fill(form, oldName, QStringLiteral("manage-iocs"));
    QTRY_VERIFY2_WITH_TIMEOUT(form->createButton()->isEnabled(), qPrintable(form->errorText()),
                              10000);
    QVERIFY2(form->previewText().contains(base + QLatin1Char('/') + oldName
                                          + QStringLiteral("/config")),
             qPrintable(form->previewText()));
    QTest::mouseClick(form->createButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->model()->contains(oldKey), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->iocActions()->selection().value(0).name, oldName, 10000);

    QAction *rename = m_window->iocActions()->renameAction();
    QVERIFY2(rename->isEnabled(), qPrintable(rename->toolTip()));
    rename->trigger();
    auto *dialog = m_window->findChild<RenameIocDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY(!dialog->renameButton()->isEnabled()); // the old name: nothing to do
    dialog->nameLineEdit()->selectAll();
    QTest::keyClicks(dialog->nameLineEdit(), newName);
    const QString move = QStringLiteral("move %1/%2 to %1/%3").arg(base, oldName, newName);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->previewText().contains(move), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->renameButton()->isEnabled(), 10000);
    const QString pictures = qEnvironmentVariable("IOCDOCK_SCREENSHOT_DIR");
    if (!pictures.isEmpty())
        QVERIFY(dialog->grab().save(pictures + QStringLiteral("/renameiocdialog.png")));
    QTest::mouseClick(dialog->renameButton(), Qt::LeftButton);

    QTRY_VERIFY_WITH_TIMEOUT(m_window->model()->contains(newKey), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->model()->contains(oldKey), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->iocActions()->selection().value(0).name, newName, 10000);
    QVERIFY(QFileInfo::exists(base + QLatin1Char('/') + newName + QStringLiteral("/config")));
    QVERIFY(!QFileInfo::exists(base + QLatin1Char('/') + oldName));

    // Clean up through Remove…; manage-iocs keeps the IOC's config, as its uninstall does.
    m_window->iocActions()->removeAction()->trigger();
    auto *remove = m_window->findChild<RemoveIocDialog *>();
    QVERIFY(remove);
    QVERIFY2(remove->keptText().contains(base + QLatin1Char('/') + newName),
             qPrintable(remove->keptText()));
    QVERIFY2(remove->removeButton()->isEnabled(), qPrintable(remove->errorText()));
    QTest::mouseClick(remove->removeButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->model()->contains(newKey), 30000);
    QVERIFY(QFile::remove(base + QLatin1Char('/') + newName + QStringLiteral("/config")));
    QVERIFY(QDir(base).rmdir(newName));
}

void TestNewIocDialog::sshHostsAreOffered()
{
    // An SSH host (never reached: nothing is typed, so nothing is planned) is offered beside
    // this machine's managers (a bus: address is one of those). tests/remote/
    // tst_mainwindowremote creates, renames and removes on a real SSH host.
    Fleet fleet;
    Host *local = fleet.addHost(QStringLiteral("user"));
    Host *remote = fleet.addHost(QStringLiteral("iocdock-test.invalid"));
    QVERIFY(local);
    QVERIFY(remote);
    QVERIFY(NewIocDialog::isWritable(local));
    QVERIFY(NewIocDialog::isWritable(remote));
    QString why;
    QVERIFY(!NewIocDialog::isWritable(nullptr, &why));
    QVERIFY2(why.contains(QLatin1String("SSH hosts")), qPrintable(why));
    NewIocDialog dialog(&fleet);
    auto *hosts = dialog.findChild<QComboBox *>(QStringLiteral("hostComboBox"));
    QCOMPARE(hosts->count(), 2);
    QCOMPARE(hosts->itemText(0), local->displayName());
    QCOMPARE(hosts->itemText(1), remote->displayName());
    dialog.setHost(remote);
    QCOMPARE(dialog.host(), remote);
    auto *note = dialog.findChild<QLabel *>(QStringLiteral("hostNoteLabel"));
    QVERIFY(note);
    QVERIFY(note->isHidden()); // every host is offered: nothing to explain
    // The preview for the SSH host waits for nothing while the form is empty.
    QVERIFY(!dialog.createButton()->isEnabled());
}

void TestNewIocDialog::hostMenuOpensTheFormForThatHost()
{
    auto *hostList = m_window->findChild<QListView *>(QStringLiteral("hostList"));
    QVERIFY(hostList);
    QModelIndex row;
    for (int i = 0; i < hostList->model()->rowCount(); ++i) {
        if (hostList->model()->index(i, 0).data().toString().contains(m_host->displayName()))
            row = hostList->model()->index(i, 0);
    }
    QVERIFY(row.isValid());
    emit hostList->customContextMenuRequested(hostList->visualRect(row).center());
    QMenu *menu = nullptr;
    QTRY_VERIFY((menu = m_window->findChild<QMenu *>(QString(), Qt::FindDirectChildrenOnly))
                && menu->isVisible());
    QAction *newIoc = nullptr;
    for (QAction *action : menu->actions()) {
        if (action->text() == QStringLiteral("&New IOC on %1…").arg(m_host->displayName()))
            newIoc = action;
    }
    QVERIFY(newIoc);
    QVERIFY(newIoc->isEnabled());
    newIoc->trigger(); // while the menu (its owner) is still there
    menu->close();
    auto *dialog = m_window->findChild<NewIocDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->host(), m_host);
    dialog->reject();
    QTRY_VERIFY(!m_window->findChild<NewIocDialog *>());
}

QTEST_MAIN(TestNewIocDialog)
#include "tst_newiocdialog.moc"
