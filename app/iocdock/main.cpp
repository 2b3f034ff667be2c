// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// iocdock: the desktop application. Parses the command line, chooses the hosts, loads the
// translation for the locale and shows MainWindow.

#include "core/fleet/fleet.h"
#include "core/hosts/host.h"
#include "core/ioc/ioc.h"
#include "core/systemd/systemdmanager.h" // host.h needs it complete (QPointer)
#include "ui/mainwindow.h"
#include "ui/themecolors.h"
#include "ui/translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLocale>
#include <QStyleFactory>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

/// Whether the command line only asks for text (--help, --version): then no display is
/// needed, and none is opened (`iocdock --help` works on a server or over plain ssh).
bool asksOnlyForText(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const char *arg = argv[i];
        if (std::strcmp(arg, "--") == 0)
            return false;
        for (const char *text : { "-h", "-?", "--help", "--help-all", "-v", "--version" }) {
            if (std::strcmp(arg, text) == 0)
                return true;
        }
    }
    return false;
}

// IOCDOCK_PALETTE=dark: Fusion with a dark palette, for desktops whose platform theme gives
// Qt none and for tools/screenshots (Xvfb has no desktop); =light: the style's own. Unset:
// the desktop's palette, and the dark one where a dark GTK theme is chosen
// (GTK_THEME=Adwaita:dark, …-dark) but Qt 5's gtk3 platform theme hands Qt no palette.
void applyPaletteOverride()
{
    const QString chosen = qEnvironmentVariable("IOCDOCK_PALETTE");
    const QString gtkTheme = qEnvironmentVariable("GTK_THEME").toLower();
    const bool gtkDark =
            gtkTheme.endsWith(QLatin1String(":dark")) || gtkTheme.contains(QLatin1String("-dark"));
    const bool dark = chosen == QLatin1String("dark")
            || (chosen.isEmpty() && gtkDark && !ThemeColors::isDark(QApplication::palette()));
    if (!dark)
        return;
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(ThemeColors::darkPalette());
}

} // namespace

int main(int argc, char *argv[])
{
    // Before anything starts Qt's D-Bus thread: its exit handler then runs before the custom
    // type registry's, and a signal read while quitting does not warn about invalid types.
    qRegisterMetaType<Ioc>();
    Q_INIT_RESOURCE(iocdock);
    Q_INIT_RESOURCE(iocdock_translations);

    const bool textOnly = asksOnlyForText(argc, argv);
    const std::unique_ptr<QCoreApplication> application(textOnly ? new QCoreApplication(argc, argv)
                                                                 : new QApplication(argc, argv));
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("iocdock"));
    QCoreApplication::setOrganizationName(QStringLiteral("iocdock"));
    QCoreApplication::setApplicationVersion(QStringLiteral(IOCDOCK_VERSION));
    if (!textOnly) {
        QGuiApplication::setDesktopFileName(QStringLiteral("org.iocdock.iocdock"));
        QGuiApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/iocdock.svg")));
        applyPaletteOverride();
    }
    Translations::install(&app); // Qt's own strings (Cancel, key names) and ours

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
            "main", "Manage EPICS IOCs that run under procServ and systemd."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption userOption(
            QStringLiteral("user"),
            QCoreApplication::translate("main", "Show the IOCs of your user manager."));
    const QCommandLineOption systemOption(
            QStringLiteral("system"),
            QCoreApplication::translate("main", "Show the IOCs of the system manager."));
    const QCommandLineOption busOption(
            QStringLiteral("bus"),
            QCoreApplication::translate(
                    "main", "Show the IOCs of the systemd manager at this D-Bus address."),
            QCoreApplication::translate("main", "ADDRESS"));
    const QCommandLineOption hostOption(
            { QStringLiteral("H"), QStringLiteral("host") },
            QCoreApplication::translate("main",
                                        "Show the IOCs of a remote host over SSH "
                                        "([user@]host[:port], /user for its user manager). "
                                        "Repeatable."),
            QCoreApplication::translate("main", "HOST"));
    const QCommandLineOption screenshotOption(
            QStringLiteral("screenshot"),
            QCoreApplication::translate("main",
                                        "Save a picture of the window once the table is "
                                        "filled, then quit (for CI)."),
            QCoreApplication::translate("main", "FILE"));
    const QCommandLineOption attachOption(
            QStringLiteral("attach"),
            QCoreApplication::translate("main",
                                        "Open the console of this IOC once it is listed. "
                                        "Repeatable."),
            QCoreApplication::translate("main", "NAME"));
    const QCommandLineOption noRestoreOption(
            QStringLiteral("no-restore"),
            QCoreApplication::translate("main",
                                        "Do not reopen the console and log tabs and the host "
                                        "selection of the last session."));
    parser.addOptions({ userOption, systemOption, busOption, hostOption, attachOption,
                        noRestoreOption, screenshotOption });
    parser.process(app); // prints and exits for --help and --version
    if (textOnly)
        return 0; // not reached: the parser exits for every option asksOnlyForText() names

    // Which managers: the options chosen, else the sandbox's user manager in a demo,
    // else the local system and user managers.
    QStringList specs;
    if (parser.isSet(systemOption))
        specs << QStringLiteral("system");
    if (parser.isSet(userOption))
        specs << QStringLiteral("user");
    if (parser.isSet(busOption))
        specs << QStringLiteral("bus:") + parser.value(busOption);
    specs += parser.values(hostOption);
    if (specs.isEmpty()) {
        if (qEnvironmentVariableIsSet("IOCDOCK_SANDBOX"))
            specs << QStringLiteral("user");
        else
            specs << QStringLiteral("system") << QStringLiteral("user");
    }

    for (const QString &spec : qAsConst(specs)) {
        if (!Host::isValidSpec(spec)) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QCoreApplication::translate("main", "iocdock: not a host: %1")
                                            .arg(spec)));
            return 2;
        }
    }

    MainWindow window(QList<Host *>{});
    // The window's fleet owns the hosts; one named twice is shown once.
    for (const QString &spec : qAsConst(specs))
        window.fleet()->addHost(spec);
    // Hosts added in an earlier session (Hosts > Add Host…), each connecting in parallel.
    window.loadRememberedHosts();
    // Yesterday's consoles come back read-only; a screenshot shows the plain window.
    if (!parser.isSet(noRestoreOption) && !parser.isSet(screenshotOption))
        window.restoreSessionWhenListed();
    window.attachWhenListed(parser.values(attachOption));
    if (parser.isSet(screenshotOption)) {
        window.resize(1500, 900);
        // Exit 0 when saved, 3 when saved though the hosts were not ready in time, else 1.
        QObject::connect(&window, &MainWindow::screenshotSaved, &app, [](bool saved, bool settled) {
            QCoreApplication::exit(saved ? (settled ? 0 : 3) : 1);
        });
        window.saveScreenshotWhenSettled(parser.value(screenshotOption));
    }
    window.show();
    return QCoreApplication::exec();
}
