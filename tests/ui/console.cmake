# Console tabs: pty writer, control-key guard, console view and tabs (real procServ + iocsim).
iocdock_add_test(tst_controlkeyguard tst_controlkeyguard.cpp LIBS iocdock-ui)
iocdock_add_test(tst_terminalwriter tst_terminalwriter.cpp consoletestsupport.h LIBS iocdock-ui)
