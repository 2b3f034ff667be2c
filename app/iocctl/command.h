// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#pragma once

#include "app/iocctl/hostoptions.h"
#include "app/iocctl/terminaloutput.h"
#include "core/hosts/host.h"
#include "core/ioc/ioc.h"
#include "core/systemd/systemdmanager.h" // host.h returns QPointer<SystemdManager> inline

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTextStream>
#include <QTimer>

#include <functional>

class Fleet;
class IocRuntime;

/// One `iocctl` sub-command. execute() parses the command's own arguments and either finishes
/// at once (returns an exit code) or returns Pending and emits finished() exactly once later;
/// the QCoreApplication event loop drives all the work. Output goes to the QTextStreams given
/// with setOutput(), so tests can capture it.
class Command : public QObject
{
    Q_OBJECT
public:
    /// Exit codes of iocctl (documented in --help and iocctl(1)).
    enum ExitCode {
        Success = 0,
        ActionFailed = 1,
        UsageError = 2,
        NotFound = 3,
        ConnectionError = 4,
        TimedOut = 5,
    };
    static constexpr int Pending = -1;

    Command(const QString &name, const QString &description, QObject *parent = nullptr);
    ~Command() override;

    QString name() const { return m_name; }
    QString description() const { return m_description; }

    void setOutput(QTextStream *out, QTextStream *err);
    /// The host options given before the command name; those after it are added to them.
    /// Each host connects in parallel; a host that fails is reported and the others go on
    /// (the exit code is then 4 even if the rest succeeded).
    void setHostOptions(const HostOptions &options) { m_hostOptions = options; }
    /// --color and --no-pager given before the command name; those after it override them.
    void setOutputOptions(const OutputOptions &options) { m_outputOptions = options; }
    /// The Host::fromSpec() specs of the managers to talk to, once execute() parsed them.
    QStringList hostSpecs() const { return m_hostSpecs; }

    /// @p args starts with the command name. Returns an exit code, or Pending.
    int execute(const QStringList &args);

signals:
    void finished(int exitCode);

protected:
    /// Adds the command's options and positional arguments.
    virtual void addOptions(QCommandLineParser &parser) = 0;
    /// "[OPTIONS] NAME..." — what follows "iocctl COMMAND" in the usage line.
    virtual QString usage() const = 0;
    /// Runs after a successful parse; same contract as execute().
    virtual int run(const QCommandLineParser &parser) = 0;
    /// Text after the options in --help (exit codes are appended by the base).
    virtual QString helpEpilog() const { return {}; }
    /// The "Exit codes: ..." line of --help; commands with systemctl's codes say theirs.
    virtual QString exitCodesText() const;

    /// The arguments execute() was given (from the command name on), e.g. to see where "--"
    /// was.
    QStringList arguments() const { return m_arguments; }

    QTextStream &out() { return *m_out; }
    QTextStream &err() { return *m_err; }
    /// Colours for states: standard output is a terminal and --color/NO_COLOR allow them.
    bool colorEnabled() const { return TerminalOutput::colorEnabled(m_outputOptions.color); }
    /// The pager takes standard output from here on when it is a terminal (not with
    /// --no-pager, IOCCTL_PAGER=cat, PAGER=cat); call right before printing long output.
    void startPager();

    /// The -f/--filter values of @p parser with each "@NAME" replaced by the terms of that
    /// saved filter (SavedFilters::defaultPath(), the file iocdock's filter bar saves to).
    /// False, with the error printed, for an unknown NAME or an unreadable file: exit
    /// UsageError.
    bool filterTerms(const QCommandLineParser &parser, QStringList *terms);
    /// "iocctl: MESSAGE" on the error stream.
    void printError(const QString &message);
    void printWarning(const QString &message);
    /// After a permission error on @p host: which right the action needs and how to get it.
    void printPermissionHint(const Host *host);
    /// A D-Bus error name that means the caller lacks the right (AccessDenied, ...).
    static bool isPermissionError(const QString &errorName);
    /// The hint after "no such IOC": "see 'iocctl ps -a'" with the host options used.
    QString notFoundHint() const;

    /// Emits finished(code) once; later calls are ignored.
    void finish(int code);
    bool isFinished() const { return m_finished; }

    /// More than one host was asked for (tables get a HOST column).
    bool isMultiHost() const { return m_hostSpecs.size() > 1; }
    /// The hosts and their runtimes (valid once loadInventory() was called).
    Fleet *fleet() const { return m_fleet; }
    /// The runtime that runs an IOC of allIocs(): its actions, console and log.
    IocRuntime *runtimeFor(const Ioc &ioc) const;
    /// The IOCs of every host that listed them.
    QList<Ioc> allIocs() const;

    struct InventoryOptions
    {
        bool includeUnitFiles = true;
        bool probeConsoles = false;
        bool reportErrors = true; // print errorOccurred() and config errors as warnings
        // config errors of every IOC listed (ps), not only of those resolve() returns
        bool warnAboutEveryIoc = false;
        bool activeOnly = false; // only units that are up (Inventory::setActiveOnly)
        bool listingOnly = false; // Inventory::DetailLevel::Listing
        bool listingUnitFileState = false; // with it, UnitFileState (`enabled`)
        // Keep following after the listing (events): children live (Inventory's
        // setFollowChildren) and hosts reconnect when lost.
        bool follow = false;
    };
    /// Connects to the host, lists its IOCs and calls @p ready (with the inventory ready).
    /// On a connection failure or timeout it prints the error and finishes with 4 or 5.
    void loadInventory(const InventoryOptions &options, std::function<void()> ready);
    /// Resolves names/globs against the loaded inventory. On failure prints the error and
    /// returns false with *exitCode set (3 not found, 2 ambiguous/empty).
    bool resolve(const QStringList &words, bool single, QList<Ioc> *iocs, int *exitCode);
    /// The IOCs a group command acts on: those @p words name (each word's matches by name, the
    /// words in the order given, each IOC once) that match @p filterTerms, or with no words
    /// every listed IOC that matches, by name. On failure (a word matches nothing, or nothing
    /// is left: exit 3) prints the error and returns false with *exitCode set.
    bool resolveSelection(const QStringList &words, const QStringList &filterTerms,
                          QList<Ioc> *iocs, int *exitCode);
    /// Prints the IOC's config error or unit-file load error, if any, as a warning.
    void warnAboutConfig(const Ioc &ioc);
    /// resolve() of one word to an IOC whose procServ console can be reached now: running and
    /// with a known endpoint. Otherwise says why ("not running", exit 1, for a listed IOC that
    /// is stopped), finishes the command and returns false. When the inventory was listed
    /// without unit files and the word names none of the listed IOCs, it lists again with
    /// them and calls loadInventory()'s ready function again (returning false meanwhile,
    /// without finishing).
    bool resolveConsole(const QString &word, Ioc *ioc);

private:
    struct Target
    {
        Host *host = nullptr;
        bool connected = false; // was connected (its runtimes started)
        bool done = false; // listed, or failed
        bool ok = false;
        bool timedOut = false; // no longer counts, and does not report
        QElapsedTimer lastHeard; // since its last answer while listing
    };
    Target *targetOf(const Host *host) const;
    /// The hosts that listed their IOCs.
    QList<Host *> listedHosts() const;
    void handleHostStateChanged(Target *target);
    void handleInventoryReady(Target *target);
    void handleLoadTimeout();
    /// @p host answered while listing: its silence bound (--connect-timeout) starts again.
    void noteProgress(const QString &hostId);
    void targetDone(Target *target, bool ok);
    void relistWithUnitFiles();

    QString m_name;
    QString m_description;
    QStringList m_arguments;
    HostOptions m_hostOptions;
    OutputOptions m_outputOptions;
    QStringList m_hostSpecs{ QStringLiteral("system") };
    int m_connectTimeout = HostOptions::DefaultConnectTimeout; // seconds
    QTextStream *m_out = nullptr;
    QTextStream *m_err = nullptr;
    QTextStream m_stdout;
    QTextStream m_stderr;
    bool m_finished = false;
    Fleet *m_fleet = nullptr;
    QList<Target *> m_targets;
    bool m_readyCalled = false;
    bool m_someHostFailed = false;
    int m_failureCode = Success; // ConnectionError or TimedOut once a host failed
    InventoryOptions m_inventoryOptions;
    std::function<void()> m_ready;
    std::function<void()> m_readyAgain; // m_ready as loadInventory() got it
    QTimer m_loadTimer;
};
