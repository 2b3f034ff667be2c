// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

/// Named filters ("saved views") that iocdock's filter bar saves and picks and that iocctl
/// expands where it takes filter terms (`-f @NAME`). One JSON file both read:
/// defaultPath(), i.e. $XDG_CONFIG_HOME/iocdock/filters.json:
///
///     {"filters": [{"name": "motors", "filter": "name=motor*", "status": "running"}]}
///
/// "filter" is filter-bar text (IocFilter::parse(QString)); "status" is the filter bar's
/// status toggle: "", "running", "not-running" or "failed". Read and written whole;
/// nothing here touches widgets.
class SavedFilters
{
    Q_DECLARE_TR_FUNCTIONS(SavedFilters)
public:
    struct Entry
    {
        QString name;
        QString filter;
        QString status;
        bool operator==(const Entry &o) const
        {
            return name == o.name && filter == o.filter && status == o.status;
        }
    };

    static QString defaultPath();
    /// The filters in @p path; none (and no error) when the file does not exist. A file that
    /// cannot be read or parsed: none, with *error.
    static SavedFilters load(const QString &path, QString *error = nullptr);
    /// Writes the file (creating its directory) atomically; false with *error.
    bool save(const QString &path, QString *error = nullptr) const;

    QList<Entry> entries() const { return m_entries; }
    QStringList names() const;
    bool contains(const QString &name) const;
    Entry entry(const QString &name) const;
    /// Adds @p entry or replaces the one of the same name; false with *error for a bad name,
    /// a filter that does not parse or an unknown status.
    bool insert(const Entry &entry, QString *error = nullptr);
    bool remove(const QString &name);

    /// The filter term of a status toggle ("status=running"); empty for "".
    static QString statusTerm(const QString &status);
    /// Why @p name cannot name a filter (one word of letters, digits, '-', '_', '.'); empty
    /// when it can.
    static QString validateName(const QString &name);
    /// The filter terms of @p name (its text's terms, then its status term).
    QStringList terms(const QString &name) const;
    /// Replaces each "@NAME" in @p terms by the terms of that saved filter. False with *error
    /// naming an unknown NAME.
    bool expand(const QStringList &terms, QStringList *expanded, QString *error) const;

private:
    QList<Entry> m_entries;
};
