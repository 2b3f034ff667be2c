# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The iocdock developers
# Tests of core/ioc/inventory and core/hosts on the sandbox
iocdock_add_test(tst_inventory tst_inventory.cpp LIBS iocdock-testsupport LABELS sandbox)
iocdock_add_test(tst_childtracker tst_childtracker.cpp LIBS iocdock-testsupport LABELS sandbox)
iocdock_add_test(tst_iocalerts tst_iocalerts.cpp LIBS iocdock-testsupport LABELS sandbox)
