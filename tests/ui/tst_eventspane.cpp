// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// The Events pane of the real main window on the sandbox's systemd user manager with real
// procServ + iocsim units: a stopped and started IOC shows up in the timeline, filters work,
// and several IOC processes killed at once (procServ restarts them) raise one storm warning.

#include "core/fleet/fleet.h"
#include "core/fleet/restartstorm.h"
#include "core/hosts/host.h"
#include "core/systemd/systemdmanager.h"
#include "tests/common/sandbox.h"
#include "ui/console/consoletabwidget.h"
#include "ui/eventmodel.h"
#include "ui/eventspane.h"
#include "ui/iocdetailswidget.h"
#include "ui/ioctabs.h"
#include "ui/mainwindow.h"
#include "ui/messagebar.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

#include <signal.h>

class TestEventsPane : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void modelKeepsNewestFirstAndCaps();
    void lateEventTakesItsPlaceInTime();
    void newRowsDoNotMoveAScrolledView();
    void aNoteMovesNoRow();
    void stopAndStartShowInThePane();
    void killedChildrenRaiseOneStormWarning();

private:
    QString key(const QString &name) const;
    /// Whether the pane shows a row of @p type for IOC @p name.
    bool shows(const QString &type, const QString &name) const;
    QString dump() const;

    Sandbox m_sandbox;
    Host *m_host = nullptr;
    MainWindow *m_window = nullptr;
    const QStringList m_names = { QStringLiteral("tstevents-a"), QStringLiteral("tstevents-b"),
                                  QStringLiteral("tstevents-c"), QStringLiteral("tstevents-d") };
};

static QString unitOf(const QString &name)
{
    return QStringLiteral("procserv-%1.service").arg(name);
}

QString TestEventsPane::key(const QString &name) const
{
    return m_host->id() + QLatin1Char('/') + unitOf(name);
}

bool TestEventsPane::shows(const QString &type, const QString &name) const
{
    const QAbstractItemModel *shown = m_window->eventsPane()->shownModel();
    for (int row = 0; row < shown->rowCount(); ++row) {
        if (shown->index(row, EventModel::EventColumn).data().toString() == type
            && shown->index(row, EventModel::IocColumn).data().toString() == name)
            return true;
    }
    return false;
}

QString TestEventsPane::dump() const
{
    QStringList lines;
    for (int row = 0; row < m_window->eventModel()->rowCount(); ++row)
        lines << m_window->eventModel()->event(row).toText(true);
    return lines.join(QLatin1Char('\n'));
}

void TestEventsPane::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    QCoreApplication::setOrganizationName(QStringLiteral("iocdock-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_eventspane"));
    QSettings().clear();
    Q_INIT_RESOURCE(iocdock);
    for (const QString &name : m_names) {
        QVERIFY(m_sandbox.installUnit(unitOf(name), Sandbox::procServUtilsUnit(name)));
        QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unitOf(name) }));
    }
    m_host = Host::fromSpec(QStringLiteral("user"), this);
    QVERIFY(m_host);
    m_window = new MainWindow({ m_host });
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->isReady(), 60000);
    // Every child's PID known: a later new PID is a restart.
    for (const QString &name : m_names)
        QTRY_VERIFY_WITH_TIMEOUT(m_window->fleet()->ioc(key(name)).childPid != 0, 60000);
}

void TestEventsPane::cleanupTestCase()
{
    delete m_window;
    if (Sandbox::isAvailable()) {
        for (const QString &name : m_names)
            m_sandbox.removeUnit(unitOf(name));
    }
}

void TestEventsPane::modelKeepsNewestFirstAndCaps()
{
    EventModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setMaximumEvents(3);
    for (int i = 0; i < 5; ++i) {
        FleetEvent e;
        e.type = QStringLiteral("start");
        e.host = QStringLiteral("h");
        e.name = QStringLiteral("ioc%1").arg(i);
        e.time = QDateTime::currentDateTimeUtc();
        model.addEvent(e);
    }
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, EventModel::IocColumn).data().toString(), QStringLiteral("ioc4"));
    QCOMPARE(model.index(2, EventModel::IocColumn).data().toString(), QStringLiteral("ioc2"));
    QCOMPARE(EventModel::DefaultMaximumEvents, 10000);

    // The detail says what the event's attributes say: systemd's restart counter of a restart.
    FleetEvent restart;
    restart.type = QStringLiteral("restart");
    restart.host = QStringLiteral("h");
    restart.name = QStringLiteral("bpm");
    restart.unit = QStringLiteral("bpm.service");
    restart.time = QDateTime::currentDateTimeUtc();
    restart.attributes << qMakePair(QStringLiteral("restarts"), QStringLiteral("17"));
    model.addEvent(restart);
    QCOMPARE(model.index(0, EventModel::DetailColumn).data().toString(),
             QStringLiteral("restart counter 17, bpm.service"));
}

void TestEventsPane::lateEventTakesItsPlaceInTime()
{
    // A change made while its host was away is shown when the journal of the absence has
    // been read (EventHistory::netChangeStands): later than live events that came meanwhile.
    // It goes where its time puts it, not on top.
    EventModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    const auto add = [&model](const QString &name, const QDateTime &time) {
        FleetEvent e;
        e.type = QStringLiteral("stop");
        e.host = QStringLiteral("h");
        e.name = name;
        e.time = time;
        model.addEvent(e);
    };
    add(QStringLiteral("first"), t0);
    add(QStringLiteral("live"), t0.addSecs(2));
    add(QStringLiteral("late"), t0.addSecs(1));
    add(QStringLiteral("same"), t0.addSecs(2)); // as new as the top row: above it
    QStringList order;
    for (int row = 0; row < model.rowCount(); ++row)
        order << model.index(row, EventModel::IocColumn).data().toString();
    QCOMPARE(order,
             (QStringList{ QStringLiteral("same"), QStringLiteral("live"), QStringLiteral("late"),
                           QStringLiteral("first") }));
}

void TestEventsPane::newRowsDoNotMoveAScrolledView()
{
    EventModel model;
    EventsPane pane(&model);
    pane.resize(800, 300);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    const auto add = [&model](int i) {
        FleetEvent e;
        e.type = QStringLiteral("child-restart");
        e.host = QStringLiteral("h");
        e.name = QStringLiteral("ioc%1").arg(i);
        e.time = QDateTime::currentDateTimeUtc();
        model.addEvent(e);
    };
    for (int i = 0; i < 200; ++i)
        add(i);
    QTableView *view = pane.view();
    // At the top, a new row shows at once.
    QTRY_VERIFY(view->verticalScrollBar()->maximum() > 50);
    QCOMPARE(view->verticalScrollBar()->value(), 0);
    add(200);
    QCOMPARE(view->indexAt(QPoint(1, 1)).siblingAtColumn(EventModel::IocColumn).data().toString(),
             QStringLiteral("ioc200"));
    // Scrolled away: what the user reads stays where it is.
    view->verticalScrollBar()->setValue(40);
    const QString read =
            view->indexAt(QPoint(1, 1)).siblingAtColumn(EventModel::IocColumn).data().toString();
    QCOMPARE(read, QStringLiteral("ioc160"));
    for (int i = 201; i < 211; ++i)
        add(i);
    QCOMPARE(view->indexAt(QPoint(1, 1)).siblingAtColumn(EventModel::IocColumn).data().toString(),
             read);
}

void TestEventsPane::aNoteMovesNoRow()
{
    EventModel model;
    EventsPane pane(&model);
    pane.resize(800, 300);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    FleetEvent e;
    e.type = QStringLiteral("stop");
    e.host = QStringLiteral("h");
    e.name = QStringLiteral("ioc1");
    e.time = QDateTime::currentDateTimeUtc();
    model.addEvent(e);
    QTableView *view = pane.view();
    const QPoint rowAt =
            view->viewport()->mapTo(&pane, view->visualRect(model.index(0, 0)).topLeft());
    // A note that comes later (a host without a journal) leaves the rows where they are.
    pane.noteNoJournal(QStringLiteral("h"));
    pane.noteNoJournal(QStringLiteral("g"));
    pane.noteReadFailed(QStringLiteral("k"), QStringLiteral("journalctl exited with status 1"));
    pane.noteNoJournal(QStringLiteral("h")); // said again: still one line
    QCOMPARE(pane.note(),
             QStringLiteral("No journal on g: its events show from the moment iocdock listed it.\n"
                            "No journal on h: its events show from the moment iocdock listed it.\n"
                            "Past events of k not read: journalctl exited with status 1"));
    QTRY_VERIFY(pane.noteLabel()->isVisible() && pane.noteLabel()->height() > 0);
    QCOMPARE(view->viewport()->mapTo(&pane, view->visualRect(model.index(0, 0)).topLeft()), rowAt);
    QVERIFY(pane.noteLabel()->geometry().top() >= view->geometry().bottom());
}

void TestEventsPane::stopAndStartShowInThePane()
{
    auto *action = m_window->findChild<QAction *>(QStringLiteral("eventsAction"));
    QVERIFY(action);
    QVERIFY(!m_window->eventsDock()->isVisible());
    action->trigger();
    QVERIFY(m_window->eventsDock()->isVisible());

    const QString name = m_names.first();
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("stop"), unitOf(name) }));
    QTRY_VERIFY2_WITH_TIMEOUT(shows(QStringLiteral("stop"), name), qPrintable(dump()), 30000);
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unitOf(name) }));
    QTRY_VERIFY2_WITH_TIMEOUT(shows(QStringLiteral("start"), name), qPrintable(dump()), 30000);
    // Newest at the top: the start above the stop.
    const QAbstractItemModel *shown = m_window->eventsPane()->shownModel();
    int startRow = -1;
    int stopRow = -1;
    for (int row = shown->rowCount() - 1; row >= 0; --row) {
        if (shown->index(row, EventModel::IocColumn).data().toString() != name)
            continue;
        const QString type = shown->index(row, EventModel::EventColumn).data().toString();
        if (type == QLatin1String("start"))
            startRow = row;
        else if (type == QLatin1String("stop"))
            stopRow = row;
    }
    QVERIFY2(startRow >= 0 && startRow < stopRow, qPrintable(dump()));
    QCOMPARE(shown->index(startRow, EventModel::HostColumn).data().toString(), m_host->id());
    QVERIFY(!shown->index(startRow, EventModel::TimeColumn).data().toString().isEmpty());

    // Only stops, then only another IOC's events.
    QComboBox *types = m_window->eventsPane()->typeCombo();
    types->setCurrentIndex(types->findData(QStringLiteral("stop")));
    QVERIFY(shows(QStringLiteral("stop"), name));
    QVERIFY(!shows(QStringLiteral("start"), name));
    types->setCurrentIndex(0);
    QVERIFY(shows(QStringLiteral("start"), name));
    QLineEdit *filter = m_window->eventsPane()->filterEdit();
    QTest::keyClicks(filter, QStringLiteral("TSTEVENTS-B"));
    QVERIFY(!shows(QStringLiteral("start"), name));
    filter->clear();
    QVERIFY(shows(QStringLiteral("start"), name));
    // One start: no storm.
    QVERIFY(!m_window->restartStorm()->isActive());

    // The IOC's Details list its own events: the stop and the start, nothing of the others.
    m_window->tabs()->showDetails(m_window->fleet()->ioc(key(name)));
    auto *details = qobject_cast<IocDetailsWidget *>(m_window->bottomTabs()->currentWidget());
    QVERIFY(details);
    QTableView *own = details->eventsView();
    QVERIFY(own);
    QVERIFY(own->isVisible());
    const auto typesShown = [own] {
        QStringList shownTypes;
        for (int row = 0; row < own->model()->rowCount(); ++row)
            shownTypes << own->model()->index(row, EventModel::EventColumn).data().toString();
        return shownTypes;
    };
    // The outcomes of its stop and start jobs (systemd's JobRemoved) are its own events too.
    QTRY_COMPARE_WITH_TIMEOUT(typesShown().count(QStringLiteral("job")), 2, 30000);
    const QStringList ownTypes = typesShown();
    QVERIFY2(ownTypes.contains(QStringLiteral("stop"))
                     && ownTypes.contains(QStringLiteral("start")),
             qPrintable(ownTypes.join(QLatin1Char(' '))));
    QVERIFY(ownTypes.indexOf(QStringLiteral("start")) < ownTypes.indexOf(QStringLiteral("stop")));
    for (const QString &type : std::as_const(ownTypes))
        QVERIFY2(type == QLatin1String("stop") || type == QLatin1String("start")
                         || type == QLatin1String("job"),
                 qPrintable(type));
}

void TestEventsPane::killedChildrenRaiseOneStormWarning()
{
    QTRY_VERIFY_WITH_TIMEOUT(m_window->fleet()->ioc(key(m_names.first())).childPid != 0, 60000);
    const int before = static_cast<int>(m_window->messageBar()->history().size());
    QList<quint32> killed;
    for (const QString &name : m_names.mid(1)) {
        const quint32 pid = m_window->fleet()->ioc(key(name)).childPid;
        QVERIFY(pid != 0);
        QCOMPARE(::kill(static_cast<pid_t>(pid), SIGKILL), 0);
        killed << pid;
    }
    // procServ starts each again; each restart is an event, together one storm.
    for (const QString &name : m_names.mid(1))
        QTRY_VERIFY2_WITH_TIMEOUT(shows(QStringLiteral("child-restart"), name), qPrintable(dump()),
                                  60000);
    QVERIFY(m_window->restartStorm()->isActive());
    MessageBar *bar = m_window->messageBar();
    QTRY_VERIFY(bar->isVisible());
    QCOMPARE(bar->kind(), MessageBar::Kind::Warning);
    QVERIFY2(bar->text().contains(QStringLiteral("Restart storm: 3 IOC(s)")),
             qPrintable(bar->text()));
    QVERIFY2(bar->text().contains(m_host->id()), qPrintable(bar->text()));
    int storms = 0;
    const QList<MessageBar::Entry> history = bar->history();
    for (int i = before; i < history.size(); ++i)
        storms += history.at(i).text.contains(QStringLiteral("Restart storm")) ? 1 : 0;
    QCOMPARE(storms, 1);
    // New children, not the killed ones.
    for (const QString &name : m_names.mid(1))
        QVERIFY(!killed.contains(m_window->fleet()->ioc(key(name)).childPid));
}

QTEST_MAIN(TestEventsPane)
#include "tst_eventspane.moc"
