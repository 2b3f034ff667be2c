// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/settings.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QSettings>

Settings Settings::defaults()
{
    Settings s;
    s.terminalFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    return s;
}

Settings Settings::load(const QSettings &store)
{
    Settings s = defaults();
    s.unitPatterns = store.value(QStringLiteral("inventory/unitPatterns")).toStringList();
    s.scrollbackLines =
            store.value(QStringLiteral("console/scrollbackLines"), s.scrollbackLines).toInt();
    const QString font = store.value(QStringLiteral("console/font")).toString();
    if (!font.isEmpty())
        s.terminalFont.fromString(font);
    s.colorScheme = store.value(QStringLiteral("console/colorScheme"), s.colorScheme).toString();
    s.confirmActions = store.value(QStringLiteral("actions/confirm"), s.confirmActions).toBool();
    s.logLines = store.value(QStringLiteral("logs/lines"), s.logLines).toInt();
    s.eventHistoryHours =
            store.value(QStringLiteral("events/historyHours"), s.eventHistoryHours).toInt();
    if (!s.validate().isEmpty()) // a hand-edited file must not break the application
        return defaults();
    return s;
}

void Settings::save(QSettings &store) const
{
    store.setValue(QStringLiteral("inventory/unitPatterns"), unitPatterns);
    store.setValue(QStringLiteral("console/scrollbackLines"), scrollbackLines);
    store.setValue(QStringLiteral("console/font"), terminalFont.toString());
    store.setValue(QStringLiteral("console/colorScheme"), colorScheme);
    store.setValue(QStringLiteral("actions/confirm"), confirmActions);
    store.setValue(QStringLiteral("logs/lines"), logLines);
    store.setValue(QStringLiteral("events/historyHours"), eventHistoryHours);
}

QString Settings::validate() const
{
    for (const QString &pattern : unitPatterns) {
        if (pattern.trimmed().isEmpty() || pattern.contains(QLatin1Char(' ')))
            return QCoreApplication::translate("Settings",
                                               "Unit pattern \"%1\" must be one word, e.g. "
                                               "softioc-*.service.")
                    .arg(pattern);
    }
    if (scrollbackLines < MinScrollback || scrollbackLines > MaxScrollback)
        return QCoreApplication::translate("Settings",
                                           "Scrollback must be between %1 and %2 lines.")
                .arg(MinScrollback)
                .arg(MaxScrollback);
    if (logLines < 0)
        return QCoreApplication::translate("Settings", "Log lines must not be negative.");
    if (eventHistoryHours < 0 || eventHistoryHours > MaxEventHistoryHours)
        return QCoreApplication::translate("Settings",
                                           "Event history must be between 0 and %1 hours.")
                .arg(MaxEventHistoryHours);
    return {};
}

bool Settings::operator==(const Settings &o) const
{
    return unitPatterns == o.unitPatterns && scrollbackLines == o.scrollbackLines
            && terminalFont == o.terminalFont && colorScheme == o.colorScheme
            && confirmActions == o.confirmActions && logLines == o.logLines
            && eventHistoryHours == o.eventHistoryHours;
}
