// iocdock: the desktop application. Parses the command line, chooses the hosts, loads the
// translation for the locale and shows MainWindow.

#include "core/fleet/fleet.h"
#include "core/hosts/host.h"
#include "core/ioc/ioc.h"
#include "core/systemd/systemdmanager.h" // host.h needs it complete (QPointer)
#include "ui/iocfilterproxymodel.h"
#include "ui/ioctablemodel.h"
#include "ui/ioctabs.h"
#include "ui/mainwindow.h"
#include "ui/translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QLocale>
#include <QLoggingCategory>
#include <QTableView>
#include <QTimer>

#include <cstdio>
#include <memory>

Q_LOGGING_CATEGORY(lcApp, "iocdock.app")

int main(int argc, char *argv[])
{
    // Before anything starts Qt's D-Bus thread: its exit handler then runs before the custom
    // type registry's, and a signal read while quitting does not warn about invalid types.
    qRegisterMetaType<Ioc>();
    Q_INIT_RESOURCE(iocdock);
    Q_INIT_RESOURCE(iocdock_translations);

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("iocdock"));
    QApplication::setOrganizationName(QStringLiteral("iocdock"));
    QApplication::setApplicationVersion(QStringLiteral(IOCDOCK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.iocdock.iocdock"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/iocdock.svg")));
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
    parser.addOptions(
            { userOption, systemOption, busOption, hostOption, attachOption, screenshotOption });
    parser.process(app);

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
    const QStringList attachNames = parser.values(attachOption);
    auto attach = [&window, attachNames] {
        IocTableModel *model = window.model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const Ioc ioc = model->ioc(row);
            if (!attachNames.contains(ioc.name))
                continue;
            window.tabs()->attach(ioc);
            const QModelIndex shown = window.proxyModel()->mapFromSource(model->index(row, 0));
            window.tableView()->selectionModel()->select(
                    shown, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
    };
    if (!attachNames.isEmpty())
        QObject::connect(&window, &MainWindow::ready, &window, attach);
    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        window.resize(1500, 900);
        auto grab = [&window, file] {
            // Once every running IOC shows its PID (the console probes of IOCs that just
            // started land a few seconds later), at least a second for the memory/CPU refresh,
            // at most 10 s.
            auto *poll = new QTimer(&window);
            auto waited = std::make_shared<QElapsedTimer>();
            waited->start();
            QObject::connect(poll, &QTimer::timeout, &window, [&window, file, poll, waited] {
                const IocTableModel *model = window.model();
                bool settled = true;
                for (int row = 0; row < model->rowCount() && settled; ++row) {
                    const QModelIndex pid = model->index(row, IocTableModel::PidColumn);
                    settled = model->index(row, 0).data(IocTableModel::StatusRole).toString()
                                    != QLatin1String("running")
                            || !pid.data().toString().isEmpty();
                }
                if (waited->elapsed() < 1000 || (!settled && waited->elapsed() < 10000))
                    return;
                poll->stop();
                const bool ok = window.grab().save(file);
                if (!ok)
                    qCWarning(lcApp) << "could not write" << file;
                QCoreApplication::exit(ok ? 0 : 1);
            });
            poll->start(200);
        };
        if (window.isReady())
            grab();
        else
            QObject::connect(&window, &MainWindow::ready, &window, grab);
        // Never hang a CI run: take whatever is there after 30 s.
        QTimer::singleShot(30000, &window, [&window, file] {
            qCWarning(lcApp) << "hosts not ready after 30 s; taking the screenshot anyway";
            QCoreApplication::exit(window.grab().save(file) ? 3 : 1);
        });
    }
    window.show();
    return app.exec();
}
