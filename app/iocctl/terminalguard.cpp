// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/terminalguard.h"

#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <initializer_list>
#include <termios.h>
#include <unistd.h>

namespace {

// Plain globals: the signal handler may touch nothing else.
struct termios s_savedTermios;
volatile sig_atomic_t s_termiosFd = -1;
constexpr int kMaxFlagFds = 3;
volatile sig_atomic_t s_flagFds[kMaxFlagFds] = { -1, -1, -1 };
volatile sig_atomic_t s_savedFlags[kMaxFlagFds] = { 0, 0, 0 };
volatile sig_atomic_t s_handlersInstalled = 0;

extern "C" void restoreOnSignal(int signal)
{
    TerminalGuard::restore();
    // Die of the signal as the shell expects (exit status 128 + N).
    ::signal(signal, SIG_DFL);
    ::raise(signal);
}

extern "C" void restoreAtExit()
{
    TerminalGuard::restore();
}

} // namespace

void TerminalGuard::installHandlers()
{
    if (s_handlersInstalled)
        return;
    s_handlersInstalled = 1;
    std::atexit(restoreAtExit);
    struct sigaction action = {};
    action.sa_handler = restoreOnSignal;
    sigemptyset(&action.sa_mask);
    for (const int sig : { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE })
        sigaction(sig, &action, nullptr);
}

bool TerminalGuard::makeRaw(int fd)
{
    if (!::isatty(fd) || s_termiosFd >= 0)
        return false;
    struct termios settings;
    if (::tcgetattr(fd, &settings) != 0)
        return false;
    s_savedTermios = settings;
    installHandlers();
    s_termiosFd = fd;
    ::cfmakeraw(&settings);
    settings.c_cc[VMIN] = 1;
    settings.c_cc[VTIME] = 0;
    if (::tcsetattr(fd, TCSANOW, &settings) != 0) {
        s_termiosFd = -1;
        return false;
    }
    return true;
}

bool TerminalGuard::setNonBlocking(int fd)
{
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags < 0)
        return false;
    installHandlers();
    for (int i = 0; i < kMaxFlagFds; ++i) {
        if (s_flagFds[i] == fd)
            break;
        if (s_flagFds[i] < 0) {
            s_savedFlags[i] = flags;
            s_flagFds[i] = fd;
            break;
        }
    }
    return ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0;
}

void TerminalGuard::restore()
{
    for (int i = 0; i < kMaxFlagFds; ++i) {
        if (s_flagFds[i] >= 0) {
            ::fcntl(s_flagFds[i], F_SETFL, static_cast<int>(s_savedFlags[i]));
            s_flagFds[i] = -1;
        }
    }
    if (s_termiosFd >= 0) {
        ::tcsetattr(s_termiosFd, TCSANOW, &s_savedTermios);
        s_termiosFd = -1;
    }
}

bool TerminalGuard::isRaw()
{
    return s_termiosFd >= 0;
}
