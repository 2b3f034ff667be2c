// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/iocfilterproxymodel.h"
#include "ui/ioctablemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

class TestIocFilterProxyModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void filterText_data();
    void filterText();
    void invalidTextKeepsThePreviousFilter();
    void statusToggles_data();
    void statusToggles();
    void hostSelection();
    void followsLiveChanges();
    void sortsNumerically();
    void emptyTextSaysWhy();

private:
    QStringList visibleNames() const;
    void add(const QString &name, const QString &activeState, const QString &host,
             const QString &fileState, quint64 memory = 0, ChildState child = ChildState::Running);

    IocTableModel *m_model = nullptr;
    IocFilterProxyModel *m_proxy = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void TestIocFilterProxyModel::add(const QString &name, const QString &activeState,
                                  const QString &host, const QString &fileState, quint64 memory,
                                  ChildState child)
{
    Ioc ioc;
    ioc.host = host;
    ioc.name = name;
    ioc.unit = QStringLiteral("softioc-%1.service").arg(name);
    ioc.unitPath = QStringLiteral("/org/freedesktop/systemd1/unit/x");
    ioc.loadState = QStringLiteral("loaded");
    ioc.activeState = activeState;
    ioc.unitFileState = fileState;
    ioc.convention = QStringLiteral("manage-iocs");
    ioc.memoryBytes = memory;
    ioc.childState = activeState == QLatin1String("active") ? child : ChildState::Unknown;
    m_model->upsert(ioc);
}

void TestIocFilterProxyModel::init()
{
    m_model = new IocTableModel;
    m_proxy = new IocFilterProxyModel;
    m_proxy->setSourceModel(m_model);
    m_tester = new QAbstractItemModelTester(m_proxy,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
    add(QStringLiteral("motor1"), QStringLiteral("active"), QStringLiteral("user"),
        QStringLiteral("enabled"), 3000);
    add(QStringLiteral("motor2"), QStringLiteral("failed"), QStringLiteral("user"),
        QStringLiteral("enabled"), 0);
    add(QStringLiteral("vacuum"), QStringLiteral("inactive"), QStringLiteral("local"),
        QStringLiteral("disabled"), 0);
    add(QStringLiteral("bpm"), QStringLiteral("active"), QStringLiteral("local"),
        QStringLiteral("enabled"), 200000, ChildState::ShutDown);
}

void TestIocFilterProxyModel::cleanup()
{
    delete m_tester;
    delete m_proxy;
    delete m_model;
}

QStringList TestIocFilterProxyModel::visibleNames() const
{
    QStringList names;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        names << m_proxy->index(row, IocTableModel::NameColumn).data().toString();
    names.sort();
    return names;
}

void TestIocFilterProxyModel::filterText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("names");
    const QStringList all = { QStringLiteral("bpm"), QStringLiteral("motor1"),
                              QStringLiteral("motor2"), QStringLiteral("vacuum") };
    QTest::newRow("empty") << QString() << all;
    QTest::newRow("free word") << QStringLiteral("mot")
                               << QStringList{ QStringLiteral("motor1"), QStringLiteral("motor2") };
    QTest::newRow("name glob") << QStringLiteral("name=motor?")
                               << QStringList{ QStringLiteral("motor1"), QStringLiteral("motor2") };
    QTest::newRow("status") << QStringLiteral("status=failed")
                            << QStringList{ QStringLiteral("motor2") };
    QTest::newRow("status alternatives")
            << QStringLiteral("status=failed|shutdown")
            << QStringList{ QStringLiteral("bpm"), QStringLiteral("motor2") };
    QTest::newRow("host") << QStringLiteral("host=local")
                          << QStringList{ QStringLiteral("bpm"), QStringLiteral("vacuum") };
    QTest::newRow("enabled=false")
            << QStringLiteral("enabled=false") << QStringList{ QStringLiteral("vacuum") };
    QTest::newRow("terms AND") << QStringLiteral("host=user status=running")
                               << QStringList{ QStringLiteral("motor1") };
    QTest::newRow("no match") << QStringLiteral("nothing-like-this") << QStringList();
}

void TestIocFilterProxyModel::filterText()
{
    QFETCH(QString, text);
    QFETCH(QStringList, names);
    const IocFilter filter = m_proxy->setFilterText(text);
    QVERIFY2(filter.isValid(), qPrintable(filter.errorString()));
    QCOMPARE(visibleNames(), names);
}

void TestIocFilterProxyModel::invalidTextKeepsThePreviousFilter()
{
    m_proxy->setFilterText(QStringLiteral("motor"));
    QCOMPARE(visibleNames().size(), 2);
    const IocFilter bad = m_proxy->setFilterText(QStringLiteral("status=bogus"));
    QVERIFY(!bad.isValid());
    QVERIFY(!bad.errorString().isEmpty());
    QCOMPARE(visibleNames().size(), 2);
}

void TestIocFilterProxyModel::statusToggles_data()
{
    QTest::addColumn<IocFilterProxyModel::StatusToggle>("toggle");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("all") << IocFilterProxyModel::StatusToggle::All
                         << QStringList{ QStringLiteral("bpm"), QStringLiteral("motor1"),
                                         QStringLiteral("motor2"), QStringLiteral("vacuum") };
    QTest::newRow("running") << IocFilterProxyModel::StatusToggle::Running
                             << QStringList{ QStringLiteral("motor1") };
    QTest::newRow("not running") << IocFilterProxyModel::StatusToggle::NotRunning
                                 << QStringList{ QStringLiteral("bpm"), QStringLiteral("motor2"),
                                                 QStringLiteral("vacuum") };
    QTest::newRow("failed") << IocFilterProxyModel::StatusToggle::Failed
                            << QStringList{ QStringLiteral("motor2") };
}

void TestIocFilterProxyModel::statusToggles()
{
    QFETCH(IocFilterProxyModel::StatusToggle, toggle);
    QFETCH(QStringList, names);
    m_proxy->setStatusToggle(toggle);
    QCOMPARE(visibleNames(), names);
}

void TestIocFilterProxyModel::hostSelection()
{
    m_proxy->setHosts({ QStringLiteral("local") });
    QCOMPARE(visibleNames(), (QStringList{ QStringLiteral("bpm"), QStringLiteral("vacuum") }));
    m_proxy->setFilterText(QStringLiteral("vac"));
    QCOMPARE(visibleNames(), QStringList{ QStringLiteral("vacuum") });
    m_proxy->setHosts({});
    m_proxy->setFilterText(QString());
    QCOMPARE(visibleNames().size(), 4);
}

void TestIocFilterProxyModel::followsLiveChanges()
{
    m_proxy->setStatusToggle(IocFilterProxyModel::StatusToggle::Running);
    QCOMPARE(visibleNames(), QStringList{ QStringLiteral("motor1") });
    add(QStringLiteral("vacuum"), QStringLiteral("active"), QStringLiteral("local"),
        QStringLiteral("disabled"));
    QCOMPARE(visibleNames(), (QStringList{ QStringLiteral("motor1"), QStringLiteral("vacuum") }));
    m_model->remove(QStringLiteral("user/softioc-motor1.service"));
    QCOMPARE(visibleNames(), QStringList{ QStringLiteral("vacuum") });
}

void TestIocFilterProxyModel::sortsNumerically()
{
    // 3000 B, 0, 0, 200000 B: as text "2..." < "3..."; by value 3000 < 200000.
    m_proxy->sort(IocTableModel::MemoryColumn, Qt::DescendingOrder);
    QCOMPARE(m_proxy->index(0, IocTableModel::NameColumn).data().toString(), QStringLiteral("bpm"));
    QCOMPARE(m_proxy->index(1, IocTableModel::NameColumn).data().toString(),
             QStringLiteral("motor1"));
}

void TestIocFilterProxyModel::emptyTextSaysWhy()
{
    // What the empty table says (MainWindow shows it as the table's placeholder).
    QCOMPARE(m_proxy->emptyText(true, QString()), QString()); // rows are shown
    QVERIFY(m_proxy->setFilterText(QStringLiteral("nosuch")).isValid());
    QCOMPARE(m_proxy->emptyText(true, QStringLiteral(" nosuch ")),
             QStringLiteral("No IOC matches the filter “nosuch”."));
    m_proxy->setStatusToggle(IocFilterProxyModel::StatusToggle::Failed);
    QCOMPARE(m_proxy->emptyText(true, QStringLiteral("nosuch")),
             QStringLiteral("No IOC matches the filter “nosuch status=failed”."));

    m_proxy->setStatusToggle(IocFilterProxyModel::StatusToggle::All);
    QVERIFY(m_proxy->setFilterText(QString()).isValid());
    m_proxy->setHosts({ QStringLiteral("elsewhere") });
    QCOMPARE(m_proxy->emptyText(true, QString()), QStringLiteral("No IOCs on the selected hosts."));
    m_proxy->setHosts({ QStringLiteral("local") });
    QVERIFY(m_proxy->setFilterText(QStringLiteral("motor")).isValid());
    QCOMPARE(visibleNames(), QStringList());
    QCOMPARE(m_proxy->emptyText(true, QStringLiteral("motor")),
             QStringLiteral("No IOC on the selected hosts matches the filter “motor”."));

    // Nothing listed at all: still listing, or nothing there.
    IocTableModel empty;
    IocFilterProxyModel proxy;
    proxy.setSourceModel(&empty);
    QCOMPARE(proxy.emptyText(false, QString()), QStringLiteral("Listing IOCs…"));
    QCOMPARE(proxy.emptyText(true, QString()), QStringLiteral("No IOCs found on the hosts shown."));
}

QTEST_MAIN(TestIocFilterProxyModel)
#include "tst_iocfilterproxymodel.moc"
