// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QChar>
#include <QMap>
#include <QString>

// systemd's %-specifiers in unit files (systemd.unit(5) "Specifiers"). Nothing here reads
// a file or asks a manager: the caller passes what it knows.

/// The specifiers that follow from the unit name and the manager's directories:
/// %n %N %p %P %i %I %j %J %f %t %h %u %T %V and %%. Host facts (%H %l %m %b %U %g %G %s
/// ...) belong to the host the unit runs on; callers that know them add them.
/// @p runtimeDir is /run for the system manager, $XDG_RUNTIME_DIR for a user manager.
QMap<QChar, QString> unitSpecifiers(const QString &unitName, const QString &runtimeDir,
                                    const QString &home, const QString &user);

/// Replaces every "%X" in @p in by @p specifiers' value for X ("%%" is '%'; a '%' at the
/// very end stays). An X without a value is an error, as systemd refuses such a unit:
/// returns false and @p error (when given) names it; @p out is then incomplete.
bool expandSpecifiers(const QString &in, const QMap<QChar, QString> &specifiers, QString *out,
                      QString *error);

/// systemd's unit-name unescaping (unit_name_unescape): "\xNN" → that byte, '-' → '/'.
QString unescapeUnitName(const QString &text);
