// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/settingsdialog.h"

#include <QCheckBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTest>

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private slots:
    void showsAndReturnsTheSettings();
    void invalidInputKeepsTheDialogOpen();
    void noLabelShowsAnAmpersand();
};

static Settings sample()
{
    Settings s = Settings::defaults();
    s.unitPatterns = QStringList{ QStringLiteral("softioc-*.service"),
                                  QStringLiteral("procserv-*.service") };
    s.scrollbackLines = 5000;
    s.confirmActions = false;
    s.logLines = 200;
    s.eventHistoryHours = 72;
    s.terminalFont.setPointSize(12);
    return s;
}

void TestSettingsDialog::showsAndReturnsTheSettings()
{
    SettingsDialog dialog(sample());
    auto *patterns = dialog.findChild<QPlainTextEdit *>(QStringLiteral("patternsEdit"));
    QVERIFY(patterns);
    QCOMPARE(patterns->toPlainText(), QStringLiteral("softioc-*.service\nprocserv-*.service"));
    const Settings back = dialog.settings();
    QCOMPARE(back.unitPatterns, sample().unitPatterns);
    QCOMPARE(back.scrollbackLines, 5000);
    QCOMPARE(back.confirmActions, false);
    QCOMPARE(back.logLines, 200);
    QCOMPARE(back.terminalFont.pointSize(), 12);
    QCOMPARE(back.eventHistoryHours, 72);
    auto *hours = dialog.findChild<QSpinBox *>(QStringLiteral("historyHoursSpinBox"));
    QVERIFY(hours);
    QCOMPARE(hours->value(), 72);
    // 0 reads none, and says so.
    hours->setValue(0);
    QCOMPARE(dialog.settings().eventHistoryHours, 0);
    QCOMPARE(hours->text(), QStringLiteral("None"));
    QCOMPARE(hours->maximum(), Settings::MaxEventHistoryHours);

    dialog.findChild<QCheckBox *>(QStringLiteral("confirmCheckBox"))->setChecked(true);
    dialog.findChild<QSpinBox *>(QStringLiteral("scrollbackSpinBox"))->setValue(777);
    QCOMPARE(dialog.settings().confirmActions, true);
    QCOMPARE(dialog.settings().scrollbackLines, 777);
}

void TestSettingsDialog::invalidInputKeepsTheDialogOpen()
{
    SettingsDialog dialog(sample());
    dialog.show();
    auto *patterns = dialog.findChild<QPlainTextEdit *>(QStringLiteral("patternsEdit"));
    patterns->setPlainText(QStringLiteral("softioc *.service"));
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("softioc *.service")));

    patterns->setPlainText(QStringLiteral("softioc-*.service\n\n"));
    dialog.accept();
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.settings().unitPatterns, QStringList{ QStringLiteral("softioc-*.service") });
}

void TestSettingsDialog::noLabelShowsAnAmpersand()
{
    SettingsDialog dialog(sample());
    dialog.show();
    const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
    QVERIFY(!labels.isEmpty());
    for (const QLabel *label : labels) {
        if (!label->isVisible() || !label->text().contains(QLatin1Char('&')))
            continue;
        // A label draws "&x" as an underlined mnemonic only with a buddy; else the "&" shows.
        QVERIFY2(label->buddy(), qPrintable(label->text()));
    }
}

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
