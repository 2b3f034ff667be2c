// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// libFuzzer target: ProcServCommand::parse (core/procserv/procservcommand.h), procServ's
// command line as a unit's ExecStart gives it, and Conventions::classify on the same argv.
// Input: the words of argv separated by NUL bytes; the unit name is "fuzz-NAME.service"
// or, when the first word is a unit name (ends in ".service"), that word.
#include "core/ioc/conventions.h"
#include "core/procserv/procservcommand.h"
#include "tests/fuzz/fuzzcommon.h"

namespace {

void checkEndpoint(const ConsoleEndpoint &ep, bool control, bool allow)
{
    FUZZ_CHECK(ep.isValid());
    switch (ep.kind) {
    case ConsoleEndpoint::Kind::Tcp:
        FUZZ_CHECK(ep.port != 0);
        FUZZ_CHECK(!ep.host.isEmpty());
        if (control && !allow) // procServ binds control ports to loopback
            FUZZ_CHECK(ep.host == QLatin1String("127.0.0.1"));
        break;
    case ConsoleEndpoint::Kind::Unix:
    case ConsoleEndpoint::Kind::UnixAbstract:
        FUZZ_CHECK(!ep.path.isEmpty());
        FUZZ_CHECK(ep.path.toLocal8Bit().size() < 108); // sun_path
        break;
    case ConsoleEndpoint::Kind::None:
        break;
    }
    // What the inventory stores and shows reads back as the same endpoint.
    FUZZ_CHECK(ConsoleEndpoint::fromString(ep.toString()) == ep);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QStringList argv;
    for (const QByteArray &word : fuzz::parts(fuzz::bytes(data, size)))
        argv << QString::fromUtf8(word);
    QString unit = QStringLiteral("fuzz-unit.service");
    if (!argv.isEmpty() && argv.first().endsWith(QLatin1String(".service")))
        unit = argv.takeFirst();

    const ProcServCommand cmd = ProcServCommand::parse(argv);
    if (!cmd.isProcServ) {
        FUZZ_CHECK(cmd.controlEndpoints.isEmpty() && cmd.childCommand.isEmpty());
        FUZZ_CHECK(cmd.error.isEmpty() == !argv.isEmpty());
    } else if (cmd.isLauncher) {
        FUZZ_CHECK(cmd.controlEndpoints.isEmpty());
        if (cmd.error.isEmpty())
            FUZZ_CHECK(argv.contains(cmd.launcherName));
    } else if (cmd.error.isEmpty()) {
        // A usable command line has an IOC command and a console to reach it on.
        FUZZ_CHECK(!cmd.childCommand.isEmpty());
        FUZZ_CHECK(!cmd.controlEndpoints.isEmpty() || cmd.randomPort);
        FUZZ_CHECK(argv.mid(argv.size() - cmd.childCommand.size()) == cmd.childCommand);
    }
    FUZZ_CHECK(cmd.controlEndpoints.size() <= cmd.controlSpecs.size());
    for (const ConsoleEndpoint &ep : cmd.controlEndpoints)
        checkEndpoint(ep, true, cmd.allow);
    if (cmd.logEndpoint.isValid())
        checkEndpoint(cmd.logEndpoint, false, cmd.allow);
    for (const QString &spec : { cmd.killChar, cmd.toggleChar, cmd.logoutChar }) {
        const int byte = ProcServCommand::commandByte(spec);
        FUZZ_CHECK(byte >= -1 && byte <= 255);
        FUZZ_CHECK((byte == -1) == (spec.isEmpty() || spec.at(0).unicode() > 255));
    }
    FUZZ_CHECK(ProcServCommand::decodeIgnoreChars(cmd.ignoreChars).size()
               <= cmd.ignoreChars.toLocal8Bit().size());
    for (const QString &word : argv) {
        QString error;
        bool random = false;
        const ConsoleEndpoint ep =
                ProcServCommand::parseEndpoint(word, false, true, &error, &random);
        if (ep.isValid())
            checkEndpoint(ep, false, true);
        FUZZ_CHECK(ep.isValid() || random || !error.isEmpty());
    }

    // The inventory names a generic IOC by its procServ -n, read by Conventions' own scan of
    // the options; it must agree with procServ's parser.
    const ConventionMatch match = Conventions::classify(unit, argv);
    if (match.isIoc) {
        FUZZ_CHECK(!match.iocName.isEmpty());
        FUZZ_CHECK(Conventions::ids().contains(match.convention));
    }
    FUZZ_CHECK(Conventions::isProcServProgram(argv.value(0)) == cmd.isProcServ
               || argv.value(0).startsWith(QLatin1Char('-'))
               || argv.value(0).startsWith(QLatin1Char('@'))
               || argv.value(0).startsWith(QLatin1Char(':'))
               || argv.value(0).startsWith(QLatin1Char('+'))
               || argv.value(0).startsWith(QLatin1Char('!')));
    if (match.convention == QLatin1String("generic") && cmd.isProcServ && cmd.error.isEmpty()
        && !cmd.isLauncher)
        FUZZ_CHECK(match.iocName == (cmd.name.isEmpty() ? unit.chopped(8) : cmd.name));
    return 0;
}
