// SPDX-License-Identifier: Apache-2.0
// MetricsSampler: the pod metrics (pods by phase, requested resources, unavailability).
#include "metrics_sampler.h"

#include "emulator/scheduler/pod_requests.h"
#include "emulator/scheduler/resource.h"

namespace emu::sim {

namespace {

int phaseIndex(const std::string &phase)
{
    if (phase == "Running")
        return 1;
    if (phase == "Succeeded")
        return 2;
    if (phase == "Failed")
        return 3;
    if (phase == "Unknown")
        return 4;
    return 0;
}

} // namespace

std::map<std::string, MetricsSampler::NodePods> MetricsSampler::samplePods(std::int64_t t, double sinceLastSample)
{
    std::map<std::string, NodePods> byNode;
    double clusterPhases[5] = {0, 0, 0, 0, 0};
    // Each interval counts with the pods' state at its start (what the last sample saw).
    for (auto &[ns, count] : m_unavailableNow) {
        m_unavailableSeconds[ns] += count * sinceLastSample;
        count = 0;
    }
    for (const auto &pod : m_context.store.pods().list()) {
        const int phase = phaseIndex(pod->status.phase);
        clusterPhases[phase] += 1;
        const bool terminal = phase == 2 || phase == 3;
        // A pod counts as unavailable while it is meant to run and is not Ready (pending,
        // starting, crash-looping, on a failed node, terminating).
        if (!terminal) {
            const store::Pod::Condition *ready = pod->condition("Ready");
            double &unavailable = m_unavailableNow[pod->meta.namespaceName];
            m_unavailableSeconds.try_emplace(pod->meta.namespaceName, 0.0);
            if (!ready || ready->status != "True")
                unavailable += 1;
        }
        if (pod->spec.nodeName.empty())
            continue;
        NodePods &node = byNode[pod->spec.nodeName];
        node.phases[phase] += 1;
        if (terminal)
            continue; // a finished pod no longer holds its requests
        sched::Resource requests;
        requests.add(sched::podRequests(*pod));
        node.requested[0] += static_cast<double>(requests.milliCpu);
        node.requested[1] += static_cast<double>(requests.memory);
        node.requested[2] += 1;
    }
    static constexpr const char *names[] = {"pods_pending", "pods_running", "pods_succeeded", "pods_failed",
                                            "pods_unknown"};
    for (int p = 0; p < 5; ++p)
        m_recorder.record(t, names[p], "cluster", clusterPhases[p]);
    for (const auto &[ns, seconds] : m_unavailableSeconds)
        m_recorder.record(t, "pod_unavailable_seconds", "Namespace/" + ns, seconds);
    return byNode;
}

} // namespace emu::sim
