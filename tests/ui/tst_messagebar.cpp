#include "ui/messagebar.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

class tst_MessageBar : public QObject
{
    Q_OBJECT

private slots:
    void startsHidden();
    void showsTextAndKind();
    void successHidesItself();
    void errorStaysUntilClosed();
    void newMessageReplacesOld();
};

void tst_MessageBar::startsHidden()
{
    MessageBar bar;
    QVERIFY(bar.isHidden());
}

void tst_MessageBar::showsTextAndKind()
{
    QWidget window;
    auto *bar = new MessageBar(&window);
    window.show();
    bar->showMessage(QStringLiteral("Started motor1."), MessageBar::Kind::Information);
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->text(), QStringLiteral("Started motor1."));
    QCOMPARE(bar->kind(), MessageBar::Kind::Information);
    auto *label = bar->findChild<QLabel *>(QStringLiteral("messageLabel"));
    QVERIFY(label);
    QCOMPARE(label->text(), QStringLiteral("Started motor1."));
    QCOMPARE(label->textFormat(), Qt::PlainText); // unit names must not be taken as markup
}

void tst_MessageBar::successHidesItself()
{
    QWidget window;
    auto *bar = new MessageBar(&window);
    bar->setAutoHideInterval(50);
    window.show();
    QSignalSpy closed(bar, &MessageBar::closed);
    bar->showMessage(QStringLiteral("Stopped."), MessageBar::Kind::Success);
    QVERIFY(bar->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(bar->isHidden(), 2000);
    QCOMPARE(closed.count(), 1);
}

void tst_MessageBar::errorStaysUntilClosed()
{
    QWidget window;
    auto *bar = new MessageBar(&window);
    bar->setAutoHideInterval(20);
    window.show();
    QSignalSpy closed(bar, &MessageBar::closed);
    bar->showMessage(QStringLiteral("Access denied."), MessageBar::Kind::Error);
    QTest::qWait(100); // longer than the auto-hide interval: an error must still be there
    QVERIFY(bar->isVisible());
    auto *close = bar->findChild<QToolButton *>(QStringLiteral("closeButton"));
    QVERIFY(close);
    QTest::mouseClick(close, Qt::LeftButton);
    QVERIFY(bar->isHidden());
    QCOMPARE(closed.count(), 1);
}

void tst_MessageBar::newMessageReplacesOld()
{
    QWidget window;
    auto *bar = new MessageBar(&window);
    bar->setAutoHideInterval(50);
    window.show();
    bar->showMessage(QStringLiteral("ok"), MessageBar::Kind::Success);
    bar->showMessage(QStringLiteral("failed"), MessageBar::Kind::Error);
    QTest::qWait(150); // the success timer must not hide the error that replaced it
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->text(), QStringLiteral("failed"));
    QCOMPARE(bar->kind(), MessageBar::Kind::Error);
}

QTEST_MAIN(tst_MessageBar)
#include "tst_messagebar.moc"
