// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/systemd/unitproperties.h"

#include "core/systemd/systemdmanager.h"

#include <QVariantList>

namespace {

// Each helper sets @p target only when @p properties has @p name.

void readString(const QVariantMap &properties, const char *name, std::optional<QString> &target)
{
    const auto it = properties.constFind(QLatin1String(name));
    if (it != properties.constEnd())
        target = it->toString();
}

void readUInt(const QVariantMap &properties, const char *name, std::optional<quint32> &target)
{
    const auto it = properties.constFind(QLatin1String(name));
    if (it != properties.constEnd())
        target = it->toUInt();
}

void readInt(const QVariantMap &properties, const char *name, std::optional<qint32> &target)
{
    const auto it = properties.constFind(QLatin1String(name));
    if (it != properties.constEnd())
        target = it->toInt();
}

void readStringList(const QVariantMap &properties, const char *name,
                    std::optional<QStringList> &target)
{
    const auto it = properties.constFind(QLatin1String(name));
    if (it != properties.constEnd())
        target = it->toStringList();
}

void readTimestamp(const QVariantMap &properties, const char *name,
                   std::optional<QDateTime> &target)
{
    const auto it = properties.constFind(QLatin1String(name));
    if (it != properties.constEnd())
        target = SystemdManager::toDateTime(it->toULongLong());
}

} // namespace

UnitProperties UnitProperties::fromMap(const QVariantMap &properties)
{
    UnitProperties p;
    readString(properties, "Id", p.id);
    readString(properties, "Description", p.description);
    readString(properties, "LoadState", p.loadState);
    readString(properties, "ActiveState", p.activeState);
    readString(properties, "SubState", p.subState);
    readString(properties, "UnitFileState", p.unitFileState);
    readString(properties, "FragmentPath", p.fragmentPath);
    readStringList(properties, "DropInPaths", p.dropInPaths);
    readTimestamp(properties, "ActiveEnterTimestamp", p.activeEnterTimestamp);
    readTimestamp(properties, "InactiveEnterTimestamp", p.inactiveEnterTimestamp);
    const auto loadError = properties.constFind(QStringLiteral("LoadError"));
    if (loadError != properties.constEnd()) {
        // (ss), made a plain list by SystemdManager::plainValue().
        const QVariantList fields = loadError->toList();
        p.loadError = UnitLoadError{ fields.value(0).toString(), fields.value(1).toString() };
    }
    return p;
}

ServiceProperties ServiceProperties::fromMap(const QVariantMap &properties)
{
    ServiceProperties p;
    readUInt(properties, "MainPID", p.mainPid);
    readUInt(properties, "NRestarts", p.nRestarts);
    readString(properties, "Result", p.result);
    readString(properties, "WorkingDirectory", p.workingDirectory);
    readString(properties, "User", p.user);
    readString(properties, "StatusText", p.statusText);
    readTimestamp(properties, "ExecMainStartTimestamp", p.execMainStartTimestamp);
    readInt(properties, "ExecMainCode", p.execMainCode);
    readInt(properties, "ExecMainStatus", p.execMainStatus);
    return p;
}

bool UnitProperties::operator==(const UnitProperties &other) const
{
    return id == other.id && description == other.description && loadState == other.loadState
            && activeState == other.activeState && subState == other.subState
            && unitFileState == other.unitFileState && fragmentPath == other.fragmentPath
            && dropInPaths == other.dropInPaths
            && activeEnterTimestamp == other.activeEnterTimestamp
            && inactiveEnterTimestamp == other.inactiveEnterTimestamp
            && loadError == other.loadError;
}

bool ServiceProperties::operator==(const ServiceProperties &other) const
{
    return mainPid == other.mainPid && nRestarts == other.nRestarts && result == other.result
            && workingDirectory == other.workingDirectory && user == other.user
            && statusText == other.statusText
            && execMainStartTimestamp == other.execMainStartTimestamp
            && execMainCode == other.execMainCode && execMainStatus == other.execMainStatus;
}

UnitPropertiesChange UnitPropertiesChange::fromSignal(const QString &interface,
                                                      const QVariantMap &changed,
                                                      const QStringList &invalidated)
{
    UnitPropertiesChange change;
    if (interface == SystemdManager::unitInterface())
        change.unit = UnitProperties::fromMap(changed);
    else if (interface == SystemdManager::serviceInterface())
        change.service = ServiceProperties::fromMap(changed);
    change.execStartInvalidated = invalidated.contains(QStringLiteral("ExecStart"));
    return change;
}
