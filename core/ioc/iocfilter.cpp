// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/iocfilter.h"

#include "core/ioc/conventions.h"

#include <algorithm>

namespace {

const QLatin1String kName("name");
const QLatin1String kStatus("status");
const QLatin1String kHost("host");
const QLatin1String kEnabled("enabled");
const QLatin1String kConvention("convention");
const QLatin1String kUnit("unit");
const QLatin1String kPid("pid");
const QLatin1String kRestarts("restarts");
const QLatin1String kRuntime("runtime");
const QLatin1String kImage("image");

QStringList statusValues()
{
    return { QStringLiteral("running"),    QStringLiteral("exited"),    QStringLiteral("failed"),
             QStringLiteral("shutdown"),   QStringLiteral("starting"),  QStringLiteral("stopping"),
             QStringLiteral("restarting"), QStringLiteral("crashloop"), QStringLiteral("created"),
             QStringLiteral("paused"),     QStringLiteral("unknown") };
}

bool isGlobKey(const QString &key)
{
    return key.isEmpty() || key == kName || key == kUnit || key == kHost || key == kRuntime
            || key == kImage;
}

/// A shell-style glob as an anchored, case-insensitive regular expression. Unlike
/// QRegularExpression::wildcardToRegularExpression, '*' also matches '/'.
QRegularExpression globToRegularExpression(const QString &glob)
{
    QString rx;
    for (int i = 0; i < glob.size(); ++i) {
        const QChar c = glob.at(i);
        if (c == QLatin1Char('*')) {
            rx += QLatin1String(".*");
        } else if (c == QLatin1Char('?')) {
            rx += QLatin1Char('.');
        } else if (c == QLatin1Char('[')) {
            int j = i + 1;
            const bool negated = j < glob.size()
                    && (glob.at(j) == QLatin1Char('!') || glob.at(j) == QLatin1Char('^'));
            if (negated)
                ++j;
            if (j < glob.size() && glob.at(j) == QLatin1Char(']'))
                ++j; // a leading ']' is a member of the set
            const int close = glob.indexOf(QLatin1Char(']'), j);
            if (close < 0) {
                rx += QLatin1String("\\[");
                continue;
            }
            QString set = glob.mid(negated ? i + 2 : i + 1, close - (negated ? i + 2 : i + 1));
            set.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
            set.replace(QLatin1Char('['), QLatin1String("\\["));
            set.replace(QLatin1Char(']'), QLatin1String("\\]"));
            rx += QLatin1Char('[') + (negated ? QStringLiteral("^") : QString()) + set
                    + QLatin1Char(']');
            i = close;
        } else {
            rx += QRegularExpression::escape(QString(c));
        }
    }
    return QRegularExpression(QStringLiteral("\\A(?:") + rx + QStringLiteral(")\\z"),
                              QRegularExpression::CaseInsensitiveOption);
}

bool anyMatches(const QList<QRegularExpression> &patterns, const QString &text)
{
    for (const QRegularExpression &re : patterns) {
        if (re.match(text).hasMatch())
            return true;
    }
    return false;
}

} // namespace

QStringList IocFilter::keys()
{
    return {
        kName, kStatus, kHost, kEnabled, kConvention, kUnit, kPid, kRestarts, kRuntime, kImage
    };
}

QStringList IocFilter::values(const QString &key)
{
    if (key == kStatus)
        return statusValues();
    if (key == kEnabled)
        return { QStringLiteral("true"), QStringLiteral("false") };
    if (key == kConvention)
        return Conventions::ids();
    if (key == kRuntime)
        return { QStringLiteral("systemd"), QStringLiteral("podman"), QStringLiteral("docker") };
    return {};
}

IocFilter IocFilter::parse(const QString &text)
{
    IocFilter filter;
    Token token;
    bool inToken = false;
    QChar quote;
    int quoteStart = -1;
    int index = 0;
    for (int i = 0; i <= text.size() && filter.isValid(); ++i) {
        const bool atEnd = i == text.size();
        const QChar c = atEnd ? QChar() : text.at(i);
        if (!quote.isNull()) {
            if (atEnd) {
                filter.setError(tr("Missing closing quote %1").arg(quote), quoteStart,
                                text.size() - quoteStart, index);
            } else if (c == quote) {
                quote = QChar();
            } else {
                token.text += c;
                token.positions << i;
            }
            continue;
        }
        if (atEnd || c.isSpace()) {
            if (inToken) {
                token.end = i;
                filter.addToken(token, index++);
                token = Token();
                inToken = false;
            }
            continue;
        }
        if (!inToken) {
            inToken = true;
            token.start = i;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            quote = c;
            quoteStart = i;
            continue;
        }
        token.text += c;
        token.positions << i;
    }
    if (!filter.isValid()) {
        filter.m_terms.clear();
        filter.m_termTexts.clear();
    }
    return filter;
}

IocFilter IocFilter::parse(const QStringList &terms)
{
    IocFilter filter;
    for (int i = 0; i < terms.size() && filter.isValid(); ++i) {
        Token token;
        token.text = terms.at(i);
        for (int j = 0; j < token.text.size(); ++j)
            token.positions << j;
        token.end = token.text.size();
        filter.addToken(token, i);
    }
    if (!filter.isValid()) {
        filter.m_terms.clear();
        filter.m_termTexts.clear();
    }
    return filter;
}

void IocFilter::setError(const QString &message, int position, int length, int term)
{
    m_error = message;
    m_errorPosition = position;
    m_errorLength = qMax(length, 1);
    m_errorTerm = term;
}

void IocFilter::addToken(const Token &token, int index)
{
    const QString &text = token.text;
    if (text.isEmpty())
        return;
    m_termTexts << text;
    // Source offset of the character at @p i of text, and the length in the source of
    // the @p n characters from there (quotes make them differ).
    const auto pos = [&token](int i) {
        return i < token.positions.size() ? token.positions.at(i) : token.end;
    };
    const auto span = [&pos](int i, int n) { return qMax(1, pos(i + n - 1) - pos(i) + 1); };

    Term term;
    int opAt = -1;
    int opLength = 0;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
        if (c == QLatin1Char('=')) {
            opAt = i;
            opLength = 1;
        } else if (c == QLatin1Char('!') && next == QLatin1Char('=')) {
            term.op = Op::NotEqual;
            opAt = i;
            opLength = 2;
        } else if (c == QLatin1Char('<') || c == QLatin1Char('>')) {
            const bool orEqual = next == QLatin1Char('=');
            if (c == QLatin1Char('<'))
                term.op = orEqual ? Op::LessEqual : Op::Less;
            else
                term.op = orEqual ? Op::GreaterEqual : Op::Greater;
            opAt = i;
            opLength = orEqual ? 2 : 1;
        }
        if (opAt >= 0)
            break;
    }

    if (opAt < 0) {
        // A free word: a substring of the name; "!word" excludes.
        QString word = text;
        if (word.startsWith(QLatin1Char('!'))) {
            term.op = Op::NotEqual;
            word.remove(0, 1);
        }
        if (word.isEmpty()) {
            setError(tr("Missing word after '!'"), pos(0), 1, index);
            return;
        }
        term.values << word;
        term.patterns << globToRegularExpression(QLatin1Char('*') + word + QLatin1Char('*'));
        m_terms << term;
        return;
    }

    const QString op = text.mid(opAt, opLength);
    term.key = text.left(opAt).toLower();
    if (term.key.isEmpty()) {
        setError(tr("Missing filter key before '%1'").arg(op), pos(opAt), span(opAt, opLength),
                 index);
        return;
    }
    if (!keys().contains(term.key)) {
        setError(tr("Unknown filter key '%1'. Known keys: %2")
                         .arg(text.left(opAt), keys().join(QStringLiteral(", "))),
                 pos(0), span(0, opAt), index);
        return;
    }
    const bool relational = term.op != Op::Equal && term.op != Op::NotEqual;
    if (relational && term.key != kRestarts) {
        setError(tr("The operator '%1' works only with restarts; use '=' or '!=' with %2")
                         .arg(op, term.key),
                 pos(opAt), span(opAt, opLength), index);
        return;
    }
    const int valueAt = opAt + opLength;
    const QString value = text.mid(valueAt);
    if (value.isEmpty()) {
        setError(tr("Missing value after '%1%2'").arg(term.key, op), pos(opAt),
                 span(opAt, opLength), index);
        return;
    }

    int altAt = valueAt;
    const QStringList alternatives = value.split(QLatin1Char('|'));
    if (relational && alternatives.size() > 1) {
        setError(tr("Give one number after '%1'").arg(op), pos(valueAt),
                 span(valueAt, value.size()), index);
        return;
    }
    for (const QString &alt : alternatives) {
        const int at = altAt;
        altAt += alt.size() + 1;
        if (alt.isEmpty()) {
            // Highlight the '|' next to the missing alternative.
            const int bar = at < text.size() ? at : at - 1;
            setError(tr("Empty alternative in '%1'").arg(value), pos(bar), 1, index);
            return;
        }
        const int altSpan = span(at, alt.size());
        const QString lower = alt.toLower();
        if (isGlobKey(term.key)) {
            term.values << alt;
            term.patterns << globToRegularExpression(alt);
        } else if (term.key == kStatus) {
            if (!statusValues().contains(lower)) {
                setError(tr("Unknown status '%1'. Known: %2")
                                 .arg(alt, statusValues().join(QStringLiteral(", "))),
                         pos(at), altSpan, index);
                return;
            }
            term.values << lower;
        } else if (term.key == kEnabled) {
            static const QStringList yes = { QStringLiteral("true"), QStringLiteral("yes"),
                                             QStringLiteral("1") };
            static const QStringList no = { QStringLiteral("false"), QStringLiteral("no"),
                                            QStringLiteral("0") };
            if (yes.contains(lower)) {
                term.values << QStringLiteral("true");
            } else if (no.contains(lower)) {
                term.values << QStringLiteral("false");
            } else {
                setError(tr("'%1' is not a boolean; use true or false").arg(alt), pos(at), altSpan,
                         index);
                return;
            }
        } else if (term.key == kConvention) {
            QString id;
            for (const QString &known : Conventions::ids()) {
                if (lower == known || lower == Conventions::displayName(known).toLower())
                    id = known;
            }
            if (id.isEmpty()) {
                setError(tr("Unknown convention '%1'. Known: %2")
                                 .arg(alt, Conventions::ids().join(QStringLiteral(", "))),
                         pos(at), altSpan, index);
                return;
            }
            term.values << id;
        } else { // pid, restarts
            bool ok = false;
            const qint64 n = alt.toLongLong(&ok);
            if (!ok || n < 0) {
                setError(tr("'%1' is not a number").arg(alt), pos(at), altSpan, index);
                return;
            }
            term.values << QString::number(n);
            term.number = n;
        }
    }
    m_terms << term;
}

bool IocFilter::termMatches(const Term &term, const Ioc &ioc) const
{
    bool hit = false;
    if (term.key.isEmpty() || term.key == kName) {
        hit = anyMatches(term.patterns, ioc.name);
    } else if (term.key == kUnit) {
        const QString stem = ioc.unit.endsWith(QLatin1String(".service"))
                ? ioc.unit.left(ioc.unit.size() - 8)
                : ioc.unit;
        hit = anyMatches(term.patterns, ioc.unit) || anyMatches(term.patterns, stem);
    } else if (term.key == kHost) {
        hit = anyMatches(term.patterns, ioc.host);
    } else if (term.key == kRuntime) {
        hit = anyMatches(term.patterns, ioc.runtime);
    } else if (term.key == kImage) {
        // As written, and without its registry and path ("iocdock-test:latest") or its tag
        // too ("iocdock-test"), as a user names an image.
        const QString base = ioc.image.mid(ioc.image.lastIndexOf(QLatin1Char('/')) + 1);
        const int colon = base.lastIndexOf(QLatin1Char(':'));
        hit = !ioc.image.isEmpty()
                && (anyMatches(term.patterns, ioc.image) || anyMatches(term.patterns, base)
                    || (colon > 0 && anyMatches(term.patterns, base.left(colon))));
    } else if (term.key == kStatus) {
        const QString status = ioc.status();
        // "restarting" is the older word for a unit in systemd's auto-restart.
        hit = term.values.contains(status)
                || (status == QLatin1String("crashloop")
                    && term.values.contains(QStringLiteral("restarting")));
    } else if (term.key == kEnabled) {
        hit = term.values.contains(ioc.isEnabled() ? QStringLiteral("true")
                                                   : QStringLiteral("false"));
    } else if (term.key == kConvention) {
        hit = term.values.contains(ioc.convention);
    } else if (term.key == kPid) {
        for (const QString &v : term.values) {
            const quint32 pid = v.toUInt();
            if (pid != 0 && (pid == ioc.childPid || pid == ioc.mainPid))
                hit = true;
        }
    } else if (term.key == kRestarts) {
        // An unknown count (-1) matches no comparison, and no '=' term, except that restarts
        // seen live are a lower bound: at least N matches '>' and '>=' below N.
        const qint64 n = ioc.restarts();
        if (n < 0) {
            const qint64 least = ioc.restartsAtLeast();
            if (term.op == Op::Greater)
                return least > term.number;
            if (term.op == Op::GreaterEqual)
                return least >= term.number;
            return term.op == Op::NotEqual;
        }
        switch (term.op) {
        case Op::Less:
            return n < term.number;
        case Op::LessEqual:
            return n <= term.number;
        case Op::Greater:
            return n > term.number;
        case Op::GreaterEqual:
            return n >= term.number;
        case Op::Equal:
        case Op::NotEqual:
            hit = term.values.contains(QString::number(n));
            break;
        }
    }
    return term.op == Op::NotEqual ? !hit : hit;
}

bool IocFilter::matches(const Ioc &ioc) const
{
    if (!isValid())
        return false;
    // Positive '=' terms of one key OR together; everything else ANDs.
    QStringList positiveKeys;
    for (const Term &term : m_terms) {
        if (term.key.isEmpty() || term.op != Op::Equal) {
            if (!termMatches(term, ioc))
                return false;
        } else if (!positiveKeys.contains(term.key)) {
            positiveKeys << term.key;
        }
    }
    for (const QString &key : positiveKeys) {
        bool any = false;
        for (const Term &term : m_terms) {
            if (term.key == key && term.op == Op::Equal && termMatches(term, ioc)) {
                any = true;
                break;
            }
        }
        if (!any)
            return false;
    }
    return true;
}

bool IocFilter::usesKey(const QString &key) const
{
    return std::any_of(m_terms.cbegin(), m_terms.cend(),
                       [&key](const Term &term) { return term.key == key; });
}
