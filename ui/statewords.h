// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"

#include <QCoreApplication>
#include <QString>

/// What the words of a status text (IocFormat::statusText()) mean, for What's This (Shift+F1,
/// then a click on the status of a row or on the State of the details): "Up … (IOC shut down)",
/// "Unit file error", "Exited (failed)", "Restarting (crashed …)". Rich text, one paragraph per
/// part of the text shown for @p ioc.
class StateWords
{
    Q_DECLARE_TR_FUNCTIONS(StateWords)
public:
    static QString whatsThis(const Ioc &ioc);

private:
    static QString containerWhatsThis(const Ioc &ioc);
};
