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

QTEST_MAIN(TestIocDetailsWidget)
#include "tst_iocdetailswidget.moc"
