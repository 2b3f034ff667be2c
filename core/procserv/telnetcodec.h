// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QByteArray>
#include <QSet>

/// The telnet layer procServ puts on every console connection (TCP and UNIX alike).
/// decode() strips IAC WILL/WONT/DO/DONT x, IAC SB ... IAC SE and every other IAC x, and
/// turns IAC IAC back into one 0xFF; its state survives a chunk split at any byte.
/// takeReplies() offers polite answers to procServ's negotiation (IAC WILL ECHO → IAC DO
/// ECHO, IAC DO LINEMODE → IAC WONT LINEMODE, anything else refused, each option answered
/// at most once). procServ needs no answer; a read-only client simply never sends them.
class TelnetCodec
{
public:
    enum : unsigned char {
        Se = 240,
        Sb = 250,
        Will = 251,
        Wont = 252,
        Do = 253,
        Dont = 254,
        Iac = 255,
        OptEcho = 1,
        OptLinemode = 34,
    };

    QByteArray decode(const QByteArray &in);
    /// Bytes to send back for the negotiations seen so far; empties the queue.
    QByteArray takeReplies();
    /// How often IAC WILL ECHO was seen: procServ sends it right after the banner.
    int willEchoCount() const { return m_willEchoCount; }
    /// Forget all state (a new connection starts).
    void reset();

    /// Doubles every 0xFF so it reaches procServ as data.
    static QByteArray encode(const QByteArray &data);

private:
    enum class State { Data, Iac, Option, Sub, SubIac };
    void negotiate(unsigned char verb, unsigned char option);

    State m_state = State::Data;
    unsigned char m_verb = 0;
    QByteArray m_replies;
    QSet<int> m_answered; // verb << 8 | option already answered
    int m_willEchoCount = 0;
};
