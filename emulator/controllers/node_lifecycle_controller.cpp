// SPDX-License-Identifier: Apache-2.0
#include "node_lifecycle_controller.h"

#include "node_taints.h"
#include "zone_key.h"

#include <algorithm>

namespace emu::ctrl {

namespace {

// NodeEvictionPeriod: how often the NoExecute tainting queue is tried.
constexpr SimDuration noExecuteTaintingPeriod = SimDuration::milliseconds(100);

ConditionStatus readyStatus(const store::Node &node)
{
    const store::NodeCondition *ready = node.condition("Ready");
    if (!ready)
        return ConditionStatus::Missing;
    return parseConditionStatus(ready->status).value_or(ConditionStatus::Unknown);
}

ConditionStatus conditionOf(const store::Node &node, std::string_view type)
{
    const store::NodeCondition *c = node.condition(type);
    return c ? parseConditionStatus(c->status).value_or(ConditionStatus::Unknown)
             : ConditionStatus::Missing;
}

store::NodeTaint taint(std::string_view key, std::string_view effect)
{
    return {std::string(key), {}, std::string(effect), std::nullopt};
}

bool sameTimes(const store::NodeCondition &a, const store::NodeCondition &b)
{
    return a.lastHeartbeatTime == b.lastHeartbeatTime;
}

} // namespace

NodeLifecycleController::NodeLifecycleController(sim::SimContext &context)
    : m_context(context)
{}

void NodeLifecycleController::start()
{
    // The NoSchedule pass runs on every Node add/update event, deduplicated by name as a
    // work queue does.
    m_context.store.nodes().watch([this](const store::WatchEvent<store::Node> &event) {
        if (event.type == store::WatchEventType::Deleted)
            return;
        const std::string name = event.object->meta.name;
        if (!m_noSchedulePending.insert(name).second)
            return;
        m_context.engine.schedule(SimDuration(), [this, name] {
            m_noSchedulePending.erase(name);
            doNoScheduleTaintingPass(name);
        });
    });
    trackInformers();
    const SimDuration period = SimDuration::milliseconds(m_context.cluster.controllerManager.nodeMonitorPeriodMs);
    // wait.Until: run now, then every period.
    struct Loop
    {
        static void monitorAt(NodeLifecycleController *self, SimDuration p)
        {
            self->monitorNodeHealth();
            self->m_context.engine.schedule(p, [self, p] { monitorAt(self, p); });
        }
        static void taintAt(NodeLifecycleController *self)
        {
            self->doNoExecuteTaintingPass();
            self->m_context.engine.schedule(noExecuteTaintingPeriod, [self] { taintAt(self); });
        }
    };
    Loop::monitorAt(this, period);
    m_context.engine.schedule(noExecuteTaintingPeriod, [this] { Loop::taintAt(this); });
}

NodeLifecycleController::Zone &NodeLifecycleController::zoneFor(const std::string &key)
{
    auto it = m_zones.find(key);
    if (it == m_zones.end())
        it = m_zones.emplace(key, Zone(m_context.cluster.controllerManager.nodeEvictionRate)).first;
    return it->second;
}

NodeLifecycleController::HealthResult
NodeLifecycleController::tryUpdateNodeHealth(const store::Node &listed)
{
    const SimTime now = m_context.engine.now();
    const auto &cm = m_context.cluster.controllerManager;
    HealthResult result;
    // Read from the listed (immutable) node; it is copied only when it must be written, which
    // keeps a pass over thousands of healthy nodes cheap.
    const store::NodeCondition *current = listed.condition("Ready");
    SimDuration &gracePeriod = result.gracePeriod;
    auto found = m_health.find(listed.meta.name);
    if (!current) {
        // Never posted status: judged from creation with the startup grace period.
        result.observedReady = ConditionStatus::Unknown;
        gracePeriod = SimDuration::milliseconds(cm.nodeStartupGracePeriodMs);
        if (found == m_health.end()) {
            found = m_health.emplace(listed.meta.name, NodeHealth{}).first;
            found->second.probeTimestamp = listed.meta.creationTimestamp;
            found->second.readyTransitionTimestamp = listed.meta.creationTimestamp;
        }
        found->second.savedHasStatus = true;
        found->second.savedReady.reset();
    } else {
        result.observedReady = parseConditionStatus(current->status).value_or(ConditionStatus::Unknown);
        gracePeriod = SimDuration::milliseconds(cm.nodeMonitorGracePeriodMs);
        if (found == m_health.end()) {
            found = m_health.emplace(listed.meta.name, NodeHealth{now, now, *current, true, std::nullopt, 0, {}, false}).first;
        } else if (!found->second.savedReady) {
            found->second = NodeHealth{now, now, *current, true, found->second.leaseRenewTime, 0, {}, false};
        } else if (!sameTimes(*found->second.savedReady, *current)) {
            const bool transitioned = found->second.savedReady->lastTransitionTime != current->lastTransitionTime;
            found->second.probeTimestamp = now;
            if (transitioned)
                found->second.readyTransitionTimestamp = now;
            found->second.savedReady = *current;
        }
    }
    NodeHealth &health = found->second;
    if (health.labelsRevision != listed.meta.resourceVersion || health.zoneKey.empty()) {
        health.labelsRevision = listed.meta.resourceVersion;
        health.zoneKey = zoneKey(listed.meta.labels);
        health.excludedFromDisruption = listed.meta.labels.count(std::string(kLabelNodeExcludeDisruption)) > 0;
    }
    // A renewed Lease is proof of life too (a kubelet may renew without posting status). As
    // upstream, the Lease is read from the informer's cache, i.e. as its watch delivered it.
    const auto tracked = m_tracked.find(listed.meta.name);
    if (tracked != m_tracked.end()) {
        const std::optional<SimTime> &renewTime = tracked->second.leaseRenewTime;
        if (renewTime && (!health.leaseRenewTime || *health.leaseRenewTime < *renewTime)) {
            health.leaseRenewTime = renewTime;
            health.probeTimestamp = now;
        }
    }
    result.currentReady = readyStatus(listed);
    result.record = &health;
    if (now > health.probeTimestamp + gracePeriod) {
        // Stale: Ready and the pressure conditions become Unknown (never NetworkUnavailable).
        // A node already marked so stays as it is (no copy: it stays stale for many passes).
        bool alreadyUnknown = true;
        for (const char *type : {"Ready", "MemoryPressure", "DiskPressure", "PIDPressure"}) {
            const store::NodeCondition *c = listed.condition(type);
            alreadyUnknown = alreadyUnknown && c && c->status == "Unknown";
        }
        if (alreadyUnknown)
            return result;
        store::Node node = listed;
        for (const char *type : {"Ready", "MemoryPressure", "DiskPressure", "PIDPressure"}) {
            store::NodeCondition *c = node.condition(type);
            if (!c) {
                node.status.conditions.push_back({type, "Unknown", "NodeStatusNeverUpdated",
                                                  "Kubelet never posted node status.",
                                                  node.meta.creationTimestamp, now});
            } else if (c->status != "Unknown") {
                c->status = "Unknown";
                c->reason = "NodeStatusUnknown";
                c->message = "Kubelet stopped posting node status.";
                c->lastTransitionTime = now;
            }
        }
        const store::NodeCondition *updated = node.condition("Ready");
        const bool readyChanged = !current || updated->status != current->status
                                  || updated->reason != current->reason
                                  || updated->lastTransitionTime != current->lastTransitionTime;
        result.currentReady = readyStatus(node);
        if (readyChanged) {
            node.meta.resourceVersion = 0;
            if (m_context.store.nodes().update(node).ok()) {
                health.savedReady = *updated;
                health.readyTransitionTimestamp = now;
            }
        }
    }
    return result;
}

// controllerutil.MarkPodsNotReady: the pods' Ready condition goes False at once, so they
// leave Service endpoints long before any eviction.
void NodeLifecycleController::markPodsNotReady(const std::string &nodeName)
{
    const SimTime now = m_context.engine.now();
    for (const auto &pod : m_context.store.pods().list()) {
        if (pod->spec.nodeName != nodeName)
            continue;
        const store::Pod::Condition *ready = pod->condition("Ready");
        if (!ready || ready->status == "False")
            continue;
        m_context.store.pods().patch(pod->meta.key(), [&](store::Pod &p) {
            for (store::Pod::Condition &c : p.status.conditions)
                if (c.type == "Ready") {
                    c.status = "False";
                    c.lastTransitionTime = now;
                }
        });
        m_context.events.record("Warning", "NodeNotReady", "Pod", pod->meta.namespaceName,
                                pod->meta.name, "Node is not ready");
    }
}

void NodeLifecycleController::processTaintBaseEviction(const store::Node &node, ConditionStatus observedReady)
{
    const store::NodeTaint notReady = taint(kTaintNodeNotReady, kEffectNoExecute);
    const store::NodeTaint unreachable = taint(kTaintNodeUnreachable, kEffectNoExecute);
    switch (observedReady) {
    case ConditionStatus::False:
        // Swapping unreachable for not-ready is immediate, not rate limited.
        if (node.hasTaint(kTaintNodeUnreachable, kEffectNoExecute))
            swapTaints(node, {notReady}, {unreachable});
        else
            markNodeForTainting(node, ConditionStatus::False);
        break;
    case ConditionStatus::Unknown:
        if (node.hasTaint(kTaintNodeNotReady, kEffectNoExecute))
            swapTaints(node, {unreachable}, {notReady});
        else
            markNodeForTainting(node, ConditionStatus::Unknown);
        break;
    case ConditionStatus::True:
        markNodeAsReachable(node);
        break;
    case ConditionStatus::Missing:
        break;
    }
}

bool NodeLifecycleController::markNodeForTainting(const store::Node &node, ConditionStatus status)
{
    Zone &zone = zoneFor(zoneKey(node.meta.labels));
    const std::string_view key = status == ConditionStatus::False ? kTaintNodeNotReady : kTaintNodeUnreachable;
    // Upstream re-queues (Remove, then Add) until the node carries the matching taint.
    if (!node.hasTaint(key, kEffectNoExecute))
        zone.queue.remove(node.meta.name);
    return zone.queue.add(node.meta.name, node.meta.uid, m_context.engine.now());
}

void NodeLifecycleController::markNodeAsReachable(const store::Node &node)
{
    const bool tainted = node.hasTaint(kTaintNodeUnreachable, kEffectNoExecute)
                         || node.hasTaint(kTaintNodeNotReady, kEffectNoExecute);
    const auto health = m_health.find(node.meta.name);
    Zone &zone = zoneFor(health != m_health.end() && health->second.labelsRevision == node.meta.resourceVersion
                             ? health->second.zoneKey
                             : zoneKey(node.meta.labels));
    // The common case, a healthy node: nothing to remove, nothing queued.
    if (!tainted && !zone.queue.contains(node.meta.name))
        return;
    std::vector<store::NodeTaint> remove;
    for (std::string_view key : {kTaintNodeUnreachable, kTaintNodeNotReady})
        if (node.hasTaint(key, kEffectNoExecute))
            remove.push_back(taint(key, kEffectNoExecute));
    if (!remove.empty())
        swapTaints(node, {}, remove);
    zone.queue.remove(node.meta.name);
}

bool NodeLifecycleController::swapTaints(const store::Node &node, const std::vector<store::NodeTaint> &add,
                                         const std::vector<store::NodeTaint> &remove)
{
    std::shared_ptr<const store::Node> latest = m_context.store.nodes().get(node.meta.name);
    if (!latest)
        return false;
    store::Node updated = *latest;
    auto &taints = updated.spec.taints;
    bool changed = false;
    for (const store::NodeTaint &r : remove) {
        const auto it = std::remove_if(taints.begin(), taints.end(),
                                       [&](const store::NodeTaint &t) { return t.sameTaint(r); });
        changed |= it != taints.end();
        taints.erase(it, taints.end());
    }
    for (store::NodeTaint a : add) {
        if (std::any_of(taints.begin(), taints.end(), [&](const store::NodeTaint &t) { return t.sameTaint(a); }))
            continue;
        a.timeAdded = m_context.engine.now(); // SwapNodeControllerTaint stamps TimeAdded
        taints.push_back(std::move(a));
        changed = true;
    }
    if (!changed)
        return true;
    updated.meta.resourceVersion = 0;
    return m_context.store.nodes().update(std::move(updated), true).ok();
}

void NodeLifecycleController::doNoExecuteTaintingPass()
{
    const SimTime now = m_context.engine.now();
    for (auto &[key, zone] : m_zones) {
        zone.queue.tryProcess(now, [&](const RateLimitedTimedQueue::Item &item) -> std::pair<bool, SimDuration> {
            std::shared_ptr<const store::Node> node = m_context.store.nodes().get(item.value);
            if (!node)
                return {true, SimDuration()};
            const ConditionStatus ready = readyStatus(*node);
            std::string_view add;
            std::string_view opposite;
            if (ready == ConditionStatus::False) {
                add = kTaintNodeNotReady;
                opposite = kTaintNodeUnreachable;
            } else if (ready == ConditionStatus::Unknown) {
                add = kTaintNodeUnreachable;
                opposite = kTaintNodeNotReady;
            } else {
                return {true, SimDuration()}; // ready again: nothing to taint
            }
            const bool ok = swapTaints(*node, {taint(add, kEffectNoExecute)}, {taint(opposite, kEffectNoExecute)});
            if (ok)
                ++zoneFor(zoneKey(node->meta.labels)).evictions;
            return {ok, SimDuration()};
        });
    }
}

void NodeLifecycleController::doNoScheduleTaintingPass(const std::string &nodeName)
{
    std::shared_ptr<const store::Node> node = m_context.store.nodes().get(nodeName);
    if (!node)
        return;
    std::vector<store::NodeTaint> desired;
    for (const auto &[key, effect] : desiredNoScheduleTaints(
             readyStatus(*node), conditionOf(*node, "MemoryPressure"), conditionOf(*node, "DiskPressure"),
             conditionOf(*node, "PIDPressure"), conditionOf(*node, "NetworkUnavailable"), node->spec.unschedulable))
        desired.push_back(taint(key, effect));
    std::vector<store::NodeTaint> add;
    std::vector<store::NodeTaint> remove;
    for (const store::NodeTaint &d : desired)
        if (!node->hasTaint(d.key, d.effect))
            add.push_back(d);
    for (const store::NodeTaint &t : node->spec.taints) {
        if (!isManagedNoScheduleTaint(t.key, t.effect))
            continue;
        if (std::none_of(desired.begin(), desired.end(), [&](const store::NodeTaint &d) { return d.sameTaint(t); }))
            remove.push_back(t);
    }
    if (!add.empty() || !remove.empty())
        swapTaints(*node, add, remove);
}

} // namespace emu::ctrl
