// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/logview.h"

#include "core/ioc/logsession.h"
#include "core/ioc/logsource.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTextCursor>
#include <QTextDocument>
#include <QVBoxLayout>

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
    m_searchLineEdit->setPlaceholderText(tr("Search the log (Enter: next, Shift+Enter: previous)"));
    m_searchLineEdit->setClearButtonEnabled(true);
    m_searchLineEdit->installEventFilter(this);
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
    m_followCheckBox->setToolTip(tr("Keep the newest lines in view"));
    connect(m_followCheckBox, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_textEdit->verticalScrollBar()->setValue(m_textEdit->verticalScrollBar()->maximum());
    });

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
                                          : QStringLiteral("QLineEdit { color: #c0392b; }"));
    return found;
}

bool LogView::eventFilter(QObject *watched, QEvent *event)
{
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
    QScrollBar *bar = m_textEdit->verticalScrollBar();
    const int scroll = bar->value();
    m_textEdit->appendPlainText(clean);
    if (m_followCheckBox->isChecked())
        bar->setValue(bar->maximum());
    else
        bar->setValue(scroll);
}

void LogView::handleFinished()
{
    const QString message = m_session->endMessage();
    setStatus(message);
    emit finished(message);
}

void LogView::setStatus(const QString &text)
{
    m_statusLabel->setText(text);
}
