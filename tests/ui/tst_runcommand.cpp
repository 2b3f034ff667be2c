// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// "Run command…" and group actions in the real main window on the sandbox's systemd user
// manager, with real procServ + iocsim units: one line on several IOCs, each reply under its
// header in one tab; a stopped IOC among them shown failed; the confirmation for more than one
// IOC, and a "no" that sends nothing (iocsim's input log says what reached each IOC); a group
// restart's progress and per-IOC outcomes in the message history.

#include "core/fleet/execfanout.h"
#include "core/fleet/execlinejob.h"
#include "core/hosts/host.h"
#include "tests/common/sandbox.h"
#include "ui/console/consoletabwidget.h"
#include "ui/execresultsview.h"
#include "ui/iocactions.h"
#include "ui/iocfilterproxymodel.h"
#include "ui/ioctablemodel.h"
#include "ui/mainwindow.h"
#include "ui/messagearea.h"
#include "ui/messagebar.h"
#include "ui/messagehistorydialog.h"
#include "ui/runcommanddialog.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

class TestRunCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void dialogRefusesControlCharacters();
    void cancelledConfirmationSendsNothing();
    void repliesOfThreeIocsInOneTab();
    void stoppedIocAmongThemFails();
    void groupRestartShowsProgressInTheHistory();

private:
    QString key(const QString &name) const;
    Ioc row(const QString &name) const;
    void select(const QStringList &names);
    QString inputLog(const QString &name) const;
    /// Triggers Run Command… on the selection, types @p line and clicks Run.
    void typeAndRun(const QString &line);
    QList<ExecResultsView *> resultPages() const;

    Sandbox m_sandbox;
    QTemporaryDir m_logs;
    Host *m_host = nullptr;
    MainWindow *m_window = nullptr;
    const QStringList m_running = { QStringLiteral("tstrun-a"), QStringLiteral("tstrun-b"),
                                    QStringLiteral("tstrun-c") };
    const QString m_stopped = QStringLiteral("tstrun-d");
    const QString m_broken = QStringLiteral("tstrun-bad"); // a unit whose start job fails
    QStringList m_questions;
    bool m_answer = false;
};

static QString unitOf(const QString &name)
{
    return QStringLiteral("procserv-%1.service").arg(name);
}

QString TestRunCommand::key(const QString &name) const
{
    return m_host->id() + QLatin1Char('/') + unitOf(name);
}

Ioc TestRunCommand::row(const QString &name) const
{
    return m_window->model()->indexOf(key(name)).data(IocTableModel::IocRole).value<Ioc>();
}

QString TestRunCommand::inputLog(const QString &name) const
{
    return m_logs.filePath(name + QStringLiteral(".input"));
}

void TestRunCommand::select(const QStringList &names)
{
    QTableView *table = m_window->tableView();
    table->setFocus();
    QItemSelection selection;
    for (const QString &name : names) {
        const QModelIndex source = m_window->model()->indexOf(key(name));
        QVERIFY2(source.isValid(), qPrintable(name));
        const QModelIndex index = m_window->proxyModel()->mapFromSource(source);
        selection.select(index, index);
    }
    table->selectionModel()->select(
            selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(m_window->iocActions()->selection().size(), names.size());
}

void TestRunCommand::typeAndRun(const QString &line)
{
    QAction *action = m_window->iocActions()->runCommandAction();
    QVERIFY(action->isEnabled());
    action->trigger();
    RunCommandDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<RunCommandDialog *>()) && dialog->isVisible());
    QTest::keyClicks(dialog->lineComboBox()->lineEdit(), line);
    QVERIFY(dialog->runButton()->isEnabled());
    QTest::mouseClick(dialog->runButton(), Qt::LeftButton);
}

QList<ExecResultsView *> TestRunCommand::resultPages() const
{
    QList<ExecResultsView *> pages;
    for (int i = 0; i < m_window->bottomTabs()->count(); ++i) {
        if (auto *page = qobject_cast<ExecResultsView *>(m_window->bottomTabs()->widget(i)))
            pages << page;
    }
    return pages;
}

void TestRunCommand::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    QCoreApplication::setOrganizationName(QStringLiteral("iocdock-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_runcommand"));
    QSettings().clear();
    Q_INIT_RESOURCE(iocdock);
    QVERIFY(m_logs.isValid());

    for (const QString &name : m_running + QStringList{ m_stopped }) {
        QVERIFY(m_sandbox.installUnit(
                unitOf(name),
                Sandbox::procServUtilsUnit(name,
                                           { QStringLiteral("--input-log"), inputLog(name) })));
    }
    for (const QString &name : m_running)
        QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unitOf(name) }));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("stop"), unitOf(m_stopped) }));
    // Its start job fails: systemd reports the oneshot's exit as the job result "failed".
    QVERIFY(m_sandbox.installUnit(
            unitOf(m_broken),
            QStringLiteral("[Unit]\nDescription=fails to start\n"
                           "[Service]\nType=oneshot\nExecStart=/bin/false\n")));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("stop"), unitOf(m_broken) }));

    m_host = Host::fromSpec(QStringLiteral("user"), this);
    QVERIFY(m_host);
    m_window = new MainWindow({ m_host });
    m_window->setConfirmsQuit(false);
    m_window->iocActions()->setConfirm([this](const QString &, const QString &text, const QString &,
                                              std::function<void(bool)> answer) {
        m_questions << text;
        answer(m_answer);
    });
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestRunCommand::cleanupTestCase()
{
    delete m_window;
    if (Sandbox::isAvailable()) {
        for (const QString &name : m_running + QStringList{ m_stopped, m_broken })
            m_sandbox.removeUnit(unitOf(name));
    }
}

void TestRunCommand::init()
{
    for (const QString &name : m_running)
        QTRY_COMPARE_WITH_TIMEOUT(row(name).activeState, QStringLiteral("active"), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->model()->contains(key(m_stopped)), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->model()->contains(key(m_broken)), 30000);
    m_questions.clear();
}

void TestRunCommand::dialogRefusesControlCharacters()
{
    select({ m_running.at(0) });
    RunCommandDialog *dialog =
            m_window->iocActions()->runCommand(m_window->iocActions()->selection());
    QVERIFY(dialog);
    QVERIFY(!dialog->runButton()->isEnabled()); // nothing typed yet
    dialog->setLine(QStringLiteral("dbl") + QChar(0x18)); // ^X: procServ kills the IOC
    QVERIFY(!dialog->runButton()->isEnabled());
    QVERIFY(dialog->problem().contains(QStringLiteral("0x18")));
    dialog->setLine(QStringLiteral("dbl"));
    QVERIFY(dialog->runButton()->isEnabled());
    dialog->reject();
    QTRY_VERIFY(!m_window->findChild<RunCommandDialog *>());
}

void TestRunCommand::cancelledConfirmationSendsNothing()
{
    const int pagesBefore = static_cast<int>(resultPages().size());
    QByteArray before[2];
    for (int i = 0; i < 2; ++i) {
        QFile log(inputLog(m_running.at(i)));
        if (log.open(QIODevice::ReadOnly))
            before[i] = log.readAll();
    }
    select({ m_running.at(0), m_running.at(1) });
    m_answer = false;
    typeAndRun(QStringLiteral("dbpr tstrun-a:ai1"));
    QTRY_COMPARE(m_questions.size(), 1);
    QVERIFY2(m_questions.first().contains(QStringLiteral("2 IOC(s)")),
             qPrintable(m_questions.first()));
    QVERIFY(m_questions.first().contains(QStringLiteral("dbpr tstrun-a:ai1")));
    // No fan-out was made, so no console was opened, and the IOCs got nothing.
    QCOMPARE(resultPages().size(), pagesBefore);
    QVERIFY(!m_window->findChild<ExecFanOut *>());
    for (int i = 0; i < 2; ++i) {
        QFile log(inputLog(m_running.at(i)));
        const QByteArray now = log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
        QCOMPARE(now, before[i]);
        QVERIFY(!now.contains("dbpr"));
    }
}

void TestRunCommand::repliesOfThreeIocsInOneTab()
{
    const int pagesBefore = static_cast<int>(resultPages().size());
    select(m_running);
    m_answer = true;
    typeAndRun(QStringLiteral("dbl"));
    QTRY_COMPARE(m_questions.size(), 1);
    QVERIFY(m_questions.first().contains(QStringLiteral("3 IOC(s)")));
    QTRY_COMPARE(resultPages().size(), pagesBefore + 1); // one tab for all three
    ExecResultsView *page = resultPages().constLast();
    QCOMPARE(m_window->bottomTabs()->currentWidget(), page);
    QCOMPARE(m_window->bottomTabs()->tabText(m_window->bottomTabs()->indexOf(page)),
             QStringLiteral("Run: dbl"));
    QTRY_VERIFY_WITH_TIMEOUT(page->run()->isFinished(), 60000);
    QVERIFY2(page->summary().contains(QStringLiteral("3 of 3 done")), qPrintable(page->summary()));

    const QStringList lines = page->text().split(QLatin1Char('\n'));
    for (const QString &name : m_running) {
        const QString header = QStringLiteral("==> %1/%2 — ok <==").arg(m_host->id(), name);
        const int at = static_cast<int>(lines.indexOf(header));
        QVERIFY2(at >= 0, qPrintable(header + QStringLiteral(" in:\n") + page->text()));
        // Its records, and only its own, up to the next header.
        QStringList block;
        for (int i = at + 1; i < lines.size() && !lines.at(i).startsWith(QStringLiteral("==> "));
             ++i)
            block << lines.at(i);
        QVERIFY2(block.contains(name + QStringLiteral(":ai1")), qPrintable(block.join(u'\n')));
        QVERIFY(block.contains(name + QStringLiteral(":calc")));
        for (const QString &other : m_running) {
            if (other != name)
                QVERIFY(!block.join(u'\n').contains(other + QLatin1Char(':')));
        }
        QFile log(inputLog(name));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QVERIFY(log.readAll().contains("dbl"));
    }
    QCOMPARE(RunCommandDialog::recentLines().value(0), QStringLiteral("dbl"));

    // A picture of the window with the results tab, for a person to look at (run under Xvfb
    // with IOCDOCK_SCREENSHOT_DIR set; offscreen pictures have no fonts worth looking at).
    const QString dir = qEnvironmentVariable("IOCDOCK_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(m_window->grab().save(dir + QStringLiteral("/iocdock-runcommand.png")));
}

void TestRunCommand::stoppedIocAmongThemFails()
{
    select({ m_running.at(0), m_stopped, m_running.at(1) });
    m_answer = true;
    typeAndRun(QStringLiteral("dbl"));
    QTRY_COMPARE(m_questions.size(), 1);
    ExecResultsView *page = nullptr;
    QTRY_VERIFY((page = m_window->findChildren<ExecResultsView *>().value(0))
                && resultPages().constLast()->line() == QStringLiteral("dbl")
                && resultPages().constLast()->run()->count() == 3);
    page = resultPages().constLast();
    QTRY_VERIFY_WITH_TIMEOUT(page->run()->isFinished(), 60000);
    QVERIFY2(page->summary().contains(QStringLiteral("3 of 3 done, 1 failed")),
             qPrintable(page->summary()));
    const QString text = page->text();
    for (int i = 0; i < 2; ++i) {
        const QString name = m_running.at(i);
        QVERIFY(text.contains(QStringLiteral("==> %1/%2 — ok <==").arg(m_host->id(), name)));
        QVERIFY(text.contains(name + QStringLiteral(":ai1")));
    }
    const QString failed = QStringLiteral("==> %1/%2 — failed: ").arg(m_host->id(), m_stopped);
    QVERIFY2(text.contains(failed), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("%1 is not running").arg(m_stopped)));
    QVERIFY(!text.contains(m_stopped + QStringLiteral(":ai1")));
}

void TestRunCommand::groupRestartShowsProgressInTheHistory()
{
    MessageBar *bar = m_window->messageBar();
    const int before = static_cast<int>(bar->history().size());
    select({ m_running.at(0), m_running.at(1), m_broken });
    m_answer = true;
    m_window->iocActions()->restartAction()->trigger();
    QTRY_COMPARE(m_questions.size(), 1);
    // The last word of the action: an error naming the IOC that failed. (Other messages may
    // follow it: three IOCs restarting at once is a restart storm.)
    const auto shown = [bar, before] {
        QStringList texts;
        const QList<MessageBar::Entry> entries = bar->history().mid(before);
        for (const MessageBar::Entry &entry : entries)
            texts << entry.text;
        return texts;
    };
    const auto summary = [&shown]() -> QString {
        const QStringList texts = shown();
        for (const QString &text : texts) {
            if (text.startsWith(QStringLiteral("Could not restart")))
                return text;
        }
        return {};
    };
    QTRY_VERIFY2_WITH_TIMEOUT(!summary().isEmpty(), qPrintable(shown().join(QStringLiteral(" | "))),
                              60000);
    const QStringList texts = shown();
    QVERIFY2(texts.first().startsWith(QStringLiteral("Restarting ")), qPrintable(texts.join(u'|')));
    for (int done = 1; done <= 3; ++done) {
        const QString prefix = QStringLiteral("%1 of 3 done: ").arg(done);
        QVERIFY2(std::any_of(texts.cbegin(), texts.cend(),
                             [&](const QString &t) { return t.startsWith(prefix); }),
                 qPrintable(prefix + texts.join(u'|')));
    }
    for (int i = 0; i < 2; ++i)
        QVERIFY(texts.join(u'|').contains(m_running.at(i) + QStringLiteral(" restarted")));
    QVERIFY2(texts.join(u'|').contains(m_broken + QStringLiteral(": restart failed: ")),
             qPrintable(texts.join(u'|')));
    QVERIFY(summary().contains(m_broken));
    QVERIFY(!summary().contains(m_running.at(0)));
    const int last = static_cast<int>(texts.indexOf(summary()));
    QCOMPARE(bar->history().at(before + last).kind, MessageBar::Kind::Error);

    // The history dialog lists them, one row each.
    m_window->messageArea()->showHistory();
    MessageHistoryDialog *dialog = m_window->messageArea()->historyDialog();
    QVERIFY(dialog);
    QTreeWidget *tree = dialog->tree();
    QStringList outcomes;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        outcomes << tree->topLevelItem(i)->text(MessageHistoryDialog::OutcomeColumn);
    QVERIFY(std::any_of(outcomes.cbegin(), outcomes.cend(), [](const QString &t) {
        return t.startsWith(QStringLiteral("3 of 3 done: "));
    }));
    dialog->close();
}

QTEST_MAIN(TestRunCommand)
#include "tst_runcommand.moc"
