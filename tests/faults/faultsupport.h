// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

// Helpers shared by the fault tests: an IOC unit on the sandbox whose iocsim records every
// byte it reads, and a program run with its stdin (and optionally stdout) on a pseudo
// terminal, as a user's shell would run iocctl.

#include "core/ioc/ioc.h"
#include "tests/common/sandbox.h"

#include <QFile>
#include <QProcess>
#include <QSocketNotifier>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

/// Runs @p call (a helper that may fail the test) and returns from the test function when it
/// did, as QVERIFY would.
#define CHECKED(call)                   \
    do {                                \
        call;                           \
        if (QTest::currentTestFailed()) \
            return;                     \
    } while (false)

/// One IOC for a fault test: `softioc-NAME.service` running procServ (TCP console, a log
/// file, holdoff 1 s) with iocsim, restarted by systemd when procServ dies (Restart=always,
/// no start limit). iocsim appends everything it reads to inputLog().
class FaultIoc
{
public:
    FaultIoc(Sandbox &sandbox, const QString &name, const QStringList &iocsimArgs = {})
        : m_sandbox(sandbox)
        , m_name(name)
        , m_port(Sandbox::freeTcpPort())
    {
        m_inputLog = sandbox.runtimeDir() + QLatin1Char('/') + name + QStringLiteral(".input");
        m_logFile = sandbox.runtimeDir() + QLatin1Char('/') + name + QStringLiteral(".log");
        QFile::remove(m_inputLog);
        QFile::remove(m_logFile);
        m_args = iocsimArgs;
    }
    ~FaultIoc()
    {
        m_sandbox.removeUnit(unit());
        QFile::remove(m_inputLog);
        QFile::remove(m_logFile);
    }

    /// Installs and starts the unit; true once its procServ listens and the child runs
    /// (procServ logged the IOC's prompt).
    bool start()
    {
        const QString text = Sandbox::procServUnit(
                m_name,
                { QStringLiteral("--name"), m_name, QStringLiteral("--holdoff"),
                  QStringLiteral("1"), QStringLiteral("--logfile"), m_logFile, QStringLiteral("-P"),
                  QString::number(m_port) },
                QStringList{ QStringLiteral("--input-log"), m_inputLog } + m_args,
                { QStringLiteral("Restart=always"), QStringLiteral("RestartSec=200ms"),
                  QStringLiteral("[Unit]"), QStringLiteral("StartLimitIntervalSec=0") });
        if (!m_sandbox.installUnit(unit(), text)
            || !m_sandbox.systemctl({ QStringLiteral("start"), unit() }))
            return false;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 20000) {
            if (log().contains("epics> "))
                return true;
            QTest::qWait(50);
        }
        return false;
    }

    QString name() const { return m_name; }
    QString unit() const
    {
        return QStringLiteral("softioc-") + m_name + QStringLiteral(".service");
    }
    quint16 port() const { return m_port; }
    ConsoleEndpoint endpoint() const
    {
        return ConsoleEndpoint::fromString(QStringLiteral("tcp:127.0.0.1:%1").arg(m_port));
    }
    Ioc ioc() const
    {
        Ioc ioc;
        ioc.host = QStringLiteral("user");
        ioc.name = m_name;
        ioc.unit = unit();
        ioc.activeState = QStringLiteral("active");
        ioc.console = endpoint();
        ioc.logFile = m_logFile;
        return ioc;
    }
    /// systemd's MainPID (procServ) and NRestarts of the unit.
    qint64 mainPid() { return prop(QStringLiteral("MainPID")).toLongLong(); }
    int restarts() { return prop(QStringLiteral("NRestarts")).toInt(); }
    QString prop(const QString &name) { return m_sandbox.unitProperty(unit(), name); }
    /// Every byte the IOC (all its incarnations) read from its console.
    QByteArray input() const { return readAll(m_inputLog); }
    /// procServ's log file: what the IOC printed, and the pty's echo of its input.
    QByteArray log() const { return readAll(m_logFile); }

private:
    static QByteArray readAll(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    Sandbox &m_sandbox;
    QString m_name;
    quint16 m_port = 0;
    QString m_inputLog;
    QString m_logFile;
    QStringList m_args;
};

/// A program whose standard input (and, unless redirected to a file, standard output) is
/// the slave side of a pseudo terminal, so it sees a terminal as it would in a shell. What
/// it writes to the terminal collects in output(); standard error in errors().
class PtyProcess : public QObject
{
public:
    PtyProcess()
    {
        m_master = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
        if (m_master < 0 || ::grantpt(m_master) != 0 || ::unlockpt(m_master) != 0)
            return;
        m_slave = QString::fromLocal8Bit(::ptsname(m_master));
        // Held open so that reading the master never fails with EIO while no program runs.
        m_slaveFd = ::open(::ptsname(m_master), O_RDWR | O_NOCTTY | O_CLOEXEC);
        winsize size{};
        size.ws_row = 40;
        size.ws_col = 120;
        ::ioctl(m_master, TIOCSWINSZ, &size);
        ::fcntl(m_master, F_SETFL, ::fcntl(m_master, F_GETFL) | O_NONBLOCK);
        m_notifier = new QSocketNotifier(m_master, QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, [this] { drain(); });
        connect(&m_process, &QProcess::readyReadStandardError, this,
                [this] { m_errors += m_process.readAllStandardError(); });
    }
    ~PtyProcess() override
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
        if (m_slaveFd >= 0)
            ::close(m_slaveFd);
        if (m_master >= 0)
            ::close(m_master);
    }

    bool isValid() const { return !m_slave.isEmpty(); }
    /// Starts @p program; its stdout goes to @p stdoutFile instead of the terminal when set.
    void start(const QString &program, const QStringList &args, const QString &stdoutFile = {})
    {
        m_process.setProgram(program);
        m_process.setArguments(args);
        m_process.setStandardInputFile(m_slave);
        m_process.setStandardOutputFile(stdoutFile.isEmpty() ? m_slave : stdoutFile);
        m_process.start();
    }
    /// Types @p bytes on the terminal.
    bool type(const QByteArray &bytes)
    {
        return ::write(m_master, bytes.constData(), size_t(bytes.size())) == bytes.size();
    }
    QByteArray output() const { return m_output; }
    void clearOutput() { m_output.clear(); }
    QByteArray errors()
    {
        m_errors += m_process.readAllStandardError();
        return m_errors;
    }
    QProcess &process() { return m_process; }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

private:
    void drain()
    {
        char buffer[65536];
        for (;;) {
            const ssize_t n = ::read(m_master, buffer, sizeof buffer);
            if (n > 0) {
                m_output.append(buffer, int(n));
                continue;
            }
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0 && errno != EAGAIN)
                m_notifier->setEnabled(false);
            return;
        }
    }

    int m_master = -1;
    int m_slaveFd = -1;
    QString m_slave;
    QSocketNotifier *m_notifier = nullptr;
    QProcess m_process;
    QByteArray m_output;
    QByteArray m_errors;
};
