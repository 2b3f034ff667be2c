// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// The filter bar's completion as a user sees it: typing part of a filter word pops up the
// filter keys and values that fit; choosing one completes the last word and keeps the rest.
#include "ui/filtercompleter.h"

#include <QAbstractItemView>
#include <QLineEdit>
#include <QTest>

class TestFilterCompleter : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void offersEveryKeyAndClosedValue();
    void popupListsWhatFits_data();
    void popupListsWhatFits();
    void noPopupAfterASpace();
    void choosingCompletesTheLastWord();

private:
    QStringList shown() const;

    QWidget *m_window = nullptr;
    QLineEdit *m_edit = nullptr;
    FilterCompleter *m_completer = nullptr;
};

void TestFilterCompleter::init()
{
    m_window = new QWidget;
    m_edit = new QLineEdit(m_window);
    m_completer = new FilterCompleter(m_edit);
    m_edit->setCompleter(m_completer);
    m_window->resize(400, 40);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_window->activateWindow();
    m_edit->setFocus();
    QTRY_VERIFY(m_edit->hasFocus());
}

void TestFilterCompleter::cleanup()
{
    delete m_window;
    m_window = nullptr;
}

QStringList TestFilterCompleter::shown() const
{
    // The rows of the popup as it lists them.
    QStringList rows;
    QAbstractItemView *popup = m_completer->popup();
    if (!popup->isVisible())
        return rows;
    for (int row = 0; row < popup->model()->rowCount(); ++row)
        rows << popup->model()->index(row, 0).data().toString();
    return rows;
}

void TestFilterCompleter::offersEveryKeyAndClosedValue()
{
    const QStringList all = FilterCompleter::candidates();
    for (const char *key : { "name=", "status=", "host=", "enabled=", "convention=", "unit=",
                             "pid=", "restarts=", "runtime=", "image=" })
        QVERIFY2(all.contains(QLatin1String(key)), key);
    QVERIFY(all.contains(QStringLiteral("status=crashloop")));
    QVERIFY(all.contains(QStringLiteral("enabled=false")));
    QVERIFY(all.contains(QStringLiteral("convention=procservutils")));
    QVERIFY(all.contains(QStringLiteral("runtime=podman")));
    // Open sets (names, hosts, units) have no values to offer.
    for (const QString &candidate : all) {
        QVERIFY2(!candidate.startsWith(QLatin1String("name="))
                         || candidate == QLatin1String("name="),
                 qPrintable(candidate));
    }
}

void TestFilterCompleter::popupListsWhatFits_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QStringList>("listed");
    QTest::newRow("st") << QStringLiteral("st")
                        << QStringList{ QStringLiteral("status=") }
                    + QStringList{
                          QStringLiteral("status=running"),    QStringLiteral("status=exited"),
                          QStringLiteral("status=failed"),     QStringLiteral("status=shutdown"),
                          QStringLiteral("status=starting"),   QStringLiteral("status=stopping"),
                          QStringLiteral("status=restarting"), QStringLiteral("status=crashloop"),
                          QStringLiteral("status=created"),    QStringLiteral("status=paused"),
                          QStringLiteral("status=unknown")
                      };
    QTest::newRow("status=r after a word")
            << QStringLiteral("motor status=r")
            << QStringList{ QStringLiteral("status=running"), QStringLiteral("status=restarting") };
    QTest::newRow("case does not matter")
            << QStringLiteral("ENA")
            << QStringList{ QStringLiteral("enabled="), QStringLiteral("enabled=true"),
                            QStringLiteral("enabled=false") };
    QTest::newRow("convention=f") << QStringLiteral("convention=f")
                                  << QStringList{ QStringLiteral("convention=frib") };
    QTest::newRow("re") << QStringLiteral("re") << QStringList{ QStringLiteral("restarts=") };
}

void TestFilterCompleter::popupListsWhatFits()
{
    QFETCH(QString, typed);
    QFETCH(QStringList, listed);
    QTest::keyClicks(m_edit, typed);
    QTRY_VERIFY2(m_completer->popup()->isVisible(), qPrintable(typed));
    QCOMPARE(shown(), listed);
    QCOMPARE(m_edit->text(), typed); // nothing is completed until the user chooses
}

void TestFilterCompleter::noPopupAfterASpace()
{
    QTest::keyClicks(m_edit, QStringLiteral("motor "));
    QVERIFY(!m_completer->popup()->isVisible());
    // Nothing fits a word that is no key: no popup either.
    QTest::keyClicks(m_edit, QStringLiteral("xyz"));
    QVERIFY(!m_completer->popup()->isVisible());
    QCOMPARE(m_edit->text(), QStringLiteral("motor xyz"));
}

void TestFilterCompleter::choosingCompletesTheLastWord()
{
    QTest::keyClicks(m_edit, QStringLiteral("motor* host=ioc1 status=f"));
    QTRY_VERIFY(m_completer->popup()->isVisible());
    QCOMPARE(shown(), QStringList{ QStringLiteral("status=failed") });
    QAbstractItemView *popup = m_completer->popup();
    QTest::keyClick(popup, Qt::Key_Down);
    QTest::keyClick(popup, Qt::Key_Return);
    QTRY_VERIFY(!popup->isVisible());
    QCOMPARE(m_edit->text(), QStringLiteral("motor* host=ioc1 status=failed"));
}

QTEST_MAIN(TestFilterCompleter)
#include "tst_filtercompleter.moc"
