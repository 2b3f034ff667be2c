// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/savedfilters.h"
#include "ui/filterbar.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
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
    void savesAndPicksAView();
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

void TestFilterBar::savesAndPicksAView()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("iocdock/filters.json"));
    QWidget window;
    auto *bar = new FilterBar(&window);
    bar->setSavedFiltersPath(path);
    window.show();
    QSignalSpy errors(bar, &FilterBar::errorOccurred);
    bar->setText(QStringLiteral("'name=mot or*' restarts>0"));
    bar->setStatusToggle(IocFilterProxyModel::StatusToggle::Failed);

    // Views ▸ Save Current Filter…, a name, OK.
    QMenu *menu = bar->savedFiltersButton()->menu();
    QVERIFY(menu);
    emit menu->aboutToShow();
    auto *save = menu->findChild<QAction *>(QStringLiteral("saveFilterAction"));
    QVERIFY(save);
    save->trigger();
    auto *dialog = bar->findChild<QInputDialog *>(QStringLiteral("saveFilterDialog"));
    QVERIFY(dialog);
    QVERIFY(dialog->labelText().contains(QStringLiteral("restarts>0")));
    dialog->setTextValue(QStringLiteral("flaky-motors"));
    dialog->accept();
    QCOMPARE(errors.count(), 0);
    const SavedFilters saved = SavedFilters::load(path);
    QCOMPARE(saved.names(), QStringList{ QStringLiteral("flaky-motors") });
    QCOMPARE(saved.entry(QStringLiteral("flaky-motors")).filter,
             QStringLiteral("'name=mot or*' restarts>0"));
    QCOMPARE(saved.entry(QStringLiteral("flaky-motors")).status, QStringLiteral("failed"));

    // Something else, then pick the view from the menu: text and toggle come back.
    bar->setText(QStringLiteral("vac"));
    bar->setStatusToggle(IocFilterProxyModel::StatusToggle::All);
    emit menu->aboutToShow();
    QAction *pick = nullptr;
    for (QAction *action : menu->actions()) {
        if (action->text().startsWith(QStringLiteral("flaky-motors")))
            pick = action;
    }
    QVERIFY(pick);
    QSignalSpy changed(bar, &FilterBar::filterChanged);
    pick->trigger();
    QCOMPARE(bar->text(), QStringLiteral("'name=mot or*' restarts>0"));
    QCOMPARE(bar->statusToggle(), IocFilterProxyModel::StatusToggle::Failed);
    QCOMPARE(changed.count(), 1);

    // An invalid filter is not saved; the reason is given.
    bar->setText(QStringLiteral("status=sleeping"));
    QString error;
    QVERIFY(!bar->saveCurrentFilter(QStringLiteral("bad"), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!SavedFilters::load(path).contains(QStringLiteral("bad")));
}

QTEST_MAIN(TestFilterBar)
#include "tst_filterbar.moc"
