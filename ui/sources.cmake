# Sources of ui/ (except console/): main window, models, filter bar, dialogs, logs, details
target_sources(iocdock-ui PRIVATE
    filterbar.h filterbar.cpp
    filtercompleter.h filtercompleter.cpp
    hostdialog.h hostdialog.cpp
    hostlistmodel.h hostlistmodel.cpp
    iocactions.h iocactions.cpp
    iocdetailswidget.h iocdetailswidget.cpp
    iocfilterproxymodel.h iocfilterproxymodel.cpp
    ioctablemodel.h ioctablemodel.cpp
    ioctabs.h ioctabs.cpp
    logview.h logview.cpp
    mainwindow.h mainwindow.cpp
    messagebar.h messagebar.cpp
    settings.h settings.cpp
    settingsdialog.h settingsdialog.cpp)
