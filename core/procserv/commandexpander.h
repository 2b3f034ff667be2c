#pragma once

#include <QByteArray>
#include <QChar>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

// systemd's rules for turning a unit's ExecStart into the argv that really runs, so the
// procServ options can be read from it. Nothing here executes anything.
//
// Where the argv comes from matters:
// - Over D-Bus (ExecStart property, a(sasbttttuii)) systemd has already split the line into
//   words and resolved the %-specifiers ("%%" is already "%"), but not the $VAR/${VAR}
//   references nor "$$" (those are expanded when the command runs) — verified on systemd 252
//   in tools/sandbox. Call expandCommand() with an EMPTY specifier map then: a '%' left in
//   such an argv is literal, expanding again would break it.
// - Unit lines with the ':' prefix (ExecStart=:cmd) get no variable expansion at all; don't
//   call expandCommand() for them.
// - From a unit file on disk: split the line first, then pass unitSpecifiers().

/// Expands systemd %-specifiers (only when @p specifiers is not empty), then environment
/// variables in @p argv the way systemd does before exec: "${VAR}" is replaced in place
/// (also "${VAR:-default}" and "${VAR:+alternate}"), a word that is exactly "$VAR" becomes
/// the value split at whitespace (quotes honoured; an unset or empty VAR removes the word),
/// "$$" is a literal '$'; "$" followed by anything else inside a word stays as written.
/// An unknown specifier is an error (systemd refuses such a unit): the result is empty and
/// @p error says which one. Undefined variables expand to nothing, as in systemd.
QStringList expandCommand(const QStringList &argv, const QMap<QString, QString> &environment,
                          const QMap<QChar, QString> &specifiers, QString *error);

/// The specifiers that follow from the unit name and the manager's directories:
/// %n %N %p %P %i %I %j %J %f %t %h %u %T %V and %%. Host facts (%H %l %m %b %U %g %G %s
/// ...) belong to the host the unit runs on; callers that know them add them.
/// @p runtimeDir is /run for the system manager, $XDG_RUNTIME_DIR for a user manager.
QMap<QChar, QString> unitSpecifiers(const QString &unitName, const QString &runtimeDir,
                                    const QString &home, const QString &user);

/// systemd's unit-name unescaping (unit_name_unescape): "\xNN" → that byte, '-' → '/'.
QString unescapeUnitName(const QString &text);

/// Parses an EnvironmentFile= as systemd's load_env_file() does: KEY=VALUE lines, '#'/';'
/// comments, single quotes literal, double quotes with \" \\ \` \$ escapes, unquoted values
/// trimmed, backslash-newline continues a line; later keys override earlier ones. Values are
/// never expanded or executed. Assignments systemd would drop (invalid names such as
/// "export FOO", invalid UTF-8, lines without '=') are left out and listed in @p error,
/// one per line ("line N: ..."); the valid ones are still returned. A quote left open takes
/// the rest of the file, as in systemd, and is noted too.
QMap<QString, QString> parseEnvironmentFile(const QByteArray &content, QString *error);

/// One thing parseEnvironmentFile() noted: the line (1-based) and a translated message.
struct EnvironmentFileProblem
{
    int line = 0;
    QString message;
};
/// The same, with the problems one by one (for callers that name the file themselves).
QMap<QString, QString> parseEnvironmentFile(const QByteArray &content,
                                            QList<EnvironmentFileProblem> *problems);

/// Parses systemd's Environment= assignments (as D-Bus's Environment property lists them,
/// "KEY=VALUE" each) into a map; entries without '=' are ignored.
QMap<QString, QString> parseEnvironmentList(const QStringList &assignments);
