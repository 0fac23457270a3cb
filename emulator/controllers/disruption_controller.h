// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "informer.h"
#include "work_queue.h"

#include "emulator/sim/sim_context.h"

#include <optional>
#include <string>

namespace emu::ctrl {

/// kube-controller-manager's disruption controller (pkg/controller/disruption, spec 7.8):
/// the status of every PodDisruptionBudget from the pods its selector matches (policy/v1:
/// an empty selector matches every pod of the namespace, an absent one none).
///
/// - expectedPods: the replicas of the pods' controllers (a Deployment through its
///   ReplicaSets, a ReplicaSet, a ReplicationController, a StatefulSet), for maxUnavailable
///   and percentages of minAvailable; the number of matching pods for an integer
///   minAvailable. Pods without a controller are counted as unmanaged (event UnmanagedPods);
///   a controller that is gone or has no scale fails the sync (CalculateExpectedPodCountFailed,
///   DisruptionAllowed False SyncFailed, disruptionsAllowed 0).
/// - desiredHealthy: minAvailable (a percentage of expectedPods rounded up), or
///   expectedPods - maxUnavailable (rounded up as well).
/// - currentHealthy: Ready pods not being deleted and not in disruptedPods (pods the
///   Eviction API let go; forgotten 2 minutes later if they were not deleted: NotDeleted).
/// - disruptionsAllowed = max(0, currentHealthy - desiredHealthy), 0 while expectedPods is 0;
///   condition DisruptionAllowed (SufficientPods / InsufficientPods); observedGeneration.
/// Engine thread only.
class DisruptionController
{
public:
    static constexpr SimDuration deletionTimeout = SimDuration::minutes(2);

    DisruptionController(sim::SimContext &context, Informer<store::PodDisruptionBudget> &budgets,
                         Informer<store::Pod> &pods);

private:
    struct Expected
    {
        std::int32_t expectedCount = 0;
        std::int32_t desiredHealthy = 0;
        std::vector<std::string> unmanaged;
        std::optional<std::string> error;
    };

    bool sync(const std::string &key);
    void enqueueBudgetsOf(const store::Pod &pod);
    Expected expectedPodCount(const store::PodDisruptionBudget &pdb,
                              const std::vector<std::shared_ptr<const store::Pod>> &pods) const;
    std::optional<std::string> expectedScale(const std::vector<std::shared_ptr<const store::Pod>> &pods,
                                             Expected &out) const;
    std::optional<std::pair<std::string, std::int32_t>> controllerScale(const store::Pod &pod) const;
    void failSafe(const store::PodDisruptionBudget &pdb, const std::string &error);

    sim::SimContext &m_context;
    Informer<store::PodDisruptionBudget> &m_budgets;
    Informer<store::Pod> &m_pods;
    WorkQueue m_queue;
};

} // namespace emu::ctrl
