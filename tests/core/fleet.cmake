# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The iocdock developers
# Tests of core/fleet: resolving names (no sandbox) and the Fleet on the sandbox
iocdock_add_test(tst_iocresolver tst_iocresolver.cpp LIBS iocdock-core)
iocdock_add_test(tst_fleet tst_fleet.cpp LIBS iocdock-testsupport LABELS sandbox)
iocdock_add_test(tst_fleetevent tst_fleetevent.cpp LIBS iocdock-core)
iocdock_add_test(tst_restartstorm tst_restartstorm.cpp LIBS iocdock-core)
iocdock_add_test(tst_journalevents tst_journalevents.cpp LIBS iocdock-core)
target_compile_definitions(tst_journalevents PRIVATE
    IOCDOCK_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data")
