// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/procserv/controlkeyguard.h"

#include "core/procserv/procservcommand.h"

ControlKeyGuard::ControlKeyGuard()
{
    m_elapsed.start();
}

void ControlKeyGuard::setKillChar(const QString &spec)
{
    m_kill = ProcServCommand::commandByte(spec);
}

void ControlKeyGuard::setToggleChar(const QString &spec)
{
    m_toggle = ProcServCommand::commandByte(spec);
}

void ControlKeyGuard::setLogoutChar(const QString &spec)
{
    m_logout = ProcServCommand::commandByte(spec);
}

void ControlKeyGuard::setIgnoreChars(const QString &spec)
{
    m_ignored = ProcServCommand::decodeIgnoreChars(spec);
}

QString ControlKeyGuard::keyName(char byte)
{
    const auto b = static_cast<unsigned char>(byte);
    if (b < 0x20)
        return tr("Ctrl+%1").arg(QLatin1Char(char(b + 64)));
    if (b == 0x7f)
        return tr("Ctrl+?");
    return QString(QLatin1Char(byte));
}

ControlKeyGuard::Verdict ControlKeyGuard::classify(char byte) const
{
    Verdict v;
    const int b = static_cast<unsigned char>(byte);
    const QString key = keyName(byte);
    const QString name = m_iocName.isEmpty() ? tr("this IOC") : m_iocName;

    // Same order as procServ's clientItem::processInput(): kill, toggle, logout, then the
    // hard-wired ^R and ^Q.
    if (b == m_kill) {
        v.action = Action::Kill;
        if (m_childState == ChildState::ShutDown)
            v.explanation = tr("%1 restarts the IOC process of %2.").arg(key, name);
        else if (m_autoRestart == AutoRestart::Off)
            v.explanation =
                    tr("%1 kills the IOC process of %2 (auto-restart is OFF: it stays down).")
                            .arg(key, name);
        else if (m_childState == ChildState::Running)
            v.explanation = tr("%1 kills the IOC process of %2 (procServ restarts it when "
                               "auto-restart is ON).")
                                    .arg(key, name);
        else
            v.explanation = tr("%1 kills the IOC process of %2 (procServ restarts it when "
                               "auto-restart is ON), or starts it when it is shut down.")
                                    .arg(key, name);
    } else if (b == m_toggle) {
        v.action = Action::ToggleAutoRestart;
        v.explanation = tr("%1 toggles procServ's auto-restart of %2.").arg(key, name);
    } else if (b == m_logout) {
        v.action = Action::Logout;
        v.explanation = tr("%1 closes this console connection to %2.").arg(key, name);
    } else if (b == 0x12) {
        v.action = Action::Restart;
        v.explanation = m_childState == ChildState::Running
                ? tr("%1 goes to the IOC shell of %2; procServ restarts the IOC with it "
                     "when the IOC is shut down.")
                          .arg(key, name)
                : tr("%1 restarts the IOC process of %2 when it is shut down.").arg(key, name);
    } else if (b == 0x11) {
        v.action = Action::Quit;
        v.explanation =
                tr("%1 quits procServ (the console server of %2) when the IOC is shut down.")
                        .arg(key, name);
    } else if (b == 0x03 && !m_ignored.contains(byte)) {
        v.action = Action::Interrupt;
        v.explanation = tr("%1 goes to the IOC shell of %2, which may exit on it.").arg(key, name);
    } else if (b == 0x04 && !m_ignored.contains(byte)) {
        v.action = Action::EndOfInput;
        v.explanation =
                tr("%1 ends the input of the IOC shell of %2, which exits the IOC.").arg(key, name);
    } else {
        return v;
    }
    v.kind = Verdict::Kind::Confirm;
    v.byte = byte;
    v.keyName = key;
    return v;
}

ControlKeyGuard::Verdict ControlKeyGuard::check(const QByteArray &bytes, Input input) const
{
    for (const char c : bytes) {
        Verdict v = classify(c);
        if (v.isPass())
            continue;
        if (input == Input::Pasted || bytes.size() > 1) {
            // A paste, or a key that sends a sequence (Alt+Ctrl+X = ESC ^X): procServ would
            // still act on the byte inside it, and there is no single key to confirm.
            v.kind = Verdict::Kind::Refuse;
            v.explanation =
                    tr("Nothing was sent: the text contains %1. %2").arg(v.keyName, v.explanation);
        }
        return v;
    }
    return {};
}

QByteArray ControlKeyGuard::withoutGuarded(const QByteArray &bytes) const
{
    QByteArray kept;
    kept.reserve(bytes.size());
    for (const char c : bytes) {
        if (!isGuarded(c))
            kept += c;
    }
    return kept;
}

qint64 ControlKeyGuard::now() const
{
    return m_clock ? m_clock() : m_elapsed.elapsed();
}

int ControlKeyGuard::pendingByte() const
{
    if (m_pending < 0 || now() - m_pendingSince >= ConfirmWindowMs)
        return -1;
    return m_pending;
}

int ControlKeyGuard::takePending()
{
    const int byte = pendingByte();
    m_pending = -1;
    return byte;
}

ControlKeyGuard::Verdict ControlKeyGuard::press(const QByteArray &bytes, Input input)
{
    Verdict v = check(bytes, input);
    if (v.kind != Verdict::Kind::Confirm) {
        m_pending = -1; // typing on, or a refused paste, drops a held key
        return v;
    }
    if (pendingByte() == static_cast<unsigned char>(v.byte)) {
        m_pending = -1;
        v.kind = Verdict::Kind::Confirmed;
        return v;
    }
    m_pending = static_cast<unsigned char>(v.byte);
    m_pendingSince = now();
    return v;
}

QString ControlKeyGuard::confirmPrompt(const Verdict &verdict)
{
    return tr("%1 Nothing was sent — press %2 again within %3 s to send it.")
            .arg(verdict.explanation, verdict.keyName, QString::number(ConfirmWindowMs / 1000));
}
