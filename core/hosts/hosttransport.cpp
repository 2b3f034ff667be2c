// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/hosts/hosttransport.h"

#include "core/hosts/localtransport.h"
#include "core/hosts/sshtransport.h"

std::unique_ptr<HostTransport> HostTransport::create(Host::Kind kind, const QString &target)
{
    // The one place that tells the host kinds apart.
    if (kind == Host::Kind::Ssh)
        return std::make_unique<SshTransport>(target);
    return std::make_unique<LocalTransport>(kind, target);
}

HostTransport::~HostTransport() = default;

bool HostTransport::preflightSucceeded(int exitCode, const QString &stderrText,
                                       Host::Failure *failure, QString *message) const
{
    // Only called when preflightCommand() gave a command; a transport that gives one
    // reads its end itself.
    Q_UNUSED(exitCode)
    Q_UNUSED(stderrText)
    Q_UNUSED(failure)
    Q_UNUSED(message)
    return true;
}

QString HostTransport::preflightStartError(const QString &processError) const
{
    return processError;
}
