// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/iocformat.h"
#include "ui/iocdetailswidget.h"

#include <QApplication>
#include <QClipboard>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

class TestIocDetailsWidget : public QObject
{
    Q_OBJECT

private slots:
    void showsEveryJsonKey();
    void copiesJson();
    void keepsExpandedBranchesOnUpdate();
    void saysWhenTheIocIsGone();
    void showsAContainersFields();
    void summaryComesFirstWithUnknownsSaid();
    void remotePathsAreCopiedNotOpened();

private:
    static Ioc ioc();
    static QTreeWidgetItem *topLevel(QTreeWidget *tree, const QString &key);
};

Ioc TestIocDetailsWidget::ioc()
{
    Ioc ioc;
    ioc.host = QStringLiteral("user");
    ioc.name = QStringLiteral("motor1");
    ioc.unit = QStringLiteral("procserv-motor1.service");
    ioc.unitPath = QStringLiteral("/org/freedesktop/systemd1/unit/x");
    ioc.activeState = QStringLiteral("active");
    ioc.mainPid = 4242;
    ioc.execStart =
            QStringList{ QStringLiteral("/usr/bin/procServ"), QStringLiteral("--foreground"),
                         QStringLiteral("20000"), QStringLiteral("./st.cmd") };
    ioc.console = ConsoleEndpoint::fromString(QStringLiteral("tcp:127.0.0.1:20000"));
    return ioc;
}

QTreeWidgetItem *TestIocDetailsWidget::topLevel(QTreeWidget *tree, const QString &key)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(0) == key)
            return tree->topLevelItem(i);
    }
    return nullptr;
}

void TestIocDetailsWidget::showsEveryJsonKey()
{
    IocDetailsWidget widget;
    widget.setIoc(ioc());
    const QJsonObject json = IocFormat::toJson(ioc());
    QCOMPARE(widget.tree()->topLevelItemCount(), json.size());
    for (auto it = json.constBegin(); it != json.constEnd(); ++it)
        QVERIFY2(topLevel(widget.tree(), it.key()), qPrintable(it.key()));
    QCOMPARE(topLevel(widget.tree(), QStringLiteral("name"))->text(1), QStringLiteral("motor1"));
    QCOMPARE(topLevel(widget.tree(), QStringLiteral("procServPid"))->text(1),
             QStringLiteral("4242"));
    QTreeWidgetItem *argv = topLevel(widget.tree(), QStringLiteral("execStart"));
    QCOMPARE(argv->childCount(), 4);
    QCOMPARE(argv->text(1), QStringLiteral("/usr/bin/procServ --foreground 20000 ./st.cmd"));
}

void TestIocDetailsWidget::copiesJson()
{
    IocDetailsWidget widget;
    widget.setIoc(ioc());
    auto *button = widget.findChild<QPushButton *>(QStringLiteral("copyJsonButton"));
    QVERIFY(button);
    QApplication::clipboard()->clear();
    button->click();
    const QJsonDocument copied =
            QJsonDocument::fromJson(QApplication::clipboard()->text().toUtf8());
    QVERIFY(copied.isObject());
    QCOMPARE(copied.object(), IocFormat::toJson(ioc()));
}

void TestIocDetailsWidget::keepsExpandedBranchesOnUpdate()
{
    IocDetailsWidget widget;
    Ioc value = ioc();
    widget.setIoc(value);
    QTreeWidgetItem *argv = topLevel(widget.tree(), QStringLiteral("execStart"));
    argv->setExpanded(false);
    value.mainPid = 4343;
    widget.setIoc(value);
    QCOMPARE(topLevel(widget.tree(), QStringLiteral("procServPid"))->text(1),
             QStringLiteral("4343"));
    QVERIFY(!topLevel(widget.tree(), QStringLiteral("execStart"))->isExpanded());
}

void TestIocDetailsWidget::saysWhenTheIocIsGone()
{
    IocDetailsWidget widget;
    widget.setIoc(ioc());
    widget.show();
    auto *notice = widget.findChild<QLabel *>(QStringLiteral("removedLabel"));
    QVERIFY(notice);
    QVERIFY(!notice->isVisible());
    widget.setRemoved(true);
    QVERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains(QLatin1String("motor1"))
                     && notice->text().contains(QLatin1String("procserv-motor1.service")),
             qPrintable(notice->text()));
    // The last values stay readable, greyed out.
    QCOMPARE(topLevel(widget.tree(), QStringLiteral("procServPid"))->text(1),
             QStringLiteral("4242"));
    QVERIFY(!widget.tree()->isEnabled());
    // The IOC is back: current values, no notice.
    widget.setIoc(ioc());
    QVERIFY(!widget.isRemoved());
    QVERIFY(!notice->isVisible());
    QVERIFY(widget.tree()->isEnabled());
}

void TestIocDetailsWidget::showsAContainersFields()
{
    Ioc ioc;
    ioc.host = QStringLiteral("user");
    ioc.runtime = QStringLiteral("podman");
    ioc.name = QStringLiteral("motor1");
    ioc.containerId = QStringLiteral("0123abcd");
    ioc.container = QStringLiteral("motor1-ctr");
    ioc.image = QStringLiteral("localhost/epics-ioc:1.0");
    ioc.containerState = QStringLiteral("exited");
    ioc.exitCode = 137;
    IocDetailsWidget widget;
    widget.setIoc(ioc);
    widget.show();
    QCOMPARE(topLevel(widget.tree(), QStringLiteral("image"))->text(1),
             QStringLiteral("localhost/epics-ioc:1.0"));
    QCOMPARE(topLevel(widget.tree(), QStringLiteral("exitCode"))->text(1), QStringLiteral("137"));
    QCOMPARE(topLevel(widget.tree(), QStringLiteral("runtime"))->text(1), QStringLiteral("podman"));
    widget.setRemoved(true);
    auto *notice = widget.findChild<QLabel *>(QStringLiteral("removedLabel"));
    QVERIFY(notice);
    QVERIFY2(notice->text().contains(QLatin1String("no longer has the container motor1-ctr")),
             qPrintable(notice->text()));
    QVERIFY2(!notice->text().contains(QLatin1String("systemd")), qPrintable(notice->text()));
}

void TestIocDetailsWidget::summaryComesFirstWithUnknownsSaid()
{
    // Only what the unit listing says: procServ's command line and the banner not read yet.
    Ioc bare;
    bare.host = QStringLiteral("user");
    bare.name = QStringLiteral("motor2");
    bare.unit = QStringLiteral("softioc-motor2.service");
    bare.unitPath = QStringLiteral("/org/freedesktop/systemd1/unit/y");
    bare.activeState = QStringLiteral("active");
    IocDetailsWidget widget;
    widget.setIoc(bare);
    widget.show();
    QVERIFY(widget.summary()->isVisible());
    QVERIFY(!widget.tree()->isVisible());
    for (QTreeWidgetItemIterator it(widget.summary()); *it; ++it) {
        if ((*it)->parent())
            QVERIFY2(!(*it)->text(1).isEmpty(), qPrintable((*it)->text(0)));
    }
    const QString unknown = QStringLiteral("unknown");
    QCOMPARE(widget.summaryValue(QStringLiteral("IOC"), QStringLiteral("Child PID")), unknown);
    QCOMPARE(widget.summaryValue(QStringLiteral("IOC"), QStringLiteral("Restarts")), unknown);
    QCOMPARE(widget.summaryValue(QStringLiteral("procServ"), QStringLiteral("Console")), unknown);
    QCOMPARE(widget.summaryValue(QStringLiteral("procServ"), QStringLiteral("Keys")), unknown);
    QCOMPARE(widget.summaryValue(QStringLiteral("procServ"), QStringLiteral("Auto-restart")),
             unknown);
    QCOMPARE(widget.summaryValue(QStringLiteral("Unit"), QStringLiteral("File")), unknown);
    QCOMPARE(widget.summaryValue(QStringLiteral("Unit"), QStringLiteral("Drop-ins")), unknown);
    QCOMPARE(widget.summaryValue(QStringLiteral("Unit"), QStringLiteral("Enabled")), unknown);
    QCOMPARE(widget.summaryValue(QStringLiteral("Files"), QStringLiteral("Log")), unknown);
    QCOMPARE(widget.summaryValue(QStringLiteral("Host"), QStringLiteral("Host")),
             QStringLiteral("user"));

    // Once ExecStart is read, an option it does not have is "none", not unknown.
    Ioc read = ioc();
    read.dropInPaths = QStringList();
    widget.setIoc(read);
    QCOMPARE(widget.summaryValue(QStringLiteral("procServ"), QStringLiteral("Console")),
             QStringLiteral("tcp:127.0.0.1:20000"));
    QCOMPARE(widget.summaryValue(QStringLiteral("procServ"), QStringLiteral("Log port")),
             QStringLiteral("none"));
    QCOMPARE(widget.summaryValue(QStringLiteral("procServ"), QStringLiteral("procServ PID")),
             QStringLiteral("4242"));
    QCOMPARE(widget.summaryValue(QStringLiteral("Unit"), QStringLiteral("Drop-ins")),
             QStringLiteral("none"));

    // The JSON is one click away, and back.
    auto *toggle = widget.findChild<QToolButton *>(QStringLiteral("jsonToggle"));
    QVERIFY(toggle);
    toggle->click();
    QVERIFY(widget.tree()->isVisible());
    QVERIFY(!widget.summary()->isVisible());
    toggle->click();
    QVERIFY(widget.summary()->isVisible());
}

void TestIocDetailsWidget::remotePathsAreCopiedNotOpened()
{
    Ioc remote = ioc();
    remote.host = QStringLiteral("ioc1.example.org");
    remote.fragmentPath = QStringLiteral("/etc/systemd/system/procserv-motor1.service");
    IocDetailsWidget widget;
    widget.setIoc(remote);
    QVERIFY(!widget.hasLocalFiles());
    QTreeWidgetItem *file = nullptr;
    for (QTreeWidgetItemIterator it(widget.summary()); *it; ++it) {
        if ((*it)->parent() && (*it)->parent()->text(0) == QLatin1String("Unit")
            && (*it)->text(0) == QLatin1String("File"))
            file = *it;
    }
    QVERIFY(file);
    widget.summary()->setCurrentItem(file);
    QVERIFY(!widget.openCurrentPath());
    QApplication::clipboard()->clear();
    widget.copyCurrentValue();
    QCOMPARE(QApplication::clipboard()->text(), remote.fragmentPath);
    QCOMPARE(widget.summaryValue(QStringLiteral("Host"), QStringLiteral("Files")),
             QStringLiteral("on ioc1.example.org (copy only)"));
}

QTEST_MAIN(TestIocDetailsWidget)
#include "tst_iocdetailswidget.moc"
