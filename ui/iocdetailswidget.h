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
class IocDetailsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit IocDetailsWidget(QWidget *parent = nullptr);

    void setIoc(const Ioc &ioc);
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
    QTreeWidget *m_tree;
};
