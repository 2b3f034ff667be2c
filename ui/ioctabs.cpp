// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/ioctabs.h"

#include "core/fleet/execfanout.h"
#include "core/fleet/fleet.h"
#include "core/hosts/host.h"
#include "core/ioc/iocruntime.h"
#include "core/ioc/logsource.h"
#include "core/procserv/consolesession.h"
#include "ui/console/consolearea.h"
#include "ui/console/consoletabwidget.h"
#include "ui/console/consoleview.h"
#include "ui/eventmodel.h"
#include "ui/execresultsview.h"
#include "ui/iocdetailswidget.h"
#include "ui/logview.h"
#include "ui/themeicons.h"

#include <QIcon>
#include <QPointer>

IocTabs::IocTabs(ConsoleArea *area, Fleet *fleet, QObject *parent)
    : QObject(parent)
    , m_area(area)
    , m_fleet(fleet)
    , m_settings(Settings::defaults())
{
    m_area->hide(); // until the first page
    m_area->setPageIdentifier(&IocTabs::tabName);
    // Closed, or all detached into windows: nothing left to show in the window.
    connect(m_area, &ConsoleArea::layoutChanged, this, [this] {
        if (m_area->dockedCount() == 0)
            m_area->hide();
    });
}

void IocTabs::setSettings(const Settings &settings)
{
    m_settings = settings;
    const QList<QWidget *> pages = m_area->pages();
    for (QWidget *page : pages) {
        if (auto *view = qobject_cast<ConsoleView *>(page)) {
            view->setHistorySize(settings.scrollbackLines);
            view->setTerminalFont(settings.terminalFont);
            view->setColorScheme(settings.colorScheme);
        } else if (auto *log = qobject_cast<LogView *>(page)) {
            log->setMaximumLines(settings.scrollbackLines);
        }
    }
}

template <class Page>
Page *IocTabs::findPage(const QString &key) const
{
    const QList<QWidget *> pages = m_area->pages();
    for (QWidget *widget : pages) {
        auto *page = qobject_cast<Page *>(widget);
        if (page && page->key() == key)
            return page;
    }
    return nullptr;
}

void IocTabs::focus(QWidget *page)
{
    m_area->showPage(page);
}

void IocTabs::addPage(QWidget *page, const Ioc &ioc, const QString &title, const QString &icon)
{
    ConsoleTabWidget *tabs = m_area->targetGroup();
    const int index = tabs->addTab(page, QIcon(QStringLiteral(":/icons/%1.svg").arg(icon)), title);
    tabs->setTabToolTip(index, tr("%1\n%2 on %3").arg(title, ioc.unit, ioc.host));
    focus(page);
}

int IocTabs::consoleCount(const Ioc &ioc) const
{
    int open = 0;
    const QList<ConsoleView *> views = m_area->views();
    for (const ConsoleView *view : views)
        open += view->key() == ioc.key() ? 1 : 0;
    return open;
}

void IocTabs::attach(const Ioc &ioc)
{
    openConsole(ioc, false);
}

void IocTabs::restoreConsole(const Ioc &ioc)
{
    openConsole(ioc, true);
}

QString IocTabs::tabName(const QWidget *page)
{
    if (const auto *view = qobject_cast<const ConsoleView *>(page))
        return QStringLiteral("console ") + view->key();
    if (const auto *log = qobject_cast<const LogView *>(page))
        return QStringLiteral("log ") + log->key();
    return {};
}

QStringList IocTabs::openTabs() const
{
    QStringList tabs;
    const QList<QWidget *> pages = m_area->pages();
    for (const QWidget *page : pages) {
        const QString name = tabName(page);
        if (!name.isEmpty())
            tabs << name;
    }
    return tabs;
}

QStringList IocTabs::openTabPlaces() const
{
    QStringList places;
    const QList<QWidget *> pages = m_area->pages();
    for (const QWidget *page : pages) {
        if (tabName(page).isEmpty())
            continue;
        const int group = m_area->groupIndexOf(page);
        places << (group >= 0 ? QString::number(group) : QStringLiteral("window"));
    }
    return places;
}

QWidget *IocTabs::page(const QString &tab) const
{
    const QList<QWidget *> pages = m_area->pages();
    for (QWidget *page : pages) {
        if (tabName(page) == tab)
            return page;
    }
    return nullptr;
}

void IocTabs::openConsole(const Ioc &ioc, bool restored)
{
    if (ConsoleView *view = m_area->viewFor(ioc.key())) {
        focus(view);
        return;
    }
    const IocRuntime *runtime = m_fleet->runtimeFor(ioc);
    if (!runtime || !runtime->hasConsole(ioc)) {
        emit errorOccurred(tr("%1 has no procServ console endpoint.").arg(ioc.name));
        return;
    }
    // A restored console goes to the console endpoint (not the log port) so that taking it
    // needs no reconnect; its session is read-only before it connects: not even a telnet
    // reply leaves it.
    ConsoleSession *session = runtime->openConsole(ioc, false, nullptr);
    if (restored && session)
        session->setReadOnly(true);
    ConsoleView *view = m_area->targetGroup()->openConsole(ioc, session);
    if (!view)
        return;
    if (restored)
        view->setRestored();
    // procServ counts iocdock's own observer of the IOC as a user: not another person.
    view->setOwnClientsCounter(
            [fleet = QPointer<Fleet>(m_fleet), ioc](qint64 connectStartedNs, int users) {
                const IocRuntime *r = fleet ? fleet->runtimeFor(ioc) : nullptr;
                return r ? r->ownConsoleClients(ioc, connectStartedNs, users) : 0;
            });
    view->setHistorySize(m_settings.scrollbackLines);
    view->setTerminalFont(m_settings.terminalFont);
    view->setColorScheme(m_settings.colorScheme);
    focus(view);
}

void IocTabs::showLogs(const Ioc &ioc)
{
    if (LogView *page = findPage<LogView>(ioc.key())) {
        focus(page);
        return;
    }
    const IocRuntime *runtime = m_fleet->runtimeFor(ioc);
    if (!runtime) {
        emit errorOccurred(tr("The host of %1 is not known.").arg(ioc.name));
        return;
    }
    auto *view = new LogView(ioc, m_area);
    view->setMaximumLines(m_settings.scrollbackLines);
    addPage(view, ioc, tr("Log: %1").arg(ioc.name), QStringLiteral("logs"));
    const QStringList argv = runtime->logCommand(ioc, true, m_settings.logLines);
    // A container's log comes through its engine's API, not from a command.
    QString error;
    LogSource *source = argv.isEmpty()
            ? runtime->openLog(ioc, true, m_settings.logLines, QString(), &error, view)
            : nullptr;
    if (source)
        view->start(source);
    else
        view->start(argv);
}

void IocTabs::showDetails(const Ioc &ioc)
{
    if (IocDetailsWidget *page = findPage<IocDetailsWidget>(ioc.key())) {
        focus(page);
        return;
    }
    auto *details = new IocDetailsWidget(m_area);
    const Host *host = m_fleet->hostFor(ioc);
    details->setLocalFiles(host && host->isLocal());
    details->setIoc(ioc);
    if (m_events)
        details->setEventModel(m_events);
    addPage(details, ioc, tr("Details: %1").arg(ioc.name), QStringLiteral("details"));
}

ExecResultsView *IocTabs::runCommand(const QList<Ioc> &iocs, const QString &line)
{
    // iocctl exec's defaults: the softIoc prompt, 10 s per IOC.
    auto *run = new ExecFanOut(m_fleet, iocs, line, QStringLiteral("epics> "), 10,
                               ExecFanOut::DefaultParallel);
    auto *view = new ExecResultsView(run, m_area);
    QString title = line;
    if (title.size() > 24)
        title = title.left(23) + QChar(0x2026);
    ConsoleTabWidget *tabs = m_area->targetGroup();
    const int index = tabs->addTab(
            view, ThemeIcons::icon(QStringLiteral("system-run"), QStringLiteral("run")),
            tr("Run: %1").arg(title));
    tabs->setTabToolTip(index,
                        tr("“%1” on %n IOC(s)", "", static_cast<int>(iocs.size())).arg(line));
    focus(view);
    return view;
}

void IocTabs::update(const Ioc &ioc)
{
    if (IocDetailsWidget *details = findPage<IocDetailsWidget>(ioc.key()))
        details->setIoc(ioc);
}

void IocTabs::markRemoved(const QString &key)
{
    if (IocDetailsWidget *details = findPage<IocDetailsWidget>(key))
        details->setRemoved(true);
}
