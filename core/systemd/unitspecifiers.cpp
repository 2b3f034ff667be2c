// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/systemd/unitspecifiers.h"

#include <QByteArray>
#include <QCoreApplication>

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
                *error =
                        QCoreApplication::translate(
                                "UnitSpecifiers", "Unknown or unavailable specifier %%%1 in \"%2\"")
                                .arg(spec, in);
            return false;
        }
        out->append(it.value());
    }
    return true;
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
