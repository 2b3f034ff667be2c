// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// The Events pane's past (EventHistory, EventModel::addPastEvents) in the real main window on
// the sandbox's systemd user manager with real procServ units: an IOC stopped before the window
// existed shows once, from the journal, below what live watching sees later; restarts read back
// from the journal raise no storm warning; without a journal the pane says so quietly; the
// bound set in the Settings dialog reaches the history at once.
//
// This machine runs no journald, so no real journal entry can be produced here: the first test
// puts a stand-in `journalctl` first on PATH that prints, in journalctl -o json's form (as
// tests/data/journal/ioc-events.json has it), the entries systemd would have written for the
// real stop done before the window, three unit failures, and one entry stamped after live
// watching began (which must not be shown: that moment on is live). The second test runs the
// machine's real journalctl. The last drops the host's connection and makes it again, with a
// stand-in that prints what the journal would hold of that absence.

#include "core/fleet/eventhistory.h"
#include "core/fleet/fleet.h"
#include "core/fleet/restartstorm.h"
#include "core/hosts/host.h"
#include "tests/common/sandbox.h"
#include "ui/console/consoletabwidget.h"
#include "ui/eventmodel.h"
#include "ui/eventspane.h"
#include "ui/iocdetailswidget.h"
#include "ui/ioctabs.h"
#include "ui/mainwindow.h"
#include "ui/messagebar.h"
#include "ui/settingsdialog.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

class TestEventHistory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void pastEventsMergeByTime();
    void pastStopShowsOnceAndNoStorm();
    void noJournalIsAQuietNote();
    void stopWhileAwayShowsOnce_data();
    void stopWhileAwayShowsOnce();
    void restartWhileAwayShowsOnce_data();
    void restartWhileAwayShowsOnce();
    void boundFromTheSettingsDialog();

private:
    /// Rows of the model of @p type for IOC @p name.
    QList<int> rows(MainWindow *window, const QString &type, const QString &name) const;
    static QString dump(MainWindow *window);
    /// A main window on @p host whose Events pane reads @p historyHours of the journal.
    static std::unique_ptr<MainWindow> windowReading(Host *host, int historyHours);
    /// True once the pane shows exactly one host event of @p type (within 60 s).
    bool showsOnce(MainWindow *window, const QString &type) const;
    /// Shows @p window; true once it is exposed and has listed its hosts (within 60 s).
    static bool showReady(MainWindow *window);
    /// Puts a stand-in `journalctl` running the shell @p body first on PATH.
    bool installJournalctl(const QByteArray &body);

    Sandbox m_sandbox;
    QTemporaryDir m_bin;
    QByteArray m_path;
    const QStringList m_names = { QStringLiteral("tsthist-a"), QStringLiteral("tsthist-b"),
                                  QStringLiteral("tsthist-c") };
};

bool TestEventHistory::installJournalctl(const QByteArray &body)
{
    QFile script(m_bin.filePath(QStringLiteral("journalctl")));
    if (!script.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || script.write("#!/bin/sh\n" + body) < 0)
        return false;
    script.close();
    if (!script.setPermissions(script.permissions() | QFileDevice::ExeOwner))
        return false;
    qputenv("PATH", m_bin.path().toUtf8() + ':' + m_path);
    return true;
}

static QString unitOf(const QString &name)
{
    return QStringLiteral("procserv-%1.service").arg(name);
}

QList<int> TestEventHistory::rows(MainWindow *window, const QString &type,
                                  const QString &name) const
{
    QList<int> found;
    const EventModel *model = window->eventModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->event(row).type == type && model->event(row).name == name)
            found << row;
    }
    return found;
}

std::unique_ptr<MainWindow> TestEventHistory::windowReading(Host *host, int historyHours)
{
    QSettings().setValue(QStringLiteral("events/historyHours"), historyHours);
    auto window = std::make_unique<MainWindow>(QList<Host *>{ host });
    QSettings().remove(QStringLiteral("events/historyHours"));
    return window;
}

bool TestEventHistory::showsOnce(MainWindow *window, const QString &type) const
{
    return QTest::qWaitFor([&] { return rows(window, type, QString()).size() == 1; }, 60000);
}

bool TestEventHistory::showReady(MainWindow *window)
{
    window->show();
    return QTest::qWaitForWindowExposed(window)
            && QTest::qWaitFor([window] { return window->isReady(); }, 60000);
}

QString TestEventHistory::dump(MainWindow *window)
{
    QStringList lines;
    for (int row = 0; row < window->eventModel()->rowCount(); ++row)
        lines << window->eventModel()->event(row).toText(true)
                        + (window->eventModel()->isFromJournal(row) ? QStringLiteral(" [journal]")
                                                                    : QString());
    return lines.join(QLatin1Char('\n'));
}

void TestEventHistory::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    QCoreApplication::setOrganizationName(QStringLiteral("iocdock-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_eventhistory"));
    QSettings().clear();
    Q_INIT_RESOURCE(iocdock);
    QVERIFY(m_bin.isValid());
    m_path = qgetenv("PATH");
    for (const QString &name : m_names) {
        QVERIFY(m_sandbox.installUnit(unitOf(name), Sandbox::procServUtilsUnit(name)));
        QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unitOf(name) }));
    }
}

void TestEventHistory::cleanupTestCase()
{
    qputenv("PATH", m_path);
    if (Sandbox::isAvailable()) {
        for (const QString &name : m_names)
            m_sandbox.removeUnit(unitOf(name));
    }
}

void TestEventHistory::cleanup()
{
    qputenv("PATH", m_path); // the stand-in journalctl of a test, even a failed one, goes
}

void TestEventHistory::pastEventsMergeByTime()
{
    EventModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1800000000, Qt::UTC);
    const auto make = [&t0](const char *name, int seconds) {
        FleetEvent e;
        e.type = QStringLiteral("start");
        e.host = QStringLiteral("h");
        e.name = QLatin1String(name);
        e.time = t0.addSecs(seconds);
        return e;
    };
    model.addEvent(make("live10", 10));
    model.addEvent(make("live30", 30));
    // Oldest first, as a journal gives them; one as old as a live event.
    model.addPastEvents(
            { make("past5", 5), make("past20a", 20), make("past20b", 20), make("past30", 30) });
    QStringList names;
    QList<bool> fromJournal;
    for (int row = 0; row < model.rowCount(); ++row) {
        names << model.event(row).name;
        fromJournal << model.index(row, 0).data(EventModel::FromJournalRole).toBool();
    }
    QCOMPARE(names,
             (QStringList{ QStringLiteral("live30"), QStringLiteral("past30"),
                           QStringLiteral("past20b"), QStringLiteral("past20a"),
                           QStringLiteral("live10"), QStringLiteral("past5") }));
    QCOMPARE(fromJournal, (QList<bool>{ false, true, true, true, false, true }));
    QVERIFY(model.index(1, EventModel::DetailColumn)
                    .data()
                    .toString()
                    .endsWith(QLatin1String("(from the journal)")));
    QVERIFY(model.index(1, 0).data(Qt::FontRole).value<QFont>().italic());
}

static QByteArray entry(qint64 usec, const QString &unit, const char *messageId,
                        const QByteArray &extra)
{
    return "{\"__REALTIME_TIMESTAMP\":\"" + QByteArray::number(usec) + "\",\"USER_UNIT\":\""
            + unit.toUtf8() + "\",\"MESSAGE_ID\":\"" + messageId + "\",\"_UID\":\"0\"" + extra
            + "}\n";
}

void TestEventHistory::pastStopShowsOnceAndNoStorm()
{
    // Before the window: tsthist-a stopped for real, at a time measured here.
    const QString stopped = unitOf(QStringLiteral("tsthist-a"));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("stop"), stopped }));
    const qint64 stoppedAt = QDateTime::currentMSecsSinceEpoch() * 1000;
    QByteArray journal;
    // Three IOCs failed within a minute, 10 minutes ago: a storm, had it been seen live.
    const qint64 failedAt = stoppedAt - 600LL * 1000000;
    for (int i = 0; i < m_names.size(); ++i)
        journal += entry(failedAt + i * 1000000, unitOf(m_names.at(i)),
                         "d9b373ed55a64feb8242e02dbe79a49c", ",\"UNIT_RESULT\":\"signal\"");
    journal += entry(stoppedAt, stopped, "9d1aaa27d60140bd96365438aad20286",
                     ",\"JOB_RESULT\":\"done\",\"JOB_ID\":\"41\",\"JOB_TYPE\":\"stop\"");
    QFile data(m_bin.filePath(QStringLiteral("journal.json")));
    QVERIFY(data.open(QIODevice::WriteOnly));
    data.write(journal);
    data.close();
    // The stand-in prints those, then a start of tsthist-a stamped as it runs: after live
    // watching began, so not the past.
    QVERIFY(installJournalctl("cat '" + data.fileName().toUtf8()
                              + "'\nnow=$(date +%s%6N)\nprintf '{\"__REALTIME_TIMESTAMP\":\"%s\","
                                "\"USER_UNIT\":\""
                              + stopped.toUtf8()
                              + "\",\"MESSAGE_ID\":\"39f53479d3a045ac8e11786248231fbf\","
                                "\"JOB_RESULT\":\"done\"}\\n' \"$now\"\n"));

    Host *host = Host::fromSpec(QStringLiteral("user"), this);
    QVERIFY(host);
    auto window = std::make_unique<MainWindow>(QList<Host *>{ host });
    QSignalSpy idle(window->eventHistory(), &EventHistory::idle);
    QVERIFY(showReady(window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(idle.count() >= 1, 60000);

    // Once, from the journal, at the time it happened.
    const QList<int> stops =
            rows(window.get(), QStringLiteral("stop"), QStringLiteral("tsthist-a"));
    QVERIFY2(stops.size() == 1, qPrintable(dump(window.get())));
    QVERIFY(window->eventModel()->isFromJournal(stops.first()));
    QCOMPARE(window->eventModel()->event(stops.first()).time.toMSecsSinceEpoch(), stoppedAt / 1000);
    QVERIFY(window->eventModel()
                    ->index(stops.first(), EventModel::DetailColumn)
                    .data()
                    .toString()
                    .contains(QLatin1String("from the journal")));
    // What the journal has from the moment watching began is not the past.
    QVERIFY2(rows(window.get(), QStringLiteral("start"), QStringLiteral("tsthist-a")).isEmpty(),
             qPrintable(dump(window.get())));
    // Three restarts within a minute, read back: in the timeline, no storm warning.
    for (const QString &name : m_names)
        QVERIFY2(rows(window.get(), QStringLiteral("fail"), name).size() == 1,
                 qPrintable(dump(window.get())));
    QVERIFY(!window->restartStorm()->isActive());
    QVERIFY(window->restartStorm()->iocCount() == 0);
    QVERIFY(window->messageBar()->isHidden()
            || !window->messageBar()->text().contains(QLatin1String("restart")));
    QVERIFY(window->eventsPane()->note().isEmpty());

    // Live from here: the start is seen once, above the past stop.
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), stopped }));
    QTRY_VERIFY2_WITH_TIMEOUT(
            rows(window.get(), QStringLiteral("start"), QStringLiteral("tsthist-a")).size() == 1,
            qPrintable(dump(window.get())), 60000);
    const int start =
            rows(window.get(), QStringLiteral("start"), QStringLiteral("tsthist-a")).first();
    QVERIFY(!window->eventModel()->isFromJournal(start));
    const QList<int> stopsNow =
            rows(window.get(), QStringLiteral("stop"), QStringLiteral("tsthist-a"));
    QVERIFY2(stopsNow.size() == 1 && stopsNow.first() > start, qPrintable(dump(window.get())));
    // The IOC's Details list its past too: the stop (from the journal), its failure, the start.
    const QString key = host->id() + QLatin1Char('/') + stopped;
    window->tabs()->showDetails(window->fleet()->ioc(key));
    auto *details = qobject_cast<IocDetailsWidget *>(window->bottomTabs()->currentWidget());
    QVERIFY(details);
    QTableView *own = details->eventsView();
    QVERIFY(own);
    QStringList ownTypes;
    for (int row = 0; row < own->model()->rowCount(); ++row)
        ownTypes << own->model()->index(row, EventModel::EventColumn).data().toString();
    QVERIFY2(ownTypes.count(QStringLiteral("stop")) == 1
                     && ownTypes.count(QStringLiteral("fail")) == 1
                     && ownTypes.count(QStringLiteral("start")) == 1,
             qPrintable(ownTypes.join(QLatin1Char(' '))));
    // The type filter shows them as any row.
    window->eventsPane()->typeCombo()->setCurrentIndex(
            window->eventsPane()->typeCombo()->findData(QStringLiteral("stop")));
    QCOMPARE(window->eventsPane()->shownModel()->rowCount(), 1);

    // Load Earlier reads the day before what was read; the stand-in prints the same entries
    // again, none of them in that day: nothing is added twice.
    const int shown = window->eventModel()->rowCount();
    const QDateTime earliest = window->eventHistory()->earliest();
    QVERIFY(earliest.isValid());
    window->eventsDock()->show();
    QTRY_VERIFY(window->eventsPane()->loadEarlierButton()->isVisible());
    QTest::mouseClick(window->eventsPane()->loadEarlierButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(idle.count() >= 2, 60000);
    QCOMPARE(window->eventHistory()->earliest(), earliest.addSecs(-24 * 3600));
    QCOMPARE(window->eventModel()->rowCount(), shown);
    qputenv("PATH", m_path);
}

void TestEventHistory::noJournalIsAQuietNote()
{
    // The machine's own journalctl: without journald (this machine) the pane notes it, no
    // dialog; where a journal exists there is no such note.
    QFile id(QStringLiteral("/etc/machine-id"));
    const QString machine =
            id.open(QIODevice::ReadOnly) ? QString::fromLatin1(id.readAll().trimmed()) : QString();
    const bool hasJournal = !machine.isEmpty()
            && (QFileInfo::exists(QStringLiteral("/run/log/journal/") + machine)
                || QFileInfo::exists(QStringLiteral("/var/log/journal/") + machine));
    Host *host = Host::fromSpec(QStringLiteral("user"), this);
    QVERIFY(host);
    auto window = std::make_unique<MainWindow>(QList<Host *>{ host });
    QSignalSpy idle(window->eventHistory(), &EventHistory::idle);
    QVERIFY(showReady(window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(idle.count() >= 1, 60000);
    if (hasJournal) {
        QVERIFY(!window->eventsPane()->note().contains(QLatin1String("No journal")));
        return;
    }
    QCOMPARE(window->eventsPane()->note(),
             QStringLiteral("No journal on %1: its events show from the moment iocdock listed "
                            "it.")
                     .arg(host->id()));
    QVERIFY(!window->eventsPane()->noteLabel()->isHidden());
    QVERIFY(window->messageBar()->isHidden()
            || !window->messageBar()->text().contains(QLatin1String("journal")));
    QVERIFY(QApplication::activeModalWidget() == nullptr);
}

void TestEventHistory::stopWhileAwayShowsOnce_data()
{
    QTest::addColumn<QString>("journal");
    QTest::newRow("journal holds the stop") << QStringLiteral("entries");
    QTest::newRow("no journal") << QStringLiteral("none");
    QTest::newRow("history off") << QStringLiteral("off");
    // Read at the listing, then set to none (Settings) before the host went: the journal is not
    // read for the absence, and the held net change must not wait for a read that never comes.
    QTest::newRow("history off after the listing") << QStringLiteral("offlater");
}

void TestEventHistory::stopWhileAwayShowsOnce()
{
    // The host is lost (its connection dropped) and comes back; meanwhile tsthist-b stopped for
    // real. With the stop in its journal the pane shows it once, from the journal, at its time
    // (not again as the net change seen at the return); without a journal, or with the past not
    // read (events/historyHours = 0), the net change at the return is the only record: once.
    QFETCH(QString, journal);
    const QString name = QStringLiteral("tsthist-b");
    const QString unit = unitOf(name);
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unit })); // before the window: no event
    QFile data(m_bin.filePath(QStringLiteral("away.json")));
    QVERIFY(data.open(QIODevice::WriteOnly | QIODevice::Truncate));
    data.close();
    QVERIFY(installJournalctl(journal == QLatin1String("none")
                                      ? QByteArray("echo 'No journal files were found.' >&2\n")
                                      : "cat '" + data.fileName().toUtf8() + "'\n"));
    Host *host = Host::fromSpec(QStringLiteral("user"), this);
    QVERIFY(host);
    auto window = windowReading(host, journal == QLatin1String("off") ? 0 : 24);
    QSignalSpy idle(window->eventHistory(), &EventHistory::idle);
    QVERIFY(showReady(window.get()));
    if (journal != QLatin1String("off"))
        QTRY_VERIFY_WITH_TIMEOUT(idle.count() >= 1, 60000);
    const int read = static_cast<int>(idle.count());
    if (journal == QLatin1String("offlater"))
        window->eventHistory()->setSince(QDateTime()); // as Settings does for "None"

    host->disconnectFromManager();
    QVERIFY2(showsOnce(window.get(), QStringLiteral("host-lost")), qPrintable(dump(window.get())));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("stop"), unit }));
    const qint64 stoppedAt = QDateTime::currentMSecsSinceEpoch() * 1000;
    if (journal == QLatin1String("entries") || journal == QLatin1String("offlater")) {
        QVERIFY(data.open(QIODevice::WriteOnly | QIODevice::Truncate));
        data.write(entry(stoppedAt, unit, "9d1aaa27d60140bd96365438aad20286",
                         ",\"JOB_RESULT\":\"done\",\"JOB_ID\":\"77\",\"JOB_TYPE\":\"stop\""));
        data.close();
    }
    host->connectToManager();
    QVERIFY2(showsOnce(window.get(), QStringLiteral("host-back")), qPrintable(dump(window.get())));
    const QString key = host->id() + QLatin1Char('/') + unit;
    QTRY_VERIFY_WITH_TIMEOUT(
            !window->fleet()->ioc(key).hostLost && !window->fleet()->ioc(key).isActive(), 60000);
    if (journal == QLatin1String("entries") || journal == QLatin1String("none"))
        QTRY_VERIFY_WITH_TIMEOUT(idle.count() > read, 60000); // the absence is read
    QTRY_VERIFY2_WITH_TIMEOUT(!rows(window.get(), QStringLiteral("stop"), name).isEmpty(),
                              qPrintable(dump(window.get())), 60000);

    const QList<int> stops = rows(window.get(), QStringLiteral("stop"), name);
    QVERIFY2(stops.size() == 1, qPrintable(dump(window.get())));
    const int stop = stops.first();
    if (journal == QLatin1String("entries")) {
        QVERIFY(window->eventModel()->isFromJournal(stop));
        QCOMPARE(window->eventModel()->event(stop).time.toMSecsSinceEpoch(), stoppedAt / 1000);
        const QList<int> jobs = rows(window.get(), QStringLiteral("job"), name);
        QVERIFY2(jobs.size() == 1 && window->eventModel()->isFromJournal(jobs.first())
                         && window->eventModel()
                                         ->event(jobs.first())
                                         .attribute(QStringLiteral("job"))
                                 == QLatin1String("77"),
                 qPrintable(dump(window.get())));
    } else {
        QVERIFY(!window->eventModel()->isFromJournal(stop));
    }
    QVERIFY(!window->restartStorm()->isActive());
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unit }));
    QTRY_VERIFY2_WITH_TIMEOUT(rows(window.get(), QStringLiteral("start"), name).size() == 1,
                              qPrintable(dump(window.get())), 60000);
    QCOMPARE(rows(window.get(), QStringLiteral("stop"), name).size(), 1);
}

void TestEventHistory::restartWhileAwayShowsOnce_data()
{
    QTest::addColumn<bool>("journalTells");
    QTest::newRow("journal holds the restart") << true;
    QTest::newRow("no journal") << false;
}

void TestEventHistory::restartWhileAwayShowsOnce()
{
    // The host is lost and comes back; meanwhile tsthist-c was restarted for real, so it is up
    // before and after, in a new run. With the restart in its journal (systemd logs a restart
    // job's stop as a stop done, then the start) the pane shows one stop and one start, from
    // the journal; without a journal the new run measured at the return is the only record:
    // one stop and one start. Never none (the rows alone look alike: up, up), never twice.
    QFETCH(bool, journalTells);
    const QString name = QStringLiteral("tsthist-c");
    const QString unit = unitOf(name);
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unit }));
    QFile data(m_bin.filePath(QStringLiteral("restart.json")));
    QVERIFY(data.open(QIODevice::WriteOnly | QIODevice::Truncate));
    data.close();
    QVERIFY(installJournalctl(journalTells
                                      ? "cat '" + data.fileName().toUtf8() + "'\n"
                                      : QByteArray("echo 'No journal files were found.' >&2\n")));
    Host *host = Host::fromSpec(QStringLiteral("user"), this);
    QVERIFY(host);
    auto window = windowReading(host, 24);
    QSignalSpy idle(window->eventHistory(), &EventHistory::idle);
    QVERIFY(showReady(window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(idle.count() >= 1, 60000);
    const int read = static_cast<int>(idle.count());
    const QString key = host->id() + QLatin1Char('/') + unit;
    const QDateTime runBefore = window->fleet()->ioc(key).activeSince;
    QVERIFY(runBefore.isValid());

    host->disconnectFromManager();
    QVERIFY2(showsOnce(window.get(), QStringLiteral("host-lost")), qPrintable(dump(window.get())));
    const qint64 stoppedAt = QDateTime::currentMSecsSinceEpoch() * 1000;
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("restart"), unit }));
    const qint64 startedAt = QDateTime::currentMSecsSinceEpoch() * 1000;
    if (journalTells) {
        QVERIFY(data.open(QIODevice::WriteOnly | QIODevice::Truncate));
        data.write(entry(stoppedAt, unit, "9d1aaa27d60140bd96365438aad20286",
                         ",\"JOB_RESULT\":\"done\",\"JOB_ID\":\"91\",\"JOB_TYPE\":\"restart\""));
        data.write(entry(startedAt, unit, "39f53479d3a045ac8e11786248231fbf",
                         ",\"JOB_RESULT\":\"done\",\"JOB_ID\":\"91\",\"JOB_TYPE\":\"start\""));
        data.close();
    }
    host->connectToManager();
    QVERIFY2(showsOnce(window.get(), QStringLiteral("host-back")), qPrintable(dump(window.get())));
    QTRY_VERIFY_WITH_TIMEOUT(!window->fleet()->ioc(key).hostLost
                                     && window->fleet()->ioc(key).isActive()
                                     && window->fleet()->ioc(key).activeSince != runBefore,
                             60000);
    QTRY_VERIFY_WITH_TIMEOUT(idle.count() > read, 60000); // the absence is read
    QTRY_VERIFY2_WITH_TIMEOUT(!rows(window.get(), QStringLiteral("start"), name).isEmpty(),
                              qPrintable(dump(window.get())), 60000);

    const QList<int> stops = rows(window.get(), QStringLiteral("stop"), name);
    const QList<int> starts = rows(window.get(), QStringLiteral("start"), name);
    QVERIFY2(stops.size() == 1 && starts.size() == 1, qPrintable(dump(window.get())));
    QCOMPARE(window->eventModel()->isFromJournal(stops.first()), journalTells);
    QCOMPARE(window->eventModel()->isFromJournal(starts.first()), journalTells);
    if (journalTells)
        QCOMPARE(window->eventModel()->event(starts.first()).time.toMSecsSinceEpoch(),
                 startedAt / 1000);
    QVERIFY(!window->restartStorm()->isActive());
}

void TestEventHistory::boundFromTheSettingsDialog()
{
    // None wanted at start: nothing is read, Load Earlier has nothing to go back from.
    QSettings().setValue(QStringLiteral("events/historyHours"), 0);
    Host *host = Host::fromSpec(QStringLiteral("user"), this);
    QVERIFY(host);
    auto window = std::make_unique<MainWindow>(QList<Host *>{ host });
    QVERIFY(showReady(window.get()));
    QVERIFY(!window->eventHistory()->since().isValid());
    QCOMPARE(window->eventHistory()->pendingCount(), 0);
    QVERIFY(!window->eventsPane()->loadEarlierButton()->isEnabled());

    // Set in the dialog: saved, and the bound of the hosts listed from now on.
    auto *action = window->findChild<QAction *>(QStringLiteral("settingsAction"));
    QVERIFY(action);
    action->trigger();
    auto *dialog = window->findChild<SettingsDialog *>();
    QVERIFY(dialog);
    auto *hours = dialog->findChild<QSpinBox *>(QStringLiteral("historyHoursSpinBox"));
    QVERIFY(hours);
    QCOMPARE(hours->value(), 0);
    hours->setValue(6);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QTRY_VERIFY(!window->findChild<SettingsDialog *>());
    QCOMPARE(window->settings().eventHistoryHours, 6);
    QCOMPARE(QSettings().value(QStringLiteral("events/historyHours")).toInt(), 6);
    const QDateTime since = window->eventHistory()->since();
    QVERIFY2(since >= before.addSecs(-6 * 3600)
                     && since <= QDateTime::currentDateTimeUtc().addSecs(-6 * 3600),
             qPrintable(since.toString(Qt::ISODateWithMs)));
    QVERIFY(window->eventsPane()->loadEarlierButton()->isEnabled());
    QSettings().remove(QStringLiteral("events/historyHours"));
}

QTEST_MAIN(TestEventHistory)
#include "tst_eventhistory.moc"
