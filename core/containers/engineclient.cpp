// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/containers/engineclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPointer>
#include <QUrl>

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

namespace {

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString malformed(const QString &socketPath, const QString &what, const QString &detail)
{
    return QCoreApplication::translate("EngineClient",
                                       "The container engine at %1 sent an unreadable %2: %3")
            .arg(socketPath, what, detail);
}

} // namespace

EngineClient::EngineClient(const QString &socketPath, QObject *parent)
    : QObject(parent)
    , m_socketPath(socketPath)
{}

QByteArray EngineClient::pathSegment(const QString &idOrName)
{
    return QUrl::toPercentEncoding(idOrName);
}

EngineRequest *EngineClient::newRequest(const QByteArray &method, const QByteArray &path,
                                        const QUrlQuery &query, const QByteArray &body,
                                        QObject *parent)
{
    EngineRequest::Spec spec;
    spec.method = method;
    spec.target = QByteArray("/") + ApiVersion + path;
    if (!query.isEmpty())
        spec.target += '?' + query.toString(QUrl::FullyEncoded).toUtf8();
    spec.body = body;
    return new EngineRequest(m_socketPath, spec, parent ? parent : this);
}

void EngineClient::call(EngineRequest *request, QObject *context,
                        std::function<void(EngineRequest *, const QString &error)> done)
{
    connect(request, &EngineRequest::finished, context,
            [request, done = std::move(done)](const QString &error) { done(request, error); });
    // Connected second: runs after the callback, also when the context is gone.
    connect(request, &EngineRequest::finished, request, &QObject::deleteLater);
    if (!request->isStreaming() && request->timeout() == 0)
        request->setTimeout(m_timeoutMs);
    request->start();
}

void EngineClient::version(QObject *context,
                           std::function<void(const EngineVersion &, const QString &error)> done)
{
    call(newRequest("GET", "/version"), context,
         [this, done = std::move(done)](EngineRequest *r, const QString &error) {
             EngineVersion v;
             if (!error.isEmpty())
                 return done(v, error);
             QString detail;
             if (!EngineVersion::fromJson(r->body(), &v, &detail))
                 return done(v, malformed(m_socketPath, tr("version"), detail));
             done(v, QString());
         });
}

void EngineClient::listContainers(
        QObject *context,
        std::function<void(const QList<ContainerSummary> &, const QString &error)> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("all"), QStringLiteral("1"));
    call(newRequest("GET", "/containers/json", query), context,
         [this, done = std::move(done)](EngineRequest *r, const QString &error) {
             QList<ContainerSummary> list;
             if (!error.isEmpty())
                 return done(list, error);
             QString detail;
             if (!ContainerSummary::listFromJson(r->body(), &list, &detail))
                 return done({}, malformed(m_socketPath, tr("container list"), detail));
             done(list, QString());
         });
}

void EngineClient::inspectContainer(
        const QString &idOrName, QObject *context,
        std::function<void(const ContainerDetails &, const QString &error)> done)
{
    call(newRequest("GET", "/containers/" + pathSegment(idOrName) + "/json"), context,
         [this, done = std::move(done)](EngineRequest *r, const QString &error) {
             ContainerDetails d;
             if (!error.isEmpty())
                 return done(d, error);
             QString detail;
             if (!ContainerDetails::fromJson(r->body(), &d, &detail))
                 return done(ContainerDetails(),
                             malformed(m_socketPath, tr("container inspection"), detail));
             done(d, QString());
         });
}

void EngineClient::containerStats(
        const QString &idOrName, QObject *context,
        std::function<void(const ContainerStats &, const QString &error)> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("stream"), QStringLiteral("false"));
    call(newRequest("GET", "/containers/" + pathSegment(idOrName) + "/stats", query), context,
         [this, done = std::move(done)](EngineRequest *r, const QString &error) {
             ContainerStats stats;
             if (!error.isEmpty())
                 return done(stats, error);
             QString detail;
             if (!ContainerStats::fromJson(r->body(), &stats, &detail))
                 return done(ContainerStats(),
                             malformed(m_socketPath, tr("container statistics"), detail));
             done(stats, QString());
         });
}

void EngineClient::startContainer(const QString &idOrName, QObject *context,
                                  std::function<void(const QString &error)> done)
{
    call(newRequest("POST", "/containers/" + pathSegment(idOrName) + "/start"), context,
         [done = std::move(done)](EngineRequest *, const QString &error) { done(error); });
}

void EngineClient::stopContainer(const QString &idOrName, int timeoutSeconds, QObject *context,
                                 std::function<void(const QString &error)> done)
{
    QUrlQuery query;
    if (timeoutSeconds >= 0)
        query.addQueryItem(QStringLiteral("t"), QString::number(timeoutSeconds));
    EngineRequest *request =
            newRequest("POST", "/containers/" + pathSegment(idOrName) + "/stop", query);
    // The engine answers once the container stopped: after the kill timeout at worst (Docker's
    // default is 10 s).
    if (m_timeoutMs > 0)
        request->setTimeout(m_timeoutMs + 1000 * (timeoutSeconds >= 0 ? timeoutSeconds : 10));
    call(request, context,
         [done = std::move(done)](EngineRequest *, const QString &error) { done(error); });
}

void EngineClient::restartContainer(const QString &idOrName, int timeoutSeconds, QObject *context,
                                    std::function<void(const QString &error)> done)
{
    QUrlQuery query;
    if (timeoutSeconds >= 0)
        query.addQueryItem(QStringLiteral("t"), QString::number(timeoutSeconds));
    EngineRequest *request =
            newRequest("POST", "/containers/" + pathSegment(idOrName) + "/restart", query);
    // The engine answers once the container stopped: after the kill timeout at worst (Docker's
    // default is 10 s).
    if (m_timeoutMs > 0)
        request->setTimeout(m_timeoutMs + 1000 * (timeoutSeconds >= 0 ? timeoutSeconds : 10));
    call(request, context,
         [done = std::move(done)](EngineRequest *, const QString &error) { done(error); });
}

void EngineClient::setRestartPolicy(
        const QString &idOrName, const QString &policy, QObject *context,
        std::function<void(const QString &error, bool unsupported)> done)
{
    const QJsonObject body{ { QStringLiteral("RestartPolicy"),
                              QJsonObject{ { QStringLiteral("Name"), policy } } } };
    call(newRequest("POST", "/containers/" + pathSegment(idOrName) + "/update", {}, toJson(body)),
         context, [done = std::move(done)](EngineRequest *r, const QString &error) {
             // A missing route is a 404 whose body is no JSON error ("Not Found"); a missing
             // container is a 404 with {"message": "No such container…"}.
             const bool unsupported =
                     r->statusCode() == 404 && !QJsonDocument::fromJson(r->body()).isObject();
             done(error, unsupported);
         });
}

void EngineClient::createContainer(
        const QString &name, const QJsonObject &config, QObject *context,
        std::function<void(const QString &id, const QString &error)> done)
{
    QUrlQuery query;
    if (!name.isEmpty())
        query.addQueryItem(QStringLiteral("name"), name);
    call(newRequest("POST", "/containers/create", query, toJson(config)), context,
         [this, done = std::move(done)](EngineRequest *r, const QString &error) {
             if (!error.isEmpty())
                 return done(QString(), error);
             const QString id = QJsonDocument::fromJson(r->body())
                                        .object()
                                        .value(QLatin1String("Id"))
                                        .toString();
             if (id.isEmpty())
                 return done(QString(),
                             malformed(m_socketPath, tr("create reply"),
                                       QString::fromUtf8(r->body().left(200))));
             done(id, QString());
         });
}

void EngineClient::removeContainer(const QString &idOrName, bool force, QObject *context,
                                   std::function<void(const QString &error)> done)
{
    QUrlQuery query;
    if (force)
        query.addQueryItem(QStringLiteral("force"), QStringLiteral("1"));
    call(newRequest("DELETE", "/containers/" + pathSegment(idOrName), query), context,
         [done = std::move(done)](EngineRequest *, const QString &error) { done(error); });
}

void EngineClient::exec(const QString &idOrName, const QStringList &command, QObject *context,
                        std::function<void(const ExecResult &)> done)
{
    QJsonObject config;
    config.insert(QStringLiteral("AttachStdin"), false);
    config.insert(QStringLiteral("AttachStdout"), true);
    config.insert(QStringLiteral("AttachStderr"), true);
    config.insert(QStringLiteral("Tty"), false);
    config.insert(QStringLiteral("Cmd"), QJsonArray::fromStringList(command));
    // The chain's steps run with this client as context; @p context only guards the last call.
    QPointer<QObject> guard(context);
    call(newRequest("POST", "/containers/" + pathSegment(idOrName) + "/exec", QUrlQuery(),
                    toJson(config)),
         this, [this, guard, done = std::move(done)](EngineRequest *r, const QString &error) {
             if (!guard)
                 return;
             ExecResult result;
             if (!error.isEmpty()) {
                 result.error = error;
                 return done(result);
             }
             const QString id = QJsonDocument::fromJson(r->body())
                                        .object()
                                        .value(QLatin1String("Id"))
                                        .toString();
             if (id.isEmpty()) {
                 result.error = malformed(m_socketPath, tr("exec reply"),
                                          QString::fromUtf8(r->body().left(200)));
                 return done(result);
             }
             runExec(id, guard, done);
         });
}

void EngineClient::runExec(const QString &execId, QObject *context,
                           std::function<void(const ExecResult &)> done)
{
    QJsonObject start;
    start.insert(QStringLiteral("Detach"), false);
    start.insert(QStringLiteral("Tty"), false);
    EngineRequest *request = newRequest("POST", "/exec/" + pathSegment(execId) + "/start",
                                        QUrlQuery(), toJson(start));
    request->setStreaming(true);
    // The output is a hijacked connection carrying multiplexed frames until the exec ends.
    auto decoder = std::make_shared<StreamFrameDecoder>();
    auto result = std::make_shared<ExecResult>();
    connect(request, &EngineRequest::bodyData, this, [decoder, result](const QByteArray &data) {
        for (const auto &piece : decoder->feed(data)) {
            result->output += piece.data;
            if (piece.stream == StreamFrameDecoder::Stream::Stderr)
                result->standardError += piece.data;
            else if (piece.stream == StreamFrameDecoder::Stream::Stdout)
                result->standardOutput += piece.data;
        }
    });
    QPointer<QObject> guard(context);
    call(request, this,
         [this, execId, guard, decoder, result, done = std::move(done)](EngineRequest *,
                                                                        const QString &error) {
             if (!guard)
                 return;
             if (!error.isEmpty() || decoder->hasError()) {
                 result->error = !error.isEmpty()
                         ? error
                         : malformed(m_socketPath, tr("exec output"), decoder->errorString());
                 return done(*result);
             }
             call(newRequest("GET", "/exec/" + pathSegment(execId) + "/json"), guard,
                  [result, done](EngineRequest *r, const QString &inspectError) {
                      if (!inspectError.isEmpty()) {
                          result->error = inspectError;
                          return done(*result);
                      }
                      const QJsonObject json = QJsonDocument::fromJson(r->body()).object();
                      const QJsonValue code = json.value(QLatin1String("ExitCode"));
                      // Still running (it closed its output early): the exit code is unknown.
                      if (!json.value(QLatin1String("Running")).toBool() && code.isDouble())
                          result->exitCode = code.toInt();
                      done(*result);
                  });
         });
}

EngineEventStream *EngineClient::events(const QJsonObject &filters, QObject *parent)
{
    return new EngineEventStream(this, filters, parent);
}

void EngineClient::pastEvents(
        const QDateTime &since, const QJsonObject &filters, bool podman, QObject *context,
        std::function<void(const QList<EngineEvent> &, const QString &error)> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("since"), QString::number(since.toSecsSinceEpoch()));
    if (podman)
        query.addQueryItem(QStringLiteral("stream"), QStringLiteral("false"));
    else
        query.addQueryItem(QStringLiteral("until"),
                           QString::number(QDateTime::currentSecsSinceEpoch()));
    if (!filters.isEmpty())
        query.addQueryItem(QStringLiteral("filters"), QString::fromUtf8(toJson(filters)));
    call(newRequest("GET", "/events", query), context,
         [this, done = std::move(done)](EngineRequest *r, const QString &error) {
             if (!error.isEmpty())
                 return done({}, error);
             QList<EngineEvent> events;
             for (const QByteArray &line : r->body().split('\n')) {
                 if (line.trimmed().isEmpty())
                     continue;
                 const QJsonDocument doc = QJsonDocument::fromJson(line);
                 if (!doc.isObject())
                     return done({}, malformed(m_socketPath, tr("event"), tr("not a JSON object")));
                 events << EngineEvent::fromJson(doc.object());
             }
             done(events, QString());
         });
}

ContainerLogStream *EngineClient::logs(const QString &idOrName, const LogOptions &options,
                                       QObject *parent)
{
    return new ContainerLogStream(this, idOrName, options, parent);
}

// --- EngineEventStream ---------------------------------------------------------------------

EngineEventStream::EngineEventStream(EngineClient *client, const QJsonObject &filters,
                                     QObject *parent)
    : QObject(parent)
{
    QUrlQuery query;
    if (!filters.isEmpty())
        query.addQueryItem(QStringLiteral("filters"), QString::fromUtf8(toJson(filters)));
    m_request = client->newRequest("GET", "/events", query, QByteArray(), this);
    m_request->setStreaming(true);
    connect(m_request, &EngineRequest::responseStarted, this, [this](int status) {
        if (status < 300) {
            m_connected = true;
            emit connected();
        }
    });
    connect(m_request, &EngineRequest::bodyData, this, &EngineEventStream::handleData);
    connect(m_request, &EngineRequest::finished, this, [this](const QString &error) {
        m_connected = false;
        emit finished(error.isEmpty() ? tr("The container engine ended its event stream") : error);
    });
    m_request->start();
}

void EngineEventStream::handleData(const QByteArray &data)
{
    m_buffer += data;
    int start = 0;
    for (int end = m_buffer.indexOf('\n'); end >= 0; end = m_buffer.indexOf('\n', start)) {
        const QByteArray line = m_buffer.mid(start, end - start).trimmed();
        start = end + 1;
        if (line.isEmpty())
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (!doc.isObject()) {
            qCWarning(lcEngine) << "unreadable event skipped:" << line.left(200);
            continue;
        }
        emit eventReceived(EngineEvent::fromJson(doc.object()));
    }
    m_buffer.remove(0, start);
    if (m_buffer.size() > 1024 * 1024) {
        const QString error =
                malformed(m_request->socketPath(), tr("event"), tr("a line longer than 1 MiB"));
        m_request->abort();
        m_connected = false;
        emit finished(error);
    }
}

// --- ContainerLogStream --------------------------------------------------------------------

ContainerLogStream::ContainerLogStream(EngineClient *client, const QString &idOrName,
                                       const LogOptions &options, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    client->inspectContainer(idOrName, this,
                             [this, options](const ContainerDetails &d, const QString &error) {
                                 if (!error.isEmpty()) {
                                     m_done = true;
                                     emit finished(error);
                                     return;
                                 }
                                 m_tty = d.tty;
                                 request(d.id, options);
                             });
}

void ContainerLogStream::request(const QString &id, const LogOptions &options)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("stdout"), QStringLiteral("1"));
    query.addQueryItem(QStringLiteral("stderr"), QStringLiteral("1"));
    if (options.follow)
        query.addQueryItem(QStringLiteral("follow"), QStringLiteral("1"));
    if (options.timestamps)
        query.addQueryItem(QStringLiteral("timestamps"), QStringLiteral("1"));
    if (options.tail >= 0)
        query.addQueryItem(QStringLiteral("tail"), QString::number(options.tail));
    if (options.since.isValid()) {
        const qint64 ms = options.since.toMSecsSinceEpoch();
        query.addQueryItem(QStringLiteral("since"),
                           QStringLiteral("%1.%2").arg(ms / 1000).arg(ms % 1000 * 1000000, 9, 10,
                                                                      QLatin1Char('0')));
    }
    if (options.until.isValid()) {
        const qint64 ms = options.until.toMSecsSinceEpoch();
        query.addQueryItem(QStringLiteral("until"),
                           QStringLiteral("%1.%2").arg(ms / 1000).arg(ms % 1000 * 1000000, 9, 10,
                                                                      QLatin1Char('0')));
    }
    m_request =
            m_client->newRequest("GET", "/containers/" + EngineClient::pathSegment(id) + "/logs",
                                 query, QByteArray(), this);
    m_request->setStreaming(true);
    connect(m_request, &EngineRequest::responseStarted, this, [this](int status) {
        if (status < 300)
            emit started();
    });
    connect(m_request, &EngineRequest::bodyData, this, &ContainerLogStream::handleData);
    connect(m_request, &EngineRequest::finished, this, [this](const QString &error) {
        if (m_done)
            return;
        m_done = true;
        if (error.isEmpty() && !m_tty && !m_decoder.atFrameBoundary())
            emit finished(malformed(m_request->socketPath(), tr("log"), tr("a frame cut short")));
        else
            emit finished(error);
    });
    m_request->start();
}

void ContainerLogStream::handleData(const QByteArray &data)
{
    if (m_done)
        return;
    if (m_tty) {
        emit output(Stream::Stdout, data);
        return;
    }
    for (const auto &piece : m_decoder.feed(data)) {
        emit output(piece.stream, piece.data);
        if (m_done)
            return;
    }
    if (m_decoder.hasError()) {
        m_done = true;
        m_request->abort();
        emit finished(malformed(m_request->socketPath(), tr("log"), m_decoder.errorString()));
    }
}
