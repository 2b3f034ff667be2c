// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/systemd/unitfile.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <functional>

class Host;

/// Reads service unit files, their drop-ins (NAME.service.d/*.conf and the prefix and
/// template folders, across the manager's unit search path) and the EnvironmentFile= files
/// their ExecStart needs — as text, never executed. Local hosts: read in a worker thread, so
/// the GUI thread never waits for the disk. SSH hosts: one `ssh` call for the unit files and
/// drop-ins of a whole batch, one more for environment files, through the host's connection
/// master.
class UnitFileSource : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QString unit; // as systemd names it
        QString fragmentPath; // the file ListUnitFiles gave
    };
    struct Result
    {
        QString unit;
        UnitFile file; // parsed fragment and drop-ins
        QHash<QString, QByteArray> environmentFiles; // path ('-' stripped) -> contents read
        QString error; // why the file could not be read; empty when it was
    };

    /// Files larger than this are not unit files: their read fails.
    static constexpr qint64 maxFileSize = 1024 * 1024;

    explicit UnitFileSource(const Host *host, QObject *parent = nullptr);
    /// Waits for a local read in progress (small files: milliseconds).
    ~UnitFileSource() override;

    /// Reads every request and calls @p done once, in @p context's thread, with one result
    /// per request (same order), then one for each enabled instance of @p templates
    /// ("foo@.service" and its file): an instance linked into a *.wants, *.requires or
    /// *.upholds folder of the search path, read from its template. Not called when
    /// @p context is gone.
    void read(const QList<Request> &requests, const QList<Request> &templates, QObject *context,
              std::function<void(const QList<Result> &)> done);

    /// Bound for one ssh call (default 30 s).
    void setTimeout(int msecs) { m_timeout = msecs; }

    /// Reads local files (the worker's job; public for tests and benchmarks): blocking.
    static QList<Result> readLocal(const QList<Request> &requests, const QList<Request> &templates,
                                   bool userManager);
    /// Splits what the remote script printed: "\x1ePATH\x1eSIZE\n" then SIZE bytes, per file;
    /// "\x1fPATH\n" for a link to an instance (@p links). False when the stream is cut or out
    /// of step.
    static bool parseDump(const QByteArray &dump, QList<QPair<QString, QByteArray>> *files,
                          QStringList *links = nullptr);
    /// The sh script that dumps @p files and every *.conf of the *.service.d and service.d
    /// folders of @p searchPath (entries may hold ${VAR} for the remote shell to expand), and
    /// names the instance links (*@*.service) in its *.wants, *.requires and *.upholds folders.
    static QString dumpScript(const QStringList &files, const QStringList &searchPath);
    /// The enabled instances of @p templates among @p links (paths of instance links), each
    /// once, as requests to read from their template.
    static QList<Request> instancesOf(const QList<Request> &templates, const QStringList &links);
    /// Builds the results from dumped files: fragment, then the drop-ins that apply to each
    /// unit (higher-priority folder wins for one file name, applied in file-name order).
    static QList<Result> assemble(const QList<Request> &requests,
                                  const QList<QPair<QString, QByteArray>> &files);

private:
    void readRemote(const QList<Request> &requests, const QList<Request> &templates,
                    QObject *context, std::function<void(const QList<Result> &)> done);
    void runDump(const QString &script,
                 std::function<void(const QList<QPair<QString, QByteArray>> &,
                                    const QStringList &links, const QString &error)>
                         done);

    const Host *m_host;
    QThreadPool m_pool;
    int m_timeout = 30000;
};
