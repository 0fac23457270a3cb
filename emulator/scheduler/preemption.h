// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "filter_result.h"
#include "node_info.h"
#include "pod_info.h"
#include "scheduler_snapshot.h"
#include "scheduling_decision.h"

#include "emulator/core/rng.h"
#include "emulator/sim/sim_context.h"
#include "emulator/store/pod_disruption_budget.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace emu::sched {

/// DefaultPreemptionArgs defaults (upstream pkg/scheduler/apis/config/v1/defaults.go): how
/// many candidate nodes the dry run looks for: max(10 % of the nodes, 100), at most all.
struct PreemptionSettings
{
    std::int32_t minCandidateNodesPercentage = 10;
    std::int32_t minCandidateNodesAbsolute = 100;
};

/// A node where preemption makes room: the pods to delete (most important first) and how
/// many of them a PodDisruptionBudget protects.
struct PreemptionCandidate
{
    std::string node;
    std::vector<std::shared_ptr<const store::Pod>> victims;
    std::int64_t numPdbViolations = 0;
};

struct PreemptionResult
{
    std::optional<PreemptionCandidate> candidate;
    /// When there is no candidate: the PostFilter message ("preemption: 0/3 nodes are
    /// available: …" or "preemption: not eligible due to preemptionPolicy=Never.").
    std::string message;
    /// upstream NominatingInfo ModeOverride: the pod's nominatedNodeName becomes the
    /// candidate's node, or is cleared when no candidate was found (not when the pod was not
    /// eligible: then it keeps its nomination).
    bool overrideNomination = false;
};

/// upstream DefaultPreemption PostFilter (framework/preemption Evaluator.Preempt with
/// plugins/defaultpreemption): for a pod that fits nowhere, the nodes rejected with a
/// resolvable status are dry-run from a random offset: all lower-priority pods removed, the
/// pod must fit; then the victims are reprieved one by one, most important first (PDB-violating
/// ones before the others), keeping only those needed. The best node (pickOneNodeForPreemption)
/// has the fewest PDB violations, then the lowest highest victim priority, the smallest sum
/// of priorities, the fewest victims, the latest start of its highest-priority victims.
class DefaultPreemption
{
public:
    DefaultPreemption(const SchedulerSnapshot &snapshot,
                      std::vector<std::shared_ptr<const store::PodDisruptionBudget>> pdbs, SimTime now,
                      PreemptionSettings settings = {});

    PreemptionResult preempt(const PodInfo &pod, const std::vector<NodeRejection> &rejected, Rng &rng) const;

    /// upstream SelectVictimsOnNode; nullopt with `status` set when the node cannot help.
    std::optional<PreemptionCandidate> selectVictimsOnNode(const PodInfo &pod, const NodeInfo &node,
                                                           FilterResult &status) const;

private:
    std::optional<std::string> ineligibleReason(const PodInfo &pod, const std::vector<NodeRejection> &rejected) const;
    bool moreImportant(const store::Pod &a, const store::Pod &b) const;
    std::size_t pickOne(const std::vector<PreemptionCandidate> &candidates) const;

    const SchedulerSnapshot &m_snapshot;
    std::vector<std::shared_ptr<const store::PodDisruptionBudget>> m_pdbs;
    SimTime m_now;
    PreemptionSettings m_settings;
};

/// upstream prepareCandidate: each victim not already being deleted gets DisruptionTarget=True
/// (PreemptionByScheduler), a graceful delete and the event Preempted ("Preempted by pod
/// <uid> on node <node>"); lower-priority pods nominated to the node lose their nomination.
void preparePreemption(sim::SimContext &context, const store::Pod &preemptor, const PreemptionCandidate &candidate);

} // namespace emu::sched
