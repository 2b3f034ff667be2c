// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"
#include "core/procserv/consolesession.h"
#include "core/procserv/controlkeyguard.h"
#include "core/procserv/terminalsanitizer.h"

#include <QPair>
#include <QPointer>
#include <QWidget>

#include <functional>

class QAction;
class QFont;
class QFrame;
class QKeyEvent;
class QKeySequence;
class QLabel;
class QPushButton;
class QTermWidget;
class QTimer;
class QToolBar;
class TerminalWriter;

/// One console tab page: a QTermWidget in teletype mode (no shell) showing one IOC's procServ
/// console through a ConsoleSession, with a toolbar, a status line and an inline bar for
/// guarded keys. Owns the session; destroying the view closes it without sending anything.
///
/// What reaches the IOC: typed bytes pass the core ControlKeyGuard, which decides. A guarded
/// key (procServ's kill, toggle, logout, ^R, ^Q, and ^C/^D) is not sent; the bar explains it
/// and the same key typed again within ConfirmWindowMs (or the bar's button) sends it. A
/// paste with such a byte is refused. Read-only: nothing is sent at all.
class ConsoleView : public QWidget
{
    Q_OBJECT
public:
    static constexpr int ConfirmWindowMs = ControlKeyGuard::ConfirmWindowMs;
    static constexpr int DefaultHistoryLines = 10000;

    /// Takes ownership of @p session (set up for @p ioc's console) and opens it unless it is
    /// already open.
    ConsoleView(const Ioc &ioc, ConsoleSession *session, QWidget *parent = nullptr);
    ~ConsoleView() override;

    const Ioc &ioc() const { return m_ioc; }
    QString key() const { return m_ioc.key(); }
    ConsoleSession *session() const { return m_session; }
    QTermWidget *terminal() const { return m_term; }
    TerminalWriter *writer() const { return m_writer; }

    bool isReadOnly() const { return m_readOnly; }
    void setReadOnly(bool readOnly);
    /// Marks the console as reopened at start (MainWindow's session restore): it is made
    /// read-only and the bar says so; typing is not sent and shows the bar again. Only an
    /// explicit action takes the console: the bar's "Take Console" button or unchecking
    /// Read-only. Taking it clears the mark.
    void setRestored();
    bool isRestored() const { return m_restored; }

    /// Tab text: the IOC name, marked when read-only.
    QString title() const;
    /// Clients besides this one on the console when it connected (procServ's count); -1 unknown.
    int otherClients() const { return m_otherUsers; }
    /// How many of procServ's "users" are this process's own observers, asked when a banner
    /// arrives with when this connection was begun (ChildTracker::steadyNowNs(), -1 unknown)
    /// and procServ's count of users (IocTabs gives the runtime's ownConsoleClients()).
    void setOwnClientsCounter(std::function<int(qint64 connectStartedNs, int users)> counter)
    {
        m_ownClients = std::move(counter);
    }
    /// One line for the status label and tool tips: connection and IOC state.
    QString statusText() const;
    ConsoleSession::State connectionState() const;
    ChildState childState() const;

    void setColorScheme(const QString &name);
    void setTerminalFont(const QFont &font);
    /// Scrollback of @p lines lines (0: none, negative: unbounded). The terminal keeps it in
    /// QTermWidget's file-backed history (temporary files under $TMPDIR, 16 bytes a cell on
    /// disk, next to nothing in memory), so search, selection, copy and saveTranscript() reach
    /// every line. QTermWidget bounds only its in-memory history (~1.6 KB of RAM per 100-char
    /// line), so the view bounds the file itself: see trimHistory().
    void setHistorySize(int lines);
    int historySize() const { return m_historyLimit; }
    /// Lines of scrollback the terminal holds now (above its screen): the last historySize()
    /// lines and up to historySlack() more, cut in one go when that is full (a cut copies the
    /// whole scrollback); up to twice historySize() while output keeps arriving or a selection
    /// or search match is shown (a cut would clear it). A smaller historySize() cuts at once.
    int historyLineCount() const;
    static int historySlack(int lines);

    /// The inline bar (guarded key, refused paste, read-only notice).
    bool isMessageVisible() const;
    QString messageText() const;

    /// Keys that switch console tabs (Ctrl+PageDown, Ctrl+PageUp): the only keys besides the
    /// view's own actions that the console does not claim.
    static QList<QKeySequence> tabSwitchKeys();

    /// Writes the scrollback as plain text to @p path.
    bool saveTranscript(const QString &path, QString *error = nullptr);

    // Toolbar commands (also reachable through actions named "<command>Action").
    void reconnect();
    void clear();
    void copy();
    void paste();
    void toggleFind();
    void zoomIn();
    void zoomOut();
    void saveTranscriptAs(); // asks for a file (non-modal dialog)
    void requestKill(); // asks, then sends the kill char
    void requestToggleAutoRestart(); // asks, then sends the toggle char
    /// Closes the session now. Sends nothing; the view shows "Disconnected".
    void detach();

signals:
    void titleChanged(const QString &title);
    /// Connection state, child state or read-only mode changed; statusText() is new.
    void stateChanged();

protected:
    /// Claims every key typed in the console (QEvent::ShortcutOverride) except the view's own
    /// actions and tabSwitchKeys(): Ctrl+Q, Ctrl+S, Return, ... go to the terminal and through
    /// the guard, never to an application shortcut.
    bool event(QEvent *event) override;

private:
    bool isOwnShortcut(const QKeyEvent *key) const;
    void createActions();
    void handleSendData(const char *chars, int length);
    void handleSessionStateChanged();
    void handleChildStateChanged();
    void handleError(const QString &message);
    void handlePendingExpired();
    void handleWriterDropped(qint64 bytes);
    void handleReadOnlyToggled(bool on);
    void handleBanner();
    /// Holds what is typed while other clients share the console and the user has not said
    /// to type anyway; true when @p bytes were held (not sent).
    bool holdForSharedConsole(const QByteArray &bytes, bool pasted);
    void releaseHeldInput();
    void sendInput(const QByteArray &bytes, bool pasted);
    void showMessage(const QString &text, const QString &sendLabel = {});
    void showRestoredMessage();
    void hideMessage();
    void sendGuarded(char byte);
    void confirmAndSend(char byte, const QString &title, const QString &text,
                        const QString &buttonText);
    void updateState();
    void updateActions();
    void refreshGuard();
    void scheduleHistoryCheck();
    void handleHistoryCheck();
    /// A selection or a search match is shown (more than one cell).
    bool hasSelection() const;
    /// Cuts the scrollback to its last historySize() lines: QTermWidget copies the last lines
    /// into a bounded in-memory buffer and back into new history files (the old ones go).
    void trimHistory();

    Ioc m_ioc;
    QPointer<ConsoleSession> m_session;
    ControlKeyGuard m_guard;
    QTermWidget *m_term = nullptr;
    TerminalWriter *m_writer = nullptr;
    TerminalSanitizer m_sanitizer;
    QToolBar *m_toolBar = nullptr;
    QLabel *m_statusLabel = nullptr;
    QFrame *m_messageBar = nullptr;
    QLabel *m_messageLabel = nullptr;
    QPushButton *m_messageSendButton = nullptr;
    QTimer *m_pendingTimer = nullptr; // hides the bar when the guard's window runs out
    QTimer *m_historyTimer = nullptr; // checks the scrollback's length after output arrived
    int m_historyLimit = DefaultHistoryLines;
    bool m_outputSinceCheck = false; // output arrived since the last history check

    QAction *m_readOnlyAction = nullptr;
    QAction *m_reconnectAction = nullptr;
    QAction *m_killAction = nullptr;
    QAction *m_toggleAction = nullptr;
    QAction *m_pasteAction = nullptr;

    bool m_readOnly = false;
    bool m_restored = false; // reopened read-only at start; see setRestored()
    bool m_pasting = false;
    bool m_restarted = false;
    bool m_notConnectedMessage = false; // the bar says typing was not sent for lack of a connection
    quint32 m_lastChildPid = 0;
    /// Other read-write clients procServ counted when this connection's banner arrived ("N
    /// user(s) and M logger(s) connected (plus you)"); -1 = not told. procServ announces no
    /// later arrivals, so this is the count at connect. Loggers cannot type: not counted.
    int m_otherUsers = -1;
    std::function<int(qint64, int)> m_ownClients;
    qint64 m_connectStartedNs = -1; // when the current connection attempt began; -1 unknown
    bool m_sharedAcknowledged = false; // the user chose to type into the shared console
    bool m_sharedMessage = false; // the bar holds typed input for a shared console
    QList<QPair<QByteArray, bool>> m_heldInput; // (bytes, pasted), in typing order
    qsizetype m_heldBytes = 0;
    bool m_heldDropped = false; // more than the bound was typed: all of it dropped
    QString m_lastError;
    QString m_title;
};
