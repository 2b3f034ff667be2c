#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

/// Where a procServ console (or read-only log port) can be reached on the IOC's host.
struct ConsoleEndpoint
{
    enum class Kind { None, Tcp, Unix, UnixAbstract };
    Kind kind = Kind::None;
    QString host; // Tcp: interface as written, "127.0.0.1" when only a port was given
    quint16 port = 0; // Tcp
    QString path; // Unix: file path; UnixAbstract: name without '@'

    bool isValid() const { return kind != Kind::None; }
    /// "tcp:HOST:PORT", "unix:/path" or "unix:@name"; empty when invalid.
    QString toString() const;
    /// Parses the form toString() produces (and procServ's info file lines).
    static ConsoleEndpoint fromString(const QString &text);
    bool operator==(const ConsoleEndpoint &o) const
    {
        return kind == o.kind && host == o.host && port == o.port && path == o.path;
    }
    bool operator!=(const ConsoleEndpoint &o) const { return !(*this == o); }
};

/// State of the IOC process that procServ runs, which systemd does not know.
enum class ChildState { Unknown, Running, ShutDown };
enum class AutoRestart { Unknown, On, Off, OneShot };

/// One row: everything known about one IOC on one host. A plain value; cheap to copy.
struct Ioc
{
    // identity
    QString host; // Host::id(), e.g. "local-user", "ioc1.example.org"
    QString name; // IOC name as the convention spells it (NAME)
    QString unit; // systemd unit, e.g. "softioc-NAME.service"
    QString convention; // "procservutils", "manage-iocs", "frib", "ioc-runner", "e3", "generic"
    QString description;
    QString configFile; // convention config file read for this IOC, if any
    QString configError; // why that file (or the unit) could not be understood; empty if fine

    // systemd (cached from D-Bus)
    QString unitPath; // D-Bus object path; empty when the unit is not loaded
    QString fragmentPath; // unit file on disk
    QString loadState; // loaded, not-found, error, masked, "" when not loaded
    QString activeState; // active, inactive, failed, activating, deactivating, ...
    QString subState; // running, dead, exited, auto-restart, ...
    QString unitFileState; // enabled, disabled, static, masked, linked, ...
    QString result; // Service.Result: success, exit-code, signal, ...
    quint32 mainPid = 0; // procServ's PID (systemd MainPID)
    quint32 nRestarts = 0;
    QDateTime activeSince; // ActiveEnterTimestamp; invalid = never
    QDateTime inactiveSince; // InactiveEnterTimestamp; invalid = never
    quint64 memoryBytes = 0; // MemoryCurrent; 0 = unknown
    quint64 cpuNSec = 0; // CPUUsageNSec; 0 = unknown
    QStringList execStart; // argv of the first ExecStart command, specifiers expanded

    // procServ (from ExecStart, convention config and the console banner)
    ConsoleEndpoint console; // read-write control endpoint
    ConsoleEndpoint logPort; // read-only endpoint (-l), if any
    QString logFile; // -L/--logfile; "-" means stdout (the journal)
    QString childName; // -n/--name
    QString workingDirectory; // -c/--chdir
    QString infoFile; // -I/--info-file
    QString ignoreChars; // -i, as written (e.g. "^D^C^]")
    QString killChar = QStringLiteral("^X"); // -k; empty = disabled
    QString logoutChar; // -x
    ChildState childState = ChildState::Unknown;
    quint32 childPid = 0;
    AutoRestart autoRestart = AutoRestart::Unknown;

    QString key() const { return host + QLatin1Char('/') + unit; }
    bool isLoaded() const { return !unitPath.isEmpty(); }
    bool isEnabled() const
    {
        return unitFileState == QLatin1String("enabled")
                || unitFileState == QLatin1String("enabled-runtime")
                || unitFileState == QLatin1String("static")
                || unitFileState == QLatin1String("alias");
    }
    bool isActive() const { return activeState == QLatin1String("active"); }
    bool isFailed() const { return activeState == QLatin1String("failed"); }
    /// Running in docker's sense: systemd active and the child not known to be shut down.
    bool isRunning() const { return isActive() && childState != ChildState::ShutDown; }
    /// One word for filters and the status column: running, shutdown, starting, stopping,
    /// restarting, failed, exited (inactive), notloaded.
    QString status() const;
};

Q_DECLARE_METATYPE(Ioc)

QString childStateName(ChildState state);
QString autoRestartName(AutoRestart mode);
