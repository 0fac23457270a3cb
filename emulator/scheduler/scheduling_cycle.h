// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "filter_result.h"
#include "pod_info.h"
#include "scheduler_snapshot.h"
#include "scheduling_decision.h"

#include "emulator/core/rng.h"
#include "emulator/store/object_store.h"

namespace emu::sched {

/// upstream RunFilterPluginsWithNominatedPods: the pods nominated to the node (by an earlier
/// preemption) with at least this pod's priority count as if bound there, so a lower-priority
/// pod does not take the room preemption made. (Upstream filters twice, with and without
/// them; with the emulator's filters adding pods can only make the node fit less.)
FilterResult filterWithNominatedPods(const PodInfo &pod, const NodeInfo &node, const SchedulerSnapshot &snapshot);

/// upstream schedulePod: findNodesThatFitPod (every node through the filters: the node-local
/// ones, then PodTopologySpread and InterPodAffinity, which read `store` for namespaces and
/// the default spreading selectors), then prioritizeNodes (the default score plugins,
/// normalized, times their weights) and
/// selectHost (the highest total; ties broken at random from `rng`, as upstream's reservoir
/// sampling). Fills rejected, scores and chosenNode (empty when no node fits); writes nothing.
SchedulingDecision findNodeForPod(const PodInfo &pod, const SchedulerSnapshot &snapshot,
                                  const store::ObjectStore &store, Rng &rng);

} // namespace emu::sched
