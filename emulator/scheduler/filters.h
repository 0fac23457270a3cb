// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "filter_result.h"
#include "node_info.h"
#include "pod_info.h"

#include <string_view>

namespace emu::sched {

/// upstream plugin names (pkg/scheduler/framework/plugins/names).
namespace plugin {
inline constexpr std::string_view NodeUnschedulable = "NodeUnschedulable";
inline constexpr std::string_view NodeName = "NodeName";
inline constexpr std::string_view TaintToleration = "TaintToleration";
inline constexpr std::string_view NodeAffinity = "NodeAffinity";
inline constexpr std::string_view NodeResourcesFit = "NodeResourcesFit";
inline constexpr std::string_view NodeResourcesBalancedAllocation = "NodeResourcesBalancedAllocation";
inline constexpr std::string_view ImageLocality = "ImageLocality";
inline constexpr std::string_view InterPodAffinity = "InterPodAffinity";
inline constexpr std::string_view PodTopologySpread = "PodTopologySpread";
} // namespace plugin

/// upstream filter reason strings.
namespace reason {
/// nodeunschedulable.ErrReasonUnschedulable
inline constexpr std::string_view NodeUnschedulable = "node(s) were unschedulable";
/// nodename.ErrReason
inline constexpr std::string_view NodeName = "node(s) didn't match the requested node name";
/// nodeaffinity.ErrReasonPod
inline constexpr std::string_view NodeAffinity = "node(s) didn't match Pod's node affinity/selector";
/// tainttoleration, since kubernetes#134740 (v1.35; cherry-picked to v1.34 patch releases
/// as #135023): no taint key or value in the message.
inline constexpr std::string_view UntoleratedTaintGeneric = "node(s) had untolerated taint(s)";
inline constexpr std::string_view TooManyPods = "Too many pods";
} // namespace reason

/// Which TaintToleration message to write. v1.32/v1.33 (the emulator's baseline) and early
/// v1.34 patch releases name the first untolerated taint; later releases do not.
enum class TaintMessageStyle { KeyAndValue, Generic };

/// upstream: tainttoleration Filter message "node(s) had untolerated taint {KEY: VALUE}"
/// (an empty value leaves "{KEY: }").
std::string untoleratedTaintReason(const api::Taint &taint,
                                   TaintMessageStyle style = TaintMessageStyle::KeyAndValue);

// Each filter is a pure function of the pod and the node (upstream plugin Filter()).

/// upstream: nodeunschedulable/node_unschedulable.go. A pod tolerating
/// node.kubernetes.io/unschedulable:NoSchedule ignores spec.unschedulable.
FilterResult filterNodeUnschedulable(const PodInfo &pod, const NodeInfo &node);
/// upstream: nodename/node_name.go: spec.nodeName, when set, must be this node.
FilterResult filterNodeName(const PodInfo &pod, const NodeInfo &node);
/// upstream: tainttoleration/taint_toleration.go: the first NoSchedule/NoExecute taint (in
/// the node's order) that no toleration tolerates rejects the node.
FilterResult filterTaintToleration(const PodInfo &pod, const NodeInfo &node,
                                   TaintMessageStyle style = TaintMessageStyle::KeyAndValue);
/// upstream: nodeaffinity/node_affinity.go: spec.nodeSelector AND the required node affinity.
FilterResult filterNodeAffinity(const PodInfo &pod, const NodeInfo &node);
/// upstream: noderesources/fit.go fitsRequest: "Too many pods", then (unless the pod
/// requests nothing) "Insufficient cpu", "Insufficient memory", "Insufficient
/// ephemeral-storage", then "Insufficient <name>" per scalar resource in name order
/// (upstream iterates a Go map, so its order among scalar resources is unspecified).
FilterResult filterNodeResourcesFit(const PodInfo &pod, const NodeInfo &node);

/// upstream: framework RunFilterPlugins with the default plugins that the emulator has, in
/// the default order (NodeUnschedulable, NodeName, TaintToleration, NodeAffinity,
/// NodeResourcesFit): the first rejection is the node's status, as upstream stops there.
FilterResult runFilters(const PodInfo &pod, const NodeInfo &node,
                        TaintMessageStyle style = TaintMessageStyle::KeyAndValue);

} // namespace emu::sched
