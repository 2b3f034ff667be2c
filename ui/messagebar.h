// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QDateTime>
#include <QFrame>
#include <QList>

class QLabel;
class QTimer;
class QToolButton;

/// An inline message: a coloured frame with an icon, one line of text and a close button, in
/// the spirit of KMessageWidget. Used for job outcomes and errors instead of modal dialogs.
/// Success messages hide themselves after autoHideInterval(); others stay until closed or
/// replaced. The bar is one line high whatever the text (longer text is elided, the tool tip
/// holds all of it) and keeps its place in a layout while hidden, so showing or hiding a
/// message never moves other widgets. Every message shown is kept in history().
class MessageBar : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Information, Success, Warning, Error };
    Q_ENUM(Kind)

    /// One message as shown: when, what about (IOCs or a host), which action, and the text.
    struct Entry
    {
        QDateTime time;
        Kind kind = Kind::Information;
        QString text;
        QString subject;
        QString action;
    };

    static constexpr int MaximumHistory = 1000;

    explicit MessageBar(QWidget *parent = nullptr);

    /// Shows @p text (plain text) and replaces any message shown before. @p subject (the IOCs
    /// or host it is about) and @p action go to the history only.
    void showMessage(const QString &text, Kind kind, const QString &subject = QString(),
                     const QString &action = QString());
    void hideMessage();

    QString text() const { return m_text; }
    Kind kind() const { return m_kind; }
    /// The line shown, elided to the bar's width.
    QString shownText() const;
    /// The frame's fill colour for kind(): a tint of the kind's colour over the palette's
    /// window colour. The same for the same kind, however many messages came before.
    QColor backgroundColor() const;
    /// Milliseconds a Success message stays visible; 0 disables auto-hide.
    int autoHideInterval() const { return m_autoHideInterval; }
    void setAutoHideInterval(int ms) { m_autoHideInterval = ms; }

    /// The messages shown so far, oldest first (at most MaximumHistory).
    QList<Entry> history() const { return m_history; }
    static QString kindName(Kind kind);

signals:
    /// The user closed the message, or it hid itself.
    void closed();
    /// A message was shown and appended to history().
    void messageAdded(const MessageBar::Entry &entry);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QColor frameColor() const;
    void updateText();

    QLabel *m_iconLabel;
    QLabel *m_textLabel;
    QToolButton *m_closeButton;
    QTimer *m_hideTimer;
    QString m_text;
    Kind m_kind = Kind::Information;
    int m_autoHideInterval = 6000;
    QList<Entry> m_history;
};

Q_DECLARE_METATYPE(MessageBar::Entry)
