// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

// The Docker Engine API's words, as typed values: what a container list, an inspect, an event
// and an exec give. JSON stops at the from*() parsers here.

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

class QJsonObject;

/// A container's state as the engine names it ("created", "running", ...).
enum class ContainerState { Unknown, Created, Running, Paused, Restarting, Removing, Exited, Dead };
ContainerState containerStateFromString(const QString &state);
/// The engine's own word for @p state ("running"); empty for Unknown.
QString containerStateName(ContainerState state);

/// Labels with a meaning for iocdock.
namespace ContainerLabels {
inline constexpr char IocName[] = "iocdock.ioc"; // value: the IOC's name (stdio IOCs)
inline constexpr char SystemdUnit[] = "PODMAN_SYSTEMD_UNIT"; // set by podman for units
} // namespace ContainerLabels

/// One row of GET /containers/json?all=1.
struct ContainerSummary
{
    QString id;
    QStringList names; // without the leading '/'
    QString image;
    ContainerState state = ContainerState::Unknown;
    QString stateText; // as the engine said it
    QString status; // "Up 2 seconds", "Exited (0) 3 minutes ago"
    QString command; // one string, as the engine joined it
    QDateTime created;
    QMap<QString, QString> labels;

    QString name() const { return names.value(0); }
    QString iocLabel() const { return labels.value(QLatin1String(ContainerLabels::IocName)); }
    QString systemdUnit() const
    {
        return labels.value(QLatin1String(ContainerLabels::SystemdUnit));
    }

    static ContainerSummary fromJson(const QJsonObject &json);
    /// The whole list; false with @p error (untranslated detail) when it is not a JSON array.
    static bool listFromJson(const QByteArray &json, QList<ContainerSummary> *list, QString *error);
};

/// GET /containers/{id}/json: what an IOC row and `inspect` need.
struct ContainerDetails
{
    QString id;
    QString name; // without the leading '/'
    QString image; // as configured (Config.Image)
    ContainerState state = ContainerState::Unknown;
    QString stateText;
    bool running = false;
    bool paused = false;
    bool restarting = false;
    bool oomKilled = false;
    bool dead = false;
    qint64 pid = 0;
    int exitCode = -1; // -1: the engine did not say
    int restartCount = -1; // restarts by the engine's restart policy; -1: the engine did not say
    QString stateError;
    QDateTime startedAt; // invalid when never started
    QDateTime finishedAt; // invalid when never finished
    /// "healthy", "unhealthy", "starting"; empty when the image defines no health check.
    QString health;
    QString restartPolicy; // "no", "always", "on-failure", "unless-stopped"; "" = engine default
    int restartRetries = 0;
    QStringList cmd;
    QStringList entrypoint;
    bool tty = false;
    bool openStdin = false;
    QMap<QString, QString> labels;

    static bool fromJson(const QByteArray &json, ContainerDetails *details, QString *error);
};

/// One object of GET /events.
struct EngineEvent
{
    QString type; // "container", "image", ...
    QString action; // "create", "start", "die", "stop", "remove", "exec_start: ...", ...
    QString id; // the actor's ID
    QString name; // Actor.Attributes.name
    QString image;
    QMap<QString, QString> attributes;
    QDateTime time;
    /// On a "die" (Docker) or "died" (Podman) event: Actor.Attributes.exitCode (Docker) or
    /// containerExitCode (Podman); -1 on other events and when absent.
    int exitCode = -1;

    static EngineEvent fromJson(const QJsonObject &json);
};

/// GET /version.
struct EngineVersion
{
    QString version; // the engine's own: "4.3.1", "20.10.24"
    QString apiVersion; // "1.41"
    QString minApiVersion;
    QString os;
    bool isPodman = false; // a component named "Podman Engine"

    static bool fromJson(const QByteArray &json, EngineVersion *version, QString *error);
};

/// What one exec gave: its output (stdout and stderr as they came, and separately) and its exit.
struct ExecResult
{
    QByteArray output; // everything, in order
    QByteArray standardOutput;
    QByteArray standardError;
    int exitCode = -1; // -1: unknown
    QString error; // translated; empty when the exec ran (whatever its exit code)

    bool ok() const { return error.isEmpty(); }
};

/// GET /containers/{id}/stats?stream=false: the counters an IOC row shows.
struct ContainerStats
{
    quint64 memoryBytes = 0; // memory_stats.usage; 0: the engine did not say
    quint64 cpuNSec = 0; // cpu_stats.cpu_usage.total_usage (ns); 0: the engine did not say
    static bool fromJson(const QByteArray &json, ContainerStats *stats, QString *error);
};

/// GET /containers/{id}/logs options.
struct LogOptions
{
    bool follow = false;
    QDateTime since; // invalid: from the start
    QDateTime until; // invalid: to the end
    int tail = -1; // -1: all lines
    bool timestamps = false;
};

Q_DECLARE_METATYPE(ContainerSummary)
Q_DECLARE_METATYPE(ContainerDetails)
Q_DECLARE_METATYPE(EngineEvent)
Q_DECLARE_METATYPE(ExecResult)
