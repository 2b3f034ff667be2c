// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/remotechildreader.h"

#include "core/hosts/host.h"

#include <QLoggingCategory>
#include <QProcess>
#include <QTimer>

#include <memory>

Q_LOGGING_CATEGORY(lcRemoteChildren, "iocdock.hosts.children", QtWarningMsg)

RemoteChildReader::RemoteChildReader(const Host *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
{}

QString RemoteChildReader::script(const QList<quint32> &pids)
{
    QStringList list;
    for (const quint32 pid : pids)
        list << QString::number(pid);
    // Shell builtins only (one getconf): the host's cost stays small with many IOCs. r()
    // reads the first line of a file and says it was read only when the file was there
    // before and after the read: a process gone meanwhile gives nothing, not an empty file
    // (an empty children file means the child is shut down). LC_ALL=C: bytes stay bytes.
    return QStringLiteral(
                   "LC_ALL=C; export LC_ALL\n"
                   "r() { v=; [ -r \"$1\" ] || return 1; IFS= read -r v 2>/dev/null <\"$1\"; "
                   "[ -r \"$1\" ]; }\n"
                   "b=; while read -r k x; do if [ \"$k\" = btime ]; then b=$x; break; fi; "
                   "done </proc/stat\n"
                   "printf 'B %s\\nH %s\\n' \"$b\" \"$(getconf CLK_TCK 2>/dev/null)\"\n"
                   "for p in %1; do\n"
                   "printf '@ %s\\n' \"$p\"\n"
                   "r /proc/$p/comm && printf 'c %s\\n' \"$v\"\n"
                   "r /proc/$p/stat && printf 's %s\\n' \"$v\"\n"
                   "if r /proc/$p/task/$p/children; then printf 'k %s\\n' \"$v\"; "
                   "c=${v%% *}; [ -n \"$c\" ] && r /proc/$c/stat && printf 'C %s\\n' \"$v\"; fi\n"
                   "done\n"
                   "echo .\n")
            .arg(list.join(QLatin1Char(' ')));
}

bool RemoteChildReader::parse(const QByteArray &output, Result *files)
{
    qint64 bootTime = -1;
    long clockTicks = -1;
    ProcChild::Files *current = nullptr;
    bool ended = false;
    const QList<QByteArray> lines = output.split('\n');
    for (const QByteArray &line : lines) {
        if (line.isEmpty())
            continue;
        if (ended)
            return false; // nothing follows the end line
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
        default:
            return false;
        }
    }
    if (!ended)
        return false;
    for (ProcChild::Files &file : *files) {
        file.bootTime = bootTime;
        file.clockTicks = clockTicks;
    }
    return true;
}

void RemoteChildReader::read(const QList<quint32> &pids,
                             std::function<void(const Result &, const QString &)> done)
{
    const QStringList argv =
            m_host->commandOnHost({ QStringLiteral("sh"), QStringLiteral("-c"), script(pids) });
    auto *process = new QProcess(this);
    process->setStandardInputFile(QProcess::nullDevice());
    auto finished =
            std::make_shared<std::function<void(const Result &, const QString &)>>(std::move(done));
    auto *timer = new QTimer(process);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, process, [this, process, finished] {
        process->disconnect(this);
        process->kill();
        process->deleteLater();
        (*finished)({},
                    tr("Reading the IOC processes on %1 timed out.").arg(m_host->displayName()));
    });
    connect(process, &QProcess::errorOccurred, this,
            [this, process, finished](QProcess::ProcessError error) {
                if (error != QProcess::FailedToStart)
                    return; // finished() follows
                process->disconnect(this);
                process->deleteLater();
                (*finished)({},
                            tr("Cannot read the IOC processes on %1: %2")
                                    .arg(m_host->displayName(), process->errorString()));
            });
    connect(process, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), this,
            [this, process, finished](int code, QProcess::ExitStatus status) {
                process->disconnect(this);
                process->deleteLater();
                Result files;
                if (status == QProcess::NormalExit && code == 0
                    && parse(process->readAllStandardOutput(), &files)) {
                    (*finished)(files, {});
                    return;
                }
                const QString why = QString::fromLocal8Bit(process->readAllStandardError())
                                            .trimmed()
                                            .section(QLatin1Char('\n'), -1);
                (*finished)({},
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
