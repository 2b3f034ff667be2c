// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// libFuzzer target: systemd's ExecStart rules (core/systemd/execcommand.h: word splitting and
// expansion, unitspecifiers.h) and EnvironmentFile= syntax (environmentfile.h).
// Input: parts separated by NUL bytes: an EnvironmentFile's content (also split as a unit
// file line), a unit name, then the words of an ExecStart argv.
#include "core/systemd/environmentfile.h"
#include "core/systemd/execcommand.h"
#include "core/systemd/unitspecifiers.h"
#include "tests/fuzz/fuzzcommon.h"

#include <QRegularExpression>

namespace {

bool isValidEnvName(const QString &key)
{
    if (key.isEmpty() || key.at(0).isDigit())
        return false;
    for (const QChar c : key) {
        if (!((c >= QLatin1Char('a') && c <= QLatin1Char('z'))
              || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
              || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_')))
            return false;
    }
    return true;
}

/// Writes @p env as an EnvironmentFile: KEY="VALUE" with \" \\ \` \$ escaped.
QByteArray environmentFile(const QMap<QString, QString> &env)
{
    QByteArray out;
    for (auto it = env.cbegin(); it != env.cend(); ++it) {
        out += it.key().toUtf8() + "=\"";
        for (const char c : it.value().toUtf8()) {
            if (c == '"' || c == '\\' || c == '`' || c == '$')
                out += '\\';
            out += c;
        }
        out += "\"\n";
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QList<QByteArray> parts = fuzz::parts(fuzz::bytes(data, size));
    const QByteArray content = parts.value(0);
    const QString unit = QString::fromUtf8(parts.value(1));
    QStringList argv;
    for (int i = 2; i < parts.size(); ++i)
        argv << QString::fromUtf8(parts.at(i));

    // EnvironmentFile=: only valid names and valid UTF-8 come out, and what comes out,
    // written back in the file syntax, reads back the same without complaint.
    QString error;
    const QMap<QString, QString> env = parseEnvironmentFile(content, &error);
    for (auto it = env.cbegin(); it != env.cend(); ++it) {
        FUZZ_CHECK(isValidEnvName(it.key()));
        FUZZ_CHECK(it.value().toUtf8() == it.value().toUtf8()); // no lone surrogates etc.
    }
    if (!content.contains('=') && !content.trimmed().isEmpty())
        FUZZ_CHECK(env.isEmpty());
    QString error2;
    FUZZ_CHECK(parseEnvironmentFile(environmentFile(env), &error2) == env);
    FUZZ_CHECK(error2.isEmpty());

    // Environment= lists: KEY=VALUE entries back as they were.
    QStringList list;
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        list << it.key() + QLatin1Char('=') + it.value();
    FUZZ_CHECK(parseEnvironmentList(list) == env);

    // Over D-Bus (no specifiers): words without '$' stay exactly as they are.
    QString expandError;
    const QStringList expanded = expandCommand(argv, env, {}, &expandError);
    FUZZ_CHECK(expandError.isEmpty());
    if (!argv.join(QString()).contains(QLatin1Char('$')))
        FUZZ_CHECK(expanded == argv);

    // From a unit file: specifiers first. An error means no command at all.
    const QMap<QChar, QString> specifiers =
            unitSpecifiers(unit, QStringLiteral("/run/user/1000"), QStringLiteral("/home/ioc"),
                           QStringLiteral("ioc"));
    FUZZ_CHECK(specifiers.value(QLatin1Char('%')) == QLatin1String("%"));
    FUZZ_CHECK(specifiers.value(QLatin1Char('f')).startsWith(QLatin1Char('/')));
    const QStringList fromFile = expandCommand(argv, env, specifiers, &expandError);
    if (!expandError.isEmpty())
        FUZZ_CHECK(fromFile.isEmpty());
    else if (!argv.join(QString()).contains(QLatin1Char('$'))
             && !argv.join(QString()).contains(QLatin1Char('%')))
        FUZZ_CHECK(fromFile == argv);

    // Word splitting: text without quotes, backslashes or ';' splits at whitespace only,
    // by both rules; no rule gives more words than there are whitespace runs plus one.
    const QString line = QString::fromUtf8(content);
    const QStringList unitWords = splitWords(line, WordSplit::UnitFileLine);
    const QStringList valueWords = splitWords(line, WordSplit::VariableValue);
    static const QRegularExpression whitespace(QStringLiteral("[ \\t\\n\\r]+"));
    const QStringList plainWords = line.split(whitespace, Qt::SkipEmptyParts);
    if (!line.contains(QLatin1Char('"')) && !line.contains(QLatin1Char('\''))
        && !line.contains(QLatin1Char('\\')) && !line.contains(QLatin1Char(';'))) {
        FUZZ_CHECK(unitWords == plainWords);
        FUZZ_CHECK(valueWords == plainWords);
    }
    FUZZ_CHECK(unitWords.size() <= line.size() / 2 + 1);
    FUZZ_CHECK(valueWords.size() <= line.size() / 2 + 1);

    // Unescaping never grows the text.
    FUZZ_CHECK(unescapeUnitName(unit).toUtf8().size() <= unit.toUtf8().size());
    return 0;
}
