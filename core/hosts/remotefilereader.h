// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>

class Host;

/// Reads small files (environment files) on a host that QFile cannot reach: through the
/// host's ssh connection master, `head -c` bounding what comes back. Asynchronous; keeps the
/// last result of each path so callers can use it at once and ask again later. For a local
/// host it runs `head` here. Never writes anything, never executes the file.
class RemoteFileReader : public QObject
{
    Q_OBJECT
public:
    /// What a read gave: the bytes, or why there are none.
    struct File
    {
        QByteArray data;
        QString error; // translated; empty when the file was read
        bool missing = false; // the file does not exist (error says so too)
        bool operator==(const File &other) const
        {
            return data == other.data && error == other.error && missing == other.missing;
        }
        bool operator!=(const File &other) const { return !(*this == other); }
    };

    /// Bigger files are not environment files: their read fails.
    static constexpr qint64 maxFileSize = 1024 * 1024;

    explicit RemoteFileReader(const Host *host, QObject *parent = nullptr);

    /// The last result for @p path; false when it was never read.
    bool cached(const QString &path, File *file) const;
    /// Reads @p path unless a read of it is running or the last one is younger than maxAge().
    void request(const QString &path);
    /// True while a read of @p path is running.
    bool isReading(const QString &path) const;
    /// Results older than this are read again at the next request() (default 30 s).
    void setMaxAge(int msecs) { m_maxAge = msecs; }
    /// Bound for one read (ssh and head), default 15 s.
    void setTimeout(int msecs) { m_timeout = msecs; }
    /// Every path is read again at its next request() (after a daemon reload, say); the old
    /// results stay available meanwhile.
    void expireAll();

signals:
    /// A read of @p path finished; @p changed when the result differs from the one before
    /// (or is the first).
    void fileRead(const QString &path, bool changed);

private:
    struct Entry
    {
        File file;
        bool known = false;
        bool reading = false;
        bool expired = false;
        QElapsedTimer age;
    };
    void finish(const QString &path, const File &file);

    const Host *m_host;
    QHash<QString, Entry> m_entries;
    int m_maxAge = 30000;
    int m_timeout = 15000;
};
