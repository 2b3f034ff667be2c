// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/procserv/bannerparser.h"
#include "core/procserv/procservtypes.h"

#include <QObject>
#include <QStringList>

class ConsoleSession;
class QTimer;

/// Learns a procServ child's state once: connects read-only, reads the banner up to the
/// telnet negotiation that ends it (or a timeout), and disconnects. It never writes a
/// byte, so it is safe on any console, and it is what `iocctl ps` uses.
class BannerProbe : public QObject
{
    Q_OBJECT

public:
    explicit BannerProbe(QObject *parent = nullptr);

    /// Default 3000 ms.
    void setTimeout(int msecs) { m_timeout = msecs; }
    /// Starts one probe; finished() follows exactly once. A probe already running is
    /// abandoned without a signal.
    void probe(const ConsoleRoute &route);
    void probe(const ConsoleEndpoint &endpoint) { probe(ConsoleRoute::direct(endpoint)); }
    bool isRunning() const { return m_session != nullptr; }

signals:
    /// @p error is empty when the banner was read; otherwise @p state holds what was learned.
    void finished(const ProcServStateTracker &state, const QString &error);

private:
    void handleBanner();
    void handleError(const QString &message);
    void handleTimeout();
    void finish(const QString &error);

    int m_timeout = 3000;
    ConsoleSession *m_session = nullptr;
    QTimer *m_timer = nullptr;
};
