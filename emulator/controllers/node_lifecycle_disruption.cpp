// SPDX-License-Identifier: Apache-2.0
// The zone-disruption half of the node lifecycle controller: handleDisruption and the
// per-zone eviction limiters (pkg/controller/nodelifecycle/node_lifecycle_controller.go).
#include "node_lifecycle_controller.h"

#include "zone_key.h"

namespace emu::ctrl {

void NodeLifecycleController::setZoneState(const std::string &key, ZoneState state)
{
    Zone &zone = zoneFor(key);
    const ZoneState from = zone.state;
    const bool wasKnown = zone.stateKnown;
    zone.state = state;
    zone.stateKnown = true;
    if (wasKnown && from == state)
        return;
    api::Value details = api::Value::mapping();
    details.set("zone", api::Value::string(zoneDisplayName(key)));
    details.set("from", api::Value::string(wasKnown ? std::string(zoneStateName(from)) : "Initial"));
    details.set("to", api::Value::string(std::string(zoneStateName(state))));
    if (wasKnown || state != ZoneState::Initial)
        m_context.events.record("Normal", "ZoneStateChanged", "Zone", "", zoneDisplayName(key),
                                "Zone \"" + zoneDisplayName(key) + "\" is now in state "
                                    + std::string(zoneStateName(state)),
                                std::move(details));
}

void NodeLifecycleController::setLimiterInZone(const std::string &key, std::size_t zoneSize, ZoneState state)
{
    const auto &cm = m_context.cluster.controllerManager;
    if (state == ZoneState::Initial)
        return; // upstream's switch has no case for it: the limiter stays as created
    const double qps = evictionRateFor(state, static_cast<int>(zoneSize), cm.nodeEvictionRate,
                                       cm.secondaryNodeEvictionRate,
                                       static_cast<int>(cm.largeClusterSizeThreshold));
    zoneFor(key).queue.swapLimiter(qps, m_context.engine.now());
}

void NodeLifecycleController::handleDisruption(const std::map<std::string, ZoneCount> &conditions)
{
    const double threshold = m_context.cluster.controllerManager.unhealthyZoneThreshold;
    std::map<std::string, ZoneState> newStates;
    bool allAreFullyDisrupted = true;
    for (const auto &[key, count] : conditions) {
        const ZoneState state = zoneStateFromCounts(count.ready, count.notReady, threshold);
        if (state != ZoneState::FullDisruption)
            allAreFullyDisrupted = false;
        newStates[key] = state;
        Zone &zone = zoneFor(key);
        zone.size = count.size();
        if (!zone.stateKnown) {
            zone.state = ZoneState::Initial; // "Setting initial state for unseen zone"
            zone.stateKnown = true;
        }
    }
    bool allWasFullyDisrupted = true;
    for (auto &[key, zone] : m_zones) {
        if (!zone.stateKnown)
            continue;
        if (!conditions.count(key)) {
            zone.stateKnown = false; // the zone has no nodes any more: forgotten
            zone.size = 0;
            continue;
        }
        if (zone.state != ZoneState::FullDisruption) {
            allWasFullyDisrupted = false;
            break;
        }
    }
    if (allAreFullyDisrupted && allWasFullyDisrupted)
        return; // evictions stay stopped
    if (allAreFullyDisrupted) {
        // "Controller detected that all Nodes are not-Ready. Entering master disruption mode":
        // a control-plane or network problem is likelier than every node dying, so undo the
        // NoExecute taints and stop all evictions.
        for (const auto &node : m_context.store.nodes().list())
            if (auto latest = m_context.store.nodes().get(node->meta.name))
                markNodeAsReachable(*latest);
        for (auto &[key, zone] : m_zones) {
            if (!zone.stateKnown)
                continue;
            zone.queue.swapLimiter(0, m_context.engine.now());
        }
        for (auto &[key, zone] : m_zones)
            if (zone.stateKnown)
                setZoneState(key, ZoneState::FullDisruption);
        return;
    }
    if (allWasFullyDisrupted) {
        // Exiting master disruption mode: every node gets a fresh grace period.
        const SimTime now = m_context.engine.now();
        const SimDuration grace = SimDuration::milliseconds(m_context.cluster.controllerManager.nodeMonitorGracePeriodMs);
        for (const auto &node : m_context.store.nodes().list()) {
            NodeHealth &health = m_health[node->meta.name];
            health.probeTimestamp = now;
            health.readyTransitionTimestamp = now;
            const auto tracked = m_tracked.find(node->meta.name);
            if (tracked != m_tracked.end())
                scheduleDeadline(node->meta.name, tracked->second, now + grace);
        }
        for (auto &[key, zone] : m_zones) {
            if (!zone.stateKnown)
                continue;
            setLimiterInZone(key, conditions.count(key) ? conditions.at(key).size() : 0, newStates[key]);
            setZoneState(key, newStates[key]);
        }
        return;
    }
    for (auto &[key, zone] : m_zones) {
        if (!zone.stateKnown || zone.state == newStates[key])
            continue;
        setLimiterInZone(key, conditions.at(key).size(), newStates[key]);
        setZoneState(key, newStates[key]);
    }
}

std::vector<NodeLifecycleController::ZoneView> NodeLifecycleController::zones() const
{
    std::vector<ZoneView> out;
    for (const auto &[key, zone] : m_zones)
        out.push_back({key, zoneDisplayName(key), zone.stateKnown ? zone.state : ZoneState::Initial,
                       zone.queue.currentQps(), zone.evictions, zone.size});
    return out;
}

ZoneState NodeLifecycleController::zoneState(const std::string &zoneKey) const
{
    const auto it = m_zones.find(zoneKey);
    return it == m_zones.end() || !it->second.stateKnown ? ZoneState::Initial : it->second.state;
}

} // namespace emu::ctrl
