// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/command.h"

#include "core/fleet/fleet.h"
#include "core/fleet/iocresolver.h"
#include "core/ioc/inventory.h"
#include "core/ioc/iocfilter.h"
#include "core/ioc/iocruntime.h"
#include "core/ioc/savedfilters.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <cstdio>

Command::Command(const QString &name, const QString &description, QObject *parent)
    : QObject(parent)
    , m_name(name)
    , m_description(description)
    , m_stdout(stdout)
    , m_stderr(stderr)
{
    m_out = &m_stdout;
    m_err = &m_stderr;
    m_loadTimer.setSingleShot(true);
    connect(&m_loadTimer, &QTimer::timeout, this, &Command::handleLoadTimeout);
}

Command::~Command()
{
    // The fleet destroys runtimes and hosts in their order, and reports nothing meanwhile.
    if (m_fleet)
        disconnect(m_fleet, nullptr, this, nullptr);
    delete m_fleet;
    qDeleteAll(m_targets);
    m_targets.clear();
}

void Command::setOutput(QTextStream *out, QTextStream *err)
{
    m_out = out ? out : &m_stdout;
    m_err = err ? err : &m_stderr;
}

int Command::execute(const QStringList &args)
{
    m_arguments = args;
    QCommandLineParser parser;
    parser.setApplicationDescription(m_description);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsCompactedShortOptions);
    const QCommandLineOption helpOption({ QStringLiteral("h"), QStringLiteral("help") },
                                        tr("Show this help and exit."));
    parser.addOption(helpOption);
    addOptions(parser);
    // Host options may follow the command too (`iocctl ps --user`), as systemctl takes them;
    // after "--" they are arguments like any other word.
    HostOptions::addTo(parser);
    // So are the output options (described once in 'iocctl --help').
    QCommandLineOption colorOption(QStringLiteral("color"), QString(), QStringLiteral("WHEN"));
    QCommandLineOption noPagerOption(QStringLiteral("no-pager"));
    colorOption.setFlags(QCommandLineOption::HiddenFromHelp);
    noPagerOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(colorOption);
    parser.addOption(noPagerOption);

    if (!parser.parse(args)) {
        printError(parser.errorText());
        err() << tr("Run 'iocctl %1 --help' for usage.").arg(m_name) << Qt::endl;
        return UsageError;
    }
    if (parser.isSet(helpOption)) {
        // helpText() starts with a usage line naming the program path; use our own.
        QString text = parser.helpText();
        text = text.mid(text.indexOf(QLatin1Char('\n')) + 1);
        out() << tr("Usage: iocctl [HOST OPTIONS] %1 %2").arg(m_name, usage()) << Qt::endl << text;
        const QString epilog = helpEpilog();
        if (!epilog.isEmpty())
            out() << Qt::endl << epilog << Qt::endl;
        out() << Qt::endl
              << tr("Host options (--user, --system, -H HOST, --hosts FILE, --bus ADDRESS, "
                    "--connect-timeout SECONDS) and output options (--color WHEN, --no-pager; "
                    "see 'iocctl --help') may come before or after the command.")
              << Qt::endl;
        out() << Qt::endl << exitCodesText() << Qt::endl;
        out().flush();
        return Success;
    }
    if (parser.isSet(colorOption)
        && !OutputOptions::parseColor(parser.value(colorOption), &m_outputOptions.color)) {
        printError(tr("--color wants auto, always or never, not \"%1\".")
                           .arg(parser.value(colorOption)));
        return UsageError;
    }
    if (parser.isSet(noPagerOption))
        m_outputOptions.noPager = true;
    QString hostError;
    if (!m_hostOptions.takeFrom(parser, &hostError)) {
        printError(hostError);
        return UsageError;
    }
    m_hostSpecs = m_hostOptions.specs(&hostError);
    if (m_hostSpecs.isEmpty()) {
        printError(hostError);
        return UsageError;
    }
    m_connectTimeout = m_hostOptions.connectTimeout();
    const int code = run(parser);
    if (code != Pending)
        m_finished = true;
    return code;
}

void Command::startPager()
{
    out().flush();
    TerminalOutput::startPager(m_outputOptions);
}

QString Command::exitCodesText() const
{
    return tr("Exit codes: 0 success, 1 an action failed, 2 usage error or bad input, "
              "3 IOC not found, 4 connection or permission problem, 5 timeout.");
}

bool Command::filterTerms(const QCommandLineParser &parser, QStringList *terms)
{
    const QStringList given = parser.values(QStringLiteral("filter"));
    bool named = false;
    for (const QString &term : given)
        named = named || term.startsWith(QLatin1Char('@'));
    if (!named) {
        *terms = given;
        return true;
    }
    QString error;
    const SavedFilters saved = SavedFilters::load(SavedFilters::defaultPath(), &error);
    if (!error.isEmpty() && saved.entries().isEmpty()) {
        printError(error);
        return false;
    }
    if (!saved.expand(given, terms, &error)) {
        printError(error);
        return false;
    }
    return true;
}

void Command::printError(const QString &message)
{
    err() << QStringLiteral("iocctl: ") << message << Qt::endl;
}

void Command::printWarning(const QString &message)
{
    err() << QStringLiteral("iocctl: ") << tr("warning: ") << message << Qt::endl;
}

bool Command::isPermissionError(const QString &errorName)
{
    return errorName.endsWith(QLatin1String(".AccessDenied"))
            || errorName.endsWith(QLatin1String(".InteractiveAuthorizationRequired"))
            || errorName.endsWith(QLatin1String(".AuthFailed"));
}

void Command::printPermissionHint(const Host *host)
{
    if (host && host->isUserManager()) {
        err() << tr("hint: a user manager acts for its own user only: run iocctl as that user "
                    "(or ask its owner).")
              << Qt::endl;
        return;
    }
    err() << tr("hint: starting, stopping, enabling and resetting units of the system manager "
                "needs root or a polkit rule that allows org.freedesktop.systemd1.manage-units "
                "(and manage-unit-files for enable/disable): run it with sudo, ask an "
                "administrator, or use --user for IOCs of your own user manager.")
          << Qt::endl;
}

QString Command::notFoundHint() const
{
    QStringList words{ QStringLiteral("iocctl") };
    const QStringList args = m_hostOptions.arguments();
    words += args;
    words << QStringLiteral("ps") << QStringLiteral("-a");
    return tr("see '%1' for the IOCs there are").arg(words.join(QLatin1Char(' ')));
}

void Command::finish(int code)
{
    if (m_finished)
        return;
    m_finished = true;
    m_loadTimer.stop();
    // A host that could not be reached spoils an otherwise good run.
    if (code == Success && m_someHostFailed)
        code = m_failureCode;
    out().flush();
    err().flush();
    emit finished(code);
}

void Command::loadInventory(const InventoryOptions &options, std::function<void()> ready)
{
    m_inventoryOptions = options;
    m_readyAgain = ready;
    m_ready = std::move(ready);
    m_fleet = new Fleet(this);
    m_fleet->setHostSetup([this](Host *host) {
        // ssh's own bound (ConnectTimeout) within ours.
        host->setConnectTimeout(m_connectTimeout * 1000);
        // Property reads over systemd's private socket, as systemctl does (local managers).
        host->setUsePrivateSocket(true);
        if (m_inventoryOptions.follow)
            host->setAutoReconnect(true);
    });
    m_fleet->setInventorySetup([this](Inventory *inventory) {
        inventory->setIncludeUnitFiles(m_inventoryOptions.includeUnitFiles);
        inventory->setProbeConsoles(m_inventoryOptions.probeConsoles);
        inventory->setActiveOnly(m_inventoryOptions.activeOnly);
        inventory->setListingUnitFileState(m_inventoryOptions.listingUnitFileState);
        if (m_inventoryOptions.follow)
            inventory->setFollowChildren(true);
        inventory->setDetailLevel(m_inventoryOptions.listingOnly ? Inventory::DetailLevel::Listing
                                                                 : Inventory::DetailLevel::Full);
    });
    // The fleet connects each host as it is added and starts its runtimes once connected;
    // what reaches the command is the outcome, once per step.
    connect(m_fleet, &Fleet::hostAdded, this, [this](Host *host) {
        auto *target = new Target;
        target->host = host;
        m_targets << target;
    });
    connect(m_fleet, &Fleet::hostStateChanged, this, [this](Host *host) {
        if (host->state() == Host::State::Connected) // an answer; Connecting is ours
            noteProgress(host->id());
        if (Target *target = targetOf(host))
            handleHostStateChanged(target);
    });
    // The bound is on silence, not on the whole listing: a busy manager that answers slowly
    // but steadily is listed; one that stops answering is not waited for.
    connect(m_fleet, &Fleet::hostListed, this, [this](Host *host) { noteProgress(host->id()); });
    connect(m_fleet, &Fleet::iocAdded, this, [this](const Ioc &ioc) { noteProgress(ioc.host); });
    connect(m_fleet, &Fleet::iocChanged, this, [this](const Ioc &ioc) { noteProgress(ioc.host); });
    connect(m_fleet, &Fleet::hostReady, this, [this](Host *host) {
        if (Target *target = targetOf(host))
            handleInventoryReady(target);
    });
    connect(m_fleet, &Fleet::hostErrorOccurred, this, [this](Host *host, const QString &message) {
        const Target *target = targetOf(host);
        if (!m_inventoryOptions.reportErrors || isFinished() || !target || target->timedOut)
            return;
        printWarning(isMultiHost() ? tr("%1: %2").arg(host->id(), message) : message);
    });
    m_loadTimer.start(m_connectTimeout * 1000);
    // All at once: one slow host does not hold up the others.
    for (const QString &spec : std::as_const(m_hostSpecs)) {
        QString error;
        if (!Host::isValidSpec(spec, &error)) {
            printError(tr("Not a host: %1 (%2)").arg(spec, error));
            m_someHostFailed = true;
            m_failureCode = UsageError;
            continue;
        }
        m_fleet->addHost(spec); // null for a host named twice: it is listed once
    }
    targetDone(nullptr, false);
}

Command::Target *Command::targetOf(const Host *host) const
{
    for (Target *target : m_targets) {
        if (target->host == host)
            return target;
    }
    return nullptr;
}

void Command::handleHostStateChanged(Target *target)
{
    if (isFinished() || target->done)
        return;
    Host *host = target->host;
    switch (host->state()) {
    case Host::State::Connected:
        target->connected = true; // the fleet started its runtimes
        break;
    case Host::State::Failed:
        printError(tr("Cannot reach the systemd manager (%1): %2")
                           .arg(host->displayName(), host->errorString()));
        if (host->kind() == Host::Kind::LocalSystem)
            err() << tr("hint: did you mean --user? (your own user manager; the system manager "
                        "is reached through the system bus, /run/dbus/system_bus_socket)")
                  << Qt::endl;
        targetDone(target, false);
        break;
    case Host::State::Disconnected:
        if (!m_fleet->isHostReady(host)) {
            printError(tr("Lost the connection to the systemd manager (%1).")
                               .arg(host->displayName()));
            targetDone(target, false);
        }
        break;
    case Host::State::Connecting:
        break;
    }
}

void Command::handleInventoryReady(Target *target)
{
    if (isFinished() || target->done)
        return;
    const QString listingError = m_fleet->listingError(target->host);
    if (!listingError.isEmpty()) {
        // Rows from an incomplete listing would be wrong rows.
        printError(tr("Cannot list the IOCs of %1: %2")
                           .arg(target->host->displayName(), listingError));
        targetDone(target, false);
        return;
    }
    if (m_inventoryOptions.reportErrors && m_inventoryOptions.warnAboutEveryIoc) {
        for (const Ioc &ioc : m_fleet->iocs(target->host))
            warnAboutConfig(ioc);
    }
    targetDone(target, true);
}

void Command::warnAboutConfig(const Ioc &ioc)
{
    const QString prefix = isMultiHost() ? ioc.host + QStringLiteral(": ") : QString();
    const bool refused = ioc.loadState == QLatin1String("error")
            || ioc.loadState == QLatin1String("bad-setting");
    if (refused && !ioc.configError.isEmpty() && !ioc.fragmentPath.isEmpty())
        printWarning(prefix + tr("%1 (%2): %3").arg(ioc.unit, ioc.fragmentPath, ioc.configError));
    else if (!ioc.configError.isEmpty())
        printWarning(prefix + tr("%1: %2").arg(ioc.unit, ioc.configError));
    else if (ioc.loadState == QLatin1String("error")
             || ioc.loadState == QLatin1String("bad-setting"))
        printWarning(prefix
                     + tr("%1: systemd could not load the unit file (%2); see "
                          "'systemctl status %1'.")
                               .arg(ioc.unit, ioc.loadState));
}

void Command::targetDone(Target *target, bool ok)
{
    if (target) {
        target->done = true;
        target->ok = ok;
        if (!ok) {
            m_someHostFailed = true;
            if (m_failureCode == Success)
                m_failureCode = ConnectionError;
        }
    }
    if (isFinished() || m_readyCalled)
        return;
    bool anyOk = false;
    for (const Target *t : std::as_const(m_targets)) {
        if (!t->done)
            return;
        anyOk = anyOk || t->ok;
    }
    m_loadTimer.stop();
    if (!anyOk) {
        finish(m_failureCode == Success ? ConnectionError : m_failureCode);
        return;
    }
    m_readyCalled = true;
    auto ready = std::move(m_ready);
    m_ready = nullptr;
    if (ready)
        ready();
}

void Command::noteProgress(const QString &hostId)
{
    for (Target *target : std::as_const(m_targets)) {
        if (target->host->id() == hostId)
            target->lastHeard.start();
    }
}

void Command::handleLoadTimeout()
{
    if (isFinished())
        return;
    // The bound is on each host's silence: one heard from within it gets the rest of it.
    const qint64 boundMs = qint64(m_connectTimeout) * 1000;
    qint64 nextMs = 0;
    for (Target *target : std::as_const(m_targets)) {
        if (target->done)
            continue;
        const qint64 silentMs = target->lastHeard.isValid() ? target->lastHeard.elapsed() : boundMs;
        if (silentMs < boundMs) {
            nextMs = nextMs == 0 ? boundMs - silentMs : std::min(nextMs, boundMs - silentMs);
            continue;
        }
        if (!target->connected)
            printError(tr("Timed out after %n second(s) connecting to the systemd manager (%1).",
                          nullptr, m_connectTimeout)
                               .arg(target->host->displayName()));
        else
            printError(isMultiHost()
                               ? tr("No answer from %1 for %n second(s) while listing its IOCs.",
                                    nullptr, m_connectTimeout)
                                         .arg(target->host->displayName())
                               : tr("No answer for %n second(s) while listing the IOCs.", nullptr,
                                    m_connectTimeout));
        target->done = true;
        // It no longer counts; it must not report later either.
        target->timedOut = true;
        m_someHostFailed = true;
        m_failureCode = TimedOut;
    }
    if (nextMs > 0)
        m_loadTimer.start(int(nextMs));
    targetDone(nullptr, false);
}

QList<Host *> Command::listedHosts() const
{
    QList<Host *> hosts;
    for (const Target *target : m_targets) {
        if (target->ok)
            hosts << target->host;
    }
    return hosts;
}

QList<Ioc> Command::allIocs() const
{
    QList<Ioc> iocs;
    for (Host *host : listedHosts())
        iocs += m_fleet->iocs(host);
    return iocs;
}

IocRuntime *Command::runtimeFor(const Ioc &ioc) const
{
    return m_fleet ? m_fleet->runtimeFor(ioc) : nullptr;
}

bool Command::resolve(const QStringList &words, bool single, QList<Ioc> *iocs, int *exitCode)
{
    const QList<Host *> hosts = listedHosts();
    // None listed: nothing to find (an empty list would mean every host to the fleet).
    const IocResolver::Result result = hosts.isEmpty() ? IocResolver({}).resolve(words, single)
                                                       : m_fleet->resolve(words, single, hosts);
    if (result.isOk()) {
        *iocs = result.iocs;
        *exitCode = Success;
        // About the IOCs named, not about every other one on the host.
        if (m_inventoryOptions.reportErrors && !m_inventoryOptions.warnAboutEveryIoc) {
            for (const Ioc &ioc : result.iocs)
                warnAboutConfig(ioc);
        }
        return true;
    }
    printError(result.errorString);
    if (result.status == IocResolver::Status::NotFound)
        err() << tr("hint: %1").arg(notFoundHint()) << Qt::endl;
    *exitCode = result.status == IocResolver::Status::NotFound ? NotFound : UsageError;
    return false;
}

void Command::relistWithUnitFiles()
{
    // Listed again from the start, as loadInventory() would, now with the unit files.
    m_inventoryOptions.includeUnitFiles = true;
    m_readyCalled = false;
    m_ready = m_readyAgain;
    m_loadTimer.start(m_connectTimeout * 1000);
    for (Target *target : std::as_const(m_targets)) {
        Inventory *inventory = m_fleet->inventory(target->host);
        if (!target->ok || !inventory)
            continue;
        target->done = false;
        inventory->setIncludeUnitFiles(true);
        inventory->start();
    }
    targetDone(nullptr, false);
}

bool Command::resolveConsole(const QString &word, Ioc *ioc)
{
    QList<Ioc> iocs;
    int code = Success;
    // Only running IOCs were listed (fast): a name not among them may be a stopped IOC,
    // which deserves "not running" rather than "no such IOC".
    if (!m_inventoryOptions.includeUnitFiles
        && IocResolver(allIocs()).resolve({ word }, true).status == IocResolver::Status::NotFound) {
        relistWithUnitFiles();
        return false;
    }
    if (!resolve({ word }, true, &iocs, &code)) {
        finish(code);
        return false;
    }
    *ioc = iocs.constFirst();
    if (!ioc->isActive()) {
        const QString name = ioc->name.isEmpty() ? ioc->unit : ioc->name;
        printError(tr("%1 is not running (start it with: iocctl start %1)").arg(name));
        finish(ActionFailed);
        return false;
    }
    const IocRuntime *runtime = runtimeFor(*ioc);
    if (runtime && ioc->isContainer() && !runtime->hasConsole(*ioc)) {
        // Only a procServ whose command names no usable control endpoint gets here.
        printError(tr("%1 runs procServ in the %2 container %3, and its command names no "
                      "console endpoint iocctl can reach.")
                           .arg(ioc->name, ioc->runtime, ioc->container));
        finish(ActionFailed);
        return false;
    }
    if (!runtime || !runtime->hasConsole(*ioc)) {
        printError(tr("%1 has no procServ console endpoint in %2.").arg(ioc->name, ioc->unit));
        finish(ActionFailed);
        return false;
    }
    return true;
}

bool Command::resolveSelection(const QStringList &words, const QStringList &filterTerms,
                               QList<Ioc> *iocs, int *exitCode)
{
    const IocFilter filter = IocFilter::parse(filterTerms);
    const auto byName = [](const Ioc &a, const Ioc &b) {
        if (a.name != b.name)
            return a.name < b.name;
        if (a.host != b.host)
            return a.host < b.host;
        return a.unit < b.unit;
    };
    iocs->clear();
    if (words.isEmpty()) {
        for (const Ioc &ioc : allIocs()) {
            if (filter.matches(ioc))
                *iocs << ioc;
        }
        std::sort(iocs->begin(), iocs->end(), byName);
    } else {
        // Word by word, so the IOCs come in the order they were named, a glob's by name.
        QSet<QString> seen;
        for (const QString &word : words) {
            QList<Ioc> matches;
            if (!resolve({ word }, false, &matches, exitCode))
                return false;
            std::sort(matches.begin(), matches.end(), byName);
            for (const Ioc &ioc : std::as_const(matches)) {
                if (filter.matches(ioc) && !seen.contains(ioc.key())) {
                    seen.insert(ioc.key());
                    *iocs << ioc;
                }
            }
        }
    }
    if (iocs->isEmpty()) {
        printError(tr("No IOC matches the filter."));
        *exitCode = NotFound;
        return false;
    }
    *exitCode = Success;
    return true;
}
