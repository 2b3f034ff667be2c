// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

/// One change of the fleet, as `docker events` shows one: what happened to an IOC (or a host)
/// and when it was seen. Derived from two successive rows of the same IOC (between()), so a
/// state shown is a state measured: only what the rows say changed is an event.
struct FleetEvent
{
    /// start, stop, fail (unit; a new run between two rows is a stop and a start), restart
    /// (systemd restarted the unit on its own, Restart=; an engine its container, by its
    /// restart policy), job (a systemd job on the unit
    /// ended), child-exit, child-restart (procServ's IOC process), crashloop-enter,
    /// crashloop-leave, add, remove (rows), host-lost, host-back. types() lists them.
    QString type;
    QDateTime time; // when it was seen (UTC)
    QString host; // Host::id()
    QString name; // IOC name; empty for host events
    QString unit;
    /// Details: "result" (systemd's Service.Result of a failed unit, a job's result), "job"
    /// (systemd's job id), "restarts" (systemd's NRestarts, or the engine's RestartCount, after a
    /// restart), "exit" (child exit:
    /// "exit 3" or "SIGSEGV"), "pid" (new child or procServ PID), "message" (host events).
    QList<QPair<QString, QString>> attributes;
    /// Measured when its host came back: the net change over the time the host was away. It
    /// happened at some moment of that absence, not at `time` (when it was seen). Not part of
    /// toJson() or toText().
    bool afterAbsence = false;

    /// Every event type, as `iocctl events` names them (and its `event=` filter takes them).
    static QStringList types();

    QString attribute(const QString &key) const;
    /// "NAME" or "HOST/NAME" with @p withHost; the host alone for host events.
    QString label(bool withHost) const;
    /// {time, type, host, name, unit, attributes: {...}}.
    QJsonObject toJson() const;
    /// One line: TIME TYPE LABEL (key=value, ...).
    QString toText(bool withHost) const;
    /// Fills {{.Time}} {{.Type}} {{.Host}} {{.Name}} {{.Unit}} {{.Label}} {{.Attributes}}
    /// and the attributes {{.Result}} {{.Exit}} {{.Pid}}; \t and \n as escapes. An unknown
    /// field sets *error (translated) and gives an empty string.
    QString applyTemplate(const QString &tmpl, QString *error) const;
    static QString validateTemplate(const QString &tmpl);

    /// The events that turn row @p before into row @p after of the same IOC, seen at @p now.
    static QList<FleetEvent> between(const Ioc &before, const Ioc &after, const QDateTime &now);
    static FleetEvent forIoc(const QString &type, const Ioc &ioc, const QDateTime &now);
};
