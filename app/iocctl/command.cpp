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
    // The inventory's pending D-Bus calls must go before the host closes their connection
    // (children would be deleted in creation order: host first).
    delete m_inventory;
    m_inventory = nullptr;
    if (m_host) {
        // It reports Disconnected while it goes.
        disconnect(m_host, nullptr, this, nullptr);
        delete m_host;
        m_host = nullptr;
    }
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
              << tr("Exit codes: 0 success, 1 an action failed, 2 usage error or bad input, "
                    "3 IOC not found, 4 connection or permission problem, 5 timeout.")
              << Qt::endl;
        out().flush();
        return Success;
    }
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
    out().flush();
    err().flush();
    emit finished(code);
}

void Command::loadInventory(const InventoryOptions &options, std::function<void()> ready)
{
    m_inventoryOptions = options;
    m_ready = std::move(ready);
    m_host = Host::fromSpec(m_hostSpec, this);
    connect(m_host, &Host::stateChanged, this, &Command::handleHostStateChanged);
    m_loadTimer.start(m_connectTimeout * 1000);
    m_host->connectToManager();
}

void Command::handleHostStateChanged(Host::State state)
{
    if (isFinished())
        return;
    switch (state) {
    case Host::State::Connected:
        if (m_inventory)
            return;
        m_inventory = new Inventory(m_host, this);
        m_inventory->setIncludeUnitFiles(m_inventoryOptions.includeUnitFiles);
        m_inventory->setProbeConsoles(m_inventoryOptions.probeConsoles);
        m_inventory->setActiveOnly(m_inventoryOptions.activeOnly);
        m_inventory->setDetailLevel(m_inventoryOptions.listingOnly ? Inventory::DetailLevel::Listing
                                                                   : Inventory::DetailLevel::Full);
        connect(m_inventory, &Inventory::ready, this, &Command::handleInventoryReady);
        connect(m_inventory, &Inventory::errorOccurred, this, [this](const QString &message) {
            if (m_inventoryOptions.reportErrors && !isFinished())
                printWarning(message);
        });
        m_inventory->start();
        break;
    case Host::State::Failed:
        printError(tr("Cannot reach the systemd manager (%1): %2")
                           .arg(m_host->displayName(), m_host->errorString()));
        finish(ConnectionError);
        break;
    case Host::State::Disconnected:
        if (!m_inventory || !m_inventory->isReady()) {
            printError(tr("Lost the connection to the systemd manager (%1).")
                               .arg(m_host->displayName()));
            finish(ConnectionError);
        }
        break;
    case Host::State::Connecting:
        break;
    }
}

void Command::handleInventoryReady()
{
    if (isFinished() || !m_ready)
        return;
    m_loadTimer.stop();
    if (m_inventoryOptions.reportErrors) {
        for (const Ioc &ioc : m_inventory->iocs()) {
            if (!ioc.configError.isEmpty())
                printWarning(tr("%1: %2").arg(ioc.unit, ioc.configError));
            else if (ioc.loadState == QLatin1String("error")
                     || ioc.loadState == QLatin1String("bad-setting"))
                printWarning(tr("%1: systemd could not load the unit file (%2); see "
                                "'systemctl status %1'.")
                                     .arg(ioc.unit, ioc.loadState));
        }
    }
    auto ready = std::move(m_ready);
    m_ready = nullptr;
    ready();
}

void Command::handleLoadTimeout()
{
    if (isFinished())
        return;
    if (!m_inventory)
        printError(tr("Timed out after %n second(s) connecting to the systemd manager (%1).",
                      nullptr, m_connectTimeout)
                           .arg(m_host ? m_host->displayName() : m_hostSpec));
    else
        printError(tr("Timed out after %n second(s) listing the IOCs.", nullptr, m_connectTimeout));
    finish(TimedOut);
}

bool Command::resolve(const QStringList &words, bool single, QList<Ioc> *iocs, int *exitCode)
{
    const IocResolver resolver(m_inventory ? m_inventory->iocs() : QList<Ioc>());
    const IocResolver::Result result = resolver.resolve(words, single);
    if (result.isOk()) {
        *iocs = result.iocs;
        *exitCode = Success;
        return true;
    }
    printError(result.errorString);
    *exitCode = result.status == IocResolver::Status::NotFound ? NotFound : UsageError;
    return false;
}
