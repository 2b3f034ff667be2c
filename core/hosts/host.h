#pragma once

#include "core/ioc/ioc.h"
#include "core/systemd/systemdmanager.h"

#include <QDBusConnection>
#include <QObject>
#include <QPointer>
#include <QStringList>

class ConsoleSession;

/// One systemd manager reached over one D-Bus connection: the local system manager, the
/// local user manager, a bus address (the sandbox), or a remote manager over SSH.
/// Owns the connection and the SystemdManager on it, and knows how to reach its IOCs'
/// consoles and logs. Connecting never blocks the caller's thread.
class Host : public QObject
{
    Q_OBJECT
public:
    enum class Kind { LocalSystem, LocalUser, BusAddress, Ssh };
    enum class State { Disconnected, Connecting, Connected, Failed };
    Q_ENUM(State)

    /// "system", "user", "bus:ADDRESS", "[user@]host[:port]" (+ "/user" for a remote user manager)
    static Host *fromSpec(const QString &spec, QObject *parent = nullptr);
    Host(Kind kind, const QString &target, QObject *parent = nullptr);
    ~Host() override;

    Kind kind() const { return m_kind; }
    bool isLocal() const { return m_kind != Kind::Ssh; }
    bool isUserManager() const;
    /// Stable identifier used in Ioc::host and filters: "local", "user", the SSH destination.
    QString id() const;
    QString displayName() const;
    QString target() const { return m_target; }

    State state() const { return m_state; }
    QString errorString() const { return m_error; }
    /// Starts connecting; stateChanged() reports the outcome.
    void connectToManager();
    void disconnectFromManager();
    /// Valid once Connected.
    SystemdManager *manager() const { return m_manager; }

    /// A console session set up to reach ioc's procServ endpoint from this machine.
    ConsoleSession *createConsole(const Ioc &ioc, bool readOnly, QObject *parent) const;
    /// argv of a command that prints (and with follow, follows) the IOC's log.
    QStringList logCommand(const Ioc &ioc, bool follow, int lines, const QString &since = {}) const;
    /// The D-Bus address used for BusAddress and Ssh hosts (unixexec: over ssh).
    QString busAddress() const;
    /// ssh options and destination for this host (Ssh only), without a remote command.
    QStringList sshArguments() const;
    /// XDG_RUNTIME_DIR of the manager's user, or /run for the system manager.
    QString runtimeDir() const;

signals:
    void stateChanged(Host::State state);

private:
    void setState(State state, const QString &error = {});

    Kind m_kind;
    QString m_target;
    State m_state = State::Disconnected;
    QString m_error;
    QString m_connectionName;
    QPointer<SystemdManager> m_manager;
};
