# Tests of core/ioc (pure unit tests: no sandbox needed).
iocdock_add_test(tst_iocfilter tst_iocfilter.cpp LIBS iocdock-core)
