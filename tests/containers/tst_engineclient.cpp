// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/containers/engineclient.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QLocalServer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

// Bounds for a loaded 2-core machine: an engine call normally takes well under a second.
static constexpr int CallTimeoutMs = 60000;

/// EngineClient against a real Podman API service (tools/podman-sandbox, started by
/// tools/run-tests; IOCDOCK_PODMAN_SOCKET and IOCDOCK_PODMAN_IMAGE name it). Under run-tests
/// (IOCDOCK_RUN_TESTS=1) a missing service fails the tests; a plain ctest run skips them.
class TestEngineClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void noSocket();
    void refusedSocket();
    void version();
    void missingContainerIsTheEnginesMessage();
    void lifecycleWithEvents();
    void stopTimeoutKills();
    void restart();
    void logsWithoutTty();
    void logsWithTty();
    void logsFollowEndsWithTheContainer();
    void logsSince();
    void execCollectsOutputAndExitCode();
    void execInStoppedContainerFails();
    void abortedEventStreamSaysNothing();
    void procServInContainer();
    void engineGoesAwayAndComesBack();

private:
    bool havePodman();
    QString containerName(const char *what) const;
    QString create(const QString &name, const QStringList &cmd, bool tty = false,
                   const QMap<QString, QString> &labels = {});
    QString start(const QString &id);
    QString stop(const QString &id, int timeoutSeconds);
    ContainerDetails inspect(const QString &id, QString *error = nullptr);
    QList<ContainerSummary> list();

    QString m_socket;
    QString m_image;
    bool m_required = false;
    EngineClient *m_client = nullptr;
    QStringList m_created;
};

#define REQUIRE_PODMAN()   \
    do {                   \
        if (!havePodman()) \
            return;        \
    } while (false)

bool TestEngineClient::havePodman()
{
    if (!m_socket.isEmpty())
        return true;
    if (m_required) {
        QTest::qFail("tools/run-tests provided no podman service (IOCDOCK_PODMAN_SOCKET is not "
                     "set): is podman installed (tools/install-deps)?",
                     __FILE__, __LINE__);
        return false;
    }
    QTest::qSkip("no podman service: run under tools/run-tests, or eval "
                 "\"$(tools/podman-sandbox start)\"",
                 __FILE__, __LINE__);
    return false;
}

void TestEngineClient::initTestCase()
{
    m_socket = qEnvironmentVariable("IOCDOCK_PODMAN_SOCKET");
    m_image = qEnvironmentVariable("IOCDOCK_PODMAN_IMAGE",
                                   QStringLiteral("localhost/iocdock-test:latest"));
    m_required = qEnvironmentVariableIntValue("IOCDOCK_RUN_TESTS") == 1;
    m_client = new EngineClient(m_socket, this);
}

void TestEngineClient::cleanupTestCase()
{
    if (m_socket.isEmpty())
        return;
    int pending = m_created.size();
    for (const QString &id : qAsConst(m_created))
        m_client->removeContainer(id, true, this, [&pending](const QString &) { --pending; });
    QTRY_VERIFY_WITH_TIMEOUT(pending == 0, CallTimeoutMs);
}

QString TestEngineClient::containerName(const char *what) const
{
    return QStringLiteral("iocdock-tst-%1-%2")
            .arg(QCoreApplication::applicationPid())
            .arg(QLatin1String(what));
}

QString TestEngineClient::create(const QString &name, const QStringList &cmd, bool tty,
                                 const QMap<QString, QString> &labels)
{
    QJsonObject config;
    config.insert(QStringLiteral("Image"), m_image);
    config.insert(QStringLiteral("Cmd"), QJsonArray::fromStringList(cmd));
    config.insert(QStringLiteral("Tty"), tty);
    QJsonObject jsonLabels;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        jsonLabels.insert(it.key(), it.value());
    config.insert(QStringLiteral("Labels"), jsonLabels);
    // --network=none: no network set-up needed, no traffic anywhere.
    config.insert(QStringLiteral("HostConfig"),
                  QJsonObject{ { QStringLiteral("NetworkMode"), QStringLiteral("none") } });
    bool done = false;
    QString id, error;
    m_client->createContainer(name, config, this, [&](const QString &i, const QString &e) {
        id = i;
        error = e;
        done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs); }();
    if (!id.isEmpty())
        m_created << id;
    if (!error.isEmpty())
        qWarning("create %s: %s", qPrintable(name), qPrintable(error));
    return id;
}

QString TestEngineClient::start(const QString &id)
{
    bool done = false;
    QString error;
    m_client->startContainer(id, this, [&](const QString &e) {
        error = e;
        done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs); }();
    return done ? error : QStringLiteral("no answer");
}

QString TestEngineClient::stop(const QString &id, int timeoutSeconds)
{
    bool done = false;
    QString error;
    m_client->stopContainer(id, timeoutSeconds, this, [&](const QString &e) {
        error = e;
        done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs); }();
    return done ? error : QStringLiteral("no answer");
}

ContainerDetails TestEngineClient::inspect(const QString &id, QString *error)
{
    bool done = false;
    ContainerDetails details;
    QString e;
    m_client->inspectContainer(id, this, [&](const ContainerDetails &d, const QString &err) {
        details = d;
        e = err;
        done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs); }();
    if (error)
        *error = done ? e : QStringLiteral("no answer");
    return details;
}

QList<ContainerSummary> TestEngineClient::list()
{
    bool done = false;
    QList<ContainerSummary> containers;
    QString error;
    m_client->listContainers(this, [&](const QList<ContainerSummary> &l, const QString &e) {
        containers = l;
        error = e;
        done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs); }();
    if (!error.isEmpty())
        qWarning("list: %s", qPrintable(error));
    return containers;
}

void TestEngineClient::noSocket()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("podman.sock"));
    EngineClient client(path);
    bool done = false;
    QString error;
    client.listContainers(this, [&](const QList<ContainerSummary> &l, const QString &e) {
        QVERIFY(l.isEmpty());
        error = e;
        done = true;
    });
    QVERIFY(!done); // never from inside the call
    QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs);
    QCOMPARE(error,
             QStringLiteral("No container engine socket at %1 (is `podman system service` or "
                            "dockerd running?)")
                     .arg(path));
}

void TestEngineClient::refusedSocket()
{
    // A socket file nobody listens on: what an engine that died leaves behind. Made with a
    // bound, never listening socket (connect() then gets ECONNREFUSED, as from a stale file).
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray path = dir.filePath(QStringLiteral("docker.sock")).toLocal8Bit();
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    qstrncpy(addr.sun_path, path.constData(), sizeof addr.sun_path);
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr), 0);
    EngineClient client(QString::fromLocal8Bit(path));
    bool done = false;
    QString error;
    client.version(this, [&](const EngineVersion &, const QString &e) {
        error = e;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs);
    ::close(fd);
    QCOMPARE(error,
             QStringLiteral("The container engine socket %1 refused the connection (the engine is "
                            "not running)")
                     .arg(QString::fromLocal8Bit(path)));
}

void TestEngineClient::version()
{
    REQUIRE_PODMAN();
    bool done = false;
    EngineVersion version;
    QString error;
    m_client->version(this, [&](const EngineVersion &v, const QString &e) {
        version = v;
        error = e;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs);
    QCOMPARE(error, QString());
    QVERIFY(version.isPodman);
    QVERIFY2(version.version.startsWith(QLatin1String("4.")), qPrintable(version.version));
    // The prefix EngineClient uses must lie in what the engine says it serves.
    QCOMPARE(version.apiVersion, QStringLiteral("1.41"));
    QCOMPARE(version.minApiVersion, QStringLiteral("1.24"));
    QCOMPARE(version.os, QStringLiteral("linux"));
}

void TestEngineClient::missingContainerIsTheEnginesMessage()
{
    REQUIRE_PODMAN();
    QString error;
    const ContainerDetails d = inspect(QStringLiteral("iocdock-no-such-container"), &error);
    QCOMPARE(error,
             QStringLiteral("no container with name or ID \"iocdock-no-such-container\" found: no "
                            "such container"));
    QVERIFY(d.id.isEmpty());

    bool done = false;
    m_client->startContainer(QStringLiteral("iocdock-no-such-container"), this,
                             [&](const QString &e) {
                                 error = e;
                                 done = true;
                             });
    QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs);
    QVERIFY2(error.contains(QLatin1String("no such container")), qPrintable(error));
}

void TestEngineClient::lifecycleWithEvents()
{
    REQUIRE_PODMAN();
    EngineEventStream *events = m_client->events(
            QJsonObject{ { QStringLiteral("type"), QJsonArray{ QStringLiteral("container") } } },
            this);
    QSignalSpy connected(events, &EngineEventStream::connected);
    QSignalSpy received(events, &EngineEventStream::eventReceived);
    QSignalSpy ended(events, &EngineEventStream::finished);
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, CallTimeoutMs);

    // An IOC whose shell is the container's stdio, labelled with its IOC name; it exits 7 on
    // SIGTERM (a shell as PID 1 runs its trap once the foreground sleep returns).
    const QString name = containerName("lifecycle");
    const QString id = create(name,
                              { QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                QStringLiteral("trap 'exit 7' TERM; echo booted; "
                                               "while true; do sleep 0.2; done") },
                              false, { { QStringLiteral("iocdock.ioc"), QStringLiteral("ioc1") } });
    QVERIFY(!id.isEmpty());

    auto row = [&]() -> ContainerSummary {
        for (const ContainerSummary &c : list()) {
            if (c.id == id)
                return c;
        }
        return {};
    };
    ContainerSummary c = row();
    QCOMPARE(c.id, id);
    QCOMPARE(c.names, QStringList{ name });
    QCOMPARE(c.image, m_image);
    QCOMPARE(c.state, ContainerState::Created);
    QCOMPARE(c.iocLabel(), QStringLiteral("ioc1"));
    QCOMPARE(c.systemdUnit(), QString());
    QVERIFY2(c.command.startsWith(QLatin1String("/bin/sh -c trap")), qPrintable(c.command));

    QCOMPARE(start(id), QString());
    auto seen = [&](const QString &action) {
        for (const QList<QVariant> &args : qAsConst(received)) {
            const auto e = args.at(0).value<EngineEvent>();
            if (e.id == id && e.action == action)
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(seen(QStringLiteral("start")), CallTimeoutMs);
    for (const QList<QVariant> &args : qAsConst(received)) {
        const auto e = args.at(0).value<EngineEvent>();
        QCOMPARE(e.type, QStringLiteral("container"));
        if (e.id == id) {
            QCOMPARE(e.name, name);
            QCOMPARE(e.attributes.value(QStringLiteral("iocdock.ioc")), QStringLiteral("ioc1"));
        }
    }

    ContainerDetails d = inspect(id);
    QCOMPARE(d.id, id);
    QCOMPARE(d.name, name);
    QCOMPARE(d.state, ContainerState::Running);
    QVERIFY(d.running);
    QVERIFY(!d.paused);
    QVERIFY(!d.restarting);
    QVERIFY(d.pid > 0);
    QVERIFY(d.startedAt.isValid());
    QCOMPARE(d.health, QString()); // the image defines no health check
    QCOMPARE(d.tty, false);
    QCOMPARE(d.cmd.value(0), QStringLiteral("/bin/sh"));
    QCOMPARE(d.labels.value(QStringLiteral("iocdock.ioc")), QStringLiteral("ioc1"));
    QCOMPARE(row().state, ContainerState::Running);

    // Starting it again is no error (the engine answers 304).
    QCOMPARE(start(id), QString());

    QElapsedTimer timer;
    timer.start();
    QCOMPARE(stop(id, 30), QString());
    QVERIFY2(timer.elapsed() < 25000, "the trap should end it long before the kill timeout");
    QTRY_VERIFY_WITH_TIMEOUT(seen(QStringLiteral("die")), CallTimeoutMs);
    for (const QList<QVariant> &args : qAsConst(received)) {
        const auto e = args.at(0).value<EngineEvent>();
        if (e.id == id && e.action == QLatin1String("die"))
            QCOMPARE(e.exitCode, 7);
        else if (e.id == id)
            QCOMPARE(e.exitCode, -1);
    }
    d = inspect(id);
    QCOMPARE(d.state, ContainerState::Exited);
    QVERIFY(!d.running);
    QCOMPARE(d.exitCode, 7);
    QVERIFY(d.finishedAt.isValid());
    c = row();
    QCOMPARE(c.state, ContainerState::Exited);
    QVERIFY2(c.status.contains(QLatin1String("Exited (7)")), qPrintable(c.status));

    // The same death read again afterwards (the engine's past events up to now): the answer
    // ends, holds exactly this container's one death with its code, and nothing filtered out.
    bool pastDone = false;
    QString pastError = QStringLiteral("no answer");
    QList<EngineEvent> past;
    const QJsonObject deaths{ { QStringLiteral("container"), QJsonArray{ id } },
                              { QStringLiteral("event"),
                                QJsonArray{ QStringLiteral("die"), QStringLiteral("died") } } };
    bool podman = false;
    bool versionDone = false;
    m_client->version(this, [&](const EngineVersion &v, const QString &) {
        podman = v.isPodman;
        versionDone = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(versionDone, CallTimeoutMs);
    m_client->pastEvents(QDateTime::currentDateTimeUtc().addSecs(-300), deaths, podman, this,
                         [&](const QList<EngineEvent> &answer, const QString &e) {
                             past = answer;
                             pastError = e;
                             pastDone = true;
                         });
    QTRY_VERIFY_WITH_TIMEOUT(pastDone, CallTimeoutMs);
    QCOMPARE(pastError, QString());
    QCOMPARE(past.size(), 1);
    QCOMPARE(past.first().id, id);
    QCOMPARE(past.first().action, QStringLiteral("die"));
    QCOMPARE(past.first().exitCode, 7);
    QVERIFY(past.first().time.isValid());

    bool removed = false;
    QString error;
    m_client->removeContainer(id, false, this, [&](const QString &e) {
        error = e;
        removed = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(removed, CallTimeoutMs);
    QCOMPARE(error, QString());
    m_created.removeAll(id);
    QTRY_VERIFY_WITH_TIMEOUT(seen(QStringLiteral("remove")), CallTimeoutMs);
    QCOMPARE(row().id, QString());
    QCOMPARE(ended.count(), 0); // the stream goes on
    QVERIFY(events->isConnected());
    delete events;
}

void TestEngineClient::stopTimeoutKills()
{
    REQUIRE_PODMAN();
    // A shell as PID 1 without a trap ignores SIGTERM: only the kill after the timeout ends it.
    const QString id = create(containerName("stubborn"),
                              { QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                QStringLiteral("while true; do sleep 0.2; done") });
    QVERIFY(!id.isEmpty());
    QCOMPARE(start(id), QString());
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(stop(id, 2), QString());
    QVERIFY2(timer.elapsed() >= 1900, qPrintable(QString::number(timer.elapsed())));
    const ContainerDetails d = inspect(id);
    QCOMPARE(d.state, ContainerState::Exited);
    QCOMPARE(d.exitCode, 137); // 128 + SIGKILL
    // Stopping a stopped container is no error (304).
    QCOMPARE(stop(id, 2), QString());
}

void TestEngineClient::restart()
{
    REQUIRE_PODMAN();
    const QString id =
            create(containerName("restart"),
                   { QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                     QStringLiteral("trap 'exit 0' TERM; while true; do sleep 0.2; done") });
    QVERIFY(!id.isEmpty());
    QCOMPARE(start(id), QString());
    const ContainerDetails before = inspect(id);
    QVERIFY(before.running);
    bool done = false;
    QString error;
    m_client->restartContainer(id, 10, this, [&](const QString &e) {
        error = e;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs);
    QCOMPARE(error, QString());
    const ContainerDetails after = inspect(id);
    QVERIFY(after.running);
    QVERIFY(after.pid > 0);
    QVERIFY2(after.startedAt > before.startedAt,
             qPrintable(after.startedAt.toString(Qt::ISODateWithMs)));
    QCOMPARE(stop(id, 10), QString());
}

void TestEngineClient::logsWithoutTty()
{
    REQUIRE_PODMAN();
    const QString id = create(containerName("logs"),
                              { QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                QStringLiteral("echo out1; echo err1 >&2; echo out2") });
    QVERIFY(!id.isEmpty());
    QCOMPARE(start(id), QString());
    QTRY_COMPARE_WITH_TIMEOUT(inspect(id).state, ContainerState::Exited, CallTimeoutMs);

    ContainerLogStream *logs = m_client->logs(id, LogOptions(), this);
    QSignalSpy output(logs, &ContainerLogStream::output);
    QSignalSpy finished(logs, &ContainerLogStream::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, CallTimeoutMs);
    QCOMPARE(finished.at(0).at(0).toString(), QString());
    QVERIFY(!logs->hasTty());
    QByteArray out, err;
    for (const QList<QVariant> &args : qAsConst(output)) {
        const auto stream = args.at(0).value<ContainerLogStream::Stream>();
        if (stream == ContainerLogStream::Stream::Stdout)
            out += args.at(1).toByteArray();
        else if (stream == ContainerLogStream::Stream::Stderr)
            err += args.at(1).toByteArray();
        else
            QFAIL("output on an unexpected stream");
    }
    QCOMPARE(out, QByteArray("out1\nout2\n"));
    QCOMPARE(err, QByteArray("err1\n"));
    delete logs;
}

void TestEngineClient::logsWithTty()
{
    REQUIRE_PODMAN();
    const QString id = create(containerName("ttylogs"),
                              { QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                QStringLiteral("echo hello-tty; echo err-tty >&2") },
                              true);
    QVERIFY(!id.isEmpty());
    QCOMPARE(start(id), QString());
    QTRY_COMPARE_WITH_TIMEOUT(inspect(id).state, ContainerState::Exited, CallTimeoutMs);

    ContainerLogStream *logs = m_client->logs(id, LogOptions(), this);
    QSignalSpy output(logs, &ContainerLogStream::output);
    QSignalSpy finished(logs, &ContainerLogStream::finished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, CallTimeoutMs);
    QCOMPARE(finished.at(0).at(0).toString(), QString());
    QVERIFY(logs->hasTty());
    QByteArray all;
    for (const QList<QVariant> &args : qAsConst(output)) {
        QCOMPARE(args.at(0).value<ContainerLogStream::Stream>(),
                 ContainerLogStream::Stream::Stdout);
        all += args.at(1).toByteArray();
    }
    // Raw terminal bytes: the TTY turned each \n into \r\n, and stderr went the same way.
    QCOMPARE(all, QByteArray("hello-tty\r\nerr-tty\r\n"));
    delete logs;
}

void TestEngineClient::logsFollowEndsWithTheContainer()
{
    REQUIRE_PODMAN();
    const QString id = create(containerName("follow"),
                              { QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                QStringLiteral("trap 'echo bye; exit 0' TERM; echo first; "
                                               "while true; do sleep 0.2; done") });
    QVERIFY(!id.isEmpty());
    QCOMPARE(start(id), QString());
    LogOptions options;
    options.follow = true;
    ContainerLogStream *logs = m_client->logs(id, options, this);
    QSignalSpy started(logs, &ContainerLogStream::started);
    QSignalSpy output(logs, &ContainerLogStream::output);
    QSignalSpy finished(logs, &ContainerLogStream::finished);
    auto text = [&] {
        QByteArray all;
        for (const QList<QVariant> &args : qAsConst(output))
            all += args.at(1).toByteArray();
        return all;
    };
    QTRY_COMPARE_WITH_TIMEOUT(text(), QByteArray("first\n"), CallTimeoutMs);
    QCOMPARE(started.count(), 1);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(stop(id, 30), QString());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, CallTimeoutMs);
    QCOMPARE(finished.at(0).at(0).toString(), QString());
    QCOMPARE(text(), QByteArray("first\nbye\n"));
    delete logs;
}

void TestEngineClient::logsSince()
{
    REQUIRE_PODMAN();
    const QString id = create(containerName("since"),
                              { QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                QStringLiteral("echo early; while [ ! -e /tmp/go ]; do sleep 0.1; "
                                               "done; echo late; sleep 600") });
    QVERIFY(!id.isEmpty());
    QCOMPARE(start(id), QString());
    // Wait until "early" is in the log, then mark the time.
    LogOptions everything;
    everything.follow = true;
    ContainerLogStream *first = m_client->logs(id, everything, this);
    QSignalSpy firstOutput(first, &ContainerLogStream::output);
    QTRY_VERIFY_WITH_TIMEOUT(!firstOutput.isEmpty(), CallTimeoutMs);
    delete first;
    // "early" was read back from the log, so its timestamp lies before this moment.
    const QDateTime mark = QDateTime::currentDateTimeUtc();
    bool done = false;
    ExecResult r;
    m_client->exec(id, { QStringLiteral("touch"), QStringLiteral("/tmp/go") }, this,
                   [&](const ExecResult &result) {
                       r = result;
                       done = true;
                   });
    QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs);
    QCOMPARE(r.error, QString());

    LogOptions since;
    since.follow = true;
    since.since = mark;
    ContainerLogStream *logs = m_client->logs(id, since, this);
    QSignalSpy output(logs, &ContainerLogStream::output);
    auto text = [&] {
        QByteArray all;
        for (const QList<QVariant> &args : qAsConst(output))
            all += args.at(1).toByteArray();
        return all;
    };
    QTRY_COMPARE_WITH_TIMEOUT(text(), QByteArray("late\n"), CallTimeoutMs);
    delete logs;
    QCOMPARE(stop(id, 1), QString());
}

void TestEngineClient::execCollectsOutputAndExitCode()
{
    REQUIRE_PODMAN();
    const QString id =
            create(containerName("exec"),
                   { QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                     QStringLiteral("trap 'exit 0' TERM; while true; do sleep 0.2; done") });
    QVERIFY(!id.isEmpty());
    QCOMPARE(start(id), QString());
    bool done = false;
    ExecResult r;
    m_client->exec(id,
                   { QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                     QStringLiteral("echo hello; echo oops >&2; echo again; exit 3") },
                   this, [&](const ExecResult &result) {
                       r = result;
                       done = true;
                   });
    QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs);
    QCOMPARE(r.error, QString());
    QCOMPARE(r.standardOutput, QByteArray("hello\nagain\n"));
    QCOMPARE(r.standardError, QByteArray("oops\n"));
    QCOMPARE(r.output.size(), QByteArray("hello\noops\nagain\n").size());
    QCOMPARE(r.exitCode, 3);

    // A big output arrives whole (many frames, many reads).
    done = false;
    m_client->exec(
            id,
            { QStringLiteral("/bin/sh"), QStringLiteral("-c"),
              QStringLiteral("i=0; while [ $i -lt 20000 ]; do echo line-$i; i=$((i+1)); done") },
            this, [&](const ExecResult &result) {
                r = result;
                done = true;
            });
    QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs);
    QCOMPARE(r.error, QString());
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = r.standardOutput.split('\n');
    QCOMPARE(lines.size(), 20001);
    QCOMPARE(lines.at(19999), QByteArray("line-19999"));
    QCOMPARE(stop(id, 10), QString());
}

void TestEngineClient::execInStoppedContainerFails()
{
    REQUIRE_PODMAN();
    const QString id = create(containerName("execstopped"), { QStringLiteral("/bin/true") });
    QVERIFY(!id.isEmpty());
    bool done = false;
    ExecResult r;
    m_client->exec(id, { QStringLiteral("echo"), QStringLiteral("hi") }, this,
                   [&](const ExecResult &result) {
                       r = result;
                       done = true;
                   });
    QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(QLatin1String("not running"))
                     || r.error.contains(QLatin1String("state improper")),
             qPrintable(r.error));
    QCOMPARE(r.exitCode, -1);
}

void TestEngineClient::abortedEventStreamSaysNothing()
{
    REQUIRE_PODMAN();
    auto *events = m_client->events(QJsonObject(), this);
    QSignalSpy connected(events, &EngineEventStream::connected);
    QSignalSpy ended(events, &EngineEventStream::finished);
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, CallTimeoutMs);
    // A context that goes away before its answer: its callback never runs.
    auto *context = new QObject(this);
    bool called = false;
    m_client->listContainers(
            context, [&](const QList<ContainerSummary> &, const QString &) { called = true; });
    delete context;
    delete events; // closes the connection; no signal after
    QCOMPARE(ended.count(), 0);
    bool done = false;
    m_client->version(this, [&](const EngineVersion &, const QString &) { done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs);
    QVERIFY(!called);
}

void TestEngineClient::procServInContainer()
{
    REQUIRE_PODMAN();
    // tools/podman-sandbox puts the host's procServ and tools/iocsim into the image (run-tests
    // always builds iocsim).
    const QStringList tools =
            qEnvironmentVariable("IOCDOCK_PODMAN_IMAGE_TOOLS").split(QLatin1Char(' '));
    if (!tools.contains(QLatin1String("procServ")) || !tools.contains(QLatin1String("iocsim"))) {
        if (m_required)
            QFAIL("the podman sandbox's image has no procServ or no iocsim");
        QSKIP("the podman sandbox's image has no procServ or no iocsim");
    }
    const QString id = create(containerName("procserv"),
                              { QStringLiteral("/bin/procServ"), QStringLiteral("-f"),
                                QStringLiteral("-n"), QStringLiteral("ioc1"), QStringLiteral("-i"),
                                QStringLiteral("^D^C"), QStringLiteral("-P"),
                                QStringLiteral("127.0.0.1:4051"), QStringLiteral("/bin/iocsim"),
                                QStringLiteral("--name"), QStringLiteral("ioc1") });
    QVERIFY(!id.isEmpty());
    QCOMPARE(start(id), QString());
    ContainerSummary row;
    for (const ContainerSummary &c : list()) {
        if (c.id == id)
            row = c;
    }
    QCOMPARE(row.state, ContainerState::Running);
    QVERIFY2(row.command.startsWith(QLatin1String("/bin/procServ -f -n ioc1")),
             qPrintable(row.command));

    // The console port answers inside the container (busybox nc from an exec, retried there
    // until procServ listens). Not its stdout: procServ 2.7 writes its @@@ lines to a pipe
    // fully buffered, so the container's log may stay empty for a long time.
    bool done = false;
    ExecResult r;
    m_client->exec(id,
                   { QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                     QStringLiteral("i=0; while [ $i -lt 100 ]; do "
                                    "out=$(sleep 2 | nc 127.0.0.1 4051 2>/dev/null); "
                                    "case $out in *Welcome*) echo \"$out\"; exit 0;; esac; "
                                    "i=$((i+1)); sleep 0.2; done; exit 1") },
                   this, [&](const ExecResult &result) {
                       r = result;
                       done = true;
                   });
    QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs);
    QCOMPARE(r.error, QString());
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.standardOutput.contains("@@@ Welcome to procServ"), r.standardOutput.constData());
    QVERIFY2(r.standardOutput.contains("@@@ Child \"ioc1\" started as: /bin/iocsim"),
             r.standardOutput.constData());
    QCOMPARE(stop(id, 10), QString());
}

void TestEngineClient::engineGoesAwayAndComesBack()
{
    REQUIRE_PODMAN();
    // A second API service on the sandbox's storage and configuration (podman locks its
    // storage, so two services share it safely), on a socket of this test's own, so that
    // stopping it leaves the sandbox's service alone.
    const QString sandbox = qEnvironmentVariable("IOCDOCK_PODMAN_SANDBOX");
    const QString tool =
            qEnvironmentVariable("IOCDOCK_SOURCE_DIR") + QStringLiteral("/tools/podman-sandbox");
    if (sandbox.isEmpty() || !QFileInfo::exists(tool))
        QSKIP("needs IOCDOCK_PODMAN_SANDBOX and IOCDOCK_SOURCE_DIR (tools/run-tests sets both)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString socket = dir.filePath(QStringLiteral("second.sock"));
    auto startService = [&](QProcess *p) {
        p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p->start(tool,
                 { QStringLiteral("podman"), sandbox, QStringLiteral("system"),
                   QStringLiteral("service"), QStringLiteral("--time=0"),
                   QStringLiteral("unix://") + socket });
        QVERIFY(p->waitForStarted(CallTimeoutMs));
    };
    EngineClient client(socket);
    // Answered once the service listens: ask again after each failure until then.
    auto waitAnswer = [&] {
        bool answered = false;
        QString last;
        QObject context; // no callback or retry outlives this wait
        std::function<void()> ask = [&] {
            client.version(&context, [&](const EngineVersion &, const QString &e) {
                last = e;
                if (e.isEmpty())
                    answered = true;
                else
                    QTimer::singleShot(100, &context, ask);
            });
        };
        ask();
        QTRY_VERIFY2_WITH_TIMEOUT(answered, qPrintable(last), CallTimeoutMs);
    };

    QProcess first;
    startService(&first);
    waitAnswer();
    EngineEventStream *events = client.events(QJsonObject(), this);
    QSignalSpy connected(events, &EngineEventStream::connected);
    QSignalSpy ended(events, &EngineEventStream::finished);
    QTRY_COMPARE_WITH_TIMEOUT(connected.count(), 1, CallTimeoutMs);

    // Frozen (SIGSTOP: the kernel still accepts connections, nobody answers): a call fails
    // after the client's timeout, the event stream (no timeout) stays.
    QVERIFY(::kill(static_cast<pid_t>(first.processId()), SIGSTOP) == 0);
    client.setTimeout(2000);
    bool frozenDone = false;
    QString frozenError;
    QElapsedTimer frozenTimer;
    frozenTimer.start();
    client.listContainers(this, [&](const QList<ContainerSummary> &, const QString &e) {
        frozenError = e;
        frozenDone = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(frozenDone, CallTimeoutMs);
    QVERIFY(frozenTimer.elapsed() >= 1900);
    QVERIFY(::kill(static_cast<pid_t>(first.processId()), SIGCONT) == 0);
    QCOMPARE(frozenError,
             QStringLiteral("The container engine at %1 did not answer within 2 s").arg(socket));
    QCOMPARE(ended.count(), 0);
    QVERIFY(events->isConnected());
    client.setTimeout(CallTimeoutMs);
    waitAnswer(); // thawed, it answers again

    first.terminate();
    QVERIFY(first.waitForFinished(CallTimeoutMs));
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, CallTimeoutMs);
    const QString why = ended.at(0).at(0).toString();
    const QStringList reasons{
        QStringLiteral("The container engine at %1 closed the connection in the middle of a "
                       "response (did it stop?)")
                .arg(socket),
        QStringLiteral("The container engine ended its event stream")
    };
    QVERIFY2(reasons.contains(why), qPrintable(why));
    QVERIFY(!events->isConnected());
    qInfo("event stream ended: %s", qPrintable(why));

    bool done = false;
    QString error;
    client.listContainers(this, [&](const QList<ContainerSummary> &, const QString &e) {
        error = e;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs);
    const QStringList expected{
        QStringLiteral("No container engine socket at %1 (is `podman system service` or dockerd "
                       "running?)")
                .arg(socket),
        QStringLiteral("The container engine socket %1 refused the connection (the engine is not "
                       "running)")
                .arg(socket)
    };
    QVERIFY2(expected.contains(error), qPrintable(error));

    // Back again: the same client works without being told.
    QProcess second;
    startService(&second);
    waitAnswer();
    delete events;
    second.terminate();
    QVERIFY(second.waitForFinished(CallTimeoutMs));
}

QTEST_GUILESS_MAIN(TestEngineClient)
#include "tst_engineclient.moc"
