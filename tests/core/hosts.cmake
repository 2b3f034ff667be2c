# Tests of core/hosts that need no sandbox (the SSH ones live in tests/remote)
iocdock_add_test(tst_host tst_host.cpp LIBS iocdock-core)
