// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/texttable.h"

#include "app/iocctl/terminaloutput.h"

#include <QVector>

#include <algorithm>
#include <numeric>

namespace {

const int kGap = 3;
const QChar kEllipsis(0x2026);

} // namespace

QString TextTable::elided(const QString &text, int width, Elide elide)
{
    if (int(text.size()) <= width)
        return text;
    if (width <= 1)
        return QString(kEllipsis).left(width);
    if (elide == Elide::Middle) {
        const int head = (width - 1) / 3;
        return text.left(head) + kEllipsis + text.right(width - 1 - head);
    }
    return text.left(width - 1) + kEllipsis;
}

QStringList TextTable::render(int maxWidth, bool header, bool color) const
{
    const int n = columnCount();
    QVector<int> widths(n, 0);
    const auto measure = [&widths, n](const QStringList &texts) {
        for (int i = 0; i < n && i < texts.size(); ++i)
            widths[i] = std::max(widths.at(i), int(texts.at(i).size()));
    };
    if (header) {
        QStringList headers;
        for (const Column &column : m_columns)
            headers << column.header;
        measure(headers);
    }
    for (const QList<Cell> &row : m_rows) {
        QStringList texts;
        for (const Cell &cell : row)
            texts << cell.text;
        measure(texts);
    }

    if (maxWidth > 0 && n > 0) {
        int total = std::accumulate(widths.cbegin(), widths.cend(), 0) + kGap * (n - 1);
        QList<int> order;
        for (int i = 0; i < n; ++i) {
            if (m_columns.at(i).shrinkRank >= 0)
                order << i;
        }
        std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
            return m_columns.at(a).shrinkRank < m_columns.at(b).shrinkRank;
        });
        for (const int i : std::as_const(order)) {
            if (total <= maxWidth)
                break;
            const int floor = std::max(1, m_columns.at(i).minWidth);
            const int cut = std::min(total - maxWidth, std::max(0, widths.at(i) - floor));
            widths[i] -= cut;
            total -= cut;
        }
    }

    QStringList lines;
    const auto line = [&](const QList<Cell> &cells) {
        QString text;
        for (int i = 0; i < n; ++i) {
            const Cell cell = cells.value(i);
            const QString shown = elided(cell.text, widths.at(i), m_columns.at(i).elide);
            const bool last = i + 1 == n;
            const QString padding = last
                    ? QString()
                    : QString(widths.at(i) - int(shown.size()) + kGap, QLatin1Char(' '));
            text += (color ? TerminalOutput::colored(shown, cell.tone) : shown) + padding;
        }
        // A last column that is empty leaves no trailing blanks.
        while (text.endsWith(QLatin1Char(' ')))
            text.chop(1);
        lines << text;
    };
    if (header) {
        QList<Cell> cells;
        for (const Column &column : m_columns)
            cells << Cell{ column.header, IocFormat::Tone::Neutral };
        line(cells);
    }
    for (const QList<Cell> &row : m_rows)
        line(row);
    return lines;
}
