// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/iocformat.h"

#include "core/ioc/conventions.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

namespace {

QJsonValue stringOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonValue dateOrNull(const QDateTime &dt)
{
    if (!dt.isValid())
        return QJsonValue::Null;
    if (dt.timeSpec() == Qt::UTC)
        return dt.toString(Qt::ISODate);
    // Always with the UTC offset, so the value means the same on every machine.
    return dt.toOffsetFromUtc(dt.offsetFromUtc()).toString(Qt::ISODate);
}

QJsonValue numberOrNull(quint64 n)
{
    return n == 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(static_cast<double>(n));
}

// The start of the state the IOC is in now: ActiveEnterTimestamp while active,
// InactiveEnterTimestamp when stopped or failed.
QDateTime currentSince(const Ioc &ioc)
{
    if (ioc.isUp())
        return ioc.activeSince;
    if (ioc.activeState == QLatin1String("inactive") || ioc.isFailed())
        return ioc.inactiveSince;
    return {};
}

} // namespace

namespace IocFormat {

QString humanDuration(qint64 seconds)
{
    // The counts are plain ints named before each call: lupdate skips (or hangs on) a
    // translate() whose count argument is an expression such as static_cast<int>(x / y).
    if (seconds < 1)
        return QCoreApplication::translate("IocFormat", "Less than a second");
    if (seconds == 1)
        return QCoreApplication::translate("IocFormat", "1 second");
    if (seconds < 60) {
        const int n = static_cast<int>(seconds);
        return QCoreApplication::translate("IocFormat", "%n seconds", nullptr, n);
    }
    const qint64 minutes = seconds / 60;
    if (minutes == 1)
        return QCoreApplication::translate("IocFormat", "About a minute");
    if (minutes < 60) {
        const int n = static_cast<int>(minutes);
        return QCoreApplication::translate("IocFormat", "%n minutes", nullptr, n);
    }
    const qint64 hours = (seconds + 1800) / 3600; // rounded, as docker does
    if (hours == 1)
        return QCoreApplication::translate("IocFormat", "About an hour");
    if (hours < 48) {
        const int n = static_cast<int>(hours);
        return QCoreApplication::translate("IocFormat", "%n hours", nullptr, n);
    }
    if (hours < 24 * 7 * 2) {
        const int n = static_cast<int>(hours / 24);
        return QCoreApplication::translate("IocFormat", "%n days", nullptr, n);
    }
    if (hours < 24 * 30 * 2) {
        const int n = static_cast<int>(hours / 24 / 7);
        return QCoreApplication::translate("IocFormat", "%n weeks", nullptr, n);
    }
    if (hours < 24 * 365 * 2) {
        const int n = static_cast<int>(hours / 24 / 30);
        return QCoreApplication::translate("IocFormat", "%n months", nullptr, n);
    }
    const int n = static_cast<int>(seconds / 3600 / 24 / 365);
    return QCoreApplication::translate("IocFormat", "%n years", nullptr, n);
}

qint64 uptimeSeconds(const Ioc &ioc, const QDateTime &now)
{
    // The IOC's own uptime when its child is known, not procServ's.
    const QDateTime since = ioc.childSince.isValid() ? ioc.childSince : ioc.activeSince;
    if (!ioc.isUp() || !since.isValid() || ioc.hostLost) // a lost host's uptime is not measured
        return -1;
    return qMax<qint64>(0, since.secsTo(now));
}

QString uptimeText(const Ioc &ioc, const QDateTime &now)
{
    const qint64 seconds = uptimeSeconds(ioc, now);
    return seconds < 0 ? QString() : humanDuration(seconds);
}

QString crashLoopText(const Ioc &ioc, const QDateTime &now)
{
    if (ioc.subState == QLatin1String("auto-restart")) {
        // systemd restarts the unit (procServ itself ended).
        const QString last = ioc.result.isEmpty() || ioc.result == QLatin1String("success")
                ? QString()
                : ioc.result;
        return last.isEmpty()
                ? QCoreApplication::translate("IocFormat", "Restarting (%1)").arg(ioc.nRestarts)
                : QCoreApplication::translate("IocFormat", "Restarting (%1, last: %2)")
                          .arg(ioc.nRestarts)
                          .arg(last);
    }
    // The child's restarts inside procServ when those loop, else systemd's restarts of the
    // unit or the container engine's of the container (the IOC is its own process).
    const bool engine = ioc.containerCrashLoop && !ioc.childCrashLoop;
    const bool unit = ioc.unitCrashLoop && !ioc.childCrashLoop && !engine;
    QList<QDateTime> times = unit ? ioc.unitRestarts : ioc.recentRestarts;
    if (engine) {
        times.clear();
        for (const ChildExit &exit : ioc.containerExits)
            times << exit.at;
    }
    int n = 0;
    for (const QDateTime &t : std::as_const(times)) {
        if (t.isValid() && t.secsTo(now) <= Ioc::crashLoopWindowSecs)
            ++n;
    }
    // Every time kept is in the window: more may have been before them.
    const QString count =
            n >= Ioc::recentRestartsKept ? QStringLiteral("≥%1").arg(n) : QString::number(n);
    const int minutes = Ioc::crashLoopWindowSecs / 60;
    QString last = engine && !ioc.containerExits.isEmpty() ? ioc.containerExits.constLast().text()
                                                           : ioc.lastExit.text();
    if (unit) // how procServ last ended, as systemd says (its Result)
        last = ioc.result == QLatin1String("success") ? QString() : ioc.result;
    return last.isEmpty()
            ? QCoreApplication::translate("IocFormat", "Restarting (crashed %1× in %2 min)")
                      .arg(count)
                      .arg(minutes)
            : QCoreApplication::translate("IocFormat",
                                          "Restarting (crashed %1× in %2 min, last: %3)")
                      .arg(count)
                      .arg(minutes)
                      .arg(last);
}

QJsonValue exitJson(const ChildExit &exit)
{
    if (!exit.isValid())
        return QJsonValue::Null;
    QJsonObject o;
    if (exit.signal > 0)
        o.insert(QStringLiteral("signal"), exit.signalName());
    else
        o.insert(QStringLiteral("code"), exit.code);
    o.insert(QStringLiteral("at"), dateOrNull(exit.at));
    return o;
}

QString restartsText(const Ioc &ioc)
{
    const qint64 n = ioc.restarts();
    if (n >= 0)
        return QString::number(n);
    // Unknown in all, but some were seen: "≥3".
    const qint64 least = ioc.restartsAtLeast();
    return least > 0 ? QStringLiteral("\u2265") + QString::number(least) : QStringLiteral("?");
}

void insertChildFacts(QJsonObject &o, const Ioc &ioc)
{
    const qint64 restarts = ioc.restarts();
    o.insert(QStringLiteral("restarts"),
             restarts < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(double(restarts)));
    o.insert(QStringLiteral("childSince"), dateOrNull(ioc.childSince));
    o.insert(QStringLiteral("childRestarts"),
             ioc.childRestarts < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(ioc.childRestarts));
    o.insert(QStringLiteral("lastExit"), exitJson(ioc.lastExit));
    o.insert(QStringLiteral("crashLoop"), ioc.isCrashLooping());
    o.insert(QStringLiteral("ready"),
             ioc.readiness == Readiness::Unknown ? QJsonValue(QJsonValue::Null)
                                                 : QJsonValue(ioc.readiness == Readiness::Ready));
}

static QString containerStatusText(const Ioc &ioc, const QDateTime &now)
{
    const QString state = ioc.containerState;
    const auto ago = [&now](const QDateTime &t) { return humanDuration(t.secsTo(now)); };
    if (ioc.status() == QLatin1String("crashloop"))
        return crashLoopText(ioc, now);
    if (state == QLatin1String("running") || state == QLatin1String("paused")) {
        const QString uptime = uptimeText(ioc, now);
        QString text = uptime.isEmpty()
                ? QCoreApplication::translate("IocFormat", "Up")
                : QCoreApplication::translate("IocFormat", "Up %1").arg(uptime);
        if (ioc.health == QLatin1String("healthy"))
            text = QCoreApplication::translate("IocFormat", "%1 (healthy)").arg(text);
        else if (ioc.health == QLatin1String("unhealthy"))
            text = QCoreApplication::translate("IocFormat", "%1 (unhealthy)").arg(text);
        else if (ioc.health == QLatin1String("starting"))
            text = QCoreApplication::translate("IocFormat", "%1 (health: starting)").arg(text);
        if (state == QLatin1String("paused"))
            text = QCoreApplication::translate("IocFormat", "%1 (paused)").arg(text);
        else if (ioc.childState == ChildState::ShutDown)
            text = QCoreApplication::translate("IocFormat", "%1 (IOC shut down)").arg(text);
        return text;
    }
    if (state == QLatin1String("created"))
        return QCoreApplication::translate("IocFormat", "Created");
    if (state == QLatin1String("removing"))
        return QCoreApplication::translate("IocFormat", "Removing");
    if (state == QLatin1String("dead"))
        return QCoreApplication::translate("IocFormat", "Dead");
    if (state == QLatin1String("restarting") || state == QLatin1String("exited")) {
        const bool restarting = state == QLatin1String("restarting");
        const QString code =
                ioc.exitCode >= 0 ? QString::number(ioc.exitCode) : QStringLiteral("?");
        if (!ioc.inactiveSince.isValid()) {
            return restarting
                    ? QCoreApplication::translate("IocFormat", "Restarting (%1)").arg(code)
                    : QCoreApplication::translate("IocFormat", "Exited (%1)").arg(code);
        }
        return restarting ? QCoreApplication::translate("IocFormat", "Restarting (%1) %2 ago")
                                    .arg(code, ago(ioc.inactiveSince))
                          : QCoreApplication::translate("IocFormat", "Exited (%1) %2 ago")
                                    .arg(code, ago(ioc.inactiveSince));
    }
    return QCoreApplication::translate("IocFormat", "Unknown");
}

QString statusText(const Ioc &ioc, const QDateTime &now)
{
    if (ioc.hostLost)
        return QCoreApplication::translate("IocFormat", "Unknown (host lost)");
    if (ioc.isContainer())
        return containerStatusText(ioc, now);
    const bool up = ioc.isUp();
    if (!up) {
        if (ioc.isUninstalled())
            return QCoreApplication::translate("IocFormat", "Not found");
        if (ioc.loadState == QLatin1String("masked"))
            return QCoreApplication::translate("IocFormat", "Masked");
        if (ioc.loadState == QLatin1String("error")
            || ioc.loadState == QLatin1String("bad-setting"))
            return QCoreApplication::translate("IocFormat", "Unit file error");
        if (!ioc.isLoaded() && ioc.activeState.isEmpty())
            return QCoreApplication::translate("IocFormat", "Not loaded");
    }
    const QString status = ioc.status();
    // systemd keeps running a unit whose rewritten file it refused; the next start fails.
    const bool fileRefused = up
            && (ioc.loadState == QLatin1String("error")
                || ioc.loadState == QLatin1String("bad-setting"));
    if (status == QLatin1String("running") || status == QLatin1String("shutdown")) {
        const QString uptime = uptimeText(ioc, now);
        const QString upText = uptime.isEmpty()
                ? QCoreApplication::translate("IocFormat", "Up")
                : QCoreApplication::translate("IocFormat", "Up %1").arg(uptime);
        if (status == QLatin1String("shutdown")) {
            return fileRefused
                    ? QCoreApplication::translate("IocFormat",
                                                  "%1 (IOC shut down, unit file error)")
                              .arg(upText)
                    : QCoreApplication::translate("IocFormat", "%1 (IOC shut down)").arg(upText);
        }
        return fileRefused
                ? QCoreApplication::translate("IocFormat", "%1 (unit file error)").arg(upText)
                : upText;
    }
    if (status == QLatin1String("starting")) {
        return fileRefused ? QCoreApplication::translate("IocFormat", "Starting (unit file error)")
                           : QCoreApplication::translate("IocFormat", "Starting");
    }
    if (status == QLatin1String("stopping"))
        return QCoreApplication::translate("IocFormat", "Stopping");
    if (status == QLatin1String("crashloop")) {
        return fileRefused ? QCoreApplication::translate("IocFormat", "%1 (unit file error)")
                                     .arg(crashLoopText(ioc, now))
                           : crashLoopText(ioc, now);
    }
    if (status == QLatin1String("exited") && ioc.isNeverStarted())
        return QCoreApplication::translate("IocFormat", "Created");
    // docker's "Exited (N)": how procServ ended as systemd saw it, a signal by its name.
    const ChildExit exit = ioc.mainExit();
    QString how;
    if (exit.signal > 0)
        how = exit.signalName();
    else if (exit.code >= 0)
        how = QString::number(exit.code);
    else if (status == QLatin1String("failed"))
        how = QCoreApplication::translate("IocFormat", "failed");
    if (how.isEmpty()) {
        return ioc.inactiveSince.isValid()
                ? QCoreApplication::translate("IocFormat", "Exited %1 ago")
                          .arg(humanDuration(ioc.inactiveSince.secsTo(now)))
                : QCoreApplication::translate("IocFormat", "Exited");
    }
    return ioc.inactiveSince.isValid()
            ? QCoreApplication::translate("IocFormat", "Exited (%1) %2 ago")
                      .arg(how, humanDuration(ioc.inactiveSince.secsTo(now)))
            : QCoreApplication::translate("IocFormat", "Exited (%1)").arg(how);
}

Tone statusTone(const Ioc &ioc)
{
    const QString status = ioc.status();
    if (status == QLatin1String("running"))
        return Tone::Good;
    if (status == QLatin1String("failed"))
        return Tone::Bad;
    if (status == QLatin1String("shutdown") || status == QLatin1String("crashloop")
        || status == QLatin1String("paused") || status == QLatin1String("unknown"))
        return Tone::Warning;
    if (status == QLatin1String("starting") || status == QLatin1String("stopping")
        || status == QLatin1String("restarting"))
        return Tone::Transition;
    return Tone::Neutral;
}

QString bytes(quint64 n)
{
    if (n < 1024)
        return QCoreApplication::translate("IocFormat", "%1 B").arg(n);
    static const char *const units[] = { "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
    double value = static_cast<double>(n) / 1024.0;
    int unit = 0;
    // Switch units before the rounded value would show "1024.0".
    while (value >= 1023.95 && unit < 5) {
        value /= 1024.0;
        ++unit;
    }
    return QString::number(value, 'f', 1) + QLatin1Char(' ') + QLatin1String(units[unit]);
}

QJsonObject toJson(const Ioc &ioc)
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), ioc.name);
    o.insert(QStringLiteral("unit"), ioc.unit);
    o.insert(QStringLiteral("host"), ioc.host);
    o.insert(QStringLiteral("runtime"), ioc.runtime);
    o.insert(QStringLiteral("convention"), ioc.convention);
    o.insert(QStringLiteral("conventionName"), Conventions::displayName(ioc.convention));
    o.insert(QStringLiteral("description"), ioc.description);
    o.insert(QStringLiteral("status"), ioc.status());
    o.insert(QStringLiteral("activeState"), ioc.activeState);
    o.insert(QStringLiteral("subState"), ioc.subState);
    o.insert(QStringLiteral("loadState"), ioc.loadState);
    o.insert(QStringLiteral("unitFileState"), ioc.unitFileState);
    o.insert(QStringLiteral("result"), ioc.result);
    o.insert(QStringLiteral("childState"), childStateName(ioc.childState));
    o.insert(QStringLiteral("pid"), static_cast<double>(ioc.childPid));
    o.insert(QStringLiteral("procServPid"), static_cast<double>(ioc.mainPid));
    insertChildFacts(o, ioc);
    o.insert(QStringLiteral("since"), dateOrNull(currentSince(ioc)));
    o.insert(QStringLiteral("activeSince"), dateOrNull(ioc.activeSince));
    o.insert(QStringLiteral("inactiveSince"), dateOrNull(ioc.inactiveSince));
    o.insert(QStringLiteral("enabled"), ioc.isEnabled());
    o.insert(QStringLiteral("console"), stringOrNull(ioc.console.toString()));
    o.insert(QStringLiteral("logPort"), stringOrNull(ioc.logPort.toString()));
    o.insert(QStringLiteral("logFile"), stringOrNull(ioc.logFile));
    o.insert(QStringLiteral("configFile"), stringOrNull(ioc.configFile));
    o.insert(QStringLiteral("configError"), stringOrNull(ioc.configError));
    o.insert(QStringLiteral("workingDirectory"), stringOrNull(ioc.workingDirectory));
    o.insert(QStringLiteral("infoFile"), stringOrNull(ioc.infoFile));
    o.insert(QStringLiteral("childName"), stringOrNull(ioc.childName));
    o.insert(QStringLiteral("autoRestart"), autoRestartName(ioc.autoRestart));
    o.insert(QStringLiteral("memoryBytes"), numberOrNull(ioc.memoryBytes));
    o.insert(QStringLiteral("cpuNSec"), numberOrNull(ioc.cpuNSec));
    o.insert(QStringLiteral("execStart"), QJsonArray::fromStringList(ioc.execStart));
    o.insert(QStringLiteral("fragmentPath"), stringOrNull(ioc.fragmentPath));
    o.insert(QStringLiteral("dropInPaths"),
             ioc.dropInPaths ? QJsonValue(QJsonArray::fromStringList(*ioc.dropInPaths))
                             : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("ignoreChars"), ioc.ignoreChars);
    o.insert(QStringLiteral("killChar"), ioc.killChar);
    o.insert(QStringLiteral("logoutChar"), ioc.logoutChar);
    insertContainerFacts(o, ioc);
    return o;
}

void insertContainerFacts(QJsonObject &o, const Ioc &ioc)
{
    if (!ioc.isContainer())
        return;
    o.insert(QStringLiteral("containerId"), ioc.containerId);
    o.insert(QStringLiteral("container"), ioc.container);
    o.insert(QStringLiteral("image"), ioc.image);
    o.insert(QStringLiteral("containerState"), ioc.containerState);
    o.insert(QStringLiteral("exitCode"),
             ioc.exitCode >= 0 ? QJsonValue(ioc.exitCode) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("health"), stringOrNull(ioc.health));
    o.insert(QStringLiteral("restartPolicy"), stringOrNull(ioc.restartPolicy));
}

namespace {

// docker ps's names of the same fields, for users' habits and scripts.
QString dockerAlias(const QString &field)
{
    if (field == QLatin1String("Names"))
        return QStringLiteral("Name");
    if (field == QLatin1String("RunningFor"))
        return QStringLiteral("Uptime");
    if (field == QLatin1String("Command"))
        return QStringLiteral("ExecStart");
    return field;
}

QString fieldValue(const QString &given, const Ioc &ioc, const QDateTime &now, bool *known)
{
    *known = true;
    const QString field = dockerAlias(given);
    if (field == QLatin1String("Name"))
        return ioc.name;
    if (field == QLatin1String("Unit"))
        return ioc.unit;
    if (field == QLatin1String("Host"))
        return ioc.host;
    if (field == QLatin1String("Status"))
        return statusText(ioc, now);
    if (field == QLatin1String("State"))
        return ioc.status();
    if (field == QLatin1String("Convention"))
        return ioc.convention;
    if (field == QLatin1String("Console"))
        return ioc.console.toString();
    if (field == QLatin1String("LogPort"))
        return ioc.logPort.toString();
    if (field == QLatin1String("Pid"))
        return QString::number(ioc.childPid);
    if (field == QLatin1String("ProcServPid"))
        return QString::number(ioc.mainPid);
    if (field == QLatin1String("Restarts"))
        return restartsText(ioc);
    if (field == QLatin1String("LastExit"))
        return ioc.lastExit.text();
    if (field == QLatin1String("ChildSince"))
        return ioc.childSince.isValid() ? ioc.childSince.toString(Qt::ISODate) : QString();
    if (field == QLatin1String("Description"))
        return ioc.description;
    if (field == QLatin1String("Enabled"))
        return ioc.isEnabled() ? QStringLiteral("true") : QStringLiteral("false");
    if (field == QLatin1String("LogFile"))
        return ioc.logFile;
    if (field == QLatin1String("ChildState"))
        return childStateName(ioc.childState);
    if (field == QLatin1String("AutoRestart"))
        return autoRestartName(ioc.autoRestart);
    if (field == QLatin1String("ActiveState"))
        return ioc.activeState;
    if (field == QLatin1String("SubState"))
        return ioc.subState;
    if (field == QLatin1String("UnitFileState"))
        return ioc.unitFileState;
    if (field == QLatin1String("Uptime"))
        return uptimeText(ioc, now);
    if (field == QLatin1String("Memory"))
        return ioc.memoryBytes ? bytes(ioc.memoryBytes) : QString();
    if (field == QLatin1String("ConfigFile"))
        return ioc.configFile;
    if (field == QLatin1String("ConfigError"))
        return ioc.configError;
    if (field == QLatin1String("WorkingDirectory"))
        return ioc.workingDirectory;
    if (field == QLatin1String("ExecStart"))
        return ioc.execStart.join(QLatin1Char(' '));
    if (field == QLatin1String("Runtime"))
        return ioc.runtime;
    if (field == QLatin1String("Image"))
        return ioc.image;
    if (field == QLatin1String("Container"))
        return ioc.container;
    if (field == QLatin1String("ContainerId"))
        return ioc.containerId;
    if (field == QLatin1String("ExitCode"))
        return ioc.exitCode >= 0 ? QString::number(ioc.exitCode) : QString();
    if (field == QLatin1String("Health"))
        return ioc.health;
    *known = false;
    return {};
}

// Expands, or only checks when @p ioc is null.
QString expand(const QString &tmpl, const Ioc *ioc, const QDateTime &now, QString *error)
{
    QString text = tmpl;
    text.replace(QLatin1String("\\t"), QLatin1String("\t"));
    text.replace(QLatin1String("\\n"), QLatin1String("\n"));
    QString out;
    int i = 0;
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return QString();
    };
    while (i < text.size()) {
        const int open = text.indexOf(QLatin1String("{{"), i);
        if (open < 0) {
            out += text.mid(i);
            break;
        }
        out += text.mid(i, open - i);
        const int close = text.indexOf(QLatin1String("}}"), open + 2);
        if (close < 0)
            return fail(
                    QCoreApplication::translate("IocFormat", "Template: missing '}}' after '%1'")
                            .arg(text.mid(open, 20)));
        const QString action = text.mid(open + 2, close - open - 2).trimmed();
        if (action == QLatin1String("json .")) {
            if (ioc)
                out += QString::fromUtf8(
                        QJsonDocument(toJson(*ioc)).toJson(QJsonDocument::Compact));
        } else if (action.startsWith(QLatin1Char('.')) && action.size() > 1) {
            bool known = false;
            const QString value = fieldValue(action.mid(1), ioc ? *ioc : Ioc(), now, &known);
            if (!known) {
                return fail(QCoreApplication::translate(
                                    "IocFormat", "Template: unknown field '%1'. Known fields: %2")
                                    .arg(action, templateFields().join(QStringLiteral(", "))));
            }
            out += value;
        } else {
            return fail(QCoreApplication::translate(
                                "IocFormat",
                                "Template: cannot evaluate '{{%1}}'; use {{.Field}} or {{json .}}")
                                .arg(action));
        }
        i = close + 2;
    }
    if (error)
        error->clear();
    return out;
}

} // namespace

QStringList templateFields()
{
    return { QStringLiteral("Name"),          QStringLiteral("Unit"),
             QStringLiteral("Host"),          QStringLiteral("Status"),
             QStringLiteral("State"),         QStringLiteral("Convention"),
             QStringLiteral("Console"),       QStringLiteral("LogPort"),
             QStringLiteral("Pid"),           QStringLiteral("ProcServPid"),
             QStringLiteral("Restarts"),      QStringLiteral("Description"),
             QStringLiteral("Enabled"),       QStringLiteral("LogFile"),
             QStringLiteral("ChildState"),    QStringLiteral("AutoRestart"),
             QStringLiteral("ActiveState"),   QStringLiteral("SubState"),
             QStringLiteral("UnitFileState"), QStringLiteral("Uptime"),
             QStringLiteral("Memory"),        QStringLiteral("ConfigFile"),
             QStringLiteral("ConfigError"),   QStringLiteral("WorkingDirectory"),
             QStringLiteral("ExecStart"),     QStringLiteral("LastExit"),
             QStringLiteral("ChildSince"),    QStringLiteral("Runtime"),
             QStringLiteral("Image"),         QStringLiteral("Container"),
             QStringLiteral("ContainerId"),   QStringLiteral("ExitCode"),
             QStringLiteral("Health"),        QStringLiteral("Names"),
             QStringLiteral("RunningFor"),    QStringLiteral("Command") };
}

QString applyTemplate(const QString &tmpl, const Ioc &ioc, const QDateTime &now, QString *error)
{
    return expand(tmpl, &ioc, now, error);
}

QString validateTemplate(const QString &tmpl)
{
    QString error;
    expand(tmpl, nullptr, QDateTime(), &error);
    return error;
}

namespace {

// "LogFile" -> "LOG FILE", "Pid" -> "PID".
QString headerWord(const QString &field)
{
    QString out;
    for (int i = 0; i < field.size(); ++i) {
        const QChar c = field.at(i);
        if (i > 0 && c.isUpper() && field.at(i - 1).isLower())
            out += QLatin1Char(' ');
        out += c.toUpper();
    }
    return out;
}

// The actions of a template in order, with the text between them; false when malformed.
struct TemplatePart
{
    bool isAction = false;
    QString text; // literal text, or the action without braces, trimmed
};

bool splitTemplate(const QString &tmpl, QList<TemplatePart> *parts, QString *error)
{
    QString text = tmpl;
    text.replace(QLatin1String("\\t"), QLatin1String("\t"));
    text.replace(QLatin1String("\\n"), QLatin1String("\n"));
    int i = 0;
    while (i < text.size()) {
        const int open = text.indexOf(QLatin1String("{{"), i);
        if (open < 0) {
            *parts << TemplatePart{ false, text.mid(i) };
            break;
        }
        if (open > i)
            *parts << TemplatePart{ false, text.mid(i, open - i) };
        const int close = text.indexOf(QLatin1String("}}"), open + 2);
        if (close < 0) {
            *error = QCoreApplication::translate("IocFormat", "Template: missing '}}' after '%1'")
                             .arg(text.mid(open, 20));
            return false;
        }
        *parts << TemplatePart{ true, text.mid(open + 2, close - open - 2).trimmed() };
        i = close + 2;
    }
    return true;
}

// Every key toJson() gives, for a systemd row and for a container row.
QStringList allJsonKeys()
{
    Ioc container;
    container.containerId = QStringLiteral("x");
    QStringList keys = toJson(container).keys();
    keys.sort();
    return keys;
}

// The key of @p object that @p name means: exact, else with the first letter lower-cased
// ("Name" for "name", as docker's templates write fields).
QString matchKey(const QJsonObject &object, const QString &name)
{
    if (object.contains(name))
        return name;
    QString lower = name;
    if (!lower.isEmpty())
        lower[0] = lower.at(0).toLower();
    return object.contains(lower) ? lower : QString();
}

QString jsonText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (d == static_cast<double>(static_cast<qint64>(d)))
            return QString::number(static_cast<qint64>(d));
        return QString::number(d, 'g', 17);
    }
    case QJsonValue::Null:
        return QStringLiteral("<nil>");
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("<no value>");
}

QString expandJson(const QString &tmpl, const QJsonObject *object, QString *error)
{
    QList<TemplatePart> parts;
    QString failure;
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return QString();
    };
    if (!splitTemplate(tmpl, &parts, &failure))
        return fail(failure);
    static const QStringList known = allJsonKeys();
    QJsonObject everyKey; // for checking without an IOC
    for (const QString &key : known)
        everyKey.insert(key, QJsonValue::Null);
    QString out;
    for (const TemplatePart &part : std::as_const(parts)) {
        if (!part.isAction) {
            out += part.text;
            continue;
        }
        QString path = part.text;
        bool json = false;
        if (path.startsWith(QLatin1String("json "))) {
            json = true;
            path = path.mid(5).trimmed();
        }
        if (!path.startsWith(QLatin1Char('.'))) {
            return fail(QCoreApplication::translate(
                                "IocFormat",
                                "Template: cannot evaluate '{{%1}}'; use {{.field}}, "
                                "{{.field.field}}, {{json .}} or {{json .field}}")
                                .arg(part.text));
        }
        QJsonValue value = object ? QJsonValue(*object) : QJsonValue(everyKey);
        const QStringList names =
                path == QLatin1String(".") ? QStringList() : path.mid(1).split(QLatin1Char('.'));
        bool first = true;
        for (const QString &name : names) {
            if (!value.isObject()) {
                // Into a null or a value: Go says "<nil>"; without an IOC, not checkable.
                value = object ? QJsonValue(QJsonValue::Null) : QJsonValue();
                break;
            }
            const QJsonObject current = value.toObject();
            const QString key = matchKey(current, name);
            if (key.isEmpty()) {
                const bool elsewhere = first && !matchKey(everyKey, name).isEmpty();
                if (elsewhere) { // a container's key on a systemd IOC
                    value = QJsonValue(QJsonValue::Undefined);
                    break;
                }
                if (!first && !object)
                    break; // nested keys are checked against an IOC
                return fail(QCoreApplication::translate(
                                    "IocFormat", "Template: unknown field '%1'. Known fields: %2")
                                    .arg(name,
                                         first ? known.join(QStringLiteral(", "))
                                               : current.keys().join(QStringLiteral(", "))));
            }
            value = current.value(key);
            first = false;
        }
        if (!object)
            continue;
        if (json) {
            if (value.isObject() || value.isArray())
                out += jsonText(value);
            else if (value.isUndefined())
                out += QStringLiteral("null");
            else
                out += QString::fromUtf8(
                               QJsonDocument(QJsonArray{ value }).toJson(QJsonDocument::Compact))
                               .mid(1)
                               .chopped(1);
        } else {
            out += jsonText(value);
        }
    }
    if (error)
        error->clear();
    return out;
}

} // namespace

QString templateHeader(const QString &tmpl)
{
    QList<TemplatePart> parts;
    QString error;
    if (!splitTemplate(tmpl, &parts, &error))
        return tmpl;
    QString out;
    for (const TemplatePart &part : std::as_const(parts)) {
        if (!part.isAction)
            out += part.text;
        else if (part.text.startsWith(QLatin1Char('.')))
            out += headerWord(part.text.mid(1));
        else if (part.text.startsWith(QLatin1String("json")))
            out += QStringLiteral("JSON");
        else
            out += part.text.toUpper();
    }
    return out;
}

QString applyJsonTemplate(const QString &tmpl, const QJsonObject &object, QString *error)
{
    return expandJson(tmpl, &object, error);
}

QString validateJsonTemplate(const QString &tmpl)
{
    QString error;
    expandJson(tmpl, nullptr, &error);
    return error;
}

} // namespace IocFormat
