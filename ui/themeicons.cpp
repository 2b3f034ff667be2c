// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/themeicons.h"

#include <QAction>

QIcon ThemeIcons::icon(const QString &themeName, const QString &bundled)
{
    return QIcon::fromTheme(themeName, QIcon(QStringLiteral(":/icons/%1.svg").arg(bundled)));
}

void ThemeIcons::setIcon(QAction *action, const QString &themeName, const QString &bundled)
{
    action->setIcon(icon(themeName, bundled));
}
