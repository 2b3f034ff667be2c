// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/messagehistorydialog.h"

#include <QDate>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

MessageHistoryDialog::MessageHistoryDialog(MessageBar *bar, QWidget *parent)
    : QDialog(parent)
    , m_bar(bar)
    , m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("messageHistoryDialog"));
    setWindowTitle(tr("Message History"));
    m_tree->setObjectName(QStringLiteral("historyTree"));
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setWordWrap(false);
    m_tree->setTextElideMode(Qt::ElideRight); // the tool tips hold the whole text
    m_tree->setHeaderLabels({ tr("Time"), tr("IOC / host"), tr("Action"), tr("Outcome") });
    m_tree->header()->setStretchLastSection(true);
    m_tree->setColumnWidth(TimeColumn,
                           fontMetrics().horizontalAdvance(QStringLiteral("00:00:00 CEST")) + 24);
    m_tree->setColumnWidth(SubjectColumn, 180);
    m_tree->setColumnWidth(ActionColumn, 80);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
    resize(820, 420);

    if (bar) {
        const QList<MessageBar::Entry> entries = bar->history();
        for (const MessageBar::Entry &entry : entries)
            addEntry(entry);
        connect(bar, &MessageBar::messageAdded, this, &MessageHistoryDialog::addEntry);
    }
}

void MessageHistoryDialog::addEntry(const MessageBar::Entry &entry)
{
    auto *item = new QTreeWidgetItem;
    // Today's messages by their time of day (seconds count when actions follow each other).
    const bool today = entry.time.date() == QDate::currentDate();
    item->setText(TimeColumn,
                  today ? QLocale().toString(entry.time.time(), QLocale::LongFormat)
                        : QLocale().toString(entry.time, QLocale::ShortFormat));
    item->setToolTip(TimeColumn, QLocale().toString(entry.time, QLocale::LongFormat));
    item->setText(SubjectColumn, entry.subject);
    item->setToolTip(SubjectColumn, entry.subject);
    item->setText(ActionColumn, entry.action);
    QString line = entry.text;
    line.replace(QLatin1Char('\n'), QStringLiteral(" · "));
    item->setText(OutcomeColumn, line);
    item->setToolTip(OutcomeColumn, tr("%1: %2").arg(MessageBar::kindName(entry.kind), entry.text));
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    if (entry.kind == MessageBar::Kind::Warning)
        icon = QStyle::SP_MessageBoxWarning;
    else if (entry.kind == MessageBar::Kind::Error)
        icon = QStyle::SP_MessageBoxCritical;
    item->setIcon(OutcomeColumn, style()->standardIcon(icon, nullptr, this));
    m_tree->addTopLevelItem(item);
    if (m_tree->topLevelItemCount() > MessageBar::MaximumHistory)
        delete m_tree->takeTopLevelItem(0);
    m_tree->scrollToItem(item);
}
