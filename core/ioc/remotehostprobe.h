// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/iocfileview.h"
#include "core/ioc/iocwriter.h"

#include <QObject>

#include <functional>

class Host;

/// What IocWriter needs to know of an SSH host, asked through the host's connection (its SSH
/// ControlMaster, BatchMode: never a prompt) by small POSIX sh scripts that only look:
/// probeLayout() reads the remote account's environment ($HOME, $XDG_*, $PATH) and the TCP
/// ports listening there (/proc/net/tcp, /proc/net/tcp6); probePaths() reports, for each path,
/// whether it exists, its kind, whether it is executable (by this account, and by everyone)
/// and, for a folder, whether this account may write in it, its sub-folders and *.conf files;
/// and the contents of the config files planning reads (procServUtils' INI files).
class RemoteHostProbe : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const QString &error)>;

    explicit RemoteHostProbe(const Host *host, QObject *parent = nullptr);

    void probeLayout(Done done);
    /// The host's layout, once probeLayout() succeeded.
    IocHostLayout layout() const { return m_layout; }
    /// Adds @p paths, @p accounts and the bytes of the files @p contents (up to 1 MiB each) to
    /// the snapshot.
    void probePaths(const QStringList &paths, const QStringList &accounts,
                    const QStringList &contents, Done done);
    SnapshotFileView &view() { return m_view; }

    /// The layout of a manager whose account has the environment @p env (HOME, XDG_CONFIG_HOME,
    /// XDG_RUNTIME_DIR, XDG_STATE_HOME, PATH, IOCDOCK_IOC_PATH, MANAGE_IOCS_SEARCH_PATH; and
    /// ".account", ".group", ".host": `id -un`, `id -gn`, `uname -n`), in the conventions' own
    /// default places.
    static IocHostLayout layoutFor(bool userManager, const QHash<QString, QString> &env);

private:
    void run(const QString &script, const QStringList &args,
             std::function<void(const QByteArray &out)> parse, Done done);

    const Host *m_host;
    IocHostLayout m_layout;
    SnapshotFileView m_view;
};
