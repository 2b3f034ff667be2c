// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/savedfilters.h"

#include "core/ioc/iocfilter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

QString SavedFilters::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
            + QLatin1String("/iocdock/filters.json");
}

SavedFilters SavedFilters::load(const QString &path, QString *error)
{
    SavedFilters saved;
    QFile file(path);
    if (!file.exists())
        return saved;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return saved;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = tr("%1 is not a saved-filters file: %2")
                             .arg(path,
                                  parseError.error != QJsonParseError::NoError
                                          ? parseError.errorString()
                                          : tr("not a JSON object"));
        return saved;
    }
    const QJsonArray filters = doc.object().value(QStringLiteral("filters")).toArray();
    for (const QJsonValue &value : filters) {
        const QJsonObject o = value.toObject();
        Entry entry{ o.value(QStringLiteral("name")).toString(),
                     o.value(QStringLiteral("filter")).toString(),
                     o.value(QStringLiteral("status")).toString() };
        QString why;
        if (!saved.insert(entry, &why) && error) // a hand-edited entry: skipped, said once
            *error = tr("%1: %2").arg(path, why);
    }
    return saved;
}

bool SavedFilters::save(const QString &path, QString *error) const
{
    QJsonArray filters;
    for (const Entry &entry : m_entries) {
        QJsonObject o{ { QStringLiteral("name"), entry.name },
                       { QStringLiteral("filter"), entry.filter } };
        if (!entry.status.isEmpty())
            o.insert(QStringLiteral("status"), entry.status);
        filters.append(o);
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        if (error)
            *error = tr("Cannot create the folder of %1.").arg(path);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    file.write(QJsonDocument(QJsonObject{ { QStringLiteral("filters"), filters } }).toJson());
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QStringList SavedFilters::names() const
{
    QStringList names;
    for (const Entry &entry : m_entries)
        names << entry.name;
    return names;
}

bool SavedFilters::contains(const QString &name) const
{
    return names().contains(name);
}

SavedFilters::Entry SavedFilters::entry(const QString &name) const
{
    for (const Entry &entry : m_entries) {
        if (entry.name == name)
            return entry;
    }
    return {};
}

QString SavedFilters::statusTerm(const QString &status)
{
    if (status == QLatin1String("running"))
        return QStringLiteral("status=running");
    if (status == QLatin1String("not-running"))
        return QStringLiteral("status!=running");
    if (status == QLatin1String("failed"))
        return QStringLiteral("status=failed");
    return {};
}

QString SavedFilters::validateName(const QString &name)
{
    static const QRegularExpression word(QStringLiteral("^[A-Za-z0-9_.-]+$"));
    if (!word.match(name).hasMatch())
        return tr("A saved filter's name is one word of letters, digits, '-', '_' and '.': "
                  "\"%1\".")
                .arg(name);
    return {};
}

bool SavedFilters::insert(const Entry &entry, QString *error)
{
    QString why = validateName(entry.name);
    if (why.isEmpty() && !entry.status.isEmpty() && statusTerm(entry.status).isEmpty())
        why = tr("Unknown status toggle \"%1\" (running, not-running or failed).")
                      .arg(entry.status);
    if (why.isEmpty()) {
        const IocFilter filter = IocFilter::parse(entry.filter);
        if (!filter.isValid())
            why = tr("Bad filter in \"%1\": %2").arg(entry.name, filter.errorString());
    }
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return false;
    }
    for (Entry &existing : m_entries) {
        if (existing.name == entry.name) {
            existing = entry;
            return true;
        }
    }
    m_entries << entry;
    return true;
}

bool SavedFilters::remove(const QString &name)
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).name == name) {
            m_entries.removeAt(i);
            return true;
        }
    }
    return false;
}

QStringList SavedFilters::terms(const QString &name) const
{
    const Entry e = entry(name);
    QStringList terms = IocFilter::parse(e.filter).termTexts();
    const QString status = statusTerm(e.status);
    if (!status.isEmpty())
        terms << status;
    return terms;
}

bool SavedFilters::expand(const QStringList &terms, QStringList *expanded, QString *error) const
{
    QStringList out;
    for (const QString &term : terms) {
        if (!term.startsWith(QLatin1Char('@'))) {
            out << term;
            continue;
        }
        const QString name = term.mid(1);
        if (!contains(name)) {
            if (error)
                *error = names().isEmpty()
                        ? tr("No saved filter named \"%1\" (none saved).").arg(name)
                        : tr("No saved filter named \"%1\" (saved: %2).")
                                  .arg(name, names().join(QStringLiteral(", ")));
            return false;
        }
        out += this->terms(name);
    }
    *expanded = out;
    return true;
}
