// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/procserv/procservtypes.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QString>

#include <functional>

/// Decides which bytes typed or pasted into a read-write console may go to procServ as they
/// are. procServ acts on its command characters (kill, toggle auto-restart, ^R, ^Q, logout),
/// and ^C / ^D end an EPICS IOC shell; none of them is sent unless the user confirms it by
/// pressing the same key again within ConfirmWindowMs.
///
/// The one guard of both front ends: ConsoleView (a bar with the explanation and a Send
/// button) and `iocctl attach` (a notice on the terminal) ask it and act on the answer. Pure
/// logic, no widgets and no timers: the caller shows, sends and hides.
class ControlKeyGuard
{
    Q_DECLARE_TR_FUNCTIONS(ControlKeyGuard)
public:
    /// How long a held key waits for its second press.
    static constexpr int ConfirmWindowMs = 3000;

    /// What a guarded byte does on the IOC's side.
    enum class Action {
        None,
        Kill, // -k, default ^X: kills (or, when shut down, restarts) the IOC
        ToggleAutoRestart, // --autorestartcmd, default ^T
        Restart, // ^R (hard-wired): starts a shut-down IOC
        Quit, // ^Q (hard-wired): quits procServ while the IOC is shut down
        Logout, // -x: closes this connection
        Interrupt, // ^C: an IOC shell exits on it unless procServ ignores it (-i)
        EndOfInput, // ^D: the IOC shell's exit, unless ignored (-i) or the logout char
    };

    struct Verdict
    {
        enum class Kind {
            Pass, // send as typed
            Confirm, // a single guarded key: held; send only after the user confirms
            Confirmed, // press(): the held key pressed again in time; send it now
            Refuse, // guarded bytes inside a longer chunk (a paste): never send it
        };
        Kind kind = Kind::Pass;
        Action action = Action::None;
        char byte = 0; // the (first) guarded byte
        QString keyName; // "Ctrl+X"
        QString explanation; // translated, names the IOC

        bool isPass() const { return kind == Kind::Pass; }
        /// Whether the caller sends the bytes it fed (Pass) or the guarded byte (Confirmed).
        bool sends() const { return kind == Kind::Pass || kind == Kind::Confirmed; }
    };

    ControlKeyGuard();

    void setIocName(const QString &name) { m_iocName = name; }
    QString iocName() const { return m_iocName; }
    /// procServ option syntax: "^X" = 0x18, "^^" = '^', otherwise the first character;
    /// "" disables the command.
    void setKillChar(const QString &spec);
    void setToggleChar(const QString &spec);
    void setLogoutChar(const QString &spec);
    /// -i: characters procServ removes before they reach the IOC (so ^C/^D there are harmless).
    void setIgnoreChars(const QString &spec);
    /// Lets the explanations say what happens now (^X restarts a shut-down IOC, ^R/^Q only
    /// act while it is down). Unknown keeps the wording that covers both.
    void setChildState(ChildState state) { m_childState = state; }
    void setAutoRestart(AutoRestart mode) { m_autoRestart = mode; }

    /// -1 when disabled.
    int killByte() const { return m_kill; }
    int toggleByte() const { return m_toggle; }
    int logoutByte() const { return m_logout; }

    enum class Input { Typed, Pasted };

    /// @p bytes is one chunk from the terminal. A single typed guarded byte asks for
    /// confirmation; a paste, or a chunk of several bytes, containing one is refused.
    /// Stateless: see press() for the confirmation.
    Verdict check(const QByteArray &bytes, Input input = Input::Typed) const;
    /// The action and explanation for one byte; Action::None when it is not guarded.
    Verdict classify(char byte) const;
    bool isGuarded(char byte) const { return !classify(byte).isPass(); }
    /// @p bytes without its guarded bytes (for input that nobody can confirm, e.g. a pipe).
    QByteArray withoutGuarded(const QByteArray &bytes) const;

    /// check() plus the confirmation: the first press of a guarded key holds it (Confirm);
    /// the same key again within ConfirmWindowMs is Confirmed. Anything else (another key,
    /// text, a refused paste, the window running out) drops the held key.
    Verdict press(const QByteArray &bytes, Input input = Input::Typed);
    /// The held guarded byte, or -1 (none, or its window ran out).
    int pendingByte() const;
    /// The user confirmed the held key another way (a Send button): returns it (-1 if none)
    /// and holds nothing any more.
    int takePending();
    void cancelPending() { m_pending = -1; }
    /// "… Nothing was sent — press Ctrl+X again within 3 s to send it." for a Confirm verdict.
    static QString confirmPrompt(const Verdict &verdict);

    /// Milliseconds on a monotonic clock; tests replace it. Default: since construction.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

    /// "Ctrl+X" for 0x18, "Ctrl+^" etc.; printable bytes as themselves. Both front ends show
    /// these names.
    static QString keyName(char byte);

private:
    qint64 now() const;

    QString m_iocName;
    int m_kill = 0x18;
    int m_toggle = 0x14;
    int m_logout = -1;
    QByteArray m_ignored;
    ChildState m_childState = ChildState::Unknown;
    AutoRestart m_autoRestart = AutoRestart::Unknown;
    int m_pending = -1; // guarded byte held for its second press
    qint64 m_pendingSince = 0;
    std::function<qint64()> m_clock;
    QElapsedTimer m_elapsed;
};
