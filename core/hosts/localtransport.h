// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/hosts/hosttransport.h"

/// A manager reached without SSH: this machine's system manager (system bus), this user's
/// manager (session bus, else $XDG_RUNTIME_DIR/bus), or a manager at a D-Bus address (the
/// test sandbox). Consoles and commands run here, directly.
class LocalTransport : public HostTransport
{
public:
    /// @p kind: LocalSystem, LocalUser or BusAddress (then @p address is the bus address).
    LocalTransport(Host::Kind kind, const QString &address);

    bool isLocal() const override { return true; }
    bool isUserManager() const override { return !m_systemManager; }
    QString id() const override;
    QString spec() const override;
    QString displayName() const override;

    std::function<QDBusConnection(const QString &name)> busConnector() const override;
    QString privateSocket() const override;
    Host::Failure busRefusal() const override { return Host::Failure::Unreachable; }

    ConsoleRoute consoleRoute(const ConsoleEndpoint &endpoint) const override;
    QStringList commandOnHost(const QStringList &argv) const override { return argv; }
    QString busAddress() const override { return m_address; }
    QString runtimeDir() const override;

    /// $XDG_RUNTIME_DIR, else systemd's default /run/user/UID.
    static QString userRuntimeDir();

private:
    enum class Bus { System, User, Address };
    Bus m_bus;
    bool m_systemManager;
    QString m_address; ///< Bus::Address only
};
