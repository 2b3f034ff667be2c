// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// libFuzzer target: HttpResponseParser and StreamFrameDecoder (core/containers), what the
// container engine client reads from the engine's socket. Input: the raw bytes of one HTTP
// response as they come off the connection (seeds: Podman 4.3.1 responses captured from
// tools/podman-sandbox: /_ping, /version, errors, /events, logs, exec output).
#include "core/containers/httpresponseparser.h"
#include "core/containers/streamframedecoder.h"
#include "tests/fuzz/fuzzcommon.h"

namespace {

struct Outcome
{
    HttpResponseParser::State state;
    int status;
    QByteArray body;
    QString error;
};

Outcome parse(const QList<QByteArray> &pieces, bool closeAtEnd)
{
    HttpResponseParser p;
    QByteArray body;
    bool failed = false;
    for (const QByteArray &piece : pieces) {
        const bool ok = p.feed(piece);
        // feed() fails exactly when the parser is in error, and stays failed.
        FUZZ_CHECK(ok == !p.hasError());
        FUZZ_CHECK(!failed || !ok);
        failed = !ok;
        body += p.takeBody();
        FUZZ_CHECK(p.takeBody().isEmpty());
    }
    if (closeAtEnd) {
        p.finish();
        body += p.takeBody();
        // After the end of the connection the response is complete or broken, nothing else.
        FUZZ_CHECK(p.isComplete() || p.hasError());
    }
    FUZZ_CHECK(p.bodySize() == body.size());
    if (p.headersComplete()) {
        FUZZ_CHECK(p.statusCode() >= 100 && p.statusCode() <= 599);
        FUZZ_CHECK(p.statusCode() >= 200 || p.statusCode() == 101);
    }
    if (p.isComplete() && p.framing() == HttpResponseParser::Framing::ContentLength)
        FUZZ_CHECK(p.header("Content-Length").toLongLong() == body.size()); // "060" is 60
    if (p.statusCode() == 204 || p.statusCode() == 304)
        FUZZ_CHECK(body.isEmpty());
    if (p.hasError())
        FUZZ_CHECK(!p.errorString().isEmpty());
    return { p.state(), p.headersComplete() ? p.statusCode() : 0, body, p.errorString() };
}

void checkFrames(const QByteArray &in)
{
    StreamFrameDecoder whole;
    QByteArray all[4];
    qint64 total = 0;
    for (const auto &piece : whole.feed(in)) {
        FUZZ_CHECK(!piece.data.isEmpty());
        all[static_cast<int>(piece.stream)] += piece.data;
        total += piece.data.size();
    }
    // Payload is never more than the input, and at least 8 header bytes go per frame.
    FUZZ_CHECK(total <= in.size());
    FUZZ_CHECK(total == 0 || total <= in.size() - 8);

    StreamFrameDecoder split;
    QByteArray parts[4];
    for (const QByteArray &chunk : fuzz::chunks(in)) {
        for (const auto &piece : split.feed(chunk)) {
            FUZZ_CHECK(!piece.data.isEmpty());
            parts[static_cast<int>(piece.stream)] += piece.data;
        }
    }
    for (int i = 0; i < 4; ++i)
        FUZZ_CHECK(parts[i] == all[i]);
    FUZZ_CHECK(split.hasError() == whole.hasError());
    FUZZ_CHECK(split.errorString() == whole.errorString());
    if (!whole.hasError())
        FUZZ_CHECK(split.atFrameBoundary() == whole.atFrameBoundary());
    if (whole.hasError())
        FUZZ_CHECK(whole.feed(in).isEmpty()); // an error is final
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray in = fuzz::bytes(data, size);

    const Outcome whole = parse({ in }, false);
    // Decoding only removes framing: the body is never longer than the input.
    FUZZ_CHECK(whole.body.size() <= in.size());

    // Any split of the input gives the same response.
    const Outcome split = parse(fuzz::chunks(in), false);
    FUZZ_CHECK(split.state == whole.state);
    FUZZ_CHECK(split.status == whole.status);
    FUZZ_CHECK(split.body == whole.body);
    FUZZ_CHECK(split.error == whole.error);

    // Byte by byte too, for short inputs (every state boundary).
    if (in.size() <= 512) {
        QList<QByteArray> bytes;
        for (const char c : in)
            bytes << QByteArray(1, c);
        const Outcome bytewise = parse(bytes, false);
        FUZZ_CHECK(bytewise.state == whole.state && bytewise.body == whole.body
                   && bytewise.error == whole.error);
    }

    // The end of the connection only completes or breaks; it never changes what was decoded.
    const Outcome closed = parse({ in }, true);
    FUZZ_CHECK(closed.body == whole.body);
    if (whole.state == HttpResponseParser::State::Done)
        FUZZ_CHECK(closed.state == HttpResponseParser::State::Done);

    // The body of a logs/exec response is a multiplexed stream; so may the raw input be.
    checkFrames(whole.body);
    checkFrames(in);
    return 0;
}
