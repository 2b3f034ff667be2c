#include "app/iocctl/inspectcommand.h"

#include "core/ioc/inventory.h"
#include "core/ioc/iocformat.h"

#include <QJsonArray>
#include <QJsonDocument>

InspectCommand::InspectCommand(QObject *parent)
    : Command(QStringLiteral("inspect"), tr("Print everything known about IOCs as a JSON array."),
              parent)
{}

QString InspectCommand::usage() const
{
    return tr("NAME|GLOB...");
}

void InspectCommand::addOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("names"), tr("IOC names, unit names or globs."),
                                 tr("NAME|GLOB..."));
}

int InspectCommand::run(const QCommandLineParser &parser)
{
    m_words = parser.positionalArguments();
    if (m_words.isEmpty()) {
        printError(tr("'inspect' needs at least one IOC name."));
        return UsageError;
    }
    InventoryOptions options;
    options.includeUnitFiles = true;
    options.probeConsoles = true;
    loadInventory(options, [this] { print(); });
    return Pending;
}

void InspectCommand::print()
{
    QList<Ioc> iocs;
    int code = Success;
    if (!resolve(m_words, false, &iocs, &code)) {
        finish(code);
        return;
    }
    QJsonArray array;
    for (const Ioc &ioc : std::as_const(iocs))
        array.append(IocFormat::toJson(ioc));
    out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
    finish(Success);
}
