// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QCompleter>

class QLineEdit;

/// Completes the word under construction (the last one) of a filter text with the filter
/// keys ("status=") and closed values ("status=running"), keeping the words before it.
class FilterCompleter : public QCompleter
{
    Q_OBJECT
public:
    explicit FilterCompleter(QLineEdit *lineEdit);

    QStringList splitPath(const QString &path) const override;
    QString pathFromIndex(const QModelIndex &index) const override;

    /// Everything offered: "key=" for every key and "key=value" for closed sets.
    static QStringList candidates();

private:
    QLineEdit *m_lineEdit;
};
