// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/timeargument.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimeZone>

#include <cmath>

namespace TimeArgument {

namespace {

// Milliseconds of one unit; 0 for a word that is none.
qint64 unitMsecs(const QString &unit)
{
    static const QHash<QString, qint64> units{
        { QStringLiteral("ms"), 1 },           { QStringLiteral("msec"), 1 },
        { QStringLiteral("s"), 1000 },         { QStringLiteral("sec"), 1000 },
        { QStringLiteral("secs"), 1000 },      { QStringLiteral("second"), 1000 },
        { QStringLiteral("seconds"), 1000 },   { QStringLiteral("m"), 60000 },
        { QStringLiteral("min"), 60000 },      { QStringLiteral("mins"), 60000 },
        { QStringLiteral("minute"), 60000 },   { QStringLiteral("minutes"), 60000 },
        { QStringLiteral("h"), 3600000 },      { QStringLiteral("hr"), 3600000 },
        { QStringLiteral("hour"), 3600000 },   { QStringLiteral("hours"), 3600000 },
        { QStringLiteral("d"), 86400000 },     { QStringLiteral("day"), 86400000 },
        { QStringLiteral("days"), 86400000 },  { QStringLiteral("w"), 604800000 },
        { QStringLiteral("week"), 604800000 }, { QStringLiteral("weeks"), 604800000 },
    };
    return units.value(unit, 0);
}

// "1h30m", "1.5h", "10 min", "1h 30min": the milliseconds, or -1 when it is no duration.
qint64 durationMsecs(const QString &text)
{
    static const QRegularExpression whole(
            QStringLiteral("^(?:\\s*\\d+(?:\\.\\d+)?\\s*[a-z]+)+\\s*$"));
    static const QRegularExpression part(QStringLiteral("(\\d+(?:\\.\\d+)?)\\s*([a-z]+)"));
    if (!whole.match(text).hasMatch())
        return -1;
    double total = 0;
    QRegularExpressionMatchIterator parts = part.globalMatch(text);
    while (parts.hasNext()) {
        const QRegularExpressionMatch m = parts.next();
        const qint64 unit = unitMsecs(m.captured(2));
        if (unit == 0)
            return -1;
        total += m.captured(1).toDouble() * double(unit);
    }
    if (!std::isfinite(total) || total > 1e15) // beyond any date QDateTime keeps
        return -1;
    return qint64(total);
}

QDateTime localMidnight(const QDateTime &now, int days)
{
    return QDateTime(now.toLocalTime().date().addDays(days), QTime(0, 0), Qt::LocalTime);
}

QDateTime isoTime(QString text)
{
    static const QRegularExpression shape(
            QStringLiteral("^\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)?"
                           "(?:Z| ?UTC|[+-]\\d{2}(?::?\\d{2})?)?$"));
    if (!shape.match(text).hasMatch())
        return {};
    if (text.size() > 10 && text.at(10) == QLatin1Char(' '))
        text[10] = QLatin1Char('T');
    if (text.endsWith(QLatin1String("UTC")))
        text = text.left(text.size() - 3).trimmed() + QLatin1Char('Z');
    // Qt reads milliseconds only: a longer fraction (docker's nanoseconds) is cut to them.
    static const QRegularExpression fraction(QStringLiteral("(\\.\\d{3})\\d+"));
    text.replace(fraction, QStringLiteral("\\1"));
    if (text.size() == 10)
        return QDateTime(QDate::fromString(text, Qt::ISODate), QTime(0, 0), Qt::LocalTime);
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

} // namespace

QDateTime parse(const QString &given, const QDateTime &now, Bare bare)
{
    const QString text = given.trimmed().toLower();
    if (text.isEmpty())
        return {};
    if (text == QLatin1String("now"))
        return now;
    if (text == QLatin1String("today"))
        return localMidnight(now, 0);
    if (text == QLatin1String("yesterday"))
        return localMidnight(now, -1);
    if (text == QLatin1String("tomorrow"))
        return localMidnight(now, 1);

    static const QRegularExpression unixTime(QStringLiteral("^@?(\\d+)(?:\\.(\\d{1,9}))?$"));
    if (const QRegularExpressionMatch m = unixTime.match(text); m.hasMatch()) {
        bool ok = false;
        const qint64 seconds = m.captured(1).toLongLong(&ok);
        if (!ok || seconds > 253402300799) // after 9999-12-31
            return {};
        const qint64 msecs = m.captured(2).leftJustified(3, QLatin1Char('0')).left(3).toInt();
        return QDateTime::fromMSecsSinceEpoch(seconds * 1000 + msecs, Qt::UTC);
    }

    QString span = text;
    int sign = 0; // -1 before now, +1 after it, 0 as the option says
    if (span.startsWith(QLatin1Char('-')) || span.startsWith(QLatin1Char('+'))) {
        sign = span.startsWith(QLatin1Char('-')) ? -1 : 1;
        span = span.mid(1);
    } else if (span.endsWith(QLatin1String(" ago"))) {
        sign = -1;
        span.chop(4);
    } else if (span.endsWith(QLatin1String(" left"))) {
        sign = 1;
        span.chop(5);
    }
    const qint64 msecs = durationMsecs(span);
    if (msecs >= 0) {
        if (sign == 0)
            sign = bare == Bare::Past ? -1 : 1;
        return now.addMSecs(sign * msecs);
    }
    if (sign != 0)
        return {};
    return isoTime(given.trimmed());
}

QString journalSpelling(const QDateTime &time)
{
    const qint64 ms = time.toMSecsSinceEpoch();
    const qint64 seconds = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000); // rounded down
    return QStringLiteral("@%1.%2").arg(seconds).arg(ms - seconds * 1000, 3, 10, QLatin1Char('0'));
}

QString examples()
{
    return QCoreApplication::translate(
            "TimeArgument",
            "a date and time (2026-05-01T12:00:00, \"2026-05-01 12:00\", with Z or an offset "
            "for UTC or another zone), a Unix time (1777636800), a duration (10m, 1h30m, "
            "\"10 min ago\"), now, today or yesterday");
}

} // namespace TimeArgument
