// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/containers/podmanruncommand.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace {

// `podman --help` and `podman run --help` of podman 4.3.1: the options that take no value.
const QSet<QString> &globalFlags()
{
    static const QSet<QString> flags{ QStringLiteral("--remote"), QStringLiteral("-r"),
                                      QStringLiteral("--noout"),  QStringLiteral("--syslog"),
                                      QStringLiteral("--help"),   QStringLiteral("--version"),
                                      QStringLiteral("-v") };
    return flags;
}

const QSet<QString> &runFlags()
{
    static const QSet<QString> flags{
        QStringLiteral("--detach"),
        QStringLiteral("-d"),
        QStringLiteral("--disable-content-trust"),
        QStringLiteral("--env-host"),
        QStringLiteral("--help"),
        QStringLiteral("--http-proxy"),
        QStringLiteral("--init"),
        QStringLiteral("--interactive"),
        QStringLiteral("-i"),
        QStringLiteral("--no-healthcheck"),
        QStringLiteral("--no-hosts"),
        QStringLiteral("--oom-kill-disable"),
        QStringLiteral("--passwd"),
        QStringLiteral("--privileged"),
        QStringLiteral("--publish-all"),
        QStringLiteral("-P"),
        QStringLiteral("--quiet"),
        QStringLiteral("-q"),
        QStringLiteral("--read-only"),
        QStringLiteral("--read-only-tmpfs"),
        QStringLiteral("--replace"),
        QStringLiteral("--rm"),
        QStringLiteral("--rmi"),
        QStringLiteral("--rootfs"),
        QStringLiteral("--sig-proxy"),
        QStringLiteral("--tls-verify"),
        QStringLiteral("--tty"),
        QStringLiteral("-t"),
        QStringLiteral("--unsetenv-all"),
    };
    return flags;
}

/// Short flags written together ("-dit"): each a known flag.
bool isFlagGroup(const QString &word, const QSet<QString> &flags)
{
    if (word.size() < 3 || word.startsWith(QLatin1String("--")))
        return false;
    for (int i = 1; i < word.size(); ++i) {
        if (!flags.contains(QLatin1Char('-') + word.at(i)))
            return false;
    }
    return true;
}

/// Walks the options from @p i; returns the index of the first word that is no option, or
/// -1 when an option lacks its value. @p each gets each option and its value.
template <typename Each>
int skipOptions(const QStringList &argv, int i, const QSet<QString> &flags, Each each)
{
    while (i < argv.size()) {
        const QString &word = argv.at(i);
        if (word == QLatin1String("--"))
            return i + 1;
        if (!word.startsWith(QLatin1Char('-')) || word == QLatin1String("-"))
            return i;
        const int eq = word.indexOf(QLatin1Char('='));
        if (word.startsWith(QLatin1String("--")) && eq > 0) {
            each(word.left(eq), word.mid(eq + 1));
            ++i;
        } else if (flags.contains(word) || isFlagGroup(word, flags)) {
            ++i;
        } else if (i + 1 < argv.size()) {
            each(word, argv.at(i + 1));
            i += 2;
        } else {
            return -1;
        }
    }
    return i;
}

} // namespace

QString PodmanRunCommand::program() const
{
    return !entrypoint.isEmpty() ? entrypoint.first() : command.value(0);
}

PodmanRunCommand PodmanRunCommand::parse(const QStringList &argv)
{
    PodmanRunCommand c;
    if (argv.isEmpty() || QFileInfo(argv.first()).fileName() != QLatin1String("podman"))
        return c;
    int i = skipOptions(argv, 1, globalFlags(), [](const QString &, const QString &) {});
    // `podman container run` is `podman run`.
    if (i > 0 && argv.value(i) == QLatin1String("container"))
        ++i;
    if (i <= 0 || argv.value(i) != QLatin1String("run"))
        return c;
    i = skipOptions(argv, i + 1, runFlags(), [&c](const QString &option, const QString &value) {
        if (option == QLatin1String("--name")) {
            c.name = value;
        } else if (option == QLatin1String("--label") || option == QLatin1String("-l")) {
            c.labels.insert(value.section(QLatin1Char('='), 0, 0),
                            value.section(QLatin1Char('='), 1));
        } else if (option == QLatin1String("--entrypoint")) {
            const QJsonDocument json = QJsonDocument::fromJson(value.toUtf8());
            if (json.isArray()) {
                c.entrypoint.clear();
                for (const QJsonValue &v : json.array())
                    c.entrypoint << v.toString();
            } else {
                c.entrypoint = QStringList{ value };
            }
        }
    });
    if (i <= 0 || i >= argv.size())
        return c; // no image
    c.isRun = true;
    c.image = argv.at(i);
    c.command = argv.mid(i + 1);
    return c;
}
