// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// libFuzzer target: ConventionConfigReader (core/ioc/conventionconfig.h), the per-IOC config
// files of every file-based discovery convention, and the console each one gives an IOC.
// Input: one selector byte (procservutils, ioc-runner, manage-iocs, frib: its value mod 4),
// the IOC name up to the first '\n', then the file content. procServUtils' content is cut at
// NUL bytes into /procServ.conf and procServ.d/1.conf, 2.conf, ... (several files add to one
// section); the others get one file, NULs included (a binary file is refused).
// The files go to a private temporary folder; the reader is pointed only there.
// ioc-runner's and FRIB's values must be exactly what systemd's EnvironmentFile= parser gives.
#include "core/ioc/conventionconfig.h"
#include "core/procserv/procservcommand.h"
#include "core/systemd/environmentfile.h"
#include "tests/fuzz/fuzzcommon.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

namespace {

const char *const kConventions[] = { "procservutils", "ioc-runner", "manage-iocs", "frib" };

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    FUZZ_CHECK(file.open(QIODevice::WriteOnly));
    FUZZ_CHECK(file.write(content) == content.size());
}

bool isIdentifier(const QString &key)
{
    if (key.isEmpty() || key.at(0).isDigit())
        return false;
    for (const QChar c : key) {
        if (c.unicode() > 127 || !(c.isLetterOrNumber() || c == QLatin1Char('_')))
            return false;
    }
    return true;
}

bool sameConfig(const ConventionConfig &a, const ConventionConfig &b)
{
    return a.file == b.file && a.values == b.values && a.error == b.error && a.found == b.found
            && a.files == b.files;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static QTemporaryDir tmp;
    FUZZ_CHECK(tmp.isValid());
    if (size < 1)
        return 0;
    const QString convention = QLatin1String(kConventions[data[0] % 4]);
    const QByteArray rest = fuzz::bytes(data + 1, size - 1);
    const int nl = rest.indexOf('\n');
    const QString name = QString::fromUtf8(nl < 0 ? rest : rest.left(nl));
    const QByteArray content = nl < 0 ? QByteArray() : rest.mid(nl + 1);
    const bool validName = !name.isEmpty() && !name.contains(QLatin1Char('/'))
            && name != QLatin1String(".") && name != QLatin1String("..")
            && !name.contains(QChar(0));

    const QString root = tmp.path() + QStringLiteral("/t");
    QDir(root).removeRecursively();
    const QString confDir = root + QStringLiteral("/procServ.d");
    const QString iocBase = root + QStringLiteral("/iocs");
    FUZZ_CHECK(QDir().mkpath(confDir) && QDir().mkpath(iocBase));
    // A name longer than a file name may be (NAME_MAX) cannot have a file; it is just not found.
    if (validName && name.toUtf8().size() + 5 <= 255) {
        if (convention == QLatin1String("procservutils")) {
            const QList<QByteArray> files = fuzz::parts(content);
            writeFile(root + QStringLiteral("/procServ.conf"), files.first());
            for (int i = 1; i < files.size() && i < 10; ++i)
                writeFile(confDir + QStringLiteral("/%1.conf").arg(i), files.at(i));
        } else if (convention == QLatin1String("ioc-runner")) {
            writeFile(confDir + QLatin1Char('/') + name + QStringLiteral(".conf"), content);
        } else {
            FUZZ_CHECK(QDir().mkpath(iocBase + QLatin1Char('/') + name));
            writeFile(iocBase + QLatin1Char('/') + name + QStringLiteral("/config"), content);
        }
    }

    ConventionConfigReader reader;
    reader.setProcServConfigDirs({ root + QStringLiteral("/procServ.conf"), confDir });
    reader.setIocSearchPath({ iocBase });
    reader.setFribConfigDirs({ iocBase });
    reader.setRuntimeDir(QStringLiteral("/run/user/1000"));
    const ConventionConfig config = reader.read(convention, name);

    if (!validName) {
        FUZZ_CHECK(!config.found && !config.error.isEmpty());
    } else {
        // Every problem names a file of ours and its line; found means a file was used.
        for (const QString &line : config.error.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            FUZZ_CHECK(line.startsWith(root + QLatin1Char('/')));
        if (config.found) {
            FUZZ_CHECK(config.file.startsWith(root + QLatin1Char('/')));
            FUZZ_CHECK(config.files.contains(config.file));
        }
        for (auto it = config.values.cbegin(); it != config.values.cend(); ++it) {
            if (convention == QLatin1String("procservutils"))
                FUZZ_CHECK(it.key() == it.key().toLower() && !it.key().isEmpty());
            else
                FUZZ_CHECK(isIdentifier(it.key()));
        }
        if (!config.found)
            FUZZ_CHECK(config.values.isEmpty());
        // ioc-runner's and FRIB's files are EnvironmentFile= of their units: the values are
        // what systemd gives the IOC (parseEnvironmentFile(), tested against systemd 252),
        // not a second reading that could disagree with it.
        const bool environmentFile =
                convention == QLatin1String("ioc-runner") || convention == QLatin1String("frib");
        if (environmentFile && config.found && !content.contains('\0')) {
            FUZZ_CHECK(config.values
                       == parseEnvironmentFile(content, static_cast<QString *>(nullptr)));
        }
    }
    FUZZ_CHECK(sameConfig(config, reader.read(convention, name))); // reading changes nothing

    // The console the convention gives the IOC.
    const ConsoleEndpoint console = ConventionConfigReader::consoleFromConfig(
            convention, name, config, reader.runtimeDir());
    if (console.isValid())
        FUZZ_CHECK(ConsoleEndpoint::fromString(console.toString()) == console);
    if (!validName)
        FUZZ_CHECK(!console.isValid());

    // A port spec from a config file reaches procServ as a control port (-P or the positional
    // port): the endpoint iocdock connects to is the one procServ listens on.
    for (const QString &spec : config.values) {
        QString error;
        bool random = false;
        const ConsoleEndpoint procServ =
                ProcServCommand::parseEndpoint(spec, true, false, &error, &random);
        const ConsoleEndpoint ours = ConventionConfigReader::endpointFromSpec(spec);
        if (ours.isValid())
            FUZZ_CHECK(ConsoleEndpoint::fromString(ours.toString()) == ours);
        if (procServ.isValid())
            FUZZ_CHECK(ours == procServ);
        else
            FUZZ_CHECK(!ours.isValid());
    }
    return 0;
}
