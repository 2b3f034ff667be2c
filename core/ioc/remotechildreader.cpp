// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/remotechildreader.h"

#include "core/hosts/host.h"
#include "core/ioc/childtracker.h"

#include <QLoggingCategory>
#include <QProcess>
#include <QTimer>

#include <memory>

Q_LOGGING_CATEGORY(lcRemoteChildren, "iocdock.hosts.children", QtWarningMsg)

RemoteChildReader::RemoteChildReader(const Host *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
{}

bool RemoteChildReader::isReadableLogPath(const QString &path)
{
    return path.startsWith(QLatin1Char('/')) && !path.contains(QLatin1Char('\n'))
            && !path.contains(QChar());
}

QString RemoteChildReader::script(const QList<quint32> &pids, const QStringList &logFiles)
{
    QStringList list;
    for (const quint32 pid : pids)
        list << QString::number(pid);
    // Shell builtins only (one getconf): the host's cost stays small with many IOCs. r()
    // reads the first line of a file and says it was read only when the file was there
    // before and after the read: a process gone meanwhile gives nothing, not an empty file
    // (an empty children file means the child is shut down). LC_ALL=C: bytes stay bytes.
    QString script =
            QStringLiteral("LC_ALL=C; export LC_ALL\n"
                           "r() { v=; [ -r \"$1\" ] || return 1; IFS= read -r v 2>/dev/null "
                           "<\"$1\"; [ -r \"$1\" ]; }\n"
                           "b=; while read -r k x; do if [ \"$k\" = btime ]; then b=$x; "
                           "break; fi; done </proc/stat\n"
                           "printf 'B %s\\nH %s\\n' \"$b\" \"$(getconf CLK_TCK "
                           "2>/dev/null)\"\n"
                           "for p in %1; do\n"
                           "printf '@ %s\\n' \"$p\"\n"
                           "r /proc/$p/comm && printf 'c %s\\n' \"$v\"\n"
                           "r /proc/$p/stat && printf 's %s\\n' \"$v\"\n"
                           "if r /proc/$p/task/$p/children; then printf 'k %s\\n' \"$v\"; "
                           "c=${v%% *}; [ -n \"$c\" ] && r /proc/$c/stat && printf 'C %s\\n' "
                           "\"$v\"; fi\n"
                           "done\n")
                    .arg(list.join(QLatin1Char(' ')));
    QStringList logs;
    for (const QString &path : logFiles) {
        if (isReadableLogPath(path) && !logs.contains(path))
            logs << Host::shellQuote(path);
    }
    if (!logs.isEmpty()) {
        // One grep for every log up to the limit (the lines ChildTracker::readLog() judges),
        // tail and a grep of its own for each longer one: a few processes per host, not per
        // IOC. The limit is checked by find, in one call. grep's status tells the logs of each
        // call were read (0 or 1), and -Z puts a NUL after the path: a log line cannot pass
        // for a line of this script.
        const QString limit = QString::number(ChildTracker::maxLogBytes);
        const QString files = logs.join(QLatin1Char(' '));
        script += QStringLiteral("printf 'Z %s\\n' \"$(date +%z 2>/dev/null)\"\n"
                                 "g() { grep -a -H -Z -F -e '@@@ ' -e '")
                + QString::fromLatin1(kIocInitDone)
                + QStringLiteral("' \"$@\" 2>/dev/null; printf 'G %s\\n' \"$?\"; }\n"
                                 "big=$(find -H ")
                + files + QStringLiteral(" -prune -type f -size +") + limit
                + QStringLiteral("c -print 2>/dev/null)\n"
                                 "set --\n"
                                 "for f in ")
                + files
                + QStringLiteral("; do\n"
                                 "[ -f \"$f\" ] && [ -r \"$f\" ] || continue\n"
                                 "case \"\n$big\n\" in\n"
                                 "*\"\n$f\n\"*) printf 'Y %s\\n' \"$f\"; tail -c ")
                + limit
                + QStringLiteral(" -- \"$f\" | g --label=\"$f\" ;;\n"
                                 "*) printf 'R %s\\n' \"$f\"; set -- \"$@\" \"$f\" ;;\n"
                                 "esac\n"
                                 "done\n"
                                 "[ $# -eq 0 ] || g -- \"$@\"\n");
    }
    return script + QStringLiteral("echo .\n");
}

bool RemoteChildReader::parse(const QByteArray &output, Result *files, Logs *logs)
{
    qint64 bootTime = -1;
    long clockTicks = -1;
    ProcChild::Files *current = nullptr;
    bool ended = false;
    Logs read;
    QString bigLog; // "Y": the log its grep reads now
    QStringList smallLogs; // "R": the logs the last grep reads
    QHash<QString, QByteArray> lines; // matched lines of the logs whose grep has not ended
    const QList<QByteArray> outputLines = output.split('\n');
    for (int i = 0; i < outputLines.size(); ++i) {
        const QByteArray &line = outputLines.at(i);
        if (line.isEmpty())
            continue;
        if (ended)
            return false; // nothing follows the end line
        const qsizetype nul = line.indexOf('\0');
        if (nul >= 0) {
            // grep -H -Z: the path, NUL, the line (which may hold NULs of its own).
            const QString path = QString::fromUtf8(line.left(nul));
            if (!(bigLog.isEmpty() ? smallLogs.contains(path) : path == bigLog))
                return false;
            QByteArray &text = lines[path];
            text += line.mid(nul + 1);
            text += '\n';
            continue;
        }
        if (line == ".") {
            ended = true;
            continue;
        }
        if (line.size() < 2 || line.at(1) != ' ')
            return false;
        const QByteArray value = line.mid(2);
        bool ok = false;
        switch (line.at(0)) {
        case 'B':
            bootTime = ProcChild::bootTime("btime " + value);
            break;
        case 'H': {
            const long hz = value.trimmed().toLong(&ok);
            clockTicks = ok && hz > 0 ? hz : -1;
            break;
        }
        case '@': {
            const quint32 pid = value.toUInt(&ok);
            if (!ok || pid == 0)
                return false;
            current = &(*files)[pid];
            current->pid = pid;
            break;
        }
        case 'c':
        case 's':
        case 'k':
        case 'C':
            if (!current)
                return false;
            if (line.at(0) == 'c') {
                current->comm = value;
            } else if (line.at(0) == 's') {
                current->stat = value;
            } else if (line.at(0) == 'k') {
                current->childrenRead = true;
                current->children = value;
                current->childPid = value.simplified().split(' ').value(0).toUInt();
            } else {
                current->childStat = value;
            }
            break;
        case 'Z': // date +%z
            read.utcOffset = Host::parseUtcOffset(value);
            break;
        case 'Y':
            if (!bigLog.isEmpty())
                return false;
            bigLog = QString::fromUtf8(value);
            break;
        case 'R':
            if (!bigLog.isEmpty())
                return false;
            smallLogs << QString::fromUtf8(value);
            break;
        case 'G': {
            // The end of the grep of the long log now, else of the logs read whole.
            const bool cut = !bigLog.isEmpty();
            const QStringList done =
                    cut ? QStringList{ std::exchange(bigLog, {}) } : std::exchange(smallLogs, {});
            const int status = value.toInt(&ok);
            for (const QString &path : done) {
                const QByteArray text = lines.take(path);
                if (!ok || (status != 0 && status != 1))
                    continue; // grep failed: the log is not known
                read.lines.insert(path, text);
                if (cut)
                    read.cut.insert(path);
            }
            break;
        }
        default:
            return false;
        }
    }
    if (!ended || !bigLog.isEmpty() || !smallLogs.isEmpty())
        return false;
    for (ProcChild::Files &file : *files) {
        file.bootTime = bootTime;
        file.clockTicks = clockTicks;
    }
    if (logs)
        *logs = read;
    return true;
}

void RemoteChildReader::read(
        const QList<quint32> &pids, const QStringList &logFiles,
        std::function<void(const Result &, const Logs &, const QString &)> done)
{
    const QStringList argv = m_host->commandOnHost(
            { QStringLiteral("sh"), QStringLiteral("-c"), script(pids, logFiles) });
    auto *process = new QProcess(this);
    process->setStandardInputFile(QProcess::nullDevice());
    auto finished =
            std::make_shared<std::function<void(const Result &, const Logs &, const QString &)>>(
                    std::move(done));
    auto *timer = new QTimer(process);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, process, [this, process, finished] {
        process->disconnect(this);
        process->kill();
        process->deleteLater();
        (*finished)({}, {},
                    tr("Reading the IOC processes on %1 timed out.").arg(m_host->displayName()));
    });
    connect(process, &QProcess::errorOccurred, this,
            [this, process, finished](QProcess::ProcessError error) {
                if (error != QProcess::FailedToStart)
                    return; // finished() follows
                process->disconnect(this);
                process->deleteLater();
                (*finished)({}, {},
                            tr("Cannot read the IOC processes on %1: %2")
                                    .arg(m_host->displayName(), process->errorString()));
            });
    connect(process, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), this,
            [this, process, finished](int code, QProcess::ExitStatus status) {
                process->disconnect(this);
                process->deleteLater();
                Result files;
                Logs logs;
                if (status == QProcess::NormalExit && code == 0
                    && parse(process->readAllStandardOutput(), &files, &logs)) {
                    (*finished)(files, logs, {});
                    return;
                }
                const QString why = QString::fromLocal8Bit(process->readAllStandardError())
                                            .trimmed()
                                            .section(QLatin1Char('\n'), -1);
                (*finished)({}, {},
                            why.isEmpty() ? tr("Cannot read the IOC processes on %1.")
                                                    .arg(m_host->displayName())
                                          : tr("Cannot read the IOC processes on %1: %2")
                                                    .arg(m_host->displayName(), why));
            });
    qCDebug(lcRemoteChildren) << "reading the children of" << pids.size() << "procServs on"
                              << m_host->id();
    process->start(argv.first(), argv.mid(1));
    timer->start(m_timeout);
}
