// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/execresultsview.h"

#include "core/fleet/execfanout.h"
#include "core/fleet/execlinejob.h"
#include "core/procserv/terminalsanitizer.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QToolButton>
#include <QVBoxLayout>

ExecResultsView::ExecResultsView(ExecFanOut *run, QWidget *parent)
    : QWidget(parent)
    , m_run(run)
    , m_summary(new QLabel(this))
    , m_copyButton(new QToolButton(this))
    , m_text(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("execResultsView"));
    m_run->setParent(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_copyButton->setObjectName(QStringLiteral("copyAllButton"));
    m_copyButton->setText(tr("Copy All"));
    m_copyButton->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy")));
    m_copyButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_copyButton->setAutoRaise(true);
    m_copyButton->setToolTip(tr("Copy every reply with its header"));
    connect(m_copyButton, &QToolButton::clicked, this,
            [this] { QApplication::clipboard()->setText(text()); });

    m_text->setObjectName(QStringLiteral("resultsText"));
    m_text->setReadOnly(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setUndoRedoEnabled(false);

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_copyButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_text, 1);

    connect(m_run, &ExecFanOut::jobStarted, this, &ExecResultsView::updateSummary);
    connect(m_run, &ExecFanOut::jobFinished, this, &ExecResultsView::appendResult);
    connect(m_run, &ExecFanOut::finished, this, [this] {
        updateSummary();
        emit finished();
    });
    // A header per IOC, in the order given, each filled in as its IOC answers.
    QTextCursor cursor(m_text->document());
    const QList<ExecLineJob *> &jobs = m_run->jobs();
    for (const ExecLineJob *job : jobs) {
        if (!m_headers.isEmpty()) {
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat()); // a blank line between
            cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
        }
        cursor.insertText(tr("==> %1 — waiting <==").arg(name(job)), QTextCharFormat());
        m_headers << cursor.block();
    }
    updateSummary();
    m_run->start();
}

QString ExecResultsView::line() const
{
    return m_run->line();
}

QString ExecResultsView::text() const
{
    return m_text->toPlainText();
}

QString ExecResultsView::summary() const
{
    return m_summary->text();
}

QString ExecResultsView::name(const ExecLineJob *job)
{
    const Ioc &ioc = job->ioc();
    return (ioc.host.isEmpty() ? QString() : ioc.host + QLatin1Char('/'))
            + (ioc.name.isEmpty() ? ioc.unit : ioc.name);
}

QString ExecResultsView::header(const ExecLineJob *job)
{
    const QString name = ExecResultsView::name(job);
    switch (job->status()) {
    case ExecLineJob::Status::Ok:
        return tr("%1 — ok").arg(name);
    case ExecLineJob::Status::NoConsole:
        return tr("%1 — no console: %2").arg(name, job->message());
    default:
        return tr("%1 — failed: %2").arg(name, job->message());
    }
}

void ExecResultsView::appendResult(int index)
{
    const ExecLineJob *job = m_run->jobs().at(index);
    // Filled in under the IOC's own header, whatever the user has selected or scrolled to.
    QScrollBar *bar = m_text->verticalScrollBar();
    const int scroll = bar->value();
    QTextCursor cursor(m_headers.at(index));
    cursor.movePosition(QTextCursor::StartOfBlock);
    cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    cursor.insertText(QStringLiteral("==> ") + header(job) + QStringLiteral(" <=="),
                      headerFormat(job->status() == ExecLineJob::Status::Ok));
    QString reply = TerminalSanitizer::plainText(job->reply());
    while (reply.endsWith(QLatin1Char('\n')))
        reply.chop(1);
    if (reply.isEmpty() && job->status() == ExecLineJob::Status::Ok)
        reply = tr("(no output)");
    if (!reply.isEmpty()) {
        cursor.insertBlock(QTextBlockFormat(), QTextCharFormat());
        cursor.insertText(reply, QTextCharFormat());
    }
    bar->setValue(scroll);
    updateSummary();
}

QTextCharFormat ExecResultsView::headerFormat(bool ok)
{
    QTextCharFormat format;
    format.setFontWeight(QFont::Bold);
    if (!ok)
        format.setForeground(QColor(0xc0, 0x1c, 0x28));
    return format;
}

void ExecResultsView::updateSummary()
{
    const int total = m_run->count();
    const int done = m_run->doneCount();
    const int failed = done - m_run->succeededCount();
    QString text = tr("“%1” on %n IOC(s): ", "", total).arg(m_run->line());
    if (failed > 0)
        text += tr("%1 of %2 done, %n failed", "", failed).arg(done).arg(total);
    else
        text += tr("%1 of %2 done").arg(done).arg(total);
    QStringList waiting;
    const QList<ExecLineJob *> &jobs = m_run->jobs();
    for (const ExecLineJob *job : jobs) {
        if (!job->isDone())
            waiting << job->ioc().name;
    }
    if (!waiting.isEmpty()) {
        const int shown = 8;
        QString list = QStringList(waiting.mid(0, shown)).join(QStringLiteral(", "));
        if (waiting.size() > shown)
            list = tr("%1 and %n more", "", static_cast<int>(waiting.size()) - shown).arg(list);
        text += tr("; waiting for %1").arg(list);
    }
    m_summary->setText(text);
}
