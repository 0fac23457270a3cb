// SPDX-License-Identifier: Apache-2.0
#include "workload_controllers.h"

namespace emu::ctrl {

WorkloadControllers::WorkloadControllers(sim::SimContext &context)
    : m_context(context)
    , m_pods(context.store.pods())
    , m_nodes(context.store.nodes())
    , m_deployments(context.store.deployments())
    , m_replicaSets(context.store.replicaSets())
    , m_replicationControllers(context.store.replicationControllers())
    , m_statefulSets(context.store.statefulSets())
    , m_daemonSets(context.store.daemonSets())
    , m_jobs(context.store.jobs())
    , m_cronJobs(context.store.cronJobs())
    , m_podDisruptionBudgets(context.store.podDisruptionBudgets())
    , m_controllerRevisions(context.store.controllerRevisions())
{
    m_replicaSetController = std::make_unique<ReplicaSetController<store::ReplicaSet>>(
        context, context.store.replicaSets(), m_replicaSets, m_pods, m_replicaSets,
        context.rng.child("replicaset-controller"));
    m_replicationController = std::make_unique<ReplicaSetController<store::ReplicationController>>(
        context, context.store.replicationControllers(), m_replicationControllers, m_pods, m_replicaSets,
        context.rng.child("replicationcontroller"));
    m_deploymentController = std::make_unique<DeploymentController>(context, m_deployments, m_replicaSets, m_pods);
    m_daemonSetController = std::make_unique<DaemonSetController>(
        context, m_daemonSets, m_pods, m_nodes, m_controllerRevisions, context.rng.child("daemonset-controller"));
    m_disruptionController = std::make_unique<DisruptionController>(context, m_podDisruptionBudgets, m_pods);
    m_garbageCollector = std::make_unique<GarbageCollector>(context);
    m_jobController = std::make_unique<JobController>(context, m_jobs, m_pods, context.rng.child("job-controller"));
    m_ttlAfterFinishedController =
        std::make_unique<TtlAfterFinishedController>(context, m_jobs, *m_garbageCollector);
    m_cronJobController = std::make_unique<CronJobController>(context, m_cronJobs, m_jobs, *m_garbageCollector);
    m_statefulSetController =
        std::make_unique<StatefulSetController>(context, m_statefulSets, m_pods, m_controllerRevisions);
}

WorkloadControllers::~WorkloadControllers() = default;

void WorkloadControllers::start()
{
    m_pods.start();
    m_nodes.start();
    m_deployments.start();
    m_replicaSets.start();
    m_replicationControllers.start();
    m_statefulSets.start();
    m_daemonSets.start();
    m_jobs.start();
    m_cronJobs.start();
    m_podDisruptionBudgets.start();
    m_controllerRevisions.start();
    m_garbageCollector->start();
}

} // namespace emu::ctrl
