# Tests of core/procserv
iocdock_add_test(tst_procservcommand tst_procservcommand.cpp LIBS iocdock-core)
iocdock_add_test(tst_commandexpander tst_commandexpander.cpp LIBS iocdock-core)
iocdock_add_test(tst_procservstatetracker tst_procservstatetracker.cpp LIBS iocdock-core)
iocdock_add_test(tst_telnetcodec tst_telnetcodec.cpp LIBS iocdock-core)
