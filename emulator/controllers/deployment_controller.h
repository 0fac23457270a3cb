// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "deployment_util.h"
#include "informer.h"
#include "work_queue.h"

#include "emulator/sim/sim_context.h"

#include <map>
#include <string>
#include <vector>

namespace emu::ctrl {

/// kube-controller-manager's deployment-controller (pkg/controller/deployment, spec 7.1): a
/// Deployment's ReplicaSets, one per template revision.
///
/// Each sync claims the ReplicaSets its selector matches (adoption and release), then:
/// - being deleted: status only; paused: scaling and history cleanup only (Progressing
///   Unknown "DeploymentPaused" while paused, "DeploymentResumed" after);
/// - a change of spec.replicas (a ReplicaSet's desired-replicas annotation differs) is a
///   scaling event: the active ReplicaSets are scaled proportionally;
/// - otherwise a rollout step: RollingUpdate (the new ReplicaSet up to replicas + maxSurge
///   pods in all, old ones down while at least replicas - maxUnavailable stay available,
///   unhealthy old replicas first) or Recreate (old ones to 0, wait until none of their
///   pods runs, then the new one to full size);
/// - the new ReplicaSet is "<deployment>-<pod-template-hash>", with the revision annotation
///   one above the highest old one; ReplicaSets beyond revisionHistoryLimit with no pods are
///   deleted, oldest revision first;
/// - status: replicas, updatedReplicas, readyReplicas, availableReplicas,
///   unavailableReplicas, observedGeneration, Available (MinimumReplicasAvailable /
///   MinimumReplicasUnavailable) and Progressing (NewReplicaSetCreated, FoundNewReplicaSet,
///   ReplicaSetUpdated, NewReplicaSetAvailable, ProgressDeadlineExceeded), requeued to check
///   the deadline in time.
/// Events: ScalingReplicaSet "Scaled up replica set NAME from A to B". Engine thread only.
class DeploymentController
{
public:
    DeploymentController(sim::SimContext &context, Informer<store::Deployment> &deployments,
                         Informer<store::ReplicaSet> &replicaSets, Informer<store::Pod> &pods);

    const WorkQueue &queue() const { return m_queue; }

private:
    using RsPtr = deploymentutil::RsPtr;
    using RsList = deploymentutil::RsList;
    using PodMap = std::map<std::string, std::vector<std::shared_ptr<const store::Pod>>>; ///< RS uid -> pods

    struct Rollout
    {
        store::Deployment d; ///< a copy: status changes accumulate here
        RsList all;          ///< every claimed ReplicaSet
        RsPtr newRS;
        RsList oldRSs;
    };

    // deployment_controller.cpp: handlers, sync, ReplicaSet bookkeeping
    bool sync(const std::string &key);
    RsList claimReplicaSets(const store::Deployment &d);
    PodMap podMap(const store::Deployment &d, const RsList &rsList) const;
    bool newAndOld(Rollout &r, bool createIfMissing);
    RsPtr createNewReplicaSet(Rollout &r, std::int64_t newRevision);
    bool syncNewReplicaSetAnnotations(Rollout &r, std::int64_t newRevision);
    bool scaleReplicaSet(Rollout &r, RsPtr &rs, std::int32_t newScale);
    void writeStatus(const store::Deployment &d);
    void enqueueForReplicaSet(const store::ReplicaSet &rs);
    void onPodDeleted(const store::Pod &pod);

    // deployment_rollout.cpp: the strategies and scaling
    bool checkPausedConditions(Rollout &r);
    bool syncOnly(Rollout &r);
    bool isScalingEvent(Rollout &r);
    bool scale(Rollout &r);
    bool rolloutRolling(Rollout &r);
    bool rolloutRecreate(Rollout &r, const PodMap &pods);
    bool reconcileNewReplicaSet(Rollout &r);
    bool reconcileOldReplicaSets(Rollout &r);
    std::int32_t cleanupUnhealthyReplicas(Rollout &r, RsList &oldRSs, std::int32_t maxCleanup);
    std::int32_t scaleDownOldForRollingUpdate(Rollout &r, RsList &oldRSs);
    void cleanupDeployment(Rollout &r);

    // deployment_progress.cpp: status and the progress deadline
    store::Deployment::Status calculateStatus(const Rollout &r) const;
    void syncDeploymentStatus(Rollout &r);
    void syncRolloutStatus(Rollout &r);
    void requeueStuckDeployment(const store::Deployment &d, const store::Deployment::Status &status);

    sim::SimContext &m_context;
    Informer<store::Deployment> &m_deployments;
    Informer<store::ReplicaSet> &m_replicaSets;
    Informer<store::Pod> &m_pods;
    WorkQueue m_queue;
};

} // namespace emu::ctrl
