// SPDX-License-Identifier: Apache-2.0
#include "scheduler.h"

#include "failed_scheduling_message.h"
#include "filters.h"
#include "pod_info.h"
#include "preemption.h"
#include "scheduler_snapshot.h"
#include "scheduling_cycle.h"

#include "emulator/store/priority_admission.h"

namespace emu::sched {

namespace {

bool isUnscheduled(const store::Pod &pod)
{
    return pod.spec.nodeName.empty() && !pod.meta.deletionTimestamp
           && (pod.spec.schedulerName.empty() || pod.spec.schedulerName == "default-scheduler");
}

// A node change that can make a pending pod schedulable (upstream's queueing hints, coarse).
bool schedulingRelevantChange(const store::Node &before, const store::Node &after)
{
    if (before.spec.unschedulable != after.spec.unschedulable || before.meta.labels != after.meta.labels
        || before.status.allocatable != after.status.allocatable)
        return true;
    if (before.spec.taints.size() != after.spec.taints.size())
        return true;
    for (std::size_t i = 0; i < before.spec.taints.size(); ++i)
        if (!before.spec.taints[i].sameTaint(after.spec.taints[i]))
            return true;
    return false;
}

void setScheduledCondition(store::Pod &pod, const std::string &status, const std::string &reason,
                           const std::string &message, SimTime now)
{
    for (store::Pod::Condition &c : pod.status.conditions) {
        if (c.type != "PodScheduled")
            continue;
        if (c.status != status)
            c.lastTransitionTime = now;
        c.status = status;
        c.reason = reason;
        c.message = message;
        return;
    }
    pod.status.conditions.push_back({"PodScheduled", status, reason, message, now});
}

} // namespace

Scheduler::Scheduler(sim::SimContext &context, Rng rng) : m_context(context), m_rng(std::move(rng)) {}

void Scheduler::start()
{
    m_context.store.pods().watch([this](const store::WatchEvent<store::Pod> &event) {
        const std::string key = event.object->meta.key();
        if (event.type == store::WatchEventType::Deleted) {
            m_unschedulable.erase(key);
            // A pod gone frees room for the pending ones.
            if (!event.object->spec.nodeName.empty())
                retryUnschedulable();
            return;
        }
        if (isUnscheduled(*event.object) && !m_unschedulable.count(key))
            enqueue(key, m_context.engine.now());
        // A pod bound to a node can satisfy a pending pod's pod affinity (upstream queueing
        // hint of InterPodAffinity on pod add/update).
        if (!event.object->spec.nodeName.empty() && (!event.previous || event.previous->spec.nodeName.empty()))
            retryWaitingForPods();
    });
    m_context.store.nodes().watch([this](const store::WatchEvent<store::Node> &event) {
        if (event.type != store::WatchEventType::Modified || !event.previous
            || schedulingRelevantChange(*event.previous, *event.object))
            retryUnschedulable();
    });
}

void Scheduler::enqueue(const std::string &podKey, SimTime timestamp)
{
    const auto pod = m_context.store.pods().get(podKey);
    if (!pod || !m_queue.add(podKey, store::podPriority(*pod), timestamp))
        return;
    if (m_popPending)
        return;
    // One pod per engine event, the highest priority first (scheduleOne's loop).
    m_popPending = true;
    m_context.engine.schedule(SimDuration(), [this] { scheduleNext(); });
}

void Scheduler::scheduleNext()
{
    m_popPending = false;
    const auto key = m_queue.pop();
    if (!key)
        return;
    scheduleOne(*key);
    if (!m_queue.empty() && !m_popPending) {
        m_popPending = true;
        m_context.engine.schedule(SimDuration(), [this] { scheduleNext(); });
    }
}

void Scheduler::retryUnschedulable()
{
    if (m_unschedulable.empty() || m_retryPending)
        return;
    m_retryPending = true;
    m_context.engine.schedule(SimDuration(), [this] {
        m_retryPending = false;
        const std::map<std::string, SimTime> pending = std::move(m_unschedulable);
        m_unschedulable.clear();
        m_waitingForPods.clear();
        for (const auto &[key, failedAt] : pending)
            enqueue(key, failedAt);
    });
}

void Scheduler::retryWaitingForPods()
{
    if (m_waitingForPods.empty())
        return;
    for (const std::string &key : m_waitingForPods) {
        const auto it = m_unschedulable.find(key);
        if (it == m_unschedulable.end())
            continue;
        const SimTime failedAt = it->second;
        m_unschedulable.erase(it);
        enqueue(key, failedAt);
    }
    m_waitingForPods.clear();
}

void Scheduler::scheduleOne(const std::string &podKey)
{
    const auto pod = m_context.store.pods().get(podKey);
    if (!pod || !isUnscheduled(*pod))
        return;
    const SimTime now = m_context.engine.now();
    const SchedulerSnapshot snapshot = SchedulerSnapshot::take(m_context.store);
    const PodInfo podInfo(pod);
    SchedulingDecision decision = findNodeForPod(podInfo, snapshot, m_context.store, m_rng);
    decision.time = now;
    if (decision.chosenNode.empty()) {
        FailedSchedulingMessage failure(snapshot.nodes.size());
        for (const NodeRejection &r : decision.rejected)
            failure.addNodeResult(r.result);
        std::optional<PreemptionCandidate> preemption;
        bool overrideNomination = false;
        if (snapshot.nodes.empty()) {
            failure.setPreFilterMessage(std::string(message::NoNodesAvailable));
        } else {
            // PostFilter: DefaultPreemption. On success the message has no PostFilter part.
            const DefaultPreemption evaluator(snapshot, m_context.store.podDisruptionBudgets().list(), now);
            PreemptionResult result = evaluator.preempt(podInfo, decision.rejected, m_rng);
            failure.addPostFilterMessage(result.message);
            preemption = std::move(result.candidate);
            overrideNomination = result.overrideNomination;
        }
        if (preemption) {
            preparePreemption(m_context, *pod, *preemption);
            decision.nominatedNode = preemption->node;
            for (const auto &victim : preemption->victims)
                decision.victims.push_back(victim->meta.key());
        }
        decision.message = truncateEventMessage(failure.toString());
        m_context.store.pods().patch(podKey, [&](store::Pod &p) {
            setScheduledCondition(p, "False", "Unschedulable", decision.message, now);
            if (overrideNomination)
                p.status.nominatedNodeName = preemption ? preemption->node : std::string();
        });
        m_context.events.record("Warning", "FailedScheduling", "Pod", pod->meta.namespaceName,
                                pod->meta.name, decision.message);
        m_unschedulable[podKey] = now;
        for (const NodeRejection &r : decision.rejected)
            if (r.result.plugin == plugin::InterPodAffinity || r.result.plugin == plugin::PodTopologySpread) {
                m_waitingForPods.insert(podKey);
                break;
            }
        if (m_observer)
            m_observer(decision);
        return;
    }
    const std::string nodeName = decision.chosenNode;
    m_context.store.pods().patch(podKey, [&](store::Pod &p) {
        p.spec.nodeName = nodeName;
        p.spec.full.set("nodeName", api::Value::string(nodeName));
        setScheduledCondition(p, "True", "", "", now);
    }, true);
    m_context.events.record("Normal", "Scheduled", "Pod", pod->meta.namespaceName, pod->meta.name,
                            "Successfully assigned " + podKey + " to " + nodeName);
    if (m_observer)
        m_observer(decision);
}

} // namespace emu::sched
