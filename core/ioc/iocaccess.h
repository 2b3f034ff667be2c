// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"
#include "core/procserv/controlkeyguard.h"

#include <QStringList>

class ConsoleSession;
class Host;
class QObject;

// How this machine reaches an IOC's console and log on its host: the procServ facts of the row
// (core/ioc) over the host's route (core/hosts).

/// A console session set up to reach @p ioc's procServ from this machine. A read-only one
/// prefers procServ's log port: it cannot take input at all.
ConsoleSession *createIocConsole(const Host &host, const Ioc &ioc, bool readOnly, QObject *parent);

/// argv of a command that prints (and with @p follow, follows) the IOC's log: procServ's log
/// file when it writes one (`tail`), else the unit's journal; for SSH hosts it runs on the
/// remote host through ssh. @p lines < 0: the whole log.
QStringList iocLogCommand(const Host &host, const Ioc &ioc, bool follow, int lines,
                          const QString &since = {}, const QString &until = {},
                          bool timestamps = false);

/// The control-key guard for @p ioc's console: its name, -k, -x and -i settings (the toggle
/// char stays ^T), child state and auto-restart mode.
ControlKeyGuard iocControlKeyGuard(const Ioc &ioc);
