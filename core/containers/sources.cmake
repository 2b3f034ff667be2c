# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The iocdock developers
# Sources of core/containers: the Docker Engine API client (dockerd and Podman's compatible
# service). Qt Core/Network only; nothing from core/ioc or core/hosts (EngineStream is a
# ConsoleStream of core/procserv/consolesession.h).
target_sources(iocdock-core PRIVATE
    containers/httpresponseparser.h containers/httpresponseparser.cpp
    containers/streamframedecoder.h containers/streamframedecoder.cpp
    containers/engineendpoint.h containers/engineendpoint.cpp
    containers/containertypes.h containers/containertypes.cpp
    containers/podmanruncommand.h containers/podmanruncommand.cpp
    containers/enginerequest.h containers/enginerequest.cpp
    containers/engineclient.h containers/engineclient.cpp
    containers/enginestream.h containers/enginestream.cpp)
