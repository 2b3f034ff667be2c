// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

/// The counts of the `restart` lines of IOC @p name in `iocctl events` default text output
/// (`TIME restart NAME (..., restarts=N)`), in order.
QList<int> restartCounts(const QByteArray &eventsOutput, const QString &name);
