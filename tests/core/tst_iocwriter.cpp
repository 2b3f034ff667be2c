// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/iocwriter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <pwd.h>
#include <unistd.h>

/// IocWriter's planning without systemd: quoting as the tools quote, the default convention,
/// and refusals for missing write permission (checked by the kernel: the test drops its
/// effective user to nobody when it runs as root, since root may write anywhere).
class TestIocWriter : public QObject
{
    Q_OBJECT

private slots:
    void shellQuote_data();
    void shellQuote();
    void systemdQuote_data();
    void systemdQuote();
    void defaultConvention();
    void refusesWithoutWritePermission_data();
    void refusesWithoutWritePermission();

private:
    /// A layout whose every folder is under @p root.
    static IocHostLayout layoutUnder(const QString &root, bool userManager);
};

void TestIocWriter::shellQuote_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("quoted");
    // What Python's shlex.quote() gives (manage-procs quotes the arguments with it).
    QTest::newRow("plain") << QStringLiteral("st.cmd") << QStringLiteral("st.cmd");
    QTest::newRow("safe punctuation")
            << QStringLiteral("a@b%c+d=e:f,g.h/i-j") << QStringLiteral("a@b%c+d=e:f,g.h/i-j");
    QTest::newRow("empty") << QString() << QStringLiteral("''");
    QTest::newRow("space") << QStringLiteral("two words") << QStringLiteral("'two words'");
    QTest::newRow("quote") << QStringLiteral("it's") << QStringLiteral("'it'\"'\"'s'");
    QTest::newRow("dollar") << QStringLiteral("$HOME") << QStringLiteral("'$HOME'");
    QTest::newRow("non-ASCII") << QStringLiteral("µ") << QStringLiteral("'µ'");
}

void TestIocWriter::shellQuote()
{
    QFETCH(QString, word);
    QFETCH(QString, quoted);
    QCOMPARE(IocWriter::shellQuote(word), quoted);
}

void TestIocWriter::systemdQuote_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("quoted");
    QTest::newRow("plain") << QStringLiteral("/usr/bin/procServ")
                           << QStringLiteral("/usr/bin/procServ");
    QTest::newRow("control keys") << QStringLiteral("^D^C^]") << QStringLiteral("^D^C^]");
    QTest::newRow("specifier") << QStringLiteral("50%") << QStringLiteral("50%%");
    QTest::newRow("variable") << QStringLiteral("$HOME") << QStringLiteral("$$HOME");
    QTest::newRow("space") << QStringLiteral("two words") << QStringLiteral("\"two words\"");
    QTest::newRow("quote and backslash")
            << QStringLiteral("a\"b\\c") << QStringLiteral("\"a\\\"b\\\\c\"");
    QTest::newRow("empty") << QString() << QStringLiteral("\"\"");
}

void TestIocWriter::systemdQuote()
{
    QFETCH(QString, word);
    QFETCH(QString, quoted);
    QCOMPARE(IocWriter::systemdQuote(word), quoted);
}

IocHostLayout TestIocWriter::layoutUnder(const QString &root, bool userManager)
{
    IocHostLayout layout;
    layout.userManager = userManager;
    layout.unitDir = root + QStringLiteral("/locked/systemd/user");
    layout.unitSearchDirs = QStringList{ layout.unitDir };
    layout.procServConfigDir = root + QStringLiteral("/locked/procServ.d");
    layout.procServConfigFiles = QStringList{ layout.procServConfigDir };
    layout.iocBaseDir = root + QStringLiteral("/locked/epics/iocs");
    layout.iocSearchPath = QStringList{ layout.iocBaseDir };
    layout.runtimeDir = root + QStringLiteral("/run");
    layout.logDir = root + QStringLiteral("/log");
    layout.path = QStringList{ QStringLiteral(IOCDOCK_TEST_DATA_DIR "/procservutils"),
                               QStringLiteral("/usr/bin"), QStringLiteral("/bin") };
    return layout;
}

void TestIocWriter::defaultConvention()
{
    IocWriter writer(layoutUnder(QStringLiteral("/nonexistent"), true));
    QCOMPARE(writer.defaultConvention(), QStringLiteral("procservutils"));
    QList<Ioc> iocs;
    for (const char *convention :
         { "manage-iocs", "procservutils", "manage-iocs", "e3", "e3", "e3" }) {
        Ioc ioc;
        ioc.convention = QLatin1String(convention);
        iocs << ioc;
    }
    writer.setIocs(iocs);
    // e3 is the most used, but iocdock cannot write it: the most used one it can write.
    QCOMPARE(writer.defaultConvention(), QStringLiteral("manage-iocs"));
}

void TestIocWriter::refusesWithoutWritePermission_data()
{
    QTest::addColumn<QString>("convention");
    QTest::addColumn<bool>("userManager");
    QTest::addColumn<QString>("file"); // under the locked folder
    QTest::newRow("procservutils, user")
            << QStringLiteral("procservutils") << true << QStringLiteral("procServ.d/tstw.conf");
    QTest::newRow("generic, user")
            << QStringLiteral("generic") << true << QStringLiteral("systemd/user/ioc-tstw.service");
    QTest::newRow("generic, system") << QStringLiteral("generic") << false
                                     << QStringLiteral("systemd/user/ioc-tstw.service");
    QTest::newRow("manage-iocs, user")
            << QStringLiteral("manage-iocs") << true << QStringLiteral("epics/iocs/tstw/config");
}

void TestIocWriter::refusesWithoutWritePermission()
{
    QFETCH(QString, convention);
    QFETCH(bool, userManager);
    QFETCH(QString, file);
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString locked = tmp.path() + QStringLiteral("/locked");
    QVERIFY(QDir().mkpath(locked));
    // Others may look in (nobody must reach the folders), nobody may write in "locked".
    QVERIFY(QFile::setPermissions(tmp.path(),
                                  QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                          | QFile::ReadOther | QFile::ExeOther));
    QVERIFY(QFile::setPermissions(
            locked, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther));

    IocHostLayout layout = layoutUnder(tmp.path(), userManager);
    IocWriter writer(layout);
    IocCreateRequest request;
    request.name = QStringLiteral("tstw");
    request.convention = convention;
    request.chdir = QStringLiteral("/");
    request.command = QStringList{ QStringLiteral("/bin/true") };
    if (convention == QLatin1String("manage-iocs"))
        request.port = QStringLiteral("tcp:45123");

    // The kernel decides, for the effective user: as root, be nobody for the plan.
    const bool root = geteuid() == 0;
    const passwd *nobody = getpwnam("nobody");
    if (root) {
        QVERIFY(nobody);
        QVERIFY(setegid(nobody->pw_gid) == 0);
        QVERIFY(seteuid(nobody->pw_uid) == 0);
    }
    const IocPlan plan = writer.planCreate(request);
    if (root) {
        QVERIFY(seteuid(0) == 0);
        QVERIFY(setegid(0) == 0);
    }
    QVERIFY2(!plan.isValid(), qPrintable(plan.describe()));
    QCOMPARE(plan.refusal, IocPlan::Refusal::Permission);
    const QString path = locked + QLatin1Char('/') + file;
    QVERIFY2(plan.errors.join(QLatin1Char('\n')).contains(QStringLiteral("Cannot write ") + path),
             qPrintable(plan.errors.join(QLatin1Char('\n'))));
    QVERIFY2(plan.errors.join(QLatin1Char('\n'))
                     .contains(QStringLiteral("no write permission in ") + locked),
             qPrintable(plan.errors.join(QLatin1Char('\n'))));
    if (!userManager)
        QVERIFY(plan.errors.join(QLatin1Char('\n')).contains(QLatin1String("need root")));
    QVERIFY(plan.writes.isEmpty());
    QVERIFY(plan.calls.isEmpty());
    QVERIFY(plan.describe().startsWith(QLatin1String("error: ")));
    // The dry run shows the errors only: no file to write, no call to make.
    for (const QString &line : plan.describe().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        QVERIFY2(line.startsWith(QLatin1String("error: ")), qPrintable(line));
    // Nothing was written.
    QCOMPARE(QDir(locked).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
}

QTEST_GUILESS_MAIN(TestIocWriter)
#include "tst_iocwriter.moc"
