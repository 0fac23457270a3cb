// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "informer.h"
#include "work_queue.h"

#include "emulator/sim/sim_context.h"

#include <optional>
#include <string>
#include <vector>

namespace emu::ctrl {

/// kube-controller-manager's statefulset-controller (pkg/controller/statefulset, spec 7.3).
///
/// Each sync (one StatefulSet key):
/// - revisions: the update revision is a ControllerRevision `<set>-<hash>` of the template
///   (created, reused when the template is the latest one, or renumbered above the others on
///   a rollback); the current revision is status.currentRevision (the update one at first);
/// - pods `<set>-<ordinal>` for ordinals [ordinals.start, ordinals.start + replicas): a
///   missing one is created from the current revision's template below the partition and from
///   the update revision's otherwise (labels pod-name, pod-index, controller-revision-hash;
///   hostname and subdomain = serviceName), with its PersistentVolumeClaims
///   `<template>-<set>-<ordinal>` created first; a Failed or Succeeded pod is deleted and
///   recreated (RecreatingFailedPod / RecreatingTerminatedPod);
/// - OrderedReady: one pod at a time, each Running and Ready (and available for
///   minReadySeconds) before the next; pods above the range are deleted from the highest
///   ordinal, one at a time, once all the others are healthy. Parallel: all at once;
/// - RollingUpdate: the highest-ordinal pod at or above the partition that is not at the update
///   revision is deleted (the pod loop recreates it), one at a time, waiting for each to be
///   healthy; OnDelete: only deleted pods get the new template;
/// - persistentVolumeClaimRetentionPolicy: whenDeleted Delete gives the claims an owner
///   reference to the set, whenScaled Delete one to the pod of a condemned ordinal (the
///   garbage collector deletes them after their owner); Retain keeps them;
/// - status replicas, readyReplicas, availableReplicas, currentReplicas, updatedReplicas,
///   currentRevision, updateRevision (current = update once every pod is updated and
///   ready), observedGeneration, collisionCount; old revisions no pod uses beyond
///   revisionHistoryLimit are deleted.
/// Events: SuccessfulCreate "create Pod web-0 in StatefulSet web successful", "create Claim
/// data-web-0 Pod web-0 in StatefulSet web success", SuccessfulDelete "delete Pod web-2 in
/// StatefulSet web successful", FailedCreate / FailedDelete. Engine thread only.
class StatefulSetController
{
public:
    StatefulSetController(sim::SimContext &context, Informer<store::StatefulSet> &sets, Informer<store::Pod> &pods,
                          Informer<store::ControllerRevision> &revisions);

private:
    using PodPtr = std::shared_ptr<const store::Pod>;
    using RevisionPtr = std::shared_ptr<const store::ControllerRevision>;

    struct Revisions
    {
        RevisionPtr current;
        RevisionPtr update;
        std::vector<RevisionPtr> all;
        std::optional<std::int32_t> collisionCount;
    };

    bool sync(const std::string &key);
    std::optional<std::string> revisions(const store::StatefulSet &set, Revisions &r);
    void cleanupHistory(const store::StatefulSet &set, const Revisions &r, const std::vector<PodPtr> &pods);
    /// updateStatefulSet: creates, deletes and updates pods; fills the status counts.
    std::optional<std::string> updateStatefulSet(const store::StatefulSet &set, const Revisions &r,
                                                 const std::vector<PodPtr> &pods, store::StatefulSet::Status &status);
    /// processReplica; true to stop this sync (monotonic waiting or an error in `error`).
    bool processReplica(const store::StatefulSet &set, const Revisions &r, bool monotonic, std::vector<PodPtr> &replicas,
                        std::size_t i, std::optional<std::string> &error);

    PodPtr createPod(const store::StatefulSet &set, const Revisions &r, int ordinal, std::optional<std::string> &error);
    std::optional<std::string> deletePod(const store::StatefulSet &set, const store::Pod &pod);
    void createMissingClaims(const store::StatefulSet &set, int ordinal, const std::string &podName);
    void applyRetentionPolicy(const store::StatefulSet &set, int ordinal, const store::Pod *condemnedPod);
    void podEvent(const store::StatefulSet &set, const std::string &verb, const std::string &podName,
                  const std::optional<std::string> &error);

    void onPod(const store::Pod &pod);
    void onPodUpdate(const PodPtr &previous, const PodPtr &pod);

    sim::SimContext &m_context;
    Informer<store::StatefulSet> &m_sets;
    Informer<store::Pod> &m_pods;
    Informer<store::ControllerRevision> &m_revisions;
    WorkQueue m_queue;
};

} // namespace emu::ctrl
