// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
#include "core/ioc/conventionconfig.h"

#include "core/ioc/conventions.h"
#include "core/ioc/iocfileview.h"
#include "core/procserv/procservcommand.h"
#include "core/systemd/environmentfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <unistd.h>

namespace {

// Config files are small; anything bigger is not one.
constexpr qint64 kMaxFileSize = 1024 * 1024;

QString at(const QString &file, int line)
{
    return file + QLatin1Char(':') + QString::number(line) + QLatin1String(": ");
}

QStringList colonList(const char *variable)
{
    return QString::fromLocal8Bit(qgetenv(variable)).split(QLatin1Char(':'), Qt::SkipEmptyParts);
}

bool isValidIocName(const QString &name)
{
    return !name.isEmpty() && !name.contains(QLatin1Char('/')) && name != QLatin1String(".")
            && name != QLatin1String("..") && !name.contains(QChar(0));
}

/// Reads a config file's bytes. Returns false with @p error set when it cannot be read, is too
/// big or holds binary data.
bool readBytes(const QString &path, QByteArray *data, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + QLatin1String(": ")
                + QCoreApplication::translate("ConventionConfigReader", "cannot read: %1")
                          .arg(file.errorString());
        return false;
    }
    if (file.size() > kMaxFileSize) {
        *error = path + QLatin1String(": ")
                + QCoreApplication::translate("ConventionConfigReader",
                                              "too large for a config file");
        return false;
    }
    *data = file.read(kMaxFileSize);
    const int nul = data->indexOf('\0');
    if (nul >= 0) {
        *error = path + QLatin1String(": ")
                + QCoreApplication::translate("ConventionConfigReader",
                                              "not a text file (binary data at byte %1)")
                          .arg(nul);
        return false;
    }
    return true;
}

/// Decodes a config file's bytes: invalid UTF-8 gets replacement characters and a note in
/// @p error.
void decodeText(const QString &path, const QByteArray &data, QString *text, QString *error)
{
    *text = QString::fromUtf8(data);
    // A replacement character that the bytes did not spell themselves marks invalid UTF-8.
    if (text->count(QChar::ReplacementCharacter) != data.count(QByteArrayLiteral("\xEF\xBF\xBD"))) {
        const int bad = text->indexOf(QChar::ReplacementCharacter);
        *error = at(path, text->left(bad).count(QLatin1Char('\n')) + 1)
                + QCoreApplication::translate("ConventionConfigReader", "invalid UTF-8");
    }
}

/// Reads a text file: readBytes(), then decodeText().
bool readText(const QString &path, QString *text, QString *error)
{
    QByteArray data;
    if (!readBytes(path, &data, error))
        return false;
    decodeText(path, data, text, error);
    return true;
}

bool isIdentifier(const QString &key)
{
    if (key.isEmpty() || key.at(0).isDigit())
        return false;
    for (const QChar c : key) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('_')) || c.unicode() > 127)
            return false;
    }
    return true;
}

/// The first line that is neither blank nor a comment starts with '[' in an INI file.
bool looksLikeIni(const QString &text)
{
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QString s = line.trimmed();
        if (s.isEmpty() || s.startsWith(QLatin1Char('#')) || s.startsWith(QLatin1Char(';')))
            continue;
        return s.startsWith(QLatin1Char('['));
    }
    return false;
}

// ---- INI, the way Python's ConfigParser (strict, BasicInterpolation) reads it -----------

struct IniSection
{
    QString name;
    int line = 0;
    QMap<QString, QString> values;
    QMap<QString, int> lines; // key -> line
};

struct IniFile
{
    QList<IniSection> sections; // without DEFAULT
    IniSection defaults;
    QStringList errors;
};

IniFile parseIni(const QString &path, const QString &text)
{
    IniFile ini;
    ini.defaults.name = QStringLiteral("DEFAULT");
    IniSection *section = nullptr;
    bool skipping = false; // inside a malformed or duplicate section
    QString key;
    int keyIndent = 0;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        const int lineNo = i + 1;
        const QString stripped = line.trimmed();
        int indent = 0;
        while (indent < line.size() && line.at(indent).isSpace())
            ++indent;
        if (stripped.isEmpty() || stripped.startsWith(QLatin1Char('#'))
            || stripped.startsWith(QLatin1Char(';')))
            continue;
        if (!key.isEmpty() && indent > keyIndent) {
            if (section) // a continuation line of a multi-line value
                section->values[key] += QLatin1Char('\n') + stripped;
            continue;
        }
        key.clear();
        if (stripped.startsWith(QLatin1Char('['))) {
            const int close = stripped.lastIndexOf(QLatin1Char(']'));
            const QString name = close > 1 ? stripped.mid(1, close - 1) : QString();
            section = nullptr;
            skipping = true;
            if (name.isEmpty()) {
                ini.errors << at(path, lineNo)
                                + QCoreApplication::translate("ConventionConfigReader",
                                                              "malformed section header '%1'")
                                          .arg(stripped);
                continue;
            }
            if (name == QLatin1String("DEFAULT")) {
                section = &ini.defaults;
                skipping = false;
                continue;
            }
            const auto it = std::find_if(ini.sections.cbegin(), ini.sections.cend(),
                                         [&name](const IniSection &s) { return s.name == name; });
            if (it != ini.sections.cend()) {
                ini.errors << at(path, lineNo)
                                + QCoreApplication::translate(
                                          "ConventionConfigReader",
                                          "section [%1] already defined at line %2; this one is "
                                          "ignored")
                                          .arg(name)
                                          .arg(it->line);
                continue;
            }
            IniSection s;
            s.name = name;
            s.line = lineNo;
            ini.sections << s;
            section = &ini.sections.last();
            skipping = false;
            continue;
        }
        int eq = -1;
        for (int j = 0; j < stripped.size() && eq < 0; ++j) {
            if (stripped.at(j) == QLatin1Char('=') || stripped.at(j) == QLatin1Char(':'))
                eq = j;
        }
        const QString name = eq > 0 ? stripped.left(eq).trimmed().toLower() : QString();
        if (name.isEmpty()) {
            ini.errors << at(path, lineNo)
                            + QCoreApplication::translate("ConventionConfigReader",
                                                          "expected 'key = value', got '%1'")
                                      .arg(stripped);
            continue;
        }
        if (skipping)
            continue;
        if (!section) {
            ini.errors << at(path, lineNo)
                            + QCoreApplication::translate("ConventionConfigReader",
                                                          "'%1' is outside any [section]")
                                      .arg(name);
            continue;
        }
        if (section->values.contains(name)) {
            ini.errors << at(path, lineNo)
                            + QCoreApplication::translate(
                                      "ConventionConfigReader",
                                      "key '%1' already set at line %2; this one is ignored")
                                      .arg(name)
                                      .arg(section->lines.value(name));
            continue;
        }
        section->values.insert(name, stripped.mid(eq + 1).trimmed());
        section->lines.insert(name, lineNo);
        key = name;
        keyIndent = indent;
    }
    return ini;
}

/// ConfigParser's BasicInterpolation: "%%" is '%', "%(key)s" another key's value.
bool interpolate(const QString &value, const QMap<QString, QString> &values, int depth,
                 QString *out, QString *error)
{
    if (depth > 10) {
        *error = QCoreApplication::translate(
                "ConventionConfigReader", "interpolation too deep (a loop of %(key)s references?)");
        return false;
    }
    out->clear();
    for (int i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (c != QLatin1Char('%')) {
            *out += c;
            continue;
        }
        const QChar next = i + 1 < value.size() ? value.at(i + 1) : QChar();
        if (next == QLatin1Char('%')) {
            *out += QLatin1Char('%');
            ++i;
            continue;
        }
        const int close = value.indexOf(QLatin1String(")s"), i);
        if (next != QLatin1Char('(') || close < 0) {
            *error = QCoreApplication::translate(
                    "ConventionConfigReader",
                    "'%' must be followed by '%' or '(name)s' (write %% for a literal %)");
            return false;
        }
        const QString ref = value.mid(i + 2, close - i - 2).toLower();
        if (!values.contains(ref)) {
            *error = QCoreApplication::translate("ConventionConfigReader",
                                                 "%(%1)s refers to an unknown key")
                             .arg(ref);
            return false;
        }
        QString expanded;
        if (!interpolate(values.value(ref), values, depth + 1, &expanded, error))
            return false;
        *out += expanded;
        i = close + 1;
    }
    return true;
}

// ---- KEY=VALUE files ------------------------------------------------------------------------
// manage-iocs' NAME/config is a shell fragment (sourced): parsed here. epics-ioc-runner's
// NAME.conf and FRIB's NAME/config are systemd EnvironmentFile= files: parsed by
// parseEnvironmentFile(), systemd's own rules, so they mean what the unit that names them
// gets (a second parser here disagreed with systemd on backslashes, "export", quotes after
// text, comment continuations and CR line ends).

struct KeyValueFile
{
    QMap<QString, QString> values;
    QStringList errors;
};

/// A shell fragment of KEY=VALUE lines as a shell sourcing it would set them: no spaces around
/// '=', quotes, backslashes, $VAR and ${VAR} of keys set before, inline # comments. Anything
/// that would run a command is an error, never run.
KeyValueFile parseShellAssignments(const QString &path, const QString &text)
{
    KeyValueFile result;
    const int n = text.size();
    int pos = 0;
    int line = 1;
    const auto peek = [&](int offset = 0) {
        return pos + offset < n ? text.at(pos + offset) : QChar();
    };
    const auto isBlank = [](QChar c) { return c == QLatin1Char(' ') || c == QLatin1Char('\t'); };
    const auto skipBlanks = [&] {
        while (pos < n && (isBlank(text.at(pos)) || text.at(pos) == QLatin1Char('\r')))
            ++pos;
    };
    const auto skipLine = [&] {
        while (pos < n && text.at(pos) != QLatin1Char('\n'))
            ++pos;
    };
    // $NAME or ${NAME} from keys set earlier in the file; anything else stays as written.
    const auto expandVariable = [&](QString *value) {
        ++pos; // '$'
        const bool braced = peek() == QLatin1Char('{');
        int end = pos + (braced ? 1 : 0);
        while (end < n && (text.at(end).isLetterOrNumber() || text.at(end) == QLatin1Char('_')))
            ++end;
        const QString name = text.mid(pos + (braced ? 1 : 0), end - pos - (braced ? 1 : 0));
        if (braced && (end >= n || text.at(end) != QLatin1Char('}'))) {
            *value += QLatin1Char('$');
            return;
        }
        if (name.isEmpty() || !result.values.contains(name)) {
            *value += QLatin1Char('$');
            return; // the rest is copied as ordinary characters
        }
        *value += result.values.value(name);
        pos = end + (braced ? 1 : 0);
    };

    while (pos < n) {
        skipBlanks();
        if (pos >= n)
            break;
        if (peek() == QLatin1Char('\n')) {
            ++pos;
            ++line;
            continue;
        }
        if (peek() == QLatin1Char('#')) {
            skipLine();
            continue;
        }
        const int startLine = line;
        int keyStart = pos;
        while (pos < n && !isBlank(text.at(pos)) && text.at(pos) != QLatin1Char('=')
               && text.at(pos) != QLatin1Char('\n') && text.at(pos) != QLatin1Char('\r'))
            ++pos;
        QString key = text.mid(keyStart, pos - keyStart);
        if (key == QLatin1String("export") && isBlank(peek())) {
            skipBlanks();
            keyStart = pos;
            while (pos < n && !isBlank(text.at(pos)) && text.at(pos) != QLatin1Char('=')
                   && text.at(pos) != QLatin1Char('\n'))
                ++pos;
            key = text.mid(keyStart, pos - keyStart);
        }
        if (peek() != QLatin1Char('=') || !isIdentifier(key)) {
            const int lineStart = text.lastIndexOf(QLatin1Char('\n'), qMax(0, keyStart - 1)) + 1;
            int lineEnd = text.indexOf(QLatin1Char('\n'), keyStart);
            if (lineEnd < 0)
                lineEnd = n;
            result.errors << at(path, startLine)
                            + QCoreApplication::translate("ConventionConfigReader",
                                                          "expected KEY=VALUE, got '%1'")
                                      .arg(text.mid(lineStart, lineEnd - lineStart).trimmed());
            skipLine();
            continue;
        }
        ++pos; // '='

        QString value;
        bool ok = true;
        while (pos < n && ok) {
            const QChar c = text.at(pos);
            if (c == QLatin1Char('\n'))
                break;
            if (c == QLatin1Char('\\') && peek(1) == QLatin1Char('\n')) {
                pos += 2; // line continuation
                ++line;
                continue;
            }
            if (c == QLatin1Char('\'')) {
                const int close = text.indexOf(QLatin1Char('\''), pos + 1);
                if (close < 0) {
                    result.errors << at(path, line)
                                    + QCoreApplication::translate("ConventionConfigReader",
                                                                  "missing closing quote ' for %1")
                                              .arg(key);
                    ok = false;
                    break;
                }
                const QString quoted = text.mid(pos + 1, close - pos - 1);
                line += quoted.count(QLatin1Char('\n'));
                value += quoted;
                pos = close + 1;
                continue;
            }
            if (c == QLatin1Char('"')) {
                ++pos;
                bool closed = false;
                while (pos < n) {
                    const QChar d = text.at(pos);
                    if (d == QLatin1Char('"')) {
                        closed = true;
                        ++pos;
                        break;
                    }
                    if (d == QLatin1Char('\\') && pos + 1 < n
                        && QStringLiteral("\"\\$`\n").contains(text.at(pos + 1))) {
                        if (text.at(pos + 1) == QLatin1Char('\n'))
                            ++line;
                        else
                            value += text.at(pos + 1);
                        pos += 2;
                        continue;
                    }
                    if (d == QLatin1Char('$')) {
                        expandVariable(&value);
                        continue;
                    }
                    if (d == QLatin1Char('\n'))
                        ++line;
                    value += d;
                    ++pos;
                }
                if (!closed) {
                    result.errors << at(path, startLine)
                                    + QCoreApplication::translate("ConventionConfigReader",
                                                                  "missing closing quote \" for %1")
                                              .arg(key);
                    ok = false;
                }
                continue;
            }
            if (isBlank(c) || c == QLatin1Char('\r')) {
                skipBlanks();
                if (pos < n && text.at(pos) != QLatin1Char('\n')
                    && text.at(pos) != QLatin1Char('#')) {
                    // "KEY=a b" runs the command b when sourced; it sets nothing.
                    result.errors << at(path, line)
                                    + QCoreApplication::translate("ConventionConfigReader",
                                                                  "unquoted space in the value of "
                                                                  "%1; the line is ignored")
                                              .arg(key);
                    ok = false;
                }
                skipLine();
                break;
            }
            if (c == QLatin1Char('$')) {
                expandVariable(&value);
                continue;
            }
            if (c == QLatin1Char('\\') && pos + 1 < n) {
                value += text.at(pos + 1);
                pos += 2;
                continue;
            }
            value += c;
            ++pos;
        }
        if (!ok) {
            skipLine();
            continue;
        }
        result.values.insert(key, value);
    }
    return result;
}

/// The files that a list of procServ config entries stands for: files as they are,
/// folders' *.conf sorted by name.
QStringList procServConfigFiles(const QStringList &entries)
{
    QStringList files;
    for (const QString &entry : entries) {
        const QFileInfo info(entry);
        if (info.isDir()) {
            const QDir dir(entry);
            // Unreadable files are listed too: reading them reports why they were skipped.
            const QStringList all =
                    dir.entryList({ QStringLiteral("*.conf") },
                                  QDir::Files | QDir::Hidden | QDir::System, QDir::Name);
            for (const QString &name : all)
                files << dir.filePath(name);
        } else if (info.exists()) {
            files << entry;
        }
    }
    return files;
}

} // namespace

QStringList ConventionConfigReader::manageIocsSearchPath(const QString &iocdockIocPath,
                                                         const QString &manageIocsSearchPath)
{
    QStringList path = iocdockIocPath.split(QLatin1Char(':'), Qt::SkipEmptyParts)
            + manageIocsSearchPath.split(QLatin1Char(':'), Qt::SkipEmptyParts);
    path << QString::fromLatin1(Conventions::find(QLatin1String("manage-iocs"))->systemConfigDir)
         << QStringLiteral("/opt/epics/iocs") << QStringLiteral("/opt/iocs");
    return path;
}

ConventionConfigReader ConventionConfigReader::forSystem()
{
    ConventionConfigReader reader;
    // The system folders of the conventions' files are in their table rows.
    const auto systemDir = [](const char *id) {
        return QString::fromLatin1(Conventions::find(QLatin1String(id))->systemConfigDir);
    };
    reader.m_procServConfigDirs = colonList("IOCDOCK_PROCSERV_CONFIG_PATH");
    reader.m_procServConfigDirs << QStringLiteral("/etc/procServ.conf")
                                << systemDir("procservutils");
    reader.m_iocSearchPath =
            manageIocsSearchPath(QString::fromLocal8Bit(qgetenv("IOCDOCK_IOC_PATH")),
                                 QString::fromLocal8Bit(qgetenv("MANAGE_IOCS_SEARCH_PATH")));
    reader.m_fribConfigDirs = colonList("IOCDOCK_IOC_PATH");
    reader.m_fribConfigDirs << systemDir("frib");
    reader.m_runtimeDir = QStringLiteral("/run");
    return reader;
}

ConventionConfigReader ConventionConfigReader::forUser()
{
    ConventionConfigReader reader = forSystem();
    QString config = QString::fromLocal8Bit(qgetenv("XDG_CONFIG_HOME"));
    if (config.isEmpty())
        config = QDir::homePath() + QStringLiteral("/.config");
    reader.m_procServConfigDirs = colonList("IOCDOCK_PROCSERV_CONFIG_PATH");
    reader.m_procServConfigDirs << config + QStringLiteral("/procServ.conf")
                                << config + QStringLiteral("/procServ.d");
    QString runtime = QString::fromLocal8Bit(qgetenv("XDG_RUNTIME_DIR"));
    if (runtime.isEmpty())
        runtime = QStringLiteral("/run/user/") + QString::number(getuid());
    reader.m_runtimeDir = runtime;
    return reader;
}

ConventionConfig ConventionConfigReader::read(const QString &convention,
                                              const QString &iocName) const
{
    const Convention *row = Conventions::find(convention);
    if (!row || row->configFile == Convention::ConfigFile::None)
        return {};
    if (!isValidIocName(iocName)) {
        ConventionConfig config;
        config.error = QCoreApplication::translate("ConventionConfigReader",
                                                   "'%1' is not a valid IOC name for a config file")
                               .arg(iocName);
        return config;
    }
    switch (row->configFile) {
    case Convention::ConfigFile::ProcServIni:
        return readProcServUtils(iocName);
    case Convention::ConfigFile::ProcServDirEnvironment:
        return readIocRunner(iocName, QString::fromLatin1(row->configFileName));
    case Convention::ConfigFile::IocDirShell:
        return readShellConfig(m_iocSearchPath, iocName, QString::fromLatin1(row->configFileName),
                               true);
    case Convention::ConfigFile::IocDirEnvironment:
        return readShellConfig(m_fribConfigDirs, iocName, QString::fromLatin1(row->configFileName),
                               false);
    case Convention::ConfigFile::None:
        break;
    }
    return {};
}

ConventionConfig ConventionConfigReader::readProcServUtils(const QString &name) const
{
    ConventionConfig config;
    QStringList ownErrors; // from files that hold the section
    QStringList otherErrors; // from the others: shown only when the section is missing
    QMap<QString, QString> defaults;
    QMap<QString, int> keyLines;
    QMap<QString, QString> keyFiles;
    QStringList files;
    if (m_view) {
        for (const QString &entry : m_procServConfigDirs) {
            if (m_view->isDir(entry))
                files << m_view->confFiles(entry);
            else if (m_view->exists(entry))
                files << entry;
        }
    } else {
        files = procServConfigFiles(m_procServConfigDirs);
    }
    for (const QString &path : std::as_const(files)) {
        QString text, readError;
        if (m_view) {
            QByteArray data;
            if (!m_view->readFile(path, &data, &readError)) {
                otherErrors << path + QLatin1String(": ") + readError;
                continue;
            }
            decodeText(path, data, &text, &readError);
        } else if (!readText(path, &text, &readError)) {
            otherErrors << readError;
            continue;
        }
        if (!looksLikeIni(text))
            continue; // epics-ioc-runner's environment files share the folder
        const IniFile ini = parseIni(path, text);
        for (auto it = ini.defaults.values.cbegin(); it != ini.defaults.values.cend(); ++it)
            defaults.insert(it.key(), it.value());
        const auto section = std::find_if(ini.sections.cbegin(), ini.sections.cend(),
                                          [&name](const IniSection &s) { return s.name == name; });
        QStringList errors = ini.errors;
        if (!readError.isEmpty())
            errors.prepend(readError);
        if (section == ini.sections.cend()) {
            otherErrors << errors;
            continue;
        }
        ownErrors << errors;
        if (!config.found)
            config.file = path;
        config.found = true;
        config.files << path;
        for (auto it = section->values.cbegin(); it != section->values.cend(); ++it) {
            config.values.insert(it.key(), it.value());
            keyLines.insert(it.key(), section->lines.value(it.key()));
            keyFiles.insert(it.key(), path);
        }
    }
    if (config.found) {
        QMap<QString, QString> all = defaults;
        for (auto it = config.values.cbegin(); it != config.values.cend(); ++it)
            all.insert(it.key(), it.value());
        for (auto it = config.values.begin(); it != config.values.end(); ++it) {
            QString expanded, error;
            if (interpolate(it.value(), all, 0, &expanded, &error))
                it.value() = expanded;
            else
                ownErrors << at(keyFiles.value(it.key()), keyLines.value(it.key())) + error;
        }
        // DEFAULT keys apply to every section, as in ConfigParser.
        for (auto it = defaults.cbegin(); it != defaults.cend(); ++it) {
            if (!config.values.contains(it.key())) {
                QString expanded, error;
                config.values.insert(
                        it.key(),
                        interpolate(it.value(), all, 0, &expanded, &error) ? expanded : it.value());
            }
        }
        config.error = ownErrors.join(QLatin1Char('\n'));
    } else {
        config.error = otherErrors.join(QLatin1Char('\n'));
    }
    return config;
}

ConventionConfig ConventionConfigReader::readIocRunner(const QString &name,
                                                       const QString &fileName) const
{
    ConventionConfig config;
    for (const QString &entry : m_procServConfigDirs) {
        if (!QFileInfo(entry).isDir())
            continue;
        const QString path = QDir(entry).filePath(fileName.arg(name));
        if (!QFileInfo::exists(path))
            continue;
        QByteArray data;
        QString error;
        if (!readBytes(path, &data, &error)) {
            config.file = path;
            config.files << path;
            config.found = true;
            config.error = error;
            return config;
        }
        if (looksLikeIni(QString::fromUtf8(data))) {
            config.error =
                    path + QLatin1String(": ")
                    + QCoreApplication::translate(
                            "ConventionConfigReader",
                            "an INI file of procServUtils, not an epics-ioc-runner environment "
                            "file");
            continue;
        }
        readEnvironmentFile(path, data, &config);
        return config;
    }
    return config;
}

ConventionConfig ConventionConfigReader::readShellConfig(const QStringList &bases,
                                                         const QString &name,
                                                         const QString &fileName, bool shell) const
{
    ConventionConfig config;
    for (const QString &base : bases) {
        const QString path = QDir(base).filePath(fileName.arg(name));
        if (!QFileInfo::exists(path))
            continue;
        config.file = path;
        config.files << path;
        config.found = true;
        QByteArray data;
        QString error;
        if (!readBytes(path, &data, &error)) {
            config.error = error;
            return config;
        }
        if (!shell) {
            readEnvironmentFile(path, data, &config);
            return config;
        }
        QString text;
        decodeText(path, data, &text, &error);
        const KeyValueFile kv = parseShellAssignments(path, text);
        config.values = kv.values;
        QStringList errors = kv.errors;
        if (!error.isEmpty())
            errors.prepend(error);
        config.error = errors.join(QLatin1Char('\n'));
        return config;
    }
    return config;
}

void ConventionConfigReader::readEnvironmentFile(const QString &path, const QByteArray &data,
                                                 ConventionConfig *config)
{
    config->file = path;
    config->files = QStringList{ path };
    config->found = true;
    QList<EnvironmentFileProblem> problems;
    config->values = parseEnvironmentFile(data, &problems);
    QStringList errors;
    for (const EnvironmentFileProblem &problem : problems)
        errors << at(path, problem.line) + problem.message;
    config->error = errors.join(QLatin1Char('\n'));
}

ConsoleEndpoint ConventionConfigReader::endpointFromSpec(const QString &spec)
{
    // The conventions hand the spec to procServ as its control port (-P, --port, or the
    // positional port), so it means what procServ makes of it: a TCP control port is bound to
    // 127.0.0.1 whatever interface is written. (An own parser here answered the interface,
    // accepted paths too long for a socket and misread unix:USER:GROUP:PERM:@NAME; found by
    // tests/fuzz/fuzz_conventionconfig.)
    // Not trimmed: an EnvironmentFile= value reaches procServ as written (through ${VAR}), so
    // a quoted "unix:/run/x\n" is a socket path ending in a newline, not /run/x (found by
    // tests/fuzz/fuzz_conventionconfig once those values were read with systemd's rules).
    return ProcServCommand::parseEndpoint(spec, true, false, nullptr);
}

ConsoleEndpoint ConventionConfigReader::consoleFromConfig(const QString &convention,
                                                          const QString &iocName,
                                                          const ConventionConfig &config,
                                                          const QString &runtimeDir)
{
    if (!isValidIocName(iocName))
        return {};
    const auto unixSocket = [](const QString &path) {
        ConsoleEndpoint ep;
        ep.kind = ConsoleEndpoint::Kind::Unix;
        ep.path = QDir::cleanPath(path);
        return ep;
    };
    const Convention *row = Conventions::find(convention);
    if (!row)
        return {};
    QString port;
    if (*row->consoleKey) {
        port = config.values.value(QLatin1String(row->consoleKey));
        // An EnvironmentFile= value reaches procServ as written (through ${VAR}); a script
        // or an INI file drops the whitespace around it.
        if (row->consoleKeyTrimmed)
            port = port.trimmed();
    }
    if (port.isEmpty() || (row->consoleZeroIsDefault && port == QLatin1String("0"))) {
        const QString socket = row->defaultSocketPath(runtimeDir, iocName);
        return socket.isEmpty() ? ConsoleEndpoint() : unixSocket(socket);
    }
    if (row->consoleKeyTcpOnly) {
        bool ok = false;
        port.toUInt(&ok); // the init scripts pass PORT as procServ's positional port
        if (!ok)
            return {};
    }
    return endpointFromSpec(port);
}
