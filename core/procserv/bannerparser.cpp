// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/procserv/bannerparser.h"

#include <QLocale>
#include <QRegularExpression>

#include <utility>

namespace {

// A line longer than this without a newline is IOC output, not procServ's: keep only its tail
// (a procServ message may still follow an unterminated prompt on the same line).
constexpr int s_maxPartial = 4096;
constexpr int s_keepTail = 512;

// "%c" read field by field: QLocale's format parser cost most of a banner's handling when the
// consoles of hundreds of IOCs answered at once. Null unless the text is exactly that format
// with a weekday that fits the date; the caller then asks QLocale.
QDateTime parseCTime(const QString &simplified)
{
    const QStringList parts = simplified.split(QLatin1Char(' '));
    if (parts.size() != 5 || parts.at(3).size() != 8 || parts.at(3).at(2) != QLatin1Char(':')
        || parts.at(3).at(5) != QLatin1Char(':'))
        return {};
    static const QStringList months{
        QStringLiteral("Jan"), QStringLiteral("Feb"), QStringLiteral("Mar"), QStringLiteral("Apr"),
        QStringLiteral("May"), QStringLiteral("Jun"), QStringLiteral("Jul"), QStringLiteral("Aug"),
        QStringLiteral("Sep"), QStringLiteral("Oct"), QStringLiteral("Nov"), QStringLiteral("Dec")
    };
    static const QStringList days{ QStringLiteral("Mon"), QStringLiteral("Tue"),
                                   QStringLiteral("Wed"), QStringLiteral("Thu"),
                                   QStringLiteral("Fri"), QStringLiteral("Sat"),
                                   QStringLiteral("Sun") };
    const int month = int(months.indexOf(parts.at(1))) + 1;
    bool ok[5] = {};
    const int day = parts.at(2).toInt(&ok[0]);
    const int hour = QStringView(parts.at(3)).mid(0, 2).toInt(&ok[1]);
    const int minute = QStringView(parts.at(3)).mid(3, 2).toInt(&ok[2]);
    const int second = QStringView(parts.at(3)).mid(6, 2).toInt(&ok[3]);
    const int year = parts.at(4).toInt(&ok[4]);
    if (month < 1 || !(ok[0] && ok[1] && ok[2] && ok[3] && ok[4]) || parts.at(4).size() != 4)
        return {};
    const QDate date(year, month, day);
    const QTime time(hour, minute, second);
    if (!date.isValid() || !time.isValid() || days.indexOf(parts.at(0)) != date.dayOfWeek() - 1)
        return {};
    return QDateTime(date, time);
}

QDateTime parseProcServTime(const QString &text)
{
    // procServ's default --timefmt is "%c": "Wed Nov 25 12:01:57 2026" (day space-padded).
    const QString simplified = text.simplified();
    QDateTime dt = parseCTime(simplified);
    if (!dt.isValid())
        dt = QLocale::c().toDateTime(simplified, QStringLiteral("ddd MMM d HH:mm:ss yyyy"));
    if (!dt.isValid())
        dt = QDateTime::fromString(simplified, Qt::ISODate);
    return dt;
}

} // namespace

QDateTime ProcServStateTracker::parseTime(const QString &text)
{
    return parseProcServTime(text);
}

QDateTime ProcServStateTracker::hostTime(const QString &text) const
{
    QDateTime time = parseProcServTime(text);
    if (time.isValid() && m_hostUtcOffset && time.timeSpec() == Qt::LocalTime) {
        time.setOffsetFromUtc(*m_hostUtcOffset); // the same date and time, on that host's clock
        time = time.toLocalTime(); // shown as every other time is
    }
    return time;
}

bool ProcServStateTracker::isCounted(const QDateTime &time) const
{
    return !m_countSince.isValid() || time >= m_countSince;
}

void ProcServStateTracker::feed(const QByteArray &data)
{
    int start = 0;
    while (true) {
        const int nl = data.indexOf('\n', start);
        if (nl < 0)
            break;
        if (m_partial.isEmpty()) {
            handleLine(data.mid(start, nl - start));
        } else {
            m_partial.append(data.constData() + start, nl - start);
            handleLine(m_partial);
            m_partial.clear();
        }
        start = nl + 1;
    }
    if (start < data.size()) {
        m_partial.append(data.constData() + start, data.size() - start);
        if (m_partial.size() > s_maxPartial)
            m_partial = m_partial.right(s_keepTail);
    }
}

void ProcServStateTracker::beginConnection()
{
    m_partial.clear();
    update(m_bannerComplete, false);
}

void ProcServStateTracker::markBannerComplete()
{
    // A trailing banner line without newline cannot exist (all end in \r\n), but finish any
    // partial line so nothing is held back.
    update(m_bannerComplete, true);
}

void ProcServStateTracker::reset()
{
    const std::optional<int> offset = m_hostUtcOffset;
    *this = ProcServStateTracker();
    m_hostUtcOffset = offset;
    m_changed = true;
}

bool ProcServStateTracker::takeChanged()
{
    const bool changed = m_changed;
    m_changed = false;
    return changed;
}

void ProcServStateTracker::setChildState(ChildState state)
{
    update(m_childState, state);
}

void ProcServStateTracker::setChildPid(quint32 pid)
{
    update(m_childPid, pid);
}

void ProcServStateTracker::setAutoRestart(AutoRestart mode)
{
    update(m_autoRestart, mode);
}

void ProcServStateTracker::handleLine(const QByteArray &rawLine)
{
    // Everything procServ says starts with "@@@ "; child output rarely does. The message may
    // follow an unterminated prompt on the same line, so look for it anywhere.
    const int at = rawLine.indexOf("@@@ ");
    if (at < 0) {
        // The IOC's own output: an EPICS IOC says this once iocInit is done.
        if (m_readiness != Readiness::Ready && rawLine.contains(kIocInitDone))
            update(m_readiness, Readiness::Ready);
        return;
    }
    QByteArray bytes = rawLine.mid(at);
    while (bytes.endsWith('\r'))
        bytes.chop(1);
    const QString line = QString::fromUtf8(bytes);

    static const QRegularExpression childPid(QStringLiteral("@@@ Child \"(.*)\" PID: (\\d+)$"));
    static const QRegularExpression newChildPid(
            QStringLiteral("@@@ The PID of new child \"(.*)\" is: (\\d+)$"));
    static const QRegularExpression shutDown(QStringLiteral("@@@ Child \"(.*)\" is SHUT DOWN$"));
    static const QRegularExpression restarting(QStringLiteral("@@@ Restarting child \"(.*)\"$"));
    static const QRegularExpression sigChild(
            QStringLiteral("@@@ Received a sigChild for process (\\d+)\\.\\s*(.*)$"));
    static const QRegularExpression shuttingDown(
            QStringLiteral("@@@ Child process is shutting down, (.*)$"));
    static const QRegularExpression restartHint(
            QStringLiteral("@@@ \\S+ or \\S+ restarts the child, \\S+ quits the server"));
    static const QRegularExpression autoRestartIs(
            QStringLiteral("auto restart (?:mode )?is (ON|OFF|ONESHOT)\\b"));
    static const QRegularExpression toggled(
            QStringLiteral("@@@ Toggled auto restart (?:mode )?to (ON|OFF|ONESHOT)\\b"));
    static const QRegularExpression serverPid(QStringLiteral("@@@ procServ server PID: (\\d+)"));
    static const QRegularExpression welcome(QStringLiteral("@@@ Welcome to procServ \\((.*)\\)$"));
    static const QRegularExpression version(QStringLiteral("(\\d+\\.\\d+(?:\\.\\d+)?\\S*)$"));
    static const QRegularExpression users(
            QStringLiteral("@@@ (\\d+) user\\(s\\) and (\\d+) logger\\(s\\) connected"));
    static const QRegularExpression childStarted(
            QStringLiteral("@@@ Child \"(.*)\" started at: (.*)$"));
    static const QRegularExpression serverStarted(
            QStringLiteral("@@@ procServ server started at: (.*)$"));
    static const QRegularExpression currentTime(QStringLiteral("@@@ Current time: (.*)$"));
    static const QRegularExpression exitStatus(QStringLiteral("exit status = (-?\\d+)"));
    static const QRegularExpression killedBy(QStringLiteral("killed by signal (\\d+)"));

    auto mode = [](const QString &word) {
        if (word == QLatin1String("ON"))
            return AutoRestart::On;
        if (word == QLatin1String("OFF"))
            return AutoRestart::Off;
        return AutoRestart::OneShot;
    };

    QRegularExpressionMatch m;
    if ((m = childPid.match(line)).hasMatch()) {
        update(m_childName, m.captured(1));
        // A child whose start this stream did not see: whether it finished iocInit is unknown.
        if (m.captured(2).toUInt() != m_childPid)
            update(m_readiness, Readiness::Unknown);
        setChildPid(m.captured(2).toUInt());
        setChildState(ChildState::Running);
    } else if ((m = newChildPid.match(line)).hasMatch()) {
        update(m_childName, m.captured(1));
        setChildPid(m.captured(2).toUInt());
        setChildState(ChildState::Running);
        update(m_childStartedText, QString());
        const QDateTime now = QDateTime::currentDateTime();
        update(m_childStarted, m_useLoggedTimes ? m_exitAt : now);
        update(m_readiness, Readiness::Starting);
        // The first child of a procServ follows no exit: it is no restart. procServ's own
        // stop (SIGTERM) also says "shutting down", without a sigChild: within the second the
        // unit started, only an exit with a sigChild counts.
        if (std::exchange(m_exitPending, false)) {
            const bool counted = !m_countSince.isValid()
                    || (m_exitAt.isValid()
                        && (m_exitAt > m_countSince
                            || (m_exitAt == m_countSince && m_exitHadSigChild)));
            if (counted) {
                ++m_childRestarts;
                m_restartTimes.append(m_useLoggedTimes ? m_exitAt : now);
                while (m_restartTimes.size() > kRestartTimesKept)
                    m_restartTimes.removeFirst();
                m_changed = true;
            }
        }
        m_exitHadSigChild = false;
        m_exitAt = QDateTime();
    } else if ((m = shutDown.match(line)).hasMatch()) {
        update(m_childName, m.captured(1));
        setChildPid(0);
        setChildState(ChildState::ShutDown);
    } else if ((m = restarting.match(line)).hasMatch()) {
        update(m_childName, m.captured(1));
    } else if ((m = sigChild.match(line)).hasMatch()) {
        // A late sigChild of an older child must not mark the new one as down.
        const quint32 pid = m.captured(1).toUInt();
        const bool current = m_childPid == 0 || pid == m_childPid;
        if (current) {
            setChildPid(0);
            setChildState(ChildState::ShutDown);
        }
        const QString reason = m.captured(2).trimmed();
        update(m_lastExitReason, reason);
        ChildExit exit;
        QRegularExpressionMatch e;
        if ((e = exitStatus.match(reason)).hasMatch())
            exit.code = e.captured(1).toInt();
        else if ((e = killedBy.match(reason)).hasMatch())
            exit.signal = e.captured(1).toInt();
        if (current && !m_exitPending) {
            m_exitPending = true;
            m_exitAt = m_useLoggedTimes ? QDateTime() : QDateTime::currentDateTime();
        }
        if (current)
            m_exitHadSigChild = true;
        if (!m_useLoggedTimes) {
            exit.at = QDateTime::currentDateTime();
            update(m_lastExit, exit);
        } else {
            // Its time is the "Current time:" line around it.
            exit.at = m_exitAt;
            m_pendingExit = exit;
            m_exitTimeWanted = !exit.at.isValid();
            if (exit.at.isValid() && isCounted(exit.at))
                update(m_lastExit, exit);
        }
    } else if ((m = currentTime.match(line)).hasMatch()) {
        // Printed when the child ended (before "shutting down") and when procServ stops.
        const QDateTime time = hostTime(m.captured(1));
        if (time.isValid() && (!m_earliestLoggedTime.isValid() || time < m_earliestLoggedTime))
            m_earliestLoggedTime = time;
        m_lastLoggedTime = time;
        if (m_useLoggedTimes && m_exitPending && !m_exitAt.isValid())
            m_exitAt = time;
        if (m_useLoggedTimes && std::exchange(m_exitTimeWanted, false)) {
            m_pendingExit.at = time;
            if (time.isValid() && isCounted(time))
                update(m_lastExit, m_pendingExit);
        }
    } else if ((m = shuttingDown.match(line)).hasMatch()) {
        // Every end of the child says this (a sigChild line may come before or after it).
        if (!m_exitPending) {
            m_exitPending = true;
            m_exitAt = m_useLoggedTimes ? m_lastLoggedTime : QDateTime::currentDateTime();
        }
        setChildPid(0);
        setChildState(ChildState::ShutDown);
        if (m.captured(1).contains(QLatin1String("auto restart is disabled")))
            setAutoRestart(AutoRestart::Off);
    } else if (restartHint.match(line).hasMatch()) {
        // Only printed while no child runs.
        setChildPid(0);
        setChildState(ChildState::ShutDown);
    } else if ((m = toggled.match(line)).hasMatch()) {
        setAutoRestart(mode(m.captured(1)));
    } else if ((m = serverPid.match(line)).hasMatch()) {
        update(m_serverPid, m.captured(1).toUInt());
    } else if ((m = welcome.match(line)).hasMatch()) {
        const QString text = m.captured(1);
        const auto v = version.match(text);
        update(m_version, v.hasMatch() ? v.captured(1) : text);
    } else if ((m = users.match(line)).hasMatch()) {
        update(m_users, m.captured(1).toInt());
        update(m_loggers, m.captured(2).toInt());
        update(m_bannerComplete, true);
    } else if ((m = childStarted.match(line)).hasMatch()) {
        update(m_childName, m.captured(1));
        update(m_childStartedText, m.captured(2));
        update(m_childStarted, hostTime(m.captured(2)));
    } else if ((m = serverStarted.match(line)).hasMatch()) {
        update(m_serverStartedText, m.captured(1));
    } else if ((m = autoRestartIs.match(line)).hasMatch()) {
        setAutoRestart(mode(m.captured(1)));
    }
}
