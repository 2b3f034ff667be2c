// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/hosts/unitfilesource.h"

#include "core/hosts/host.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMap>
#include <QProcess>
#include <QSet>
#include <QTimer>

#include <memory>

Q_LOGGING_CATEGORY(lcUnitFiles, "iocdock.hosts.unitfiles", QtWarningMsg)

namespace {

using Dump = QList<QPair<QString, QByteArray>>;

bool isDropInDir(const QString &name)
{
    return name.endsWith(QLatin1String(".service.d")) || name == QLatin1String("service.d");
}

bool needsEnvironment(const UnitFile &file)
{
    return !file.environmentFiles.isEmpty()
            && file.execArgv.join(QLatin1Char(' ')).contains(QLatin1Char('$'));
}

QStringList environmentPaths(const QList<UnitFileSource::Result> &results)
{
    QStringList paths;
    for (const UnitFileSource::Result &result : results) {
        if (!needsEnvironment(result.file))
            continue;
        for (const QString &entry : result.file.environmentFiles) {
            const QString path = entry.startsWith(QLatin1Char('-')) ? entry.mid(1) : entry;
            if (!paths.contains(path))
                paths << path;
        }
    }
    return paths;
}

void attachEnvironment(QList<UnitFileSource::Result> &results,
                       const QHash<QString, QByteArray> &read)
{
    for (UnitFileSource::Result &result : results) {
        if (!needsEnvironment(result.file))
            continue;
        for (const QString &entry : std::as_const(result.file.environmentFiles)) {
            const QString path = entry.startsWith(QLatin1Char('-')) ? entry.mid(1) : entry;
            const auto it = read.constFind(path);
            if (it != read.constEnd())
                result.environmentFiles.insert(path, it.value());
        }
    }
}

bool readSmallFile(const QString &path, QByteArray *data)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    *data = file.read(UnitFileSource::maxFileSize + 1);
    return data->size() <= UnitFileSource::maxFileSize;
}

} // namespace

UnitFileSource::UnitFileSource(const Host *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
{
    m_pool.setMaxThreadCount(1);
}

UnitFileSource::~UnitFileSource()
{
    m_pool.waitForDone();
}

QList<UnitFileSource::Request> UnitFileSource::instancesOf(const QList<Request> &templates,
                                                           const QStringList &links)
{
    QHash<QString, QString> templatePaths; // "foo@.service" -> file
    for (const Request &t : templates)
        templatePaths.insert(t.unit, t.fragmentPath);
    QList<Request> instances;
    QSet<QString> seen;
    for (const QString &link : links) {
        const QString name = link.mid(link.lastIndexOf(QLatin1Char('/')) + 1);
        const int at = name.indexOf(QLatin1Char('@'));
        if (at <= 0 || !name.endsWith(QLatin1String(".service"))
            || name.endsWith(QLatin1String("@.service")))
            continue;
        const QString templateName = name.left(at + 1) + QStringLiteral(".service");
        const auto it = templatePaths.constFind(templateName);
        if (it == templatePaths.constEnd() || seen.contains(name))
            continue;
        seen.insert(name);
        instances.append({ name, it.value() });
    }
    return instances;
}

QList<UnitFileSource::Result> UnitFileSource::readLocal(const QList<Request> &requestsIn,
                                                        const QList<Request> &templates,
                                                        bool userManager)
{
    const QStringList searchPath = UnitFile::searchPath(userManager);
    QList<Request> requests = requestsIn;
    if (!templates.isEmpty()) {
        QStringList links;
        for (const QString &dir : searchPath) {
            const QStringList wants =
                    QDir(dir).entryList({ QStringLiteral("*.wants"), QStringLiteral("*.requires"),
                                          QStringLiteral("*.upholds") },
                                        QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
            for (const QString &sub : wants) {
                const QStringList entries =
                        QDir(dir + QLatin1Char('/') + sub)
                                .entryList({ QStringLiteral("*@*.service") },
                                           QDir::Files | QDir::System, QDir::Name);
                for (const QString &entry : entries)
                    links << dir + QLatin1Char('/') + sub + QLatin1Char('/') + entry;
            }
        }
        requests += instancesOf(templates, links);
    }
    Dump files;
    for (const Request &request : std::as_const(requests)) {
        QByteArray data;
        if (readSmallFile(request.fragmentPath, &data))
            files.append({ request.fragmentPath, data });
    }
    // Every drop-in folder of a service in the search path, listed once per folder.
    for (const QString &dir : searchPath) {
        const QStringList subdirs =
                QDir(dir).entryList({ QStringLiteral("*.service.d"), QStringLiteral("service.d") },
                                    QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (const QString &sub : subdirs) {
            const QString folder = dir + QLatin1Char('/') + sub;
            const QStringList confs =
                    QDir(folder).entryList({ QStringLiteral("*.conf") }, QDir::Files, QDir::Name);
            for (const QString &conf : confs) {
                QByteArray data;
                const QString path = folder + QLatin1Char('/') + conf;
                if (readSmallFile(path, &data))
                    files.append({ path, data });
            }
        }
    }
    QList<Result> results = assemble(requests, files);
    QHash<QString, QByteArray> environment;
    const QStringList envPaths = environmentPaths(results);
    for (const QString &path : envPaths) {
        QByteArray data;
        if (readSmallFile(path, &data))
            environment.insert(path, data);
    }
    attachEnvironment(results, environment);
    return results;
}

QList<UnitFileSource::Result> UnitFileSource::assemble(const QList<Request> &requests,
                                                       const Dump &files)
{
    QHash<QString, QByteArray> byPath;
    // folder name ("foo.service.d") -> (file name -> path), first (highest priority) wins
    QHash<QString, QMap<QString, QString>> dropIns;
    for (const auto &file : files) {
        byPath.insert(file.first, file.second);
        const QFileInfo info(file.first);
        const QString folder = info.dir().dirName();
        if (!isDropInDir(folder) || !info.fileName().endsWith(QLatin1String(".conf")))
            continue;
        QMap<QString, QString> &confs = dropIns[folder];
        if (!confs.contains(info.fileName()))
            confs.insert(info.fileName(), file.first);
    }
    QList<Result> results;
    results.reserve(requests.size());
    for (const Request &request : requests) {
        Result result;
        result.unit = request.unit;
        const auto fragment = byPath.constFind(request.fragmentPath);
        if (fragment == byPath.constEnd()) {
            result.error = tr("Cannot read the unit file %1.").arg(request.fragmentPath);
            results.append(result);
            continue;
        }
        QList<UnitFile::Part> parts{ { request.fragmentPath, fragment.value() } };
        QMap<QString, QString> chosen; // file name -> path; a more specific folder wins
        const QStringList folders = UnitFile::dropInDirNames(request.unit);
        for (const QString &folder : folders) {
            const QMap<QString, QString> confs = dropIns.value(folder);
            for (auto it = confs.constBegin(); it != confs.constEnd(); ++it) {
                if (!chosen.contains(it.key()))
                    chosen.insert(it.key(), it.value());
            }
        }
        for (auto it = chosen.constBegin(); it != chosen.constEnd(); ++it)
            parts.append({ it.value(), byPath.value(it.value()) });
        result.file = UnitFile::parse(parts);
        results.append(result);
    }
    return results;
}

void UnitFileSource::read(const QList<Request> &requests, const QList<Request> &templates,
                          QObject *context, std::function<void(const QList<Result> &)> done)
{
    if (!m_host->isLocal()) {
        readRemote(requests, templates, context, std::move(done));
        return;
    }
    const bool user = m_host->isUserManager();
    QPointer<QObject> guard(context);
    m_pool.start([this, requests, templates, user, guard, done = std::move(done)]() mutable {
        const QList<Result> results = readLocal(requests, templates, user);
        // `this` outlives the worker (the destructor waits); the queued call is dropped
        // when this object goes first.
        QMetaObject::invokeMethod(
                this,
                [guard, results, done = std::move(done)] {
                    if (guard)
                        done(results);
                },
                Qt::QueuedConnection);
    });
}

QString UnitFileSource::dumpScript(const QStringList &files, const QStringList &searchPath)
{
    // Each file as "\036PATH\036SIZE\n" and its bytes; nothing else reaches stdout.
    QString script =
            QStringLiteral(
                    "d() { [ -f \"$1\" ] && [ -r \"$1\" ] || return 0; "
                    "n=$(head -c %1 -- \"$1\" 2>/dev/null | wc -c) || return 0; "
                    "printf '\\036%s\\036%s\\n' \"$1\" \"$n\"; head -c \"$n\" -- \"$1\"; }\n")
                    .arg(maxFileSize);
    for (const QString &file : files)
        script += QStringLiteral("d ") + Host::shellQuote(file) + QLatin1Char('\n');
    for (const QString &dir : searchPath) {
        // The folder may hold ${VAR} for this shell to expand: double quotes, not single.
        script +=
                QStringLiteral("for f in \"%1\"/*.service.d/*.conf \"%1\"/service.d/*.conf; "
                               "do d \"$f\"; done\n"
                               "for f in \"%1\"/*.wants/*@*.service \"%1\"/*.requires/*@*.service "
                               "\"%1\"/*.upholds/*@*.service; do if [ -e \"$f\" ]; then "
                               "printf '\\037%s\\n' \"$f\"; fi; done\n")
                        .arg(dir);
    }
    return script;
}

bool UnitFileSource::parseDump(const QByteArray &dump, Dump *files, QStringList *links)
{
    int pos = 0;
    while (pos < dump.size()) {
        if (dump.at(pos) == '\037') {
            const int nl = dump.indexOf('\n', pos + 1);
            if (nl < 0)
                return false;
            if (links)
                links->append(QString::fromUtf8(dump.mid(pos + 1, nl - pos - 1)));
            pos = nl + 1;
            continue;
        }
        if (dump.at(pos) != '\036')
            return false;
        const int sep = dump.indexOf('\036', pos + 1);
        const int nl = sep < 0 ? -1 : dump.indexOf('\n', sep + 1);
        if (sep < 0 || nl < 0)
            return false;
        bool ok = false;
        const int size = dump.mid(sep + 1, nl - sep - 1).toInt(&ok);
        if (!ok || size < 0 || nl + 1 + size > dump.size())
            return false;
        files->append(
                { QString::fromUtf8(dump.mid(pos + 1, sep - pos - 1)), dump.mid(nl + 1, size) });
        pos = nl + 1 + size;
    }
    return true;
}

void UnitFileSource::runDump(
        const QString &script,
        std::function<void(const Dump &, const QStringList &, const QString &)> done)
{
    const QStringList argv =
            m_host->commandOnHost({ QStringLiteral("sh"), QStringLiteral("-c"), script });
    auto *process = new QProcess(this);
    process->setStandardInputFile(QProcess::nullDevice());
    auto finished = std::make_shared<
            std::function<void(const Dump &, const QStringList &, const QString &)>>(
            std::move(done));
    auto *timer = new QTimer(process);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, process, [this, process, finished] {
        process->disconnect(this);
        process->kill();
        process->deleteLater();
        (*finished)({}, {}, tr("Reading unit files on %1 timed out.").arg(m_host->displayName()));
    });
    connect(process, &QProcess::errorOccurred, this,
            [this, process, finished](QProcess::ProcessError error) {
                if (error != QProcess::FailedToStart)
                    return; // finished() follows
                process->disconnect(this);
                process->deleteLater();
                (*finished)({}, {},
                            tr("Cannot read unit files on %1: %2")
                                    .arg(m_host->displayName(), process->errorString()));
            });
    connect(process, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), this,
            [this, process, finished](int code, QProcess::ExitStatus status) {
                process->disconnect(this);
                process->deleteLater();
                const QByteArray out = process->readAllStandardOutput();
                Dump files;
                QStringList links;
                if (status != QProcess::NormalExit || code != 0
                    || !parseDump(out, &files, &links)) {
                    const QString why = QString::fromLocal8Bit(process->readAllStandardError())
                                                .trimmed()
                                                .section(QLatin1Char('\n'), -1);
                    (*finished)(
                            {}, {},
                            why.isEmpty()
                                    ? tr("Cannot read unit files on %1.").arg(m_host->displayName())
                                    : tr("Cannot read unit files on %1: %2")
                                              .arg(m_host->displayName(), why));
                    return;
                }
                (*finished)(files, links, {});
            });
    process->start(argv.first(), argv.mid(1));
    timer->start(m_timeout);
}

void UnitFileSource::readRemote(const QList<Request> &requests, const QList<Request> &templates,
                                QObject *context, std::function<void(const QList<Result> &)> done)
{
    QStringList fragments;
    for (const Request &request : requests)
        fragments << request.fragmentPath;
    for (const Request &request : templates)
        fragments << request.fragmentPath;
    const QStringList searchPath = UnitFile::remoteSearchPath(m_host->isUserManager());
    QPointer<QObject> guard(context);
    auto callback = std::make_shared<std::function<void(const QList<Result> &)>>(std::move(done));
    runDump(dumpScript(fragments, searchPath),
            [this, requests, templates, guard,
             callback](const Dump &files, const QStringList &links, const QString &error) {
                if (!guard)
                    return;
                const QList<Request> all = requests + instancesOf(templates, links);
                if (!error.isEmpty()) {
                    QList<Result> failed;
                    for (const Request &request : all)
                        failed.append(Result{ request.unit, {}, {}, error });
                    (*callback)(failed);
                    return;
                }
                auto results = std::make_shared<QList<Result>>(assemble(all, files));
                const QStringList envPaths = environmentPaths(*results);
                if (envPaths.isEmpty()) {
                    (*callback)(*results);
                    return;
                }
                // Second round: the environment files that ExecStart's $VARs need.
                runDump(dumpScript(envPaths, {}),
                        [guard, callback, results](const Dump &env, const QStringList &,
                                                   const QString &envError) {
                            if (!guard)
                                return;
                            if (envError.isEmpty()) {
                                QHash<QString, QByteArray> read;
                                for (const auto &file : env)
                                    read.insert(file.first, file.second);
                                attachEnvironment(*results, read);
                            }
                            (*callback)(*results);
                        });
            });
}
