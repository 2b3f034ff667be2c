// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QMap>
#include <QWidget>

class EventModel;
class QComboBox;
class QLabel;
class QPushButton;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

/// The Events pane: the fleet's timeline (EventModel, newest at the top) with a text filter
/// (any column, case-insensitive) and a choice of event type. New rows arrive at the top
/// without moving the view while the user has scrolled away from it. Events read back from the
/// hosts' journals are merged in by time (EventModel::addPastEvents()); a quiet note under the
/// filters says what could not be read back, and "Load Earlier" asks for more of the past.
class EventsPane : public QWidget
{
    Q_OBJECT
public:
    /// Shows @p model (not owned).
    explicit EventsPane(EventModel *model, QWidget *parent = nullptr);

    QLineEdit *filterEdit() const { return m_filterEdit; }
    QComboBox *typeCombo() const { return m_typeCombo; }
    QTableView *view() const { return m_view; }
    QPushButton *loadEarlierButton() const { return m_loadEarlierButton; }
    QLabel *noteLabel() const { return m_noteLabel; }
    /// The quiet lines under the filters (which hosts keep no journal, whose past could not
    /// be read), one per host; hidden when there is none.
    QString note() const;
    /// The rows shown (after both filters).
    QSortFilterProxyModel *shownModel() const { return m_textProxy; }

public slots:
    /// @p hostId has no journal: its events show from the moment iocdock listed it.
    void noteNoJournal(const QString &hostId);
    /// The past events of @p hostId could not be read, for @p error.
    void noteReadFailed(const QString &hostId, const QString &error);

signals:
    /// The user asked for the past before what is shown.
    void loadEarlierRequested();

private:
    void handleRowsInserted(int first, int last);
    void setHostNote(const QString &hostId, const QString &text);

    EventModel *m_model;
    QSortFilterProxyModel *m_typeProxy;
    QSortFilterProxyModel *m_textProxy;
    QLineEdit *m_filterEdit;
    QComboBox *m_typeCombo;
    QTableView *m_view;
    QPushButton *m_loadEarlierButton;
    QLabel *m_noteLabel;
    QMap<QString, QString> m_hostNotes; // by host id: the latest line about each host
};
