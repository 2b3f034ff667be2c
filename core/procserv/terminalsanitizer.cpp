// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/procserv/terminalsanitizer.h"

#include <algorithm>

namespace {

constexpr char kEsc = 0x1b;
constexpr char kBel = 0x07;
constexpr unsigned char kCan = 0x18;
constexpr unsigned char kSub = 0x1a;

// Final bytes of CSI sequences that only draw: cursor movement, erase, insert/delete, scroll,
// tab stops, SGR. Not 'b' (REP: a tiny sequence that prints a huge run), not the queries.
bool isDrawingCsiFinal(char c)
{
    static const QByteArray allowed("@ABCDEFGHIJKLMPSTXZ`adefgm");
    return allowed.contains(c);
}

bool isAllowedControl(unsigned char c)
{
    return c == '\t' || c == '\n' || c == '\r' || c == '\b' || c == kBel;
}

} // namespace

QString TerminalSanitizer::plainText(const QByteArray &output)
{
    TerminalSanitizer sanitizer;
    const QByteArray safe = sanitizer.filter(output);
    QByteArray text;
    text.reserve(safe.size());
    for (qsizetype i = 0; i < safe.size(); ++i) {
        const auto c = static_cast<unsigned char>(safe.at(i));
        if (c == 0x1b) {
            // What filter() passed is whole: CSI up to its final byte, or ESC and one or two
            // more bytes (ESC 7, ESC ( B).
            if (i + 1 < safe.size() && safe.at(i + 1) == '[') {
                i += 2;
                while (i < safe.size()
                       && !(static_cast<unsigned char>(safe.at(i)) >= 0x40
                            && static_cast<unsigned char>(safe.at(i)) <= 0x7e))
                    ++i;
            } else if (i + 1 < safe.size()) {
                const char next = safe.at(++i);
                if ((next == '(' || next == ')' || next == '*' || next == '+' || next == '%'
                     || next == '#')
                    && i + 1 < safe.size())
                    ++i;
            }
        } else if (c == '\r') {
            if (i + 1 >= safe.size() || safe.at(i + 1) != '\n')
                text += '\n';
        } else if (c == '\n' || c == '\t') {
            text += static_cast<char>(c);
        } else if (c < 0x20) {
            text += '^';
            text += static_cast<char>(c + 0x40);
        } else if (c == 0x7f) {
            text += "^?";
        } else {
            text += static_cast<char>(c);
        }
    }
    return QString::fromUtf8(text);
}

void TerminalSanitizer::reset()
{
    m_state = State::Ground;
    m_sequence.clear();
}

QByteArray TerminalSanitizer::filter(const QByteArray &input)
{
    QByteArray out;
    out.reserve(input.size());
    for (const char ch : input) {
        const auto c = static_cast<unsigned char>(ch);
        switch (m_state) {
        case State::Ground:
            filterGround(&out, ch);
            break;
        case State::Utf8C2:
            m_state = State::Ground;
            if (c >= 0x80 && c <= 0x9f) {
                ++m_dropped; // U+0080..U+009F: a C1 control (CSI, OSC, DCS, ...) in UTF-8
                break;
            }
            if (c >= 0xa0 && c <= 0xbf) { // U+00A0..U+00BF: text
                out.append('\xc2');
                out.append(ch);
                break;
            }
            // A lead byte without its continuation is invalid UTF-8 (a terminal shows U+FFFD).
            // It is dropped: passed on, it could meet a 0x80..0x9F after bytes dropped here
            // and make a C1 control that was not in the input.
            ++m_dropped;
            filterGround(&out, ch);
            break;
        case State::Escape:
            m_state = State::Ground;
            switch (ch) {
            case '[':
                m_state = State::Csi;
                m_sequence.append(ch);
                break;
            case ']': // OSC
            case 'P': // DCS
            case 'X': // SOS
            case '^': // PM
            case '_': // APC
                m_state = State::String;
                ++m_dropped;
                break;
            case '7':
            case '8':
            case 'D':
            case 'E':
            case 'M':
            case '=':
            case '>':
                out.append(kEsc).append(ch);
                break;
            case '(':
            case ')':
            case '*':
            case '+':
            case '%':
            case '#':
                m_state = State::EscapeIntermediate;
                m_dropEscapeIntermediate = false;
                m_sequence.append(ch);
                break;
            case ' ': // S7C1T/S8C1T and friends: S8C1T would make replies 8-bit
                m_state = State::EscapeIntermediate;
                m_dropEscapeIntermediate = true;
                break;
            case kEsc:
                // ESC ESC: the first is dropped, the second starts over.
                ++m_dropped;
                m_state = State::Escape;
                break;
            default:
                // ESC Z (DECID, answered), ESC c (full reset), anything unknown.
                ++m_dropped;
                if (c < 0x20 && isAllowedControl(c))
                    out.append(ch);
                break;
            }
            break;
        case State::EscapeIntermediate:
            m_state = State::Ground;
            if (m_dropEscapeIntermediate || c < 0x20 || c > 0x7e) {
                ++m_dropped;
            } else {
                out.append(m_sequence).append(ch);
            }
            m_sequence.clear();
            break;
        case State::Csi:
            if (c >= 0x40 && c <= 0x7e) {
                m_state = State::Ground;
                finishCsi(&out, ch);
                m_sequence.clear();
            } else if (c == kEsc) {
                // An ESC cancels the sequence and starts a new one.
                ++m_dropped;
                m_sequence = QByteArray(1, kEsc);
                m_state = State::Escape;
            } else if (c < 0x20 || c > 0x7e || m_sequence.size() >= MaxSequenceBytes) {
                // Controls inside CSI act on the terminal on their own; refuse the lot.
                m_state = State::CsiDrop;
                ++m_dropped;
                m_sequence.clear();
            } else {
                m_sequence.append(ch);
            }
            break;
        case State::CsiDrop:
            if (c >= 0x40 && c <= 0x7e)
                m_state = State::Ground;
            else if (c == kEsc) {
                m_sequence = QByteArray(1, kEsc);
                m_state = State::Escape;
            }
            break;
        case State::String:
            if (c == kBel || c == kCan || c == kSub) {
                m_state = State::Ground; // OSC may end with BEL; CAN and SUB abort a string
            } else if (c == '\n') {
                // An unterminated string (a garbled or crashed IOC) would hide the console
                // for good: it ends with its line. The terminal never saw it start.
                m_state = State::Ground;
                out.append(ch);
            } else if (c == kEsc) {
                m_state = State::StringEscape;
            }
            break;
        case State::StringEscape:
            // ESC \ is ST. Terminals end the string at any ESC; the byte after it is then
            // the start of a new sequence, which we drop too rather than guess.
            m_state = ch == '\\' ? State::Ground : State::String;
            break;
        }
    }
    return out;
}

void TerminalSanitizer::filterGround(QByteArray *out, char ch)
{
    const auto c = static_cast<unsigned char>(ch);
    if (c == kEsc) {
        m_state = State::Escape;
        m_sequence = QByteArray(1, kEsc);
    } else if (c == 0xc2) {
        m_state = State::Utf8C2; // decided by the next byte
    } else if (c < 0x20 && !isAllowedControl(c)) {
        ++m_dropped;
    } else {
        out->append(ch);
    }
}

void TerminalSanitizer::finishCsi(QByteArray *out, char final)
{
    // m_sequence is ESC [ and the parameter/intermediate bytes.
    const QByteArray params = m_sequence.mid(2);
    const bool plainParams = std::all_of(params.cbegin(), params.cend(), [](char p) {
        return (p >= '0' && p <= '9') || p == ';' || p == ':';
    });
    const bool cursorVisibility = params == "?25" && (final == 'h' || final == 'l');
    if ((plainParams && isDrawingCsiFinal(final)) || cursorVisibility) {
        out->append(m_sequence).append(final);
        return;
    }
    ++m_dropped;
}
