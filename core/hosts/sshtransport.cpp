// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/hosts/sshtransport.h"

#include "core/procserv/consolesession.h"

#include <QCoreApplication>
#include <QDir>

#include <atomic>

namespace {

std::atomic<int> s_forwardCounter{ 0 };

// D-Bus address values escape every byte outside [-0-9A-Za-z_/.\*] as %XX.
QString escapeAddressValue(const QString &value)
{
    QString out;
    for (const char c : value.toUtf8()) {
        const bool plain = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z') || c == '-' || c == '_' || c == '/' || c == '.'
                || c == '\\' || c == '*';
        if (plain)
            out += QLatin1Char(c);
        else
            out += QLatin1Char('%')
                    + QString::number(static_cast<uchar>(c), 16)
                              .rightJustified(2, QLatin1Char('0'));
    }
    return out;
}

// The remote side runs the user's login shell, which may not be POSIX (csh, fish): every
// remote script goes through `sh -c '...'`.
QString remoteSh(const QString &script)
{
    return QStringLiteral("sh -c ") + Host::shellQuote(script);
}

// The remote user's bus: pam_systemd sets XDG_RUNTIME_DIR on a real host (the tests' sshd
// sets it with SetEnv); /run/user/UID is systemd's default.
QString userBusPath()
{
    return QStringLiteral("${XDG_RUNTIME_DIR:-/run/user/$(id -u)}/bus");
}

QString lastMeaningfulLine(const QString &text)
{
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        const QString line = it->trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1String("Warning:"))
            || line.startsWith(QLatin1String("@@@")))
            continue;
        return line;
    }
    return {};
}

} // namespace

SshTransport::SshTransport(const QString &spec)
    : m_spec(spec)
{
    Host::parseSshSpec(m_spec, &m_target);
}

SshTransport::~SshTransport() = default;

QStringList SshTransport::sshOptions() const
{
    QStringList args{ QStringLiteral("-x"), QStringLiteral("-T") };
    // For each option ssh uses the first value it gets: options of the user (and the tests,
    // through IOCDOCK_SSH_OPTIONS) come first so they win over our defaults.
    const QString extra = qEnvironmentVariable("IOCDOCK_SSH_OPTIONS");
    if (!extra.isEmpty())
        args += extra.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const int connectSecs = qMax(1, (connectTimeout() + 999) / 1000);
    // BatchMode: nobody can answer a prompt (libdbus gives ssh no terminal). Host keys stay
    // verified against the user's known_hosts; an unknown key is refused, not accepted.
    args << QStringLiteral("-o") << QStringLiteral("BatchMode=yes") << QStringLiteral("-o")
         << QStringLiteral("ConnectTimeout=%1").arg(connectSecs) << QStringLiteral("-o")
         << QStringLiteral("ServerAliveInterval=5") << QStringLiteral("-o")
         << QStringLiteral("ServerAliveCountMax=3");
    const QString controlDir = Host::sshRuntimeDir();
    if (!controlDir.isEmpty()) {
        // One master per host: the D-Bus bridge, consoles, forwards and logs share it.
        args << QStringLiteral("-o") << QStringLiteral("ControlMaster=auto") << QStringLiteral("-o")
             << QStringLiteral("ControlPath=") + controlDir + QStringLiteral("/%C")
             << QStringLiteral("-o") << QStringLiteral("ControlPersist=60") << QStringLiteral("-o")
             << QStringLiteral("StreamLocalBindUnlink=yes");
    }
    if (m_target.port > 0)
        args << QStringLiteral("-p") << QString::number(m_target.port);
    return args;
}

QStringList SshTransport::sshArguments() const
{
    return sshOptions() << QStringLiteral("--") << m_target.destination();
}

QString SshTransport::busAddress() const
{
    QStringList argv = sshArguments();
    // systemd 252's bridge ignores --user without -M: name the user bus explicitly.
    if (isUserManager())
        argv << remoteSh(QString(QStringLiteral("exec systemd-stdio-bridge \"--bus-path=unix:path=")
                                 + userBusPath() + QLatin1Char('"')));
    else
        argv << remoteSh(QStringLiteral("exec systemd-stdio-bridge"));
    QString address = QStringLiteral("unixexec:path=ssh,argv0=ssh");
    for (int i = 0; i < argv.size(); ++i)
        address += QStringLiteral(",argv%1=").arg(i + 1) + escapeAddressValue(argv.at(i));
    return address;
}

// ---- connecting ------------------------------------------------------------------------------

QStringList SshTransport::preflightCommand(const QString &extraScript) const
{
    // A login that runs a tiny check: it tells why a host fails (libdbus would only say
    // "NoReply"), and it becomes the shared connection master.
    QString check = QStringLiteral(
            "command -v systemd-stdio-bridge >/dev/null 2>&1 || "
            "{ echo 'iocdock: systemd-stdio-bridge is not installed' >&2; exit 3; }; ");
    if (isUserManager())
        check += QString(QStringLiteral("b=\"") + userBusPath())
                + QStringLiteral("\"; [ -S \"$b\" ] || { echo \"iocdock: no user manager bus "
                                 "at $b (is the user logged in, or lingering?)\" >&2; exit 4; }");
    else
        check += QStringLiteral(
                "[ -S /run/dbus/system_bus_socket ] || "
                "{ echo 'iocdock: no system bus at /run/dbus/system_bus_socket' >&2; exit 4; }");
    if (!extraScript.isEmpty())
        check += QStringLiteral("; { ") + extraScript
                + QStringLiteral("\n} </dev/null 2>/dev/null; exit 0");
    return QStringList{ QStringLiteral("ssh") } + sshArguments() << remoteSh(check);
}

bool SshTransport::preflightSucceeded(int code, const QString &err, Host::Failure *failure,
                                      QString *message) const
{
    if (code == 0)
        return true;
    const QString line = lastMeaningfulLine(err);
    if (code != 255 && line.startsWith(QLatin1String("iocdock: "))) {
        *failure = Host::Failure::Other;
        *message = tr("%1: %2").arg(m_spec, line.mid(9));
        return false;
    }
    *failure = Host::classifySshError(err);
    switch (*failure) {
    case Host::Failure::HostKeyChanged:
        *message = tr("The host key of %1 has changed: connection refused. This may be an "
                      "attack; if the change is expected, remove the old key with "
                      "\"ssh-keygen -R\".")
                           .arg(m_spec);
        break;
    case Host::Failure::HostKeyUnknown:
        *message = tr("The host key of %1 is not known: connection refused. Connect once with "
                      "ssh to check and accept it.")
                           .arg(m_spec);
        break;
    case Host::Failure::AuthenticationFailed:
        *message = tr("Authentication failed for %1: %2").arg(m_spec, line);
        break;
    case Host::Failure::Unreachable:
        *message = tr("%1 is unreachable: %2").arg(m_spec, line);
        break;
    default:
        *message = line.isEmpty() ? tr("ssh to %1 failed (exit status %2).").arg(m_spec).arg(code)
                                  : tr("ssh to %1 failed: %2").arg(m_spec, line);
        break;
    }
    return false;
}

QString SshTransport::preflightStartError(const QString &processError) const
{
    return tr("Cannot start ssh: %1").arg(processError);
}

std::function<QDBusConnection(const QString &name)> SshTransport::busConnector() const
{
    const QString address = busAddress();
    return [address](const QString &name) { return QDBusConnection::connectToBus(address, name); };
}

// ---- consoles and commands -------------------------------------------------------------------

QStringList SshTransport::unixSocketForward(const QString &remotePath, const QString &localPath,
                                            QStringList *cleanup) const
{
    const QString spec = localPath + QLatin1Char(':') + remotePath;
    *cleanup = unixSocketCancels({ spec });
    return unixSocketForwards({ spec });
}

QStringList SshTransport::unixSocketCancels(const QStringList &specs) const
{
    const QStringList options = sshOptions();
    const auto cancel = [&](const QStringList &some) {
        QStringList argv{ QStringLiteral("ssh") };
        argv << options << QStringLiteral("-O") << QStringLiteral("cancel");
        for (const QString &spec : some)
            argv << QStringLiteral("-L") << spec;
        argv << QStringLiteral("--") << m_target.destination();
        return Host::shellJoin(argv);
    };
    // ssh stops at the first forward the master refuses (one its master never had, e.g. made
    // by a master that ended since): then each is cancelled on its own.
    QStringList each;
    QStringList localPaths;
    for (const QString &spec : specs) {
        each << cancel({ spec });
        // OpenSSH splits `-L LOCAL:REMOTE` at the first colon too.
        localPaths << Host::shellQuote(spec.section(QLatin1Char(':'), 0, 0));
    }
    QString script = cancel(specs) + QStringLiteral(" >/dev/null 2>&1");
    if (specs.size() > 1)
        script += QStringLiteral(" || { ") + each.join(QStringLiteral("; "))
                + QStringLiteral("; } >/dev/null 2>&1");
    script += QStringLiteral("; rm -f ") + localPaths.join(QLatin1Char(' '));
    return { QStringLiteral("sh"), QStringLiteral("-c"), script };
}

QStringList SshTransport::unixSocketForwards(const QStringList &specs) const
{
    const QStringList options = sshOptions();
    // `ssh -W` takes no UNIX socket path, but the master forwards one. While the host is
    // connected a master runs (the bus goes through it): add the forwards to it at once. Only
    // when that fails (no master: it ended, or connection sharing is off) log in first, which
    // starts one, and try again. A login through the master is a session on the host (a
    // shell started there): one for each forward, i.e. each remote console probe, was most of
    // what a remote IOC cost (docs/benchmarks.md, fleet scale).
    const QString login = Host::shellJoin(QStringList{ QStringLiteral("ssh") } + options
                                          << QStringLiteral("--") << m_target.destination()
                                          << QStringLiteral("true"));
    QStringList forwardArgv{ QStringLiteral("ssh") };
    forwardArgv << options << QStringLiteral("-O") << QStringLiteral("forward");
    for (const QString &spec : specs)
        forwardArgv << QStringLiteral("-L") << spec;
    forwardArgv << QStringLiteral("--") << m_target.destination();
    const QString forward = Host::shellJoin(forwardArgv);
    return { QStringLiteral("sh"), QStringLiteral("-c"),
             forward + QStringLiteral(" >/dev/null 2>&1 || { ") + login
                     + QStringLiteral(" && exec ") + forward + QStringLiteral(" >/dev/null; }") };
}

ConsoleRoute SshTransport::consoleRoute(const ConsoleEndpoint &endpoint) const
{
    if (!endpoint.isValid())
        return ConsoleRoute::direct(endpoint);
    ConsoleRoute route;
    route.endpoint = endpoint;
    if (endpoint.kind == ConsoleEndpoint::Kind::Tcp) {
        QString host = endpoint.host;
        if (host.isEmpty() || host == QLatin1String("0.0.0.0"))
            host = QStringLiteral("127.0.0.1");
        route.proxyCommand = QStringList{ QStringLiteral("ssh") } + sshOptions()
                << QStringLiteral("-W")
                << (host.contains(QLatin1Char(':'))
                            ? QStringLiteral("[%1]:%2").arg(host).arg(endpoint.port)
                            : QStringLiteral("%1:%2").arg(host).arg(endpoint.port))
                << QStringLiteral("--") << m_target.destination();
        return route;
    }
    if (endpoint.kind == ConsoleEndpoint::Kind::UnixAbstract) {
        // OpenSSH forwards UNIX sockets by path only.
        route.prepareCommand = QStringList{
            QStringLiteral("sh"), QStringLiteral("-c"),
            QStringLiteral("echo %1 >&2; exit 1")
                    .arg(Host::shellQuote(
                            tr("ssh cannot forward the abstract socket @%1").arg(endpoint.path)))
        };
        return route;
    }
    // One forward per remote socket, shared by every session that reaches it (the observer,
    // probes and console tabs of one IOC) while any holds it; a forward made once is reused by
    // reconnections. Measured at 10 hosts × 50 IOCs: a forward per session and attempt, each
    // killed when slow and made again, kept ~50 processes a second starting at idle.
    for (auto it = m_forwards.begin(); it != m_forwards.end();) {
        if (it->prepare.expired())
            it = m_forwards.erase(it);
        else
            ++it;
    }
    route.endpoint = ConsoleEndpoint();
    route.endpoint.kind = ConsoleEndpoint::Kind::Unix;
    const auto known = m_forwards.constFind(endpoint.path);
    if (known != m_forwards.constEnd()) {
        route.sharedPrepare = known->prepare.lock();
        route.endpoint.path = known->localPath;
        return route;
    }
    const QString dir = Host::sshRuntimeDir().isEmpty() ? QDir::tempPath() : Host::sshRuntimeDir();
    const QString localPath = QStringLiteral("%1/console-%2-%3.sock")
                                      .arg(dir)
                                      .arg(QCoreApplication::applicationPid())
                                      .arg(++s_forwardCounter);
    QStringList cleanup;
    const QStringList prepare = unixSocketForward(endpoint.path, localPath, &cleanup);
    route.sharedPrepare = SharedPrepare::make(prepare, cleanup);
    if (!m_forwardBatch) {
        m_forwardBatch = std::make_unique<PrepareBatch>(
                [this](const QStringList &specs) { return unixSocketForwards(specs); },
                [this](const QStringList &specs) { return unixSocketCancels(specs); });
    }
    route.sharedPrepare->setBatch(m_forwardBatch.get(),
                                  localPath + QLatin1Char(':') + endpoint.path);
    route.endpoint.path = localPath;
    m_forwards.insert(endpoint.path, Forward{ route.sharedPrepare, localPath });
    return route;
}

QStringList SshTransport::commandOnHost(const QStringList &argv) const
{
    // ssh hands the remote shell one string: quote every argument for it.
    return QStringList{ QStringLiteral("ssh") } + sshArguments()
            << remoteSh(QStringLiteral("exec ") + Host::shellJoin(argv));
}
