// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/logsession.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {

// Lines longer than this (no newline yet) are handed on in pieces.
const int kLongLine = 64 * 1024;
const int kLongNotice = 4096;

} // namespace

LogSession::LogSession(QObject *parent)
    : QObject(parent)
{}

LogSession::~LogSession()
{
    stop();
}

bool LogSession::start(const QStringList &argv)
{
    stop();
    m_argv = argv;
    m_partial.clear();
    m_errorPartial.clear();
    m_ending = Ending::Exited;
    m_exitCode = 0;
    m_errorString.clear();
    if (argv.isEmpty())
        return false;
    m_process = new QProcess(this);
    // stderr apart: what the follower says about the file (tail -F: deleted, replaced,
    // truncated) is a notice, not text that looks like the log.
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &LogSession::handleReadyRead);
    connect(m_process, &QProcess::readyReadStandardError, this, &LogSession::handleReadyReadError);
    connect(m_process, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), this,
            &LogSession::handleFinished);
    connect(m_process, &QProcess::errorOccurred, this, &LogSession::handleErrorOccurred);
    m_process->start(argv.first(), argv.mid(1), QIODevice::ReadOnly);
    return true;
}

void LogSession::stop()
{
    if (!m_process)
        return;
    QProcess *process = m_process;
    m_process = nullptr;
    process->disconnect(this);
    if (process->state() == QProcess::NotRunning) {
        process->deleteLater();
        return;
    }
    // SIGKILL ends it at once: reap it now, so that nothing is left behind when no event loop
    // follows (the end of iocctl or of a test). One stuck in the kernel is let go and deleted
    // once it has ended; it stays a child of the application, so ~QCoreApplication deletes it
    // at the latest. Deleted later, not here: stop() may run inside one of its signals.
    process->kill();
    process->waitForFinished(1000);
    process->setParent(QCoreApplication::instance());
    if (process->state() == QProcess::NotRunning) {
        process->deleteLater();
        return;
    }
    QObject::connect(process, qOverload<int, QProcess::ExitStatus>(&QProcess::finished), process,
                     &QObject::deleteLater);
}

bool LogSession::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

QString LogSession::endMessage() const
{
    switch (m_ending) {
    case Ending::FailedToStart:
        return tr("Could not run %1: %2").arg(program(), m_errorString);
    case Ending::Crashed:
        return tr("%1 crashed.").arg(program());
    case Ending::Exited:
        break;
    }
    if (m_exitCode != 0)
        return tr("%1 exited with code %2.").arg(program()).arg(m_exitCode);
    return tr("%1 finished.").arg(program());
}

void LogSession::handleReadyRead()
{
    if (!m_process)
        return;
    const QByteArray data = m_process->readAllStandardOutput();
    if (m_delivery == Delivery::Bytes) {
        if (!data.isEmpty())
            emit dataReceived(data);
        return;
    }
    m_partial += data;
    const int newline = static_cast<int>(m_partial.lastIndexOf('\n'));
    if (newline < 0) {
        if (m_partial.size() >= kLongLine)
            flushPartial();
        return; // else wait for the end of the line
    }
    // Only whole lines are decoded, so a UTF-8 sequence is never split.
    const QByteArray lines = m_partial.left(newline);
    m_partial.remove(0, newline + 1);
    emit linesReceived(QString::fromUtf8(lines));
}

void LogSession::flushPartial()
{
    if (m_partial.isEmpty())
        return;
    const QByteArray rest = m_partial;
    m_partial.clear();
    emit linesReceived(QString::fromUtf8(rest));
}

void LogSession::handleReadyReadError()
{
    if (!m_process)
        return;
    m_errorPartial += m_process->readAllStandardError();
    int newline;
    while ((newline = static_cast<int>(m_errorPartial.indexOf('\n'))) >= 0) {
        const QString line = QString::fromLocal8Bit(m_errorPartial.left(newline)).trimmed();
        m_errorPartial.remove(0, newline + 1);
        if (!line.isEmpty())
            emit noticeReceived(line);
    }
    if (m_errorPartial.size() > kLongNotice) {
        const QString line = QString::fromLocal8Bit(m_errorPartial).trimmed();
        m_errorPartial.clear();
        emit noticeReceived(line);
    }
}

QString LogSession::describeNotice(const QString &line)
{
    // tail -F (GNU coreutils) on the procServ log file: say what happened to the file.
    // iocLogCommand() runs tail with LC_ALL=C, so these are its English words.
    static const QRegularExpression quoted(
            QStringLiteral("^(?:\\S*/)?tail: (?:cannot open )?(?:'([^']*)'|([^:]*))"));
    const QRegularExpressionMatch m = quoted.match(line);
    if (!m.hasMatch())
        return line;
    const QString file = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
    if (line.contains(QLatin1String("has become inaccessible"))
        || line.contains(QLatin1String("cannot open")))
        return tr("The log file %1 is gone (deleted or moved away); waiting for it to appear "
                  "again.")
                .arg(file);
    if (line.contains(QLatin1String("has appeared")))
        return tr("The log file %1 appeared again; following it.").arg(file);
    if (line.contains(QLatin1String("has been replaced")))
        return tr("The log file %1 was replaced (rotated); following the new file.").arg(file);
    if (line.contains(QLatin1String("file truncated")))
        return tr("The log file %1 was truncated; following it from its start.").arg(file);
    return line;
}

void LogSession::handleFinished(int exitCode, QProcess::ExitStatus status)
{
    // What is still in the pipes comes before the end.
    handleReadyRead();
    handleReadyReadError();
    const QString notice = QString::fromLocal8Bit(m_errorPartial).trimmed();
    m_errorPartial.clear();
    if (!notice.isEmpty())
        emit noticeReceived(notice);
    flushPartial();
    m_exitCode = exitCode;
    end(status == QProcess::CrashExit ? Ending::Crashed : Ending::Exited);
}

void LogSession::handleErrorOccurred(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || !m_process)
        return; // the other errors end in finished()
    m_errorString = m_process->errorString();
    end(Ending::FailedToStart);
}

void LogSession::end(Ending ending)
{
    m_ending = ending;
    if (m_process) {
        m_process->disconnect(this);
        m_process->deleteLater();
        m_process = nullptr;
    }
    emit finished();
}
