#pragma once

#include "core/ioc/ioc.h"

#include <QPointer>
#include <QProcess>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

/// A log tab: runs a command that prints (and follows) an IOC's log — iocLogCommand() —
/// in a QProcess and appends its output as plain text, keeping at most maximumLines() lines.
/// What the command says on stderr (tail -F: the file was deleted, replaced, truncated) is
/// shown as a marked line and in the status, in plain words where it is known.
/// A search field finds text (Enter: next, Shift+Enter: previous). Never blocks: the process
/// is read as data arrives and killed (not waited for) when the view goes away.
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
    void stop();
    bool isRunning() const;
    QStringList command() const { return m_argv; }

    void setMaximumLines(int lines);
    int maximumLines() const;
    /// The text shown (for tests and copying).
    QString text() const;

    /// Finds @p text from the cursor; wraps around. Returns whether it was found.
    bool find(const QString &text, bool backward = false);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

signals:
    /// The command ended; @p message says how (exit code or the error).
    void finished(const QString &message);

private:
    void handleReadyRead();
    void handleReadyReadError();
    /// A line the command wrote on stderr, in the user's words where it is known.
    QString describeNotice(const QString &line) const;
    void showNotice(const QString &line);
    void handleFinished(int exitCode, QProcess::ExitStatus status);
    void handleErrorOccurred(QProcess::ProcessError error);
    void appendText(const QString &text);
    void setStatus(const QString &text);

    Ioc m_ioc;
    QStringList m_argv;
    QPointer<QProcess> m_process;
    QByteArray m_partial; // bytes after the last newline, waiting for the rest of the line
    QByteArray m_errorPartial; // the same for stderr
    QPlainTextEdit *m_textEdit;
    QLineEdit *m_searchLineEdit;
    QCheckBox *m_followCheckBox;
    QLabel *m_statusLabel;
};
