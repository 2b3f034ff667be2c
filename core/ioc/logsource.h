// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

/// A log that a runtime streams itself instead of naming a command that prints it (see
/// IocRuntime::openLog()): a container's output through the engine's API. Set up by the
/// runtime, started by the caller; deleting it closes it.
class LogSource : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual void start() = 0;

signals:
    /// Bytes of the log as they come (a container's stdout and stderr in the order sent).
    void dataReceived(const QByteArray &data);
    /// The log ended: at its end, or with follow when the IOC stopped; @p error is empty then,
    /// else a translated reason. Emitted once.
    void finished(const QString &error);
};
