#pragma once

#include <QFrame>

class QLabel;
class QTimer;
class QToolButton;

/// An inline message above (or below) the content: a coloured frame with text and a close
/// button, in the spirit of KMessageWidget. Used for job outcomes and errors instead of modal
/// dialogs. Success messages hide themselves after autoHideInterval(); others stay until closed
/// or replaced.
class MessageBar : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Information, Success, Warning, Error };
    Q_ENUM(Kind)

    explicit MessageBar(QWidget *parent = nullptr);

    /// Shows @p text (plain text) and replaces any message shown before.
    void showMessage(const QString &text, Kind kind);
    void hideMessage();

    QString text() const;
    Kind kind() const { return m_kind; }
    /// Milliseconds a Success message stays visible; 0 disables auto-hide.
    int autoHideInterval() const { return m_autoHideInterval; }
    void setAutoHideInterval(int ms) { m_autoHideInterval = ms; }

signals:
    /// The user closed the message, or it hid itself.
    void closed();

private:
    void applyColours();

    QLabel *m_iconLabel;
    QLabel *m_textLabel;
    QToolButton *m_closeButton;
    QTimer *m_hideTimer;
    Kind m_kind = Kind::Information;
    int m_autoHideInterval = 6000;
};
