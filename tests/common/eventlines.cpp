// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "tests/common/eventlines.h"

#include <QRegularExpression>
#include <QStringList>

QList<int> restartCounts(const QByteArray &eventsOutput, const QString &name)
{
    const QRegularExpression restart(QStringLiteral(" restart %1 \\(.*\\brestarts=(\\d+)\\)$")
                                             .arg(QRegularExpression::escape(name)));
    QList<int> counts;
    const QStringList lines = QString::fromUtf8(eventsOutput).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QRegularExpressionMatch match = restart.match(line);
        if (match.hasMatch())
            counts << match.captured(1).toInt();
    }
    return counts;
}
