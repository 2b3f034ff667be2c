// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QCoreApplication>
#include <QStringList>

class QCommandLineParser;

/// iocctl's host options: which systemd managers to talk to and how long to wait for them.
/// They may come before the command name and after it (`iocctl ps --user`), as systemctl takes
/// them. `--user` and `--system` choose the local manager when no remote host is given, and
/// the manager of every remote host otherwise (`--user -H srv` is `srv/user`, as `systemctl
/// --user -H srv` is).
class HostOptions
{
    Q_DECLARE_TR_FUNCTIONS(HostOptions)
public:
    static constexpr int DefaultConnectTimeout = 10; // seconds

    /// Takes one option; @p name without dashes ("user", "H", "host", "hosts", "bus",
    /// "connect-timeout", "system"). False with *error set on a bad value.
    bool add(const QString &name, const QString &value, QString *error);
    /// Options of that name take a value.
    static bool takesValue(const QString &name);
    static bool isHostOption(const QString &name);
    /// Adds the host options to a command's parser, hidden from its --help.
    static void addTo(QCommandLineParser &parser);
    /// Takes the host options @p parser found, in the order given.
    bool takeFrom(const QCommandLineParser &parser, QString *error);

    /// The Host::fromSpec() specs to connect to; empty with *error set when the options
    /// contradict each other. No host option at all means $IOCCTL_HOST, else "system".
    QStringList specs(QString *error) const;
    int connectTimeout() const { return m_connectTimeout; }
    /// The options again as words for a command line the user may run next ("--user",
    /// "-H", "HOST", "--bus", "ADDRESS"); a --hosts file appears as its hosts.
    QStringList arguments() const;

    /// Host specs of a --hosts file; *error set (with file:line) on bad input.
    static QStringList readHostsFile(const QString &path, QString *error);

private:
    QStringList m_scopes; // "user" / "system", as given
    QStringList m_hosts; // -H and --hosts, as given
    QStringList m_buses; // bus:ADDRESS specs
    int m_connectTimeout = DefaultConnectTimeout;
};
