// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

// A hijacked engine connection as a console stream: POST /exec/{id}/start or
// POST /containers/{id}/attach with "Connection: Upgrade" and "Upgrade: tcp". After the engine's
// 101 (or 200) the socket carries raw stdin one way and, without a TTY, Docker's multiplexed
// frames (StreamFrameDecoder) the other way; with a TTY raw bytes both ways.

#include "core/containers/httpresponseparser.h"
#include "core/containers/streamframedecoder.h"
#include "core/procserv/consolesession.h"

#include <QLocalSocket>
#include <QPointer>
#include <QStringList>

#include <memory>

class EngineClient;

/// One console connection into a container, for ConsoleSession (setStreamFactory()).
///
/// Exec: a relay command started in the running container with stdin attached and no TTY
/// (e.g. `socat - TCP:127.0.0.1:4051` reaching procServ inside). Candidates are tried in order:
/// the first whose probe command runs with exit status 0 is used (the last one without a
/// probe); the choice is kept in @ref Options::chosen, shared by the streams of one session, so
/// the probe runs once. The relay's stderr is not console output: it becomes the reason when
/// the stream ends. The stream counts as established when the relay's first output arrives
/// (procServ's banner), as a relay that cannot connect says so on stderr and ends.
///
/// Attach: the container's own stdio (POST /containers/{id}/attach, stream=1, stdout, stderr,
/// stdin unless read-only, and @ref Options::detachKeys so that the engine's default ctrl-p
/// ctrl-q is not taken from the user's input). Established at the engine's answer. Without a
/// TTY the stream does what a terminal's line discipline would: CR (and CR LF) typed become LF,
/// and LF written by the container becomes CR LF. Closing the connection detaches; the
/// container runs on. Podman (4.3.1, measured) closes a container's stdin when an attach with
/// stdin ends unless the container has a TTY, so a read-write attach to a Podman container
/// without a TTY is refused (not retried): read-only works.
///
/// Nothing is written on the socket but the request and what the user writes.
class EngineStream : public ConsoleStream
{
    Q_OBJECT
public:
    enum class Kind { Exec, Attach };
    struct Relay
    {
        QString name; // "socat", "nc"
        QStringList probe; // run first; empty: not probed
        QStringList command;
    };
    struct Options
    {
        Kind kind = Kind::Exec;
        QString socketPath;
        QString container; // ID or name
        QString containerName; // for messages
        QString engine = QStringLiteral("podman"); // runtime name, for descriptions
        QList<Relay> relays; // Exec
        std::shared_ptr<int> chosen; // Exec: index into relays once probed; shared
        bool readOnly = false; // Attach: stdin not attached
        QByteArray detachKeys = "ctrl-]"; // Attach
        int timeoutMs = 30000; // bound of each API call before the stream is up
    };

    explicit EngineStream(const Options &options, QObject *parent = nullptr);
    ~EngineStream() override;

    void start() override;
    QString description() const override;
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;
    qint64 bytesToWrite() const override;
    void close() override;
    /// Whether the container or exec has a TTY (known once established()).
    bool hasTty() const { return m_tty; }
    bool canRetry() const override { return m_retry; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    void probe(int index);
    void createExec(int index);
    void inspectForAttach();
    void hijack(const QByteArray &path, const QByteArray &body);
    void handleSocketReadyRead();
    void handleBody(const QByteArray &data);
    void deliver(const QByteArray &data);
    void establish();
    void fail(const QString &message);
    void handleDisconnected();
    void dropSocket(QLocalSocket *socket);

    Options m_options;
    EngineClient *m_client;
    QLocalSocket *m_socket = nullptr;
    HttpResponseParser m_parser;
    bool m_headersDone = false;
    StreamFrameDecoder m_decoder;
    bool m_tty = false;
    bool m_retry = true;
    bool m_established = false;
    bool m_ended = false;
    bool m_lastWasCr = false; // Attach without a TTY: CR LF typed is one line end
    bool m_outLastWasCr = false;
    int m_relay = -1;
    QByteArray m_readBuffer;
    QByteArray m_earlyOutput; // Exec: output before established() was emitted
    QByteArray m_stderr; // Exec: the relay's stderr (last 4 KiB)
    QByteArray m_errorBody; // an HTTP error answer's body
};
