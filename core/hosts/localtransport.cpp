// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/hosts/localtransport.h"

#include <QCoreApplication>

#include <unistd.h>

LocalTransport::LocalTransport(Host::Kind kind, const QString &address)
    : m_bus(kind == Host::Kind::LocalSystem         ? Bus::System
                    : kind == Host::Kind::LocalUser ? Bus::User
                                                    : Bus::Address)
    , m_systemManager(kind == Host::Kind::LocalSystem)
    , m_address(m_bus == Bus::Address ? address : QString())
{}

QString LocalTransport::userRuntimeDir()
{
    const QString env = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!env.isEmpty())
        return env;
    return QStringLiteral("/run/user/") + QString::number(::getuid());
}

QString LocalTransport::id() const
{
    switch (m_bus) {
    case Bus::System:
        return QStringLiteral("local");
    case Bus::User:
        return QStringLiteral("local-user");
    case Bus::Address:
        break;
    }
    return QStringLiteral("bus");
}

QString LocalTransport::spec() const
{
    switch (m_bus) {
    case Bus::System:
        return QStringLiteral("system");
    case Bus::User:
        return QStringLiteral("user");
    case Bus::Address:
        break;
    }
    return QStringLiteral("bus:") + m_address;
}

QString LocalTransport::displayName() const
{
    switch (m_bus) {
    case Bus::System:
        return QCoreApplication::translate("Host", "This machine (system)");
    case Bus::User:
        return QCoreApplication::translate("Host", "This machine (user)");
    case Bus::Address:
        break;
    }
    return QCoreApplication::translate("Host", "Bus %1").arg(m_address);
}

std::function<QDBusConnection(const QString &name)> LocalTransport::busConnector() const
{
    const Bus bus = m_bus;
    const QString address = m_address;
    return [bus, address](const QString &name) {
        switch (bus) {
        case Bus::System:
            return QDBusConnection::connectToBus(QDBusConnection::SystemBus, name);
        case Bus::User:
            if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
                return QDBusConnection::connectToBus(QDBusConnection::SessionBus, name);
            return QDBusConnection::connectToBus(
                    QStringLiteral("unix:path=") + userRuntimeDir() + QStringLiteral("/bus"), name);
        case Bus::Address:
            break;
        }
        return QDBusConnection::connectToBus(address, name);
    };
}

QString LocalTransport::privateSocket() const
{
    // As systemctl does: the user manager's in the user's runtime dir, the system manager's
    // in /run. A bus address names no manager's private socket.
    switch (m_bus) {
    case Bus::System:
        return QStringLiteral("/run/systemd/private");
    case Bus::User:
        return userRuntimeDir() + QStringLiteral("/systemd/private");
    case Bus::Address:
        break;
    }
    return {};
}

ConsoleRoute LocalTransport::consoleRoute(const ConsoleEndpoint &endpoint) const
{
    return ConsoleRoute::direct(endpoint);
}

QString LocalTransport::runtimeDir() const
{
    return m_systemManager ? QStringLiteral("/run") : userRuntimeDir();
}
