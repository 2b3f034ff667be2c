// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

/// Presentation of an Ioc shared by iocctl and the GUI: docker-style durations and status
/// texts, sizes, the JSON of `iocctl inspect`/`ps --format json`, and `--format` templates.
/// Functions that depend on the time take "now" so tests can fix it.
namespace IocFormat {

/// docker's HumanDuration: "Less than a second", "1 second", "3 seconds", "About a minute",
/// "5 minutes", "About an hour", "3 hours", "2 days", "3 weeks", "4 months", "2 years".
QString humanDuration(qint64 seconds);

/// The status column: "Up 3 hours", "Up 3 hours (IOC shut down)", "Exited (1) 2 minutes ago"
/// (how procServ ended, as systemd says: exit status or signal name), "Exited (failed) 2
/// minutes ago" (failed, how unknown), "Exited 2 days ago", "Created" (loaded, never active),
/// "Starting" (unit starting or IOC before iocInit), "Stopping",
/// "Restarting (crashed 5× in 10 min, last: SIGSEGV)", "Restarting (3)" (systemd
/// auto-restart), "Not loaded", "Not found", "Masked". A container as docker says it: "Up 3
/// hours (healthy)", "Up 2 minutes (paused)", "Exited (137) 5 seconds ago", "Created",
/// "Restarting (1) 2 seconds ago", "Removing", "Dead".
QString statusText(const Ioc &ioc, const QDateTime &now);

/// How a status should stand out, the same in the GUI (text colour) and on a terminal
/// (iocctl's colours): Good (running: green on a terminal), Transition (starting, stopping,
/// restarting: yellow), Warning (IOC shut down, crash loop, paused, unknown: yellow; amber in
/// the GUI), Bad (failed: red), Neutral (exited, created, not loaded: no colour).
enum class Tone { Neutral, Good, Transition, Warning, Bad };
Tone statusTone(const Ioc &ioc);

/// "Restarting (crashed 5× in 10 min, last: SIGSEGV)" for a child in a crash loop;
/// "Restarting (3, last: exit-code)" for a unit systemd is about to restart.
QString crashLoopText(const Ioc &ioc, const QDateTime &now);

/// The restarts column: systemd's plus the child's, "?" when the child's are unknown.
QString restartsText(const Ioc &ioc);

/// Adds restarts (null when unknown), childSince, childRestarts (null when unknown),
/// lastExit ({"code": 3, "at": ...}, {"signal": "SIGSEGV", "at": ...} or null), crashLoop
/// and ready (null when unknown).
void insertChildFacts(QJsonObject &o, const Ioc &ioc);

/// For a container row: containerId, container, image, containerState, exitCode (null when
/// unknown), health and restartPolicy (null when none). Nothing for a systemd row.
void insertContainerFacts(QJsonObject &o, const Ioc &ioc);

/// How long the IOC has been up, in seconds: its current child's run when known, else the
/// unit's; -1 when it is not up or that is not measured (a lost host).
qint64 uptimeSeconds(const Ioc &ioc, const QDateTime &now);
/// How long the IOC (its current child, else the unit) has been up ("3 hours"); empty unless active with a known start time.
QString uptimeText(const Ioc &ioc, const QDateTime &now);

/// Binary units with one decimal: "512 B", "1.5 KiB", "12.3 MiB", "2.0 GiB".
QString bytes(quint64 n);

/// Everything known about one IOC. Keys: name, unit, host, convention, conventionName,
/// description, status, activeState, subState, loadState, unitFileState, result,
/// childState (running/shutdown/unknown), pid (IOC child, 0 unknown), procServPid, restarts
/// (systemd's and the child's; null when unknown), childSince, childRestarts, lastExit,
/// crashLoop, ready (see insertChildFacts()),
/// since (ISO 8601 of the current state's start, or null), activeSince, inactiveSince,
/// enabled (bool), console/logPort ("unix:/path", "unix:@name", "tcp:HOST:PORT" or null),
/// logFile, configFile, configError, workingDirectory, infoFile, childName (string or null),
/// autoRestart (ON/OFF/ONESHOT/unknown), memoryBytes, cpuNSec (number or null),
/// execStart (array), fragmentPath, dropInPaths (array; null when not read), ignoreChars, killChar, logoutChar; for a container row
/// also those of insertContainerFacts().
QJsonObject toJson(const Ioc &ioc);

/// Fields a template may use: Name Unit Host Status State Convention Console Pid Restarts
/// Description Enabled LogFile (and a few more, see the implementation).
QStringList templateFields();

/// Expands a docker-like template: "{{.Name}}\t{{.Console}}". "{{json .}}" gives the JSON of
/// toJson() on one line; "\t" and "\n" written as two characters become tab and newline.
/// Returns an empty string and sets @p error (when given) for an unknown field or a
/// malformed template.
QString applyTemplate(const QString &tmpl, const Ioc &ioc, const QDateTime &now,
                      QString *error = nullptr);

/// Checks a template without an IOC; empty when fine, else the message applyTemplate() gives.
QString validateTemplate(const QString &tmpl);

/// The header a `table` template's cell gets, as docker makes it: each {{.Field}} becomes the
/// field's name in capitals, words apart ("{{.LogFile}}" → "LOG FILE"), {{json .}} "JSON";
/// other text stays.
QString templateHeader(const QString &tmpl);

/// `inspect -f`: a Go-template-like subset over the JSON of toJson(): "{{.name}}",
/// "{{.lastExit.code}}" (a key matches also with its first letter in capitals, as docker's
/// "{{.Name}}"), "{{json .}}", "{{json .lastExit}}"; "\t" and "\n" as in applyTemplate().
/// A string prints as is, a number, true/false, null as "<nil>", an object or array as JSON;
/// a key that only other IOCs have (a container's) as "<no value>". Returns an empty string
/// and sets @p error for a field no IOC has or a malformed template.
QString applyJsonTemplate(const QString &tmpl, const QJsonObject &object, QString *error = nullptr);

/// Checks an `inspect -f` template without an IOC (the top-level keys against every key
/// toJson() can give); empty when fine.
QString validateJsonTemplate(const QString &tmpl);

} // namespace IocFormat
