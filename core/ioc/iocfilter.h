// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"

#include <QCoreApplication>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

/// The filter language shared by `iocctl ps --filter` and the GUI filter bar.
///
/// A filter is a list of terms: `key=value`, `key!=value`, `restarts>N` (also <, >=, <=) or a
/// free word. Values may hold alternatives separated by '|' (`status=running|failed`); name,
/// unit, host, runtime (systemd, podman, docker) and image values are case-insensitive globs
/// (`*`, `?`, `[...]`; an image also matches without its registry path and tag). A free word
/// matches when the IOC name contains it (case-insensitive; glob characters allowed). Terms
/// with different keys AND together; positive terms with the same key OR together (as in docker);
/// negated terms and free words each AND. An empty filter matches everything.
class IocFilter
{
    Q_DECLARE_TR_FUNCTIONS(IocFilter)
public:
    /// The filter bar's text: terms separated by white space; '...' or "..." quote spaces.
    static IocFilter parse(const QString &text);
    /// One term per element (`iocctl ps -f TERM -f TERM`); no quoting needed.
    static IocFilter parse(const QStringList &terms);

    bool isValid() const { return m_error.isEmpty(); }
    /// Why the filter is invalid, for the user; empty when valid.
    QString errorString() const { return m_error; }
    /// parse(QString): character offset into the text of the offending part;
    /// parse(QStringList): offset into the term errorTerm(). -1 when valid.
    int errorPosition() const { return m_errorPosition; }
    /// Index of the offending term (counting terms, not characters); -1 when valid.
    int errorTerm() const { return m_errorTerm; }
    /// Number of characters of the offending part at errorPosition(), for highlighting.
    int errorLength() const { return m_errorLength; }

    /// An invalid filter matches nothing; an empty one everything.
    bool matches(const Ioc &ioc) const;
    bool isEmpty() const { return m_terms.isEmpty() && isValid(); }
    /// True when a term tests @p key (lower case, e.g. "enabled").
    bool usesKey(const QString &key) const;
    /// The terms as parsed, one per element with quotes taken off: what parse(QStringList)
    /// takes to give the same filter. Empty when invalid.
    QStringList termTexts() const { return m_termTexts; }

    /// Filter keys, for completion and help.
    static QStringList keys();
    /// The values a key accepts, when it has a closed set (status, enabled, convention).
    static QStringList values(const QString &key);

private:
    enum class Op { Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual };
    struct Term
    {
        QString key; // empty for a free word
        Op op = Op::Equal;
        QStringList values; // normalized alternatives
        QList<QRegularExpression> patterns; // globs (name, unit, host, free words)
        qint64 number = 0; // relational operators
    };
    struct Token
    {
        QString text;
        QList<int> positions; // offset of each character of text in the source
        int start = 0;
        int end = 0; // one past the last source character
    };

    void addToken(const Token &token, int index);
    void setError(const QString &message, int position, int length, int term);
    bool termMatches(const Term &term, const Ioc &ioc) const;

    QList<Term> m_terms;
    QStringList m_termTexts;
    QString m_error;
    int m_errorPosition = -1;
    int m_errorLength = 0;
    int m_errorTerm = -1;
};
