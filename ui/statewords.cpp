// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "ui/statewords.h"

namespace {

QString paragraph(const QString &title, const QString &text)
{
    return QStringLiteral("<p><b>%1</b> %2</p>").arg(title, text);
}

} // namespace

QString StateWords::containerWhatsThis(const Ioc &ioc)
{
    const QString state = ioc.containerState;
    QString text;
    if (state == QLatin1String("running") || state == QLatin1String("paused")) {
        text = paragraph(tr("Up:"),
                         tr("the container engine runs the container; the time is "
                            "how long it has been up."));
        if (state == QLatin1String("paused"))
            text += paragraph(tr("(paused):"),
                              tr("its processes are frozen until it is "
                                 "unpaused."));
        if (!ioc.health.isEmpty())
            text += paragraph(tr("(healthy / unhealthy):"),
                              tr("what the image's health check answered last."));
    } else if (state == QLatin1String("exited") || state == QLatin1String("restarting")) {
        text = paragraph(state == QLatin1String("exited") ? tr("Exited (N):")
                                                          : tr("Restarting (N):"),
                         tr("the container's main process ended with exit code N "
                            "(137: killed, 143: terminated)%1.")
                                 .arg(state == QLatin1String("restarting")
                                              ? tr(" and its restart policy starts it again")
                                              : QString()));
    } else if (state == QLatin1String("created")) {
        text = paragraph(tr("Created:"), tr("the container exists but was never started."));
    } else {
        text = paragraph(tr("Unknown:"), tr("the container engine has not said (yet)."));
    }
    if (ioc.childState == ChildState::ShutDown)
        text += paragraph(tr("(IOC shut down):"),
                          tr("procServ runs in the container but the IOC process behind it "
                             "does not."));
    return text;
}

QString StateWords::whatsThis(const Ioc &ioc)
{
    if (ioc.isContainer())
        return containerWhatsThis(ioc);
    const bool up = ioc.isUp();
    const bool fileRefused = ioc.loadState == QLatin1String("error")
            || ioc.loadState == QLatin1String("bad-setting");
    QString text;
    const QString status = ioc.status();
    if (ioc.isUninstalled()) {
        text = paragraph(tr("Not found:"), tr("systemd has no unit file of this name (any more)."));
    } else if (!up && ioc.loadState == QLatin1String("masked")) {
        text = paragraph(tr("Masked:"),
                         tr("the unit is masked; systemd refuses to start it "
                            "until it is unmasked."));
    } else if (!up && fileRefused) {
        text = paragraph(tr("Unit file error:"),
                         tr("systemd could not use the unit file (a syntax error or a bad "
                            "setting) and cannot start the IOC until it is fixed. The details "
                            "show systemd's message."));
        return text;
    } else if (!up && !ioc.isLoaded() && ioc.activeState.isEmpty()) {
        text = paragraph(tr("Not loaded:"),
                         tr("the unit file is installed but systemd has not "
                            "loaded it, so it is not running."));
    } else if (status == QLatin1String("running") || status == QLatin1String("shutdown")) {
        text = paragraph(tr("Up:"),
                         tr("systemd runs procServ (the unit is active). The time "
                            "is how long the IOC process has been up, or procServ "
                            "when the IOC's own start is not known."));
        if (status == QLatin1String("shutdown"))
            text += paragraph(tr("(IOC shut down):"),
                              tr("procServ runs but the IOC process behind it does not: it "
                                 "ended and procServ's auto-restart is off. systemd still "
                                 "says active. Restart the IOC from its console or restart "
                                 "the unit."));
    } else if (status == QLatin1String("starting")) {
        text = paragraph(tr("Starting:"),
                         tr("systemd is starting the unit, or the IOC has not "
                            "finished iocInit yet."));
    } else if (status == QLatin1String("stopping")) {
        text = paragraph(tr("Stopping:"), tr("systemd is stopping the unit."));
    } else if (status == QLatin1String("crashloop")) {
        text = paragraph(tr("Restarting:"),
                         tr("the IOC keeps ending: procServ restarted it %1 times or more "
                            "within %2 minutes (crashed N×, last: why), or procServ itself "
                            "failed and systemd is about to start the unit again.")
                                 .arg(Ioc::crashLoopRestarts)
                                 .arg(Ioc::crashLoopWindowSecs / 60));
    } else if (status == QLatin1String("failed")) {
        text = paragraph(tr("Exited (failed):"),
                         tr("procServ ended with an error or was killed, and systemd marked "
                            "the unit failed. The unit's Result in the details says how "
                            "(exit-code, signal, timeout, …)."));
    } else {
        text = paragraph(tr("Exited:"),
                         tr("the unit is stopped (inactive); the time is since "
                            "it stopped."));
    }
    if (up && fileRefused)
        text += paragraph(tr("(unit file error):"),
                          tr("the unit file was changed and systemd refused the new one. What "
                             "runs now was started from the old file; the next start fails "
                             "until the file is fixed."));
    return text;
}
