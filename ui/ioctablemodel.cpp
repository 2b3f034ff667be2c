// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/ioctablemodel.h"

#include "core/fleet/fleet.h"
#include "core/hosts/host.h"
#include "core/ioc/iocformat.h"
#include "core/systemd/systemdmanager.h" // host.h needs it complete (QPointer)
#include "ui/statewords.h"
#include "ui/themecolors.h"

#include <QBrush>
#include <QColor>
#include <QIcon>
#include <QTimer>

#include <algorithm>
#include <utility>

IocTableModel::IocTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{}

void IocTableModel::setFleet(Fleet *fleet)
{
    connect(fleet, &Fleet::iocAdded, this, &IocTableModel::enqueue);
    connect(fleet, &Fleet::iocChanged, this, &IocTableModel::enqueue);
    connect(fleet, &Fleet::iocRemoved, this, [this](const QString &key) { remove(key); });
    connect(fleet, &Fleet::hostRemoved, this, [this](Host *host) { removeHost(host->id()); });
    upsertMany(fleet->iocs());
}

void IocTableModel::enqueue(const Ioc &ioc)
{
    m_pending.append(ioc);
    if (m_applyQueued)
        return;
    m_applyQueued = true;
    QTimer::singleShot(0, this, &IocTableModel::applyPending);
}

void IocTableModel::applyPending()
{
    m_applyQueued = false;
    upsertMany(std::exchange(m_pending, {}));
}

void IocTableModel::upsertMany(const QList<Ioc> &iocs)
{
    if (iocs.isEmpty())
        return;
    // The newest value of each key wins; new keys keep their order of arrival.
    QHash<QString, int> latest;
    for (int i = 0; i < iocs.size(); ++i)
        latest.insert(iocs.at(i).key(), i);
    QList<int> changedRows;
    QList<Ioc> added;
    for (int i = 0; i < iocs.size(); ++i) {
        const Ioc &ioc = iocs.at(i);
        const QString key = ioc.key();
        if (latest.value(key) != i)
            continue;
        updateCpu(ioc);
        const int row = m_rowByKey.value(key, -1);
        if (row >= 0) {
            m_rows[row] = ioc;
            changedRows.append(row);
        } else {
            added.append(ioc);
        }
    }
    std::sort(changedRows.begin(), changedRows.end());
    for (int i = 0; i < changedRows.size();) {
        int last = i;
        while (last + 1 < changedRows.size()
               && changedRows.at(last + 1) == changedRows.at(last) + 1)
            ++last;
        emit dataChanged(index(changedRows.at(i), 0), index(changedRows.at(last), ColumnCount - 1));
        i = last + 1;
    }
    if (added.isEmpty())
        return;
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
    for (const Ioc &ioc : std::as_const(added)) {
        m_rowByKey.insert(ioc.key(), static_cast<int>(m_rows.size()));
        m_rows.append(ioc);
    }
    endInsertRows();
}

void IocTableModel::upsert(const Ioc &ioc)
{
    upsertMany({ ioc });
}

void IocTableModel::remove(const QString &key)
{
    // A change still queued for the key must not bring the row back.
    m_pending.erase(std::remove_if(m_pending.begin(), m_pending.end(),
                                   [&key](const Ioc &ioc) { return ioc.key() == key; }),
                    m_pending.end());
    const int row = m_rowByKey.value(key, -1);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.remove(row);
    m_rowByKey.remove(key);
    m_cpu.remove(key);
    reindexFrom(row);
    endRemoveRows();
}

void IocTableModel::removeHost(const QString &hostId)
{
    m_pending.erase(std::remove_if(m_pending.begin(), m_pending.end(),
                                   [&hostId](const Ioc &ioc) { return ioc.host == hostId; }),
                    m_pending.end());
    for (int row = static_cast<int>(m_rows.size()) - 1; row >= 0; --row) {
        if (m_rows.at(row).host == hostId)
            remove(m_rows.at(row).key());
    }
}

QModelIndex IocTableModel::indexOf(const QString &key, int column) const
{
    const int row = rowOf(key);
    return row < 0 ? QModelIndex() : index(row, column);
}

bool IocTableModel::showsEveryRunningPid() const
{
    for (int row = 0; row < rowCount(); ++row) {
        if (index(row, NameColumn).data(StatusRole).toString() == QLatin1String("running")
            && index(row, PidColumn).data().toString().isEmpty())
            return false;
    }
    return true;
}

void IocTableModel::refreshTimes()
{
    if (m_rows.isEmpty())
        return;
    const int last = static_cast<int>(m_rows.size()) - 1;
    emit dataChanged(index(0, StatusColumn), index(last, UptimeColumn),
                     { Qt::DisplayRole, Qt::ToolTipRole, SortRole });
}

void IocTableModel::reindexFrom(int row)
{
    for (int i = row; i < m_rows.size(); ++i)
        m_rowByKey[m_rows.at(i).key()] = i;
}

void IocTableModel::updateCpu(const Ioc &ioc)
{
    // CPUUsageNSec is a counter; the column shows its rate between two refreshes.
    CpuSample &sample = m_cpu[ioc.key()];
    const qint64 nowMSec = m_now().toMSecsSinceEpoch();
    if (ioc.cpuNSec == 0 || !ioc.isActive()) {
        sample = CpuSample{};
        return;
    }
    if (ioc.cpuNSec == sample.cpuNSec)
        return; // same sample delivered again with another change
    if (sample.cpuNSec > 0 && ioc.cpuNSec > sample.cpuNSec && nowMSec > sample.atMSec) {
        const double used = static_cast<double>(ioc.cpuNSec - sample.cpuNSec);
        const double wall = static_cast<double>(nowMSec - sample.atMSec) * 1e6;
        sample.percent = 100.0 * used / wall;
    }
    sample.cpuNSec = ioc.cpuNSec;
    sample.atMSec = nowMSec;
}

int IocTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int IocTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int IocTableModel::statusRank(const QString &status)
{
    static const QStringList order = {
        QStringLiteral("running"),  QStringLiteral("starting"), QStringLiteral("crashloop"),
        QStringLiteral("stopping"), QStringLiteral("shutdown"), QStringLiteral("failed"),
        QStringLiteral("exited"),
    };
    const int rank = static_cast<int>(order.indexOf(status));
    return rank < 0 ? static_cast<int>(order.size()) : rank;
}

static QString statusIconName(const QString &status)
{
    if (status == QLatin1String("running"))
        return QStringLiteral(":/icons/status-running.svg");
    if (status == QLatin1String("shutdown"))
        return QStringLiteral(":/icons/status-shutdown.svg");
    if (status == QLatin1String("failed"))
        return QStringLiteral(":/icons/status-failed.svg");
    if (status == QLatin1String("starting") || status == QLatin1String("stopping")
        || status == QLatin1String("crashloop"))
        return QStringLiteral(":/icons/status-transition.svg");
    if (status == QLatin1String("exited"))
        return QStringLiteral(":/icons/status-stopped.svg");
    return QStringLiteral(":/icons/status-unknown.svg");
}

QVariant IocTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Ioc &ioc = m_rows.at(index.row());
    const int column = index.column();

    switch (role) {
    case Qt::DisplayRole:
        return display(ioc, column, m_now());
    case SortRole:
        return sortValue(ioc, column, m_now());
    case Qt::ToolTipRole:
        return toolTip(ioc, column, m_now());
    case Qt::AccessibleTextRole: {
        // A screen reader reading one cell names the IOC of its row too.
        const QString shown = display(ioc, column, m_now()).toString();
        if (column == NameColumn)
            return ioc.name;
        return shown.isEmpty() ? tr("%1: none").arg(ioc.name) : tr("%1: %2").arg(ioc.name, shown);
    }
    case Qt::WhatsThisRole:
        return column == StatusColumn ? QVariant(StateWords::whatsThis(ioc)) : QVariant();
    case IocRole:
        return QVariant::fromValue(ioc);
    case KeyRole:
        return ioc.key();
    case StatusRole:
        return ioc.status();
    case Qt::DecorationRole:
        if (column == StatusColumn) {
            // One QIcon per status: a new one would parse its SVG again on every paint.
            const QString name = statusIconName(ioc.status());
            QIcon &icon = m_icons[name];
            if (icon.isNull())
                icon = QIcon(name);
            return icon;
        }
        return {};
    case Qt::ForegroundRole:
        if (column == StatusColumn) {
            // The tone iocctl colours on a terminal too, readable on the application's
            // palette (light or dark; views repaint when it changes).
            switch (IocFormat::statusTone(ioc)) {
            case IocFormat::Tone::Bad:
                return QBrush(ThemeColors::text(ThemeColors::Tone::Error));
            case IocFormat::Tone::Warning:
                return QBrush(ThemeColors::text(ThemeColors::Tone::Warning));
            case IocFormat::Tone::Neutral:
            case IocFormat::Tone::Good:
            case IocFormat::Tone::Transition:
                break;
            }
        }
        return {};
    case Qt::TextAlignmentRole:
        switch (column) {
        case RestartsColumn:
        case PidColumn:
        case MemoryColumn:
        case CpuColumn:
            return int(Qt::AlignRight | Qt::AlignVCenter); // delegates read an int
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant IocTableModel::display(const Ioc &ioc, int column, const QDateTime &now) const
{
    switch (column) {
    case NameColumn:
        return ioc.name;
    case StatusColumn:
        return IocFormat::statusText(ioc, now);
    case UptimeColumn:
        return IocFormat::uptimeText(ioc, now);
    case RestartsColumn:
        return ioc.isLoaded() ? IocFormat::restartsText(ioc) : QString();
    case PidColumn:
        if (ioc.childPid != 0)
            return QString::number(ioc.childPid);
        return {};
    case ConsoleColumn:
        return ioc.console.toString();
    case EnabledColumn:
        // A container of no unit: its restart policy (what starts it with the engine).
        return ioc.isContainer() && ioc.unit.isEmpty() ? ioc.restartPolicy : ioc.unitFileState;
    case ConventionColumn:
        return ioc.convention;
    case HostColumn:
        return ioc.host;
    case RuntimeColumn:
        return ioc.runtime;
    case ImageColumn:
        return ioc.image;
    case MemoryColumn:
        return ioc.memoryBytes == 0 ? QString() : IocFormat::bytes(ioc.memoryBytes);
    case CpuColumn: {
        const double percent = m_cpu.value(ioc.key()).percent;
        if (percent < 0)
            return {};
        return tr("%1 %").arg(percent, 0, 'f', percent < 10 ? 1 : 0);
    }
    default:
        return {};
    }
}

QVariant IocTableModel::sortValue(const Ioc &ioc, int column, const QDateTime &now) const
{
    switch (column) {
    case NameColumn:
        return ioc.name.toCaseFolded();
    case StatusColumn:
        return statusRank(ioc.status());
    case UptimeColumn:
        return IocFormat::uptimeSeconds(ioc, now);
    case RestartsColumn:
        return ioc.restarts();
    case PidColumn:
        return ioc.childPid;
    case ConsoleColumn:
        return ioc.console.toString();
    case EnabledColumn:
        return ioc.isEnabled();
    case ConventionColumn:
        return ioc.convention;
    case HostColumn:
        return ioc.host;
    case RuntimeColumn:
        return ioc.runtime;
    case ImageColumn:
        return ioc.image;
    case MemoryColumn:
        return ioc.memoryBytes;
    case CpuColumn:
        return m_cpu.value(ioc.key()).percent;
    default:
        return {};
    }
}

QVariant IocTableModel::toolTip(const Ioc &ioc, int column, const QDateTime &now) const
{
    switch (column) {
    case NameColumn: {
        QString tip = ioc.isContainer()
                ? tr("Container %1 (%2)\nImage: %3").arg(ioc.container, ioc.runtime, ioc.image)
                : ioc.unit;
        if (!ioc.description.isEmpty())
            tip += QLatin1Char('\n') + ioc.description;
        if (!ioc.configError.isEmpty())
            tip += QLatin1Char('\n') + ioc.configError;
        return tip;
    }
    case StatusColumn: {
        if (ioc.isContainer()) {
            QString tip = IocFormat::statusText(ioc, now) + QLatin1Char('\n')
                    + tr("%1: %2").arg(ioc.runtime,
                                       ioc.containerState.isEmpty()
                                               ? tr("unknown (engine not reachable)")
                                               : ioc.containerState);
            if (ioc.exitCode >= 0)
                tip += QLatin1Char('\n') + tr("Last exit code: %1").arg(ioc.exitCode);
            if (!ioc.health.isEmpty())
                tip += QLatin1Char('\n') + tr("Health: %1").arg(ioc.health);
            return tip;
        }
        // The full text first: a narrow column elides it.
        QString tip = IocFormat::statusText(ioc, now) + QLatin1Char('\n')
                + tr("systemd: %1 (%2)").arg(ioc.activeState, ioc.subState);
        if (!ioc.result.isEmpty() && ioc.result != QLatin1String("success"))
            tip += QLatin1Char('\n') + tr("Last result: %1").arg(ioc.result);
        switch (ioc.childState) {
        case ChildState::Running:
            tip += QLatin1Char('\n') + tr("IOC process: running");
            break;
        case ChildState::ShutDown:
            tip += QLatin1Char('\n') + tr("IOC process: shut down");
            break;
        case ChildState::Unknown:
            tip += QLatin1Char('\n') + tr("IOC process: unknown");
            break;
        }
        if (ioc.childSince.isValid())
            tip += QLatin1Char('\n')
                    + tr("IOC process started: %1")
                              .arg(QLocale().toString(ioc.childSince.toLocalTime(),
                                                      QLocale::ShortFormat));
        if (ioc.readiness == Readiness::Starting)
            tip += QLatin1Char('\n') + tr("IOC has not finished iocInit yet");
        if (ioc.lastExit.isValid()) {
            tip += QLatin1Char('\n')
                    + (ioc.lastExit.at.isValid()
                               ? tr("Last exit: %1 at %2")
                                         .arg(ioc.lastExit.text(),
                                              QLocale().toString(ioc.lastExit.at.toLocalTime(),
                                                                 QLocale::ShortFormat))
                               : tr("Last exit: %1").arg(ioc.lastExit.text()));
        }
        if (ioc.childRestarts >= 0)
            tip += QLatin1Char('\n')
                    + tr("IOC restarts inside procServ: %1").arg(ioc.childRestarts);
        if (ioc.autoRestart != AutoRestart::Unknown)
            tip += QLatin1Char('\n')
                    + tr("procServ auto-restart: %1").arg(autoRestartName(ioc.autoRestart));
        // A unit file systemd refused: its reason where the state is.
        if ((ioc.loadState == QLatin1String("error")
             || ioc.loadState == QLatin1String("bad-setting"))
            && !ioc.configError.isEmpty())
            tip += QLatin1Char('\n') + ioc.configError;
        return tip;
    }
    case UptimeColumn:
        if (ioc.childSince.isValid() && ioc.isActive())
            return tr("IOC process started %1; unit active since %2")
                    .arg(QLocale().toString(ioc.childSince.toLocalTime(), QLocale::ShortFormat),
                         QLocale().toString(ioc.activeSince.toLocalTime(), QLocale::ShortFormat));
        if (ioc.activeSince.isValid() && ioc.isActive())
            return tr("Active since %1")
                    .arg(QLocale().toString(ioc.activeSince.toLocalTime(), QLocale::ShortFormat));
        if (ioc.inactiveSince.isValid())
            return tr("Inactive since %1")
                    .arg(QLocale().toString(ioc.inactiveSince.toLocalTime(), QLocale::ShortFormat));
        return {};
    case PidColumn: {
        QStringList lines;
        if (ioc.childPid != 0)
            lines << tr("IOC process PID: %1").arg(ioc.childPid);
        // A container without procServ: the IOC is the container's main process.
        if (ioc.mainPid != 0 && ioc.mainPid != ioc.childPid)
            lines << (ioc.isContainer() ? tr("Container's main process PID: %1")
                                        : tr("procServ PID: %1"))
                             .arg(ioc.mainPid);
        return lines.join(QLatin1Char('\n'));
    }
    case ConsoleColumn:
        if (ioc.logPort.isValid())
            return tr("Console: %1\nRead-only log port: %2")
                    .arg(ioc.console.toString(), ioc.logPort.toString());
        return ioc.console.toString();
    case CpuColumn:
        if (ioc.cpuNSec > 0)
            return tr("CPU time: %1 s").arg(static_cast<double>(ioc.cpuNSec) / 1e9, 0, 'f', 1);
        return {};
    default:
        Q_UNUSED(now)
        return {};
    }
}

QVariant IocTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Name");
        case StatusColumn:
            return tr("Status");
        case UptimeColumn:
            return tr("Uptime");
        case RestartsColumn:
            return tr("Restarts");
        case PidColumn:
            return tr("PID");
        case ConsoleColumn:
            return tr("Console");
        case EnabledColumn:
            return tr("Enabled");
        case ConventionColumn:
            return tr("Convention");
        case HostColumn:
            return tr("Host");
        case MemoryColumn:
            return tr("Memory");
        case CpuColumn:
            return tr("CPU");
        case RuntimeColumn:
            return tr("Runtime");
        case ImageColumn:
            return tr("Image");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case StatusColumn:
            return tr("systemd state and the state of the IOC process behind procServ");
        case RestartsColumn:
            return tr("Restarts of the unit by systemd plus restarts of the IOC process inside "
                      "procServ since the unit started; ? when they cannot be known");
        case PidColumn:
            return tr("PID of the IOC process (procServ's PID in the tooltip)");
        case EnabledColumn:
            return tr("Whether the unit starts at boot (unit file state)");
        case MemoryColumn:
            return tr("Memory of the unit's processes (MemoryCurrent); empty where systemd does "
                      "not account memory");
        case CpuColumn:
            return tr("CPU use since the previous refresh; empty where systemd does not account "
                      "CPU time");
        case RuntimeColumn:
            return tr("What runs the IOC: systemd (a unit running procServ), podman or docker "
                      "(a container)");
        case ImageColumn:
            return tr("The container's image (empty for a unit)");
        default:
            return {};
        }
    }
    return {};
}
