// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/iocformat.h"

#include <QList>
#include <QString>
#include <QStringList>

/// A table as iocctl prints it: columns three spaces apart, fitted to a width. When the table
/// is wider, columns shrink in their shrink rank's order (lowest first), each down to its
/// minimum, and their cells are elided with "…" (at the end, or in the middle for paths that
/// differ at their end). A column of rank -1 (NAME) is never cut, so two names never look
/// alike: the line is then as wide as it must be. Colours (a cell's tone) are added after the
/// widths are measured.
class TextTable
{
public:
    enum class Elide { Right, Middle };
    struct Column
    {
        QString header;
        int shrinkRank = -1; // -1: never shrinks
        int minWidth = 0;
        Elide elide = Elide::Right;
    };
    struct Cell
    {
        QString text;
        IocFormat::Tone tone = IocFormat::Tone::Neutral;
    };

    void addColumn(const Column &column) { m_columns << column; }
    void addRow(const QList<Cell> &row) { m_rows << row; }
    int columnCount() const { return int(m_columns.size()); }

    /// The lines to print; @p maxWidth 0 = no limit.
    QStringList render(int maxWidth, bool header, bool color) const;

    /// @p text cut to @p width characters with "…" (at the end or in the middle).
    static QString elided(const QString &text, int width, Elide elide);

private:
    QList<Column> m_columns;
    QList<QList<Cell>> m_rows;
};
