// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "filter_result.h"
#include "namespace_labels.h"
#include "node_info.h"
#include "pod_affinity_term.h"
#include "pod_info.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace emu::sched {

namespace reason {
/// interpodaffinity.ErrReasonAffinityRulesNotMatch (UnschedulableAndUnresolvable)
inline constexpr std::string_view PodAffinityRulesNotMatch = "node(s) didn't match pod affinity rules";
/// interpodaffinity.ErrReasonAntiAffinityRulesNotMatch (Unschedulable)
inline constexpr std::string_view PodAntiAffinityRulesNotMatch = "node(s) didn't match pod anti-affinity rules";
/// interpodaffinity.ErrReasonExistingAntiAffinityRulesNotMatch (Unschedulable)
inline constexpr std::string_view ExistingAntiAffinityRulesNotMatch =
    "node(s) didn't satisfy existing pods anti-affinity rules";
} // namespace reason

/// upstream: InterPodAffinityArgs.HardPodAffinityWeight default (scoring weight of an
/// existing pod's required affinity term that the incoming pod matches).
inline constexpr std::int64_t kDefaultHardPodAffinityWeight = 1;

/// upstream: pkg/scheduler/framework/plugins/interpodaffinity, for one scheduling cycle.
/// The constructor is PreFilter and PreScore: one pass over the pods of all nodes counts,
/// per topology domain (topologyKey, value), the existing pods that match the incoming
/// pod's terms and the existing pods whose anti-affinity terms match the incoming pod, and
/// sums the preferred-term weights. filter() and rawScore() are then a few hash lookups per
/// node, so the cost per node does not grow with the number of pods.
class InterPodAffinity
{
public:
    InterPodAffinity(const PodInfo &pod, const std::vector<const NodeInfo *> &allNodes,
                     const NamespaceLabels &namespaces,
                     std::int64_t hardPodAffinityWeight = kDefaultHardPodAffinityWeight,
                     bool existingPodsHaveAffinity = true);

    /// upstream Filter: affinity, then the pod's anti-affinity, then existing pods'
    /// anti-affinity (symmetry).
    FilterResult filter(const NodeInfo &node) const;
    /// upstream Score: Σ over topology keys of the domain sums for the node's values.
    std::int64_t rawScore(const NodeInfo &node) const;

private:
    /// (topologyKey → value → count), as upstream's topologyToMatchedTermCount / scoreMap.
    using TopologyCounts = std::unordered_map<std::string, std::unordered_map<std::string, std::int64_t>>;

    void preFilter(const std::vector<const NodeInfo *> &allNodes, bool existingPodsHaveAffinity);
    void preScore(const std::vector<const NodeInfo *> &allNodes, bool existingPodsHaveAffinity);
    bool satisfyPodAffinity(const NodeInfo &node) const;
    static std::int64_t count(const TopologyCounts &counts, const std::string &key, const std::string &value);
    static bool anyDomainCounted(const TopologyCounts &counts, const std::vector<AffinityTerm> *terms,
                                 const NodeInfo &node);
    static void add(TopologyCounts &counts, const std::string &key, const api::Labels &nodeLabels,
                    std::int64_t value);

    const PodInfo &m_pod;
    const PodAffinityTerms *m_terms; ///< the incoming pod's terms, or nullptr
    const NamespaceLabels &m_namespaces;
    std::int64_t m_hardPodAffinityWeight;
    TopologyCounts m_affinityCounts;
    TopologyCounts m_antiAffinityCounts;
    TopologyCounts m_existingAntiAffinityCounts;
    TopologyCounts m_topologyScore;
};

/// upstream: interpodaffinity NormalizeScore: min-max scaling to [0, 100] (integer
/// truncation of 100 × (s − min) / (max − min)); all equal: every node gets 0.
void normalizeInterPodAffinityScores(std::vector<std::int64_t> &scores);

} // namespace emu::sched
