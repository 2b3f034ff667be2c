// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/inspectcommand.h"

#include "core/ioc/iocformat.h"
#include "core/ioc/iocruntime.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <memory>

InspectCommand::InspectCommand(QObject *parent)
    : Command(QStringLiteral("inspect"), tr("Print everything known about IOCs as a JSON array."),
              parent)
{}

QString InspectCommand::usage() const
{
    return tr("[-f TEMPLATE] NAME|GLOB...");
}

void InspectCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption({ { QStringLiteral("f"), QStringLiteral("format") },
                       tr("Print TEMPLATE once per IOC instead of JSON, e.g. '{{.name}} "
                          "{{.lastExit.code}}' or '{{json .execStart}}' (the JSON's keys; "
                          "{{.Name}} works too)."),
                       tr("TEMPLATE") });
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
    if (parser.isSet(QStringLiteral("format"))) {
        m_template = parser.value(QStringLiteral("format"));
        const QString error = IocFormat::validateJsonTemplate(m_template);
        if (!error.isEmpty()) {
            printError(tr("Bad format template: %1").arg(error));
            return UsageError;
        }
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
    // Stopped IOCs systemd has not loaded: their command line and console too, read from
    // systemd as `systemctl show` would (a listing does not load them). Each runtime skips
    // the rows it has read already.
    QHash<IocRuntime *, QStringList> unloaded;
    for (const Ioc &ioc : std::as_const(iocs)) {
        if (IocRuntime *runtime = runtimeFor(ioc))
            unloaded[runtime] << ioc.key();
    }
    auto remaining = std::make_shared<int>(int(unloaded.size()) + 1);
    auto printAll = [this, iocs, remaining] {
        if (--*remaining > 0)
            return;
        QJsonArray array;
        for (const Ioc &listed : iocs) {
            const IocRuntime *runtime = runtimeFor(listed);
            const Ioc ioc = runtime && runtime->contains(listed.key()) ? runtime->ioc(listed.key())
                                                                       : listed;
            array.append(IocFormat::toJson(ioc));
        }
        if (!m_template.isEmpty()) {
            // As docker inspect -f: one expansion per IOC, each on its own line.
            QStringList lines;
            for (const QJsonValue &object : std::as_const(array)) {
                QString error;
                lines << IocFormat::applyJsonTemplate(m_template, object.toObject(), &error);
                if (!error.isEmpty()) {
                    printError(tr("Bad format template: %1").arg(error));
                    finish(UsageError);
                    return;
                }
            }
            startPager();
            for (const QString &line : std::as_const(lines))
                out() << line << Qt::endl;
            finish(Success);
            return;
        }
        startPager();
        out() << QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
        finish(Success);
    };
    for (auto it = unloaded.constBegin(); it != unloaded.constEnd(); ++it)
        it.key()->readUnloaded(it.value(), this, printAll);
    printAll();
}
