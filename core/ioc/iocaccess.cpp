// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/iocaccess.h"

#include "core/hosts/host.h"
#include "core/procserv/consolesession.h"

ConsoleSession *createIocConsole(const Host &host, const Ioc &ioc, bool readOnly, QObject *parent)
{
    auto *session = new ConsoleSession(parent);
    const ConsoleEndpoint endpoint =
            (readOnly && ioc.logPort.isValid()) ? ioc.logPort : ioc.console;
    session->setReadOnly(readOnly);
    session->setRoute(host.consoleRoute(endpoint));
    return session;
}

QStringList iocLogCommand(const Host &host, const Ioc &ioc, bool follow, int lines,
                          const QString &since, const QString &until, bool timestamps)
{
    QStringList argv;
    if (!ioc.logFile.isEmpty() && ioc.logFile != QLatin1String("-")) {
        // tail's notices about the file (rotated, gone) are read by what follows the log:
        // in English, whatever the user's language.
        argv << QStringLiteral("env") << QStringLiteral("LC_ALL=C") << QStringLiteral("tail")
             << QStringLiteral("-n") << QString::number(lines < 0 ? 0 : lines);
        if (lines < 0)
            argv.last() = QStringLiteral("+1");
        if (follow)
            argv << QStringLiteral("-F");
        argv << QStringLiteral("--") << ioc.logFile;
    } else {
        // With timestamps as journalctl shows them by default, in ISO 8601 (with the host and
        // process too: journalctl has no format of time and message alone).
        argv << QStringLiteral("journalctl") << QStringLiteral("--no-pager") << QStringLiteral("-o")
             << (timestamps ? QStringLiteral("short-iso") : QStringLiteral("cat"));
        argv << (host.isUserManager() ? QStringLiteral("--user-unit=") : QStringLiteral("--unit="))
                        + ioc.unit;
        if (lines >= 0)
            argv << QStringLiteral("-n") << QString::number(lines);
        else
            argv << QStringLiteral("--no-tail");
        if (!since.isEmpty())
            argv << QStringLiteral("--since=") + since;
        if (!until.isEmpty())
            argv << QStringLiteral("--until=") + until;
        if (follow)
            argv << QStringLiteral("-f");
    }
    return host.commandOnHost(argv);
}

ControlKeyGuard iocControlKeyGuard(const Ioc &ioc)
{
    ControlKeyGuard guard;
    guard.setIocName(ioc.name);
    guard.setKillChar(ioc.killChar);
    guard.setLogoutChar(ioc.logoutChar);
    guard.setIgnoreChars(ioc.ignoreChars);
    guard.setChildState(ioc.childState);
    guard.setAutoRestart(ioc.autoRestart);
    return guard;
}
