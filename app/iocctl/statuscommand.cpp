// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "app/iocctl/statuscommand.h"

#include "core/fleet/fleet.h"
#include "core/fleet/iocresolver.h"
#include "core/ioc/iocformat.h"
#include "core/ioc/iocruntime.h"
#include "core/ioc/logsession.h"
#include "core/ioc/logsource.h"

#include <QHash>
#include <QLocale>
#include <QTimer>

#include <memory>

namespace {

constexpr int logTimeoutMs = 10000;

QString orUnknown(const QString &text)
{
    return text.isEmpty() ? StatusCommand::tr("unknown") : text;
}

QString timeText(const QDateTime &at, const QDateTime &now)
{
    if (!at.isValid())
        return {};
    return StatusCommand::tr("since %1; %2 ago")
            .arg(at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                 IocFormat::humanDuration(at.secsTo(now)));
}

} // namespace

StatusCommand::StatusCommand(QObject *parent)
    : Command(QStringLiteral("status"),
              tr("Show an IOC's unit, procServ, child and recent log, as systemctl status."),
              parent)
{}

QString StatusCommand::usage() const
{
    return tr("[-n LINES] NAME|GLOB...");
}

void StatusCommand::addOptions(QCommandLineParser &parser)
{
    parser.addPositionalArgument(QStringLiteral("names"),
                                 tr("IOC names, unit names or globs (quote globs: 'motor*')."),
                                 tr("NAME|GLOB..."));
    parser.addOption(QCommandLineOption({ QStringLiteral("n"), QStringLiteral("lines") },
                                        tr("Show the last N lines of each IOC's log (default "
                                           "5; 0: none), from where 'iocctl logs' reads it."),
                                        tr("N")));
}

QString StatusCommand::helpEpilog() const
{
    return tr("Facts that cannot be read are shown as \"unknown\", never guessed.");
}

QString StatusCommand::exitCodesText() const
{
    return tr("Exit codes (as systemctl status): 0 every IOC named is active, 3 at least one is "
              "not, 4 a name is no IOC; 2 usage error; 4 or 5 a host could not be reached or "
              "timed out.");
}

int StatusCommand::run(const QCommandLineParser &parser)
{
    m_words = parser.positionalArguments();
    if (m_words.isEmpty()) {
        printError(tr("'status' needs at least one IOC name."));
        return UsageError;
    }
    if (parser.isSet(QStringLiteral("lines"))) {
        bool ok = false;
        m_lines = parser.value(QStringLiteral("lines")).toInt(&ok);
        if (!ok || m_lines < 0) {
            printError(tr("-n needs a number of lines (0 or more), not \"%1\".")
                               .arg(parser.value(QStringLiteral("lines"))));
            return UsageError;
        }
    }
    InventoryOptions options;
    options.includeUnitFiles = true;
    options.probeConsoles = true;
    loadInventory(options, [this] { collect(); });
    return Pending;
}

void StatusCommand::collect()
{
    const QList<Ioc> listed = allIocs();
    for (const QString &word : std::as_const(m_words)) {
        const IocResolver::Result result = IocResolver(listed).resolve({ word }, false);
        if (!result.isOk()) {
            m_anyUnknown = true;
            printError(result.errorString);
            err() << tr("hint: %1").arg(notFoundHint()) << Qt::endl;
            continue;
        }
        for (const Ioc &ioc : result.iocs) {
            bool seen = false;
            for (const Ioc &had : std::as_const(m_iocs))
                seen = seen || had.key() == ioc.key();
            if (!seen)
                m_iocs << ioc;
        }
    }
    // Stopped IOCs systemd has not loaded: their command line and console, as inspect reads them.
    QHash<IocRuntime *, QStringList> unloaded;
    for (const Ioc &ioc : std::as_const(m_iocs)) {
        if (IocRuntime *runtime = runtimeFor(ioc))
            unloaded[runtime] << ioc.key();
    }
    auto remaining = std::make_shared<int>(int(unloaded.size()) + 1);
    auto next = [this, remaining] {
        if (--*remaining == 0)
            printNext();
    };
    for (auto it = unloaded.constBegin(); it != unloaded.constEnd(); ++it)
        it.key()->readUnloaded(it.value(), this, next);
    next();
}

void StatusCommand::printNext()
{
    if (m_next >= m_iocs.size()) {
        finish(m_anyUnknown ? NoSuchIoc : (m_anyInactive ? NotActive : AllActive));
        return;
    }
    const Ioc listed = m_iocs.at(m_next++);
    IocRuntime *runtime = runtimeFor(listed);
    const Ioc ioc =
            runtime && runtime->contains(listed.key()) ? runtime->ioc(listed.key()) : listed;
    if (!ioc.isActive())
        m_anyInactive = true;
    if (m_lines == 0 || !runtime) {
        printBlock(ioc, {}, {});
        printNext();
        return;
    }
    // The last lines, from the source `iocctl logs` reads; bounded so one slow host does not
    // hold the others' blocks.
    auto lines = std::make_shared<QStringList>();
    auto done = std::make_shared<bool>(false);
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    auto end = [this, ioc, lines, done, timer](const QString &note) {
        if (*done)
            return;
        *done = true;
        timer->stop();
        timer->deleteLater();
        printBlock(ioc, *lines, note);
        // Not from within the log's own signal: it is deleted below.
        QTimer::singleShot(0, this, &StatusCommand::printNext);
    };
    const QStringList argv = runtime->logCommand(ioc, false, m_lines);
    if (!argv.isEmpty()) {
        auto *session = new LogSession(this);
        session->setDelivery(LogSession::Delivery::Lines);
        connect(session, &LogSession::linesReceived, this,
                [lines](const QString &text) { *lines += text.split(QLatin1Char('\n')); });
        auto notices = std::make_shared<QStringList>();
        connect(session, &LogSession::noticeReceived, this,
                [notices](const QString &line) { *notices << LogSession::describeNotice(line); });
        connect(session, &LogSession::finished, this, [session, notices, end] {
            const bool ok =
                    session->ending() == LogSession::Ending::Exited && session->exitCode() == 0;
            // tail's or journalctl's own words say why (no such file, no permission).
            end(ok ? QString()
                   : (notices->isEmpty() ? session->endMessage()
                                         : notices->join(QStringLiteral("; "))));
            session->deleteLater();
        });
        connect(timer, &QTimer::timeout, this, [session, end] {
            session->stop();
            session->deleteLater();
            end(tr("the log did not answer within %n second(s)", nullptr, logTimeoutMs / 1000));
        });
        timer->start(logTimeoutMs);
        session->start(argv);
        return;
    }
    QString error;
    LogSource *source = runtime->openLog(ioc, false, m_lines, {}, &error, this);
    if (!source) {
        timer->deleteLater();
        printBlock(ioc, {}, error.isEmpty() ? tr("no log known") : error);
        printNext();
        return;
    }
    auto partial = std::make_shared<QByteArray>();
    connect(source, &LogSource::dataReceived, this,
            [partial](const QByteArray &data) { *partial += data; });
    connect(source, &LogSource::finished, this, [source, partial, lines, end](const QString &why) {
        QString text = QString::fromUtf8(*partial);
        if (text.endsWith(QLatin1Char('\n')))
            text.chop(1);
        if (!text.isEmpty())
            *lines = text.split(QLatin1Char('\n'));
        end(why);
        source->deleteLater();
    });
    connect(timer, &QTimer::timeout, this, [source, end] {
        source->deleteLater();
        end(tr("the log did not answer within %n second(s)", nullptr, logTimeoutMs / 1000));
    });
    timer->start(logTimeoutMs);
    source->start();
}

void StatusCommand::printBlock(const Ioc &ioc, const QStringList &logLines, const QString &logNote)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString name = ioc.name.isEmpty() ? ioc.unit : ioc.name;
    QTextStream &o = out();
    auto field = [&o](const QString &label, const QString &value) {
        o << label.rightJustified(12) << QStringLiteral(": ") << value << Qt::endl;
    };
    const QString bullet = ioc.isFailed() ? QStringLiteral("×")
            : ioc.isActive()              ? QStringLiteral("●")
                                          : QStringLiteral("○");
    o << bullet << QLatin1Char(' ') << name;
    if (!ioc.description.isEmpty())
        o << QStringLiteral(" - ") << ioc.description;
    o << Qt::endl;
    if (isMultiHost())
        field(tr("Host"), ioc.host);
    field(tr("Convention"), orUnknown(ioc.convention));
    if (!ioc.configFile.isEmpty())
        field(tr("Config"), ioc.configFile);
    if (!ioc.unit.isEmpty()) {
        QString loaded = orUnknown(ioc.loadState);
        QStringList extra;
        if (!ioc.fragmentPath.isEmpty())
            extra << ioc.fragmentPath;
        extra << orUnknown(ioc.unitFileState);
        field(tr("Unit"),
              tr("%1 (%2; %3)").arg(ioc.unit, loaded, extra.join(QStringLiteral("; "))));
        QString active = orUnknown(ioc.activeState);
        if (!ioc.subState.isEmpty())
            active += QStringLiteral(" (") + ioc.subState + QLatin1Char(')');
        if (ioc.isFailed() && !ioc.result.isEmpty() && ioc.result != QLatin1String("success"))
            active += QStringLiteral(", ") + tr("result %1").arg(ioc.result);
        const QString since = timeText(ioc.isActive() ? ioc.activeSince : ioc.inactiveSince, now);
        if (!since.isEmpty())
            active += QLatin1Char(' ') + since;
        field(tr("Active"), active);
    }
    if (ioc.isContainerRow()) {
        field(tr("Container"),
              ioc.container.isEmpty()
                      ? tr("none now (%1)").arg(ioc.runtime)
                      : tr("%1 (%2, image %3)")
                                .arg(ioc.container, ioc.runtime, orUnknown(ioc.image)));
        if (!ioc.containerId.isEmpty())
            field(tr("State"), IocFormat::statusText(ioc, now));
    }
    // procServ: systemd's MainPID is procServ for a unit of ours.
    QStringList procServ;
    if (ioc.isActive() && ioc.mainPid > 0 && !ioc.isContainer())
        procServ << tr("PID %1").arg(ioc.mainPid);
    else if (!ioc.isActive())
        procServ << tr("not running");
    else
        procServ << tr("PID unknown");
    procServ
            << tr("console %1").arg(ioc.console.isValid() ? ioc.console.toString() : tr("unknown"));
    if (ioc.logPort.isValid())
        procServ << tr("log port %1").arg(ioc.logPort.toString());
    if (!ioc.logFile.isEmpty())
        procServ << tr("log file %1")
                            .arg(ioc.logFile == QLatin1String("-") ? tr("stdout") : ioc.logFile);
    field(tr("procServ"), procServ.join(QStringLiteral(", ")));

    QStringList child;
    if (!ioc.isActive()) {
        child << tr("not running (procServ is not running)");
    } else {
        child << childStateName(ioc.childState);
        if (ioc.childPid > 0)
            child << tr("PID %1").arg(ioc.childPid);
        const QString since = timeText(ioc.childSince, now);
        if (!since.isEmpty())
            child << since;
        child << tr("auto-restart %1").arg(autoRestartName(ioc.autoRestart));
    }
    field(tr("Child"), child.join(QStringLiteral(", ")));
    field(tr("Restarts"), IocFormat::restartsText(ioc).replace(QLatin1Char('?'), tr("unknown")));
    field(tr("Last exit"),
          ioc.lastExit.isValid()
                  ? ioc.lastExit.text()
                          + (ioc.lastExit.at.isValid()
                                     ? QLatin1Char(' ') + timeText(ioc.lastExit.at, now)
                                     : QString())
                  // None known: "none" only when the child's restarts are known to be 0.
                  : (ioc.childRestarts == 0 ? tr("none since the unit started") : tr("unknown")));
    if (m_lines > 0) {
        o << Qt::endl;
        if (!logNote.isEmpty())
            o << tr("Log: %1").arg(logNote) << Qt::endl;
        for (const QString &line : logLines)
            o << line << Qt::endl;
    }
    if (m_next < m_iocs.size())
        o << Qt::endl;
}
