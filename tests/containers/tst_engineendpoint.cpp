// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/containers/engineendpoint.h"

#include <QTest>

/// Finding the engine's socket as the docker and podman command-line tools do.
class TestEngineEndpoint : public QObject
{
    Q_OBJECT

private slots:
    void discover_data();
    void discover();
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

QTEST_GUILESS_MAIN(TestEngineEndpoint)
#include "tst_engineendpoint.moc"
