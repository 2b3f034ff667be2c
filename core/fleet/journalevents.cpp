// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/fleet/journalevents.h"

#include "core/hosts/host.h"
#include "core/procserv/procservtypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace {

// systemd's catalog (systemd.catalog, systemd 252): the job and unit messages read here.
const QLatin1String startJobDone("39f53479d3a045ac8e11786248231fbf");
const QLatin1String stopJobDone("9d1aaa27d60140bd96365438aad20286");
const QLatin1String unitFailed("d9b373ed55a64feb8242e02dbe79a49c");
const QLatin1String restartScheduled("5eb03494b6584870a536b337290809b3");

QString epoch(const QDateTime &time)
{
    // journalctl reads "@SECONDS.FRACTION" the same in any time zone (systemd.time(7)).
    const qint64 ms = time.toMSecsSinceEpoch();
    return QLatin1Char('@') + QString::number(ms / 1000) + QLatin1Char('.')
            + QStringLiteral("%1").arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

} // namespace

QStringList JournalEvents::command(const Host &host, const QStringList &units,
                                   const QDateTime &since, const QDateTime &until)
{
    QStringList argv{ QStringLiteral("journalctl"), QStringLiteral("--no-pager"),
                      QStringLiteral("-o"), QStringLiteral("json"),
                      QStringLiteral("--since=") + epoch(since) };
    if (until.isValid())
        argv << QStringLiteral("--until=") + epoch(until);
    // A user manager's messages about its units carry USER_UNIT (and its processes'
    // _SYSTEMD_USER_UNIT): --user-unit matches both, as -u does UNIT and _SYSTEMD_UNIT.
    const QString option =
            host.isUserManager() ? QStringLiteral("--user-unit=") : QStringLiteral("--unit=");
    for (const QString &unit : units)
        argv << option + unit;
    return host.commandOnHost(argv);
}

QStringList JournalEvents::probeCommand(const Host &host)
{
    // In English whatever the host's language: saysNoJournal() reads it.
    return host.commandOnHost({ QStringLiteral("env"), QStringLiteral("LC_ALL=C"),
                                QStringLiteral("journalctl"), QStringLiteral("--no-pager"),
                                QStringLiteral("--header"), QStringLiteral("-n"),
                                QStringLiteral("0") });
}

bool JournalEvents::saysNoJournal(const QByteArray &stderrText)
{
    return stderrText.contains("No journal files were found");
}

QString JournalEvents::field(const QJsonObject &entry, const QString &name)
{
    const QJsonValue value = entry.value(name);
    if (value.isString())
        return value.toString();
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (array.isEmpty())
            return {};
        if (array.first().isString())
            return array.first().toString();
        QByteArray bytes;
        for (const QJsonValue &byte : array)
            bytes.append(static_cast<char>(byte.toInt()));
        return QString::fromUtf8(bytes);
    }
    return {};
}

QList<FleetEvent> JournalEvents::fromEntry(const QJsonObject &entry, const QString &hostId,
                                           const QHash<QString, QString> &names)
{
    QList<FleetEvent> events;
    // The unit a message is about (systemd's own messages), else the unit whose process wrote
    // it (procServ's lines).
    QString unit = field(entry, QStringLiteral("UNIT"));
    if (unit.isEmpty())
        unit = field(entry, QStringLiteral("USER_UNIT"));
    const bool aboutUnit = !unit.isEmpty();
    if (unit.isEmpty())
        unit = field(entry, QStringLiteral("_SYSTEMD_USER_UNIT"));
    if (unit.isEmpty())
        unit = field(entry, QStringLiteral("_SYSTEMD_UNIT"));
    if (unit.isEmpty())
        return events;
    FleetEvent base;
    base.time = QDateTime::fromMSecsSinceEpoch(
            field(entry, QStringLiteral("__REALTIME_TIMESTAMP")).toLongLong() / 1000, Qt::UTC);
    base.host = hostId;
    base.name = names.value(unit, unit);
    base.unit = unit;
    const auto make = [&base](const QString &type) {
        FleetEvent e = base;
        e.type = type;
        return e;
    };

    if (aboutUnit) {
        const QString messageId = field(entry, QStringLiteral("MESSAGE_ID"));
        const QString jobResult = field(entry, QStringLiteral("JOB_RESULT"));
        if (messageId == startJobDone && jobResult == QLatin1String("done"))
            events << make(QStringLiteral("start"));
        else if (messageId == stopJobDone && jobResult == QLatin1String("done"))
            events << make(QStringLiteral("stop"));
        if (!jobResult.isEmpty()) {
            FleetEvent e = make(QStringLiteral("job"));
            e.attributes << qMakePair(QStringLiteral("result"), jobResult);
            const QString id = field(entry, QStringLiteral("JOB_ID"));
            if (!id.isEmpty())
                e.attributes << qMakePair(QStringLiteral("job"), id);
            events << e;
        }
        if (messageId == restartScheduled) {
            FleetEvent e = make(QStringLiteral("restart"));
            const QString restarts = field(entry, QStringLiteral("N_RESTARTS"));
            if (!restarts.isEmpty())
                e.attributes << qMakePair(QStringLiteral("restarts"), restarts);
            events << e;
        }
        if (messageId == unitFailed) {
            FleetEvent e = make(QStringLiteral("fail"));
            const QString result = field(entry, QStringLiteral("UNIT_RESULT"));
            if (!result.isEmpty())
                e.attributes << qMakePair(QStringLiteral("result"), result);
            events << e;
        }
        return events;
    }

    // procServ's lines (processFactory.cc, procServ.cc), as ProcServStateTracker reads them.
    static const QRegularExpression sigChild(QStringLiteral(
            "@@@ Received a sigChild for process \\d+\\.\\s*(?:Normal exit status = (-?\\d+)|"
            "The process was killed by signal (\\d+))"));
    static const QRegularExpression newChild(
            QStringLiteral("@@@ The PID of new child \"[^\"]*\" is: (\\d+)"));
    const QString message = field(entry, QStringLiteral("MESSAGE"));
    if (!message.contains(QLatin1String("@@@")))
        return events;
    const QRegularExpressionMatch exit = sigChild.match(message);
    if (exit.hasMatch()) {
        ChildExit how;
        if (exit.capturedLength(1) > 0)
            how.code = exit.captured(1).toInt();
        else
            how.signal = exit.captured(2).toInt();
        FleetEvent e = make(QStringLiteral("child-exit"));
        e.attributes << qMakePair(QStringLiteral("exit"), how.text());
        events << e;
    }
    const QRegularExpressionMatch restart = newChild.match(message);
    if (restart.hasMatch()) {
        FleetEvent e = make(QStringLiteral("child-restart"));
        e.attributes << qMakePair(QStringLiteral("pid"), restart.captured(1));
        events << e;
    }
    return events;
}

QList<FleetEvent> JournalEvents::parse(const QByteArray &output, const QString &hostId,
                                       const QHash<QString, QString> &names)
{
    QList<FleetEvent> events;
    const QList<QByteArray> lines = output.split('\n');
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            events << fromEntry(doc.object(), hostId, names);
    }
    return events;
}
