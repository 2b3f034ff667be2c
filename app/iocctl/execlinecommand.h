#pragma once

#include "app/iocctl/command.h"

#include <QTimer>

class ConsoleSession;

/// `iocctl exec [--timeout SECONDS] [--prompt TEXT] NAME -- LINE`: sends one line to the
/// IOC shell and prints its reply up to the next prompt, without the echoed line.
class ExecLineCommand : public Command
{
    Q_OBJECT
public:
    explicit ExecLineCommand(QObject *parent = nullptr);

    /// The first control character (or DEL) in @p line, or -1 when there is none.
    static int findControlCharacter(const QString &line);
    /// The reply as printed: CRs removed, the echoed @p line and the trailing @p prompt
    /// stripped. @p raw is everything received after the line was sent.
    static QString cleanReply(const QByteArray &raw, const QString &line, const QString &prompt);
    /// True when @p raw (received after sending) ends with the prompt on a fresh line.
    static bool isComplete(const QByteArray &raw, const QString &prompt);

protected:
    void addOptions(QCommandLineParser &parser) override;
    QString usage() const override;
    int run(const QCommandLineParser &parser) override;
    QString helpEpilog() const override;

private:
    void connectConsole();
    void handleData(const QByteArray &data);
    void handleBannerDone();
    void handleTimeout();
    void end(int code, const QString &message = {});

    QString m_word;
    QString m_line;
    QString m_prompt;
    int m_timeoutSeconds = 10;
    Ioc m_ioc;
    ConsoleSession *m_session = nullptr;
    bool m_sent = false;
    QByteArray m_reply;
    QTimer m_timeout;
    QTimer m_bannerQuiet; // in case the banner's end is not recognized
};
