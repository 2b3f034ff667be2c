// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// libFuzzer target: ProcServStateTracker (core/procserv/bannerparser.h), which learns the
// child's state from procServ's "@@@" banner and lifecycle lines. Input: the raw bytes of a
// console connection, telnet included; they go through TelnetCodec as in ConsoleSession.
#include "core/procserv/bannerparser.h"
#include "core/procserv/telnetcodec.h"
#include "tests/fuzz/fuzzcommon.h"

namespace {

void checkConsistent(const ProcServStateTracker &t)
{
    // A known child PID means a running child; a shut-down child has none.
    if (t.childPid() != 0)
        FUZZ_CHECK(t.childState() == ChildState::Running);
    if (t.childState() == ChildState::ShutDown)
        FUZZ_CHECK(t.childPid() == 0);
    FUZZ_CHECK(t.users() >= -1 && t.loggers() >= -1);
}

bool sameState(const ProcServStateTracker &a, const ProcServStateTracker &b)
{
    return a.childState() == b.childState() && a.childPid() == b.childPid()
            && a.autoRestart() == b.autoRestart() && a.serverPid() == b.serverPid()
            && a.childName() == b.childName() && a.procServVersion() == b.procServVersion()
            && a.users() == b.users() && a.loggers() == b.loggers()
            && a.childStartedAtText() == b.childStartedAtText()
            && a.serverStartedAtText() == b.serverStartedAtText()
            && a.lastExitReason() == b.lastExitReason();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray in = fuzz::bytes(data, size);

    // As ConsoleSession does it: decode each chunk, feed it, note the end of the banner.
    TelnetCodec codec;
    ProcServStateTracker chunked;
    chunked.beginConnection();
    QByteArray decoded;
    for (const QByteArray &chunk : fuzz::chunks(in)) {
        const int echoes = codec.willEchoCount();
        const QByteArray text = codec.decode(chunk);
        decoded += text;
        chunked.feed(text);
        if (codec.willEchoCount() > echoes)
            chunked.markBannerComplete();
        checkConsistent(chunked);
    }
    if (codec.willEchoCount() > 0)
        FUZZ_CHECK(chunked.bannerComplete());
    FUZZ_CHECK(!chunked.takeChanged() || !chunked.takeChanged()); // true once, then false

    // Lines up to the tracker's limit are read the same however the bytes were chunked.
    ProcServStateTracker whole;
    whole.feed(decoded);
    checkConsistent(whole);
    if (decoded.size() <= 4096)
        FUZZ_CHECK(sameState(whole, chunked));

    // A new connection keeps what is known; reset() forgets all.
    chunked.beginConnection();
    FUZZ_CHECK(!chunked.bannerComplete());
    FUZZ_CHECK(sameState(whole, chunked) || decoded.size() > 4096);
    chunked.reset();
    FUZZ_CHECK(sameState(chunked, ProcServStateTracker()));
    FUZZ_CHECK(chunked.takeChanged());
    return 0;
}
