// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/containers/streamframedecoder.h"

QList<StreamFrameDecoder::Piece> StreamFrameDecoder::feed(const QByteArray &data)
{
    QList<Piece> out;
    if (hasError())
        return out;
    int pos = 0;
    while (pos < data.size()) {
        if (m_remaining > 0) {
            const int take = static_cast<int>(qMin<qint64>(m_remaining, data.size() - pos));
            if (!out.isEmpty() && out.last().stream == m_stream)
                out.last().data += data.mid(pos, take);
            else
                out.append({ m_stream, data.mid(pos, take) });
            pos += take;
            m_remaining -= static_cast<quint32>(take);
            continue;
        }
        const int need = 8 - m_header.size();
        m_header += data.mid(pos, need);
        pos += qMin(need, data.size() - pos);
        if (m_header.size() < 8)
            break;
        const auto type = static_cast<unsigned char>(m_header.at(0));
        if (type > 3) {
            m_error = QStringLiteral("unknown stream type %1 in a multiplexed stream").arg(type);
            m_header.clear();
            return out;
        }
        m_stream = static_cast<Stream>(type);
        m_remaining = static_cast<quint32>(static_cast<unsigned char>(m_header.at(4))) << 24
                | static_cast<quint32>(static_cast<unsigned char>(m_header.at(5))) << 16
                | static_cast<quint32>(static_cast<unsigned char>(m_header.at(6))) << 8
                | static_cast<quint32>(static_cast<unsigned char>(m_header.at(7)));
        m_header.clear();
    }
    return out;
}
