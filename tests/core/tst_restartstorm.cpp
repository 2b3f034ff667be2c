// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/fleet/restartstorm.h"

#include <QSignalSpy>
#include <QTest>

/// Restart-storm detection, fed with events at made-up times.
class TestRestartStorm : public QObject
{
    Q_OBJECT

private slots:
    void fewRestartsAreNoStorm();
    void severalIocsWithinAMinuteMakeOneWarning();
    void acrossHosts();
    void spreadOutRestartsAreNoStorm();
    void quietPeriodRearms();
    void otherEventsDoNotCount();
};

namespace {

const QDateTime t0 = QDateTime(QDate(2026, 5, 1), QTime(12, 0), Qt::UTC);

FleetEvent seen(const char *type, const char *host, const char *name, qint64 seconds)
{
    FleetEvent e;
    e.type = QLatin1String(type);
    e.host = QLatin1String(host);
    e.name = QLatin1String(name);
    e.time = t0.addSecs(seconds);
    return e;
}

} // namespace

void TestRestartStorm::fewRestartsAreNoStorm()
{
    RestartStorm storm;
    QSignalSpy started(&storm, &RestartStorm::stormStarted);
    // One IOC restarting again and again is a crash loop, not a storm.
    for (int i = 0; i < 10; ++i)
        storm.add(seen("child-restart", "h1", "a", i));
    storm.add(seen("child-restart", "h1", "b", 11));
    QCOMPARE(started.count(), 0);
    QVERIFY(!storm.isActive());
    QCOMPARE(storm.iocCount(), 2);
}

void TestRestartStorm::severalIocsWithinAMinuteMakeOneWarning()
{
    RestartStorm storm;
    QSignalSpy started(&storm, &RestartStorm::stormStarted);
    storm.add(seen("child-restart", "h1", "a", 0));
    storm.add(seen("fail", "h1", "b", 20));
    QCOMPARE(started.count(), 0);
    storm.add(seen("restart", "h1", "b", 30)); // systemd's own (Restart=): the same IOC
    QCOMPARE(started.count(), 0);
    storm.add(seen("child-restart", "h1", "c", 50));
    QCOMPARE(started.count(), 1);
    QVERIFY(storm.isActive());
    QCOMPARE(storm.iocCount(), RestartStorm::MinimumIocs);
    // More restarts widen the storm; no second warning.
    for (int i = 0; i < 20; ++i)
        storm.add(seen("child-restart", "h1", QByteArray("x" + QByteArray::number(i)).constData(),
                       55 + i));
    QCOMPARE(started.count(), 1);
    QCOMPARE(storm.iocCount(), 23);
    storm.add(seen("restart", "h1", "y", 80)); // systemd restarting another one widens it
    QCOMPARE(storm.iocCount(), 24);
    QCOMPARE(storm.hosts(), QStringList{ QStringLiteral("h1") });
    QVERIFY(storm.text().contains(QStringLiteral("24 IOC(s)")));
    QVERIFY(storm.text().contains(QStringLiteral("h1")));
}

void TestRestartStorm::acrossHosts()
{
    RestartStorm storm;
    QSignalSpy started(&storm, &RestartStorm::stormStarted);
    storm.add(seen("child-restart", "h1", "a", 0));
    storm.add(seen("child-restart", "h2", "a", 1)); // the same name on another host
    storm.add(seen("crashloop-enter", "h3", "z", 2));
    QCOMPARE(started.count(), 1);
    QCOMPARE(storm.hosts(),
             (QStringList{ QStringLiteral("h1"), QStringLiteral("h2"), QStringLiteral("h3") }));
    QVERIFY(storm.text().contains(QStringLiteral("h1, h2, h3")));
}

void TestRestartStorm::spreadOutRestartsAreNoStorm()
{
    RestartStorm storm;
    QSignalSpy started(&storm, &RestartStorm::stormStarted);
    storm.add(seen("child-restart", "h1", "a", 0));
    storm.add(seen("child-restart", "h1", "b", 40));
    storm.add(seen("child-restart", "h1", "c", 101)); // "a" is out of the window
    QCOMPARE(started.count(), 0);
    storm.expire(t0.addSecs(200));
    QCOMPARE(storm.iocCount(), 0);
}

void TestRestartStorm::quietPeriodRearms()
{
    RestartStorm storm;
    QSignalSpy started(&storm, &RestartStorm::stormStarted);
    QSignalSpy ended(&storm, &RestartStorm::stormEnded);
    storm.add(seen("child-restart", "h1", "a", 0));
    storm.add(seen("child-restart", "h1", "b", 1));
    storm.add(seen("child-restart", "h1", "c", 2));
    QCOMPARE(started.count(), 1);
    // A restart keeps it going; quiet for less than QuietMs is not over.
    storm.add(seen("child-restart", "h1", "d", 100));
    storm.expire(t0.addSecs(100).addMSecs(RestartStorm::QuietMs - 1000));
    QVERIFY(storm.isActive());
    QCOMPARE(ended.count(), 0);
    storm.expire(t0.addSecs(100).addMSecs(RestartStorm::QuietMs));
    QVERIFY(!storm.isActive());
    QCOMPARE(ended.count(), 1);
    QCOMPARE(storm.iocCount(), 0);
    // Armed again: the next storm warns again.
    const qint64 later = 100 + RestartStorm::QuietMs / 1000 + 10;
    storm.add(seen("fail", "h2", "a", later));
    storm.add(seen("fail", "h2", "b", later + 1));
    storm.add(seen("fail", "h2", "c", later + 2));
    QCOMPARE(started.count(), 2);
    QCOMPARE(storm.hosts(), QStringList{ QStringLiteral("h2") });
}

void TestRestartStorm::otherEventsDoNotCount()
{
    RestartStorm storm;
    QSignalSpy started(&storm, &RestartStorm::stormStarted);
    // An operator stopping and starting many IOCs is no storm; nor are host events.
    for (const char *type : { "start", "stop", "child-exit", "add", "remove", "crashloop-leave" }) {
        storm.add(seen(type, "h1", "a", 0));
        storm.add(seen(type, "h1", "b", 0));
        storm.add(seen(type, "h1", "c", 0));
    }
    storm.add(seen("host-lost", "h1", "", 0));
    QCOMPARE(started.count(), 0);
    QCOMPARE(storm.iocCount(), 0);
}

QTEST_GUILESS_MAIN(TestRestartStorm)
#include "tst_restartstorm.moc"
