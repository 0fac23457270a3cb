// SPDX-License-Identifier: Apache-2.0
// DeploymentController: pausing, scaling (proportional), the RollingUpdate and Recreate
// strategies and the revision history cleanup (upstream sync.go, rolling.go, recreate.go).
#include "deployment_controller.h"

#include <algorithm>
#include <map>

namespace emu::ctrl {

using namespace deploymentutil;

// checkPausedConditions: Progressing Unknown while paused, so that the time spent paused
// does not count against the progress deadline.
bool DeploymentController::checkPausedConditions(Rollout &r)
{
    if (!hasProgressDeadline(r.d))
        return true;
    const store::WorkloadCondition *c = store::findCondition(r.d.status.conditions, "Progressing");
    if (c && c->reason == timedOutReason)
        return true;
    const bool pausedConditionExists = c && c->reason == pausedDeployReason;
    const SimTime now = m_context.engine.now();
    if (r.d.spec.paused && !pausedConditionExists)
        setCondition(r.d.status, newCondition("Progressing", "Unknown", pausedDeployReason, "Deployment is paused", now));
    else if (!r.d.spec.paused && pausedConditionExists)
        setCondition(r.d.status, newCondition("Progressing", "Unknown", resumedDeployReason, "Deployment is resumed", now));
    else
        return true;
    writeStatus(r.d);
    return true;
}

// sync: scaling and cleanup only (paused Deployments and scaling events).
bool DeploymentController::syncOnly(Rollout &r)
{
    if (!newAndOld(r, false))
        return false;
    if (!scale(r))
        return false;
    cleanupDeployment(r);
    syncDeploymentStatus(r);
    return true;
}

// isScalingEvent: an active ReplicaSet's desired-replicas annotation is not spec.replicas.
bool DeploymentController::isScalingEvent(Rollout &r)
{
    if (!newAndOld(r, false))
        return false;
    RsList all = r.oldRSs;
    if (r.newRS)
        all.push_back(r.newRS);
    for (const RsPtr &rs : active(all)) {
        const auto desired = intAnnotation(*rs, desiredReplicasAnnotation);
        if (desired && *desired != r.d.spec.replicas)
            return true;
    }
    return false;
}

// scale: one active ReplicaSet gets everything; a saturated new one means the old ones go;
// otherwise (RollingUpdate) the difference is spread in proportion to their sizes, the
// rounding leftover to the largest.
bool DeploymentController::scale(Rollout &r)
{
    if (RsPtr only = findActiveOrLatest(r.newRS, r.oldRSs)) {
        if (only->spec.replicas != r.d.spec.replicas)
            scaleReplicaSet(r, only, r.d.spec.replicas);
        return true;
    }
    if (isSaturated(r.d, r.newRS)) {
        for (RsPtr old : active(r.oldRSs))
            scaleReplicaSet(r, old, 0);
        return true;
    }
    if (r.d.spec.strategyType != "RollingUpdate")
        return true;
    RsList all = r.oldRSs;
    if (r.newRS)
        all.push_back(r.newRS);
    all = active(all);
    const std::int32_t allowed = r.d.spec.replicas > 0 ? r.d.spec.replicas + maxSurge(r.d) : 0;
    const std::int32_t toAdd = allowed - specReplicas(all);
    if (toAdd > 0)
        sortBySizeNewer(all);
    else if (toAdd < 0)
        sortBySizeOlder(all);
    std::int32_t added = 0;
    std::map<std::string, std::int32_t> sizes;
    for (const RsPtr &rs : all) {
        const std::int32_t proportion = toAdd != 0 ? replicaSetProportion(*rs, r.d, toAdd, added) : 0;
        sizes[rs->meta.name] = rs->spec.replicas + proportion;
        added += proportion;
    }
    for (std::size_t i = 0; i < all.size(); ++i) {
        RsPtr rs = all[i];
        if (i == 0 && toAdd != 0)
            sizes[rs->meta.name] = std::max(0, sizes[rs->meta.name] + toAdd - added);
        scaleReplicaSet(r, rs, sizes[rs->meta.name]);
    }
    return true;
}

bool DeploymentController::rolloutRolling(Rollout &r)
{
    if (!newAndOld(r, true))
        return false;
    if (reconcileNewReplicaSet(r) || reconcileOldReplicaSets(r)) {
        syncRolloutStatus(r);
        return true;
    }
    if (deploymentComplete(r.d, r.d.status))
        cleanupDeployment(r);
    syncRolloutStatus(r);
    return true;
}

bool DeploymentController::reconcileNewReplicaSet(Rollout &r)
{
    if (r.newRS->spec.replicas == r.d.spec.replicas)
        return false;
    if (r.newRS->spec.replicas > r.d.spec.replicas)
        return scaleReplicaSet(r, r.newRS, r.d.spec.replicas);
    RsList all = r.oldRSs;
    all.push_back(r.newRS);
    return scaleReplicaSet(r, r.newRS, newRSNewReplicas(r.d, all, *r.newRS));
}

bool DeploymentController::reconcileOldReplicaSets(Rollout &r)
{
    RsList oldRSs = active(r.oldRSs);
    if (specReplicas(oldRSs) == 0)
        return false;
    RsList all = r.oldRSs;
    all.push_back(r.newRS);
    const std::int32_t minAvailable = r.d.spec.replicas - maxUnavailable(r.d);
    const std::int32_t newUnavailable = r.newRS->spec.replicas - r.newRS->status.availableReplicas;
    const std::int32_t maxScaledDown = specReplicas(all) - minAvailable - newUnavailable;
    if (maxScaledDown <= 0)
        return false;
    // Unhealthy old replicas go first: they count against availability without serving
    // (kubernetes#16737), and would otherwise block the rollout.
    const std::int32_t cleaned = cleanupUnhealthyReplicas(r, oldRSs, maxScaledDown);
    const std::int32_t scaledDown = scaleDownOldForRollingUpdate(r, oldRSs);
    return cleaned + scaledDown > 0;
}

std::int32_t DeploymentController::cleanupUnhealthyReplicas(Rollout &r, RsList &oldRSs, std::int32_t maxCleanup)
{
    sortByCreation(oldRSs);
    std::int32_t total = 0;
    for (RsPtr &rs : oldRSs) {
        if (total >= maxCleanup)
            break;
        if (rs->spec.replicas == 0 || rs->spec.replicas == rs->status.availableReplicas)
            continue;
        const std::int32_t count = std::min(maxCleanup - total, rs->spec.replicas - rs->status.availableReplicas);
        scaleReplicaSet(r, rs, rs->spec.replicas - count);
        total += count;
    }
    return total;
}

std::int32_t DeploymentController::scaleDownOldForRollingUpdate(Rollout &r, RsList &oldRSs)
{
    const std::int32_t minAvailable = r.d.spec.replicas - maxUnavailable(r.d);
    RsList all = r.oldRSs;
    all.push_back(r.newRS);
    const std::int32_t available = availableReplicas(all);
    if (available <= minAvailable)
        return 0;
    sortByCreation(oldRSs);
    const std::int32_t toScaleDown = available - minAvailable;
    std::int32_t total = 0;
    for (RsPtr &rs : oldRSs) {
        if (total >= toScaleDown)
            break;
        if (rs->spec.replicas == 0)
            continue;
        const std::int32_t count = std::min(rs->spec.replicas, toScaleDown - total);
        scaleReplicaSet(r, rs, rs->spec.replicas - count);
        total += count;
    }
    return total;
}

// rolloutRecreate: old ReplicaSets to 0, then nothing until none of their pods is left in a
// non-terminal phase (terminating ones included), then the new ReplicaSet at full size.
bool DeploymentController::rolloutRecreate(Rollout &r, const PodMap &pods)
{
    if (!newAndOld(r, false))
        return false;
    bool scaledDown = false;
    for (RsPtr rs : active(r.oldRSs))
        scaledDown = scaleReplicaSet(r, rs, 0) || scaledDown;
    if (scaledDown) {
        syncRolloutStatus(r);
        return true;
    }
    // oldPodsRunning
    bool oldPodsRunning = actualReplicas(r.oldRSs) > 0;
    for (const auto &[uid, list] : pods) {
        if (oldPodsRunning || (r.newRS && uid == r.newRS->meta.uid))
            continue;
        for (const auto &pod : list)
            oldPodsRunning = oldPodsRunning || (pod->status.phase != "Succeeded" && pod->status.phase != "Failed");
    }
    if (oldPodsRunning) {
        syncRolloutStatus(r);
        return true;
    }
    if (!r.newRS && !newAndOld(r, true))
        return false;
    scaleReplicaSet(r, r.newRS, r.d.spec.replicas);
    if (deploymentComplete(r.d, r.d.status))
        cleanupDeployment(r);
    syncRolloutStatus(r);
    return true;
}

// cleanupDeployment: old ReplicaSets beyond revisionHistoryLimit that have no pods left go,
// the oldest revisions first.
void DeploymentController::cleanupDeployment(Rollout &r)
{
    if (!r.d.spec.revisionHistoryLimit)
        return;
    RsList cleanable;
    for (const RsPtr &rs : r.oldRSs)
        if (rs && !rs->meta.deletionTimestamp)
            cleanable.push_back(rs);
    const std::int32_t diff = static_cast<std::int32_t>(cleanable.size()) - *r.d.spec.revisionHistoryLimit;
    if (diff <= 0)
        return;
    sortByRevision(cleanable);
    for (std::int32_t i = 0; i < diff; ++i) {
        const store::ReplicaSet &rs = *cleanable[static_cast<std::size_t>(i)];
        if (rs.status.replicas != 0 || rs.spec.replicas != 0 || rs.meta.generation > rs.status.observedGeneration)
            continue;
        m_context.store.replicaSets().remove(rs.meta.key());
    }
}

} // namespace emu::ctrl
