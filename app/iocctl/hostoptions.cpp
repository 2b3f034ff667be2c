// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/hostoptions.h"

#include "core/hosts/host.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QFile>
#include <QHash>

namespace {

// A -H value that is a remote machine (not "system", "user" or "bus:...").
bool isRemoteSpec(const QString &spec)
{
    return spec != QLatin1String("system") && spec != QLatin1String("user")
            && !spec.startsWith(QLatin1String("bus:"));
}

QString withoutUserSuffix(const QString &spec)
{
    return spec.endsWith(QLatin1String("/user")) ? spec.chopped(5) : spec;
}

} // namespace

bool HostOptions::takesValue(const QString &name)
{
    return name == QLatin1String("H") || name == QLatin1String("host")
            || name == QLatin1String("hosts") || name == QLatin1String("bus")
            || name == QLatin1String("connect-timeout");
}

bool HostOptions::isHostOption(const QString &name)
{
    return takesValue(name) || name == QLatin1String("user") || name == QLatin1String("system");
}

bool HostOptions::add(const QString &name, const QString &value, QString *error)
{
    if (name == QLatin1String("user") || name == QLatin1String("system")) {
        m_scopes << name;
    } else if (name == QLatin1String("bus")) {
        if (value.isEmpty()) {
            *error = tr("--bus needs a D-Bus address.");
            return false;
        }
        m_buses << QStringLiteral("bus:") + value;
    } else if (name == QLatin1String("H") || name == QLatin1String("host")) {
        if (value.isEmpty()) {
            *error = tr("-H needs a host: [USER@]HOST.");
            return false;
        }
        QString why;
        if (!Host::isValidSpec(value, &why)) {
            *error = tr("Bad host \"%1\": %2").arg(value, why);
            return false;
        }
        m_hosts << value;
    } else if (name == QLatin1String("hosts")) {
        if (value.isEmpty()) {
            *error = tr("--hosts needs a file with one host per line.");
            return false;
        }
        QString why;
        const QStringList fromFile = readHostsFile(value, &why);
        if (!why.isEmpty()) {
            *error = why;
            return false;
        }
        m_hosts += fromFile;
    } else if (name == QLatin1String("connect-timeout")) {
        bool ok = false;
        const int seconds = value.toInt(&ok);
        if (!ok || seconds <= 0) {
            *error = tr("--connect-timeout wants a positive number of seconds.");
            return false;
        }
        m_connectTimeout = seconds;
    } else {
        *error = tr("Unknown option \"%1\".").arg(name);
        return false;
    }
    return true;
}

void HostOptions::addTo(QCommandLineParser &parser)
{
    const QList<QCommandLineOption> options{
        QCommandLineOption(QStringLiteral("user")),
        QCommandLineOption(QStringLiteral("system")),
        QCommandLineOption({ QStringLiteral("H"), QStringLiteral("host") }, QString(),
                           QStringLiteral("HOST")),
        QCommandLineOption(QStringLiteral("hosts"), QString(), QStringLiteral("FILE")),
        QCommandLineOption(QStringLiteral("bus"), QString(), QStringLiteral("ADDRESS")),
        QCommandLineOption(QStringLiteral("connect-timeout"), QString(), QStringLiteral("SECONDS")),
    };
    for (QCommandLineOption option : options) {
        // 'iocctl --help' describes them once; a command's help names them in its usage line.
        option.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOption(option);
    }
}

bool HostOptions::takeFrom(const QCommandLineParser &parser, QString *error)
{
    // optionNames() is in command line order; values() is per option, also in order.
    QHash<QString, int> taken;
    for (const QString &found : parser.optionNames()) {
        if (!isHostOption(found))
            continue;
        const QString name = found == QLatin1String("host") ? QStringLiteral("H") : found;
        QString value;
        if (takesValue(name)) {
            const int index = taken.value(name, 0);
            taken[name] = index + 1;
            value = parser.values(name).value(index);
        }
        if (!add(name, value, error))
            return false;
    }
    return true;
}

QStringList HostOptions::specs(QString *error) const
{
    if (m_scopes.isEmpty() && m_hosts.isEmpty() && m_buses.isEmpty()) {
        const QString fromEnvironment = qEnvironmentVariable("IOCCTL_HOST");
        return { fromEnvironment.isEmpty() ? QStringLiteral("system") : fromEnvironment };
    }
    QStringList remote;
    QStringList specs;
    for (const QString &host : m_hosts) {
        if (isRemoteSpec(host))
            remote << host;
        else
            specs << host;
    }
    if (remote.isEmpty()) {
        // --user and --system name the local managers.
        specs = m_scopes + specs;
    } else {
        const bool user = m_scopes.contains(QLatin1String("user"));
        const bool system = m_scopes.contains(QLatin1String("system"));
        if (user && system) {
            *error = tr("--user and --system contradict each other for %1: give one of them, "
                        "or name a host's user manager as HOST/user.")
                             .arg(withoutUserSuffix(remote.constFirst()));
            return {};
        }
        for (const QString &host : std::as_const(remote)) {
            const bool isUser = host.endsWith(QLatin1String("/user"));
            if (system && isUser) {
                *error = tr("%1 names the user manager of %2, --system its system manager: "
                            "give one of them.")
                                 .arg(host, withoutUserSuffix(host));
                return {};
            }
            // As systemctl --user -H HOST: that host's user manager.
            specs << (user && !isUser ? host + QStringLiteral("/user") : host);
        }
    }
    specs += m_buses;
    specs.removeDuplicates();
    return specs;
}

QStringList HostOptions::readHostsFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = tr("Cannot read the hosts file %1: %2").arg(path, file.errorString());
        return {};
    }
    QStringList specs;
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        QString line = QString::fromUtf8(file.readLine());
        const int hash = static_cast<int>(line.indexOf(QLatin1Char('#')));
        if (hash >= 0)
            line.truncate(hash);
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        QString why;
        if (!Host::isValidSpec(line, &why)) {
            *error = tr("%1:%2: bad host \"%3\": %4").arg(path).arg(lineNumber).arg(line, why);
            return {};
        }
        specs << line;
    }
    if (specs.isEmpty())
        *error = tr("The hosts file %1 names no host.").arg(path);
    return specs;
}

QStringList HostOptions::arguments() const
{
    QStringList words;
    for (const QString &scope : m_scopes)
        words << QStringLiteral("--") + scope;
    for (const QString &host : m_hosts)
        words << QStringLiteral("-H") << host;
    for (const QString &bus : m_buses)
        words << QStringLiteral("--bus") << bus.mid(4); // without "bus:"
    return words;
}
