// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/iocformat.h"

#include <QString>
#include <QStringList>

/// The output options every command takes (before or after the command name):
/// `--color auto|always|never` and `--no-pager`.
struct OutputOptions
{
    enum class Color { Auto, Always, Never };
    Color color = Color::Auto;
    bool noPager = false;

    /// "auto", "always", "never" (also "yes"/"no"); false for anything else.
    static bool parseColor(const QString &word, Color *color);
};

/// How iocctl's output meets a terminal, as systemctl and git do it: whether standard output
/// is a terminal (decided once, before a pager takes it over), its width, colours for
/// states, and the pager. Nothing here applies when standard output is a pipe or a file.
namespace TerminalOutput {

/// Standard output was a terminal when iocctl started (a pager does not change the answer).
bool isTerminal();

/// The width to fit tables to: 0 (no limit) when standard output is not a terminal, else
/// $COLUMNS when it is a positive number, else the terminal's width (80 when unknown).
int columns();

/// Colours on: `always`; never with `never`, or when standard output is not a terminal,
/// NO_COLOR is set (any value, https://no-color.org) or TERM is "dumb".
bool colorEnabled(OutputOptions::Color mode);

/// @p text in the tone's colour (SGR): green, yellow, red; Neutral unchanged.
QString colored(const QString &text, IocFormat::Tone tone);

/// @p text in the @p index'th of a few distinct colours (cyan, magenta, blue, yellow, green,
/// cycling), as docker compose colours its service prefixes: tells sources apart, says
/// nothing about state.
QString labelColored(const QString &text, int index);

/// The pager command: $IOCCTL_PAGER, else $PAGER, else "less" (with LESS=FRSX unless LESS is
/// set, so short output does not page). Empty or "cat": none.
QString pagerCommand();

/// Pipes standard output through the pager when it is a terminal and @p options allow;
/// call before the first output. Returns whether a pager runs.
bool startPager(const OutputOptions &options);

/// Flushes and closes standard output and waits for the pager to end (the user quits it);
/// nothing when none runs. Call once, before the program exits.
void finishPager();

} // namespace TerminalOutput
