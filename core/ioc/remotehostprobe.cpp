// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/remotehostprobe.h"

#include "core/hosts/host.h"
#include "core/ioc/conventionconfig.h"
#include "core/ioc/conventions.h"

#include <QDir>
#include <QProcess>
#include <QTimer>

namespace {

constexpr int kProbeTimeoutMs = 30000;

const char kLayoutScript[] = R"sh(
for v in HOME XDG_CONFIG_HOME XDG_RUNTIME_DIR XDG_STATE_HOME PATH IOCDOCK_IOC_PATH \
        MANAGE_IOCS_SEARCH_PATH; do
    eval "x=\${$v-}"
    printf 'E\t%s\t%s\n' "$v" "$x"
done
printf 'E\t.account\t%s\n' "$(id -un)"
printf 'E\t.group\t%s\n' "$(id -gn)"
printf 'E\t.host\t%s\n' "$(uname -n)"
for t in /proc/net/tcp /proc/net/tcp6; do
    [ -r "$t" ] || continue
    printf 'T\t%s\n' "$t"
    while read -r sl local remote st rest; do
        [ "$st" = 0A ] && printf 'L\t%s\n' "${local##*:}"
    done < "$t"
done
exit 0
)sh";

const char kPathsScript[] = R"sh(
for a in "$@"; do
    case "$a" in
    a:*)
        n=${a#a:}
        if id -u -- "$n" >/dev/null 2>&1; then printf 'A\t1\t%s\n' "$n"; else printf 'A\t0\t%s\n' "$n"; fi
        ;;
    p:*)
        p=${a#p:}
        f=
        if [ -e "$p" ] || [ -L "$p" ]; then f="${f}e"; fi
        if [ -d "$p" ]; then f="${f}d"; fi
        if [ -f "$p" ]; then f="${f}f"; fi
        if [ -L "$p" ]; then f="${f}l"; fi
        if [ -x "$p" ]; then f="${f}x"; fi
        if [ -d "$p" ] && [ -w "$p" ] && [ -x "$p" ]; then f="${f}w"; fi
        if [ -f "$p" ] && [ -n "$(find -L "$p" -prune -perm -111 2>/dev/null)" ]; then f="${f}X"; fi
        printf 'P\t%s\t%s\n' "$f" "$p"
        if [ -d "$p" ]; then
            for s in "$p"/*/; do
                [ -d "$s" ] || continue
                s=${s%/}
                printf 'S\t%s\t%s\n' "$p" "${s##*/}"
            done
            for s in "$p"/*.conf "$p"/.*.conf; do
                [ -f "$s" ] || continue
                printf 'C\t%s\t%s\n' "$p" "${s##*/}"
            done
        fi
        ;;
    r:*)
        p=${a#r:}
        if [ -f "$p" ] && [ -r "$p" ]; then
            n=$(head -c 1048576 -- "$p" | wc -c)
            printf 'R\t%s\t%s\n' "$n" "$p"
            head -c 1048576 -- "$p"
            printf '\n'
        else
            printf 'U\t-\t%s\n' "$p"
        fi
        ;;
    esac
done
exit 0
)sh";

} // namespace

RemoteHostProbe::RemoteHostProbe(const Host *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
{}

IocHostLayout RemoteHostProbe::layoutFor(bool userManager, const QHash<QString, QString> &env)
{
    const QString home = env.value(QStringLiteral("HOME"));
    const auto xdg = [&env](const QString &name, const QString &fallback) {
        const QString value = env.value(name);
        return value.isEmpty() ? fallback : value;
    };
    IocHostLayout layout;
    layout.userManager = userManager;
    layout.path = env.value(QStringLiteral("PATH")).split(QLatin1Char(':'), Qt::SkipEmptyParts);
    layout.iocSearchPath = ConventionConfigReader::manageIocsSearchPath(
            env.value(QStringLiteral("IOCDOCK_IOC_PATH")),
            env.value(QStringLiteral("MANAGE_IOCS_SEARCH_PATH")));
    layout.iocBaseDir = layout.iocSearchPath.constFirst();
    // The reader's FRIB folder (its table row); no $IOCDOCK_IOC_PATH on another host.
    layout.fribConfigDirs = QStringList{ QString::fromLatin1(
            Conventions::find(QStringLiteral("frib"))->systemConfigDir) };
    layout.fribConfigDir = layout.fribConfigDirs.constFirst();
    layout.account = env.value(QStringLiteral(".account"));
    layout.group = env.value(QStringLiteral(".group"));
    layout.hostName = env.value(QStringLiteral(".host"));
    if (!userManager) {
        layout.unitDir = QStringLiteral("/etc/systemd/system");
        layout.unitSearchDirs = IocHostLayout::systemUnitSearchDirs();
        layout.procServConfigDir = QStringLiteral("/etc/procServ.d");
        layout.procServConfigFiles =
                QStringList{ QStringLiteral("/etc/procServ.conf"), layout.procServConfigDir };
        layout.runtimeDir = QStringLiteral("/run");
        layout.logDir = QStringLiteral("/var/log/softioc");
        layout.stateDir = QStringLiteral("/var/log");
        return layout;
    }
    const QString config =
            xdg(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    layout.unitDir = config + QStringLiteral("/systemd/user");
    layout.runtimeDir = env.value(QStringLiteral("XDG_RUNTIME_DIR"));
    layout.unitSearchDirs = IocHostLayout::userUnitSearchDirs(layout.unitDir, layout.runtimeDir);
    layout.procServConfigDir = config + QStringLiteral("/procServ.d");
    layout.procServConfigFiles =
            QStringList{ config + QStringLiteral("/procServ.conf"), layout.procServConfigDir };
    layout.stateDir = xdg(QStringLiteral("XDG_STATE_HOME"), home + QStringLiteral("/.local/state"));
    layout.logDir = layout.stateDir + QStringLiteral("/softioc");
    return layout;
}

void RemoteHostProbe::run(const QString &script, const QStringList &args,
                          std::function<void(const QByteArray &out)> parse, Done done)
{
    const QStringList argv = m_host->commandOnHost(
            QStringList{ QStringLiteral("sh"), QStringLiteral("-c"), script, QStringLiteral("sh") }
            + args);
    auto *process = new QProcess(this);
    process->setStandardInputFile(QProcess::nullDevice());
    auto *timer = new QTimer(process);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, process, [this, process, done] {
        process->disconnect(this);
        process->kill();
        process->deleteLater();
        done(tr("Looking at %1 timed out.").arg(m_host->displayName()));
    });
    connect(process, &QProcess::errorOccurred, this,
            [this, process, done, argv](QProcess::ProcessError error) {
                if (error != QProcess::FailedToStart)
                    return;
                process->disconnect(this);
                process->deleteLater();
                done(tr("%1 did not start.").arg(argv.value(0)));
            });
    connect(process, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), this,
            [this, process, parse, done](int code, QProcess::ExitStatus status) {
                process->disconnect(this);
                process->deleteLater();
                if (status != QProcess::NormalExit || code != 0) {
                    const QString why =
                            QString::fromLocal8Bit(process->readAllStandardError()).trimmed();
                    done(tr("Looking at %1 failed: %2")
                                 .arg(m_host->displayName(),
                                      why.isEmpty() ? tr("exit status %1").arg(code) : why));
                    return;
                }
                parse(process->readAllStandardOutput());
                done(QString());
            });
    process->start(argv.first(), argv.mid(1));
    timer->start(kProbeTimeoutMs);
}

void RemoteHostProbe::probeLayout(Done done)
{
    run(
            QString::fromLatin1(kLayoutScript), {},
            [this](const QByteArray &out) {
                QHash<QString, QString> env;
                bool portsKnown = false;
                for (const QByteArray &line : out.split('\n')) {
                    const QList<QByteArray> f = line.split('\t');
                    if (f.value(0) == "E" && f.size() >= 3)
                        env.insert(
                                QString::fromUtf8(f.at(1)),
                                QString::fromUtf8(line.mid(f.at(0).size() + f.at(1).size() + 2)));
                    else if (f.value(0) == "T")
                        portsKnown = true;
                    else if (f.value(0) == "L") {
                        bool ok = false;
                        const uint port = f.value(1).toUInt(&ok, 16);
                        if (ok && port > 0 && port < 65536)
                            m_view.listeningPorts.insert(static_cast<quint16>(port));
                    }
                }
                m_view.portsKnown = portsKnown;
                m_view.home = env.value(QStringLiteral("HOME"), QStringLiteral("/"));
                m_layout = layoutFor(m_host->isUserManager(), env);
            },
            [this, done](const QString &error) {
                if (error.isEmpty() && m_layout.userManager && m_layout.runtimeDir.isEmpty()) {
                    done(tr("%1 has no XDG_RUNTIME_DIR in its SSH sessions: its user manager's "
                            "places are unknown.")
                                 .arg(m_host->displayName()));
                    return;
                }
                done(error);
            });
}

void RemoteHostProbe::probePaths(const QStringList &paths, const QStringList &accounts,
                                 const QStringList &contents, Done done)
{
    QStringList args;
    for (const QString &path : paths)
        args << QStringLiteral("p:") + path;
    for (const QString &account : accounts)
        args << QStringLiteral("a:") + account;
    for (const QString &path : contents)
        args << QStringLiteral("r:") + path;
    // Every asked path is answered, even when the script's answer is lost in a partial line.
    for (const QString &path : paths)
        m_view.entries.insert(QDir::cleanPath(path), {});
    for (const QString &account : accounts)
        m_view.accounts.insert(account, false);
    for (const QString &path : contents)
        m_view.readErrors.insert(QDir::cleanPath(path), tr("cannot read"));
    const auto parse = [this](const QByteArray &out) {
        int pos = 0;
        while (pos < out.size()) {
            int end = out.indexOf('\n', pos);
            if (end < 0)
                end = out.size();
            const QByteArray line = out.mid(pos, end - pos);
            pos = end + 1;
            const int first = line.indexOf('\t');
            const int second = line.indexOf('\t', first + 1);
            if (first < 0 || second < 0)
                continue;
            const QByteArray kind = line.left(first);
            const QByteArray middle = line.mid(first + 1, second - first - 1);
            const QString rest = QString::fromUtf8(line.mid(second + 1));
            if (kind == "A") {
                m_view.accounts.insert(rest, middle == "1");
            } else if (kind == "P") {
                SnapshotFileView::Entry &e = m_view.entries[QDir::cleanPath(rest)];
                e.exists = middle.contains('e');
                e.dir = middle.contains('d');
                e.file = middle.contains('f');
                e.symLink = middle.contains('l');
                e.executable = middle.contains('x');
                e.writable = middle.contains('w');
                e.executableByAll = middle.contains('X');
            } else if (kind == "S") {
                m_view.entries[QDir::cleanPath(QString::fromUtf8(middle))].subdirs << rest;
            } else if (kind == "C") {
                m_view.entries[QDir::cleanPath(QString::fromUtf8(middle))].confFiles << rest;
            } else if (kind == "R") {
                // The file's bytes follow the line, then a newline.
                const int size = middle.toInt();
                const QString path = QDir::cleanPath(rest);
                m_view.contents.insert(path, out.mid(pos, size));
                m_view.readErrors.remove(path);
                pos += size + 1;
            }
        }
    };
    run(QString::fromLatin1(kPathsScript), args, parse, done);
}
