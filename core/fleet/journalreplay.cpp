// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/fleet/journalreplay.h"

#include "core/fleet/journalevents.h"
#include "core/hosts/host.h"

#include <QProcess>

JournalReplay::JournalReplay(Host *host, const QStringList &units,
                             const QHash<QString, QString> &names, const QDateTime &since,
                             const QDateTime &until, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_hostId(host ? host->id() : QString())
    , m_units(units)
    , m_names(names)
    , m_since(since)
    , m_until(until)
{}

void JournalReplay::start()
{
    if (!m_host) {
        finish(Outcome::Failed, tr("the host is gone"));
        return;
    }
    if (m_units.isEmpty()) {
        finish(Outcome::Read);
        return;
    }
    QProcess *query = run(JournalEvents::command(*m_host, m_units, m_since, m_until));
    connect(query, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), this,
            [this, query] { handleQueryFinished(query); });
    query->start();
}

QProcess *JournalReplay::run(const QStringList &argv)
{
    auto *process = new QProcess(this);
    process->setProgram(argv.first());
    process->setArguments(argv.mid(1));
    process->setStandardInputFile(QProcess::nullDevice());
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return;
        process->deleteLater();
        finish(Outcome::Failed,
               tr("%1 could not be run (%2).").arg(process->program(), process->errorString()));
    });
    return process;
}

void JournalReplay::handleQueryFinished(QProcess *query)
{
    query->deleteLater();
    const QByteArray output = query->readAllStandardOutput();
    const QByteArray errors = query->readAllStandardError().trimmed();
    m_events = JournalEvents::parse(output, m_hostId, m_names);
    if (query->exitStatus() != QProcess::NormalExit || query->exitCode() != 0) {
        finish(Outcome::Failed, tr("journalctl failed: %1").arg(QString::fromLocal8Bit(errors)));
        return;
    }
    if (!output.trimmed().isEmpty() || !m_host) {
        finish(Outcome::Read);
        return;
    }
    // Nothing at all: no entries in that time, or no journal to read. --header tells which.
    QProcess *probe = run(JournalEvents::probeCommand(*m_host));
    connect(probe, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), this,
            [this, probe] { handleProbeFinished(probe); });
    probe->start();
}

void JournalReplay::handleProbeFinished(QProcess *probe)
{
    probe->deleteLater();
    finish(JournalEvents::saysNoJournal(probe->readAllStandardError()) ? Outcome::NoJournal
                                                                       : Outcome::Read);
}

void JournalReplay::finish(Outcome outcome, const QString &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_outcome = outcome;
    m_error = error;
    emit finished();
}
