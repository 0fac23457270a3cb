// SPDX-License-Identifier: Apache-2.0
#include "eviction_api.h"

#include "disruption_budgets.h"
#include "pod_deletion.h"
#include "pod_util.h"

namespace emu::ctrl {

namespace {

constexpr const char *violationMessage = "Cannot evict pod as it would violate the pod's disruption budget.";
constexpr std::size_t maxDisruptedPodSize = 2000; // MaxDisruptedPodSize

// canIgnorePDB: these pods are not protected (they are no disruption, or one under way).
bool canIgnoreBudget(const store::Pod &pod)
{
    return pod.status.phase == "Succeeded" || pod.status.phase == "Failed" || pod.status.phase == "Pending"
           || pod.meta.deletionTimestamp;
}

// addConditionAndDeletePod
EvictionResult deleteWithCondition(store::ObjectStore &store, const Engine &engine, const store::Pod &pod,
                                   std::optional<std::int64_t> grace, bool dryRun)
{
    if (dryRun)
        return {};
    const std::string key = pod.meta.key();
    if (!pod.condition("DisruptionTarget"))
        store.pods().patch(key, [&](store::Pod &p) {
            setPodCondition(p, {"DisruptionTarget", "True", "EvictionByEvictionAPI", "Eviction API: evicting",
                                engine.now()});
        });
    const store::StoreResult result = deletePod(store, key, grace);
    if (!result.ok())
        return {404, "NotFound", result.message, {}};
    return {};
}

EvictionResult tooManyRequests(std::string cause)
{
    return {429, "TooManyRequests", violationMessage, std::move(cause)};
}

} // namespace

EvictionResult evictPod(store::ObjectStore &store, const Engine &engine, const std::string &podKey,
                        std::optional<std::int64_t> gracePeriodSeconds, bool dryRun)
{
    const auto pod = store.pods().get(podKey);
    if (!pod)
        return {404, "NotFound", "pods \"" + podKey.substr(podKey.find('/') + 1) + "\" not found", {}};
    if (canIgnoreBudget(*pod))
        return deleteWithCondition(store, engine, *pod, gracePeriodSeconds, dryRun);
    const std::vector<PdbPtr> budgets = budgetsFor(store, *pod);
    if (budgets.size() > 1)
        return {500, "InternalError",
                "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.", {}};
    if (budgets.empty())
        return deleteWithCondition(store, engine, *pod, gracePeriodSeconds, dryRun);
    const store::PodDisruptionBudget &pdb = *budgets.front();
    if (!isPodReady(*pod)) {
        // An unready pod does not count as healthy: taking it uses no disruption.
        if (pdb.spec.unhealthyPodEvictionPolicy == "AlwaysAllow"
            || (pdb.status.currentHealthy >= pdb.status.desiredHealthy && pdb.status.desiredHealthy > 0))
            return deleteWithCondition(store, engine, *pod, gracePeriodSeconds, dryRun);
    }
    // checkAndDecrement
    if (pdb.status.observedGeneration < pdb.meta.generation)
        return tooManyRequests("The disruption budget " + pdb.meta.name + " is still being processed by the server.");
    if (pdb.status.disruptionsAllowed < 0)
        return {403, "Forbidden", "poddisruptionbudgets.policy \"" + pdb.meta.name
                                      + "\" is forbidden: pdb disruptions allowed is negative", {}};
    if (pdb.status.disruptedPods.size() > maxDisruptedPodSize)
        return {403, "Forbidden", "poddisruptionbudgets.policy \"" + pdb.meta.name
                                      + "\" is forbidden: DisruptedPods map too big - too many evictions not "
                                        "confirmed by PDB controller", {}};
    if (pdb.status.disruptionsAllowed == 0)
        return tooManyRequests("The disruption budget " + pdb.meta.name + " needs "
                               + std::to_string(pdb.status.desiredHealthy) + " healthy pods and has "
                               + std::to_string(pdb.status.currentHealthy) + " currently");
    if (dryRun)
        return {};
    const SimTime now = engine.now();
    store.podDisruptionBudgets().patch(pdb.meta.key(), [&](store::PodDisruptionBudget &p) {
        --p.status.disruptionsAllowed;
        if (p.status.disruptionsAllowed == 0)
            updateDisruptionAllowedCondition(p.status, now);
        p.status.disruptedPods[pod->meta.name] = now;
    });
    return deleteWithCondition(store, engine, *pod, gracePeriodSeconds, dryRun);
}

} // namespace emu::ctrl
