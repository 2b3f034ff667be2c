#include "ui/logview.h"

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
    stop();
    m_argv = argv;
    m_partial.clear();
    if (argv.isEmpty()) {
        setStatus(tr("No log command for this IOC."));
        return;
    }
    m_process = new QProcess(this);
    // stderr apart: what the follower says about the file (tail -F: deleted, replaced,
    // truncated) becomes a marked line and the status, not text that looks like the log.
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_errorPartial.clear();
    connect(m_process, &QProcess::readyReadStandardOutput, this, &LogView::handleReadyRead);
    connect(m_process, &QProcess::readyReadStandardError, this, &LogView::handleReadyReadError);
    connect(m_process, &QProcess::finished, this, &LogView::handleFinished);
    connect(m_process, &QProcess::errorOccurred, this, &LogView::handleErrorOccurred);
    setStatus(tr("Following %1").arg(argv.first()));
    m_textEdit->setToolTip(argv.join(QLatin1Char(' ')));
    m_process->start(argv.first(), argv.mid(1), QIODevice::ReadOnly);
}

void LogView::stop()
{
    if (!m_process)
        return;
    QProcess *process = m_process;
    m_process = nullptr;
    process->disconnect(this);
    if (process->state() == QProcess::NotRunning) {
        process->deleteLater();
        return;
    }
    // ~QProcess would wait for the process: let it go and delete it once it has ended.
    process->setParent(nullptr);
    QObject::connect(process, &QProcess::finished, process, &QObject::deleteLater);
    process->kill();
}

bool LogView::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
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

void LogView::handleReadyRead()
{
    if (!m_process)
        return;
    m_partial += m_process->readAllStandardOutput();
    const int newline = static_cast<int>(m_partial.lastIndexOf('\n'));
    if (newline < 0) {
        if (m_partial.size() < 64 * 1024)
            return; // wait for the end of the line
        appendText(QString::fromUtf8(m_partial));
        m_partial.clear();
        return;
    }
    // Only whole lines are decoded, so a UTF-8 sequence is never split.
    const QByteArray lines = m_partial.left(newline);
    m_partial.remove(0, newline + 1);
    appendText(QString::fromUtf8(lines));
}

void LogView::handleReadyReadError()
{
    if (!m_process)
        return;
    m_errorPartial += m_process->readAllStandardError();
    int newline;
    while ((newline = static_cast<int>(m_errorPartial.indexOf('\n'))) >= 0) {
        const QString line = QString::fromLocal8Bit(m_errorPartial.left(newline)).trimmed();
        m_errorPartial.remove(0, newline + 1);
        if (!line.isEmpty())
            showNotice(line);
    }
    if (m_errorPartial.size() > 4096) {
        showNotice(QString::fromLocal8Bit(m_errorPartial).trimmed());
        m_errorPartial.clear();
    }
}

QString LogView::describeNotice(const QString &line) const
{
    // tail -F (GNU coreutils) on the procServ log file: say what happened to the file.
    static const QRegularExpression quoted(
            QStringLiteral("^(?:\\S*/)?tail: (?:'([^']*)'|([^:]*))"));
    const QRegularExpressionMatch m = quoted.match(line);
    if (!m.hasMatch())
        return line;
    const QString file = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
    if (line.contains(QLatin1String("has become inaccessible"))
        || line.contains(QLatin1String("cannot open")))
        return tr("The log file %1 is gone (deleted or moved away); waiting for it to appear "
                  "again.")
                .arg(file);
    if (line.contains(QLatin1String("has appeared")))
        return tr("The log file %1 appeared again; following it.").arg(file);
    if (line.contains(QLatin1String("has been replaced")))
        return tr("The log file %1 was replaced (rotated); following the new file.").arg(file);
    if (line.contains(QLatin1String("file truncated")))
        return tr("The log file %1 was truncated; following it from its start.").arg(file);
    return line;
}

void LogView::showNotice(const QString &line)
{
    const QString text = describeNotice(line);
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

void LogView::handleFinished(int exitCode, QProcess::ExitStatus status)
{
    handleReadyReadError();
    if (!m_errorPartial.trimmed().isEmpty())
        showNotice(QString::fromLocal8Bit(m_errorPartial).trimmed());
    m_errorPartial.clear();
    if (!m_partial.isEmpty()) {
        appendText(QString::fromUtf8(m_partial));
        m_partial.clear();
    }
    QString message;
    if (status == QProcess::CrashExit)
        message = tr("%1 crashed.").arg(m_argv.value(0));
    else if (exitCode != 0)
        message = tr("%1 exited with code %2.").arg(m_argv.value(0)).arg(exitCode);
    else
        message = tr("%1 finished.").arg(m_argv.value(0));
    setStatus(message);
    if (m_process) {
        m_process->deleteLater();
        m_process = nullptr;
    }
    emit finished(message);
}

void LogView::handleErrorOccurred(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || !m_process)
        return; // the other errors end in finished()
    const QString message =
            tr("Could not run %1: %2").arg(m_argv.value(0), m_process->errorString());
    setStatus(message);
    m_process->deleteLater();
    m_process = nullptr;
    emit finished(message);
}

void LogView::setStatus(const QString &text)
{
    m_statusLabel->setText(text);
}
