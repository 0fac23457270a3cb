// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sim_context.h"

#include "emulator/controllers/node_lifecycle_controller.h"
#include "emulator/report/metrics_recorder.h"

namespace emu::sim {

/// Samples the cluster every `interval` of simulated time into a MetricsRecorder, with the
/// metric names and object naming of `kubecanvas-cli run --metrics` (docs/formats.md):
/// per node lease_age_seconds, node_ready, capacity_* / allocatable_* / requested_*; per zone
/// zone_state, zone_eviction_rate, evictions_total; for the cluster the resource totals and
/// nodes_total / nodes_ready. Engine thread only.
class MetricsSampler
{
public:
    MetricsSampler(SimContext &context, const ctrl::NodeLifecycleController &nodeLifecycle,
                   report::MetricsRecorder &recorder, SimDuration interval);
    /// Samples now, then every interval.
    void start();
    void sample();

private:
    SimContext &m_context;
    const ctrl::NodeLifecycleController &m_nodeLifecycle;
    report::MetricsRecorder &m_recorder;
    SimDuration m_interval;
};

} // namespace emu::sim
