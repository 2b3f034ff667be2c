// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QByteArray>
#include <QString>

/// Filters an IOC's console output before it reaches a terminal, so that bytes an IOC prints
/// can only draw on the screen, never act on the terminal itself or make it answer.
///
/// Passes text (UTF-8 or not), tab, newline, carriage return, backspace and bell; SGR colours
/// and attributes, cursor movement, erasing and scrolling; cursor visibility (CSI ?25 h/l);
/// ESC 7/8/D/E/M, keypad modes and character set designations. Drops whole: OSC (window
/// title, clipboard OSC 52, hyperlinks, colour queries), DCS (DECRQSS, ...), SOS, PM and APC
/// strings; every CSI sequence not on that list, notably device queries the terminal would
/// answer on its input (DA `ESC[c`, DSR `ESC[6n`, DECRQM, window reports `ESC[...t`) and mode
/// changes such as mouse reporting; ESC Z, ESC c, S8C1T; other C0 controls (ENQ answerback,
/// SO/SI); C1 controls encoded in UTF-8 (U+0080..U+009F, which terminals such as xterm and
/// VTE take for CSI, OSC, DCS...). A string (OSC, DCS, ...) ends at BEL or ST, is cancelled
/// by CAN or SUB, and also ends with its line, so an unterminated one cannot hide the rest
/// of the console. Stateful: a sequence split across filter() calls is handled whole. A CSI
/// sequence longer than MaxSequenceBytes is dropped, so the state is bounded.
class TerminalSanitizer
{
public:
    static constexpr int MaxSequenceBytes = 64;

    /// The bytes of @p input that may reach the terminal.
    QByteArray filter(const QByteArray &input);
    /// Console output as plain text for a text widget (not a terminal): filter()'s rules,
    /// then the sequences filter() lets through (colours, cursor movement) dropped too, CR LF
    /// and a lone CR as LF, the remaining control characters but tab and newline shown as
    /// ^@..^_ and ^?, invalid UTF-8 as U+FFFD. Nothing in it can act on anything.
    static QString plainText(const QByteArray &output);
    /// Forgets a sequence in progress (e.g. after a reconnect).
    void reset();
    /// Escape sequences and control characters dropped so far.
    qint64 droppedCount() const { return m_dropped; }

private:
    enum class State {
        Ground,
        Utf8C2, // after 0xC2: a C1 control follows when the next byte is 0x80..0x9F
        Escape, // after ESC
        EscapeIntermediate, // ESC ( ) * + % # and one more byte
        Csi, // ESC [ params...
        CsiDrop, // an over-long or refused CSI, until its final byte
        String, // OSC/DCS/SOS/PM/APC body until ST (or BEL for OSC)
        StringEscape, // ESC inside a string: '\' ends it
    };

    void filterGround(QByteArray *out, char ch);
    void finishCsi(QByteArray *out, char final);

    State m_state = State::Ground;
    QByteArray m_sequence; // the CSI (or ESC intermediate) sequence so far, from ESC on
    bool m_dropEscapeIntermediate = false;
    qint64 m_dropped = 0;
};
