// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/filtercompleter.h"

#include "core/ioc/iocfilter.h"

#include <QLineEdit>
#include <QStringListModel>

FilterCompleter::FilterCompleter(QLineEdit *lineEdit)
    : QCompleter(lineEdit)
    , m_lineEdit(lineEdit)
{
    setModel(new QStringListModel(candidates(), this));
    setCaseSensitivity(Qt::CaseInsensitive);
    setCompletionMode(QCompleter::PopupCompletion);
    setModelSorting(QCompleter::UnsortedModel);
    setFilterMode(Qt::MatchStartsWith);
}

QStringList FilterCompleter::candidates()
{
    QStringList list;
    const QStringList keys = IocFilter::keys();
    for (const QString &key : keys) {
        list << key + QLatin1Char('=');
        const QStringList values = IocFilter::values(key);
        for (const QString &value : values)
            list << key + QLatin1Char('=') + value;
    }
    return list;
}

static int lastWordStart(const QString &text)
{
    const int space = static_cast<int>(text.lastIndexOf(QLatin1Char(' ')));
    return space + 1;
}

QStringList FilterCompleter::splitPath(const QString &path) const
{
    const QString word = path.mid(lastWordStart(path));
    // Nothing to complete right after a space: no popup for an empty word.
    if (word.isEmpty())
        return { QStringLiteral("\x01") };
    return { word };
}

QString FilterCompleter::pathFromIndex(const QModelIndex &index) const
{
    const QString text = m_lineEdit->text();
    return text.left(lastWordStart(text)) + index.data().toString();
}
