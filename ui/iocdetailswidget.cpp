// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/iocdetailswidget.h"

#include "core/ioc/iocformat.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

IocDetailsWidget::IocDetailsWidget(QWidget *parent)
    : QWidget(parent)
    , m_titleLabel(new QLabel(this))
    , m_removedLabel(new QLabel(this))
    , m_tree(new QTreeWidget(this))
{
    m_titleLabel->setTextFormat(Qt::PlainText);
    QFont bold = m_titleLabel->font();
    bold.setBold(true);
    m_titleLabel->setFont(bold);

    m_removedLabel->setObjectName(QStringLiteral("removedLabel"));
    m_removedLabel->setTextFormat(Qt::PlainText);
    m_removedLabel->setWordWrap(true);
    m_removedLabel->hide();

    m_tree->setObjectName(QStringLiteral("detailsTree"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({ tr("Key"), tr("Value") });
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto *copyValue = new QAction(tr("Copy &Value"), m_tree);
    copyValue->setShortcut(QKeySequence::Copy);
    copyValue->setShortcutContext(Qt::WidgetShortcut);
    connect(copyValue, &QAction::triggered, this, &IocDetailsWidget::copyCurrentValue);
    m_tree->addAction(copyValue);
    auto *copyAll = new QAction(tr("Copy as &JSON"), m_tree);
    connect(copyAll, &QAction::triggered, this, &IocDetailsWidget::copyJson);
    m_tree->addAction(copyAll);

    auto *copyButton = new QPushButton(tr("Copy as &JSON"), this);
    copyButton->setObjectName(QStringLiteral("copyJsonButton"));
    copyButton->setToolTip(tr("Copy everything shown here as JSON (as iocctl inspect prints it)"));
    connect(copyButton, &QPushButton::clicked, this, &IocDetailsWidget::copyJson);

    auto *top = new QHBoxLayout;
    top->addWidget(m_titleLabel, 1);
    top->addWidget(copyButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(top);
    layout->addWidget(m_removedLabel);
    layout->addWidget(m_tree, 1);
}

QString IocDetailsWidget::pathOf(const QTreeWidgetItem *item)
{
    QString path;
    for (; item; item = item->parent())
        path.prepend(item->text(0) + QLatin1Char('/'));
    return path;
}

void IocDetailsWidget::setIoc(const Ioc &ioc)
{
    const bool sameIoc = ioc.key() == m_ioc.key() && m_tree->topLevelItemCount() > 0;
    QSet<QString> expanded;
    const int scroll = m_tree->verticalScrollBar()->value();
    if (sameIoc) {
        for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
            if ((*it)->isExpanded())
                expanded.insert(pathOf(*it));
        }
    }

    m_ioc = ioc;
    m_json = IocFormat::toJson(ioc);
    m_titleLabel->setText(ioc.isContainer()
                                  ? tr("%1 on %2 (%3 container %4)")
                                            .arg(ioc.name, ioc.host, ioc.runtime, ioc.container)
                                  : tr("%1 on %2 (%3)").arg(ioc.name, ioc.host, ioc.unit));

    m_tree->setUpdatesEnabled(false);
    m_tree->clear();
    for (auto it = m_json.constBegin(); it != m_json.constEnd(); ++it)
        addChildren(m_tree->invisibleRootItem(), it.key(), it.value());
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if (sameIoc ? expanded.contains(pathOf(*it)) : (*it)->parent() == nullptr)
            (*it)->setExpanded(true);
    }
    m_tree->setUpdatesEnabled(true);
    if (sameIoc)
        m_tree->verticalScrollBar()->setValue(scroll);
    setRemoved(false);
}

void IocDetailsWidget::setRemoved(bool removed)
{
    m_removed = removed;
    QString text;
    if (removed && m_ioc.isContainer()) {
        text = tr("%1 is gone: %2 on %3 no longer has the container %4. The values below are "
                  "the last ones seen.")
                       .arg(m_ioc.name, m_ioc.runtime, m_ioc.host, m_ioc.container);
    } else if (removed) {
        text = tr("%1 is gone: systemd on %2 no longer knows %3. The values below are the last "
                  "ones seen.")
                       .arg(m_ioc.name, m_ioc.host, m_ioc.unit);
    }
    m_removedLabel->setText(text);
    m_removedLabel->setVisible(removed);
    m_tree->setEnabled(!removed);
}

QString IocDetailsWidget::notice() const
{
    return m_removedLabel->text();
}

void IocDetailsWidget::addChildren(QTreeWidgetItem *parent, const QString &key,
                                   const QJsonValue &value)
{
    auto *item = new QTreeWidgetItem(parent, { key });
    switch (value.type()) {
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it)
            addChildren(item, it.key(), it.value());
        if (object.isEmpty())
            item->setText(1, QStringLiteral("{}"));
        break;
    }
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        int i = 0;
        for (const QJsonValue element : array)
            addChildren(item, QString::number(i++), element);
        // Short arrays of strings (argv) also read well on one line.
        QStringList parts;
        for (const QJsonValue element : array) {
            if (!element.isString())
                break;
            parts << element.toString();
        }
        item->setText(1,
                      parts.size() == array.size()
                              ? parts.join(QLatin1Char(' '))
                              : tr("%n item(s)", "", static_cast<int>(array.size())));
        break;
    }
    case QJsonValue::Bool:
        item->setText(1, value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        break;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        item->setText(1,
                      d == static_cast<double>(static_cast<qint64>(d))
                              ? QString::number(static_cast<qint64>(d))
                              : QString::number(d));
        break;
    }
    case QJsonValue::String:
        item->setText(1, value.toString());
        break;
    case QJsonValue::Null:
        item->setText(1, QStringLiteral("null"));
        break;
    case QJsonValue::Undefined:
        break;
    }
    item->setToolTip(1, item->text(1));
}

void IocDetailsWidget::copyJson() const
{
    QApplication::clipboard()->setText(
            QString::fromUtf8(QJsonDocument(m_json).toJson(QJsonDocument::Indented)));
}

void IocDetailsWidget::copyCurrentValue() const
{
    if (const QTreeWidgetItem *item = m_tree->currentItem())
        QApplication::clipboard()->setText(item->text(1));
}
