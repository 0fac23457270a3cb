// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/store/object_store.h"

#include <memory>
#include <vector>

namespace emu::ctrl {

using PdbPtr = std::shared_ptr<const store::PodDisruptionBudget>;

/// The PodDisruptionBudgets that cover a pod: those of its namespace whose selector matches
/// its labels (policy/v1 lister GetPodPodDisruptionBudgets: an empty selector matches every
/// pod, an absent one none). For the Eviction API and scheduler preemption.
std::vector<PdbPtr> budgetsFor(const store::ObjectStore &store, const store::Pod &pod);

/// Whether deleting these pods together would take a budget below its minimum, as the
/// scheduler's preemption judges it (DefaultPreemption filterPodsWithPDBViolation): each pod
/// uses one of the disruptionsAllowed of every budget that covers it, unless the budget
/// already lists it in disruptedPods; budgets with an empty selector and unlabeled pods are
/// left out, as upstream's preemption does. Returns one flag per pod, in order.
std::vector<bool> violatingBudgets(const store::ObjectStore &store,
                                   const std::vector<std::shared_ptr<const store::Pod>> &pods);

/// metav1 SetStatusCondition: a new status moves lastTransitionTime; reason, message and
/// observedGeneration are always updated.
void setStatusCondition(store::WorkloadConditions &conditions, store::WorkloadCondition condition);

/// pdbhelper.UpdateDisruptionAllowedCondition: DisruptionAllowed True SufficientPods when a
/// disruption is allowed, else False InsufficientPods.
void updateDisruptionAllowedCondition(store::PodDisruptionBudget::Status &status, SimTime now);

} // namespace emu::ctrl
