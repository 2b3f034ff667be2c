// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/inventory.h"

#include "core/hosts/filesource.h"
#include "core/hosts/host.h"
#include "core/hosts/unitfilesource.h"
#include "core/ioc/childprober.h"
#include "core/ioc/childtracker.h"
#include "core/ioc/conventionconfig.h"
#include "core/ioc/conventions.h"
#include "core/ioc/iocaccess.h"
#include "core/ioc/remotechildreader.h"
#include "core/ioc/remotehostprobe.h"
#include "core/ioc/unitdescriber.h"
#include "core/procserv/bannerparser.h"
#include "core/procserv/consolesession.h"
#include "core/procserv/procservcommand.h"
#include "core/systemd/environmentfile.h"
#include "core/systemd/execcommand.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QPointer>

#include <algorithm>
#include <fnmatch.h>
#include <memory>
#include <utility>

Q_LOGGING_CATEGORY(lcInventory, "iocdock.inventory", QtInfoMsg)

namespace {

// A stopped unit loaded again within this time of its last read is not read again.
constexpr qint64 kReadAgainAfterMs = 10000;

// Units of any name are checked for a procServ ExecStart ("anything else" in the conventions
// table): loaded ones through systemd, installed-but-not-loaded ones by reading their files
// (loading each in systemd would cost far more).
const QString s_allServices = QStringLiteral("*.service");

// The %-specifier facts of a host's manager, as far as they are known here.
UnitDescriber::Facts describerFacts(const Host *host)
{
    UnitDescriber::Facts facts;
    facts.hostId = host->id();
    if (!host->isUserManager()) {
        facts.runtimeDir = QStringLiteral("/run");
        facts.home = QStringLiteral("/root");
        facts.user = QStringLiteral("root");
    } else if (host->isLocal()) {
        facts.runtimeDir = host->runtimeDir();
        facts.home = QDir::homePath();
        facts.user = qEnvironmentVariable("USER");
    }
    return facts;
}

QString unitNameFromKey(const QString &key)
{
    // Host ids may contain '/' ("host/user"); unit names never do.
    return key.mid(key.lastIndexOf(QLatin1Char('/')) + 1);
}

// Errors that say nothing about a unit, only that its manager could not answer.
bool isConnectionError(const QString &errorName)
{
    static const QStringList names{
        QStringLiteral("org.freedesktop.DBus.Error.NoReply"),
        QStringLiteral("org.freedesktop.DBus.Error.Disconnected"),
        QStringLiteral("org.freedesktop.DBus.Error.ServiceUnknown"),
        QStringLiteral("org.freedesktop.DBus.Error.NameHasNoOwner"),
        QStringLiteral("org.freedesktop.DBus.Error.Timeout"),
        QStringLiteral("org.freedesktop.DBus.Error.TimedOut"),
    };
    return names.contains(errorName)
            || errorName.startsWith(QLatin1String("org.freedesktop.DBus.Error.Spawn."));
}

// Extra unit name patterns of IOCs that follow no convention, for the CLI (the GUI has its
// settings): IOCDOCK_UNIT_PATTERNS="ioc-*.service other-*.service".
QStringList environmentPatterns()
{
    return qEnvironmentVariable("IOCDOCK_UNIT_PATTERNS")
            .split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// What an SSH host's procServ log, read with its children, tells of the running IOC (the
// same rules as a local log's, in the host's time zone).
void applyRemoteLog(Ioc &ioc, const RemoteChildReader::Logs &logs)
{
    const auto text = logs.lines.constFind(ioc.logFile);
    if (text == logs.lines.constEnd())
        return; // not read: the history stays unknown
    ProcServStateTracker log;
    if (logs.utcOffset)
        log.setHostUtcOffset(*logs.utcOffset);
    if (ChildTracker::readLog(*text, logs.cut.contains(ioc.logFile), ioc.activeSince, &log))
        ChildTracker::applyLog(ioc, log, ioc.childPid != 0 && ioc.childRestarts == 0);
}

// Rounds of an SSH host's config snapshot (layout, folders, files' contents, and spare).
constexpr int kConfigRounds = 4;

} // namespace

Inventory::Inventory(Host *host, QObject *parent)
    : IocRuntime(parent)
    , m_host(host)
    , m_patterns(Conventions::defaultUnitPatterns() + environmentPatterns())
{
    m_clock.start();
    m_relistTimer.setSingleShot(true);
    m_relistTimer.setInterval(200);
    connect(&m_relistTimer, &QTimer::timeout, this, &Inventory::list);
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(50);
    connect(&m_flushTimer, &QTimer::timeout, this, &Inventory::flushChanged);
    m_unitCrashLoopTimer.setSingleShot(true);
    connect(&m_unitCrashLoopTimer, &QTimer::timeout, this, &Inventory::checkUnitCrashLoops);
    connect(m_host, &Host::stateChanged, this, &Inventory::handleHostStateChanged);
    m_files = new FileSource(m_host, this);
    connect(m_files, &FileSource::filesRead, this, &Inventory::handleFilesRead);
    m_unitFiles = new UnitFileSource(m_host, this);
    m_prober = new ChildProber(
            m_host,
            [this](const QString &key) {
                const auto it = m_iocs.constFind(key);
                return it == m_iocs.constEnd() ? nullptr : &*it;
            },
            this);
    connect(m_prober, &ChildProber::probed, this, &Inventory::handleProbed);
    connect(m_prober, &ChildProber::answered, this, &Inventory::checkReady);
    if (!m_host->isLocal())
        m_remoteChildren = new RemoteChildReader(m_host, this);
}

void Inventory::setFollowChildren(bool on)
{
    if (on == (m_childTracker != nullptr))
        return;
    delete std::exchange(m_childTracker, nullptr);
    if (!on)
        return;
    m_childTracker = new ChildTracker(m_host, this);
    connect(m_childTracker, &ChildTracker::childChanged, this, &Inventory::emitChanged);
    for (auto it = m_iocs.cbegin(); it != m_iocs.cend(); ++it) {
        if (m_announced.contains(it.key()))
            m_childTracker->track(*it);
    }
}

void Inventory::handleHostStateChanged()
{
    // After a lost connection came back: the old manager is gone with its pending calls
    // (they never answer), so forget them and list again; rows are diffed, not rebuilt.
    if (!m_started)
        return;
    if (m_host->state() != Host::State::Connected) {
        m_relist = true;
        ++m_generation;
        // Nothing on that host is measured now: its rows say so until it is back and they
        // are read again (applyDetails(), addUnloadedRow()).
        for (const QString &key : std::as_const(m_announced)) {
            Ioc &ioc = m_iocs[key];
            if (!std::exchange(ioc.hostLost, true))
                emitChanged(key);
        }
        return;
    }
    if (!std::exchange(m_relist, false))
        return;
    start();
}

void Inventory::handleOwnerChanged(const QString &owner)
{
    // A re-exec'd manager, or one that came to a restarted bus: calls in flight were lost or
    // answered by the instance before, and signals may have been missed. List again (rows
    // are diffed, not rebuilt); hold ready() until then.
    if (!m_started)
        return;
    qCDebug(lcInventory) << m_host->id() << "systemd manager is now" << owner;
    if (owner.isEmpty())
        forgetListing(); // the next owner lists again
    else
        restartListing();
}

void Inventory::forgetListing()
{
    m_reloading = false; // a new manager or connection: no reload of the old one to wait for
    ++m_generation;
    m_detailsInFlight.clear();
    m_fetchedAt.clear();
    m_listingDetails.clear();
    m_listingWaitsForFiles.clear();
    m_childReadQueue.clear();
    m_notIocs.clear();
    // The host's config files are looked at afresh by the next listing.
    if (m_configProbe)
        std::exchange(m_configProbe, nullptr)->deleteLater(); // its answers are for the old one
    m_configLayoutKnown = false;
    m_configProbing = false;
    m_configRounds = 0;
    m_configFailed = false;
    m_waitingForConfig.clear();
    m_loadedListed = false;
    m_filesListed = !m_includeUnitFiles;
}

void Inventory::restartListing()
{
    forgetListing();
    list();
}

void Inventory::setUnitPatterns(const QStringList &patterns)
{
    const QStringList newPatterns = patterns.isEmpty()
            ? Conventions::defaultUnitPatterns() + environmentPatterns()
            : patterns;
    if (newPatterns == m_patterns)
        return;
    m_patterns = newPatterns;
    if (!m_started)
        return;
    // Rows that were IOCs only by a pattern go; a listing brings back every other one and
    // adds those the new patterns name.
    const QStringList keys = m_iocs.keys();
    for (const QString &key : keys) {
        const Ioc &ioc = m_iocs[key];
        if (Conventions::classify(ioc.unit).isIoc || matchesPatterns(ioc.unit))
            continue;
        if (!ProcServCommand::parse(ioc.execStart).isProcServ)
            dropRow(key);
    }
    m_notIocs.clear();
    if (!m_relistTimer.isActive())
        m_relistTimer.start();
}

bool Inventory::matchesPatterns(const QString &unitName) const
{
    // The same glob matching systemd applies to ListUnitsByPatterns (fnmatch, no escapes).
    // Compiling a QRegularExpression per pattern and unit cost a quarter of `iocctl ps`.
    const QByteArray name = unitName.toUtf8();
    for (const QString &pattern : m_patterns) {
        if (::fnmatch(pattern.toUtf8().constData(), name.constData(), FNM_NOESCAPE) == 0)
            return true;
    }
    return false;
}

void Inventory::start()
{
    SystemdManager *manager = m_host->manager();
    if (!manager) {
        emit errorOccurred(tr("%1 is not connected.").arg(m_host->displayName()));
        return;
    }
    m_started = true;
    connect(manager, &SystemdManager::unitNew, this, &Inventory::handleUnitNew,
            Qt::UniqueConnection);
    connect(manager, &SystemdManager::unitRemoved, this, &Inventory::handleUnitRemoved,
            Qt::UniqueConnection);
    connect(manager, &SystemdManager::unitPropertiesChanged, this,
            &Inventory::handlePropertiesChanged, Qt::UniqueConnection);
    connect(manager, &SystemdManager::reloading, this, &Inventory::handleReloading,
            Qt::UniqueConnection);
    connect(manager, &SystemdManager::unitFilesChanged, this, &Inventory::handleUnitFilesChanged,
            Qt::UniqueConnection);
    connect(manager, &SystemdManager::ownerChanged, this, &Inventory::handleOwnerChanged,
            Qt::UniqueConnection);
    manager->subscribe();

    m_ready = false;
    restartListing();
}

void Inventory::list()
{
    SystemdManager *manager = m_host->manager();
    if (!manager)
        return;
    const quint64 generation = m_generation;
    const auto listed = [this, generation](const QList<UnitInfo> &units, const QString &error) {
        if (generation == m_generation)
            handleUnitsListed(units, error);
    };
    if (m_activeOnly) {
        manager->listUnits({ QStringLiteral("active"), QStringLiteral("activating"),
                             QStringLiteral("deactivating"), QStringLiteral("reloading") },
                           { s_allServices }, this, listed);
    } else {
        manager->listUnits({ s_allServices }, this, listed);
    }
    m_filesRequested = false;
}

void Inventory::requestUnitFiles()
{
    // systemd answers one call at a time, and ListUnitFilesByPatterns keeps it busy for
    // seconds (~5 ms per matching file): sent together, it held up the details of the loaded
    // units and so the first rows. Loaded units first, then the installed-but-not-loaded.
    SystemdManager *manager = m_host->manager();
    if (!m_includeUnitFiles || m_filesRequested || !m_loadedListed || !m_listingDetails.isEmpty()
        || !manager)
        return;
    m_filesRequested = true;
    const quint64 generation = m_generation;
    // Every service: a unit of any name is an IOC when it runs procServ.
    QStringList patterns{ s_allServices };
    for (const QString &pattern : std::as_const(m_patterns)) {
        if (!pattern.endsWith(QLatin1String(".service")))
            patterns << pattern;
    }
    manager->listUnitFiles(
            patterns, this,
            [this, generation](const QList<UnitFileInfo> &files, const QString &error) {
                if (generation == m_generation)
                    handleUnitFilesListed(files, error);
            });
}

QList<Ioc> Inventory::iocs() const
{
    QList<Ioc> list;
    list.reserve(m_iocs.size());
    for (const QString &key : m_announced)
        list.append(m_iocs.value(key));
    std::sort(list.begin(), list.end(), [](const Ioc &a, const Ioc &b) { return a.name < b.name; });
    return list;
}

QList<Ioc> Inventory::find(const QString &nameOrUnit) const
{
    QList<Ioc> found;
    for (const QString &key : m_announced) {
        const Ioc &ioc = m_iocs[key];
        if (ioc.name == nameOrUnit || ioc.unit == nameOrUnit
            || ioc.unit == nameOrUnit + QLatin1String(".service"))
            found.append(ioc);
    }
    return found;
}

void Inventory::handleUnitsListed(const QList<UnitInfo> &units, const QString &error)
{
    if (!error.isEmpty()) {
        // A failed answer says nothing about the rows: keep them as they were.
        m_listingError = error;
        emit errorOccurred(error);
        m_loadedListed = true;
        emit loadedListed();
        checkReady();
        return;
    }
    m_listingError.clear();
    QSet<QString> seen;
    for (const UnitInfo &unit : units) {
        if (m_notIocs.contains(unit.name))
            continue;
        const ConventionMatch match = Conventions::classify(unit.name);
        const bool byName = match.isIoc || matchesPatterns(unit.name);
        const QString key = m_host->id() + QLatin1Char('/') + unit.name;
        seen.insert(key);
        const bool known = m_iocs.contains(key);
        Ioc &ioc = m_iocs[key];
        ioc.host = m_host->id();
        ioc.runtime = runtimeName();
        ioc.unit = unit.name;
        ioc.unitPath = unit.path.path();
        ioc.description = unit.description;
        ioc.loadState = unit.loadState;
        ioc.activeState = unit.activeState;
        ioc.subState = unit.subState;
        if (byName && ioc.name.isEmpty()) {
            UnitDescriber::applyMatch(ioc, match);
        }
        m_keyByPath.insert(ioc.unitPath, key);
        m_keyByUnit.insert(unit.name, key);
        if (known && m_announced.contains(key))
            emitChanged(key);
        // Every loaded service is checked for procServ; rows appear once that is known.
        fetchDetails(key, true);
    }
    // Units dropped during a reload and not there after it are gone.
    const auto removedInReload = std::exchange(m_removedInReload, {});
    for (auto it = removedInReload.constBegin(); it != removedInReload.constEnd(); ++it) {
        if (!seen.contains(m_host->id() + QLatin1Char('/') + it.key()))
            handleUnitRemoved(it.key(), it.value());
    }
    // After a daemon reload or a reconnect: loaded units that vanished meanwhile; those with no
    // unit file any more are gone.
    if (m_everListed) {
        const QStringList keys = m_iocs.keys();
        for (const QString &key : keys) {
            if (seen.contains(key))
                continue;
            Ioc &ioc = m_iocs[key];
            if (!ioc.isLoaded())
                continue;
            if (ioc.unitFileState.isEmpty()) {
                handleUnitRemoved(ioc.unit, ioc.unitPath);
                continue;
            }
            if (m_activeOnly)
                continue; // absent from a listing of active units: inactive, perhaps loaded
            // Loaded when last seen, not loaded now: systemd unloads only inactive units, and
            // the signals that said so were missed (a host that was away, a new manager).
            m_keyByPath.remove(ioc.unitPath);
            ioc.unitPath.clear();
            ioc.loadState.clear();
            ioc.activeState = QStringLiteral("inactive");
            ioc.subState = QStringLiteral("dead");
            ioc.mainPid = 0;
            ioc.childState = ChildState::Unknown;
            ioc.childPid = 0;
            if (m_announced.contains(key))
                emitChanged(key);
        }
    }
    m_everListed = true;
    m_loadedListed = true;
    emit loadedListed();
    checkReady();
}

void Inventory::handleUnitFilesListed(const QList<UnitFileInfo> &files, const QString &error)
{
    if (!error.isEmpty()) {
        m_listingError = error;
        emit errorOccurred(error);
        m_filesListed = true;
        checkReady();
        return;
    }
    // Installed-but-not-loaded rows whose file went away (a daemon reload lists again).
    QSet<QString> listed;
    for (const UnitFileInfo &file : files)
        listed.insert(file.unitName());
    const QStringList keys = m_iocs.keys();
    for (const QString &key : keys) {
        const Ioc &ioc = m_iocs[key];
        if (!ioc.isLoaded() && !listed.contains(ioc.unit)
            && (!m_host->isLocal() || !QFileInfo::exists(ioc.fragmentPath)))
            dropRow(key);
    }
    QList<UnitFileSource::Request> toRead;
    QList<UnitFileSource::Request> templates;
    QHash<QString, QString> states; // unit -> UnitFileState of the files read
    for (const UnitFileInfo &file : files) {
        const QString unitName = file.unitName();
        if (!unitName.endsWith(QLatin1String(".service")))
            continue;
        // Templates (epics-@.service, ioc@.service) are not IOCs; their enabled instances
        // (linked into a .wants folder) may be, read from the template's file.
        if (unitName.endsWith(QLatin1String("@.service"))) {
            if (!file.state.startsWith(QLatin1String("masked")))
                templates.append({ unitName, file.path });
            continue;
        }
        const QString key = m_host->id() + QLatin1Char('/') + unitName;
        const auto it = m_iocs.find(key);
        if (it != m_iocs.end() && it->isLoaded()) {
            it->unitFileState = file.state;
            if (it->fragmentPath.isEmpty())
                it->fragmentPath = file.path;
            if (m_announced.contains(key))
                emitChanged(key);
            continue;
        }
        if (it == m_iocs.end() && m_notIocs.contains(unitName))
            continue; // loaded a moment ago and seen not to run procServ
        if (file.state.startsWith(QLatin1String("masked"))) {
            // The file is /dev/null: nothing to read; by its name only.
            const ConventionMatch match = Conventions::classify(unitName);
            if (!match.isIoc && !matchesPatterns(unitName))
                continue;
            Ioc ioc = it != m_iocs.end() ? *it : Ioc();
            ioc.host = m_host->id();
            ioc.runtime = runtimeName();
            ioc.unit = unitName;
            ioc.fragmentPath = file.path;
            ioc.unitFileState = file.state;
            UnitDescriber::applyMatch(ioc, match);
            addUnloadedRow(ioc);
            continue;
        }
        toRead.append({ unitName, file.path });
        states.insert(unitName, file.state);
    }
    if (toRead.isEmpty() && templates.isEmpty()) {
        m_filesListed = true;
        checkReady();
        return;
    }
    const quint64 generation = m_generation;
    const UnitDescriber::Facts facts = describerFacts(m_host);
    m_unitFiles->read(toRead, templates, this,
                      [this, generation, states, facts](const QList<UnitFileSource::Result> &read) {
                          if (generation != m_generation)
                              return;
                          QList<UnitDescription> descriptions;
                          QStringList unreadable;
                          for (const UnitFileSource::Result &result : read) {
                              if (!result.error.isEmpty()) {
                                  qCDebug(lcInventory) << result.unit << result.error;
                                  unreadable << result.unit;
                                  continue;
                              }
                              descriptions << UnitDescriber::describe(
                                      result.unit, result.file, result.environmentFiles, facts);
                          }
                          handleUnitFilesRead(states, descriptions, unreadable);
                      });
}

void Inventory::addUnloadedRow(const Ioc &row)
{
    const QString key = row.key();
    const bool known = m_iocs.contains(key);
    Ioc &ioc = m_iocs[key];
    const Ioc before = ioc;
    // A file read anew: systemd's word on it (refused or not) is asked again when the
    // reading finds it suspect (handleUnitFilesRead()).
    ioc = row;
    if (ioc.activeState.isEmpty()) {
        ioc.activeState = QStringLiteral("inactive");
        ioc.subState = QStringLiteral("dead");
    }
    if (known) {
        // A listed-and-unloaded row keeps what systemd told of its last run.
        ioc.result = before.result;
        ioc.inactiveSince = before.inactiveSince;
        ioc.nRestarts = before.nRestarts;
        ioc.execMainCode = before.execMainCode;
        ioc.execMainStatus = before.execMainStatus;
    }
    m_keyByUnit.insert(ioc.unit, key);
    if (m_announced.contains(key)) {
        emitChanged(key);
    } else {
        m_announced.insert(key);
        emit iocAdded(ioc);
    }
}

void Inventory::handleUnitFilesRead(const QHash<QString, QString> &states,
                                    const QList<UnitDescription> &descriptions,
                                    const QStringList &unreadable)
{
    QSet<QString> described;
    for (const UnitDescription &description : descriptions)
        described.insert(description.ioc.unit);
    // An unloaded instance row whose link went away (disabled) is no longer installed.
    const QStringList keys = m_iocs.keys();
    for (const QString &key : keys) {
        const Ioc &ioc = m_iocs[key];
        if (!ioc.isLoaded() && ioc.unit.contains(QLatin1Char('@')) && !described.contains(ioc.unit)
            && !states.contains(ioc.unit) && !unreadable.contains(ioc.unit))
            dropRow(key);
    }
    QStringList toMeasure; // rows whose file looks refused: ask systemd
    for (const UnitDescription &description : descriptions) {
        const QString &unitName = description.ioc.unit;
        const QString key = m_host->id() + QLatin1Char('/') + unitName;
        const auto it = m_iocs.constFind(key);
        if (it != m_iocs.constEnd() && it->isLoaded())
            continue; // systemd loaded it meanwhile: its own answer wins
        if (description.runsContainer) {
            Ioc unit = description.ioc;
            unit.unitFileState = states.value(unitName);
            emit containerUnitListed(unit);
            if (it != m_iocs.constEnd())
                dropRow(key);
            continue;
        }
        if (!description.isIoc && !matchesPatterns(unitName)) {
            if (it != m_iocs.constEnd())
                dropRow(key); // rewritten into something that is no IOC
            continue;
        }
        Ioc ioc = description.ioc;
        // An instance has no file of its own: it is listed because a link enables it.
        ioc.unitFileState = states.value(unitName, QStringLiteral("enabled"));
        if (!description.isIoc)
            UnitDescriber::applyMatch(ioc, ConventionMatch()); // by a pattern: generic
        QString error;
        applyConventionConfig(ioc, description.isLauncher, &error, false);
        addUnloadedRow(ioc);
        if (!description.problem.isEmpty())
            toMeasure << key;
    }
    // A file that cannot be read is still installed: its name may say it is an IOC.
    for (const QString &unitName : unreadable) {
        const ConventionMatch match = Conventions::classify(unitName);
        const QString key = m_host->id() + QLatin1Char('/') + unitName;
        if ((!match.isIoc && !matchesPatterns(unitName)) || m_iocs.value(key).isLoaded())
            continue;
        Ioc ioc = m_iocs.value(key);
        ioc.host = m_host->id();
        ioc.runtime = runtimeName();
        ioc.unit = unitName;
        ioc.unitFileState = states.value(unitName);
        if (ioc.name.isEmpty()) {
            UnitDescriber::applyMatch(ioc, match);
        }
        addUnloadedRow(ioc);
    }
    if (toMeasure.isEmpty()) {
        m_filesListed = true;
        checkReady();
        return;
    }
    // The parser only suspects; systemd says whether it refuses the file (LoadState,
    // LoadError), at the cost of loading these few units for a moment.
    const quint64 generation = m_generation;
    readUnloaded(toMeasure, this, [this, generation] {
        if (generation != m_generation)
            return;
        m_filesListed = true;
        checkReady();
    });
}

void Inventory::fetchDetails(const QString &key, bool forListing)
{
    const Ioc &ioc = m_iocs[key];
    // Reading an unloaded unit's properties makes systemd load it (UnitNew) and unload it
    // again: one fetch per unit at a time keeps that from feeding itself.
    if (ioc.unitPath.isEmpty() || !m_host->manager())
        return;
    // Only what a listing asked for holds up ready() and the unit-file listing: on a busy
    // manager, units of others come and go all the time. A listing also waits for an answer
    // asked before it (a signal about the unit): ready() came before such a row otherwise.
    if (forListing)
        m_listingDetails.insert(key);
    if (m_detailsInFlight.contains(key))
        return;
    m_detailsInFlight.insert(key);
    m_fetchedAt.insert(key, m_clock.elapsed());
    const quint64 signalsBefore = m_signalCount.value(key);
    const quint64 generation = m_generation;
    const auto fetched = [this, key, signalsBefore, generation](const UnitDetails &details) {
        if (generation != m_generation)
            return; // asked of a manager instance that is gone; the listing starts again
        m_detailsInFlight.remove(key);
        const bool listed = m_listingDetails.remove(key);
        if (listed && isConnectionError(details.errorName)) {
            // Not an answer about the unit: the listing is incomplete, and says so.
            m_listingError = tr("Could not read the details of %1: %2")
                                     .arg(unitNameFromKey(key), details.error);
        }
        // A PropertiesChanged that arrived while the several calls of one fetch were
        // answered is newer than part of this answer: read again instead of going back.
        if (m_signalCount.value(key) != signalsBefore && m_iocs.contains(key)) {
            qCDebug(lcInventory) << "read again (signals during the fetch):" << key;
            fetchDetails(key, listed);
            checkReady();
            return;
        }
        applyDetails(key, details, listed);
        checkReady();
    };
    if (m_detailLevel == DetailLevel::Listing) {
        const bool up = ioc.isUpOrStarting() || ioc.activeState == QLatin1String("deactivating");
        m_host->manager()->unitListingDetails(ioc.unitPath, up, this, fetched,
                                              m_listingUnitFileState);
    } else {
        m_host->manager()->unitDetails(ioc.unitPath, this, fetched);
    }
}

void Inventory::applyDetails(const QString &key, const UnitDetails &details, bool forListing)
{
    if (!m_iocs.contains(key))
        return;
    Ioc &ioc = m_iocs[key];
    const bool wasShown = m_announced.contains(key);
    if (!details.error.isEmpty()) {
        qCDebug(lcInventory) << "details of" << ioc.unit << "failed:" << details.error;
        if (!wasShown) {
            m_iocs.remove(key);
            m_keyByPath.remove(details.unitPath);
            m_keyByUnit.remove(unitNameFromKey(key));
        }
        return;
    }
    const Ioc before = ioc;
    ioc.hostLost = false; // read now
    applyUnitProperties(ioc, details.unit);
    applyServiceProperties(ioc, details.service);
    // Unloaded again while asked (handleUnitRemoved()): what was read stands, not loaded.
    if (ioc.unitPath.isEmpty() && ioc.loadState == QLatin1String("loaded"))
        ioc.loadState.clear();
    if (wasShown)
        ioc.keepLastRun(before);
    const LoadedDescription described = describe(ioc, details);
    if (described.pending && forListing && !m_ready)
        m_listingWaitsForFiles.insert(key);
    // A unit file systemd refused says so, whatever its ExecStart looks like.
    applyLoadError(ioc, details.unit);

    if (described.runsContainer) {
        Ioc unit = ioc;
        unit.execStart = details.execStart.value(0).argv;
        emit containerUnitListed(unit);
    }
    if (!described.isIoc) {
        if (described.undecided) {
            // Undecided until its process's command line has come through ssh.
            if (forListing && !m_ready)
                m_listingWaitsForFiles.insert(key);
            return;
        }
        const QString unit = ioc.unit;
        m_notIocs.insert(unit);
        m_iocs.remove(key);
        m_keyByPath.remove(details.unitPath);
        m_keyByUnit.remove(unit);
        return;
    }
    if (wasShown) {
        emitChanged(key);
    } else {
        m_announced.insert(key);
        emit iocAdded(ioc);
    }
    if (m_childTracker)
        m_childTracker->track(ioc);
    // A one-time look (no ChildTracker follows the children) reads an IOC's child from /proc
    // and its restarts, last exit and crash loop from procServ's -L log, whatever the detail
    // level: `ps`, `ps -n`, a template, `inspect` and `status` tell the same. An SSH host's
    // with every other IOC of the look: one command (readQueuedChildren()).
    const bool listing = m_detailLevel == DetailLevel::Listing;
    const QString remoteLog =
            RemoteChildReader::isReadableLogPath(ioc.logFile) ? ioc.logFile : QString();
    if (listing && ioc.isActive() && m_remoteChildren) {
        // The banner probe only for what /proc does not tell.
        if (m_probeConsoles)
            m_childReadQueue.insert(key, { ioc.mainPid, true, remoteLog });
        return;
    }
    if (ioc.isActive() && (listing || (m_probeConsoles && !m_childTracker))) {
        if (m_remoteChildren) {
            // The banner probe below tells the child; the log its history.
            if (!remoteLog.isEmpty())
                m_childReadQueue.insert(key, { ioc.mainPid, false, remoteLog });
        } else {
            const bool fromProc = ChildTracker::readChildFromProc(ioc);
            ChildTracker::readOnce(ioc, true); // also while the banner decides
            if (fromProc && listing)
                return; // the banner would add only auto-restart, which a listing does not show
        }
    }
    if (m_probeConsoles && ioc.isActive())
        m_prober->probe(key, forListing && !m_ready);
}

void Inventory::applyUnitProperties(Ioc &ioc, const UnitProperties &props)
{
    const auto set = [](const std::optional<QString> &value, QString &target) {
        if (value)
            target = *value;
    };
    set(props.description, ioc.description);
    set(props.loadState, ioc.loadState);
    set(props.activeState, ioc.activeState);
    set(props.subState, ioc.subState);
    set(props.unitFileState, ioc.unitFileState);
    set(props.fragmentPath, ioc.fragmentPath);
    if (props.dropInPaths)
        ioc.dropInPaths = props.dropInPaths;
    if (props.activeEnterTimestamp)
        ioc.activeSince = *props.activeEnterTimestamp;
    if (props.inactiveEnterTimestamp)
        ioc.inactiveSince = *props.inactiveEnterTimestamp;
    if (ioc.configError.isEmpty() || props.loadError)
        applyLoadError(ioc, props);
}

void Inventory::applyLoadError(Ioc &ioc, const UnitProperties &props)
{
    if (!UnitDescriber::isRefused(ioc.loadState))
        return;
    const QString message = props.loadError ? props.loadError->message : QString();
    ioc.configError = message.isEmpty()
            ? tr("systemd could not load the unit (%1).").arg(ioc.loadState)
            : tr("systemd could not load the unit (%1): %2").arg(ioc.loadState, message);
}

void Inventory::applyServiceProperties(Ioc &ioc, const ServiceProperties &props)
{
    if (props.mainPid && *props.mainPid != ioc.mainPid) {
        ioc.mainPid = *props.mainPid;
        // A new procServ knows nothing of the old child.
        ioc.childState = ChildState::Unknown;
        ioc.childPid = 0;
    }
    if (props.nRestarts)
        ioc.nRestarts = *props.nRestarts;
    if (props.result)
        ioc.result = *props.result;
    if (props.execMainCode)
        ioc.execMainCode = *props.execMainCode;
    if (props.execMainStatus)
        ioc.execMainStatus = *props.execMainStatus;
    if (props.workingDirectory)
        ioc.workingDirectory = *props.workingDirectory;
}

void Inventory::handleFilesRead(const QStringList &keys, bool changed)
{
    for (const QString &key : keys) {
        if (!m_iocs.contains(key)) { // gone meanwhile, or not an IOC after all
            m_files->forget(key);
            m_listingWaitsForFiles.remove(key);
            continue;
        }
        // Read the unit again with the file's new contents (the answer uses the cache).
        const bool forListing = m_listingWaitsForFiles.remove(key);
        if (changed || forListing)
            fetchDetails(key, forListing);
    }
    checkReady();
}

LoadedDescription Inventory::describe(Ioc &ioc, const UnitDetails &details)
{
    LoadedUnitFacts facts;
    if (!details.execStart.isEmpty())
        facts.execStart = details.execStart.first().argv;
    facts.environment = details.environment;
    facts.environmentFiles = details.environmentFiles;
    // On an SSH host each look at the process costs an ssh call: only for a file systemd
    // refused.
    facts.processAffordable = m_host->isLocal() || UnitDescriber::isRefused(ioc.loadState);
    // A listing reads the environment files only when ExecStart needs their values: their
    // paths alone can tell the convention.
    const bool needsValues = m_detailLevel == DetailLevel::Full
            || facts.execStart.join(QLatin1Char(' ')).contains(QLatin1Char('$'));
    if (!facts.execStart.isEmpty() && needsValues) {
        for (const EnvironmentFile &file : details.environmentFiles) {
            facts.files.insert(file.path, m_files->read(ioc.key(), file.path));
        }
    }
    const Ioc before = ioc;
    LoadedDescription described = UnitDescriber::describeLoaded(ioc, facts);
    if (described.wantsProcess) {
        // What procServ was started with, from the kernel: the truth for a running IOC whose
        // unit file changed since. On an SSH host read through ssh: pending until it has been
        // (handleFilesRead() asks again).
        facts.process = m_files->read(
                ioc.key(), QStringLiteral("/proc/%1/cmdline").arg(ioc.mainPid), 256 * 1024);
        ioc = before;
        described = UnitDescriber::describeLoaded(ioc, facts);
    }
    if (facts.execStart.isEmpty())
        return described;
    // Only for a row that had its name before this reading (from its unit name, or from an
    // earlier reading): one that this reading names by its ExecStart gets its convention
    // config at its next reading.
    if (!before.name.isEmpty()
        && !applyConventionConfig(ioc, described.isLauncher, &described.error))
        described.pending = true;
    // Until an SSH host's environment file is read, its $VARs are not errors yet.
    ioc.configError = described.pending ? QString() : described.error;
    return described;
}

bool Inventory::applyConventionConfig(Ioc &ioc, bool launcher, QString *error, bool mayWait)
{
    // Convention config files: read (never executed) for what ExecStart does not say.
    if (ioc.convention.isEmpty())
        return true;
    if (m_host->isLocal()) {
        const ConventionConfigReader reader = m_host->isUserManager()
                ? ConventionConfigReader::forUser()
                : ConventionConfigReader::forSystem();
        UnitDescriber::applyConventionConfig(ioc, reader.read(ioc.convention, ioc.name), launcher,
                                             m_host->runtimeDir(), error);
        return true;
    }
    // An SSH host: procServUtils' INI files, read there (its launcher's console is only in
    // them; the other conventions' configs are environment files of their units, read as
    // such, or give what ExecStart says already).
    if (ioc.convention != QLatin1String("procservutils"))
        return true;
    if (m_configFailed)
        return true; // the files could not be read: what ExecStart says stands
    if (!m_configProbe)
        m_configProbe = new RemoteHostProbe(m_host, this);
    if (m_configLayoutKnown) {
        SnapshotFileView &view = m_configProbe->view();
        view.clearAsked();
        const IocHostLayout layout = m_configProbe->layout();
        ConventionConfigReader reader;
        reader.setProcServConfigDirs(layout.procServConfigFiles);
        reader.setRuntimeDir(layout.runtimeDir);
        reader.setFileView(&view);
        const ConventionConfig config = reader.read(ioc.convention, ioc.name);
        // Every file the reading needs is in the snapshot: the config is what the host has.
        if (view.askedPaths().isEmpty() && view.askedContents().isEmpty()) {
            UnitDescriber::applyConventionConfig(ioc, config, launcher, layout.runtimeDir, error);
            return true;
        }
        if (m_configRounds >= kConfigRounds)
            return true; // still incomplete: not applied, as when it cannot be read
    }
    if (!mayWait)
        return true; // not read: what ExecStart says stands
    m_waitingForConfig.insert(ioc.key());
    if (!m_configProbing)
        QTimer::singleShot(0, this, &Inventory::probeRemoteConfigs);
    m_configProbing = true;
    return false;
}

void Inventory::probeRemoteConfigs()
{
    // One round: the host's layout first, then what the last readings asked for.
    if (!m_configProbe)
        return;
    const quint64 generation = m_generation;
    const auto roundDone = [this, generation](const QString &error) {
        if (generation != m_generation)
            return;
        if (!error.isEmpty()) {
            qCDebug(lcInventory) << "reading the config files on" << m_host->id()
                                 << "failed:" << error;
            m_configFailed = true; // the rows go on with what ExecStart says
        }
        m_configProbing = false;
        const QSet<QString> waiting = std::exchange(m_waitingForConfig, {});
        handleFilesRead(QStringList(waiting.cbegin(), waiting.cend()), true);
    };
    if (!m_configLayoutKnown) {
        m_configProbe->probeLayout([this, generation, roundDone](const QString &error) {
            if (generation == m_generation && error.isEmpty())
                m_configLayoutKnown = true;
            roundDone(error);
        });
        return;
    }
    ++m_configRounds;
    const SnapshotFileView &view = m_configProbe->view();
    m_configProbe->probePaths(view.askedPaths(), {}, view.askedContents(), roundDone);
}

void Inventory::handleProbed(const QString &key, const ProcServStateTracker &state)
{
    const auto it = m_iocs.find(key);
    if (it == m_iocs.end())
        return;
    it->childState = state.childState();
    it->childPid = state.childPid();
    ChildTracker::applyBanner(*it, state);
    if (state.autoRestart() != AutoRestart::Unknown)
        it->autoRestart = state.autoRestart();
    emitChanged(key);
}

void Inventory::probeChildState(const QStringList &keys)
{
    for (const QString &key : keys) {
        if (m_iocs.contains(key) && m_iocs[key].isActive())
            m_prober->probe(key);
    }
}

void Inventory::readUnloaded(const QStringList &keys, QObject *context, std::function<void()> done)
{
    QStringList unloaded;
    for (const QString &key : keys) {
        const auto it = m_iocs.constFind(key);
        if (it != m_iocs.constEnd() && it->unitPath.isEmpty() && !it->unit.isEmpty())
            unloaded << key;
    }
    if (unloaded.isEmpty() || !m_host->manager()) {
        QTimer::singleShot(0, context, std::move(done));
        return;
    }
    auto remaining = std::make_shared<int>(int(unloaded.size()));
    auto finished = std::make_shared<std::function<void()>>(std::move(done));
    QPointer<QObject> guard(context);
    auto answered = [remaining, finished, guard] {
        if (--*remaining == 0 && guard)
            (*finished)();
    };
    const quint64 generation = m_generation;
    for (const QString &key : std::as_const(unloaded)) {
        m_host->manager()->loadUnit(
                m_iocs.value(key).unit, this,
                [this, key, generation, answered](const QString &path, const QString &error) {
                    if (!error.isEmpty() || generation != m_generation || !m_iocs.contains(key)
                        || !m_host->manager()) {
                        qCDebug(lcInventory) << "cannot load" << key << error;
                        answered();
                        return;
                    }
                    // systemd unloads it again soon (UnitRemoved); the row keeps what it read.
                    m_iocs[key].unitPath = path;
                    m_keyByPath.insert(path, key);
                    m_host->manager()->unitDetails(
                            path, this,
                            [this, key, generation, answered](const UnitDetails &details) {
                                if (generation == m_generation)
                                    applyDetails(key, details, false);
                                answered();
                            });
                });
    }
}

void Inventory::handleUnitNew(const QString &name, const QString &path)
{
    if (!name.endsWith(QLatin1String(".service")) || m_notIocs.contains(name))
        return;
    const QString key = m_host->id() + QLatin1Char('/') + name;
    Ioc &ioc = m_iocs[key];
    if (ioc.unit.isEmpty()) {
        // Unknown so far: a new unit, IOC or not. Its details decide, and only then is it
        // shown (applyDetails()): a name that fits a convention is no measurement — a unit
        // that runs a container is the container runtime's row, one that runs no procServ
        // is no IOC at all, and neither may flash up as one meanwhile.
        const ConventionMatch match = Conventions::classify(name);
        ioc.host = m_host->id();
        ioc.runtime = runtimeName();
        ioc.unit = name;
        if (match.isIoc || matchesPatterns(name))
            UnitDescriber::applyMatch(ioc, match);
    }
    ioc.unitPath = path;
    m_keyByPath.insert(path, key);
    m_keyByUnit.insert(name, key);
    // systemd unloads a stopped unit that nothing refers to, and loads it again for whoever
    // reads its properties: each of a fetch's calls could load it anew (UnitNew), and each
    // UnitNew read it again — a storm that never ended (28 loads a second after a unit
    // stopped, until the manager fell off the bus). A row read a moment ago that is not up
    // has nothing new to tell; what changes comes with the unit's signals.
    const auto fetched = m_fetchedAt.constFind(key);
    if (m_announced.contains(key) && !ioc.isUpOrStarting() && fetched != m_fetchedAt.constEnd()
        && m_clock.elapsed() - *fetched < kReadAgainAfterMs) {
        qCDebug(lcInventory) << "loaded again, read a moment ago:" << key;
        return;
    }
    fetchDetails(key);
}

void Inventory::handleUnitRemoved(const QString &name, const QString &path)
{
    if (m_reloading) {
        // A unit running without its file is dropped and made again by a reload: removing
        // its row now would make it flicker (and lose the user's selection).
        m_removedInReload.insert(name, path);
        return;
    }
    const QString key = m_keyByUnit.value(name);
    m_keyByPath.remove(path);
    if (key.isEmpty() || !m_iocs.contains(key))
        return;
    Ioc &ioc = m_iocs[key];
    if (!m_announced.contains(key) && m_detailsInFlight.contains(key)) {
        // Loaded for a moment (another client read it) and unloaded again while its details
        // were asked: the answer still decides what it is. Dropped now, a listing that passed
        // over it while it was loaded would never see it (an installed IOC gone missing).
        m_keyByPath.remove(ioc.unitPath);
        ioc.unitPath.clear();
        return;
    }
    // systemd unloads inactive units; the IOC is still installed while its file exists.
    // A remote file cannot be checked from here: keep the row; a daemon reload (the way a
    // unit file goes away) lists everything again.
    if (!ioc.fragmentPath.isEmpty()
        && (!m_host->isLocal() || QFileInfo::exists(ioc.fragmentPath))) {
        ioc.unitPath.clear();
        // A file systemd refused stays refused until a reload reads it again (relists).
        if (!UnitDescriber::isRefused(ioc.loadState))
            ioc.loadState.clear();
        if (m_announced.contains(key))
            emitChanged(key);
        return;
    }
    dropRow(key);
}

void Inventory::noteUnitRestarts(const QString &key, quint32 count)
{
    // Each rise comes in its own signal; a larger one (signals coalesced) counts as restarts
    // now too, up to what is kept.
    QList<QDateTime> &times = m_unitRestarts[key];
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (quint32 i = 0; i < count && i < quint32(Ioc::recentRestartsKept); ++i)
        times << now;
    while (times.size() > Ioc::recentRestartsKept)
        times.removeFirst();
    checkUnitCrashLoops();
}

void Inventory::addUnitRestarts(const QString &unit, const QList<QDateTime> &times)
{
    const QString key = m_keyByUnit.value(unit);
    const auto row = m_iocs.find(key);
    if (key.isEmpty() || row == m_iocs.end())
        return;
    QList<QDateTime> &known = m_unitRestarts[key];
    for (const QDateTime &time : times) {
        if (time.isValid() && !known.contains(time))
            known << time;
    }
    std::sort(known.begin(), known.end());
    while (known.size() > Ioc::recentRestartsKept)
        known.removeFirst();
    // At once: a one-shot listing prints the row right after this.
    applyUnitRestarts(*row);
    emitChanged(key);
    checkUnitCrashLoops();
}

void Inventory::applyUnitRestarts(Ioc &ioc) const
{
    ioc.unitRestarts = m_unitRestarts.value(ioc.key());
    ioc.unitCrashLoop = isCrashLoop(ioc.unitRestarts, QDateTime::currentDateTimeUtc());
}

void Inventory::checkUnitCrashLoops()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDateTime next;
    for (auto it = m_unitRestarts.begin(); it != m_unitRestarts.end();) {
        const auto row = m_iocs.constFind(it.key());
        while (!it->isEmpty() && it->first().secsTo(now) > Ioc::crashLoopWindowSecs)
            it->removeFirst();
        if (row == m_iocs.constEnd() || it->isEmpty()) {
            it = m_unitRestarts.erase(it);
            continue;
        }
        if (row->unitCrashLoop != isCrashLoop(*it, now))
            emitChanged(it.key());
        const QDateTime end = crashLoopEnd(*it);
        if (end.isValid() && (!next.isValid() || end < next))
            next = end;
        ++it;
    }
    if (next.isValid())
        m_unitCrashLoopTimer.start(int(qBound<qint64>(0LL, now.msecsTo(next), 3600LL * 1000)));
    else
        m_unitCrashLoopTimer.stop();
}

void Inventory::dropRow(const QString &key)
{
    m_unitRestarts.remove(key);
    if (m_childTracker)
        m_childTracker->forget(key);
    m_keyByUnit.remove(m_iocs.value(key).unit);
    m_fetchedAt.remove(key);
    m_iocs.remove(key);
    m_changed.remove(key);
    if (m_announced.remove(key))
        emit iocRemoved(key);
}

void Inventory::handlePropertiesChanged(const QString &path, const UnitPropertiesChange &change)
{
    const QString key = m_keyByPath.value(path);
    if (key.isEmpty() || !m_iocs.contains(key))
        return;
    ++m_signalCount[key];
    Ioc &ioc = m_iocs[key];
    const QString oldActive = ioc.activeState;
    const quint32 oldMainPid = ioc.mainPid;
    const quint32 oldRestarts = ioc.nRestarts;
    applyUnitProperties(ioc, change.unit);
    applyServiceProperties(ioc, change.service);
    if (change.service.nRestarts && m_announced.contains(key)) {
        if (*change.service.nRestarts > oldRestarts)
            noteUnitRestarts(key, *change.service.nRestarts - oldRestarts);
        else if (*change.service.nRestarts < oldRestarts)
            m_unitRestarts.remove(key); // a start asked for resets systemd's count
    }
    if (change.execStartInvalidated)
        fetchDetails(key);
    if (!m_announced.contains(key))
        return;
    emitChanged(key);
    // A new procServ gets its own retries: those spent while the old one went away must not
    // make its first moments (child not forked yet) show as "IOC shut down".
    if (oldMainPid != ioc.mainPid)
        m_prober->resetRetries(key);
    const bool becameActive = oldActive != ioc.activeState && ioc.isActive();
    if (m_probeConsoles && ioc.isActive() && (becameActive || oldMainPid != ioc.mainPid)) {
        // procServ opens its console right after it starts; give it a moment.
        QTimer::singleShot(300, this, [this, key] { probeChildState({ key }); });
    }
    if (!ioc.isActive() && ioc.childState != ChildState::Unknown) {
        ioc.childState = ChildState::Unknown;
        ioc.childPid = 0;
    }
}

void Inventory::handleUnitFilesChanged()
{
    // systemd says this after EnableUnitFiles/DisableUnitFiles and the like, naming no unit;
    // UnitFileState emits no PropertiesChanged. This reads only the counters of every loaded
    // row again (refreshStats() does not read UnitFileState): the new UnitFileState comes with
    // the listing that the daemon reload following an enable or disable starts
    // (handleReloading()); one made without a reload shows at the next listing.
    refreshStats(m_iocs.keys());
}

void Inventory::handleReloading(bool active)
{
    m_reloading = active;
    if (active)
        return;
    // A reload is how changed environment files take effect: read them again.
    m_files->expireAll();
    m_notIocs.clear();
    // A daemon reload can add, remove or rewrite unit files: list again and diff, without
    // touching ready(). Bursts of reloads (a deployment) give one listing.
    if (!m_relistTimer.isActive())
        m_relistTimer.start();
}

void Inventory::refreshStats(const QStringList &keys)
{
    QStringList paths;
    for (const QString &key : keys) {
        const auto it = m_iocs.constFind(key);
        if (it != m_iocs.constEnd() && it->isLoaded())
            paths.append(it->unitPath);
    }
    if (paths.isEmpty() || !m_host->manager())
        return;
    m_host->manager()->unitStats(
            paths, this, [this](const QString &path, quint64 memory, quint64 cpu, uint tasks) {
                Q_UNUSED(tasks)
                const QString key = m_keyByPath.value(path);
                if (key.isEmpty() || !m_iocs.contains(key))
                    return;
                Ioc &ioc = m_iocs[key];
                if (ioc.memoryBytes != memory || ioc.cpuNSec != cpu) {
                    ioc.memoryBytes = memory;
                    ioc.cpuNSec = cpu;
                    emitChanged(key);
                }
            });
}

void Inventory::run(UnitAction action, const QString &key, QObject *context,
                    std::function<void(const JobResult &)> done)
{
    const auto it = m_iocs.constFind(key);
    if (it == m_iocs.constEnd() || !m_announced.contains(key) || !m_host->manager()) {
        JobResult result;
        result.unit = unitNameFromKey(key);
        result.action = action;
        result.result = QStringLiteral("error");
        result.message = m_host->manager()
                ? tr("There is no IOC %1 on %2.").arg(result.unit, m_host->displayName())
                : tr("%1 is not connected.").arg(m_host->displayName());
        QTimer::singleShot(0, context, [done = std::move(done), result] { done(result); });
        return;
    }
    // A static unit (no [Install] section) has no links to make or remove: DisableUnitFiles
    // answers with no changes, which would read as success.
    if ((action == UnitAction::Enable || action == UnitAction::Disable)
        && it->unitFileState == QLatin1String("static")) {
        JobResult result;
        result.unit = it->unit;
        result.action = action;
        result.result = QStringLiteral("skipped");
        const QString name = it->name.isEmpty() ? it->unit : it->name;
        result.message = action == UnitAction::Disable
                ? tr("%1 cannot be disabled: its unit has no [Install] section (static)").arg(name)
                : tr("%1 cannot be enabled: its unit has no [Install] section (static)").arg(name);
        QTimer::singleShot(0, context, [done = std::move(done), result] { done(result); });
        return;
    }
    m_host->manager()->run(action, it->unit, context, std::move(done));
}

void Inventory::emitChanged(const QString &key)
{
    m_changed.insert(key);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void Inventory::flushChanged()
{
    const QSet<QString> changed = std::exchange(m_changed, {});
    for (const QString &key : changed) {
        const auto it = m_iocs.find(key);
        if (it == m_iocs.end() || !m_announced.contains(key))
            continue;
        if (m_childTracker) {
            m_childTracker->track(*it);
            m_childTracker->apply(*it);
        }
        applyUnitRestarts(*it);
        emit iocChanged(*it);
    }
}

void Inventory::readQueuedChildren()
{
    // A listing reads them all at once, when every row it asked for is in.
    if (m_childReadQueue.isEmpty()
        || (!m_ready
            && (!m_loadedListed || !m_listingDetails.isEmpty()
                || !m_listingWaitsForFiles.isEmpty())))
        return;
    const QHash<QString, ChildRead> batch = std::exchange(m_childReadQueue, {});
    QList<quint32> pids;
    QStringList logFiles;
    for (const ChildRead &read : batch) {
        if (read.fromProc && read.mainPid != 0 && !pids.contains(read.mainPid))
            pids << read.mainPid;
        if (!read.logFile.isEmpty())
            logFiles << read.logFile;
    }
    ++m_childReadsRunning;
    const quint64 generation = m_generation;
    m_remoteChildren->read(
            pids, logFiles,
            [this, batch, generation](const RemoteChildReader::Result &files,
                                      const RemoteChildReader::Logs &logs, const QString &error) {
                --m_childReadsRunning;
                if (!error.isEmpty())
                    qCDebug(lcInventory)
                            << "reading the children on" << m_host->id() << "failed:" << error;
                const QDateTime now = QDateTime::currentDateTimeUtc();
                for (auto it = batch.cbegin(); it != batch.cend(); ++it) {
                    const auto row = m_iocs.find(it.key());
                    // A row gone, stopped or with another procServ since: its own reading
                    // (or probe) tells.
                    if (generation != m_generation || row == m_iocs.end() || !row->isActive()
                        || row->mainPid != it->mainPid)
                        continue;
                    if (it->fromProc) {
                        const ProcChild::Files read = files.value(it->mainPid);
                        if (error.isEmpty() && ProcChild::judge(read, *row, now)) {
                            ProcChild::applyTimes(read, *row);
                        } else if (m_probeConsoles) {
                            // Right after a start, not procServ itself, or the command
                            // failed: the banner decides (unknown when it cannot be read
                            // either).
                            m_prober->probe(it.key(), !m_ready);
                        }
                    }
                    applyRemoteLog(*row, logs);
                    emitChanged(it.key());
                }
                checkReady();
            });
}

void Inventory::checkReady()
{
    requestUnitFiles();
    if (m_remoteChildren)
        readQueuedChildren();
    if (m_ready || !m_loadedListed || !m_filesListed || !m_listingDetails.isEmpty()
        || m_prober->waiting() > 0 || !m_listingWaitsForFiles.isEmpty()
        || !m_childReadQueue.isEmpty() || m_childReadsRunning > 0)
        return;
    m_ready = true;
    flushChanged();
    emit ready();
}

int Inventory::ownConsoleClients(const Ioc &ioc, qint64 connectStartedNs, int usersSeen) const
{
    // The ChildTracker's observer is the only console connection held here (ChildProber's
    // banner probe connects and leaves at once).
    return m_childTracker
            ? m_childTracker->consoleClientsCounted(ioc.key(), connectStartedNs, usersSeen)
            : 0;
}

ConsoleSession *Inventory::openConsole(const Ioc &ioc, bool readOnly, QObject *parent) const
{
    return createIocConsole(*m_host, ioc, readOnly, parent);
}

std::shared_ptr<void> Inventory::reserveConsole(const Ioc &ioc) const
{
    const ConsoleRoute route = m_host->consoleRoute(ioc.console);
    if (!route.sharedPrepare)
        return {};
    route.sharedPrepare->ensure(route.sharedPrepare.get(), [](const QString &, int) {});
    return route.sharedPrepare;
}

QStringList Inventory::logCommand(const Ioc &ioc, bool follow, int lines, const QString &since,
                                  const QString &until, bool timestamps) const
{
    return iocLogCommand(*m_host, ioc, follow, lines, since, until, timestamps);
}
