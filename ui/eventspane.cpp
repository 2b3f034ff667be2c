// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/eventspane.h"

#include "ui/eventmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

EventsPane::EventsPane(EventModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_typeProxy(new QSortFilterProxyModel(this))
    , m_textProxy(new QSortFilterProxyModel(this))
    , m_filterEdit(new QLineEdit(this))
    , m_typeCombo(new QComboBox(this))
    , m_view(new QTableView(this))
    , m_loadEarlierButton(new QPushButton(tr("Load &Earlier"), this))
    , m_noteLabel(new QLabel(this))
{
    m_typeProxy->setSourceModel(model);
    m_typeProxy->setFilterRole(EventModel::TypeRole);
    m_textProxy->setSourceModel(m_typeProxy);
    m_textProxy->setFilterKeyColumn(-1); // any column
    m_textProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filterEdit->setObjectName(QStringLiteral("eventsFilterEdit"));
    m_filterEdit->setPlaceholderText(tr("Filter events (host, IOC, event, detail)"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setAccessibleName(tr("Filter events"));
    connect(m_filterEdit, &QLineEdit::textChanged, m_textProxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_typeCombo->setObjectName(QStringLiteral("eventsTypeCombo"));
    m_typeCombo->setAccessibleName(tr("Event type"));
    m_typeCombo->addItem(tr("All events"), QString());
    const QStringList types = FleetEvent::types();
    for (const QString &type : types)
        m_typeCombo->addItem(type, type);
    connect(m_typeCombo, QOverload<int>::of(&QComboBox::currentIndexChanged), this, [this] {
        const QString type = m_typeCombo->currentData().toString();
        m_typeProxy->setFilterRegularExpression(
                type.isEmpty()
                        ? QRegularExpression()
                        : QRegularExpression(QLatin1Char('^') + QRegularExpression::escape(type)
                                             + QLatin1Char('$')));
    });

    m_view->setObjectName(QStringLiteral("eventsView"));
    m_view->setAccessibleName(tr("Events"));
    m_view->setModel(m_textProxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setShowGrid(false);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerItem);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(EventModel::TimeColumn, 150);
    m_view->setColumnWidth(EventModel::HostColumn, 110);
    m_view->setColumnWidth(EventModel::IocColumn, 150);
    m_view->setColumnWidth(EventModel::EventColumn, 120);
    connect(m_textProxy, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { handleRowsInserted(first, last); });

    m_loadEarlierButton->setObjectName(QStringLiteral("eventsLoadEarlierButton"));
    m_loadEarlierButton->setToolTip(
            tr("Read the day before the earliest event read back from the hosts' journals"));
    connect(m_loadEarlierButton, &QPushButton::clicked, this, &EventsPane::loadEarlierRequested);
    m_noteLabel->setObjectName(QStringLiteral("eventsNoteLabel"));
    m_noteLabel->setWordWrap(true);
    m_noteLabel->setForegroundRole(QPalette::PlaceholderText);
    m_noteLabel->hide();

    auto *top = new QHBoxLayout;
    top->addWidget(m_filterEdit, 1);
    top->addWidget(m_typeCombo);
    top->addWidget(m_loadEarlierButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    // Below the table: a note that appears later (a host listed without a journal) takes its
    // room from the table's bottom and moves no row or control under the user's pointer.
    layout->addWidget(m_noteLabel);
}

void EventsPane::handleRowsInserted(int first, int last)
{
    // Scrolling per item, the scroll bar's value is the first row shown. Rows inserted above
    // it would push what the user reads down: move the value along. At the top, the new
    // rows show.
    QScrollBar *bar = m_view->verticalScrollBar();
    const int value = bar->value();
    if (value == 0 || first > value)
        return;
    const int count = last - first + 1;
    // The view lays its items out later; the range must admit the new value now.
    bar->setMaximum(qMax(bar->maximum(), value + count));
    bar->setValue(value + count);
}

void EventsPane::noteNoJournal(const QString &hostId)
{
    setHostNote(
            hostId,
            tr("No journal on %1: its events show from the moment iocdock listed it.").arg(hostId));
}

void EventsPane::noteReadFailed(const QString &hostId, const QString &error)
{
    setHostNote(hostId, tr("Past events of %1 not read: %2").arg(hostId, error));
}

void EventsPane::setHostNote(const QString &hostId, const QString &text)
{
    m_hostNotes.insert(hostId, text);
    const QString all = QStringList(m_hostNotes.values()).join(QLatin1Char('\n'));
    m_noteLabel->setText(all);
    m_noteLabel->setVisible(!all.isEmpty());
}

QString EventsPane::note() const
{
    return m_noteLabel->text();
}
