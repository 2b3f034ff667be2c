// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/messagearea.h"

#include "ui/messagebar.h"
#include "ui/messagehistorydialog.h"
#include "ui/themeicons.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QToolButton>

MessageArea::MessageArea(QWidget *parent)
    : QWidget(parent)
    , m_bar(new MessageBar(this))
    , m_historyButton(new QToolButton(this))
{
    setObjectName(QStringLiteral("messageArea"));
    m_historyButton->setObjectName(QStringLiteral("historyButton"));
    m_historyButton->setText(tr("History"));
    m_historyButton->setIcon(
            ThemeIcons::icon(QStringLiteral("document-open-recent"), QStringLiteral("history")));
    m_historyButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_historyButton->setAutoRaise(true);
    connect(m_historyButton, &QToolButton::clicked, this, &MessageArea::showHistory);
    connect(m_bar, &MessageBar::messageAdded, this, &MessageArea::updateHistoryButton);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar, 1);
    layout->addWidget(m_historyButton);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setFixedHeight(qMax(m_bar->sizeHint().height(), m_historyButton->sizeHint().height()));
    updateHistoryButton();
}

void MessageArea::updateHistoryButton()
{
    const int count = static_cast<int>(m_bar->history().size());
    m_historyButton->setToolTip(tr("Show the %n message(s) of this session: actions and their "
                                   "outcomes",
                                   "", count));
}

void MessageArea::showHistory()
{
    if (!m_dialog) {
        m_dialog = new MessageHistoryDialog(m_bar, window());
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

MessageHistoryDialog *MessageArea::historyDialog() const
{
    return m_dialog;
}
