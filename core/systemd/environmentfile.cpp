// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/systemd/environmentfile.h"

#include <QCoreApplication>

namespace {

bool isValidEnvName(const QString &key)
{
    if (key.isEmpty() || key.at(0).isDigit())
        return false;
    for (const QChar c : key) {
        const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
                || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
                || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_');
        if (!ok)
            return false;
    }
    return true;
}

QString fromUtf8Strict(const QByteArray &bytes, bool *ok)
{
    const QString text = QString::fromUtf8(bytes);
    *ok = text.toUtf8() == bytes;
    return text;
}

} // namespace

QMap<QString, QString> parseEnvironmentFile(const QByteArray &content,
                                            QList<EnvironmentFileProblem> *problemsOut)
{
    // A transcription of systemd 252's parse_env_file_internal() state machine.
    enum State {
        PreKey,
        Key,
        PreValue,
        Value,
        ValueEscape,
        SingleQuote,
        DoubleQuote,
        DoubleQuoteEscape,
        Comment,
        CommentEscape
    };
    QMap<QString, QString> result;
    QList<EnvironmentFileProblem> problems;
    QByteArray key;
    QByteArray value;
    int lastKeyWhitespace = -1;
    int lastValueWhitespace = -1;
    int line = 1;
    int keyLine = 1;
    int quoteLine = 1;
    State state = PreKey;
    auto isWhitespace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    auto isNewline = [](char c) { return c == '\n' || c == '\r'; };

    auto push = [&]() {
        if (lastKeyWhitespace >= 0)
            key.truncate(lastKeyWhitespace);
        bool keyOk = false;
        bool valueOk = false;
        const QString k = fromUtf8Strict(key, &keyOk);
        const QString v = fromUtf8Strict(value, &valueOk);
        if (!keyOk || !valueOk) {
            problems.append(
                    { keyLine,
                      QCoreApplication::translate("EnvironmentFile", "invalid UTF-8, ignored") });
        } else if (!isValidEnvName(k)) {
            problems.append(
                    { keyLine,
                      QCoreApplication::translate("EnvironmentFile",
                                                  "\"%1\" is not a valid variable name, ignored")
                              .arg(k) });
        } else {
            result.insert(k, v);
        }
        key.clear();
        value.clear();
    };

    for (int i = 0; i < content.size(); ++i) {
        const char c = content.at(i);
        switch (state) {
        case PreKey:
            if (c == '#' || c == ';') {
                state = Comment;
            } else if (!isWhitespace(c)) {
                state = Key;
                lastKeyWhitespace = -1;
                keyLine = line;
                key.append(c);
            } else if (c == '\n') {
                ++line;
            }
            break;
        case Key:
            if (isNewline(c)) {
                if (lastKeyWhitespace >= 0)
                    key.truncate(lastKeyWhitespace);
                problems.append({ keyLine,
                                  QCoreApplication::translate("EnvironmentFile",
                                                              "\"%1\" has no '=', ignored")
                                          .arg(QString::fromUtf8(key)) });
                state = PreKey;
                line += c == '\n' ? 1 : 0;
                key.clear();
            } else if (c == '=') {
                state = PreValue;
                lastValueWhitespace = -1;
            } else {
                if (!isWhitespace(c))
                    lastKeyWhitespace = -1;
                else if (lastKeyWhitespace < 0)
                    lastKeyWhitespace = key.size();
                key.append(c);
            }
            break;
        case PreValue:
            if (isNewline(c)) {
                state = PreKey;
                line += c == '\n' ? 1 : 0;
                push();
            } else if (c == '\'') {
                state = SingleQuote;
                quoteLine = line;
            } else if (c == '"') {
                state = DoubleQuote;
                quoteLine = line;
            } else if (c == '\\') {
                state = ValueEscape;
            } else if (!isWhitespace(c)) {
                state = Value;
                value.append(c);
            }
            break;
        case Value:
            if (isNewline(c)) {
                state = PreKey;
                line += c == '\n' ? 1 : 0;
                if (lastValueWhitespace >= 0)
                    value.truncate(lastValueWhitespace);
                push();
            } else if (c == '\\') {
                state = ValueEscape;
                lastValueWhitespace = -1;
            } else {
                if (!isWhitespace(c))
                    lastValueWhitespace = -1;
                else if (lastValueWhitespace < 0)
                    lastValueWhitespace = value.size();
                value.append(c);
            }
            break;
        case ValueEscape:
            state = Value;
            if (!isNewline(c))
                value.append(c);
            else
                line += c == '\n' ? 1 : 0;
            break;
        case SingleQuote:
            if (c == '\'')
                state = PreValue;
            else
                value.append(c);
            if (c == '\n')
                ++line;
            break;
        case DoubleQuote:
            if (c == '"')
                state = PreValue;
            else if (c == '\\')
                state = DoubleQuoteEscape;
            else
                value.append(c);
            if (c == '\n')
                ++line;
            break;
        case DoubleQuoteEscape:
            state = DoubleQuote;
            if (c == '"' || c == '\\' || c == '`' || c == '$') {
                value.append(c);
            } else if (c != '\n') {
                value.append('\\');
                value.append(c);
            } else {
                ++line;
            }
            break;
        case Comment:
            if (c == '\\') {
                state = CommentEscape;
            } else if (isNewline(c)) {
                state = PreKey;
                line += c == '\n' ? 1 : 0;
            }
            break;
        case CommentEscape:
            state = Comment;
            if (c == '\n')
                ++line;
            break;
        }
    }
    switch (state) {
    case PreValue:
    case Value:
    case ValueEscape:
    case SingleQuote:
    case DoubleQuote:
    case DoubleQuoteEscape:
        if (state == Value && lastValueWhitespace >= 0)
            value.truncate(lastValueWhitespace);
        if (state == SingleQuote || state == DoubleQuote || state == DoubleQuoteEscape) {
            // systemd takes the rest of the file as the value; almost surely a typo.
            problems.append(
                    { quoteLine,
                      QCoreApplication::translate("EnvironmentFile",
                                                  "the quote %1 opened here is not closed: the "
                                                  "value of %2 runs to the end of the file")
                              .arg(state == SingleQuote ? QStringLiteral("'")
                                                        : QStringLiteral("\""))
                              .arg(QString::fromUtf8(key).trimmed()) });
        }
        push();
        break;
    case Key:
        if (lastKeyWhitespace >= 0)
            key.truncate(lastKeyWhitespace);
        problems.append(
                { keyLine,
                  QCoreApplication::translate("EnvironmentFile", "\"%1\" has no '=', ignored")
                          .arg(QString::fromUtf8(key)) });
        break;
    default:
        break;
    }
    if (problemsOut)
        *problemsOut = problems;
    return result;
}

QMap<QString, QString> parseEnvironmentFile(const QByteArray &content, QString *error)
{
    QList<EnvironmentFileProblem> problems;
    const QMap<QString, QString> result = parseEnvironmentFile(content, &problems);
    if (error) {
        QStringList lines;
        for (const EnvironmentFileProblem &problem : problems) {
            lines << QCoreApplication::translate("EnvironmentFile", "line %1: %2")
                             .arg(problem.line)
                             .arg(problem.message);
        }
        *error = lines.join(QLatin1Char('\n'));
    }
    return result;
}

QMap<QString, QString> parseEnvironmentList(const QStringList &assignments)
{
    QMap<QString, QString> result;
    for (const QString &a : assignments) {
        const int eq = a.indexOf(QLatin1Char('='));
        if (eq > 0)
            result.insert(a.left(eq), a.mid(eq + 1));
    }
    return result;
}
