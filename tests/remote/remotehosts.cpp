// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "tests/remote/remotehosts.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QStandardPaths>

namespace {

QString sourceDir()
{
    const QString env = qEnvironmentVariable("IOCDOCK_SOURCE_DIR");
    return env.isEmpty() ? QStringLiteral(IOCDOCK_TEST_SOURCE_DIR) : env;
}

// Parses the `export NAME=VALUE` lines the tools print (values are %q-quoted by bash, but
// ours hold no characters that need it except the space in "-F PATH", written as "\ ").
QHash<QString, QString> parseExports(const QByteArray &text)
{
    QHash<QString, QString> values;
    for (const QByteArray &raw : text.split('\n')) {
        QString line = QString::fromUtf8(raw).trimmed();
        if (!line.startsWith(QLatin1String("export ")))
            continue;
        line = line.mid(7);
        const int eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        QString value = line.mid(eq + 1);
        value.replace(QLatin1String("\\ "), QLatin1String(" "));
        values.insert(line.left(eq), value);
    }
    return values;
}

} // namespace

RemoteHosts::RemoteHosts() = default;

RemoteHosts::~RemoteHosts()
{
    stop();
}

bool RemoteHosts::runTool(const QString &name, const QStringList &args,
                          const QProcessEnvironment &env, QByteArray *out, QString *error,
                          int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(sourceDir() + QStringLiteral("/tools/") + name, args);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        if (error)
            *error = QStringLiteral("tools/%1 %2 did not finish")
                             .arg(name, args.join(QLatin1Char(' ')));
        return false;
    }
    if (out)
        *out = process.readAllStandardOutput();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("tools/%1 %2 failed: %3")
                             .arg(name, args.join(QLatin1Char(' ')),
                                  QString::fromLocal8Bit(process.readAllStandardError()));
        return false;
    }
    return true;
}

bool RemoteHosts::start(int count, QString *error)
{
    stop();
    m_root = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/iocdock-remote-XXXXXX"));
    if (!m_root->isValid()) {
        *error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // tools/sandbox start takes its directory from here; nothing else of an outer sandbox.
    for (int i = 0; i < count; ++i) {
        Entry entry;
        entry.sandboxDir = m_root->filePath(QStringLiteral("sb%1").arg(i));
        entry.sshDir = m_root->filePath(QStringLiteral("ssh%1").arg(i));
        m_hosts.append(entry);
        QProcessEnvironment sandboxEnv = env;
        sandboxEnv.insert(QStringLiteral("IOCDOCK_SANDBOX_DIR"), entry.sandboxDir);
        if (!runTool(QStringLiteral("sandbox"), { QStringLiteral("start") }, sandboxEnv, nullptr,
                     error)) {
            stop();
            return false;
        }
        m_hosts[i].sandboxRunning = true;
        QByteArray out;
        if (!runTool(QStringLiteral("sshd-sandbox"),
                     { QStringLiteral("start"), entry.sshDir, QStringLiteral("--sandbox"),
                       entry.sandboxDir, QStringLiteral("--client"),
                       m_root->filePath(QStringLiteral("client")) },
                     env, &out, error)) {
            stop();
            return false;
        }
        const QHash<QString, QString> exports = parseExports(out);
        m_hosts[i].spec = exports.value(QStringLiteral("SSHD_SANDBOX_SPEC"));
        m_hosts[i].port = exports.value(QStringLiteral("SSHD_SANDBOX_PORT")).toInt();
        m_sshOptions = exports.value(QStringLiteral("IOCDOCK_SSH_OPTIONS"));
    }
    m_hadOptions = qEnvironmentVariableIsSet("IOCDOCK_SSH_OPTIONS");
    m_previousOptions = qgetenv("IOCDOCK_SSH_OPTIONS");
    qputenv("IOCDOCK_SSH_OPTIONS", m_sshOptions.toUtf8());
    return true;
}

void RemoteHosts::stop()
{
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const Entry &entry : std::as_const(m_hosts)) {
        if (QFile::exists(entry.sshDir))
            runTool(QStringLiteral("sshd-sandbox"), { QStringLiteral("remove"), entry.sshDir }, env,
                    nullptr, nullptr);
        if (entry.sandboxRunning)
            runTool(QStringLiteral("sandbox"), { QStringLiteral("stop"), entry.sandboxDir }, env,
                    nullptr, nullptr);
    }
    if (!m_hosts.isEmpty()) {
        if (m_hadOptions)
            qputenv("IOCDOCK_SSH_OPTIONS", m_previousOptions);
        else
            qunsetenv("IOCDOCK_SSH_OPTIONS");
    }
    m_hosts.clear();
    m_root.reset();
}

QString RemoteHosts::spec(int i) const
{
    return m_hosts.value(i).spec;
}

int RemoteHosts::port(int i) const
{
    return m_hosts.value(i).port;
}

QString RemoteHosts::sandboxDir(int i) const
{
    return m_hosts.value(i).sandboxDir;
}

QString RemoteHosts::runtimeDir(int i) const
{
    return sandboxDir(i) + QStringLiteral("/runtime");
}

int RemoteHosts::sshdLogCount(int i, const QByteArray &text) const
{
    QFile log(m_hosts.value(i).sshDir + QStringLiteral("/sshd.log"));
    if (!log.open(QIODevice::ReadOnly))
        return -1;
    int count = 0;
    for (const QByteArray &line : log.readAll().split('\n'))
        count += line.contains(text) ? 1 : 0;
    return count;
}

QProcessEnvironment RemoteHosts::sandboxEnvironment(int i) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString d = sandboxDir(i);
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=") + d + QStringLiteral("/runtime/bus"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), d + QStringLiteral("/runtime"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), d + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), d + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_STATE_HOME"), d + QStringLiteral("/state"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), d + QStringLiteral("/cache"));
    env.insert(QStringLiteral("IOCDOCK_SANDBOX"), d);
    return env;
}

bool RemoteHosts::systemctl(int i, const QStringList &args, QByteArray *out)
{
    QProcess process;
    process.setProcessEnvironment(sandboxEnvironment(i));
    process.setStandardInputFile(QProcess::nullDevice());
    process.start(QStringLiteral("systemctl"),
                  QStringList{ QStringLiteral("--user"), QStringLiteral("--no-ask-password") }
                          + args);
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished(5000);
        return false;
    }
    if (out)
        *out = process.readAllStandardOutput();
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

QString RemoteHosts::unitProperty(int i, const QString &unit, const QString &property)
{
    QByteArray out;
    if (!systemctl(i,
                   { QStringLiteral("show"), QStringLiteral("-p"), property,
                     QStringLiteral("--value"), unit },
                   &out))
        return {};
    return QString::fromUtf8(out).trimmed();
}

bool RemoteHosts::installUnit(int i, const QString &name, const QString &content)
{
    const QString dir = sandboxDir(i) + QStringLiteral("/config/systemd/user");
    QDir().mkpath(dir);
    QFile file(dir + QLatin1Char('/') + name);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    file.write(content.toUtf8());
    file.close();
    return systemctl(i, { QStringLiteral("daemon-reload") });
}

bool RemoteHosts::removeUnit(int i, const QString &name)
{
    systemctl(i, { QStringLiteral("stop"), name });
    systemctl(i, { QStringLiteral("reset-failed"), name });
    QFile::remove(sandboxDir(i) + QStringLiteral("/config/systemd/user/") + name);
    return systemctl(i, { QStringLiteral("daemon-reload") });
}

bool RemoteHosts::stopSshd(int i)
{
    return runTool(QStringLiteral("sshd-sandbox"),
                   { QStringLiteral("stop"), m_hosts.value(i).sshDir },
                   QProcessEnvironment::systemEnvironment(), nullptr, nullptr);
}

bool RemoteHosts::startSshd(int i)
{
    return runTool(QStringLiteral("sshd-sandbox"),
                   { QStringLiteral("start"), m_hosts.value(i).sshDir },
                   QProcessEnvironment::systemEnvironment(), nullptr, nullptr);
}

bool RemoteHosts::rekeySshd(int i)
{
    return runTool(QStringLiteral("sshd-sandbox"),
                   { QStringLiteral("rekey"), m_hosts.value(i).sshDir },
                   QProcessEnvironment::systemEnvironment(), nullptr, nullptr);
}

// ---- SshCallLog ------------------------------------------------------------------------------

SshCallLog::SshCallLog()
{
    const QString realSsh = QStandardPaths::findExecutable(QStringLiteral("ssh"));
    if (realSsh.isEmpty() || !m_dir.isValid())
        return;
    QFile shim(m_dir.filePath(QStringLiteral("ssh")));
    if (!shim.open(QIODevice::WriteOnly))
        return;
    // One line per call: newlines in the arguments (scripts) become spaces. Calls made at once
    // take turns (flock): tr and echo write separately, and two calls' pieces used to make one
    // line of two.
    const QByteArray log = m_dir.filePath(QStringLiteral("ssh.log")).toUtf8();
    shim.write("#!/bin/sh\nexec 9>>'" + log
               + "'\nflock 9\n{ printf '%s' \"$*\" | tr '\\n' ' '; echo; } >&9\nexec 9>&-\nexec '"
               + realSsh.toUtf8() + "' \"$@\"\n");
    shim.close();
    if (!shim.setPermissions(shim.permissions() | QFileDevice::ExeOwner))
        return;
    m_oldPath = qgetenv("PATH");
    qputenv("PATH", m_dir.path().toUtf8() + ':' + m_oldPath);
    m_valid = true;
}

SshCallLog::~SshCallLog()
{
    if (m_valid)
        qputenv("PATH", m_oldPath);
}

QList<QByteArray> SshCallLog::calls() const
{
    QFile file(m_dir.filePath(QStringLiteral("ssh.log")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QByteArray> lines = file.readAll().split('\n');
    lines.removeAll(QByteArray());
    return lines;
}

int SshCallLog::count(const QList<QByteArray> &texts) const
{
    int n = 0;
    for (const QByteArray &call : calls()) {
        bool all = true;
        for (const QByteArray &text : texts)
            all = all && call.contains(text);
        n += all ? 1 : 0;
    }
    return n;
}
