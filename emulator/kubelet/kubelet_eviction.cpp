// SPDX-License-Identifier: Apache-2.0
// Node-pressure eviction (pkg/kubelet/eviction: eviction_manager.go synchronize, helpers.go
// rankMemoryPressure; spec 5.9): every evictionMonitoringPeriod the kubelet compares
// memory.available with the hard threshold, reports MemoryPressure (held for the pressure
// transition period), and while a pressure condition is True evicts one pod per cycle.
#include "kubelet.h"
#include "system_critical_priority.h"

#include "emulator/api/quantity.h"

#include <algorithm>

namespace emu::kubelet {

namespace {

// KubeletConfiguration defaults.
constexpr SimDuration evictionMonitoringPeriod = SimDuration::seconds(10);
constexpr SimDuration evictionPressureTransitionPeriod = SimDuration::minutes(5);
constexpr std::int64_t memoryAvailableThreshold = 100 * 1024 * 1024; ///< evictionHard memory.available<100Mi
// eviction_manager.go: a hard threshold evicts with this grace period.
constexpr std::int64_t immediateEvictionGracePeriodSeconds = 1;

std::string bytes(std::int64_t value)
{
    return api::Quantity::fromValue(value, api::Quantity::Format::BinarySI).toString();
}

std::int64_t memoryRequest(const store::Container &c)
{
    const auto it = c.requests.find("memory");
    return it == c.requests.end() ? 0 : it->second.value();
}

struct Candidate
{
    PodWorker *worker;
    std::int64_t usage;
    std::int64_t request;
    std::int64_t priority;
};

} // namespace

void Kubelet::ensureEvictionMonitoring()
{
    if (m_evictionMonitoring || !m_running)
        return;
    m_evictionMonitoring = true;
    m_context.engine.schedule(evictionMonitoringPeriod, [this] { evictionTick(); });
}

bool Kubelet::needsEvictionMonitoring() const
{
    if (m_memoryThresholdMetAt)
        return true;
    for (const char *type : {"MemoryPressure", "DiskPressure", "PIDPressure"})
        if (const auto it = m_conditionOverrides.find(type); it != m_conditionOverrides.end() && it->second == "True")
            return true;
    for (const auto &[key, worker] : m_workers)
        if (!worker->isTerminated() && worker->hasGrowingMemory())
            return true;
    return false;
}

void Kubelet::evictionTick()
{
    m_evictionMonitoring = false;
    if (!m_running)
        return;
    const SimTime now = m_context.engine.now();
    std::int64_t capacity = 0;
    if (const auto it = m_config.capacity.find("memory"); it != m_config.capacity.end())
        capacity = it->second.value();
    std::int64_t used = 0;
    for (const auto &[key, worker] : m_workers)
        if (!worker->isTerminated())
            used += worker->memoryUsage(now);
    const std::int64_t available = capacity - used;
    if (available < memoryAvailableThreshold)
        m_memoryThresholdMetAt = now;
    const bool observedPressure = m_memoryThresholdMetAt && now - *m_memoryThresholdMetAt < evictionPressureTransitionPeriod;
    if (!observedPressure)
        m_memoryThresholdMetAt.reset();
    if (!m_userOverrides.count("MemoryPressure")) {
        const bool reported = m_conditionOverrides.count("MemoryPressure") > 0;
        if (observedPressure && !reported) {
            m_conditionOverrides["MemoryPressure"] = "True";
            updateStatus(true);
        } else if (!observedPressure && reported) {
            m_conditionOverrides.erase("MemoryPressure");
            updateStatus(true);
        }
    }
    // Evictions need a threshold met now (synchronize(): thresholdsMet, then
    // thresholdsMetGracePeriod). The MemoryPressure condition the kubelet itself keeps True for
    // evictionPressureTransitionPeriod after the threshold clears evicts nothing; only a
    // condition forced by a SetCondition action stands for a threshold that is met.
    auto forced = [&](const char *type) {
        const auto it = m_conditionOverrides.find(type);
        return m_userOverrides.count(type) && it != m_conditionOverrides.end() && it->second == "True";
    };
    std::string resource;
    if (available < memoryAvailableThreshold || forced("MemoryPressure"))
        resource = "memory";
    else if (forced("DiskPressure"))
        resource = "ephemeral-storage";
    else if (forced("PIDPressure"))
        resource = "pids";
    if (!resource.empty())
        evictOnePod(resource, available);
    if (needsEvictionMonitoring())
        ensureEvictionMonitoring();
}

// rankMemoryPressure: pods whose usage exceeds their request first, then lower priority, then
// the larger usage above the request. Critical pods are never evicted. PodDisruptionBudgets
// do not apply.
void Kubelet::evictOnePod(const std::string &resource, std::int64_t available)
{
    const SimTime now = m_context.engine.now();
    std::vector<Candidate> candidates;
    for (const auto &[key, worker] : m_workers) {
        if (worker->isTerminated() || worker->isTerminating() || worker->priority() >= systemCriticalPriority)
            continue;
        std::int64_t request = 0;
        for (const store::Container &c : worker->pod().spec.containers)
            request += memoryRequest(c);
        const bool memory = resource == "memory";
        candidates.push_back({worker.get(), memory ? worker->memoryUsage(now) : 0, memory ? request : 0, worker->priority()});
    }
    if (candidates.empty())
        return;
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        const bool aOver = a.usage > a.request;
        const bool bOver = b.usage > b.request;
        if (aOver != bOver)
            return aOver;
        if (a.priority != b.priority)
            return a.priority < b.priority;
        return a.usage - a.request > b.usage - b.request;
    });
    PodWorker *victim = candidates.front().worker;
    m_context.events.record("Warning", "EvictionThresholdMet", "Node", "", m_config.nodeName,
                            "Attempting to reclaim " + resource);
    std::string message = "The node was low on resource: " + resource + ". ";
    if (resource == "memory") {
        message += "Threshold quantity: " + bytes(memoryAvailableThreshold) + ", available: " + bytes(std::max<std::int64_t>(0, available) / 1024 * 1024) + ". ";
        for (const store::Container &c : victim->pod().spec.containers) {
            const std::int64_t usage = victim->containerMemoryUsage(c.name, now);
            if (usage > memoryRequest(c))
                message += "Container " + c.name + " was using " + bytes(usage / 1024 * 1024) + ", request is "
                           + bytes(memoryRequest(c)) + ", has larger consumption of memory. ";
        }
    }
    m_context.events.record("Warning", "Evicted", "Pod", victim->pod().meta.namespaceName, victim->pod().meta.name, message);
    victim->evict("Evicted", message, "TerminationByKubelet", message,
                  SimDuration::seconds(immediateEvictionGracePeriodSeconds));
}

} // namespace emu::kubelet
