// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cron_job_controller.h"
#include "daemon_set_controller.h"
#include "deployment_controller.h"
#include "disruption_controller.h"
#include "garbage_collector.h"
#include "informer.h"
#include "job_controller.h"
#include "replica_set_controller.h"
#include "stateful_set_controller.h"
#include "ttl_after_finished_controller.h"

#include "emulator/sim/sim_context.h"

#include <memory>

namespace emu::ctrl {

/// The workload half of kube-controller-manager: the shared informers (one per kind, as
/// kcm's SharedInformerFactory) and the workload controllers built on them.
///
/// How to write a controller on this base (see ReplicaSetController for a complete one):
/// - Read through the informers (`pods()`, `replicaSets()`, ...): their caches lag the store
///   by the watch delivery, as a real informer lags the API server. Write through the store
///   (`context.store`), with patch() for metadata and status, so a write never conflicts.
/// - Register handlers with `informer.addHandlers({onAdd, onUpdate, onDelete})` in the
///   constructor; they only map an event to controller keys and add them to a WorkQueue.
/// - The WorkQueue calls the sync function with one key at a time; return false on an error
///   to requeue it rate-limited (5 ms doubling to 1000 s), use addAfter() for timed resyncs
///   (minReadySeconds, progress deadlines).
/// - Use ControllerExpectations around creations and deletions, and observe them in the pod
///   handlers, so a sync does not act again before its own writes are seen.
/// - Create and delete pods with a PodControl (its own seeded stream:
///   `context.rng.child("<controller-name>")`), and claim pods and other dependents with
///   ControllerRefManager (adoption and release by selector).
/// Engine thread only.
class WorkloadControllers
{
public:
    explicit WorkloadControllers(sim::SimContext &context);
    ~WorkloadControllers();
    WorkloadControllers(const WorkloadControllers &) = delete;
    WorkloadControllers &operator=(const WorkloadControllers &) = delete;

    /// Starts the informers (list-then-watch) and the controllers' timers.
    void start();

    Informer<store::Pod> &pods() { return m_pods; }
    Informer<store::Node> &nodes() { return m_nodes; }
    Informer<store::Deployment> &deployments() { return m_deployments; }
    Informer<store::ReplicaSet> &replicaSets() { return m_replicaSets; }
    Informer<store::ReplicationController> &replicationControllers() { return m_replicationControllers; }
    Informer<store::StatefulSet> &statefulSets() { return m_statefulSets; }
    Informer<store::DaemonSet> &daemonSets() { return m_daemonSets; }
    Informer<store::Job> &jobs() { return m_jobs; }
    Informer<store::CronJob> &cronJobs() { return m_cronJobs; }
    Informer<store::PodDisruptionBudget> &podDisruptionBudgets() { return m_podDisruptionBudgets; }
    Informer<store::ControllerRevision> &controllerRevisions() { return m_controllerRevisions; }

    const ReplicaSetController<store::ReplicaSet> &replicaSetController() const { return *m_replicaSetController; }
    /// The garbage collector, also the DELETE verb with a propagationPolicy.
    GarbageCollector &garbageCollector() { return *m_garbageCollector; }

private:
    sim::SimContext &m_context;
    Informer<store::Pod> m_pods;
    Informer<store::Node> m_nodes;
    Informer<store::Deployment> m_deployments;
    Informer<store::ReplicaSet> m_replicaSets;
    Informer<store::ReplicationController> m_replicationControllers;
    Informer<store::StatefulSet> m_statefulSets;
    Informer<store::DaemonSet> m_daemonSets;
    Informer<store::Job> m_jobs;
    Informer<store::CronJob> m_cronJobs;
    Informer<store::PodDisruptionBudget> m_podDisruptionBudgets;
    Informer<store::ControllerRevision> m_controllerRevisions;
    std::unique_ptr<ReplicaSetController<store::ReplicaSet>> m_replicaSetController;
    std::unique_ptr<ReplicaSetController<store::ReplicationController>> m_replicationController;
    std::unique_ptr<DeploymentController> m_deploymentController;
    std::unique_ptr<DaemonSetController> m_daemonSetController;
    std::unique_ptr<DisruptionController> m_disruptionController;
    std::unique_ptr<GarbageCollector> m_garbageCollector;
    std::unique_ptr<JobController> m_jobController;
    std::unique_ptr<TtlAfterFinishedController> m_ttlAfterFinishedController;
    std::unique_ptr<CronJobController> m_cronJobController;
    std::unique_ptr<StatefulSetController> m_statefulSetController;
};

} // namespace emu::ctrl
