// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/terminaloutput.h"

#include <QByteArray>
#include <QtGlobal>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

bool OutputOptions::parseColor(const QString &word, Color *color)
{
    if (word == QLatin1String("auto"))
        *color = Color::Auto;
    else if (word == QLatin1String("always") || word == QLatin1String("yes"))
        *color = Color::Always;
    else if (word == QLatin1String("never") || word == QLatin1String("no"))
        *color = Color::Never;
    else
        return false;
    return true;
}

namespace {

pid_t s_pagerPid = 0;

} // namespace

namespace TerminalOutput {

bool isTerminal()
{
    static const bool terminal = ::isatty(STDOUT_FILENO) == 1;
    return terminal;
}

int columns()
{
    if (!isTerminal())
        return 0;
    bool ok = false;
    const int fromEnvironment = qEnvironmentVariableIntValue("COLUMNS", &ok);
    if (ok && fromEnvironment > 0)
        return fromEnvironment;
    winsize size{};
    // The pager has standard output now: ask standard error, then the tty itself.
    for (const int fd : { STDOUT_FILENO, STDERR_FILENO, STDIN_FILENO }) {
        if (::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
            return size.ws_col;
    }
    return 80;
}

bool colorEnabled(OutputOptions::Color mode)
{
    if (mode == OutputOptions::Color::Always)
        return true;
    if (mode == OutputOptions::Color::Never || !isTerminal())
        return false;
    if (qEnvironmentVariableIsSet("NO_COLOR"))
        return false;
    return qgetenv("TERM") != "dumb";
}

QString labelColored(const QString &text, int index)
{
    static const char *const sgr[] = { "36", "35", "34", "33", "32" };
    const int n = int(sizeof(sgr) / sizeof(sgr[0]));
    return QStringLiteral("\x1b[") + QLatin1String(sgr[((index % n) + n) % n]) + QLatin1Char('m')
            + text + QStringLiteral("\x1b[0m");
}

QString colored(const QString &text, IocFormat::Tone tone)
{
    const char *sgr = nullptr;
    switch (tone) {
    case IocFormat::Tone::Good:
        sgr = "32"; // green
        break;
    case IocFormat::Tone::Transition:
    case IocFormat::Tone::Warning:
        sgr = "33"; // yellow
        break;
    case IocFormat::Tone::Bad:
        sgr = "1;31"; // bold red
        break;
    case IocFormat::Tone::Neutral:
        return text;
    }
    return QStringLiteral("\x1b[") + QLatin1String(sgr) + QLatin1Char('m') + text
            + QStringLiteral("\x1b[0m");
}

QString pagerCommand()
{
    for (const char *name : { "IOCCTL_PAGER", "PAGER" }) {
        if (qEnvironmentVariableIsSet(name))
            return qEnvironmentVariable(name).trimmed();
    }
    return QStringLiteral("less");
}

bool startPager(const OutputOptions &options)
{
    if (s_pagerPid > 0)
        return true;
    if (options.noPager || !isTerminal())
        return false;
    const QString command = pagerCommand();
    if (command.isEmpty() || command == QLatin1String("cat"))
        return false;
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        return false;
    std::fflush(stdout);
    // Prepared before fork(): the child of a threaded program only execs.
    const QByteArray shellCommand = command.toLocal8Bit();
    if (!qEnvironmentVariableIsSet("LESS"))
        qputenv("LESS", "FRSX");
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        return false;
    }
    if (pid == 0) {
        // The pager: reads the pipe, writes to the terminal. A command line, as git runs it.
        ::dup2(fds[0], STDIN_FILENO);
        ::execl("/bin/sh", "sh", "-c", shellCommand.constData(), static_cast<char *>(nullptr));
        ::_exit(127);
    }
    ::dup2(fds[1], STDOUT_FILENO);
    ::close(fds[0]);
    ::close(fds[1]);
    s_pagerPid = pid;
    return true;
}

void finishPager()
{
    if (s_pagerPid <= 0)
        return;
    std::fflush(stdout);
    // The pager sees the end of its input; it stays until the user quits it. Ctrl+C typed
    // meanwhile is the pager's (less ignores it): iocctl must not end under it.
    ::close(STDOUT_FILENO);
    struct sigaction ignore
    {
    };
    ignore.sa_handler = SIG_IGN;
    struct sigaction oldInt
    {
    };
    struct sigaction oldQuit
    {
    };
    ::sigaction(SIGINT, &ignore, &oldInt);
    ::sigaction(SIGQUIT, &ignore, &oldQuit);
    int status = 0;
    while (::waitpid(s_pagerPid, &status, 0) < 0 && errno == EINTR) {}
    ::sigaction(SIGINT, &oldInt, nullptr);
    ::sigaction(SIGQUIT, &oldQuit, nullptr);
    s_pagerPid = 0;
}

} // namespace TerminalOutput
