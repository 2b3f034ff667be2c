// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/procserv/telnetcodec.h"

QByteArray TelnetCodec::decode(const QByteArray &in)
{
    QByteArray out;
    out.reserve(in.size());
    for (const char ch : in) {
        const auto c = static_cast<unsigned char>(ch);
        switch (m_state) {
        case State::Data:
            if (c == Iac)
                m_state = State::Iac;
            else
                out.append(ch);
            break;
        case State::Iac:
            if (c == Iac) {
                out.append(ch);
                m_state = State::Data;
            } else if (c == Will || c == Wont || c == Do || c == Dont) {
                m_verb = c;
                m_state = State::Option;
            } else if (c == Sb) {
                m_state = State::Sub;
            } else {
                m_state = State::Data; // NOP, GA, AYT, ... carry no data
            }
            break;
        case State::Option:
            negotiate(m_verb, c);
            m_state = State::Data;
            break;
        case State::Sub:
            if (c == Iac)
                m_state = State::SubIac;
            break;
        case State::SubIac:
            // IAC SE ends it; IAC IAC is a data byte inside it; anything else stays inside.
            m_state = c == Se ? State::Data : State::Sub;
            break;
        }
    }
    return out;
}

void TelnetCodec::negotiate(unsigned char verb, unsigned char option)
{
    if (verb == Will && option == OptEcho)
        ++m_willEchoCount;
    const int key = verb << 8 | option;
    if (m_answered.contains(key))
        return;
    m_answered.insert(key);
    unsigned char reply = 0;
    switch (verb) {
    case Will:
        reply = option == OptEcho ? Do : Dont;
        break;
    case Do:
        reply = Wont; // LINEMODE and everything else: we do nothing special
        break;
    case Wont:
    case Dont:
        return; // acknowledgements of a refusal need no answer
    default:
        return;
    }
    m_replies.append(char(Iac));
    m_replies.append(char(reply));
    m_replies.append(char(option));
}

QByteArray TelnetCodec::takeReplies()
{
    QByteArray replies;
    replies.swap(m_replies);
    return replies;
}

void TelnetCodec::reset()
{
    *this = TelnetCodec();
}

QByteArray TelnetCodec::encode(const QByteArray &data)
{
    if (!data.contains(char(Iac)))
        return data;
    QByteArray out;
    out.reserve(data.size() + 8);
    for (const char c : data) {
        out.append(c);
        if (static_cast<unsigned char>(c) == Iac)
            out.append(c);
    }
    return out;
}
