// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

// procServ's vocabulary: where its console is, what it says about its child. No systemd and no
// IOC row here; core/ioc builds on these.

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

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
/// Whether the child finished starting: an EPICS IOC prints kIocInitDone when iocInit is
/// done. Unknown when the start was not seen.
enum class Readiness { Unknown, Starting, Ready };
/// What an EPICS IOC (softIoc and any IOC built on EPICS base) prints once iocInit is done.
inline constexpr char kIocInitDone[] = "iocRun: All initialization complete";
/// How many of a child's restart times are kept (the newest).
inline constexpr int kRestartTimesKept = 64;

/// How the IOC process inside procServ last ended, as procServ reported it.
struct ChildExit
{
    int code = -1; // exit status; -1 when killed by a signal or unknown
    int signal = 0; // signal number; 0 when it exited
    QDateTime at; // when it ended; invalid when unknown

    bool isValid() const { return code >= 0 || signal > 0; }
    /// "SIGSEGV" for signal 11, "signal 77" for one without a name; empty without a signal.
    QString signalName() const;
    /// "SIGSEGV" or "exit 3"; empty when unknown.
    QString text() const;
    bool operator==(const ChildExit &o) const
    {
        return code == o.code && signal == o.signal && at == o.at;
    }
    bool operator!=(const ChildExit &o) const { return !(*this == o); }
};

QString childStateName(ChildState state);
/// "starting", "ready", "unknown".
QString readinessName(Readiness readiness);
QString autoRestartName(AutoRestart mode);

class SharedPrepare;

/// How this machine reaches a procServ endpoint: connect to endpoint directly; or run
/// prepareCommand first (e.g. an SSH forward of a remote UNIX socket to the local socket that
/// endpoint then names) and cleanupCommand after; or run proxyCommand, whose stdin and stdout
/// are the stream (e.g. `ssh -W HOST:PORT`); or, with sharedPrepare, make endpoint reachable
/// once for every session that uses it (one SSH forward per remote UNIX socket).
struct ConsoleRoute
{
    ConsoleEndpoint endpoint;
    QStringList proxyCommand;
    QStringList prepareCommand;
    QStringList cleanupCommand;
    std::shared_ptr<SharedPrepare> sharedPrepare;
    /// The host's offset from UTC in seconds, when it is not this machine: procServ prints
    /// its host's local time.
    std::optional<int> hostUtcOffset;

    /// Straight to @p endpoint, on this machine.
    static ConsoleRoute direct(const ConsoleEndpoint &endpoint)
    {
        ConsoleRoute route;
        route.endpoint = endpoint;
        return route;
    }
    bool isValid() const { return endpoint.isValid(); }
};
