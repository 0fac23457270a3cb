// SPDX-License-Identifier: Apache-2.0
#include "disruption_controller.h"

#include "disruption_budgets.h"
#include "pod_util.h"

#include <map>

namespace emu::ctrl {

namespace {

using PodPtr = std::shared_ptr<const store::Pod>;

std::string unmanagedMessage(const store::PodDisruptionBudget &pdb)
{
    return "Pods selected by this PodDisruptionBudget (selector: " + pdb.spec.selector.parsed.toString()
           + ") were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, "
             "which may result in undefined behavior. To account for these pods please set \".spec.minAvailable\" "
             "field of the PDB to an integer value.";
}

} // namespace

DisruptionController::DisruptionController(sim::SimContext &context, Informer<store::PodDisruptionBudget> &budgets,
                                           Informer<store::Pod> &pods)
    : m_context(context), m_budgets(budgets), m_pods(pods),
      m_queue(context.engine, [this](const std::string &key) { return sync(key); })
{
    m_budgets.addHandlers({
        [this](const auto &pdb) { m_queue.add(pdb->meta.key()); },
        [this](const auto &, const auto &pdb) { m_queue.add(pdb->meta.key()); },
        [this](const auto &pdb) { m_queue.add(pdb->meta.key()); },
    });
    m_pods.addHandlers({
        [this](const PodPtr &pod) { enqueueBudgetsOf(*pod); },
        [this](const PodPtr &previous, const PodPtr &pod) {
            enqueueBudgetsOf(*pod);
            if (previous->meta.labels != pod->meta.labels)
                enqueueBudgetsOf(*previous);
        },
        [this](const PodPtr &pod) { enqueueBudgetsOf(*pod); },
    });
}

// getPdbForPod: every budget whose selector matches the pod is resynced.
void DisruptionController::enqueueBudgetsOf(const store::Pod &pod)
{
    for (const auto &pdb : m_budgets.listNamespace(pod.meta.namespaceName))
        if (pdb->spec.selector.matches(pod.meta.labels))
            m_queue.add(pdb->meta.key());
}

// The finders: a pod's controller and its scale. A ReplicaSet of a Deployment counts as
// the Deployment, so a rollout's ReplicaSets are counted once.
std::optional<std::pair<std::string, std::int32_t>> DisruptionController::controllerScale(const store::Pod &pod) const
{
    const store::OwnerReference *ref = pod.meta.controllerRef();
    const std::string ns = pod.meta.namespaceName + '/';
    const store::ObjectStore &s = m_context.store;
    if (ref->kind == "ReplicaSet") {
        auto rs = s.replicaSets().get(ns + ref->name);
        if (!rs || rs->meta.uid != ref->uid)
            return std::nullopt;
        if (const store::OwnerReference *owner = rs->meta.controllerRef(); owner && owner->kind == "Deployment") {
            auto d = s.deployments().get(ns + owner->name);
            if (d && d->meta.uid == owner->uid)
                return std::pair(d->meta.uid, d->spec.replicas);
            return std::nullopt;
        }
        return std::pair(rs->meta.uid, rs->spec.replicas);
    }
    if (ref->kind == "ReplicationController") {
        auto rc = s.replicationControllers().get(ns + ref->name);
        return rc && rc->meta.uid == ref->uid ? std::optional(std::pair(rc->meta.uid, rc->spec.replicas)) : std::nullopt;
    }
    if (ref->kind == "StatefulSet") {
        auto ss = s.statefulSets().get(ns + ref->name);
        return ss && ss->meta.uid == ref->uid ? std::optional(std::pair(ss->meta.uid, ss->spec.replicas)) : std::nullopt;
    }
    return std::nullopt; // no scale subresource (DaemonSet, Job, ...)
}

// getExpectedScale
std::optional<std::string> DisruptionController::expectedScale(const std::vector<PodPtr> &pods, Expected &out) const
{
    std::map<std::string, std::int32_t> scales;
    std::map<std::string, bool> seenRefs;
    for (const PodPtr &pod : pods) {
        const store::OwnerReference *ref = pod->meta.controllerRef();
        if (!ref) {
            out.unmanaged.push_back(pod->meta.name);
            continue;
        }
        if (seenRefs.count(ref->uid))
            continue;
        const auto scale = controllerScale(*pod);
        if (!scale)
            return "found no controllers for pod \"" + pod->meta.name + "\"";
        seenRefs[ref->uid] = true;
        scales[scale->first] = scale->second;
    }
    for (const auto &[uid, scale] : scales)
        out.expectedCount += scale;
    return std::nullopt;
}

// getExpectedPodCount
DisruptionController::Expected DisruptionController::expectedPodCount(const store::PodDisruptionBudget &pdb,
                                                                      const std::vector<PodPtr> &pods) const
{
    Expected out;
    if (pdb.spec.maxUnavailable) {
        out.error = expectedScale(pods, out);
        if (out.error)
            return out;
        const auto maxUnavailable = pdb.spec.maxUnavailable->scaledValue(out.expectedCount, true);
        if (!maxUnavailable) {
            out.error = "invalid type: string is not a percentage";
            return out;
        }
        out.desiredHealthy = std::max(0, out.expectedCount - *maxUnavailable);
    } else if (pdb.spec.minAvailable) {
        if (!pdb.spec.minAvailable->isString()) {
            out.desiredHealthy = pdb.spec.minAvailable->intValue();
            out.expectedCount = static_cast<std::int32_t>(pods.size());
            return out;
        }
        out.error = expectedScale(pods, out);
        if (out.error)
            return out;
        const auto minAvailable = pdb.spec.minAvailable->scaledValue(out.expectedCount, true);
        if (!minAvailable)
            out.error = "invalid type: string is not a percentage";
        else
            out.desiredHealthy = *minAvailable;
    }
    return out;
}

void DisruptionController::failSafe(const store::PodDisruptionBudget &pdb, const std::string &error)
{
    const SimTime now = m_context.engine.now();
    m_context.store.podDisruptionBudgets().patch(pdb.meta.key(), [&](store::PodDisruptionBudget &p) {
        p.status.disruptionsAllowed = 0;
        setStatusCondition(p.status.conditions, {"DisruptionAllowed", "False", "SyncFailed", error, now, {}, {},
                                                 p.status.observedGeneration});
    });
}

// trySync
bool DisruptionController::sync(const std::string &key)
{
    const auto pdb = m_budgets.get(key);
    if (!pdb)
        return true;
    const SimTime now = m_context.engine.now();
    std::vector<PodPtr> pods;
    for (const PodPtr &pod : m_pods.listNamespace(pdb->meta.namespaceName))
        if (pdb->spec.selector.matches(pod->meta.labels))
            pods.push_back(pod);
    auto record = [&](const char *type, const char *reason, std::string message) {
        m_context.events.record(type, reason, "PodDisruptionBudget", pdb->meta.namespaceName, pdb->meta.name,
                                std::move(message));
    };
    const Expected expected = expectedPodCount(*pdb, pods);
    if (expected.error) {
        // The event recorder would aggregate repeats of the same failure: record it once.
        const auto *c = store::findCondition(pdb->status.conditions, "DisruptionAllowed");
        if (!c || c->reason != "SyncFailed" || c->message != *expected.error)
            record("Warning", "CalculateExpectedPodCountFailed",
                   "Failed to calculate the number of expected pods: " + *expected.error);
        failSafe(*pdb, *expected.error);
        return false;
    }
    // buildDisruptedPodMap: evicted pods count as gone for deletionTimeout.
    std::map<std::string, SimTime> disrupted;
    std::optional<SimTime> recheck;
    for (const PodPtr &pod : pods) {
        const auto it = pdb->status.disruptedPods.find(pod->meta.name);
        if (pod->meta.deletionTimestamp || it == pdb->status.disruptedPods.end())
            continue;
        const SimTime expectedDeletion = it->second + deletionTimeout;
        if (expectedDeletion < now) {
            m_context.events.record("Warning", "NotDeleted", "Pod", pod->meta.namespaceName, pod->meta.name,
                                    "Pod was expected by PDB " + pdb->meta.key() + " to be deleted but it wasn't");
            continue;
        }
        disrupted[pod->meta.name] = it->second;
        recheck = recheck ? std::min(*recheck, expectedDeletion) : expectedDeletion;
    }
    // countHealthyPods
    std::int32_t currentHealthy = 0;
    for (const PodPtr &pod : pods)
        if (!pod->meta.deletionTimestamp && !disrupted.count(pod->meta.name) && isPodReady(*pod))
            ++currentHealthy;
    // updatePdbStatus: no disruption while nothing is expected (the first pods' race).
    store::PodDisruptionBudget::Status status = pdb->status;
    status.currentHealthy = currentHealthy;
    status.desiredHealthy = expected.desiredHealthy;
    status.expectedPods = expected.expectedCount;
    status.disruptionsAllowed = expected.expectedCount <= 0 ? 0 : std::max(0, currentHealthy - expected.desiredHealthy);
    status.disruptedPods = disrupted;
    status.observedGeneration = pdb->meta.generation;
    updateDisruptionAllowedCondition(status, now);
    if (status != pdb->status) {
        // Events only with a change: the recorder would aggregate the repeats.
        if (pods.empty())
            record("Normal", "NoPods", "No matching pods found");
        if (!expected.unmanaged.empty())
            record("Warning", "UnmanagedPods", unmanagedMessage(*pdb));
        m_context.store.podDisruptionBudgets().patch(key, [&](store::PodDisruptionBudget &p) { p.status = status; });
    }
    if (recheck)
        m_queue.addAfter(key, *recheck - now);
    return true;
}

} // namespace emu::ctrl
