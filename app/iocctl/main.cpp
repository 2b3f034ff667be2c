#include "app/iocctl/command.h"
#include "app/iocctl/iocctl.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("iocctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(IOCDOCK_VERSION));

    Iocctl iocctl;
    QObject::connect(&iocctl, &Iocctl::finished, &app,
                     [](int code) { QCoreApplication::exit(code); });
    const int code = iocctl.execute(QCoreApplication::arguments());
    if (code != Command::Pending)
        return code;
    return QCoreApplication::exec();
}
