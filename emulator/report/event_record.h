// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/api/value.h"

#include <cstdint>
#include <string>

namespace emu::report {

/// One Kubernetes Event as the emulator emits it, the unit of the event log (JSON Lines) and
/// of the report's timeline.
struct EventRecord
{
    std::int64_t timeNs = 0;   ///< simulated time since start
    std::string type;          ///< "Normal" | "Warning"
    /// Upstream reason, e.g. NodeNotReady, RegisteredNode, TaintManagerEviction,
    /// NodeConditionChanged, NodeTaintAdded, NodeTaintRemoved, ZoneStateChanged, LeaseRenewed.
    std::string reason;
    std::string kind;          ///< the involved object
    std::string namespaceName; ///< empty for cluster-scoped objects
    std::string name;
    std::string message;
    emu::api::Value details = emu::api::Value::mapping(); ///< reason-specific fields
};

} // namespace emu::report
