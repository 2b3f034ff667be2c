// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/catcommand.h"

#include "core/fleet/fleet.h"

#include <QProcess>

#include <memory>

namespace {

// Prints each file after a "# PATH" line, a blank line between files, as systemctl cat does;
// a file that cannot be read is named on stderr and makes the exit code 1.
const char catScript[] = "rc=0; first=1\n"
                         "for f; do\n"
                         "  [ $first = 1 ] || echo\n"
                         "  first=0\n"
                         "  echo \"# $f\"\n"
                         "  cat -- \"$f\" || rc=1\n"
                         "done\n"
                         "exit $rc\n";

} // namespace

CatCommand::CatCommand(QObject *parent)
    : Command(QStringLiteral("cat"),
              tr("Show an IOC's unit file with its drop-ins, and its config file."), parent)
{}

QString CatCommand::usage() const
{
    return tr("NAME");
}

void CatCommand::addOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("name"), tr("The IOC (name or unit name)."),
                                 tr("NAME"));
}

int CatCommand::run(const QCommandLineParser &parser)
{
    const QStringList words = parser.positionalArguments();
    if (words.size() != 1) {
        printError(tr("'cat' needs exactly one IOC name."));
        return UsageError;
    }
    m_word = words.constFirst();
    InventoryOptions options;
    options.includeUnitFiles = true;
    options.listingOnly = true;
    loadInventory(options, [this] { readPaths(); });
    return Pending;
}

void CatCommand::readPaths()
{
    QList<Ioc> iocs;
    int code = Success;
    if (!resolve({ m_word }, true, &iocs, &code)) {
        finish(code);
        return;
    }
    const Ioc ioc = iocs.constFirst();
    Host *host = fleet()->hostFor(ioc);
    if (ioc.unit.isEmpty() || !host || !host->manager()) {
        if (!ioc.configFile.isEmpty()) {
            printFiles(ioc, { ioc.configFile });
            return;
        }
        printError(tr("%1 is a container of no unit: it has no unit file (see 'iocctl inspect "
                      "%1').")
                           .arg(ioc.name));
        finish(ActionFailed);
        return;
    }
    SystemdManager *manager = host->manager();
    // LoadUnit: a unit systemd has not loaded (stopped) is loaded to learn its files, as
    // systemctl cat does.
    manager->loadUnit(
            ioc.unit, this, [this, ioc, manager](const QString &path, const QString &error) {
                if (!error.isEmpty()) {
                    printError(tr("%1: %2").arg(ioc.unit, error));
                    finish(ActionFailed);
                    return;
                }
                auto files = std::make_shared<QStringList>();
                auto dropIns = std::make_shared<QStringList>();
                auto remaining = std::make_shared<int>(2);
                auto answered = [this, ioc, files, dropIns, remaining] {
                    if (--*remaining > 0)
                        return;
                    QStringList all = *files + *dropIns;
                    if (!ioc.configFile.isEmpty() && !all.contains(ioc.configFile))
                        all << ioc.configFile;
                    if (all.isEmpty()) {
                        printError(tr("%1: systemd knows no file of %2.").arg(ioc.name, ioc.unit));
                        finish(ActionFailed);
                        return;
                    }
                    printFiles(ioc, all);
                };
                manager->unitProperty(path, SystemdManager::unitInterface(),
                                      QStringLiteral("FragmentPath"), this,
                                      [files, answered](const QVariant &value, const QString &) {
                                          if (!value.toString().isEmpty())
                                              *files << value.toString();
                                          answered();
                                      });
                manager->unitProperty(path, SystemdManager::unitInterface(),
                                      QStringLiteral("DropInPaths"), this,
                                      [dropIns, answered](const QVariant &value, const QString &) {
                                          *dropIns = value.toStringList();
                                          answered();
                                      });
            });
}

void CatCommand::printFiles(const Ioc &ioc, const QStringList &files)
{
    Host *host = fleet()->hostFor(ioc);
    QStringList argv{ QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                      QString::fromLatin1(catScript), QStringLiteral("sh") };
    argv += files;
    if (host)
        argv = host->commandOnHost(argv);
    auto *process = new QProcess(this);
    process->setProgram(argv.value(0));
    process->setArguments(argv.mid(1));
    process->setStandardInputFile(QProcess::nullDevice());
    connect(process, QOverload<int, QProcess::ExitStatus>::of(&QProcess::finished), this,
            [this, process](int exitCode, QProcess::ExitStatus status) {
                process->deleteLater();
                out() << QString::fromUtf8(process->readAllStandardOutput());
                const QString why = QString::fromUtf8(process->readAllStandardError());
                if (!why.isEmpty())
                    err() << why;
                finish(status == QProcess::NormalExit && exitCode == 0 ? Success : ActionFailed);
            });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return;
        process->deleteLater();
        printError(tr("Cannot run %1: %2").arg(process->program(), process->errorString()));
        finish(ConnectionError);
    });
    process->start();
}
