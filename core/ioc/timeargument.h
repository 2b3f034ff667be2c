// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QDateTime>
#include <QString>

/// The one reading of a time given on a command line (`iocctl events --since/--until`,
/// `iocctl logs --since/--until`, a container log's bounds), so that every option takes what
/// `docker` and `journalctl` users type:
/// - `now`, `today`, `yesterday`, `tomorrow` (local midnight);
/// - a Unix time in seconds, bare as docker takes it or after `@` as journalctl does
///   (`1767225600`, `@1767225600.250`);
/// - a duration: Go's and docker's `10m`, `1h30m`, `1.5h`, `90s`, `250ms` (also `d`, `w`), or
///   journalctl's words (`10 min`, `2 hours`, `1h 30min`). `N ago` and a leading `-` are before
///   now, `+N` and `N left` after it; a bare one goes the direction the option gives;
/// - an ISO 8601 date, or date and time with `T` or a space, seconds and fraction optional,
///   then `Z`, `UTC` or an offset (`+02:00`); without one it is local time.
namespace TimeArgument {

enum class Bare {
    Past, ///< a bare duration is that long before now (docker's --since, logs --until)
    Future, ///< a bare duration is that long after now (iocctl events --until)
};

/// The time @p text names, relative to @p now; invalid when it names none.
QDateTime parse(const QString &text, const QDateTime &now, Bare bare = Bare::Past);

/// journalctl's exact spelling of @p time (`@SECONDS.MILLIS`): read the same in any time zone,
/// on any host, and by parse().
QString journalSpelling(const QDateTime &time);

/// What a time argument may look like, for an error message (translated).
QString examples();

} // namespace TimeArgument
