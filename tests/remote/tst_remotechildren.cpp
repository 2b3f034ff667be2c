// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// The child state (procServ's IOC process) of a remote host's IOCs from that host's /proc, with
// one command for all of them: a real sshd (tools/sshd-sandbox, LogLevel DEBUG1 so that its log
// names every channel a client opens) in front of a tools/sandbox running procServ + iocsim.
// The "remote" host is this machine, so the test reads the truth from /proc here.
#include "core/hosts/host.h"
#include "core/ioc/childtracker.h"
#include "core/ioc/inventory.h"
#include "tests/common/sandbox.h"
#include "tests/remote/remotehosts.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <memory>

namespace {

constexpr int s_wait = 60000;

QString unitOf(const QString &name)
{
    return QStringLiteral("rchild-") + name + QStringLiteral(".service");
}

// What /proc on this machine says of procServ's child: its first child's PID, 0 when it has
// none (shut down), -1 when it cannot be read.
qint64 childOnThisMachine(quint32 procServPid)
{
    QFile file(QStringLiteral("/proc/%1/task/%1/children").arg(procServPid));
    if (procServPid == 0 || !file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray first = file.readAll().simplified().split(' ').value(0);
    return first.isEmpty() ? 0 : first.toLongLong();
}

// What the sshd's log (LogLevel DEBUG1) counts: commands run, and channels of any kind.
struct SshdCounts
{
    int sessions = 0; // "Starting session": one command run over a connection
    int channels = 0; // every channel opened: sessions, forwarded sockets, ports
    int forwards = 0; // a UNIX socket or TCP port reached through the connection
    bool operator==(const SshdCounts &o) const
    {
        return sessions == o.sessions && channels == o.channels && forwards == o.forwards;
    }
};

} // namespace

class TestRemoteChildren : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void listingReadsEveryChildWithOneCommand();
    void iocctlPsShowsWhatProcShowsHere();
    void crashLoopFromTheHostsLog();

private:
    /// iocctl ARGS with the environment @p env; its exit code, -1 when it hung.
    static int iocctl(const QStringList &args, QByteArray *out,
                      const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    SshdCounts counts() const;
    QString describeCounts(const SshdCounts &before, const SshdCounts &after) const;
    quint32 mainPid(const QString &name);

    RemoteHosts m_hosts;
    const QStringList m_running{ QStringLiteral("run0"), QStringLiteral("run1"),
                                 QStringLiteral("run2"), QStringLiteral("tcp0") };
    const QString m_down = QStringLiteral("down0");
};

void TestRemoteChildren::initTestCase()
{
    // They follow no convention: name them (the Inventory below and iocctl read this).
    qputenv("IOCDOCK_UNIT_PATTERNS", "rchild-*.service");
    // sshd logs each channel opened ("server_input_channel_open: ctype ..."): a console
    // probe's forward shows, which no "Starting session" line does.
    qputenv("SSHD_SANDBOX_LOGLEVEL", "DEBUG1");
    QString error;
    QVERIFY2(m_hosts.start(1, &error), qPrintable(error));
    const QString rt = m_hosts.runtimeDir(0);
    for (const QString &name : m_running) {
        const QString port = name.startsWith(QLatin1String("tcp"))
                ? QStringLiteral("127.0.0.1:%1").arg(Sandbox::freeTcpPort())
                : QStringLiteral("unix:") + rt + QLatin1Char('/') + name + QStringLiteral(".sock");
        QVERIFY(m_hosts.installUnit(
                0, unitOf(name), Sandbox::procServUnit(name, { QStringLiteral("--port"), port })));
    }
    // procServ stays up, its child ends after a second and is not restarted: IOC shut down.
    QVERIFY(m_hosts.installUnit(
            0, unitOf(m_down),
            Sandbox::procServUnit(m_down,
                                  { QStringLiteral("--noautorestart"), QStringLiteral("--port"),
                                    QStringLiteral("unix:") + rt + QStringLiteral("/down0.sock") },
                                  { QStringLiteral("--crash-after"), QStringLiteral("1") })));
    QStringList start{ QStringLiteral("start") };
    for (const QString &name : m_running + QStringList{ m_down })
        start << unitOf(name);
    QVERIFY(m_hosts.systemctl(0, start));
    // systemctl start returns once the units are active: they became active before this.
    QElapsedTimer sinceActive;
    sinceActive.start();
    for (const QString &name : m_running)
        QTRY_VERIFY_WITH_TIMEOUT(childOnThisMachine(mainPid(name)) > 0, s_wait);
    QTRY_COMPARE_WITH_TIMEOUT(childOnThisMachine(mainPid(m_down)), 0LL, s_wait);
    // Within 10 s of its start a procServ without a child may not have forked it yet, and a
    // banner probe decides (as on the local host): wait that out, so that /proc tells.
    QTRY_VERIFY_WITH_TIMEOUT(sinceActive.elapsed() > 11000, s_wait);
}

void TestRemoteChildren::cleanupTestCase()
{
    m_hosts.stop();
}

quint32 TestRemoteChildren::mainPid(const QString &name)
{
    return m_hosts.unitProperty(0, unitOf(name), QStringLiteral("MainPID")).toUInt();
}

SshdCounts TestRemoteChildren::counts() const
{
    SshdCounts c;
    c.sessions = m_hosts.sshdLogCount(0, "Starting session");
    c.channels = m_hosts.sshdLogCount(0, "server_input_channel_open: ctype");
    c.forwards = m_hosts.sshdLogCount(0, "server_input_channel_open: ctype direct-");
    return c;
}

QString TestRemoteChildren::describeCounts(const SshdCounts &before, const SshdCounts &after) const
{
    return QStringLiteral("sessions %1, channels %2, forwards %3")
            .arg(after.sessions - before.sessions)
            .arg(after.channels - before.channels)
            .arg(after.forwards - before.forwards);
}

void TestRemoteChildren::listingReadsEveryChildWithOneCommand()
{
    std::unique_ptr<Host> host(Host::fromSpec(m_hosts.spec(0)));
    QVERIFY(host);
    Inventory inventory(host.get());
    inventory.setIncludeUnitFiles(false);
    inventory.setDetailLevel(Inventory::DetailLevel::Listing);
    // What the connection itself cost (pre-flight, D-Bus bridge) is counted before listing.
    SshdCounts before;
    bool started = false;
    connect(host.get(), &Host::stateChanged, &inventory, [&](Host::State s) {
        if (s == Host::State::Connected && !started) {
            started = true;
            before = counts();
            inventory.start();
        }
    });
    host->connectToManager();
    QTRY_VERIFY_WITH_TIMEOUT(inventory.isReady(), s_wait);
    QVERIFY(before.sessions > 0);
    const SshdCounts after = counts();

    const QList<Ioc> rows = inventory.iocs();
    QCOMPARE(rows.size(), m_running.size() + 1);
    for (const Ioc &row : rows) {
        const qint64 child = childOnThisMachine(row.mainPid);
        QVERIFY2(child >= 0, qPrintable(row.name));
        if (child > 0) {
            QCOMPARE(row.childState, ChildState::Running);
            QCOMPARE(qint64(row.childPid), child);
            // Its start from the host's /proc, as the local host's /proc gives it.
            QCOMPARE(row.childSince, ChildTracker::processStartTime(row.childPid));
            // Started with its procServ: no restart.
            QCOMPARE(row.childRestarts, 0);
        } else {
            QCOMPARE(row.name, QStringLiteral("rchild-") + m_down);
            QCOMPARE(row.childState, ChildState::ShutDown);
            QCOMPARE(row.childPid, 0u);
            QCOMPARE(row.status(), QStringLiteral("shutdown"));
        }
    }
    // The listing of 5 running IOCs ran ONE command on the host and reached no console: no
    // forward of a socket or port, which a banner probe per IOC needs.
    QVERIFY2(after.sessions - before.sessions == 1, qPrintable(describeCounts(before, after)));
    QVERIFY2(after.channels - before.channels == 1, qPrintable(describeCounts(before, after)));
    QVERIFY2(after.forwards == before.forwards, qPrintable(describeCounts(before, after)));

    // The count sees a banner probe: one more forwarded socket for one IOC.
    const Ioc run0 = inventory.find(QStringLiteral("rchild-run0")).value(0);
    QVERIFY(!run0.key().isEmpty());
    inventory.probeChildState({ run0.key() });
    QTRY_COMPARE_WITH_TIMEOUT(counts().forwards, after.forwards + 1, s_wait);
    QCOMPARE(counts().sessions, after.sessions);
}

int TestRemoteChildren::iocctl(const QStringList &args, QByteArray *out,
                               const QProcessEnvironment &env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(Sandbox::binPath(QStringLiteral("iocctl")), args);
    if (!process.waitForFinished(s_wait)) {
        process.kill();
        process.waitForFinished(5000);
        return -1;
    }
    *out = process.readAllStandardOutput();
    const QByteArray err = process.readAllStandardError();
    if (!err.isEmpty())
        qInfo("iocctl said on stderr: %s", err.constData());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
}

void TestRemoteChildren::iocctlPsShowsWhatProcShowsHere()
{
    const QStringList host{ QStringLiteral("-H"), m_hosts.spec(0) };
    // Names only (no child state): what a listing costs without reading children.
    QByteArray out;
    SshdCounts before = counts();
    QCOMPARE(iocctl(host
                            + QStringList{ QStringLiteral("ps"), QStringLiteral("-a"),
                                           QStringLiteral("-q") },
                    &out),
             0);
    const SshdCounts namesOnly = counts();
    const int namesOnlySessions = namesOnly.sessions - before.sessions;
    const int namesOnlyForwards = namesOnly.forwards - before.forwards;

    before = counts();
    const int code =
            iocctl(host
                           + QStringList{ QStringLiteral("ps"), QStringLiteral("-a"),
                                          QStringLiteral("--format"), QStringLiteral("json") },
                   &out);
    QVERIFY2(code == 0, out.constData());
    const SshdCounts after = counts();
    const QJsonArray rows = QJsonDocument::fromJson(out).array();
    QVERIFY2(rows.size() == m_running.size() + 1, out.constData());
    for (const QJsonValue &value : rows) {
        const QJsonObject row = value.toObject();
        const QString name = row.value(QStringLiteral("name")).toString();
        const qint64 child =
                childOnThisMachine(quint32(row.value(QStringLiteral("procServPid")).toDouble()));
        QVERIFY2(child >= 0, qPrintable(name));
        if (child > 0) {
            QCOMPARE(row.value(QStringLiteral("childState")).toString(), QStringLiteral("running"));
            QCOMPARE(qint64(row.value(QStringLiteral("pid")).toDouble()), child);
            QCOMPARE(row.value(QStringLiteral("status")).toString(), QStringLiteral("running"));
        } else {
            QCOMPARE(name, QStringLiteral("rchild-") + m_down);
            QCOMPARE(row.value(QStringLiteral("childState")).toString(),
                     QStringLiteral("shutdown"));
            QVERIFY(row.value(QStringLiteral("pid")).isNull());
            QCOMPARE(row.value(QStringLiteral("status")).toString(), QStringLiteral("shutdown"));
        }
    }
    // One command more than the listing of names, for all five IOCs; no console reached.
    QVERIFY2(after.sessions - before.sessions == namesOnlySessions + 1,
             qPrintable(describeCounts(before, after)
                        + QStringLiteral(" (names only: %1 sessions)").arg(namesOnlySessions)));
    QVERIFY2(after.forwards - before.forwards == namesOnlyForwards,
             qPrintable(describeCounts(before, after)));
}

void TestRemoteChildren::crashLoopFromTheHostsLog()
{
    // An IOC that crashes (abort()) 2 s after each start, restarted by procServ after 1 s,
    // with procServ's -L log on the host. systemd sees none of it; the log tells. iocctl runs
    // in another time zone than the host: procServ logs the host's local time.
    const QString name = QStringLiteral("crashy");
    const QString logFile = m_hosts.runtimeDir(0) + QStringLiteral("/crashy.log");
    QFile::remove(logFile);
    QVERIFY(m_hosts.installUnit(
            0, unitOf(name),
            Sandbox::procServUnit(name,
                                  { QStringLiteral("--holdoff"), QStringLiteral("1"),
                                    QStringLiteral("-L"), logFile, QStringLiteral("--port"),
                                    QStringLiteral("unix:") + m_hosts.runtimeDir(0)
                                            + QStringLiteral("/crashy.sock") },
                                  { QStringLiteral("--crash-after"), QStringLiteral("2") })));
    QVERIFY(m_hosts.systemctl(0, { QStringLiteral("start"), unitOf(name) }));
    const auto restartsLogged = [&logFile] {
        QFile file(logFile);
        return file.open(QIODevice::ReadOnly)
                ? int(file.readAll().count("The PID of new child")) - 1
                : -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(restartsLogged() >= 3, s_wait);

    QProcessEnvironment elsewhere = QProcessEnvironment::systemEnvironment();
    const bool tokyoHere = QDateTime::currentDateTime().offsetFromUtc() == 9 * 3600;
    elsewhere.insert(QStringLiteral("TZ"),
                     tokyoHere ? QStringLiteral("America/New_York") : QStringLiteral("Asia/Tokyo"));
    const QStringList host{ QStringLiteral("-H"), m_hosts.spec(0) };
    QByteArray out;
    SshdCounts before = counts();
    QCOMPARE(iocctl(host
                            + QStringList{ QStringLiteral("ps"), QStringLiteral("-q"),
                                           QStringLiteral("-f"),
                                           QStringLiteral("name=rchild-crashy") },
                    &out, elsewhere),
             0);
    const int namesOnly = counts().sessions - before.sessions;
    const int loggedBefore = restartsLogged();
    before = counts();
    const int code =
            iocctl(host
                           + QStringList{ QStringLiteral("ps"), QStringLiteral("-f"),
                                          QStringLiteral("name=rchild-crashy"),
                                          QStringLiteral("--format"), QStringLiteral("json") },
                   &out, elsewhere);
    const SshdCounts after = counts();
    const int loggedAfter = restartsLogged();
    QVERIFY2(code == 0, out.constData());
    const QJsonObject row = QJsonDocument::fromJson(out).array().at(0).toObject();
    QVERIFY2(row.value(QStringLiteral("status")).toString() == QLatin1String("crashloop"),
             out.constData());
    QCOMPARE(row.value(QStringLiteral("crashLoop")).toBool(), true);
    const int restarts = row.value(QStringLiteral("restarts")).toInt(-1);
    QVERIFY2(restarts >= loggedBefore && restarts <= loggedAfter, out.constData());
    QCOMPARE(row.value(QStringLiteral("lastExit"))
                     .toObject()
                     .value(QStringLiteral("signal"))
                     .toString(),
             QStringLiteral("SIGABRT"));
    // The log is read by the command that reads the children: no session more for it.
    QVERIFY2(after.sessions - before.sessions == namesOnly + 1,
             qPrintable(describeCounts(before, after)
                        + QStringLiteral(" (names only: %1 sessions)").arg(namesOnly)));

    // The table and a look at the one IOC say the same.
    QCOMPARE(iocctl(host
                            + QStringList{ QStringLiteral("ps"), QStringLiteral("-f"),
                                           QStringLiteral("name=rchild-crashy") },
                    &out, elsewhere),
             0);
    QVERIFY2(out.contains("Restarting (crashed ") && out.contains("last: SIGABRT)"),
             out.constData());
    QCOMPARE(
            iocctl(host + QStringList{ QStringLiteral("inspect"), QStringLiteral("rchild-crashy") },
                   &out, elsewhere),
            0);
    const QJsonObject inspected = QJsonDocument::fromJson(out).array().at(0).toObject();
    QVERIFY2(inspected.value(QStringLiteral("status")).toString() == QLatin1String("crashloop"),
             out.constData());
    QVERIFY(inspected.value(QStringLiteral("restarts")).toInt(-1) >= 3);

    // iocdock's live view (an inventory following the children, as the window's) knows the
    // count as soon as the IOC's banner came, from the log up to the child the banner named;
    // the restarts it sees afterwards add to it.
    qputenv("TZ", elsewhere.value(QStringLiteral("TZ")).toLocal8Bit());
    std::unique_ptr<Host> live(Host::fromSpec(m_hosts.spec(0)));
    QVERIFY(live);
    Inventory inventory(live.get());
    inventory.setIncludeUnitFiles(false);
    inventory.setFollowChildren(true);
    connect(live.get(), &Host::stateChanged, &inventory, [&inventory](Host::State s) {
        if (s == Host::State::Connected)
            inventory.start();
    });
    live->connectToManager();
    const auto liveRow = [&inventory] {
        return inventory.find(QStringLiteral("rchild-crashy")).value(0);
    };
    QTRY_VERIFY_WITH_TIMEOUT(inventory.isReady() && liveRow().childRestarts >= 0, s_wait);
    Ioc row0 = liveRow();
    QVERIFY2(row0.childRestarts >= loggedAfter && row0.childRestarts <= restartsLogged(),
             qPrintable(QStringLiteral("%1 restarts, the log says %2")
                                .arg(row0.childRestarts)
                                .arg(restartsLogged())));
    QVERIFY(row0.childCrashLoop);
    QCOMPARE(row0.status(), QStringLiteral("crashloop"));
    // Two more restarts later, the count is still the log's.
    const int target = restartsLogged() + 2;
    QTRY_VERIFY_WITH_TIMEOUT(restartsLogged() >= target && liveRow().childRestarts >= target,
                             s_wait);
    const int shown = liveRow().childRestarts;
    QVERIFY2(qAbs(shown - restartsLogged()) <= 1,
             qPrintable(QStringLiteral("%1 restarts, the log says %2")
                                .arg(shown)
                                .arg(restartsLogged())));
    // A steady IOC's child, running before the inventory connected, started when the host's
    // /proc says: its banner's time is the host's local time, not this machine's.
    const Ioc steady = inventory.find(QStringLiteral("rchild-run0")).value(0);
    QVERIFY(steady.childPid != 0);
    // (In UTC: a local time would change its meaning when TZ is unset below.)
    const QDateTime started = ChildTracker::processStartTime(steady.childPid).toUTC();
    QVERIFY2(qAbs(steady.childSince.secsTo(started)) <= 2,
             qPrintable(steady.childSince.toString(Qt::ISODate) + QStringLiteral(" shown, ")
                        + started.toString(Qt::ISODate) + QStringLiteral(" in /proc")));
    qunsetenv("TZ");
    // And a one-time look, which reads the banner too.
    QCOMPARE(iocctl(host + QStringList{ QStringLiteral("inspect"), QStringLiteral("rchild-run0") },
                    &out, elsewhere),
             0);
    const QDateTime inspectedSince =
            QDateTime::fromString(QJsonDocument::fromJson(out)
                                          .array()
                                          .at(0)
                                          .toObject()
                                          .value(QStringLiteral("childSince"))
                                          .toString(),
                                  Qt::ISODate);
    QVERIFY2(inspectedSince.isValid() && qAbs(inspectedSince.secsTo(started)) <= 2,
             qPrintable(inspectedSince.toString(Qt::ISODate) + QStringLiteral(" shown, ")
                        + started.toString(Qt::ISODate) + QStringLiteral(" in /proc")));

    QVERIFY(m_hosts.systemctl(0, { QStringLiteral("stop"), unitOf(name) }));
    QVERIFY(m_hosts.removeUnit(0, unitOf(name)));
    QFile::remove(logFile);
}

QTEST_GUILESS_MAIN(TestRemoteChildren)
#include "tst_remotechildren.moc"
