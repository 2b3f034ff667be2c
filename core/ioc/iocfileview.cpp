// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/iocfileview.h"

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
