// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "node_info.h"
#include "pod_info.h"

#include <cstdint>
#include <string>
#include <vector>

namespace emu::sched {

/// upstream: framework.MaxNodeScore / MinNodeScore.
inline constexpr std::int64_t kMaxNodeScore = 100;
inline constexpr std::int64_t kMinNodeScore = 0;

/// The default score weights (upstream pkg/scheduler/apis/config/v1/default_plugins.go,
/// v1.32; unchanged through v1.34). A node's final score is Σ weight × plugin score.
namespace weight {
inline constexpr std::int64_t TaintToleration = 3;
inline constexpr std::int64_t NodeAffinity = 2;
inline constexpr std::int64_t NodeResourcesFit = 1;
inline constexpr std::int64_t PodTopologySpread = 2;
inline constexpr std::int64_t InterPodAffinity = 2;
inline constexpr std::int64_t NodeResourcesBalancedAllocation = 1;
inline constexpr std::int64_t ImageLocality = 1;
} // namespace weight

/// upstream: config.ResourceSpec (a resource and its weight in resource scoring).
struct ResourceSpec
{
    std::string name;
    std::int64_t weight = 1;
};

/// upstream defaults: NodeResourcesFitArgs.ScoringStrategy.Resources and
/// NodeResourcesBalancedAllocationArgs.Resources are both {cpu: 1, memory: 1}.
const std::vector<ResourceSpec> &defaultScoringResources();

/// upstream: noderesources/least_allocated.go (NodeResourcesFit, strategy LeastAllocated):
/// Σ_r w_r × ((alloc_r − req_r) × 100 / alloc_r) / Σ w_r, integer division, 0 for a resource
/// with req > alloc; resources the node does not have (alloc 0) are skipped, and a scalar
/// resource the pod does not request too. req = the node's nonZeroRequested + the pod's
/// request with the 100m / 200Mi defaults. No normalization step.
std::int64_t leastAllocatedScore(const PodInfo &pod, const NodeInfo &node,
                                 const std::vector<ResourceSpec> &resources = defaultScoringResources());

/// upstream: noderesources/balanced_allocation.go (v1.32): fractions f_r = min(1, req/alloc)
/// over the resources the node has, using the true requests (no defaults); with two
/// resources std = |f1 − f2| / 2, with more the population standard deviation; score
/// int64((1 − std) × 100). No normalization step.
std::int64_t balancedAllocationScore(const PodInfo &pod, const NodeInfo &node,
                                     const std::vector<ResourceSpec> &resources = defaultScoringResources());

/// Since v1.33 (kubernetes#130260) BalancedAllocation's PreScore returns Skip for a pod that
/// requests none of the resources (best effort), so the plugin adds nothing for any node.
/// v1.32 scores such pods; callers emulating v1.33+ test this first.
bool balancedAllocationSkipsPod(const PodInfo &pod,
                                const std::vector<ResourceSpec> &resources = defaultScoringResources());

/// upstream: tainttoleration Score: the number of the node's PreferNoSchedule taints not
/// tolerated by the pod's tolerations whose effect is empty or PreferNoSchedule. Raw: run
/// normalizeScores(…, reverse = true) over all feasible nodes.
std::int64_t taintTolerationRawScore(const PodInfo &pod, const NodeInfo &node);

/// upstream: nodeaffinity Score: the sum of the weights of the pod's preferred node affinity
/// terms that match the node. Raw: run normalizeScores(…, reverse = false).
std::int64_t nodeAffinityRawScore(const PodInfo &pod, const NodeInfo &node);

/// upstream: ImageLocality. The emulator does not track node images yet, so this is 0 for
/// every node: with the same value everywhere it does not change the ranking.
std::int64_t imageLocalityScore(const PodInfo &pod, const NodeInfo &node);

/// upstream: plugins/helper/normalize_score.go DefaultNormalizeScore: scales the raw scores
/// of all nodes to [0, maxPriority] by the largest (score × max / largest, integer
/// division); reverse turns s into max − s. All zero: stays 0, or max when reversed.
void normalizeScores(std::vector<std::int64_t> &scores, bool reverse,
                     std::int64_t maxPriority = kMaxNodeScore);

} // namespace emu::sched
