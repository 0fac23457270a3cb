// SPDX-License-Identifier: Apache-2.0
// DeploymentController: the status and the progress deadline (upstream sync.go
// calculateStatus / syncDeploymentStatus and progress.go).
#include "deployment_controller.h"

namespace emu::ctrl {

using namespace deploymentutil;

store::Deployment::Status DeploymentController::calculateStatus(const Rollout &r) const
{
    RsList all = r.oldRSs;
    if (r.newRS)
        all.push_back(r.newRS);
    const std::int32_t available = availableReplicas(all);
    store::Deployment::Status status;
    status.observedGeneration = r.d.meta.generation;
    status.replicas = actualReplicas(all);
    status.updatedReplicas = r.newRS ? r.newRS->status.replicas : 0;
    status.readyReplicas = readyReplicas(all);
    status.availableReplicas = available;
    // More available than desired (while scaling down) is not negative unavailability.
    status.unavailableReplicas = std::max(0, specReplicas(all) - available);
    status.collisionCount = r.d.status.collisionCount;
    status.conditions = r.d.status.conditions;
    const SimTime now = m_context.engine.now();
    if (available >= r.d.spec.replicas - maxUnavailable(r.d))
        setCondition(status, newCondition("Available", "True", minimumReplicasAvailable,
                                          "Deployment has minimum availability.", now));
    else
        setCondition(status, newCondition("Available", "False", minimumReplicasUnavailable,
                                          "Deployment does not have minimum availability.", now));
    return status;
}

// syncDeploymentStatus: for paused Deployments and scaling events; no progress estimate.
void DeploymentController::syncDeploymentStatus(Rollout &r)
{
    const store::Deployment::Status status = calculateStatus(r);
    if (status == r.d.status)
        return;
    r.d.status = status;
    writeStatus(r.d);
}

// syncRolloutStatus: the status of a rollout step, with the Progressing condition.
void DeploymentController::syncRolloutStatus(Rollout &r)
{
    store::Deployment::Status status = calculateStatus(r);
    if (!hasProgressDeadline(r.d))
        store::removeCondition(status.conditions, "Progressing");
    const store::WorkloadCondition *current = store::findCondition(r.d.status.conditions, "Progressing");
    const bool complete = status.replicas == status.updatedReplicas && current
                          && current->reason == newRSAvailableReason;
    const SimTime now = m_context.engine.now();
    const std::string subject = r.newRS ? "ReplicaSet \"" + r.newRS->meta.name + "\""
                                        : "Deployment \"" + r.d.meta.name + "\"";
    if (hasProgressDeadline(r.d) && !complete) {
        if (deploymentComplete(r.d, status)) {
            setCondition(status, newCondition("Progressing", "True", newRSAvailableReason,
                                              subject + " has successfully progressed.", now));
        } else if (deploymentProgressing(r.d, status)) {
            // Progress renews lastUpdateTime (even with the same reason); the transition time
            // stays while the condition stays True.
            store::WorkloadCondition c = newCondition("Progressing", "True", replicaSetUpdatedReason,
                                                      subject + " is progressing.", now);
            if (current && current->status == "True")
                c.lastTransitionTime = current->lastTransitionTime;
            store::removeCondition(status.conditions, "Progressing");
            setCondition(status, c);
        } else if (deploymentTimedOut(r.d, status, now)) {
            setCondition(status, newCondition("Progressing", "False", timedOutReason,
                                              subject + " has timed out progressing.", now));
        }
    }
    // getReplicaFailures: the new ReplicaSet's ReplicaFailure, else an old one's.
    const store::WorkloadCondition *failure =
        r.newRS ? store::findCondition(r.newRS->status.conditions, "ReplicaFailure") : nullptr;
    for (const RsPtr &rs : r.oldRSs)
        if (!failure && rs)
            failure = store::findCondition(rs->status.conditions, "ReplicaFailure");
    if (failure) {
        store::WorkloadCondition c = *failure;
        c.lastUpdateTime = c.lastTransitionTime; // ReplicaSetToDeploymentCondition
        setCondition(status, c);
    } else {
        store::removeCondition(status.conditions, "ReplicaFailure");
    }
    if (status == r.d.status) {
        requeueStuckDeployment(r.d, status);
        return;
    }
    r.d.status = status;
    writeStatus(r.d);
}

// requeueStuckDeployment: sync again when the deadline would pass without progress
// (kubernetes#34458), one second late to be past it (kubernetes#39785).
void DeploymentController::requeueStuckDeployment(const store::Deployment &d, const store::Deployment::Status &status)
{
    const store::WorkloadCondition *c = store::findCondition(d.status.conditions, "Progressing");
    if (!hasProgressDeadline(d) || !c)
        return;
    if (deploymentComplete(d, status) || c->reason == timedOutReason)
        return;
    const SimTime lastUpdate = c->lastUpdateTime.value_or(c->lastTransitionTime);
    const SimDuration after = lastUpdate + SimDuration::seconds(*d.spec.progressDeadlineSeconds) - m_context.engine.now();
    if (after < SimDuration::seconds(1)) {
        m_queue.addRateLimited(d.meta.key());
        return;
    }
    m_queue.addAfter(d.meta.key(), after + SimDuration::seconds(1));
}

} // namespace emu::ctrl
