// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/fleet/fleetevent.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QRegularExpression>

QStringList FleetEvent::types()
{
    return { QStringLiteral("start"),
             QStringLiteral("stop"),
             QStringLiteral("fail"),
             QStringLiteral("restart"),
             QStringLiteral("job"),
             QStringLiteral("child-exit"),
             QStringLiteral("child-restart"),
             QStringLiteral("crashloop-enter"),
             QStringLiteral("crashloop-leave"),
             QStringLiteral("add"),
             QStringLiteral("remove"),
             QStringLiteral("host-lost"),
             QStringLiteral("host-back") };
}

QString FleetEvent::attribute(const QString &key) const
{
    for (const auto &pair : attributes) {
        if (pair.first == key)
            return pair.second;
    }
    return {};
}

QString FleetEvent::label(bool withHost) const
{
    if (name.isEmpty())
        return host;
    return withHost ? host + QLatin1Char('/') + name : name;
}

QJsonObject FleetEvent::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("type"), type);
    o.insert(QStringLiteral("host"), host);
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("unit"), unit);
    QJsonObject attrs;
    for (const auto &pair : attributes)
        attrs.insert(pair.first, pair.second);
    o.insert(QStringLiteral("attributes"), attrs);
    return o;
}

QString FleetEvent::toText(bool withHost) const
{
    QString line = time.toUTC().toString(Qt::ISODateWithMs) + QLatin1Char(' ') + type
            + QLatin1Char(' ') + label(withHost);
    QStringList parts;
    if (!unit.isEmpty())
        parts << QStringLiteral("unit=") + unit;
    for (const auto &pair : attributes)
        parts << pair.first + QLatin1Char('=') + pair.second;
    if (!parts.isEmpty())
        line += QStringLiteral(" (") + parts.join(QStringLiteral(", ")) + QLatin1Char(')');
    return line;
}

QString FleetEvent::applyTemplate(const QString &tmpl, QString *error) const
{
    static const QRegularExpression field(QStringLiteral("\\{\\{\\s*\\.(\\w+)\\s*\\}\\}"));
    QString out;
    qsizetype last = 0;
    auto it = field.globalMatch(tmpl);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += tmpl.mid(last, m.capturedStart() - last);
        last = m.capturedEnd();
        const QString key = m.captured(1);
        if (key == QLatin1String("Time"))
            out += time.toUTC().toString(Qt::ISODateWithMs);
        else if (key == QLatin1String("Type"))
            out += type;
        else if (key == QLatin1String("Host"))
            out += host;
        else if (key == QLatin1String("Name"))
            out += name;
        else if (key == QLatin1String("Unit"))
            out += unit;
        else if (key == QLatin1String("Label"))
            out += label(true);
        else if (key == QLatin1String("Result"))
            out += attribute(QStringLiteral("result"));
        else if (key == QLatin1String("Exit"))
            out += attribute(QStringLiteral("exit"));
        else if (key == QLatin1String("Pid"))
            out += attribute(QStringLiteral("pid"));
        else if (key == QLatin1String("Attributes")) {
            QStringList parts;
            for (const auto &pair : attributes)
                parts << pair.first + QLatin1Char('=') + pair.second;
            out += parts.join(QLatin1Char(' '));
        } else {
            if (error)
                *error = QCoreApplication::translate("FleetEvent",
                                                     "unknown field .%1 (fields: "
                                                     ".Time .Type .Host .Name "
                                                     ".Unit .Label .Result .Exit "
                                                     ".Pid .Attributes)")
                                 .arg(key);
            return {};
        }
    }
    out += tmpl.mid(last);
    out.replace(QLatin1String("\\t"), QLatin1String("\t"));
    out.replace(QLatin1String("\\n"), QLatin1String("\n"));
    return out;
}

QString FleetEvent::validateTemplate(const QString &tmpl)
{
    QString error;
    FleetEvent().applyTemplate(tmpl, &error);
    return error;
}

FleetEvent FleetEvent::forIoc(const QString &type, const Ioc &ioc, const QDateTime &now)
{
    FleetEvent e;
    e.type = type;
    e.time = now.toUTC();
    e.host = ioc.host;
    e.name = ioc.name.isEmpty() ? ioc.unit : ioc.name;
    e.unit = ioc.unit;
    return e;
}

QList<FleetEvent> FleetEvent::between(const Ioc &before, const Ioc &after, const QDateTime &now)
{
    QList<FleetEvent> events;
    // The unit (or container): up, down, failed.
    const bool wasUp = before.isUp();
    const bool up = after.isUp();
    // systemd restarted the unit on its own (Restart=): its counter went up. First, as the
    // journal tells it ("Scheduled restart job", then the stop and start of the new run).
    if (after.nRestarts > before.nRestarts) {
        FleetEvent e = forIoc(QStringLiteral("restart"), after, now);
        e.attributes << qMakePair(QStringLiteral("restarts"), QString::number(after.nRestarts));
        events << e;
    }
    // A container engine restarted the same container by its restart policy (RestartCount).
    if (before.isContainer() && after.containerId == before.containerId
        && before.containerRestarts >= 0 && after.containerRestarts > before.containerRestarts) {
        FleetEvent e = forIoc(QStringLiteral("restart"), after, now);
        e.attributes << qMakePair(QStringLiteral("restarts"),
                                  QString::number(after.containerRestarts));
        events << e;
    }
    if (!wasUp && up) {
        FleetEvent e = forIoc(QStringLiteral("start"), after, now);
        if (after.mainPid != 0)
            e.attributes << qMakePair(QStringLiteral("pid"), QString::number(after.mainPid));
        events << e;
    } else if (after.isFailed() && !before.isFailed()) {
        FleetEvent e = forIoc(QStringLiteral("fail"), after, now);
        if (!after.result.isEmpty())
            e.attributes << qMakePair(QStringLiteral("result"), after.result);
        events << e;
    } else if (wasUp && !up) {
        events << forIoc(QStringLiteral("stop"), after, now);
    } else if (wasUp && up && before.isContainer() == after.isContainer()
               && before.activeSince.isValid() && after.activeSince.isValid()
               && before.activeSince != after.activeSince) {
        // Up in both rows, but since another moment: a new run (`systemctl restart`, systemd's
        // Restart=, a container restarted) whose stop and start fell between the two rows. The
        // journal tells it as a stop and a start; so does this.
        events << forIoc(QStringLiteral("stop"), after, now);
        FleetEvent e = forIoc(QStringLiteral("start"), after, now);
        if (after.mainPid != 0)
            e.attributes << qMakePair(QStringLiteral("pid"), QString::number(after.mainPid));
        events << e;
    }
    // The child inside procServ: an exit procServ reported, a new PID while the unit stayed up.
    if (after.lastExit.isValid() && after.lastExit != before.lastExit && wasUp && up) {
        FleetEvent e = forIoc(QStringLiteral("child-exit"), after, now);
        e.attributes << qMakePair(QStringLiteral("exit"), after.lastExit.text());
        events << e;
    }
    // The row may show the child shut down (PID 0) between the exit and the new child.
    const bool childWasKnown = before.childPid != 0 || before.childState == ChildState::ShutDown;
    if (wasUp && up && childWasKnown && after.childPid != 0 && before.childPid != after.childPid
        && before.mainPid == after.mainPid) {
        FleetEvent e = forIoc(QStringLiteral("child-restart"), after, now);
        e.attributes << qMakePair(QStringLiteral("pid"), QString::number(after.childPid));
        events << e;
    }
    // Crash loop: the child restarting again and again, or systemd about to restart the unit.
    if (!before.isCrashLooping() && after.isCrashLooping())
        events << forIoc(QStringLiteral("crashloop-enter"), after, now);
    else if (before.isCrashLooping() && !after.isCrashLooping())
        events << forIoc(QStringLiteral("crashloop-leave"), after, now);
    return events;
}
