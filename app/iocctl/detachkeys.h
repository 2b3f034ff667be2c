// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

/// The key sequence that ends `iocctl attach`, in docker's syntax: a comma-separated list of
/// `ctrl-X` (X a letter or one of @ [ \ ] ^ _) or single characters, e.g. "ctrl-]" (the
/// default) or "ctrl-p,ctrl-q". feed() takes the typed bytes and holds back a partial match,
/// so the sequence itself never reaches the IOC.
class DetachKeys
{
    Q_DECLARE_TR_FUNCTIONS(DetachKeys)
public:
    DetachKeys() = default;
    explicit DetachKeys(const QByteArray &sequence)
        : m_sequence(sequence)
    {}

    /// Parses @p spec; on failure returns false and sets @p error.
    static bool parse(const QString &spec, QByteArray *sequence, QString *error);
    /// "Ctrl-]" / "Ctrl-P Ctrl-Q" for messages.
    static QString describe(const QByteArray &sequence);

    QByteArray sequence() const { return m_sequence; }

    /// Returns the bytes of @p typed that may be passed on. Sets @p detached when the
    /// sequence completed; bytes after it are dropped.
    QByteArray feed(const QByteArray &typed, bool *detached);
    /// Bytes held back as a possible start of the sequence.
    QByteArray pending() const { return m_sequence.left(m_matched); }

private:
    QByteArray m_sequence;
    int m_matched = 0;
};
