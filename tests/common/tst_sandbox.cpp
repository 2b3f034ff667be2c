// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "tests/common/sandbox.h"

#include <QFileInfo>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

/// The sandbox itself: a unit installed there runs a real procServ with iocsim, whose console
/// answers; the helpers refuse to work outside a sandbox.
class TestSandbox : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void unitDirIsInsideTheSandbox();
    void unavailableWithoutSandbox();
    void quoteArgument_data();
    void quoteArgument();
    void procServUtilsConsole();
    void tcpConsole();
    void freeTcpPortsAreDistinctAndFree();

private:
    // Reads from DEVICE into BUFFER until it contains every one of TEXTS or 15 s pass.
    static bool readUntil(QIODevice *device, QByteArray *buffer, const QList<QByteArray> &texts);
    // Reads until procServ reports a running child NAME: in the banner or, because procServ
    // starts its first child only after it listens (the banner of an early client says
    // "is SHUT DOWN"), in the "new child" message that follows.
    static bool waitForChild(QIODevice *device, QByteArray *buffer, const QString &name);

    Sandbox m_sandbox;
    QStringList m_units;
};

void TestSandbox::initTestCase()
{
    IOCDOCK_REQUIRE_SANDBOX();
    QVERIFY2(QFileInfo(Sandbox::iocsimPath()).isExecutable(),
             qPrintable(QStringLiteral("iocsim not built: ") + Sandbox::iocsimPath()));
    QVERIFY2(QFileInfo(QStringLiteral("/usr/bin/procServ")).isExecutable(),
             "procServ is not installed (Debian package procserv)");
}

void TestSandbox::cleanupTestCase()
{
    for (const QString &unit : std::as_const(m_units))
        m_sandbox.removeUnit(unit);
}

void TestSandbox::unitDirIsInsideTheSandbox()
{
    QVERIFY(!m_sandbox.dir().isEmpty());
    QVERIFY(m_sandbox.unitDir().startsWith(m_sandbox.dir() + QLatin1Char('/')));
    QVERIFY(m_sandbox.runtimeDir().startsWith(m_sandbox.dir() + QLatin1Char('/')));
    // The manager answers (is-system-running would also fail on "degraded", i.e. when an
    // earlier test left a failed unit behind).
    QByteArray version;
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("show"), QStringLiteral("--property=Version") },
                                &version));
    QVERIFY2(version.startsWith("Version="), version.constData());
}

void TestSandbox::unavailableWithoutSandbox()
{
    const QByteArray saved = qgetenv("IOCDOCK_SANDBOX");
    qunsetenv("IOCDOCK_SANDBOX");
    const bool available = Sandbox::isAvailable();
    const QString reason = Sandbox::unavailableReason();
    qputenv("IOCDOCK_SANDBOX", saved);
    QVERIFY(!available);
    QVERIFY2(reason.contains(QLatin1String("IOCDOCK_SANDBOX")), qPrintable(reason));

    // A sandbox variable next to a bus address of another manager is refused too.
    const QByteArray savedBus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/0/bus");
    const QString busReason = Sandbox::unavailableReason();
    qputenv("DBUS_SESSION_BUS_ADDRESS", savedBus);
    QVERIFY2(busReason.contains(QLatin1String("DBUS_SESSION_BUS_ADDRESS")), qPrintable(busReason));
    QVERIFY(Sandbox::isAvailable());
}

void TestSandbox::quoteArgument_data()
{
    QTest::addColumn<QString>("arg");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << QStringLiteral("--port") << QStringLiteral("--port");
    QTest::newRow("control chars") << QStringLiteral("^D^C^]") << QStringLiteral("^D^C^]");
    QTest::newRow("specifier") << QStringLiteral("unix:%t/x/control")
                               << QStringLiteral("unix:%t/x/control");
    QTest::newRow("space") << QStringLiteral("a b") << QStringLiteral("\"a b\"");
    QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \\\"hi\\\"\"");
    QTest::newRow("empty") << QString() << QStringLiteral("\"\"");
}

void TestSandbox::quoteArgument()
{
    QFETCH(QString, arg);
    QFETCH(QString, quoted);
    QCOMPARE(Sandbox::quoteArgument(arg), quoted);
}

bool TestSandbox::readUntil(QIODevice *device, QByteArray *buffer, const QList<QByteArray> &texts)
{
    auto complete = [&]() {
        for (const QByteArray &t : texts)
            if (!buffer->contains(t))
                return false;
        return true;
    };
    QSignalSpy spy(device, &QIODevice::readyRead);
    for (int i = 0; i < 150 && !complete(); ++i) {
        *buffer += device->readAll();
        if (!complete() && device->bytesAvailable() == 0)
            spy.wait(100);
    }
    *buffer += device->readAll();
    return complete();
}

bool TestSandbox::waitForChild(QIODevice *device, QByteArray *buffer, const QString &name)
{
    const QByteArray inBanner = "@@@ Child \"" + name.toUtf8() + "\" PID: ";
    const QByteArray started = "@@@ The PID of new child \"" + name.toUtf8() + "\" is: ";
    if (!readUntil(device, buffer, { "@@@ Welcome to procServ", "\xff\xfb\x01" }))
        return false;
    if (buffer->contains(inBanner))
        return true;
    return readUntil(device, buffer, { started });
}

void TestSandbox::procServUtilsConsole()
{
    const QString ioc = QStringLiteral("tst_sandbox-psu");
    const QString unit = QStringLiteral("procserv-") + ioc + QLatin1String(".service");
    m_units += unit;
    QVERIFY(m_sandbox.installUnit(unit, Sandbox::procServUtilsUnit(ioc)));
    QCOMPARE(m_sandbox.unitProperty(unit, QStringLiteral("LoadState")), QStringLiteral("loaded"));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unit }));
    QCOMPARE(m_sandbox.unitProperty(unit, QStringLiteral("ActiveState")), QStringLiteral("active"));

    const QString socketPath = m_sandbox.procServUtilsSocket(ioc);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(socketPath), 10000);
    QLocalSocket console;
    console.connectToServer(socketPath);
    QVERIFY2(console.waitForConnected(5000), qPrintable(console.errorString()));

    // Input reaches iocsim only while procServ has a child; iocsim's own prompt may have come
    // before we connected, so the command's output is what we wait for.
    QByteArray seen;
    QVERIFY2(waitForChild(&console, &seen, ioc), seen.constData());
    seen.clear();
    console.write("dbl\r");
    QVERIFY2(readUntil(&console, &seen,
                       { "tst_sandbox-psu:ai1", "tst_sandbox-psu:calc", "epics> " }),
             seen.constData());
    console.disconnectFromServer();

    QVERIFY(m_sandbox.removeUnit(unit));
    m_units.removeAll(unit);
    QVERIFY(!QFileInfo::exists(m_sandbox.unitDir() + QLatin1Char('/') + unit));
    QCOMPARE(m_sandbox.unitProperty(unit, QStringLiteral("LoadState")),
             QStringLiteral("not-found"));
    QVERIFY(!QFileInfo::exists(socketPath));
}

void TestSandbox::freeTcpPortsAreDistinctAndFree()
{
    const QList<quint16> ports = Sandbox::freeTcpPorts(5);
    QCOMPARE(ports.size(), 5);
    for (const quint16 port : ports) {
        QVERIFY(port != 0);
        QCOMPARE(ports.count(port), 1);
        QTcpServer server; // free again once chosen
        QVERIFY2(server.listen(QHostAddress::LocalHost, port), qPrintable(server.errorString()));
    }
}

void TestSandbox::tcpConsole()
{
    const QString ioc = QStringLiteral("tst_sandbox-tcp");
    const QString unit = ioc + QLatin1String(".service");
    m_units += unit;
    const quint16 port = Sandbox::freeTcpPort();
    QVERIFY(port != 0);
    QVERIFY(m_sandbox.installUnit(
            unit,
            Sandbox::procServUnit(ioc,
                                  { QStringLiteral("--name"), ioc, QStringLiteral("--ignore"),
                                    QStringLiteral("^D^C"), QString::number(port) },
                                  { QStringLiteral("--boot-delay"), QStringLiteral("0.2") })));
    QVERIFY(m_sandbox.systemctl({ QStringLiteral("start"), unit }));

    QTcpSocket console;
    QTRY_VERIFY_WITH_TIMEOUT(
            [&]() {
                console.abort();
                console.connectToHost(QStringLiteral("127.0.0.1"), port);
                return console.waitForConnected(1000);
            }(),
            10000);
    QByteArray seen;
    QVERIFY2(waitForChild(&console, &seen, ioc), seen.constData());
    seen.clear();
    console.write("dbgf tst_sandbox-tcp:ao1\r");
    QVERIFY2(readUntil(&console, &seen, { "DBF_DOUBLE:", "epics> " }), seen.constData());
    console.disconnectFromHost();

    QVERIFY(m_sandbox.removeUnit(unit));
    m_units.removeAll(unit);
}

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
