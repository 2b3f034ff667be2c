// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QColor>
#include <QPalette>

class QWidget;

/// The few colours iocdock adds to the desktop's palette (a failed state, an error message, a
/// crash line in a log), each chosen from the palette it is shown on: a darker tone on a
/// light palette, a lighter one on a dark palette, always at least 4.5:1 against the
/// palette's Base and Window (WCAG AA for text). GUI thread only.
namespace ThemeColors {

enum class Tone { Information, Success, Warning, Error };

/// The dark palette of IOCDOCK_PALETTE=dark (with the Fusion style): for desktops whose
/// platform theme gives Qt none, screenshots and tests.
QPalette darkPalette();
/// Whether @p palette shows light text on a dark background.
bool isDark(const QPalette &palette);
/// The contrast ratio of @p a and @p b (1 to 21) as WCAG 2 defines it.
double contrast(const QColor &a, const QColor &b);
/// Text in @p tone, readable on @p palette's Base and Window.
QColor text(Tone tone, const QPalette &palette);
/// The same for the application's palette, cached until it changes (for item models).
QColor text(Tone tone);
/// A frame or border in @p tone that stands out from @p palette's Window.
QColor accent(Tone tone, const QPalette &palette);
/// A background in @p tone for a highlighted line, and the text drawn on it.
QColor background(Tone tone, const QPalette &palette);
QColor textOn(Tone tone, const QPalette &palette);
/// Sets @p widget's text colour (WindowText and Text) to text(@p tone) and keeps it
/// current when the application's palette changes (a desktop switching to dark).
void setForeground(QWidget *widget, Tone tone);
/// Sets @p widget's Window and WindowText to background() and textOn() of @p tone, kept
/// current the same way (a warning bar that fills its background).
void setBackground(QWidget *widget, Tone tone);

} // namespace ThemeColors
