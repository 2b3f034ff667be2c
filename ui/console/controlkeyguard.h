#pragma once

#include "core/ioc/ioc.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

/// Decides which bytes typed or pasted into a read-write console may go to procServ as they
/// are. procServ acts on its command characters (kill, toggle auto-restart, ^R, ^Q, logout),
/// and ^C / ^D end an EPICS IOC shell; none of them is sent unless the user confirms it.
/// Pure logic: the console view asks, shows the explanation and sends.
class ControlKeyGuard
{
    Q_DECLARE_TR_FUNCTIONS(ControlKeyGuard)
public:
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
            Confirm, // a single guarded key: send only after the user confirms
            Refuse, // guarded bytes inside a longer chunk (a paste): never send it
        };
        Kind kind = Kind::Pass;
        Action action = Action::None;
        char byte = 0; // the (first) guarded byte
        QString keyName; // "Ctrl+X"
        QString explanation; // translated, names the IOC

        bool isPass() const { return kind == Kind::Pass; }
    };

    ControlKeyGuard();
    /// Takes the IOC's name, -k, -x and -i settings (toggle char stays ^T).
    explicit ControlKeyGuard(const Ioc &ioc);

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
    Verdict check(const QByteArray &bytes, Input input = Input::Typed) const;
    /// The action and explanation for one byte; Action::None when it is not guarded.
    Verdict classify(char byte) const;

    /// "Ctrl+X" for 0x18, "Ctrl+^" etc.; printable bytes as themselves.
    static QString keyName(char byte);

private:
    QString m_iocName;
    int m_kill = 0x18;
    int m_toggle = 0x14;
    int m_logout = -1;
    QByteArray m_ignored;
    ChildState m_childState = ChildState::Unknown;
    AutoRestart m_autoRestart = AutoRestart::Unknown;
};
