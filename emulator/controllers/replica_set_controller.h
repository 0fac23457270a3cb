// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "controller_expectations.h"
#include "controller_owner.h"
#include "informer.h"
#include "pod_control.h"
#include "work_queue.h"

#include "emulator/sim/sim_context.h"

#include <optional>
#include <string>

namespace emu::ctrl {

/// kube-controller-manager's replicaset-controller (pkg/controller/replicaset), which also
/// runs ReplicationControllers (pkg/controller/replication: the same code on core/v1): keeps
/// spec.replicas active pods of the template (spec 7.2).
///
/// Each sync (one key from the work queue):
/// - claims the active pods of its namespace (adopts orphans its selector matches, releases
///   owned pods that no longer match);
/// - unless waiting for its own earlier creations/deletions (expectations) or being deleted:
///   creates the missing pods, at most burstReplicas (500) per sync, in slow-start batches of
///   1, 2, 4, ... that stop at the first failure; or deletes the surplus, ranked by
///   ActivePodsWithRanks (unscheduled, pending, not ready, low deletion cost, doubled up,
///   ready for less time, restarted more, newer first);
/// - writes the status: replicas, fullyLabeledReplicas, readyReplicas, availableReplicas
///   (Ready for minReadySeconds), observedGeneration, and ReplicaFailure (FailedCreate /
///   FailedDelete) while creating or deleting fails.
/// A pod that turns Ready resyncs its owner minReadySeconds + 1 s later. Engine thread only.
template<class T> // store::ReplicaSet or store::ReplicationController
class ReplicaSetController
{
public:
    struct Settings
    {
        int burstReplicas = 500; ///< kcm's BurstReplicas
    };

    ReplicaSetController(sim::SimContext &context, store::ObjectTable<T> &table, Informer<T> &informer,
                         Informer<store::Pod> &pods, Informer<store::ReplicaSet> &replicaSets, Rng rng,
                         Settings settings = {});

    const WorkQueue &queue() const { return m_queue; }

private:
    bool sync(const std::string &key);
    std::optional<std::string> manageReplicas(const std::vector<std::shared_ptr<const store::Pod>> &pods,
                                              const T &object);
    std::optional<std::string> createPods(const T &object, int count);
    std::optional<std::string> deletePods(const std::vector<std::shared_ptr<const store::Pod>> &pods,
                                          const T &object, int count);
    void updateStatus(const T &object, const std::vector<std::shared_ptr<const store::Pod>> &pods,
                      const std::optional<std::string> &manageError);
    std::vector<std::shared_ptr<const store::Pod>> relatedPods(const T &object) const;

    void addPod(const std::shared_ptr<const store::Pod> &pod);
    void updatePod(const std::shared_ptr<const store::Pod> &previous, const std::shared_ptr<const store::Pod> &pod);
    void deletePod(const store::Pod &pod);
    std::shared_ptr<const T> resolveControllerRef(const std::string &namespaceName,
                                                  const store::OwnerReference &ref) const;
    void enqueueMatching(const store::Pod &pod);

    sim::SimContext &m_context;
    store::ObjectTable<T> &m_table;
    Informer<T> &m_informer;
    Informer<store::Pod> &m_pods;
    Informer<store::ReplicaSet> &m_replicaSets;
    PodControl m_podControl;
    ControllerExpectations m_expectations;
    Settings m_settings;
    WorkQueue m_queue;
};

} // namespace emu::ctrl
