// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "condition_status.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace emu::ctrl {

/// Taint keys owned by the node lifecycle controller (upstream core/v1 well_known_taints.go).
inline constexpr std::string_view kTaintNodeNotReady = "node.kubernetes.io/not-ready";
inline constexpr std::string_view kTaintNodeUnreachable = "node.kubernetes.io/unreachable";
inline constexpr std::string_view kTaintNodeUnschedulable = "node.kubernetes.io/unschedulable";
inline constexpr std::string_view kTaintNodeMemoryPressure = "node.kubernetes.io/memory-pressure";
inline constexpr std::string_view kTaintNodeDiskPressure = "node.kubernetes.io/disk-pressure";
inline constexpr std::string_view kTaintNodeNetworkUnavailable = "node.kubernetes.io/network-unavailable";
inline constexpr std::string_view kTaintNodePIDPressure = "node.kubernetes.io/pid-pressure";
/// Placed by an administrator (non-graceful node shutdown), never by the controller.
inline constexpr std::string_view kTaintNodeOutOfService = "node.kubernetes.io/out-of-service";

inline constexpr std::string_view kEffectNoSchedule = "NoSchedule";
inline constexpr std::string_view kEffectNoExecute = "NoExecute";

/// upstream nodeConditionToTaintKeyStatusMap (node_lifecycle_controller.go) plus the
/// unschedulable taint of doNoScheduleTaintingPass:
///   Ready False -> not-ready, Ready Unknown -> unreachable, MemoryPressure True -> memory-pressure,
///   DiskPressure True -> disk-pressure, PIDPressure True -> pid-pressure,
///   NetworkUnavailable True -> network-unavailable, spec.unschedulable -> unschedulable;
/// all with effect NoSchedule. A Missing condition gives no taint. Returned as (key, effect) in
/// the order above; upstream follows the node's condition order and compares taints as a set
/// (TaintSetDiff), so callers must compare without regard to order.
inline std::vector<std::pair<std::string, std::string>> desiredNoScheduleTaints(
    ConditionStatus ready, ConditionStatus memoryPressure, ConditionStatus diskPressure,
    ConditionStatus pidPressure, ConditionStatus networkUnavailable, bool unschedulable)
{
    std::vector<std::pair<std::string, std::string>> taints;
    const auto addIf = [&taints](bool condition, std::string_view key) {
        if (condition)
            taints.emplace_back(std::string(key), std::string(kEffectNoSchedule));
    };
    addIf(ready == ConditionStatus::False, kTaintNodeNotReady);
    addIf(ready == ConditionStatus::Unknown, kTaintNodeUnreachable);
    addIf(memoryPressure == ConditionStatus::True, kTaintNodeMemoryPressure);
    addIf(diskPressure == ConditionStatus::True, kTaintNodeDiskPressure);
    addIf(pidPressure == ConditionStatus::True, kTaintNodePIDPressure);
    addIf(networkUnavailable == ConditionStatus::True, kTaintNodeNetworkUnavailable);
    addIf(unschedulable, kTaintNodeUnschedulable);
    return taints;
}

/// upstream doNoScheduleTaintingPass's filter of the node's existing taints: the NoSchedule taints
/// the pass manages (and may remove) are the condition taints above and unschedulable.
inline bool isManagedNoScheduleTaint(std::string_view key, std::string_view effect)
{
    return effect == kEffectNoSchedule
           && (key == kTaintNodeNotReady || key == kTaintNodeUnreachable || key == kTaintNodeMemoryPressure
               || key == kTaintNodeDiskPressure || key == kTaintNodePIDPressure
               || key == kTaintNodeNetworkUnavailable || key == kTaintNodeUnschedulable);
}

/// upstream NotReadyTaintTemplate / UnreachableTaintTemplate: the NoExecute taints of the
/// rate-limited tainting queue (they also carry timeAdded). Ready False -> not-ready, Unknown ->
/// unreachable, True (or Missing) -> none.
inline std::string_view noExecuteTaintKeyFor(ConditionStatus ready)
{
    switch (ready) {
    case ConditionStatus::False:
        return kTaintNodeNotReady;
    case ConditionStatus::Unknown:
        return kTaintNodeUnreachable;
    case ConditionStatus::True:
    case ConditionStatus::Missing:
        break;
    }
    return {};
}

} // namespace emu::ctrl
