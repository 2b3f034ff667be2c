# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The iocdock developers
# Tests of core/procserv. The console tests run the real procServ with tools/iocsim as the
# IOC (no systemd needed); iocsim comes from IOCDOCK_BIN_DIR, which iocdock_add_test sets.
iocdock_add_test(tst_procservcommand tst_procservcommand.cpp LIBS iocdock-core)
iocdock_add_test(tst_procservstatetracker tst_procservstatetracker.cpp LIBS iocdock-core)
iocdock_add_test(tst_telnetcodec tst_telnetcodec.cpp LIBS iocdock-core)
iocdock_add_test(tst_consolesession tst_consolesession.cpp procservrunner.h LIBS iocdock-core)
iocdock_add_test(tst_bannerprobe tst_bannerprobe.cpp procservrunner.h LIBS iocdock-core)
if(TARGET iocsim)
    add_dependencies(tst_consolesession iocsim)
    add_dependencies(tst_bannerprobe iocsim)
endif()
iocdock_add_test(tst_terminalsanitizer tst_terminalsanitizer.cpp LIBS iocdock-core)
iocdock_add_test(tst_controlkeyguard tst_controlkeyguard.cpp LIBS iocdock-core)
iocdock_add_test(tst_sharedprepare tst_sharedprepare.cpp LIBS iocdock-core)
