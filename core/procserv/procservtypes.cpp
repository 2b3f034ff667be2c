// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/procserv/procservtypes.h"

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
