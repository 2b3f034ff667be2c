// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// Under a German locale Qt's own strings are German too: Translations::install loads Qt's
// catalogue (Debian: qttranslations5-l10n, installed by tools/install-deps).

#include "ui/translations.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QKeySequence>
#include <QPushButton>
#include <QTest>

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void qtStringsFollowTheLanguage();
};

void TestTranslations::qtStringsFollowTheLanguage()
{
    const QString catalogue = Translations::qtTranslationsPath() + QStringLiteral("/qtbase_de.qm");
    if (!QFileInfo::exists(catalogue))
        QSKIP(qPrintable(QStringLiteral("%1 is missing: install qttranslations5-l10n "
                                        "(tools/install-deps)")
                                 .arg(catalogue)));
    const QStringList loaded = Translations::install(qApp, QLocale(QLocale::German));
    QVERIFY2(loaded.contains(QStringLiteral("qt")) || loaded.contains(QStringLiteral("qtbase")),
             qPrintable(loaded.join(QLatin1Char(','))));
    QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Abbrechen"));
    // Key names in tool tips ("Strg+Q"), as shortcuts are shown to the user.
    QCOMPARE(QKeySequence(Qt::CTRL | Qt::Key_Q).toString(QKeySequence::NativeText),
             QStringLiteral("Strg+Q"));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
