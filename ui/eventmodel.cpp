// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/eventmodel.h"

#include <QFont>
#include <QLocale>

#include <algorithm>

EventModel::EventModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void EventModel::addEvent(const FleetEvent &event)
{
    // Newest first: a live event usually goes on top. One that comes late (a change made while
    // its host was away, shown once the journal of the absence did not tell it) goes below the
    // rows newer than it, so the pane stays in time order.
    int row = 0;
    while (row < m_events.size() && event.time < m_events.at(row).event.time)
        ++row;
    beginInsertRows(QModelIndex(), row, row);
    m_events.insert(row, { event, false });
    endInsertRows();
    trim();
}

void EventModel::addPastEvents(const QList<FleetEvent> &events)
{
    // Newest first; of equal times, the later in the journal above.
    QList<FleetEvent> newestFirst(events.crbegin(), events.crend());
    std::stable_sort(newestFirst.begin(), newestFirst.end(),
                     [](const FleetEvent &a, const FleetEvent &b) { return a.time > b.time; });
    // Each lands below every row at least as new. Events landing between the same two rows
    // go in as one block: one insertion for a whole replay in the usual case.
    QList<QPair<int, QList<Entry>>> blocks; // row in the list as it is, entries
    int pos = 0;
    for (const FleetEvent &event : std::as_const(newestFirst)) {
        while (pos < m_events.size() && !(m_events.at(pos).event.time < event.time))
            ++pos;
        if (blocks.isEmpty() || blocks.constLast().first != pos)
            blocks.append({ pos, {} });
        blocks.last().second.append({ event, true });
    }
    int offset = 0;
    for (const auto &block : std::as_const(blocks)) {
        const int row = block.first + offset;
        const int count = static_cast<int>(block.second.size());
        beginInsertRows(QModelIndex(), row, row + count - 1);
        for (int i = 0; i < count; ++i)
            m_events.insert(row + i, block.second.at(i));
        endInsertRows();
        offset += count;
    }
    trim();
}

void EventModel::setMaximumEvents(int maximum)
{
    m_maximum = qMax(1, maximum);
    trim();
}

void EventModel::trim()
{
    const int count = static_cast<int>(m_events.size());
    if (count <= m_maximum)
        return;
    beginRemoveRows(QModelIndex(), m_maximum, count - 1);
    m_events.erase(m_events.begin() + m_maximum, m_events.end());
    endRemoveRows();
}

FleetEvent EventModel::event(int row) const
{
    return row >= 0 && row < m_events.size() ? m_events.at(row).event : FleetEvent();
}

bool EventModel::isFromJournal(int row) const
{
    return row >= 0 && row < m_events.size() && m_events.at(row).fromJournal;
}

QString EventModel::detailText(const FleetEvent &event)
{
    QStringList parts;
    const QString result = event.attribute(QStringLiteral("result"));
    if (!result.isEmpty())
        parts << tr("result %1").arg(result);
    const QString job = event.attribute(QStringLiteral("job"));
    if (!job.isEmpty())
        parts << tr("job %1").arg(job);
    const QString exit = event.attribute(QStringLiteral("exit"));
    if (!exit.isEmpty())
        parts << tr("exit: %1").arg(exit);
    const QString pid = event.attribute(QStringLiteral("pid"));
    if (!pid.isEmpty())
        parts << tr("PID %1").arg(pid);
    const QString restarts = event.attribute(QStringLiteral("restarts"));
    if (!restarts.isEmpty())
        parts << tr("restart counter %1").arg(restarts);
    const QString message = event.attribute(QStringLiteral("message"));
    if (!message.isEmpty())
        parts << message;
    if (!event.unit.isEmpty())
        parts << event.unit;
    return parts.join(QStringLiteral(", "));
}

int EventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int EventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_events.size())
        return {};
    const FleetEvent &e = m_events.at(index.row()).event;
    const bool fromJournal = m_events.at(index.row()).fromJournal;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(e.time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case HostColumn:
            return e.host;
        case IocColumn:
            return e.name;
        case EventColumn:
            return e.type;
        case DetailColumn: {
            const QString detail = detailText(e);
            if (!fromJournal)
                return detail;
            return detail.isEmpty() ? tr("(from the journal)")
                                    : tr("%1 (from the journal)").arg(detail);
        }
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return fromJournal ? tr("%1\nRead back from the host's journal.").arg(e.toText(true))
                           : e.toText(true);
    case Qt::FontRole:
        if (fromJournal) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case FromJournalRole:
        return fromJournal;
    case TypeRole:
        return e.type;
    case KeyRole:
        return e.name.isEmpty() ? QString() : e.host + QLatin1Char('/') + e.name;
    default:
        return {};
    }
}

QVariant EventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case HostColumn:
        return tr("Host");
    case IocColumn:
        return tr("IOC");
    case EventColumn:
        return tr("Event");
    case DetailColumn:
        return tr("Detail");
    default:
        return {};
    }
}
