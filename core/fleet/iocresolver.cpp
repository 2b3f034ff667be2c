// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/fleet/iocresolver.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <vector>

namespace {

QString unitStem(const QString &unit)
{
    return unit.endsWith(QLatin1String(".service")) ? unit.chopped(8) : unit;
}

} // namespace

IocResolver::IocResolver(const QList<Ioc> &iocs)
    : m_iocs(iocs)
{
    for (const Ioc &ioc : iocs) {
        if (ioc.host != iocs.first().host) {
            m_severalHosts = true;
            break;
        }
    }
}

bool IocResolver::isGlob(const QString &word)
{
    return word.contains(QLatin1Char('*')) || word.contains(QLatin1Char('?'))
            || word.contains(QLatin1Char('['));
}

int IocResolver::editDistance(const QString &a, const QString &b)
{
    const QString x = a.toLower();
    const QString y = b.toLower();
    std::vector<int> previous(static_cast<size_t>(y.size()) + 1);
    std::vector<int> current(previous.size());
    for (size_t j = 0; j < previous.size(); ++j)
        previous[j] = static_cast<int>(j);
    for (int i = 1; i <= x.size(); ++i) {
        current[0] = i;
        for (int j = 1; j <= y.size(); ++j) {
            const int cost = x.at(i - 1) == y.at(j - 1) ? 0 : 1;
            const auto uj = static_cast<size_t>(j);
            current[uj] =
                    std::min({ previous[uj] + 1, current[uj - 1] + 1, previous[uj - 1] + cost });
        }
        std::swap(previous, current);
    }
    return previous.back();
}

QString IocResolver::label(const Ioc &ioc) const
{
    QString text = m_severalHosts ? ioc.host + QLatin1Char('/') : QString();
    // A container row names its container where a unit row (and a unit's container) names
    // its unit.
    const QString what = ioc.unit.isEmpty() ? ioc.container : ioc.unit;
    if (ioc.name.isEmpty())
        return text + what;
    return text + ioc.name + QStringLiteral(" (") + what + QLatin1Char(')');
}

QList<Ioc> IocResolver::matchesOf(const QString &word) const
{
    // HOST/WORD: only that host's IOCs.
    const int slash = word.lastIndexOf(QLatin1Char('/'));
    const QString host = slash >= 0 ? word.left(slash) : QString();
    const QString what = slash >= 0 ? word.mid(slash + 1) : word;
    auto onHost = [slash, &host](const Ioc &ioc) { return slash < 0 || ioc.host == host; };

    QList<Ioc> found;
    if (isGlob(what)) {
        const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(what));
        if (!re.isValid())
            return found;
        for (const Ioc &ioc : m_iocs) {
            if (onHost(ioc)
                && (re.match(ioc.name).hasMatch() || re.match(ioc.unit).hasMatch()
                    || re.match(unitStem(ioc.unit)).hasMatch()
                    || (!ioc.container.isEmpty() && re.match(ioc.container).hasMatch())))
                found << ioc;
        }
        return found;
    }
    // A unit name is unique on its host, and so is a container name; prefer them over IOC
    // names (several conventions may share one). The same unit on two hosts is two IOCs. A
    // container a unit runs answers to both.
    for (const Ioc &ioc : m_iocs) {
        if (!onHost(ioc))
            continue;
        if ((!ioc.container.isEmpty() && ioc.container == what)
            || (!ioc.unit.isEmpty() && (ioc.unit == what || unitStem(ioc.unit) == what)))
            found << ioc;
    }
    if (!found.isEmpty())
        return found;
    for (const Ioc &ioc : m_iocs) {
        if (onHost(ioc) && ioc.name == what)
            found << ioc;
    }
    return found;
}

IocResolver::Result IocResolver::resolve(const QStringList &words, bool single) const
{
    Result result;
    if (words.isEmpty()) {
        result.status = Status::Empty;
        result.errorString = tr("No IOC name given.");
        return result;
    }
    QSet<QString> seen;
    for (const QString &word : words) {
        const QList<Ioc> found = matchesOf(word);
        if (found.isEmpty()) {
            result.status = Status::NotFound;
            result.word = word;
            result.iocs.clear();
            if (isGlob(word)) {
                result.errorString = tr("No IOC matches \"%1\".").arg(word);
            } else {
                result.suggestions = suggestions(word);
                result.errorString = tr("No such IOC: \"%1\".").arg(word);
                if (!result.suggestions.isEmpty())
                    result.errorString += QLatin1Char(' ')
                            + tr("Did you mean: %1?")
                                      .arg(result.suggestions.join(QStringLiteral(", ")));
            }
            return result;
        }
        if (single && found.size() > 1) {
            result.status = Status::Ambiguous;
            result.word = word;
            result.iocs.clear();
            for (const Ioc &ioc : found)
                result.matches << label(ioc);
            result.errorString =
                    (m_severalHosts ? tr("\"%1\" matches %n IOCs: %2. Name one as HOST/NAME or "
                                         "HOST/UNIT.",
                                         nullptr, static_cast<int>(found.size()))
                                    : tr("\"%1\" matches %n IOCs: %2. Name one (a unit name is "
                                         "unique).",
                                         nullptr, static_cast<int>(found.size())))
                            .arg(word, result.matches.join(QStringLiteral(", ")));
            return result;
        }
        for (const Ioc &ioc : found) {
            if (seen.contains(ioc.key()))
                continue;
            seen.insert(ioc.key());
            result.iocs << ioc;
        }
    }
    if (single && result.iocs.size() > 1) {
        result.status = Status::Ambiguous;
        for (const Ioc &ioc : std::as_const(result.iocs))
            result.matches << label(ioc);
        result.iocs.clear();
        result.errorString = tr("This command takes one IOC, but the names given match %1.")
                                     .arg(result.matches.join(QStringLiteral(", ")));
    }
    return result;
}

QStringList IocResolver::suggestions(const QString &word, int max) const
{
    struct Candidate
    {
        int score;
        QString name;
    };
    std::vector<Candidate> candidates;
    QSet<QString> names;
    const int limit = std::max(2, static_cast<int>(word.size()) / 3);
    for (const Ioc &ioc : m_iocs) {
        const QString name = ioc.name.isEmpty() ? unitStem(ioc.unit) : ioc.name;
        if (names.contains(name))
            continue;
        names.insert(name);
        int score = editDistance(word, name);
        if (score > limit) {
            if (word.size() >= 3 && name.contains(word, Qt::CaseInsensitive))
                score = limit; // a fragment of the name: weaker than a typo fix
            else
                continue;
        }
        candidates.push_back({ score, name });
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate &a, const Candidate &b) {
                         return a.score != b.score ? a.score < b.score : a.name < b.name;
                     });
    QStringList out;
    for (const Candidate &c : candidates) {
        if (out.size() >= max)
            break;
        out << c.name;
    }
    return out;
}
