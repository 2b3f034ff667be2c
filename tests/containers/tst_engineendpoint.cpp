// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/containers/engineendpoint.h"

#include <QDir>
#include <QFile>
#include <QLocalServer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

/// Finding the engine's socket as the docker and podman command-line tools do.
class TestEngineEndpoint : public QObject
{
    Q_OBJECT

private slots:
    void discover_data();
    void discover();
    void fromProbe();
    void probeScriptInARealShell();

private:
    /// Runs EngineEndpoint::probeScript() in /bin/sh with only PATH and @p env set, as the
    /// remote login shell does.
    static QByteArray runProbe(const QStringList &env);
};

Q_DECLARE_METATYPE(EngineEndpoint::Source)

void TestEngineEndpoint::discover_data()
{
    QTest::addColumn<QStringList>("env"); // NAME=VALUE
    QTest::addColumn<QStringList>("existing");
    QTest::addColumn<QString>("socket");
    QTest::addColumn<EngineEndpoint::Source>("source");
    QTest::addColumn<QString>("error");

    using S = EngineEndpoint::Source;
    const QStringList all{ QStringLiteral("/run/user/1000/podman/podman.sock"),
                           QStringLiteral("/run/podman/podman.sock"),
                           QStringLiteral("/var/run/docker.sock") };
    QTest::newRow("DOCKER_HOST wins, even when missing")
            << QStringList{ QStringLiteral("DOCKER_HOST=unix:///srv/d.sock"),
                            QStringLiteral("CONTAINER_HOST=unix:///srv/c.sock"),
                            QStringLiteral("XDG_RUNTIME_DIR=/run/user/1000") }
            << all << QStringLiteral("/srv/d.sock") << S::DockerHost << QString();
    QTest::newRow("CONTAINER_HOST")
            << QStringList{ QStringLiteral("CONTAINER_HOST=unix:///srv/c.sock") } << all
            << QStringLiteral("/srv/c.sock") << S::ContainerHost << QString();
    QTest::newRow("rootless podman first")
            << QStringList{ QStringLiteral("XDG_RUNTIME_DIR=/run/user/1000") } << all << all.at(0)
            << S::PodmanUser << QString();
    QTest::newRow("system podman")
            << QStringList{ QStringLiteral("XDG_RUNTIME_DIR=/run/user/1000") }
            << QStringList(all.mid(1)) << all.at(1) << S::PodmanSystem << QString();
    QTest::newRow("docker, no XDG_RUNTIME_DIR") << QStringList() << QStringList(all.mid(2))
                                                << all.at(2) << S::DockerSystem << QString();
    QTest::newRow("nothing")
            << QStringList() << QStringList() << QString() << S::None
            << QStringLiteral("No container engine socket found (DOCKER_HOST and CONTAINER_HOST "
                              "are not set; tried /run/podman/podman.sock, /var/run/docker.sock). "
                              "Start one with `podman system service` or dockerd.");
    QTest::newRow("tcp refused")
            << QStringList{ QStringLiteral("DOCKER_HOST=tcp://10.0.0.1:2375") } << all << QString()
            << S::DockerHost
            << QStringLiteral(
                       "DOCKER_HOST=tcp://10.0.0.1:2375: only unix:// sockets are supported");
    QTest::newRow("ssh refused")
            << QStringList{ QStringLiteral(
                       "CONTAINER_HOST=ssh://root@ioc1/run/podman/podman.sock") }
            << all << QString() << S::ContainerHost
            << QStringLiteral("CONTAINER_HOST=ssh://root@ioc1/run/podman/podman.sock: a remote "
                              "engine is reached through its host's connection (-H), not by an "
                              "ssh:// URL");
    QTest::newRow("relative unix path")
            << QStringList{ QStringLiteral("DOCKER_HOST=unix://d.sock") } << all << QString()
            << S::DockerHost
            << QStringLiteral("DOCKER_HOST=unix://d.sock names no absolute socket path");
    QTest::newRow("no scheme") << QStringList{ QStringLiteral("DOCKER_HOST=/var/run/docker.sock") }
                               << all << QString() << S::DockerHost
                               << QStringLiteral(
                                          "DOCKER_HOST=/var/run/docker.sock is not a unix:// URL");
}

void TestEngineEndpoint::discover()
{
    QFETCH(QStringList, env);
    QFETCH(QStringList, existing);
    QFETCH(QString, socket);
    QFETCH(EngineEndpoint::Source, source);
    QFETCH(QString, error);
    QProcessEnvironment e;
    for (const QString &kv : env)
        e.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    const EngineEndpoint found = EngineEndpoint::discover(
            e, [&existing](const QString &path) { return existing.contains(path); });
    QCOMPARE(found.socketPath, socket);
    QCOMPARE(found.source, source);
    QCOMPARE(found.error, error);
    QCOMPARE(found.isValid(), !socket.isEmpty());
}

void TestEngineEndpoint::fromProbe()
{
    using S = EngineEndpoint::Source;
    // The probe's report of another machine goes through discover()'s rules.
    EngineEndpoint e = EngineEndpoint::fromProbe(
            "DOCKER_HOST=\nCONTAINER_HOST=\nXDG_RUNTIME_DIR=/run/user/1000\n"
            "socket=/run/user/1000/podman/podman.sock\nsocket=/var/run/docker.sock\n");
    QCOMPARE(e.socketPath, QStringLiteral("/run/user/1000/podman/podman.sock"));
    QCOMPARE(e.source, S::PodmanUser);
    e = EngineEndpoint::fromProbe("DOCKER_HOST=\nCONTAINER_HOST=\nXDG_RUNTIME_DIR=/run/user/0\n"
                                  "socket=/run/podman/podman.sock\n");
    QCOMPARE(e.socketPath, QStringLiteral("/run/podman/podman.sock"));
    QCOMPARE(e.source, S::PodmanSystem);
    e = EngineEndpoint::fromProbe("DOCKER_HOST=unix:///srv/d.sock\nCONTAINER_HOST=\n"
                                  "XDG_RUNTIME_DIR=/run/user/0\nsocket=/var/run/docker.sock\n");
    QCOMPARE(e.socketPath, QStringLiteral("/srv/d.sock"));
    QCOMPARE(e.source, S::DockerHost);
    e = EngineEndpoint::fromProbe("DOCKER_HOST=\nCONTAINER_HOST=unix:///run/c.sock\n");
    QCOMPARE(e.socketPath, QStringLiteral("/run/c.sock"));
    QCOMPARE(e.source, S::ContainerHost);
    // A socket the probe did not report is not there; nothing reported is no engine.
    e = EngineEndpoint::fromProbe("DOCKER_HOST=\nCONTAINER_HOST=\nXDG_RUNTIME_DIR=/run/user/7\n");
    QVERIFY(!e.isValid());
    QVERIFY(!EngineEndpoint::fromProbe(QByteArray()).isValid());
    e = EngineEndpoint::fromProbe("DOCKER_HOST=tcp://10.0.0.1:2375\nsocket=/var/run/docker.sock\n");
    QVERIFY(!e.isValid());
    QVERIFY2(e.error.contains(QLatin1String("only unix://")), qPrintable(e.error));
}

QByteArray TestEngineEndpoint::runProbe(const QStringList &env)
{
    QProcess sh;
    QProcessEnvironment e;
    e.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
    for (const QString &kv : env)
        e.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    sh.setProcessEnvironment(e);
    sh.start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), EngineEndpoint::probeScript() });
    if (!sh.waitForFinished(30000) || sh.exitCode() != 0)
        return {};
    return sh.readAllStandardOutput();
}

void TestEngineEndpoint::probeScriptInARealShell()
{
    QTemporaryDir dir(QStringLiteral("/tmp/iocdock-probe-XXXXXX")); // short: a socket path
    QVERIFY(dir.isValid());
    const QString runtime = dir.path();
    QVERIFY(QDir().mkpath(runtime + QStringLiteral("/podman")));
    const QString userSocket = runtime + QStringLiteral("/podman/podman.sock");

    // A plain file where the socket would be is no engine.
    QFile plain(userSocket);
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.close();
    QByteArray out = runProbe({ QStringLiteral("XDG_RUNTIME_DIR=") + runtime });
    QVERIFY2(out.contains(QByteArray("XDG_RUNTIME_DIR=" + runtime.toUtf8() + '\n')),
             out.constData());
    QVERIFY2(!out.contains(QByteArray("socket=" + userSocket.toUtf8())), out.constData());
    QVERIFY(EngineEndpoint::fromProbe(out).socketPath != userSocket);
    QVERIFY(QFile::remove(userSocket));

    // A listening socket is (the rootless Podman socket of the remote user).
    QLocalServer server;
    QVERIFY2(server.listen(userSocket), qPrintable(server.errorString()));
    out = runProbe({ QStringLiteral("XDG_RUNTIME_DIR=") + runtime });
    EngineEndpoint e = EngineEndpoint::fromProbe(out);
    QCOMPARE(e.socketPath, userSocket);
    QCOMPARE(e.source, EngineEndpoint::Source::PodmanUser);

    // The login environment's DOCKER_HOST / CONTAINER_HOST come first, as for the CLIs.
    out = runProbe({ QStringLiteral("XDG_RUNTIME_DIR=") + runtime,
                     QStringLiteral("CONTAINER_HOST=unix:///srv/c.sock") });
    e = EngineEndpoint::fromProbe(out);
    QCOMPARE(e.socketPath, QStringLiteral("/srv/c.sock"));
    QCOMPARE(e.source, EngineEndpoint::Source::ContainerHost);
    out = runProbe({ QStringLiteral("DOCKER_HOST=unix:///srv/d.sock"),
                     QStringLiteral("CONTAINER_HOST=unix:///srv/c.sock") });
    QCOMPARE(EngineEndpoint::fromProbe(out).socketPath, QStringLiteral("/srv/d.sock"));

    // Without XDG_RUNTIME_DIR, Podman's default for the user.
    out = runProbe({});
    QVERIFY2(
            out.contains(QStringLiteral("XDG_RUNTIME_DIR=/run/user/%1\n").arg(::getuid()).toUtf8()),
            out.constData());
}

QTEST_GUILESS_MAIN(TestEngineEndpoint)
#include "tst_engineendpoint.moc"
