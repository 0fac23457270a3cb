// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "condition_status.h"
#include "node_health.h"
#include "rate_limited_timed_queue.h"
#include "zone_state.h"

#include "emulator/sim/sim_context.h"

#include <map>
#include <set>
#include <unordered_map>
#include <string>
#include <vector>

namespace emu::ctrl {

/// kube-controller-manager's node-lifecycle-controller (pkg/controller/nodelifecycle), in
/// simulated time: monitors node health every nodeMonitorPeriod from the Node and its Lease,
/// marks stale nodes Unknown, keeps the NoSchedule condition taints in step with the
/// conditions, adds NoExecute not-ready/unreachable taints through a rate-limited queue per
/// zone, and tracks zone disruption states. Engine thread only.
class NodeLifecycleController
{
public:
    struct ZoneView
    {
        std::string key;  ///< upstream zone key (region + ":\0:" + zone)
        std::string name; ///< display name (the zone label, "" for no zone)
        ZoneState state = ZoneState::Initial;
        double evictionRate = 0; ///< the zone limiter's current QPS
        std::uint64_t evictions = 0; ///< NoExecute taints added (evictions_total)
        std::size_t size = 0;
    };

    explicit NodeLifecycleController(sim::SimContext &context);

    /// Starts the monitor loop (first pass now), the 100 ms tainting pass and the node watch.
    void start();

    std::vector<ZoneView> zones() const;
    ZoneState zoneState(const std::string &zoneKey) const;

private:
    struct Zone
    {
        explicit Zone(double qps) : queue(qps) {}
        ZoneState state = ZoneState::Initial;
        bool stateKnown = false; ///< present in upstream's zoneStates map
        RateLimitedTimedQueue queue;
        std::uint64_t evictions = 0;
        std::size_t size = 0;
    };
    struct HealthResult
    {
        ConditionStatus observedReady = ConditionStatus::Missing;
        ConditionStatus currentReady = ConditionStatus::Missing;
        const NodeHealth *record = nullptr;
    };

    void monitorNodeHealth();
    HealthResult tryUpdateNodeHealth(const store::Node &listed);
    void processTaintBaseEviction(const store::Node &node, ConditionStatus observedReady);
    bool markNodeForTainting(const store::Node &node, ConditionStatus status);
    void markNodeAsReachable(const store::Node &node);
    void markPodsNotReady(const std::string &nodeName);
    void handleDisruption(const std::map<std::string, std::vector<ConditionStatus>> &conditions,
                          const std::vector<std::shared_ptr<const store::Node>> &nodes);
    void setLimiterInZone(const std::string &zone, std::size_t zoneSize, ZoneState state);
    void setZoneState(const std::string &zone, ZoneState state);
    void doNoExecuteTaintingPass();
    void doNoScheduleTaintingPass(const std::string &nodeName);
    bool swapTaints(const store::Node &node, const std::vector<store::NodeTaint> &add,
                    const std::vector<store::NodeTaint> &remove);
    Zone &zoneFor(const std::string &key);

    sim::SimContext &m_context;
    std::unordered_map<std::string, NodeHealth> m_health;
    std::unordered_map<std::string, std::uint64_t> m_knownNodes; ///< name -> last pass seen
    std::uint64_t m_pass = 0;
    std::map<std::string, Zone> m_zones;
    std::set<std::string> m_noSchedulePending;
};

} // namespace emu::ctrl
