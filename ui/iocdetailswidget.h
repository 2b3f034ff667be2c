// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"

#include <QJsonObject>
#include <QWidget>

class QJsonValue;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

/// Everything known about one IOC (IocFormat::toJson()) as a key/value tree, the same data
/// as `iocctl inspect`. Values can be copied one by one (context menu, Ctrl+C) or all at once
/// as JSON. setIoc() with the same key keeps the expanded branches and the scroll position.
/// When the IOC goes away (its unit is unknown to systemd now), setRemoved() says so above the
/// last values seen, which stay readable but greyed out.
class IocDetailsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit IocDetailsWidget(QWidget *parent = nullptr);

    /// Shows @p ioc; clears the removed state.
    void setIoc(const Ioc &ioc);
    /// The IOC shown is gone from its host: say so and grey out the last values seen.
    void setRemoved(bool removed);
    bool isRemoved() const { return m_removed; }
    /// The notice shown while isRemoved(); empty otherwise.
    QString notice() const;
    const Ioc &ioc() const { return m_ioc; }
    QString key() const { return m_ioc.key(); }
    QJsonObject json() const { return m_json; }
    QTreeWidget *tree() const { return m_tree; }

    /// Puts the IOC's JSON (indented) on the clipboard.
    void copyJson() const;
    /// Puts the value of the current row on the clipboard.
    void copyCurrentValue() const;

private:
    void addChildren(QTreeWidgetItem *parent, const QString &key, const QJsonValue &value);
    static QString pathOf(const QTreeWidgetItem *item);

    Ioc m_ioc;
    QJsonObject m_json;
    QLabel *m_titleLabel;
    QLabel *m_removedLabel;
    QTreeWidget *m_tree;
    bool m_removed = false;
};
