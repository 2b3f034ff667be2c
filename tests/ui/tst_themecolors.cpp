// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// iocdock's own colours on light and dark palettes (readable text, kept current when the
// desktop switches) and its icons: the desktop theme's where it has them, the bundled ones
// where no theme is installed.

#include "core/ioc/ioc.h"
#include "ui/hostdialog.h"
#include "ui/iocactions.h"
#include "ui/ioctablemodel.h"
#include "ui/themecolors.h"

#include <QAction>
#include <QApplication>
#include <QBrush>
#include <QDir>
#include <QFile>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>

using Tone = ThemeColors::Tone;

class TestThemeColors : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void textIsReadable_data();
    void textIsReadable();
    void tableStatusFollowsTheApplicationPalette();
    void dialogErrorFollowsAPaletteChange();
    void actionIconsFallBackToTheBundledOnes();
    void themeIconsWinWhenTheThemeHasThem();

private:
    static QPalette palette(const QColor &window, const QColor &base, const QColor &text);
    QPalette m_light;
};

QPalette TestThemeColors::palette(const QColor &window, const QColor &base, const QColor &text)
{
    QPalette palette(text, window, window.lighter(), window.darker(), window.darker(120), text,
                     text, base, window);
    palette.setColor(QPalette::AlternateBase, base);
    return palette;
}

void TestThemeColors::initTestCase()
{
    Q_INIT_RESOURCE(iocdock);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    m_light = QApplication::style()->standardPalette();
    QApplication::setPalette(m_light);
}

void TestThemeColors::cleanup()
{
    QApplication::setPalette(m_light);
    QIcon::setThemeSearchPaths({});
    QIcon::setThemeName(QString());
}

void TestThemeColors::textIsReadable_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<bool>("dark");
    QTest::newRow("Fusion light")
            << QStyleFactory::create(QStringLiteral("Fusion"))->standardPalette() << false;
    QTest::newRow("IOCDOCK_PALETTE=dark") << ThemeColors::darkPalette() << true;
    // Adwaita-dark (GTK_THEME=Adwaita:dark through the gtk3 platform theme) and Breeze Dark.
    QTest::newRow("Adwaita dark") << palette(QColor(0x35, 0x35, 0x35), QColor(0x2d, 0x2d, 0x2d),
                                             QColor(0xee, 0xee, 0xec))
                                  << true;
    QTest::newRow("Breeze dark") << palette(QColor(0x31, 0x36, 0x3b), QColor(0x23, 0x26, 0x29),
                                            QColor(0xef, 0xf0, 0xf1))
                                 << true;
    QTest::newRow("white") << palette(Qt::white, Qt::white, Qt::black) << false;
    QTest::newRow("black") << palette(Qt::black, Qt::black, Qt::white) << true;
    // A dim grey leaves little room: still readable.
    QTest::newRow("dim grey") << palette(QColor(0x5a, 0x5a, 0x5a), QColor(0x50, 0x50, 0x50),
                                         Qt::white)
                              << true;
}

void TestThemeColors::textIsReadable()
{
    QFETCH(QPalette, palette);
    QFETCH(bool, dark);
    QCOMPARE(ThemeColors::isDark(palette), dark);
    const QColor base = palette.color(QPalette::Base), window = palette.color(QPalette::Window);
    for (const Tone tone : { Tone::Information, Tone::Success, Tone::Warning, Tone::Error }) {
        const QColor text = ThemeColors::text(tone, palette);
        const QString what = QStringLiteral("tone %1: %2 on %3/%4")
                                     .arg(int(tone))
                                     .arg(text.name(), base.name(), window.name());
        QVERIFY2(ThemeColors::contrast(text, base) >= 4.5, qPrintable(what));
        QVERIFY2(ThemeColors::contrast(text, window) >= 4.5, qPrintable(what));
        // A colour, not black or white, where there is room for one.
        if (ThemeColors::contrast(base, dark ? Qt::white : Qt::black) >= 9)
            QVERIFY2(text.hsvSaturation() > 60, qPrintable(what));
        QVERIFY2(ThemeColors::contrast(ThemeColors::accent(tone, palette), window) >= 3.0,
                 qPrintable(what));
        // A highlighted line: its own text on its own background.
        QVERIFY2(ThemeColors::contrast(ThemeColors::textOn(tone, palette),
                                       ThemeColors::background(tone, palette))
                         >= 4.5,
                 qPrintable(what));
    }
    QCOMPARE(ThemeColors::contrast(Qt::black, Qt::white), 21.0);
}

void TestThemeColors::tableStatusFollowsTheApplicationPalette()
{
    IocTableModel model;
    Ioc ioc;
    ioc.host = QStringLiteral("local-user");
    ioc.name = QStringLiteral("failing");
    ioc.unit = QStringLiteral("procserv-failing.service");
    ioc.loadState = QStringLiteral("loaded");
    ioc.activeState = QStringLiteral("failed");
    ioc.subState = QStringLiteral("failed");
    model.upsert(ioc);
    const QModelIndex status = model.index(0, IocTableModel::StatusColumn);

    const QColor onLight = status.data(Qt::ForegroundRole).value<QBrush>().color();
    QVERIFY(onLight.isValid());
    QVERIFY2(ThemeColors::contrast(onLight, m_light.color(QPalette::Base)) >= 4.5,
             qPrintable(onLight.name()));
    QVERIFY(onLight.red() > onLight.green() && onLight.red() > onLight.blue()); // red

    // The desktop switches to dark while the window is open: the next paint reads anew.
    const QPalette dark = ThemeColors::darkPalette();
    QApplication::setPalette(dark);
    const QColor onDark = status.data(Qt::ForegroundRole).value<QBrush>().color();
    QVERIFY2(ThemeColors::contrast(onDark, dark.color(QPalette::Base)) >= 4.5,
             qPrintable(onDark.name()));
    QVERIFY(onDark.red() > onDark.green() && onDark.red() > onDark.blue());
    QVERIFY(onDark != onLight);
    // The old red on the dark base would not have been readable.
    QVERIFY(ThemeColors::contrast(onLight, dark.color(QPalette::Base)) < 4.5);
}

void TestThemeColors::dialogErrorFollowsAPaletteChange()
{
    HostDialog dialog;
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
    QVERIFY(error);
    auto *host = dialog.findChild<QLineEdit *>(QStringLiteral("hostLineEdit"));
    QVERIFY(host);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(host, QStringLiteral("bad host name"));
    QTRY_VERIFY(!error->text().isEmpty());
    auto readable = [error] {
        const QPalette shown = error->palette();
        return ThemeColors::contrast(shown.color(QPalette::WindowText),
                                     shown.color(QPalette::Window));
    };
    QVERIFY2(readable() >= 4.5, qPrintable(QString::number(readable())));
    const QColor before = error->palette().color(QPalette::WindowText);
    QApplication::setPalette(ThemeColors::darkPalette());
    QTRY_VERIFY(error->palette().color(QPalette::Window)
                == ThemeColors::darkPalette().color(QPalette::Window));
    QVERIFY(error->palette().color(QPalette::WindowText) != before);
    QVERIFY2(readable() >= 4.5, qPrintable(QString::number(readable())));
    QApplication::setPalette(m_light);
    QTRY_COMPARE(error->palette().color(QPalette::WindowText), before);
}

void TestThemeColors::actionIconsFallBackToTheBundledOnes()
{
    // No icon theme at all (a bare window manager, a container).
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    QIcon::setThemeSearchPaths({ empty.path() });
    QIcon::setThemeName(QStringLiteral("no-such-theme"));
    IocActions actions(nullptr);
    QList<QAction *> all = actions.actions() + actions.writerActions();
    all.removeAll(nullptr);
    QCOMPARE(all.size(), 11);
    for (const QAction *action : qAsConst(all)) {
        QVERIFY2(!action->icon().isNull(), qPrintable(action->objectName()));
        QVERIFY2(!action->icon().pixmap(22, 22).isNull(), qPrintable(action->objectName()));
        QVERIFY2(action->icon().name().isEmpty(), qPrintable(action->icon().name()));
    }
}

void TestThemeColors::themeIconsWinWhenTheThemeHasThem()
{
    // A theme of our own with the freedesktop names; iocdock must take these over its own.
    QTemporaryDir root;
    QVERIFY(root.isValid());
    const QString theme = root.filePath(QStringLiteral("iocdock-test-theme"));
    QVERIFY(QDir().mkpath(theme + QStringLiteral("/scalable/actions")));
    QFile index(theme + QStringLiteral("/index.theme"));
    QVERIFY(index.open(QIODevice::WriteOnly));
    index.write("[Icon Theme]\nName=iocdock test\nDirectories=scalable/actions\n\n"
                "[scalable/actions]\nSize=16\nMinSize=8\nMaxSize=512\nType=Scalable\n");
    index.close();
    const QStringList names = {
        QStringLiteral("media-playback-start"), QStringLiteral("media-playback-stop"),
        QStringLiteral("view-refresh"),         QStringLiteral("utilities-terminal"),
        QStringLiteral("document-new"),         QStringLiteral("edit-delete")
    };
    for (const QString &name : names) {
        QFile svg(theme + QStringLiteral("/scalable/actions/%1.svg").arg(name));
        QVERIFY(svg.open(QIODevice::WriteOnly));
        svg.write("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"16\" height=\"16\">"
                  "<rect width=\"16\" height=\"16\" fill=\"#ff00ff\"/></svg>");
    }
    QIcon::setThemeSearchPaths({ root.path() });
    QIcon::setThemeName(QStringLiteral("iocdock-test-theme"));

    IocActions actions(nullptr);
    QCOMPARE(actions.startAction()->icon().name(), QStringLiteral("media-playback-start"));
    QCOMPARE(actions.stopAction()->icon().name(), QStringLiteral("media-playback-stop"));
    QCOMPARE(actions.restartAction()->icon().name(), QStringLiteral("view-refresh"));
    QCOMPARE(actions.attachAction()->icon().name(), QStringLiteral("utilities-terminal"));
    QCOMPARE(actions.newIocAction()->icon().name(), QStringLiteral("document-new"));
    QCOMPARE(actions.removeAction()->icon().name(), QStringLiteral("edit-delete"));
    // What it draws is the theme's (magenta), not the bundled picture.
    const QImage start = actions.startAction()->icon().pixmap(16, 16).toImage();
    QCOMPARE(start.pixelColor(8, 8), QColor(0xff, 0x00, 0xff));
    // Names the theme lacks: the bundled icon still.
    QVERIFY(actions.logsAction()->icon().name().isEmpty());
    QVERIFY(!actions.logsAction()->icon().isNull());
}

QTEST_MAIN(TestThemeColors)
#include "tst_themecolors.moc"
