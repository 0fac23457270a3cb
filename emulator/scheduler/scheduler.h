// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/core/rng.h"
#include "emulator/sim/sim_context.h"

#include <set>
#include <string>

namespace emu::sched {

/// kube-scheduler (default-scheduler) as a reconciler over the store: every unscheduled pod
/// is filtered against every node (NodeUnschedulable, NodeName, TaintToleration,
/// NodeAffinity, NodeResourcesFit), the feasible nodes are scored with upstream's default
/// weights, ties are broken by the seeded RNG, and the pod is bound (event Scheduled). A pod
/// that fits nowhere gets PodScheduled=False and a FailedScheduling event with upstream's
/// message, and is retried when nodes change. PodTopologySpread and InterPodAffinity filter
/// and score after those. Not yet: preemption, percentageOfNodesToScore. Engine thread only.
class Scheduler
{
public:
    Scheduler(sim::SimContext &context, Rng rng);
    void start();

private:
    void enqueue(const std::string &podKey);
    void scheduleOne(const std::string &podKey);
    void retryUnschedulable();
    void retryWaitingForPods();

    sim::SimContext &m_context;
    Rng m_rng;
    std::set<std::string> m_queued;
    std::set<std::string> m_unschedulable;
    /// Unschedulable pods that InterPodAffinity rejected somewhere: retried when a pod is bound.
    std::set<std::string> m_waitingForPods;
    bool m_retryPending = false;
};

} // namespace emu::sched
