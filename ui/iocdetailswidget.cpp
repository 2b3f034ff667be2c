// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/iocdetailswidget.h"

#include "core/ioc/conventions.h"
#include "core/ioc/iocformat.h"
#include "ui/eventmodel.h"
#include "ui/statewords.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace {

QString unknownText()
{
    return IocDetailsWidget::tr("unknown");
}

QString orUnknown(const QString &value)
{
    return value.isEmpty() ? unknownText() : value;
}

} // namespace

IocDetailsWidget::IocDetailsWidget(QWidget *parent)
    : QWidget(parent)
    , m_titleLabel(new QLabel(this))
    , m_removedLabel(new QLabel(this))
    , m_jsonButton(new QToolButton(this))
    , m_pages(new QStackedWidget(this))
    , m_summary(new QTreeWidget(m_pages))
    , m_tree(new QTreeWidget(m_pages))
{
    m_titleLabel->setTextFormat(Qt::PlainText);
    m_titleLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_titleLabel->font();
    bold.setBold(true);
    m_titleLabel->setFont(bold);

    m_removedLabel->setObjectName(QStringLiteral("removedLabel"));
    m_removedLabel->setTextFormat(Qt::PlainText);
    m_removedLabel->setWordWrap(true);
    m_removedLabel->hide();

    m_summary->setObjectName(QStringLiteral("summaryTree"));
    m_summary->setAccessibleName(tr("Summary"));
    m_summary->setColumnCount(2);
    m_summary->setHeaderLabels({ tr("Field"), tr("Value") });
    m_summary->setHeaderHidden(true);
    m_summary->setUniformRowHeights(true);
    m_summary->setSelectionMode(QAbstractItemView::SingleSelection);
    m_summary->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_summary->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_summary, &QWidget::customContextMenuRequested, this,
            &IocDetailsWidget::showSummaryMenu);
    connect(m_summary, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (item == m_summary->currentItem())
            openCurrentPath();
    });
    auto *copySummaryValue = new QAction(tr("Copy &Value"), m_summary);
    copySummaryValue->setShortcut(QKeySequence::Copy);
    copySummaryValue->setShortcutContext(Qt::WidgetShortcut);
    connect(copySummaryValue, &QAction::triggered, this, &IocDetailsWidget::copyCurrentValue);
    m_summary->addAction(copySummaryValue);

    m_tree->setObjectName(QStringLiteral("detailsTree"));
    m_tree->setAccessibleName(tr("All details (JSON)"));
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

    m_pages->addWidget(m_summary);
    m_pages->addWidget(m_tree);

    m_jsonButton->setObjectName(QStringLiteral("jsonToggle"));
    m_jsonButton->setText(tr("Show JS&ON"));
    m_jsonButton->setCheckable(true);
    m_jsonButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_jsonButton->setToolTip(tr("Show every value as iocctl inspect prints it, or the summary"));
    connect(m_jsonButton, &QToolButton::toggled, this, &IocDetailsWidget::setJsonShown);

    auto *copyButton = new QPushButton(tr("Copy as &JSON"), this);
    copyButton->setObjectName(QStringLiteral("copyJsonButton"));
    copyButton->setToolTip(tr("Copy everything shown here as JSON (as iocctl inspect prints it)"));
    connect(copyButton, &QPushButton::clicked, this, &IocDetailsWidget::copyJson);

    auto *top = new QHBoxLayout;
    top->addWidget(m_titleLabel, 1);
    top->addWidget(m_jsonButton);
    top->addWidget(copyButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(top);
    layout->addWidget(m_removedLabel);
    layout->addWidget(m_pages, 1);
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

    // The summary: the sections the user collapsed, the row and the scroll position stay.
    QSet<QString> collapsed;
    const QString current = m_summary->currentItem() ? pathOf(m_summary->currentItem()) : QString();
    const int summaryScroll = m_summary->verticalScrollBar()->value();
    if (sameIoc) {
        for (int i = 0; i < m_summary->topLevelItemCount(); ++i) {
            if (!m_summary->topLevelItem(i)->isExpanded())
                collapsed.insert(m_summary->topLevelItem(i)->text(0));
        }
    }
    m_summary->setUpdatesEnabled(false);
    m_summary->clear();
    fillSummary();
    for (QTreeWidgetItemIterator it(m_summary); *it; ++it) {
        if (!(*it)->parent()) {
            (*it)->setFirstColumnSpanned(true);
            (*it)->setExpanded(!collapsed.contains((*it)->text(0)));
        } else if (sameIoc && !current.isEmpty() && pathOf(*it) == current) {
            m_summary->setCurrentItem(*it);
        }
    }
    m_summary->setUpdatesEnabled(true);
    if (sameIoc)
        m_summary->verticalScrollBar()->setValue(summaryScroll);
    setRemoved(false);
    updateEventFilter();
}

void IocDetailsWidget::setEventModel(QAbstractItemModel *events)
{
    if (!m_events) {
        m_events = new QSortFilterProxyModel(this);
        m_events->setFilterRole(EventModel::KeyRole);
        auto *label = new QLabel(tr("Events"), this);
        m_eventsView = new QTableView(this);
        m_eventsView->setObjectName(QStringLiteral("iocEventsView"));
        m_eventsView->setAccessibleName(tr("Events of this IOC"));
        m_eventsView->setModel(m_events);
        m_eventsView->setSelectionBehavior(QAbstractItemView::SelectRows);
        m_eventsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_eventsView->setWordWrap(false);
        m_eventsView->setShowGrid(false);
        m_eventsView->verticalHeader()->hide();
        m_eventsView->horizontalHeader()->setStretchLastSection(true);
        m_eventsView->setMaximumHeight(m_eventsView->fontMetrics().height() * 10);
        label->setBuddy(m_eventsView);
        layout()->addWidget(label);
        layout()->addWidget(m_eventsView);
    }
    m_events->setSourceModel(events);
    // Host and IOC are the page's own: only time, event and detail.
    m_eventsView->setColumnHidden(EventModel::HostColumn, true);
    m_eventsView->setColumnHidden(EventModel::IocColumn, true);
    m_eventsView->setColumnWidth(EventModel::TimeColumn, 150);
    m_eventsView->setColumnWidth(EventModel::EventColumn, 120);
    updateEventFilter();
}

void IocDetailsWidget::updateEventFilter()
{
    if (!m_events)
        return;
    // FleetEvent::forIoc's name: the IOC's name, else its unit.
    const QString name = m_ioc.name.isEmpty() ? m_ioc.unit : m_ioc.name;
    m_events->setFilterRegularExpression(QRegularExpression(
            QLatin1Char('^') + QRegularExpression::escape(m_ioc.host + QLatin1Char('/') + name)
            + QLatin1Char('$')));
}

void IocDetailsWidget::setLocalFiles(bool local)
{
    m_localFiles = local;
    if (m_summary->topLevelItemCount() > 0 && !m_removed)
        setIoc(m_ioc);
}

void IocDetailsWidget::setJsonShown(bool shown)
{
    m_pages->setCurrentWidget(shown ? m_tree : m_summary);
    const QSignalBlocker blocker(m_jsonButton);
    m_jsonButton->setChecked(shown);
}

bool IocDetailsWidget::isJsonShown() const
{
    return m_pages->currentWidget() == m_tree;
}

QString IocDetailsWidget::summaryValue(const QString &section, const QString &label) const
{
    for (int i = 0; i < m_summary->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *top = m_summary->topLevelItem(i);
        if (top->text(0) != section)
            continue;
        for (int j = 0; j < top->childCount(); ++j) {
            if (top->child(j)->text(0) == label)
                return top->child(j)->text(1);
        }
    }
    return QString();
}

QTreeWidgetItem *IocDetailsWidget::addSection(const QString &title)
{
    auto *item = new QTreeWidgetItem(m_summary, { title });
    item->setFlags(Qt::ItemIsEnabled);
    QFont bold = item->font(0);
    bold.setBold(true);
    item->setFont(0, bold);
    return item;
}

QTreeWidgetItem *IocDetailsWidget::addRow(QTreeWidgetItem *section, const QString &label,
                                          const QString &value, const QString &path)
{
    auto *item = new QTreeWidgetItem(section, { label, orUnknown(value) });
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (value.isEmpty()) {
        item->setForeground(1, palette().brush(QPalette::Disabled, QPalette::Text));
    } else if (!path.isEmpty()) {
        item->setData(1, PathRole, path);
        if (m_localFiles) {
            QFont font = item->font(1);
            font.setUnderline(true);
            item->setFont(1, font);
            item->setForeground(1, palette().brush(QPalette::Link));
            item->setToolTip(1, tr("%1\nDouble-click or press Enter to open it").arg(path));
        } else {
            item->setToolTip(1,
                             tr("%1\nOn %2: right-click to copy the path").arg(path, m_ioc.host));
        }
        return item;
    }
    item->setToolTip(1, item->text(1));
    return item;
}

void IocDetailsWidget::fillSummary()
{
    const Ioc &ioc = m_ioc;
    const QDateTime now = m_now.isValid() ? m_now : QDateTime::currentDateTime();
    const bool up = ioc.isActive();
    // Facts procServ's command line gives: known once ExecStart was read (absent = none).
    const bool argvKnown = !ioc.execStart.isEmpty();
    const auto fromArgv = [argvKnown](const QString &value) {
        return !value.isEmpty() ? value : argvKnown ? tr("none") : QString();
    };
    const auto notRunning = [up](const QString &value) {
        return !value.isEmpty() ? value : !up ? tr("none (not running)") : QString();
    };
    const auto pid = [](quint32 n) { return n > 0 ? QString::number(n) : QString(); };

    QTreeWidgetItem *section = addSection(tr("IOC"));
    addRow(section, tr("State"), IocFormat::statusText(ioc, now))
            ->setWhatsThis(1, StateWords::whatsThis(ioc));
    if (!ioc.description.isEmpty())
        addRow(section, tr("Description"), ioc.description);
    addRow(section, tr("Child PID"),
           ioc.childState == ChildState::ShutDown ? tr("none (IOC shut down)")
                                                  : notRunning(pid(ioc.childPid)));
    const QString uptime = IocFormat::uptimeText(ioc, now);
    addRow(section, tr("Uptime"), !uptime.isEmpty() || up ? uptime : tr("not running"));
    const qint64 restarts = ioc.restarts();
    const qint64 atLeast = ioc.restartsAtLeast();
    addRow(section, tr("Restarts"),
           restarts >= 0         ? QString::number(restarts)
                   : atLeast > 0 ? tr("unknown (at least %1)").arg(atLeast)
                                 : QString());
    QString lastExit = ioc.lastExit.text();
    if (!lastExit.isEmpty() && ioc.lastExit.at.isValid()) {
        lastExit = tr("%1 at %2")
                           .arg(lastExit,
                                QLocale().toString(ioc.lastExit.at.toLocalTime(),
                                                   QLocale::ShortFormat));
    }
    addRow(section, tr("Last exit"), lastExit);

    if (!ioc.isContainer() || !ioc.unit.isEmpty()) {
        section = addSection(tr("procServ"));
        addRow(section, tr("procServ PID"), notRunning(pid(ioc.mainPid)));
        addRow(section, tr("Console"), fromArgv(ioc.console.toString()));
        addRow(section, tr("Log port"), fromArgv(ioc.logPort.toString()));
        addRow(section, tr("Auto-restart"),
               ioc.autoRestart == AutoRestart::Unknown ? QString()
                                                       : autoRestartName(ioc.autoRestart));
        const auto key = [](const QString &k) { return k.isEmpty() ? tr("none") : k; };
        addRow(section, tr("Keys"),
               argvKnown
                       ? tr("kill %1, logout %2, ignored %3")
                                 .arg(key(ioc.killChar), key(ioc.logoutChar), key(ioc.ignoreChars))
                       : QString());
    }

    if (!ioc.unit.isEmpty()) {
        section = addSection(tr("Unit"));
        addRow(section, tr("Name"), ioc.unit);
        addRow(section, tr("File"), ioc.fragmentPath, ioc.fragmentPath);
        QString state;
        if (!ioc.activeState.isEmpty()) {
            state = ioc.subState.isEmpty() ? ioc.activeState
                                           : tr("%1 (%2)").arg(ioc.activeState, ioc.subState);
        }
        if (!ioc.loadState.isEmpty() && ioc.loadState != QLatin1String("loaded"))
            state = state.isEmpty() ? ioc.loadState : tr("%1, %2").arg(ioc.loadState, state);
        addRow(section, tr("State"), state);
        addRow(section, tr("Result"), ioc.result);
        addRow(section, tr("Enabled"), ioc.unitFileState);
        if (!ioc.dropInPaths) {
            addRow(section, tr("Drop-ins"), QString());
        } else if (ioc.dropInPaths->isEmpty()) {
            addRow(section, tr("Drop-ins"), tr("none"));
        } else {
            for (const QString &path : *ioc.dropInPaths)
                addRow(section, tr("Drop-ins"), path, path);
        }
    }

    if (ioc.isContainerRow()) {
        section = addSection(tr("Container"));
        addRow(section, tr("Runtime"), ioc.runtime);
        addRow(section, tr("Name"), ioc.isContainer() ? ioc.container : tr("none (not created)"));
        addRow(section, tr("Image"), ioc.image);
        addRow(section, tr("State"), ioc.containerState);
        addRow(section, tr("Exit code"),
               ioc.exitCode >= 0 ? QString::number(ioc.exitCode) : QString());
        addRow(section, tr("Health"),
               ioc.health.isEmpty() && ioc.isContainer() ? tr("no health check") : ioc.health);
        addRow(section, tr("Restart policy"), ioc.restartPolicy);
    }

    section = addSection(tr("Files"));
    addRow(section, tr("Config"), ioc.configFile.isEmpty() ? tr("none") : ioc.configFile,
           ioc.configFile);
    if (!ioc.configError.isEmpty())
        addRow(section, tr("Config error"), ioc.configError);
    addRow(section, tr("st.cmd directory"), ioc.workingDirectory, ioc.workingDirectory);
    const bool toJournal = ioc.logFile == QLatin1String("-");
    addRow(section, tr("Log"),
           toJournal ? tr("the journal (procServ's standard output)") : fromArgv(ioc.logFile),
           toJournal ? QString() : ioc.logFile);

    section = addSection(tr("Host"));
    addRow(section, tr("Host"), ioc.host);
    addRow(section, tr("Files"),
           m_localFiles ? tr("on this machine") : tr("on %1 (copy only)").arg(ioc.host));
    addRow(section, tr("Convention"), Conventions::displayName(ioc.convention));
}

void IocDetailsWidget::showSummaryMenu(const QPoint &pos)
{
    QTreeWidgetItem *item = m_summary->itemAt(pos);
    if (item)
        m_summary->setCurrentItem(item);
    const bool isValue = item && item->parent();
    const QString path = isValue ? item->data(1, PathRole).toString() : QString();
    QMenu menu(this);
    QAction *copy = menu.addAction(tr("Copy &Value"), this, &IocDetailsWidget::copyCurrentValue);
    copy->setEnabled(isValue);
    if (!path.isEmpty()) {
        QAction *open = menu.addAction(tr("&Open"), this, &IocDetailsWidget::openCurrentPath);
        open->setEnabled(m_localFiles);
        if (!m_localFiles)
            open->setToolTip(tr("The file is on %1").arg(m_ioc.host));
    }
    menu.addSeparator();
    menu.addAction(tr("Copy as &JSON"), this, &IocDetailsWidget::copyJson);
    menu.exec(m_summary->viewport()->mapToGlobal(pos));
}

bool IocDetailsWidget::openCurrentPath() const
{
    const QTreeWidgetItem *item = m_summary->currentItem();
    const QString path = item ? item->data(1, PathRole).toString() : QString();
    if (path.isEmpty() || !m_localFiles)
        return false;
    return QDesktopServices::openUrl(QUrl::fromLocalFile(path));
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
    m_summary->setEnabled(!removed);
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
    const QTreeWidget *view = isJsonShown() ? m_tree : m_summary;
    const QTreeWidgetItem *item = view->currentItem();
    if (!item || (view == m_summary && !item->parent()))
        return;
    // A path is copied as the path, not as the text around it.
    const QString path = item->data(1, PathRole).toString();
    QApplication::clipboard()->setText(path.isEmpty() ? item->text(1) : path);
}
