// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/store/node.h"

#include <optional>

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
};

} // namespace emu::ctrl
