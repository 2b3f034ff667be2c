// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/ioctableview.h"

#include "core/ioc/iocformat.h"
#include "ui/ioctablemodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QResizeEvent>
#include <QStyle>
#include <QStyledItemDelegate>

#include <algorithm>

namespace {

/// Draws a cell as QStyledItemDelegate does, elided with its own mode: the Status column
/// elides at the end, "Exited (failed) 5 minu…" keeps the state where the table's middle
/// elision ("Exited (fa…utes ago") cut it; socket paths and names differ at their end and
/// elide in the middle.
class ElideDelegate : public QStyledItemDelegate
{
public:
    ElideDelegate(Qt::TextElideMode mode, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_mode(mode)
    {}

    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = m_mode;
    }

private:
    Qt::TextElideMode m_mode;
};

} // namespace

IocTableView::IocTableView(QWidget *parent)
    : QTableView(parent)
    , m_placeholder(new QLabel(viewport()))
{
    setTabKeyNavigation(false);
    setTextElideMode(Qt::ElideMiddle);
    setItemDelegate(new ElideDelegate(Qt::ElideMiddle, this));
    setItemDelegateForColumn(IocTableModel::StatusColumn, new ElideDelegate(Qt::ElideRight, this));
    m_placeholder->setObjectName(QStringLiteral("placeholderLabel"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setTextFormat(Qt::PlainText);
    // Muted like disabled text (QPalette::PlaceholderText may be left transparent by a style).
    QPalette muted = m_placeholder->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::Disabled, QPalette::WindowText));
    m_placeholder->setPalette(muted);
    m_placeholder->setAttribute(Qt::WA_TransparentForMouseEvents); // the table's menu works
    m_placeholder->hide();
    horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
            &IocTableView::showHeaderMenu);
}

void IocTableView::showHeaderMenu(const QPoint &pos)
{
    if (!model())
        return;
    QHeaderView *header = horizontalHeader();
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("columnsMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    fillColumnsMenu(menu);
    menu->popup(header->mapToGlobal(pos));
}

int IocTableView::minimumColumnWidth(int column) const
{
    if (!model())
        return 0;
    const QHeaderView *header = horizontalHeader();
    const QString title = model()->headerData(column, Qt::Horizontal).toString();
    const int margin = header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    // The sort arrow takes room in the sorted column only.
    const int arrow = header->isSortIndicatorShown() && header->sortIndicatorSection() == column
            ? header->style()->pixelMetric(QStyle::PM_HeaderMarkSize, nullptr, header) + margin
            : 0;
    const int titleWidth = header->fontMetrics().horizontalAdvance(title) + 2 * margin + arrow;
    if (column != IocTableModel::UptimeColumn)
        return titleWidth;
    // One of each wording IocFormat::humanDuration() has, in this language and font.
    int textWidth = 0;
    for (const qint64 seconds :
         { qint64(0), qint64(1), qint64(59), qint64(60), qint64(3599), qint64(3600),
           qint64(47 * 3600), qint64(13 * 86400), qint64(59 * 86400), qint64(729) * 86400,
           qint64(99) * 365 * 86400 }) {
        textWidth = std::max(textWidth,
                             fontMetrics().horizontalAdvance(IocFormat::humanDuration(seconds)));
    }
    // The cell's text margins, as the style lays out an item view's text.
    const int cellMargin = style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) + 1;
    return std::max(titleWidth, textWidth + 2 * cellMargin + 4);
}

void IocTableView::fillColumnsMenu(QMenu *menu)
{
    menu->clear();
    if (!model())
        return;
    QHeaderView *header = horizontalHeader();
    for (int column = 0; column < model()->columnCount(); ++column) {
        QAction *action = menu->addAction(model()->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        action->setEnabled(column != IocTableModel::NameColumn);
        connect(action, &QAction::toggled, header,
                [header, column](bool on) { header->setSectionHidden(column, !on); });
    }
}

void IocTableView::setModel(QAbstractItemModel *model)
{
    if (QAbstractItemModel *old = this->model())
        old->disconnect(this);
    QTableView::setModel(model);
    if (!model)
        return;
    connect(model, &QAbstractItemModel::rowsInserted, this, &IocTableView::updatePlaceholder);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &IocTableView::updatePlaceholder);
    connect(model, &QAbstractItemModel::modelReset, this, &IocTableView::updatePlaceholder);
    connect(model, &QAbstractItemModel::layoutChanged, this, &IocTableView::updatePlaceholder);
    connect(model, &QAbstractItemModel::rowsInserted, this, &IocTableView::selectPending);
    connect(model, &QAbstractItemModel::modelReset, this, &IocTableView::selectPending);
    updatePlaceholder();
}

void IocTableView::selectWhenShown(const QString &key)
{
    m_pendingKey = key;
    selectPending();
}

void IocTableView::selectPending()
{
    if (m_pendingKey.isEmpty() || !model())
        return;
    for (int row = 0; row < model()->rowCount(); ++row) {
        const QModelIndex index = model()->index(row, 0);
        if (index.data(IocTableModel::IocRole).value<Ioc>().key() != m_pendingKey)
            continue;
        m_pendingKey.clear();
        setCurrentIndex(index);
        selectionModel()->select(index,
                                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        // Scrolled to only while the pointer is elsewhere: nothing moves under it.
        if (!underMouse())
            scrollTo(index, QAbstractItemView::EnsureVisible);
        return;
    }
}

void IocTableView::setPlaceholderText(const QString &text)
{
    m_placeholder->setText(text);
    updatePlaceholder();
}

QString IocTableView::placeholderText() const
{
    return m_placeholder->text();
}

bool IocTableView::isPlaceholderVisible() const
{
    return m_placeholder->isVisible();
}

void IocTableView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    updatePlaceholder();
}

void IocTableView::updatePlaceholder()
{
    const bool empty = !model() || model()->rowCount() == 0;
    m_placeholder->setVisible(empty && !m_placeholder->text().isEmpty());
    const QRect area = viewport()->rect().adjusted(12, 12, -12, -12);
    m_placeholder->setGeometry(
            area.left(), area.top(), area.width(),
            qMin(area.height(), m_placeholder->heightForWidth(area.width()) + 24));
}

QString IocTableView::shownText(const QModelIndex &index) const
{
    QStyleOptionViewItem option = viewOptions();
    option.rect = visualRect(index);
    auto *delegate = dynamic_cast<ElideDelegate *>(itemDelegate(index));
    if (!delegate)
        return index.data().toString();
    delegate->initStyleOption(&option, index);
    // As QCommonStyle draws it: the text rectangle less its margins, one elided line.
    const QWidget *widget = this;
    const QRect textRect = style()->subElementRect(QStyle::SE_ItemViewItemText, &option, widget);
    const int margin = style()->pixelMetric(QStyle::PM_FocusFrameHMargin, &option, widget) + 1;
    return option.fontMetrics.elidedText(option.text, option.textElideMode,
                                         textRect.width() - 2 * margin);
}

QList<Ioc> IocTableView::selectedIocs() const
{
    QList<Ioc> iocs;
    if (!selectionModel())
        return iocs;
    QModelIndexList rows = selectionModel()->selectedRows();
    // As listed (the table's current sort), not in the order they were selected.
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : std::as_const(rows))
        iocs << index.data(IocTableModel::IocRole).value<Ioc>();
    return iocs;
}

QList<Ioc> IocTableView::visibleIocs() const
{
    QList<Ioc> iocs;
    if (!model())
        return iocs;
    const int rows = model()->rowCount();
    const int first = qMax(0, rowAt(0));
    int last = rowAt(viewport()->height() - 1);
    if (last < 0)
        last = rows - 1;
    for (int row = first; row <= last && row < rows; ++row)
        iocs << model()->index(row, 0).data(IocTableModel::IocRole).value<Ioc>();
    return iocs;
}
