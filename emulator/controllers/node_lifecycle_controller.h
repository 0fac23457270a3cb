// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "condition_status.h"
#include "node_health.h"
#include "rate_limited_timed_queue.h"
#include "zone_state.h"

#include "emulator/sim/sim_context.h"

#include <map>
#include <optional>
#include <queue>
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
        SimDuration gracePeriod;
    };

    /// Ready and not-ready node counts of a zone (what computeZoneState needs).
    struct ZoneCount
    {
        int ready = 0;
        int notReady = 0;
        std::size_t size() const { return static_cast<std::size_t>(ready + notReady); }
    };

    /// What the monitor knows of a node between passes, from its informers (the node and
    /// lease watches). A pass looks only at the nodes that changed, whose grace period ran
    /// out, or that are not quietly Ready; for all others upstream's pass would change
    /// nothing, so skipping them keeps the result exactly upstream's at a fraction of the
    /// cost for thousands of nodes.
    struct TrackedNode
    {
        bool present = false;      ///< the Node exists (the informer's view)
        bool known = false;        ///< RegisteredNode reported (upstream knownNodeSet)
        bool changed = true;       ///< the Node was added or modified since the last pass
        bool leaseRenewed = false; ///< its Lease was renewed since the last pass
        bool inPassList = false;
        bool attention = true;     ///< not quietly Ready: looked at in every pass
        std::optional<SimTime> leaseRenewTime; ///< the newest renewTime the lease informer saw
        std::optional<std::string> countedZone; ///< the zone it is counted in (not excluded)
        bool countedReady = false;
        SimTime deadline;          ///< probeTimestamp + grace period when last judged
    };
    using Deadline = std::pair<SimTime, std::string>;

    void monitorNodeHealth();
    void trackInformers();
    void notePassWork(const std::string &name, TrackedNode &tracked);
    void registerAddedNodes();
    void forgetDeletedNodes();
    std::vector<std::string> takePassWork(SimTime now);
    void judgeNode(const std::string &name, TrackedNode &tracked);
    void countInZone(TrackedNode &tracked, std::optional<std::string> zone, bool ready);
    void scheduleDeadline(const std::string &name, TrackedNode &tracked, SimTime deadline);
    HealthResult tryUpdateNodeHealth(const store::Node &listed);
    void processTaintBaseEviction(const store::Node &node, ConditionStatus observedReady);
    bool markNodeForTainting(const store::Node &node, ConditionStatus status);
    void markNodeAsReachable(const store::Node &node);
    void markPodsNotReady(const std::string &nodeName);
    void handleDisruption(const std::map<std::string, ZoneCount> &zoneCounts);
    void setLimiterInZone(const std::string &zone, std::size_t zoneSize, ZoneState state);
    void setZoneState(const std::string &zone, ZoneState state);
    void doNoExecuteTaintingPass();
    void doNoScheduleTaintingPass(const std::string &nodeName);
    bool swapTaints(const store::Node &node, const std::vector<store::NodeTaint> &add,
                    const std::vector<store::NodeTaint> &remove);
    Zone &zoneFor(const std::string &key);

    sim::SimContext &m_context;
    std::unordered_map<std::string, NodeHealth> m_health;
    std::unordered_map<std::string, TrackedNode> m_tracked;
    std::vector<std::string> m_passList;  ///< nodes flagged since the last pass
    std::vector<std::string> m_added;     ///< Added events since the last pass
    std::vector<std::string> m_removed;   ///< Deleted events since the last pass
    std::set<std::string> m_attention;    ///< nodes every pass looks at
    std::priority_queue<Deadline, std::vector<Deadline>, std::greater<Deadline>> m_deadlines;
    std::map<std::string, ZoneCount> m_zoneCounts;
    std::map<std::string, Zone> m_zones;
    std::set<std::string> m_noSchedulePending;
};

} // namespace emu::ctrl
