// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "filter_result.h"
#include "node_info.h"
#include "pod_info.h"
#include "topology_spread_constraint.h"

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace emu::sched {

namespace reason {
/// podtopologyspread.ErrReasonConstraintsNotMatch (Unschedulable)
inline constexpr std::string_view TopologySpreadConstraintsNotMatch =
    "node(s) didn't match pod topology spread constraints";
/// podtopologyspread.ErrReasonNodeLabelNotMatch (UnschedulableAndUnresolvable)
inline constexpr std::string_view TopologySpreadMissingLabel =
    "node(s) didn't match pod topology spread constraints (missing required label)";
} // namespace reason

/// upstream: pkg/scheduler/framework/plugins/podtopologyspread, for one scheduling cycle.
/// The constructor is PreFilter: for the pod's DoNotSchedule constraints it counts the
/// matching pods (same namespace, not terminating) per domain over the eligible nodes
/// (nodeAffinityPolicy / nodeTaintsPolicy), and the global minimum per topology key.
/// preScore() does the same for the ScheduleAnyway constraints (or the system defaults for a
/// pod a Service or controller selects) over the feasible nodes' domains.
class PodTopologySpread
{
public:
    using DefaultSelector = std::function<api::LabelSelector()>;

    /// `defaultSelector` (upstream helper.DefaultSelector) is called only for a pod without
    /// constraints of its own.
    PodTopologySpread(const PodInfo &pod, const std::vector<const NodeInfo *> &allNodes,
                      DefaultSelector defaultSelector);

    /// upstream Filter: for each DoNotSchedule constraint, the node must have the key, and
    /// matching pods in its domain + 1 (if the pod matches) − global minimum ≤ maxSkew.
    FilterResult filter(const NodeInfo &node) const;

    /// upstream PreScore over the feasible nodes; then rawScore() per feasible node and
    /// normalize() over them all.
    void preScore(const std::vector<const NodeInfo *> &feasible);
    std::int64_t rawScore(const NodeInfo &node) const;
    /// upstream NormalizeScore: 100 × (max + min − s) / max over the scored nodes (all 100
    /// when max is 0); ignored nodes (missing a key of the pod's own constraints) get 0.
    void normalize(const std::vector<const NodeInfo *> &feasible, std::vector<std::int64_t> &scores) const;

private:
    using DomainCounts = std::unordered_map<std::string, std::int64_t>;

    bool nodeIncluded(const TopologySpreadConstraint &c, const NodeInfo &node) const;
    std::int64_t countMatching(const NodeInfo &node, const TopologySpreadConstraint &c) const;
    static bool hasAllKeys(const NodeInfo &node, const std::vector<TopologySpreadConstraint> &constraints);

    const PodInfo &m_pod;
    const std::vector<const NodeInfo *> &m_allNodes;
    DefaultSelector m_defaultSelector;
    bool m_invalid = false;
    bool m_hasOwnConstraints = false;

    // PreFilter state
    std::vector<TopologySpreadConstraint> m_filterConstraints;
    std::unordered_map<std::string, DomainCounts> m_matchNum; ///< key → value → matching pods
    std::unordered_map<std::string, std::int64_t> m_minMatch; ///< key → global minimum

    // PreScore state
    std::vector<TopologySpreadConstraint> m_scoreConstraints;
    std::set<std::string, std::less<>> m_ignoredNodes;
    std::vector<DomainCounts> m_scoreCounts; ///< per constraint (not hostname): value → pods
    std::vector<double> m_weights;           ///< per constraint: log(domains + 2)
};

} // namespace emu::sched
