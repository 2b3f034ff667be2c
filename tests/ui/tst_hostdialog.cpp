// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// The "Add Host" dialog as a user sees it: what it says about the text typed, and when
// its Add button can be pressed.
#include "ui/hostdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

class TestHostDialog : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void emptySaysNothingAndCannotAdd();
    void validation_data();
    void validation();
    void userManagerAppendsUser();
    void hostAlreadyShownIsRefused();
    void setSpecFillsTheFields();
    void enterAddsAValidHost();

private:
    void type(const QString &text);
    QString error() const;
    bool canAdd() const;

    HostDialog *m_dialog = nullptr;
    QLineEdit *m_host = nullptr;
    QCheckBox *m_user = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_add = nullptr;
};

void TestHostDialog::init()
{
    m_dialog = new HostDialog;
    m_host = m_dialog->findChild<QLineEdit *>(QStringLiteral("hostLineEdit"));
    m_user = m_dialog->findChild<QCheckBox *>(QStringLiteral("userManagerCheckBox"));
    m_error = m_dialog->findChild<QLabel *>(QStringLiteral("errorLabel"));
    auto *buttons = m_dialog->findChild<QDialogButtonBox *>();
    QVERIFY(m_host && m_user && m_error && buttons);
    m_add = buttons->button(QDialogButtonBox::Ok);
    QVERIFY(m_add);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog));
    QCOMPARE(m_dialog->windowTitle(), QStringLiteral("Add Host"));
    QCOMPARE(m_add->text(), QStringLiteral("Add"));
}

void TestHostDialog::cleanup()
{
    delete m_dialog;
    m_dialog = nullptr;
}

void TestHostDialog::type(const QString &text)
{
    m_host->setFocus();
    m_host->selectAll();
    QTest::keyClick(m_host, Qt::Key_Backspace);
    QTest::keyClicks(m_host, text);
}

QString TestHostDialog::error() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

bool TestHostDialog::canAdd() const
{
    return m_add->isVisible() && m_add->isEnabled();
}

void TestHostDialog::emptySaysNothingAndCannotAdd()
{
    QCOMPARE(m_host->placeholderText(), QStringLiteral("[user@]host[:port]"));
    QCOMPARE(error(), QString());
    QVERIFY(!canAdd());
    type(QStringLiteral("   "));
    QCOMPARE(error(), QString());
    QVERIFY(!canAdd());
}

void TestHostDialog::validation_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown"); // the message under the field; empty: none
    QTest::addColumn<bool>("canAdd");
    QTest::newRow("host") << QStringLiteral("iocserver") << QString() << true;
    QTest::newRow("user, host and port")
            << QStringLiteral("epics@iocserver.example.org:2222") << QString() << true;
    QTest::newRow("IPv6 with port") << QStringLiteral("[::1]:22") << QString() << true;
    QTest::newRow("this machine's system manager")
            << QStringLiteral("system")
            << QStringLiteral("Enter a remote host; this machine's managers are chosen on the "
                              "command line.")
            << false;
    QTest::newRow("this machine's user manager")
            << QStringLiteral("user")
            << QStringLiteral("Enter a remote host; this machine's managers are chosen on the "
                              "command line.")
            << false;
    QTest::newRow("a bus address")
            << QStringLiteral("bus:unix:path=/run/x")
            << QStringLiteral("Enter a remote host; this machine's managers are chosen on the "
                              "command line.")
            << false;
    QTest::newRow("bad user") << QStringLiteral("bad user@iocserver")
                              << QStringLiteral("\"bad user\" is not a valid user name.") << false;
    QTest::newRow("bad port") << QStringLiteral("iocserver:70000")
                              << QStringLiteral("\"70000\" is not a valid port (1 to 65535).")
                              << false;
    QTest::newRow("option-like host") << QStringLiteral("-oProxyCommand=x")
                                      << QStringLiteral("\"-oProxyCommand=x\" is not a valid "
                                                        "host name.")
                                      << false;
    QTest::newRow("missing bracket")
            << QStringLiteral("[::1") << QStringLiteral("A missing \"]\" in \"[::1\".") << false;
    QTest::newRow("no host after the user")
            << QStringLiteral("epics@") << QStringLiteral("The host name is empty.") << false;
}

void TestHostDialog::validation()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QFETCH(bool, canAdd);
    type(text);
    QCOMPARE(m_host->text(), text);
    QCOMPARE(error(), shown);
    QCOMPARE(this->canAdd(), canAdd);
    // Fixing the text takes the message away again.
    type(QStringLiteral("iocserver"));
    QCOMPARE(error(), QString());
    QVERIFY(this->canAdd());
}

void TestHostDialog::userManagerAppendsUser()
{
    type(QStringLiteral("epics@iocserver"));
    QCOMPARE(m_dialog->spec(), QStringLiteral("epics@iocserver"));
    QTest::mouseClick(m_user, Qt::LeftButton);
    QVERIFY(m_user->isChecked());
    QCOMPARE(m_dialog->spec(), QStringLiteral("epics@iocserver/user"));
    QVERIFY(canAdd());
    // Typed by hand as well: not twice.
    type(QStringLiteral("epics@iocserver/user"));
    QCOMPARE(m_dialog->spec(), QStringLiteral("epics@iocserver/user"));
}

void TestHostDialog::hostAlreadyShownIsRefused()
{
    m_dialog->setExistingIds(
            { QStringLiteral("epics@iocserver"), QStringLiteral("epics@iocserver/user") });
    type(QStringLiteral("epics@iocserver"));
    QCOMPARE(error(), QStringLiteral("epics@iocserver is already in the list."));
    QVERIFY(!canAdd());
    type(QStringLiteral("epics@other"));
    QVERIFY(canAdd());
    // The user manager of a shown host is another host, unless it is shown too.
    type(QStringLiteral("epics@iocserver"));
    QTest::mouseClick(m_user, Qt::LeftButton);
    QCOMPARE(error(), QStringLiteral("epics@iocserver/user is already in the list."));
    QVERIFY(!canAdd());
}

void TestHostDialog::setSpecFillsTheFields()
{
    m_dialog->setSpec(QStringLiteral("epics@iocserver:2222/user"));
    QCOMPARE(m_host->text(), QStringLiteral("epics@iocserver:2222"));
    QVERIFY(m_user->isChecked());
    QCOMPARE(m_dialog->spec(), QStringLiteral("epics@iocserver:2222/user"));
    QVERIFY(canAdd());
    m_dialog->setSpec(QStringLiteral("iocserver"));
    QVERIFY(!m_user->isChecked());
    QCOMPARE(m_dialog->spec(), QStringLiteral("iocserver"));
}

void TestHostDialog::enterAddsAValidHost()
{
    QSignalSpy accepted(m_dialog, &QDialog::accepted);
    type(QStringLiteral("system"));
    QTest::keyClick(m_host, Qt::Key_Return);
    QCOMPARE(accepted.count(), 0); // Add is disabled: Enter does nothing
    QVERIFY(m_dialog->isVisible());
    type(QStringLiteral("iocserver"));
    QTest::keyClick(m_host, Qt::Key_Return);
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
    QCOMPARE(m_dialog->spec(), QStringLiteral("iocserver"));
}

QTEST_MAIN(TestHostDialog)
#include "tst_hostdialog.moc"
