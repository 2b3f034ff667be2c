// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/hosts/filesource.h"

#include "core/hosts/host.h"
#include "core/hosts/remotefilereader.h"

#include <QFile>

FileSource::FileSource(const Host *host, QObject *parent)
    : QObject(parent)
{
    if (!host->isLocal()) {
        m_remote = new RemoteFileReader(host, this);
        connect(m_remote, &RemoteFileReader::fileRead, this, &FileSource::handleFileRead);
    }
}

FileContents FileSource::read(const QString &key, const QString &path, qint64 maxSize)
{
    FileContents result;
    if (!m_remote) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            result.error = tr("Cannot read %1: %2").arg(path, file.errorString());
            return result;
        }
        result.data = file.read(maxSize < 0 ? RemoteFileReader::maxFileSize : maxSize);
        return result;
    }
    // What was read last, read again when it is old.
    m_keysByFile[path].insert(key);
    m_remote->request(path);
    RemoteFileReader::File remote;
    if (!m_remote->cached(path, &remote)) {
        result.pending = true;
        return result;
    }
    result.data = remote.data;
    result.error = remote.error;
    return result;
}

void FileSource::forget(const QString &key)
{
    for (auto it = m_keysByFile.begin(); it != m_keysByFile.end();) {
        it->remove(key);
        it = it->isEmpty() ? m_keysByFile.erase(it) : std::next(it);
    }
}

void FileSource::expireAll()
{
    if (m_remote)
        m_remote->expireAll();
}

void FileSource::handleFileRead(const QString &path, bool changed)
{
    const QSet<QString> keys = m_keysByFile.value(path);
    emit filesRead(QStringList(keys.cbegin(), keys.cend()), changed);
}
