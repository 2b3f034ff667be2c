// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/fleet/fleetevent.h"

#include <QAbstractTableModel>
#include <QList>

/// The fleet's events as a timeline: newest first (row 0), at most maximumEvents() rows (the
/// oldest go). Columns time / host / IOC / event / detail; TypeRole gives the event type for
/// filtering, KeyRole "HOST/NAME" of the IOC (empty for host events), FromJournalRole whether
/// the event was read back from a host's journal (addPastEvents()) rather than seen live; such
/// rows say so in their detail and tool tip and are shown in italics.
class EventModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, HostColumn, IocColumn, EventColumn, DetailColumn, ColumnCount };
    enum Role { TypeRole = Qt::UserRole + 1, KeyRole, FromJournalRole };
    static constexpr int DefaultMaximumEvents = 10000;

    explicit EventModel(QObject *parent = nullptr);

    /// Inserts @p event below the rows newer than it (row 0 for a live event; one that comes
    /// late lands in time order); drops the oldest row beyond maximumEvents().
    void addEvent(const FleetEvent &event);
    /// Merges @p events read back from a journal into the timeline by time (an event as old
    /// as a live one goes below it), marked as from the journal.
    void addPastEvents(const QList<FleetEvent> &events);
    FleetEvent event(int row) const;
    bool isFromJournal(int row) const;
    int maximumEvents() const { return m_maximum; }
    void setMaximumEvents(int maximum);
    /// The event's details in words: result, exit, PID, unit.
    static QString detailText(const FleetEvent &event);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    void trim();

    struct Entry
    {
        FleetEvent event;
        bool fromJournal = false;
    };
    QList<Entry> m_events; // newest first
    int m_maximum = DefaultMaximumEvents;
};
