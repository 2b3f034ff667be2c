#include "core/procserv/commandexpander.h"

#include <QCoreApplication>

namespace {

// systemd's extract_first_word(EXTRACT_RELAX | EXTRACT_UNQUOTE) applied repeatedly:
// split at whitespace, quotes group, backslash takes the next character literally.
QStringList splitWords(const QString &text)
{
    QStringList words;
    QString word;
    bool inWord = false;
    QChar quote;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\\')) {
            inWord = true;
            if (i + 1 < text.size())
                word.append(text.at(++i));
            continue;
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
        } else if (c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n')
                   || c == QLatin1Char('\r')) {
            if (inWord)
                words.append(word);
            word.clear();
            inWord = false;
        } else {
            word.append(c);
            inWord = true;
        }
    }
    if (inWord)
        words.append(word);
    return words;
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

bool expandSpecifiers(const QString &in, const QMap<QChar, QString> &specifiers, QString *out,
                      QString *error)
{
    out->clear();
    for (int i = 0; i < in.size(); ++i) {
        const QChar c = in.at(i);
        if (c != QLatin1Char('%') || i + 1 >= in.size()) {
            out->append(c);
            continue;
        }
        const QChar spec = in.at(++i);
        if (spec == QLatin1Char('%')) {
            out->append(QLatin1Char('%'));
            continue;
        }
        const auto it = specifiers.constFind(spec);
        if (it == specifiers.constEnd()) {
            if (error)
                *error = QCoreApplication::translate(
                                 "CommandExpander",
                                 "Unknown or unavailable specifier %%%1 in \"%2\"")
                                 .arg(spec, in);
            return false;
        }
        out->append(it.value());
    }
    return true;
}

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
                out.append(splitWords(it.value()));
            continue;
        }
        out.append(replaceInWord(word, environment));
    }
    return out;
}

QString unescapeUnitName(const QString &text)
{
    QByteArray out;
    const QByteArray in = text.toUtf8();
    for (int i = 0; i < in.size(); ++i) {
        const char c = in.at(i);
        if (c == '-') {
            out.append('/');
        } else if (c == '\\' && i + 3 < in.size() && in.at(i + 1) == 'x') {
            bool ok = false;
            const int byte = in.mid(i + 2, 2).toInt(&ok, 16);
            if (ok) {
                out.append(char(byte));
                i += 3;
            } else {
                out.append(c);
            }
        } else {
            out.append(c);
        }
    }
    return QString::fromUtf8(out);
}

QMap<QChar, QString> unitSpecifiers(const QString &unitName, const QString &runtimeDir,
                                    const QString &home, const QString &user)
{
    QMap<QChar, QString> s;
    const int dot = unitName.lastIndexOf(QLatin1Char('.'));
    const QString withoutSuffix = dot > 0 ? unitName.left(dot) : unitName;
    const int at = withoutSuffix.indexOf(QLatin1Char('@'));
    const QString prefix = at >= 0 ? withoutSuffix.left(at) : withoutSuffix;
    const QString instance = at >= 0 ? withoutSuffix.mid(at + 1) : QString();
    const int dash = prefix.lastIndexOf(QLatin1Char('-'));
    const QString lastComponent = dash >= 0 ? prefix.mid(dash + 1) : prefix;

    s.insert(QLatin1Char('n'), unitName);
    s.insert(QLatin1Char('N'), withoutSuffix);
    s.insert(QLatin1Char('p'), prefix);
    s.insert(QLatin1Char('P'), unescapeUnitName(prefix));
    s.insert(QLatin1Char('i'), instance);
    s.insert(QLatin1Char('I'), unescapeUnitName(instance));
    s.insert(QLatin1Char('j'), lastComponent);
    s.insert(QLatin1Char('J'), unescapeUnitName(lastComponent));
    // %f: the unescaped instance (or prefix) as an absolute path; "-" alone is "/".
    const QString pathName = instance.isEmpty() ? prefix : instance;
    const QString unescapedPath = unescapeUnitName(pathName);
    s.insert(QLatin1Char('f'),
             pathName == QLatin1String("-") ? QStringLiteral("/")
                                            : (unescapedPath.startsWith(QLatin1Char('/'))
                                                       ? unescapedPath
                                                       : QLatin1Char('/') + unescapedPath));
    if (!runtimeDir.isEmpty())
        s.insert(QLatin1Char('t'), runtimeDir);
    if (!home.isEmpty())
        s.insert(QLatin1Char('h'), home);
    if (!user.isEmpty())
        s.insert(QLatin1Char('u'), user);
    s.insert(QLatin1Char('T'), QStringLiteral("/tmp"));
    s.insert(QLatin1Char('V'), QStringLiteral("/var/tmp"));
    s.insert(QLatin1Char('%'), QStringLiteral("%"));
    return s;
}

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
                      QCoreApplication::translate("CommandExpander", "invalid UTF-8, ignored") });
        } else if (!isValidEnvName(k)) {
            problems.append(
                    { keyLine,
                      QCoreApplication::translate("CommandExpander",
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
                                  QCoreApplication::translate("CommandExpander",
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
                      QCoreApplication::translate("CommandExpander",
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
                  QCoreApplication::translate("CommandExpander", "\"%1\" has no '=', ignored")
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
            lines << QCoreApplication::translate("CommandExpander", "line %1: %2")
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
