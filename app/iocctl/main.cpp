#include "app/iocctl/command.h"
#include "app/iocctl/iocctl.h"

#include <QCoreApplication>
#include <QLoggingCategory>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("iocctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(IOCDOCK_VERSION));

    // The core's debug messages would mix with the output; QT_LOGGING_RULES still wins.
    QLoggingCategory::setFilterRules(QStringLiteral("iocdock.*.debug=false"));

    Iocctl iocctl;
    QObject::connect(&iocctl, &Iocctl::finished, &app,
                     [](int code) { QCoreApplication::exit(code); });
    const int code = iocctl.execute(QCoreApplication::arguments());
    if (code != Command::Pending)
        return code;
    return QCoreApplication::exec();
}
