// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

// Helpers shared by the libFuzzer targets in tests/fuzz (see docs/fuzzing.md).

#include <QByteArray>
#include <QList>
#include <QString>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

/// A broken invariant: print what and where, then abort so libFuzzer saves the reproducer.
#define FUZZ_CHECK(condition)                                                                      \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #condition); \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

namespace fuzz {

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<int>(size));
}

/// Cut points for feeding @p data in chunks: derived from the bytes themselves (FNV-1a), so
/// the seeds stay plain transcripts and every mutation also moves the cuts. Sorted, within
/// (0, size), possibly repeated (an empty chunk is a valid chunk too).
inline QList<int> cutPoints(const QByteArray &data, int maxCuts = 8)
{
    quint32 h = 2166136261u;
    for (const char c : data)
        h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    QList<int> cuts;
    if (data.size() < 2)
        return cuts;
    const int n = 1 + static_cast<int>(h % static_cast<quint32>(maxCuts));
    for (int i = 0; i < n; ++i) {
        h = h * 1103515245u + 12345u;
        cuts << 1 + static_cast<int>((h >> 8) % static_cast<quint32>(data.size() - 1));
    }
    std::sort(cuts.begin(), cuts.end());
    return cuts;
}

/// @p data split at cutPoints(); the chunks concatenate back to @p data.
inline QList<QByteArray> chunks(const QByteArray &data, int maxCuts = 8)
{
    QList<QByteArray> out;
    int from = 0;
    for (const int cut : cutPoints(data, maxCuts)) {
        out << data.mid(from, cut - from);
        from = cut;
    }
    out << data.mid(from);
    return out;
}

/// Splits at NUL bytes (the separator between the parts of a structured input).
inline QList<QByteArray> parts(const QByteArray &data)
{
    return data.split('\0');
}

} // namespace fuzz
