// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

/// Puts a terminal into raw mode and makes sure it is restored however the program ends:
/// restore() (also registered with atexit) and handlers for SIGINT, SIGTERM, SIGHUP, SIGPIPE and
/// SIGQUIT that restore with async-signal-safe calls only and then re-raise the signal.
/// Also remembers and restores file status flags (O_NONBLOCK) changed through it.
/// Process-wide state: one guard per process.
class TerminalGuard
{
public:
    /// Saves the terminal settings of @p fd and switches it to raw mode (no echo, no line
    /// editing, no signals from keys: Ctrl-C arrives as a byte). False if @p fd is no tty.
    static bool makeRaw(int fd);
    /// Sets O_NONBLOCK on @p fd, remembering the flags to restore (up to 3 fds).
    static bool setNonBlocking(int fd);
    /// Restores everything changed above. Async-signal-safe; idempotent.
    static void restore();
    static bool isRaw();

private:
    static void installHandlers();
};
