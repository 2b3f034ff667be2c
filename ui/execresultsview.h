// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QString>
#include <QWidget>

class ExecFanOut;
class ExecLineJob;
class QLabel;
class QPlainTextEdit;
class QToolButton;

/// The results of one "Run command…": one page in the bottom tabs for every selected IOC. A
/// summary line counts what is done ("2 of 3 done, 1 failed") and names the IOCs still
/// waiting; each IOC's block — a `HOST/NAME` header with its status (ok, failed and why, no
/// console) and its reply — is appended as soon as that IOC answers. The reply is shown as
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

signals:
    /// Every IOC has answered or failed.
    void finished();

private:
    void appendResult(int index);
    void updateSummary();

    ExecFanOut *m_run;
    QLabel *m_summary;
    QToolButton *m_copyButton;
    QPlainTextEdit *m_text;
};
