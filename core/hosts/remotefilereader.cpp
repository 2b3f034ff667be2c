// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/hosts/remotefilereader.h"

#include "core/hosts/host.h"

#include <QLoggingCategory>
#include <QProcess>
#include <QTimer>

Q_LOGGING_CATEGORY(lcRemoteFiles, "iocdock.hosts.files", QtWarningMsg)

RemoteFileReader::RemoteFileReader(const Host *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
{}

bool RemoteFileReader::cached(const QString &path, File *file) const
{
    const auto it = m_entries.constFind(path);
    if (it == m_entries.constEnd() || !it->known)
        return false;
    *file = it->file;
    return true;
}

bool RemoteFileReader::isReading(const QString &path) const
{
    return m_entries.value(path).reading;
}

void RemoteFileReader::expireAll()
{
    for (Entry &entry : m_entries)
        entry.expired = true;
}

void RemoteFileReader::request(const QString &path)
{
    Entry &entry = m_entries[path];
    if (entry.reading
        || (entry.known && !entry.expired && entry.age.isValid() && entry.age.elapsed() < m_maxAge))
        return;
    entry.reading = true;
    entry.expired = false;

    // One byte more than allowed tells "too large" from "exactly the limit".
    const QStringList argv =
            m_host->commandOnHost({ QStringLiteral("head"), QStringLiteral("-c"),
                                    QString::number(maxFileSize + 1), QStringLiteral("--"), path });
    auto *process = new QProcess(this);
    process->setStandardInputFile(QProcess::nullDevice());
    auto *timer = new QTimer(process);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, process, [this, process, path] {
        process->disconnect(this);
        process->kill();
        process->deleteLater();
        finish(path,
               File{ {},
                     tr("Reading %1 on %2 timed out.").arg(path, m_host->displayName()),
                     false });
    });
    connect(process, &QProcess::errorOccurred, this,
            [this, process, path](QProcess::ProcessError error) {
                if (error != QProcess::FailedToStart)
                    return; // finished() follows
                process->disconnect(this);
                process->deleteLater();
                finish(path,
                       File{ {},
                             tr("Cannot read %1: %2 did not start (%3).")
                                     .arg(path, process->program(), process->errorString()),
                             false });
            });
    connect(process, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), this,
            [this, process, path](int code, QProcess::ExitStatus status) {
                process->disconnect(this);
                process->deleteLater();
                File file;
                const QString stderrText =
                        QString::fromLocal8Bit(process->readAllStandardError()).trimmed();
                if (status == QProcess::NormalExit && code == 0) {
                    file.data = process->readAllStandardOutput();
                    if (file.data.size() > maxFileSize) {
                        file.data.clear();
                        file.error = tr("%1 is too large for an environment file.").arg(path);
                    }
                } else {
                    // head says "cannot open 'PATH' for reading: No such file or directory";
                    // ssh (exit 255) says why it could not reach the host.
                    file.missing = stderrText.contains(QLatin1String("No such file or directory"));
                    file.error = stderrText.isEmpty()
                            ? tr("Cannot read %1 on %2.").arg(path, m_host->displayName())
                            : tr("Cannot read %1 on %2: %3")
                                      .arg(path, m_host->displayName(),
                                           stderrText.section(QLatin1Char('\n'), -1));
                }
                finish(path, file);
            });
    qCDebug(lcRemoteFiles) << "reading" << path << "on" << m_host->id();
    process->start(argv.first(), argv.mid(1));
    timer->start(m_timeout);
}

void RemoteFileReader::finish(const QString &path, const File &file)
{
    Entry &entry = m_entries[path];
    const bool changed = !entry.known || entry.file != file;
    entry.file = file;
    entry.known = true;
    entry.reading = false;
    entry.age.start();
    qCDebug(lcRemoteFiles) << "read" << path << file.data.size() << "bytes" << file.error;
    emit fileRead(path, changed);
}
