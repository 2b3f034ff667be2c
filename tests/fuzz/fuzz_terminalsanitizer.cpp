// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// libFuzzer target: TerminalSanitizer (core/procserv/terminalsanitizer.h), the filter
// between an IOC's console output and the terminal. Input: console output bytes.
#include "core/procserv/terminalsanitizer.h"
#include "tests/fuzz/fuzzcommon.h"

namespace {

bool isDrawingCsiFinal(char c)
{
    return QByteArray("@ABCDEFGHIJKLMPSTXZ`adefgm").contains(c);
}

/// Checks that @p out, the output of one filter() call, holds only what the sanitizer
/// promises to pass: printable bytes, TAB LF CR BS BEL, and whole escape sequences of the
/// drawing kind; no C1 control in its UTF-8 form. Returns the offset of the first offending byte, or -1.
int firstForbidden(const QByteArray &out)
{
    const int n = out.size();
    for (int i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(out.at(i));
        if (c != 0x1b) {
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\b' && c != 0x07)
                return i;
            // C1 controls in UTF-8 (U+0080..U+009F): xterm and VTE act on them as on ESC x.
            if (c == 0xc2 && i + 1 < n && static_cast<unsigned char>(out.at(i + 1)) >= 0x80
                && static_cast<unsigned char>(out.at(i + 1)) <= 0x9f)
                return i;
            continue;
        }
        if (i + 1 >= n)
            return i; // a sequence is passed whole or not at all
        const char next = out.at(i + 1);
        if (QByteArray("78DEM=>").contains(next)) {
            ++i;
            continue;
        }
        if (QByteArray("()*+%#").contains(next)) {
            if (i + 2 >= n)
                return i;
            const auto d = static_cast<unsigned char>(out.at(i + 2));
            if (d < 0x20 || d > 0x7e)
                return i;
            i += 2;
            continue;
        }
        if (next != '[')
            return i; // OSC, DCS, SOS, PM, APC, ESC Z, ESC c, ESC space ...: never passed
        int j = i + 2;
        while (j < n
               && ((out.at(j) >= '0' && out.at(j) <= '9') || out.at(j) == ';' || out.at(j) == ':'))
            ++j;
        if (j < n && isDrawingCsiFinal(out.at(j)) && j - i <= TerminalSanitizer::MaxSequenceBytes) {
            i = j;
            continue;
        }
        if (out.mid(i + 2, 4) == "?25h" || out.mid(i + 2, 4) == "?25l") {
            i += 5;
            continue;
        }
        return i; // device queries (DA, DSR, DECRQM, window reports), mouse modes, REP ...
    }
    return -1;
}

/// True when @p out can be had from @p in by deleting bytes: the filter only drops.
bool isSubsequence(const QByteArray &out, const QByteArray &in)
{
    int j = 0;
    for (int i = 0; i < in.size() && j < out.size(); ++i) {
        if (in.at(i) == out.at(j))
            ++j;
    }
    return j == out.size();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray in = fuzz::bytes(data, size);

    TerminalSanitizer whole;
    const QByteArray out = whole.filter(in);
    if (const int bad = firstForbidden(out); bad >= 0) {
        std::fprintf(stderr, "forbidden output at %d: %s\n", bad,
                     out.mid(bad, 16).toHex(' ').constData());
        FUZZ_CHECK(!"the sanitizer passed a byte or sequence it must drop");
    }
    FUZZ_CHECK(isSubsequence(out, in));
    FUZZ_CHECK(out.size() + whole.droppedCount() >= 0);

    // Chunked input gives the same output, and each chunk's output is safe on its own (a
    // terminal sees the chunks one by one).
    TerminalSanitizer split;
    QByteArray splitOut;
    for (const QByteArray &chunk : fuzz::chunks(in)) {
        const QByteArray part = split.filter(chunk);
        FUZZ_CHECK(firstForbidden(part) < 0);
        splitOut += part;
    }
    FUZZ_CHECK(splitOut == out);
    FUZZ_CHECK(split.droppedCount() == whole.droppedCount());

    // After reset() a sequence in progress is forgotten: output is again safe.
    split.reset();
    FUZZ_CHECK(firstForbidden(split.filter(in)) < 0);

    // Text without ESC, C0 controls and UTF-8 lead byte C2 (C1 controls) passes unchanged.
    bool plain = true;
    for (const char c : in) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\b' && c != 0x07)
            || u == 0xc2)
            plain = false;
    }
    if (plain)
        FUZZ_CHECK(out == in);
    return 0;
}
