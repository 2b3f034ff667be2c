#include "core/ioc/ioc.h"

QString ConsoleEndpoint::toString() const
{
    switch (kind) {
    case Kind::Tcp:
        return QStringLiteral("tcp:") + host + QLatin1Char(':') + QString::number(port);
    case Kind::Unix:
        return QStringLiteral("unix:") + path;
    case Kind::UnixAbstract:
        return QStringLiteral("unix:@") + path;
    case Kind::None:
        break;
    }
    return {};
}

ConsoleEndpoint ConsoleEndpoint::fromString(const QString &text)
{
    ConsoleEndpoint ep;
    if (text.startsWith(QLatin1String("unix:@"))) {
        ep.kind = Kind::UnixAbstract;
        ep.path = text.mid(6);
    } else if (text.startsWith(QLatin1String("unix:"))) {
        ep.kind = Kind::Unix;
        ep.path = text.mid(5);
    } else if (text.startsWith(QLatin1String("tcp:"))) {
        const QString rest = text.mid(4);
        const int colon = rest.lastIndexOf(QLatin1Char(':'));
        bool ok = false;
        const uint port = rest.mid(colon + 1).toUInt(&ok);
        if (colon > 0 && ok && port > 0 && port < 65536) {
            ep.kind = Kind::Tcp;
            ep.host = rest.left(colon);
            ep.port = static_cast<quint16>(port);
        }
    }
    if (ep.kind != Kind::Tcp && ep.path.isEmpty())
        return {};
    return ep;
}

QString Ioc::status() const
{
    if (!isLoaded() && activeState.isEmpty())
        return QStringLiteral("exited");
    if (activeState == QLatin1String("failed"))
        return QStringLiteral("failed");
    if (activeState == QLatin1String("activating")) {
        if (subState == QLatin1String("auto-restart"))
            return QStringLiteral("restarting");
        return QStringLiteral("starting");
    }
    if (activeState == QLatin1String("deactivating"))
        return QStringLiteral("stopping");
    if (activeState == QLatin1String("active") || activeState == QLatin1String("reloading"))
        return childState == ChildState::ShutDown ? QStringLiteral("shutdown")
                                                  : QStringLiteral("running");
    return QStringLiteral("exited");
}

QString childStateName(ChildState state)
{
    switch (state) {
    case ChildState::Running:
        return QStringLiteral("running");
    case ChildState::ShutDown:
        return QStringLiteral("shutdown");
    case ChildState::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

QString autoRestartName(AutoRestart mode)
{
    switch (mode) {
    case AutoRestart::On:
        return QStringLiteral("ON");
    case AutoRestart::Off:
        return QStringLiteral("OFF");
    case AutoRestart::OneShot:
        return QStringLiteral("ONESHOT");
    case AutoRestart::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}
