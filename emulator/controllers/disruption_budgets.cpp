// SPDX-License-Identifier: Apache-2.0
#include "disruption_budgets.h"

#include <map>

namespace emu::ctrl {

std::vector<PdbPtr> budgetsFor(const store::ObjectStore &store, const store::Pod &pod)
{
    std::vector<PdbPtr> out;
    for (const PdbPtr &pdb : store.podDisruptionBudgets().list())
        if (pdb->meta.namespaceName == pod.meta.namespaceName && pdb->spec.selector.matches(pod.meta.labels))
            out.push_back(pdb);
    return out;
}

std::vector<bool> violatingBudgets(const store::ObjectStore &store,
                                   const std::vector<std::shared_ptr<const store::Pod>> &pods)
{
    std::map<std::string, std::int32_t> allowed; // budget key -> disruptions left
    std::vector<bool> violating;
    for (const auto &pod : pods) {
        bool violates = false;
        for (const PdbPtr &pdb : budgetsFor(store, *pod)) {
            // Unlike the Eviction API, preemption lets an empty selector (or an unlabeled
            // pod) match nothing ("A PDB with a nil or empty selector matches nothing").
            if (pdb->spec.selector.isEmpty() || pod->meta.labels.empty())
                continue;
            // Existing in disruptedPods means the API server already counted it.
            if (pdb->status.disruptedPods.count(pod->meta.name))
                continue;
            auto [it, inserted] = allowed.try_emplace(pdb->meta.key(), pdb->status.disruptionsAllowed);
            if (--it->second < 0)
                violates = true;
        }
        violating.push_back(violates);
    }
    return violating;
}

void setStatusCondition(store::WorkloadConditions &conditions, store::WorkloadCondition condition)
{
    for (store::WorkloadCondition &c : conditions) {
        if (c.type != condition.type)
            continue;
        if (c.status != condition.status) {
            c.status = condition.status;
            c.lastTransitionTime = condition.lastTransitionTime;
        }
        c.reason = condition.reason;
        c.message = condition.message;
        c.observedGeneration = condition.observedGeneration;
        return;
    }
    conditions.push_back(std::move(condition));
}

void updateDisruptionAllowedCondition(store::PodDisruptionBudget::Status &status, SimTime now)
{
    const bool allowed = status.disruptionsAllowed > 0;
    setStatusCondition(status.conditions, {"DisruptionAllowed", allowed ? "True" : "False",
                                           allowed ? "SufficientPods" : "InsufficientPods", "", now, {}, {},
                                           status.observedGeneration});
}

} // namespace emu::ctrl
