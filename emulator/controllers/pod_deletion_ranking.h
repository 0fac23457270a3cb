// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/store/pod.h"

#include <memory>
#include <vector>

namespace emu::ctrl {

/// upstream controller.ActivePodsWithRanks (pkg/controller/controller_utils.go): the order in
/// which a ReplicaSet deletes pods when it scales down, first = deleted first:
/// 1. not yet assigned to a node; 2. Pending < Unknown < Running; 3. not Ready;
/// 4. lower controller.kubernetes.io/pod-deletion-cost; 5. higher rank (more active pods of
/// the same owner family on its node: "doubled up"); 6. Ready for a shorter time;
/// 7. more container restarts (regular containers, then sidecars); 8. created later.
/// Rules 6 and 8 compare floor(log2(age in ns)) buckets (LogarithmicScaleDown, locked on
/// since 1.31); within one bucket the smaller UID goes first.
struct RankedPod
{
    std::shared_ptr<const store::Pod> pod;
    int rank = 0; ///< active related pods on the same node
};

/// True if `a` should be deleted before `b` at time `now`.
bool deleteBefore(const RankedPod &a, const RankedPod &b, SimTime now);

/// upstream getPodsToDelete: the first `count` pods of `pods` in deletion order, where each
/// pod's rank counts the active `relatedPods` on its node (getPodsRankedByRelatedPodsOnSameNode).
std::vector<std::shared_ptr<const store::Pod>> podsToDelete(
    const std::vector<std::shared_ptr<const store::Pod>> &pods,
    const std::vector<std::shared_ptr<const store::Pod>> &relatedPods, std::size_t count, SimTime now);

} // namespace emu::ctrl
