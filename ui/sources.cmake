# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The iocdock developers
# Sources of ui/ (except console/): main window, models, filter bar, dialogs, logs, details
target_sources(iocdock-ui PRIVATE
    contextmenukeys.h contextmenukeys.cpp
    eventmodel.h eventmodel.cpp
    eventspane.h eventspane.cpp
    execresultsview.h execresultsview.cpp
    filterbar.h filterbar.cpp
    filtercompleter.h filtercompleter.cpp
    hostdialog.h hostdialog.cpp hostdialog.ui
    hostlistmodel.h hostlistmodel.cpp
    hostlistview.h hostlistview.cpp
    iocactions.h iocactions.cpp
    iocdetailswidget.h iocdetailswidget.cpp
    iocfilterproxymodel.h iocfilterproxymodel.cpp
    ioctablemodel.h ioctablemodel.cpp
    ioctableview.h ioctableview.cpp
    ioctabs.h ioctabs.cpp
    logview.h logview.cpp
    mainwindow.h mainwindow.cpp
    messagearea.h messagearea.cpp
    messagebar.h messagebar.cpp
    messagehistorydialog.h messagehistorydialog.cpp
    newiocdialog.h newiocdialog.cpp newiocdialog.ui
    removeiocdialog.h removeiocdialog.cpp removeiocdialog.ui
    renameiocdialog.h renameiocdialog.cpp renameiocdialog.ui
    orderedactiondialog.h orderedactiondialog.cpp
    runcommanddialog.h runcommanddialog.cpp
    settings.h settings.cpp
    settingsdialog.h settingsdialog.cpp settingsdialog.ui
    shortcutsdialog.h shortcutsdialog.cpp
    statewords.h statewords.cpp
    themecolors.h themecolors.cpp
    themeicons.h themeicons.cpp
    translations.h translations.cpp)
