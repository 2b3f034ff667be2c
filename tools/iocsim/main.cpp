// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// iocsim — a small EPICS IOC shell simulator for iocdock's tests and demos.
//
// It prints the boot lines of a soft IOC, then reads commands from stdin at an `epics> `
// prompt: help, dbl, dbpr NAME, dbgf NAME, dbpf NAME VALUE, exit. It runs under procServ's
// pty, whose line discipline echoes input, so it never echoes by itself.
//
// Usage: iocsim [options] [st.cmd]
//   --name NAME             record prefix (default $IOCNAME, else "iocsim")
//   --boot-delay SECONDS    pause before iocInit (fractional allowed)
//   --boot-lines N          print N more dbLoadRecords lines before iocInit, spread over
//                           the boot delay (a slow boot that prints a lot)
//   --crash-after SECONDS   abort() that many seconds after start
//   --flood RATE            print RATE lines per second (0 = off)
//   --flood-line-bytes N    length of each flood line (default 64)
//   --garbage               every 2 s print binary bytes (0xFF, escapes, invalid UTF-8)
//   --ignore-sigterm        ignore SIGTERM (default: exit 0 on SIGTERM)
//   --exit-code N           exit status of the `exit` command (default 0)
//   --input-log FILE        append every byte read from stdin to FILE (tests check what
//                           reached the IOC)
// Each option may also come from the environment: IOCSIM_NAME, IOCSIM_BOOT_DELAY,
// IOCSIM_BOOT_LINES, IOCSIM_CRASH_AFTER, IOCSIM_FLOOD, IOCSIM_FLOOD_LINE_BYTES, IOCSIM_GARBAGE=1,
// IOCSIM_IGNORE_SIGTERM=1, IOCSIM_EXIT_CODE, IOCSIM_INPUT_LOG. Command line options win.
//
// Fault commands for tests (not EPICS ones): `allbytes` prints the 256 byte values 0..255,
// `hugeline N` prints N bytes without a newline, `escapes` prints sequences that act on a
// terminal (window title, clipboard write, device queries); each ends with a line
// "<command> done". `abort` prints a line and dies of SIGABRT at once (an IOC crashing while
// a command runs).

#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <map>
#include <poll.h>
#include <string>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
// In the sanitizer build iocsim keeps ASan and UBSan but not LeakSanitizer's check at exit:
// that check stops the process under a ptrace tracer, and an IOC exiting while systemd sends
// SIGTERM to its cgroup (procServ killed, unit stopping) then hung in it until systemd's
// SIGKILL 20 s later, so the unit stayed "deactivating" far longer than a real IOC would.
// iocsim stands in for the IOC; its memory at exit is not what the tests are about.
extern "C" int __lsan_is_turned_off()
{
    return 1;
}
#endif

namespace {

volatile std::sig_atomic_t s_terminate = 0;

void handleTerm(int)
{
    s_terminate = 1;
}

struct Options
{
    std::string name;
    std::string script;
    double bootDelay = 0;
    long bootLines = 0;
    double crashAfter = 0;
    double floodRate = 0;
    long floodLineBytes = 64;
    bool garbage = false;
    bool ignoreSigterm = false;
    int exitCode = 0;
    std::string inputLog;
};

double now()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

void writeAll(const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(STDOUT_FILENO, data, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            std::_Exit(1); // the console is gone; nothing sensible left to do
        }
        data += n;
        size -= size_t(n);
    }
}

void out(const std::string &text)
{
    writeAll(text.data(), text.size());
}

bool envFlag(const char *name)
{
    const char *v = std::getenv(name);
    return v && *v && std::strcmp(v, "0") != 0 && std::strcmp(v, "no") != 0
            && std::strcmp(v, "false") != 0;
}

bool parseNumber(const char *text, double *value)
{
    if (!text || !*text)
        return false;
    char *end = nullptr;
    errno = 0;
    const double v = std::strtod(text, &end);
    if (errno != 0 || *end != '\0' || !std::isfinite(v) || v < 0)
        return false;
    *value = v;
    return true;
}

[[noreturn]] void usage(int status)
{
    std::fprintf(status ? stderr : stdout,
                 "Usage: iocsim [--name NAME] [--boot-delay S] [--boot-lines N]\n"
                 "              [--crash-after S] [--flood RATE]\n"
                 "              [--flood-line-bytes N] [--garbage] [--ignore-sigterm]\n"
                 "              [--exit-code N] [--input-log FILE] [st.cmd]\n"
                 "Shell commands: help dbl dbpr dbgf dbpf echo epicsEnvShow date exit;\n"
                 "for tests: allbytes, hugeline N, escapes (terminal-acting sequences), abort.\n");
    std::exit(status);
}

Options parseOptions(int argc, char **argv)
{
    Options o;
    const char *envName = std::getenv("IOCSIM_NAME");
    if (!envName || !*envName)
        envName = std::getenv("IOCNAME");
    o.name = envName && *envName ? envName : "iocsim";

    auto numberFrom = [](const char *what, const char *text, double *value) {
        if (!parseNumber(text, value)) {
            std::fprintf(stderr, "iocsim: invalid value for %s: '%s'\n", what, text ? text : "");
            std::exit(2);
        }
    };
    if (const char *v = std::getenv("IOCSIM_BOOT_DELAY"))
        numberFrom("IOCSIM_BOOT_DELAY", v, &o.bootDelay);
    if (const char *v = std::getenv("IOCSIM_CRASH_AFTER"))
        numberFrom("IOCSIM_CRASH_AFTER", v, &o.crashAfter);
    if (const char *v = std::getenv("IOCSIM_FLOOD"))
        numberFrom("IOCSIM_FLOOD", v, &o.floodRate);
    double d = 0;
    if (const char *v = std::getenv("IOCSIM_FLOOD_LINE_BYTES")) {
        numberFrom("IOCSIM_FLOOD_LINE_BYTES", v, &d);
        o.floodLineBytes = long(d);
    }
    if (const char *v = std::getenv("IOCSIM_BOOT_LINES")) {
        numberFrom("IOCSIM_BOOT_LINES", v, &d);
        o.bootLines = long(d);
    }
    if (const char *v = std::getenv("IOCSIM_EXIT_CODE")) {
        numberFrom("IOCSIM_EXIT_CODE", v, &d);
        o.exitCode = int(d);
    }
    if (const char *v = std::getenv("IOCSIM_INPUT_LOG"))
        o.inputLog = v;
    o.garbage = envFlag("IOCSIM_GARBAGE");
    o.ignoreSigterm = envFlag("IOCSIM_IGNORE_SIGTERM");

    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        std::string value;
        bool hasValue = false;
        if (arg.rfind("--", 0) == 0) {
            const size_t eq = arg.find('=');
            if (eq != std::string::npos) {
                value = arg.substr(eq + 1);
                arg.resize(eq);
                hasValue = true;
            }
        }
        auto take = [&]() -> std::string {
            if (hasValue)
                return value;
            if (i + 1 >= argc) {
                std::fprintf(stderr, "iocsim: %s needs a value\n", arg.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (arg == "--name") {
            o.name = take();
        } else if (arg == "--boot-delay") {
            numberFrom("--boot-delay", take().c_str(), &o.bootDelay);
        } else if (arg == "--boot-lines") {
            numberFrom("--boot-lines", take().c_str(), &d);
            o.bootLines = long(d);
        } else if (arg == "--crash-after") {
            numberFrom("--crash-after", take().c_str(), &o.crashAfter);
        } else if (arg == "--flood") {
            numberFrom("--flood", take().c_str(), &o.floodRate);
        } else if (arg == "--flood-line-bytes") {
            numberFrom("--flood-line-bytes", take().c_str(), &d);
            o.floodLineBytes = long(d);
        } else if (arg == "--exit-code") {
            numberFrom("--exit-code", take().c_str(), &d);
            o.exitCode = int(d);
        } else if (arg == "--input-log") {
            o.inputLog = take();
        } else if (arg == "--garbage") {
            o.garbage = true;
        } else if (arg == "--ignore-sigterm") {
            o.ignoreSigterm = true;
        } else if (arg == "-h" || arg == "--help") {
            usage(0);
        } else if (arg.rfind("-", 0) == 0 && arg.size() > 1) {
            std::fprintf(stderr, "iocsim: unknown option %s\n", arg.c_str());
            usage(2);
        } else {
            o.script = arg; // like softIoc's st.cmd argument; only shown in the boot lines
        }
    }
    if (o.floodLineBytes < 16)
        o.floodLineBytes = 16;
    if (o.floodLineBytes > 65536)
        o.floodLineBytes = 65536;
    return o;
}

/// The simulated record database: a few records, some of which change over time.
class Database
{
public:
    Database(std::string prefix, double start)
        : m_prefix(std::move(prefix))
        , m_start(start)
    {
        m_ao = 0;
        m_status = "OK";
    }

    std::vector<std::string> names() const
    {
        return { m_prefix + ":ai1", m_prefix + ":ao1", m_prefix + ":calc", m_prefix + ":status",
                 m_prefix + ":uptime" };
    }

    bool has(const std::string &name) const
    {
        for (const auto &n : names())
            if (n == name)
                return true;
        return false;
    }

    // Returns the DBF type and the value text of a record.
    std::pair<std::string, std::string> value(const std::string &name) const
    {
        const double t = now() - m_start;
        char buf[64];
        if (name == m_prefix + ":ai1") {
            std::snprintf(buf, sizeof buf, "%.4f", 5.0 * std::sin(t / 5.0) + 5.0);
            return { "DBF_DOUBLE", buf };
        }
        if (name == m_prefix + ":ao1") {
            std::snprintf(buf, sizeof buf, "%g", m_ao);
            return { "DBF_DOUBLE", buf };
        }
        if (name == m_prefix + ":calc") {
            std::snprintf(buf, sizeof buf, "%ld", long(t) % 100);
            return { "DBF_DOUBLE", buf };
        }
        if (name == m_prefix + ":uptime") {
            std::snprintf(buf, sizeof buf, "%ld", long(t));
            return { "DBF_LONG", buf };
        }
        return { "DBF_STRING", "\"" + m_status + "\"" };
    }

    std::string recordType(const std::string &name) const
    {
        if (name == m_prefix + ":ai1")
            return "ai";
        if (name == m_prefix + ":ao1")
            return "ao";
        if (name == m_prefix + ":calc")
            return "calc";
        if (name == m_prefix + ":uptime")
            return "longin";
        return "stringin";
    }

    bool put(const std::string &name, const std::string &text)
    {
        if (name == m_prefix + ":ao1") {
            double v = 0;
            char *end = nullptr;
            v = std::strtod(text.c_str(), &end);
            if (text.empty() || *end != '\0')
                return false;
            m_ao = v;
            return true;
        }
        if (name == m_prefix + ":status") {
            m_status = text.substr(0, 39);
            return true;
        }
        return false;
    }

private:
    std::string m_prefix;
    double m_start;
    double m_ao;
    std::string m_status;
};

std::vector<std::string> tokenize(const std::string &line)
{
    // iocsh accepts both `dbpr NAME 1` and `dbpr("NAME", 1)`.
    std::vector<std::string> words;
    std::string cur;
    bool quoted = false;
    bool hadQuote = false;
    for (char c : line) {
        if (quoted) {
            if (c == '"')
                quoted = false;
            else
                cur += c;
            continue;
        }
        if (c == '"') {
            quoted = true;
            hadQuote = true;
        } else if (c == ' ' || c == '\t' || c == '(' || c == ')' || c == ',') {
            if (!cur.empty() || hadQuote)
                words.push_back(cur);
            cur.clear();
            hadQuote = false;
        } else if (c == '#' && words.empty() && cur.empty()) {
            break; // a comment line
        } else {
            cur += c;
        }
    }
    if (!cur.empty() || hadQuote)
        words.push_back(cur);
    return words;
}

class Shell
{
public:
    Shell(const Options &o, double start)
        : m_options(o)
        , m_db(o.name, start)
    {}

    // Runs one input line; returns false when the shell should exit.
    bool execute(const std::string &line)
    {
        const std::vector<std::string> w = tokenize(line);
        if (w.empty())
            return true;
        const std::string &cmd = w[0];
        if (cmd == "exit" || cmd == "quit") {
            return false;
        } else if (cmd == "help") {
            out("Type 'help <command>' to see the arguments of <command>.\n"
                "#\n"
                "dbgf           dbl            dbpf           dbpr           echo\n"
                "epicsEnvShow   exit           help           iocInit        date\n");
        } else if (cmd == "dbl") {
            for (const auto &n : m_db.names())
                out(n + "\n");
        } else if (cmd == "dbgf" || cmd == "dbpr") {
            if (w.size() < 2) {
                out("Usage: " + cmd + " \"pv name\"\n");
            } else if (!m_db.has(w[1])) {
                out("PV '" + w[1] + "' not found\n");
            } else if (cmd == "dbgf") {
                const auto v = m_db.value(w[1]);
                out(pad(v.first + ":", 20) + v.second + "\n");
            } else {
                const auto v = m_db.value(w[1]);
                out(pad("ASG: ", 20) + pad("DESC: " + m_db.recordType(w[1]) + " record", 20)
                    + pad("DISA: 0", 20) + "DISP: 0\n" + pad("DISV: 1", 20)
                    + pad("NAME: " + w[1], 40) + "\n" + pad("SEVR: NO_ALARM", 20)
                    + pad("STAT: NO_ALARM", 20) + pad("TPRO: 0", 20) + "VAL: " + v.second + "\n");
            }
        } else if (cmd == "dbpf") {
            if (w.size() < 3) {
                out("Usage: dbpf \"pv name\", \"value\"\n");
            } else if (!m_db.has(w[1])) {
                out("PV '" + w[1] + "' not found\n");
            } else if (!m_db.put(w[1], w[2])) {
                out("dbpf: put to '" + w[1] + "' failed\n");
            } else {
                const auto v = m_db.value(w[1]);
                out(pad(v.first + ":", 20) + v.second + "\n");
            }
        } else if (cmd == "echo") {
            std::string text;
            for (size_t i = 1; i < w.size(); ++i)
                text += (i > 1 ? " " : "") + w[i];
            out(text + "\n");
        } else if (cmd == "epicsEnvShow") {
            out("IOC=" + m_options.name + "\nEPICS_VERSION_FULL=7.0.7\n");
        } else if (cmd == "date") {
            char buf[64];
            const std::time_t t = std::time(nullptr);
            std::strftime(buf, sizeof buf, "%Y/%m/%d %H:%M:%S", std::localtime(&t));
            out(std::string(buf) + "\n");
        } else if (cmd == "allbytes") {
            std::string all;
            for (int b = 0; b < 256; ++b)
                all += char(b);
            out(all + "\nallbytes done\n");
        } else if (cmd == "hugeline") {
            const long n = w.size() > 1 ? std::strtol(w[1].c_str(), nullptr, 10) : 1048576;
            static const char fill[] = "0123456789abcdef";
            std::string chunk;
            for (int i = 0; i < 65536; ++i)
                chunk += fill[i % 16];
            for (long left = std::max(0L, n); left > 0; left -= long(chunk.size()))
                writeAll(chunk.data(), size_t(std::min(left, long(chunk.size()))));
            out("\nhugeline done\n");
        } else if (cmd == "escapes") {
            // Title (OSC 0 and 2), clipboard write (OSC 52), DCS DECRQSS, device queries
            // (DA, DA2, DSR, cursor position, window reports), DECID; then an OSC that never
            // ends, as a crashed or garbled IOC might leave it.
            out("escapes: \x1b]0;iocsim-title\x07\x1b]2;iocsim-title2\x1b\\"
                "\x1b]52;c;aW9jc2ltLWNsaXA=\x07\x1bP$qm\x1b\\\x1b[c\x1b[>c\x1b[5n\x1b[6n"
                "\x1b[21t\x1b[14t\x1bZ\x05 visible\n"
                "escapes: unterminated \x1b]0;never-ends\n"
                "escapes done\n");
        } else if (cmd == "abort") {
            out("abort: calling abort()\n");
            rlimit noCore{ 0, 0 }; // a deliberate crash should not leave core files around
            setrlimit(RLIMIT_CORE, &noCore);
            std::abort();
        } else if (cmd == "iocInit") {
            out("iocInit: iocBuild: IOC can only be initialized from uninitialized or paused "
                "state\n");
        } else {
            out("Command " + cmd + " not found.\n");
        }
        return true;
    }

private:
    static std::string pad(std::string s, size_t width)
    {
        if (s.size() < width)
            s.append(width - s.size(), ' ');
        else
            s += ' ';
        return s;
    }

    const Options &m_options;
    Database m_db;
};

void sleepInterruptible(double seconds)
{
    const double until = now() + seconds;
    while (!s_terminate) {
        const double left = until - now();
        if (left <= 0)
            break;
        timespec ts{};
        ts.tv_sec = time_t(left);
        ts.tv_nsec = long((left - double(ts.tv_sec)) * 1e9);
        nanosleep(&ts, nullptr);
    }
}

void boot(const Options &o)
{
    const std::string script = o.script.empty() ? "st.cmd" : o.script;
    out("#!../../bin/linux-x86_64/demo\n"
        "< envPaths\n"
        "epicsEnvSet(\"IOC\",\""
        + o.name
        + "\")\n"
          "epicsEnvSet(\"TOP\",\"/opt/epics/iocs/"
        + o.name
        + "\")\n"
          "## Register all support components\n"
          "dbLoadDatabase \"dbd/demo.dbd\"\n"
          "demo_registerRecordDeviceDriver pdbbase\n"
          "## Load record instances\n"
          "dbLoadRecords(\"db/demo.db\",\"P="
        + o.name
        + ":\")\n"
          "## Startup script: "
        + script + "\n");
    if (o.bootLines > 0) {
        for (long i = 1; i <= o.bootLines && !s_terminate; ++i) {
            sleepInterruptible(o.bootDelay / double(o.bootLines));
            out("dbLoadRecords(\"db/part" + std::to_string(i) + ".db\",\"P=" + o.name + ":\")\n");
        }
    } else if (o.bootDelay > 0) {
        sleepInterruptible(o.bootDelay);
    }
    if (s_terminate)
        return;
    out("iocInit\n"
        "Starting iocInit\n"
        "############################################################################\n"
        "## EPICS R7.0.7\n"
        "## Rev. 2023-01-04T12:00+0000\n"
        "############################################################################\n"
        "iocRun: All initialization complete\n"
        "## Start any sequence programs\n"
        "#seq sncxxx,\"user=iocsim\"\n");
}

std::string floodLine(const Options &o, unsigned long n)
{
    char head[96];
    std::snprintf(head, sizeof head, "%s: flood line %lu ", o.name.c_str(), n);
    std::string line = head;
    static const char fill[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    while (line.size() + 1 < size_t(o.floodLineBytes))
        line += fill[line.size() % (sizeof fill - 1)];
    line.resize(size_t(o.floodLineBytes) - 1);
    return line + "\n";
}

} // namespace

int main(int argc, char **argv)
{
    const Options o = parseOptions(argc, argv);
    const double start = now();

    struct sigaction sa
    {
    };
    sa.sa_handler = o.ignoreSigterm ? SIG_IGN : handleTerm;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, nullptr);
    if (o.crashAfter > 0) {
        rlimit noCore{ 0, 0 }; // a deliberate crash should not leave core files around
        setrlimit(RLIMIT_CORE, &noCore);
    }

    boot(o);
    if (s_terminate)
        return 0;

    int inputLog = -1;
    if (!o.inputLog.empty()) {
        inputLog = ::open(o.inputLog.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        if (inputLog < 0) {
            std::fprintf(stderr, "iocsim: cannot open %s: %s\n", o.inputLog.c_str(),
                         std::strerror(errno));
            return 2;
        }
    }

    Shell shell(o, start);
    const char *prompt = "epics> ";
    out(prompt);

    std::string line;
    bool lastWasCr = false;
    unsigned long floodCount = 0;
    const double floodStart = now();
    double nextGarbage = now() + 2.0;
    char buf[4096];

    while (!s_terminate) {
        const double t = now();
        if (o.crashAfter > 0 && t - start >= o.crashAfter) {
            out("\niocsim: simulated crash, calling abort()\n");
            std::abort();
        }
        if (o.floodRate > 0) {
            const auto due = static_cast<unsigned long>((t - floodStart) * o.floodRate);
            std::string chunk;
            // Bound one burst so input is still served when the reader is slow.
            while (floodCount < due && chunk.size() < 65536)
                chunk += floodLine(o, ++floodCount);
            if (!chunk.empty())
                out(chunk);
        }
        if (o.garbage && t >= nextGarbage) {
            static const char garbage[] = "garbage: \xff\xff\xfe\x01\x07 \x1b[31mred\x1b[0m "
                                          "\x1b]0;title\x07 \xc3\x28 \xed\xa0\x80 \x7f"
                                          "\xff\xfb\x01\n";
            writeAll(garbage, sizeof garbage - 1);
            nextGarbage = t + 2.0;
        }

        double wait = 1.0;
        if (o.floodRate > 0)
            wait = std::min(wait, std::max(0.001, 1.0 / o.floodRate));
        if (o.garbage)
            wait = std::min(wait, std::max(0.0, nextGarbage - t));
        if (o.crashAfter > 0)
            wait = std::min(wait, std::max(0.0, start + o.crashAfter - t));

        pollfd pfd{ STDIN_FILENO, POLLIN, 0 };
        const int r = ::poll(&pfd, 1, int(std::ceil(wait * 1000)));
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return 1;
        }
        if (r == 0)
            continue;
        const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN)
                continue;
            return 1;
        }
        if (n == 0)
            return 0; // end of input, like iocsh
        if (inputLog >= 0 && ::write(inputLog, buf, size_t(n)) != n) {
            std::fprintf(stderr, "iocsim: cannot write the input log: %s\n", std::strerror(errno));
            return 2;
        }
        for (ssize_t i = 0; i < n; ++i) {
            const char c = buf[i];
            if (c == '\n' && lastWasCr) { // "\r\n" is one line end
                lastWasCr = false;
                continue;
            }
            lastWasCr = (c == '\r');
            if (c == '\r' || c == '\n') {
                const std::string cmd = line;
                line.clear();
                if (!shell.execute(cmd))
                    return o.exitCode;
                out(prompt);
            } else if (line.size() < 4096) {
                line += c;
            }
        }
    }
    return 0;
}
