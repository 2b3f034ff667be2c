// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/procserv/bannerprobe.h"

#include "core/procserv/consolesession.h"

#include <QTimer>

BannerProbe::BannerProbe(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    qRegisterMetaType<ProcServStateTracker>("ProcServStateTracker");
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &BannerProbe::handleTimeout);
}

void BannerProbe::probe(const ConsoleRoute &route)
{
    if (m_session) {
        m_session->disconnect(this);
        m_session->close();
        m_session->deleteLater();
    }
    m_session = new ConsoleSession(this);
    m_session->setReadOnly(true); // no telnet replies, no input: nothing is ever written
    m_session->setAutoReconnect(false);
    m_session->setRoute(route);
    m_session->setConnectTimeout(m_timeout);
    connect(m_session, &ConsoleSession::bannerReceived, this, &BannerProbe::handleBanner);
    connect(m_session, &ConsoleSession::errorOccurred, this, &BannerProbe::handleError);
    m_timer->start(m_timeout);
    m_session->open();
}

void BannerProbe::handleBanner()
{
    finish(QString());
}

void BannerProbe::handleError(const QString &message)
{
    finish(message);
}

void BannerProbe::handleTimeout()
{
    if (!m_session)
        return;
    // A partial banner still tells the child state; only silence is an error.
    const ProcServStateTracker &t = m_session->tracker();
    if (t.childState() != ChildState::Unknown)
        finish(QString());
    else
        finish(tr("No procServ banner from %1 within %2 s")
                       .arg(m_session->targetDescription())
                       .arg(m_timeout / 1000.0));
}

void BannerProbe::finish(const QString &error)
{
    if (!m_session)
        return;
    m_timer->stop();
    ConsoleSession *session = m_session;
    m_session = nullptr;
    session->disconnect(this);
    const ProcServStateTracker state = session->tracker();
    session->close();
    session->deleteLater();
    emit finished(state, error);
}
