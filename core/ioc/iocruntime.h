// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"
#include "core/systemd/systemdmanager.h" // UnitAction, JobResult

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class ConsoleSession;
class LogSource;

/// What runs IOCs on one host: today systemd units running procServ (Inventory); a container
/// engine is another. The table, the filter, the actions, the consoles, the logs and iocctl
/// reach a row's runtime through Fleet::runtimeFor() and use only this interface, so they do
/// not know which runtime runs an IOC (Ioc::runtime names it).
///
/// Contract: rows are keyed by Ioc::key() and unique within a host; iocAdded() comes before
/// iocChanged() or iocRemoved() of the same key. Nothing here blocks: actions and reads answer
/// through callbacks in a context object, listing through ready().
class IocRuntime : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /// The Ioc::runtime of every row it lists: "systemd", later "podman", "docker".
    virtual QString runtimeName() const = 0;

    /// Lists and follows. Called by Fleet once the host is connected (and again by a caller
    /// that changed what to list).
    virtual void start() = 0;
    /// Everything known has been listed (see ready()).
    virtual bool isReady() const = 0;
    /// Why the last listing is incomplete; empty when it is complete.
    virtual QString listingError() const = 0;

    virtual QList<Ioc> iocs() const = 0;
    virtual bool contains(const QString &key) const = 0;
    /// The row of @p key; a default Ioc when there is none.
    virtual Ioc ioc(const QString &key) const = 0;

    /// Starts, stops, restarts, enables or disables the IOC of @p key; @p done is called in
    /// @p context with the outcome (once).
    virtual void run(UnitAction action, const QString &key, QObject *context,
                     std::function<void(const JobResult &)> done) = 0;
    /// Reads the details of rows listed without them (a unit systemd has not loaded); rows that
    /// have them are skipped. Calls @p done in @p context once every one has answered; the rows
    /// change as usual (iocChanged()).
    virtual void readUnloaded(const QStringList &keys, QObject *context,
                              std::function<void()> done) = 0;
    /// Re-reads counters that change without a signal (memory, CPU) for these rows.
    virtual void refreshStats(const QStringList &keys) = 0;

    /// True when openConsole() can reach @p ioc's console (it has one, wherever it runs).
    virtual bool hasConsole(const Ioc &ioc) const = 0;
    /// How many of procServ's "users" in the banner of a console connection to @p ioc are
    /// this process's own observers (procServ counts an observer on the console as a user):
    /// the connection was begun at @p connectStartedNs (ChildTracker::steadyNowNs(); -1
    /// unknown) and its banner said @p usersSeen. A console subtracts them from the count.
    virtual int ownConsoleClients(const Ioc &ioc, qint64 connectStartedNs, int usersSeen) const
    {
        Q_UNUSED(ioc)
        Q_UNUSED(connectStartedNs)
        Q_UNUSED(usersSeen)
        return 0;
    }
    /// A console session set up (not opened) to reach @p ioc's console from this machine. A
    /// read-only one takes no input at all (it prefers a read-only endpoint where one exists).
    virtual ConsoleSession *openConsole(const Ioc &ioc, bool readOnly, QObject *parent) const = 0;
    /// Begins to make @p ioc's read-write console reachable before openConsole() is called
    /// for it, for as long as the result is held: for many IOCs of a host at once this is one
    /// step (one SSH forward command for all of a host's remote sockets) where each console
    /// would take its own. Null when there is nothing to make ahead.
    virtual std::shared_ptr<void> reserveConsole(const Ioc &ioc) const
    {
        Q_UNUSED(ioc)
        return {};
    }
    /// argv of a command that prints (and with @p follow, follows) @p ioc's log on this
    /// machine. @p lines < 0: the whole log; @p since and @p until: as journalctl --since and
    /// --until take them (iocctl gives TimeArgument::journalSpelling()); @p timestamps: each
    /// journal line with its time (-o short-iso).
    virtual QStringList logCommand(const Ioc &ioc, bool follow, int lines,
                                   const QString &since = {}, const QString &until = {},
                                   bool timestamps = false) const = 0;
    /// The log of @p ioc as a stream the runtime reads itself, for rows whose logCommand() is
    /// empty (a container's log comes through the engine's API). Null when the runtime has
    /// none, or with a translated *error (e.g. a @p since it cannot read). @p lines < 0: the
    /// whole log; @p since and @p until: what TimeArgument::parse() reads (a
    /// duration is before now); @p timestamps: each line with its time (the engine's RFC 3339).
    virtual LogSource *openLog(const Ioc &ioc, bool follow, int lines, const QString &since,
                               QString *error, QObject *parent, const QString &until = {},
                               bool timestamps = false) const
    {
        Q_UNUSED(ioc)
        Q_UNUSED(follow)
        Q_UNUSED(lines)
        Q_UNUSED(since)
        Q_UNUSED(error)
        Q_UNUSED(parent)
        Q_UNUSED(until)
        Q_UNUSED(timestamps)
        return nullptr;
    }

signals:
    void iocAdded(const Ioc &ioc);
    void iocChanged(const Ioc &ioc);
    void iocRemoved(const QString &key);
    /// The rows that can be listed at once are known (more may follow before ready()).
    void loadedListed();
    void ready();
    void errorOccurred(const QString &message);
};
