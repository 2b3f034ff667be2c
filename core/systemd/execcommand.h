// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QChar>
#include <QMap>
#include <QString>
#include <QStringList>

// systemd's rules for an ExecStart= command line: how a line is split into words and how the
// words are expanded into the argv that really runs. Nothing here executes anything.
//
// Where the argv comes from matters:
// - Over D-Bus (ExecStart property, a(sasbttttuii)) systemd has already split the line into
//   words and resolved the %-specifiers ("%%" is already "%"), but not the $VAR/${VAR}
//   references nor "$$" (those are expanded when the command runs) — verified on systemd 252
//   in tools/sandbox. Call expandCommand() with an EMPTY specifier map then: a '%' left in
//   such an argv is literal, expanding again would break it.
// - Unit lines with the ':' prefix (ExecStart=:cmd) get no variable expansion at all; don't
//   call expandCommand() for them.
// - From a unit file on disk: split the line first (WordSplit::UnitFileLine), then pass
//   unitSpecifiers() (unitspecifiers.h).

/// Which of systemd's extract_first_word() rule sets splitWords() follows.
enum class WordSplit {
    /// A unit file value (ExecStart=, Environment=, EnvironmentFile=):
    /// EXTRACT_UNQUOTE | EXTRACT_CUNESCAPE. Quotes group, C escapes ("\n", "\x41", "\\",
    /// "\s") are decoded, a backslash at the very end stays; a word ";" alone ends the first
    /// command and the rest is not returned.
    UnitFileLine,
    /// A variable's value put in place of a whole-word "$VAR" (replace_env_argv()):
    /// EXTRACT_RELAX | EXTRACT_UNQUOTE. Quotes group, a backslash takes the next character
    /// literally, ";" is a word like any other.
    VariableValue,
};

/// Splits @p text into words at whitespace (space, tab, newline, carriage return) by
/// @p rule. The one word splitter of systemd's syntax in iocdock.
QStringList splitWords(const QString &text, WordSplit rule);

/// Expands systemd %-specifiers (only when @p specifiers is not empty, see expandSpecifiers()),
/// then environment variables in @p argv the way systemd does before exec: "${VAR}" is
/// replaced in place, a word that is exactly "$VAR" becomes the value split at whitespace
/// (quotes honoured; an unset or empty VAR removes the word), "$$" is a literal '$'; "$"
/// followed by anything else inside a word, and "${VAR:-default}", stay as written.
/// An unknown specifier is an error (systemd refuses such a unit): the result is empty and
/// @p error says which one. Undefined variables expand to nothing, as in systemd.
QStringList expandCommand(const QStringList &argv, const QMap<QString, QString> &environment,
                          const QMap<QChar, QString> &specifiers, QString *error);
