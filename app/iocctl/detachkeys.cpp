// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/detachkeys.h"

#include <QStringList>

bool DetachKeys::parse(const QString &spec, QByteArray *sequence, QString *error)
{
    QByteArray bytes;
    const QStringList keys = spec.split(QLatin1Char(','));
    for (const QString &rawKey : keys) {
        const QString key = rawKey.trimmed();
        const QString lower = key.toLower();
        if (lower.startsWith(QLatin1String("ctrl-")) && key.size() == 6) {
            const QChar c = lower.at(5);
            if (c >= QLatin1Char('a') && c <= QLatin1Char('z')) {
                bytes += static_cast<char>(c.unicode() - 'a' + 1);
                continue;
            }
            const QString specials = QStringLiteral("@[\\]^_");
            const int index = static_cast<int>(specials.indexOf(c));
            if (index >= 0) {
                bytes += static_cast<char>(index == 0 ? 0 : 26 + index);
                continue;
            }
        } else if (key.size() == 1 && key.at(0).unicode() > 0x20 && key.at(0).unicode() < 0x7f) {
            bytes += static_cast<char>(key.at(0).unicode());
            continue;
        }
        if (error)
            *error = tr("Invalid detach key \"%1\": use ctrl-<a-z, @, [, \\, ], ^ or _> or a "
                        "single character, separated by commas (e.g. \"ctrl-p,ctrl-q\").")
                             .arg(key);
        return false;
    }
    if (bytes.isEmpty()) {
        if (error)
            *error = tr("The detach key sequence is empty.");
        return false;
    }
    *sequence = bytes;
    return true;
}

QString DetachKeys::describe(const QByteArray &sequence)
{
    QStringList names;
    for (const char c : sequence) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20)
            names << QStringLiteral("Ctrl-") + QLatin1Char(static_cast<char>(u + 0x40));
        else
            names << QString(QLatin1Char(c));
    }
    return names.join(QLatin1Char(' '));
}

QByteArray DetachKeys::feed(const QByteArray &typed, bool *detached)
{
    *detached = false;
    QByteArray out;
    for (const char c : typed) {
        if (m_sequence.isEmpty()) {
            out += c;
            continue;
        }
        if (c == m_sequence.at(m_matched)) {
            if (++m_matched == m_sequence.size()) {
                m_matched = 0;
                *detached = true;
                return out;
            }
            continue;
        }
        // Not the sequence after all: release what was held, then look at c afresh.
        out += m_sequence.left(m_matched);
        m_matched = 0;
        if (c == m_sequence.at(0)) {
            if (m_sequence.size() == 1) {
                *detached = true;
                return out;
            }
            m_matched = 1;
        } else {
            out += c;
        }
    }
    return out;
}
