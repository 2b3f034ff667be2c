// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// The one control-key guard of both front ends (ConsoleView and iocctl attach): which bytes
// are held, what the user is told, and the "press it again within 3 s" confirmation.
#include "core/ioc/iocaccess.h"
#include "core/procserv/controlkeyguard.h"

#include <QTest>

Q_DECLARE_METATYPE(ControlKeyGuard::Verdict::Kind)
Q_DECLARE_METATYPE(ControlKeyGuard::Action)
Q_DECLARE_METATYPE(ControlKeyGuard::Input)

class TestControlKeyGuard : public QObject
{
    Q_OBJECT
private slots:
    void check_data();
    void check();
    void fromIoc();
    void keyName_data();
    void keyName();
    void pressTwiceSends();
    void confirmWindowRunsOut();
    void otherInputDropsTheHeldKey();
    void takePending();
    void withoutGuarded();
};

using Kind = ControlKeyGuard::Verdict::Kind;
using Action = ControlKeyGuard::Action;
using Input = ControlKeyGuard::Input;

void TestControlKeyGuard::check_data()
{
    QTest::addColumn<QString>("killChar");
    QTest::addColumn<QString>("toggleChar");
    QTest::addColumn<QString>("logoutChar");
    QTest::addColumn<QString>("ignoreChars");
    QTest::addColumn<int>("childState");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<Input>("input");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<Action>("action");
    QTest::addColumn<QString>("explanation"); // must be contained

    const QString X = QStringLiteral("^X"), T = QStringLiteral("^T"), none;
    const int running = int(ChildState::Running), down = int(ChildState::ShutDown),
              unknown = int(ChildState::Unknown);

    QTest::newRow("plain text") << X << T << none << none << running << QByteArray("dbl")
                                << Input::Typed << Kind::Pass << Action::None << QString();
    QTest::newRow("enter") << X << T << none << none << running << QByteArray("\r") << Input::Typed
                           << Kind::Pass << Action::None << QString();
    QTest::newRow("backspace, tab, escape seq")
            << X << T << none << none << running << QByteArray("\x7f\t\x1b[A") << Input::Typed
            << Kind::Pass << Action::None << QString();
    QTest::newRow("ctrl+x running")
            << X << T << none << none << running << QByteArray("\x18") << Input::Typed
            << Kind::Confirm << Action::Kill
            << QStringLiteral("Ctrl+X kills the IOC process of IOC1 (procServ restarts it when "
                              "auto-restart is ON)");
    QTest::newRow("ctrl+x unknown state")
            << X << T << none << none << unknown << QByteArray("\x18") << Input::Typed
            << Kind::Confirm << Action::Kill << QStringLiteral("or starts it when it is shut down");
    QTest::newRow("ctrl+x shut down")
            << X << T << none << none << down << QByteArray("\x18") << Input::Typed << Kind::Confirm
            << Action::Kill << QStringLiteral("Ctrl+X restarts the IOC process of IOC1");
    QTest::newRow("kill remapped to ^K: ctrl+x passes")
            << QStringLiteral("^K") << T << none << none << running << QByteArray("\x18")
            << Input::Typed << Kind::Pass << Action::None << QString();
    QTest::newRow("kill remapped to ^K: ctrl+k guarded")
            << QStringLiteral("^K") << T << none << none << running << QByteArray("\x0b")
            << Input::Typed << Kind::Confirm << Action::Kill << QStringLiteral("Ctrl+K kills");
    QTest::newRow("kill disabled") << none << T << none << none << running << QByteArray("\x18")
                                   << Input::Typed << Kind::Pass << Action::None << QString();
    QTest::newRow("kill ^^ is a caret")
            << QStringLiteral("^^") << T << none << none << running << QByteArray("^")
            << Input::Typed << Kind::Confirm << Action::Kill << QStringLiteral("^ kills");
    QTest::newRow("ctrl+t") << X << T << none << none << running << QByteArray("\x14")
                            << Input::Typed << Kind::Confirm << Action::ToggleAutoRestart
                            << QStringLiteral("Ctrl+T toggles procServ's auto-restart of IOC1");
    QTest::newRow("toggle disabled") << X << none << none << none << running << QByteArray("\x14")
                                     << Input::Typed << Kind::Pass << Action::None << QString();
    QTest::newRow("ctrl+r running")
            << X << T << none << none << running << QByteArray("\x12") << Input::Typed
            << Kind::Confirm << Action::Restart << QStringLiteral("goes to the IOC shell of IOC1");
    QTest::newRow("ctrl+r shut down")
            << X << T << none << none << down << QByteArray("\x12") << Input::Typed << Kind::Confirm
            << Action::Restart << QStringLiteral("Ctrl+R restarts the IOC process of IOC1");
    QTest::newRow("ctrl+q") << X << T << none << none << down << QByteArray("\x11") << Input::Typed
                            << Kind::Confirm << Action::Quit
                            << QStringLiteral("Ctrl+Q quits procServ");
    QTest::newRow("ctrl+c") << X << T << none << none << running << QByteArray("\x03")
                            << Input::Typed << Kind::Confirm << Action::Interrupt
                            << QStringLiteral("Ctrl+C goes to the IOC shell of IOC1");
    QTest::newRow("ctrl+c ignored by procServ")
            << X << T << none << QStringLiteral("^D^C^]") << running << QByteArray("\x03")
            << Input::Typed << Kind::Pass << Action::None << QString();
    QTest::newRow("ctrl+d") << X << T << none << none << running << QByteArray("\x04")
                            << Input::Typed << Kind::Confirm << Action::EndOfInput
                            << QStringLiteral("exits the IOC");
    QTest::newRow("ctrl+d logout")
            << X << T << QStringLiteral("^D") << QStringLiteral("^D^C^]") << running
            << QByteArray("\x04") << Input::Typed << Kind::Confirm << Action::Logout
            << QStringLiteral("Ctrl+D closes this console connection to IOC1");
    QTest::newRow("ctrl+s passes") << X << T << none << none << running << QByteArray("\x13")
                                   << Input::Typed << Kind::Pass << Action::None << QString();
    QTest::newRow("alt+ctrl+x sequence refused")
            << X << T << none << none << running << QByteArray("\x1b\x18") << Input::Typed
            << Kind::Refuse << Action::Kill << QStringLiteral("Nothing was sent");
    QTest::newRow("paste with ^X refused")
            << X << T << none << none << running << QByteArray("dbl\r\x18\r") << Input::Pasted
            << Kind::Refuse << Action::Kill << QStringLiteral("the text contains Ctrl+X");
    QTest::newRow("paste of a lone ^T refused")
            << X << T << none << none << running << QByteArray("\x14") << Input::Pasted
            << Kind::Refuse << Action::ToggleAutoRestart << QStringLiteral("Nothing was sent");
    QTest::newRow("paste of lines passes")
            << X << T << none << none << running << QByteArray("dbl\rdbgf IOC1:ai1\r")
            << Input::Pasted << Kind::Pass << Action::None << QString();
    QTest::newRow("utf-8 passes") << X << T << none << none << running
                                  << QByteArray("\xc3\xa4\xe2\x80\x94") << Input::Pasted
                                  << Kind::Pass << Action::None << QString();
}

void TestControlKeyGuard::check()
{
    QFETCH(QString, killChar);
    QFETCH(QString, toggleChar);
    QFETCH(QString, logoutChar);
    QFETCH(QString, ignoreChars);
    QFETCH(int, childState);
    QFETCH(QByteArray, bytes);
    QFETCH(Input, input);
    QFETCH(Kind, kind);
    QFETCH(Action, action);
    QFETCH(QString, explanation);

    ControlKeyGuard guard;
    guard.setIocName(QStringLiteral("IOC1"));
    guard.setKillChar(killChar);
    guard.setToggleChar(toggleChar);
    guard.setLogoutChar(logoutChar);
    guard.setIgnoreChars(ignoreChars);
    guard.setChildState(ChildState(childState));
    guard.setAutoRestart(AutoRestart::On);

    const auto v = guard.check(bytes, input);
    QCOMPARE(v.kind, kind);
    QCOMPARE(v.action, action);
    QCOMPARE(v.isPass(), kind == Kind::Pass);
    if (explanation.isEmpty())
        QVERIFY(v.explanation.isEmpty());
    else
        QVERIFY2(v.explanation.contains(explanation), qPrintable(v.explanation));
}

void TestControlKeyGuard::fromIoc()
{
    Ioc ioc;
    ioc.name = QStringLiteral("softioc-demo");
    ioc.killChar = QStringLiteral("^K");
    ioc.logoutChar = QStringLiteral("^D");
    ioc.ignoreChars = QStringLiteral("^D^C^]");
    ioc.childState = ChildState::Running;
    ioc.autoRestart = AutoRestart::Off;
    const ControlKeyGuard guard = iocControlKeyGuard(ioc);
    QCOMPARE(guard.killByte(), 0x0b);
    QCOMPARE(guard.toggleByte(), 0x14);
    QCOMPARE(guard.logoutByte(), 0x04);
    QVERIFY(guard.check(QByteArray("\x18")).isPass());
    QVERIFY(guard.check(QByteArray("\x03")).isPass()); // procServ drops it (-i)
    const auto kill = guard.check(QByteArray("\x0b"));
    QCOMPARE(kill.kind, Kind::Confirm);
    QVERIFY2(kill.explanation.contains(QStringLiteral("softioc-demo")),
             qPrintable(kill.explanation));
    QVERIFY2(kill.explanation.contains(QStringLiteral("OFF")), qPrintable(kill.explanation));
}

void TestControlKeyGuard::keyName_data()
{
    QTest::addColumn<int>("byte");
    QTest::addColumn<QString>("name");
    QTest::newRow("^X") << 0x18 << QStringLiteral("Ctrl+X");
    QTest::newRow("^C") << 0x03 << QStringLiteral("Ctrl+C");
    QTest::newRow("^]") << 0x1d << QStringLiteral("Ctrl+]");
    QTest::newRow("caret") << int('^') << QStringLiteral("^");
}

void TestControlKeyGuard::keyName()
{
    QFETCH(int, byte);
    QFETCH(QString, name);
    QCOMPARE(ControlKeyGuard::keyName(char(byte)), name);
}

namespace {

/// A guard on a clock the test moves.
struct ClockedGuard
{
    qint64 now = 1000;
    ControlKeyGuard guard;
    ClockedGuard()
    {
        guard.setIocName(QStringLiteral("IOC1"));
        guard.setClock([this] { return now; });
    }
};

} // namespace

void TestControlKeyGuard::pressTwiceSends()
{
    ClockedGuard g;
    auto first = g.guard.press(QByteArray("\x18"));
    QCOMPARE(first.kind, Kind::Confirm);
    QVERIFY(!first.sends());
    QCOMPARE(g.guard.pendingByte(), 0x18);
    // What both front ends show: the explanation, the key and the window.
    const QString prompt = ControlKeyGuard::confirmPrompt(first);
    QVERIFY2(prompt.startsWith(QStringLiteral("Ctrl+X kills the IOC process of IOC1")),
             qPrintable(prompt));
    QVERIFY2(prompt.contains(QStringLiteral("press Ctrl+X again within 3 s")), qPrintable(prompt));

    g.now += ControlKeyGuard::ConfirmWindowMs - 1;
    const auto second = g.guard.press(QByteArray("\x18"));
    QCOMPARE(second.kind, Kind::Confirmed);
    QVERIFY(second.sends());
    QCOMPARE(second.byte, '\x18');
    QCOMPARE(g.guard.pendingByte(), -1);
    // A third press starts over: it is a new first press, not a second one.
    QCOMPARE(g.guard.press(QByteArray("\x18")).kind, Kind::Confirm);
}

void TestControlKeyGuard::confirmWindowRunsOut()
{
    ClockedGuard g;
    QCOMPARE(g.guard.press(QByteArray("\x03")).kind, Kind::Confirm);
    g.now += ControlKeyGuard::ConfirmWindowMs;
    QCOMPARE(g.guard.pendingByte(), -1);
    // Too late: the second press only asks again.
    QCOMPARE(g.guard.press(QByteArray("\x03")).kind, Kind::Confirm);
    QCOMPARE(g.guard.pendingByte(), 0x03);
}

void TestControlKeyGuard::otherInputDropsTheHeldKey()
{
    ClockedGuard g;
    QCOMPARE(g.guard.press(QByteArray("\x18")).kind, Kind::Confirm);
    QCOMPARE(g.guard.press(QByteArray("d")).kind, Kind::Pass); // typing on
    QCOMPARE(g.guard.press(QByteArray("\x18")).kind, Kind::Confirm);

    QCOMPARE(g.guard.press(QByteArray("\x14")).kind, Kind::Confirm); // another guarded key
    QCOMPARE(g.guard.pendingByte(), 0x14);
    QCOMPARE(g.guard.press(QByteArray("\x18")).kind, Kind::Confirm);

    // A paste holding the same key is refused and drops the held one.
    QCOMPARE(g.guard.press(QByteArray("\x18"), Input::Pasted).kind, Kind::Refuse);
    QCOMPARE(g.guard.pendingByte(), -1);
    QCOMPARE(g.guard.press(QByteArray("\x18")).kind, Kind::Confirm);
    g.guard.cancelPending();
    QCOMPARE(g.guard.press(QByteArray("\x18")).kind, Kind::Confirm);
}

void TestControlKeyGuard::takePending()
{
    ClockedGuard g;
    QCOMPARE(g.guard.takePending(), -1);
    QCOMPARE(g.guard.press(QByteArray("\x14")).kind, Kind::Confirm);
    QCOMPARE(g.guard.takePending(), 0x14); // the Send button
    QCOMPARE(g.guard.takePending(), -1);
    QCOMPARE(g.guard.press(QByteArray("\x14")).kind, Kind::Confirm); // held again, not sent

    g.now += ControlKeyGuard::ConfirmWindowMs + 1;
    QCOMPARE(g.guard.takePending(), -1); // too late for the button too
}

void TestControlKeyGuard::withoutGuarded()
{
    ControlKeyGuard guard;
    guard.setIgnoreChars(QStringLiteral("^C"));
    QCOMPARE(guard.withoutGuarded(QByteArray("dbl\r\x18\x14\x12\x11\x04\x03ok\r")),
             QByteArray("dbl\r\x03ok\r")); // ^C is dropped by procServ (-i): harmless
    QCOMPARE(guard.withoutGuarded(QByteArray("plain\r")), QByteArray("plain\r"));
}

QTEST_GUILESS_MAIN(TestControlKeyGuard)
#include "tst_controlkeyguard.moc"
