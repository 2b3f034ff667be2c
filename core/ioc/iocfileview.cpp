// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/iocfileview.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QTcpServer>

#include <fcntl.h>
#include <pwd.h>
#include <unistd.h>

bool LocalFileView::exists(const QString &path) const
{
    return QFileInfo::exists(path) || QFileInfo(path).isSymLink();
}

bool LocalFileView::isDir(const QString &path) const
{
    return QFileInfo(path).isDir();
}

bool LocalFileView::isFile(const QString &path) const
{
    return QFileInfo(path).isFile();
}

bool LocalFileView::isSymLink(const QString &path) const
{
    return QFileInfo(path).isSymLink();
}

bool LocalFileView::isExecutable(const QString &path) const
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

bool LocalFileView::isExecutableByAll(const QString &path) const
{
    const auto all = QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther;
    return (QFileInfo(path).permissions() & all) == all;
}

bool LocalFileView::canWriteIn(const QString &dir) const
{
    // The effective IDs decide what this process may write (a setuid caller, a test).
    return faccessat(AT_FDCWD, QFile::encodeName(dir).constData(), W_OK | X_OK, AT_EACCESS) == 0;
}

QStringList LocalFileView::subdirs(const QString &dir) const
{
    return QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
}

bool LocalFileView::accountExists(const QString &name) const
{
    return getpwnam(name.toLocal8Bit().constData()) != nullptr;
}

bool LocalFileView::portFree(quint16 port) const
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, port);
}

QString LocalFileView::currentDir() const
{
    return QDir::currentPath();
}

bool LocalFileView::readFile(const QString &path, QByteArray *data, QString *error) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    *data = file.readAll();
    return true;
}

QStringList LocalFileView::confFiles(const QString &dir) const
{
    QStringList files;
    const QDir folder(dir);
    const QStringList names = folder.entryList(
            { QStringLiteral("*.conf") }, QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
    for (const QString &name : names)
        files << folder.filePath(name);
    return files;
}

bool SnapshotFileView::readFile(const QString &path, QByteArray *data, QString *error) const
{
    const QString clean = QDir::cleanPath(path);
    const auto it = contents.constFind(clean);
    if (it != contents.cend()) {
        *data = *it;
        return true;
    }
    if (readErrors.contains(clean)) {
        *error = readErrors.value(clean);
        return false;
    }
    m_askedContents.insert(clean);
    *error = QCoreApplication::translate("SnapshotFileView", "not read yet");
    return false;
}

QStringList SnapshotFileView::confFiles(const QString &dir) const
{
    QStringList names = entry(dir).confFiles;
    names.sort();
    QStringList files;
    for (const QString &name : std::as_const(names))
        files << QDir(dir).filePath(name);
    return files;
}

bool SnapshotFileView::accountExists(const QString &name) const
{
    const auto it = accounts.constFind(name);
    if (it == accounts.cend()) {
        m_askedAccounts.insert(name);
        return false;
    }
    return *it;
}

SnapshotFileView::Entry SnapshotFileView::entry(const QString &path) const
{
    const QString clean = QDir::cleanPath(path);
    const auto it = entries.constFind(clean);
    if (it == entries.cend()) {
        m_asked.insert(clean);
        return {};
    }
    return *it;
}
