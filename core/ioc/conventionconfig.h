// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>

/// The convention config file found for one IOC, as read (never executed).
struct ConventionConfig
{
    QString file; // the file that holds the IOC's entry; empty when none
    QMap<QString, QString> values; // keys as the convention spells them (INI keys lower-cased)
    QString error; // "file:line: message" lines (joined by '\n'); empty if fine
    bool found = false; // an entry for the IOC exists (values may still be partial)
    QStringList files; // procServUtils: every file that added to the section
};

/// Reads the per-IOC config files of the discovery conventions (docs/architecture.md §5) without
/// executing them. Malformed lines give an error naming file and line; the rest is still
/// returned. Search paths are injectable (tests, the sandbox); forSystem()/forUser() give the
/// conventions' own places plus environment overrides. Reads the local file system only.
class IocFileView;

class ConventionConfigReader
{
    Q_DECLARE_TR_FUNCTIONS(ConventionConfigReader)
public:
    /// procServUtils and epics-ioc-runner: files (read as they are) and folders (their *.conf
    /// files, sorted). System: /etc/procServ.conf, /etc/procServ.d; user:
    /// $XDG_CONFIG_HOME/procServ.conf, $XDG_CONFIG_HOME/procServ.d.
    void setProcServConfigDirs(const QStringList &dirs) { m_procServConfigDirs = dirs; }
    QStringList procServConfigDirs() const { return m_procServConfigDirs; }
    /// manage-iocs: bases holding NAME/config. Default: $IOCDOCK_IOC_PATH,
    /// $MANAGE_IOCS_SEARCH_PATH (colon lists, searched first), /epics/iocs, /opt/epics/iocs,
    /// /opt/iocs.
    void setIocSearchPath(const QStringList &dirs) { m_iocSearchPath = dirs; }
    QStringList iocSearchPath() const { return m_iocSearchPath; }
    /// FRIB: bases holding NAME/config. Default: $IOCDOCK_IOC_PATH, /etc/iocs.
    void setFribConfigDirs(const QStringList &dirs) { m_fribConfigDirs = dirs; }
    QStringList fribConfigDirs() const { return m_fribConfigDirs; }
    /// Where procServ's sockets live: /run for the system manager, $XDG_RUNTIME_DIR for a user's.
    void setRuntimeDir(const QString &dir) { m_runtimeDir = dir; }
    QString runtimeDir() const { return m_runtimeDir; }

    /// procServUtils' files read through @p view (a remote host's snapshot) instead of this
    /// machine's file system; null: this machine. Not owned.
    void setFileView(const IocFileView *view) { m_view = view; }

    /// manage-iocs' search path from the values of $IOCDOCK_IOC_PATH and
    /// $MANAGE_IOCS_SEARCH_PATH (colon lists, searched first), then its own places. The one
    /// list for this machine (forSystem()) and a remote host (RemoteHostProbe).
    static QStringList manageIocsSearchPath(const QString &iocdockIocPath,
                                            const QString &manageIocsSearchPath);

    /// Defaults for the system manager. $IOCDOCK_PROCSERV_CONFIG_PATH (colon list) is searched
    /// before /etc/procServ.conf and /etc/procServ.d.
    static ConventionConfigReader forSystem();
    /// Defaults for the user's manager ($XDG_CONFIG_HOME falls back to ~/.config).
    static ConventionConfigReader forUser();

    /// - procservutils: the INI section [NAME] of every file (later files override keys, as
    ///   Python's ConfigParser.read() does); files that are not INI are skipped.
    /// - ioc-runner: the environment file NAME.conf in the procServ folders (IOC_PORT, IOC_CMD,
    ///   ...); an INI file there is procServUtils', not ioc-runner's.
    /// - manage-iocs: <base>/NAME/config, shell KEY=VALUE; quotes stripped, $VARS of
    ///   earlier keys expanded, never sourced.
    /// - frib: <base>/NAME/config; ioc-runner's NAME.conf and this are EnvironmentFile= of
    ///   their units, so they are read with systemd's rules (parseEnvironmentFile()): the
    ///   values are what the IOC gets.
    /// - e3, generic (and unknown conventions): found = false, no error.
    ConventionConfig read(const QString &convention, const QString &iocName) const;

    /// The console the convention gives an IOC with this config, or an invalid endpoint:
    /// procservutils port=0/unset → unix:RUNDIR/procserv-NAME/control, else the port spec;
    /// ioc-runner IOC_PORT (default unix:RUNDIR/procserv/NAME/control); manage-iocs PORT →
    /// tcp:127.0.0.1:PORT (procServ binds control ports to loopback); frib →
    /// unix:RUNDIR/softioc-NAME/procServ.sock; e3 → unix:RUNDIR/procServ/NAME/control.
    static ConsoleEndpoint consoleFromConfig(const QString &convention, const QString &iocName,
                                             const ConventionConfig &config,
                                             const QString &runtimeDir);
    /// A procServ control port spec: PORT, IFACE:PORT, unix:PATH, unix:@NAME,
    /// unix:USER:GROUP:PERM:PATH, read as procServ does (ProcServCommand::parseEndpoint): a TCP
    /// control port listens on 127.0.0.1 whatever IFACE says. Invalid for port 0 (a random
    /// port) or junk.
    static ConsoleEndpoint endpointFromSpec(const QString &spec);

private:
    ConventionConfig readProcServUtils(const QString &name) const;
    /// @p fileName: the convention's file name, "%1" the IOC name.
    ConventionConfig readIocRunner(const QString &name, const QString &fileName) const;
    /// @p fileName ("%1" the IOC name) under the first base that has one: a sourced shell
    /// fragment (@p shell, manage-iocs) or a systemd EnvironmentFile= (FRIB).
    ConventionConfig readShellConfig(const QStringList &bases, const QString &name,
                                     const QString &fileName, bool shell) const;
    /// An EnvironmentFile= read by systemd's rules (parseEnvironmentFile()).
    static void readEnvironmentFile(const QString &path, const QByteArray &data,
                                    ConventionConfig *config);

    QStringList m_procServConfigDirs;
    QStringList m_iocSearchPath;
    QStringList m_fribConfigDirs;
    QString m_runtimeDir = QStringLiteral("/run");
    const IocFileView *m_view = nullptr;
};
