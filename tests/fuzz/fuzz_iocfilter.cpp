// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The iocdock developers
// libFuzzer target: IocFilter (core/ioc/iocfilter.h), the filter language of `iocctl ps
// --filter` and the GUI filter bar. Input: the filter bar's text (UTF-8).
#include "core/ioc/iocfilter.h"
#include "tests/fuzz/fuzzcommon.h"

namespace {

QList<Ioc> sampleIocs()
{
    QList<Ioc> iocs;
    Ioc a;
    a.host = QStringLiteral("local-user");
    a.name = QStringLiteral("motor-1");
    a.unit = QStringLiteral("procserv-motor-1.service");
    a.convention = QStringLiteral("procservutils");
    a.unitPath = QStringLiteral("/org/freedesktop/systemd1/unit/x");
    a.activeState = QStringLiteral("active");
    a.unitFileState = QStringLiteral("enabled");
    a.mainPid = 1234;
    a.childPid = 1240;
    a.nRestarts = 3;
    iocs << a;
    Ioc b = a;
    b.name = QStringLiteral("Vacuum [2]");
    b.unit = QStringLiteral("softioc-vac.service");
    b.convention = QStringLiteral("manage-iocs");
    b.host = QStringLiteral("ioc1.example.org");
    b.childState = ChildState::ShutDown;
    b.unitFileState = QStringLiteral("disabled");
    b.nRestarts = 0;
    iocs << b;
    Ioc c;
    c.name = QStringLiteral("ioc@e3/Ünïcode*");
    c.unit = QStringLiteral("ioc@x.service");
    c.convention = QStringLiteral("e3");
    c.activeState = QStringLiteral("failed");
    c.nRestarts = 4294967295u;
    iocs << c;
    iocs << Ioc();
    return iocs;
}

/// The filter bar's words, split where parse(QString) splits them (text without quotes).
QStringList words(const QString &text)
{
    QStringList out;
    QString word;
    for (const QChar c : text) {
        if (c.isSpace()) {
            if (!word.isEmpty())
                out << word;
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.isEmpty())
        out << word;
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QList<Ioc> iocs = sampleIocs();
    const QString text = QString::fromUtf8(fuzz::bytes(data, size));

    const IocFilter filter = IocFilter::parse(text);
    if (!filter.isValid()) {
        // The error names a part of the text the filter bar can underline.
        FUZZ_CHECK(!filter.errorString().isEmpty());
        FUZZ_CHECK(filter.errorPosition() >= 0 && filter.errorLength() >= 1);
        FUZZ_CHECK(filter.errorPosition() + filter.errorLength() <= text.size());
        FUZZ_CHECK(filter.errorTerm() >= 0);
        FUZZ_CHECK(!filter.isEmpty());
        for (const Ioc &ioc : iocs)
            FUZZ_CHECK(!filter.matches(ioc)); // an invalid filter matches nothing
    } else {
        FUZZ_CHECK(filter.errorPosition() == -1 && filter.errorTerm() == -1);
        if (text.trimmed().isEmpty())
            FUZZ_CHECK(filter.isEmpty());
        if (filter.isEmpty()) {
            for (const Ioc &ioc : iocs)
                FUZZ_CHECK(filter.matches(ioc));
        }
    }
    for (const QString &key : IocFilter::keys())
        FUZZ_CHECK(!filter.usesKey(key) || filter.isValid());

    // `iocctl ps -f TERM -f TERM` and the filter bar agree on the same terms.
    if (!text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\''))) {
        const QStringList terms = words(text);
        const IocFilter list = IocFilter::parse(terms);
        FUZZ_CHECK(list.isValid() == filter.isValid());
        FUZZ_CHECK(list.errorTerm() == filter.errorTerm());
        FUZZ_CHECK(list.errorString() == filter.errorString());
        if (!list.isValid()) {
            const QString term = terms.value(list.errorTerm());
            FUZZ_CHECK(list.errorPosition() >= 0);
            FUZZ_CHECK(list.errorPosition() + list.errorLength() <= term.size());
        }
        for (const Ioc &ioc : iocs)
            FUZZ_CHECK(list.matches(ioc) == filter.matches(ioc));
    }

    // A free word only ever narrows the result (terms AND together).
    if (filter.isValid()) {
        const IocFilter narrower = IocFilter::parse(text + QStringLiteral(" \"o\""));
        FUZZ_CHECK(narrower.isValid() || text.count(QLatin1Char('"')) % 2 != 0
                   || text.count(QLatin1Char('\'')) % 2 != 0);
        if (narrower.isValid()) {
            for (const Ioc &ioc : iocs)
                FUZZ_CHECK(!narrower.matches(ioc) || filter.matches(ioc));
        }
    }
    return 0;
}
