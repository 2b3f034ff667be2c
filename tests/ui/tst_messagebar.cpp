// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/messagearea.h"
#include "ui/messagebar.h"
#include "ui/messagehistorydialog.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

class TestMessageBar : public QObject
{
    Q_OBJECT

private slots:
    void startsHidden();
    void showsTextAndKind();
    void successHidesItself();
    void errorStaysUntilClosed();
    void newMessageReplacesOld();
    void messagesMoveNothing();
    void longTextIsElidedWithToolTip();
    void coloursDoNotDrift();
    void historyKeepsEveryMessage();
};

namespace {
/// A window as the main window has it: the message area above a button.
struct Window
{
    QWidget widget;
    MessageArea *area;
    QPushButton *below;
    Window()
        : area(new MessageArea(&widget))
        , below(new QPushButton(QStringLiteral("Stop"), &widget))
    {
        auto *layout = new QVBoxLayout(&widget);
        layout->addWidget(area);
        layout->addWidget(below);
        layout->addStretch(1);
        widget.resize(600, 300);
        widget.show();
    }
    MessageBar *bar() const { return area->bar(); }
};

QColor shownBackground(MessageBar *bar)
{
    const QImage image = bar->grab().toImage();
    return image.pixelColor(4, image.height() / 2); // inside the frame, left of the icon
}
} // namespace

void TestMessageBar::startsHidden()
{
    MessageBar bar;
    QVERIFY(bar.isHidden());
}

void TestMessageBar::showsTextAndKind()
{
    Window window;
    MessageBar *bar = window.bar();
    bar->showMessage(QStringLiteral("Started motor1."), MessageBar::Kind::Information);
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->text(), QStringLiteral("Started motor1."));
    QCOMPARE(bar->kind(), MessageBar::Kind::Information);
    auto *label = bar->findChild<QLabel *>(QStringLiteral("messageLabel"));
    QVERIFY(label);
    QCOMPARE(label->text(), QStringLiteral("Started motor1."));
    QCOMPARE(label->textFormat(), Qt::PlainText); // unit names must not be taken as markup
}

void TestMessageBar::successHidesItself()
{
    Window window;
    MessageBar *bar = window.bar();
    bar->setAutoHideInterval(50);
    QSignalSpy closed(bar, &MessageBar::closed);
    bar->showMessage(QStringLiteral("Stopped."), MessageBar::Kind::Success);
    QVERIFY(bar->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(bar->isHidden(), 2000);
    QCOMPARE(closed.count(), 1);
}

void TestMessageBar::errorStaysUntilClosed()
{
    Window window;
    MessageBar *bar = window.bar();
    bar->setAutoHideInterval(20);
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

void TestMessageBar::newMessageReplacesOld()
{
    Window window;
    MessageBar *bar = window.bar();
    bar->setAutoHideInterval(50);
    bar->showMessage(QStringLiteral("ok"), MessageBar::Kind::Success);
    bar->showMessage(QStringLiteral("failed"), MessageBar::Kind::Error);
    QTest::qWait(150); // the success timer must not hide the error that replaced it
    QVERIFY(bar->isVisible());
    QCOMPARE(bar->text(), QStringLiteral("failed"));
    QCOMPARE(bar->kind(), MessageBar::Kind::Error);
}

void TestMessageBar::messagesMoveNothing()
{
    Window window;
    QVERIFY(QTest::qWaitForWindowExposed(&window.widget));
    const QRect before = window.below->geometry();
    const QRect areaBefore = window.area->geometry();
    window.bar()->showMessage(QStringLiteral("Could not stop 2 IOC(s):\nmotor1: access denied\n"
                                             "motor2: access denied"),
                              MessageBar::Kind::Error);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QVERIFY(window.bar()->isVisible());
    QCOMPARE(window.below->geometry(), before);
    QCOMPARE(window.area->geometry(), areaBefore);
    window.bar()->hideMessage();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCOMPARE(window.below->geometry(), before);
    // And with the window narrow, a long text still takes one line.
    window.widget.resize(250, 300);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    const QRect narrow = window.below->geometry();
    window.bar()->showMessage(QString(300, QLatin1Char('x')), MessageBar::Kind::Warning);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCOMPARE(window.below->geometry(), narrow);
}

void TestMessageBar::longTextIsElidedWithToolTip()
{
    Window window;
    const QString text = QStringLiteral("Cannot reach ioc-server-12.example.org: ")
            + QString(200, QLatin1Char('z'));
    window.bar()->showMessage(text, MessageBar::Kind::Warning);
    const QString shown = window.bar()->shownText();
    QVERIFY2(shown.startsWith(QStringLiteral("Cannot reach ioc-server-12")), qPrintable(shown));
    QVERIFY(shown.endsWith(QChar(0x2026)));
    auto *label = window.bar()->findChild<QLabel *>(QStringLiteral("messageLabel"));
    QCOMPARE(label->toolTip(), text);
    QCOMPARE(window.bar()->text(), text);
}

void TestMessageBar::coloursDoNotDrift()
{
    Window fresh;
    fresh.bar()->showMessage(QStringLiteral("e"), MessageBar::Kind::Error);
    const QColor error = shownBackground(fresh.bar());
    fresh.bar()->showMessage(QStringLiteral("w"), MessageBar::Kind::Warning);
    const QColor warning = shownBackground(fresh.bar());

    Window used;
    for (int i = 0; i < 8; ++i)
        used.bar()->showMessage(QStringLiteral("ok %1").arg(i), MessageBar::Kind::Success);
    const QColor success = shownBackground(used.bar());
    used.bar()->showMessage(QStringLiteral("w"), MessageBar::Kind::Warning);
    QCOMPARE(shownBackground(used.bar()), warning);
    used.bar()->showMessage(QStringLiteral("e"), MessageBar::Kind::Error);
    QCOMPARE(shownBackground(used.bar()), error);
    // What a user tells apart: an error is reddish, a success greenish.
    QVERIFY(error.red() > error.green());
    QVERIFY(success.green() > success.red());
    QVERIFY(warning != success && error != success);
}

void TestMessageBar::historyKeepsEveryMessage()
{
    Window window;
    MessageBar *bar = window.bar();
    bar->setAutoHideInterval(20);
    bar->showMessage(QStringLiteral("Stopping motor1…"), MessageBar::Kind::Information,
                     QStringLiteral("motor1"), QStringLiteral("stop"));
    bar->showMessage(QStringLiteral("Stopped motor1."), MessageBar::Kind::Success,
                     QStringLiteral("motor1"), QStringLiteral("stop"));
    QTRY_VERIFY_WITH_TIMEOUT(bar->isHidden(), 2000); // gone from the bar, kept in the history
    QCOMPARE(bar->history().size(), 2);
    QCOMPARE(bar->history().at(1).text, QStringLiteral("Stopped motor1."));
    QCOMPARE(bar->history().at(1).kind, MessageBar::Kind::Success);

    QTest::mouseClick(window.area->historyButton(), Qt::LeftButton);
    MessageHistoryDialog *dialog = window.area->historyDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QTreeWidget *tree = dialog->tree();
    QCOMPARE(tree->topLevelItemCount(), 2);
    QTreeWidgetItem *done = tree->topLevelItem(1);
    QCOMPARE(done->text(MessageHistoryDialog::SubjectColumn), QStringLiteral("motor1"));
    QCOMPARE(done->text(MessageHistoryDialog::ActionColumn), QStringLiteral("stop"));
    QCOMPARE(done->text(MessageHistoryDialog::OutcomeColumn), QStringLiteral("Stopped motor1."));
    QVERIFY(!done->text(MessageHistoryDialog::TimeColumn).isEmpty());

    // The open list follows new messages.
    bar->showMessage(QStringLiteral("Could not start motor2:\naccess denied"),
                     MessageBar::Kind::Error, QStringLiteral("motor2"), QStringLiteral("start"));
    QCOMPARE(tree->topLevelItemCount(), 3);
    QCOMPARE(tree->topLevelItem(2)->text(MessageHistoryDialog::OutcomeColumn),
             QStringLiteral("Could not start motor2: · access denied"));
}

QTEST_MAIN(TestMessageBar)
#include "tst_messagebar.moc"
