# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The iocdock developers
# Sources of core/fleet: the top floor of core (hosts and the runtimes of their IOCs).
# It may include every other folder of core; nothing in core includes it.
target_sources(iocdock-core PRIVATE
    fleet/fleet.h fleet/fleet.cpp
    fleet/fleetevent.h fleet/fleetevent.cpp
    fleet/fleeteventwatcher.h fleet/fleeteventwatcher.cpp
    fleet/journalevents.h fleet/journalevents.cpp
    fleet/restartstorm.h fleet/restartstorm.cpp
    fleet/iocresolver.h fleet/iocresolver.cpp
    fleet/execlinejob.h fleet/execlinejob.cpp
    fleet/execfanout.h fleet/execfanout.cpp
    fleet/orderedrun.h fleet/orderedrun.cpp
    fleet/timedstop.h fleet/timedstop.cpp
    fleet/journalreplay.h fleet/journalreplay.cpp
    fleet/eventhistory.h fleet/eventhistory.cpp
    fleet/remoteengine.h fleet/remoteengine.cpp)
