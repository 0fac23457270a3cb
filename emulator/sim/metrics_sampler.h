// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sim_context.h"

#include "emulator/controllers/node_lifecycle_controller.h"
#include "emulator/report/metrics_recorder.h"

#include <functional>
#include <map>
#include <optional>
#include <string>

namespace emu::sim {

/// Samples the cluster every `interval` of simulated time into a MetricsRecorder, with the
/// metric names and object naming of `kubecanvas-cli run --metrics` (docs/formats.md):
/// per node lease_age_seconds, node_ready, capacity_* / allocatable_* / requested_*; per zone
/// zone_state, zone_eviction_rate, evictions_total; for the cluster the resource totals and
/// nodes_total / nodes_ready; pods per node and cluster: pods_<phase>, requested_*,
/// usage_cpu / usage_memory (from the kubelets), and pod_unavailable_seconds per namespace.
/// Engine thread only.
class MetricsSampler
{
public:
    MetricsSampler(SimContext &context, const ctrl::NodeLifecycleController &nodeLifecycle,
                   report::MetricsRecorder &recorder, SimDuration interval);
    /// Samples now, then every interval.
    void start();
    void sample();

    struct Usage
    {
        double cpuMillis = 0;
        double memoryBytes = 0;
    };
    /// Where a node's resource usage comes from (the emulated kubelet); none: usage is not sampled.
    void setUsageSource(std::function<Usage(const std::string &node)> source) { m_usage = std::move(source); }

private:
    struct NodePods
    {
        double phases[5] = {0, 0, 0, 0, 0};
        double requested[3] = {0, 0, 0};
    };
    /// Per node: pods by phase and their requests; accumulates pod_unavailable_seconds.
    std::map<std::string, NodePods> samplePods(std::int64_t t, double sinceLastSample);

    SimContext &m_context;
    const ctrl::NodeLifecycleController &m_nodeLifecycle;
    report::MetricsRecorder &m_recorder;
    SimDuration m_interval;
    std::function<Usage(const std::string &node)> m_usage;
    std::map<std::string, double> m_unavailableSeconds; ///< namespace -> cumulative
    std::map<std::string, double> m_unavailableNow;     ///< namespace -> pods not Ready at the last sample
    std::optional<SimTime> m_lastSample;
};

} // namespace emu::sim
