// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/childtracker.h"

#include "core/hosts/host.h"
#include "core/ioc/iocaccess.h"
#include "core/ioc/procchild.h"
#include "core/procserv/consolesession.h"

#include <QFile>
#include <QLoggingCategory>

#include <chrono>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcChildTracker, "iocdock.childtracker", QtInfoMsg)

namespace {

// procServ waits --holdoff seconds (default 15) between starts of its child, checked with
// time() (whole seconds): any restarted child starts at least holdoff - 1 s after procServ
// itself. A child that started sooner is procServ's first one, however loaded the machine.
int holdoffSecs(const Ioc &ioc)
{
    return ProcChild::holdoffSecs(ioc);
}

QByteArray readProcFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Field 22 of /proc/PID/stat: start time in clock ticks since boot; -1 when unknown.
qint64 startTicks(quint32 pid)
{
    if (pid == 0)
        return -1;
    return ProcChild::startTicks(readProcFile(QStringLiteral("/proc/%1/stat").arg(pid)));
}

long clockTicks()
{
    static const long hz = ::sysconf(_SC_CLK_TCK);
    return hz;
}

// The current child is procServ's first one (so no restart happened yet): on the local
// host by start times in /proc, else by the banner's start times (second resolution).
bool isFirstChildLocal(quint32 procServPid, quint32 childPid, int holdoff)
{
    return ProcChild::isFirstChild(startTicks(procServPid), startTicks(childPid), clockTicks(),
                                   holdoff);
}

// The banner's times have whole seconds: one more second of doubt.
bool isFirstChildByBanner(const ProcServStateTracker &banner, int holdoff)
{
    if (banner.serverStartedAtText().isEmpty() || banner.childStartedAtText().isEmpty())
        return false;
    if (banner.serverStartedAtText() == banner.childStartedAtText() && holdoff >= 2)
        return true;
    const QDateTime server = ProcServStateTracker::parseTime(banner.serverStartedAtText());
    const QDateTime child = ProcServStateTracker::parseTime(banner.childStartedAtText());
    return server.isValid() && child.isValid() && server.secsTo(child) + 2 <= holdoff;
}

bool hasLogFile(const Ioc &ioc)
{
    return !ioc.logFile.isEmpty() && ioc.logFile != QLatin1String("-");
}

// How long after procServ's own start a child shown SHUT DOWN counts as not started yet.
constexpr qint64 s_firstChildWindowMs = 5000;

} // namespace

struct ChildTracker::Watch
{
    QString key;
    quint32 mainPid = 0;
    ConsoleEndpoint endpoint;
    bool onConsole = false; // the endpoint is the console, not the log port
    // This connection's banner on the console: when it arrived (steady clock, ns; -1 not yet)
    // and procServ's count of users in it (others before this observer).
    qint64 consoleBannerAt = -1;
    int consoleBannerUsers = -1;
    QString logFile;
    QDateTime activeSince;
    bool sawUnitStart = false;
    int holdoff = 15;
    ConsoleSession *session = nullptr;
    ProcServStateTracker state;
    bool bannerSeen = false;
    int banners = 0; // banners seen: a log read for an older one is not used
    quint32 latestChildPid = 0; // the newest child this connection named (banner or since)
    bool reconnecting = false;
    // Known before this connection's banner (from the log, the last connection, or 0).
    int baseRestarts = -1;
    QList<QDateTime> baseTimes;
    ChildExit baseExit;
    Readiness baseReadiness = Readiness::Unknown;
    quint32 baseReadinessPid = 0;
    // What apply() writes.
    ChildState childState = ChildState::Unknown;
    quint32 childPid = 0;
    QDateTime childSince;
    int restarts = -1;
    QList<QDateTime> times;
    ChildExit lastExit;
    Readiness readiness = Readiness::Unknown;
    bool crashLoop = false;
};

ChildTracker::ChildTracker(Host *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_created(QDateTime::currentDateTimeUtc())
{
    m_crashLoopTimer.setSingleShot(true);
    connect(&m_crashLoopTimer, &QTimer::timeout, this, &ChildTracker::handleCrashLoopTimer);
    if (!host->isLocal())
        m_remoteLogs = new RemoteChildReader(host, this);
}

ChildTracker::~ChildTracker()
{
    // The owner is being destroyed: tell it nothing more.
    blockSignals(true);
    const QStringList keys = m_watches.keys();
    for (const QString &key : keys)
        stopWatch(key);
}

void ChildTracker::track(const Ioc &ioc)
{
    const QString key = ioc.key();
    if (!ioc.isUp() || ioc.mainPid == 0) {
        // activating (auto-restart) and the like are "not up" too: the next start is seen.
        stopWatch(key);
        if (!ioc.isUp())
            m_seenDown.insert(key);
        return;
    }
    const ConsoleEndpoint endpoint = ioc.logPort.isValid() ? ioc.logPort : ioc.console;
    if (!endpoint.isValid()) {
        stopWatch(key);
        return;
    }
    Watch *watch = m_watches.value(key);
    if (watch && watch->mainPid == ioc.mainPid && watch->endpoint == endpoint)
        return;
    // A new procServ (its unit restarted) was seen starting when its unit was seen down, or
    // when the old procServ was followed.
    // A unit that became active after this tracker was made was followed from its start too
    // (procServ restarts a child a --holdoff of at least a second after it ended; the observer
    // connects well within that).
    const bool startedLater = ioc.activeSince.isValid() && ioc.activeSince >= m_created;
    const bool sawStart =
            m_seenDown.remove(key) || startedLater || (watch && watch->mainPid != ioc.mainPid);
    stopWatch(key);
    startWatch(ioc, sawStart);
}

void ChildTracker::forget(const QString &key)
{
    stopWatch(key);
    m_seenDown.remove(key);
}

qint64 ChildTracker::steadyNowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
}

int ChildTracker::consoleClientsCounted(const QString &key, qint64 connectStartedNs,
                                        int usersSeen) const
{
    const Watch *watch = m_watches.value(key);
    if (!watch || !watch->onConsole || !watch->session
        || watch->session->state() != ConsoleSession::State::Connected
        || watch->consoleBannerAt < 0)
        return 0; // not on the console now, or its banner not seen: not known to be counted
    // procServ had accepted this observer before the other connection was even begun.
    if (connectStartedNs >= 0 && watch->consoleBannerAt < connectStartedNs)
        return 1;
    // Both connected at about the same time: procServ's counts say who came first. The one
    // accepted second counts the first one too (one more than the first counted).
    if (usersSeen >= 0 && watch->consoleBannerUsers >= 0
        && usersSeen == watch->consoleBannerUsers + 1)
        return 1;
    return 0; // the other came first, or it cannot be told: not subtracted (warns rather)
}

void ChildTracker::startWatch(const Ioc &ioc, bool sawUnitStart)
{
    auto *watch = new Watch;
    watch->key = ioc.key();
    watch->mainPid = ioc.mainPid;
    watch->endpoint = ioc.logPort.isValid() ? ioc.logPort : ioc.console;
    watch->onConsole = !ioc.logPort.isValid();
    watch->logFile = hasLogFile(ioc) ? ioc.logFile : QString();
    watch->activeSince = ioc.activeSince;
    watch->sawUnitStart = sawUnitStart;
    watch->holdoff = holdoffSecs(ioc);
    watch->state.setHostUtcOffset(m_host->utcOffset());
    m_watches.insert(watch->key, watch);

    // Read-only: no telnet replies, no input. Reconnects on its own when the stream breaks.
    ConsoleSession *session = createIocConsole(*m_host, ioc, true, this);
    watch->session = session;
    const QString key = watch->key;
    connect(session, &ConsoleSession::dataReceived, this,
            [this, key](const QByteArray &data) { handleData(key, data); });
    connect(session, &ConsoleSession::bannerReceived, this, [this, key] { handleBanner(key); });
    connect(session, &ConsoleSession::reconnected, this, [this, key] { handleReconnected(key); });
    connect(session, &ConsoleSession::stateChanged, this, [this, key](ConsoleSession::State s) {
        Watch *w = m_watches.value(key);
        if (w && s != ConsoleSession::State::Connected)
            w->consoleBannerAt = -1; // that connection is gone
    });
    qCDebug(lcChildTracker) << "following" << key << "through" << session->targetDescription();
    session->open();
}

void ChildTracker::stopWatch(const QString &key)
{
    Watch *watch = m_watches.take(key);
    if (!watch)
        return;
    if (watch->session) {
        // Closing writes nothing to procServ.
        watch->session->disconnect(this);
        watch->session->close();
        watch->session->deleteLater();
    }
    const bool wasShown = watch->bannerSeen;
    delete watch;
    if (wasShown)
        emit childChanged(key);
}

void ChildTracker::handleReconnected(const QString &key)
{
    Watch *watch = m_watches.value(key);
    if (!watch)
        return;
    // What happened while the stream was down was not seen: keep the count only when the
    // banner shows the same child as before.
    watch->reconnecting = true;
    watch->state = ProcServStateTracker();
    watch->state.setHostUtcOffset(m_host->utcOffset()); // of the connection now
    watch->consoleBannerAt = -1;
    watch->consoleBannerUsers = -1;
}

void ChildTracker::handleData(const QString &key, const QByteArray &data)
{
    Watch *watch = m_watches.value(key);
    if (!watch)
        return;
    watch->state.feed(data);
    if (watch->state.childPid() != 0)
        watch->latestChildPid = watch->state.childPid();
    if (watch->state.takeChanged() && watch->bannerSeen && !watch->reconnecting)
        updateFacts(watch);
}

void ChildTracker::handleBanner(const QString &key)
{
    Watch *watch = m_watches.value(key);
    if (!watch)
        return;
    const ProcServStateTracker &state = watch->state;
    if (watch->onConsole) {
        watch->consoleBannerAt = steadyNowNs();
        watch->consoleBannerUsers = state.users();
    }
    const bool local = m_host->isLocal();
    const bool again = std::exchange(watch->reconnecting, false);
    watch->baseRestarts = -1;
    watch->baseTimes.clear();
    watch->baseExit = ChildExit();
    watch->baseReadiness = Readiness::Unknown;
    if (again && watch->restarts >= 0 && state.childPid() == watch->childPid) {
        // The same child as before the stream broke: nothing restarted meanwhile.
        watch->baseRestarts = watch->restarts;
        watch->baseTimes = watch->times;
        watch->baseExit = watch->lastExit;
        watch->baseReadiness = watch->readiness;
        watch->baseReadinessPid = watch->childPid;
    } else if (!again && watch->sawUnitStart) {
        watch->baseRestarts = 0;
    } else if (state.childPid() != 0
               && (local ? isFirstChildLocal(watch->mainPid, state.childPid(), watch->holdoff)
                         : isFirstChildByBanner(state, watch->holdoff))) {
        watch->baseRestarts = 0;
    } else if (local && !watch->logFile.isEmpty()) {
        ProcServStateTracker log;
        if (readLogFile(watch->logFile, watch->activeSince, &log)) {
            watch->baseRestarts = log.childRestarts();
            watch->baseTimes = log.restartTimes();
            watch->baseExit = log.lastExit();
            watch->baseReadiness = log.readiness();
            watch->baseReadinessPid = log.childPid();
        }
    } else if (m_remoteLogs && RemoteChildReader::isReadableLogPath(watch->logFile)) {
        // Read on the host, with the other IOCs' banners of the moment: one command.
        if (m_logReadQueue.isEmpty())
            QTimer::singleShot(0, this, &ChildTracker::readRemoteLogs);
        m_logReadQueue.insert(key, watch->banners + 1);
    }
    ++watch->banners;
    watch->latestChildPid = state.childPid();
    watch->bannerSeen = true;
    updateFacts(watch);
}

void ChildTracker::readRemoteLogs()
{
    const QHash<QString, int> batch = std::exchange(m_logReadQueue, {});
    QStringList logs;
    for (auto it = batch.cbegin(); it != batch.cend(); ++it) {
        if (const Watch *watch = m_watches.value(it.key()))
            logs << watch->logFile;
    }
    if (logs.isEmpty())
        return;
    m_remoteLogs->read({}, logs,
                       [this, batch](const RemoteChildReader::Result &,
                                     const RemoteChildReader::Logs &read, const QString &error) {
                           if (!error.isEmpty()) {
                               qCDebug(lcChildTracker) << "reading the logs failed:" << error;
                               return; // the counts stay unknown
                           }
                           for (auto it = batch.cbegin(); it != batch.cend(); ++it)
                               applyRemoteLog(it.key(), it.value(), read);
                       });
}

void ChildTracker::applyRemoteLog(const QString &key, int banner,
                                  const RemoteChildReader::Logs &read)
{
    Watch *watch = m_watches.value(key);
    // Another banner since (a reconnection), or the count known meanwhile: not for this one.
    if (!watch || watch->banners != banner || watch->baseRestarts >= 0)
        return;
    const auto text = read.lines.constFind(watch->logFile);
    if (text == read.lines.constEnd())
        return;
    // The log was read after the banner: the restarts this connection has shown since are
    // in it too. Read it up to the line that started the newest child the connection named
    // (all of it when none was named: the banner said SHUT DOWN and nothing came since), and
    // take away what the connection saw.
    qsizetype end = text->size() - 1;
    if (watch->latestChildPid != 0) {
        const QByteArray started =
                QByteArrayLiteral("\" is: ") + QByteArray::number(watch->latestChildPid);
        end = -1;
        for (qsizetype at = text->indexOf(started); at >= 0; at = text->indexOf(started, at + 1)) {
            const qsizetype next = at + started.size();
            if (next == text->size() || text->at(next) == '\r' || text->at(next) == '\n')
                end = text->indexOf('\n', next);
        }
        if (end < 0)
            return; // that child's start is not in the part read
    }
    ProcServStateTracker log;
    if (read.utcOffset)
        log.setHostUtcOffset(*read.utcOffset);
    const ProcServStateTracker &seen = watch->state;
    if (!readLog(text->left(end + 1), read.cut.contains(watch->logFile), watch->activeSince, &log)
        || log.childPid() != watch->latestChildPid || log.childRestarts() < seen.childRestarts())
        return; // not the same story: the count stays unknown
    watch->baseRestarts = log.childRestarts() - seen.childRestarts();
    const QList<QDateTime> times = log.restartTimes();
    watch->baseTimes = times.mid(0, qMax(0, int(times.size()) - int(seen.restartTimes().size())));
    watch->baseExit = log.lastExit();
    watch->baseReadiness = log.readiness();
    watch->baseReadinessPid = log.childPid();
    updateFacts(watch);
}

void ChildTracker::updateFacts(Watch *watch)
{
    const ProcServStateTracker &state = watch->state;
    const QDateTime now = QDateTime::currentDateTime();
    watch->childState = state.childState();
    watch->childPid = state.childPid();
    QDateTime since;
    if (watch->childPid != 0 && m_host->isLocal())
        since = processStartTime(watch->childPid);
    if (!since.isValid() && watch->childPid != 0)
        since = state.childStartedAt();
    watch->childSince = watch->childPid != 0 ? since : QDateTime();
    watch->restarts = watch->baseRestarts < 0 ? -1 : watch->baseRestarts + state.childRestarts();
    watch->times = watch->baseTimes + state.restartTimes();
    while (watch->times.size() > Ioc::recentRestartsKept)
        watch->times.removeFirst();
    watch->lastExit = state.lastExit().isValid() ? state.lastExit() : watch->baseExit;
    watch->readiness = state.readiness();
    if (watch->readiness == Readiness::Unknown && watch->baseReadinessPid == watch->childPid)
        watch->readiness = watch->baseReadiness;
    watch->crashLoop = isCrashLoop(watch->times, now);
    // procServ shows its child SHUT DOWN for about half a second after it started, before it
    // starts the first one (measured with 2.7.0): that is an IOC starting, not one shut down.
    // Once the window has passed without a child (procServ -w waits for a command), it is.
    const QDateTime procServSince = m_host->isLocal() && watch->mainPid != 0
            ? processStartTime(watch->mainPid)
            : watch->activeSince;
    if (watch->childState == ChildState::ShutDown && watch->childPid == 0
        && state.childRestarts() == 0 && !state.lastExit().isValid() && procServSince.isValid()) {
        const qint64 left = s_firstChildWindowMs - procServSince.msecsTo(now);
        if (left > 0) {
            watch->childState = ChildState::Unknown;
            watch->readiness = Readiness::Starting;
            QTimer::singleShot(int(left) + 50, this, [this, key = watch->key] {
                if (Watch *again = m_watches.value(key); again && again->bannerSeen)
                    updateFacts(again);
            });
        }
    }
    qCDebug(lcChildTracker) << watch->key << "child" << watch->childPid << "restarts"
                            << watch->restarts << "last exit" << watch->lastExit.text();
    if (watch->crashLoop) {
        // The loop ends when enough of its restarts have left the window.
        const QDateTime ends = crashLoopEnd(watch->times);
        const qint64 ms = qBound<qint64>(1000LL, now.msecsTo(ends), 3600LL * 1000);
        if (!m_crashLoopTimer.isActive() || m_crashLoopTimer.remainingTime() > ms)
            m_crashLoopTimer.start(int(ms));
    }
    emit childChanged(watch->key);
}

void ChildTracker::handleCrashLoopTimer()
{
    for (Watch *watch : std::as_const(m_watches)) {
        if (watch->crashLoop && watch->bannerSeen)
            updateFacts(watch);
    }
}

void ChildTracker::apply(Ioc &ioc) const
{
    if (!ioc.isUp()) {
        // A stopped unit has no child: nothing of the last one is current.
        ioc.childSince = QDateTime();
        ioc.childRestarts = -1;
        ioc.childRestartsSeen = 0;
        ioc.recentRestarts.clear();
        ioc.lastExit = ChildExit();
        ioc.readiness = Readiness::Unknown;
        ioc.childCrashLoop = false;
        return;
    }
    const Watch *watch = m_watches.value(ioc.key());
    if (!watch || !watch->bannerSeen)
        return;
    ioc.childState = watch->childState;
    ioc.childPid = watch->childPid;
    ioc.childSince = watch->childSince;
    ioc.childRestarts = watch->restarts;
    ioc.childRestartsSeen = watch->restarts < 0 ? watch->state.childRestarts() : 0;
    ioc.recentRestarts = watch->times;
    ioc.lastExit = watch->lastExit;
    ioc.readiness = watch->readiness;
    ioc.childCrashLoop = watch->crashLoop;
}

void ChildTracker::applyBanner(Ioc &ioc, const ProcServStateTracker &banner)
{
    if (banner.childPid() == 0)
        return;
    ioc.childSince = banner.childStartedAt();
    if (isFirstChildByBanner(banner, holdoffSecs(ioc)))
        ioc.childRestarts = 0;
}

void ChildTracker::readOnce(Ioc &ioc, bool localHost)
{
    if (!ioc.isUp() || !localHost)
        return;
    const bool first =
            ioc.childPid != 0 && isFirstChildLocal(ioc.mainPid, ioc.childPid, holdoffSecs(ioc));
    if (ioc.childPid != 0)
        ioc.childSince = processStartTime(ioc.childPid);
    if (first)
        ioc.childRestarts = 0;
    ProcServStateTracker log;
    if (hasLogFile(ioc) && readLogFile(ioc.logFile, ioc.activeSince, &log))
        applyLog(ioc, log, first);
}

void ChildTracker::applyLog(Ioc &ioc, const ProcServStateTracker &log, bool firstChild)
{
    ioc.childRestarts = firstChild ? 0 : log.childRestarts();
    ioc.recentRestarts = log.restartTimes();
    ioc.lastExit = log.lastExit();
    if (ioc.childPid != 0 && log.childPid() == ioc.childPid)
        ioc.readiness = log.readiness();
    ioc.childCrashLoop = isCrashLoop(ioc.recentRestarts, QDateTime::currentDateTime());
}

bool ChildTracker::readLogFile(const QString &path, const QDateTime &since,
                               ProcServStateTracker *state)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const qint64 size = file.size();
    const bool cut = size > maxLogBytes;
    if (cut && !file.seek(size - maxLogBytes))
        return false;
    QByteArray data = file.read(maxLogBytes);
    if (cut) {
        // The cut fell inside a line: start after it.
        data = data.mid(data.indexOf('\n') + 1);
    }
    return readLog(data, cut, since, state);
}

bool ChildTracker::readLog(const QByteArray &data, bool cut, const QDateTime &since,
                           ProcServStateTracker *state)
{
    // procServ's log times are local times of its host, second resolution (the host's
    // offset from UTC, when given, is set on the state already).
    QDateTime from;
    if (since.isValid())
        from = since.addMSecs(-since.time().msec());
    state->setUseLoggedTimes(true);
    state->setCountSince(from);
    state->feed(data);
    state->feed(QByteArrayLiteral("\n"));
    // A log cut before the unit started is complete for this run; one cut after is not.
    if (cut && from.isValid() && !state->sawTimeBefore(from))
        return false;
    return true;
}

bool ChildTracker::readChildFromProc(Ioc &ioc)
{
    // The rules are ProcChild's, the same for an SSH host's /proc (RemoteChildReader).
    return ProcChild::judge(ProcChild::readLocal(ioc.mainPid), ioc,
                            QDateTime::currentDateTimeUtc());
}

QDateTime ChildTracker::processStartTime(quint32 pid)
{
    return ProcChild::startTime(startTicks(pid),
                                ProcChild::bootTime(readProcFile(QStringLiteral("/proc/stat"))),
                                clockTicks());
}
