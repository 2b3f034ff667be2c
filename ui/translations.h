// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

/// Loading the translations of iocdock's GUI.
namespace Translations {

/// The folder Qt's own translations come from (QLibraryInfo's TranslationsPath).
QString qtTranslationsPath();

/// The folders iocdock's own translations are looked for in, in order: the installed ones
/// (share/iocdock/translations beside the bin/ of the executable), then the copies built into
/// the program (:/i18n, also what a build tree uses).
QStringList ownTranslationsPaths();

/// Installs on @p app the translations for @p locale: Qt's own (qt_<lang>, which pulls
/// qtbase_<lang>, else qtbase_<lang> alone) so that Qt's strings — Cancel, key names, file
/// dialogs — follow the language, and iocdock's from the first of ownTranslationsPaths() that has it. Returns the catalogues loaded
/// ("qt", "qtbase", "iocdock"); a missing one is left out (English).
QStringList install(QCoreApplication *app, const QLocale &locale = QLocale());

} // namespace Translations
