// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QByteArray>
#include <QString>

/// What reading one small file of a host gave (FileSource::read()): its bytes, why there are
/// none, or that the read is still under way (SSH hosts).
struct FileContents
{
    QByteArray data;
    QString error; ///< translated; empty when the file was read (or is pending)
    bool pending = false; ///< not read yet; FileSource::filesRead() follows
    bool ok() const { return !pending && error.isEmpty(); }
};
