# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The iocdock developers
# Tests of core/ioc (pure unit tests: no sandbox needed).
iocdock_add_test(tst_iocfilter tst_iocfilter.cpp LIBS iocdock-core)
iocdock_add_test(tst_savedfilters tst_savedfilters.cpp LIBS iocdock-core)
iocdock_add_test(tst_conventions tst_conventions.cpp LIBS iocdock-core)
iocdock_add_test(tst_iocformat tst_iocformat.cpp LIBS iocdock-core)
iocdock_add_test(tst_timeargument tst_timeargument.cpp LIBS iocdock-core)
iocdock_add_test(tst_conventionconfigreader tst_conventionconfigreader.cpp LIBS iocdock-core)
target_compile_definitions(tst_conventionconfigreader PRIVATE
    IOCDOCK_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data")
iocdock_add_test(tst_unitdescriber tst_unitdescriber.cpp LIBS iocdock-core)
iocdock_add_test(tst_logsession tst_logsession.cpp LIBS iocdock-core)
iocdock_add_test(tst_procchild tst_procchild.cpp LIBS iocdock-core)
iocdock_add_test(tst_crashsignatures tst_crashsignatures.cpp LIBS iocdock-core)
iocdock_add_test(tst_iocwriter tst_iocwriter.cpp LIBS iocdock-core)
target_compile_definitions(tst_iocwriter PRIVATE
    IOCDOCK_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data")
iocdock_add_test(tst_iocplanrunner tst_iocplanrunner.cpp LIBS iocdock-testsupport LABELS sandbox)
