// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/logview.h"

#include "core/ioc/crashsignatures.h"
#include "core/ioc/logsession.h"
#include "core/ioc/logsource.h"
#include "ui/themecolors.h"

#include <QCheckBox>
#include <QColor>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>

namespace {

QTextCharFormat crashFormat(const QPalette &palette)
{
    QTextCharFormat format;
    // A red tint of the palette's own base and text readable on it, light or dark.
    format.setBackground(ThemeColors::background(ThemeColors::Tone::Error, palette));
    format.setForeground(ThemeColors::textOn(ThemeColors::Tone::Error, palette));
    format.setProperty(QTextFormat::FullWidthSelection, true);
    return format;
}

QTextEdit::ExtraSelection matchSelection(const QTextBlock &block, int at, int length,
                                         const QPalette &palette)
{
    QTextEdit::ExtraSelection selection;
    selection.cursor = QTextCursor(block);
    selection.cursor.setPosition(block.position() + at);
    selection.cursor.setPosition(block.position() + at + length, QTextCursor::KeepAnchor);
    selection.format.setBackground(ThemeColors::background(ThemeColors::Tone::Warning, palette));
    selection.format.setForeground(ThemeColors::textOn(ThemeColors::Tone::Warning, palette));
    return selection;
}

// A style sheet that colours @p type's text as an error, readable on the current palette.
QString errorColorSheet(const QString &type)
{
    return QStringLiteral("%1 { color: %2; }")
            .arg(type, ThemeColors::text(ThemeColors::Tone::Error).name());
}

} // namespace

LogView::LogView(const Ioc &ioc, QWidget *parent)
    : QWidget(parent)
    , m_ioc(ioc)
    , m_session(new LogSession(this))
    , m_textEdit(new QPlainTextEdit(this))
    , m_searchLineEdit(new QLineEdit(this))
    , m_followCheckBox(new QCheckBox(tr("&Follow"), this))
    , m_statusLabel(new QLabel(this))
{
    m_textEdit->setObjectName(QStringLiteral("logTextEdit"));
    m_textEdit->setReadOnly(true);
    m_textEdit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_textEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_textEdit->setMaximumBlockCount(10000);
    m_textEdit->setUndoRedoEnabled(false);

    m_searchLineEdit->setObjectName(QStringLiteral("searchLineEdit"));
    m_searchLineEdit->setPlaceholderText(
            tr("Search the log (Ctrl+F; Enter: next, Shift+Enter: previous)"));
    m_searchLineEdit->setClearButtonEnabled(true);
    m_searchLineEdit->installEventFilter(this);
    m_textEdit->installEventFilter(this);
    installEventFilter(this);
    connect(m_searchLineEdit, &QLineEdit::textChanged, this, &LogView::highlight);
    connect(m_searchLineEdit, &QLineEdit::returnPressed, this,
            [this] { find(m_searchLineEdit->text()); });
    connect(m_searchLineEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        // Incremental: search from the start of the current match.
        QTextCursor cursor = m_textEdit->textCursor();
        cursor.setPosition(cursor.selectionStart());
        m_textEdit->setTextCursor(cursor);
        find(text);
    });

    m_followCheckBox->setObjectName(QStringLiteral("followCheckBox"));
    m_followCheckBox->setChecked(true);
    m_followCheckBox->setToolTip(
            tr("Keep the newest lines in view (scrolling up turns it off, to the end on)"));
    connect(m_followCheckBox, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_textEdit->verticalScrollBar()->setValue(m_textEdit->verticalScrollBar()->maximum());
    });

    connect(m_textEdit->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &LogView::handleScrolled);

    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setTextFormat(Qt::PlainText);

    connect(m_session, &LogSession::linesReceived, this, &LogView::appendText);
    connect(m_session, &LogSession::noticeReceived, this, &LogView::showNotice);
    connect(m_session, &LogSession::finished, this, &LogView::handleFinished);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_searchLineEdit, 1);
    bar->addWidget(m_followCheckBox);
    bar->addWidget(m_statusLabel);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(bar);
    layout->addWidget(m_textEdit, 1);
}

LogView::~LogView()
{
    stop();
}

void LogView::start(const QStringList &argv)
{
    stopSource();
    m_session->stop(); // no finished() from the command before
    if (argv.isEmpty()) {
        m_session->start(argv);
        setStatus(tr("No log command for this IOC."));
        return;
    }
    // Before start(): a command that cannot run may say so at once.
    setStatus(tr("Following %1").arg(argv.first()));
    m_textEdit->setToolTip(argv.join(QLatin1Char(' ')));
    m_session->start(argv);
}

void LogView::start(LogSource *source)
{
    stopSource();
    m_session->stop();
    m_source = source;
    source->setParent(this);
    connect(source, &LogSource::dataReceived, this, &LogView::appendBytes);
    connect(source, &LogSource::finished, this, [this](const QString &error) {
        if (!m_partial.isEmpty())
            appendText(QString::fromUtf8(std::exchange(m_partial, {})));
        const QString message = error.isEmpty() ? tr("The log ended.") : error;
        setStatus(message);
        if (m_source) {
            m_source->deleteLater();
            m_source = nullptr;
        }
        emit finished(message);
    });
    setStatus(tr("Following the container's log"));
    m_textEdit->setToolTip(QString());
    source->start();
}

void LogView::appendBytes(const QByteArray &bytes)
{
    // Whole lines only: a multi-byte character or a line may be split between chunks.
    m_partial += bytes;
    const int end = m_partial.lastIndexOf('\n');
    if (end < 0)
        return;
    const QByteArray lines = m_partial.left(end);
    m_partial.remove(0, end + 1);
    appendText(QString::fromUtf8(lines));
}

void LogView::stopSource()
{
    if (!m_source)
        return;
    m_source->disconnect(this);
    delete m_source; // closes its stream; nothing is sent to the IOC
    m_source = nullptr;
    m_partial.clear();
}

void LogView::stop()
{
    stopSource();
    m_session->stop();
}

bool LogView::isRunning() const
{
    return m_source || m_session->isRunning();
}

QStringList LogView::command() const
{
    return m_session->command();
}

void LogView::setMaximumLines(int lines)
{
    m_textEdit->setMaximumBlockCount(lines);
}

int LogView::maximumLines() const
{
    return m_textEdit->maximumBlockCount();
}

QString LogView::text() const
{
    return m_textEdit->toPlainText();
}

bool LogView::find(const QString &text, bool backward)
{
    if (text != m_searchText)
        highlight(text);
    if (text.isEmpty()) {
        m_searchLineEdit->setStyleSheet(QString());
        return false;
    }
    const QTextDocument::FindFlags flags =
            backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    bool found = m_textEdit->find(text, flags);
    if (!found) { // wrap around
        QTextCursor cursor = m_textEdit->textCursor();
        cursor.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
        m_textEdit->setTextCursor(cursor);
        found = m_textEdit->find(text, flags);
    }
    if (found)
        m_followCheckBox->setChecked(false); // stay at the match
    m_searchLineEdit->setStyleSheet(found ? QString()
                                          : errorColorSheet(QStringLiteral("QLineEdit")));
    return found;
}

bool LogView::isFollowing() const
{
    return m_followCheckBox->isChecked();
}

QString LogView::statusText() const
{
    return m_statusLabel->text();
}

void LogView::focusSearch()
{
    m_searchLineEdit->setFocus(Qt::ShortcutFocusReason);
    m_searchLineEdit->selectAll();
}

bool LogView::eventFilter(QObject *watched, QEvent *event)
{
    // Ctrl+F in the tab searches the log, not the window's IOC table: the focused widget
    // claims the key before the window's shortcut sees it.
    if ((watched == m_textEdit || watched == m_searchLineEdit || watched == this)
        && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)
        && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Find)) {
        event->accept();
        if (event->type() == QEvent::KeyPress)
            focusSearch();
        return true;
    }
    if (watched == m_searchLineEdit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && key->modifiers().testFlag(Qt::ShiftModifier)) {
            find(m_searchLineEdit->text(), true);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void LogView::showNotice(const QString &line)
{
    const QString text = LogSession::describeNotice(line);
    appendText(QStringLiteral("── %1 ──").arg(text));
    setStatus(text);
}

void LogView::appendText(const QString &text)
{
    // procServ logs carry the console's terminal output: drop escape sequences and CRs.
    static const QRegularExpression escapes(
            QStringLiteral("\x1b\\[[0-9;?]*[ -/]*[@-~]|\x1b[()][A-Za-z0-9]|\x1b[=>]|\r"));
    QString clean = text;
    clean.remove(escapes);
    QTextDocument *document = m_textEdit->document();
    QScrollBar *bar = m_textEdit->verticalScrollBar();
    const int scroll = bar->value();
    const int before = document->isEmpty() ? 0 : document->blockCount();
    const int added = int(clean.count(QLatin1Char('\n'))) + 1;
    m_appending = true;
    m_textEdit->appendPlainText(clean);
    // Lines over maximumLines() went from the top: a view scrolled up keeps showing the same
    // lines (one scroll step is one line: no wrapping).
    const int removed = qMax(0, before + added - document->blockCount());
    if (m_followCheckBox->isChecked())
        bar->setValue(bar->maximum());
    else
        bar->setValue(qMax(0, scroll - removed));
    m_appending = false;
    markNewBlocks(qMax(0, document->blockCount() - added), removed > 0);
}

void LogView::markNewBlocks(int firstBlock, bool trimmed)
{
    if (trimmed) {
        // The selections of trimmed lines collapsed to nothing.
        const auto gone = [](const QTextEdit::ExtraSelection &s) {
            return !s.cursor.hasSelection();
        };
        m_crashSelections.erase(
                std::remove_if(m_crashSelections.begin(), m_crashSelections.end(), gone),
                m_crashSelections.end());
        m_matchSelections.erase(
                std::remove_if(m_matchSelections.begin(), m_matchSelections.end(), gone),
                m_matchSelections.end());
    }
    const int crashesBefore = m_crashCount;
    const int matchesBefore = int(m_matchSelections.size());
    QTextDocument *document = m_textEdit->document();
    for (QTextBlock block = document->findBlockByNumber(firstBlock); block.isValid();
         block = block.next()) {
        const QString line = block.text();
        if (CrashSignatures::matches(line)) {
            QTextEdit::ExtraSelection selection;
            selection.cursor = QTextCursor(block);
            selection.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
            selection.format = crashFormat(m_textEdit->palette());
            m_crashSelections.append(selection);
            ++m_crashCount;
        }
        if (!m_searchText.isEmpty()) {
            for (int at = line.indexOf(m_searchText, 0, Qt::CaseInsensitive); at >= 0;
                 at = line.indexOf(m_searchText, at + int(m_searchText.size()),
                                   Qt::CaseInsensitive))
                m_matchSelections.append(
                        matchSelection(block, at, int(m_searchText.size()), m_textEdit->palette()));
        }
    }
    if (trimmed || m_crashCount != crashesBefore || int(m_matchSelections.size()) != matchesBefore)
        updateSelections();
}

void LogView::highlight(const QString &text)
{
    m_searchText = text;
    m_matchSelections.clear();
    if (!text.isEmpty()) {
        for (QTextBlock block = m_textEdit->document()->firstBlock(); block.isValid();
             block = block.next()) {
            const QString line = block.text();
            for (int at = line.indexOf(text, 0, Qt::CaseInsensitive); at >= 0;
                 at = line.indexOf(text, at + int(text.size()), Qt::CaseInsensitive))
                m_matchSelections.append(
                        matchSelection(block, at, int(text.size()), m_textEdit->palette()));
        }
    }
    updateSelections();
}

void LogView::updateSelections()
{
    m_textEdit->setExtraSelections(m_crashSelections + m_matchSelections);
    setStatus(m_status);
}

void LogView::handleScrolled()
{
    if (m_appending)
        return;
    // The user scrolled: up stops following, back to the end follows again.
    QScrollBar *bar = m_textEdit->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum();
    if (m_followCheckBox->isChecked() != atEnd) {
        const QSignalBlocker blocker(m_followCheckBox);
        m_followCheckBox->setChecked(atEnd);
    }
}

void LogView::handleFinished()
{
    const QString message = m_session->endMessage();
    setStatus(message);
    emit finished(message);
}

void LogView::setStatus(const QString &text)
{
    m_status = text;
    QStringList parts;
    if (!text.isEmpty())
        parts << text;
    if (m_crashCount > 0)
        parts << tr("%n crash line(s)", nullptr, m_crashCount);
    if (!m_searchText.isEmpty())
        parts << tr("%n match(es)", nullptr, int(m_matchSelections.size()));
    m_statusLabel->setText(parts.join(QStringLiteral(" · ")));
    // A crash is seen without reading the count.
    m_statusLabel->setStyleSheet(m_crashCount > 0 ? errorColorSheet(QStringLiteral("QLabel"))
                                                  : QString());
}
