// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

// systemd's EnvironmentFile= and Environment= syntax: the variables a unit's command sees.

/// Parses an EnvironmentFile= as systemd's load_env_file() does: KEY=VALUE lines, '#'/';'
/// comments, single quotes literal, double quotes with \" \\ \` \$ escapes, unquoted values
/// trimmed, backslash-newline continues a line; later keys override earlier ones. Values are
/// never expanded or executed. Assignments systemd would drop (invalid names such as
/// "export FOO", invalid UTF-8, lines without '=') are left out and listed in @p error,
/// one per line ("line N: ..."); the valid ones are still returned. A quote left open takes
/// the rest of the file, as in systemd, and is noted too.
QMap<QString, QString> parseEnvironmentFile(const QByteArray &content, QString *error);

/// One thing parseEnvironmentFile() noted: the line (1-based) and a translated message.
struct EnvironmentFileProblem
{
    int line = 0;
    QString message;
};
/// The same, with the problems one by one (for callers that name the file themselves).
QMap<QString, QString> parseEnvironmentFile(const QByteArray &content,
                                            QList<EnvironmentFileProblem> *problems);

/// Parses systemd's Environment= assignments (as D-Bus's Environment property lists them,
/// "KEY=VALUE" each) into a map; entries without '=' are ignored.
QMap<QString, QString> parseEnvironmentList(const QStringList &assignments);
