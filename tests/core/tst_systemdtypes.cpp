// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// The systemd D-Bus structs and the text SystemdManager makes of errors and results. No bus needed.

#include "core/systemd/systemdmanager.h"
#include "core/systemd/systemdtypes.h"
#include "core/systemd/unitproperties.h"

#include <QDBusMetaType>
#include <QTest>

#include <limits>

class TestSystemdTypes : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void signatures_data();
    void signatures();
    void unitName_data();
    void unitName();
    void describeError_data();
    void describeError();
    void describeJobResult_data();
    void describeJobResult();
    void toDateTime();
    void plainValue();
    void unitPropertiesFromMap();
    void unitPropertiesFromPartialMap();
    void servicePropertiesFromMap();
    void propertiesChangeFromSignal();
};

void TestSystemdTypes::initTestCase()
{
    registerSystemdTypes();
    registerSystemdTypes(); // idempotent
}

void TestSystemdTypes::signatures_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("signature");
    QTest::newRow("UnitInfoList") << qMetaTypeId<UnitInfoList>() << QStringLiteral("a(ssssssouso)");
    QTest::newRow("UnitFileInfoList") << qMetaTypeId<UnitFileInfoList>() << QStringLiteral("a(ss)");
    QTest::newRow("ExecCommandList")
            << qMetaTypeId<ExecCommandList>() << QStringLiteral("a(sasbttttuii)");
    QTest::newRow("UnitProcessList") << qMetaTypeId<UnitProcessList>() << QStringLiteral("a(sus)");
    QTest::newRow("UnitFileChangeList")
            << qMetaTypeId<UnitFileChangeList>() << QStringLiteral("a(sss)");
    QTest::newRow("EnvironmentFileList")
            << qMetaTypeId<EnvironmentFileList>() << QStringLiteral("a(sb)");
}

void TestSystemdTypes::signatures()
{
    QFETCH(int, type);
    QFETCH(QString, signature);
#if QT_VERSION >= QT_VERSION_CHECK(6, 0, 0)
    QCOMPARE(QString::fromLatin1(QDBusMetaType::typeToSignature(QMetaType(type))), signature);
#else
    QCOMPARE(QString::fromLatin1(QDBusMetaType::typeToSignature(type)), signature);
#endif
}

void TestSystemdTypes::unitName_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("name");
    QTest::newRow("user") << QStringLiteral("/home/u/.config/systemd/user/ioc-a.service")
                          << QStringLiteral("ioc-a.service");
    QTest::newRow("template") << QStringLiteral("/etc/systemd/system/epics-@.service")
                              << QStringLiteral("epics-@.service");
    QTest::newRow("instance") << QStringLiteral("/run/systemd/system/ioc@motor1.service")
                              << QStringLiteral("ioc@motor1.service");
    QTest::newRow("bare") << QStringLiteral("x.service") << QStringLiteral("x.service");
    QTest::newRow("empty") << QString() << QString();
}

void TestSystemdTypes::unitName()
{
    QFETCH(QString, path);
    QFETCH(QString, name);
    UnitFileInfo info;
    info.path = path;
    QCOMPARE(info.unitName(), name);
}

void TestSystemdTypes::describeError_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no such unit") << QStringLiteral("org.freedesktop.systemd1.NoSuchUnit")
                                  << QStringLiteral("Unit x.service not found.")
                                  << QStringLiteral("No such unit: Unit x.service not found.");
    QTest::newRow("access denied")
            << QStringLiteral("org.freedesktop.DBus.Error.AccessDenied")
            << QStringLiteral("Access denied")
            << QStringLiteral("Permission denied: you are not allowed to do this (Access denied).");
    QTest::newRow("interactive")
            << QStringLiteral("org.freedesktop.DBus.Error.InteractiveAuthorizationRequired")
            << QStringLiteral("Interactive authentication required.")
            << QStringLiteral("Authentication is required, but no authentication agent could ask "
                              "for a password. Run a polkit agent in this session or ask an "
                              "administrator for permission.");
    QTest::newRow("invalid args")
            << QStringLiteral("org.freedesktop.DBus.Error.InvalidArgs")
            << QStringLiteral("Job mode bogus invalid")
            << QStringLiteral("systemd rejected the request: Job mode bogus invalid");
    QTest::newRow("no reply") << QStringLiteral("org.freedesktop.DBus.Error.NoReply")
                              << QStringLiteral("timeout")
                              << QStringLiteral("systemd did not answer in time (timeout).");
    QTest::newRow("disconnected")
            << QStringLiteral("org.freedesktop.DBus.Error.Disconnected")
            << QStringLiteral("Not connected to D-Bus server")
            << QStringLiteral("The connection to the D-Bus bus is lost (Not connected to D-Bus "
                              "server).");
    QTest::newRow("service unknown")
            << QStringLiteral("org.freedesktop.DBus.Error.ServiceUnknown")
            << QStringLiteral("The name is not activatable")
            << QStringLiteral("No systemd manager on this bus (The name is not activatable).");
    QTest::newRow("masked") << QStringLiteral("org.freedesktop.systemd1.UnitMasked")
                            << QStringLiteral("Unit x.service is masked.")
                            << QStringLiteral("The unit is masked: Unit x.service is masked.");
    QTest::newRow("other") << QStringLiteral("org.example.Weird") << QStringLiteral("Something odd")
                           << QStringLiteral("Something odd (org.example.Weird)");
    QTest::newRow("other, no text") << QStringLiteral("org.example.Weird") << QString()
                                    << QStringLiteral("D-Bus error org.example.Weird.");
}

void TestSystemdTypes::describeError()
{
    QFETCH(QString, name);
    QFETCH(QString, message);
    QFETCH(QString, expected);
    const QDBusError error = QDBusMessage::createError(name, message);
    QCOMPARE(SystemdManager::describeError(error), expected);
}

void TestSystemdTypes::describeJobResult_data()
{
    QTest::addColumn<QString>("result");
    QTest::addColumn<QString>("expected");
    QTest::newRow("failed") << QStringLiteral("failed")
                            << QStringLiteral("the unit failed; see its log");
    QTest::newRow("timeout") << QStringLiteral(
            "timeout") << QStringLiteral("the unit did not finish in time (timeout); see its log");
    QTest::newRow("canceled") << QStringLiteral("canceled")
                              << QStringLiteral("the job was canceled by another request");
    QTest::newRow("dependency") << QStringLiteral("dependency")
                                << QStringLiteral("a unit this one depends on failed");
    QTest::newRow("skipped")
            << QStringLiteral("skipped")
            << QStringLiteral("nothing to do for the unit in its current state (skipped)");
    QTest::newRow("unknown") << QStringLiteral("weird")
                             << QStringLiteral("finished with result \"weird\"");
}

void TestSystemdTypes::describeJobResult()
{
    QFETCH(QString, result);
    QFETCH(QString, expected);
    QCOMPARE(SystemdManager::describeJobResult(result), expected);
}

void TestSystemdTypes::toDateTime()
{
    QVERIFY(!SystemdManager::toDateTime(0).isValid());
    QVERIFY(!SystemdManager::toDateTime(std::numeric_limits<qulonglong>::max()).isValid());
    const QDateTime t = SystemdManager::toDateTime(1700000000123456ULL);
    QCOMPARE(t.toMSecsSinceEpoch(), 1700000000123LL);
}

void TestSystemdTypes::plainValue()
{
    QCOMPARE(SystemdManager::plainValue(
                     QVariant::fromValue(QDBusObjectPath(QStringLiteral("/a/b")))),
             QVariant(QStringLiteral("/a/b")));
    QCOMPARE(SystemdManager::plainValue(QVariant::fromValue(QDBusVariant(QVariant(42u)))),
             QVariant(42u));
    QCOMPARE(SystemdManager::plainValue(QVariant(qulonglong(7))), QVariant(qulonglong(7)));
    QCOMPARE(SystemdManager::plainValue(QVariant(QStringLiteral("x"))),
             QVariant(QStringLiteral("x")));
}

void TestSystemdTypes::unitPropertiesFromMap()
{
    // As GetAll of org.freedesktop.systemd1.Unit answers, after plainValue().
    const quint64 usec = 1700000000123456ull;
    const QVariantMap map{
        { QStringLiteral("Id"), QStringLiteral("softioc-a.service") },
        { QStringLiteral("Description"), QStringLiteral("IOC a") },
        { QStringLiteral("LoadState"), QStringLiteral("bad-setting") },
        { QStringLiteral("ActiveState"), QStringLiteral("active") },
        { QStringLiteral("SubState"), QStringLiteral("running") },
        { QStringLiteral("UnitFileState"), QStringLiteral("enabled") },
        { QStringLiteral("FragmentPath"), QStringLiteral("/etc/systemd/system/softioc-a.service") },
        { QStringLiteral("ActiveEnterTimestamp"), QVariant(qulonglong(usec)) },
        { QStringLiteral("InactiveEnterTimestamp"), QVariant(qulonglong(0)) },
        { QStringLiteral("LoadError"),
          QVariantList{ QStringLiteral("org.freedesktop.systemd1.BadSetting"),
                        QStringLiteral("Unit has a bad setting.") } },
        { QStringLiteral("Job"), QVariantList{ 0u, QStringLiteral("/") } }, // not read
    };
    const UnitProperties p = UnitProperties::fromMap(map);
    QCOMPARE(p.id.value_or(QString()), QStringLiteral("softioc-a.service"));
    QCOMPARE(p.description.value_or(QString()), QStringLiteral("IOC a"));
    QCOMPARE(p.loadState.value_or(QString()), QStringLiteral("bad-setting"));
    QCOMPARE(p.activeState.value_or(QString()), QStringLiteral("active"));
    QCOMPARE(p.subState.value_or(QString()), QStringLiteral("running"));
    QCOMPARE(p.unitFileState.value_or(QString()), QStringLiteral("enabled"));
    QCOMPARE(p.fragmentPath.value_or(QString()),
             QStringLiteral("/etc/systemd/system/softioc-a.service"));
    QCOMPARE(p.activeEnterTimestamp.value_or(QDateTime()), SystemdManager::toDateTime(usec));
    QVERIFY(p.activeEnterTimestamp->isValid());
    // 0 is "never": present, and invalid.
    QVERIFY(p.inactiveEnterTimestamp.has_value());
    QVERIFY(!p.inactiveEnterTimestamp->isValid());
    QVERIFY(p.loadError.has_value());
    QCOMPARE(p.loadError->name, QStringLiteral("org.freedesktop.systemd1.BadSetting"));
    QCOMPARE(p.loadError->message, QStringLiteral("Unit has a bad setting."));
}

void TestSystemdTypes::unitPropertiesFromPartialMap()
{
    // A PropertiesChanged names only what changed: the rest stays without a value, so it
    // cannot overwrite what is known with an empty string or a zero.
    const UnitProperties p = UnitProperties::fromMap(
            { { QStringLiteral("ActiveState"), QStringLiteral("deactivating") },
              { QStringLiteral("SubState"), QString() } });
    QCOMPARE(p.activeState.value_or(QString()), QStringLiteral("deactivating"));
    QVERIFY(p.subState.has_value()); // present and empty is not absent
    QCOMPARE(*p.subState, QString());
    QVERIFY(!p.id);
    QVERIFY(!p.description);
    QVERIFY(!p.loadState);
    QVERIFY(!p.unitFileState);
    QVERIFY(!p.fragmentPath);
    QVERIFY(!p.activeEnterTimestamp);
    QVERIFY(!p.inactiveEnterTimestamp);
    QVERIFY(!p.loadError);
    const UnitProperties none = UnitProperties::fromMap({});
    QVERIFY(!none.activeState && !none.subState);
}

void TestSystemdTypes::servicePropertiesFromMap()
{
    const ServiceProperties p = ServiceProperties::fromMap({
            { QStringLiteral("MainPID"), QVariant(4242u) },
            { QStringLiteral("NRestarts"), QVariant(3u) },
            { QStringLiteral("Result"), QStringLiteral("exit-code") },
            { QStringLiteral("WorkingDirectory"), QStringLiteral("/epics/iocs/a") },
            { QStringLiteral("User"), QStringLiteral("softioc") },
            { QStringLiteral("StatusText"), QString() },
            { QStringLiteral("ExecMainStartTimestamp"),
              QVariant(qulonglong(std::numeric_limits<qulonglong>::max())) },
    });
    QCOMPARE(p.mainPid.value_or(0), 4242u);
    QCOMPARE(p.nRestarts.value_or(0), 3u);
    QCOMPARE(p.result.value_or(QString()), QStringLiteral("exit-code"));
    QCOMPARE(p.workingDirectory.value_or(QString()), QStringLiteral("/epics/iocs/a"));
    QCOMPARE(p.user.value_or(QString()), QStringLiteral("softioc"));
    QVERIFY(p.statusText.has_value());
    // UINT64_MAX is "not available".
    QVERIFY(p.execMainStartTimestamp.has_value());
    QVERIFY(!p.execMainStartTimestamp->isValid());

    // MainPID 0 (no process) is a value, not an absence.
    const ServiceProperties stopped =
            ServiceProperties::fromMap({ { QStringLiteral("MainPID"), QVariant(0u) } });
    QVERIFY(stopped.mainPid.has_value());
    QCOMPARE(*stopped.mainPid, 0u);
    QVERIFY(!stopped.nRestarts && !stopped.result && !stopped.workingDirectory);
}

void TestSystemdTypes::propertiesChangeFromSignal()
{
    const QVariantMap changed{ { QStringLiteral("ActiveState"), QStringLiteral("active") },
                               { QStringLiteral("MainPID"), QVariant(7u) } };
    // The interface the signal names decides which struct its properties fill.
    const UnitPropertiesChange unit =
            UnitPropertiesChange::fromSignal(SystemdManager::unitInterface(), changed, {});
    QCOMPARE(unit.unit.activeState.value_or(QString()), QStringLiteral("active"));
    QVERIFY(!unit.service.mainPid);
    QVERIFY(!unit.execStartInvalidated);

    const UnitPropertiesChange service = UnitPropertiesChange::fromSignal(
            SystemdManager::serviceInterface(), changed,
            { QStringLiteral("ExecStartPre"), QStringLiteral("ExecStart") });
    QCOMPARE(service.service.mainPid.value_or(0), 7u);
    QVERIFY(!service.unit.activeState);
    QVERIFY(service.execStartInvalidated);

    const UnitPropertiesChange other =
            UnitPropertiesChange::fromSignal(QStringLiteral("org.freedesktop.systemd1.Socket"),
                                             changed, { QStringLiteral("ExecStartPre") });
    QVERIFY(!other.unit.activeState && !other.service.mainPid);
    QVERIFY(!other.execStartInvalidated);

    // Carried through queued connections and QSignalSpy.
#if QT_VERSION >= QT_VERSION_CHECK(6, 0, 0)
    QVERIFY(QMetaType::fromName("UnitPropertiesChange").isValid());
#else
    QVERIFY(QMetaType::type("UnitPropertiesChange") != QMetaType::UnknownType);
#endif
}

QTEST_GUILESS_MAIN(TestSystemdTypes)
#include "tst_systemdtypes.moc"
