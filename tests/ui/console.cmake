# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The iocdock developers
# Console tabs: pty writer, console view (and its control-key bar) and tabs. The view and
# tab tests run a real procServ with tools/iocsim as the IOC (procServ from PATH, iocsim from bin/).
iocdock_add_test(tst_terminalwriter tst_terminalwriter.cpp consoletestsupport.h LIBS iocdock-ui)
iocdock_add_test(tst_consoleview tst_consoleview.cpp consoletestsupport.h LIBS iocdock-ui)
iocdock_add_test(tst_consoletabwidget tst_consoletabwidget.cpp consoletestsupport.h
                 LIBS iocdock-ui)
add_dependencies(tst_consoleview iocsim)
add_dependencies(tst_consoletabwidget iocsim)
iocdock_add_test(tst_consolescrollback tst_consolescrollback.cpp consoletestsupport.h
                 LIBS iocdock-ui)
add_dependencies(tst_consolescrollback iocsim)
# Split panes, moving tabs, detaching into windows and docking back keep each session
iocdock_add_test(tst_consolearea tst_consolearea.cpp consoletestsupport.h LIBS iocdock-ui)
add_dependencies(tst_consolearea iocsim)
