// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// iocctl events against a "remote host" over real SSH (tools/sshd-sandbox in front of a
// tools/sandbox manager): a job's outcome arrives over the SSH bus, and --since asks the remote
// journal (none here) through ssh.
#include "tests/common/sandbox.h"
#include "tests/remote/remotehosts.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

class TestIocctlEventsRemote : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void jobOutcomeAndNoJournalOverSsh();

private:
    RemoteHosts m_hosts;
};

void TestIocctlEventsRemote::initTestCase()
{
    qputenv("IOCDOCK_UNIT_PATTERNS", "rmtev-*.service");
    QString error;
    QVERIFY2(m_hosts.start(1, &error), qPrintable(error));
    // An IOC whose start job fails: its ExecStartPre fails before procServ runs.
    QVERIFY(m_hosts.installUnit(0, QStringLiteral("rmtev-bad.service"),
                                QStringLiteral("[Unit]\nDescription=rmtev failing IOC\n"
                                               "[Service]\nExecStartPre=/bin/false\n"
                                               "ExecStart=/usr/bin/procServ --foreground 0 "
                                               "/bin/true\n")));
}

void TestIocctlEventsRemote::cleanupTestCase()
{
    m_hosts.stop();
}

void TestIocctlEventsRemote::jobOutcomeAndNoJournalOverSsh()
{
    QProcess events;
    events.setProgram(Sandbox::binPath(QStringLiteral("iocctl")));
    events.setArguments({ QStringLiteral("-H"), m_hosts.spec(0), QStringLiteral("events"),
                          QStringLiteral("--since"), QStringLiteral("1h"),
                          QStringLiteral("--format"), QStringLiteral("json"),
                          QStringLiteral("--until"), QStringLiteral("300s") });
    events.setStandardInputFile(QProcess::nullDevice());
    events.start();
    QVERIFY(events.waitForStarted(10000));
    QByteArray err;
    QTRY_VERIFY2_WITH_TIMEOUT((err += events.readAllStandardError()).contains("Watching"),
                              err.constData(), 60000);
    // The "remote" machine is this one: it keeps no journal unless this machine does.
    QFile id(QStringLiteral("/etc/machine-id"));
    const QString machine =
            id.open(QIODevice::ReadOnly) ? QString::fromLatin1(id.readAll().trimmed()) : QString();
    const bool hasJournal = !machine.isEmpty()
            && (QFileInfo::exists(QStringLiteral("/run/log/journal/") + machine)
                || QFileInfo::exists(QStringLiteral("/var/log/journal/") + machine));
    if (!hasJournal) {
        const QByteArray expected = "No journal on " + m_hosts.spec(0).toUtf8()
                + ": its past events cannot be replayed; events from now on.";
        QTRY_VERIFY2_WITH_TIMEOUT((err += events.readAllStandardError()).contains(expected),
                                  err.constData(), 60000);
    }

    // systemctl on the host starts it: the job's outcome comes over the SSH bus.
    QVERIFY(!m_hosts.systemctl(0,
                               { QStringLiteral("start"), QStringLiteral("rmtev-bad.service") }));
    QByteArray out;
    QJsonObject job;
    const auto findJob = [&] {
        out += events.readAllStandardOutput();
        const QList<QByteArray> lines = out.split('\n');
        for (const QByteArray &line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(QStringLiteral("type")).toString() == QLatin1String("job")) {
                job = o;
                return true;
            }
        }
        return false;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(findJob(), out.constData(), 60000);
    QCOMPARE(job.value(QStringLiteral("host")).toString(), m_hosts.spec(0));
    QCOMPARE(job.value(QStringLiteral("name")).toString(), QStringLiteral("rmtev-bad"));
    QCOMPARE(job.value(QStringLiteral("attributes"))
                     .toObject()
                     .value(QStringLiteral("result"))
                     .toString(),
             QStringLiteral("failed"));
    events.terminate();
    QVERIFY(events.waitForFinished(10000));
}

QTEST_GUILESS_MAIN(TestIocctlEventsRemote)
#include "tst_iocctleventsremote.moc"
