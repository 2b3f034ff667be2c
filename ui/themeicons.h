// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QIcon>
#include <QString>

class QAction;

/// Icons from the desktop's icon theme (freedesktop icon names), with iocdock's bundled SVGs
/// (:/icons/NAME.svg) where the theme has none or no theme is installed.
namespace ThemeIcons {

/// The theme's @p themeName when the current icon theme has it, else :/icons/@p bundled.svg.
QIcon icon(const QString &themeName, const QString &bundled);
/// Sets icon(@p themeName, @p bundled) on @p action.
void setIcon(QAction *action, const QString &themeName, const QString &bundled);

} // namespace ThemeIcons
