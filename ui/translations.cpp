// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcTranslations, "iocdock.ui.translations", QtInfoMsg)

QString Translations::qtTranslationsPath()
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 0, 0)
    return QLibraryInfo::path(QLibraryInfo::TranslationsPath);
#else
    return QLibraryInfo::location(QLibraryInfo::TranslationsPath);
#endif
}

QStringList Translations::ownTranslationsPaths()
{
    QStringList paths;
#ifdef IOCDOCK_TRANSLATIONS_RELDIR
    paths << QCoreApplication::applicationDirPath() + QLatin1Char('/')
                    + QStringLiteral(IOCDOCK_TRANSLATIONS_RELDIR);
#endif
    paths << QStringLiteral(":/i18n");
    return paths;
}

QStringList Translations::install(QCoreApplication *app, const QLocale &locale)
{
    QStringList loaded;
    const QString qtPath = qtTranslationsPath();
    for (const QString &name : { QStringLiteral("qt"), QStringLiteral("qtbase") }) {
        auto *qt = new QTranslator(app);
        if (qt->load(locale, name, QStringLiteral("_"), qtPath)) {
            app->installTranslator(qt);
            loaded << name;
            break; // qt_<lang> includes qtbase_<lang>
        }
        delete qt;
    }
    for (const QString &dir : ownTranslationsPaths()) {
        auto *own = new QTranslator(app);
        if (own->load(locale, QStringLiteral("iocdock"), QStringLiteral("_"), dir)) {
            app->installTranslator(own);
            loaded << QStringLiteral("iocdock");
            break;
        }
        delete own;
    }
    qCDebug(lcTranslations) << "for" << locale.uiLanguages() << "loaded" << loaded << "from"
                            << qtPath;
    return loaded;
}
