// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/hosts/filecontents.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>

class Host;
class RemoteFileReader;

/// The small files of one host that an Inventory's rows depend on (EnvironmentFile= files,
/// /proc/MAINPID/cmdline), read as bytes, never executed, behind one interface whatever the
/// host's kind. Local host: read at once from this machine's disk. SSH host: through
/// RemoteFileReader (the host's connection master): read() gives what was read last and asks
/// again when it is old; until a first answer it is pending, and filesRead() tells the rows
/// that use the file when it arrives or changes. (Unit files of units systemd has not loaded
/// are read in batches by UnitFileSource.)
class FileSource : public QObject
{
    Q_OBJECT
public:
    explicit FileSource(const Host *host, QObject *parent = nullptr);

    /// The contents of @p path for the row @p key, which filesRead() names when the file
    /// arrives or changes. A local host reads at most @p maxSize bytes (-1: the size up to
    /// which an SSH host reads a file, RemoteFileReader::maxFileSize; it refuses larger ones).
    FileContents read(const QString &key, const QString &path, qint64 maxSize = -1);
    /// @p key uses none of its files any more.
    void forget(const QString &key);
    /// Every file is read again at its next read() (after a daemon reload: a reload is how
    /// changed environment files take effect); the old contents serve meanwhile.
    void expireAll();

signals:
    /// A read of one file finished (SSH hosts only): @p keys are the rows that asked for it;
    /// @p changed when its contents differ from the read before (or it is the first).
    void filesRead(const QStringList &keys, bool changed);

private:
    void handleFileRead(const QString &path, bool changed);

    RemoteFileReader *m_remote = nullptr; ///< null for a local host
    QHash<QString, QSet<QString>> m_keysByFile; ///< path -> keys that read it (SSH hosts)
};
