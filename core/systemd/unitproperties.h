// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

// Typed properties of a systemd unit object: what iocdock reads of org.freedesktop.systemd1.Unit
// and org.freedesktop.systemd1.Service. Built in one place (fromMap()) from the property maps
// of GetAll/Get answers and of PropertiesChanged signals; string keys stop there.
//
// Every field is a std::optional: an answer or a signal may carry only some properties
// (PropertiesChanged names only what changed; a listing asks for a few). A field without a value
// was not in the map and says nothing; a field with one is what systemd reported.

/// LoadError of a unit, (ss): set (name non-empty) when systemd refused the unit file.
struct UnitLoadError
{
    QString name; ///< D-Bus error name; empty when the unit loaded fine
    QString message; ///< systemd's sentence
    bool operator==(const UnitLoadError &other) const
    {
        return name == other.name && message == other.message;
    }
};

/// The org.freedesktop.systemd1.Unit properties an IOC row or its details need.
struct UnitProperties
{
    std::optional<QString> id;
    std::optional<QString> description;
    std::optional<QString> loadState;
    std::optional<QString> activeState;
    std::optional<QString> subState;
    std::optional<QString> unitFileState;
    std::optional<QString> fragmentPath;
    std::optional<QStringList> dropInPaths; ///< DropInPaths: the drop-in files in effect
    /// Timestamps: invalid when systemd says "never" (0) or "not available" (UINT64_MAX).
    std::optional<QDateTime> activeEnterTimestamp;
    std::optional<QDateTime> inactiveEnterTimestamp;
    std::optional<UnitLoadError> loadError;

    /// From a plain property map (SystemdManager::plainValue() applied to each value).
    static UnitProperties fromMap(const QVariantMap &properties);
    bool operator==(const UnitProperties &other) const;
    bool operator!=(const UnitProperties &other) const { return !(*this == other); }
};

/// The org.freedesktop.systemd1.Service properties an IOC row or its details need (ExecStart,
/// Environment and EnvironmentFiles have their own D-Bus structs, see UnitDetails).
struct ServiceProperties
{
    std::optional<quint32> mainPid;
    std::optional<quint32> nRestarts;
    std::optional<QString> result;
    std::optional<QString> workingDirectory;
    std::optional<QString> user;
    std::optional<QString> statusText;
    std::optional<QDateTime> execMainStartTimestamp; ///< invalid as for UnitProperties
    /// How the main process (procServ) last ended: ExecMainCode is a CLD_* code (0 never
    /// ended, 1 CLD_EXITED, 2 CLD_KILLED, 3 CLD_DUMPED); ExecMainStatus the exit status or
    /// the signal.
    std::optional<qint32> execMainCode;
    std::optional<qint32> execMainStatus;

    /// From a plain property map (SystemdManager::plainValue() applied to each value).
    static ServiceProperties fromMap(const QVariantMap &properties);
    bool operator==(const ServiceProperties &other) const;
    bool operator!=(const ServiceProperties &other) const { return !(*this == other); }
};

/// One PropertiesChanged signal of a unit object, typed. It names one interface: the fields of
/// the other stay without values.
struct UnitPropertiesChange
{
    UnitProperties unit; ///< org.freedesktop.systemd1.Unit
    ServiceProperties service; ///< org.freedesktop.systemd1.Service
    /// ExecStart changed and was only named, not sent (systemd invalidates it): read it again.
    bool execStartInvalidated = false;

    /// From the signal's arguments: the interface, the changed properties (plain values) and
    /// the names of the invalidated ones.
    static UnitPropertiesChange fromSignal(const QString &interface, const QVariantMap &changed,
                                           const QStringList &invalidated);
};

Q_DECLARE_METATYPE(UnitPropertiesChange)
