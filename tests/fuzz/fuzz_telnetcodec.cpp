// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// libFuzzer target: TelnetCodec (core/procserv/telnetcodec.h), the telnet layer of every
// procServ console connection. Input: the raw bytes a console client receives.
#include "core/procserv/telnetcodec.h"
#include "tests/fuzz/fuzzcommon.h"

#include <QSet>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray in = fuzz::bytes(data, size);

    TelnetCodec whole;
    const QByteArray decoded = whole.decode(in);
    const QByteArray replies = whole.takeReplies();

    // Decoding only removes: never more bytes out than in, and data without IAC is untouched.
    FUZZ_CHECK(decoded.size() <= in.size());
    if (!in.contains('\xff'))
        FUZZ_CHECK(decoded == in && replies.isEmpty());
    FUZZ_CHECK(whole.willEchoCount() * 3 <= in.size());

    // Replies are whole IAC DO/DONT/WONT triples, each (verb, option) at most once, never a
    // WILL or DO from us (we offer nothing), and at most one per negotiation received.
    FUZZ_CHECK(replies.size() % 3 == 0);
    FUZZ_CHECK(replies.size() <= in.size());
    QSet<int> seen;
    for (int i = 0; i + 2 < replies.size(); i += 3) {
        const auto verb = static_cast<unsigned char>(replies.at(i + 1));
        FUZZ_CHECK(static_cast<unsigned char>(replies.at(i)) == TelnetCodec::Iac);
        FUZZ_CHECK(verb == TelnetCodec::Do || verb == TelnetCodec::Dont
                   || verb == TelnetCodec::Wont);
        const auto option = static_cast<unsigned char>(replies.at(i + 2));
        FUZZ_CHECK(verb != TelnetCodec::Do || option == TelnetCodec::OptEcho);
        const int key = verb << 8 | option;
        FUZZ_CHECK(!seen.contains(key));
        seen.insert(key);
    }
    FUZZ_CHECK(whole.takeReplies().isEmpty()); // takeReplies() empties the queue

    // The state survives a chunk split at any byte: same data, same replies.
    TelnetCodec split;
    QByteArray splitDecoded, splitReplies;
    for (const QByteArray &chunk : fuzz::chunks(in)) {
        splitDecoded += split.decode(chunk);
        splitReplies += split.takeReplies();
    }
    FUZZ_CHECK(splitDecoded == decoded);
    FUZZ_CHECK(splitReplies == replies);
    FUZZ_CHECK(split.willEchoCount() == whole.willEchoCount());

    // reset() is a fresh codec.
    split.reset();
    FUZZ_CHECK(split.decode(in) == decoded);
    FUZZ_CHECK(split.takeReplies() == replies);

    // encode() doubles exactly the 0xFF bytes, and a fresh decoder gives the data back.
    const QByteArray encoded = TelnetCodec::encode(in);
    FUZZ_CHECK(encoded.size() == in.size() + in.count('\xff'));
    TelnetCodec roundTrip;
    FUZZ_CHECK(roundTrip.decode(encoded) == in);
    FUZZ_CHECK(roundTrip.takeReplies().isEmpty());
    return 0;
}
