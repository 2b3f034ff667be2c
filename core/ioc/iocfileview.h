// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

/// What IocWriter's planning reads of a host's file system: existence, kinds, permissions,
/// folders, the account database and free localhost ports. LocalFileView reads this machine;
/// SnapshotFileView answers from what one probe of a remote host reported (and records every
/// question it was asked, so a first planning pass on an empty snapshot names the paths to probe).
class IocFileView
{
public:
    virtual ~IocFileView() = default;
    /// A file, folder or symbolic link (even a dangling one) is there.
    virtual bool exists(const QString &path) const = 0;
    virtual bool isDir(const QString &path) const = 0;
    virtual bool isFile(const QString &path) const = 0;
    virtual bool isSymLink(const QString &path) const = 0;
    /// A regular file this account may execute.
    virtual bool isExecutable(const QString &path) const = 0;
    /// Execute bits set for owner, group and others (procServ requires it).
    virtual bool isExecutableByAll(const QString &path) const = 0;
    /// This account may create and remove entries in the folder @p dir.
    virtual bool canWriteIn(const QString &dir) const = 0;
    /// The sub-folders of @p dir (names).
    virtual QStringList subdirs(const QString &dir) const = 0;
    virtual bool accountExists(const QString &name) const = 0;
    /// Nothing listens on this localhost TCP port.
    virtual bool portFree(quint16 port) const = 0;
    /// Where a relative --chdir starts.
    virtual QString currentDir() const = 0;
    /// Whether the conventions' config files can be read here (ConventionConfigReader reads
    /// this machine only).
    virtual bool readsConfigs() const = 0;
    /// A small text file's bytes; false with *error (translated) when it cannot be read.
    virtual bool readFile(const QString &path, QByteArray *data, QString *error) const = 0;
    /// The *.conf files of the folder @p dir (paths, sorted by name).
    virtual QStringList confFiles(const QString &dir) const = 0;
};

class LocalFileView : public IocFileView
{
public:
    bool exists(const QString &path) const override;
    bool isDir(const QString &path) const override;
    bool isFile(const QString &path) const override;
    bool isSymLink(const QString &path) const override;
    bool isExecutable(const QString &path) const override;
    bool isExecutableByAll(const QString &path) const override;
    bool canWriteIn(const QString &dir) const override;
    QStringList subdirs(const QString &dir) const override;
    bool accountExists(const QString &name) const override;
    bool portFree(quint16 port) const override;
    QString currentDir() const override;
    bool readsConfigs() const override { return true; }
    bool readFile(const QString &path, QByteArray *data, QString *error) const override;
    QStringList confFiles(const QString &dir) const override;
};

/// A remote host's file system as one probe saw it (RemoteHostProbe). A path not in the
/// snapshot is answered as absent and remembered in asked(), so that the caller can probe it.
class SnapshotFileView : public IocFileView
{
public:
    struct Entry
    {
        bool exists = false;
        bool dir = false;
        bool file = false;
        bool symLink = false;
        bool executable = false;
        bool executableByAll = false;
        bool writable = false; ///< a folder this account may write in
        QStringList subdirs;
        QStringList confFiles; ///< a folder's *.conf files (names)
    };
    QHash<QString, Entry> entries;
    QHash<QString, bool> accounts;
    QHash<QString, QByteArray> contents; ///< files read (path -> bytes)
    QHash<QString, QString> readErrors; ///< files that could not be read (path -> why)
    QSet<quint16> listeningPorts;
    bool portsKnown = false; ///< false: no port is taken for free
    QString home;

    bool exists(const QString &path) const override { return entry(path).exists; }
    bool isDir(const QString &path) const override { return entry(path).dir; }
    bool isFile(const QString &path) const override { return entry(path).file; }
    bool isSymLink(const QString &path) const override { return entry(path).symLink; }
    bool isExecutable(const QString &path) const override
    {
        const Entry e = entry(path);
        return e.file && e.executable;
    }
    bool isExecutableByAll(const QString &path) const override
    {
        return entry(path).executableByAll;
    }
    bool canWriteIn(const QString &dir) const override { return entry(dir).writable; }
    QStringList subdirs(const QString &dir) const override { return entry(dir).subdirs; }
    bool accountExists(const QString &name) const override;
    bool portFree(quint16 port) const override
    {
        return portsKnown && !listeningPorts.contains(port);
    }
    QString currentDir() const override { return home; }
    bool readsConfigs() const override { return false; }
    bool readFile(const QString &path, QByteArray *data, QString *error) const override;
    QStringList confFiles(const QString &dir) const override;

    void clearAsked()
    {
        m_asked.clear();
        m_askedAccounts.clear();
        m_askedContents.clear();
    }
    /// Files whose contents were asked for and are not in the snapshot.
    QStringList askedContents() const
    {
        return QStringList(m_askedContents.cbegin(), m_askedContents.cend());
    }
    /// Paths and accounts asked for that the snapshot does not hold.
    QStringList askedPaths() const { return QStringList(m_asked.cbegin(), m_asked.cend()); }
    QStringList askedAccounts() const
    {
        return QStringList(m_askedAccounts.cbegin(), m_askedAccounts.cend());
    }

private:
    Entry entry(const QString &path) const;
    mutable QSet<QString> m_asked;
    mutable QSet<QString> m_askedAccounts;
    mutable QSet<QString> m_askedContents;
};
