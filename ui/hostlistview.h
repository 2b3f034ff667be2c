// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QListView>

/// The host list: names that do not fit are elided in the middle ("ioc-srv-…-12 (8)" keeps
/// the end that tells hosts apart, and the IOC count); the tool tip has the whole name. No
/// horizontal scrolling: every row is as wide as the list.
class HostListView : public QListView
{
    Q_OBJECT
public:
    explicit HostListView(QWidget *parent = nullptr);

    /// The text row @p index shows, elided to its width as the style draws it.
    QString shownText(const QModelIndex &index) const;
};
