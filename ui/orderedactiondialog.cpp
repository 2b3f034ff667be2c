// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/orderedactiondialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {

QString startText(UnitAction action, int count)
{
    switch (action) {
    case UnitAction::Start:
        return OrderedActionDialog::tr("&Start %n IOC(s) in Order", "", count);
    case UnitAction::Stop:
        return OrderedActionDialog::tr("S&top %n IOC(s) in Order", "", count);
    default:
        return OrderedActionDialog::tr("&Restart %n IOC(s) in Order", "", count);
    }
}

} // namespace

OrderedActionDialog::OrderedActionDialog(const QList<Ioc> &iocs, UnitAction action, QWidget *parent)
    : QDialog(parent)
    , m_iocs(iocs)
    , m_actionCombo(new QComboBox(this))
    , m_orderCombo(new QComboBox(this))
    , m_delaySpinBox(new QDoubleSpinBox(this))
    , m_stopTimeoutCheckBox(new QCheckBox(tr("&Kill after"), this))
    , m_stopTimeoutSpinBox(new QSpinBox(this))
    , m_iocList(new QListWidget(this))
    , m_buttons(new QDialogButtonBox(this))
{
    setWindowTitle(tr("Act on IOCs in Order"));
    setObjectName(QStringLiteral("orderedActionDialog"));
    m_actionCombo->setObjectName(QStringLiteral("orderedActionCombo"));
    m_actionCombo->addItem(tr("Start"), static_cast<int>(UnitAction::Start));
    m_actionCombo->addItem(tr("Stop"), static_cast<int>(UnitAction::Stop));
    m_actionCombo->addItem(tr("Restart"), static_cast<int>(UnitAction::Restart));
    m_actionCombo->setCurrentIndex(qMax(0, m_actionCombo->findData(static_cast<int>(action))));
    m_orderCombo->setObjectName(QStringLiteral("orderedOrderCombo"));
    m_orderCombo->addItem(tr("By name"), static_cast<int>(OrderedRun::Order::Name));
    m_orderCombo->addItem(tr("As listed in the table"), static_cast<int>(OrderedRun::Order::Given));
    m_delaySpinBox->setObjectName(QStringLiteral("orderedDelaySpinBox"));
    m_delaySpinBox->setRange(0, 3600);
    m_delaySpinBox->setDecimals(1);
    m_delaySpinBox->setSingleStep(1);
    m_delaySpinBox->setValue(5);
    m_delaySpinBox->setSuffix(tr(" s"));
    m_delaySpinBox->setToolTip(
            tr("Time to wait after each IOC's job has finished before acting on the next"));
    m_stopTimeoutCheckBox->setObjectName(QStringLiteral("orderedStopTimeoutCheckBox"));
    m_stopTimeoutCheckBox->setToolTip(
            tr("When an IOC has not stopped after this time, systemd sends SIGKILL to every "
               "process of its unit (as iocctl stop -t does); off: the unit's own "
               "TimeoutStopSec. Applies to IOCs a systemd unit runs."));
    m_stopTimeoutSpinBox->setObjectName(QStringLiteral("orderedStopTimeoutSpinBox"));
    // TimedStop's timer counts milliseconds in an int; iocctl -t has the same bound.
    m_stopTimeoutSpinBox->setRange(0, 2000000);
    m_stopTimeoutSpinBox->setValue(10);
    m_stopTimeoutSpinBox->setSuffix(tr(" s"));
    m_stopTimeoutSpinBox->setAccessibleName(tr("Stop timeout"));
    m_stopTimeoutSpinBox->setToolTip(m_stopTimeoutCheckBox->toolTip());
    m_iocList->setObjectName(QStringLiteral("orderedIocList"));
    m_iocList->setAccessibleName(tr("IOCs in the order they are acted on"));
    m_iocList->setSelectionMode(QAbstractItemView::NoSelection);

    m_startButton = m_buttons->addButton(startText(action, static_cast<int>(iocs.size())),
                                         QDialogButtonBox::AcceptRole);
    m_startButton->setObjectName(QStringLiteral("orderedStartButton"));
    m_cancelButton = m_buttons->addButton(QDialogButtonBox::Cancel);
    m_cancelButton->setObjectName(QStringLiteral("orderedCancelButton"));
    m_startButton->setDefault(true);
    connect(m_startButton, &QPushButton::clicked, this, &OrderedActionDialog::startRequested);
    connect(m_cancelButton, &QPushButton::clicked, this, &OrderedActionDialog::reject);

    auto *form = new QFormLayout;
    form->addRow(tr("&Action:"), m_actionCombo);
    form->addRow(tr("&Order:"), m_orderCombo);
    form->addRow(tr("&Delay between IOCs:"), m_delaySpinBox);
    auto *timeoutRow = new QHBoxLayout;
    timeoutRow->addWidget(m_stopTimeoutCheckBox);
    timeoutRow->addWidget(m_stopTimeoutSpinBox, 1);
    form->addRow(tr("Stop timeout:"), timeoutRow);
    auto *listLabel = new QLabel(tr("&IOCs, one after the other:"), this);
    listLabel->setBuddy(m_iocList);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(listLabel);
    layout->addWidget(m_iocList, 1);
    layout->addWidget(m_buttons);

    connect(m_orderCombo, QOverload<int>::of(&QComboBox::currentIndexChanged), this,
            &OrderedActionDialog::updateList);
    connect(m_actionCombo, QOverload<int>::of(&QComboBox::currentIndexChanged), this, [this] {
        m_startButton->setText(startText(this->action(), static_cast<int>(m_iocs.size())));
        updateStopTimeout();
    });
    connect(m_stopTimeoutCheckBox, &QCheckBox::toggled, this,
            &OrderedActionDialog::updateStopTimeout);
    updateList();
    updateStopTimeout();
}

UnitAction OrderedActionDialog::action() const
{
    return static_cast<UnitAction>(m_actionCombo->currentData().toInt());
}

OrderedRun::Order OrderedActionDialog::order() const
{
    return static_cast<OrderedRun::Order>(m_orderCombo->currentData().toInt());
}

int OrderedActionDialog::delayMs() const
{
    return static_cast<int>(m_delaySpinBox->value() * 1000);
}

int OrderedActionDialog::stopTimeoutSeconds() const
{
    if (action() == UnitAction::Start || !m_stopTimeoutCheckBox->isChecked())
        return -1;
    return m_stopTimeoutSpinBox->value();
}

void OrderedActionDialog::updateStopTimeout()
{
    // A start stops nothing; during a run nothing is edited.
    const bool editable = !m_run && action() != UnitAction::Start;
    m_stopTimeoutCheckBox->setEnabled(editable);
    m_stopTimeoutSpinBox->setEnabled(editable && m_stopTimeoutCheckBox->isChecked());
}

QList<Ioc> OrderedActionDialog::orderedIocs() const
{
    return OrderedRun::ordered(m_iocs, order());
}

void OrderedActionDialog::updateList()
{
    m_iocList->clear();
    const QList<Ioc> iocs = orderedIocs();
    for (int i = 0; i < iocs.size(); ++i)
        m_iocList->addItem(tr("%1. %2 on %3").arg(i + 1).arg(iocs.at(i).name, iocs.at(i).host));
}

void OrderedActionDialog::setStatus(int index, const QString &text)
{
    if (index < 0 || index >= m_runIocs.size() || index >= m_iocList->count())
        return;
    const Ioc &ioc = m_runIocs.at(index);
    m_iocList->item(index)->setText(
            tr("%1. %2 on %3: %4").arg(index + 1).arg(ioc.name, ioc.host, text));
}

void OrderedActionDialog::setRun(OrderedRun *run)
{
    m_run = run;
    m_runIocs = run->iocs();
    m_iocList->clear();
    for (int i = 0; i < m_runIocs.size(); ++i)
        m_iocList->addItem(QString());
    for (int i = 0; i < m_runIocs.size(); ++i)
        setStatus(i, tr("waiting"));
    m_actionCombo->setEnabled(false);
    m_orderCombo->setEnabled(false);
    m_delaySpinBox->setEnabled(false);
    updateStopTimeout();
    m_startButton->setEnabled(false);
    m_cancelButton->setText(tr("Cancel &Remaining"));
    m_cancelButton->setToolTip(tr("Act on no further IOC; a job already running finishes"));
    connect(run, &OrderedRun::iocStarted, this,
            [this](int index) { setStatus(index, tr("in progress…")); });
    connect(run, &OrderedRun::iocFinished, this, [this](int index, const Ioc &, bool ok) {
        setStatus(index, ok ? tr("done") : tr("failed"));
    });
    connect(run, &OrderedRun::finished, this, [this, run] {
        for (int i = run->startedCount(); i < m_runIocs.size(); ++i)
            setStatus(i, tr("not acted on (canceled)"));
        m_cancelButton->setText(tr("&Close"));
        m_cancelButton->setToolTip(QString());
        m_cancelButton->setEnabled(true);
    });
}

void OrderedActionDialog::reject()
{
    // While the run lasts, the first Cancel stops it before the next IOC; the dialog stays to
    // show how it ends.
    if (m_run && m_run->isRunning()) {
        if (!m_run->isCanceled()) {
            m_run->cancel(); // finished() at once, or when the running IOC's job has ended
            if (m_run && m_run->isRunning()) {
                m_cancelButton->setText(tr("Finishing the current IOC…"));
                m_cancelButton->setEnabled(false);
            }
        }
        return;
    }
    QDialog::reject();
}
