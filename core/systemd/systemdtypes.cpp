// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/systemd/systemdtypes.h"

#include "core/systemd/unitproperties.h"

#include <QDBusMetaType>
#include <QFileInfo>

QString UnitFileInfo::unitName() const
{
    return QFileInfo(path).fileName();
}

QDBusArgument &operator<<(QDBusArgument &argument, const UnitInfo &value)
{
    argument.beginStructure();
    argument << value.name << value.description << value.loadState << value.activeState
             << value.subState << value.following << value.path << value.jobId << value.jobType
             << value.jobPath;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, UnitInfo &value)
{
    argument.beginStructure();
    argument >> value.name >> value.description >> value.loadState >> value.activeState
            >> value.subState >> value.following >> value.path >> value.jobId >> value.jobType
            >> value.jobPath;
    argument.endStructure();
    return argument;
}

QDBusArgument &operator<<(QDBusArgument &argument, const UnitFileInfo &value)
{
    argument.beginStructure();
    argument << value.path << value.state;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, UnitFileInfo &value)
{
    argument.beginStructure();
    argument >> value.path >> value.state;
    argument.endStructure();
    return argument;
}

QDBusArgument &operator<<(QDBusArgument &argument, const ExecCommand &value)
{
    argument.beginStructure();
    argument << value.path << value.argv << value.ignoreFailure << qulonglong(value.startRealtime)
             << qulonglong(value.startMonotonic) << qulonglong(value.exitRealtime)
             << qulonglong(value.exitMonotonic) << value.pid << value.code << value.status;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, ExecCommand &value)
{
    qulonglong startRealtime = 0;
    qulonglong startMonotonic = 0;
    qulonglong exitRealtime = 0;
    qulonglong exitMonotonic = 0;
    argument.beginStructure();
    argument >> value.path >> value.argv >> value.ignoreFailure >> startRealtime >> startMonotonic
            >> exitRealtime >> exitMonotonic >> value.pid >> value.code >> value.status;
    argument.endStructure();
    value.startRealtime = startRealtime;
    value.startMonotonic = startMonotonic;
    value.exitRealtime = exitRealtime;
    value.exitMonotonic = exitMonotonic;
    return argument;
}

QDBusArgument &operator<<(QDBusArgument &argument, const UnitProcess &value)
{
    argument.beginStructure();
    argument << value.cgroup << value.pid << value.commandLine;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, UnitProcess &value)
{
    argument.beginStructure();
    argument >> value.cgroup >> value.pid >> value.commandLine;
    argument.endStructure();
    return argument;
}

QDBusArgument &operator<<(QDBusArgument &argument, const UnitFileChange &value)
{
    argument.beginStructure();
    argument << value.type << value.fileName << value.destination;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, UnitFileChange &value)
{
    argument.beginStructure();
    argument >> value.type >> value.fileName >> value.destination;
    argument.endStructure();
    return argument;
}

QDBusArgument &operator<<(QDBusArgument &argument, const EnvironmentFile &value)
{
    argument.beginStructure();
    argument << value.path << value.optional;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, EnvironmentFile &value)
{
    argument.beginStructure();
    argument >> value.path >> value.optional;
    argument.endStructure();
    return argument;
}

void registerSystemdTypes()
{
    // A function-local static is initialised exactly once, thread-safely.
    static const bool registered = [] {
        qDBusRegisterMetaType<UnitInfo>();
        qDBusRegisterMetaType<UnitInfoList>();
        qDBusRegisterMetaType<UnitFileInfo>();
        qDBusRegisterMetaType<UnitFileInfoList>();
        qDBusRegisterMetaType<ExecCommand>();
        qDBusRegisterMetaType<ExecCommandList>();
        qDBusRegisterMetaType<UnitProcess>();
        qDBusRegisterMetaType<UnitProcessList>();
        qDBusRegisterMetaType<UnitFileChange>();
        qDBusRegisterMetaType<UnitFileChangeList>();
        qDBusRegisterMetaType<EnvironmentFile>();
        qDBusRegisterMetaType<EnvironmentFileList>();
        // Carried by SystemdManager::unitPropertiesChanged() (queued connections, QSignalSpy).
        qRegisterMetaType<UnitPropertiesChange>();
        return true;
    }();
    Q_UNUSED(registered)
}
