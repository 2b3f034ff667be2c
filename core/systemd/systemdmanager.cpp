// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/systemd/systemdmanager.h"

#include "core/systemd/generated/systemd1managerproxy.h"

#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QDBusServiceWatcher>
#include <QDBusVariant>
#include <QLoggingCategory>

#include <limits>
#include <memory>
#include <utility>

Q_LOGGING_CATEGORY(lcSystemd, "iocdock.systemd", QtInfoMsg)

namespace {

const auto propertiesInterface = QStringLiteral("org.freedesktop.DBus.Properties");
const auto unitPathPrefix = QStringLiteral("/org/freedesktop/systemd1/unit/");
const auto jobMode = QStringLiteral("replace");
constexpr int maxEarlyJobResults = 256;

QString unknownInterface()
{
    return QStringLiteral("org.freedesktop.DBus.Error.UnknownInterface");
}

QString unknownProperty()
{
    return QStringLiteral("org.freedesktop.DBus.Error.UnknownProperty");
}

QVariant plainArgument(const QDBusArgument &argument)
{
    switch (argument.currentType()) {
    case QDBusArgument::BasicType:
        return SystemdManager::plainValue(argument.asVariant());
    case QDBusArgument::VariantType: {
        QDBusVariant variant;
        argument >> variant;
        return SystemdManager::plainValue(variant.variant());
    }
    case QDBusArgument::ArrayType: {
        const QString signature = argument.currentSignature();
        if (signature == QLatin1String("ay")) {
            QByteArray bytes;
            argument >> bytes;
            return bytes;
        }
        if (signature == QLatin1String("as")) {
            QStringList strings;
            argument >> strings;
            return strings;
        }
        QVariantList list;
        argument.beginArray();
        while (!argument.atEnd())
            list.append(plainArgument(argument));
        argument.endArray();
        return list;
    }
    case QDBusArgument::StructureType: {
        QVariantList fields;
        argument.beginStructure();
        while (!argument.atEnd())
            fields.append(plainArgument(argument));
        argument.endStructure();
        return fields;
    }
    case QDBusArgument::MapType: {
        QVariantMap map;
        argument.beginMap();
        while (!argument.atEnd()) {
            argument.beginMapEntry();
            const QVariant key = plainArgument(argument);
            const QVariant value = plainArgument(argument);
            argument.endMapEntry();
            map.insert(key.toString(), value);
        }
        argument.endMap();
        return map;
    }
    case QDBusArgument::MapEntryType:
    case QDBusArgument::UnknownType:
        break;
    }
    return {};
}

QVariantMap plainMap(const QVariantMap &map)
{
    QVariantMap result;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        result.insert(it.key(), SystemdManager::plainValue(it.value()));
    return result;
}

// The value of a Properties.Get reply (a variant).
QVariant propertyValue(const QDBusMessage &reply)
{
    return reply.arguments().value(0).value<QDBusVariant>().variant();
}

// Live watchers per connection name (SystemdManager::liveCalls()). Managers and their watchers
// live in the main thread.
QHash<QString, int> &liveCallCounts()
{
    static QHash<QString, int> counts;
    return counts;
}

// The only kind of watcher SystemdManager makes: it counts itself per connection while it lives.
class CountedWatcher : public QDBusPendingCallWatcher
{
public:
    CountedWatcher(const QDBusPendingCall &call, const QString &connectionName, QObject *parent)
        : QDBusPendingCallWatcher(call, parent)
        , m_connectionName(connectionName)
    {
        ++liveCallCounts()[m_connectionName];
    }
    ~CountedWatcher() override
    {
        auto it = liveCallCounts().find(m_connectionName);
        if (it != liveCallCounts().end() && --it.value() <= 0)
            liveCallCounts().erase(it);
    }

private:
    QString m_connectionName;
};

quint64 counter(const QDBusMessage &reply)
{
    if (reply.type() != QDBusMessage::ReplyMessage)
        return 0;
    const quint64 value = propertyValue(reply).toULongLong();
    return value == std::numeric_limits<quint64>::max() ? 0 : value;
}

} // namespace

QString SystemdManager::serviceName()
{
    return QStringLiteral("org.freedesktop.systemd1");
}

QString SystemdManager::managerPath()
{
    return QStringLiteral("/org/freedesktop/systemd1");
}

QString SystemdManager::managerInterface()
{
    return QStringLiteral("org.freedesktop.systemd1.Manager");
}

QString SystemdManager::unitInterface()
{
    return QStringLiteral("org.freedesktop.systemd1.Unit");
}

QString SystemdManager::serviceInterface()
{
    return QStringLiteral("org.freedesktop.systemd1.Service");
}

SystemdManager::SystemdManager(const QDBusConnection &connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_peer(QString())
    , m_calls(new QObject(this))
{
    registerSystemdTypes();
    // QtDBus resolves a well-known name with a *blocking* GetNameOwner when a proxy is made for it
    // or a signal is connected from it. So ask for systemd's unique name asynchronously, follow its
    // changes (the watcher only talks to the bus driver, which never blocks), and give the proxy and
    // the signal connections the unique name. Calls made before the answer wait for it, in order.
    auto *ownerWatcher = new QDBusServiceWatcher(serviceName(), m_connection,
                                                 QDBusServiceWatcher::WatchForOwnerChange, this);
    connect(ownerWatcher, &QDBusServiceWatcher::serviceOwnerChanged, this,
            [this](const QString &, const QString &, const QString &newOwner) {
                setOwner(newOwner);
            });
    QDBusMessage getOwner = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
            QStringLiteral("org.freedesktop.DBus"), QStringLiteral("GetNameOwner"));
    getOwner << serviceName();
    watch(send(getOwner), this, [this](const QDBusMessage &reply) {
        // A NameOwnerChanged that overtook this answer is newer.
        if (!m_ownerKnown)
            setOwner(reply.type() == QDBusMessage::ReplyMessage
                             ? reply.arguments().value(0).toString()
                             : QString());
    });
}

SystemdManager::~SystemdManager()
{
    // Every watcher goes now, while both connections are still open (see the class comment).
    delete m_calls;
}

int SystemdManager::liveCalls(const QString &connectionName)
{
    return liveCallCounts().value(connectionName);
}

QDBusConnection SystemdManager::connection() const
{
    return m_connection;
}

void SystemdManager::setPeerConnection(const QDBusConnection &peer)
{
    m_peer = peer;
}

void SystemdManager::setOwner(const QString &owner)
{
    if (m_ownerKnown && owner == m_owner)
        return;
    const QString previous = m_owner;
    const bool wasKnown = m_ownerKnown;
    const bool hadOwner = m_ownerKnown && !previous.isEmpty();
    m_owner = owner;
    m_ownerKnown = true;
    qCDebug(lcSystemd) << "systemd manager owner" << previous << "->" << owner;

    delete m_proxy;
    m_proxy = nullptr;
    if (!owner.isEmpty()) {
        m_proxy = new Systemd1Manager(owner, managerPath(), m_connection, this);
        if (m_subscribed)
            subscribeNow(); // a new manager instance knows nothing of our subscription
    }
    // Receivers may delete this manager (a host that gives up its connection).
    const QPointer<SystemdManager> self(this);
    if (wasKnown)
        emit ownerChanged(owner);
    if (!self)
        return;
    if (owner.isEmpty() && hadOwner) {
        const QString message = tr("The systemd manager left the bus.");
        failPendingJobs(message);
        if (!self)
            return;
        emit connectionLost(message);
        if (!self)
            return;
    }

    const auto waiting = std::exchange(m_waitingForOwner, {});
    for (const auto &call : waiting)
        call();
}

void SystemdManager::whenOwnerKnown(std::function<void()> call)
{
    if (m_ownerKnown)
        call();
    else
        m_waitingForOwner.append(std::move(call));
}

void SystemdManager::callManager(QObject *context,
                                 std::function<QDBusPendingCall(Systemd1Manager *proxy)> makeCall,
                                 std::function<void(const QDBusMessage &reply)> handler)
{
    QPointer<QObject> guard(context);
    whenOwnerKnown([this, guard, makeCall = std::move(makeCall), handler = std::move(handler)] {
        if (!guard)
            return;
        const QDBusPendingCall call = m_proxy
                ? makeCall(m_proxy)
                : QDBusPendingCall::fromError(
                        QDBusError(QDBusError::ServiceUnknown,
                                   tr("org.freedesktop.systemd1 is not on this bus")));
        watch(call, guard.data(), handler);
    });
}

void SystemdManager::sendToManager(const QDBusMessage &message, QObject *context,
                                   std::function<void(const QDBusMessage &reply)> handler)
{
    // Through the same queue as the proxy's calls, so a Subscribe asked for earlier goes out first.
    callManager(
            context,
            [this, message](Systemd1Manager *) { return send(message, modifyingCallTimeoutMs); },
            std::move(handler));
}

void SystemdManager::subscribe()
{
    ensureSubscribed();
}

void SystemdManager::ensureSubscribed()
{
    if (m_subscribed)
        return;
    m_subscribed = true;

    // Match rules first, then Subscribe: the bus keeps a connection's messages in order, so no signal
    // sent after Subscribe can be missed. The rules name no sender: for a sender QtDBus would make a
    // blocking GetNameOwner call (even for a unique name). handleSignal() checks the sender instead.
    // QDBusConnection::connect() only takes SLOT() strings.
    const QStringList managerSignals{ QStringLiteral("UnitNew"), QStringLiteral("UnitRemoved"),
                                      QStringLiteral("JobRemoved"), QStringLiteral("Reloading"),
                                      QStringLiteral("UnitFilesChanged") };
    for (const QString &name : managerSignals) {
        m_connection.connect(QString(), managerPath(), managerInterface(), name, this,
                             SLOT(handleSignal(QDBusMessage)));
    }
    // Any unit path (systemd makes unit objects on the fly; one rule per row would not scale), but only
    // changes of systemd's own interfaces (arg0), so other services' PropertiesChanged stay away.
    for (const QString &interface : { unitInterface(), serviceInterface() }) {
        m_connection.connect(QString(), QString(), propertiesInterface,
                             QStringLiteral("PropertiesChanged"), { interface }, QString(), this,
                             SLOT(handleSignal(QDBusMessage)));
    }
    whenOwnerKnown([this] {
        if (m_proxy)
            subscribeNow();
    });
}

void SystemdManager::subscribeNow()
{
    watch(m_proxy->Subscribe(), this, [](const QDBusMessage &reply) {
        // Another SystemdManager on the same connection may have subscribed already.
        // A manager that went away (re-exec, bus restart) is reported by connectionLost()
        // and ownerChanged(); the next instance gets a new Subscribe.
        const QDBusError::ErrorType type = QDBusError(reply).type();
        if (reply.type() == QDBusMessage::ErrorMessage
            && reply.errorName() != QLatin1String("org.freedesktop.systemd1.AlreadySubscribed")
            && type != QDBusError::NoReply && type != QDBusError::Disconnected
            && type != QDBusError::ServiceUnknown)
            qCWarning(lcSystemd) << "Subscribe failed:" << reply.errorName()
                                 << reply.errorMessage();
    });
}

void SystemdManager::setWatchedPaths(const QSet<QString> &paths)
{
    m_watchedPaths = paths;
}

QSet<QString> SystemdManager::watchedPaths() const
{
    return m_watchedPaths;
}

void SystemdManager::listUnits(
        const QStringList &patterns, QObject *context,
        std::function<void(const QList<UnitInfo> &, const QString &error)> done)
{
    callManager(
            context,
            [patterns](Systemd1Manager *proxy) { return proxy->ListUnitsByPatterns({}, patterns); },
            [this, done](const QDBusMessage &reply) {
                if (reply.type() == QDBusMessage::ErrorMessage)
                    done({}, errorText(QDBusError(reply)));
                else
                    done(qdbus_cast<UnitInfoList>(reply.arguments().value(0)), {});
            });
}

void SystemdManager::listUnits(
        const QStringList &states, const QStringList &patterns, QObject *context,
        std::function<void(const QList<UnitInfo> &, const QString &error)> done)
{
    callManager(
            context,
            [states, patterns](Systemd1Manager *proxy) {
                return proxy->ListUnitsByPatterns(states, patterns);
            },
            [this, done](const QDBusMessage &reply) {
                if (reply.type() == QDBusMessage::ErrorMessage)
                    done({}, errorText(QDBusError(reply)));
                else
                    done(qdbus_cast<UnitInfoList>(reply.arguments().value(0)), {});
            });
}

void SystemdManager::listUnitFiles(
        const QStringList &patterns, QObject *context,
        std::function<void(const QList<UnitFileInfo> &, const QString &error)> done)
{
    callManager(
            context,
            [patterns](Systemd1Manager *proxy) {
                return proxy->ListUnitFilesByPatterns({}, patterns);
            },
            [this, done](const QDBusMessage &reply) {
                if (reply.type() == QDBusMessage::ErrorMessage)
                    done({}, errorText(QDBusError(reply)));
                else
                    done(qdbus_cast<UnitFileInfoList>(reply.arguments().value(0)), {});
            });
}

void SystemdManager::loadUnit(const QString &name, QObject *context,
                              std::function<void(const QString &path, const QString &error)> done)
{
    callManager(
            context, [name](Systemd1Manager *proxy) { return proxy->LoadUnit(name); },
            [this, done](const QDBusMessage &reply) {
                if (reply.type() == QDBusMessage::ErrorMessage)
                    done({}, errorText(QDBusError(reply)));
                else
                    done(reply.arguments().value(0).value<QDBusObjectPath>().path(), {});
            });
}

void SystemdManager::unit(const QString &name, QObject *context,
                          std::function<void(const QString &path, const QString &error)> done)
{
    callManager(
            context, [name](Systemd1Manager *proxy) { return proxy->GetUnit(name); },
            [this, done](const QDBusMessage &reply) {
                if (reply.type() == QDBusMessage::ErrorMessage)
                    done({}, errorText(QDBusError(reply)));
                else
                    done(reply.arguments().value(0).value<QDBusObjectPath>().path(), {});
            });
}

void SystemdManager::unitProperty(
        const QString &unitPath, const QString &interface, const QString &property,
        QObject *context, std::function<void(const QVariant &value, const QString &error)> done)
{
    QDBusMessage get = QDBusMessage::createMethodCall(serviceName(), unitPath, propertiesInterface,
                                                      QStringLiteral("Get"));
    get << interface << property;
    watchRead(get, context, [this, done](const QDBusMessage &reply) {
        if (reply.type() == QDBusMessage::ErrorMessage)
            done({}, errorText(QDBusError(reply)));
        else
            done(plainValue(propertyValue(reply)), {});
    });
}

void SystemdManager::unitDetails(const QString &unitPath, QObject *context,
                                 std::function<void(const UnitDetails &)> done)
{
    struct State
    {
        UnitDetails details;
        QVariantMap serviceMap; // the Service properties answered so far
        int remaining = 0;
        std::function<void(const UnitDetails &)> done;
    };
    auto state = std::make_shared<State>();
    state->details.unitPath = unitPath;
    state->done = std::move(done);

    const auto answered = [state] {
        if (--state->remaining > 0)
            return;
        state->details.service = ServiceProperties::fromMap(state->serviceMap);
        state->done(state->details);
    };

    QDBusMessage getAll = QDBusMessage::createMethodCall(
            serviceName(), unitPath, propertiesInterface, QStringLiteral("GetAll"));
    getAll << unitInterface();
    ++state->remaining;
    watchRead(getAll, context, [this, state, answered](const QDBusMessage &reply) {
        if (reply.type() == QDBusMessage::ErrorMessage) {
            state->details.error = errorText(QDBusError(reply));
            state->details.errorName = reply.errorName();
        } else {
            state->details.unit = UnitProperties::fromMap(
                    plainMap(qdbus_cast<QVariantMap>(reply.arguments().value(0))));
        }
        answered();
    });

    static const QStringList serviceProperties{ QStringLiteral("MainPID"),
                                                QStringLiteral("NRestarts"),
                                                QStringLiteral("Result"),
                                                QStringLiteral("ExecStart"),
                                                QStringLiteral("Environment"),
                                                QStringLiteral("EnvironmentFiles"),
                                                QStringLiteral("WorkingDirectory"),
                                                QStringLiteral("ExecMainStartTimestamp"),
                                                QStringLiteral("User"),
                                                QStringLiteral("StatusText"),
                                                QStringLiteral("ExecMainCode"),
                                                QStringLiteral("ExecMainStatus") };
    for (const QString &property : serviceProperties) {
        QDBusMessage get = QDBusMessage::createMethodCall(
                serviceName(), unitPath, propertiesInterface, QStringLiteral("Get"));
        get << serviceInterface() << property;
        ++state->remaining;
        watchRead(get, context, [this, state, property, answered](const QDBusMessage &reply) {
            if (reply.type() == QDBusMessage::ErrorMessage) {
                // A unit that is not a service (a target, a timer, ...) has no Service interface.
                if (reply.errorName() != unknownInterface()
                    && reply.errorName() != unknownProperty() && state->details.error.isEmpty()) {
                    state->details.error = errorText(QDBusError(reply));
                    state->details.errorName = reply.errorName();
                }
                answered();
                return;
            }
            const QVariant value = propertyValue(reply);
            if (property == QLatin1String("ExecStart"))
                state->details.execStart = qdbus_cast<ExecCommandList>(value);
            else if (property == QLatin1String("EnvironmentFiles"))
                state->details.environmentFiles = qdbus_cast<EnvironmentFileList>(value);
            else if (property == QLatin1String("Environment"))
                state->details.environment = value.toStringList();
            else
                state->serviceMap.insert(property, plainValue(value));
            answered();
        });
    }
}

void SystemdManager::unitListingDetails(const QString &unitPath, bool active, QObject *context,
                                        std::function<void(const UnitDetails &)> done,
                                        bool withUnitFileState)
{
    struct State
    {
        UnitDetails details;
        QVariantMap unitMap; // the Unit properties answered so far
        QVariantMap serviceMap; // the Service properties answered so far
        int remaining = 0;
        std::function<void(const UnitDetails &)> done;
    };
    auto state = std::make_shared<State>();
    state->details.unitPath = unitPath;
    state->done = std::move(done);

    // One Get, its answer stored in state; calls done() after the last answer.
    std::shared_ptr<std::function<void(const QString &, const QString &)>> get =
            std::make_shared<std::function<void(const QString &, const QString &)>>();
    *get = [this, state, unitPath, context, weakGet = std::weak_ptr(get)](const QString &interface,
                                                                          const QString &property) {
        QDBusMessage message = QDBusMessage::createMethodCall(
                serviceName(), unitPath, propertiesInterface, QStringLiteral("Get"));
        message << interface << property;
        ++state->remaining;
        // The lambda keeps the getter alive while a first-round answer may add calls.
        watchRead(message, context,
                  [this, state, interface, property,
                   next = weakGet.lock()](const QDBusMessage &reply) {
                      if (reply.type() == QDBusMessage::ErrorMessage) {
                          if (reply.errorName() != unknownInterface()
                              && reply.errorName() != unknownProperty()
                              && state->details.error.isEmpty()) {
                              state->details.error = errorText(QDBusError(reply));
                              state->details.errorName = reply.errorName();
                          }
                      } else {
                          const QVariant value = propertyValue(reply);
                          if (property == QLatin1String("ExecStart")) {
                              state->details.execStart = qdbus_cast<ExecCommandList>(value);
                              // Variables need the unit's environment to expand.
                              const bool refersToVariable = !state->details.execStart.isEmpty()
                                      && state->details.execStart.first()
                                                 .argv.join(QLatin1Char(' '))
                                                 .contains(QLatin1Char('$'));
                              if (refersToVariable && next)
                                  (*next)(serviceInterface(), QStringLiteral("Environment"));
                          } else if (property == QLatin1String("EnvironmentFiles")) {
                              state->details.environmentFiles =
                                      qdbus_cast<EnvironmentFileList>(value);
                          } else if (property == QLatin1String("Environment")) {
                              state->details.environment = value.toStringList();
                          } else if (interface == unitInterface()) {
                              state->unitMap.insert(property, plainValue(value));
                          } else {
                              state->serviceMap.insert(property, plainValue(value));
                          }
                      }
                      if (--state->remaining > 0)
                          return;
                      state->details.unit = UnitProperties::fromMap(state->unitMap);
                      state->details.service = ServiceProperties::fromMap(state->serviceMap);
                      state->done(state->details);
                  });
    };
    const QString service = serviceInterface();
    (*get)(service, QStringLiteral("ExecStart"));
    // Always: the convention can depend on them (FRIB's /etc/iocs/NAME/config).
    (*get)(service, QStringLiteral("EnvironmentFiles"));
    (*get)(service, QStringLiteral("NRestarts"));
    // `enabled` in ps's JSON and filters; cheap next to GetAll (see docs/benchmarks.md).
    if (withUnitFileState)
        (*get)(unitInterface(), QStringLiteral("UnitFileState"));
    if (active) {
        (*get)(service, QStringLiteral("MainPID"));
        (*get)(unitInterface(), QStringLiteral("ActiveEnterTimestamp"));
    } else {
        (*get)(service, QStringLiteral("Result"));
        (*get)(unitInterface(), QStringLiteral("InactiveEnterTimestamp"));
        // "Exited (N)": how procServ ended (nothing when it never ran: "Created").
        (*get)(service, QStringLiteral("ExecMainCode"));
        (*get)(service, QStringLiteral("ExecMainStatus"));
    }
}

void SystemdManager::unitStats(
        const QStringList &unitPaths, QObject *context,
        std::function<void(const QString &path, quint64 memory, quint64 cpuNSec, uint tasks)> each)
{
    struct State
    {
        int remaining = 3;
        quint64 memory = 0;
        quint64 cpu = 0;
        quint64 tasks = 0;
    };
    for (const QString &path : unitPaths) {
        auto state = std::make_shared<State>();
        const auto get = [this, &path](const QString &property) {
            QDBusMessage message = QDBusMessage::createMethodCall(
                    serviceName(), path, propertiesInterface, QStringLiteral("Get"));
            message << serviceInterface() << property;
            return send(message);
        };
        const auto answered = [state, path, each] {
            if (--state->remaining == 0)
                each(path, state->memory, state->cpu,
                     uint(qMin<quint64>(state->tasks, std::numeric_limits<uint>::max())));
        };
        watch(get(QStringLiteral("MemoryCurrent")), context,
              [state, answered](const QDBusMessage &reply) {
                  state->memory = counter(reply);
                  answered();
              });
        watch(get(QStringLiteral("CPUUsageNSec")), context,
              [state, answered](const QDBusMessage &reply) {
                  state->cpu = counter(reply);
                  answered();
              });
        watch(get(QStringLiteral("TasksCurrent")), context,
              [state, answered](const QDBusMessage &reply) {
                  state->tasks = counter(reply);
                  answered();
              });
    }
}

void SystemdManager::unitProcesses(
        const QString &unitName, QObject *context,
        std::function<void(const QList<UnitProcess> &, const QString &error)> done)
{
    callManager(
            context,
            [unitName](Systemd1Manager *proxy) { return proxy->GetUnitProcesses(unitName); },
            [this, done](const QDBusMessage &reply) {
                if (reply.type() == QDBusMessage::ErrorMessage)
                    done({}, errorText(QDBusError(reply)));
                else
                    done(qdbus_cast<UnitProcessList>(reply.arguments().value(0)), {});
            });
}

void SystemdManager::run(UnitAction action, const QString &unitName, QObject *context,
                         std::function<void(const JobResult &)> done)
{
    switch (action) {
    case UnitAction::Start:
    case UnitAction::Stop:
    case UnitAction::Restart:
        runJob(action, unitName, context, std::move(done));
        return;
    case UnitAction::Enable:
    case UnitAction::Disable:
        runUnitFile(action, unitName, context, std::move(done));
        return;
    }
}

void SystemdManager::link(const QString &path, QObject *context,
                          std::function<void(const QString &error)> done)
{
    QDBusMessage message = modifyingCall(QStringLiteral("LinkUnitFiles"));
    message << QStringList{ path } << false << false;
    sendToManager(message, context, [this, done](const QDBusMessage &reply) {
        done(reply.type() == QDBusMessage::ErrorMessage ? errorText(QDBusError(reply)) : QString());
    });
}

void SystemdManager::resetFailed(
        const QString &unitName, QObject *context,
        std::function<void(const QString &error, const QString &errorName)> done)
{
    QDBusMessage message = modifyingCall(QStringLiteral("ResetFailedUnit"));
    message << unitName;
    sendToManager(message, context, [this, done](const QDBusMessage &reply) {
        if (reply.type() == QDBusMessage::ErrorMessage)
            done(errorText(QDBusError(reply)), reply.errorName());
        else
            done({}, {});
    });
}

void SystemdManager::killUnit(
        const QString &unitName, const QString &whom, int signal, QObject *context,
        std::function<void(const QString &error, const QString &errorName)> done)
{
    QDBusMessage message = modifyingCall(QStringLiteral("KillUnit"));
    message << unitName << whom << qint32(signal);
    sendToManager(message, context, [this, done](const QDBusMessage &reply) {
        if (reply.type() == QDBusMessage::ErrorMessage)
            done(errorText(QDBusError(reply)), reply.errorName());
        else
            done({}, {});
    });
}

void SystemdManager::reload(QObject *context, std::function<void(const QString &error)> done)
{
    sendToManager(modifyingCall(QStringLiteral("Reload")), context,
                  [this, done](const QDBusMessage &reply) {
                      done(reply.type() == QDBusMessage::ErrorMessage ? errorText(QDBusError(reply))
                                                                      : QString());
                  });
}

void SystemdManager::ping(int timeoutMs, QObject *context,
                          std::function<void(const QDBusError &error)> done)
{
    const QDBusMessage message = QDBusMessage::createMethodCall(
            serviceName(), managerPath(), QStringLiteral("org.freedesktop.DBus.Peer"),
            QStringLiteral("Ping"));
    track(send(message, timeoutMs), m_connection, context,
          [done = std::move(done)](const QDBusMessage &reply) { done(QDBusError(reply)); });
}

QDBusMessage SystemdManager::modifyingCall(const QString &method) const
{
    QDBusMessage message = QDBusMessage::createMethodCall(serviceName(), managerPath(),
                                                          managerInterface(), method);
    // Lets systemd ask polkit to show a password dialog (system manager; the user manager needs none).
    message.setInteractiveAuthorizationAllowed(true);
    return message;
}

void SystemdManager::runJob(UnitAction action, const QString &unitName, QObject *context,
                            std::function<void(const JobResult &)> done)
{
    // JobRemoved is only sent to subscribers; the subscription goes out before the job request.
    ensureSubscribed();

    QString method;
    switch (action) {
    case UnitAction::Start:
        method = QStringLiteral("StartUnit");
        break;
    case UnitAction::Stop:
        method = QStringLiteral("StopUnit");
        break;
    default:
        method = QStringLiteral("RestartUnit");
        break;
    }
    QDBusMessage message = modifyingCall(method);
    message << unitName << jobMode;

    PendingJob job;
    job.context = context;
    job.done = std::move(done);
    job.result.unit = unitName;
    job.result.action = action;
    sendToManager(message, context, [this, job](const QDBusMessage &reply) {
        if (reply.type() == QDBusMessage::ErrorMessage) {
            JobResult result = job.result;
            result.result = QStringLiteral("error");
            result.errorName = reply.errorName();
            result.message = errorText(QDBusError(reply));
            job.done(result);
            return;
        }
        const QString jobPath = reply.arguments().value(0).value<QDBusObjectPath>().path();
        // JobRemoved can be delivered before this reply when the job finishes at once. Job paths are
        // never reused, so an early result stays valid for every caller whose job systemd merged into it.
        const auto early = m_earlyJobResults.constFind(jobPath);
        if (early != m_earlyJobResults.constEnd()) {
            finishJob(job, early.value());
            return;
        }
        m_pendingJobs.insert(jobPath, job);
    });
}

void SystemdManager::runUnitFile(UnitAction action, const QString &unitName, QObject *context,
                                 std::function<void(const JobResult &)> done)
{
    QDBusMessage message;
    if (action == UnitAction::Enable) {
        message = modifyingCall(QStringLiteral("EnableUnitFiles"));
        message << QStringList{ unitName } << false << false;
    } else {
        message = modifyingCall(QStringLiteral("DisableUnitFiles"));
        message << QStringList{ unitName } << false;
    }

    JobResult base;
    base.unit = unitName;
    base.action = action;
    const auto fail = [this, base, done](const QDBusMessage &reply) {
        JobResult result = base;
        result.result = QStringLiteral("error");
        result.errorName = reply.errorName();
        result.message = errorText(QDBusError(reply));
        done(result);
    };

    sendToManager(
            message, context, [this, action, base, done, fail, context](const QDBusMessage &reply) {
                if (reply.type() == QDBusMessage::ErrorMessage) {
                    fail(reply);
                    return;
                }
                if (action == UnitAction::Enable) {
                    const bool carriesInstallInfo = reply.arguments().value(0).toBool();
                    const auto changes = qdbus_cast<UnitFileChangeList>(reply.arguments().value(1));
                    if (!carriesInstallInfo && changes.isEmpty()) {
                        JobResult result = base;
                        result.result = QStringLiteral("skipped");
                        result.message =
                                tr("%1 has no [Install] section, so there is nothing to enable.")
                                        .arg(base.unit);
                        done(result);
                        return;
                    }
                }
                // systemctl enable/disable reload the manager as well, so the unit's state follows the files.
                sendToManager(modifyingCall(QStringLiteral("Reload")), context,
                              [base, done, fail](const QDBusMessage &reloadReply) {
                                  if (reloadReply.type() == QDBusMessage::ErrorMessage) {
                                      fail(reloadReply);
                                      return;
                                  }
                                  JobResult result = base;
                                  result.result = QStringLiteral("done");
                                  done(result);
                              });
            });
}

void SystemdManager::finishJob(PendingJob job, const QString &result)
{
    if (!job.context)
        return;
    job.result.result = result;
    if (!job.result.ok())
        job.result.message = describeJobResult(result);
    job.done(job.result);
}

void SystemdManager::failPendingJobs(const QString &message)
{
    const auto jobs = std::exchange(m_pendingJobs, {});
    for (PendingJob job : jobs) {
        if (!job.context)
            continue;
        job.result.result = QStringLiteral("error");
        job.result.errorName = QStringLiteral("org.freedesktop.DBus.Error.Disconnected");
        job.result.message = message;
        job.done(job.result);
    }
}

void SystemdManager::handleJobRemoved(uint id, const QDBusObjectPath &job, const QString &unit,
                                      const QString &result)
{
    const QString jobPath = job.path();
    const QList<PendingJob> waiting = m_pendingJobs.values(jobPath);
    m_pendingJobs.remove(jobPath);
    // Remember a bounded number of results: perhaps the reply of our own call is still on its way.
    m_earlyJobResults.insert(jobPath, result);
    m_earlyJobOrder.append(jobPath);
    while (m_earlyJobOrder.size() > maxEarlyJobResults)
        m_earlyJobResults.remove(m_earlyJobOrder.takeFirst());
    for (const PendingJob &pending : waiting)
        finishJob(pending, result);
    emit jobRemoved(id, jobPath, unit, result);
}

void SystemdManager::handleSignal(const QDBusMessage &message)
{
    // Only the manager we talk to; anyone on the bus may send a signal with systemd's path.
    if (m_owner.isEmpty() || message.service() != m_owner)
        return;
    const QList<QVariant> arguments = message.arguments();
    const QString member = message.member();
    if (member == QLatin1String("PropertiesChanged")) {
        const QString path = message.path();
        if (!path.startsWith(unitPathPrefix) || arguments.size() < 3)
            return;
        if (!m_watchedPaths.isEmpty() && !m_watchedPaths.contains(path))
            return;
        emit unitPropertiesChanged(
                path,
                UnitPropertiesChange::fromSignal(arguments.at(0).toString(),
                                                 plainMap(qdbus_cast<QVariantMap>(arguments.at(1))),
                                                 qdbus_cast<QStringList>(arguments.at(2))));
    } else if (member == QLatin1String("JobRemoved") && arguments.size() == 4) {
        handleJobRemoved(arguments.at(0).toUInt(), arguments.at(1).value<QDBusObjectPath>(),
                         arguments.at(2).toString(), arguments.at(3).toString());
    } else if (member == QLatin1String("UnitNew") && arguments.size() == 2) {
        emit unitNew(arguments.at(0).toString(), arguments.at(1).value<QDBusObjectPath>().path());
    } else if (member == QLatin1String("UnitRemoved") && arguments.size() == 2) {
        emit unitRemoved(arguments.at(0).toString(),
                         arguments.at(1).value<QDBusObjectPath>().path());
    } else if (member == QLatin1String("Reloading") && arguments.size() == 1) {
        emit reloading(arguments.at(0).toBool());
    } else if (member == QLatin1String("UnitFilesChanged")) {
        emit unitFilesChanged();
    }
}

void SystemdManager::track(const QDBusPendingCall &call, const QDBusConnection &connection,
                           QObject *context, std::function<void(const QDBusMessage &reply)> handler)
{
    // The one place that makes a watcher: a child of m_calls, so it dies with this manager, before
    // the connection closes (the class comment). The handler runs only while the context lives;
    // a watcher whose context died first stays until its call answers or this manager goes.
    auto *watcher = new CountedWatcher(call, connection.name(), m_calls);
    const QPointer<QObject> guard(context);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [guard, handler = std::move(handler)](QDBusPendingCallWatcher *finished) {
                finished->deleteLater();
                if (guard)
                    handler(finished->reply());
            });
}

void SystemdManager::watch(const QDBusPendingCall &call, QObject *context,
                           std::function<void(const QDBusMessage &reply)> handler)
{
    // A call on a dead connection never finishes (QtDBus gives a pending call without a reply): answer at once.
    const QDBusPendingCall answerable = m_connection.isConnected()
            ? call
            : QDBusPendingCall::fromError(
                    QDBusError(QDBusError::Disconnected, m_connection.lastError().message()));
    // A lost connection is noted even when the context is gone; the handler comes last, and not
    // at all when a receiver of connectionLost() deleted this manager.
    const QPointer<QObject> guard(context);
    track(answerable, m_connection, this,
          [this, guard, handler = std::move(handler)](const QDBusMessage &reply) {
              const QPointer<SystemdManager> self(this);
              if (reply.type() == QDBusMessage::ErrorMessage)
                  noteError(QDBusError(reply));
              if (self && guard)
                  handler(reply);
          });
}

void SystemdManager::watchRead(const QDBusMessage &message, QObject *context,
                               std::function<void(const QDBusMessage &reply)> handler)
{
    if (!m_peer.isConnected()) {
        watch(send(message), context, std::move(handler));
        return;
    }
    // A direct connection has no bus to route by name: no destination.
    QDBusMessage direct = QDBusMessage::createMethodCall(QString(), message.path(),
                                                         message.interface(), message.member());
    direct.setArguments(message.arguments());
    const QPointer<QObject> guard(context);
    track(m_peer.asyncCall(direct), m_peer, this,
          [this, message, guard, handler = std::move(handler)](const QDBusMessage &reply) {
              if (!guard)
                  return;
              if (reply.type() == QDBusMessage::ErrorMessage && !m_peer.isConnected()) {
                  // The private socket closed under the call: ask the bus instead.
                  qCDebug(lcSystemd) << "private socket closed; reading over the bus";
                  watch(send(message), guard.data(), handler);
                  return;
              }
              const QPointer<SystemdManager> self(this);
              if (reply.type() == QDBusMessage::ErrorMessage)
                  noteError(QDBusError(reply));
              if (self && guard)
                  handler(reply);
          });
}

QDBusPendingCall SystemdManager::send(const QDBusMessage &message, int timeoutMs)
{
    if (!m_connection.isConnected()) {
        // asyncCall() on a dead connection gives a pending call that never finishes; answer at once.
        return QDBusPendingCall::fromError(
                QDBusError(QDBusError::Disconnected, m_connection.lastError().message()));
    }
    return m_connection.asyncCall(message, timeoutMs);
}

void SystemdManager::noteError(const QDBusError &error)
{
    switch (error.type()) {
    case QDBusError::Disconnected:
        if (m_lost)
            return;
        m_lost = true;
        // Reported to the caller (connectionLost(), the call's error); not a log warning, which
        // would land in iocctl's output.
        qCDebug(lcSystemd) << "connection lost:" << error.message();
        failPendingJobs(errorText(error));
        emit connectionLost(errorText(error));
        return;
    case QDBusError::NoReply:
        qCDebug(lcSystemd) << "no reply:" << error.message();
        emit connectionLost(errorText(error));
        return;
    default:
        return;
    }
}

QString SystemdManager::errorText(const QDBusError &error) const
{
    if (error.type() == QDBusError::Disconnected && !m_connection.isConnected()) {
        // The connection's own error says why (e.g. "Failed to connect to socket ...").
        const QString reason = m_connection.lastError().message();
        return tr("Not connected to the D-Bus bus: %1")
                .arg(reason.isEmpty() ? error.message() : reason);
    }
    return describeError(error);
}

QString SystemdManager::describeError(const QDBusError &error)
{
    const QString name = error.name();
    const QString detail = error.message();
    if (name == QLatin1String("org.freedesktop.DBus.Error.AccessDenied")
        || name == QLatin1String("org.freedesktop.systemd1.AccessDenied"))
        return tr("Permission denied: you are not allowed to do this (%1).").arg(detail);
    if (name == QLatin1String("org.freedesktop.DBus.Error.InteractiveAuthorizationRequired"))
        return tr(
                "Authentication is required, but no authentication agent could ask for a password. "
                "Run a polkit agent in this session or ask an administrator for permission.");
    if (name == QLatin1String("org.freedesktop.systemd1.NoSuchUnit"))
        return tr("No such unit: %1").arg(detail);
    if (name == QLatin1String("org.freedesktop.systemd1.UnitMasked"))
        return tr("The unit is masked: %1").arg(detail);
    if (name == QLatin1String("org.freedesktop.systemd1.NoSuchJob"))
        return tr("No such job: %1").arg(detail);
    if (name == QLatin1String("org.freedesktop.DBus.Error.InvalidArgs"))
        return tr("systemd rejected the request: %1").arg(detail);
    switch (error.type()) {
    case QDBusError::NoError:
        return {};
    case QDBusError::NoReply:
    case QDBusError::Timeout:
    case QDBusError::TimedOut:
        return tr("systemd did not answer in time (%1).").arg(detail);
    case QDBusError::Disconnected:
        return tr("The connection to the D-Bus bus is lost (%1).").arg(detail);
    case QDBusError::ServiceUnknown:
        return tr("No systemd manager on this bus (%1).").arg(detail);
    default:
        break;
    }
    if (detail.isEmpty())
        return tr("D-Bus error %1.").arg(name);
    return tr("%1 (%2)").arg(detail, name);
}

QString SystemdManager::describeJobResult(const QString &result)
{
    if (result == QLatin1String("done"))
        return tr("done");
    if (result == QLatin1String("failed"))
        return tr("the unit failed; see its log");
    if (result == QLatin1String("timeout"))
        return tr("the unit did not finish in time (timeout); see its log");
    if (result == QLatin1String("canceled"))
        return tr("the job was canceled by another request");
    if (result == QLatin1String("dependency"))
        return tr("a unit this one depends on failed");
    if (result == QLatin1String("skipped"))
        return tr("nothing to do for the unit in its current state (skipped)");
    if (result == QLatin1String("invalid"))
        return tr("the job does not apply to this unit");
    if (result == QLatin1String("unsupported"))
        return tr("the unit does not support this action");
    return tr("finished with result \"%1\"").arg(result);
}

QString SystemdManager::actionName(UnitAction action)
{
    switch (action) {
    case UnitAction::Start:
        return tr("start");
    case UnitAction::Stop:
        return tr("stop");
    case UnitAction::Restart:
        return tr("restart");
    case UnitAction::Enable:
        return tr("enable");
    case UnitAction::Disable:
        return tr("disable");
    }
    return {};
}

QDateTime SystemdManager::toDateTime(qulonglong usec)
{
    if (usec == 0 || usec == std::numeric_limits<qulonglong>::max())
        return {};
    return QDateTime::fromMSecsSinceEpoch(qint64(usec / 1000));
}

QVariant SystemdManager::plainValue(const QVariant &value)
{
    const int type = value.userType();
    if (type == qMetaTypeId<QDBusArgument>())
        return plainArgument(value.value<QDBusArgument>());
    if (type == qMetaTypeId<QDBusVariant>())
        return plainValue(value.value<QDBusVariant>().variant());
    if (type == qMetaTypeId<QDBusObjectPath>())
        return value.value<QDBusObjectPath>().path();
    if (type == qMetaTypeId<QDBusSignature>())
        return value.value<QDBusSignature>().signature();
    return value;
}
