// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "event_sink.h"

#include "emulator/api/cluster_spec.h"
#include "emulator/core/engine.h"
#include "emulator/core/rng.h"
#include "emulator/store/object_store.h"

namespace emu::sim {

/// What every emulated component of one run shares: the engine (clock and timers), the API
/// server's store, the event recorder, the cluster settings and the run's root random stream.
/// Components take child streams by name so they do not disturb each other's sequences.
struct SimContext
{
    Engine &engine;
    store::ObjectStore &store;
    EventSink &events;
    const api::ClusterSpec &cluster;
    const Rng &rng;
    bool leaseEvents = false; ///< record LeaseRenewed events (--lease-events)
    std::int64_t startTimeMs = 0; ///< the Scenario's startTime (Unix ms) at t = 0: the wall clock of CronJobs
};

} // namespace emu::sim
