// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/command.h"
#include "app/iocctl/iocctl.h"
#include "app/iocctl/terminaloutput.h"
#include "core/ioc/ioc.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#ifdef IOCDOCK_HAVE_TRANSLATIONS
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

// The messages in the user's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), as iocdock does;
// qtbase's own translation covers QCommandLineParser's texts.
static void loadTranslations(QCoreApplication &app)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 0, 0)
    const QString qtDir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
#else
    const QString qtDir = QLibraryInfo::location(QLibraryInfo::TranslationsPath);
#endif
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"), qtDir))
        QCoreApplication::installTranslator(qt);
    // The installed catalogue (share/iocdock/translations beside our bin/), else the built-in
    // copy (also what a build tree uses).
    QStringList ownDirs;
#ifdef IOCDOCK_TRANSLATIONS_RELDIR
    ownDirs << QCoreApplication::applicationDirPath() + QLatin1Char('/')
                    + QStringLiteral(IOCDOCK_TRANSLATIONS_RELDIR);
#endif
    ownDirs << QStringLiteral(":/i18n");
    for (const QString &dir : qAsConst(ownDirs)) {
        auto *own = new QTranslator(&app);
        if (own->load(QLocale(), QStringLiteral("iocdock"), QStringLiteral("_"), dir)) {
            QCoreApplication::installTranslator(own);
            break;
        }
        delete own;
    }
}
#endif

int main(int argc, char **argv)
{
    // Qt's D-Bus thread stops in an exit handler, and may still be reading a signal systemd
    // sent just before; Qt's registry of custom types must outlive it, or that read warns
    // "Trying to construct an instance of an invalid type" on stderr. Exit handlers run in
    // the reverse order of creation: make the registry before anything makes the D-Bus thread.
    qRegisterMetaType<Ioc>();
#ifdef IOCDOCK_HAVE_TRANSLATIONS
    Q_INIT_RESOURCE(iocdock_translations);
#endif
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("iocctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(IOCDOCK_VERSION));
#ifdef IOCDOCK_HAVE_TRANSLATIONS
    loadTranslations(app);
#endif

    // The core's debug messages would mix with the output; QT_LOGGING_RULES still wins.
    QLoggingCategory::setFilterRules(QStringLiteral("iocdock.*.debug=false"));

    Iocctl iocctl;
    QObject::connect(&iocctl, &Iocctl::finished, &app,
                     [](int code) { QCoreApplication::exit(code); });
    // Decided before a pager may take standard output over.
    TerminalOutput::isTerminal();
    int code = iocctl.execute(QCoreApplication::arguments());
    if (code == Command::Pending)
        code = QCoreApplication::exec();
    // The shell's prompt comes back once the user has quit the pager.
    TerminalOutput::finishPager();
    return code;
}
