// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/hostlistview.h"

#include <QStyle>
#include <QStyledItemDelegate>

namespace {

/// Rows no wider than the list, so that the style elides their text instead of the list
/// scrolling sideways.
class FitWidthDelegate : public QStyledItemDelegate
{
public:
    explicit FitWidthDelegate(QListView *view)
        : QStyledItemDelegate(view)
        , m_view(view)
    {}

    using QStyledItemDelegate::initStyleOption;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setWidth(qMin(size.width(), m_view->viewport()->width()));
        return size;
    }

private:
    QListView *m_view;
};

} // namespace

HostListView::HostListView(QWidget *parent)
    : QListView(parent)
{
    setItemDelegate(new FitWidthDelegate(this));
    setTextElideMode(Qt::ElideMiddle);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setResizeMode(QListView::Adjust); // lays the rows out again when the width changes
}

QString HostListView::shownText(const QModelIndex &index) const
{
    QStyleOptionViewItem option = viewOptions();
    option.rect = visualRect(index);
    static_cast<FitWidthDelegate *>(itemDelegate())->initStyleOption(&option, index);
    option.textElideMode = textElideMode();
    const QRect textRect = style()->subElementRect(QStyle::SE_ItemViewItemText, &option, this);
    const int margin = style()->pixelMetric(QStyle::PM_FocusFrameHMargin, &option, this) + 1;
    return option.fontMetrics.elidedText(option.text, option.textElideMode,
                                         textRect.width() - 2 * margin);
}
