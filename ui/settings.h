// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QFont>
#include <QString>
#include <QStringList>

class QSettings;

/// The user's preferences, as a value. Stored with QSettings; edited by SettingsDialog.
struct Settings
{
    /// systemd unit name globs to look for IOCs; empty = the conventions' defaults.
    QStringList unitPatterns;
    int scrollbackLines = 10000;
    QFont terminalFont; ///< default: the system's fixed-width font
    QString colorScheme = QStringLiteral("Linux");
    /// Ask before Stop and Restart.
    bool confirmActions = true;
    /// Lines of history a new log tab starts with.
    int logLines = 500;
    /// Hours of the past the Events pane reads back from each host's journal; 0: none.
    int eventHistoryHours = 24;

    static constexpr int MinScrollback = 100;
    static constexpr int MaxScrollback = 1000000;
    static constexpr int MaxEventHistoryHours = 24 * 366;

    static Settings defaults();
    static Settings load(const QSettings &store);
    void save(QSettings &store) const;
    /// Why these settings cannot be used, for the user; empty when they are fine.
    QString validate() const;

    bool operator==(const Settings &o) const;
    bool operator!=(const Settings &o) const { return !(*this == o); }
};
