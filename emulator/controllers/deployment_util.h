// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "emulator/store/deployment.h"
#include "emulator/store/replica_set.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

/// upstream pkg/controller/deployment/util (deployment_util.go) and the ReplicaSet sorting of
/// pkg/controller/controller_utils.go: the arithmetic of rollouts, kept free of the
/// controller so the rules can be tested one by one.
namespace emu::ctrl::deploymentutil {

using RsPtr = std::shared_ptr<const store::ReplicaSet>;
using RsList = std::vector<RsPtr>;

inline constexpr const char *revisionAnnotation = "deployment.kubernetes.io/revision";
inline constexpr const char *revisionHistoryAnnotation = "deployment.kubernetes.io/revision-history";
inline constexpr const char *desiredReplicasAnnotation = "deployment.kubernetes.io/desired-replicas";
inline constexpr const char *maxReplicasAnnotation = "deployment.kubernetes.io/max-replicas";
inline constexpr const char *podTemplateHashLabel = "pod-template-hash";
/// How long the revision-history annotation may grow (maxRevHistoryLengthInChars).
inline constexpr std::size_t maxRevisionHistoryLength = 2000;

// Condition reasons (deployment_util.go).
inline constexpr const char *newRSNewReplicasReason = "NewReplicaSetCreated";
inline constexpr const char *foundNewRSReason = "FoundNewReplicaSet";
inline constexpr const char *replicaSetUpdatedReason = "ReplicaSetUpdated";
inline constexpr const char *newRSAvailableReason = "NewReplicaSetAvailable";
inline constexpr const char *timedOutReason = "ProgressDeadlineExceeded";
inline constexpr const char *pausedDeployReason = "DeploymentPaused";
inline constexpr const char *resumedDeployReason = "DeploymentResumed";
inline constexpr const char *minimumReplicasAvailable = "MinimumReplicasAvailable";
inline constexpr const char *minimumReplicasUnavailable = "MinimumReplicasUnavailable";

struct Fenceposts
{
    std::int32_t surge = 0;
    std::int32_t unavailable = 0;
};
/// ResolveFenceposts: maxSurge of replicas rounded up, maxUnavailable rounded down; both 0
/// gives unavailable 1 (a rollout must be able to move).
Fenceposts resolveFenceposts(const store::Deployment &d);
/// MaxSurge / MaxUnavailable: 0 for Recreate; unavailable at most replicas.
std::int32_t maxSurge(const store::Deployment &d);
std::int32_t maxUnavailable(const store::Deployment &d);

/// controller.ComputeHash: fnv32a over the template (here its canonical JSON) and the
/// collision count, written with rand.SafeEncodeString ("7b9c5d8f6").
std::string computeHash(const api::Value &podTemplate, std::optional<std::int32_t> collisionCount);
/// EqualIgnoreHash: the templates are equal once the pod-template-hash labels are dropped.
bool equalIgnoreHash(const api::Value &a, const api::Value &b);
/// The template with the pod-template-hash label removed (what a rollback copies back).
api::Value withoutHash(const api::Value &podTemplate);
/// The template with pod-template-hash: hash added to its labels.
api::Value withHash(const api::Value &podTemplate, const std::string &hash);

/// deployment.kubernetes.io/revision as a number (0 when absent or not a number).
std::int64_t revision(const store::ReplicaSet &rs);
std::int64_t maxRevision(const RsList &list);
std::optional<std::int32_t> intAnnotation(const store::ReplicaSet &rs, const char *annotation);

std::int32_t specReplicas(const RsList &list);      ///< GetReplicaCountForReplicaSets
std::int32_t actualReplicas(const RsList &list);    ///< GetActualReplicaCountForReplicaSets
std::int32_t readyReplicas(const RsList &list);     ///< GetReadyReplicaCountForReplicaSets
std::int32_t availableReplicas(const RsList &list); ///< GetAvailableReplicaCountForReplicaSets
/// FilterActiveReplicaSets: spec.replicas > 0.
RsList active(const RsList &list);

void sortByCreation(RsList &list);  ///< ReplicaSetsByCreationTimestamp: older first, then name
void sortBySizeNewer(RsList &list); ///< larger first; same size: newer first
void sortBySizeOlder(RsList &list); ///< larger first; same size: older first
void sortByRevision(RsList &list);  ///< ReplicaSetsByRevision: lower revision first

/// FindNewReplicaSet: the oldest ReplicaSet whose template equals the Deployment's.
RsPtr findNewReplicaSet(const store::Deployment &d, RsList list);
/// NewRSNewReplicas: how large the new ReplicaSet may be now.
std::int32_t newRSNewReplicas(const store::Deployment &d, const RsList &all, const store::ReplicaSet &newRS);
/// FindActiveOrLatest: the one active ReplicaSet, the newest when none is, else null.
RsPtr findActiveOrLatest(const RsPtr &newRS, RsList oldRSs);
/// IsSaturated: the new ReplicaSet has all replicas, desired and available.
bool isSaturated(const store::Deployment &d, const RsPtr &rs);
/// GetReplicaSetProportion (with getReplicaSetFraction) for proportional scaling.
std::int32_t replicaSetProportion(const store::ReplicaSet &rs, const store::Deployment &d, std::int32_t toAdd,
                                  std::int32_t added);

bool hasProgressDeadline(const store::Deployment &d);
bool deploymentComplete(const store::Deployment &d, const store::Deployment::Status &status);
bool deploymentProgressing(const store::Deployment &d, const store::Deployment::Status &status);
bool deploymentTimedOut(const store::Deployment &d, const store::Deployment::Status &status, SimTime now);

/// NewDeploymentCondition: lastUpdateTime = lastTransitionTime = now.
store::WorkloadCondition newCondition(std::string type, std::string status, std::string reason,
                                      std::string message, SimTime now);
/// SetDeploymentCondition: same status and reason changes nothing; same status keeps the
/// transition time; the condition goes to the end of the list.
void setCondition(store::Deployment::Status &status, store::WorkloadCondition condition);

} // namespace emu::ctrl::deploymentutil
