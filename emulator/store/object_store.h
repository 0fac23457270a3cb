// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "controller_revision.h"
#include "cron_job.h"
#include "daemon_set.h"
#include "deployment.h"
#include "job.h"
#include "lease.h"
#include "node.h"
#include "object_table.h"
#include "pod.h"
#include "pod_disruption_budget.h"
#include "replica_set.h"
#include "replication_controller.h"
#include "stateful_set.h"
#include "unstructured_object.h"

namespace emu::store {

/// The emulated API server's storage: one table per emulated kind, one global revision
/// counter (resourceVersion) shared by all of them, as etcd's. Every component reads and
/// writes through it, so what a component sees is what the user sees. Engine thread only.
class ObjectStore
{
public:
    explicit ObjectStore(Engine &engine)
        : m_nodes(engine, m_revision, m_uids)
        , m_leases(engine, m_revision, m_uids)
        , m_pods(engine, m_revision, m_uids)
        , m_others(engine, m_revision, m_uids)
        , m_deployments(engine, m_revision, m_uids)
        , m_replicaSets(engine, m_revision, m_uids)
        , m_replicationControllers(engine, m_revision, m_uids)
        , m_statefulSets(engine, m_revision, m_uids)
        , m_daemonSets(engine, m_revision, m_uids)
        , m_jobs(engine, m_revision, m_uids)
        , m_cronJobs(engine, m_revision, m_uids)
        , m_podDisruptionBudgets(engine, m_revision, m_uids)
        , m_controllerRevisions(engine, m_revision, m_uids)
    {
        installAdmissionPlugins();
    }
    ObjectStore(const ObjectStore &) = delete;
    ObjectStore &operator=(const ObjectStore &) = delete;

    ObjectTable<Node> &nodes() { return m_nodes; }
    const ObjectTable<Node> &nodes() const { return m_nodes; }
    ObjectTable<Lease> &leases() { return m_leases; }
    const ObjectTable<Lease> &leases() const { return m_leases; }
    ObjectTable<Pod> &pods() { return m_pods; }
    const ObjectTable<Pod> &pods() const { return m_pods; }
    /// Objects of kinds not emulated yet, keyed by "kind/namespace/name".
    ObjectTable<UnstructuredObject> &others() { return m_others; }
    const ObjectTable<UnstructuredObject> &others() const { return m_others; }

    // Workload kinds (keyed by namespace/name), run by the workload controllers.
    ObjectTable<Deployment> &deployments() { return m_deployments; }
    const ObjectTable<Deployment> &deployments() const { return m_deployments; }
    ObjectTable<ReplicaSet> &replicaSets() { return m_replicaSets; }
    const ObjectTable<ReplicaSet> &replicaSets() const { return m_replicaSets; }
    ObjectTable<ReplicationController> &replicationControllers() { return m_replicationControllers; }
    const ObjectTable<ReplicationController> &replicationControllers() const { return m_replicationControllers; }
    ObjectTable<StatefulSet> &statefulSets() { return m_statefulSets; }
    const ObjectTable<StatefulSet> &statefulSets() const { return m_statefulSets; }
    ObjectTable<DaemonSet> &daemonSets() { return m_daemonSets; }
    const ObjectTable<DaemonSet> &daemonSets() const { return m_daemonSets; }
    ObjectTable<Job> &jobs() { return m_jobs; }
    const ObjectTable<Job> &jobs() const { return m_jobs; }
    ObjectTable<CronJob> &cronJobs() { return m_cronJobs; }
    const ObjectTable<CronJob> &cronJobs() const { return m_cronJobs; }
    ObjectTable<PodDisruptionBudget> &podDisruptionBudgets() { return m_podDisruptionBudgets; }
    const ObjectTable<PodDisruptionBudget> &podDisruptionBudgets() const { return m_podDisruptionBudgets; }
    ObjectTable<ControllerRevision> &controllerRevisions() { return m_controllerRevisions; }
    const ObjectTable<ControllerRevision> &controllerRevisions() const { return m_controllerRevisions; }

    std::uint64_t revision() const { return m_revision; }

private:
    /// The API server's admission plugins that the emulator runs (admission.cpp).
    void installAdmissionPlugins();

    std::uint64_t m_revision = 0;
    std::uint64_t m_uids = 0;
    ObjectTable<Node> m_nodes;
    ObjectTable<Lease> m_leases;
    ObjectTable<Pod> m_pods;
    ObjectTable<UnstructuredObject> m_others;
    ObjectTable<Deployment> m_deployments;
    ObjectTable<ReplicaSet> m_replicaSets;
    ObjectTable<ReplicationController> m_replicationControllers;
    ObjectTable<StatefulSet> m_statefulSets;
    ObjectTable<DaemonSet> m_daemonSets;
    ObjectTable<Job> m_jobs;
    ObjectTable<CronJob> m_cronJobs;
    ObjectTable<PodDisruptionBudget> m_podDisruptionBudgets;
    ObjectTable<ControllerRevision> m_controllerRevisions;
};

} // namespace emu::store
