# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The iocdock developers
# Tests of core/hosts that need no sandbox (the SSH ones live in tests/remote)
iocdock_add_test(tst_host tst_host.cpp LIBS iocdock-core)
# Reads over systemd's private socket, against the sandbox's user manager
iocdock_add_test(tst_hostprivatesocket tst_hostprivatesocket.cpp LIBS iocdock-testsupport
                 LABELS sandbox)
# Reads files through the host's command line (locally here; over ssh in tests/remote)
iocdock_add_test(tst_remotefilereader tst_remotefilereader.cpp LIBS iocdock-core)
# The files an Inventory's rows depend on, read on a local host (SSH hosts: tests/remote)
iocdock_add_test(tst_filesource tst_filesource.cpp LIBS iocdock-core)
