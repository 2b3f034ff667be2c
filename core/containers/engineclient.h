// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

// A Docker Engine API client (dockerd, or Podman's compatible service) on the engine's UNIX
// socket: typed calls for what an IOC row needs, the event stream and log streams. One
// connection per request (EngineRequest); nothing blocks.

#include "core/containers/containertypes.h"
#include "core/containers/enginerequest.h"
#include "core/containers/streamframedecoder.h"

#include <QJsonObject>
#include <QObject>
#include <QUrlQuery>

#include <functional>

class EngineEventStream;
class ContainerLogStream;

/// Talks to one engine socket. Callbacks follow SystemdManager's pattern: each call takes a
/// context object and a function called once, later (never from inside the call), in the
/// context's thread; nothing is called when the context or this client is gone first. Errors
/// are translated messages (the engine's own message for an HTTP error).
class EngineClient : public QObject
{
    Q_OBJECT
public:
    /// The API version every path is prefixed with. Podman 4.3 serves 1.41 (and accepts any
    /// prefix); dockerd 20.10 (Debian 12) serves 1.41 and accepts older ones. 1.40 is Docker
    /// 19.03's: every call used here exists in it.
    static constexpr char ApiVersion[] = "v1.40";

    explicit EngineClient(const QString &socketPath, QObject *parent = nullptr);

    QString socketPath() const { return m_socketPath; }
    /// How long a call (not a stream, not an exec's run) may take before it fails with a
    /// message: 30 s by default; stop and restart get their kill timeout on top. 0: no limit.
    void setTimeout(int ms) { m_timeoutMs = ms; }
    int timeout() const { return m_timeoutMs; }

    /// A request for @p path (e.g. "/containers/json", without the version prefix), not started.
    /// Parented to @p parent, or to this client when null.
    EngineRequest *newRequest(const QByteArray &method, const QByteArray &path,
                              const QUrlQuery &query = QUrlQuery(),
                              const QByteArray &body = QByteArray(), QObject *parent = nullptr);

    void version(QObject *context,
                 std::function<void(const EngineVersion &, const QString &error)> done);
    /// All containers, running or not (GET /containers/json?all=1).
    void
    listContainers(QObject *context,
                   std::function<void(const QList<ContainerSummary> &, const QString &error)> done);
    void inspectContainer(const QString &idOrName, QObject *context,
                          std::function<void(const ContainerDetails &, const QString &error)> done);
    /// Memory and CPU time of a running container (GET /containers/{id}/stats?stream=false;
    /// Podman 4.3 takes about a second to answer).
    void containerStats(const QString &idOrName, QObject *context,
                        std::function<void(const ContainerStats &, const QString &error)> done);
    /// Starting a running container and stopping a stopped one succeed (the engine says 304).
    void startContainer(const QString &idOrName, QObject *context,
                        std::function<void(const QString &error)> done);
    /// SIGTERM (or the image's stop signal), SIGKILL after @p timeoutSeconds; the call returns
    /// when the container stopped, so it can take that long. -1: the engine's default.
    void stopContainer(const QString &idOrName, int timeoutSeconds, QObject *context,
                       std::function<void(const QString &error)> done);
    void restartContainer(const QString &idOrName, int timeoutSeconds, QObject *context,
                          std::function<void(const QString &error)> done);
    /// Sets the container's restart policy (POST /containers/{id}/update, RestartPolicy.Name:
    /// "no", "always", "unless-stopped", "on-failure"). @p unsupported is true when the engine
    /// has no such call (Podman 4.3's compatible API answers 404 without a JSON error).
    void setRestartPolicy(const QString &idOrName, const QString &policy, QObject *context,
                          std::function<void(const QString &error, bool unsupported)> done);
    /// POST /containers/create with @p config as the API defines it (Image, Cmd, Tty, Labels,
    /// HostConfig, ...); @p name may be empty.
    void createContainer(const QString &name, const QJsonObject &config, QObject *context,
                         std::function<void(const QString &id, const QString &error)> done);
    void removeContainer(const QString &idOrName, bool force, QObject *context,
                         std::function<void(const QString &error)> done);
    /// Runs @p command in the running container (no TTY, no stdin) and collects its output and
    /// exit code: exec create, exec start (the output until the exec ends), exec inspect.
    void exec(const QString &idOrName, const QStringList &command, QObject *context,
              std::function<void(const ExecResult &)> done);

    /// The engine's event stream (GET /events), started; @p filters as the API's `filters`
    /// object (e.g. {"type":["container"]}), empty for all. Deleting the stream closes it.
    EngineEventStream *events(const QJsonObject &filters, QObject *parent);
    /// The engine's events from @p since up to now (GET /events, not a stream), oldest first;
    /// @p filters as for events(). Podman ends its answer on `stream=false` (its `until` of
    /// now answers nothing), Docker on `until`: @p podman says which engine this is.
    void pastEvents(const QDateTime &since, const QJsonObject &filters, bool podman,
                    QObject *context,
                    std::function<void(const QList<EngineEvent> &, const QString &error)> done);
    /// A container's output (GET /containers/{id}/logs), started. Deleting it closes it.
    ContainerLogStream *logs(const QString &idOrName, const LogOptions &options, QObject *parent);

    static QByteArray pathSegment(const QString &idOrName);

private:
    void call(EngineRequest *request, QObject *context,
              std::function<void(EngineRequest *, const QString &error)> done);
    void runExec(const QString &execId, QObject *context,
                 std::function<void(const ExecResult &)> done);

    QString m_socketPath;
    int m_timeoutMs = 30000;
};

/// GET /events: one JSON object per line, never ending while the engine runs.
class EngineEventStream : public QObject
{
    Q_OBJECT
public:
    EngineEventStream(EngineClient *client, const QJsonObject &filters, QObject *parent);
    /// True once the engine answered: events from then on are seen.
    bool isConnected() const { return m_connected; }

signals:
    void connected();
    void eventReceived(const EngineEvent &event);
    /// The stream ended (the engine stopped, the socket went away): a translated reason.
    void finished(const QString &error);

private:
    void handleData(const QByteArray &data);

    EngineRequest *m_request;
    QByteArray m_buffer;
    bool m_connected = false;
};

/// GET /containers/{id}/logs: inspects the container first (a TTY container's log is raw bytes,
/// else Docker's multiplexed frames), then streams its output.
class ContainerLogStream : public QObject
{
    Q_OBJECT
public:
    using Stream = StreamFrameDecoder::Stream;
    ContainerLogStream(EngineClient *client, const QString &idOrName, const LogOptions &options,
                       QObject *parent);
    /// Whether the container has a TTY (known once started() came).
    bool hasTty() const { return m_tty; }

signals:
    /// The engine answered the logs request.
    void started();
    /// Output of the container; with a TTY all of it is Stdout.
    void output(StreamFrameDecoder::Stream stream, const QByteArray &data);
    /// The log ended (without follow at its end, with follow when the container stopped) or
    /// failed: @p error is empty or a translated reason.
    void finished(const QString &error);

private:
    void request(const QString &id, const LogOptions &options);
    void handleData(const QByteArray &data);

    EngineClient *m_client;
    EngineRequest *m_request = nullptr;
    StreamFrameDecoder m_decoder;
    bool m_tty = false;
    bool m_done = false;
};
