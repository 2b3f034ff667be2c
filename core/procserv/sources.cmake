# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The iocdock developers
# Sources of core/procserv
target_sources(iocdock-core PRIVATE
    procserv/procservtypes.h procserv/procservtypes.cpp
    procserv/procservcommand.h procserv/procservcommand.cpp
    procserv/bannerparser.h procserv/bannerparser.cpp
    procserv/telnetcodec.h procserv/telnetcodec.cpp
    procserv/consolesession.h procserv/consolesession.cpp
    procserv/bannerprobe.h procserv/bannerprobe.cpp
    procserv/terminalsanitizer.h procserv/terminalsanitizer.cpp
    procserv/controlkeyguard.h procserv/controlkeyguard.cpp)
