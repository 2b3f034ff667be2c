// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

/// Turns the names and globs given on the command line into IOCs. A word matches an IOC by
/// its name, its unit name, or its unit name without ".service"; a glob (`*`, `?`, `[...]`)
/// matches the same fields. `HOST/WORD` matches only on that host (the HOST column's text;
/// unit names never hold a '/', so the last one splits). Unknown names come back with close
/// names as suggestions.
class IocResolver
{
    Q_DECLARE_TR_FUNCTIONS(IocResolver)
public:
    enum class Status { Ok, NotFound, Ambiguous, Empty };

    struct Result
    {
        Status status = Status::Ok;
        QList<Ioc> iocs; // matches, each IOC once, in the order the words were given
        QString word; // the word that failed
        QStringList matches; // Ambiguous: the matching names/units
        QStringList suggestions;
        QString errorString; // translated, one line per problem; empty when Ok
        bool isOk() const { return status == Status::Ok; }
    };

    explicit IocResolver(const QList<Ioc> &iocs);

    /// Every IOC any of @p words names. With @p single, exactly one IOC must match in all
    /// (attach, exec, logs): a glob or name matching several is Ambiguous.
    Result resolve(const QStringList &words, bool single) const;

    /// IOC names close to @p word (edit distance or substring), best first.
    QStringList suggestions(const QString &word, int max = 3) const;

    static bool isGlob(const QString &word);
    /// Levenshtein distance, case-insensitive.
    static int editDistance(const QString &a, const QString &b);

private:
    QList<Ioc> matchesOf(const QString &word) const;
    /// "name (unit)", after "HOST/" when the IOCs come from several hosts.
    QString label(const Ioc &ioc) const;

    QList<Ioc> m_iocs;
    bool m_severalHosts = false;
};
