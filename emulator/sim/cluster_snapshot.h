// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/controllers/node_lifecycle_controller.h"
#include "emulator/report/event_record.h"
#include "emulator/store/lease.h"
#include "emulator/store/node.h"

#include <memory>
#include <vector>

namespace emu::sim {

/// What the GUI shows of a running emulator at one instant: immutable, shared between
/// threads without copying the objects (the store's objects are immutable already).
struct ClusterSnapshot
{
    SimTime time;
    std::uint64_t revision = 0;   ///< the store's resourceVersion
    std::uint64_t sequence = 0;   ///< 1, 2, 3... per published snapshot
    std::vector<std::shared_ptr<const store::Node>> nodes;
    std::vector<std::shared_ptr<const store::Lease>> leases;
    std::vector<ctrl::NodeLifecycleController::ZoneView> zones;
    /// Events recorded since the previous snapshot, in order (the batches of all snapshots
    /// together are every event of the run).
    std::vector<report::EventRecord> newEvents;
    std::size_t eventsTotal = 0;
};

} // namespace emu::sim
