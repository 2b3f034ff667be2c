# Sources of ui/console
target_sources(iocdock-ui PRIVATE
    console/terminalwriter.h console/terminalwriter.cpp
    console/consoleview.h console/consoleview.cpp
    console/consoletabwidget.h console/consoletabwidget.cpp)
