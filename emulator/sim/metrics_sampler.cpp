// SPDX-License-Identifier: Apache-2.0
#include "metrics_sampler.h"

#include "emulator/controllers/zone_state.h"

namespace emu::sim {

namespace {

// Resources in metric units: cpu in millicores, memory in bytes, pods as a count.
struct ResourceMetric
{
    const char *resource;
    const char *suffix;
    bool milli;
};
constexpr const char *podPhaseMetrics[] = {"pods_pending", "pods_running", "pods_succeeded", "pods_failed",
                                           "pods_unknown"};
constexpr ResourceMetric resourceMetrics[] = {
    {"cpu", "cpu", true}, {"memory", "memory", false}, {"pods", "pods", false}};

double amount(const store::ResourceList &list, const ResourceMetric &m)
{
    const auto it = list.find(m.resource);
    if (it == list.end())
        return 0;
    return static_cast<double>(m.milli ? it->second.milliValue() : it->second.value());
}

} // namespace

MetricsSampler::MetricsSampler(SimContext &context, const ctrl::NodeLifecycleController &nodeLifecycle,
                               report::MetricsRecorder &recorder, SimDuration interval)
    : m_context(context), m_nodeLifecycle(nodeLifecycle), m_recorder(recorder), m_interval(interval)
{}

void MetricsSampler::start()
{
    struct Loop
    {
        static void run(MetricsSampler *self)
        {
            self->sample();
            self->m_context.engine.schedule(self->m_interval, [self] { run(self); });
        }
    };
    Loop::run(this);
}

void MetricsSampler::sample()
{
    const SimTime now = m_context.engine.now();
    const std::int64_t t = now.ns();
    double clusterCapacity[3] = {0, 0, 0};
    double clusterAllocatable[3] = {0, 0, 0};
    double nodesReady = 0;
    const double sinceLast = m_lastSample ? (now - *m_lastSample).toSeconds() : 0;
    m_lastSample = now;
    const std::map<std::string, NodePods> podsByNode = samplePods(t, sinceLast);
    double clusterRequested[3] = {0, 0, 0};
    Usage clusterUsage;
    const auto nodes = m_context.store.nodes().list();
    for (const auto &node : nodes) {
        const std::string object = "Node/" + node->meta.name;
        if (auto lease = m_context.store.leases().get("kube-node-lease/" + node->meta.name);
            lease && lease->renewTime)
            m_recorder.record(t, "lease_age_seconds", object, (now - *lease->renewTime).toSeconds());
        const store::NodeCondition *ready = node->condition("Ready");
        const double readyValue = !ready || ready->status == "Unknown" ? -1 : ready->status == "True" ? 1 : 0;
        nodesReady += readyValue == 1 ? 1 : 0;
        m_recorder.record(t, "node_ready", object, readyValue);
        for (int i = 0; i < 3; ++i) {
            const ResourceMetric &m = resourceMetrics[i];
            const double capacity = amount(node->status.capacity, m);
            const double allocatable = amount(node->status.allocatable, m);
            clusterCapacity[i] += capacity;
            clusterAllocatable[i] += allocatable;
            m_recorder.record(t, std::string("capacity_") + m.suffix, object, capacity);
            m_recorder.record(t, std::string("allocatable_") + m.suffix, object, allocatable);
            const auto pods = podsByNode.find(node->meta.name);
            const double requested = pods == podsByNode.end() ? 0 : pods->second.requested[i];
            clusterRequested[i] += requested;
            m_recorder.record(t, std::string("requested_") + m.suffix, object, requested);
        }
        const auto pods = podsByNode.find(node->meta.name);
        for (int p = 0; p < 5; ++p)
            m_recorder.record(t, podPhaseMetrics[p], object, pods == podsByNode.end() ? 0 : pods->second.phases[p]);
        if (m_usage) {
            const Usage usage = m_usage(node->meta.name);
            clusterUsage.cpuMillis += usage.cpuMillis;
            clusterUsage.memoryBytes += usage.memoryBytes;
            m_recorder.record(t, "usage_cpu", object, usage.cpuMillis);
            m_recorder.record(t, "usage_memory", object, usage.memoryBytes);
        }
    }
    for (const auto &zone : m_nodeLifecycle.zones()) {
        const std::string object = "zone/" + zone.name;
        m_recorder.record(t, "zone_state", object, ctrl::zoneStateCode(zone.state));
        m_recorder.record(t, "zone_eviction_rate", object, zone.evictionRate);
        m_recorder.record(t, "evictions_total", object, static_cast<double>(zone.evictions));
    }
    for (int i = 0; i < 3; ++i) {
        const ResourceMetric &m = resourceMetrics[i];
        m_recorder.record(t, std::string("capacity_") + m.suffix, "cluster", clusterCapacity[i]);
        m_recorder.record(t, std::string("allocatable_") + m.suffix, "cluster", clusterAllocatable[i]);
        m_recorder.record(t, std::string("requested_") + m.suffix, "cluster", clusterRequested[i]);
    }
    if (m_usage) {
        m_recorder.record(t, "usage_cpu", "cluster", clusterUsage.cpuMillis);
        m_recorder.record(t, "usage_memory", "cluster", clusterUsage.memoryBytes);
    }
    m_recorder.record(t, "nodes_total", "cluster", static_cast<double>(nodes.size()));
    m_recorder.record(t, "nodes_ready", "cluster", nodesReady);
}

} // namespace emu::sim
