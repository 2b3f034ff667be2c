// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/containers/engineendpoint.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSet>

QString EngineEndpoint::sourceName() const
{
    switch (source) {
    case Source::DockerHost:
        return QStringLiteral("DOCKER_HOST");
    case Source::ContainerHost:
        return QStringLiteral("CONTAINER_HOST");
    case Source::None:
        return QString();
    default:
        return socketPath;
    }
}

EngineEndpoint EngineEndpoint::fromUrl(const QString &url, Source source)
{
    EngineEndpoint e;
    e.source = source;
    const QString name = e.sourceName();
    if (url.startsWith(QLatin1String("unix://"))) {
        e.socketPath = url.mid(7);
        if (e.socketPath.isEmpty() || !e.socketPath.startsWith(QLatin1Char('/'))) {
            e.socketPath.clear();
            e.error = tr("%1=%2 names no absolute socket path").arg(name, url);
        }
        return e;
    }
    if (url.startsWith(QLatin1String("ssh://")))
        e.error = tr("%1=%2: a remote engine is reached through its host's connection "
                     "(-H), not by an ssh:// URL")
                          .arg(name, url);
    else if (url.contains(QLatin1String("://")))
        e.error = tr("%1=%2: only unix:// sockets are supported").arg(name, url);
    else
        e.error = tr("%1=%2 is not a unix:// URL").arg(name, url);
    return e;
}

QStringList EngineEndpoint::defaultSockets(const QProcessEnvironment &env)
{
    QStringList paths;
    const QString runtime = env.value(QStringLiteral("XDG_RUNTIME_DIR"));
    if (!runtime.isEmpty())
        paths << runtime + QStringLiteral("/podman/podman.sock");
    paths << QStringLiteral("/run/podman/podman.sock") << QStringLiteral("/var/run/docker.sock");
    return paths;
}

EngineEndpoint EngineEndpoint::discover(const QProcessEnvironment &env,
                                        const std::function<bool(const QString &)> &exists)
{
    const QString dockerHost = env.value(QStringLiteral("DOCKER_HOST"));
    if (!dockerHost.isEmpty())
        return fromUrl(dockerHost, Source::DockerHost);
    const QString containerHost = env.value(QStringLiteral("CONTAINER_HOST"));
    if (!containerHost.isEmpty())
        return fromUrl(containerHost, Source::ContainerHost);

    const auto present = [&exists](const QString &path) {
        return exists ? exists(path) : QFileInfo::exists(path);
    };
    const QStringList paths = defaultSockets(env);
    const QString runtime = env.value(QStringLiteral("XDG_RUNTIME_DIR"));
    for (int i = 0; i < paths.size(); ++i) {
        if (!present(paths.at(i)))
            continue;
        EngineEndpoint e;
        e.socketPath = paths.at(i);
        const int fixed = i - (runtime.isEmpty() ? 0 : 1); // index among the fixed paths
        e.source = fixed < 0 ? Source::PodmanUser
                             : (fixed == 0 ? Source::PodmanSystem : Source::DockerSystem);
        return e;
    }
    EngineEndpoint none;
    none.error = tr("No container engine socket found (DOCKER_HOST and CONTAINER_HOST are not "
                    "set; tried %1). Start one with `podman system service` or dockerd.")
                         .arg(paths.join(QStringLiteral(", ")));
    return none;
}

QString EngineEndpoint::probeScript()
{
    // The paths are defaultSockets()' own, with the remote runtime directory as "$r".
    QProcessEnvironment env;
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), QStringLiteral("$r"));
    QString tests;
    for (const QString &path : defaultSockets(env))
        tests += QStringLiteral("[ -S \"%1\" ] && printf 'socket=%s\\n' \"%1\"; ").arg(path);
    return QStringLiteral("printf 'DOCKER_HOST=%s\\n' \"${DOCKER_HOST-}\"; "
                          "printf 'CONTAINER_HOST=%s\\n' \"${CONTAINER_HOST-}\"; "
                          "r=\"${XDG_RUNTIME_DIR:-/run/user/$(id -u)}\"; "
                          "printf 'XDG_RUNTIME_DIR=%s\\n' \"$r\"; ")
            + tests + QStringLiteral("exit 0");
}

EngineEndpoint EngineEndpoint::fromProbe(const QByteArray &output)
{
    QProcessEnvironment env;
    QSet<QString> sockets;
    for (const QByteArray &raw : output.split('\n')) {
        const QString line = QString::fromUtf8(raw);
        const int eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        const QString name = line.left(eq);
        const QString value = line.mid(eq + 1);
        if (name == QLatin1String("socket"))
            sockets.insert(value);
        else if (!value.isEmpty()
                 && (name == QLatin1String("DOCKER_HOST") || name == QLatin1String("CONTAINER_HOST")
                     || name == QLatin1String("XDG_RUNTIME_DIR")))
            env.insert(name, value);
    }
    return discover(env, [&sockets](const QString &path) { return sockets.contains(path); });
}
