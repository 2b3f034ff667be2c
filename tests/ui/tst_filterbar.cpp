// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/filterbar.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

class TestFilterBar : public QObject
{
    Q_OBJECT

private slots:
    void validTextEmitsTheFilter();
    void invalidTextIsShownInlineAndNotApplied();
    void togglesEmitOnce();
    void completesTheLastWord();
};

void TestFilterBar::validTextEmitsTheFilter()
{
    FilterBar bar;
    QSignalSpy changed(&bar, &FilterBar::filterChanged);
    bar.setText(QStringLiteral("status=running motor"));
    QCOMPARE(changed.count(), 1);
    QVERIFY(bar.isTextValid());
    QVERIFY(bar.filter().isValid());
    QVERIFY(!bar.filter().isEmpty());
}

void TestFilterBar::invalidTextIsShownInlineAndNotApplied()
{
    QWidget window;
    auto *bar = new FilterBar(&window);
    window.show();
    auto *label = bar->findChild<QLabel *>(QStringLiteral("filterErrorLabel"));
    QVERIFY(label);
    bar->setText(QStringLiteral("motor"));
    QSignalSpy changed(bar, &FilterBar::filterChanged);
    bar->setText(QStringLiteral("motor status=sleeping"));
    QCOMPARE(changed.count(), 0);
    QVERIFY(!bar->isTextValid());
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), bar->errorText());
    QVERIFY(!label->text().isEmpty());
    QVERIFY(!bar->lineEdit()->styleSheet().isEmpty());
    // The filter in force is still "motor".
    const IocFilter kept = bar->filter();
    Ioc motor;
    motor.name = QStringLiteral("motor1");
    Ioc vacuum;
    vacuum.name = QStringLiteral("vac1");
    QVERIFY(kept.matches(motor));
    QVERIFY(!kept.matches(vacuum));

    bar->setText(QStringLiteral("motor status=failed"));
    QCOMPARE(changed.count(), 1);
    QVERIFY(!label->isVisible());
    QVERIFY(bar->lineEdit()->styleSheet().isEmpty());
}

void TestFilterBar::togglesEmitOnce()
{
    FilterBar bar;
    QSignalSpy toggled(&bar, &FilterBar::statusToggleChanged);
    auto *failed = bar.findChild<QToolButton *>(QStringLiteral("failedButton"));
    QVERIFY(failed);
    QTest::mouseClick(failed, Qt::LeftButton);
    QCOMPARE(toggled.count(), 1);
    QCOMPARE(bar.statusToggle(), IocFilterProxyModel::StatusToggle::Failed);
    QVERIFY(failed->isChecked());
    QTest::mouseClick(failed, Qt::LeftButton); // exclusive: stays checked, no new signal
    QCOMPARE(toggled.count(), 1);
    auto *all = bar.findChild<QToolButton *>(QStringLiteral("allButton"));
    QTest::mouseClick(all, Qt::LeftButton);
    QCOMPARE(toggled.count(), 2);
    QVERIFY(!failed->isChecked());
}

void TestFilterBar::completesTheLastWord()
{
    FilterBar bar;
    QCompleter *completer = bar.lineEdit()->completer();
    QVERIFY(completer);
    QCOMPARE(completer->splitPath(QStringLiteral("motor sta")),
             QStringList{ QStringLiteral("sta") });
    // What QLineEdit does while the user types "motor sta": the whole text is the prefix.
    bar.lineEdit()->setText(QStringLiteral("motor sta"));
    completer->setCompletionPrefix(bar.lineEdit()->text());
    QVERIFY(completer->completionCount() > 0);
    QVERIFY(completer->setCurrentRow(0));
    // The earlier words stay; the last one is completed.
    QVERIFY(completer->currentIndex().data().toString().startsWith(QStringLiteral("status=")));
    QCOMPARE(completer->currentCompletion(),
             QStringLiteral("motor ") + completer->currentIndex().data().toString());
}

QTEST_MAIN(TestFilterBar)
#include "tst_filterbar.moc"
