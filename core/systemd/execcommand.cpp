// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/systemd/execcommand.h"

#include "core/systemd/unitspecifiers.h"

namespace {

bool isSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n')
            || c == QLatin1Char('\r');
}

// systemd's cunescape_one() for the escapes a unit file uses; unknown ones stay as written.
// Returns how many characters of @p text from @p i were used.
int unescapeOne(const QString &text, int i, QString *out)
{
    const QChar c = text.at(i);
    switch (c.unicode()) {
    case 'a':
        out->append(QChar(7));
        return 1;
    case 'b':
        out->append(QChar(8));
        return 1;
    case 'f':
        out->append(QChar(12));
        return 1;
    case 'n':
        out->append(QChar(10));
        return 1;
    case 'r':
        out->append(QChar(13));
        return 1;
    case 't':
        out->append(QChar(9));
        return 1;
    case 'v':
        out->append(QChar(11));
        return 1;
    case 's':
        out->append(QLatin1Char(' '));
        return 1;
    case 'x': {
        bool ok = false;
        const int value = text.mid(i + 1, 2).toInt(&ok, 16);
        if (ok && text.mid(i + 1, 2).size() == 2) {
            out->append(QChar(value));
            return 3;
        }
        break;
    }
    default:
        break;
    }
    out->append(c);
    return 1;
}

// systemd's replace_env(format, env, 0): "${NAME}" → value, "$$" → "$", anything else as is.
QString replaceInWord(const QString &word, const QMap<QString, QString> &env)
{
    QString out;
    int i = 0;
    const int n = word.size();
    while (i < n) {
        const QChar c = word.at(i);
        if (c != QLatin1Char('$') || i + 1 >= n) {
            out.append(c);
            ++i;
            continue;
        }
        const QChar next = word.at(i + 1);
        if (next == QLatin1Char('$')) {
            out.append(QLatin1Char('$'));
            i += 2;
            continue;
        }
        if (next == QLatin1Char('{')) {
            int j = i + 2;
            while (j < n && word.at(j) != QLatin1Char('}') && word.at(j) != QLatin1Char(':'))
                ++j;
            if (j < n && word.at(j) == QLatin1Char('}')) {
                out.append(env.value(word.mid(i + 2, j - i - 2)));
                i = j + 1;
                continue;
            }
            // Unterminated, or "${NAME:...}" which ExecStart does not support: kept as written
            // up to where the scan stopped, then scanning goes on.
            out.append(word.mid(i, j - i));
            i = j;
            continue;
        }
        out.append(c);
        ++i;
    }
    return out;
}

} // namespace

QStringList splitWords(const QString &text, WordSplit rule)
{
    const bool unitFileLine = rule == WordSplit::UnitFileLine;
    QStringList words;
    QString word;
    bool inWord = false;
    QChar quote;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\')) {
            if (unitFileLine && i + 1 < text.size()) {
                inWord = true;
                i += unescapeOne(text, i + 1, &word);
                continue;
            }
            if (!unitFileLine) {
                inWord = true;
                if (i + 1 < text.size())
                    word.append(text.at(++i));
                continue;
            }
            // A unit file line's last character: an ordinary one.
        }
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            else
                word.append(c);
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
            inWord = true;
        } else if (isSpace(c)) {
            if (inWord) {
                if (unitFileLine && word == QLatin1String(";"))
                    return words;
                words.append(word);
            }
            word.clear();
            inWord = false;
        } else {
            word.append(c);
            inWord = true;
        }
    }
    if (inWord && !(unitFileLine && word == QLatin1String(";")))
        words.append(word);
    return words;
}

QStringList expandCommand(const QStringList &argv, const QMap<QString, QString> &environment,
                          const QMap<QChar, QString> &specifiers, QString *error)
{
    if (error)
        error->clear();
    QStringList words = argv;
    if (!specifiers.isEmpty()) {
        for (QString &word : words) {
            QString expanded;
            if (!expandSpecifiers(word, specifiers, &expanded, error))
                return {};
            word = expanded;
        }
    }
    QStringList out;
    for (const QString &word : std::as_const(words)) {
        // systemd's replace_env_argv(): a word that starts with '$' but not "${" or "$$" is a
        // whole-word reference, even when it is just "$" (then it names nothing and vanishes).
        if (word.startsWith(QLatin1Char('$')) && !word.startsWith(QLatin1String("${"))
            && !word.startsWith(QLatin1String("$$"))) {
            const auto it = environment.constFind(word.mid(1));
            if (it != environment.constEnd())
                out.append(splitWords(it.value(), WordSplit::VariableValue));
            continue;
        }
        out.append(replaceInWord(word, environment));
    }
    return out;
}
