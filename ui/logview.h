// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"

#include <QTextEdit>
#include <QWidget>

class LogSession;
class LogSource;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

/// A log tab: a LogSession runs a command that prints (and follows) an IOC's log —
/// iocLogCommand() — and the view appends its lines as plain text, keeping at most
/// maximumLines() lines. The session's notices (tail -F: the file was deleted, replaced,
/// truncated) are shown as a marked line and in the status, in plain words where it is known.
/// A search field (Ctrl+F in the tab) finds text (Enter: next, Shift+Enter: previous) and
/// highlights every match, new lines too. Lines with a crash signature (CrashSignatures) are
/// marked and counted in the status. The view follows new lines only while it is at the
/// bottom: scrolled up (or moved to a match), new lines do not move what is shown. Never
/// blocks: the session is stopped (its process killed, not waited for) when the view goes away.
class LogView : public QWidget
{
    Q_OBJECT
public:
    explicit LogView(const Ioc &ioc, QWidget *parent = nullptr);
    ~LogView() override;

    const Ioc &ioc() const { return m_ioc; }
    QString key() const { return m_ioc.key(); }

    /// Starts @p argv (argv[0] looked up in PATH). Stops a command started before.
    void start(const QStringList &argv);
    /// Shows a log the IOC's runtime streams itself (IocRuntime::openLog(): a container's),
    /// taking @p source over and starting it. Stops what was started before.
    void start(LogSource *source);
    void stop();
    bool isRunning() const;
    QStringList command() const;
    LogSession *session() const { return m_session; }

    void setMaximumLines(int lines);
    int maximumLines() const;
    /// The text shown (for tests and copying).
    QString text() const;

    /// Finds @p text from the cursor; wraps around. Returns whether it was found.
    bool find(const QString &text, bool backward = false);
    /// Matches of the search text highlighted now.
    int matchCount() const { return int(m_matchSelections.size()); }
    /// Lines with a crash signature shown in this view (trimmed ones included).
    int crashCount() const { return m_crashCount; }
    /// New lines scroll into view (the view is at the bottom).
    bool isFollowing() const;
    QString statusText() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    /// The command ended; @p message says how (exit code or the error).
    void finished(const QString &message);

private:
    void showNotice(const QString &line);
    void handleFinished();
    void appendText(const QString &text);
    void appendBytes(const QByteArray &bytes);
    void stopSource();
    void setStatus(const QString &text);
    void handleScrolled();
    void highlight(const QString &text);
    void markNewBlocks(int firstBlock, bool trimmed);
    void updateSelections();
    void focusSearch();

    Ioc m_ioc;
    LogSession *m_session;
    LogSource *m_source = nullptr;
    QByteArray m_partial; // a source's bytes after its last newline
    QPlainTextEdit *m_textEdit;
    QLineEdit *m_searchLineEdit;
    QCheckBox *m_followCheckBox;
    QLabel *m_statusLabel;
    QString m_status; // the session's words; crash count appended
    QString m_searchText; // highlighted
    QList<QTextEdit::ExtraSelection> m_matchSelections;
    QList<QTextEdit::ExtraSelection> m_crashSelections;
    int m_crashCount = 0;
    bool m_appending = false; // scroll changes are ours, not the user's
};
