// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/resetfailedcommand.h"

#include "core/fleet/fleet.h"

ResetFailedCommand::ResetFailedCommand(QObject *parent)
    : Command(QStringLiteral("reset-failed"),
              tr("Forget the failed state of IOCs (all failed IOCs without a name)."), parent)
{}

QString ResetFailedCommand::usage() const
{
    return tr("[NAME|GLOB...]");
}

void ResetFailedCommand::addOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(
            QStringLiteral("names"),
            tr("IOC names, unit names or globs; none: every IOC whose unit has failed. Only "
               "IOC units are reset, never other units of the manager."),
            tr("[NAME|GLOB...]"));
}

int ResetFailedCommand::run(const QCommandLineParser &parser)
{
    m_words = parser.positionalArguments();
    InventoryOptions options;
    options.includeUnitFiles = !m_words.isEmpty(); // a failed unit is a loaded unit
    options.listingOnly = true;
    loadInventory(options, [this] { resetAll(); });
    return Pending;
}

void ResetFailedCommand::resetAll()
{
    QList<Ioc> iocs;
    if (m_words.isEmpty()) {
        for (const Ioc &ioc : allIocs()) {
            if (ioc.isFailed() && !ioc.unit.isEmpty())
                iocs << ioc;
        }
    } else {
        int code = Success;
        if (!resolve(m_words, false, &iocs, &code)) {
            finish(code);
            return;
        }
    }
    m_pending = static_cast<int>(iocs.size()) + 1;
    for (const Ioc &ioc : std::as_const(iocs)) {
        const QString label = ioc.name.isEmpty() ? ioc.unit : ioc.name;
        Host *host = fleet()->hostFor(ioc);
        if (ioc.unit.isEmpty() || !host || !host->manager()) {
            printError(tr("%1: no systemd unit runs it; nothing to reset.").arg(label));
            m_exitCode = ActionFailed;
            --m_pending;
            continue;
        }
        const bool wasFailed = ioc.isFailed();
        host->manager()->resetFailed(
                ioc.unit, this,
                [this, ioc, label, wasFailed](const QString &error, const QString &errorName) {
                    if (error.isEmpty()) {
                        out() << label << QStringLiteral(": ")
                              << (wasFailed ? tr("failed state reset") : tr("was not failed"))
                              << Qt::endl;
                    } else {
                        printError(tr("%1: reset-failed failed: %2").arg(label, error));
                        if (isPermissionError(errorName)) {
                            printPermissionHint(fleet()->hostFor(ioc));
                            m_exitCode = std::max<int>(m_exitCode, ConnectionError);
                        } else if (m_exitCode == Success) {
                            m_exitCode = ActionFailed;
                        }
                    }
                    if (--m_pending == 0)
                        finish(m_exitCode);
                });
    }
    if (--m_pending == 0)
        finish(m_exitCode);
}
