# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The iocdock developers
# Tests of core/systemd
iocdock_add_test(tst_execcommand tst_execcommand.cpp LIBS iocdock-core)
iocdock_add_test(tst_environmentfile tst_environmentfile.cpp LIBS iocdock-core)
iocdock_add_test(tst_systemdtypes tst_systemdtypes.cpp LIBS iocdock-core)
iocdock_add_test(tst_systemdmanager tst_systemdmanager.cpp LIBS iocdock-testsupport LABELS sandbox)
