# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The iocdock developers
# Tests of ui/ (except console/): models, message bar, main window
iocdock_add_test(tst_ioctablemodel tst_ioctablemodel.cpp LIBS iocdock-ui iocdock-resources)
iocdock_add_test(tst_iocfilterproxymodel tst_iocfilterproxymodel.cpp LIBS iocdock-ui)
iocdock_add_test(tst_messagebar tst_messagebar.cpp LIBS iocdock-ui)
iocdock_add_test(tst_ioctableview tst_ioctableview.cpp LIBS iocdock-ui)
iocdock_add_test(tst_filterbar tst_filterbar.cpp LIBS iocdock-ui)
# followsAContainersLog needs the podman sandbox (tools/run-tests starts it)
iocdock_add_test(tst_logview tst_logview.cpp LIBS iocdock-ui LABELS podman)
iocdock_add_test(tst_iocdetailswidget tst_iocdetailswidget.cpp LIBS iocdock-ui)
iocdock_add_test(tst_settings tst_settings.cpp LIBS iocdock-ui)
iocdock_add_test(tst_settingsdialog tst_settingsdialog.cpp LIBS iocdock-ui)
iocdock_add_test(tst_hostdialog tst_hostdialog.cpp LIBS iocdock-ui)
iocdock_add_test(tst_filtercompleter tst_filtercompleter.cpp LIBS iocdock-ui)
iocdock_add_test(tst_translations tst_translations.cpp LIBS iocdock-ui)

# The packaging metadata must validate; the .ts files must match the sources.
find_program(DESKTOP_FILE_VALIDATE_EXECUTABLE desktop-file-validate)
find_program(APPSTREAMCLI_EXECUTABLE appstreamcli)
if(DESKTOP_FILE_VALIDATE_EXECUTABLE)
    add_test(NAME validate-desktop-file
             COMMAND ${DESKTOP_FILE_VALIDATE_EXECUTABLE} ${PROJECT_SOURCE_DIR}/resources/iocdock.desktop)
endif()
if(APPSTREAMCLI_EXECUTABLE)
    add_test(NAME validate-appstream
             COMMAND ${APPSTREAMCLI_EXECUTABLE} validate --no-net
                     ${PROJECT_SOURCE_DIR}/resources/org.iocdock.iocdock.metainfo.xml)
endif()
add_test(NAME check-translations COMMAND ${PROJECT_SOURCE_DIR}/tools/check-translations)
set_tests_properties(check-translations PROPERTIES
    ENVIRONMENT "LUPDATE=$<TARGET_FILE:${QT}::lupdate>" LABELS "lint")

iocdock_add_test(tst_mainwindow tst_mainwindow.cpp
    LIBS iocdock-ui iocdock-resources iocdock-testsupport LABELS sandbox)

# Host list, actions and bottom tabs on a Fleet of the sandbox's manager
iocdock_add_test(tst_hostlistmodel tst_hostlistmodel.cpp
    LIBS iocdock-ui iocdock-resources iocdock-testsupport LABELS sandbox)
iocdock_add_test(tst_iocactions tst_iocactions.cpp
    LIBS iocdock-ui iocdock-resources iocdock-testsupport LABELS sandbox)
iocdock_add_test(tst_ioctabs tst_ioctabs.cpp
    LIBS iocdock-ui iocdock-resources iocdock-testsupport LABELS sandbox)
iocdock_add_test(tst_iocdetailssummary tst_iocdetailssummary.cpp
    LIBS iocdock-ui iocdock-resources iocdock-testsupport LABELS sandbox)
# New IOC…, Remove… and Rename… creating and removing real units of the sandbox's manager
iocdock_add_test(tst_newiocdialog tst_newiocdialog.cpp
    LIBS iocdock-ui iocdock-resources iocdock-testsupport LABELS sandbox)
# The window on a host with a container engine (the podman sandbox) beside the systemd sandbox.
iocdock_add_test(tst_mainwindowcontainers tst_mainwindowcontainers.cpp
    LIBS iocdock-ui iocdock-resources iocdock-testsupport LABELS podman sandbox)
# Console and log tabs and the host selection reopened at the next start, sending nothing
iocdock_add_test(tst_mainwindowrestore tst_mainwindowrestore.cpp
    LIBS iocdock-ui iocdock-resources iocdock-testsupport LABELS sandbox)
add_dependencies(tst_mainwindowrestore iocctl iocsim)
# The Events pane and restart-storm warning on the sandbox's manager
iocdock_add_test(tst_eventspane tst_eventspane.cpp
    LIBS iocdock-ui iocdock-resources iocdock-testsupport LABELS sandbox)
# Colours on light and dark palettes, theme icons with the bundled ones as fallback
iocdock_add_test(tst_themecolors tst_themecolors.cpp LIBS iocdock-ui iocdock-resources)
# Keyboard, screen reader names, icons without a theme and unclipped dialogs; once more at 200 %
iocdock_add_test(tst_mainwindowaccess tst_mainwindowaccess.cpp
    LIBS iocdock-ui iocdock-resources iocdock-testsupport LABELS sandbox)
add_test(NAME tst_mainwindowaccess_200 COMMAND tst_mainwindowaccess)
get_test_property(tst_mainwindowaccess ENVIRONMENT _access_env)
set_tests_properties(tst_mainwindowaccess_200 PROPERTIES
    ENVIRONMENT "${_access_env};QT_SCALE_FACTOR=2" TIMEOUT 300 LABELS sandbox RUN_SERIAL TRUE)
# "Run command…" on several IOCs and group actions' progress, on the sandbox's manager
iocdock_add_test(tst_runcommand tst_runcommand.cpp
    LIBS iocdock-ui iocdock-resources iocdock-testsupport LABELS sandbox)
add_dependencies(tst_runcommand iocsim)
# "In Order…": ordered group actions with a delay and Cancel, on real units
iocdock_add_test(tst_orderedactions tst_orderedactions.cpp
    LIBS iocdock-ui iocdock-resources iocdock-testsupport LABELS sandbox)
# The Events pane's past read back from the journal, merged with live events, no storm
iocdock_add_test(tst_eventhistory tst_eventhistory.cpp
    LIBS iocdock-ui iocdock-resources iocdock-testsupport LABELS sandbox)
