// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/containers/engineclient.h"
#include "core/hosts/host.h"
#include "tests/common/sandbox.h"
#include "ui/ioctablemodel.h"
#include "ui/mainwindow.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSettings>
#include <QTest>

// Bounds for a loaded 2-core machine: an engine call normally takes well under a second.
static constexpr int CallTimeoutMs = 60000;

/// iocdock's window on a host with a container engine: the real Podman API service of
/// tools/podman-sandbox (IOCDOCK_PODMAN_SOCKET, found by the window's fleet through
/// CONTAINER_HOST as podman's CLI finds it) beside the systemd sandbox. What a user sees in the
/// table when containers change behind iocdock's back: a new IOC container appears, a stop
/// shows docker's "Exited (N)", a removal takes the row away — all from the engine's event
/// stream. Under run-tests (IOCDOCK_RUN_TESTS=1) a missing service fails; else it skips.
class TestMainWindowContainers : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void containerRowFollowsTheEngine();

private:
    QString call(const std::function<void(std::function<void(const QString &)>)> &request);
    QModelIndex cell(const QString &name, int column) const;

    Sandbox m_sandbox;
    QString m_socket;
    EngineClient *m_client = nullptr;
    MainWindow *m_window = nullptr;
    QString m_name;
    QString m_id;
};

void TestMainWindowContainers::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    m_socket = qEnvironmentVariable("IOCDOCK_PODMAN_SOCKET");
    if (m_socket.isEmpty()) {
        if (qEnvironmentVariableIntValue("IOCDOCK_RUN_TESTS") == 1)
            QFAIL("tools/run-tests provided no podman service (IOCDOCK_PODMAN_SOCKET is not set)");
        QSKIP("no podman service: run under tools/run-tests");
    }
    QCoreApplication::setOrganizationName(QStringLiteral("iocdock-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindowcontainers"));
    QSettings().clear();
    Q_INIT_RESOURCE(iocdock);
    // The window's fleet finds the engine as podman's CLI does (every test's environment
    // turns discovery off; this one is about it).
    qputenv("IOCDOCK_CONTAINERS", "1");
    qputenv("CONTAINER_HOST", QByteArray("unix://") + m_socket.toLocal8Bit());
    qunsetenv("DOCKER_HOST");
    m_client = new EngineClient(m_socket, this);
    m_name = QStringLiteral("gui-ioc-%1").arg(QCoreApplication::applicationPid());

    m_window = new MainWindow({ Host::fromSpec(QStringLiteral("user"), this) });
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestMainWindowContainers::cleanupTestCase()
{
    delete m_window;
    m_window = nullptr;
    if (m_client && !m_id.isEmpty())
        call([this](auto done) { m_client->removeContainer(m_id, true, this, done); });
}

QString TestMainWindowContainers::call(
        const std::function<void(std::function<void(const QString &)>)> &request)
{
    bool done = false;
    QString error = QStringLiteral("no answer");
    request([&](const QString &e) {
        error = e;
        done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, CallTimeoutMs); }();
    return error;
}

QModelIndex TestMainWindowContainers::cell(const QString &name, int column) const
{
    IocTableModel *model = m_window->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->ioc(row).name == name)
            return model->index(row, column);
    }
    return {};
}

void TestMainWindowContainers::containerRowFollowsTheEngine()
{
    // A stdio IOC (labelled) created and started behind iocdock's back.
    const QJsonObject config{
        { QStringLiteral("Image"),
          qEnvironmentVariable("IOCDOCK_PODMAN_IMAGE",
                               QStringLiteral("localhost/iocdock-test:latest")) },
        { QStringLiteral("Cmd"),
          QJsonArray{ QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                      QStringLiteral("trap 'exit 3' TERM; while true; do sleep 1; done") } },
        { QStringLiteral("Labels"), QJsonObject{ { QStringLiteral("iocdock.ioc"), m_name } } },
        { QStringLiteral("StopTimeout"), 5 },
        { QStringLiteral("HostConfig"),
          QJsonObject{ { QStringLiteral("NetworkMode"), QStringLiteral("none") } } },
    };
    bool created = false;
    QString error;
    m_client->createContainer(m_name, config, this, [&](const QString &id, const QString &e) {
        m_id = id;
        error = e;
        created = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(created, CallTimeoutMs);
    QVERIFY2(!m_id.isEmpty(), qPrintable(error));
    QCOMPARE(call([this](auto done) { m_client->startContainer(m_id, this, done); }), QString());

    // The row appears with what a user reads: runtime, image, docker's status.
    QTRY_VERIFY_WITH_TIMEOUT(cell(m_name, IocTableModel::StatusColumn).isValid(), CallTimeoutMs);
    QCOMPARE(cell(m_name, IocTableModel::RuntimeColumn).data().toString(),
             QStringLiteral("podman"));
    QVERIFY2(cell(m_name, IocTableModel::ImageColumn)
                     .data()
                     .toString()
                     .contains(QLatin1String("iocdock-test")),
             qPrintable(cell(m_name, IocTableModel::ImageColumn).data().toString()));
    QTRY_VERIFY_WITH_TIMEOUT(cell(m_name, IocTableModel::StatusColumn)
                                     .data()
                                     .toString()
                                     .startsWith(QLatin1String("Up ")),
                             CallTimeoutMs);

    // Stopped behind iocdock's back: docker's words and the exit code, from the event stream.
    QCOMPARE(call([this](auto done) { m_client->stopContainer(m_id, 5, this, done); }), QString());
    QTRY_VERIFY_WITH_TIMEOUT(cell(m_name, IocTableModel::StatusColumn)
                                     .data()
                                     .toString()
                                     .startsWith(QLatin1String("Exited (3)")),
                             CallTimeoutMs);

    // Removed behind iocdock's back: the row goes.
    QCOMPARE(call([this](auto done) { m_client->removeContainer(m_id, true, this, done); }),
             QString());
    m_id.clear();
    QTRY_VERIFY_WITH_TIMEOUT(!cell(m_name, IocTableModel::StatusColumn).isValid(), CallTimeoutMs);
}

QTEST_MAIN(TestMainWindowContainers)
#include "tst_mainwindowcontainers.moc"
