// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

/// Test helper: every ssh this process starts (iocdock's own included) is logged, through a
/// shim first on PATH that writes its arguments to a log and runs the real ssh. PATH is set
/// back when it goes.
class SshCallLog
{
public:
    SshCallLog();
    ~SshCallLog();
    bool isValid() const { return m_valid; }
    /// One entry per ssh started, its arguments joined with spaces.
    QList<QByteArray> calls() const;
    /// How many calls contain every one of @p texts.
    int count(const QList<QByteArray> &texts) const;

private:
    QTemporaryDir m_dir;
    QByteArray m_oldPath;
    bool m_valid = false;
};

/// Test helper: N "remote hosts" on this machine, each a real sshd on 127.0.0.1 (started by
/// tools/sshd-sandbox with throw-away keys) in front of its own tools/sandbox (a private
/// systemd --user). All servers share one client key and known_hosts; the client options reach
/// iocdock through IOCDOCK_SSH_OPTIONS, which start() sets for this process. Host keys stay
/// verified (StrictHostKeyChecking yes). Its calls block: test code only.
class RemoteHosts
{
public:
    RemoteHosts();
    ~RemoteHosts();

    /// Starts @p count hosts. False with *error (and everything stopped again) on failure.
    bool start(int count, QString *error);
    /// Stops every sshd and sandbox and removes their files.
    void stop();

    int count() const { return m_hosts.size(); }
    /// USER@127.0.0.1:PORT/user: the iocdock host spec of host @p i (its user manager).
    QString spec(int i) const;
    int port(int i) const;
    QString sandboxDir(int i) const;
    /// The sandbox's $XDG_RUNTIME_DIR (systemd's %t there).
    QString runtimeDir(int i) const;
    /// How many lines of host @p i's sshd log (LogLevel VERBOSE) contain @p text, e.g.
    /// "Accepted publickey" (one per SSH authentication) or "Starting session" (one per
    /// command or shell run over a connection).
    int sshdLogCount(int i, const QByteArray &text) const;
    /// The client's ssh options: "-F DIR/ssh_config".
    QString sshOptions() const { return m_sshOptions; }
    /// The environment a process needs to talk to host @p i's sandbox directly (systemctl).
    QProcessEnvironment sandboxEnvironment(int i) const;

    /// Writes the unit into host @p i's sandbox and runs daemon-reload there.
    bool installUnit(int i, const QString &name, const QString &content);
    bool removeUnit(int i, const QString &name);
    /// `systemctl --user ARGS` in host @p i's sandbox (bounded); true on exit status 0.
    bool systemctl(int i, const QStringList &args, QByteArray *out = nullptr);
    QString unitProperty(int i, const QString &unit, const QString &property);

    /// `tools/sshd-sandbox stop`: the sshd and all its sessions die (a host going down).
    bool stopSshd(int i);
    /// `tools/sshd-sandbox start` again: same port, same host key.
    bool startSshd(int i);
    /// New host keys for host @p i; the client's known_hosts keeps the old one.
    bool rekeySshd(int i);

    /// Runs a tool of the source tree (tools/NAME) with a bound; stdout in *out.
    static bool runTool(const QString &name, const QStringList &args,
                        const QProcessEnvironment &env, QByteArray *out, QString *error,
                        int timeoutMs = 60000);

private:
    struct Entry
    {
        QString sandboxDir;
        QString sshDir;
        QString spec;
        int port = 0;
        bool sandboxRunning = false;
    };
    std::unique_ptr<QTemporaryDir> m_root;
    QList<Entry> m_hosts;
    QString m_sshOptions;
    QByteArray m_previousOptions;
    bool m_hadOptions = false;
};
