// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/containers/containertypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    if (value.isString()) {
        out << value.toString();
        return out;
    }
    const QJsonArray array = value.toArray();
    for (const QJsonValue &v : array)
        out << v.toString();
    return out;
}

QMap<QString, QString> stringMap(const QJsonValue &value)
{
    QMap<QString, QString> out;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

QString withoutSlash(QString name)
{
    if (name.startsWith(QLatin1Char('/')))
        name.remove(0, 1);
    return name;
}

// The engine's "0001-01-01T00:00:00Z" means never.
QDateTime timestamp(const QJsonValue &value)
{
    const QString text = value.toString();
    if (text.isEmpty() || text.startsWith(QLatin1String("0001-")))
        return QDateTime();
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

bool parseObject(const QByteArray &json, QJsonObject *object, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error = parseError.error != QJsonParseError::NoError
                    ? parseError.errorString()
                    : QStringLiteral("not a JSON object");
        return false;
    }
    *object = doc.object();
    return true;
}

} // namespace

ContainerState containerStateFromString(const QString &state)
{
    static const QMap<QString, ContainerState> states = {
        { QStringLiteral("created"), ContainerState::Created },
        { QStringLiteral("configured"), ContainerState::Created }, // Podman's word before init
        { QStringLiteral("initialized"), ContainerState::Created }, // Podman, after init
        { QStringLiteral("running"), ContainerState::Running },
        { QStringLiteral("paused"), ContainerState::Paused },
        { QStringLiteral("restarting"), ContainerState::Restarting },
        { QStringLiteral("removing"), ContainerState::Removing },
        { QStringLiteral("exited"), ContainerState::Exited },
        { QStringLiteral("stopped"), ContainerState::Exited }, // Podman's word
        { QStringLiteral("dead"), ContainerState::Dead },
    };
    return states.value(state.toLower(), ContainerState::Unknown);
}

QString containerStateName(ContainerState state)
{
    switch (state) {
    case ContainerState::Created:
        return QStringLiteral("created");
    case ContainerState::Running:
        return QStringLiteral("running");
    case ContainerState::Paused:
        return QStringLiteral("paused");
    case ContainerState::Restarting:
        return QStringLiteral("restarting");
    case ContainerState::Removing:
        return QStringLiteral("removing");
    case ContainerState::Exited:
        return QStringLiteral("exited");
    case ContainerState::Dead:
        return QStringLiteral("dead");
    case ContainerState::Unknown:
        break;
    }
    return QString();
}

ContainerSummary ContainerSummary::fromJson(const QJsonObject &json)
{
    ContainerSummary c;
    c.id = json.value(QLatin1String("Id")).toString();
    for (const QString &name : stringList(json.value(QLatin1String("Names"))))
        c.names << withoutSlash(name);
    c.image = json.value(QLatin1String("Image")).toString();
    c.stateText = json.value(QLatin1String("State")).toString();
    c.state = containerStateFromString(c.stateText);
    c.status = json.value(QLatin1String("Status")).toString();
    c.command = json.value(QLatin1String("Command")).toString();
    const qint64 created = json.value(QLatin1String("Created")).toVariant().toLongLong();
    if (created > 0)
        c.created = QDateTime::fromSecsSinceEpoch(created, Qt::UTC);
    c.labels = stringMap(json.value(QLatin1String("Labels")));
    return c;
}

bool ContainerSummary::listFromJson(const QByteArray &json, QList<ContainerSummary> *list,
                                    QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isArray()) {
        if (error)
            *error = parseError.error != QJsonParseError::NoError
                    ? parseError.errorString()
                    : QStringLiteral("not a JSON array");
        return false;
    }
    list->clear();
    const QJsonArray array = doc.array();
    for (const QJsonValue &v : array)
        list->append(fromJson(v.toObject()));
    return true;
}

bool ContainerDetails::fromJson(const QByteArray &json, ContainerDetails *d, QString *error)
{
    QJsonObject o;
    if (!parseObject(json, &o, error))
        return false;
    *d = ContainerDetails();
    d->id = o.value(QLatin1String("Id")).toString();
    d->name = withoutSlash(o.value(QLatin1String("Name")).toString());
    const QJsonObject state = o.value(QLatin1String("State")).toObject();
    d->stateText = state.value(QLatin1String("Status")).toString();
    d->state = containerStateFromString(d->stateText);
    d->running = state.value(QLatin1String("Running")).toBool();
    d->paused = state.value(QLatin1String("Paused")).toBool();
    d->restarting = state.value(QLatin1String("Restarting")).toBool();
    d->oomKilled = state.value(QLatin1String("OOMKilled")).toBool();
    d->dead = state.value(QLatin1String("Dead")).toBool();
    d->pid = state.value(QLatin1String("Pid")).toVariant().toLongLong();
    if (state.contains(QLatin1String("ExitCode")))
        d->exitCode = state.value(QLatin1String("ExitCode")).toInt(-1);
    if (o.contains(QLatin1String("RestartCount")))
        d->restartCount = o.value(QLatin1String("RestartCount")).toInt(-1);
    d->stateError = state.value(QLatin1String("Error")).toString();
    d->startedAt = timestamp(state.value(QLatin1String("StartedAt")));
    d->finishedAt = timestamp(state.value(QLatin1String("FinishedAt")));
    // Docker leaves Health out without a health check; Podman 4.3 sends it with Status "".
    d->health = state.value(QLatin1String("Health"))
                        .toObject()
                        .value(QLatin1String("Status"))
                        .toString();
    const QJsonObject config = o.value(QLatin1String("Config")).toObject();
    d->image = config.value(QLatin1String("Image")).toString();
    if (d->image.isEmpty())
        d->image = o.value(QLatin1String("Image")).toString();
    d->cmd = stringList(config.value(QLatin1String("Cmd")));
    d->entrypoint = stringList(config.value(QLatin1String("Entrypoint")));
    d->tty = config.value(QLatin1String("Tty")).toBool();
    d->openStdin = config.value(QLatin1String("OpenStdin")).toBool();
    d->labels = stringMap(config.value(QLatin1String("Labels")));
    const QJsonObject policy = o.value(QLatin1String("HostConfig"))
                                       .toObject()
                                       .value(QLatin1String("RestartPolicy"))
                                       .toObject();
    d->restartPolicy = policy.value(QLatin1String("Name")).toString();
    // Docker's API: an empty name is no restart policy ("no"), which Podman sends that way.
    if (d->restartPolicy.isEmpty())
        d->restartPolicy = QStringLiteral("no");
    d->restartRetries = policy.value(QLatin1String("MaximumRetryCount")).toInt();
    return true;
}

EngineEvent EngineEvent::fromJson(const QJsonObject &json)
{
    EngineEvent e;
    e.type = json.value(QLatin1String("Type")).toString();
    e.action = json.value(QLatin1String("Action")).toString();
    if (e.action.isEmpty())
        e.action = json.value(QLatin1String("status")).toString(); // API before 1.22
    const QJsonObject actor = json.value(QLatin1String("Actor")).toObject();
    e.id = actor.value(QLatin1String("ID")).toString();
    if (e.id.isEmpty())
        e.id = json.value(QLatin1String("id")).toString();
    e.attributes = stringMap(actor.value(QLatin1String("Attributes")));
    e.name = e.attributes.value(QStringLiteral("name"));
    e.image = e.attributes.value(QStringLiteral("image"));
    if (e.image.isEmpty())
        e.image = json.value(QLatin1String("from")).toString();
    const qint64 nano = json.value(QLatin1String("timeNano")).toVariant().toLongLong();
    const qint64 secs = json.value(QLatin1String("time")).toVariant().toLongLong();
    if (nano > 0)
        e.time = QDateTime::fromMSecsSinceEpoch(nano / 1000000, Qt::UTC);
    else if (secs > 0)
        e.time = QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
    // Docker: exitCode on "die"; Podman 4.3: containerExitCode on every container event ("0"
    // on create and start too), so it is taken from the death events only.
    if (e.action != QLatin1String("die") && e.action != QLatin1String("died"))
        return e;
    const QString code = e.attributes.value(
            QStringLiteral("exitCode"), e.attributes.value(QStringLiteral("containerExitCode")));
    bool ok = false;
    const int value = code.toInt(&ok);
    e.exitCode = ok ? value : -1;
    return e;
}

bool EngineVersion::fromJson(const QByteArray &json, EngineVersion *v, QString *error)
{
    QJsonObject o;
    if (!parseObject(json, &o, error))
        return false;
    *v = EngineVersion();
    v->version = o.value(QLatin1String("Version")).toString();
    v->apiVersion = o.value(QLatin1String("ApiVersion")).toString();
    v->minApiVersion = o.value(QLatin1String("MinAPIVersion")).toString();
    v->os = o.value(QLatin1String("Os")).toString();
    const QJsonArray components = o.value(QLatin1String("Components")).toArray();
    for (const QJsonValue &c : components) {
        if (c.toObject().value(QLatin1String("Name")).toString() == QLatin1String("Podman Engine"))
            v->isPodman = true;
    }
    return true;
}

bool ContainerStats::fromJson(const QByteArray &json, ContainerStats *stats, QString *error)
{
    QJsonObject o;
    if (!parseObject(json, &o, error))
        return false;
    // Counters the engine could not read are absent or 0: both mean unknown.
    const double memory = o.value(QLatin1String("memory_stats"))
                                  .toObject()
                                  .value(QLatin1String("usage"))
                                  .toDouble();
    const double cpu = o.value(QLatin1String("cpu_stats"))
                               .toObject()
                               .value(QLatin1String("cpu_usage"))
                               .toObject()
                               .value(QLatin1String("total_usage"))
                               .toDouble();
    stats->memoryBytes = memory > 0 ? quint64(memory) : 0;
    stats->cpuNSec = cpu > 0 ? quint64(cpu) : 0;
    return true;
}
