// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "scheduling_decision.h"
#include "scheduling_queue.h"

#include "emulator/core/rng.h"
#include "emulator/sim/sim_context.h"

#include <functional>
#include <map>
#include <set>
#include <string>

namespace emu::sched {

/// kube-scheduler (default-scheduler) as a reconciler over the store: unscheduled pods wait
/// in a queue ordered by priority (PrioritySort), each is filtered against every node
/// (NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodeResourcesFit, with the
/// pods nominated to the node by preemption counted), the feasible nodes are scored with
/// upstream's default weights, ties are broken by the seeded RNG, and the pod is bound
/// (event Scheduled). A pod that fits nowhere may preempt lower-priority pods
/// (DefaultPreemption: status.nominatedNodeName, victims deleted with event Preempted); else
/// it gets PodScheduled=False and a FailedScheduling event with upstream's message, and is
/// retried when nodes change or a bound pod goes. PodTopologySpread and InterPodAffinity
/// filter and score after the node-local plugins. Not yet: percentageOfNodesToScore. Engine
/// thread only.
class Scheduler
{
public:
    using DecisionObserver = std::function<void(const SchedulingDecision &)>;

    Scheduler(sim::SimContext &context, Rng rng);
    void start();
    /// Called with every scheduling attempt's decision (to explain it); one observer.
    void setDecisionObserver(DecisionObserver observer) { m_observer = std::move(observer); }

private:
    void enqueue(const std::string &podKey, SimTime timestamp);
    void scheduleNext();
    void scheduleOne(const std::string &podKey);
    void retryUnschedulable();
    void retryWaitingForPods();

    sim::SimContext &m_context;
    Rng m_rng;
    SchedulingQueue m_queue;
    bool m_popPending = false;
    /// Pods found unschedulable, with when (their queue timestamp when they are retried).
    std::map<std::string, SimTime> m_unschedulable;
    /// Unschedulable pods that InterPodAffinity or PodTopologySpread rejected somewhere:
    /// retried when a pod is bound.
    std::set<std::string> m_waitingForPods;
    bool m_retryPending = false;
    DecisionObserver m_observer;
};

} // namespace emu::sched
