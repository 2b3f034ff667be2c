// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/console/consoleview.h"

#include "core/ioc/childtracker.h"
#include "core/ioc/iocaccess.h"
#include "ui/console/terminalwriter.h"
#include "ui/themecolors.h"

#include <QAction>
#include <QColor>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <qtermwidget.h>

#include <climits>
#include <utility>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#if QT_VERSION < QT_VERSION_CHECK(6, 0, 0)
#include <QTextCodec>
#endif

Q_LOGGING_CATEGORY(lcConsoleView, "iocdock.ui.console.view", QtInfoMsg)

namespace {
// How often, at most, the scrollback's length is looked at while output arrives; an idle
// console is never looked at.
constexpr int HistoryCheckMs = 1000;
// Steady clock (ns) before which no view cuts its scrollback; GUI thread only.
qint64 s_nextTrimNs = 0;
} // namespace

ConsoleView::ConsoleView(const Ioc &ioc, ConsoleSession *session, QWidget *parent)
    : QWidget(parent)
    , m_ioc(ioc)
    , m_session(session)
    , m_guard(iocControlKeyGuard(ioc))
{
    Q_ASSERT(session);
    session->setParent(this);
    m_readOnly = session->isReadOnly();

    m_toolBar = new QToolBar(this);
    m_toolBar->setObjectName(QStringLiteral("consoleToolBar"));
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setTextFormat(Qt::PlainText);

    m_messageBar = new QFrame(this);
    m_messageBar->setObjectName(QStringLiteral("messageBar"));
    m_messageBar->setFrameShape(QFrame::StyledPanel);
    m_messageBar->setAutoFillBackground(true);
    ThemeColors::setBackground(m_messageBar, ThemeColors::Tone::Warning);
    m_messageLabel = new QLabel(m_messageBar);
    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->setTextFormat(Qt::PlainText);
    m_messageSendButton = new QPushButton(m_messageBar);
    m_messageSendButton->setObjectName(QStringLiteral("messageSendButton"));
    m_messageSendButton->setFocusPolicy(Qt::NoFocus);
    auto *dismiss = new QToolButton(m_messageBar);
    dismiss->setObjectName(QStringLiteral("messageCloseButton"));
    dismiss->setAutoRaise(true);
    dismiss->setText(QStringLiteral("✕"));
    dismiss->setToolTip(tr("Dismiss"));
    dismiss->setFocusPolicy(Qt::NoFocus);
    auto *barLayout = new QHBoxLayout(m_messageBar);
    barLayout->setContentsMargins(6, 3, 3, 3);
    barLayout->addWidget(m_messageLabel, 1);
    barLayout->addWidget(m_messageSendButton);
    barLayout->addWidget(dismiss);
    m_messageBar->hide();
    connect(dismiss, &QToolButton::clicked, this, &ConsoleView::hideMessage);
    connect(m_messageSendButton, &QPushButton::clicked, this, [this] {
        if (m_sharedMessage) {
            releaseHeldInput();
            return;
        }
        if (m_restored) { // the bar offers to take the restored console, not to send a key
            setReadOnly(false);
            return;
        }
        const int held = m_guard.takePending();
        if (held >= 0)
            sendGuarded(char(held));
    });

    m_pendingTimer = new QTimer(this);
    m_pendingTimer->setSingleShot(true);
    m_pendingTimer->setInterval(ConfirmWindowMs);
    connect(m_pendingTimer, &QTimer::timeout, this, &ConsoleView::handlePendingExpired);

    // 0 = no shell: the terminal only shows what the session receives.
    m_term = new QTermWidget(0, this);
    m_term->setObjectName(QStringLiteral("terminal"));
    m_term->setScrollBarPosition(QTermWidget::ScrollBarRight);
    m_term->setHistorySize(-1); // file-backed; bounded by trimHistory()
    if (m_term->availableColorSchemes().contains(QStringLiteral("Linux")))
        m_term->setColorScheme(QStringLiteral("Linux"));
    m_term->setKeyBindings(QStringLiteral("linux")); // Backspace sends 7f
    m_term->setFlowControlEnabled(false);
    m_term->setConfirmMultilinePaste(false); // its dialog is modal; the guard checks pastes
    m_term->disableBracketedPasteMode(true);
    m_term->setTrimPastedTrailingNewlines(true); // a paste runs only when Enter is pressed
    m_term->setTerminalSizeHint(false);
    m_term->setTerminalFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
#if QT_VERSION < QT_VERSION_CHECK(6, 0, 0)
    m_term->setTextCodec(QTextCodec::codecForName("UTF-8"));
#endif
    m_term->startTerminalTeletype();
    m_writer = new TerminalWriter(m_term->getPtySlaveFd(), this);
    connect(m_writer, &TerminalWriter::dropped, this, &ConsoleView::handleWriterDropped);
    // The pointer is valid only during the emission: copy at once.
    connect(m_term, &QTermWidget::sendData, this, &ConsoleView::handleSendData,
            Qt::DirectConnection);
    connect(m_term, &QTermWidget::copyAvailable, this, [this](bool available) {
        if (!available)
            scheduleHistoryCheck(); // a cut held back for the selection can run now
    });
    m_historyTimer = new QTimer(this);
    m_historyTimer->setSingleShot(true);
    connect(m_historyTimer, &QTimer::timeout, this, &ConsoleView::handleHistoryCheck);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_messageBar);
    layout->addWidget(m_term, 1);
    m_statusLabel->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(m_statusLabel);
    setFocusProxy(m_term);

    createActions();

    // The terminal would answer device queries (ESC[6n, ESC[c, DECRQSS, ...) through
    // sendData, i.e. type the answer into the IOC; OSC strings would retitle or reach the
    // clipboard. Only drawing sequences pass.
    connect(session, &ConsoleSession::dataReceived, this, [this](const QByteArray &bytes) {
        m_writer->write(m_sanitizer.filter(bytes));
        m_outputSinceCheck = true;
        scheduleHistoryCheck();
    });
    connect(session, &ConsoleSession::stateChanged, this, &ConsoleView::handleSessionStateChanged);
    connect(session, &ConsoleSession::childStateChanged, this,
            &ConsoleView::handleChildStateChanged);
    connect(session, &ConsoleSession::errorOccurred, this, &ConsoleView::handleError);
    connect(session, &ConsoleSession::bannerReceived, this, &ConsoleView::handleBanner);

    m_title = title();
    updateState();
    if (session->state() == ConsoleSession::State::Disconnected
        || session->state() == ConsoleSession::State::Failed)
        session->open();
}

ConsoleView::~ConsoleView()
{
    // Nothing may reach the IOC from here on: cut the keyboard and the session's signals
    // first, then close (which never writes).
    disconnect(m_term, nullptr, this, nullptr);
    if (m_session) {
        m_session->disconnect(this);
        m_session->disconnect(m_writer);
        m_session->close();
        delete m_session;
    }
    delete m_writer; // before the terminal (a child widget) and its pty go away
    m_writer = nullptr;
}

QList<QKeySequence> ConsoleView::tabSwitchKeys()
{
    return { QKeySequence(Qt::CTRL | Qt::Key_PageDown), QKeySequence(Qt::CTRL | Qt::Key_PageUp) };
}

bool ConsoleView::isOwnShortcut(const QKeyEvent *key) const
{
    const Qt::KeyboardModifiers modifiers = key->modifiers() & ~Qt::KeypadModifier;
    // Ctrl++ arrives as Ctrl+Shift+"+" on most layouts: try it without Shift too, as
    // QShortcutMap does.
    QList<QKeySequence> typed{ QKeySequence(int(modifiers) | key->key()) };
    if (modifiers & Qt::ShiftModifier)
        typed << QKeySequence(int(modifiers & ~Qt::ShiftModifier) | key->key());
    QList<QKeySequence> own = tabSwitchKeys();
    const QList<QAction *> list = actions();
    for (const QAction *action : list)
        own += action->shortcuts();
    for (const QKeySequence &sequence : std::as_const(own)) {
        for (const QKeySequence &candidate : std::as_const(typed)) {
            if (sequence.matches(candidate) == QKeySequence::ExactMatch)
                return true;
        }
    }
    return false;
}

bool ConsoleView::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() != 0 && key->key() != Qt::Key_unknown && !isOwnShortcut(key)) {
            key->accept(); // then delivered as a KeyPress to the focus widget: the terminal
            return true;
        }
    }
    return QWidget::event(event);
}

void ConsoleView::detach()
{
    m_guard.cancelPending();
    m_pendingTimer->stop();
    if (m_session)
        m_session->close(); // never writes
    updateState();
}

void ConsoleView::createActions()
{
    auto add = [this](const QString &name, const QString &text, const QString &icon,
                      const QKeySequence &shortcut = {}) {
        auto *a = new QAction(QIcon::fromTheme(icon), text, this);
        a->setObjectName(name);
        if (!shortcut.isEmpty()) {
            a->setShortcut(shortcut);
            a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
            a->setToolTip(QStringLiteral("%1 (%2)").arg(
                    text, shortcut.toString(QKeySequence::NativeText)));
        }
        addAction(a);
        return a;
    };

    m_readOnlyAction =
            add(QStringLiteral("readOnlyAction"), tr("Read-only"), QStringLiteral("object-locked"));
    m_readOnlyAction->setCheckable(true);
    m_readOnlyAction->setChecked(m_readOnly);
    m_readOnlyAction->setToolTip(tr("Read-only: nothing typed is sent to the IOC"));
    connect(m_readOnlyAction, &QAction::toggled, this, &ConsoleView::handleReadOnlyToggled);

    m_reconnectAction =
            add(QStringLiteral("reconnectAction"), tr("Reconnect"), QStringLiteral("view-refresh"));
    connect(m_reconnectAction, &QAction::triggered, this, &ConsoleView::reconnect);

    auto *clearAction =
            add(QStringLiteral("clearAction"), tr("Clear"), QStringLiteral("edit-clear"));
    connect(clearAction, &QAction::triggered, this, &ConsoleView::clear);

    auto *findAction = add(QStringLiteral("findAction"), tr("Find"), QStringLiteral("edit-find"),
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    connect(findAction, &QAction::triggered, this, &ConsoleView::toggleFind);

    auto *copyAction = add(QStringLiteral("copyAction"), tr("Copy"), QStringLiteral("edit-copy"),
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(copyAction, &QAction::triggered, this, &ConsoleView::copy);

    m_pasteAction = add(QStringLiteral("pasteAction"), tr("Paste"), QStringLiteral("edit-paste"),
                        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    connect(m_pasteAction, &QAction::triggered, this, &ConsoleView::paste);

    auto *zoomInAction = add(QStringLiteral("zoomInAction"), tr("Zoom In"),
                             QStringLiteral("zoom-in"), QKeySequence::ZoomIn);
    connect(zoomInAction, &QAction::triggered, this, &ConsoleView::zoomIn);
    auto *zoomOutAction = add(QStringLiteral("zoomOutAction"), tr("Zoom Out"),
                              QStringLiteral("zoom-out"), QKeySequence::ZoomOut);
    connect(zoomOutAction, &QAction::triggered, this, &ConsoleView::zoomOut);
    // Short button texts for when the icon theme has none.
    zoomInAction->setIconText(tr("A+", "zoom in"));
    zoomOutAction->setIconText(tr("A−", "zoom out"));

    auto *saveAction = add(QStringLiteral("saveTranscriptAction"), tr("Save Transcript…"),
                           QStringLiteral("document-save-as"));
    connect(saveAction, &QAction::triggered, this, &ConsoleView::saveTranscriptAs);
    saveAction->setIconText(tr("Save…"));
    saveAction->setToolTip(tr("Save the transcript (the whole scrollback) to a file"));

    m_killAction = add(QStringLiteral("killAction"), tr("Kill/Restart IOC"),
                       QStringLiteral("process-stop"));
    connect(m_killAction, &QAction::triggered, this, &ConsoleView::requestKill);
    m_toggleAction = add(QStringLiteral("toggleAutoRestartAction"), tr("Toggle Auto-Restart"),
                         QStringLiteral("chronometer"));
    connect(m_toggleAction, &QAction::triggered, this, &ConsoleView::requestToggleAutoRestart);

    m_toolBar->addAction(m_readOnlyAction);
    m_toolBar->addAction(m_reconnectAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(copyAction);
    m_toolBar->addAction(m_pasteAction);
    m_toolBar->addAction(findAction);
    m_toolBar->addAction(clearAction);
    m_toolBar->addAction(zoomInAction);
    m_toolBar->addAction(zoomOutAction);
    m_toolBar->addAction(saveAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_killAction);
    m_toolBar->addAction(m_toggleAction);
    // Text only where it matters; the rest are icons with tool tips.
    for (QAction *a : { copyAction, m_pasteAction, findAction, clearAction, zoomInAction,
                        zoomOutAction, saveAction }) {
        if (auto *b = qobject_cast<QToolButton *>(m_toolBar->widgetForAction(a)))
            b->setToolButtonStyle(a->icon().isNull() ? Qt::ToolButtonTextOnly
                                                     : Qt::ToolButtonIconOnly);
    }
    updateActions();
}

void ConsoleView::setReadOnly(bool readOnly)
{
    if (m_readOnlyAction->isChecked() != readOnly)
        m_readOnlyAction->setChecked(readOnly); // → handleReadOnlyToggled
    else
        handleReadOnlyToggled(readOnly);
}

void ConsoleView::handleReadOnlyToggled(bool on)
{
    if (m_readOnly == on)
        return;
    m_readOnly = on;
    if (!on)
        m_restored = false;
    m_heldInput.clear();
    m_heldBytes = 0;
    m_heldDropped = false;
    m_guard.cancelPending();
    m_pendingTimer->stop();
    hideMessage();
    if (m_session)
        m_session->setReadOnly(on);
    updateState();
}

QString ConsoleView::title() const
{
    const QString name = m_otherUsers > 0
            ? tr("%1 (+%2)", "console tab: IOC name, other clients attached")
                      .arg(m_ioc.name)
                      .arg(m_otherUsers)
            : m_ioc.name;
    return m_readOnly ? tr("%1 (read-only)").arg(name) : name;
}

ConsoleSession::State ConsoleView::connectionState() const
{
    return m_session ? m_session->state() : ConsoleSession::State::Disconnected;
}

ChildState ConsoleView::childState() const
{
    return m_session ? m_session->tracker().childState() : ChildState::Unknown;
}

QString ConsoleView::statusText() const
{
    QString text;
    switch (connectionState()) {
    case ConsoleSession::State::Disconnected:
        return tr("Disconnected");
    // While it keeps trying, the last attempt's failure says why it is not connected yet.
    case ConsoleSession::State::Connecting:
        return m_lastError.isEmpty() ? tr("Connecting…") : tr("Connecting… (%1)").arg(m_lastError);
    case ConsoleSession::State::Reconnecting:
        return m_lastError.isEmpty() ? tr("Reconnecting…")
                                     : tr("Reconnecting… (%1)").arg(m_lastError);
    case ConsoleSession::State::Failed:
        return m_lastError.isEmpty() ? tr("Connection failed")
                                     : tr("Connection failed: %1").arg(m_lastError);
    case ConsoleSession::State::Connected:
        text = m_restored    ? tr("Connected, restored read-only")
                : m_readOnly ? tr("Connected, read-only")
                             : tr("Connected");
        if (m_otherUsers > 0)
            text += tr(" — %n other client(s) attached when it connected", nullptr, m_otherUsers);
        break;
    }
    const auto &tracker = m_session->tracker();
    const quint32 pid = quint32(tracker.childPid());
    switch (tracker.childState()) {
    case ChildState::ShutDown:
        text += tr(" — IOC shut down");
        break;
    case ChildState::Running:
        if (m_restarted)
            text += pid ? tr(" — IOC restarted, PID %1").arg(pid) : tr(" — IOC restarted");
        else if (pid)
            text += tr(" — IOC running, PID %1").arg(pid);
        break;
    case ChildState::Unknown:
        break;
    }
    return text;
}

void ConsoleView::updateState()
{
    const QString host = m_ioc.host.isEmpty() ? QString() : tr(" on %1").arg(m_ioc.host);
    m_statusLabel->setText(m_ioc.name + host + QStringLiteral(" · ") + statusText());
    updateActions();
    refreshGuard();
    const QString t = title();
    if (t != m_title) {
        m_title = t;
        emit titleChanged(t);
    }
    emit stateChanged();
}

void ConsoleView::updateActions()
{
    if (!m_killAction)
        return;
    const bool connected = connectionState() == ConsoleSession::State::Connected;
    const bool canSend = connected && !m_readOnly;
    const bool shutDown = childState() == ChildState::ShutDown;
    m_killAction->setEnabled(canSend && m_guard.killByte() >= 0);
    m_killAction->setText(shutDown ? tr("Restart IOC") : tr("Kill/Restart IOC"));
    m_killAction->setToolTip(
            m_guard.killByte() < 0
                    ? tr("procServ's kill command is disabled for this IOC")
                    : tr("Send %1 to procServ: %2")
                              .arg(ControlKeyGuard::keyName(char(m_guard.killByte())),
                                   m_guard.classify(char(m_guard.killByte())).explanation));
    m_toggleAction->setEnabled(canSend && m_guard.toggleByte() >= 0);
    m_pasteAction->setEnabled(!m_readOnly);
}

void ConsoleView::refreshGuard()
{
    if (!m_session)
        return;
    const auto &tracker = m_session->tracker();
    m_guard.setChildState(tracker.childState());
    m_guard.setAutoRestart(tracker.autoRestart());
}

void ConsoleView::handleSessionStateChanged()
{
    const auto state = connectionState();
    if (state == ConsoleSession::State::Connecting || state == ConsoleSession::State::Reconnecting)
        m_connectStartedNs = ChildTracker::steadyNowNs(); // earlier than the attempt: stricter
    if (state == ConsoleSession::State::Connected) {
        m_lastError.clear();
        // "Not connected: ... not sent" is stale once the connection is back.
        if (m_notConnectedMessage)
            hideMessage();
    } else
        m_sanitizer.reset(); // a sequence cut off with the connection must not eat new output
    updateState();
}

void ConsoleView::handleChildStateChanged()
{
    const auto &tracker = m_session->tracker();
    const auto pid = quint32(tracker.childPid());
    if (tracker.childState() == ChildState::Running && pid != 0) {
        if (m_lastChildPid != 0 && pid != m_lastChildPid)
            m_restarted = true;
        m_lastChildPid = pid;
    }
    updateState();
}

void ConsoleView::handleError(const QString &message)
{
    m_lastError = message;
    qCInfo(lcConsoleView) << m_ioc.key() << message;
    updateState();
}

void ConsoleView::handleWriterDropped(qint64 bytes)
{
    Q_UNUSED(bytes)
    m_statusLabel->setToolTip(tr("%n byte(s) of output were dropped because the terminal could "
                                 "not keep up.",
                                 nullptr, int(qMin<qint64>(m_writer->droppedBytes(), INT_MAX))));
}

void ConsoleView::handleSendData(const char *chars, int length)
{
    if (length <= 0)
        return;
    const QByteArray bytes(chars, length); // copy now: the pointer dies with the emission
    const bool pasted = m_pasting;
    if (m_restored) {
        showRestoredMessage();
        return;
    }
    if (m_readOnly || !m_session) {
        showMessage(
                tr("This console is read-only: nothing you type is sent to %1.").arg(m_ioc.name));
        return;
    }
    if (holdForSharedConsole(bytes, pasted))
        return;
    sendInput(bytes, pasted);
}

void ConsoleView::handleBanner()
{
    const auto &tracker = m_session->tracker();
    // A new connection: its own count, and a new warning if others are on it.
    const int users = tracker.users();
    const int own = m_ownClients && users > 0 ? m_ownClients(m_connectStartedNs, users) : 0;
    m_otherUsers = users < 0 ? -1 : qMax(0, users - own);
    m_sharedAcknowledged = false;
    if (m_sharedMessage)
        hideMessage(); // held for the connection before: dropped, never sent into this one
    updateState();
}

bool ConsoleView::holdForSharedConsole(const QByteArray &bytes, bool pasted)
{
    if (m_otherUsers <= 0 || m_sharedAcknowledged
        || connectionState() != ConsoleSession::State::Connected)
        return false;
    // Held, never sent, until the user says so; a bounded amount (a few lines of typing).
    // More than that is not kept in part: all of it is dropped, and the bar says so.
    constexpr qsizetype MaxHeld = 4096;
    m_heldDropped = m_heldDropped || m_heldBytes + bytes.size() > MaxHeld;
    const bool dropped = m_heldDropped; // until sent or dismissed: nothing after it kept
    if (dropped) {
        m_heldInput.clear();
        m_heldBytes = 0;
    } else {
        m_heldInput.append({ bytes, pasted });
        m_heldBytes += bytes.size();
    }
    const QString others = tr("%n other client(s) were attached to this console when it "
                              "connected: they see what you type, and what they type reaches "
                              "%1 too.",
                              nullptr, m_otherUsers)
                                   .arg(m_ioc.name);
    showMessage(dropped ? others + u' '
                                + tr("More was typed than is held: all of it was dropped, nothing "
                                     "has been sent.")
                        : others + u' ' + tr("Nothing you typed has been sent yet."),
                tr("Send What I Typed"));
    m_sharedMessage = true;
    return true;
}

void ConsoleView::releaseHeldInput()
{
    m_sharedAcknowledged = true;
    const auto held = std::exchange(m_heldInput, {});
    m_heldBytes = 0;
    m_heldDropped = false;
    hideMessage();
    if (m_readOnly || !m_session)
        return;
    for (const auto &[bytes, pasted] : held)
        sendInput(bytes, pasted);
}

void ConsoleView::sendInput(const QByteArray &bytes, bool pasted)
{
    const bool offering = m_pendingTimer->isActive(); // the bar offers a held key
    const auto verdict = m_guard.press(
            bytes, pasted ? ControlKeyGuard::Input::Pasted : ControlKeyGuard::Input::Typed);
    switch (verdict.kind) {
    case ControlKeyGuard::Verdict::Kind::Pass:
        if (offering) { // typing on cancels a pending confirmation
            m_pendingTimer->stop();
            hideMessage();
        }
        if (!m_session->send(bytes) && connectionState() != ConsoleSession::State::Connected) {
            showMessage(tr("Not connected: what you type is not sent."));
            m_notConnectedMessage = true;
        }
        return;
    case ControlKeyGuard::Verdict::Kind::Refuse:
        m_pendingTimer->stop();
        showMessage(verdict.explanation);
        return;
    case ControlKeyGuard::Verdict::Kind::Confirmed:
        sendGuarded(verdict.byte);
        return;
    case ControlKeyGuard::Verdict::Kind::Confirm:
        m_pendingTimer->start();
        showMessage(ControlKeyGuard::confirmPrompt(verdict), tr("Send %1").arg(verdict.keyName));
        return;
    }
}

void ConsoleView::sendGuarded(char byte)
{
    m_guard.cancelPending();
    m_pendingTimer->stop();
    hideMessage();
    if (m_readOnly || !m_session)
        return;
    if (!m_session->send(QByteArray(1, byte))) {
        showMessage(tr("Not connected: %1 was not sent.").arg(ControlKeyGuard::keyName(byte)));
        m_notConnectedMessage = true;
    }
}

void ConsoleView::handlePendingExpired()
{
    // The guard's window has run out (its clock and this timer agree to the millisecond at
    // best): the key is no longer held, and the bar that offered it goes.
    m_guard.cancelPending();
    hideMessage();
}

void ConsoleView::showMessage(const QString &text, const QString &sendLabel)
{
    m_messageLabel->setText(text);
    m_messageSendButton->setVisible(!sendLabel.isEmpty());
    m_messageSendButton->setText(sendLabel);
    m_messageBar->show();
    m_notConnectedMessage = false;
    m_sharedMessage = false;
}

void ConsoleView::setRestored()
{
    setReadOnly(true);
    m_restored = true;
    showRestoredMessage();
    updateState();
}

void ConsoleView::showRestoredMessage()
{
    showMessage(tr("Restored read-only: nothing is sent to %1. Click Take Console (or Read-only "
                   "on the toolbar) to type into it.")
                        .arg(m_ioc.name),
                tr("Take Console"));
}

void ConsoleView::hideMessage()
{
    m_messageBar->hide();
    m_messageLabel->clear();
    m_notConnectedMessage = false;
    if (m_sharedMessage) { // dismissed: what was held is dropped, never sent
        m_sharedMessage = false;
        m_heldInput.clear();
        m_heldBytes = 0;
        m_heldDropped = false;
    }
}

bool ConsoleView::isMessageVisible() const
{
    return !m_messageBar->isHidden();
}

QString ConsoleView::messageText() const
{
    return isMessageVisible() ? m_messageLabel->text() : QString();
}

void ConsoleView::confirmAndSend(char byte, const QString &title, const QString &text,
                                 const QString &buttonText)
{
    // Window-modal and asynchronous: no nested event loop.
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *ok = box->addButton(buttonText, QMessageBox::AcceptRole);
    ok->setObjectName(QStringLiteral("confirmButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, ok, byte](QAbstractButton *b) {
        if (b == ok && box->clickedButton() == ok)
            sendGuarded(byte);
    });
    box->open();
}

void ConsoleView::requestKill()
{
    const int b = m_guard.killByte();
    if (b < 0 || m_readOnly)
        return;
    const bool shutDown = childState() == ChildState::ShutDown;
    confirmAndSend(char(b),
                   shutDown ? tr("Restart IOC %1?").arg(m_ioc.name)
                            : tr("Kill IOC %1?").arg(m_ioc.name),
                   m_guard.classify(char(b)).explanation,
                   shutDown ? tr("Restart %1").arg(m_ioc.name) : tr("Kill %1").arg(m_ioc.name));
}

void ConsoleView::requestToggleAutoRestart()
{
    const int b = m_guard.toggleByte();
    if (b < 0 || m_readOnly)
        return;
    confirmAndSend(char(b), tr("Toggle auto-restart of %1?").arg(m_ioc.name),
                   m_guard.classify(char(b)).explanation, tr("Toggle Auto-Restart"));
}

void ConsoleView::reconnect()
{
    if (!m_session)
        return;
    m_session->close();
    m_restarted = false;
    m_session->open();
}

void ConsoleView::clear()
{
    m_term->clear();
}

void ConsoleView::copy()
{
    m_term->copyClipboard();
}

void ConsoleView::paste()
{
    if (m_readOnly)
        return;
    // The terminal emits the pasted text through sendData synchronously.
    m_pasting = true;
    m_term->pasteClipboard();
    m_pasting = false;
}

void ConsoleView::toggleFind()
{
    m_term->toggleShowSearchBar();
}

void ConsoleView::zoomIn()
{
    m_term->zoomIn();
}

void ConsoleView::zoomOut()
{
    m_term->zoomOut();
}

void ConsoleView::setColorScheme(const QString &name)
{
    m_term->setColorScheme(name);
}

void ConsoleView::setTerminalFont(const QFont &font)
{
    m_term->setTerminalFont(font);
}

void ConsoleView::setHistorySize(int lines)
{
    lines = qMax(lines, -1);
    if (lines == m_historyLimit)
        return;
    const bool wasFile = m_historyLimit != 0;
    m_historyLimit = lines;
    if (lines == 0)
        m_term->setHistorySize(0);
    else if (!wasFile)
        m_term->setHistorySize(-1);
    else if (lines > 0 && historyLineCount() > lines)
        trimHistory();
}

int ConsoleView::historyLineCount() const
{
    return m_term->historyLinesCount();
}

int ConsoleView::historySlack(int lines)
{
    // A quarter: a console is cut at most once per 2,500 new lines of a 10,000-line
    // scrollback (a cut copies all of it twice), and never by fewer than 100 lines.
    return qMax(100, lines / 4);
}

void ConsoleView::scheduleHistoryCheck()
{
    if (m_historyLimit > 0 && !m_historyTimer->isActive())
        m_historyTimer->start(HistoryCheckMs);
}

void ConsoleView::handleHistoryCheck()
{
    if (m_historyLimit <= 0)
        return;
    // The terminal may still be taking output: then look again a check later.
    const bool busy = m_outputSinceCheck || m_writer->queuedBytes() > 0;
    m_outputSinceCheck = false;
    // A cut copies the whole scrollback twice on the GUI thread, so it waits for the slack to
    // fill rather than running for every line past the limit. While output keeps arriving (the
    // GUI thread is busiest then) it waits for the output to pause, and so while a selection
    // or search match is shown (a cut clears it): in both cases up to twice the limit.
    const int allowed = busy || hasSelection() ? 2 * m_historyLimit
                                               : m_historyLimit + historySlack(m_historyLimit);
    if (historyLineCount() > allowed) {
        // One cut at a time for all tabs, and the GUI thread at most a third of the time:
        // twenty busy tabs must not cut one after the other in one turn of the event loop.
        const qint64 now = ChildTracker::steadyNowNs();
        if (now < s_nextTrimNs) {
            m_outputSinceCheck = busy;
            m_historyTimer->start(int((s_nextTrimNs - now) / 1000000) + 1);
            return;
        }
        trimHistory();
        const qint64 end = ChildTracker::steadyNowNs();
        s_nextTrimNs = end + 2 * (end - now);
    }
    if (busy)
        m_historyTimer->start(HistoryCheckMs);
}

bool ConsoleView::hasSelection() const
{
    // Without a selection QTermWidget reports the cursor as both ends.
    int startRow = 0, startColumn = 0, endRow = 0, endColumn = 0;
    m_term->getSelectionStart(startRow, startColumn);
    m_term->getSelectionEnd(endRow, endColumn);
    return startRow != endRow || startColumn != endColumn;
}

void ConsoleView::trimHistory()
{
    const int before = historyLineCount();
    if (m_historyLimit <= 0 || before <= m_historyLimit)
        return;
    QElapsedTimer clock;
    clock.start();
    // QTermWidget 1.2 has no call that drops history lines from its file-backed history.
    // Switching to an in-memory buffer of N lines keeps the last N lines; switching back
    // copies them into new files and deletes the old ones. The buffer lives for the length
    // of this call only (N lines as terminal cells: ~16 MB for 10,000 lines of 100
    // characters).
    m_term->setHistorySize(m_historyLimit);
    m_term->setHistorySize(-1);
#ifdef __GLIBC__
    malloc_trim(0); // hand the buffer's pages back to the system now
#endif
    qCDebug(lcConsoleView) << m_ioc.key() << "scrollback cut from" << before << "to"
                           << historyLineCount() << "lines in" << clock.elapsed() << "ms";
}

bool ConsoleView::saveTranscript(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    m_term->saveHistory(&file);
    if (!file.flush() || file.error() != QFileDevice::NoError) {
        if (error)
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void ConsoleView::saveTranscriptAs()
{
    auto *dialog = new QFileDialog(this, tr("Save Transcript of %1").arg(m_ioc.name));
    dialog->setObjectName(QStringLiteral("saveTranscriptDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(tr("Text files (*.txt *.log);;All files (*)"));
    dialog->setDefaultSuffix(QStringLiteral("txt"));
    dialog->selectFile(m_ioc.name + QStringLiteral(".txt"));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QString error;
        if (!saveTranscript(path, &error))
            showMessage(error);
    });
    dialog->open();
}
