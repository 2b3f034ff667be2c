// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTest>

/// Access to the test sandbox started by tools/sandbox: a private `systemd --user` with its
/// own session bus, XDG_RUNTIME_DIR and XDG_CONFIG_HOME. Tests install units into it, drive
/// them with systemctl and talk to their procServ consoles. Test helper only: its calls block.
///
/// The sandbox is found through the environment that `eval "$(tools/sandbox start)"` exports
/// (IOCDOCK_SANDBOX, DBUS_SESSION_BUS_ADDRESS, XDG_RUNTIME_DIR, XDG_CONFIG_HOME). It refuses
/// to work when those point anywhere else, so a test never touches a real user manager.
class Sandbox
{
public:
    /// True when IOCDOCK_SANDBOX is set, the rest of the environment points into it, and its
    /// systemd manager answers on the session bus.
    static bool isAvailable();
    /// Why isAvailable() is false, and how to fix it; empty when available.
    static QString unavailableReason();

    /// The sandbox directory ($IOCDOCK_SANDBOX).
    QString dir() const;
    /// Where persistent user units go: $XDG_CONFIG_HOME/systemd/user.
    QString unitDir() const;
    /// $XDG_RUNTIME_DIR of the sandbox (systemd's %t).
    QString runtimeDir() const;
    /// $XDG_CONFIG_HOME of the sandbox.
    QString configDir() const;

    /// The iocsim simulator: $IOCDOCK_BIN_DIR/iocsim (ctest sets it), else next to the test.
    static QString iocsimPath();
    /// A program built by this project: $IOCDOCK_BIN_DIR/NAME, else next to the test.
    static QString binPath(const QString &name);
    /// A TCP port on 127.0.0.1 that was free a moment ago (for procServ's `--port`).
    static quint16 freeTcpPort();
    /// @p count distinct such ports (all held at once while chosen); empty on failure.
    static QList<quint16> freeTcpPorts(int count);

    /// Writes unitDir()/NAME and runs daemon-reload.
    bool installUnit(const QString &name, const QByteArray &content);
    bool installUnit(const QString &name, const QString &content);
    /// Stops NAME, resets its failed state, deletes its file and runs daemon-reload.
    bool removeUnit(const QString &name);
    /// Runs `systemctl --user --no-ask-password ARGS...` with a 30 s bound. Returns true on
    /// exit status 0. OUT, when given, receives standard output.
    bool systemctl(const QStringList &args, QByteArray *out = nullptr);
    /// Whether the manager answers a Ping on the sandbox's session bus, asked by busctl on a
    /// fresh connection of its own (a connection that saw the bus go away stays dead).
    static bool managerOnBus();
    /// Forgets the start limit of dbus.service and dbus.socket: systemd refuses a sixth start
    /// within 10 s (StartLimitBurst), and the fault tests restart the bus more often.
    void resetBusStartLimit();
    /// `systemctl --user show -p PROPERTY --value UNIT`, trimmed; empty on error.
    QString unitProperty(const QString &unit, const QString &property);

    /// Unit text for an IOC running `procServ --foreground PROCSERVOPTIONS iocsim --name
    /// IOCNAME IOCSIMARGS`. Options are passed to systemd as written, so `%t` specifiers and
    /// `${VAR}` work; arguments containing spaces are quoted. EXTRASERVICELINES are appended
    /// to the [Service] section (e.g. "RuntimeDirectory=x", "Environment=A=b").
    static QString procServUnit(const QString &iocName, const QStringList &procServOptions,
                                const QStringList &iocsimArgs = {},
                                const QStringList &extraServiceLines = {});
    /// The procServUtils convention (procserv-NAME.service, as its launcher starts procServ):
    /// console on the UNIX socket procServUtilsSocket(NAME), info file next to it.
    static QString procServUtilsUnit(const QString &iocName, const QStringList &iocsimArgs = {});
    /// $XDG_RUNTIME_DIR/procserv-NAME/control: the console of procServUtilsUnit(NAME).
    QString procServUtilsSocket(const QString &iocName) const;
    /// One argument quoted for a systemd command line (only when it needs quoting).
    static QString quoteArgument(const QString &arg);
};

/// Fails the current test (never skips) when the sandbox is not there.
#define IOCDOCK_REQUIRE_SANDBOX()                            \
    do {                                                     \
        if (!Sandbox::isAvailable())                         \
            QFAIL(qPrintable(Sandbox::unavailableReason())); \
    } while (false)
