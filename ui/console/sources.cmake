# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The iocdock developers
# Sources of ui/console
target_sources(iocdock-ui PRIVATE
    console/terminalwriter.h console/terminalwriter.cpp
    console/consoleview.h console/consoleview.cpp
    console/consoletabwidget.h console/consoletabwidget.cpp
    console/consolearea.h console/consolearea.cpp
    console/consolewindow.h console/consolewindow.cpp)
