// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// A console tab's scrollback (issue 17): kept in QTermWidget's file-backed history and cut to
// the configured number of lines by ConsoleView, with search, copy and save reaching every
// line. The output comes from a real procServ running iocsim's flood.
#include "core/procserv/consolesession.h"
#include "tests/ui/consoletestsupport.h"
#include "ui/console/consoleview.h"
#include "ui/console/terminalwriter.h"

#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QMouseEvent>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

class TestConsoleScrollback : public QObject
{
    Q_OBJECT
private slots:
    void wholeScrollbackIsSearchedCopiedAndSaved();
    void smallerLimitCutsAtOnce();
    void selectionHoldsTheCutBack();

private:
    struct Fixture
    {
        std::unique_ptr<ProcServRunner> procServ;
        std::unique_ptr<ConsoleView> view;
        qint64 received = 0; // bytes the session received
    };
    /// procServ + iocsim flooding @p rate lines a second, a read-only view with a scrollback
    /// of @p limit lines on it.
    void start(Fixture &f, const QString &name, int rate, int limit);
    /// Waits until the session has received @p lines flood lines, then detaches and waits
    /// until the terminal has taken everything received (and a line "-- detached N --").
    static void floodThenDetach(Fixture &f, int lines, int *mostHeld = nullptr);
    static QStringList transcriptLines(ConsoleView *view, const QString &path);
    /// The number in "NAME: flood line N ...", -1 for another line.
    static long floodNumber(const QString &line);
};

void TestConsoleScrollback::start(Fixture &f, const QString &name, int rate, int limit)
{
    f.procServ = std::make_unique<ProcServRunner>(
            name, QStringList{ QStringLiteral("--flood"), QString::number(rate) });
    QVERIFY2(f.procServ->error().isEmpty(), qPrintable(f.procServ->error()));
    QTRY_VERIFY_WITH_TIMEOUT(f.procServ->isReady(), 10000);
    auto *session = new ConsoleSession;
    session->setEndpoint(f.procServ->ioc().console);
    session->setReadOnly(true);
    connect(session, &ConsoleSession::dataReceived, this,
            [&f](const QByteArray &bytes) { f.received += bytes.size(); });
    f.view = std::make_unique<ConsoleView>(f.procServ->ioc(), session);
    f.view->setHistorySize(limit);
    f.view->resize(1200, 600);
    f.view->show();
    QTRY_COMPARE_WITH_TIMEOUT(f.view->connectionState(), ConsoleSession::State::Connected, 10000);
}

#define START(...)                      \
    do {                                \
        start(__VA_ARGS__);             \
        if (QTest::currentTestFailed()) \
            return;                     \
    } while (false)

void TestConsoleScrollback::floodThenDetach(Fixture &f, int lines, int *mostHeld)
{
    // Flood lines are 64 bytes.
    QTimer sample;
    int most = 0;
    connect(&sample, &QTimer::timeout, &sample,
            [&] { most = qMax(most, f.view->historyLineCount()); });
    sample.start(50);
    QTRY_VERIFY_WITH_TIMEOUT(f.received >= qint64(lines) * 64, 60000);
    f.view->detach();
    // The pty between writer and terminal is first in, first out: once a line written after
    // the output shows, the terminal has taken all of it.
    static int detaches = 0;
    const QString marker = QStringLiteral("-- detached %1 --").arg(++detaches);
    f.view->writer()->write("\r\n" + marker.toUtf8() + "\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(terminalText(f.view->terminal()).contains(marker), 30000);
    if (mostHeld)
        *mostHeld = most;
}

QStringList TestConsoleScrollback::transcriptLines(ConsoleView *view, const QString &path)
{
    QString error;
    if (!view->saveTranscript(path, &error)) {
        qWarning("%s", qPrintable(error));
        return {};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast(); // after the last newline
    return lines;
}

long TestConsoleScrollback::floodNumber(const QString &line)
{
    static const QRegularExpression re(QStringLiteral(": flood line (\\d+) "));
    const auto m = re.match(line);
    return m.hasMatch() ? m.captured(1).toLong() : -1;
}

// The case: a tab with the default 10,000 lines after far more output. It holds the
// last 10,000 lines (and up to the slack more); its oldest line is found by the terminal's own search, copied with the rest of a selection that spans
// the whole scrollback, and saved with every other line.
void TestConsoleScrollback::wholeScrollbackIsSearchedCopiedAndSaved()
{
    const int limit = ConsoleView::DefaultHistoryLines;
    Fixture f;
    START(f, QStringLiteral("tcsbwhole"), 10000, limit);
    QCOMPARE(f.view->historySize(), limit);
    int most = 0;
    floodThenDetach(f, limit * 2, &most);
    // While output arrived the scrollback ran at most a check interval's output (≤ 10,000
    // lines at this rate) past twice the limit.
    const int slack = ConsoleView::historySlack(limit);
    qInfo("at most %d lines held during the flood; %lld bytes dropped", most,
          f.view->writer()->droppedBytes());
    QVERIFY2(most <= 3 * limit, qPrintable(QString::number(most)));
    // Once output paused: the last 10,000 lines and at most the slack more.
    QTRY_VERIFY_WITH_TIMEOUT(f.view->historyLineCount() <= limit + slack, 10000);
    const int held = f.view->historyLineCount();
    QVERIFY2(held >= limit, qPrintable(QString::number(held)));

    QTermWidget *term = f.view->terminal();
    const QStringList saved =
            transcriptLines(f.view.get(), f.procServ->dirPath() + QStringLiteral("/all.txt"));
    // Save: every line, the scrollback and the screen below it (QTermWidget 1.2's
    // saveHistory() writes one blank line more).
    const int all = held + term->screenLinesCount();
    QVERIFY2(saved.size() == all || saved.size() == all + 1,
             qPrintable(QString::number(saved.size())));
    QVERIFY2(!saved.join(u'\n').contains(QStringLiteral("Welcome to procServ")),
             "the banner, more than 10,000 lines ago, is still there");
    const QString first = saved.first();
    const long firstNumber = floodNumber(first);
    QVERIFY2(firstNumber > 0, qPrintable(first));
    if (f.view->writer()->droppedBytes() == 0) { // nothing lost in between: consecutive
        QCOMPARE(floodNumber(saved.at(held - 1)), firstNumber + held - 1);
    }

    // Search: the terminal's search bar finds the first line of the 10,000.
    f.view->toggleFind();
    auto *searchEdit = term->findChild<QLineEdit *>(QStringLiteral("searchTextEdit"));
    QVERIFY(searchEdit);
    QTRY_VERIFY(searchEdit->isVisible());
    const QString needle = QStringLiteral(": flood line %1 ").arg(firstNumber);
    searchEdit->setText(needle); // the bar searches as the text changes
    int row = -1, column = -1;
    QTRY_VERIFY_WITH_TIMEOUT((term->getSelectionStart(row, column), row == 0), 10000);
    QCOMPARE(term->selectedText().trimmed(), needle.trimmed());

    // Copy: the search scrolled the view to the first line; a selection dragged with the
    // mouse from there over the next 20 lines, copied, is those lines of the transcript.
    QWidget *display = term->focusProxy();
    QVERIFY(display);
    const double rowHeight = double(display->height()) / term->screenLinesCount();
    const QPoint from(3, int(rowHeight / 2));
    const QPoint to(display->width() - 20, int(rowHeight * 20.5));
    QTest::mousePress(display, Qt::LeftButton, Qt::NoModifier, from);
    QMouseEvent move(QEvent::MouseMove, to, display->mapToGlobal(to), Qt::NoButton, Qt::LeftButton,
                     Qt::NoModifier);
    QApplication::sendEvent(display, &move);
    QTest::mouseRelease(display, Qt::LeftButton, Qt::NoModifier, to);
    QApplication::clipboard()->clear();
    f.view->copy();
    QStringList copied = QApplication::clipboard()->text().split(u'\n');
    QVERIFY2(copied.size() >= 19 && copied.size() <= 23, qPrintable(copied.join(u'\n')));
    for (int i = 0; i < copied.size() - 1; ++i) // the last line may end mid-line
        QCOMPARE(copied.at(i).trimmed(), saved.at(i).trimmed());

    // And a selection over the whole scrollback, first line to last, copies all of it.
    term->setSelectionStart(0, 0);
    term->setSelectionEnd(held - 1, term->screenColumnsCount() - 1);
    QApplication::clipboard()->clear();
    f.view->copy();
    copied = QApplication::clipboard()->text().split(u'\n');
    if (!copied.isEmpty() && copied.last().isEmpty())
        copied.removeLast();
    QCOMPARE(copied.size(), held);
    QCOMPARE(copied.first().trimmed(), first.trimmed());
    QCOMPARE(copied.at(held / 2).trimmed(), saved.at(held / 2).trimmed());
    QCOMPARE(copied.last().trimmed(), saved.at(held - 1).trimmed());
}

// A smaller limit set on a tab (the Settings dialog) cuts its scrollback at once, to the
// last lines; none is cut from a scrollback within the limit.
void TestConsoleScrollback::smallerLimitCutsAtOnce()
{
    Fixture f;
    START(f, QStringLiteral("tcsbcut"), 5000, 5000);
    floodThenDetach(f, 3000);
    const int held = f.view->historyLineCount();
    QVERIFY2(held >= 2500 && held <= 5000, qPrintable(QString::number(held)));
    const QString dir = f.procServ->dirPath();
    const QStringList before = transcriptLines(f.view.get(), dir + QStringLiteral("/before.txt"));
    QVERIFY(before.join(u'\n').contains(QStringLiteral("Welcome to procServ")));

    f.view->setHistorySize(held + 100); // more than it holds: nothing cut
    QCOMPARE(f.view->historyLineCount(), held);
    f.view->setHistorySize(1000);
    QCOMPARE(f.view->historySize(), 1000);
    QCOMPARE(f.view->historyLineCount(), 1000);
    const QStringList after = transcriptLines(f.view.get(), dir + QStringLiteral("/after.txt"));
    QCOMPARE(after.size(), before.size() - (held - 1000));
    // The last 1,000 lines of the scrollback, and the same screen.
    QCOMPARE(after.mid(0, 1000), before.mid(held - 1000, 1000));
    QCOMPARE(after.mid(1000), before.mid(held));

    f.view->setHistorySize(0); // no scrollback
    QCOMPARE(f.view->historyLineCount(), 0);
}

// A cut clears the selection (and a search match), so it waits while one is shown, up to
// twice the limit, and runs once the selection is gone and output arrives again.
void TestConsoleScrollback::selectionHoldsTheCutBack()
{
    const int limit = 2000;
    Fixture f;
    START(f, QStringLiteral("tcsbsel"), 500, limit);
    QTRY_VERIFY_WITH_TIMEOUT(f.view->historyLineCount() >= 50, 20000);
    QTermWidget *term = f.view->terminal();
    term->setSelectionStart(0, 0);
    term->setSelectionEnd(5, 10);
    const QString selected = term->selectedText();
    QVERIFY(!selected.isEmpty());
    // 2,800 lines: past the limit and its slack (the bound without a selection), below twice
    // the limit with 1,200 lines (2.4 s of this flood) to spare for a late detach.
    floodThenDetach(f, 2800);
    const int held = f.view->historyLineCount();
    QVERIFY2(held > limit + ConsoleView::historySlack(limit) && held < 2 * limit,
             qPrintable(QString::number(held)));
    QCOMPARE(term->selectedText(), selected);
    // Nothing cuts it while the selection stays: not the check after output paused.
    QTest::qWait(2500);
    QVERIFY(f.view->historyLineCount() >= held);
    QCOMPARE(term->selectedText(), selected);

    // The selection goes (start and end on one cell is no selection); with new output the
    // scrollback is cut to its last 2,000 lines, then grows by what followed.
    term->setSelectionStart(0, 0);
    term->setSelectionEnd(0, 0);
    f.received = 0;
    f.view->reconnect();
    floodThenDetach(f, 200);
    QTRY_VERIFY_WITH_TIMEOUT(f.view->historyLineCount() < held, 10000);
    QVERIFY(f.view->historyLineCount() >= limit);
    QVERIFY(f.view->historyLineCount() <= limit + ConsoleView::historySlack(limit));
}

QTEST_MAIN(TestConsoleScrollback)
#include "tst_consolescrollback.moc"
