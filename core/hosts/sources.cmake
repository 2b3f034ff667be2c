# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The iocdock developers
# Sources of core/hosts
target_sources(iocdock-core PRIVATE
    hosts/host.h hosts/host.cpp
    hosts/hosttransport.h hosts/hosttransport.cpp
    hosts/localtransport.h hosts/localtransport.cpp
    hosts/sshtransport.h hosts/sshtransport.cpp
    hosts/filecontents.h
    hosts/filesource.h hosts/filesource.cpp
    hosts/remotefilereader.h hosts/remotefilereader.cpp
    hosts/unitfilesource.h hosts/unitfilesource.cpp
    hosts/desktopnotifier.h hosts/desktopnotifier.cpp)
