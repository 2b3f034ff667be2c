// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "core/ioc/ioc.h"
#include "core/ioc/iocfileview.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

/// What a user asks for when creating an IOC (`iocctl create`, the "New IOC…" form).
struct IocCreateRequest
{
    QString name;
    QString convention; ///< a Conventions id; empty: IocWriter::defaultConvention()
    /// "unix" (the convention's default socket), "unix:PATH", "tcp:PORT" or "auto" (a free
    /// localhost TCP port no other IOC of the host uses); empty = "unix".
    QString port;
    QString chdir; ///< the IOC's working directory; empty: the current directory
    QStringList environment; ///< KEY=VALUE
    QString userName; ///< the account the IOC runs as (system manager); empty: the default
    QStringList command; ///< the program (a path, or a name looked up on PATH) and its arguments
    bool enable = false; ///< start at boot
    bool start = false; ///< start once created
};

/// One file of a plan: written (content) or removed.
struct PlannedFile
{
    QString path;
    QByteArray content; ///< what is written; empty for a removal
    bool replace = false; ///< replaces an existing file (rename's config); else created
};

/// A file or folder moved (renamed) by a plan.
struct PlannedMove
{
    QString from;
    QString to;
};

/// One call to the systemd manager that a plan makes, in order.
struct PlannedCall
{
    enum class Kind {
        Stop, ///< StopUnit(target)
        Disable, ///< DisableUnitFiles([target]) (removes enable and link symlinks)
        Link, ///< LinkUnitFiles([target path])
        Enable, ///< EnableUnitFiles([target]), a unit name or a unit file path
        Reload, ///< Reload (daemon-reload)
        Start, ///< StartUnit(target)
    };
    Kind kind = Kind::Reload;
    QString target; ///< unit name or unit file path; empty for Reload
    /// "systemctl [--user] VERB TARGET", as a user would type it.
    QString text(bool userManager) const;
};

/// What creating, removing or renaming one IOC does, computed before anything is touched: the
/// dry run shows it, apply() carries it out. When errors is not empty nothing may be done.
struct IocPlan
{
    enum class Action { Create, Remove, Rename };
    /// Why a plan is refused: bad input (exit 2) or missing rights (exit 4).
    enum class Refusal { None, BadInput, Permission };

    Action action = Action::Create;
    QString name; ///< the IOC (Rename: the new name)
    QString oldName; ///< Rename: the old name
    QString convention;
    QString unit; ///< the IOC's unit (Rename: the new one)
    bool userManager = false;
    QString console; ///< Create: the console endpoint the IOC will have ("unix:/…", "tcp:…")
    QList<PlannedFile> writes; ///< files written (created; never overwritten)
    QStringList removals; ///< files removed
    QList<PlannedMove> moves; ///< after the removals, before the writes
    QStringList makeDirs; ///< folders made (when missing) before the files are written
    /// Remove: folders removed after the removals when they are then empty (a drop-in folder,
    /// a config folder); a folder that still holds anything stays.
    QStringList removeDirs;
    QStringList kept; ///< Remove: what stays (the IOC's own directory, st.cmd, databases)
    QList<PlannedCall> calls;
    QStringList notes; ///< what the user should know (translated)
    QStringList errors; ///< translated; nothing is done while any is here
    Refusal refusal = Refusal::None;
    /// Remove: refused only because the IOC runs; planned with force it is stopped first. The
    /// errors say so in neutral words: the CLI adds "--force", the dialog its check box.
    bool refusedRunning = false;

    bool isValid() const { return errors.isEmpty(); }
    /// The dry run: every file with its content, every removal, every systemd call, in order.
    QString describe() const;
};

/// Where one systemd manager's IOCs keep their files, for each convention. forLocalSystem() and
/// forLocalUser() take the same places (and environment overrides) as the convention reader
/// (ConventionConfigReader), so an IOC written here is one discovery reads back.
struct IocHostLayout
{
    bool userManager = false;
    QString unitDir; ///< /etc/systemd/system, or $XDG_CONFIG_HOME/systemd/user
    /// Unit search folders checked for a clashing unit name (unitDir first).
    QStringList unitSearchDirs;
    QString procServConfigDir; ///< /etc/procServ.d, or $XDG_CONFIG_HOME/procServ.d
    QStringList procServConfigFiles; ///< files and folders procServUtils reads (INI)
    QString iocBaseDir; ///< manage-iocs: where BASE/NAME/config goes (first of its search path)
    QStringList iocSearchPath; ///< manage-iocs: every base (clash checks)
    QString fribConfigDir; ///< FRIB: where NAME/config goes (first of fribConfigDirs)
    QStringList fribConfigDirs; ///< FRIB: every base the reader searches (clash checks)
    QString runtimeDir; ///< /run, or $XDG_RUNTIME_DIR
    QString logDir; ///< manage-iocs' procServ logs: /var/log/softioc, or $XDG_STATE_HOME/softioc
    QString stateDir; ///< /var/log (system), or $XDG_STATE_HOME (ioc-runner's procserv logs)
    QStringList path; ///< $PATH, to find a command given by name and procServ itself
    /// The manager's account and its group (a user manager runs IOCs as it) and the host's
    /// short name (manage-iocs' HOST=); empty: this process's, this machine's.
    QString account;
    QString group;
    QString hostName;

    static IocHostLayout forLocalSystem();
    static IocHostLayout forLocalUser();
    /// systemd's unit search path (systemd.unit(5)) where a clashing unit may be: the system
    /// manager's, or a user manager's with @p userUnitDir and @p userRuntimeDir
    /// ($XDG_RUNTIME_DIR). One list for local and remote hosts.
    static QStringList systemUnitSearchDirs();
    static QStringList userUnitSearchDirs(const QString &userUnitDir,
                                          const QString &userRuntimeDir);
};

/// Turns create / remove / rename requests into plans (IocPlan) in the layout each convention's
/// own tool writes, byte for byte where the tool is fixed: procServUtils' `manage-procs add`
/// (procServ.d/NAME.conf and the unit its generator makes, enabled or linked by path),
/// NSLS-II manage-iocs (BASE/NAME/config and /etc/systemd/system/softioc-NAME.service),
/// epics-ioc-runner (procServ.d/NAME.conf, an instance of its epics-@.service template), FRIB's
/// Puppet module epics_softioc (softioc-NAME.service with EnvironmentFile=-BASE/NAME/config),
/// ESS e3 (an instance of the e3 ioc@.service template with its own drop-in) and a plain unit
/// running procServ (generic).
///
/// Planning never changes anything and makes no D-Bus call: it reads the file system through an
/// IocFileView (existence, permissions, the command) and, locally, binds a localhost port for
/// a moment (auto port),
/// fast enough for a form's live preview on every keystroke. The caller gives what systemd
/// and discovery know: the host's IOCs (Inventory::iocs()) and unit names it has loaded.
/// Remote hosts are planned on a SnapshotFileView of what RemoteHostProbe saw there.
class IocWriter
{
    Q_DECLARE_TR_FUNCTIONS(IocWriter)
public:
    /// Plans on @p view (not owned; it outlives the writer), or this machine's file system when
    /// null.
    explicit IocWriter(const IocHostLayout &layout, const IocFileView *view = nullptr);

    /// The host's IOCs, for name, unit and port clashes and the default convention.
    void setIocs(const QList<Ioc> &iocs) { m_iocs = iocs; }
    /// Unit names systemd knows (loaded or installed) besides the IOCs'.
    void setKnownUnits(const QSet<QString> &units) { m_knownUnits = units; }
    const IocHostLayout &layout() const { return m_layout; }

    /// The conventions create() can write, in table order.
    static QStringList writableConventions();
    /// Whether IOCs of @p convention can be renamed (their tool has a rename: NSLS-II
    /// manage-iocs); else *why (translated) says so. planRename() refuses the others with it.
    static bool canRename(const QString &convention, QString *why = nullptr);
    /// The convention most of the host's IOCs use (of writableConventions()), else
    /// procservutils.
    QString defaultConvention() const;

    IocPlan planCreate(const IocCreateRequest &request) const;
    /// Removes what the IOC's convention's tool removes (its unit and config), never its own
    /// directory, st.cmd or databases. A running IOC is refused unless @p force (then it is
    /// stopped first).
    IocPlan planRemove(const Ioc &ioc, bool force) const;
    /// manage-iocs only (its `rename`): moves BASE/OLD to BASE/NEW, NAME= in its config, and the
    /// unit; a running IOC is stopped first and started again. Other conventions are refused
    /// with canRename()'s message. Reads the config and the unit through the file view.
    IocPlan planRename(const Ioc &ioc, const QString &newName) const;

    /// A word quoted as Python's shlex.quote() does (what manage-procs writes).
    static QString shellQuote(const QString &word);
    /// A word quoted for a systemd command line (ExecStart=): %, $ and quotes escaped.
    static QString systemdQuote(const QString &word);

private:
    void checkName(const QString &name, const QString &convention, IocPlan *plan) const;
    void checkWritable(IocPlan *plan) const;
    void checkCommand(const IocCreateRequest &request, QString *program, IocPlan *plan) const;
    QSet<quint16> usedTcpPorts() const;
    quint16 pickFreePort() const;
    QString findProgram(const QString &name) const;
    /// procServ's path on the host's PATH; empty, with the refusal recorded in @p plan, when
    /// there is none (every convention runs procServ).
    QString requireProcServ(IocPlan *plan) const;
    /// The layout's account, group and host name, else this process's and this machine's.
    QString accountName() const;
    QString groupName() const;
    QString shortHostName() const;
    /// A manage-iocs IOC's config: the one discovery found, else BASE/NAME/config of the
    /// first base of the search path that has one (remote hosts: discovery reads no configs).
    QString manageIocsConfig(const Ioc &ioc) const;

    void writeProcServUtils(const IocCreateRequest &request, const QString &program,
                            const QString &chdir, IocPlan *plan) const;
    void writeGeneric(const IocCreateRequest &request, const QString &program, const QString &chdir,
                      IocPlan *plan) const;
    void writeManageIocs(const IocCreateRequest &request, const QString &program,
                         const QString &chdir, IocPlan *plan) const;
    void writeIocRunner(const IocCreateRequest &request, const QString &program,
                        const QString &chdir, IocPlan *plan) const;
    void writeFrib(const IocCreateRequest &request, const QString &program, const QString &chdir,
                   IocPlan *plan) const;
    void writeE3(const IocCreateRequest &request, const QString &program, const QString &chdir,
                 IocPlan *plan) const;
    /// The per-instance drop-in an e3 IOC gets (what `systemctl edit ioc@NAME` writes).
    QString e3DropIn(const QString &unit) const;
    /// The unit manage-iocs' install writes for an IOC in @p top.
    QString manageIocsUnit(const QString &name, const QString &top, const QString &port,
                           const QString &user, const QString &exec, const QString &chdir,
                           const QStringList &extraEnvironment) const;

    const IocFileView &fs() const { return m_fs ? *m_fs : m_local; }

    IocHostLayout m_layout;
    LocalFileView m_local;
    const IocFileView *m_fs = nullptr; ///< null: m_local
    QList<Ioc> m_iocs;
    QSet<QString> m_knownUnits;
};
