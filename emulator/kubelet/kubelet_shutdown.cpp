// SPDX-License-Identifier: Apache-2.0
// Graceful node shutdown (pkg/kubelet/nodeshutdown: nodeshutdown_manager_linux.go and
// podManager.killPods; spec 4.1).
#include "kubelet.h"
#include "system_critical_priority.h"

#include <algorithm>
#include <memory>

namespace emu::kubelet {

namespace {

// pkg/kubelet/nodeshutdown: nodeShutdownReason, nodeShutdownMessage, nodeShutdownNotAdmittedReason.
constexpr const char *shutdownReason = "Terminated";
constexpr const char *shutdownMessage = "Pod was terminated in response to imminent node shutdown.";

} // namespace

void Kubelet::shutdown()
{
    if (!m_running || m_shuttingDown)
        return;
    const auto &config = m_context.cluster.kubelet;
    std::vector<ShutdownGroup> groups;
    if (!config.shutdownGracePeriodByPodPriority.empty()) {
        for (const auto &g : config.shutdownGracePeriodByPodPriority)
            groups.push_back({g.priority, SimDuration::seconds(g.shutdownGracePeriodSeconds)});
    } else if (config.shutdownGracePeriodMs > 0) {
        const SimDuration total = SimDuration::milliseconds(config.shutdownGracePeriodMs);
        const SimDuration critical = SimDuration::milliseconds(config.shutdownGracePeriodCriticalPodsMs);
        groups = {{0, total - critical}, {systemCriticalPriority, critical}};
    }
    if (groups.empty()) {
        // No inhibitor lock is taken: the machine goes down at once, as in a crash.
        stop();
        return;
    }
    // Groups run from the lowest priority to the highest.
    std::sort(groups.begin(), groups.end(),
              [](const ShutdownGroup &a, const ShutdownGroup &b) { return a.priority < b.priority; });
    m_shuttingDown = true;
    m_context.events.record("Normal", "NodeShutdown", "Node", "", m_config.nodeName,
                            "Shutdown manager detected shutdown event");
    // The node reports NotReady at once, so that nothing more is scheduled here.
    m_conditionOverrides["Ready"] = "False";
    m_conditionOverrides["Ready/message"] = "node is shutting down";
    updateStatus(true);
    shutdownGroup(std::move(groups), 0);
}

// One priority group: each of its pods is terminated with min(its terminationGracePeriodSeconds,
// the group's period); the next group starts when all are done or the period has passed.
void Kubelet::shutdownGroup(std::vector<ShutdownGroup> groups, std::size_t index)
{
    if (!m_running)
        return;
    if (index >= groups.size()) {
        // The inhibitor lock is released and the machine powers off.
        m_shuttingDown = false;
        m_conditionOverrides.erase("Ready");
        m_conditionOverrides.erase("Ready/message");
        stop();
        return;
    }
    std::vector<PodWorker *> members;
    for (const auto &[key, worker] : m_workers) {
        if (worker->isTerminated() || worker->isTerminating())
            continue;
        // The group of the highest priority <= the pod's; pods below every group go to the first.
        std::size_t group = 0;
        for (std::size_t g = 0; g < groups.size(); ++g)
            if (groups[g].priority <= worker->priority())
                group = g;
        if (group == index)
            members.push_back(worker.get());
    }
    if (members.empty()) {
        shutdownGroup(std::move(groups), index + 1);
        return;
    }
    const SimDuration period = groups[index].period;
    // Whichever comes first: every pod of the group stopped, or the group's period.
    auto next = std::make_shared<bool>(false);
    auto pending = std::make_shared<std::size_t>(members.size());
    auto advance = [this, groups, index, next] {
        if (*next)
            return;
        *next = true;
        shutdownGroup(groups, index + 1);
    };
    m_context.engine.schedule(period, advance);
    for (PodWorker *w : members) {
        const SimDuration grace = std::min(period, SimDuration::seconds(w->pod().spec.terminationGracePeriodSeconds));
        w->evict(shutdownReason, shutdownMessage, "TerminationByKubelet", shutdownMessage, grace,
                 [pending, advance](PodWorker &) {
                     if (--*pending == 0)
                         advance();
                 });
    }
}

} // namespace emu::kubelet
