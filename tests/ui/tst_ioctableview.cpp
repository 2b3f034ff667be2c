// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// The IOC table's view on its own: what an empty table shows, Tab leaving it, the header's
// column menu.

#include "ui/hostlistview.h"
#include "ui/ioctablemodel.h"
#include "ui/ioctableview.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QStandardItemModel>
#include <QStringListModel>
#include <QTest>
#include <QVBoxLayout>

class TestIocTableView : public QObject
{
    Q_OBJECT

private slots:
    void emptyTableShowsItsPlaceholder();
    void tabLeavesTheTable();
    void hostNamesKeepBothEnds();
    void headerMenuShowsAndHidesColumns();
};

static int inkPixels(const QImage &image, const QRect &rect)
{
    // Pixels that differ from the background (the top-left pixel of the rectangle).
    const QColor background = image.pixelColor(rect.topLeft());
    int ink = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x)
            ink += image.pixelColor(x, y) != background ? 1 : 0;
    }
    return ink;
}

void TestIocTableView::emptyTableShowsItsPlaceholder()
{
    QStandardItemModel model(0, 3);
    IocTableView view;
    view.setModel(&model);
    view.resize(600, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setPlaceholderText(QStringLiteral("No IOC matches the filter “motor”."));
    QVERIFY(view.isPlaceholderVisible());
    auto *label = view.viewport()->findChild<QLabel *>(QStringLiteral("placeholderLabel"));
    QVERIFY(label);
    const QRect where = label->geometry();
    QVERIFY2(view.viewport()->rect().contains(where)
                     && where.height() > label->fontMetrics().height(),
             qPrintable(QStringLiteral("%1,%2 %3x%4")
                                .arg(where.x())
                                .arg(where.y())
                                .arg(where.width())
                                .arg(where.height())));
    // Drawn: the viewport shows text where the label is.
    const QImage image = view.viewport()->grab().toImage();
    QVERIFY(inkPixels(image, where) > 50);

    // A row: the placeholder goes.
    model.appendRow({ new QStandardItem(QStringLiteral("motor1")) });
    QVERIFY(!view.isPlaceholderVisible());
    model.removeRow(0);
    QVERIFY(view.isPlaceholderVisible());
    view.setPlaceholderText(QString());
    QVERIFY(!view.isPlaceholderVisible());
}

void TestIocTableView::tabLeavesTheTable()
{
    QStandardItemModel model(3, IocTableModel::ColumnCount);
    QWidget window;
    auto *view = new IocTableView(&window);
    auto *after = new QLineEdit(&window);
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(view);
    layout->addWidget(after);
    view->setModel(&model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    view->setFocus();
    view->setCurrentIndex(model.index(1, 0));
    QTest::keyClick(view, Qt::Key_Tab);
    QVERIFY(after->hasFocus());
    QCOMPARE(view->currentIndex(), model.index(1, 0));
    QCOMPARE(view->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(view->selectionModel()->selectedRows().at(0).row(), 1);
}

void TestIocTableView::hostNamesKeepBothEnds()
{
    // The host list beside the table: long names with a common prefix stay apart.
    QStringListModel model({ QStringLiteral("epics@ioc-server-beamline-12.example.org (8)"),
                             QStringLiteral("epics@ioc-server-beamline-14.example.org (3)") });
    HostListView view;
    view.setModel(&model);
    view.resize(160, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QString first = view.shownText(model.index(0));
    const QString second = view.shownText(model.index(1));
    QVERIFY2(first.contains(QChar(0x2026)), qPrintable(first));
    QVERIFY2(first.startsWith(QStringLiteral("ep")) && first.endsWith(QStringLiteral("(8)")),
             qPrintable(first));
    QVERIFY2(second.endsWith(QStringLiteral("(3)")), qPrintable(second));
    QVERIFY(view.visualRect(model.index(0)).width() <= view.viewport()->width());
}

void TestIocTableView::headerMenuShowsAndHidesColumns()
{
    IocTableModel model;
    IocTableView view;
    view.setModel(&model);
    view.resize(900, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QHeaderView *header = view.horizontalHeader();
    QCOMPARE(header->contextMenuPolicy(), Qt::CustomContextMenu);
    emit header->customContextMenuRequested(QPoint(10, 5)); // a right click on the header
    auto *menu = view.findChild<QMenu *>(QStringLiteral("columnsMenu"));
    QVERIFY(menu);
    QTRY_VERIFY(menu->isVisible());
    const QList<QAction *> actions = menu->actions();
    QCOMPARE(actions.size(), model.columnCount());
    for (int column = 0; column < model.columnCount(); ++column) {
        QCOMPARE(actions.at(column)->text(), model.headerData(column, Qt::Horizontal).toString());
        QVERIFY(actions.at(column)->isChecked());
        // Every column can be hidden but the name.
        QCOMPARE(actions.at(column)->isEnabled(), column != IocTableModel::NameColumn);
    }
    actions.at(IocTableModel::PidColumn)->trigger();
    QVERIFY(header->isSectionHidden(IocTableModel::PidColumn));
    menu->close();
    QTRY_VERIFY(!view.findChild<QMenu *>(QStringLiteral("columnsMenu")));

    // The next menu shows it unchecked; checking it shows the column again.
    emit header->customContextMenuRequested(QPoint(10, 5));
    menu = view.findChild<QMenu *>(QStringLiteral("columnsMenu"));
    QVERIFY(menu);
    QAction *pid = menu->actions().at(IocTableModel::PidColumn);
    QVERIFY(!pid->isChecked());
    pid->trigger();
    QVERIFY(!header->isSectionHidden(IocTableModel::PidColumn));
    menu->close();
}

QTEST_MAIN(TestIocTableView)
#include "tst_ioctableview.moc"
