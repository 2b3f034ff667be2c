// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QDBusArgument>
#include <QDBusObjectPath>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// D-Bus structures of org.freedesktop.systemd1 (systemd 252), streamed in wire order.
// Call registerSystemdTypes() once before using them with QtDBus.

/// One entry of ListUnits*(): a(ssssssouso).
struct UnitInfo
{
    QString name;
    QString description;
    QString loadState;
    QString activeState;
    QString subState;
    QString following;
    QDBusObjectPath path;
    uint jobId = 0;
    QString jobType;
    QDBusObjectPath jobPath; ///< "/" when the unit has no job
};

/// One entry of ListUnitFiles*(): a(ss).
struct UnitFileInfo
{
    QString path; ///< full path of the unit file
    QString state; ///< enabled, disabled, static, masked, linked, ...

    /// The unit name, i.e. the file name of path.
    QString unitName() const;
};

/// One command of a service's ExecStart (and friends): a(sasbttttuii).
struct ExecCommand
{
    QString path;
    QStringList argv; ///< including argv[0]
    bool ignoreFailure = false;
    quint64 startRealtime = 0; ///< µs since the epoch, 0 = never
    quint64 startMonotonic = 0;
    quint64 exitRealtime = 0;
    quint64 exitMonotonic = 0;
    uint pid = 0;
    int code = 0;
    int status = 0;
};

/// One process of GetUnitProcesses(): a(sus).
struct UnitProcess
{
    QString cgroup;
    uint pid = 0;
    QString commandLine;
};

/// One change reported by EnableUnitFiles()/DisableUnitFiles(): a(sss).
struct UnitFileChange
{
    QString type; ///< "symlink" or "unlink"
    QString fileName;
    QString destination;
};

/// One entry of a service's EnvironmentFiles: a(sb).
struct EnvironmentFile
{
    QString path;
    bool optional = false; ///< the file was given with a leading "-"
};

using UnitInfoList = QList<UnitInfo>;
using UnitFileInfoList = QList<UnitFileInfo>;
using ExecCommandList = QList<ExecCommand>;
using UnitProcessList = QList<UnitProcess>;
using UnitFileChangeList = QList<UnitFileChange>;
using EnvironmentFileList = QList<EnvironmentFile>;

QDBusArgument &operator<<(QDBusArgument &argument, const UnitInfo &value);
const QDBusArgument &operator>>(const QDBusArgument &argument, UnitInfo &value);
QDBusArgument &operator<<(QDBusArgument &argument, const UnitFileInfo &value);
const QDBusArgument &operator>>(const QDBusArgument &argument, UnitFileInfo &value);
QDBusArgument &operator<<(QDBusArgument &argument, const ExecCommand &value);
const QDBusArgument &operator>>(const QDBusArgument &argument, ExecCommand &value);
QDBusArgument &operator<<(QDBusArgument &argument, const UnitProcess &value);
const QDBusArgument &operator>>(const QDBusArgument &argument, UnitProcess &value);
QDBusArgument &operator<<(QDBusArgument &argument, const UnitFileChange &value);
const QDBusArgument &operator>>(const QDBusArgument &argument, UnitFileChange &value);
QDBusArgument &operator<<(QDBusArgument &argument, const EnvironmentFile &value);
const QDBusArgument &operator>>(const QDBusArgument &argument, EnvironmentFile &value);

Q_DECLARE_METATYPE(UnitInfo)
Q_DECLARE_METATYPE(UnitFileInfo)
Q_DECLARE_METATYPE(ExecCommand)
Q_DECLARE_METATYPE(UnitProcess)
Q_DECLARE_METATYPE(UnitFileChange)
Q_DECLARE_METATYPE(EnvironmentFile)
// QList<T> of a declared T is a metatype by itself (Qt 5 and 6).

/// Registers the types above with QtDBus. Safe to call any number of times, from any thread.
void registerSystemdTypes();
