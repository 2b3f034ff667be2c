# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The iocdock developers
# Sources of core/systemd

# The Manager proxy is generated at build time from the committed, annotated introspection XML.
set(_iocdock_manager_xml ${CMAKE_CURRENT_SOURCE_DIR}/systemd/org.freedesktop.systemd1.Manager.xml)
set_source_files_properties(${_iocdock_manager_xml} PROPERTIES
    CLASSNAME Systemd1Manager
    NO_NAMESPACE ON
    INCLUDE core/systemd/systemdtypes.h)
# The basename is relative to this directory's build dir, so the header lands in
# <build>/core/systemd/generated/ and is included as "core/systemd/generated/systemd1managerproxy.h".
if(QT_VERSION_MAJOR EQUAL 6 OR IOCDOCK_QT_MAJOR EQUAL 6)
    qt6_add_dbus_interface(_iocdock_systemd_generated ${_iocdock_manager_xml} systemd/generated/systemd1managerproxy)
else()
    qt5_add_dbus_interface(_iocdock_systemd_generated ${_iocdock_manager_xml} systemd/generated/systemd1managerproxy)
endif()

target_sources(iocdock-core PRIVATE
    systemd/systemdtypes.h systemd/systemdtypes.cpp
    systemd/systemdmanager.h systemd/systemdmanager.cpp
    systemd/unitproperties.h systemd/unitproperties.cpp
    systemd/unitfile.h systemd/unitfile.cpp
    systemd/execcommand.h systemd/execcommand.cpp
    systemd/unitspecifiers.h systemd/unitspecifiers.cpp
    systemd/environmentfile.h systemd/environmentfile.cpp
    systemd/org.freedesktop.systemd1.Manager.xml
    ${_iocdock_systemd_generated})
# The generated .cpp includes its header relative to this build dir; our code uses "core/systemd/generated/...".
target_include_directories(iocdock-core PRIVATE ${PROJECT_BINARY_DIR} ${CMAKE_CURRENT_BINARY_DIR})
