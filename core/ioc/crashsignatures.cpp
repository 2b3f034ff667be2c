// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/crashsignatures.h"

namespace CrashSignatures {

const QStringList &all()
{
    static const QStringList signatures{
        QStringLiteral("Segmentation fault"), // the shell's, procServ's child report
        QStringLiteral("FATAL"), // errlog, assertions
        QStringLiteral("undefined symbol"), // ld.so: a library built against other headers
        QStringLiteral("error while loading"), // ld.so: "... shared libraries"
        QStringLiteral("core dumped"), // "(core dumped)", systemd's "dumped core" aside
    };
    return signatures;
}

QString find(const QString &line)
{
    for (const QString &signature : all()) {
        if (line.contains(signature))
            return signature;
    }
    return {};
}

} // namespace CrashSignatures
