// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

/// What a `podman [GLOBAL OPTIONS] run [OPTIONS] IMAGE [COMMAND [ARG...]]` command line (a
/// Quadlet or `podman generate systemd --new` unit's ExecStart) says about the container it
/// makes, read without running anything. The options are podman 4.3's: those that take no
/// value are known by name (a `--flag=value` form is always one word); any other option takes
/// the next word. A line it cannot read (not `run`, no image) gives isRun false.
struct PodmanRunCommand
{
    bool isRun = false;
    QString name; // --name; empty: the engine picks one
    QString image;
    QStringList entrypoint; // --entrypoint, one word (podman's JSON-array form too)
    QStringList command; // after the image
    QMap<QString, QString> labels; // --label/-l KEY=VALUE (KEY alone: empty value)

    /// argv[0] of the process the container runs when the command line says it: the
    /// entrypoint, else the command; empty when the image's own decides (unknown here).
    QString program() const;
    static PodmanRunCommand parse(const QStringList &argv);
};
