// SPDX-License-Identifier: Apache-2.0
// monitorNodeHealth (pkg/controller/nodelifecycle/node_lifecycle_controller.go), driven by
// the node and lease informers so that a pass costs what changed, not the cluster size.
//
// Upstream's pass visits every node every nodeMonitorPeriod. For a node that is Ready, has
// no NoExecute taint, is not queued for tainting and whose grace period has not run out, that
// visit changes nothing unless the Node or its Lease changed since the last pass (then only
// probeTimestamp moves to now). So a pass here looks at:
//  - the nodes whose Node or Lease the informers delivered since the last pass,
//  - the nodes whose probeTimestamp + grace period is now in the past (a min-heap),
//  - the nodes that are not quietly Ready (the attention set),
// in name order, as upstream's lister returns them; zones are counted incrementally.
#include "node_lifecycle_controller.h"

#include "node_taints.h"
#include "zone_key.h"

#include <algorithm>

namespace emu::ctrl {

namespace {

constexpr const char *kNodeLeaseNamespace = "kube-node-lease";

bool hasNoExecuteConditionTaint(const store::Node &node)
{
    return node.hasTaint(kTaintNodeUnreachable, kEffectNoExecute)
           || node.hasTaint(kTaintNodeNotReady, kEffectNoExecute);
}

} // namespace

void NodeLifecycleController::trackInformers()
{
    // WaitForCacheSync: the nodes and leases that exist now are in the first pass.
    for (const auto &node : m_context.store.nodes().list()) {
        TrackedNode &tracked = m_tracked[node->meta.name];
        tracked.present = true;
        m_added.push_back(node->meta.name);
        notePassWork(node->meta.name, tracked);
    }
    for (const auto &lease : m_context.store.leases().list()) {
        if (lease->meta.namespaceName != kNodeLeaseNamespace || !lease->renewTime)
            continue;
        m_tracked[lease->meta.name].leaseRenewTime = lease->renewTime;
    }
    m_context.store.nodes().watch(
        [this](const store::WatchEvent<store::Node> &event) {
            const std::string &name = event.object->meta.name;
            TrackedNode &tracked = m_tracked[name];
            if (event.type == store::WatchEventType::Deleted) {
                tracked.present = false;
                m_removed.push_back(name);
                return;
            }
            if (event.type == store::WatchEventType::Added)
                m_added.push_back(name);
            tracked.present = true;
            tracked.changed = true;
            notePassWork(name, tracked);
        },
        false);
    m_context.store.leases().watch(
        [this](const store::WatchEvent<store::Lease> &event) {
            const store::Lease &lease = *event.object;
            if (event.type == store::WatchEventType::Deleted || lease.meta.namespaceName != kNodeLeaseNamespace
                || !lease.renewTime)
                return;
            TrackedNode &tracked = m_tracked[lease.meta.name];
            if (tracked.leaseRenewTime && *lease.renewTime <= *tracked.leaseRenewTime)
                return;
            tracked.leaseRenewTime = lease.renewTime;
            tracked.leaseRenewed = true;
            notePassWork(lease.meta.name, tracked);
        },
        false);
}

void NodeLifecycleController::notePassWork(const std::string &name, TrackedNode &tracked)
{
    if (tracked.inPassList)
        return;
    tracked.inPassList = true;
    m_passList.push_back(name);
}

void NodeLifecycleController::scheduleDeadline(const std::string &name, TrackedNode &tracked, SimTime deadline)
{
    if (tracked.deadline == deadline && !m_deadlines.empty())
        return;
    tracked.deadline = deadline;
    m_deadlines.emplace(deadline, name);
}

void NodeLifecycleController::countInZone(TrackedNode &tracked, std::optional<std::string> zone, bool ready)
{
    if (tracked.countedZone == zone && tracked.countedReady == ready)
        return;
    if (tracked.countedZone) {
        ZoneCount &old = m_zoneCounts[*tracked.countedZone];
        (tracked.countedReady ? old.ready : old.notReady) -= 1;
        if (old.size() == 0)
            m_zoneCounts.erase(*tracked.countedZone);
    }
    if (zone) {
        ZoneCount &now = m_zoneCounts[*zone];
        (ready ? now.ready : now.notReady) += 1;
    }
    tracked.countedZone = std::move(zone);
    tracked.countedReady = ready;
}

void NodeLifecycleController::registerAddedNodes()
{
    std::sort(m_added.begin(), m_added.end());
    m_added.erase(std::unique(m_added.begin(), m_added.end()), m_added.end());
    for (const std::string &name : m_added) {
        TrackedNode &tracked = m_tracked[name];
        if (tracked.known || !tracked.present)
            continue;
        const auto node = m_context.store.nodes().get(name);
        if (!node)
            continue;
        // A node seen for the first time: event, zone tainter, and a clean slate.
        tracked.known = true;
        m_context.events.record("Normal", "RegisteredNode", "Node", "", name,
                                "Node " + name + " event: Registered Node " + name + " in Controller");
        zoneFor(zoneKey(node->meta.labels));
        markNodeAsReachable(*node);
    }
    m_added.clear();
}

void NodeLifecycleController::forgetDeletedNodes()
{
    std::sort(m_removed.begin(), m_removed.end()); // deterministic event order
    m_removed.erase(std::unique(m_removed.begin(), m_removed.end()), m_removed.end());
    for (const std::string &name : m_removed) {
        const auto it = m_tracked.find(name);
        if (it == m_tracked.end() || it->second.present || !it->second.known)
            continue;
        m_context.events.record("Normal", "RemovingNode", "Node", "", name,
                                "Node " + name + " event: Removing Node " + name + " from Controller");
        m_health.erase(name);
        for (auto &[key, zone] : m_zones)
            zone.queue.remove(name);
        countInZone(it->second, std::nullopt, false);
        m_attention.erase(name);
        // The lease informer's view stays: a node re-created under the same name keeps it.
        TrackedNode fresh;
        fresh.leaseRenewTime = it->second.leaseRenewTime;
        it->second = fresh;
    }
    m_removed.clear();
}

std::vector<std::string> NodeLifecycleController::takePassWork(SimTime now)
{
    // Nodes whose grace period ran out: upstream's `now > probeTimestamp + gracePeriod`.
    while (!m_deadlines.empty() && m_deadlines.top().first < now) {
        const Deadline due = m_deadlines.top();
        m_deadlines.pop();
        const auto it = m_tracked.find(due.second);
        if (it != m_tracked.end() && it->second.deadline == due.first) {
            it->second.changed = true; // judge it in full
            notePassWork(due.second, it->second);
        }
    }
    for (const std::string &name : m_attention)
        notePassWork(name, m_tracked[name]);
    std::vector<std::string> work;
    work.swap(m_passList);
    std::sort(work.begin(), work.end());
    return work;
}

void NodeLifecycleController::monitorNodeHealth()
{
    const SimTime now = m_context.engine.now();
    registerAddedNodes();
    forgetDeletedNodes();
    for (const std::string &name : takePassWork(now)) {
        TrackedNode &tracked = m_tracked[name];
        tracked.inPassList = false;
        if (!tracked.present || !tracked.known)
            continue;
        if (!tracked.changed && !tracked.attention) {
            // Quietly Ready, only its Lease renewed: upstream's pass would only move
            // probeTimestamp to now.
            tracked.leaseRenewed = false;
            NodeHealth &health = m_health[name];
            const std::optional<SimTime> &renewTime = tracked.leaseRenewTime;
            if (renewTime && (!health.leaseRenewTime || *health.leaseRenewTime < *renewTime)) {
                health.leaseRenewTime = renewTime;
                health.probeTimestamp = now;
                scheduleDeadline(name, tracked, now + SimDuration::milliseconds(
                                                    m_context.cluster.controllerManager.nodeMonitorGracePeriodMs));
            }
            continue;
        }
        judgeNode(name, tracked);
    }
    handleDisruption(m_zoneCounts);
}

void NodeLifecycleController::judgeNode(const std::string &name, TrackedNode &tracked)
{
    tracked.changed = false;
    tracked.leaseRenewed = false;
    const auto node = m_context.store.nodes().get(name);
    if (!node)
        return;
    const HealthResult health = tryUpdateNodeHealth(*node);
    countInZone(tracked, health.record->excludedFromDisruption ? std::nullopt
                                                               : std::optional<std::string>(health.record->zoneKey),
                health.currentReady == ConditionStatus::True);
    scheduleDeadline(name, tracked, health.record->probeTimestamp + health.gracePeriod);
    if (health.currentReady != ConditionStatus::Missing) {
        processTaintBaseEviction(*node, health.observedReady);
        if (health.currentReady != ConditionStatus::True && health.observedReady == ConditionStatus::True) {
            // Reported once, when the controller itself saw the node turn not ready.
            m_context.events.record("Normal", "NodeNotReady", "Node", "", name,
                                    "Node " + name + " status is now: NodeNotReady");
            markPodsNotReady(name);
        }
    }
    const auto zone = m_zones.find(health.record->zoneKey);
    const bool queued = zone != m_zones.end() && zone->second.queue.contains(name);
    const bool quiet = health.currentReady == ConditionStatus::True && health.observedReady == ConditionStatus::True
                       && health.record->savedReady && !hasNoExecuteConditionTaint(*node) && !queued;
    tracked.attention = !quiet;
    if (quiet)
        m_attention.erase(name);
    else
        m_attention.insert(name);
}

} // namespace emu::ctrl
