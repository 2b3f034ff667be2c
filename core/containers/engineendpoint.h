// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

// Where the container engine's API socket is: found as the docker and podman command-line tools
// find it.

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>

/// The UNIX socket of a Docker Engine API (dockerd, or Podman's compatible service).
struct EngineEndpoint
{
    Q_DECLARE_TR_FUNCTIONS(EngineEndpoint)

public:
    enum class Source { None, DockerHost, ContainerHost, PodmanUser, PodmanSystem, DockerSystem };
    QString socketPath;
    Source source = Source::None;
    /// Why there is none (translated), when socketPath is empty.
    QString error;

    bool isValid() const { return !socketPath.isEmpty(); }
    /// Where the path came from, for messages: "DOCKER_HOST", "/run/podman/podman.sock", ...
    QString sourceName() const;

    /// The socket of a `unix://PATH` URL; tcp:// and ssh:// are refused with a message (remote
    /// engines are reached through the host's own connection, not by URL).
    static EngineEndpoint fromUrl(const QString &url, Source source);

    /// In this order: DOCKER_HOST, CONTAINER_HOST (each taken as set, even when its socket is
    /// missing, as the CLIs do), then the first existing of $XDG_RUNTIME_DIR/podman/podman.sock,
    /// /run/podman/podman.sock, /var/run/docker.sock. @p exists tells whether a path exists
    /// (tests pass their own); by default the file system is asked.
    static EngineEndpoint discover(const QProcessEnvironment &env,
                                   const std::function<bool(const QString &)> &exists = {});
    /// The default paths discover() tries, in order, for @p env.
    static QStringList defaultSockets(const QProcessEnvironment &env);

    /// A POSIX sh script that, run on another machine (over the host's SSH connection), prints
    /// what discover() reads there: DOCKER_HOST, CONTAINER_HOST and XDG_RUNTIME_DIR of the login
    /// environment (XDG_RUNTIME_DIR defaults to /run/user/UID, as Podman's), and which of the
    /// default sockets exist (`[ -S ]`). One line each, `NAME=VALUE` / `socket=PATH`; exits 0.
    static QString probeScript();
    /// discover() on the output of probeScript(): the same rules, the remote machine's facts.
    static EngineEndpoint fromProbe(const QByteArray &output);
};
