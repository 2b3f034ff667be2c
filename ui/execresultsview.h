// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QList>
#include <QString>
#include <QTextBlock>
#include <QTextCharFormat>
#include <QWidget>

class ExecFanOut;
class ExecLineJob;
class QLabel;
class QPlainTextEdit;
class QToolButton;

/// The results of one "Run command…": one page in the bottom tabs for every selected IOC. A
/// summary line counts what is done ("2 of 3 done, 1 failed") and names the IOCs still
/// waiting; each IOC has a `HOST/NAME` header, in the order given, that shows its status
/// (waiting, then ok, failed and why, or no console), with its reply filled in under it as
/// soon as that IOC answers. The reply is shown as
/// text (TerminalSanitizer::plainText()): nothing in it acts on anything. Read-only and
/// copyable. The page owns its ExecFanOut: closing it closes the consoles still open, sending
/// nothing.
class ExecResultsView : public QWidget
{
    Q_OBJECT
public:
    /// Takes @p run (reparented to the page) and starts it.
    explicit ExecResultsView(ExecFanOut *run, QWidget *parent = nullptr);

    ExecFanOut *run() const { return m_run; }
    QString line() const;
    /// The results shown so far, as text (what Copy All copies).
    QString text() const;
    QString summary() const;
    QPlainTextEdit *textEdit() const { return m_text; }

    /// The header of a job's block: "HOST/NAME — ok", "HOST/NAME — failed: why",
    /// "HOST/NAME — no console: why".
    static QString header(const ExecLineJob *job);
    /// HOST/NAME of a job's IOC.
    static QString name(const ExecLineJob *job);

signals:
    /// Every IOC has answered or failed.
    void finished();

private:
    void appendResult(int index);
    void updateSummary();
    static QTextCharFormat headerFormat(bool ok);

    ExecFanOut *m_run;
    QLabel *m_summary;
    QToolButton *m_copyButton;
    QPlainTextEdit *m_text;
    QList<QTextBlock> m_headers; // the header line of each job, in the order of the jobs
};
