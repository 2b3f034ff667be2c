// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QString>
#include <QStringList>

/// The words in an IOC's log that say it crashed or could not start: the one list both front
/// ends mark (the Logs tab highlights and counts such lines). Matched case-sensitively, as the
/// kernel, the loader and EPICS write them.
namespace CrashSignatures {

/// "Segmentation fault", "FATAL", "undefined symbol", "error while loading", "core dumped".
const QStringList &all();

/// The first signature in @p line, or an empty string when there is none.
QString find(const QString &line);

inline bool matches(const QString &line)
{
    return !find(line).isEmpty();
}

} // namespace CrashSignatures
