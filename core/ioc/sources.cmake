# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The iocdock developers
# Sources of core/ioc
target_sources(iocdock-core PRIVATE
    ioc/ioc.h ioc/ioc.cpp
    ioc/conventions.h ioc/conventions.cpp
    ioc/conventionconfig.h ioc/conventionconfig.cpp
    ioc/iocfilter.h ioc/iocfilter.cpp
    ioc/savedfilters.h ioc/savedfilters.cpp
    ioc/iocformat.h ioc/iocformat.cpp
    ioc/inventory.h ioc/inventory.cpp
    ioc/containerruntime.h ioc/containerruntime.cpp
    ioc/childtracker.h ioc/childtracker.cpp
    ioc/childprober.h ioc/childprober.cpp
    ioc/procchild.h ioc/procchild.cpp
    ioc/remotechildreader.h ioc/remotechildreader.cpp
    ioc/unitdescriber.h ioc/unitdescriber.cpp
    ioc/iocalerts.h ioc/iocalerts.cpp
    ioc/iocaccess.h ioc/iocaccess.cpp
    ioc/logsession.h ioc/logsession.cpp
    ioc/crashsignatures.h ioc/crashsignatures.cpp
    ioc/iocwriter.h ioc/iocwriter.cpp
    ioc/iocfileview.h ioc/iocfileview.cpp
    ioc/remotehostprobe.h ioc/remotehostprobe.cpp
    ioc/iocplanner.h ioc/iocplanner.cpp
    ioc/iocplanrunner.h ioc/iocplanrunner.cpp
    ioc/timeargument.h ioc/timeargument.cpp
    ioc/iocruntime.h ioc/logsource.h)
