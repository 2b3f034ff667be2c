#include "app/iocctl/command.h"

#include "app/iocctl/iocresolver.h"
#include "core/ioc/inventory.h"

#include <QCoreApplication>

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
    // Inventories' pending D-Bus calls must go before their hosts close the connections
    // (children would be deleted in creation order: hosts first).
    for (Target *target : std::as_const(m_targets)) {
        delete target->inventory;
        target->inventory = nullptr;
    }
    for (Target *target : std::as_const(m_targets)) {
        if (target->host) {
            // It reports Disconnected while it goes.
            disconnect(target->host, nullptr, this, nullptr);
            delete target->host;
        }
        delete target;
    }
    m_targets.clear();
}

void Command::setOutput(QTextStream *out, QTextStream *err)
{
    m_out = out ? out : &m_stdout;
    m_err = err ? err : &m_stderr;
}

int Command::execute(const QStringList &args)
{
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
                    "--connect-timeout SECONDS; see 'iocctl --help') may come before or after "
                    "the command.")
              << Qt::endl;
        out() << Qt::endl
              << tr("Exit codes: 0 success, 1 an action failed, 2 usage error or bad input, "
                    "3 IOC not found, 4 connection or permission problem, 5 timeout.")
              << Qt::endl;
        out().flush();
        return Success;
    }
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

void Command::printError(const QString &message)
{
    err() << QStringLiteral("iocctl: ") << message << Qt::endl;
}

void Command::printWarning(const QString &message)
{
    err() << QStringLiteral("iocctl: ") << tr("warning: ") << message << Qt::endl;
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
    for (const QString &spec : std::as_const(m_hostSpecs)) {
        auto *target = new Target;
        target->host = Host::fromSpec(spec, this);
        m_targets << target;
        if (!target->host) {
            QString error;
            Host::isValidSpec(spec, &error);
            printError(tr("Not a host: %1 (%2)").arg(spec, error));
            target->done = true;
            m_someHostFailed = true;
            m_failureCode = UsageError;
            continue;
        }
        // ssh's own bound (ConnectTimeout) within ours.
        target->host->setConnectTimeout(m_connectTimeout * 1000);
        // Property reads over systemd's private socket, as systemctl does (local managers).
        target->host->setUsePrivateSocket(true);
        connect(target->host, &Host::stateChanged, this,
                [this, target] { handleHostStateChanged(target); });
    }
    m_loadTimer.start(m_connectTimeout * 1000);
    // All at once: one slow host does not hold up the others.
    for (Target *target : std::as_const(m_targets)) {
        if (target->host)
            target->host->connectToManager();
    }
    targetDone(nullptr, false);
}

void Command::handleHostStateChanged(Target *target)
{
    if (isFinished() || target->done)
        return;
    Host *host = target->host;
    switch (host->state()) {
    case Host::State::Connected: {
        if (target->inventory)
            return;
        auto *inventory = new Inventory(host, this);
        target->inventory = inventory;
        inventory->setIncludeUnitFiles(m_inventoryOptions.includeUnitFiles);
        inventory->setProbeConsoles(m_inventoryOptions.probeConsoles);
        inventory->setActiveOnly(m_inventoryOptions.activeOnly);
        inventory->setListingUnitFileState(m_inventoryOptions.listingUnitFileState);
        inventory->setDetailLevel(m_inventoryOptions.listingOnly ? Inventory::DetailLevel::Listing
                                                                 : Inventory::DetailLevel::Full);
        connect(inventory, &Inventory::ready, this,
                [this, target] { handleInventoryReady(target); });
        connect(inventory, &Inventory::errorOccurred, this, [this, host](const QString &message) {
            if (m_inventoryOptions.reportErrors && !isFinished())
                printWarning(isMultiHost() ? tr("%1: %2").arg(host->id(), message) : message);
        });
        inventory->start();
        break;
    }
    case Host::State::Failed:
        printError(tr("Cannot reach the systemd manager (%1): %2")
                           .arg(host->displayName(), host->errorString()));
        targetDone(target, false);
        break;
    case Host::State::Disconnected:
        if (!target->inventory || !target->inventory->isReady()) {
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
    const QString listingError = target->inventory->listingError();
    if (!listingError.isEmpty()) {
        // Rows from an incomplete listing would be wrong rows.
        printError(tr("Cannot list the IOCs of %1: %2")
                           .arg(target->host->displayName(), listingError));
        targetDone(target, false);
        return;
    }
    if (m_inventoryOptions.reportErrors && m_inventoryOptions.warnAboutEveryIoc) {
        for (const Ioc &ioc : target->inventory->iocs())
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

void Command::handleLoadTimeout()
{
    if (isFinished())
        return;
    for (Target *target : std::as_const(m_targets)) {
        if (target->done)
            continue;
        if (!target->inventory)
            printError(tr("Timed out after %n second(s) connecting to the systemd manager (%1).",
                          nullptr, m_connectTimeout)
                               .arg(target->host->displayName()));
        else
            printError(isMultiHost() ? tr("Timed out after %n second(s) listing the IOCs of %1.",
                                          nullptr, m_connectTimeout)
                                               .arg(target->host->displayName())
                                     : tr("Timed out after %n second(s) listing the IOCs.", nullptr,
                                          m_connectTimeout));
        target->done = true;
        m_someHostFailed = true;
        m_failureCode = TimedOut;
        // It no longer counts; it must not report later either.
        disconnect(target->host, nullptr, this, nullptr);
        if (target->inventory)
            disconnect(target->inventory, nullptr, this, nullptr);
    }
    targetDone(nullptr, false);
}

QList<Ioc> Command::allIocs() const
{
    QList<Ioc> iocs;
    for (const Target *target : m_targets) {
        if (target->ok && target->inventory)
            iocs += target->inventory->iocs();
    }
    return iocs;
}

Host *Command::hostFor(const Ioc &ioc) const
{
    for (const Target *target : m_targets) {
        if (target->host && target->host->id() == ioc.host)
            return target->host;
    }
    return nullptr;
}

Inventory *Command::inventoryFor(const Ioc &ioc) const
{
    for (const Target *target : m_targets) {
        if (target->host && target->host->id() == ioc.host)
            return target->inventory;
    }
    return nullptr;
}

bool Command::resolve(const QStringList &words, bool single, QList<Ioc> *iocs, int *exitCode)
{
    const IocResolver resolver(allIocs());
    const IocResolver::Result result = resolver.resolve(words, single);
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
        if (!target->ok || !target->inventory)
            continue;
        target->done = false;
        target->inventory->setIncludeUnitFiles(true);
        target->inventory->start();
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
    if (!ioc->console.isValid()) {
        printError(tr("%1 has no procServ console endpoint in %2.").arg(ioc->name, ioc->unit));
        finish(ActionFailed);
        return false;
    }
    return true;
}
