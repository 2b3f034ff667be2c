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

QString ChildExit::signalName() const
{
    if (signal <= 0)
        return {};
    static const char *const names[] = {
        nullptr,     "SIGHUP",  "SIGINT",    "SIGQUIT", "SIGILL",   "SIGTRAP", "SIGABRT", "SIGBUS",
        "SIGFPE",    "SIGKILL", "SIGUSR1",   "SIGSEGV", "SIGUSR2",  "SIGPIPE", "SIGALRM", "SIGTERM",
        "SIGSTKFLT", "SIGCHLD", "SIGCONT",   "SIGSTOP", "SIGTSTP",  "SIGTTIN", "SIGTTOU", "SIGURG",
        "SIGXCPU",   "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO",   "SIGPWR",  "SIGSYS"
    };
    if (signal < int(sizeof names / sizeof names[0]))
        return QLatin1String(names[signal]);
    return QStringLiteral("signal %1").arg(signal);
}

QString ChildExit::text() const
{
    if (signal > 0)
        return signalName();
    if (code >= 0)
        return QStringLiteral("exit %1").arg(code);
    return {};
}

qint64 Ioc::restarts() const
{
    const bool up = isActive() || activeState == QLatin1String("reloading")
            || activeState == QLatin1String("deactivating");
    if (!up)
        return nRestarts;
    if (childRestarts < 0)
        return -1;
    return qint64(nRestarts) + childRestarts;
}

qint64 Ioc::restartsAtLeast() const
{
    const qint64 n = restarts();
    return n >= 0 ? n : qint64(nRestarts) + childRestartsSeen;
}

QString Ioc::status() const
{
    if (!isLoaded() && activeState.isEmpty())
        return QStringLiteral("exited");
    if (activeState == QLatin1String("failed"))
        return QStringLiteral("failed");
    if (activeState == QLatin1String("activating")) {
        if (subState == QLatin1String("auto-restart"))
            return QStringLiteral("crashloop");
        return QStringLiteral("starting");
    }
    if (activeState == QLatin1String("deactivating"))
        return QStringLiteral("stopping");
    if (activeState == QLatin1String("active") || activeState == QLatin1String("reloading")) {
        if (isCrashLooping())
            return QStringLiteral("crashloop");
        if (childState == ChildState::ShutDown)
            return QStringLiteral("shutdown");
        if (readiness == Readiness::Starting)
            return QStringLiteral("starting");
        return QStringLiteral("running");
    }
    return QStringLiteral("exited");
}

QString readinessName(Readiness readiness)
{
    switch (readiness) {
    case Readiness::Starting:
        return QStringLiteral("starting");
    case Readiness::Ready:
        return QStringLiteral("ready");
    case Readiness::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

bool isCrashLoop(const QList<QDateTime> &times, const QDateTime &now)
{
    int n = 0;
    for (const QDateTime &t : times) {
        if (t.isValid() && t.secsTo(now) <= Ioc::crashLoopWindowSecs)
            ++n;
    }
    return n >= Ioc::crashLoopRestarts;
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
