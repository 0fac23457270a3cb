// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/store/node.h"

#include <optional>
#include <string>

namespace emu::ctrl {

/// The node lifecycle controller's in-memory record per node (nodeHealthData): its own
/// clock's view of the last heartbeat, so kubelet clock skew does not matter.
struct NodeHealth
{
    SimTime probeTimestamp;
    SimTime readyTransitionTimestamp;
    std::optional<store::NodeCondition> savedReady; ///< Ready condition last seen
    bool savedHasStatus = false;                     ///< a status was saved (possibly no Ready)
    std::optional<SimTime> leaseRenewTime;           ///< renewTime of the lease last seen

    // Derived from the node's labels, recomputed only when its resourceVersion changes (most
    // passes see the same object).
    std::uint64_t labelsRevision = 0;
    std::string zoneKey;
    bool excludedFromDisruption = false;
};

} // namespace emu::ctrl
