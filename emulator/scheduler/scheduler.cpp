// SPDX-License-Identifier: Apache-2.0
#include "scheduler.h"

#include "failed_scheduling_message.h"
#include "default_spread_selector.h"
#include "filters.h"
#include "inter_pod_affinity.h"
#include "namespace_labels.h"
#include "node_info.h"
#include "pod_info.h"
#include "pod_topology_spread.h"
#include "scores.h"

#include <algorithm>
#include <map>

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
            enqueue(key);
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

void Scheduler::enqueue(const std::string &podKey)
{
    if (!m_queued.insert(podKey).second)
        return;
    m_context.engine.schedule(SimDuration(), [this, podKey] {
        m_queued.erase(podKey);
        scheduleOne(podKey);
    });
}

void Scheduler::retryUnschedulable()
{
    if (m_unschedulable.empty() || m_retryPending)
        return;
    m_retryPending = true;
    m_context.engine.schedule(SimDuration(), [this] {
        m_retryPending = false;
        const std::set<std::string> pending = std::move(m_unschedulable);
        m_unschedulable.clear();
        m_waitingForPods.clear();
        for (const std::string &key : pending)
            enqueue(key);
    });
}

void Scheduler::retryWaitingForPods()
{
    if (m_waitingForPods.empty())
        return;
    for (const std::string &key : m_waitingForPods) {
        m_unschedulable.erase(key);
        enqueue(key);
    }
    m_waitingForPods.clear();
}

void Scheduler::scheduleOne(const std::string &podKey)
{
    const auto pod = m_context.store.pods().get(podKey);
    if (!pod || !isUnscheduled(*pod))
        return;
    const SimTime now = m_context.engine.now();
    // The scheduler's snapshot: every node with the pods bound to it.
    std::map<std::string, NodeInfo> infos;
    for (const auto &node : m_context.store.nodes().list())
        infos.emplace(node->meta.name, NodeInfo(node));
    for (const auto &bound : m_context.store.pods().list()) {
        const auto it = infos.find(bound->spec.nodeName);
        if (it != infos.end() && bound->status.phase != "Succeeded" && bound->status.phase != "Failed")
            it->second.addPod(bound);
    }
    const PodInfo podInfo(pod);
    std::vector<const NodeInfo *> allNodes;
    allNodes.reserve(infos.size());
    for (const auto &[name, info] : infos)
        allNodes.push_back(&info);
    const NamespaceLabels namespaces(&m_context.store);
    PodTopologySpread topologySpread(podInfo, allNodes,
                                     [&] { return defaultSpreadSelector(*pod, m_context.store); });
    const InterPodAffinity interPodAffinity(podInfo, allNodes, namespaces);
    bool waitsForPods = false;
    std::vector<const NodeInfo *> feasible;
    FailedSchedulingMessage failure(infos.size());
    std::vector<std::string> preemptionReasons;
    for (const auto &[name, info] : infos) {
        FilterResult result = runFilters(podInfo, info);
        if (result.ok)
            result = topologySpread.filter(info);
        if (result.ok)
            result = interPodAffinity.filter(info);
        if (result.ok) {
            feasible.push_back(&info);
            continue;
        }
        failure.addNodeResult(result);
        waitsForPods = waitsForPods || result.plugin == plugin::InterPodAffinity
                       || result.plugin == plugin::PodTopologySpread;
        preemptionReasons.push_back(std::string(result.code == FilterResult::Code::UnschedulableAndUnresolvable
                                                    ? message::PreemptionNotHelpful
                                                    : message::NoPreemptionVictims));
    }
    if (feasible.empty()) {
        if (infos.empty())
            failure.setPreFilterMessage(std::string(message::NoNodesAvailable));
        else
            failure.addPostFilterMessage(preemptionMessage(infos.size(), preemptionReasons));
        const std::string text = truncateEventMessage(failure.toString());
        m_context.store.pods().patch(podKey, [&](store::Pod &p) {
            setScheduledCondition(p, "False", "Unschedulable", text, now);
        });
        m_context.events.record("Warning", "FailedScheduling", "Pod", pod->meta.namespaceName,
                                pod->meta.name, text);
        m_unschedulable.insert(podKey);
        if (waitsForPods)
            m_waitingForPods.insert(podKey);
        return;
    }
    // Score: the default plugins' weighted sum; TaintToleration, NodeAffinity,
    // PodTopologySpread and InterPodAffinity normalised over the feasible nodes.
    topologySpread.preScore(feasible);
    std::vector<std::int64_t> taint;
    std::vector<std::int64_t> affinity;
    std::vector<std::int64_t> spread;
    std::vector<std::int64_t> podAffinity;
    for (const NodeInfo *info : feasible) {
        taint.push_back(taintTolerationRawScore(podInfo, *info));
        affinity.push_back(nodeAffinityRawScore(podInfo, *info));
        spread.push_back(topologySpread.rawScore(*info));
        podAffinity.push_back(interPodAffinity.rawScore(*info));
    }
    normalizeScores(taint, true);
    normalizeScores(affinity, false);
    topologySpread.normalize(feasible, spread);
    normalizeInterPodAffinityScores(podAffinity);
    std::int64_t best = -1;
    std::vector<const NodeInfo *> winners;
    for (std::size_t i = 0; i < feasible.size(); ++i) {
        const std::int64_t score = weight::NodeResourcesFit * leastAllocatedScore(podInfo, *feasible[i])
                                   + weight::NodeResourcesBalancedAllocation
                                         * balancedAllocationScore(podInfo, *feasible[i])
                                   + weight::TaintToleration * taint[i] + weight::NodeAffinity * affinity[i]
                                   + weight::PodTopologySpread * spread[i]
                                   + weight::InterPodAffinity * podAffinity[i];
        if (score > best) {
            best = score;
            winners.clear();
        }
        if (score == best)
            winners.push_back(feasible[i]);
    }
    // Ties are broken at random (upstream selectHost's reservoir sampling), from the seed.
    const NodeInfo *chosen = winners[static_cast<std::size_t>(
        m_rng.uniformInt(0, static_cast<std::int64_t>(winners.size()) - 1))];
    const std::string nodeName = chosen->node()->meta.name;
    m_context.store.pods().patch(podKey, [&](store::Pod &p) {
        p.spec.nodeName = nodeName;
        p.spec.full.set("nodeName", api::Value::string(nodeName));
        setScheduledCondition(p, "True", "", "", now);
    }, true);
    m_context.events.record("Normal", "Scheduled", "Pod", pod->meta.namespaceName, pod->meta.name,
                            "Successfully assigned " + podKey + " to " + nodeName);
}

} // namespace emu::sched
